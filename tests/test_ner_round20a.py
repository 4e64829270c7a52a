"""Round 20a: how far a complaint's span reaches (GUIDELINES rules 4, 5, 6, 11 and 16).

The hue after a shade ("[pee is dark brown]"), the particle after a verb's body object ("[tore my stomach up]",
"[coughing my lungs up]", "[cant turn his left hip in]"), the manner of a nerve sensation before it ("[electric
tingles down my arms]"), how far a lift fails ("[cant lift it past my shoulder]"), the low posture one cannot rise
from ("[cant get up from squatting]"), and a list that stops before a body word naming a doctor's kind ("and the
chest doctor"). Sentences in other words than the study set; each class has near-misses that must stay as they are.
"""
from __future__ import annotations

import pytest

from conftest import labelled


@pytest.mark.parametrize("text, entity, label", [
    # the hue after a shade (rule 4: the colour is the quality of what is seen)
    ("since the marathon my pee is dark brown and i feel rough", "pee is dark brown", "SYMPTOM"),
    ("on the antibiotics my wee went light pink", "wee went light pink", "SYMPTOM"),
    # the particle after the body part a verb is done to (rule 6)
    ("the naproxen tore my stomach up so i stopped", "tore my stomach up", "SYMPTOM"),
    ("week 3 of this bug and im still coughing my lungs up at night", "coughing my lungs up", "SYMPTOM"),
    ("he was puking his guts up, poor thing", "puking his guts up", "SYMPTOM"),
    ("the physio says she cant turn her right hip in as far as the left", "cant turn her right hip in", "SYMPTOM"),
    # the manner of a nerve sensation (rule 4: quality before the head)
    ("on the taper i had electric tingles in my hands", "electric tingles in my hands", "SYMPTOM"),
    ("fizzy pins and needles in my toes at night", "fizzy pins and needles in my toes", "SYMPTOM"),
    # how far a lost movement fails, where it fails from (rule 16)
    ("my shoulder is so stiff i cant lift it past my ear", "cant lift it past my ear", "SYMPTOM"),
    ("my thighs are weak and i cant get up from kneeling", "cant get up from kneeling", "SYMPTOM"),
])
def test_span_reaches_its_complement(nlp, text, entity, label):
    assert (entity, label) in labelled(nlp, text)


@pytest.mark.parametrize("text, entity", [
    ("my mri showed swelling of both knees and the knee surgeon wants to operate", "swelling of both knees"),
    ("my scan showed scarring in both lungs and the chest consultant said fibrosis", "scarring in both lungs"),
    ("she has a rash on her arms and the skin specialist said eczema", "rash on her arms"),
])
def test_a_list_stops_before_a_body_word_that_names_a_doctor(nlp, text, entity):
    ents = labelled(nlp, text)
    assert (entity, "SYMPTOM") in ents
    assert not any(e.endswith(("knee", "chest", "skin")) for e, _ in ents)


def test_a_coordinated_place_stays_joined(nlp):
    assert ("swelling of the hands and face", "SYMPTOM") in labelled(nlp, "i have swelling of the hands and face")


@pytest.mark.parametrize("text, not_entity", [
    # a hue that names something else, a shade alone (no complaint grows)
    ("my pee is dark brown bears are outside", "pee is dark brown"),
    ("the baby has eyes that are pale blue", "pale blue"),
    # a particle that opens a place or a time (rule 10), a located complaint is no verb's object
    ("i hurt my back in the garden on sunday", "hurt my back in"),
    ("i cant lift my arm up the wall", "cant lift my arm up"),
    ("pain in my back up and down all day", "pain in my back up"),
    ("i tore my knee up playing rugby", "tore my knee up"),
    # "electric" before no complaint
    ("the electric bill came and my hands have tingles", "electric bill"),
    ("an electric toothbrush gives me tingles in my gums", "electric toothbrush gives me tingles in my gums"),
    # a lift that is no lost movement, a posture that is a chair
    ("i cant get past the first page, my eyes are sore", "cant get past the first page"),
    ("i cant get up from my desk all day at work", "cant get up from my desk"),
])
def test_near_misses_keep_their_edges(nlp, text, not_entity):
    assert not_entity not in [e for e, _ in labelled(nlp, text)]


def test_tore_my_stomach_up_is_an_upset_not_an_injury(nlp):
    ents = nlp("the ibuprofen tore my stomach up").ents
    assert [(e.text, e.label_, e.kb_id_) for e in ents if e.label_ != "DRUG"] == [
        ("tore my stomach up", "SYMPTOM", "HP:0002027")]
    # the injury verb before a joint stays an injury
    assert ("tore my ACL", "DISEASE") in labelled(nlp, "i tore my ACL skiing")


@pytest.mark.parametrize("text, expected", [
    ("I threw up the first 3 days on it.", "threw up"),
    ("she threw up the next morning and felt fine", "threw up"),
    ("i coughed up the first of many clots", "coughed"),
])
def test_an_ordinal_after_the_expel_verb_starts_a_time_not_what_came_up(nlp, text, expected):
    assert (expected, "SYMPTOM") in labelled(nlp, text)
