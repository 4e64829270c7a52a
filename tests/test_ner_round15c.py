"""Round 15c: bare words that are a complaint in their context, names and short forms, and the spurious ones
(issue 11).

Each group has sentences where the word is an entity and sentences in the same words that name none (the
precision guards of the brief).
"""
from __future__ import annotations

import pytest


def ents(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents]


def texts(nlp, text):
    return [e.text for e in nlp(text).ents]


# --- 1. bare words made a complaint by their frame and context -----------------------------------------
@pytest.mark.parametrize("text, span, label", [
    # a temperature a person has, or a fever reading of theirs
    ("my son had a temp all weekend and now a rash", "temp", "SYMPTOM"),
    ("shes been running a temperature since the jab", "temperature", "SYMPTOM"),
    ("she woke with a temp of 39.1 so i gave calpol", "temp", "SYMPTOM"),
    ("i woke up with a temperature of 38.9 and shaking", "temperature", "SYMPTOM"),
    # flares of a known disease, as a noun
    ("with lupus my flares last about a week each", "flares", "DISEASE"),
    ("since starting humira for crohns i have had no flares at all", "flares", "DISEASE"),
    ("my psoriasis is fine between flares but the flares are brutal", "flares", "DISEASE"),
    # blood passed or wiped, once the toilet is in the story
    ("been on the loo all morning and theres blood when i wipe", "blood", "SYMPTOM"),
    ("coughing all night and some blood in the tissue this morning", "blood", "SYMPTOM"),
    ("the urine dip was clear but i still see blood every few days", "blood", "SYMPTOM"),
    # clots in a heavy period
    ("my periods are heavier since the coil and im passing clots", "clots", "SYMPTOM"),
    ("heavy bleeding for 8 days and big clots on day 2", "clots", "SYMPTOM"),
    ("flooding through pads, clots and cramps every month", "clots", "SYMPTOM"),
    # wax in an ear
    ("my ear feels blocked and the nurse said its full of wax", "wax", "SYMPTOM"),
    ("hearing is muffled on the left, could it be hard wax?", "wax", "SYMPTOM"),
    ("the pharmacist looked in my ears and saw lots of wax", "wax", "SYMPTOM"),
    # falls of a person
    ("my dad has had several falls this year and bruises easily", "falls", "SYMPTOM"),
    ("she had two falls last month on the new blood pressure tablets", "falls", "SYMPTOM"),
    ("his falls are getting more frequent since the parkinsons started", "falls", "SYMPTOM"),
    # a tear of the retina or of a joint
    ("sudden flashes and floaters, the optometrist found a small tear and sent me to eye casualty", "tear",
     "DISEASE"),
    ("the mri of my knee showed a partial tear in the meniscus", "tear", "DISEASE"),
    ("shoulder still weak after the fall, the scan showed a tear in the rotator cuff", "tear", "DISEASE"),
    # the worrying as the complaint
    ("the sertraline helps but my worrying keeps me up at night", "worrying", "SYMPTOM"),
    ("since the divorce the worrying never stops and i cant eat", "worrying", "SYMPTOM"),
    ("the constant worrying is wearing me out", "worrying", "SYMPTOM"),
    # "been sick" as vomiting (round 34: the copula outside, as the gold has it: "been [sick]")
    ("the baby has been sick twice after feeds today", "sick", "SYMPTOM"),
    ("he has been sick 3 times since lunch and wont drink", "sick", "SYMPTOM"),
    ("ive been sick in the night after the new tablets", "sick", "SYMPTOM"),
    # findings denied of a body part
    ("the skin around the mole isnt itchy or sore", "itchy", "SYMPTOM"),
    ("the rash is on her arm but the joint is not swollen", "swollen", "SYMPTOM"),
    ("my scalp isn't red or scaly, just bald patches", "red", "SYMPTOM"),
])
def test_bare_words_in_context(nlp, text, span, label):
    # the word itself, or a longer span of the same label that another rule drew around it ("passing clots")
    assert any(span in found and found_label == label for found, found_label in ents(nlp, text)), (text, ents(nlp, text))


@pytest.mark.parametrize("text, word", [
    ("im working as a temp at the hospital until march", "temp"),
    ("take his temperature every 4 hours and write it down", "temperature"),
    ("the temperature outside was 38 so we stayed in", "temperature"),
    ("the solar flares were on the news last night", "flares"),
    ("my eczema flares up when it gets cold", "flares"),
    ("i gave blood yesterday and felt faint", "blood"),
    ("he cant stand the sight of blood", "blood"),
    ("my blood is thin on warfarin", "blood"),
    ("the pill raises the risk of clots so i stopped it", "clots"),
    ("candle wax on the carpet, how do i get it off", "wax"),
    ("i had a leg wax and now red bumps", "wax"),
    ("she falls asleep on the sofa every evening", "falls"),
    ("we visited niagara falls last summer", "falls"),
    ("it falls on a monday this year", "falls"),
    ("i shed a tear at the wedding, my eyes are fine", "tear"),
    ("a tear rolled down her cheek during the eye test", "tear"),
    ("wear and tear in my knee the doctor said", "tear"),
    ("its worrying that the lump is still there", "worrying"),
    ("a worrying sign is weight loss", "worrying"),
    ("im worrying myself sick over nothing", "worrying"),
    ("ive been sick of this pain for years", "sick"),
    ("he has been sick with flu all week", "sick"),
    ("the car isnt red or blue", "red"),
])
def test_bare_words_stay_everyday(nlp, text, word):
    assert not any(word in e for e in texts(nlp, text)), (text, ents(nlp, text))


def test_clots_in_a_body_part_are_no_period_clots(nlp):
    """Beside a period story, clots located in a part are that part's finding (round 15a's located findings,
    a DISEASE), not the bare word's heavy-period clots."""
    found = ents(nlp, "i had clots in my lungs after surgery, do my periods matter?")
    assert ("clots in my lungs", "DISEASE") in found and not any(text == "clots" for text, _ in found), found


def test_denied_findings_drop_the_subject_body_part(nlp):
    found = ents(nlp, "a bald patch on her head, the skin there isnt red or flaky")
    assert ("red", "SYMPTOM") in found and ("flaky", "SYMPTOM") in found
    assert ("skin", "ANATOMY") not in found


# --- 2. multiword names and short forms -------------------------------------------------------------
@pytest.mark.parametrize("text, span, label", [
    ("audiologist thinks its noise induced hearing loss from the factory", "noise induced hearing loss", "DISEASE"),
    ("the shingles went but the post herpetic neuralgia is awful", "post herpetic neuralgia", "DISEASE"),
    ("urologist says chronic pelvic pain syndrome, not an infection", "chronic pelvic pain syndrome", "DISEASE"),
    ("the gp said constipation with overflow, not a bug", "constipation with overflow", "SYMPTOM"),
    ("picked up travelers diarrhea in mexico, day 4 now", "travelers diarrhea", "DISEASE"),
    ("the fibro fog is worse than the pain some days", "fibro fog", "SYMPTOM"),
    ("lamotrigine calmed the manic highs but not the lows", "manic highs", "SYMPTOM"),
    ("the scan showed a simple cyst, nothing to worry about", "simple cyst", "DISEASE"),
    ("she was admitted with pyelo last year", "pyelo", "DISEASE"),
    ("optician saw a retinal tear and sent me to the eye hospital", "retinal tear", "DISEASE"),
    ("theres a new floater in my vision since yesterday", "floater in my vision", "SYMPTOM"),
    ("will the floater go away? the optician says my retina is fine", "floater", "SYMPTOM"),
    ("health visitor thinks its PND, baby is 10 weeks and i cry every day", "PND", "DISEASE"),
])
def test_names_and_short_forms(nlp, text, span, label):
    assert (span, label) in ents(nlp, text), (text, ents(nlp, text))


@pytest.mark.parametrize("text", [
    "our PND meeting is on friday at the office",
    "the floater on the ward covered for the nurse",
])
def test_short_forms_stay_words(nlp, text):
    assert not any(e in ("PND", "floater") for e in texts(nlp, text)), (text, ents(nlp, text))


def test_pnd_in_a_sinus_story_is_the_drip(nlp):
    assert ("PND", "SYMPTOM") in ents(nlp, "sinus surgery didnt fix the PND, still clearing my throat and coughing")


# --- 3. spurious: short forms and words in their other senses ----------------------------------------
@pytest.mark.parametrize("text, word", [
    ("GP drew round the rash with a pen to see if it spreads", "GP"),
    ("GP listened to my chest and said its viral", "GP"),
    ("i was in ED overnight with chest pain", "ED"),
    ("spent 6 hours at ED yesterday with my son", "ED"),
    ("she made the PE netball squad this term", "PE"),
    ("he forgot his PE shorts again", "PE"),
    ("x-ray at minor injuries was clear", "minor injuries"),
    ("they sent me to minor injuries for the cut", "minor injuries"),
    ("the pain clinic wants me to try acupuncture", "pain"),
    ("referred to the diabetes clinic in june", "diabetes"),
    ("the stroke unit was lovely to my mum", "stroke"),
    ("my heart failure nurse changed the dose", "heart failure"),
    ("i drink 3 glasses of water a day", "glasses"),
    ("two glasses of wine and i get a migraine", "glasses"),
    ("a cup of coffee in the morning, no more", "cup"),
    ("this insurance form is doing my head in", "head"),
    ("the neighbours are doing her head in", "head"),
    ("honestly the best man's speech was the real pain tbh", "pain"),
    ("my wife says im being paranoid about the lump", "paranoid"),
    ("am i just being paranoid?", "paranoid"),
])
def test_other_senses_are_no_entity(nlp, text, word):
    assert word not in texts(nlp, text), (text, ents(nlp, text))


@pytest.mark.parametrize("text, span", [
    ("GP thinks the gastroparesis is flaring, nausea and vomiting all week", "gastroparesis"),
    ("finasteride is linked to ED in a few men", "ED"),
    ("on eliquis since the PE in march", "PE"),
    ("i have had minor injuries from the falls", "minor injuries"),
    ("the pain in my clinic shoulder", "pain"),
    ("new glasses didnt fix the headaches", "glasses"),
    ("my head in the mornings is pounding", "head"),
    ("ive felt paranoid for weeks since starting the steroids", "paranoid"),
    ("the real pain is in my lower back", "pain"),
])
def test_medical_senses_stay(nlp, text, span):
    assert span in texts(nlp, text), (text, ents(nlp, text))


# --- tapering is no TREATMENT (GUIDELINES: the gold annotates no taper, titration or weaning) -----------
@pytest.mark.parametrize("text", [
    "my psych wants a slow taper off the venlafaxine over 3 months",
    "tapering the prednisone from 40 to 5 and the joint pain is back",
    "we are titrating the lamotrigine up slowly",
])
def test_tapers_are_no_treatment(nlp, text):
    assert not [e for e in nlp(text).ents if e.label_ == "TREATMENT"], (text, ents(nlp, text))


# --- 4. DRUG/TEST/TREATMENT bare words of a story: sugars, Monster, tubes, fibre -----------------------------
@pytest.mark.parametrize("text, span, label", [
    ("type 1 for 20 years and my sugars are all over the place since the flu", "sugars", "TEST"),
    ("on insulin now, bedtime sugars still running at 14", "sugars", "TEST"),
    ("the nurse checked my sugar before the metformin review", "sugar", "TEST"),
    ("my lad drinks two monsters a day and cant sleep", "monsters", "DRUG"),
    ("i had a monster before the gym and my heart was racing", "monster", "DRUG"),
    ("quit coffee but still have a monster at lunch", "monster", "DRUG"),
    ("after the 4th ear infection the ENT wants to put tubes in", "tubes", "TREATMENT"),
    ("she had tubes at 18 months and the ear infections stopped", "tubes", "TREATMENT"),
    ("glue ear again, the surgeon mentioned tubes or a hearing aid", "tubes", "TREATMENT"),
    ("the gastro said to add fibre and drink more water", "fibre", "DRUG"),
    ("taking fiber daily has helped the piles", "fiber", "DRUG"),
    ("more fibre and less cheese fixed the constipation", "fibre", "DRUG"),
])
def test_story_words_as_drug_test_treatment(nlp, text, span, label):
    assert (span, label) in ents(nlp, text), (text, ents(nlp, text))


@pytest.mark.parametrize("text, word", [
    ("type 2 here, i cut out sugar and bread completely", "sugar"),
    ("diabetic friendly cake with no added sugar", "sugar"),
    ("is sugar free squash ok on metformin?", "sugar"),
    ("woke up with a monster headache after the party", "monster"),
    ("the monster under his bed keeps him awake", "monster"),
    ("cookie monster is his favourite", "monster"),
    ("they put a camera down the tubes to look at my ears", "tubes"),
    ("my fallopian tubes are blocked, is that why no baby?", "tubes"),
    ("two tubes of cream for the ear rash", "tubes"),
    ("we got fiber broadband and the headaches got worse", "fiber"),
    ("muscle fibre damage on the mri", "fibre"),
    ("fibre optic camera for the scope", "fibre"),
])
def test_story_words_stay_words(nlp, text, word):
    assert word not in texts(nlp, text), (text, ents(nlp, text))


@pytest.mark.parametrize("text, concept", [
    ("my wee has been pink and theres blood at the end", "HP:0000790"),
    ("coughing for weeks and some blood with the phlegm", "HP:0002105"),
    ("on the loo all morning with diarrhoea and blood every time", "HP:0002573"),
])
def test_blood_takes_the_concept_of_where_it_came_from(nlp, text, concept):
    found = [e._.concept_id for e in nlp(text).ents if "blood" in e.text and e.label_ == "SYMPTOM"]
    assert concept in found, (text, ents(nlp, text))


# --- bare "fasting" is a state (test preparation, a religious fast), no TEST or TREATMENT of its own --------------
@pytest.mark.parametrize("text", [
    "is it safe to keep taking it while fasting for ramadan?",
    "he wants to repeat the bloods fasting next week",
    "i do 16:8 fasting most days",
])
def test_bare_fasting_is_no_entity(nlp, text):
    assert "fasting" not in texts(nlp, text), (text, ents(nlp, text))


@pytest.mark.parametrize("text, span", [
    ("my fasting glucose was 6.8 last month", "fasting glucose"),
    ("the fasting lipid panel came back high", "fasting lipid panel"),
    ("doc suggested intermittent fasting for the weight", "intermittent fasting"),
])
def test_fasting_tests_and_diets_stay(nlp, text, span):
    assert span in texts(nlp, text), (text, ents(nlp, text))


def test_a_floater_takes_the_eye_named_after_it(nlp):
    found = ents(nlp, "the optician saw my retina was fine but theres a floater in my left eye since monday")
    assert ("floater in my left eye", "SYMPTOM") in found and ("left eye", "ANATOMY") not in found


def test_a_lesion_keeps_its_site_when_its_findings_are_denied(nlp):
    found = texts(nlp, "stood on a nail, the cut on my foot isnt red or swollen")
    assert "red" in found and "swollen" in found
    assert "red" not in texts(nlp, "the car on my drive isnt red or blue")


# --- substances handled or compared with, not taken (GUIDELINES section 3) ------------------------------------------
@pytest.mark.parametrize("text, word", [
    ("since covid i cant smell coffee at all", "coffee"),
    ("the tremor is worst when i pour tea for the grandkids", "tea"),
    ("i spilt wine all over the carpet when my hand jerked", "wine"),
    ("the coffee brewing makes me gag now im pregnant", "coffee"),
    ("the tablets made me wobbly like id had 4 pints of beer", "beer"),
    ("slurring my words like ive had three vodkas", "vodkas"),
    ("the kidney stone analysis said calcium oxalate", "calcium oxalate"),
])
def test_substances_not_taken(nlp, text, word):
    assert word not in texts(nlp, text), (text, ents(nlp, text))


@pytest.mark.parametrize("text, word", [
    ("i had 3 beers last night and woke with a migraine", "beers"),
    ("i poured myself a glass of wine to get to sleep", "wine"),
    ("i like coffee but it gives me palpitations", "coffee"),
    ("i smell terrible after the garlic, and i drink coffee all day", "coffee"),
])
def test_substances_taken_stay(nlp, text, word):
    assert word in texts(nlp, text), (text, ents(nlp, text))


# --- 5. more bare words of a story: relapses, the voices, the purge, the crash, a diabetic's lows --------------
@pytest.mark.parametrize("text, span, label", [
    ("MS for 6 years on tysabri, my left leg is numb again, is it a new relapse?", "relapse", "DISEASE"),
    ("with lupus i had a relapse last year despite the plaquenil", "relapse", "DISEASE"),
    ("my RRMS is stable but the heat gives me a pseudo-relapse every summer", "pseudo-relapse", "DISEASE"),
    ("on risperidone for psychosis and the voices have stopped", "voices", "SYMPTOM"),
    ("schizophrenia, clozapine 300: the voices are still there at night", "voices", "SYMPTOM"),
    ("paranoid for months before the seroquel, now the voices are quieter", "voices", "SYMPTOM"),
    ("started differin and the purge is brutal on my chin", "purge", "SYMPTOM"),
    ("retinol week 2, is this the purge or a reaction?", "purge", "SYMPTOM"),
    ("accutane month 1 and my purge is finally calming", "purge", "SYMPTOM"),
    ("vyvanse is great until 4pm then the crash makes me snappy", "crash", "SYMPTOM"),
    ("ritalin works but the crash in the evening is awful", "crash", "SYMPTOM"),
    ("caffeine pills get me through the shift but the crash after is rough", "crash", "SYMPTOM"),
    ("type 1 here, had a low of 2.9 overnight and woke drenched", "low", "SYMPTOM"),
    ("since the new insulin im having lows most nights", "lows", "SYMPTOM"),
    ("my libre keeps alarming for lows after the gym, t1d 10 years", "lows", "SYMPTOM"),
])
def test_more_story_words(nlp, text, span, label):
    assert (span, label) in ents(nlp, text), (text, ents(nlp, text))


@pytest.mark.parametrize("text, word", [
    ("the book describes a relapse of the plague in the village", "relapse"),
    ("the voices in the choir were lovely at the christmas service", "voices"),
    ("my schizophrenia is under control; the voices of my kids cheer me up", "voices"),
    ("the purge of old files at work stressed me out", "purge"),
    ("i crashed the car on tuesday and the crash test showed nothing", "crash"),
    ("tretinoin is fine, but the crash of the stock market ruined my week", "crash"),
    ("type 2 on metformin, a low carb diet and a low dose statin", "low"),
    ("the highs and lows of bipolar are exhausting", "lows"),
    ("on insulin since the op, the highs and lows of the recovery wore me out", "lows"),
])
def test_more_story_words_stay_words(nlp, text, word):
    assert word not in texts(nlp, text), (text, ents(nlp, text))


@pytest.mark.parametrize("text, span, label", [
    ("the nurse called it sundowning and her donepezil went up", "sundowning", "SYMPTOM"),
    ("pretty sure its threadworms, the pharmacy sold me mebendazole", "threadworms", "DISEASE"),
    ("swam in lake malawi, the travel clinic thinks bilharzia", "bilharzia", "DISEASE"),
    ("the GP only gives me 7 at a time because of dependence", "dependence", "DISEASE"),
    ("34 weeks pregnant and itchy palms, the midwife mentioned ICP and bile acids", "ICP", "DISEASE"),
    ("28 weeks pregnant, the midwife said SPD and sent me to physio for my pelvis", "SPD", "DISEASE"),
    ("my son has autism and SPD, noises and clothes textures set him off", "SPD", "DISEASE"),
    ("PCOS and IR, the endo added inositol to the metformin", "IR", "DISEASE"),
    ("efudix for the AKs, the dermatologist froze two more", "AKs", "DISEASE"),
])
def test_names_and_short_forms_more(nlp, text, span, label):
    assert (span, label) in ents(nlp, text), (text, ents(nlp, text))


@pytest.mark.parametrize("text, word", [
    ("switched from adderall XR to IR 10mg for the afternoons", "IR"),
    ("the ICP meeting at work ran long", "ICP"),
])
def test_short_forms_other_senses(nlp, text, word):
    assert word not in texts(nlp, text), (text, ents(nlp, text))


# --- 6. a diabetes type said alone, a dose wearing off, and more names ------------------------------------------
@pytest.mark.parametrize("text, span, label", [
    ("my dad has been type 1 since he was 9 and his sugars are awful lately", "type 1", "DISEASE"),
    ("trulicity for my type 2, a1c down to 6.9", "type 2", "DISEASE"),
    ("diagnosed type 2 last spring, metformin gives me the runs", "type 2", "DISEASE"),
    ("the sinemet helps but by 3pm the tremor is back, is that the dose wearing off?", "wearing off", "SYMPTOM"),
    ("his adderall is wearing off by lunch and he melts down", "wearing off", "SYMPTOM"),
    ("the pills are wearing off before the next dose is due", "wearing off", "SYMPTOM"),
    ("the haematologist wants to test for factor V leiden after my clot", "factor V leiden", "DISEASE"),
    ("tick bites last summer and now hives after steak, could it be alpha-gal syndrome?", "alpha-gal syndrome",
     "DISEASE"),
    ("hip pain for months and the mri said labral tear, is surgery the only fix?", "labral tear", "DISEASE"),
])
def test_types_doses_and_names(nlp, text, span, label):
    assert (span, label) in ents(nlp, text), (text, ents(nlp, text))


@pytest.mark.parametrize("text, word", [
    ("the type 2 error rate in the metformin study was high", "type 2"),
    ("which blood type 1 or 2 do they mean on the insulin form? type 1 is my sons school group", "type 1"),
    ("the drowsiness is wearing off after a week on the tablets", "wearing off"),
    ("the numbness from the dentist is wearing off", "wearing off"),
    ("my shoes are wearing off at the heel", "wearing off"),
])
def test_types_and_doses_stay_words(nlp, text, word):
    assert word not in texts(nlp, text), (text, ents(nlp, text))
