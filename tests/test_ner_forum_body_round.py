"""Rule round from blind batch 106 (patient-forum posts on the heart, lungs, ENT, eyes, urology, women's health,
bones and children, and tweets), studied after it had been scored unseen: times stay outside a likeness, a stimulus
after "any" is borne, a pain's path may start "from" a part, a lasting state links its part, a normal life stage is
no disease, and a few figures of speech and names.
"""
from __future__ import annotations

import pytest

from tests.conftest import entities_by_text as _entities


@pytest.mark.parametrize("text, span", [
    ("since feb my eyes feel like theyre full of sand by mid afternoon", "eyes feel like theyre full of sand"),
    ("my eyes feel like theyre full of sand by 3pm every day", "eyes feel like theyre full of sand"),
    ("heel feels like glass first thing in the morning", "heel feels like glass"),
])
def test_a_time_stays_outside_a_likeness(nlp, text, span):
    assert _entities(nlp, text)[span][0] == "SYMPTOM"


def test_a_stimulus_after_any_is_borne(nlp):
    assert _entities(nlp, "i couldnt stand any light.")["couldnt stand any light"][0] == "SYMPTOM"
    found = _entities(nlp, "i cant stand any longer")
    assert found["cant stand"][0] == "SYMPTOM" and "cant stand any longer" not in found


@pytest.mark.parametrize("text, span", [
    ("now i get pain shooting from my left buttock down to my ankle", "pain shooting from my left buttock down to my ankle"),
    ("Pain shooting from my hip clear down to my heel", "Pain shooting from my hip clear down to my heel"),
])
def test_a_pain_path_from_a_part(nlp, text, span):
    assert _entities(nlp, text)[span][0] == "SYMPTOM"


def test_a_lasting_state_links_its_part(nlp):
    found = _entities(nlp, "Since it came off, my hand has stayed swollen and shiny.")
    assert found["hand has stayed swollen and shiny"][0] == "SYMPTOM"


def test_a_life_stage_is_no_disease(nlp):
    found = _entities(nlp, "I keep losing my words mid sentence - perimenopause or something worse?")
    assert "perimenopause" not in found
    assert _entities(nlp, "Postmenopausal bleeding for a week")["Postmenopausal bleeding"][0] == "SYMPTOM"


@pytest.mark.parametrize("text, word", [
    ("that penalty shootout took 10 years off my life, actual heart attack material 😭", "heart attack"),
    ("im literally peeing myself laughing at these replies 😭😭", "peeing myself"),
    ("if anything feels off with baby go straight in", "off"),
    ("4th UTI since Christmas. I was getting one every 6-8 weeks, always the same, burning, needing to go every ten minutes and that awful "
     "dragging ache low down, and every time another 3 days of trimethoprim.", "same"),
])
def test_no_complaint(nlp, text, word):
    assert word not in _entities(nlp, text)


def test_a_real_heart_attack_and_leak_stay(nlp):
    assert _entities(nlp, "my dad had a heart attack in 2019")["heart attack"][0] == "DISEASE"
    assert _entities(nlp, "i feel off today")["feel off"][0] == "SYMPTOM"


@pytest.mark.parametrize("text, span, label", [
    ("im going through a ventolin puffer every couple weeks", "ventolin puffer", "DRUG"),
    ("use hyaluronic drops 4x a day", "hyaluronic drops", "DRUG"),
    ("the PA told me to lay off the preworkout", "preworkout", "DRUG"),
    ("3 months into the mini pil and ive been spotting", "mini pil", "DRUG"),
    ("heart flops every night when i lie down", "heart flops", "SYMPTOM"),
    ("a high pitched whine on that side", "high pitched whine", "SYMPTOM"),
    ("by lunchtime most days my voice just gives out", "voice just gives out", "SYMPTOM"),
    ("eye was glued shut this morning", "eye was glued shut", "SYMPTOM"),
    ("im peeing like 20 times a day", "peeing like 20 times a day", "SYMPTOM"),
])
def test_names_and_phrases_from_the_round(nlp, text, span, label):
    assert _entities(nlp, text)[span][0] == label


def test_a_door_stuck_shut_is_no_eye(nlp):
    assert _entities(nlp, "the door was stuck shut") == {}
