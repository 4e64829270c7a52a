"""Round 43: what blind batches 68 and 69 (medicine tweets, askapatient-style reviews, patient-forum threads on
chronic conditions, adults' first questions about new symptoms) showed after their scores: the bladder's nights, burns
and urgency in lay words, triggers set off by "if" or listed after another act, and "the pill" in more frames.
"""
from __future__ import annotations

import pytest

NOCTURIA = "HP:0000017"


def _found(nlp, text):
    return {(e.text, e.label_, e.kb_id_) for e in nlp(text).ents}


@pytest.mark.parametrize("text, surface, concept", [
    ("for a year i've been up to the loo 3 or 4 times a night", "up to the loo 3 or 4 times a night", NOCTURIA),
    ("she is up twice every night for a wee", "up twice every night for a wee", NOCTURIA),
    ("up for a wee 3 or 4 times every night since the op", "up for a wee 3 or 4 times every night", NOCTURIA),
    ("the furosemide has me up half the night weeing", "up half the night weeing", NOCTURIA),
    ("i get up to wee 4 times every night", "get up to wee 4 times every night", NOCTURIA),  # the getting up inside
    ("im getting up 5 times a night for a wee", "getting up 5 times a night for a wee", NOCTURIA),
    ("my pee burns and it smells strong", "pee burns", "HP:0100518"),
    ("I'm also needing to wee urgently, which is new", "needing to wee urgently", "HP:0000012"),
])
def test_the_bladder_in_lay_words(nlp, text, surface, concept):
    assert (surface, "SYMPTOM", concept) in _found(nlp, text)


@pytest.mark.parametrize("text", [
    "the wee burns were lovely on our walk",  # Scots: small streams
    "My wee burns from the curling tongs have blistered.",  # the noun
    "Dog pee burns the grass",  # the flow hurting something else
    "I was up half the night weeing myself laughing",
])
def test_other_senses_of_the_bladder_words(nlp, text):
    assert not any(e.label_ == "SYMPTOM" for e in nlp(text).ents)


def test_getting_up_that_sets_a_complaint_off_is_none(nlp):
    assert {e.text for e in nlp("dizzy when i get up in the night to pee").ents} == {"dizzy"}


@pytest.mark.parametrize("text, trigger", [
    ("since my second baby I wet myself a little if I cough, sneeze or jump", "cough"),
    ("since my second baby I wet myself a little if I cough, sneeze or jump", "sneeze"),
    ("pain shooting down my left leg, worse when I sit or cough", "cough"),
])
def test_a_trigger_is_no_complaint_of_its_own(nlp, text, trigger):
    assert trigger not in {e.text for e in nlp(text).ents}


@pytest.mark.parametrize("text, complaint", [
    ("shes dizzy when she stands and cold all the time", "cold"),  # "and" lists complaints as often as acts
    ("Sore throat when I swallow, cough and a fever since Monday", "cough"),
    ("I have a fever and a sore throat, what if I cough up blood?", "cough up blood"),  # "if" of a question
    ("My chest hurts and I wonder if I cough because of the inhaler", "cough"),
])
def test_a_complaint_after_a_trigger_or_an_asking_if_stays(nlp, text, complaint):
    assert complaint in {e.text for e in nlp(text).ents}


@pytest.mark.parametrize("text", [
    "back on the pill now. 1 star",
    "had to swap the pill for a copper coil because of the migraines",
    "ive had heavy periods since i came off the pill last year",
    "he offered the pill or metformin for her PCOS",
    "no meds except the pill.",
    "mefenamic acid and the pill never touched the pain",
])
def test_the_pill_in_more_frames(nlp, text):
    assert ("pill", "DRUG", "QATEXT:drug/combined-oral-contraceptive") in _found(nlp, text)


@pytest.mark.parametrize("text", ["I take the pill with food", "put the pill box on the shelf",
                                  "after the pill i feel sick", "i forgot the pill you gave me",
                                  # a medicine named before, and no word of contraception
                                  "The GP gave me amlodipine. The pill has made my ankles swell.",
                                  "Took ibuprofen at 6 and the pill never touched the pain.",
                                  "I take amlodipine for blood pressure but I forgot the pill at home."])
def test_a_pill_named_otherwise_is_not_the_contraceptive(nlp, text):
    assert "pill" not in {e.text for e in nlp(text).ents}
