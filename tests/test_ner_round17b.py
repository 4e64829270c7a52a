"""Round 17b: where a lay complaint starts and stops (issue 11, GUIDELINES rules 4, 5, 6, 10, 11 and 16).

Each class has sentences in other words than the study set that the rules must catch, and near-misses in the
same words whose spans must not grow or split.
"""
from __future__ import annotations

import pytest


def texts(nlp, text):
    return [e.text for e in nlp(text).ents]


# --- 1. a span stops where "and" starts a clause of its own ---------------------------------------------------------
@pytest.mark.parametrize("text, wanted, unwanted", [
    # a part with its own possessive and a singular verb is a new subject, not the last of a list of parts
    ("on antibiotics for my sore knee and my stomach is churning all day", "stomach is churning",
     "knee and my stomach is churning"),
    ("ache in my calf and ankle, and my heel feels numb at night", "heel feels numb", "ankle, and my heel feels numb"),
    ("broke my wrist in june and my thumb is still stiff", "thumb is still stiff", "wrist in june and my thumb is still stiff"),
    # a first part that a preposition ties to what came before is no subject the list shares
    ("i see zigzags at the corner of my eye and my lips and tongue have swollen up", "lips and tongue have swollen up",
     "corner of my eye and my lips"),
    # a part's state and a taste in the mouth are two complaints; a product's colour and smell one
    ("my wisdom tooth is sore and tastes rotten since friday", "wisdom tooth is sore", "sore and tastes rotten"),
    # "is back" says a complaint returned: no body part that heads a list
    ("the eczema is back and skin is peeling off my fingers", "skin is peeling", "back and skin"),
    ("the cough was back and chest is tight again", "chest is tight", "back and chest"),
    ("the acne is back and hair is thinning on top", "hair is thinning", "back and hair"),
])
def test_run_on_clauses_stop(nlp, text, wanted, unwanted):
    found = texts(nlp, text)
    assert not any(unwanted in t for t in found), found
    assert any(wanted in t for t in found), found


@pytest.mark.parametrize("text, whole", [
    # near-misses: a list of parts that shares a plural predicate stays one span (rule 11)
    ("my feet and my ankles are swollen by the evening", "feet and my ankles are swollen"),
    ("since the fall my knee and hip are stiff every morning", "knee and hip are stiff"),
    ("my wee is dark and smells strong since the new tablets", "wee is dark and smells strong"),
    ("after gardening my back and knees are stiff", "back and knees are stiff"),
])
def test_shared_predicates_still_join(nlp, text, whole):
    assert whole in texts(nlp, text), texts(nlp, text)


# --- 2. left edges: quality, degree and clinical words inside ------------------------------------------------------
@pytest.mark.parametrize("text, whole", [
    # how bad or how odd a complaint is (rule 4: severity and character)
    ("woke at 3am with brutal pain in my lower back", "brutal pain in my lower back"),
    ("i have had vicious headaches since the crash", "vicious headaches"),
    # a clinical qualifier with "non" before it (rule 4 and 16: clinical qualifiers are inside)
    ("the biopsy showed a non invasive breast cancer", "non invasive breast cancer"),
    ("the gp said a non-blanching rash needs a&e", "non-blanching rash"),
    ("waking up in soaking sweats every night", "soaking sweats"),
    # the shade and thickness of a finding or of what comes up
    ("she has pale patches on her cheeks", "pale patches on her cheeks"),
    ("he keeps bringing up thick yellow mucus", "thick yellow mucus"),
])
def test_left_edges(nlp, text, whole):
    found = texts(nlp, text)
    assert whole in found, found


@pytest.mark.parametrize("text, absent", [
    # near-misses: the same words with no complaint after them, or a verb that is part of the complaint
    ("that's a funny story about the clinic", "funny story"),
    ("the odd glass of wine is fine", "odd glass"),
    ("my gp was brutal about my weight", "brutal"),
    ("the invasive procedure went fine", "invasive procedure"),
    ("she has a pale complexion like her mum", "pale complexion"),
])
def test_left_edges_near_misses(nlp, text, absent):
    assert absent not in texts(nlp, text), texts(nlp, text)


@pytest.mark.parametrize("text, whole", [
    ("some days i feel like passing out at work", "feel like passing out"),
    ("since the baby came i feel nothing at all", "feel nothing"),
    ("a feeling of dread every morning before work", "feeling of dread"),
])
def test_perception_verbs_kept(nlp, text, whole):
    assert whole in texts(nlp, text), texts(nlp, text)


# --- 3. right tails: the place a pain sits or reaches, the colours a part goes through -------------------------------
@pytest.mark.parametrize("text, whole", [
    # how high or low on a trunk region (rule 5: the place is attached)
    ("a dull ache high on my left side since the fall", "dull ache high on my left side"),
    ("bad cramping low on the right side after eating", "cramping low on the right side"),
    # a pain going through to a part, said without a comma
    ("i get a burning pain going straight through to my shoulder blade", "burning pain going straight through to my shoulder blade"),
    ("chest pain shooting through into my back when i lie down", "chest pain shooting through into my back"),
    # the colours a part goes through, one after another (rule 11: listed predicates)
    ("in the cold my toes go white then purple", "toes go white then purple"),
    ("her lips turned blue, then dark purple during the fit", "lips turned blue, then dark purple"),
    # a part's or a lesion's infection is one DISEASE with it (rule 5)
    ("the gp gave me flucloxacillin for an infected finger", "infected finger"),
    ("she has infected eczema on her legs", "infected eczema on her legs"),
])
def test_right_tails_and_parts(nlp, text, whole):
    assert any(whole in t for t in texts(nlp, text)), texts(nlp, text)


@pytest.mark.parametrize("text, absent", [
    # near-misses: a comma parts the place from the pain; a rate or a plan is no place; colours not in sequence
    ("pain in my stomach, going straight through to my back", "through to my back"),
    ("my pain is going through the roof this week", "going through the roof"),
    ("blood sugar was high on my last check", "high on my last check"),
    ("the rash was red, then it faded by friday", "then it faded"),
    ("the infected people on the ward were moved", "infected people"),
])
def test_right_tails_near_misses(nlp, text, absent):
    assert not any(absent in t for t in texts(nlp, text)), texts(nlp, text)


# --- 2b. what one is allergic to, before "allergy", is part of the DISEASE (rule 1) ---------------------------------
@pytest.mark.parametrize("text, whole", [
    ("the rash started after amoxil, could it be a latex allergy instead", "latex allergy"),
    ("my daughter has a sesame allergy and carries an epipen", "sesame allergy"),
    ("its a horse allergy, the stables set off my wheeze", "horse allergy"),
    ("my birch pollen allergy is worse this spring", "birch pollen allergy"),
    ("she has a codeine allergy so they gave her morphine", "codeine allergy"),
])
def test_allergens_before_allergy(nlp, text, whole):
    assert whole in texts(nlp, text), texts(nlp, text)


@pytest.mark.parametrize("text, absent", [
    # near-misses: a verb, a grade or another complaint before the word names no allergen
    ("the allergist says allergy shots might help", "says allergy"),
    ("i think i have a bad allergy to something", "have a bad"),
    ("hay fever and allergies every may", "and allergies"),
    ("can a child develop allergy to milk later", "develop allergy"),
    ("he has a longstanding allergy to dust", "longstanding allergy"),
])
def test_allergy_near_misses(nlp, text, absent):
    assert not any(absent in t for t in texts(nlp, text)), texts(nlp, text)


# --- review of round 17 (same words, other readings) -----------------------------------------------------------------
@pytest.mark.parametrize("text, whole", [
    # one subject whose verb does not agree is still one list: only a part that something governs ends before "and"
    ("My knee and my ankle is swollen.", "knee and my ankle is swollen"),
    ("His arm and his leg is numb", "arm and his leg is numb"),
    # a list of parts after a copula: "is back" is the only part word that is itself a predicate
    ("What worries me is hands and feet going numb.", "hands and feet going numb"),
    ("The issue is knees and ankles swelling", "knees and ankles swelling"),
    ("waking up in soaking night sweats", "soaking night sweats"),
    ("i nearly collapsed on the stairs", "nearly collapsed"),  # an event nearly happened, as "[nearly blacked out]"
])
def test_review_keeps(nlp, text, whole):
    assert whole in texts(nlp, text), texts(nlp, text)


@pytest.mark.parametrize("text, absent", [
    ("I tried soaking toenail fungus in vinegar.", "soaking toenail fungus"),  # a verb, not sweats
    ("My cut is infected skin around it is red.", "infected skin"),  # the predicate of a run-on clause
    ("Summer allergy season is terrible", "Summer allergy"),  # a time of year, no allergen
    ("my childhood allergy to nuts", "childhood allergy"),
    ("in my opinion this is not allergy", "not allergy"),
    ("if the patient is known to be infected hiv can pass on", "infected hiv"),
    ("when I do not have these odd coughing spells I feel fine", "odd coughing"),
])
def test_review_drops(nlp, text, absent):
    assert absent not in texts(nlp, text), texts(nlp, text)
