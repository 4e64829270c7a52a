"""Round 19c: states of mind, energy, sleep and eating in lay words (GUIDELINES rules 16, 17, section 6)."""
from __future__ import annotations

import pytest


def _problems(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents if e.label_ in ("SYMPTOM", "DISEASE")]


@pytest.mark.parametrize("text, span, label", [
    ("librium for 5 days. side effects: zonked out, jelly legs, slurring.", "zonked out", "SYMPTOM"),
    ("side effects: woolly headed, bowels stopped dead, sweating at night", "woolly headed", "SYMPTOM"),
    ("i gain 4 kilo, much sleepy in the day.", "much sleepy", "SYMPTOM"),
    ("carbamazepine for bipolar disorder. comments: no highs since i started.", "highs", "SYMPTOM"),
    ("no highs or lows since i started lithium", "lows", "SYMPTOM"),
    ("on my last detox i got the shakes and saw bugs on the wall.", "saw bugs on the wall", "SYMPTOM"),
    ("46 days sober after 10 cans of lager a day, no DTs this time.", "DTs", "DISEASE"),
    ("since the crash i jump out of my skin at any horn", "jump out of my skin", "SYMPTOM"),
    ("i feel like i'm going to jump out of my skin most days", "feel like i'm going to jump out of my skin",
     "SYMPTOM"),
    ("i replay the crash whenever i close my eyes", "replay the crash", "SYMPTOM"),
    ("hot flushes at 3am, i have zero patience and i cant find the right words", "zero patience", "SYMPTOM"),
    ("i get shaky, my heart thumps and my thoughts turn to mush until i eat something", "thoughts turn to mush",
     "SYMPTOM"),
    ("side effects: mushy poo, dreams i couldnt shake off.", "dreams i couldnt shake off", "SYMPTOM"),
    ("im out of puff on one flight of stairs.", "out of puff", "SYMPTOM"),
    ("my wife recorded me stopping breathing in my sleep, i snore really loudly", "stopping breathing", "SYMPTOM"),
    ("my wife recorded me stopping breathing in my sleep, i snore really loudly", "snore really loudly", "SYMPTOM"),
    ("worst was ringing in both ears and not sleeping more than 2 hours a night.",
     "not sleeping more than 2 hours a night", "SYMPTOM"),
    ("side effects: hardly eats his lunch, tearful at teatime", "hardly eats his lunch", "SYMPTOM"),
    ("tearful at teatime, takes 2 hours to drop off at night.", "takes 2 hours to drop off", "SYMPTOM"),
    ("side effects: forget to eat till dinner, heart going fast", "forget to eat", "SYMPTOM"),
    ("glands in my neck swell up and i lose my voice for days", "lose my voice", "SYMPTOM"),
    ("he gets muddled and he cant remember whether hes taken his tablets.",
     "cant remember whether hes taken his tablets", "SYMPTOM"),
    ("side effects: sleepy by 3pm, felt dull inside.", "dull inside", "SYMPTOM"),
])
def test_lay_state_is_a_complaint(nlp, text, span, label):
    assert (span, label) in _problems(nlp, text)


@pytest.mark.parametrize("text, absent", [
    ("i saw bugs in the garden", "bugs"),
    # nerves before an event are an ordinary feeling about it (rule 17)
    ("the kids were jittery before the show", "jittery"),
    # impatience aimed at one thing is a feeling about an event; with no object or everyone it is irritability
    ("i have zero patience for the queue at the pharmacy", "patience"),
    ("my thoughts turned to dinner", "thoughts"),
    ("i lost my voice in the choir vote", "voice"),
    ("we ran out of puff pastry", "puff"),
    ("i nearly jumped out of my skin when the cat knocked the vase over", "jump"),
    ("we replay the match every sunday", "replay"),
    ("it takes 2 hours to drop off the kids at school", "drop off"),
    ("dont forget to eat before the test", "forget"),
    ("belly ache when i forget to eat first.", "forget"),
    ("my wife is 20 weeks pregnant and cant remember if she had it as a kid.", "remember"),
    ("i cant remember if i took my meds this morning so i skipped", "remember"),
    ("highs of 30 degrees this week and my bipolar is fine", "highs"),
    ("the meeting was dull inside and out", "dull"),
    ("i am stopping breathing exercises next week", "stopping"),
    ("the potatoes turn to mush if you boil them", "mush"),
])
def test_everyday_sense_stays_out(nlp, text, absent):
    assert all(absent not in t for t, _ in _problems(nlp, text)), _problems(nlp, text)
