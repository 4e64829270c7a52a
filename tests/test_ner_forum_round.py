"""Rule round from blind batch 105 (patient-forum opening posts and replies, and tweets), after its score: a clinic
is no medicine, a drink is no tremor, a tracer takes its scan, "level off" is no test, and a few names. Batch 106,
written blind beside it from the same brief, was not studied.
"""
from __future__ import annotations

import pytest

from tests.conftest import entities_by_text as _entities


@pytest.mark.parametrize("text, word", [
    ("She's also referred me to gynae for the heavy periods.", "gynae"),
    ("GP sent me to the physio for my knee pain.", "physio"),
])
def test_a_clinic_after_a_referral_is_no_medicine(nlp, text, word):
    assert _entities(nlp, text).get(word, ("",))[0] != "DRUG"


def test_a_drink_is_no_tremor(nlp):
    assert "shakes" not in _entities(nlp, "cant eat much so i force protein shakes")
    assert _entities(nlp, "I get the shakes in the morning.")["shakes"][0] == "SYMPTOM"


def test_a_tracer_takes_its_scan(nlp):
    found = _entities(nlp, "The adenoma was found on a sestamibi scan last month.")
    assert found["sestamibi scan"][0] == "TEST"
    assert "sestamibi" not in found and "scan" not in found


def test_level_off_is_no_test(nlp):
    found = _entities(nlp, "Did the weight gain level off for anyone on mirtazapine?")
    assert found["weight gain"][0] == "SYMPTOM"
    assert _entities(nlp, "My vitamin D levels are low.")["vitamin D levels"][0] == "TEST"


@pytest.mark.parametrize("text, span, label", [
    ("Migraine aura where I lose my words, is this normal?", "Migraine aura", "SYMPTOM"),
    ("the 4pm crash hits and i turn into a crabby little potato", "crabby", "SYMPTOM"),
])
def test_names_from_the_round(nlp, text, span, label):
    assert _entities(nlp, text)[span][0] == label


def test_a_misspelled_cirrhosis_is_still_found(nlp):
    # a lexicon row whose words bring "crisis" near it would make the correction a tie (the round left one out)
    assert _entities(nlp, "can fatty liver turn into cirosis?")["cirosis"][0] == "DISEASE"
