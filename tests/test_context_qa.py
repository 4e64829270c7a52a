"""Assertion and experiencer in patients' questions and doctors' replies (issue 12).

The sentences are the issue's own examples and sentences written for these tests; the blind
gold set (data/gold/assertion.jsonl) is scored by ``qatext evaluate ner``, not here.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import qatext
from qatext.ner import ASSERTIONS, EXPERIENCERS


@pytest.fixture(scope="module")
def nlp():
    # These sentences pin the ConText rules; the learned status model on top of them (on by
    # default) is tested in test_status_model.py, and its MODEL_CARD.md lists the 5 of them it flips.
    return qatext.load(topics=False, status_model=False)


def _ent(doc, text):
    hits = [e for e in doc.ents if text in e.text.lower()]
    assert hits, f"no entity containing {text!r} in {[(e.text, e.label_) for e in doc.ents]}"
    return hits[0]


CASES = [
    # generic: in general, nobody's case
    ("What are the symptoms of diabetes?", "diabetes", "generic", "none"),
    ("How is asthma treated in children?", "asthma", "generic", "none"),
    ("Is migraine hereditary?", "migraine", "generic", "none"),
    ("Is chickenpox contagious?", "chickenpox", "generic", "none"),
    ("Can psoriasis be cured?", "psoriasis", "generic", "none"),
    ("How long do people with ALS live?", "als", "generic", "none"),
    ("What is fibromyalgia?", "fibromyalgia", "generic", "none"),
    ("Isn't the progression of amyotrophic lateral sclerosis (ALS) typically rapid?", "amyotrophic", "generic", "none"),
    ("Psoriasis is not contagious.", "psoriasis", "generic", "none"),
    ("Hypothyroidism is usually treated with levothyroxine.", "hypothyroidism", "generic", "none"),
    ("Hypothyroidism is usually treated with levothyroxine.", "levothyroxine", "generic", "none"),
    # ... but a personal word makes it someone's
    ("Can my psoriasis be cured?", "psoriasis", "present", "patient"),
    ("what is this rash on my arm", "rash", "present", "patient"),
    ("Your symptoms suggest a migraine.", "migraine", "possible", "patient"),
    ("i got diagnosed with crohns in may. what foods make crohns worse?", "crohns", "present", "patient"),
    # time as patients tell it
    ("In the past few months my arms have started to tremble", "tremble", "present", "patient"),
    ("I was diagnosed with lupus last year and now my joints hurt", "lupus", "present", "patient"),
    ("I have had diabetes for ten years.", "diabetes", "present", "patient"),
    ("The cough started three days ago.", "cough", "present", "patient"),
    ("I had chickenpox as a child", "chickenpox", "historical", "patient"),
    ("I had pneumonia in 2015 and recovered completely", "pneumonia", "historical", "patient"),
    ("Six years ago I had pneumonia.", "pneumonia", "historical", "patient"),
    ("I'm not on lexapro anymore.", "lexapro", "historical", "patient"),
    ("Please do not take naproxen anymore.", "naproxen", "negated", "patient"),
    # who has it
    ("I have no history of seizures but my sister has epilepsy", "epilepsy", "family", "relative"),
    ("I have no history of seizures but my sister has epilepsy", "seizures", "negated", "patient"),
    ("My 5-year-old has had a fever since yesterday", "fever", "present", "patient"),
    ("My father had a stroke at 50.", "stroke", "family", "relative"),
    ("No family history of heart disease.", "heart disease", "negated", "relative"),
    ("My friend has shingles right now.", "shingles", "present", "other"),
    ("My girlfriend has strep throat and I have a sore throat now.", "strep throat", "present", "other"),
    ("My girlfriend has strep throat and I have a sore throat now.", "sore throat", "present", "patient"),
    ("My son has a rash on his chest and he scratches it. My husband and I both have eczema.", "eczema", "family",
     "relative"),
    ("My son has a rash on his chest and he scratches it. My husband and I both have eczema.", "rash", "present",
     "patient"),
    ("My father has parkinsons. I lost my sense of smell and my hands shake.", "parkinsons", "family", "relative"),
    ("My mom (76) keeps getting lost and forgets names. Her mother had dementia.", "dementia", "family", "relative"),
    ("My wife says I snore every night.", "snore", "present", "patient"),
    # hedges, conditions, denials
    ("i dont have a fever", "fever", "negated", "patient"),
    ("I don't think it was a stroke.", "stroke", "possible", "patient"),
    ("would ritalin help?", "ritalin", "hypothetical", "patient"),
    ("Avoid ibuprofen.", "ibuprofen", "negated", "patient"),
    # time, second round (issue 12 follow-up): dates, things that ended, things still going
    ("i had shingles in 2015 and it healed fine", "shingles", "historical", "patient"),
    ("In 2019 I had surgery on my knee", "surgery", "historical", "patient"),
    ("i was diagnosed with hypothyroidism in 2012 and take levothyroxine", "hypothyroidism", "present", "patient"),
    ("they told me i have kidney disease back in 2020 and it keeps getting worse", "kidney disease", "present",
     "patient"),
    ("as a kid i had really bad eczema", "eczema", "historical", "patient"),
    ("i used to get migraines every week", "migraines", "historical", "patient"),
    ("my rash went away after two days", "rash", "historical", "patient"),
    ("had gout in my toe last spring but it went away with colchicine", "gout", "historical", "patient"),
    ("had a kidney stone three years ago, none since", "kidney stone", "historical", "patient"),
    ("i took ibuprofen for a week but it didnt help so i stopped it", "ibuprofen", "historical", "patient"),
    ("i lost my sense of taste last year and it never came back", "sense of taste", "present", "patient"),
    ("never had a migraine until this spring, now i get them weekly", "migraine", "present", "patient"),
    ("Two years ago, I had pneumonia and was in hospital.", "pneumonia", "historical", "patient"),
    ("i am 60, i had a stent put in 2014, i take metoprolol every day", "metoprolol", "present", "patient"),
    ("i suspect im anemic, ive been pale for weeks", "pale", "present", "patient"),
    ("chest pain since the flu two weeks ago", "chest pain", "present", "patient"),
    ("chest pain since the flu two weeks ago", "flu", "historical", "patient"),
    ("my doctor put me on sertraline a month ago", "sertraline", "present", "patient"),
    ("The migraine you had last month was probably triggered by poor sleep.", "migraine", "historical", "patient"),
    ("Your rheumatic fever at age 9 explains the murmur we hear today.", "rheumatic fever", "historical", "patient"),
    # general questions, heredity and contagion
    ("Does my sister's epilepsy mean I will get epilepsy?", "epilepsy", "family", "relative"),
    ("can you get shingles twice?", "shingles", "generic", "none"),
    ("my son had chickenpox last month, all better now. today he has a fever, can you get chickenpox twice?",
     "fever", "present", "patient"),
    ("Does diabetes cause blurry vision?", "blurry vision", "generic", "none"),
    ("can't high blood pressure go for years without any headaches?", "headaches", "generic", "none"),
    ("is tinnitus permanent?", "tinnitus", "generic", "none"),
    ("Gout in older men is most often due to high uric acid.", "gout", "generic", "none"),
    ("Migraine is more common in women and often runs in families.", "migraine", "generic", "none"),
    # hedges, conditions and what a finding explains
    ("cant rule out mono so they sent me for a blood test", "blood test", "present", "patient"),
    ("what happens if i stop lisinopril?", "lisinopril", "hypothetical", "patient"),
    ("If the rash spreads to your face, we would start prednisone.", "prednisone", "hypothetical", "patient"),
    ("Your sugar is fine; if you feel thirsty all the time, get an HbA1c.", "hba1c", "hypothetical", "patient"),
    ("Do not take ibuprofen until your kidney function is back.", "ibuprofen", "negated", "patient"),
    ("The thyroid scan was negative for nodules.", "nodules", "negated", "patient"),
    ("Inflammatory bowel disease is not the cause of your bloating.", "bloating", "present", "patient"),
    ("Inflammatory bowel disease is not the cause of your bloating.", "inflammatory bowel disease", "negated",
     "patient"),
    ("You have no fever and the cough sounds dry, so this is viral.", "cough", "present", "patient"),
    # third round (blind batches 3-4 studied): intensifiers said with a negation are the symptom itself
    ("since friday i cant stop vomiting", "vomiting", "present", "patient"),
    ("i have a rash that won't go away, could it be psoriasis?", "psoriasis", "possible", "patient"),
    ("the cetirizine isnt working and my eyes still itch", "eyes", "present", "patient"),
    # episodes that ended, in patients' words
    ("no more migraines since i started magnesium", "migraines", "historical", "patient"),
    ("my son had croup as a toddler but it cleared up", "croup", "historical", "patient"),
    ("had strep throat back in march, got over it, now my knees ache", "strep throat", "historical", "patient"),
    ("my ankle swelled up after the flight, fine now", "ankle swelled", "historical", "patient"),
    # a past diagnosis or finding still there
    ("was told i have sleep apnea at a sleep study in 2019 and i snore worse now", "sleep apnea", "present",
     "patient"),
    ("dignosed with psoriasis 5 yrs ago and it flares every winter", "psoriasis", "present", "patient"),
    ("an ultrasound in 2020 showed gallstones and i still get pain after fatty meals", "gallstones", "present",
     "patient"),
    # hedges and what may come
    ("my dermatologist thinks its rosacea", "rosacea", "possible", "patient"),
    ("ive had heartburn for weeks, whats the chance its an ulcer?", "ulcer", "possible", "patient"),
    ("my pcp said i may get constipation from the iron tablets", "constipation", "hypothetical", "patient"),
    ("had the flu in october, can i get pneumonia from it?", "pneumonia", "hypothetical", "patient"),
    ("my grandpa (80) forgets names and gets lost. his brother had a stroke. could he have alzheimers?",
     "alzheimers", "possible", "patient"),
    # general questions
    ("is it normal for toddlers to get ear infections every month?", "ear infections", "generic", "none"),
    ("is gastritis the same thing as an ulcer?", "gastritis", "generic", "none"),
    ("what does a high ALT mean?", "alt", "generic", "none"),
    ("can hepatitis B turn into liver cancer?", "liver cancer", "generic", "none"),
    # replies: a feared complication, the working diagnosis, a general statement after ";"
    ("starting prednisone next week and im scared of osteoporosis", "osteoporosis", "hypothetical", "patient"),
    ("Your knee pain is a meniscal tear until proven otherwise.", "meniscal tear", "possible", "patient"),
    ("Use the steroid cream for a week; eczema tends to flare when the air is dry.", "eczema", "generic", "none"),
    ("I would wait for the ultrasound before deciding on surgery.", "surgery", "hypothetical", "patient"),
    # a test used to rule something out is done
    ("they ruled out a DVT with an ultrasound", "ultrasound", "present", "patient"),
    ("they ruled out a DVT with an ultrasound", "dvt", "negated", "patient"),
    # fourth round (blind batch 5): general questions on heredity, nature, reversal; impersonal "you"
    ("is psoriasis passed down from parents?", "psoriasis", "generic", "none"),
    ("is celiac disease autoimmune?", "celiac", "generic", "none"),
    ("can fatty liver be reversed with weight loss?", "fatty liver", "generic", "none"),
    ("can you even get chickenpox twice?", "chickenpox", "generic", "none"),
    ("does hypothyroidism make you gain weight? my tsh was high last week", "hypothyroidism", "generic", "none"),
    ("does lupus make it harder to get pregnant?", "lupus", "generic", "none"),
    ("Migraine does run in families, and your mother's migraines matter here.", "migraine", "generic", "none"),
    ("Many children who had bronchiolitis as babies wheeze with colds.", "bronchiolitis", "generic", "none"),
    ("Shingles is a viral infection of a nerve.", "viral infection", "generic", "none"),
    ("Metformin only occasionally causes diarrhoea.", "diarrhoea", "generic", "none"),
    ("Asthma does not always cause wheezing.", "wheezing", "generic", "none"),
    ("Pneumonia can still happen after a flu shot.", "flu shot", "generic", "none"),
    ("If the rash spreads, see a doctor, because measles can cause encephalitis.", "measles", "generic", "none"),
    # episodes over
    ("my throat swelled up and i got a rash, all gone after zyrtec", "rash", "historical", "patient"),
    ("my throat swelled up and i got a rash, all gone after zyrtec", "zyrtec", "historical", "patient"),
    ("The wheezing you had, which settled with salbutamol, points to asthma.", "salbutamol", "historical", "patient"),
    ("had a knee replacement in 2018 and no problems since. now my back hurts", "knee replacement", "historical", "patient"),
    ("had hodgkins lymphoma and chemo, my scans have been clean for 5 years", "lymphoma", "historical", "patient"),
    ("Your son's croup last winter is long over.", "croup", "historical", "patient"),
    ("i took accutane in high school and my skin cleared", "accutane", "historical", "patient"),
    ("im scheduled for a colonoscopy in march", "colonoscopy", "present", "patient"),
    # what the asker weighs
    ("is it safe for me to drink coffee while pregnant?", "coffee", "hypothetical", "patient"),
    ("my a1c is 6.4 and i dont want to end up on metformin", "metformin", "hypothetical", "patient"),
    ("Your cough may settle on its own; if it does not, an inhaler is an option.", "inhaler", "hypothetical", "patient"),
    ("my dad refuses to get a colonoscopy", "colonoscopy", "negated", "patient"),
    ("A stress fracture cannot be ruled out, so I will order an MRI.", "stress fracture", "possible", "patient"),
    # a hedge or a question starts a clause
    ("Your headaches without nausea are most likely tension headaches.", "tension", "possible", "patient"),
    ("Pain with no swelling suggests tendinitis rather than a fracture.", "tendinitis", "possible", "patient"),
    ("Pain with no swelling suggests tendinitis rather than a fracture.", "fracture", "possible", "patient"),
    ("i dont have diabetes, do i need a glucose test?", "glucose test", "hypothetical", "patient"),
    ("my brother has crohns, could it be celiac disease for me too?", "celiac", "possible", "patient"),
    ("Please stop the naproxen and use paracetamol instead.", "paracetamol", "present", "patient"),
    ("Please stop the naproxen and use paracetamol instead.", "naproxen", "negated", "patient"),
    # ... and what these rules must leave alone: advice about a drug, a denied hedge, the step asked about
    ("Itraconazole is a good drug for your nail fungus.", "itraconazole", "present", "patient"),
    ("Your blood tests do not suggest lupus.", "lupus", "negated", "patient"),
    ("should i go ahead and take the amoxicillin before the dentist?", "amoxicillin", "hypothetical", "patient"),
    ("if you have a pain in your neck that makes you dizzy, tell me", "pain", "hypothetical", "patient"),
    # near variants as patients spell them
    ("is sepsis fatal?", "sepsis", "generic", "none"),
    ("what triggers psoriasis flares?", "psoriasis", "generic", "none"),
    ("had shingles a few years back, now my side tingles again", "shingles", "historical", "patient"),
    ("i had mono in my 20s and now im always tired", "mono", "historical", "patient"),
    ("my chest pain started a few months back", "chest pain", "present", "patient"),
    # fifth round (blind batch 6): general questions and statements
    ("does eczema ever clear up or do people with it need steroid cream for life?", "steroid", "generic", "none"),
    ("how long are you contagious with strep throat?", "strep", "generic", "none"),
    ("my a1c is normal but im always hungry, what else causes constant hunger?", "hunger", "generic", "none"),
    ("do men whose father had prostate cancer need earlier screening?", "prostate cancer", "generic", "none"),
    ("Kidney stones are very common and are rarely dangerous.", "kidney stones", "generic", "none"),
    ("Shingles can often be prevented by vaccination, and I will give you the vaccine today.", "shingles", "generic",
     "none"),
    ("Insomnia is best treated with sleep hygiene and therapy.", "insomnia", "generic", "none"),
    ("can hepatitis c get better without treatment?", "hepatitis c", "generic", "none"),
    ("Most sore throats settle without antibiotics.", "antibiotics", "generic", "none"),
    ("This discomfort is caused by a pinched nerve.", "discomfort", "present", "patient"),
    ("Type I diabetes is an autoimmune disease.", "diabetes", "generic", "none"),
    ("it is most probably due to an allergy.", "allergy", "possible", "patient"),
    ("Most days the headache starts around noon.", "headache", "present", "patient"),
    # what the asker weighs, what a reply makes conditional
    ("is it worth getting an mri for my knee?", "mri", "hypothetical", "patient"),
    ("can i give ibuprofen and paracetamol together for a fever?", "ibuprofen", "hypothetical", "patient"),
    ("Take the inhaler as needed, and if the wheeze does not settle, we will start a steroid.", "steroid",
     "hypothetical", "patient"),
    ("if your rash does not improve, start hydrocortisone cream", "hydrocortisone", "hypothetical", "patient"),
    ("The tingling may come from a vitamin deficiency.", "vitamin deficiency", "possible", "patient"),
    # episodes that are over, onsets told first
    ("i had a fever that broke two days ago but i still cough", "fever", "historical", "patient"),
    ("my fever broke last night but the cough is still there", "fever", "historical", "patient"),
    ("since my surgery the pain has been worse", "pain", "present", "patient"),
    ("my mom had migraines in her 30s and takes nothing now", "migraines", "family", "relative"),
    ("i took naproxen for years but stopped last spring", "naproxen", "historical", "patient"),
    ("since last month i get a headache every morning", "headache", "present", "patient"),
    ("i had an ear infection in 2019 and i have a sore throat now", "sore throat", "present", "patient"),
    ("I don't smoke and I get short of breath on stairs.", "short of breath", "present", "patient"),
    # people
    ("my grandpa is 80 and since my grandma died in june he has no appetite", "appetite", "present", "patient"),
    ("the guy im dating has genital herpes, can i catch it?", "herpes", "present", "other"),
    # sixth round (blind batch 7): what makes a sentence general, by shape
    # a yes/no question with a bare subject, also after "but" or "and", and with "is" and a general word
    ("does celiac disease skip a generation?", "celiac", "generic", "none"),
    ("the cream helps a bit but can chronic eczema last for decades?", "eczema", "generic", "none"),
    ("is lyme disease always curable with antibiotics?", "lyme", "generic", "none"),
    ("isnt gout mostly an old mans disease?", "gout", "generic", "none"),
    ("my son has a rash and i never had it myself, is chickenpox contagious to adults?", "chickenpox", "generic",
     "none"),
    # a yes/no question put to a group of people
    ("do teenagers grow out of acne?", "acne", "generic", "none"),
    ("can grown adults get hand foot and mouth disease?", "hand foot and mouth", "generic", "none"),
    ("should pregnant women avoid ibuprofen?", "ibuprofen", "generic", "none"),
    ("can a cold turn into pneumonia?", "pneumonia", "generic", "none"),
    ("arent kidney stones more common in men?", "kidney stones", "generic", "none"),
    ("my knee hurts when i run, is arthritis common in runners?", "arthritis", "generic", "none"),
    ("go to the er and do a brain mri today", "mri", "present", "patient"),
    ("will a blood test show it?", "blood test", "hypothetical", "patient"),  # not generic; asked about, not done
    # what happens if it is left alone
    ("what happens if gallstones are never removed?", "gallstones", "generic", "none"),
    # a general statement told inside a personal story
    ("i read that migraines are more common in women and my sister gets them too", "migraines", "generic", "none"),
    ("i heard statins can cause muscle pain, i started atorvastatin last month", "statins", "generic", "none"),
    ("i heard statins can cause muscle pain, i started atorvastatin last month", "atorvastatin", "present",
     "patient"),
    ("apparently lupus is more common in women, my aunt has it and i have joint pain", "lupus", "generic", "none"),
    # a subject with its modifier, or an adverb, before a general verb
    ("Eczema that starts in infancy often improves by school age.", "eczema", "generic", "none"),
    ("Gastritis caused by alcohol usually settles within weeks of stopping.", "gastritis", "generic", "none"),
    ("Headache without fever rarely points to meningitis.", "headache", "generic", "none"),
    ("But anaemia in a woman of 30 comes from heavy periods more often than not.", "anaemia", "generic", "none"),
    ("ACE inhibitors also slow the progression of kidney disease.", "ace inhibitors", "generic", "none"),
    ("Your headaches are typical, and migraine is not passed on to children in a simple way.", "migraine",
     "generic", "none"),
    ("Pneumonia usually clears within three weeks, and amoxicillin should ease the cough.", "amoxicillin",
     "present", "patient"),
    # ... while advice, the case at hand, and a modifier with a hedge stay the asker's
    ("do yoga and meditation every morning.", "yoga", "present", "patient"),
    ("can low vitamin d cause these symptoms?", "vitamin d", "present", "patient"),
    ("pain in lower left abdomen can be due to constipation.", "pain", "present", "patient"),
    ("Lisinopril which i started in may makes me cough.", "lisinopril", "present", "patient"),
    # what the asker is told is possible, offered or conditional
    ("is that shingles?", "shingles", "possible", "patient"),
    ("I doubt this is appendicitis.", "appendicitis", "possible", "patient"),
    ("my gp offered sertraline but im not keen", "sertraline", "hypothetical", "patient"),
    ("Antibiotics are only needed if the fever returns.", "antibiotics", "hypothetical", "patient"),
    ("the problem is that he sleeps a lot", "sleeps a lot", "present", "patient"),
    # an episode over, an onset, a finding that goes on
    ("had cold sores as a teen that stopped by themselves, now i get a rash on my lip", "cold sores", "historical",
     "patient"),
    ("ive had a cough ever since i had covid in march", "covid", "historical", "patient"),
    ("ive had a cough ever since i had covid in march", "cough", "present", "patient"),
    ("found a small lump in my breast a week ago and it is still there", "lump", "present", "patient"),
    ("The scan excludes a stroke as the cause of your headache.", "headache", "present", "patient"),
    # people
    ("nobody in my family has diabetes", "diabetes", "negated", "relative"),
    ("my echo showed a leaky valve, nobody in my family has heart problems", "leaky valve", "present", "patient"),
    ("a guy from my gym has shingles", "shingles", "present", "other"),
    # eighth round: yes/no questions with "does" / "can" and no "?", alternatives with "or <aux>"
    ("does rosacea need antibiotics or does it settle with creams", "rosacea", "generic", "none"),
    ("can endometriosis return after surgery", "endometriosis", "generic", "none"),
    ("does eczema need steroid cream or does a moisturiser do", "steroid cream", "generic", "none"),
    ("do steroid creams thin the skin", "steroid creams", "present", "patient"),
    # questions that ask what a condition is
    ("isnt gout just a rich mans disease?", "gout", "generic", "none"),
    ("is migraine part of epilepsy or something else", "migraine", "generic", "none"),
    # a bare disease denied, "can be", "although", "which often", "anyone who", "some <group>"
    ("Psoriasis is not an infection, and your rash on the elbows fits it well.", "psoriasis", "generic", "none"),
    ("Rosacea can be controlled but rarely disappears for good.", "rosacea", "generic", "none"),
    ("Your cough will settle, although pneumonia can follow a flu in anyone who is frail.", "pneumonia", "generic",
     "none"),
    ("This is probably costochondritis, which often follows a viral infection.", "viral infection", "generic", "none"),
    ("how long until people with lupus need steroids, and will i need them too", "lupus", "generic", "none"),
    ("is it true some women get migraines from the pill", "migraines", "generic", "none"),
    ("i heard psoriasis is really common in people with arthritis", "psoriasis", "generic", "none"),
    # an episode ended, a reply's working diagnosis, a test that excluded
    ("had tonsillitis in may and the penicillin got rid of it, now my throat is sore again", "penicillin",
     "historical", "patient"),
    ("had a bad flare of colitis in 2019 which cleared up with prednisolone", "prednisolone", "historical",
     "patient"),
    ("Your fever and sore throat make tonsillitis likely.", "tonsillitis", "possible", "patient"),
    ("The blood test excluded anaemia.", "anaemia", "negated", "patient"),
    # people: grandchildren, apostrophe-less possessives, a friend
    ("i had shingles in 2019 and my grandson has measles now, can i catch it?", "measles", "family", "relative"),
    ("my fathers stroke at 70 worries me", "stroke", "family", "relative"),
    # ninth round (batch 10): a yes/no question's "you" is anyone; "is it true" asks about a general claim
    ("can gastritis cause nausea even if you dont feel any pain?", "pain", "generic", "none"),
    ("can gastritis cause nausea even if you dont feel any pain?", "gastritis", "generic", "none"),
    ("isnt psoriasis usually worse in your 30s or is that a myth", "psoriasis", "generic", "none"),
    ("is it true sinusitis clears up better with steam than with antibiotics?", "sinusitis", "generic", "none"),
    # ... and negation that reached too far: out of a condition, past "nobody told me", "no effect on", a denied
    # exclusion, an evidence verb; a question to all of a group; a closing hashtag
    ("If the cream has not worked after two weeks, terbinafine tablets are the next step.", "terbinafine",
     "hypothetical", "patient"),
    ("If there is no fever, ibuprofen is enough.", "fever", "negated", "patient"),
    # ... but a comma inside the negated list does not end the condition
    ("when I saw the GP she found no swelling, redness or fever", "redness", "negated", "patient"),
    ("when I saw the GP she found no swelling, redness or fever", "fever", "negated", "patient"),
    ("If there is no fever, rash or neck stiffness, paracetamol is enough.", "paracetamol", "hypothetical",
     "patient"),
    ("nobody warned me that venlafaxine gives you night sweats", "venlafaxine", "present", "patient"),
    ("the steroid cream had no effect on the eczema", "eczema", "present", "patient"),
    ("A normal x-ray does not exclude a scaphoid fracture.", "scaphoid fracture", "possible", "patient"),
    ("Your cough without fever, and with no weight loss, sound like asthma.", "asthma", "possible", "patient"),
    ("Your cough without fever, and with no weight loss, sound like asthma.", "weight loss", "negated", "patient"),
    ("Your steady weight, with no vomiting, makes reflux unlikely.", "reflux", "possible", "patient"),
    ("dont all babies get reflux at some point?", "reflux", "generic", "none"),
    ("day 3 without a cigarette #quitsmoking #asthma", "#asthma", "present", "patient"),
    # ... a step with its condition after it, an option someone mentioned, a complaint that stopped
    ("We will start with diet changes, and add a statin if your cholesterol is still high in three months.", "statin",
     "hypothetical", "patient"),
    ("i get headaches if i skip breakfast", "headaches", "present", "patient"),
    # ... a condition after another person's clause is not the step's own
    ("started metformin she said if my sugars stay high she would add gliclazide", "metformin", "present", "patient"),
    ("the doctor gave me amoxicillin he said if the rash spreads come back", "amoxicillin", "present", "patient"),
    ("my gp started metformin we agreed if it does not help to try insulin", "metformin", "present", "patient"),
    ("my neurologist mentioned botox for the migraines, has anyone tried it?", "botox", "hypothetical", "patient"),
    ("my neurologist mentioned botox for the migraines, has anyone tried it?", "migraines", "present", "patient"),
    ("the palpitations stopped after i cut out coffee", "palpitations", "historical", "patient"),
    # ... more shapes of a reply's general statement: after "Yes,", "many ...", "is less common", "recurs"
    ("Yes, gout can return years later, so keep taking the allopurinol.", "gout", "generic", "none"),
    ("Yes, gout can return years later, so keep taking the allopurinol.", "allopurinol", "present", "patient"),
    ("Many ear infections clear without antibiotics within three days.", "antibiotics", "generic", "none"),
    ("many days my knee is swollen and stiff", "swollen", "present", "patient"),
    ("Migraine is less common after the menopause, and your headaches are probably tension headaches.", "migraine",
     "generic", "none"),
    ("Endometriosis becomes less common after the menopause.", "endometriosis", "generic", "none"),
    ("Shingles recurs in only a few people.", "shingles", "generic", "none"),
    # ... a wh-question's auxiliary before a bare subject, a group with its relative clause, a bare subject after a
    # comma, safety in pregnancy, "give people"
    ("at what age does colic stop?", "colic", "generic", "none"),
    ("how long does my rash last", "rash", "present", "patient"),
    ("do people who get cold sores get shingles more?", "shingles", "generic", "none"),
    ("my son wont stop asking if he can catch it, eczema isnt contagious is it?", "eczema", "generic", "none"),
    ("is sertraline safe in pregnancy?", "sertraline", "generic", "none"),
    ("can one night of drinking give people gout?", "gout", "generic", "none"),
    # ... hedges and diagnoses as patients abbreviate them; an episode "long gone", a drug "cut out"
    ("sore throat for a week, prob just a virus?", "virus", "possible", "patient"),
    ("my gp thinks shingles, she gave me aciclovir", "shingles", "possible", "patient"),
    ("keep worrying its a blood clot in my leg", "blood clot", "possible", "patient"),
    ("dx asthma 3 yrs ago, now i wheeze every night", "asthma", "present", "patient"),
    ("got told im anaemic in march, still exhausted", "anaemic", "present", "patient"),
    ("the eczema is long gone", "eczema", "historical", "patient"),
    ("cut out ibuprofen because of my stomach", "ibuprofen", "historical", "patient"),
    # ... "also can X ...", "Untreated X ...", "X such as Y ... are common", "in many people", "in anyone"
    ("ALSO CAN GERD TURN INTO BARRETTS", "gerd", "generic", "none"),
    ("Untreated sleep apnoea raises the risk of atrial fibrillation.", "atrial fibrillation", "generic", "none"),
    ("Withdrawal symptoms such as dizziness and insomnia are common when antidepressants are stopped quickly.",
     "dizziness", "generic", "none"),
    ("Your cough is improving, although asthma returns in the spring in many people.", "asthma", "generic", "none"),
    ("The vaccine contains no live virus, so it cannot cause shingles in anyone.", "shingles", "generic", "none"),
    # ... a recurrence asked about, a step only considered on a condition
    ("she finished chemo in 2019 and felt great, could the cancer be back?", "cancer", "possible", "patient"),
    ("Ear tubes are only considered if the fluid is still there after three months.", "ear tubes", "hypothetical",
     "patient"),
    # ... what "people get", what "is linked to" something, what "has never been shown"
    ("i read that older people get shingles more often", "shingles", "generic", "none"),
    ("my friend said eczema is linked to food allergies, is that true?", "food allergies", "generic", "none"),
    ("Glucosamine has never been shown to help knee arthritis.", "knee arthritis", "generic", "none"),
    ("isnt naproxen bad for your heart if you take it every day", "naproxen", "generic", "none"),
    ("in some people migraine and vertigo come together", "migraine", "generic", "none"),
    ("many possibilities here, such as anaemia or an underactive thyroid.", "anaemia", "present", "patient"),
    ("he complains of a stomach ache, fatigue and usually feels restless", "fatigue", "present", "patient"),
    # Tenth round (batch 11). Not knowing whether it is X hedges X, it does not deny it.
    ("no idea if its gallstones or just bad indigestion, the pain comes after fatty food", "gallstones", "possible",
     "patient"),
    ("my vision is blurry in one eye and i dont know if its glaucoma", "glaucoma", "possible", "patient"),
    ("I do not know whether this is psoriasis or eczema.", "eczema", "possible", "patient"),
    ("i dont know how to stop the itching", "itching", "negated", "patient"),
    # ... "is X ever ...", a general word further after a modified subject, a tag question without its comma or with
    # "should they", course words ("normally", "progresses"), "for most <group>", a hyphenated modifier before a
    # bare subject
    ("is tinnitus ever harmless in teenagers?", "tinnitus", "generic", "none"),
    ("is numbness after a knee replacement permanent?", "numbness", "generic", "none"),
    ("is my hair loss permanent?", "hair loss", "present", "patient"),
    ("asthma and eczema go together dont they?", "eczema", "generic", "none"),
    ("people on blood thinners shouldnt take aspirin with clopidogrel, should they?", "aspirin", "generic", "none"),
    ("the pharmacist said shingles normally clears in a month.", "shingles", "generic", "none"),
    ("my rash normally clears with the cream", "rash", "present", "patient"),
    ("Benign vertigo progresses slowly in older people.", "benign vertigo", "generic", "none"),
    ("For most women under 60, HRT causes at most a small rise in breast cancer risk.", "breast cancer", "generic",
     "none"),
    ("Long-term prednisolone causes osteoporosis in many users.", "osteoporosis", "generic", "none"),
    # ... also when a report or a conjunction opens the clause before the hyphenated modifier
    ("i read that long-term lithium causes kidney disease", "kidney disease", "generic", "none"),
    ("But long-term steroid use causes osteoporosis", "osteoporosis", "generic", "none"),
    # ... a negation stops at an "and" that opens a clause with its own verb, or a finding called normal; a list
    # keeps it; a complaint that "is gone" is over (historical), not denied
    ("no rash on my legs and blood pressure was normal at the clinic", "blood pressure", "present", "patient"),
    ("Your son has no wheeze today and a normal ECG, so we can wait.", "ecg", "present", "patient"),
    ("no fever and chills since yesterday", "chills", "negated", "patient"),
    ("thank god the hot flushes are gone", "hot flushes", "historical", "patient"),
    ("my heartburn is gone since i stopped coffee", "heartburn", "historical", "patient"),
    # ... a test that is the subject of a condition is a result being watched; one the condition asks for may be done
    ("if your ferritin stays low after three months we will try an iron infusion", "ferritin", "present", "patient"),
    ("if the ultrasound is normal, no further tests are needed.", "ultrasound", "present", "patient"),
    ("if a blood test is needed we will call you", "blood test", "hypothetical", "patient"),
    # ... a switch: what was left is over, what is taken now is ongoing whatever its date; a dose changed, a drug
    # added, a diagnosis dated after the disease
    ("switched from sertraline to citalopram in may because of the nausea", "sertraline", "historical", "patient"),
    ("switched from sertraline to citalopram in may because of the nausea", "citalopram", "present", "patient"),
    ("my gp switched me from omeprazole to lansoprazole three weeks ago", "lansoprazole", "present", "patient"),
    ("switched to the mirena in 2021 and my periods are lighter", "mirena", "present", "patient"),
    ("my neurologist added topiramate last month", "topiramate", "present", "patient"),
    ("her metformin was upped in january", "metformin", "present", "patient"),
    ("psoriasis dx'd in 2019, on methotrexate now", "psoriasis", "present", "patient"),
    # ... the drug an episode "cleared up with" is over too; what someone "reckons" it is, is a guess; a diagnosis
    # someone "was told he has" holds; a complaint that "returned" is there; student years are over
    ("had a chest infection that cleared up with doxycycline, still coughing at night", "doxycycline", "historical",
     "patient"),
    ("my sister reckons its shingles", "shingles", "possible", "patient"),
    ("my dad was told he has diabetes in 2019", "diabetes", "present", "patient"),
    ("got a cortisone shot in may that worked for a month before the shoulder pain returned", "shoulder pain",
     "present", "patient"),
    ("i had glandular fever at uni", "glandular fever", "historical", "patient"),
    # ... a bare subject modified by "before", "during", "lasting" still opens a general statement
    ("i read that paracetamol during pregnancy can cause adhd", "paracetamol", "generic", "none"),
    ("my trainer says creatine before a workout can cause kidney damage", "creatine", "generic", "none"),
    # ... a step is planned when "if" follows it after a time of its own; not after a verb of another clause or a
    # past date
    ("We can add amlodipine in a month if your readings stay high.", "amlodipine", "hypothetical", "patient"),
    ("I would repeat the ferritin in six weeks if the tiredness continues.", "ferritin", "hypothetical", "patient"),
    ("had my appendix out last year if that matters", "appendix out", "historical", "patient"),
    ("his insulin pump will alarm if his sugar drops", "insulin pump", "present", "patient"),
    # ... an emoji closes what the poster was saying: no trigger reaches across it
    ("had covid in march 😩 tired all the time", "tired", "present", "patient"),
    ("had covid in march 😩 tired all the time", "covid", "historical", "patient"),
    ("no rash 🙂 just itchy eyes", "itchy eyes", "present", "patient"),
    # ... "tho" ends a negation's reach; a drug tried "then gave up" and what someone "had" before an onset are over
    ("its not a migraine tho i used to get migraines as a kid", "migraines", "historical", "patient"),
    ("tried melatonin for two weeks then gave up, still cant sleep", "melatonin", "historical", "patient"),
    ("the rash started a week after i had shingles", "shingles", "historical", "patient"),
    # ... a question opening with "will" right before a drug or treatment asks about one not yet had
    ("will physiotherapy fix my shoulder or do i need surgery?", "physiotherapy", "hypothetical", "patient"),
    ("my knee is still swollen, will ibuprofen help?", "ibuprofen", "hypothetical", "patient"),
    ("i will take ibuprofen tonight", "ibuprofen", "present", "patient"),
    # ... what a drug "made me" feel, or "gave him", is told as a past effect
    ("sertraline made me so dizzy that i stopped it", "so dizzy", "historical", "patient"),
    ("the steroid inhaler gave him oral thrush so we switched", "oral thrush", "historical", "patient"),
    # ... options not yet taken: "worth trying", "has anyone tried", "will a", "should my", what a doctor "offered"
    ("is acupuncture worth trying for back pain?", "acupuncture", "hypothetical", "patient"),
    ("has anyone tried melatonin for jet lag?", "melatonin", "hypothetical", "patient"),
    ("will a chest x-ray show pneumonia?", "chest x-ray", "hypothetical", "patient"),
    ("should my ferritin be rechecked?", "ferritin", "hypothetical", "patient"),
    ("the steroid injection the surgeon offered scares me", "steroid injection", "hypothetical", "patient"),
    # ... impersonal "you" asking what anyone needs or can have
    ("do you need antibiotics for a sinus infection or does it clear up alone?", "antibiotics", "generic", "none"),
    ("can you have lupus without a rash?", "lupus", "generic", "none"),
    ("can you live a normal life with one kidney and diabetes?", "diabetes", "generic", "none"),
    ("do you need my blood test results?", "blood test results", "present", "patient"),
    # ... a bare subject modified by a participle ("taken", "returning") with a general verb after it
    ("Naproxen taken every day often causes stomach ulcers.", "naproxen", "generic", "none"),
    ("Melanoma returning after ten years is rare but does happen.", "melanoma", "generic", "none"),
    # ... a diagnosis someone mentioned, suspects, was googled or will be tested for is a guess; a drug mentioned is
    # an option
    ("my physio mentioned fibromyalgia and now im scared", "fibromyalgia", "possible", "patient"),
    ("the cardiologist suspects pericarditis", "pericarditis", "possible", "patient"),
    ("i googled lupus and now i cant sleep", "lupus", "possible", "patient"),
    ("We should also test you for coeliac disease.", "coeliac disease", "possible", "patient"),
    ("my doctor mentioned metformin", "metformin", "hypothetical", "patient"),
    # ... a drug or treatment is never a guess: taken, suggested, considered
    ("my ankles are swollen, is it the amlodipine?", "amlodipine", "present", "patient"),
    ("my gp suggests physiotherapy for the knee", "physiotherapy", "present", "patient"),
    # ... an illness that something came "after" is over; a drug "tried" or that "did nothing" is over
    ("my hair started falling out two months after pneumonia", "pneumonia", "historical", "patient"),
    ("i tried omeprazole first, then ranitidine", "omeprazole", "historical", "patient"),
    ("daktarin did nothing for the rash", "daktarin", "historical", "patient"),
    ("Have you tried physiotherapy for the pain?", "physiotherapy", "hypothetical", "patient"),
    ("i have palpitations and my grandad had a stroke at 60", "stroke", "family", "relative"),
    # ... options asked about: "ask about", "worth it", "can my gp prescribe"
    ("maybe ask about sertraline at my next appointment", "sertraline", "hypothetical", "patient"),
    ("is physiotherapy worth it for a frozen shoulder?", "physiotherapy", "hypothetical", "patient"),
    ("can my gp prescribe the coil?", "coil", "hypothetical", "patient"),
    # ... "off" a drink or drug, "off the table", "instead of starting"
    ("two weeks off coffee and the palpitations are better", "coffee", "negated", "patient"),
    ("ibuprofen is off the table because of my kidneys", "ibuprofen", "negated", "patient"),
    ("the gp wants to recheck in a month instead of starting statins", "statins", "negated", "patient"),
    # ... "likely to need" a treatment, "does that mean the X is back", school years, an episode "gone now"
    ("am i more likely to need a caesarean this time?", "caesarean", "hypothetical", "patient"),
    ("his psa went up again, does that mean the cancer is back?", "cancer", "possible", "patient"),
    ("i had measles in primary school", "measles", "historical", "patient"),
    ("finished a week of antibiotics for a chest infection that's gone now", "chest infection", "historical",
     "patient"),
    ("Psoriasis can start at any age.", "psoriasis", "generic", "none"),
    ("can i get shingles at any age?", "shingles", "hypothetical", "patient"),
    # Round 11 (batch 12). A copula question whose bare subject takes a predicate of relation, cause, spread or harm
    # asks in general ("is X linked to Y?"); a personal word or "this" keeps it the asker's.
    ("my knees ache a lot, is gout linked to kidney stones?", "gout", "generic", "none"),
    ("my knees ache a lot, is gout linked to kidney stones?", "kidney stones", "generic", "none"),
    ("is vitiligo caused by stress or is it genetic?", "vitiligo", "generic", "none"),
    ("are antihistamines safe for toddlers?", "antihistamines", "generic", "none"),
    ("is scarlet fever dangerous for newborns?", "scarlet fever", "generic", "none"),
    ("is my eczema linked to my diet?", "eczema", "present", "patient"),
    ("is this rash caused by stress?", "rash", "possible", "patient"),
    # ... "a link between", "connection between": asked of both in general
    ("are statins known to cause muscle pain?", "muscle pain", "generic", "none"),
    ("is melatonin any good for jet lag?", "melatonin", "generic", "none"),
    ("is acupuncture proven to help migraines?", "acupuncture", "generic", "none"),
    ("is there a link between eczema and asthma?", "asthma", "generic", "none"),
    ("any connection between migraines and endometriosis?", "endometriosis", "generic", "none"),
    ("is there a link between my migraines and the pill?", "migraines", "present", "patient"),
    # ... most or many of a group, non-smokers, people taking a drug
    ("do many teenagers get migraines?", "migraines", "generic", "none"),
    ("can non smokers get copd?", "copd", "generic", "none"),
    ("Nosebleeds happen more often in people taking warfarin.", "warfarin", "generic", "none"),
    # ... the conjunct of a generic mention shares its status past the cue's scope
    ("People with coeliac disease absorb iron poorly for years, and anaemia and osteoporosis are common.",
     "osteoporosis", "generic", "none"),
    # ... a yes/no question opening with its auxiliary ("can a", "does a") speaks to anyone: its "you" after the
    # mention is impersonal; a "your" before it stays the asker's
    ("can a peanut allergy get worse if you keep eating traces of nuts?", "peanut allergy", "generic", "none"),
    ("can a doctor see your tonsillitis on video?", "tonsillitis", "present", "patient"),
    # A complaint "gone" or "lifted" right after it is over; what has "gone down" is still there
    ("two weeks off dairy and the bloating gone, skin clearer too", "bloating", "historical", "patient"),
    ("the headache lifted after a nap", "headache", "historical", "patient"),
    ("my ankle swelling has gone down a bit but not completely", "ankle swelling", "present", "patient"),
    ("I had hernia surgery, pain hasn’t gone away?", "pain", "present", "patient"),
    # A modal question about what something will give or make someone names an effect that may come; "can" asked of
    # a subject and object nobody owns is general; the asker's habitual effect stays present
    ("will the iron tablets give me constipation?", "constipation", "hypothetical", "patient"),
    ("could the new inhaler make me shaky?", "shaky", "hypothetical", "patient"),
    ("can heavy lifting cause a hernia?", "hernia", "generic", "none"),
    ("the tablets give me headaches every day", "headaches", "present", "patient"),
    ("can my diet cause acne?", "acne", "present", "patient"),
    ("Will any of these medications cause this tingling sensation?", "tingling", "present", "patient"),
    ("does cold weather really make arthritis worse?", "arthritis", "generic", "none"),
    # An emoji closes the clause before a question, with its variation selector or skin tone after it too
    ("my back is killing me 😩 can sciatica last for months?", "sciatica", "generic", "none"),
    ("my back is killing me ❤️ can sciatica last for months?", "sciatica", "generic", "none"),
    ("my back is killing me 👍🏽 can sciatica last for months?", "sciatica", "generic", "none"),
    ("Do make sure the rash is checked by a doctor.", "rash", "present", "patient"),
    # A comma that joins no list items (no entity right before it or right after it) ends a negation's reach
    ("the antibiotics arent doing much, yellow phlegm for a week now", "yellow phlegm", "present", "patient"),
    ("they said its not appendicitis, sent me home with paracetamol", "paracetamol", "present", "patient"),
    ("i havent had a migraine in months, on propranolol since march", "propranolol", "present", "patient"),
    ("no fever, cough or chills", "chills", "negated", "patient"),
    # ... an article may open the next item of a verbal negation's list
    ("i dont have a fever, a cough or a sore throat", "cough", "negated", "patient"),
    ("i dont have a fever, a cough or a sore throat", "sore throat", "negated", "patient"),
    ("she doesnt have a rash, a fever or diarrhoea", "diarrhoea", "negated", "patient"),
    # ... but not after a negation that takes a list, where an item the NER does not know sits before the
    # comma (clinical notes: "HA", "guarding", "JVD", "stridor at rest")
    ("Denies HA, blurred vision, or RUQ pain.", "blurred vision", "negated", "patient"),
    ("Absence of tenderness, guarding, and rigidity.", "rigidity", "negated", "patient"),
    ("No stridor at rest, drooling or retractions.", "drooling", "negated", "patient"),
    ("Exam without JVD, murmur, or peripheral edema.", "peripheral edema", "negated", "patient"),
    # What an episode went down or got better with was a course that ended; what a condition may turn into, or
    # someone is likely to get, may come (of a bare subject, asked with "can", it is general)
    ("the swelling went down with ibuprofen after a week", "ibuprofen", "historical", "patient"),
    ("i had a bad back once that got better with physio", "bad back", "historical", "patient"),
    ("could this cough turn into pneumonia?", "pneumonia", "hypothetical", "patient"),
    ("am i more likely to get gestational diabetes this time?", "gestational diabetes", "hypothetical", "patient"),
    ("can they turn into skin cancer?", "skin cancer", "generic", "none"),
    # What a finding "on its own" does not mean is said in general
    ("Snoring on its own does not mean sleep apnoea.", "sleep apnoea", "generic", "none"),
    ("Hair loss by itself is not a sign of thyroid disease.", "hair loss", "generic", "none"),
    ("my headache went away on its own", "headache", "historical", "patient"),
    # More general verbs after a bare subject: damages, prevents, protects, improves, requires ...
    ("Untreated sleep apnoea damages the heart over time.", "sleep apnoea", "generic", "none"),
    # An emoji closes what came before: a yes/no question after it opens its own clause
    ("my back is killing me 😩 can sciatica last for months?", "sciatica", "generic", "none"),
    # "since your X is ...": "since" means "because", X is there now; "since the flu last month" dates a course
    ("Since your eczema is flaring again, I would restart the steroid cream.", "eczema", "present", "patient"),
    ("since my asthma is well controlled can i stop the inhaler?", "asthma", "present", "patient"),
    ("ive had a cough since the flu last month", "flu", "historical", "patient"),
    # A bare subject's relative clause has a verb of its own: the general verb is the one after it
    ("Nosebleeds that come and go in children are usually harmless.", "nosebleeds", "generic", "none"),
    # A second question about the same generic subject ("and does it ...") asks in general too, unless personal
    ("is impetigo contagious and does it always need antibiotic cream?", "antibiotic cream", "generic", "none"),
    ("is eczema contagious and is it linked to my asthma?", "asthma", "possible", "patient"),
    # "maybe" right before a test, drug or treatment names a step that may come; an amount is no step
    ("the gp is sending me for bloods and maybe an ultrasound", "ultrasound", "hypothetical", "patient"),
    ("maybe try cetirizine instead?", "cetirizine", "hypothetical", "patient"),
    ("i barely drink, maybe a glass of wine a week", "wine", "present", "patient"),
    # An alternative ("or a/an") to a hedged diagnosis is hedged too
    ("This is most likely a viral rash or an allergic reaction to the new soap.", "allergic reaction", "possible",
     "patient"),
    # Whether a condition will "come back" may come; what "has come back" is there; "X is most likely," hedges X
    ("will the migraines come back once i stop the propranolol?", "migraines", "hypothetical", "patient"),
    ("my eczema has come back on my hands", "eczema", "present", "patient"),
    # ... only after a modal or "if": in a habitual present it is there
    ("my migraines come back every time i stop the propranolol", "migraines", "present", "patient"),
    ("i worry that if my eczema comes back i will need steroids", "eczema", "hypothetical", "patient"),
    # A yes/no question asks whether a complaint is gone; a statement tells it is over
    ("is the fever gone?", "fever", "present", "patient"),
    ("has the rash gone?", "rash", "present", "patient"),
    ("reflux gone, bloating gone", "bloating", "historical", "patient"),
    ("he didn't think it was cancerous, just to come back for a check up in 6 months", "cancerous", "possible",
     "patient"),
    ("the hospital says shingles is most likely, but they want to swab it", "shingles", "possible", "patient"),
    # "its been fine since": the calm is dated, the past episode stays over
    ("had my gallbladder out in 2019 and its been fine since", "gallbladder out", "historical", "patient"),
]


@pytest.mark.parametrize("text,entity,assertion,experiencer", CASES, ids=[f"{c[0][:40]}|{c[1]}" for c in CASES])
def test_status_and_experiencer(nlp, text, entity, assertion, experiencer):
    ent = _ent(nlp(text), entity)
    assert (ent._.assertion, ent._.experiencer) == (assertion, experiencer), ent._.assertion_cue


def test_every_decided_status_names_its_cue(nlp):
    doc = nlp("What are the symptoms of diabetes? I had chickenpox as a child. My sister has epilepsy. "
              "Could this be ALS? If the pain gets worse, call. No fever.")
    for ent in doc.ents:
        if ent._.assertion != "present":
            assert ent._.assertion_cue, (ent.text, ent._.assertion)
    assert _ent(doc, "diabetes")._.assertion_cue == "what are the symptoms of"
    assert _ent(doc, "epilepsy")._.assertion_cue == "sister"


def test_an_asked_effect_names_its_modal_and_verb(nlp):
    assert _ent(nlp("could the new inhaler make me shaky?"), "shaky")._.assertion_cue == "could ... make"
    assert _ent(nlp("can heavy lifting cause a hernia?"), "hernia")._.assertion_cue == "can ... cause"
    assert _ent(nlp("does cold weather really make arthritis worse?"), "arthritis")._.assertion_cue == "does ... make"


def test_seed_page_question_is_generic_and_atrophy_stays_negated(nlp, seed_text):
    doc = nlp(seed_text)
    als_question = [e for e in doc.ents if "progression" in e.sent.text.lower() and "typically rapid" in e.sent.text.lower()]
    assert als_question and all(e._.assertion == "generic" and e._.experiencer == "none" for e in als_question)
    sentence = [e for e in doc.ents if "noticed further" in e.sent.text.lower()]
    assert {e.text.lower(): e._.assertion for e in sentence if e.text.lower() != "fatigue"} == {
        "atrophy": "negated", "weakness": "negated"}
    # "Over the past six years, I have experienced ... fatigue": ongoing, so present.
    assert {e._.assertion for e in sentence if e.text.lower() == "fatigue"} == {"present"}


# ConText's home ground: clinical-note sentences keep their NegEx/ConText readings.
CLINICAL = [
    ("Patient denies chest pain.", "chest pain", "negated"),
    ("Denies nausea, vomiting, or diarrhea.", "diarrhea", "negated"),
    ("No evidence of pneumonia.", "pneumonia", "negated"),
    ("MI was ruled out.", "mi", "negated"),
    ("Ruled out for pulmonary embolism.", "pulmonary embolism", "negated"),
    ("No cough, fever, and chills.", "chills", "negated"),
    ("Negative for hematuria.", "hematuria", "negated"),
    ("The patient is free of seizures.", "seizures", "negated"),
    ("Without fever.", "fever", "negated"),
    ("Absence of edema.", "edema", "negated"),
    ("Chest x-ray was negative for pneumonia.", "pneumonia", "negated"),
    ("No change in rash.", "rash", "present"),
    ("Not only headache but also nausea.", "headache", "present"),
    ("Patient reports headache.", "headache", "present"),
    ("No fever but has a productive cough.", "cough", "present"),
    ("History of asthma as a child.", "asthma", "historical"),
    ("Family history of diabetes.", "diabetes", "family"),
    ("Possible pneumonia.", "pneumonia", "possible"),
]


@pytest.mark.parametrize("text,entity,assertion", CLINICAL, ids=[f"{c[0][:40]}|{c[1]}" for c in CLINICAL])
def test_clinical_note_sentences_keep_their_context_reading(nlp, text, entity, assertion):
    ent = _ent(nlp(text), entity)
    assert ent._.assertion == assertion, ent._.assertion_cue


def test_rule_placeholders_expand_to_years_months_and_groups():
    from qatext.ner.context_rules import load_rules

    phrases = {rule.phrase for rule in load_rules()}
    assert {"in 1999", "in 2015", "in 2030", "in january", "in december", "since 2020"} <= phrases
    assert {"do kids", "can grown adults", "should pregnant women", "is a kid"} <= phrases
    assert not any("<" in phrase for phrase in phrases)


LONG = " ".join(["no headache or fever, could this be migraine if my mother had cancer years ago"] * 700)
HOSTILE = ["no no no", "no no no pain no", "maybe maybe maybe ms??", "if if if the swelling comes back",
           "never ever had asthma in my life never", "NO FEVER NO COUGH NOT ANYMORE", "what is is is is what",
           "my my my my mother mother had had", "people with people with", "anymore anymore fever anymore",
           "since since since headache", "(", "", "   \n\n", LONG]


@pytest.mark.parametrize("text", HOSTILE, ids=[t[:30] or "empty" for t in HOSTILE])
def test_hostile_text_gives_every_entity_a_status(nlp, text):
    doc = nlp(text)
    for ent in doc.ents:
        assert ent._.assertion in ASSERTIONS and ent._.experiencer in EXPERIENCERS
    if text is LONG:
        assert len(doc) > 10_000 and len(doc.ents) > 1000
        # One 10,000-token sentence: cues still reach only their own neighbours.
        assert {e._.assertion for e in doc.ents if e.text == "headache"} == {"negated"}
        assert {e._.assertion for e in doc.ents if e.text == "cancer"} == {"family"}


TRIGGER_WORDS = ["no", "not", "n't", "nt", "my", "mother", "sister", "friend", "i", "have", "had", "if", "what", "is",
                 "are", "the", "symptoms", "of", "people", "with", "usually", "anymore", "since", "started", "years",
                 "ago", "fever", "headache", "asthma", "lexapro", "MRI", "?", ".", ",", "\n", "could", "this", "be"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(TRIGGER_WORDS), max_size=80))
def test_any_mix_of_triggers_gives_valid_statuses_and_a_cue_when_not_present(nlp, words):
    doc = nlp(" ".join(words))
    for ent in doc.ents:
        assert ent._.assertion in ASSERTIONS
        assert ent._.experiencer in EXPERIENCERS
        assert (ent._.experiencer == "none") == (ent._.assertion == "generic")
        if ent._.assertion == "family":
            assert ent._.experiencer == "relative"


def test_evaluate_ner_reports_assertion_and_experiencer(tmp_path):
    import json

    from typer.testing import CliRunner

    from qatext.cli import app
    from qatext.ner.evaluate import evaluate_all

    text = "No fever. My sister has epilepsy. What are the symptoms of diabetes?"
    def span(word, label, assertion, experiencer):
        start = text.index(word)
        return {"start": start, "end": start + len(word), "label": label, "assertion": assertion,
                "experiencer": experiencer}
    record = {"id": "q001", "kind": "patient", "text": text, "entities": [
        span("fever", "SYMPTOM", "negated", "patient"), span("epilepsy", "DISEASE", "family", "relative"),
        span("diabetes", "DISEASE", "present", "patient"),  # deliberately wrong gold: the system says generic
        {"start": 0, "end": 2, "label": "SYMPTOM", "assertion": "present", "experiencer": "patient"}]}  # "No": missed
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    table = evaluate_all(gold).assertion
    strict = table[table["matching"] == "strict"].set_index(["measure", "group"])
    assert strict.loc[("coverage", "all"), ["n", "tp", "fn"]].tolist() == [4, 3, 1]
    assert strict.loc[("accuracy", "all"), "value"] == round(2 / 3, 4)
    assert strict.loc[("status", "present"), ["tp", "fn"]].tolist() == [0, 1]
    assert strict.loc[("status", "generic"), ["tp", "fp"]].tolist() == [0, 1]
    assert strict.loc[("experiencer", "all"), "value"] == round(2 / 3, 4)
    result = CliRunner().invoke(app, ["evaluate", "ner", str(gold)])
    assert result.exit_code == 0, result.output
    assert "assertion, strict matching" in result.output and "experiencer" in result.output
    as_json = json.loads(CliRunner().invoke(app, ["evaluate", "ner", str(gold), "--json"]).output)
    assert set(as_json) == {"entities", "assertion"}
    nothing = CliRunner().invoke(app, ["evaluate", "ner", str(gold), "--ids", "r.*"])
    assert nothing.exit_code == 2 and "no gold record id" in " ".join(nothing.output.replace("│", " ").split())


def test_status_model_training_with_exclude_needs_out(capsys):
    # A model trained without some gold must not overwrite the shipped one: --exclude without --out is refused
    # before anything is loaded or written.
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "scripts" / "train_status_model.py"
    spec = importlib.util.spec_from_file_location("train_status_model", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    with pytest.raises(SystemExit) as exit_info:
        module.main(["--exclude", r"q6\d\d"])
    assert exit_info.value.code == 2 and "--exclude needs --out" in capsys.readouterr().err
