"""Round 14b: one-word symptoms by their context, degree words before a noun, drug names patients use (issue 11)."""
from __future__ import annotations

import pytest

import qatext


@pytest.fixture(scope="module")
def nlp():
    return qatext.load(topics=False)


def found(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents]


def texts(nlp, text):
    return [e.text for e in nlp(text).ents]


# --- 2. "so"/"too" grade an adjective, not a noun (GUIDELINES rule 16) ----------------------------------
@pytest.mark.parametrize("text, entity", [
    ("my iron studies were low so anaemia was the first thing they checked", "anaemia"),
    ("my sister has it too so pernicious anaemia runs in the family i guess", "pernicious anaemia"),
    ("started steroids last week so moon face is on its way", "moon face"),
    ("lifting boxes all day at work so back pain every evening", "back pain"),
    ("stitches came out today so bleeding is what i have to watch for", "bleeding"),
])
def test_conjunction_so_stays_out_of_a_noun(nlp, text, entity):
    assert entity in texts(nlp, text)


@pytest.mark.parametrize("text, entity", [
    ("the iron tablets make me so constipated", "so constipated"),
    ("i feel so tired and so nauseous all day", "so nauseous"),
    ("im too weak to get up some mornings", "too weak"),
    ("woke up with a really sore throat", "really sore throat"),
])
def test_degree_adverb_stays_with_an_adjective(nlp, text, entity):
    assert any(t.startswith(entity) for t in texts(nlp, text)), texts(nlp, text)
