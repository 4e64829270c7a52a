"""Round 38: what blind batches 58 and 59 (drug tweets, WebMD-style reviews, Reddit condition-community posts,
member-to-member replies) showed after their scores: chat words at a mention's end, diabetes lows and types said
alone, a stimulant's crash, a pain with the way it goes, "diabetic X", analytes with their results, a drug
review's "Condition:" line, figurative nuisances, and the tests, feeding routes and short names of those
communities.
"""
from __future__ import annotations

import pytest

from conftest import labelled


@pytest.mark.parametrize("text, entity", [
    ("gabapentine has my legs feeling like jelly lol but the burning is better", ("legs feeling like jelly", "SYMPTOM")),
    ("last time i had a full blown panic attack over the atlantic", ("full blown panic attack", "SYMPTOM")),
    ("i had a full-blown panic attack on the bus", ("full-blown panic attack", "SYMPTOM")),
    ("The widespread aching eased maybe 20%", ("widespread aching", "SYMPTOM")),
    ("2am low of 3.1. shaky and sweaty, lantus dose getting cut tmrw #T1D", ("low", "SYMPTOM")),
    ("3am low again, dexcom screaming at 2.8", ("low", "SYMPTOM")),
    ("22 yrs of type one and retinopathy already, my insulin pump helps", ("type one", "DISEASE")),
    ("check your sugar 15 mins later. type 2 for 6 years here and i had 3 hypos", ("type 2", "DISEASE")),
    ("Adderall made me anxious and gave me a hard crash", ("crash", "SYMPTOM")),
    ("i was on the floor with pain shooting down my right leg and vomiting", ("pain shooting down my right leg", "SYMPTOM")),
    ("I have pain spreading to my left arm", ("pain spreading to my left arm", "SYMPTOM")),
    ("i have diabetic gastroparesis and nothing stays down", ("diabetic gastroparesis", "DISEASE")),
    ("i had 4 gout attacks. starting allopurinol can set off flares at first", ("flares", "DISEASE")),
    ("pretty sure im in a hashi flare right now", ("hashi flare", "DISEASE")),
    ("added 10mcg T3 (liothyronine) and the TSH recheck is in 6 weeks", ("T3", "DRUG")),
    ("The ER found my magnesium at 1.1 and gave me a magnesium infusion", ("magnesium", "TEST")),
    ("My doctor checks my magnesium and B12 once a year", ("B12", "TEST")),
    ("sneezing nonstop, itchy streaming eyes, throat is scratchy", ("throat is scratchy", "SYMPTOM")),
    ("it turned out to be a ruptured cyst", ("ruptured cyst", "SYMPTOM")),
    ("the red weepy patches behind her knees", ("red weepy patches behind her knees", "SYMPTOM")),
    ("some spots on my chin, nothing like the pill gave me", ("pill", "DRUG")),
    ("ER doc asked if my vomiting could be cannabis hyperemesis", ("cannabis hyperemesis", "DISEASE")),
    ("bloating so bad i look 6 months pregnant (endo belly is real)", ("endo belly", "SYMPTOM")),
    ("most people with HFrEF feel much better on the right tablets", ("HFrEF", "DISEASE")),
    ("sick day with a stomach bug, checking ketones hourly", ("ketones", "TEST")),
    ("my GI just mentioned TPN if i drop any lower", ("TPN", "TREATMENT")),
])
def test_found_after_batches_58_59(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, surface", [
    ("my blood sugar crept into the diabetic range", "diabetic"),
    ("Sprintec, 8 months. Condition: Birth Control. 2/5.", "Birth Control"),
    ("im wide awake rage-scrolling at 3am", "rage"),
    ("She'll switch me to Aimovig if insurance approves it, which is its own headache.", "headache"),
    ("school marked it as unauthorised absence which is a whole other headache", "headache"),
    ("its miserable for the first 15 mins and then bearable", "miserable"),
    # the same words elsewhere: the new rules must not reach them (the review of round 38)
    ("My ankles swell so I shop for flares instead of skinny jeans.", "flares"),
    ("I drink caffeine every morning. Saw a bad crash on the way to work today, three cars.", "crash"),
    ("Not sure what type of depression this is but I hit another low last week.", "low"),
    ("I had seared ahi tuna for dinner and then my throat swelled up", "ahi"),
])
def test_left_out_after_batches_58_59(nlp, text, surface):
    assert not any(surface in e for e, _ in labelled(nlp, text))


@pytest.mark.parametrize("text, entity", [
    # the same words where they are what they say
    ("I get a whole other headache on the left side", ("headache on the left side", "SYMPTOM")),
    ("this time it was a whole other headache, on the left side and throbbing", ("headache", "SYMPTOM")),
    ("My twins both have covid, they each have their own headache and fever.", ("headache", "SYMPTOM")),
    ("i feel miserable all the time", ("miserable", "SYMPTOM")),
    ("I give my son magnesium at 8 every night and he sleeps better", ("magnesium", "DRUG")),
    ("The medicine for my condition: metformin and lisinopril work well.", ("metformin", "DRUG")),
    ("I finally got T3 and TSH tested, T3 came back low", ("T3", "TEST")),
    ("pain going away after the second dose", ("pain", "SYMPTOM")),
    ("my mum is diabetic headaches are common for her", ("headaches", "SYMPTOM")),
])
def test_kept_after_batches_58_59(nlp, text, entity):
    assert entity in labelled(nlp, text)


def test_a_compared_pill_after_another_pill_is_no_contraceptive(nlp):
    found = labelled(nlp, "My doctor gave me a new blood pressure pill. I feel like the pill makes me dizzy.")
    assert ("pill", "DRUG") not in found


@pytest.mark.parametrize("text, entity", [
    # a path goes on through the parts joined to the first one
    ("Pain running down the back of the leg to the ankle", ("Pain running down the back of the leg to the ankle",
                                                            "SYMPTOM")),
    ("tingling running down my arms and neck", ("tingling running down my arms and neck", "SYMPTOM")),
    # a finite verb opens a clause, and the clinical "radiating" keeps the place out (rule 5)
    ("the pain goes up to my shoulder", ("pain", "SYMPTOM")),
    ("epigastric pain radiating to the back", ("epigastric pain", "SYMPTOM")),
])
def test_pain_paths(nlp, text, entity):
    assert entity in labelled(nlp, text)
