"""Sweating told in lay words (qatext.ner.lay_sweating): the complaint is a SYMPTOM, the fluid no entity."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, span", [
    ("on venlafaxine i sweat like crazy at night", "sweat"),
    ("the tablets made me sweat all afternoon", "sweat"),
    ("i sweat through my shirt on the bus", "sweat through my shirt"),
    ("sweat was pouring off me in the queue", "sweat was pouring off me"),
    ("woke up dripping with sweat again", "dripping with sweat"),
])
def test_sweating_in_lay_words_is_a_symptom(nlp, text, span):
    found = {e.text: e for e in nlp(text).ents}
    assert span in found and found[span].label_ == "SYMPTOM", list(found)
    assert found[span].kb_id_ == nlp.get_pipe("qatext_ner").lexicon.terms["sweating"][1]


@pytest.mark.parametrize("text", [
    "can the virus pass in sweat or saliva",  # the fluid
    "dont sweat it, the results are fine",  # an idiom
    "wipe the sweat off before you put the patch on",
])
def test_the_fluid_and_the_idiom_are_no_entity(nlp, text):
    assert not [e for e in nlp(text).ents if "sweat" in e.text]


@pytest.mark.parametrize("text, concept_words", [
    ("i sweat buckets after every dose", "sweating"),  # no night in the words: sweating, not night sweats
    ("i sweat buckets at night since the switch", "night sweats"),
])
def test_sweating_is_night_sweats_only_with_the_night(nlp, text, concept_words):
    found = {e.text: e for e in nlp(text).ents}
    assert found["sweat buckets"].kb_id_ == nlp.get_pipe("qatext_ner").lexicon.terms[concept_words][1]


@pytest.mark.parametrize("text, absent", [
    ("can sweat transmit hepatitis b", "sweat"),  # a modal before the fluid is no person sweating
    ("is it normal to sweat after a workout", "sweat"),
    ("i sweat through the night", "sweat through the night"),  # a time, not what the sweat soaks (rule 10)
])
def test_a_sweating_person_is_needed_and_a_time_stays_out(nlp, text, absent):
    assert absent not in {e.text for e in nlp(text).ents}


def test_the_night_must_be_next_to_the_sweating_to_make_night_sweats(nlp):
    found = {e.text: e for e in nlp("i sweat buckets at the gym but i sleep fine").ents}
    assert found["sweat buckets"].kb_id_ == nlp.get_pipe("qatext_ner").lexicon.terms["sweating"][1]
