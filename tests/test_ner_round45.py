"""Round 45: what blind batches 72 and 73 (medicine tweets, psychiatric drug reviews, patient-forum symptom posts,
reviews of diabetes, contraceptive, antibiotic and pain medicines) showed after their scores: a hurry to the toilet
with its rate, the drugs.com condition "Diabetes, Type 2", heartburn's bare "burning", numbness over the body from a
part, a pain likened to the flu, a level shown by bloods. Review fixes: errands and
usual rates, a count-less rate outside, loose-bowel words only, burning placed elsewhere, supplements.
"""
from __future__ import annotations

import pytest

DIARRHEA = "HP:0002014"


def _found(nlp, text):
    return {(e.text, e.label_, e.kb_id_) for e in nlp(text).ents}


def _texts(nlp, text):
    return {e.text for e in nlp(text).ents}


@pytest.mark.parametrize("text, surface", [
    ("metformin made my stools loose and i was running to the loo 6 or 7 times a day", "running to the loo 6 or 7 times a day"),
    ("IBS-D since uni: urgent dashes to the loo after breakfast", "urgent dashes to the loo"),
    ("the loose stools and emergency dashes to the loo stopped on metformin XR", "emergency dashes to the loo"),
])
def test_a_hurry_to_the_toilet_in_a_bowel_post_is_diarrhoea(nlp, text, surface):
    assert (surface, "SYMPTOM", DIARRHEA) in _found(nlp, text)


@pytest.mark.parametrize("text", [
    "I was running to the toilet to fetch a towel",
    "a mad dash to the toilet to grab the thermometer",
    "frequent trips to the bathroom to do my makeup",
    "running to the loo 2 times a day is normal for me",
    "peeing 4 times daily which is normal",
])
def test_a_hurry_on_an_errand_or_at_a_usual_rate_is_none(nlp, text):
    assert not any(e.label_ == "SYMPTOM" for e in nlp(text).ents)


def test_a_rate_without_a_count_stays_outside(nlp):
    assert "running to the toilet" in _texts(nlp, "arthrotec for my hands and ive been running to the toilet all day")


def test_to_pee_after_a_hurry_is_the_bladder(nlp):
    text = "IBS for years, and now constant trips to the loo to pee every night"
    assert any(e.text.startswith("constant trips") and e.kb_id_ == "HP:0100515" for e in nlp(text).ents)


@pytest.mark.parametrize("text, surface, concept", [
    ("Metformin for Diabetes, Type 2: 8/10", "Diabetes, Type 2", "ICD10CM:E11"),
    ("Lantus (insulin glargine) for Diabetes, Type 1 - 7/10", "Diabetes, Type 1", "ICD10CM:E10"),
])
def test_the_drugs_com_condition_is_one_disease(nlp, text, surface, concept):
    assert (surface, "DISEASE", concept) in _found(nlp, text)


@pytest.mark.parametrize("text", [
    "Scope showed gastritis but still burning after 8 weeks on omeprazol",
    "it took a good 3 months on lansoprazole before the burning eased off",
])
def test_heartburns_bare_burning(nlp, text):
    assert "burning" in _texts(nlp, text)


@pytest.mark.parametrize("text", ["still burning the midnight oil, reflux is bad", "the candle kept burning all night",
                                  "my heartburn is gone but the burning came back in my eyes"])
def test_other_burnings(nlp, text):
    assert "burning" not in _texts(nlp, text)


@pytest.mark.parametrize("text, surface", [
    ("For 5 days I've had numbness from the waist down, like cling film", "numbness from the waist down"),
    ("effexor withdrawal gave me flu like aches and brain zaps", "flu like aches"),
    ("thick silvery plaques behind my ears", "thick silvery plaques behind my ears"),
    ("when I was actually throwing up most mornings", "throwing up"),  # how often stays outside
])
def test_the_edges(nlp, text, surface):
    assert surface in _texts(nlp, text)


@pytest.mark.parametrize("text, analyte", [
    ("Bloods showed B12 at the low end of normal", "B12"),
    ("my results showed ferritin of 9", "ferritin"),
])
def test_a_level_is_the_test(nlp, text, analyte):
    assert any(e.text == analyte and e.label_ == "TEST" for e in nlp(text).ents)


@pytest.mark.parametrize("text", ["I dropped my B12 tablets", "I dropped the magnesium and my cramps came back",
                                  "I found iron was helping my energy"])
def test_a_supplement_stays_a_medicine(nlp, text):
    assert any(e.label_ == "DRUG" for e in nlp(text).ents)


@pytest.mark.parametrize("text, kept", [
    ("gestational diabetes, type 2 runs in my family", "gestational diabetes"),
    ("Is this diabetes, type 1 or type 2?", "type 2"),
    ("had the flu like headaches and fever", "flu"),  # the illness had, not a likeness
])
def test_what_is_not_joined(nlp, text, kept):
    assert kept in _texts(nlp, text)
