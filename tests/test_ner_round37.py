"""Round 37: lexicon gaps blind batches 56 and 57 (chronic-illness posts, men's health questions; statin, diabetes and
antidepressant reviews, pregnancy and new-mother questions) showed after their scores: a glued ME/CFS hashtag,
birth and breastfeeding words, and the medicines of those communities.
"""
from __future__ import annotations

import pytest

from conftest import labelled


@pytest.mark.parametrize("text, entity", [
    ("another crash after one walk to the shop #MEcfs #spoonie", ("#MEcfs", "DISEASE")),
    ("I had a second degree tear and the stitches sting", ("second degree tear", "DISEASE")),
    ("a clogged milk duct again on the left side, is it mastitis?", ("clogged milk duct", "DISEASE")),
    ("the afterpains are worse with my second baby", ("afterpains", "SYMPTOM")),
    ("30 weeks and getting tightenings every evening", ("tightenings", "SYMPTOM")),
    ("my 3 week old has milk spots on his nose", ("milk spots on his nose", "SYMPTOM")),
    ("we tried gripe water for the colic", ("gripe water", "DRUG")),
    ("I'm on fludro and salt tablets for my POTS", ("fludro", "DRUG")),
    ("had gold injections for my RA in the 90s", ("gold injections", "DRUG")),
    ("I'm rhesus negative so I'm booked for the anti-D injection", ("anti-D injection", "DRUG")),
])
def test_found_after_batches_56_57(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, surface", [
    # the words of these names elsewhere
    ("we drank the gold medal champagne", "gold"),
    ("the water pipe has a blocked drain, not a duct", "duct"),
])
def test_left_out_after_batches_56_57(nlp, text, surface):
    assert not any(surface in e for e, _ in labelled(nlp, text))
