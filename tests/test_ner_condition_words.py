"""Vocabulary rounds from blind batches 93 (forum posts on long-term conditions) and 95 (ask-a-doctor questions),
after their scores: lay intensity words grade a complaint ("killer", "wicked", "mega", "stonking"), a body part's
plain past is what it does ("my hands shook", "my legs jump at night", "that tooth zings"), and a few lay
names ("unrefreshing sleep", "a tight band across my chest", "a foul taste", "espressos", "MenB jab"). Batches 94
and 96, written blind beside them from the same briefs, were not studied.
"""
from __future__ import annotations

import pytest

from tests.conftest import entities_by_text as _entities


@pytest.mark.parametrize("text, span", [
    ("they start as a dull ache and turn into a killer headache by lunch", "killer headache"),
    ("wicked cramps under my ribs, queasy from the moment I wake", "wicked cramps under my ribs"),
    ("by teatime I'm mega bloated, like six months gone", "mega bloated"),
    ("two days into my pill-free week I get a stonking migraine", "stonking migraine"),
])
def test_lay_intensity_words_stay_inside(nlp, text, span):
    assert span in _entities(nlp, text)


@pytest.mark.parametrize("text", ["the killer app of the year", "the wicked witch of the west",
                                  "My heart jumped when I saw the bill"])
def test_intensity_words_alone_are_nothing(nlp, text):
    assert all(label == "ANATOMY" for label, _ in _entities(nlp, text).values())


def test_a_killer_that_is_a_thing_grades_nothing(nlp):
    assert "killer poisoning" not in _entities(nlp, "Grass and weed killer poisoning")


@pytest.mark.parametrize("text, span", [
    ("During the last one my hands shook so much I couldn't type", "hands shook"),
    ("my skin hurts and my legs jump at night", "legs jump"),
    ("my legs ached all night after the infusion", "legs ached"),
    ("since the filling that tooth zings with anything cold", "tooth zings"),
])
def test_what_a_body_part_did_is_the_complaint(nlp, text, span):
    assert _entities(nlp, text)[span][0] == "SYMPTOM"


@pytest.mark.parametrize("text", ["he shook my hand at the door", "my dog jumped on my knee"])
def test_what_is_done_to_a_body_part_is_not(nlp, text):
    assert all(label == "ANATOMY" for label, _ in _entities(nlp, text).values())


@pytest.mark.parametrize("text, span, concept", [
    ("No energy by midday, unrefreshing sleep however long I'm in bed", "unrefreshing sleep",
     "QATEXT:symptom/unrefreshing-sleep"),
    ("I get a tight band across my chest some evenings", "tight band across my chest", "HP:0031352"),
])
def test_lay_names_of_long_covid_complaints(nlp, text, span, concept):
    assert _entities(nlp, text)[span] == ("SYMPTOM", concept)


@pytest.mark.parametrize("text, span, label, concept", [
    ("there's a foul taste that won't go away", "foul taste", "SYMPTOM", "QATEXT:symptom/altered-taste"),
    ("I drink 4-5 espressos a day on shift", "espressos", "DRUG", "DRUGBANK:DB00201"),
    ("she had her MMR and MenB jab last Monday", "MenB jab", "DRUG", "QATEXT:drug/vaccines"),
])
def test_lay_names_of_ask_a_doctor_questions(nlp, text, span, label, concept):
    assert _entities(nlp, text)[span] == (label, concept)
