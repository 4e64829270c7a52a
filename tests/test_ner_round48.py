"""Round 48: what blind batches 78 (forum posts, drug reviews), 79 (drug reviews, health tweets), 80 (psychiatric drug
reviews, forum posts) and 81 (forum posts, health tweets) showed after their scores: a gut a drug "tore up", one side of
the body with its complaint, a thing named after a body part as an object ("the hair dryer"), a part's second
predicate after "and", a flu a complaint is likened to, a weak medicine, how an operation is done, shorthand read in
context ("PD" on dialysis, "PE" at school, "armour" for the thyroid, "pacing" with fatigue, "GP" who tested), bare
words their story makes an entity ("the fog lifted", "the burning", "the flushes", "the pump"), an allergen with its
owner, plural devices, and lexicon forms.
"""
from __future__ import annotations

import pytest

UPSET_STOMACH = "HP:0002027"
WEAKNESS = "HP:0025406"
NUMBNESS = "HP:0033748"


def _found(nlp, text):
    return {(e.text, e.label_) for e in nlp(text).ents}


def _concepts(nlp, text):
    return {e.text: e.kb_id_ for e in nlp(text).ents}


@pytest.mark.parametrize("text, surface", [
    ("Naproxen tore up my stomach.", "tore up my stomach"),
    ("The pills wrecked my stomach for weeks.", "wrecked my stomach"),
    ("It messed up my stomach so bad.", "messed up my stomach"),
])
def test_a_drug_that_wrecks_the_gut_upsets_the_stomach(nlp, text, surface):
    assert _concepts(nlp, text).get(surface) == UPSET_STOMACH


@pytest.mark.parametrize("text", ["She tore up my letter.", "It messed up my sleep.", "I tore my ACL skiing."])
def test_wrecking_verbs_without_the_gut_name_no_upset(nlp, text):
    assert UPSET_STOMACH not in _concepts(nlp, text).values()


@pytest.mark.parametrize("text, surface, concept", [
    ("He woke up with his right side weak.", "right side weak", WEAKNESS),
    ("My left side is numb.", "left side is numb", NUMBNESS),
    ("His right side was weak.", "right side was weak", WEAKNESS),
])
def test_one_side_of_the_body_takes_its_complaint(nlp, text, surface, concept):
    assert _concepts(nlp, text).get(surface) == concept


def test_a_side_after_a_place_word_is_where_not_what(nlp):
    assert not any(e.text.startswith("left side") for e in nlp("Sleeping on my left side hurts my hip.").ents)


def test_a_thing_named_after_a_body_part_is_the_object(nlp):
    assert ("couldnt hold the hair dryer up", "SYMPTOM") in _found(nlp, "I couldnt hold the hair dryer up.")


@pytest.mark.parametrize("text, surface", [
    ("my left ear feels full and blocked.", "left ear feels full and blocked"),
    ("my fingers went white and numb.", "fingers went white and numb"),
    ("my scalp is red and scratched raw.", "scalp is red and scratched raw"),
])
def test_a_parts_second_predicate_joins_its_complaint(nlp, text, surface):
    assert (surface, "SYMPTOM") in _found(nlp, text)


@pytest.mark.parametrize("text, kept", [
    ("I have jaw pain and clicking.", "jaw pain"),
    ("my nose is blocked and full of snot.", "nose is blocked"),
    ("my knee is red and swollen ankles too.", "knee is red"),
])
def test_a_noun_complaint_or_a_new_mention_stays_apart(nlp, text, kept):
    assert kept in {e.text for e in nlp(text).ents}


@pytest.mark.parametrize("text, kept", [
    ("My shoulders ached like the flu.", "shoulders ached"),
    ("I was aching all over like the flu.", "aching"),  # a bare "all over" outside (round 49)
    ("My whole body aches like ive got the flu.", "whole body aches"),
])
def test_a_flu_a_complaint_is_likened_to_is_no_flu(nlp, text, kept):
    found = {e.text for e in nlp(text).ents}
    assert kept in found and "flu" not in found


@pytest.mark.parametrize("text", ["Sepsis can look like flu at first.", "Is it like the flu?"])
def test_a_flu_compared_without_a_complaint_stays(nlp, text):
    assert ("flu", "DISEASE") in _found(nlp, text)


@pytest.mark.parametrize("text, gone", [
    ("Red yeast rice is basically a weak statin.", "weak"),
    ("I drink weak coffee.", "weak"),
    ("I can't take NSAIDs by mouth.", "mouth"),
    ("Give it a fair try before you panic.", "panic"),
    ("Eating out has become a real headache.", "headache"),
    ("I have a weakness for chocolate.", "weakness"),
    ("we are keeping a close eye on him.", "eye"),
    ("a dopey dog.", "dopey"),
])
def test_everyday_senses_are_no_entities(nlp, text, gone):
    assert gone not in {e.text for e in nlp(text).ents}


@pytest.mark.parametrize("text, kept", [
    ("I felt weak after the statin.", "felt weak"),
    ("I have weakness in my legs.", "weakness in my legs"),
    ("My mouth is dry.", "mouth is dry"),
    ("I had weakness for 3 days.", "weakness"),
    ("so tired and weak ibuprofen does nothing.", "weak"),
    ("My back has become a real pain.", "pain"),
    ("I used to panic before exams.", "panic"),
])
def test_the_medical_senses_stay(nlp, text, kept):
    assert kept in {e.text for e in nlp(text).ents}


@pytest.mark.parametrize("text, surface, label, concept", [
    ("My kidney doctor mentioned PD as an option when my eGFR drops.", "PD", "TREATMENT",
     "QATEXT:treatment/peritoneal-dialysis"),
    ("My dad has PD and his tremor is worse.", "PD", "DISEASE", "ICD10CM:G20"),
    ("switched to armour 90mg, my TSH is fine now.", "armour", "DRUG", "DRUGBANK:DB09100"),
    ("He got tPA within an hour.", "tPA", "DRUG", "DRUGBANK:DB00009"),
    ("GI wants an EUS next week.", "EUS", "TEST", "QATEXT:test/endoscopic-ultrasound"),
    ("CFS maths: shower + sandwich = crash. pacing is everything.", "pacing", "TREATMENT",
     "QATEXT:treatment/activity-pacing"),
    ("Had a PE in March, when can I get back to the gym?", "PE", "DISEASE", "ICD10CM:I26"),
    ("Gastric emptying study came back: GP confirmed.", "GP", "DISEASE", "HP:0002578"),
])
def test_shorthand_takes_the_sense_of_its_story(nlp, text, surface, label, concept):
    ents = {e.text: (e.label_, e.kb_id_) for e in nlp(text).ents}
    assert ents.get(surface) == (label, concept)


@pytest.mark.parametrize("text, short", [
    ("Last week at PE he couldnt catch his breath.", "PE"),
    ("knights in shining armour.", "armour"),
    ("nausea and vomiting after every meal, GP hesitant about a scan.", "GP"),
    ("she keeps asking, gets nauseous. GP tested her urine, clear.", "GP"),
    ("pacing back and forth all night with fatigue.", "pacing"),
])
def test_shorthand_in_another_sense_is_no_entity(nlp, text, short):
    assert short not in {e.text for e in nlp(text).ents}


@pytest.mark.parametrize("text, surface, label", [
    ("switched to armour 90mg for my thyroid and within 6 weeks the fog lifted.", "fog", "SYMPTOM"),
    ("cymbalata took the burning from an 8 to a 3 within a month.", "burning", "SYMPTOM"),
    ("on Utrogestan for 3 years, the flushes came back.", "flushes", "SYMPTOM"),
    ("3 weeks on the pump and my sugars are better.", "pump", "TREATMENT"),
    ("Dad's falls almost stopped.", "falls", "SYMPTOM"),
    ("I'm type 1 and on a pump.", "type 1", "DISEASE"),
    ("mefenamic acid barely touches it and taking the pill back to back gave me spotting.", "pill", "DRUG"),
])
def test_a_bare_word_its_story_makes_an_entity(nlp, text, surface, label):
    assert (surface, label) in _found(nlp, text)


@pytest.mark.parametrize("text, word", [
    ("The fog lifted by noon and we drove home.", "fog"),
    ("Walked along the beach with a coffee and the fog lifted.", "fog"),
    ("Type 1 diabetic here, a pump of hand sanitiser please.", "pump"),
    ("Since starting HRT the camera flashes hurt my eyes.", "flashes"),
    ("We visited Niagara's falls.", "falls"),
    ("My sugar was high, I take the pill in the morning.", "pill"),
])
def test_the_same_bare_words_elsewhere_stay_words(nlp, text, word):
    assert word not in {e.text for e in nlp(text).ents}


@pytest.mark.parametrize("text, surface", [
    ("love her, but im allergic to her cats.", "allergic to her cats"),
    ("I am allergic to the office dog.", "allergic to the office dog"),
])
def test_an_allergen_with_its_owner_completes_the_allergy(nlp, text, surface):
    assert (surface, "DISEASE") in _found(nlp, text)


def test_a_figurative_allergen_with_an_owner_is_still_no_allergy(nlp):
    assert _found(nlp, "still allergic to my commute.") == set()


@pytest.mark.parametrize("text, surface, label", [
    ("I've worn night splints for 6 weeks.", "night splints", "TREATMENT"),
    ("His bladder wasn't emptying properly.", "bladder wasn't emptying", "SYMPTOM"),
    ("My hair thinned a lot.", "hair thinned", "SYMPTOM"),
    ("my ankles blew up like balloons.", "ankles blew up", "SYMPTOM"),
    ("my neck and shoulders are in bits.", "neck and shoulders are in bits", "SYMPTOM"),
    ("switched from pens to an Omnipod 5 with my dexcom G7.", "Omnipod 5", "TREATMENT"),
    ("switched from pens to an Omnipod 5 with my dexcom G7.", "dexcom G7", "TEST"),
    ("the weight piled on.", "weight piled on", "SYMPTOM"),
    ("assessment said combined type ADHD.", "combined type ADHD", "DISEASE"),
    ("She didnt know what year it was.", "didnt know what year it was", "SYMPTOM"),
    ("got my wisdom teeth pulled this morning.", "wisdom teeth pulled", "TREATMENT"),
    ("Lantus + Humalog, 8/10 type 1 for 20 years.", "type 1", "DISEASE"),
    ("gave childrens tylenol at bedtime.", "childrens tylenol", "DRUG"),
    ("had a total laparoscopic hysterectomy.", "total laparoscopic hysterectomy", "TREATMENT"),
    ("offered either a robotic prostatectomy or radiotherapy.", "robotic prostatectomy", "TREATMENT"),
])
def test_lay_forms_of_the_blind_batches(nlp, text, surface, label):
    assert (surface, label) in _found(nlp, text)


def test_seeing_bugs_in_the_garden_is_no_hallucination(nlp):
    assert _found(nlp, "i saw bugs in the garden") == set()


@pytest.mark.parametrize("text, surface", [
    ("The total surgery cost was 5000.", "surgery"),
    ("Excedrin migraines gone in 20 min.", "migraines"),
])
def test_extents_and_plurals_stop_at_other_words(nlp, text, surface):
    assert surface in {e.text for e in nlp(text).ents}


@pytest.mark.parametrize("text", ["allergic to the point that I sneeze.", "allergic to my boss."])
def test_an_opener_before_no_allergen_leaves_the_allergy_bare(nlp, text):
    assert ("allergic", "DISEASE") in _found(nlp, text)
