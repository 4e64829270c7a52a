"""Round 49: lay words that blind batch 82 (drug reviews, forum posts) missed after its score, and that earlier gold
had missed too: the gut's "wind", "crampy", and "hobbling" for a limp; and words that patients' questions in the
ask-a-doctor corpus use often while the recognizer found nothing in them ("my legs are paining", "backpain", "nose
blockage", "staph", "ring worms"); "the pill" a doctor suggested in a story of periods, or taken alongside another
medicine; part of the sight lost ("lost most of the vision in my right eye"); a bare "all over" after a complaint
outside its span, as most of the gold (51 spans against 20) and the guideline's later batches draw it; from blind
batch 83 after its score, a cold said without its article ("she had cold and runny nose") and eyes "blurring". Words of the register, not one post's phrases.
"""
from __future__ import annotations

import pytest

FLATULENCE = "HP:0033589"
CRAMPS = "QATEXT:symptom/cramps"
GAIT_DISTURBANCE = "HP:0001288"
PAIN = "HP:0012531"
STAPHYLOCOCCAL_INFECTION = "ICD10CM:A49.0"
CONTRACEPTIVE_PILL = "QATEXT:drug/combined-oral-contraceptive"


def _concepts(nlp, text):
    return {e.text: e.kb_id_ for e in nlp(text).ents}


@pytest.mark.parametrize("text", [
    "Metformin gave me loads of wind and bloating for a month.",
    "IBS flares every time work gets busy - cramps, loose stools, wind that could clear a room.",
    "Potassium citrate twice a day, it gives me a bit of wind but nothing bad.",
    "Low FODMAP with a dietitian helped the wind but not the belly pain.",
])
def test_wind_in_a_post_about_the_gut_is_flatulence(nlp, text):
    assert _concepts(nlp, text).get("wind") == FLATULENCE


@pytest.mark.parametrize("text", [
    "The wind was so strong at the beach, my stomach was fine though.",
    "A gust of wind knocked me over and now my belly hurts.",
    "Got my second wind after lunch once my stomach settled.",
    "I need to wind down before bed or my IBS plays up.",
    "Lots of wind and rain today, my tummy is fine.",
])
def test_the_weathers_wind_and_the_verb_stay_words(nlp, text):
    assert "wind" not in _concepts(nlp, text)


@pytest.mark.parametrize("text, surface", [
    ("On linzess: bloated and crampy till noon.", "crampy"),
    ("The first 2 days after the coil I was crampy, then spotting.", "crampy"),
])
def test_crampy_is_cramps(nlp, text, surface):
    assert _concepts(nlp, text).get(surface) == CRAMPS


@pytest.mark.parametrize("text, surface", [
    ("By the end of the school day im hobbling round the classroom.", "hobbling"),
    ("Got a sharp pain on the outside of my knee and hobbled the last mile home.", "hobbled"),
])
def test_hobbling_is_a_gait_disturbance(nlp, text, surface):
    assert _concepts(nlp, text).get(surface) == GAIT_DISTURBANCE


@pytest.mark.parametrize("text, surface", [
    ("Also, my legs are paining. Please suggest something soon.", "legs are paining"),
    ("I can move my hand upright, but while sleeping it is paining.", "paining"),
])
def test_paining_is_pain_and_takes_its_body_part(nlp, text, surface):
    assert _concepts(nlp, text).get(surface) == PAIN


def test_a_painting_is_no_pain(nlp):
    found = _concepts(nlp, "She is painting the kitchen while my legs rest.")
    assert PAIN not in found.values() and not any("painting" in surface for surface in found)


@pytest.mark.parametrize("text, surface, concept", [
    ("Have severe lower backpain left and right side.", "backpain", "HP:0003418"),
    ("I am getting nose blockage for the last few months.", "nose blockage", "HP:0001742"),
    ("After staph infection, I have been getting pressure in my ear.", "staph infection", STAPHYLOCOCCAL_INFECTION),
    ("Suffering from staph, how do I get cured?", "staph", STAPHYLOCOCCAL_INFECTION),
    ("My son has round patches on his back. It may be ring worms?", "ring worms", "ICD10CM:B35.4"),
])
def test_patients_words_for_known_conditions(nlp, text, surface, concept):
    assert _concepts(nlp, text).get(surface) == concept


@pytest.mark.parametrize("text", [
    "Periods every 2 or 3 months. GP said the pill is another option for the periods.",
    "My GP suggested the pill for my heavy periods.",
    "The nurse tried me on the pill alongside for 3 months, didnt help.",
    "On the pill while breastfeeding, is it safe?",
])
def test_the_pill_advised_in_a_story_of_periods_or_taken_alongside_is_the_contraceptive(nlp, text):
    assert _concepts(nlp, text).get("pill") == CONTRACEPTIVE_PILL


@pytest.mark.parametrize("text", [
    "The pharmacist said the pill is fine with food.",
    "The doctor prescribed the pill for my back pain.",
])
def test_the_pill_advised_without_periods_or_contraception_is_any_tablet(nlp, text):
    assert "pill" not in _concepts(nlp, text)


@pytest.mark.parametrize("text, surface", [
    ("Back in march i lost most of the vision in my right eye for 3 weeks.", "lost most of the vision in my right eye"),
    ("My grandad lost most of his sight to glaucoma.", "lost most of his sight"),
    ("I lost half of my vision overnight.", "lost half of my vision"),
])
def test_losing_part_of_the_sight_is_visual_loss(nlp, text, surface):
    assert _concepts(nlp, text).get(surface) == "HP:0000572"


@pytest.mark.parametrize("text", ["We lost most of our sight of the coast in the fog.",
                                  "I lost some of the sight lines in the game."])
def test_sight_of_a_thing_is_no_eyesight(nlp, text):
    assert "HP:0000572" not in _concepts(nlp, text).values()


@pytest.mark.parametrize("text, surface, concept", [
    ("Oxycodone has me itchy all over and constipated.", "itchy", "HP:0000989"),
    ("Fever of 39, aching all over, pain behind my eyes.", "aching", "QATEXT:symptom/body-aches"),
    ("He came out in a rash all over after the amoxicillin.", "rash", None),
])
def test_a_bare_all_over_stays_outside_and_keeps_the_phrases_concept(nlp, text, surface, concept):
    found = _concepts(nlp, text)
    assert surface in found and not any(s.endswith("all over") for s in found)
    assert concept is None or found[surface] == concept


@pytest.mark.parametrize("text, surface", [
    ("I get hot flashes all over my body.", "hot flashes all over my body"),
    ("Since the new soap i have hives all over my chest and neck.", "hives all over my chest and neck"),
])
def test_all_over_a_part_is_the_complaints_place(nlp, text, surface):
    assert surface in _concepts(nlp, text)


@pytest.mark.parametrize("text, surface", [
    ("Last week she had cold and runny nose. Is it ear infection?", "cold"),
    ("He has cold, headache and sneezing since monday.", "cold"),
])
def test_a_cold_said_without_its_article_beside_its_fellows_is_the_infection(nlp, text, surface):
    assert _concepts(nlp, text).get(surface) == "QATEXT:mesh/common-cold"


@pytest.mark.parametrize("text", ["My hands are cold and blocked up with chilblains.",
                                  "It was cold and headache came on at the bus stop."])
def test_cold_weather_or_cold_hands_beside_a_complaint_is_no_infection(nlp, text):
    assert "QATEXT:mesh/common-cold" not in _concepts(nlp, text).values()


def test_eyes_that_are_blurring_are_a_complaint(nlp):
    assert "eyes is blurring" in _concepts(nlp, "Sometimes my eyes is blurring in the evening.")
