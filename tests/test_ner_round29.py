"""Round 29: what blind batch 45 (tweets about the writers' own illnesses, AskDocs-style posts) showed after its
score. A lone B or D that ends a sentence ("vitamin D."), how much of the body a complaint takes ("every muscle
aches", "my whole jaw aches", "everything aches"), a cold that one had some time ago ("a cold the week before"), a
heart attack that a thing gives as a joke, "banging" as a headache's quality, "already" before a part's state, and
a few lexicon rows (food-poisoning bacteria, "labrynthitis"). Each class has its near miss beside it.
"""
from __future__ import annotations

import pytest

from conftest import labelled


@pytest.mark.parametrize("text, entity", [
    # a lone capital before a full stop that ends the sentence; the initials of a bacterium stay whole
    ("Meds: metformin 500mg twice a day, vitamin D. Day 1 (Sunday): sharp pain", ("vitamin D", "DRUG")),
    ("I had hepatitis B. Then it cleared.", ("hepatitis B", "DISEASE")),
    ("C. diff again after the antibiotics", ("C. diff", "DISEASE")),
    ("E. coli infection last spring", ("E. coli infection", "DISEASE")),
    # how much of the body a complaint takes
    ("shivering under 2 duvets, head pounding, every muscle aches.", ("every muscle aches", "SYMPTOM")),
    ("temp 38.4, everything aches and i cant smell my coffee", ("everything aches", "SYMPTOM")),
    ("my whole jaw aches right up to my ear", ("whole jaw aches", "SYMPTOM")),
    # a cold one had some time ago
    ("No ringing. I had a cold the week before. The GP gave me prochlorperazine.", ("cold", "DISEASE")),
    ("Had a cold about 5 weeks ago.", ("cold", "DISEASE")),
    # a real heart attack (a dash is no joke mark); a headache's quality; a part's state already there
    ("my statin gave me a heart attack", ("heart attack", "DISEASE")),
    ("this drug gave me a heart attack – avoid it", ("heart attack", "DISEASE")),
    # a pain or a headache the words after it do not make a nuisance
    ("It's a pain I don't get anywhere else, under my ribs", ("pain", "SYMPTOM")),
    ("It was a headache I could do nothing about", ("headache", "SYMPTOM")),
    ("sore throat, runny nose and a banging headache", ("banging headache", "SYMPTOM")),
    ("my knee is already swollen", ("knee is already swollen", "SYMPTOM")),
    # lexicon rows
    ("Could this be campylobacter or salmonella?", ("salmonella", "DISEASE")),
    ("Could this be campylobacter or salmonella?", ("campylobacter", "DISEASE")),
    ("the GP thinks labrynthitis or vestibular neuritis", ("labrynthitis", "DISEASE")),
])
def test_found_after_batch_45(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, surface", [
    # a heart attack a thing gives as a joke
    ("this presentation is giving me a heart attack lol. no but fr my heart is racing", "heart attack"),
    ("this stats exam is giving me a heart attack 💀 plus ive got a stye", "heart attack"),
    # a cold thing, a cold look
    ("a cold drink after the gym", "cold"),
    ("she gave me a cold look", "cold"),
    # "every" and "whole" before a complaint that is no part's state: each time, a topic
    ("every chest pain scares me", "every chest pain"),
    ("the whole back pain thing is getting old", "whole back pain"),
    # a stool that is a seat
    ("The stool was hard to sit on", "stool was hard"),
])
def test_left_out_after_batch_45(nlp, text, surface):
    assert surface not in [e for e, _ in labelled(nlp, text)]


def test_a_lone_capital_ends_its_sentence(nlp):
    """The full stop after "D" is a token of its own (the sentence ends there); a genus's initial keeps its stop."""
    tokens = [t.text for t in nlp.make_doc("vitamin D. Day 2 C. diff E. coli U.S. K. pneumoniae Dr. A. Sharma")]
    assert tokens == ["vitamin", "D", ".", "Day", "2", "C.", "diff", "E.", "coli", "U.S.", "K.", "pneumoniae", "Dr.",
                      "A.", "Sharma"]
