"""Round 32: what blind batch 48 (chronic pain and fatigue communities, questions from parents and adult children)
showed after its score, once round 31 had been scored on it. Names spelled with accents ("Sjögren's"); ME in
capitals where the text is about fatigue, and the crash that follows exertion; a part's second look said with
"and"; a breathing noise with its breath; a likeness before "by teatime"; a habit word before a lost function;
"the same cold"; and lexicon rows (bedbound, greying out, clicky jaw, bendy fingers, large tonsils, shuffles,
expressionless face, tiny handwriting, gunky eyes, eyelids glued shut, whistly noise, subluxations, fragility
fracture, PHN, likeness to balloons). Each class has its near miss beside it.
"""
from __future__ import annotations

import pytest

from conftest import labelled


@pytest.mark.parametrize("text, entity", [
    # accents the lexicon spells without
    ("My Sjögren's started with gritty eyes and a dry mouth.", ("Sjögren's", "DISEASE")),
    ("the ENT thinks it is Ménière's disease", ("Ménière's disease", "DISEASE")),
    # ME in capitals, about fatigue; its crash
    ("Venting. ME for 6 yrs, bedbound for the 3rd week running.", ("ME", "DISEASE")),
    ("my daughter has ME and pots", ("ME", "DISEASE")),
    ("Anyone else with ME/CFS find the crash comes 2 days later?", ("crash", "SYMPTOM")),
    ("long covid tips: cold water swimming gave me a 2 day crash", ("crash", "SYMPTOM")),
    # a second look of the same part
    ("for 2 days her poo has been black and sticky and she's pale", ("poo has been black and sticky", "SYMPTOM")),
    ("my eyesight turns grey and fuzzy for a few seconds", ("eyesight turns grey and fuzzy", "SYMPTOM")),
    # a breathing noise, a likeness, a habit word outside
    ("my son has a whistly noise when he breathes in", ("whistly noise when he breathes in", "SYMPTOM")),
    ("his ankles are like balloons by teatime", ("ankles are like balloons", "SYMPTOM")),
    ("mum keeps losing her words and calls the remote the thingy", ("losing her words", "SYMPTOM")),
    ("I keep losing my keys and forgetting names", ("losing my keys", "SYMPTOM")),
    ("I've had the same cold all week and I'm losing my voice.", ("cold", "DISEASE")),
    # lexicon rows
    ("still greying out when I stand in a queue", ("greying out", "SYMPTOM")),
    ("She also thinks my clicky jaw is part of it", ("clicky jaw", "SYMPTOM")),
    ("my nan had bendy fingers and prolapses", ("bendy fingers", "SYMPTOM")),
    ("the GP said very large tonsils and referred us", ("very large tonsils", "SYMPTOM")),
    ("he shuffles and his face has gone expressionless", ("face has gone expressionless", "SYMPTOM")),
    ("he shuffles when he walks and his hand shakes", ("shuffles when he walks", "SYMPTOM")),
    ("his handwriting has got tiny", ("handwriting has got tiny", "SYMPTOM")),
    ("sticky gunky eyes and his eyelids are glued shut in the morning", ("eyelids are glued shut", "SYMPTOM")),
    ("hEDS people, how do you deal with subluxations?", ("subluxations", "DISEASE")),
    ("the fracture clinic called it a fragility fracture", ("fragility fracture", "DISEASE")),
    ("the GP mentioned amitriptyline and warned about PHN", ("PHN", "DISEASE")),
])
def test_found_after_batch_48(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, surface", [
    # "ME" the pronoun in capitals, and a post with no word of fatigue
    ("HELP ME PLEASE my fatigue is awful", "ME"),
    ("SHE HAS ME WRAPPED ROUND HER FINGER", "ME"),
    ("WHY ME. fatigue every day", "ME"),
    ("IT'S ME AGAIN, still exhausted", "ME"),
    # a crash of cars, or near the pronoun
    ("i had a car crash last year and now fatigue", "crash"),
    ("the crash on the motorway scared me", "crash"),
    # everyday phrases the new rows must not take
    ("she shuffles the cards", "shuffles"),
    ("why does the option grey out on my phone", "grey out"),
    # a second complaint after "and" is its own
    ("his lips are blue and he is cold", "lips are blue and cold"),
    # the time and the habit word stay outside
    ("his ankles are like balloons by teatime", "ankles are like balloons by teatime"),
    ("mum keeps losing her words", "keeps losing her words"),
    # the same cold water is no infection
    ("I swim in the same cold water every day", "cold"),
])
def test_left_out_after_batch_48(nlp, text, surface):
    assert surface not in [e for e, _ in labelled(nlp, text)]
