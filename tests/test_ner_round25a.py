"""Round 25a: everyday senses of the lost-function cues and of "surgery" that the earlier rounds let through, what
questions from the COVID-19 dialogues showed ("the Corona virus", "lost his sense of smell", "Ibuprofin/ Advil"), and
what blind batches 28 and 29 showed after their scores: a trigger told after "when" ("worse when i cough"), a thing that
worries the writer ("which scares me"), a pain doctor and a referral to a field, an analyte with its verdict
("folate fine"), regions of parts in a list ("palms of my hands and soles of my feet itch"), "in my vision", a
colour a person goes ("she goes white"). Each class has the real use beside it, which stays.
"""
from __future__ import annotations

import pytest

from conftest import labelled


@pytest.mark.parametrize("text, surface", [
    # a conversation or a reply that did not happen is no lost speech or hearing
    ("i wasn't able to talk to my mom about it", "wasn't able to talk"),
    ("couldn't talk with anyone at work about the diagnosis", "couldn't talk"),
    ("i cant talk about it without getting upset", "cant talk"),
    ("couldn't hear back from the clinic for weeks", "couldn't hear"),
    # a British GP practice that is phoned is no operation
    ("i couldn't get through to the surgery", "surgery"),
    ("rang the surgery this morning and they said wait", "surgery"),
    ("the surgery receptionist was rude", "surgery"),
])
def test_left_out(nlp, text, surface):
    assert surface not in [e for e, _ in labelled(nlp, text)]


@pytest.mark.parametrize("text, entity", [
    ("i cant talk properly since the stroke", ("cant talk properly", "SYMPTOM")),
    ("i couldnt speak for an hour after the seizure", ("couldnt speak", "SYMPTOM")),
    ("i cant hear anything in my left ear", ("cant hear anything in my left ear", "SYMPTOM")),
    ("i had the surgery in may and the scar itches", ("surgery", "TREATMENT")),
    ("called the surgeon about the surgery", ("surgery", "TREATMENT")),
])
def test_kept(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, entity", [
    # written together, one mention
    ("How do I know if I have the Corona virus", ("Corona virus", "DISEASE")),
    ("Reason: T2 diabetes. Female, 52", ("T2 diabetes", "DISEASE")),
    ("the clinic thinks it might be CFS/ME now", ("CFS/ME", "DISEASE")),
    ("my husband got diagnosed with relapsing remitting MS in march", ("relapsing remitting MS", "DISEASE")),
    ("steroids and antihistamines in A&E. cashew allergy since i was 7", ("cashew allergy", "DISEASE")),
    # lay phrases
    ("he suddenly lost his sense of smell", ("lost his sense of smell", "SYMPTOM")),
    ("she is spitting up blood", ("spitting up blood", "SYMPTOM")),
    ("she had spiking temperatures", ("spiking temperatures", "SYMPTOM")),
    ("Scratching sore thoat and slight chest irritation", ("sore thoat", "SYMPTOM")),
    ("if you get thoughts of hurting yourself call your doctor", ("thoughts of hurting yourself", "SYMPTOM")),
    ("9 YEARS of crippling periods and being told it was normal", ("crippling periods", "SYMPTOM")),
    ("she goes white, her vision goes black, then she drops", ("goes white", "SYMPTOM")),
    ("a fever of 39.9 last night and then went stiff", ("went stiff", "SYMPTOM")),
    ("her left eye turns in when shes tired", ("left eye turns in", "SYMPTOM")),
    ("muffled hearing in my right ear and a whooshing noise", ("whooshing noise", "SYMPTOM")),
    ("my memory is shot, i forget names constantly", ("forget names", "SYMPTOM")),
    ("could it be POTS? she has hypermobile joints", ("hypermobile joints", "SYMPTOM")),
    ("within 10 min felt like my throat was closing, lips swelled up", ("felt like my throat was closing", "SYMPTOM")),
    ("chest tightness, heart rate spikes and the PEM is brutal", ("heart rate spikes", "SYMPTOM")),
    ("my lantus dose is off and i had a hypo. my mum had type 1 too", ("type 1", "DISEASE")),
    # where a sight is seen, and regions of parts in a list
    ("actual migraine now: zigzag lines in my vision and throwing up", ("zigzag lines in my vision", "SYMPTOM")),
    ("for 5 days the palms of my hands and soles of my feet itch like mad",
     ("palms of my hands and soles of my feet itch", "SYMPTOM")),
    ("raw weeping patches behind her knees and in her elbow creases",
     ("raw weeping patches behind her knees and in her elbow creases", "SYMPTOM")),
    ("after years of lower back and buttock pain", ("lower back and buttock pain", "SYMPTOM")),
    # a product with its form, a brand, a drug with a slash left after it
    ("i lift at the gym with creatine powder", ("creatine powder", "DRUG")),
    ("told me to use sensodyne and a soft brush", ("sensodyne", "DRUG")),
    ("Taking Ibuprofin/ Advil? should stop", ("Ibuprofin", "DRUG")),
    # an analyte with its verdict, a test of a substance
    ("my blood sugar is fine, testosterone high. anyone tried spironolactone", ("testosterone", "TEST")),
    ("bloods: B12 110, folate fine, MCV high", ("folate", "TEST")),
    ("the midwife sent me for bile acids and LFTs", ("bile acids", "TEST")),
    # the real uses beside the classes that are left out
    ("i get a sharp pain when i sneeze", ("sharp pain", "SYMPTOM")),
    ("i feel sick when i have a migraine", ("migraine", "DISEASE")),
    ("took zolpidem 3 weeks only, when i could not sleep after my divorce", ("could not sleep", "SYMPTOM")),
    ("I have a middle ear infection doctor gave me a prescription", ("middle ear infection", "DISEASE")),
    ("my heart rate dropped to 40 and i fainted", ("heart rate dropped", "SYMPTOM")),
    ("i have a lot of stress at work", ("stress", "SYMPTOM")),
    ("the doctor did an exam and found nothing", ("exam", "TEST")),
    ("take magnesium 400 at night", ("magnesium", "DRUG")),
    ("my left ankle doctor said it is just a sprain", ("left ankle", "ANATOMY")),
])
def test_found_after_batches_28_and_29(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, surface", [
    # what sets a complaint off, told after "when"
    ("worse when i cough or bend over", "cough"),
    ("dizzy when i get up to pee at night", "get up to pee"),
    ("jaw clicks and locks when i yawn, earache on the right", "yawn"),
    ("my chest aches when im tired and i have panic attacks", "tired"),
    ("i get hives when i get hot or have a shower", "hot"),
    # a thing that worries the writer
    ("his mum also had MS which scares me.", "scares"),
    ("the size of the lump worries me", "worries"),
    ("this job stresses me out", "job stresses"),
    # a doctor or a service named by a field
    ("i finally got a new pain doc. she upped my gabapentin", "pain"),
    ("the GP says likely egg allergy and referred us to allergy.", "allergy"),
    # a school exam and its strain
    ("ngl the exam stress is killing me rn", "exam"),
    ("ngl the exam stress is killing me rn", "stress"),
    # a reading reported, a sports drink, a list item that is a region's part
    ("my heart rate is down to 58 and the fluttering is gone", "heart rate is down"),
    ("cant keep water down. send gatorade and prayers", "gatorade"),
    ("tiny itchy blisters on my palms and the sides of my fingers, skin cracks every time", "fingers, skin cracks"),
])
def test_left_out_after_batches_28_and_29(nlp, text, surface):
    assert surface not in [e for e, _ in labelled(nlp, text)]


def test_a_plural_takes_es_only_after_a_hissing_sound(nlp):
    """"scares" is no plural of "scar" (its norm was, and the scar concept came with it); "viruses" is "virus"."""
    doc = nlp.make_doc("which scares me and the viruses")
    assert [t.norm_ for t in doc][1] == "scares"
    assert [t.norm_ for t in doc][-1] == "virus"


@pytest.mark.parametrize("text, entity, concept", [
    # a painkiller is any analgesic, not an opioid (the narrower concept the words do not say)
    ("she gave me 2 antibiotics and pain tablets for my ears", "pain tablets", "QATEXT:drug/analgesics"),
    ("i take painkillers every day for my back", "painkillers", "QATEXT:drug/analgesics"),
    ("the pain meds make me sleepy", "pain meds", "QATEXT:drug/analgesics"),
    ("we have had difficulty conceiving for 2 years", "difficulty conceiving", "HP:0000789"),
    ("droop in left shoulder and spine curved", "spine curved", "HP:0010674"),
])
def test_found_in_questions_with_their_concept(nlp, text, entity, concept):
    assert concept in [e._.concept_id for e in nlp(text).ents if e.text == entity]


def test_not_getting_pregnant_by_choice_is_no_infertility(nlp):
    assert "not getting pregnant" not in [e for e, _ in labelled(nlp, "i am not getting pregnant again, 3 kids is enough")]


@pytest.mark.parametrize("text, entity", [
    # a measure or an organ named for its disease, where a disease stands
    ("my mother age 60 is suffering from sugar and BP from 10 years.", ("sugar", "DISEASE")),
    ("my mother age 60 is suffering from sugar and BP from 10 years.", ("BP", "DISEASE")),
    ("she has osteoporosis and BP, takes losartan", ("BP", "DISEASE")),
    ("BP not controlled on 3 tablets", ("BP", "DISEASE")),
    ("my sister also has thyroid.", ("thyroid", "DISEASE")),
    ("i am a BP patient since 2015", ("BP", "DISEASE")),
    # brands of South Asian pharmacies, and their lay complaint words
    ("she is taking glycomet 500 two times and telma 40", ("telma", "DRUG")),
    ("local doctor gave syndopa 3 times daily", ("syndopa", "DRUG")),
    ("doctor gave norflox for 5 days", ("norflox", "DRUG")),
    ("meftal spas not working now", ("meftal spas", "DRUG")),
    ("I took an i-pill the next morning", ("i-pill", "DRUG")),
    ("i have hair fall for 4 months", ("hair fall", "SYMPTOM")),
    ("30 yr male, burning while urinating since 4 days", ("burning while urinating", "SYMPTOM")),
    ("also nausea and sour burps. no vomiting", ("sour burps", "SYMPTOM")),
    ("since 3 days i have light spotting, brown colour", ("light spotting", "SYMPTOM")),
    ("My SGOT is 43 u/L and SGPT is 35 u/L", ("SGPT", "TEST")),
    # lay phrases and their places
    ("stopped cigarettes 5 years ago. cough with white phlegm every morning", ("cough with white phlegm", "SYMPTOM")),
    ("i am 49 male, headache in back of head in morning", ("headache in back of head", "SYMPTOM")),
    ("cramping in my lower tummy and alternating diarrhea and constipation",
     ("alternating diarrhea and constipation", "SYMPTOM")),
    ("never had mental health problems before this", ("mental health problems", "DISEASE")),
    ("worried about fertility problems later", ("fertility problems", "DISEASE")),
    ("x-ray shows neck of femur fracture", ("neck of femur fracture", "DISEASE")),
    ("buscopan helps the cramps a bit, fibre supplements made the bloating worse", ("fibre supplements", "DRUG")),
    # an analyte's level
    ("should i ask for B12 to be checked, i am vegan", ("B12", "TEST")),
    ("could the omeprazole lower my B12?", ("B12", "TEST")),
    # the measure, the organ and the real headache stay
    ("my BP is 150/90", ("BP", "TEST")),
    ("my blood sugar and BP are fine", ("BP", "TEST")),
    ("check my thyroid and BP please", ("thyroid", "ANATOMY")),
    ("it is a headache so bad i cant see", ("headache", "SYMPTOM")),
    ("there is a pain in my chest when i breathe", ("pain in my chest", "SYMPTOM")),
    ("i take b12 and iron", ("b12", "DRUG")),
    ("i am sweating a lot at night", ("sweating", "SYMPTOM")),
])
def test_found_after_batch_30(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, surface", [
    ("my boss is a pain so im stressed about taking the day off", "pain"),
    ("the office is a headache these days also.", "headache"),
    ("it is a pain in the backside waiting but stick with it", "pain"),
    ("so im back on it at 10mg since october", "at 10"),
    ("i have sugar in my tea", "sugar"),
    ("i am sweating a lot at night", "sweating a lot"),
])
def test_left_out_after_batch_30(nlp, text, surface):
    assert surface not in [e for e, _ in labelled(nlp, text)]


@pytest.mark.parametrize("text, entity", [
    # the pain a disease gives is one mention
    ("Re: kidney stone pain. mate i feel you", ("kidney stone pain", "SYMPTOM")),
    ("but i finally sleep through the fibro pain #fibromyalgia", ("fibro pain", "SYMPTOM")),
    ("i have endometriosis pain every month", ("endometriosis pain", "SYMPTOM")),
    # "the flu" no longer outruns "flu vaccine"
    ("flu is not just a bad cold. the flu vaccine is free for over 65s", ("flu vaccine", "DRUG")),
    ("i had the flu last week", ("flu", "DISEASE")),
    ("celebrax for my hip and now my stomach is a mess", ("stomach is a mess", "SYMPTOM")),
    ("my memory is terrible, i forget words mid sentence", ("forget words", "SYMPTOM")),
    ("Reason: lower back pain from degenerative discs.", ("degenerative discs", "DISEASE")),
    ("i have a lot of worries about my health", ("worries", "SYMPTOM")),
])
def test_found_after_batch_31(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, surface", [
    ("i had flu, pain everywhere", "flu, pain"),
    ("my daughter worries about addiction but i have never had an issue", "worries"),
    ("his cardiologist worries it is making his heart failure worse", "worries"),
])
def test_left_out_after_batch_31(nlp, text, surface):
    assert surface not in [e for e, _ in labelled(nlp, text)]


@pytest.mark.parametrize("text, entity", [
    # found in review: the real uses the round-25 rules must leave alone
    ("my baby is turning blue", ("turning blue", "SYMPTOM")),
    ("i got through the surgery fine", ("surgery", "TREATMENT")),
    ("i called about my surgery", ("surgery", "TREATMENT")),
    ("the tips of my fingers and toes are numb", ("tips of my fingers and toes are numb", "SYMPTOM")),
    ("the tops of my feet and my ankles are swollen", ("tops of my feet and my ankles are swollen", "SYMPTOM")),
    ("tiny itchy blisters on my palms and the sides of my fingers, skin cracks every time",
     ("skin cracks", "SYMPTOM")),
    ("my knee is a pain so i can't walk far", ("pain", "SYMPTOM")),
    ("my hip has been a pain these days", ("pain", "SYMPTOM")),
    ("i have asthma and when im short of breath i use my inhaler", ("short of breath", "SYMPTOM")),
    ("my migraine started yesterday when i got nauseous", ("nauseous", "SYMPTOM")),
    ("pain in my butt cheek and back of my thigh, and my foot feels asleep", ("foot feels asleep", "SYMPTOM")),
    ("my son worries a lot and bites his nails", ("worries", "SYMPTOM")),
    ("my son worries about everything and bites his nails", ("worries", "SYMPTOM")),
    ("since my stroke pain has been constant", ("stroke", "DISEASE")),
    ("b12 high dose injections helped", ("b12", "DRUG")),
    ("my exam results came back and i have anemia", ("exam", "TEST")),
    ("my heart rate is down to 40 and i feel faint", ("heart rate is down", "SYMPTOM")),
    ("they checked BP and sugar.", ("BP", "TEST")),
    ("she takes thyroxine for thyroid", ("thyroid", "DISEASE")),
    ("i take metformin for sugar.", ("sugar", "DISEASE")),
    ("he has sugar since 2015", ("sugar", "DISEASE")),
])
def test_kept_in_review(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, surface", [
    ("i drink tea with sugar and milk", "sugar"),
    ("i get energy from sugar and caffeine", "sugar"),
    ("i had sugar too", "sugar"),
    ("i was tested for sugar and BP", "sugar"),
    ("croup: a hoarse cry, and noisy breathing when he got upset", "upset"),
    ("since my stroke pain has been constant", "stroke pain"),
])
def test_left_out_in_review(nlp, text, surface):
    assert surface not in [e for e, _ in labelled(nlp, text)]


@pytest.mark.parametrize("text, entity", [
    ("the dermatologist did bloods for thyroid and iron, all normal", ("thyroid", "DISEASE")),
    ("my blood sugar and BP are fine", ("BP", "DISEASE")),
])
def test_a_measure_or_organ_tested_is_no_disease(nlp, text, entity):
    assert entity not in labelled(nlp, text)


@pytest.mark.parametrize("text, entity", [
    # from blind batches 32 and 33 after their scores
    ("my phlegm has turned green and thicker", ("phlegm has turned green", "SYMPTOM")),
    ("before next dose i go stiff and slow", ("go stiff", "SYMPTOM")),
    ("the HF nurse wary of pushing the water tablets further", ("water tablets", "DRUG")),
    ("i am 52 with parkinsons on co-careldopa", ("co-careldopa", "DRUG")),
    ("could vaginal estrogen help?", ("vaginal estrogen", "DRUG")),
    ("once the eardrum burst and gunk came out on the pillow", ("eardrum burst", "DISEASE")),
    ("my mood is all over the place and my poor husband gets the brunt", ("mood is all over the place", "SYMPTOM")),
    ("also allergic to cats apparently, new flatmate has two", ("allergic to cats", "DISEASE")),
    ("during the taper i had rebound panic, sensitive to noise and light, skin crawling",
     ("sensitive to noise and light", "SYMPTOM")),
    ("my doctor says compulsive gambling is a known risk", ("compulsive gambling", "DISEASE")),
    ("unsteady when i walk, swollen ankles, memory is shot", ("memory is shot", "SYMPTOM")),
    ("dry mouth, ringing in my ears and anxiety spikes the first 3 weeks", ("anxiety spikes", "SYMPTOM")),
    ("the crash around 5pm when im irritable with everyone", ("irritable", "SYMPTOM")),
    ("i had a TIA last year and now take clopidogrel", ("TIA", "DISEASE")),
    ("thick green discharge from my ear", ("thick green discharge from my ear", "SYMPTOM")),
    ("i'm CKD stage 3 and my eGFR dropped from 48 to 41", ("CKD stage 3", "DISEASE")),
    ("x-ray shows osteoarthritis grade 2. my weight is 82 kg", ("osteoarthritis", "DISEASE")),
    ("the real headache started at 9 tho", ("headache", "SYMPTOM")),
    ("my meds are giving me a headache lol", ("headache", "SYMPTOM")),
    ("i panic when i cant breathe", ("panic", "SYMPTOM")),
])
def test_found_after_batches_32_and_33(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, surface", [
    ("does magnesium help anyone? sorry for the long post, TIA", "TIA"),
    ("it turned out to be just BPH? TIA", "TIA"),
    ("replying to the IBS thread: i was told i had IBS for 10 years", "IBS thread"),
    ("Replying to the glue ear post - our daughter had ear infections", "glue ear"),
    ("discharge sheet says come back if she struggles to breathe", "discharge"),
    ("renal nurse says not to panic, it bounces around", "panic"),
    ("please dont panic yet. i had tingling down one side", "panic"),
    ("this spreadsheet is giving me a headache lol", "headache"),
    ("this 2 hr budget meeting gave me a migraine lol", "migraine"),
    ("now im so constipated i could cry 😭 someone send prunes", "cry"),
    ("jaw clenching at night so i wear a mouth guard", "jaw clenching at night"),
])
def test_left_out_after_batches_32_and_33(nlp, text, surface):
    assert surface not in [e for e, _ in labelled(nlp, text)]


def test_a_forum_thread_keeps_the_writers_own_mention(nlp):
    found = labelled(nlp, "replying to the IBS thread: i was told i had IBS for 10 years")
    assert found.count(("IBS", "DISEASE")) == 1


@pytest.mark.parametrize("text, entity", [
    # from blind batch 34 after its score
    ("No sweating. I have sugar and BP for 10 years, taking metformin 500", ("sugar", "DISEASE")),
    ("38F, 5'5, 190lb, type 2 dx in january with an A1c of 9.4", ("type 2", "DISEASE")),
    ("Knuckles are swollen. RA factor positive and ESR 48.", ("RA factor", "TEST")),
    ("if you take triptans or combination painkillers more than 10 days a month", ("combination painkillers", "DRUG")),
])
def test_found_after_batch_34(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, entity", [
    ("advise how to avoid having sickle-cell disease babies", ("sickle-cell disease", "DISEASE")),
    ("my son has sickle-cell anemia", ("sickle-cell anemia", "DISEASE")),
])
def test_a_hyphened_sickle_cell(nlp, text, entity):
    assert entity in labelled(nlp, text)
