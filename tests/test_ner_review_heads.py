"""Rule round from blind batch 91 (medicine reviews), after its score: what a craving or an aversion is for joins it,
a feeling or mind noun heads the complaint words before it, and degree words "strong" and "bitter" stay inside.
Batch 92, written blind beside it from the same brief, was not studied.
"""
from __future__ import annotations

import pytest

from tests.conftest import entities_by_text as _entities

CRAVING, POLYPHAGIA, PICA, SALT_CRAVING = "QATEXT:symptom/craving", "HP:0002591", "HP:0011856", "HP:0030083"


@pytest.mark.parametrize("text, span, concept", [
    ("I wake up at 2am with crazy cravings for bread and rice, I eat standing up", "crazy cravings for bread and rice",
     POLYPHAGIA),
    ("gained 3 stone, constant cravings for sugar especially after 9pm", "constant cravings for sugar", POLYPHAGIA),
    ("I have sweet cravings every evening", "sweet cravings", "HP:0030221"),  # HPO's sweet craving
    ("At night I crave salty chips.", "crave salty chips", SALT_CRAVING),
    ("my cravings for cigarettes basically vanished", "cravings for cigarettes", CRAVING),
    ("the wine cravings are gone", "wine cravings", CRAVING),
    ("I crave ice all the time", "crave ice", PICA),  # the lexicon's own concept is kept
    ("she has a craving for ice chips", "craving for ice chips", PICA),
    ("a craving for salty foods", "craving for salty foods", SALT_CRAVING),
])
def test_a_craving_takes_what_it_is_for(nlp, text, span, concept):
    assert _entities(nlp, text)[span] == ("SYMPTOM", concept)


def test_a_substance_craved_is_no_drug_of_its_own_and_a_time_stays_outside(nlp):
    found = _entities(nlp, "The evening cravings for beer that used to hit at 5pm are gone")
    assert "cravings for beer" in found and "beer" not in found and "evening cravings for beer" not in found


@pytest.mark.parametrize("text, span", [
    ("a real aversion to meat, even the smell of a roast", "aversion to meat"),
    ("a sudden aversion to chicken?? #ozempic", "aversion to chicken"),
    ("I've got an aversion to anything greasy", "aversion to anything greasy"),
])
def test_an_aversion_to_a_food_is_a_complaint(nlp, text, span):
    assert _entities(nlp, text)[span] == ("SYMPTOM", "QATEXT:symptom/food-aversion")


@pytest.mark.parametrize("text, absent", [
    ("he has an aversion to crowds", "aversion to crowds"),
    ("a craving for attention", "craving for attention"),
])
def test_what_is_no_food_is_not_joined(nlp, text, absent):
    assert absent not in _entities(nlp, text)


@pytest.mark.parametrize("text, kept", [
    ("I have an aversion to meat, sugar cravings and nausea.", ["aversion to meat", "sugar cravings", "nausea"]),
    ("cravings for beer and wine cravings", ["cravings for beer", "wine cravings"]),
    ("an aversion to fish oil capsules", ["fish oil capsules"]),  # no craving cuts a longer name
])
def test_a_list_of_foods_stops_before_the_next_craving_or_name(nlp, text, kept):
    assert sorted(_entities(nlp, text)) == sorted(kept)


def test_a_beer_drunk_stays_a_substance(nlp):
    assert _entities(nlp, "I drink a beer on Fridays")["beer"][0] == "DRUG"


@pytest.mark.parametrize("text, span", [
    ("a horrible nauseous feeling after each dose", "horrible nauseous feeling"),
    ("a light headed feeling all day", "light headed feeling"),
    ("a weird dizzy sensation when I stand", "weird dizzy sensation"),
    ("citalopram for low mood and anxious thoughts at 3am", "anxious thoughts"),
    ("it gave me suicidal tendencies", "suicidal tendencies"),
])
def test_a_feeling_or_mind_noun_heads_the_complaint_before_it(nlp, text, span):
    assert _entities(nlp, text)[span][0] == "SYMPTOM"


@pytest.mark.parametrize("text, span", [
    ("metoprolol has cut the racing heart episodes from weekly to monthly", "racing heart"),  # an episode noun heads one word
    ("my back pain feeling better today", "back pain"),
    ("Back pain feeling much better today", "Back pain"),  # the verb, not the noun
    ("neck pain feeling in my shoulder", "neck pain"),
    ("My anxiety urges me to check the locks", "anxiety"),
])
def test_what_a_feeling_noun_does_not_head(nlp, text, span):
    assert span in _entities(nlp, text)


@pytest.mark.parametrize("text, span", [
    ("Then in month 4 I had strong pain under the right ribs", "strong pain under the right ribs"),
    ("But the bitter metallic taste the next morning was unreal", "bitter metallic taste"),
])
def test_strong_and_bitter_grade_a_complaint(nlp, text, span):
    assert span in _entities(nlp, text)


@pytest.mark.parametrize("text", ["I have a craving for sugar", "a sugar substitute for sugar in tea"])
def test_sugar_wanted_is_food(nlp, text):
    assert _entities(nlp, text).get("sugar", ("",))[0] != "DISEASE"


def test_sugar_treated_is_diabetes(nlp):
    assert _entities(nlp, "I take metformin for sugar")["sugar"][0] == "DISEASE"
