"""Round 19b: lost functions keep their complement (GUIDELINES rules 16, 10, 11); lay words alone (rule 17)."""
from __future__ import annotations

import pytest


def _problems(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents if e.label_ in ("SYMPTOM", "DISEASE")]


@pytest.mark.parametrize("text, span", [
    ("afterwards i cant walk in a straight line till the next day", "cant walk in a straight line"),
    ("my wee is dark orange and i cant stay upright in the shower without going faint.", "cant stay upright in the shower"),
    ("my legs go purple and i cant stand in the shower any more so i sit down.", "cant stand in the shower"),
    ("since then it feels loose, i cant throw overhead and i cant sleep on that side.", "cant throw overhead"),
    ("some weeks i cant wear a bra or lift my arms.", "cant wear a bra or lift my arms"),
    ("my daughter does my socks as i cant bend down.", "cant bend down"),
    ("nurse said to pause it if i cant eat or drink because of the risk of DKA.", "cant eat or drink"),
    ("day 5 of covid and i cant smell the bleach im cleaning with", "cant smell the bleach"),
    ("my mouth drooped on the right. i cant whistle and i sound daft on the phone.", "cant whistle"),
    ("side effects: pounding pulse, could not empty my bladder.", "could not empty my bladder"),
])
def test_impairment_keeps_its_complement(nlp, text, span):
    assert (span, "SYMPTOM") in _problems(nlp, text)


@pytest.mark.parametrize("text, absent", [
    ("i cant look down on people like that.", "cant look down"),
    ("i cant whistle, never could.", "cant whistle"),
    ("i cant walk in the morning until the stiffness wears off.", "cant walk in the morning"),
    ("i cant sit in a meeting without fidgeting.", "cant sit in a meeting"),
])
def test_time_trigger_and_knack_stay_out(nlp, text, absent):
    assert all(absent not in t for t, _ in _problems(nlp, text))


@pytest.mark.parametrize("text, word", [
    ("i found a lump on my right testicle. it doesnt hurt, but theres a dragging ache.", "hurt"),
    ("my mouth drooped. behind my right ear it ached for 2 days before.", "ached"),
    ("i dribble after. no blood and no burning.", "burning"),
    ("felt good, no chest pain and only puffed at the end.", "puffed"),
    ("side effects: bled on and off the whole time, spots along my jawline", "bled"),
    ("side effects: spots along my jawline, ratty with everyone, boobs tender.", "ratty"),
    ("i cant stay upright in the shower without going faint.", "faint"),
    ("hes had 3 falls since june, goes grey and wobbly when he stands up", "grey"),
    ("my right eye is blurry after the injections. will the blurring go?", "blurring"),
    ("theres a one sided ache low on the right, not cramping exactly, more a niggle.", "niggle"),
])
def test_lay_word_alone_is_a_complaint(nlp, text, word):
    assert (word, "SYMPTOM") in _problems(nlp, text)


@pytest.mark.parametrize("text, word", [
    ("it wouldnt hurt to ask your doctor.", "hurt"),
    ("it hurt my feelings when she said that.", "hurt"),
    ("i burnt the toast and the burning smell filled the kitchen.", "burning"),
    ("that is a burning question.", "burning"),
    ("he puffed on a cigar and puffed up with pride.", "puffed"),
    ("the bank bled us dry.", "bled"),
    ("he wore a ratty old coat.", "ratty"),
    ("there was a faint smell of gas.", "faint"),
    ("i bought a grey car.", "grey"),
    ("blurring the lines between work and home.", "blurring"),
    ("i have a niggle about this plan.", "niggle"),
])
def test_everyday_senses_stay_out(nlp, text, word):
    assert all(word not in t.split() for t, _ in _problems(nlp, text))
