"""Round 19d: where a lay complaint's span ends and begins (GUIDELINES section 4, rules 4, 5, 10, 11, 16)."""
from __future__ import annotations

import pytest


def _problems(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents if e.label_ in ("SYMPTOM", "DISEASE")]


@pytest.mark.parametrize("text, span, label", [
    # describers before the head (rule 4)
    ("for a week theres been a dragging ache in my lower back.", "dragging ache in my lower back", "SYMPTOM"),
    ("i keep getting gripey pains after eating bread", "gripey pains", "SYMPTOM"),
    ("since the taper the inner trembling is the worst bit", "inner trembling", "SYMPTOM"),
    ("her runny, itchy eyes are driving her mad", "runny, itchy eyes", "SYMPTOM"),
    ("he has big tense blisters on his legs", "big tense blisters on his legs", "SYMPTOM"),
    ("i noticed a burning sore patch under my right arm", "burning sore patch under my right arm", "SYMPTOM"),
    # a size or shape likened to a thing (rule 4)
    ("i found a hard pea sized lump in my armpit", "hard pea sized lump in my armpit", "SYMPTOM"),
    ("she has a golf ball sized lump on her neck", "golf ball sized lump on her neck", "SYMPTOM"),
    ("the burns left rope like scars.", "rope like scars", "SYMPTOM"),
    # a lay place after the complaint, with its side when the place is high or low (rule 5)
    ("i have had itching down below for days", "itching down below", "SYMPTOM"),
    ("there is a dull ache low in my tummy on the right, worse at night", "dull ache low in my tummy on the right",
     "SYMPTOM"),
    ("i get a sharp pain low on the left when i run", "sharp pain low on the left", "SYMPTOM"),
    ("she has shoulder tip pain after the surgery", "shoulder tip pain", "SYMPTOM"),
    ("since the funeral i have felt numb inside and cannot cry", "numb inside", "SYMPTOM"),
    # a shade after a flow, a described gait
    ("this morning i was spotting brown again", "spotting brown", "SYMPTOM"),
    ("he is bleeding bright red from his bottom", "bleeding bright red", "SYMPTOM"),
    ("side effects: shuffling walk, drooling.", "shuffling walk", "SYMPTOM"),
])
def test_lay_complaint_edges(nlp, text, span, label):
    assert (span, label) in _problems(nlp, text)


@pytest.mark.parametrize("text, span", [
    # a list ends where its last part starts a complaint of its own (rule 11)
    ("side effects: dry mouth and lips, belly cramps after lunch, tired by 3pm", "dry mouth and lips"),
    ("could not empty my bladder, sweat pouring off me at night", "could not empty my bladder"),
    ("could not empty my bladder, sweat pouring off me at night", "sweat pouring off me"),
])
def test_list_ends_at_new_complaint(nlp, text, span):
    found = _problems(nlp, text)
    assert (span, "SYMPTOM") in found
    assert not any(t.endswith((", belly", ", sweat")) for t, _ in found)


def test_shared_complaint_list_stays_whole(nlp):
    assert ("weakness in my neck, arms, shoulders", "SYMPTOM") in _problems(
        nlp, "i have weakness in my neck, arms, shoulders for 3 weeks")


@pytest.mark.parametrize("text, present, absent", [
    # the time or trigger stays outside (rule 10); a side without a height stays outside as the gold draws it
    ("i had a rash on monday and it went", "rash", "rash on monday"),
    ("headache all day at work again", "headache", "headache all day"),
    ("muffled hearing on the left since the cold", "muffled hearing", "muffled hearing on the left"),
    ("i have a pain in my lower back on the left", "pain in my lower back", "pain in my lower back on the left"),
    # a likened kind, a comparison and a plural kind name no size
    ("she had side effects like rash and nausea", "rash", "effects like rash"),
    ("i have symptoms like rashes", "rashes", "symptoms like rashes"),
    ("i got a rash like hives on my arm", "rash", "rash like hives"),
    # a colour of another thing, a gait word that is a walk
    ("i had spotting brown bears on the trail and a headache", "spotting", "spotting brown"),
    ("i was limping walk home", "limping", "limping walk"),
    # "inside" of a place, "tense" of a mood, "tip" of advice
    ("my hands feel numb inside the gloves", "hands feel numb", "numb inside"),
    ("i felt tense, blisters came later", "tense", "tense, blisters"),
    ("a good tip pain relief helps", "pain", "tip pain"),
    # stacked describers with a comma only inside one noun phrase
    ("side effects: sneezing, itchy eyes and a runny nose", "itchy eyes", "sneezing, itchy eyes"),
])
def test_near_misses_stay_out(nlp, text, present, absent):
    found = [t for t, _ in _problems(nlp, text)]
    assert present in found
    assert absent not in found


def test_comma_and_own_possessive_start_a_new_subject(nlp):
    found = _problems(nlp, "she has red spots over her bum and the backs of her legs, her ankles are puffy and sore")
    assert ("red spots over her bum and the backs of her legs", "SYMPTOM") in found
    assert ("ankles are puffy and sore", "SYMPTOM") in found


@pytest.mark.parametrize("text, span", [
    ("my knee and my ankle are swollen", "knee and my ankle are swollen"),  # one subject after "and"
    ("my hands, my feet are swollen", "hands, my feet are swollen"),  # no part governed before the comma
])
def test_list_of_subjects_stays_whole(nlp, text, span):
    assert (span, "SYMPTOM") in _problems(nlp, text)
