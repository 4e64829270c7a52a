"""Round 39: what blind batches 60 and 61 (own-illness tweets, askapatient-style reviews, older adults' forum posts,
AskDocs-style questions) showed after their scores: a negation glued to its verb, a dose wearing off, a relative clause
or a time after a complaint's object, a drink's amount, a children's drug form.
"""
from __future__ import annotations

import pytest

from conftest import labelled


@pytest.mark.parametrize("text, entity", [
    ("i wasnt hungry for days", ("wasnt hungry", "SYMPTOM")),
    ("i wasn’t hungry for days", ("wasn’t hungry", "SYMPTOM")),
    ("she isnt eating and cries at night", ("isnt eating", "SYMPTOM")),
    ("Lately each dose wears off an hour before the next one is due", ("wears off", "SYMPTOM")),
    ("We tried Ritalin first but it wore off by lunch", ("wore off", "SYMPTOM")),
    ("also chocolate tastes like soap which is a crime", ("chocolate tastes like soap", "SYMPTOM")),
    ("cant bend to put my socks on this morning", ("cant bend to put my socks on", "SYMPTOM")),
    ("had 2 glasses of wine max and now my head is pounding", ("wine", "DRUG")),
    ("he takes Singulair chewable 4mg at night", ("Singulair chewable", "DRUG")),
])
def test_found_after_batches_60_61(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, entity", [
    # the same words where the new edges do not apply
    ("i take nurofen max for my back", ("nurofen max", "DRUG")),
    ("cant bend to pick things up", ("cant bend to pick things up", "SYMPTOM")),
    ("i cant sleep and i am exhausted", ("cant sleep", "SYMPTOM")),
    ("side effects of Nurofen Max were worse than plain ibuprofen", ("Nurofen Max", "DRUG")),
    ("my BNP(NT-proBNP) was high", ("NT-proBNP", "TEST")),
    ("my tongue looks like a strawberry that the doctor noticed", ("tongue looks like a strawberry", "SYMPTOM")),
])
def test_kept_after_batches_60_61(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text", [
    "After initial side effects of the 75mg dose wore off, moved to 150mg.",
    "the coating on the tablet wore off",
    "the novelty of taking pills wore off",
])
def test_what_wears_off_besides_a_dose_is_no_complaint(nlp, text):
    assert not any(e.endswith(" off") for e, _ in labelled(nlp, text))


def test_a_glued_negation_never_starts_a_mention(nlp):
    doc = nlp("my wife said i wasnt myself, i wasn’t eating much and i isn't sleeping")
    assert all(ent[0].text.lower() not in ("nt", "n't", "n’t") for ent in doc.ents)
    ent = next(e for e in nlp("my wife said i wasnt myself").ents if e.text == "wasnt myself")
    assert ent.kb_id_ == "HP:0033834"  # malaise: "not myself" is no depersonalization


@pytest.mark.parametrize("text, surface, concept", [
    ("i just dont feel like myself lately", "dont feel like myself", "HP:0033834"),  # malaise, as "not feeling myself"
    ("not feeling like myself since the new pills", "not feeling like myself", "HP:0033834"),
    ("i feel detached from myself, like in a dream", "detached from myself", "HP:5200217"),  # depersonalization
])
def test_not_being_oneself_is_malaise_and_detachment_depersonalization(nlp, text, surface, concept):
    assert (surface, concept) in [(e.text, e.kb_id_) for e in nlp(text).ents]
