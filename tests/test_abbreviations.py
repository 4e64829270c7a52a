"""Schwartz-Hearst abbreviation definitions: qatext's own search and, when the ``scispacy``
extra is installed, scispacy's give the same (short, long) pairs.

The first tests run with whichever search ``qatext.load()`` uses (scispacy's when installed),
so they show both give the expected long forms. ``QATEXT_REQUIRE_SCISPACY=1`` (CI's scispacy
venv) turns the comparison's skip into a failure.
"""
from __future__ import annotations

import json
import os

import pytest
import spacy

from qatext.ner.abbreviations import filter_matches, find_definitions
from tests.conftest import GOLD

HAS_SCISPACY = filter_matches is not None

EXAMPLES = [
    ("I was diagnosed with irritable bowel syndrome (IBS) last year.", [("IBS", "irritable bowel syndrome")]),
    ("Amyotrophic lateral sclerosis (ALS) was ruled out.", [("ALS", "Amyotrophic lateral sclerosis")]),
    ("The heat shock transcription factor (HSF) binds DNA.", [("HSF", "heat shock transcription factor")]),
    ("My doctor ordered an MRI (magnetic resonance imaging of the spine) and bloods.",
     [("MRI", "magnetic resonance imaging of the spine")]),
    ("Her blood pressure (BP) and heart rate (HR) were normal.", [("BP", "blood pressure"), ("HR", "heart rate")]),
    ("I take it twice a day (morning) with food.", []),
    ("The result (see above) was fine (1).", []),
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


@pytest.mark.parametrize("text, expected", EXAMPLES)
def test_definitions_found_by_the_default_search(nlp, text, expected):
    found = [(short.text, long.text) for short, long in find_definitions(nlp(text))]
    assert found == expected


@pytest.mark.parametrize("text, expected", EXAMPLES)
def test_definitions_found_by_qatexts_own_search(nlp, text, expected):
    found = [(short.text, long.text) for short, long in find_definitions(nlp(text), use_scispacy=False)]
    assert found == expected


def test_the_pipeline_expands_a_defined_abbreviation():
    import qatext

    doc = qatext.load()("Amyotrophic lateral sclerosis (ALS) was ruled out. Is ALS hereditary?")
    definitions = doc._.abbreviation_definitions
    assert [(d["short"], d["long"]) for d in definitions] == [("ALS", "Amyotrophic lateral sclerosis")]
    assert len(definitions[0]["occurrences"]) == 2


def _require_scispacy():
    if HAS_SCISPACY:
        return
    if os.environ.get("QATEXT_REQUIRE_SCISPACY") == "1":
        pytest.fail("QATEXT_REQUIRE_SCISPACY=1 but scispacy is not importable")
    pytest.skip("needs the scispacy extra (pip install -e '.[test,scispacy]'); CI runs it in a second venv")


def _pairs(doc, *, use_scispacy: bool) -> list[tuple[int, int, int, int]]:
    return [(s.start, s.end, lf.start, lf.end) for s, lf in find_definitions(doc, use_scispacy=use_scispacy)]


def _assert_same_pairs(nlp, texts: list[str]) -> int:
    differ, found = [], 0
    for doc in nlp.pipe(texts, batch_size=256):
        ours, theirs = _pairs(doc, use_scispacy=False), _pairs(doc, use_scispacy=True)
        found += len(theirs)
        if ours != theirs:
            differ.append((doc.text[:200], ours, theirs))
    assert not differ, f"{len(differ)} of {len(texts)} texts differ, e.g. {differ[:3]}"
    return found


def test_own_search_equals_scispacy_on_the_gold_passages(nlp):
    _require_scispacy()
    texts = [json.loads(line)["text"] for name in ("ner.jsonl", "assertion.jsonl")
             for line in (GOLD / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [text for text, _ in EXAMPLES]
    assert len(texts) > 400
    assert _assert_same_pairs(nlp, texts) >= 5


def test_own_search_equals_scispacy_on_shared_corpora(nlp, shared_corpus):
    _require_scispacy()
    texts = []
    for name in ("medquad", "ask-a-doctor-2017", "covid-dialogue"):
        frame = shared_corpus(name)
        for field in ("question", "answer"):
            texts += [t for t in frame[field].dropna() if "(" in t]
    texts = texts[::max(1, len(texts) // 6000)]  # an even spread over the three corpora
    assert len(texts) > 5000
    assert _assert_same_pairs(nlp, texts) > 1000


@pytest.mark.parametrize("text, occurrences", [
    ("I had a loss of consciousness (LOC) after the fall and another LOC last week.", [(7, 8), (14, 15)]),
    ("Chronic kidney disease (CKD) runs in the family; my CKD is stage 3.", [(4, 5), (12, 13)]),
])
def test_every_later_use_of_a_short_form_is_an_occurrence(text, occurrences):
    # "LOC" is also one of spaCy's fixed symbols, whose id in the string store is not the text's hash
    import qatext

    doc = qatext.load(topics=False)(text)
    assert [d["occurrences"] for d in doc._.abbreviation_definitions] == [occurrences]
