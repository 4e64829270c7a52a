"""Round 47: what blind batch 77 (health tweets, older-forum posts) showed after its scores: all-capitals contractions
("I CAN'T SLEEP"), a relative's object after a particle verb ("can't do up his buttons"), limits said with "can only",
body parts told by a likeness of motion or of what fills them, the blood pressure a medicine is taken for, "flare" the
verb, a dose that wears off, "a temperature" in a list, replaced joints with their side, and a few lexicon forms.
"""
from __future__ import annotations

import spacy
import pytest

from qatext.ner.pipeline import with_upper_case_contractions

TINNITUS = "HP:0000360"
HYPERTENSION = "HP:0000822"


def _found(nlp, text):
    return {(e.text, e.label_) for e in nlp(text).ents}


@pytest.mark.parametrize("text, entity", [
    ("I CAN'T SLEEP", ("CAN'T SLEEP", "SYMPTOM")),
    ("MY NOSE WONT STOP RUNNING", ("NOSE WONT STOP RUNNING", "SYMPTOM")),
    ("I CANNOT WALK", ("CANNOT WALK", "SYMPTOM")),
])
def test_all_capitals_contractions_split_as_lower_case_ones(nlp, text, entity):
    assert entity in _found(nlp, text)


def test_intramuscular_stays_one_token(nlp):
    assert [t.text for t in nlp("He was given an IM injection of B12")][4:6] == ["IM", "injection"]


def test_all_capitals_negation_still_negates(nlp):
    ents = {e.text: e._.assertion for e in nlp("I DONT HAVE A FEVER").ents}
    assert ents == {"FEVER": "negated"}


def test_upper_case_contractions_keep_what_spacy_left_whole():
    rules = spacy.blank("en").tokenizer.rules
    added = with_upper_case_contractions(rules)
    assert [piece[spacy.symbols.ORTH] for piece in added["CAN'T"]] == ["CA", "N'T"]
    assert "ILL" not in added and "WELL" not in added  # spaCy leaves "ill", "well" whole: so do the capitals
    # without an apostrophe only the negations: "IM" (intramuscular), "ID", "WED" are abbreviations in capitals
    assert {"IM", "ID", "WED", "HES", "GONNA"}.isdisjoint(added) and "WONT" in added
    assert all(added[key] == pieces for key, pieces in rules.items())


@pytest.mark.parametrize("text, surface", [
    ("His shuffling is better but he can't do up his buttons.", "can't do up his buttons"),
    ("she can't do up her coat", "can't do up her coat"),
    ("I cant put my own socks on", "cant put my own socks on"),
    ("I cant stand a blouse against the skin", "cant stand a blouse against the skin"),
    ("so bad I can only walk about 100 yards before the pain starts", "can only walk about 100 yards"),
    ("she can only walk short distances now", "can only walk short distances"),
    ("I can only walk on my heel.", "can only walk on my heel"),
])
def test_a_lost_function_keeps_its_object_or_limit(nlp, text, surface):
    assert (surface, "SYMPTOM") in _found(nlp, text)


@pytest.mark.parametrize("text", ["you can only walk on the path", "you can only walk 2 miles on this trail",
                                  "visitors can only sit 10 minutes at a time"])
def test_can_only_without_a_limited_person_is_a_rule(nlp, text):
    assert not any(label == "SYMPTOM" for _text, label in _found(nlp, text))


def test_a_smell_on_clothes_is_no_borne_thing(nlp):
    assert ("can't stand the smell", "SYMPTOM") in _found(nlp, "I can't stand the smell on my clothes")


@pytest.mark.parametrize("text, surface", [
    ("now its 3am, my heart is going like a hummingbird and i cant sleep", "heart is going like a hummingbird"),
    ("my stomach is churning like a washing machine", "stomach is churning like a washing machine"),
    ("I cant finish a round of golf and my hands and feet are like ice.", "hands and feet are like ice"),
    ("3 hours at urgent care with a throat full of razor blades and a fever", "throat full of razor blades"),
    ("the nurses were NOT exaggerating. knee looks like a melon too", "knee looks like a melon"),
])
def test_a_body_part_told_by_a_likeness(nlp, text, surface):
    assert (surface, "SYMPTOM") in _found(nlp, text)


@pytest.mark.parametrize("text", ["my heart is racing like crazy", "things are going like clockwork at work",
                                  "my head is full of ideas", "my hands were full of glass from the broken window",
                                  "his mouth was going like a machine gun", "my eyes were jumping like a kid at christmas"])
def test_intensifiers_talk_and_things_held_are_no_likeness(nlp, text):
    assert not any(" like " in t or " full of " in t for t, _label in _found(nlp, text))


def test_a_heart_going_like_something_is_palpitations(nlp):
    assert [e.kb_id_ for e in nlp("my heart is beating like a drum").ents] == ["HP:0001962"]


@pytest.mark.parametrize("text, spans", [
    # the first part is inside a likeness already: no second one over it
    ("my mouth tastes like a foot and hands are like ice", {"mouth tastes like a foot"}),
    # a limb like jelly is the muscle weakness of its own rule, not a shared likeness
    ("my arms and legs are like jelly", {"legs are like jelly"}),
])
def test_a_shared_likeness_needs_a_free_first_part(nlp, text, spans):
    assert {t for t, label in _found(nlp, text) if label == "SYMPTOM"} == spans


@pytest.mark.parametrize("text, label", [
    ("I'm also on a water pill for my blood pressure, could that be it?", "DISEASE"),
    ("Im on ramipril for blood pressure so the pharmacist said no.", "DISEASE"),
    ("norvasc 5mg for BP, 3/5.", "DISEASE"),
    ("when lisinopril and HCTZ weren't enough for my BP of 165/100.", "TEST"),  # a reading: the measure
    ("I went to the GP for my blood pressure check.", "TEST"),
    ("I take the bus to the clinic for my blood pressure", "TEST"),  # no medicine taken for it
    ("I take a reading for my BP every morning", "TEST"),
    ("my blood pressure was 150/90", "TEST"),
])
def test_the_blood_pressure_a_medicine_is_taken_for_is_the_disease(nlp, text, label):
    pressure = [e for e in nlp(text).ents if e.text.lower().startswith(("blood pressure", "bp"))]
    assert [e.label_ for e in pressure] == [label]
    assert label != "DISEASE" or pressure[0].kb_id_ == HYPERTENSION


@pytest.mark.parametrize("text, flare", [
    ("They said it's diabetic neuropathy and that it can flare in winter.", False),
    ("My eczema tends to flare up when I'm stressed.", False),
    ("I had a bad flare last week", True),
    ("I'm in a flare right now", True),
    ("I went from flare to flare all year", True),  # "to" before a noun
])
def test_flare_the_verb_is_no_entity(nlp, text, flare):
    assert any("flare" in t for t, _label in _found(nlp, text)) is flare


@pytest.mark.parametrize("text, wearing_off", [
    ("the adderal wears off by 2pm", True),  # a medicine named right before, misspelt or not
    ("the ibuprofen wore off at 3am", True),
    ("the side effects of the prozac wore off", False),
    ("the paint wore off", False),
    ("the coffee wore off by noon", False),  # a drink is no dose
])
def test_a_dose_that_wears_off(nlp, text, wearing_off):
    assert any(t in ("wears off", "wore off") for t, _label in _found(nlp, text)) is wearing_off


def test_a_temperature_listed_after_a_complaint_is_a_fever(nlp):
    text = "each time with pain in the lower left side, a temperature and a course of Cipro"
    assert ("temperature", "SYMPTOM") in _found(nlp, text)
    assert not _found(nlp, "the room was cold, a temperature of 15 degrees")


@pytest.mark.parametrize("text, surface", [
    ("I had my left knee replaced in May.", "left knee replaced"),
    ("I'm having my right hip replacement on Monday.", "right hip replacement"),
    ("After the fourth the surgeon did a sigmoid resection", "sigmoid resection"),
    ("The consultant wants to do a hysteroscopic resection", "hysteroscopic resection"),
])
def test_procedures_with_their_side_and_kind(nlp, text, surface):
    assert (surface, "TREATMENT") in _found(nlp, text)


@pytest.mark.parametrize("text, surface, concept", [
    ("Since January I've had a high whistling in my left ear.", "whistling in my left ear", TINNITUS),
    ("ringing in my right ear since the concert", "ringing in my right ear", TINNITUS),  # the lexicon's phrase's id
    ("I did get the odd fluttery heartbeat.", "fluttery heartbeat", "HP:0001962"),
    ("the oxy has me zonked", "zonked", "HP:0002329"),
])
def test_complaints_in_their_lay_words(nlp, text, surface, concept):
    ents = {e.text: e.kb_id_ for e in nlp(text).ents}
    assert ents.get(surface) == concept, ents


def test_a_t_score_is_the_bone_density_test(nlp):
    assert ("T-score", "TEST") in _found(nlp, "My T-score was -2.8 at the hip.")


@pytest.mark.parametrize("text, entity", [
    # in a post in capitals an abbreviation that is no everyday word is still the abbreviation
    ("MY CT SHOWED A 6MM STONE", ("CT", "TEST")),
    ("HE WAS DIAGNOSED WITH ALS", ("ALS", "DISEASE")),
    ("MY BP IS 150/90", ("BP", "TEST")),
    ("I HAVE MS", ("MS", "DISEASE")),
])
def test_a_post_in_capitals_keeps_its_abbreviations(nlp, text, entity):
    assert entity in _found(nlp, text)


@pytest.mark.parametrize("text", ["WHAT DO I DO", "THIS NEW MED IS KILLING ME", "SHE STARTED ME ON IT"])
def test_a_post_in_capitals_keeps_its_everyday_words(nlp, text):
    assert not _found(nlp, text)


def test_everyday_words_are_no_later_acronyms(nlp):
    from qatext.ner.later_acronyms import add_later_acronyms

    # ("MY GP SAYS": a word of the lexicon's initials opens the rule's gate)
    doc = nlp.make_doc("I GET ITCHY SKIN AND IS IT BAD, MY GP SAYS")
    words = [t.lower_ for t in doc]
    spans = [(2, 4, "SYMPTOM", "HP:0000989")]  # "ITCHY SKIN": its initials spell "is"
    assert add_later_acronyms(doc, words, spans) == spans


@pytest.mark.parametrize("text, acronym", [
    ("My son has intellectual disability and autism. His ID is mild, but his GP says the ASD is severe.", "ID"),
    ("He got toxic epidermal necrolysis from the antibiotic, and TEN scars are still visible, says the GP.", "TEN"),
])
def test_in_mixed_case_capitals_make_the_acronym(nlp, text, acronym):
    assert acronym in {t for t, _label in _found(nlp, text)}


@pytest.mark.parametrize("text, entity", [
    ("DIAGNOSED WITH MYALGIC ENCEPHALOMYELITIS, MY ME IS SEVERE", "ME"),  # the post names what the letters stand for
])
def test_a_post_in_capitals_that_names_the_long_form_keeps_the_short_one(nlp, text, entity):
    assert entity in {t for t, _label in _found(nlp, text)}


@pytest.mark.parametrize("text", ["I NEED TO BUY A PAD FOR MY PERIOD", "MY PET DOG DIED", "I WAITED 5 HR IN THE ER"])
def test_everyday_words_in_capitals_are_no_abbreviations(nlp, text):
    assert not {t for t, _label in _found(nlp, text)} & {"PAD", "PET", "HR"}


def test_the_capital_words_are_everyday_words_only():
    from qatext.ner.lexicon import get_lexicon

    words = get_lexicon().capital_words
    assert {"as", "me", "ed"} <= words and {"ct", "ms", "ana", "bp", "stone"}.isdisjoint(words)
