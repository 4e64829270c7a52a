"""Round 16b: bare symptom words in a complaint's context, what the writer can no longer do, changed senses, and
names patients misspell (issue 11).

Each class has sentences in other words than the study set that the rules must catch, and near-misses in the
same words that report no health state (GUIDELINES rules 16 and 17, section 6).
"""
from __future__ import annotations

import pytest

import qatext


@pytest.fixture(scope="module")
def nlp():
    return qatext.load(topics=False)


def texts(nlp, text):
    return [e.text for e in nlp(text).ents]


def labelled(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents]


def problems(nlp, text):
    return [e.text for e in nlp(text).ents if e.label_ in ("SYMPTOM", "DISEASE")]


# --- 5. names patients misspell, and the tests and treatments they name -------------------------------------------
@pytest.mark.parametrize("text, entity, label", [
    # fuzzy matching returns the standard spelling the lexicon's patterns are written in
    ("the consultant thinks its haemocromatosis, bloods again next month", "haemocromatosis", "DISEASE"),
    # a generic name with its last "e" dropped
    ("been on lymecyclin for 8 weeks for the spots on my back", "lymecyclin", "DRUG"),
    ("derm put me on doxycylin and it upsets my stomach", "doxycylin", "DRUG"),
    ("the dry mouth is better on pilocarpene", "pilocarpene", "DRUG"),
    ("my brother was treated for hodgkins at 19", "hodgkins", "DISEASE"),
    ("the physio did a dix-hallpike test and it set off the spinning", "dix-hallpike", "TEST"),
    ("he had a videofluoroscopy because he coughs when he drinks", "videofluoroscopy", "TEST"),
    ("she checked every mole with a dermatoscope", "dermatoscope", "TEST"),
    ("would splinting at night help the arthritis in my thumb", "splinting", "TREATMENT"),
    ("our son spent 12 weeks in a pavlik harness", "pavlik harness", "TREATMENT"),
])
def test_names_and_misspellings(nlp, text, entity, label):
    assert (entity, label) in labelled(nlp, text), labelled(nlp, text)


@pytest.mark.parametrize("text, word", [
    ("we hired a harness for the climbing wall", "harness"),
    ("the dog pulls on his harness", "harness"),
    ("mr hodgkinson from next door drove me to the clinic", "hodgkinson"),
])
def test_names_near_misses(nlp, text, word):
    assert not any(word in e for e in texts(nlp, text)), texts(nlp, text)


@pytest.mark.parametrize("text, entity, label", [
    # "pred" is prednisolone after a taking verb or before a dose, or with a steroid story around it
    ("the rheumatologist started pred 15mg for the pmr", "pred", "DRUG"),
    ("weaning off pred now and my joints ache", "pred", "DRUG"),
    ("on 40mg of pred for a colitis flare", "pred", "DRUG"),
    # "T1"/"T2" alone is the diabetes when the story has its tests and complications
    ("T1 since i was 9, hba1c is 58 and the optician found mild retinopathy", "T1", "DISEASE"),
])
def test_shorthand(nlp, text, entity, label):
    assert (entity, label) in labelled(nlp, text), labelled(nlp, text)


@pytest.mark.parametrize("text, word", [
    ("my FEV1 was 71% pred on the spirometry", "pred"),
    ("the T1 images of my knee mri showed a bright lesion", "T1"),
])
def test_shorthand_near_misses(nlp, text, word):
    assert word not in texts(nlp, text), texts(nlp, text)
