"""Round 19a: a body part and what it does or has become (GUIDELINES rules 5, 6, 11, 16, 17).

A part with its predicate is one SYMPTOM ("[right eye wouldnt close]", "[bowels stopped dead]"); a describing word
with a body word is one too ("[pounding pulse]", "[mushy poo]"). Sentences in other words than the study set; each
class has near-misses in the same words that must stay as they are.
"""
from __future__ import annotations

import pytest


def labelled(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents]


@pytest.mark.parametrize("text, entity, label", [
    # a motion that fails
    ("since sunday my left eye wont close at night", "left eye wont close", "SYMPTOM"),
    ("after the stroke his right hand wouldnt open properly", "right hand wouldnt open", "SYMPTOM"),
    # a function that stopped
    ("on the morphine my bowels stopped completely for a week", "bowels stopped completely", "SYMPTOM"),
    ("the doctor said her kidneys stopped working", "kidneys stopped working", "SYMPTOM"),
    # the heart's speed, with and without a possessive
    ("lying in bed my heart was going really fast", "heart was going really fast", "SYMPTOM"),
    ("side effects: heart beating hard, cold hands", "heart beating hard", "SYMPTOM"),
    # hair falling without its "out"
    ("on this pill i have dry skin, hair falling, tired", "hair falling", "SYMPTOM"),
    # a change of build and a joined state
    ("since the steroids my legs have gone skinny", "legs have gone skinny", "SYMPTOM"),
    ("my lips are cracked and shiny", "lips are cracked and shiny", "SYMPTOM"),
    # states only some parts have as complaints, a count before the part
    ("one of my front teeth is loose after the fall", "front teeth is loose", "SYMPTOM"),
    ("three lower teeth are loose", "three lower teeth are loose", "SYMPTOM"),
    ("in the mirror my left pupil is huge and didnt move with the torch", "left pupil is huge and didnt move", "SYMPTOM"),
    # bare ambiguous parts heading a clause
    ("woke at 4am, legs went rigid and i couldnt get up", "legs went rigid", "SYMPTOM"),
    ("😩 head still heavy after the migraine", "head still heavy", "SYMPTOM"),
    # a joint out of place is an injury; a side of the face drooping a complaint
    ("his shoulder slipped out again at rugby", "shoulder slipped out", "DISEASE"),
    ("the left corner of my mouth drooped this morning", "left corner of my mouth drooped", "SYMPTOM"),
    # describing words before a body word
    ("every evening i notice a racing pulse and sweaty palms", "racing pulse", "SYMPTOM"),
    ("at night a pounding heartbeat keeps me awake", "pounding heartbeat", "SYMPTOM"),
    ("the iron gave me a sluggish gut", "sluggish gut", "SYMPTOM"),
    ("side effects: tummy rumbles all day", "tummy rumbles", "SYMPTOM"),
    ("since the antibiotics i get stomach cramps and gurgling", "stomach cramps and gurgling", "SYMPTOM"),
    ("she has sloppy green poo since the formula change", "sloppy green poo", "SYMPTOM"),
    ("the worst part is the internal shaking at night", "internal shaking", "SYMPTOM"),
    ("my dad has an unsteady gait since the fall", "unsteady gait", "SYMPTOM"),
    ("i get a niggling ache in my lower back", "niggling ache in my lower back", "SYMPTOM"),
    ("theres a loud humming noise in this ear when i lie down", "loud humming noise in this ear", "SYMPTOM"),
])
def test_part_complaints_are_caught(nlp, text, entity, label):
    assert (entity, label) in labelled(nlp, text)


@pytest.mark.parametrize("text, absent", [
    ("my hair is falling into my eyes, i need a cut", "hair is"),
    ("her face went red when she saw him walk in", "face went red"),
    ("the door wouldnt close so i called the landlord", "door"),
    ("my heart goes out to you and your family", "heart goes out"),
    ("my teeth are white after the whitening strips", "teeth are white"),
    ("he has a big heart and helps everyone", "big heart"),
    ("i bought skinny jeans for the party", "skinny jeans"),
    ("my eyes wouldnt move from the screen all night", "eyes wouldnt move"),
    ("my hand wouldnt open the jar", "hand wouldnt open"),
    ("my foot slipped out from under me on the ice", "foot slipped out"),
    ("a lazy sunday with the kids", "lazy sunday"),
    ("my gripes with the NHS are many", "gripes"),
    ("we went for a long walk", "long walk"),
    ("dog poo all over the park", "dog poo"),
    ("she has leaky gut syndrome", "leaky gut"),
])
def test_near_misses_stay_out(nlp, text, absent):
    assert all(absent not in entity for entity, _label in labelled(nlp, text)), labelled(nlp, text)


def test_a_blush_is_no_complaint_but_flushing_is(nlp):
    assert ("face goes red", "SYMPTOM") in labelled(nlp, "my face goes red when i drink wine")
    assert not [e for e, _ in labelled(nlp, "my cheeks went pink when he smiled at me") if "cheeks" in e]
