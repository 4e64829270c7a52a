"""Rule round from blind batch 97 (medicine reviews and posts about psychiatric, sleep, pain and migraine medicines),
after its score: more foods and smokes a craving may be for, a drink by its full name whose taste is off, the pill a
medicine makes less reliable, a simile after a complaint left outside, "less" as no state, and a few names.
Batch 98, written blind beside it from the same brief, was not studied.
"""
from __future__ import annotations

import pytest

from tests.conftest import entities_by_text as _entities

CAFFEINE, TOPIRAMATE, ADHD = "DRUGBANK:DB00201", "DRUGBANK:DB00273", "HP:0007018"
CONTRACEPTIVE_PILL = "QATEXT:drug/combined-oral-contraceptive"


@pytest.mark.parametrize("text, span", [
    ("The cravings for smokes dropped too, I'm down to 3 a day", "cravings for smokes"),
    ("I've put on 9 kilos, mostly from craving toast at midnight", "craving toast"),
    ("my cravings for donuts got worse on it", "cravings for donuts"),
])
def test_a_craving_takes_the_food_or_smoke_it_is_for(nlp, text, span):
    assert _entities(nlp, text)[span][0] == "SYMPTOM"


def test_a_drink_whose_taste_is_off_is_one_complaint_with_its_full_name(nlp):
    found = _entities(nlp, "tingling hands most afternoons, Diet Coke tastes flat (a tragedy)")
    assert found["Diet Coke tastes flat"] == ("SYMPTOM", "HP:0031249")
    assert "Diet Coke" not in found


def test_the_pill_a_medicine_makes_less_reliable_is_the_contraceptive(nlp):
    found = _entities(nlp, "Topamax cut my migraines. It makes the pill less reliable so I switched to the coil.")
    assert found["pill"] == ("DRUG", CONTRACEPTIVE_PILL)


@pytest.mark.parametrize("text, span, kept_out", [
    ("Tried sumatriptan first but my neck went stiff as a board every time", "neck went stiff", "as a board"),
    ("my back was stiff as a board till lunchtime", "back was stiff", "as a board"),
    ("Arm is sore as the dickens but better than the flu", "Arm is sore", "as the dickens"),
])
def test_a_simile_after_a_complaint_stays_outside(nlp, text, span, kept_out):
    found = _entities(nlp, text)
    assert span in found and not any(kept_out in ent for ent in found)


def test_a_dry_mouth_keeps_its_simile(nlp):
    assert "mouth was dry as a bone" in _entities(nlp, "every day my mouth was dry as a bone, and one night i fell")


def test_less_before_a_state_a_medicine_left_is_no_state_of_its_own(nlp):
    found = _entities(nlp, "ibuprofen made me less anxious")
    assert "less" not in found and "less anxious" not in found
    assert _entities(nlp, "paxil made me lazy and useless")["useless"][0] == "SYMPTOM"


@pytest.mark.parametrize("text, span, label, concept", [
    ("I have 2 flat whites a day with my methylphenidate", "flat whites", "DRUG", CAFFEINE),
    ("Also known as Dopamax for a reason.", "Dopamax", "DRUG", TOPIRAMATE),
    ("Adderall XR 20mg for adult ADHD - 3 stars", "adult ADHD", "DISEASE", ADHD),
    ("abilify would make me feel like i have ants under my skin", "feel like i have ants under my skin", "SYMPTOM",
     "HP:0003401"),
])
def test_names_from_the_batch(nlp, text, span, label, concept):
    assert _entities(nlp, text)[span] == (label, concept)


@pytest.mark.parametrize("text", ["I have small flat white bumps on my arms.", "There is a flat white patch on my cheek.",
                                  "The rash is flat white and doesn't itch."])
def test_a_flat_white_finding_on_the_skin_is_no_coffee(nlp, text):
    assert not any(label == "DRUG" for label, _ in _entities(nlp, text).values())


@pytest.mark.parametrize("text", ["Lemon juice tastes sour so I add honey.",
                                  "Mexican Coke tastes different because of the cane sugar.",
                                  "The juice tastes like oranges."])
def test_a_drinks_own_taste_is_no_complaint(nlp, text):
    assert not any("tastes" in span for span in _entities(nlp, text))


def test_diet_opens_a_drinks_name_only(nlp):
    found = _entities(nlp, "On this diet everything tastes bland.")
    assert found["diet"][0] == "TREATMENT" and "everything tastes bland" in found


@pytest.mark.parametrize("text", ["The coating made the pill less bitter.", "Who makes the pill?"])
def test_the_pill_made_otherwise_is_any_tablet(nlp, text):
    assert "pill" not in _entities(nlp, text)


def test_a_medicine_for_adult_adhd_stays_a_medicine(nlp):
    assert _entities(nlp, "Adult ADHD medication made me less hungry.")["Adult ADHD medication"][0] == "DRUG"


def test_a_dry_mouths_simile_at_the_end_of_a_post(nlp):
    assert "mouth is dry as sandpaper" in _entities(nlp, "my mouth is dry as sandpaper")


def test_a_cola_that_tastes_awful_is_a_complaint(nlp):
    assert _entities(nlp, "Coke tastes awful since covid")["Coke tastes awful"][0] == "SYMPTOM"


@pytest.mark.parametrize("text, span", [("My mouth gets dry as the day goes on", "mouth gets dry"),
                                        ("my skin is dry as a result of the cream", "skin is dry")])
def test_as_after_dry_that_opens_no_simile_stays_outside(nlp, text, span):
    assert span in _entities(nlp, text)


# Round from blind batch 99 (opening posts on patient forums), after its score; batch 100 was not studied.
@pytest.mark.parametrize("text, span", [
    ("Dad (77) sees kids in the garden that aren't there, could it be Lewy body?",
     "sees kids in the garden that aren't there"),
    ("he keeps seeing a cat in the hallway that isn't there, which he laughs about.",
     "seeing a cat in the hallway that isn't there"),
    ("a rising feeling in my stomach and I smell burning rubber that isn't there", "smell burning rubber that isn't there"),
])
def test_a_thing_perceived_with_its_place_that_is_not_there_is_a_hallucination(nlp, text, span):
    assert _entities(nlp, text)[span] == ("SYMPTOM", "HP:0000738")


@pytest.mark.parametrize("text", ["I see what you mean, the doctor that isn't there",
                                  "I felt a lump in my neck that wasn't there before",
                                  "I can see a rash on my arm that wasn't there yesterday",
                                  "we saw a new GP at the surgery who wasn't there last time"])
def test_what_is_new_or_no_thing_seen_is_no_hallucination(nlp, text):
    assert not any(concept == "HP:0000738" for _, concept in _entities(nlp, text).values())


@pytest.mark.parametrize("text, span, label, concept", [
    ("I'm on lammy (lamotrigine) 200mg and it does help", "lammy", "DRUG", "DRUGBANK:DB00555"),
    ("assessed online in March: combined ADHD.", "combined ADHD", "DISEASE", ADHD),
    ("She also mentioned Duodopa, the gut pump.", "Duodopa", "DRUG", "QATEXT:drug/carbidopa-levodopa"),
])
def test_names_from_the_forum_batch(nlp, text, span, label, concept):
    assert _entities(nlp, text)[span] == (label, concept)
