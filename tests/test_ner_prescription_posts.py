"""Rule round from blind batch 101 (ask-a-doctor questions in South-Asian, African and Middle-Eastern English and in
rushed native writing, and tweets), after its score: medicines named after a prescription's form ("tab Vertin") or in
two frames at once, a vitamin's level in a list of reports, the pain a procedure may give asked about before it, a
burning with the part it is felt in, a voiding's pain past where it is felt, a product's colour in a clause without a
possessive, "appetite is very less", and a few names. Batch 102, written blind beside it from the same brief, was not
studied.
"""
from __future__ import annotations

import pytest

from qatext.ner.drug_frames import FRAMED_DRUG
from tests.conftest import entities_by_text as _entities

CLONAZEPAM, AMLODIPINE = "DRUGBANK:DB01068", "DRUGBANK:DB00381"


@pytest.mark.parametrize("text, name", [
    ("Doctor given me Uprise D3 60K sachet once a week and tab Methycobal 500 daily.", "Methycobal"),
    ("Local doctor gave tab. Zentomir 16 three times daily but she is drowsy", "Zentomir"),
    ("they started syp Kolbicare 5 ml twice a day", "Kolbicare"),
])
def test_a_name_after_a_prescriptions_form_is_a_medicine_without_the_form(nlp, text, name):
    found = _entities(nlp, text)
    assert found[name][0] == "DRUG"
    assert not any(span.startswith(("tab", "syp")) for span in found)


@pytest.mark.parametrize("text", [
    "i keep tabs on my sugar and the cap doesnt fit",
    "he gave me a tab of something",
    "she opened a new tab Chrome crashed",
])
def test_a_tab_that_is_no_prescription_names_no_medicine(nlp, text):
    assert not any(label == "DRUG" for label, _ in _entities(nlp, text).values())


def test_a_name_in_two_frames_may_be_one_slip_from_a_word(nlp):
    # "panderm" is one letter from "pander": alone after "gave" it would not count, with the cream after it it does
    found = _entities(nlp, "Chemist gave Panderm cream, it became better in one week")
    assert found["Panderm cream"] == ("DRUG", FRAMED_DRUG)
    assert "Panderm" not in _entities(nlp, "Chemist gave Panderm, it became better in one week")


def test_a_list_goes_on_after_a_medicine_found_by_its_frame(nlp):
    found = _entities(nlp, "Psychiatrist started Zelrofen 10 and Qumidrel 0.25 at night.")
    assert found["Zelrofen"][0] == found["Qumidrel"][0] == "DRUG"


@pytest.mark.parametrize("text, verb_only", [
    ("I am taking B complex and applying Dologel but no use.", "Dologel"),
])
def test_applying_a_name_is_a_frame_without_how_it_was_used(nlp, text, verb_only):
    assert _entities(nlp, text)[verb_only][0] == "DRUG"
    assert not any(label == "DRUG" for label, _ in _entities(nlp, "he was applying for jobs and applying pressure").values())


def test_indian_brands_and_shorthand_take_their_ingredients(nlp):
    assert _entities(nlp, "Clonotril 0.25 at night makes me sleepy")["Clonotril"] == ("DRUG", CLONAZEPAM)
    assert _entities(nlp, "on amlo 5 since march")["amlo"] == ("DRUG", AMLODIPINE)
    assert _entities(nlp, "taking 4-5 tea daily and gutka sometimes")["gutka"][0] == "DRUG"


@pytest.mark.parametrize("text, test", [
    ("My reports: vitamin D 9.4, B12 160, TSH 3.1.", "vitamin D"),
    ("Ferritin is 11 and vitamin D 14. I am on the pill.", "vitamin D"),
])
def test_a_vitamins_bare_number_of_a_level_is_its_test(nlp, text, test):
    assert _entities(nlp, text)[test][0] == "TEST"


@pytest.mark.parametrize("text, dose", [
    ("doctor started vitamin D 60000 weekly", "vitamin D"),
    ("I have had vit D 4000 daily since", "vit D"),
])
def test_a_vitamins_bare_number_of_a_dose_keeps_the_supplement(nlp, text, dose):
    assert _entities(nlp, text)[dose][0] == "DRUG"


@pytest.mark.parametrize("text, word", [
    ("Dentist said deep cavity near the nerve and need RCT and cap. Is RCT painful?", "painful"),
    ("the ENT can do cautery. does that hurt?? my son had nosebleeds", "hurt"),
    ("they want to do a biopsy next week. will it be painful?", "painful"),
    ("is the colonoscopy painful?", "painful"),
])
def test_the_pain_a_procedure_may_give_asked_about_is_no_complaint(nlp, text, word):
    assert word not in _entities(nlp, text)


@pytest.mark.parametrize("text, complaint", [
    ("my knee is swollen. is it painful?", "painful"),  # no procedure: the knee's pain is asked about
    ("After the surgery my knee hurts? idk", "knee hurts"),
])
def test_a_pain_asked_about_without_a_procedure_stays(nlp, text, complaint):
    assert _entities(nlp, text)[complaint][0] == "SYMPTOM"


def test_rct_is_a_root_canal_at_the_dentist_and_nothing_in_a_study(nlp):
    assert _entities(nlp, "Dentist took x-ray and said I need RCT and cap.")["RCT"][0] == "TREATMENT"
    assert "RCT" not in _entities(nlp, "An RCT of 200 participants found no benefit.")


@pytest.mark.parametrize("text, span", [
    ("I am having pain in abdomen since 2 days, with burning in chest after eating and sour burps.", "burning in chest"),
    ("Since starting he has nausea, burning in feet and urine is orange.", "burning in feet"),
])
def test_a_burning_takes_the_part_it_is_felt_in(nlp, text, span):
    assert _entities(nlp, text)[span][0] == "SYMPTOM"


@pytest.mark.parametrize("text, span", [
    ("theres a burning feeling at the tip when i pee and a bit of clear discharge",
     "burning feeling at the tip when i pee"),
    ("for 2 weeks theres been bright red blood on the tp when i wipe", "bright red blood on the tp when i wipe"),
])
def test_a_voidings_pain_or_blood_goes_on_past_where_it_is_felt(nlp, text, span):
    assert _entities(nlp, text)[span][0] == "SYMPTOM"


def test_a_products_colour_counts_in_a_clause_without_a_possessive(nlp):
    assert _entities(nlp, "he has nausea and urine is orange since the tablets")["urine is orange"][0] == "SYMPTOM"
    assert not any(label == "SYMPTOM" for label, _ in _entities(nlp, "Urine is clear and stool is normal.").values())


@pytest.mark.parametrize("text, span", [
    ("Her appetite is very less.", "appetite is very less"),
    ("his appetite is less since the fever", "appetite is less"),
])
def test_an_appetite_that_is_less_is_a_changed_function(nlp, text, span):
    assert _entities(nlp, text)[span][0] == "SYMPTOM"


def test_a_fever_on_and_off_leaves_the_pattern_outside(nlp):
    found = _entities(nlp, "i have had fever on and off for a week")
    assert found["fever"][0] == "SYMPTOM" and "fever on and off" not in found


@pytest.mark.parametrize("text, word, kept", [
    ("Since my business collapsed 5 months ago I cannot sleep", "collapsed", "cannot sleep"),
    ("could work stress be causing the grinding", "stress", None),
])
def test_a_thing_that_collapsed_and_the_strain_of_work_are_no_complaints(nlp, text, word, kept):
    found = _entities(nlp, text)
    assert word not in found
    assert kept is None or found[kept][0] == "SYMPTOM"


def test_a_person_who_collapsed_still_did(nlp):
    assert _entities(nlp, "she collapsed at work and was taken to hospital")["collapsed"][0] == "SYMPTOM"


# From a review of the first draft: each of these went wrong with it.
@pytest.mark.parametrize("text, span, label", [
    ("Vitamin D 1 tablet weekly for 8 weeks, then monthly.", "Vitamin D", "DRUG"),  # a count of what is taken
    ("vit D 2 drops for the baby daily", "vit D", "DRUG"),
    ("Had my root canal done 3 days ago and the tooth is throbbing. is it painful?", "painful", "SYMPTOM"),
    ("Why is the root canal painful?", "painful", "SYMPTOM"),
    ("was at the shop collapsed on the floor and woke up in A&E", "collapsed", "SYMPTOM"),
    ("on amlo 5 since march, bp 128/80 at the clinic", "amlo", "DRUG"),
])
def test_what_the_rules_must_leave_as_it_was(nlp, text, span, label):
    assert _entities(nlp, text)[span][0] == label


@pytest.mark.parametrize("text, wrong", [
    ("my vision is less blurry now after the drops", "vision is less"),
    ("my heart rate is less than 100 at rest, is that ok?", "heart rate is less"),
    ("Urine is yellow because of a pigment called urochrome, that is normal.", "Urine is yellow"),
    ("Stool is black due to the iron, not bleeding.", "Stool is black"),
    ("Doctor started Zelrofen 10 and paneer.", "paneer"),
    ("Doctor gave me tehse tablets and i feel dizzy", "tehse tablets"),
    ("I was applying Mamaearth face wash and got pimples", "Mamaearth"),
    ("I had to pay the tab. Shukriya guys", "Shukriya"),
    ("AMLO won the election and Mexico celebrated", "AMLO"),
])
def test_what_the_rules_must_not_find(nlp, text, wrong):
    assert wrong not in _entities(nlp, text)


def test_a_vitamins_level_may_carry_its_unit(nlp):
    assert _entities(nlp, "My yearly blood test: vitamin D 14 ng/mL, B12 210 pg/mL")["vitamin D"][0] == "TEST"
