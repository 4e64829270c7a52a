"""Rule rounds from blind batches 106 (patient-forum posts on the heart, lungs, ENT, eyes, urology, women's health,
bones and children, and tweets; studied after it had been scored unseen) and 107 (forum posts about medicines and
their side effects, and tweets; batch 108, written beside it, was not studied) and 109 (reviews on a medicine ratings
site, and tweets; batch 110 not studied). Times stay outside a likeness and a waking outside the sweat; a stimulus after
"any" is borne; a pain's path may start "from" a part; a lasting state links its part; where on the scalp hair thins is
inside; a disease with an owner of its own is no conjunct; a normal life stage is no disease; figures of speech, and
names. The reviews of the rounds added the cases where their rules must not reach.
"""
from __future__ import annotations

import pytest

from tests.conftest import entities_by_text as _entities


@pytest.mark.parametrize("text, span", [
    ("since feb my eyes feel like theyre full of sand by mid afternoon", "eyes feel like theyre full of sand"),
    ("my eyes feel like theyre full of sand by 3pm every day", "eyes feel like theyre full of sand"),
    ("heel feels like glass first thing in the morning", "heel feels like glass"),
])
def test_a_time_stays_outside_a_likeness(nlp, text, span):
    assert _entities(nlp, text)[span][0] == "SYMPTOM"


def test_a_stimulus_after_any_is_borne(nlp):
    assert _entities(nlp, "i couldnt stand any light.")["couldnt stand any light"][0] == "SYMPTOM"
    found = _entities(nlp, "i cant stand any longer")
    assert found["cant stand"][0] == "SYMPTOM" and "cant stand any longer" not in found


@pytest.mark.parametrize("text, span", [
    ("now i get pain shooting from my left buttock down to my ankle", "pain shooting from my left buttock down to my ankle"),
    ("Pain shooting from my hip clear down to my heel", "Pain shooting from my hip clear down to my heel"),
])
def test_a_pain_path_from_a_part(nlp, text, span):
    assert _entities(nlp, text)[span][0] == "SYMPTOM"


def test_a_lasting_state_links_its_part(nlp):
    found = _entities(nlp, "Since it came off, my hand has stayed swollen and shiny.")
    assert found["hand has stayed swollen and shiny"][0] == "SYMPTOM"


def test_a_life_stage_is_no_disease(nlp):
    found = _entities(nlp, "I keep losing my words mid sentence - perimenopause or something worse?")
    assert "perimenopause" not in found
    assert _entities(nlp, "Postmenopausal bleeding for a week")["Postmenopausal bleeding"][0] == "SYMPTOM"


@pytest.mark.parametrize("text, word", [
    ("that penalty shootout took 10 years off my life, actual heart attack material 😭", "heart attack"),
    ("im literally peeing myself laughing at these replies 😭😭", "peeing myself"),
    ("if anything feels off with baby go straight in", "off"),
    ("4th UTI since Christmas. I was getting one every 6-8 weeks, always the same, burning, needing to go every ten minutes and that awful "
     "dragging ache low down, and every time another 3 days of trimethoprim.", "same"),
])
def test_no_complaint(nlp, text, word):
    assert word not in _entities(nlp, text)


def test_a_real_heart_attack_and_leak_stay(nlp):
    assert _entities(nlp, "my dad had a heart attack in 2019")["heart attack"][0] == "DISEASE"
    assert _entities(nlp, "i feel off today")["feel off"][0] == "SYMPTOM"


@pytest.mark.parametrize("text, span, label", [
    ("im going through a ventolin puffer every couple weeks", "ventolin puffer", "DRUG"),
    ("use hyaluronic drops 4x a day", "hyaluronic drops", "DRUG"),
    ("the PA told me to lay off the preworkout", "preworkout", "DRUG"),
    ("3 months into the mini pil and ive been spotting", "mini pil", "DRUG"),
    ("heart flops every night when i lie down", "heart flops", "SYMPTOM"),
    ("a high pitched whine in my left ear that never stops", "high pitched whine in my left ear", "SYMPTOM"),
    ("by lunchtime most days my voice just gives out", "voice just gives out", "SYMPTOM"),
    ("eye was glued shut this morning", "eye was glued shut", "SYMPTOM"),
    ("im peeing like 20 times a day", "peeing like 20 times a day", "SYMPTOM"),
])
def test_names_and_phrases_from_the_round(nlp, text, span, label):
    assert _entities(nlp, text)[span][0] == label


def test_a_door_stuck_shut_is_no_eye(nlp):
    assert _entities(nlp, "the door was stuck shut") == {}


# --- the round from blind batch 107 (forum posts about medicines and their side effects; batch 108 not studied) ---

@pytest.mark.parametrize("text, span", [
    ("my hair is thinning at the crown, and my blood pressure now reads 148/92", "hair is thinning at the crown"),
    ("my hair has thinned at the front", "hair has thinned"),
    ("my hair is thinning at the temples", "hair is thinning at the temples"),
    ("im sweating through my shirts, ive lost 7 lbs", "sweating through my shirts"),
    ("Most afternoons I still get pins and needles round my mouth, and my hands cramp", "pins and needles round my mouth"),
    ("my brain feels like soup till about sunday night", "brain feels like soup"),
])
def test_where_a_complaint_is_stays_in_and_its_time_out(nlp, text, span):
    found = _entities(nlp, text)
    assert found[span][0] == "SYMPTOM"
    assert "crown" not in found


def test_the_sweat_not_the_waking(nlp):
    assert _entities(nlp, "also i wake up drenched most nights")["drenched"][0] == "SYMPTOM"
    assert _entities(nlp, "i woke up drenched in sweat")["drenched in sweat"][0] == "SYMPTOM"
    assert _entities(nlp, "i keep waking up gasping")["keep waking up gasping"][0] == "SYMPTOM"


@pytest.mark.parametrize("text, word", [
    ("the landlord's email this morning nearly gave me a cardiac arrest 💀 rent up AGAIN", "cardiac arrest"),
    ("my teammates are allergic to deadlines 🙃 send snacks", "allergic to deadlines"),
    ("my husband has barretts so i am a bit paranoid about it all. hang in there x", "a bit paranoid"),
])
def test_figures_of_the_round(nlp, text, word):
    assert word not in _entities(nlp, text)


def test_a_delusion_stays(nlp):
    assert _entities(nlp, "nightmares every night, paranoid that my friends were talking about me")["paranoid"][0] \
        == "SYMPTOM"


def test_real_allergies_and_arrests_stay(nlp):
    assert _entities(nlp, "im allergic to penicillin")["allergic to penicillin"][0] == "DISEASE"
    assert _entities(nlp, "he had a cardiac arrest last year")["cardiac arrest"][0] == "DISEASE"


def test_hungry_without_its_time(nlp):
    found = _entities(nlp, "I'm hungry all the time and I bruise at the slightest knock")
    assert found["hungry"][0] == "SYMPTOM" and "hungry all the time" not in found


@pytest.mark.parametrize("text, span, label", [
    ("I carry a Solu-Cortef kit and double my doses", "Solu-Cortef", "DRUG"),
    ("ended up in A&E with an adrenal crisis in 2023", "adrenal crisis", "DISEASE"),
])
def test_names_of_the_batch_107_round(nlp, text, span, label):
    assert _entities(nlp, text)[span][0] == label


@pytest.mark.parametrize("text", [
    "Hot flushes 15 a day, drenched at night, brain fog so bad I wrote everything down",
    "woke up at 3am drenched and shaky, bg 54",
])
def test_soaked_by_night_is_sweating(nlp, text):
    assert _entities(nlp, text)["drenched"][0] == "SYMPTOM"


@pytest.mark.parametrize("text", ["i got drenched walking home", "soak them overnight, soaked beans cook faster",
                                  "i got soaked in the rain last night"])
def test_soaked_by_rain_or_water_is_nothing(nlp, text):
    found = _entities(nlp, text)
    assert "drenched" not in found and "soaked" not in found


# --- from a review of the two rounds: where the new rules must not reach ---

@pytest.mark.parametrize("text, span", [
    ("I still wet myself laughing 2 years postpartum, is pelvic floor physio worth it?", "wet myself"),
    ("the new meds nearly gave me a stroke, bp was 210/120", "stroke"),
    ("i feel paranoid about that guy watching me", "paranoid"),
])
def test_real_complaints_in_the_figures_frames_stay(nlp, text, span):
    assert span in _entities(nlp, text)


@pytest.mark.parametrize("text", [
    "the drill makes a high pitched whine",
    "my heart remains heavy since mum passed",
    "i kept my mouth glued shut at the meeting",
    "my pad was soaked at night, heavy period",
    "woke up and the bed was soaked, the dog had peed",
    "got caught in the storm last night, drenched",
    "i have a hard calis on the side of my foot",
])
def test_no_complaint_from_the_rounds_rules(nlp, text):
    found = _entities(nlp, text)
    assert not any(label in ("SYMPTOM", "DISEASE", "DRUG") and ("heavy period" not in span)
                   for span, (label, _concept) in found.items()), found


def test_a_wet_bed_is_no_night_sweat(nlp):
    found = _entities(nlp, "my son keeps waking up soaked, hes wet the bed")
    assert "soaked" not in found


def test_a_pain_path_needs_its_end_after_from(nlp):
    found = _entities(nlp, "sharp pain shooting from my lower back, doc says sciatica")
    assert found["sharp pain"][0] == "SYMPTOM" and found["lower back"][0] == "ANATOMY"


def test_a_tie_goes_only_to_a_dropped_double_or_h(nlp):
    assert "stfiness" not in _entities(nlp, "morning stfiness in my hands")  # not "stuffiness"


# --- the round from blind batch 109 (reviews on a medicine ratings site; batch 110 not studied) ---

@pytest.mark.parametrize("text, word", [
    ("this traffic is about to give me an actual heart attack lol 😤 honk ONE more time", "heart attack"),
    ("our new landlord is an absolute pain in the neck and this lease renewal is a mess", "pain in the neck"),
    ("this chocolate fudge cake is to die for 😍 sugar coma incoming, do not disturb", "coma"),
    ("days I ache in my thighs and upper arms as though I had the flu", "flu"),
    ("I started vomiting stuff that looked like coffee grounds and my stools went BLACK", "coffee"),
])
def test_figures_and_likenesses_of_reviews(nlp, text, word):
    assert not any(word in span for span in _entities(nlp, text))


def test_a_real_coma_and_flu_stay(nlp):
    assert _entities(nlp, "he is in a coma after the crash")["coma"][0] in ("SYMPTOM", "DISEASE")
    assert _entities(nlp, "i had the flu last week")["flu"][0] == "DISEASE"


@pytest.mark.parametrize("text, span", [
    ("The worst side effect was an absolute headache.", "headache"),
    ("This zoloft is giving me an actual headache lol, 3rd day in a row", "headache"),
    ("My grandad slipped into a sugar coma and was rushed to ICU.", "coma"),
    ("Swelling in my hands, feet, both ankles esp at night.", "Swelling in my hands, feet, both ankles"),
])
def test_what_the_batch_109_figures_must_leave(nlp, text, span):
    assert span in _entities(nlp, text)


def test_a_salt_written_short_needs_its_dose(nlp):
    assert "zoloft succ" not in _entities(nlp, "ugh zoloft succ so much")


def test_a_disease_with_its_own_owner_is_no_conjunct(nlp):
    found = _entities(nlp, "it does double duty for my bones and my breast cancer risk")
    assert found["breast cancer"][0] == "DISEASE"
    assert _entities(nlp, "he has lung and breast cancer")["lung and breast cancer"][0] == "DISEASE"


@pytest.mark.parametrize("text, span, label", [
    ("metropolol succ 50 for afib", "metropolol succ", "DRUG"),
    ("night lows are my main issue", "night lows", "SYMPTOM"),
    ("First few weeks I had a crook stomach and the runs", "crook stomach", "SYMPTOM"),
    ("Walk 8k a day now and I've given up the durries.", "durries", "DRUG"),
])
def test_names_of_the_batch_109_round(nlp, text, span, label):
    assert _entities(nlp, text)[span][0] == label
