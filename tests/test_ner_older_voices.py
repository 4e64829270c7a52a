"""Lexicon round from blind batch 89 (older adults and their caregivers on US and Canadian forums), after its score:
the plain and regional words older North Americans use ("a touch of sugar", "smothering spells", "swimmy-headed",
"can't get my breath") and their remedies ("a Goody's powder", "Blue Emu", "a hot toddy"). None occurs in
``../shared/corpora``.
"""
from __future__ import annotations

import pytest

from tests.conftest import entities_by_text as _entities

DIABETES, DYSPNEA, VERTIGO, EDEMA = "HP:0000819", "HP:0002094", "HP:0002321", "HP:0000969"


@pytest.mark.parametrize("text", [
    "doc says I got a touch of sugar and to cut out the sweet tea",
    "Mama has the sugar too and her feet are numb",
])
def test_sugar_had_as_older_americans_say_it_is_diabetes(nlp, text):
    assert _entities(nlp, text)["sugar"] == ("DISEASE", DIABETES)


@pytest.mark.parametrize("text", [
    "add the sugar and stir it in", "season with salt and a touch of sugar.", "I got the sugar, eggs and flour",
    "the recipe has the sugar and butter creamed together", "have you got the sugar?",
])
def test_sugar_in_the_kitchen_stays_food(nlp, text):
    assert "sugar" not in _entities(nlp, text)


@pytest.mark.parametrize("text, surface, concept", [
    ("been having smothering spells at night", "smothering spells", DYSPNEA),
    ("I wake up and can't get my breath", "can't get my breath", DYSPNEA),
    ("she's been swimmy-headed every time she stands", "swimmy-headed", VERTIGO),
    ("my ankles swole up like balloons", "ankles swole up", EDEMA),
])
def test_older_words_for_breath_dizziness_and_swelling(nlp, text, surface, concept):
    assert _entities(nlp, text)[surface] == ("SYMPTOM", concept)


@pytest.mark.parametrize("text, surface, kind", [
    ("I took a Goody's powder every morning for years", "Goody's powder", "named"),
    ("now I rub on Blue Emu at night", "Blue Emu", "named"),
    ("a hot toddy before bed like my mother did", "hot toddy", "substance"),
    ("they got the clot buster in him in time", "clot buster", "class"),
])
def test_older_remedies_are_drugs_of_their_kind(nlp, text, surface, kind):
    found = {e.text: e for e in nlp(text).ents}[surface]
    assert (found.label_, found._.drug_kind) == ("DRUG", kind)


def test_an_air_fryer_is_no_breath(nlp):
    assert not [e for e in nlp("I couldn't get my air fryer to work").ents if e.label_ == "SYMPTOM"]
