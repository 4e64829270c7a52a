"""Round 26a: what blind batches 36 and 37 showed after their scores. Medicines named where a doctor gave them or a
patient puts them on ("doctor gave myoril and hifenac", "we use epaderm"), a list that goes on after a strength
("zyloric 100 and etoshine 90"), brands sold in South Asia, "motion" for a stool, the stretch a complaint runs over
("from my buttock to my ankle"), a side named without an article ("pain on right side"), the side of an organ that
begins a disease's name ("left ureteric stone"), "a feeling of a lump", an "s" written for a soft "c" ("ulser"), a
job or a boss that gives a headache, the same body part again after "and" ("... of my foot and my foot drags").
Each class has its near miss beside it, which stays as it was.
"""
from __future__ import annotations

import pytest

from conftest import labelled


@pytest.mark.parametrize("text, entity", [
    # a medicine no lexicon lists, where a doctor gave it or a patient puts it on
    ("Doctor gave zolvex and kratomil for the pain.", ("zolvex", "DRUG")),
    ("Doctor gave zolvex and kratomil for the pain.", ("kratomil", "DRUG")),
    ("the doctor gave me frebanol syrup", ("frebanol syrup", "DRUG")),
    ("We use doxiderm on him twice a day", ("doxiderm", "DRUG")),
    # the list goes on after the first medicine's strength
    ("Doctor gave zyloric 100 and etorvax 90.", ("etorvax", "DRUG")),
    # brands sold in South Asia and UK emollients, with their suffixes
    ("Doctor gave crocin, montair LC, taxim-O and zerodol SP.", ("montair LC", "DRUG")),
    ("Doctor gave crocin, montair LC, taxim-O and zerodol SP.", ("taxim-O", "DRUG")),
    ("Doctor gave crocin, montair LC, taxim-O and zerodol SP.", ("zerodol SP", "DRUG")),
    ("I used candid V6 but it came back", ("candid V6", "DRUG")),
    ("we use epaderm three times a day", ("epaderm", "DRUG")),
    ("Using ciplox ear drops since Monday", ("ciplox ear drops", "DRUG")),
    ("the dentist gave me duraphat toothpaste", ("duraphat toothpaste", "DRUG")),
    # "motion" for a stool
    ("I have loose motion 4-5 times every morning", ("loose motion", "SYMPTOM")),
    ("black motion since yesterday", ("black motion", "SYMPTOM")),
    ("hard motion and bleeding during motion", ("bleeding during motion", "SYMPTOM")),
    # the stretch a complaint runs over
    ("burning pain from my buttock to my ankle, numb toes", ("burning pain from my buttock to my ankle", "SYMPTOM")),
    ("i have pain from my right side down to my groin", ("pain from my right side down to my groin", "SYMPTOM")),
    ("numbness from my waist down to my feet", ("numbness from my waist down to my feet", "SYMPTOM")),
    # a side without its article; an organ's side before a disease named by the organ
    ("Sir, pain on right side since 2 days", ("pain on right side", "SYMPTOM")),
    ("cramps on lower right side after food", ("cramps on lower right side", "SYMPTOM")),
    ("USG shows left ureteric stone 6 mm", ("left ureteric stone", "DISEASE")),
    ("he has a right inguinal hernia", ("right inguinal hernia", "DISEASE")),
    # the feeling of a thing, with its article
    ("i have a feeling of a lump in my throat", ("feeling of a lump in my throat", "SYMPTOM")),
    # joints named by their size, a shared location
    ("Pain and swelling in small joints of both hands", ("Pain and swelling in small joints of both hands", "SYMPTOM")),
    # a soft "c" written as "s"
    ("Is it ulser? the pain is after food", ("ulser", "SYMPTOM")),
    ("I have asidity after meals", ("asidity", "SYMPTOM")),
    # the complaint a disease gives, named by the disease
    ("MS fatigue isnt just being tired", ("MS fatigue", "SYMPTOM")),
    # lay names and findings
    ("a sore arm or a mild temperature for a day", ("mild temperature", "SYMPTOM")),
    ("a red bullseye rash around the bite", ("red bullseye rash", "SYMPTOM")),
    ("the doctor says maybe post treatment lyme", ("post treatment lyme", "DISEASE")),
    ("ENT doctor said hole in ear drum", ("hole in ear drum", "DISEASE")),
    ("Urine routine shows pus cells 10-12", ("pus cells", "SYMPTOM")),
    ("vomiting undigested food hours later", ("vomiting undigested food", "SYMPTOM")),
    ("my dad has von willebrand", ("von willebrand", "DISEASE")),
    ("the nurse said wax build-up in both ears", ("wax build-up in both ears", "DISEASE")),
    ("i drink 3 cans of pepsi a day", ("pepsi", "DRUG")),
    ("still on my blood pressure tablets", ("blood pressure tablets", "DRUG")),
])
def test_found_after_batches_36_and_37(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, surface", [
    # everyday things given or used are no medicine
    ("He gave me hope. The doctor gave me a leaflet.", "hope"),
    ("I use my phone at night and we use whatsapp", "whatsapp"),
    ("after using nebulization twice a day", "nebulization"),
    # a job, a boss or traffic gives a headache only as a nuisance
    ("My business is giving me headache only", "headache"),
    ("This job is giving me a headache", "headache"),
    ("this traffic is giving me a migraine", "migraine"),
    # the same body part again starts a clause of its own
    ("numbness on the outside of my foot and my foot drags a bit", "numbness on the outside of my foot and my foot"),
    # a complaint that names its part keeps the side outside
    ("tooth pain in lower left side since 5 days", "tooth pain in lower left side"),
    # a range between people or things is no stretch of the body
    ("i got the pain from my mother to my sister", "pain from my mother to my sister"),
])
def test_left_out_after_batches_36_and_37(nlp, text, surface):
    assert surface not in [e for e, _ in labelled(nlp, text)]


@pytest.mark.parametrize("text, entity", [
    # what a medicine or the weather gives stays a headache
    ("my meds are giving me a headache", ("headache", "SYMPTOM")),
    ("the heat is giving me a headache", ("headache", "SYMPTOM")),
    ("The new pills at work gave me a headache", ("headache", "SYMPTOM")),
    # a list of the same part's kinds is still one list
    ("pain in my left knee and my right knee", ("pain in my left knee and my right knee", "SYMPTOM")),
    ("swollen feet and ankles", ("swollen feet and ankles", "SYMPTOM")),
    # a plural the lexicon lists in the singular still folds
    ("i drink 5 red bulls a day to get through", ("red bulls", "DRUG")),
    # a side with its article, as before
    ("I get headaches on the left side", ("headaches on the left side", "SYMPTOM")),
    # a disease that is a time, not a kind of the fatigue
    ("since my stroke fatigue is bad", ("fatigue", "SYMPTOM")),
])
def test_kept_beside_round_26a(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, entity", [
    # feeling cold told by how often: the frequency stays outside, as the gold writes "always [cold]"
    ("still cold all the time, hair falling out in the shower", ("cold", "SYMPTOM")),
    ("dry skin, heavy periods, always cold.", ("cold", "SYMPTOM")),
    ("she is always cold and tired", ("cold", "SYMPTOM")),
    # the trigger of breathlessness stays outside
    ("side effects: short of breath climbing stairs and tired", ("short of breath", "SYMPTOM")),
    # a relative's sugar is the disease
    ("my nan had sugar and lost her eyesight", ("sugar", "DISEASE")),
    ("my mum has sugar.", ("sugar", "DISEASE")),
    # a face that will not close its eye
    ("the left side of my face is drooping, i cant close my left eye", ("cant close my left eye", "SYMPTOM")),
])
def test_found_after_batches_38_and_39(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, surface", [
    ("the office is cold all the time", "cold"),
    ("it is always cold here in winter", "cold"),
    ("i had sugar too, the cake was lovely", "sugar"),
    ("she has sugar in her tea", "sugar"),
    ("I couldn't close my eyes all night", "couldn't close my eyes"),
])
def test_left_out_after_batches_38_and_39(nlp, text, surface):
    assert surface not in [e for e, _ in labelled(nlp, text)]


@pytest.mark.parametrize("text, surface", [
    # the review's near misses: food, an app, a test kit, formula milk; a disease that is had; a posture
    ("the cake has sugar and butter", "sugar"),
    ("he has sugar, milk and bread for breakfast", "sugar"),
    ("I used clearblue and it was negative", "clearblue"),
    ("Using practo I booked a dermatologist", "practo"),
    ("she gave me dexolac for the baby", "dexolac"),
    ("with lupus fatigue and joint pain are common", "lupus fatigue"),
    ("I get heartburn on left side lying down", "heartburn on left side"),
])
def test_left_out_in_review(nlp, text, surface):
    assert surface not in [e for e, _ in labelled(nlp, text)]


@pytest.mark.parametrize("text, entity", [
    # a headache with its cause or time after it is a real one, whoever gives it
    ("studying for exams gives me a headache", ("headache", "SYMPTOM")),
    ("work always gives me a headache after 2 hours at the screen", ("headache", "SYMPTOM")),
    ("my body is always cold", ("cold", "SYMPTOM")),
])
def test_kept_in_review(nlp, text, entity):
    assert entity in labelled(nlp, text)


def test_a_disease_complaint_helped_with_stays_one(nlp):
    assert ("fibro pain", "SYMPTOM") in labelled(nlp, "although it has helped somewhat with fibro pain, it's not worth it")


@pytest.mark.parametrize("text, entity", [
    # round 26c, blind batch 40 after its score: the pill a drug may affect; British lay words
    ("The pharmacist warned me it can stop the pill working", ("pill", "DRUG")),
    ("Will antihistamines affect the pill?", ("pill", "DRUG")),
    ("flashing lights first then throbbing on one side and being sick", ("being sick", "SYMPTOM")),
    ("im always travel sick on boats", ("travel sick", "SYMPTOM")),
    ("Ive got a sore throat and blocked sinuses", ("blocked sinuses", "SYMPTOM")),
    ("tight band round my head since tuesday", ("tight band round my head", "SYMPTOM")),
])
def test_found_after_batch_40(nlp, text, entity):
    assert entity in labelled(nlp, text)


def test_sick_of_is_fed_up(nlp):
    found = [e for e, _ in labelled(nlp, "im tired of being sick of everything, she was sick of it")]
    assert "being sick" not in found and "sick" not in found
