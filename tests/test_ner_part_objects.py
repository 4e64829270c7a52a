"""A body part as the object of a complaint verb (qatext.ner.lay_part_objects, GUIDELINES rule 6)."""
from __future__ import annotations

import pytest


def ents(nlp, text):
    return {e.text: e for e in nlp(text).ents}


@pytest.mark.parametrize("text, span, concept_words", [
    ("naproxen hurts my stomach if i skip breakfast", "hurts my stomach", "stomach pain"),
    ("the new mattress hurt my back for a week", "hurt my back", "back pain"),
    ("the drops sting my eyes every time", "sting my eyes", "stinging eyes"),
    ("anything spicy upsets my stomach now", "upsets my stomach", "upset stomach"),
    ("that shampoo irritates my skin", "irritates my skin", "skin irritation"),
    ("walking hurts my hips and knees", "hurts my hips and knees", "hip pain"),  # the parts listed after it
])
def test_a_part_as_a_complaint_verbs_object_is_one_symptom(nlp, text, span, concept_words):
    found = ents(nlp, text)
    assert span in found, list(found)
    assert found[span].label_ == "SYMPTOM"
    lexicon = nlp.get_pipe("qatext_ner").lexicon.terms
    assert found[span].kb_id_ == lexicon[concept_words][1]


def test_the_writers_own_hurt_part_is_an_injury(nlp):
    found = ents(nlp, "i hurt my shoulder at the gym last month")
    assert found["hurt my shoulder"].label_ == "DISEASE"  # like "twisted my knee" (rule 6)


@pytest.mark.parametrize("text, absent", [
    ("it really hurts my feelings when he says that", "hurts"),  # no body at all
    ("missing the exam hurt my grades", "hurt"),
    ("can this medicine hurt my liver over time", "hurt my liver"),  # an organ is harmed, not aching
])
def test_what_hurts_no_aching_part_is_no_pain(nlp, text, absent):
    found = ents(nlp, text)
    assert absent not in found and not any(t.startswith("hurt") or t.endswith("hurts") for t in found), list(found)


def test_a_mention_with_its_own_part_is_not_taken_into_the_object(nlp):
    found = ents(nlp, "my knee hurts my back too")
    assert "knee hurts" in found and not any("back" in t and "knee" in t for t in found), list(found)


def test_a_sting_of_a_creature_is_no_pain_concept_and_pain_is_no_injury(nlp):
    assert not any(t.startswith("stung") for t in ents(nlp, "the bee stung my hand"))
    assert ents(nlp, "i hurt my stomach laughing")["hurt my stomach"].label_ == "SYMPTOM"  # not a frame part


def test_each_listed_part_keeps_its_concept(nlp):
    found = ents(nlp, "the tablets hurt my stomach and my head")
    concepts = found["hurt my stomach and my head"]._.concepts
    assert len(concepts) == 2 and concepts[0] != concepts[1]
