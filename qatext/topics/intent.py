"""Question intent from the question's form: cue n-grams (``intent_cues.tsv``) found by hash.

The cues are scored together with the specialty words in :mod:`qatext.topics.scorer`, in the
same table lookup; this module holds the intent-specific constants and the lexicon reader.
"""
from __future__ import annotations

from importlib import resources

import numpy as np

from qatext.topics.labels import INTENT_INDEX, INTENTS
from qatext.topics.specialty import read_cues

N_INTENTS = len(INTENTS)
# what a question with no cue at all most likely asks for
BASELINE = np.zeros(N_INTENTS)
BASELINE[INTENT_INDEX["information"]] = 0.6
BASELINE[INTENT_INDEX["other"]] = 0.3
OUTSIDE_QUESTION = 0.5   # a cue in a statement counts half as much as one in a question
SECONDARY_CUES = 0.3     # further cues for the same intent add this fraction of their weight
ENTITY_NUDGE = 0.5       # a DRUG (TEST) entity adds this to medication (test_interpretation)


def intent_cues() -> list[tuple[str, str, float]]:
    """The packaged intent cue lexicon as (phrase, intent, weight)."""
    text = resources.files("qatext.resources").joinpath("topics", "intent_cues.tsv").read_text(encoding="utf-8")
    return read_cues(text, source="intent_cues.tsv", labels=INTENT_INDEX)
