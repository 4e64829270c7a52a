"""Property tests: the NER never raises, and every entity is a faithful slice of its text."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import qatext
from qatext.ner import ASSERTIONS, LABELS

MEDICAL_WORDS = ["no", "fever", "ALS", "(", ")", "headache", "my", "father", "had", "could", "this", "be", "?", "MRI",
                 "tylenol", "pain", "in", "left", "knee", "\n", ".", "if", "ago", "irritable bowel syndrome (IBS)",
                 "’", "n't", "severe", "IBS", "cancer", "  ", "\t", "😀", "中文", "<b>", "&amp;"]


@pytest.fixture(scope="module")
def nlp():
    return qatext.load()


texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(MEDICAL_WORDS), max_size=60).map(" ".join),
    st.lists(st.sampled_from(MEDICAL_WORDS), max_size=60).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_entities_are_aligned_slices(nlp, text):
    doc = nlp(text)
    previous_end = 0
    for ent in doc.ents:
        assert 0 <= ent.start_char < ent.end_char <= len(text)
        assert text[ent.start_char:ent.end_char] == ent.text
        assert ent.start_char >= previous_end
        previous_end = ent.end_char
        assert ent.label_ in LABELS
        assert ent._.assertion in ASSERTIONS
        assert ent._.concept_id


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_annotation_is_deterministic(nlp, text):
    first = [(e.start_char, e.end_char, e.label_, e._.concept_id, e._.assertion) for e in nlp(text).ents]
    second = [(e.start_char, e.end_char, e.label_, e._.concept_id, e._.assertion) for e in nlp(text).ents]
    assert first == second
