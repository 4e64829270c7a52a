"""Round 49: lay words that blind batch 82 (drug reviews, forum posts) missed after its score, and that earlier gold
had missed too: the gut's "wind", "crampy", and "hobbling" for a limp; and words that patients' questions in the
ask-a-doctor corpus use while the recognizer found nothing in them ("my legs are paining", "backpain", "nose
blockage", "staph infection", "ring worms"); "the pill" a doctor suggested in a story of periods, or taken alongside another
medicine; part of the sight lost ("lost most of the vision in my right eye"); a bare "all over" after a complaint
outside its span, as most of the gold (51 spans against 20) and the guideline's later batches draw it; from blind
batch 83 after its score, a cold said without its article ("she had cold and runny nose") and eyes "blurring". Words of the register, not one post's phrases.
"""
from __future__ import annotations

import pytest

FLATULENCE = "HP:0033589"
CRAMPS = "QATEXT:symptom/cramps"
ANTALGIC_GAIT = "HP:0031955"
PAIN = "HP:0012531"
STAPHYLOCOCCAL_INFECTION = "QATEXT:mesh/staphylococcal-infections"
CONTRACEPTIVE_PILL = "QATEXT:drug/combined-oral-contraceptive"


def _concepts(nlp, text):
    return {e.text: e.kb_id_ for e in nlp(text).ents}


@pytest.mark.parametrize("text", [
    "The new tablets gave me loads of wind and bloating for a month.",
    "When my IBS is bad it is cramps, loose stools, wind and no sleep.",
    "Two sachets a day, it gives me a bit of wind but that is all.",
    "Orlistat gave me wind.",
    "Metformin causes wind and loose stools.",
    "Side effects: wind and loose bowels.",
    "Since the tablets i get loads of wind, cant go for a walk without farting.",
    "Does omeprazole cause wind?",
])
def test_wind_the_gut_makes_is_flatulence(nlp, text):
    assert _concepts(nlp, text).get("wind") == FLATULENCE


@pytest.mark.parametrize("text", [
    "The wind was so strong at the beach, my stomach was fine though.",
    "A gust of wind knocked me over and now my belly hurts.",
    "Got my second wind after lunch once my stomach settled.",
    "I need to wind down before bed or my IBS plays up.",
    "Lots of wind and rain today, my tummy is fine.",
    # a post about the gut does not make the weather's wind its own (review of round 49)
    "Went for a walk in the wind and my stomach settled.",
    "Ran against the wind, my stomach was in knots.",
    "The hand dryer blows a lot of wind, my kid with IBS hates it.",
    "The wind and the waves at sea gave me nausea.",
    "Some wind, then hail, then more wind; my reflux flared up.",
    "Low pressure causes wind and my tummy always knows.",
    "Global warming causes wind and drought.",
])
def test_the_weathers_wind_and_the_verb_stay_words(nlp, text):
    assert "wind" not in _concepts(nlp, text)


@pytest.mark.parametrize("text, surface", [
    ("Since the new pill i am bloated and crampy every afternoon.", "crampy"),
    ("After the coil went in I was crampy for a day.", "crampy"),
])
def test_crampy_is_cramps(nlp, text, surface):
    assert _concepts(nlp, text).get(surface) == CRAMPS


@pytest.mark.parametrize("text, surface", [
    ("After a long shift im hobbling round the ward.", "hobbling"),
    ("My knee went on the run and i hobbled the last mile back.", "hobbled"),
    ("Most mornings i hobble down the stairs.", "hobble"),
])
def test_a_person_hobbling_is_a_limp(nlp, text, surface):
    assert _concepts(nlp, text).get(surface) == ANTALGIC_GAIT


@pytest.mark.parametrize("text", ["Sanctions have hobbled the economy.", "The new rules are hobbling small businesses.",
                                  "The horse was hobbled in the field overnight.", "The economy is hobbling along.",
                                  "Our old car hobbled home on three cylinders."])
def test_hobbling_done_to_a_thing_is_no_limp(nlp, text):
    assert not any("hobbl" in surface for surface in _concepts(nlp, text))


@pytest.mark.parametrize("text, surface", [
    ("Since two days my legs are paining. Kindly advise.", "legs are paining"),
    ("I can lift the arm, but at night it is paining.", "paining"),
])
def test_paining_is_pain_and_takes_its_body_part(nlp, text, surface):
    assert _concepts(nlp, text).get(surface) == PAIN


def test_a_painting_is_no_pain(nlp):
    found = _concepts(nlp, "She is painting the kitchen while my legs rest.")
    assert PAIN not in found.values() and not any("painting" in surface for surface in found)


@pytest.mark.parametrize("text, surface, concept", [
    ("I have backpain on both sides since lifting.", "backpain", "HP:0003418"),
    ("Every night i get nose blockage, what to do?", "nose blockage", "HP:0001742"),
    ("Since the staph infection my ear feels full.", "staph infection", STAPHYLOCOCCAL_INFECTION),
    ("Red round patches on her arm, could it be ring worm?", "ring worm", "ICD10CM:B35.4"),
])
def test_patients_words_for_known_conditions(nlp, text, surface, concept):
    assert _concepts(nlp, text).get(surface) == concept


@pytest.mark.parametrize("text", ["Staph bacteria live on the skin of most people.", "The staph room was empty."])
def test_bare_staph_is_no_infection(nlp, text):
    assert not any("staph" in surface.lower() for surface in _concepts(nlp, text))


@pytest.mark.parametrize("text", [
    "My periods come every 3 months. The GP said the pill is one option.",
    "My GP suggested the pill for my heavy periods.",
    "They put me on the pill alongside the iron for a while.",
])
def test_the_pill_advised_in_a_story_of_periods_or_taken_alongside_is_the_contraceptive(nlp, text):
    assert _concepts(nlp, text).get("pill") == CONTRACEPTIVE_PILL


@pytest.mark.parametrize("text", [
    "The pharmacist said the pill is fine with food.",
    "The doctor prescribed the pill for my back pain.",
    "I choked on the pill while swallowing it.",
])
def test_the_pill_advised_without_periods_or_contraception_is_any_tablet(nlp, text):
    assert "pill" not in _concepts(nlp, text)


@pytest.mark.parametrize("text, surface", [
    ("Last spring i lost most of the vision in my left eye for a week.", "lost most of the vision in my left eye"),
    ("My grandad lost most of his sight to glaucoma.", "lost most of his sight"),
    ("I lost half of my vision overnight.", "lost half of my vision"),
])
def test_losing_part_of_the_sight_is_visual_loss(nlp, text, surface):
    assert _concepts(nlp, text).get(surface) == "HP:0000572"


@pytest.mark.parametrize("text", ["We lost most of our sight of the coast in the fog.",
                                  "I lost some of the sight lines in the game.",
                                  "The founder lost some of his vision for the company.",
                                  "I lost part of my vision board in the move."])
def test_sight_of_a_thing_is_no_eyesight(nlp, text):
    assert "HP:0000572" not in _concepts(nlp, text).values()


@pytest.mark.parametrize("text, surface, concept", [
    ("The codeine makes me itchy all over and sleepy.", "itchy", "HP:0000989"),
    ("Temperature of 38.5 and aching all over since friday.", "aching", "QATEXT:symptom/body-aches"),
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
    ("Our boy has cold and runny nose since friday, now ear pain also.", "cold"),
    ("Mother is having cold, headache and sneezing from 2 days.", "cold"),
])
def test_a_cold_said_without_its_article_beside_its_fellows_is_the_infection(nlp, text, surface):
    assert _concepts(nlp, text).get(surface) == "QATEXT:mesh/common-cold"


@pytest.mark.parametrize("text", ["My hands are cold and blocked up with chilblains.",
                                  "It was cold and headache came on at the bus stop.",
                                  "Stepped out into the cold and headache hit me.",
                                  "Ate something cold and headache started instantly.",
                                  "Cold and blocked drains are the worst."])
def test_cold_weather_or_cold_hands_beside_a_complaint_is_no_infection(nlp, text):
    assert "QATEXT:mesh/common-cold" not in _concepts(nlp, text).values()


@pytest.mark.parametrize("text, surface", [("When I read long my eyes are blurring.", "eyes are blurring"),
                                           ("My vision keeps blurring in the evenings.", "vision keeps blurring")])
def test_eyes_or_sight_blurring_is_blurred_vision(nlp, text, surface):
    assert _concepts(nlp, text).get(surface) == "HP:0000622"


@pytest.mark.parametrize("text", ["Her face is blurring in my memory.",
                                  "The lines between work and home are blurring."])
def test_other_things_blurring_are_no_complaint(nlp, text):
    assert "HP:0000622" not in _concepts(nlp, text).values()
