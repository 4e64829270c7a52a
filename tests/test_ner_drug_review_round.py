"""Rule round from blind batch 103 (drug reviews from a medicine ratings site, and tweets), after its score: Graves
written with a capital in a post about the thyroid, the most a lost function still manages ("[cant walk more than a
mile]"), what a held cup holds ("[couldn't hold a cup of tea]"), and a few names. Batch 104, written blind beside it
from the same brief, was not studied.
"""
from __future__ import annotations

import pytest

from tests.conftest import entities_by_text as _entities

GRAVES = "HP:0100647"


@pytest.mark.parametrize("text", [
    "Methimazole 10mg - 3/5 Graves found in January after I lost 15 lbs.",
    "Hypothyroid since RAI for Graves in 2019, now on levo.",
    "Dx Graves in 2019, on methimazole since.",
    "Graves kept me awake for months before the methimazole worked.",  # what a disease does, not a person
])
def test_graves_with_a_capital_is_the_disease_in_a_post_about_the_thyroid(nlp, text):
    assert _entities(nlp, text)["Graves"] == ("DISEASE", GRAVES)


@pytest.mark.parametrize("text", [
    "Dr. Graves checked my TSH and upped the levo.",
    "Graves said my TSH was fine.",
    "My thyroid is fine, Mr Graves visited the cemetery.",
    "Robert Graves wrote poems. My thyroid is fine.",
    "Graves County hospital checked my thyroid.",
    "I was diagnosed with Graves last year.",  # nothing in the post speaks for the disease
])
def test_graves_the_person_or_undecided_is_no_disease(nlp, text):
    assert "Graves" not in _entities(nlp, text)


def test_other_short_forms_with_a_capital_keep_their_sense(nlp):
    assert _entities(nlp, "Started Pred 40mg for the flare, steroid taper next week.")["Pred"][0] == "DRUG"


def test_war_graves_are_burials(nlp):
    assert "graves" not in _entities(nlp, "The war graves in France were moving; my TSH was checked later.")


@pytest.mark.parametrize("text, span", [
    ("i cant walk more than a mile before my calves seize up", "cant walk more than a mile"),
    ("I cannot sit more than half hour.", "cannot sit more than half hour"),
    ("could not eat more than half a plate", "could not eat more than half a plate"),
    ("cannot sleep more than 3 or 4 hours", "cannot sleep more than 3 or 4 hours"),
    ("i can't open my mouth more than two fingers wide", "can't open my mouth more than two fingers wide"),
    ("can't sit more than fifteen minutes", "can't sit more than fifteen minutes"),
    ("cant walk more than 1,000 steps", "cant walk more than 1,000 steps"),
    ("i cant walk more than 200m", "cant walk more than 200m"),
    ("couldn't eat more than half a plate of food", "couldn't eat more than half a plate of food"),
])
def test_the_most_a_lost_function_manages_is_inside(nlp, text, span):
    assert _entities(nlp, text)[span][0] == "SYMPTOM"


@pytest.mark.parametrize("text, span", [
    ("i cant eat more than I used to", "cant eat"),
    ("i cant walk more than once a day", "cant walk"),
    ("I can't sleep more than 4 then I wake up", "can't sleep"),
    ("i cant walk more than 2x a week now", "cant walk"),
    ("cant walk more than 2", "cant walk"),
])
def test_a_comparison_without_an_amount_is_no_limit(nlp, text, span):
    assert span in _entities(nlp, text)


def test_what_a_held_cup_holds_is_part_of_the_loss(nlp):
    found = _entities(nlp, "my hands shook and I couldn't hold a cup of tea without spilling it.")
    assert found["couldn't hold a cup of tea"][0] == "SYMPTOM"
    assert "tea" not in found  # no drink taken
    assert "couldn't hold a cup" in _entities(nlp, "I couldn't hold a cup of my tea.")
    assert "couldn't lift a bag of frozen peas" in _entities(nlp, "couldn't lift a bag of frozen peas")


@pytest.mark.parametrize("text, span, label", [
    ("the worst nappy rash I've ever seen", "nappy rash", "SYMPTOM"),
    ("rescue inhaler for exercise asthma.", "exercise asthma", "DISEASE"),
    ("she gets thunderstorm asthma every spring", "thunderstorm asthma", "DISEASE"),
])
def test_names_from_the_round(nlp, text, span, label):
    assert _entities(nlp, text)[span][0] == label
