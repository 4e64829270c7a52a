"""Round 22b: the items of a list of complaints that no word list knows (qatext/ner/lay_list_items.py).

Inside one sentence (or after a "side effects:" header), an item between commas, "and" or "or" next to a known
complaint, with two known complaints in the list, is itself a complaint: "flush", "temperature", "[no patience]".
Times, doses, discourse words, clauses, benefits, denied lists, lists of causes or diagnoses, people and body parts
are not. Sentences in other words than the study set.
"""
from __future__ import annotations

import pytest

from conftest import labelled
from qatext.ner import lay_list_items


@pytest.mark.parametrize("text, entity", [
    ("side effects: weight gain, low drive, no patience, insomnia.", "no patience"),  # the loss keeps its "no"
    ("on paroxetine i got sweating, flush, brain zaps and nausea", "flush"),
    ("withdrawal: headache, slight confusion, temperature and feeling very tired", "temperature"),
    ("week two: jittery, disconnected feelings, suicidal thoughts", "disconnected feelings"),
    # a trailing time or dose stays outside (rule 10), a place or manner inside
    ("side effects: stinging for a minute, tired all the time, cold hands", "stinging"),
    ("side effects: nausea, headache, leaked on the higher dose", "leaked"),
    ("my symptoms are dizziness, nausea, heaviness in my legs", "heaviness in my legs"),
    ("side effects: falls asleep in class, tummy aches, dizzy when he stands up", "falls asleep in class"),
])
def test_unknown_items_of_a_complaint_list_are_symptoms(nlp, text, entity):
    assert (entity, "SYMPTOM") in labelled(nlp, text)


def test_the_copular_feeling_stays_outside(nlp):
    found = labelled(nlp, "withdrawal: headache, slight confusion, temperature and feeling very tired")
    assert ("very tired", "SYMPTOM") in found
    assert not any(text.startswith("feeling") for text, _ in found)


@pytest.mark.parametrize("text, absent", [
    ("side effects: headache, nausea, first week, 10mg", "first week"),  # a time, a dose
    ("side effects: headache, nausea, however, my husband", "however"),  # a discourse word
    ("side effects: headache, nausea, however, my husband", "husband"),  # a person
    ("less anxiety, more energy, better sleep, fewer headaches", "more energy"),  # a list of benefits
    ("no fever, no cough, good appetite, sleeping fine", "good appetite"),  # a denied list
    ("nausea, headache, good mood, works great", "good mood"),  # a benefit
    ("nausea, headache, good mood, works great", "works great"),
    ("causes include stress, dehydration, fatigue and poor posture", "poor posture"),  # a list of causes
    ("it could be strep, influenza or adenovirus", "adenovirus"),  # a differential of diseases
    ("diagnosed and treated for gout, now nausea and headache", "treated"),  # "and" joins two verbs
    ("pain and swelling on and off, headaches", "off"),  # "on and off"
    ("nausea, headache, my life is easier now", "my life is easier now"),  # a clause of its own
    ("headache, nausea, wrists, waist", "waist"),  # a body part alone
    ("nausea, dizziness and dr smith said so", "dr smith said so"),
    ("i had nausea, headache, tuesday, wednesday and thursday", "tuesday"),  # a day
    ("cough, fever, sore throat, runny nose, grandma, grandpa", "grandma"),  # a person of people.tsv
    ("dizziness, nausea, headache, newbie here", "newbie here"),  # a chat word
    ("Insomnia, headache, nausea, ugh.", "ugh"),
    ("took it for 3 weeks: nausea, dizziness, London, Paris", "London"),  # a name among lower-case complaints
])
def test_items_that_are_no_complaint_stay_untagged(nlp, text, absent):
    assert not any(absent in found for found, _ in labelled(nlp, text))


def test_a_list_needs_two_known_complaints(nlp):
    found = labelled(nlp, "i get a rash, crisps, sandwiches and flasks in my bag")
    assert not any(word in text for text, _ in found for word in ("crisps", "sandwiches", "flasks"))


def test_the_rule_itself_finds_the_items(nlp, monkeypatch):
    # without the rule the unknown items stay untagged: the tests above test this module
    text = "on paroxetine i got sweating, flush, brain zaps and nausea"
    monkeypatch.setattr(lay_list_items, "add_list_items", lambda doc, words, spans, **kw: spans)
    assert ("flush", "SYMPTOM") not in labelled(nlp, text)
