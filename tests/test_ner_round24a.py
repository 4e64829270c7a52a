"""Rounds 24a and 24b: patients' words the rules missed, found by probing lay phrasings and in blind batches 22 and 23 after
their scores: an organ named by its adjective ("gastric problems"), a counted part injured with an article ("pulled a
muscle in my lower back"), any effort or problem word before or after a function ("difficulty with sleeping",
"sleep issue"), a lost ability told with "wasn't able to", hair lost by the handful, drug shorthand (HCQ), a short form
typed in another case ("Pred", "my ra is flaring"), "is no joke" (no
negation), and words in another sense ("gas station", "such a pain 🙄"). Each class has near-misses that stay out.
"""
from __future__ import annotations

import pytest

from conftest import labelled


@pytest.mark.parametrize("text, entity", [
    # an organ or system by its adjective, a function by its noun
    ("so far no gastric problems on it", ("gastric problems", "SYMPTOM")),
    ("my dad has cardiac problems and diabetes", ("cardiac problems", "DISEASE")),
    ("i have had digestive issues for years", ("digestive issues", "SYMPTOM")),
    ("the GI upset settled but i have respiratory problems now", ("respiratory problems", "SYMPTOM")),
    ("she has hearing problems since the meningitis", ("hearing problems", "SYMPTOM")),
    # a part one has many of, injured with an article, and where it is
    ("i pulled a muscle in my lower back moving boxes", ("pulled a muscle in my lower back", "DISEASE")),
    ("he cracked a rib playing rugby", ("cracked a rib", "DISEASE")),
    ("tore a ligament in my knee last year", ("tore a ligament in my knee", "DISEASE")),
    # falls, and falling asleep
    ("my mum keeps falling over and is more confused", ("keeps falling over", "SYMPTOM")),
    ("he falls over a lot more than his friends", ("falls over", "SYMPTOM")),
    ("she keeps falling asleep at her desk", ("keeps falling asleep", "SYMPTOM")),
    # any effort word before a function, any problem word after a complaint
    ("felt tired during the day and difficulty with sleeping", ("difficulty with sleeping", "SYMPTOM")),
    ("more difficulty in reaching orgasm than before", ("difficulty in reaching orgasm", "SYMPTOM")),
    ("Hard time focusing and if I miss a dose look out", ("Hard time focusing", "SYMPTOM")),
    ("the blood pressure issue was enough to stop it", ("blood pressure issue", "DISEASE")),
    ("my sleep issue is worse on it", ("sleep issue", "SYMPTOM")),
    # a lost ability with "wasn't able to"
    ("gained weight, moodswings, wasn't able to sleep at all", ("wasn't able to sleep", "SYMPTOM")),
    ("he wasnt able to walk for a week", ("wasnt able to walk", "SYMPTOM")),
    # hair lost by an amount
    ("i have been losing handfuls of hair in the shower", ("losing handfuls of hair", "SYMPTOM")),
    ("lost a lot of hair the first month", ("lost a lot of hair", "SYMPTOM")),
    # sensations and states in lay words
    ("i get electric shock sensations in my legs", ("electric shock sensations in my legs", "SYMPTOM")),
    ("muscle aches, fluctuating blood pressure, zoned out", ("fluctuating blood pressure", "SYMPTOM")),
    ("the chemo brain has not gone either", ("chemo brain", "SYMPTOM")),
    ("hoarse by 2pm, clearing my throat constantly", ("clearing my throat", "SYMPTOM")),
    ("the rebound acid was insane after stopping", ("rebound acid", "SYMPTOM")),
    ("i was watching tv and my heart did a flip", ("heart did a flip", "SYMPTOM")),
    ("my stream has got weaker and i have to push to pee", ("push to pee", "SYMPTOM")),
    ("getting up to pee at night, a weak flow or blood in your pee?", ("getting up to pee", "SYMPTOM")),
    ("covid positive, lost my taste and smell and coughing", ("lost my taste and smell", "SYMPTOM")),
    ("i feel like i got hit by a bus today", ("feel like i got hit by a bus", "SYMPTOM")),
    ("Reason: skitzophrenia. writing for my brother", ("skitzophrenia", "DISEASE")),
    ("could this be statin myopathy? my CK is normal", ("statin myopathy", "DISEASE")),
    # drug shorthand, release forms
    ("2 yrs on HCQ 300 for my SLE", ("HCQ", "DRUG")),
    ("started hcq and mtx in may", ("hcq", "DRUG")),
    ("my rheum added SSZ to the mix", ("SSZ", "DRUG")),
    ("pdoc suggested adderall IR 5mg at 2pm", ("adderall IR", "DRUG")),
    # a short form in another case than the table's, with its own words for it
    ("Pred makes me hungry and I'm on Pred for my asthma", ("Pred", "DRUG")),
    ("my ra is flaring and methotrexate isnt helping", ("ra", "DISEASE")),
    ("diagnosed with ms in 2019, fatigue is the worst", ("ms", "DISEASE")),
    # the particle after a verb's body object before an emoji or a time
    ("naproxen sorted my gout but tore my stomach up 🔥 heartburn like never before", ("tore my stomach up", "SYMPTOM")),
    ("NSAIDs tore my stomach up years ago", ("tore my stomach up", "SYMPTOM")),
])
def test_found(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, surface", [
    ("our cardiac unit has staffing issues", "cardiac unit has staffing issues"),
    ("she broke the record and i broke a glass", "broke a glass"),
    ("she broke the record and i broke a glass", "broke the record"),
    ("the drug wasn't able to help me", "wasn't able to help"),
    ("it was impossible to get an appointment", "impossible to get an appointment"),
    ("i plan it around every gas station bathroom", "gas"),
    ("gas prices are crazy this month", "gas"),
    ("what a fever dream that film was", "fever"),
    ("that was a rash decision", "rash"),
    ("my landlord is such a pain 🙄 and i have a #migraine", "pain"),
    ("my wife says im a pain to live with because of it", "pain"),
    ("swapped from the copper coil bc my periods were heavy", "bc"),
    ("ms smith said the pt was fine", "ms"),
    ("the ra in our dorm is strict", "ra"),
    ("Dr Graves said my thyroid is fine", "Graves"),
    ("he puffed up his chest and walked in", "puffed up"),
    # found in review: everyday senses the new rules must leave alone
    ("I have a hard time talking to my parents about this", "hard time talking"),
    ("I had problems running the app on my phone", "problems running"),
    ("It's cold and flu season so wash your hands", "cold"),
    ("the weather has been cold and flu is going around", "cold"),
    ("went to gp about my nausea", "gp"),
    ("ic. the pain started after the surgery", "ic"),
    ("ran the latency test at 200 ms and the tingling started", "ms"),
    ("I kept falling behind at work because of the fatigue", "kept falling"),
    ("we were falling over laughing", "falling over"),
    ("The dentist pulled a tooth yesterday", "pulled a tooth"),
    ("Been throwing up severe stomach cramps and diarrhea since Monday", "throwing up severe stomach cramps"),
    ("I have thin skin when it comes to criticism", "thin skin"),
    ("The phone made a ringing sound and woke me up", "ringing sound"),
    ("Stone Roses concert was amazing", "Stone"),
    ("Cash flow is weak this quarter", "flow is weak"),
    ("I lost some nails in the garage", "lost some nails"),
    ("once i forgot it on a trip and threw up all the next day", "threw up all the"),
])
def test_left_out(nlp, text, surface):
    assert surface not in [e for e, _ in labelled(nlp, text)]


@pytest.mark.parametrize("text, entity", [
    ("It's more of a headache than a migraine", ("headache", "SYMPTOM")),
    ("I worry this medication is giving me cancer.", ("cancer", "DISEASE")),
    ("Gas can be really bad on this med", ("Gas", "SYMPTOM")),
    ("My doctors surgery is scheduled for Tuesday on my knee", ("surgery", "TREATMENT")),
    ("Been throwing up severe stomach cramps and diarrhea since Monday", ("severe stomach cramps", "SYMPTOM")),
])
def test_kept_in_everyday_frames(nlp, text, entity):
    assert entity in labelled(nlp, text)


def test_a_bad_gas_stays(nlp):
    assert ("bad gas", "SYMPTOM") in labelled(nlp, "metformin gives me bad gas and a gas station sandwich did not help")


def test_is_no_joke_negates_nothing(nlp):
    ents = {e.text: e._.assertion for e in nlp("this flu is no joke, fever and chills for days.").ents}
    assert ents["fever"] == "present" and ents["chills"] == "present"
    assert {e.text: e._.assertion for e in nlp("no fever, no chills.").ents}["fever"] == "negated"


def test_a_short_form_typed_otherwise_records_its_reading(nlp):
    ra = next(e for e in nlp("my ra is flaring again").ents if e.text == "ra")
    assert (ra.kb_id_, ra._.expanded_by) == ("HP:0001370", "document")


@pytest.mark.parametrize("text, entity", [
    # a cold listed with its fellow complaints, without an article
    ("Initially, I had cold and cough, which now turned into sinus", ("cold", "DISEASE")),
    ("cough, cold and fever since 3 days", ("cold", "DISEASE")),
    ("is this a hormonal imbalance I can cure?", ("hormonal imbalance", "DISEASE")),
    ("can a breathing treatment given before a chest x-ray hide it?", ("breathing treatment", "TREATMENT")),
    ("i constantly hear the high pitched sound in my right ear", ("high pitched sound in my right ear", "SYMPTOM")),
])
def test_found_in_questions(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, surface", [
    ("took cold and flu tablets", "cold"),
    ("i feel cold and tired", "cold"),
    ("the fridge makes a humming noise", "humming noise"),
    ("my wife is a nurse in a GP surgery", "surgery"),
])
def test_left_out_of_questions(nlp, text, surface):
    assert surface not in [e for e, _ in labelled(nlp, text)]


@pytest.mark.parametrize("text, entity", [
    ("felt like i wanted to crawl out of my skin on it", ("felt like i wanted to crawl out of my skin", "SYMPTOM")),
    ("i had feelings of doom every morning", ("feelings of doom", "SYMPTOM")),
    ("feeling like i was going to fall over all day", ("feeling like i was going to fall over", "SYMPTOM")),
])
def test_felt_states_with_what_one_was_about_to_do(nlp, text, entity):
    assert entity in labelled(nlp, text)


# --- round 24c: from blind batches 24 and 25, after their scores ---------------------------------------------------
@pytest.mark.parametrize("text, entity", [
    ("sometimes i cough up white phlegm in the mornings", ("cough up white phlegm", "SYMPTOM")),
    ("i am coughing green phlegm a lot, more than normal", ("coughing green phlegm", "SYMPTOM")),
    ("he is coughing up thick green phlegm at night", ("coughing up thick green phlegm", "SYMPTOM")),
    ("i have had soriasis since my teens", ("soriasis", "DISEASE")),
    ("he had neumonia last winter", ("neumonia", "DISEASE")),
    ("so im on alendronic acid and calcium too", ("calcium", "DRUG")),
    ("i get burning in the pit of my stomach after every dose", ("burning in the pit of my stomach", "SYMPTOM")),
    ("my scalp is flaking onto my work shirt", ("scalp is flaking", "SYMPTOM")),
    ("seroquil 300 for my bi polar", ("bi polar", "DISEASE")),
    ("moon face, skin thinning, bruises on my arms", ("skin thinning", "SYMPTOM")),
    ("i started my mesalamine enemas again", ("mesalamine enemas", "DRUG")),
    ("from day 3 he was confused at night and seeing things", ("confused", "SYMPTOM")),
    ("had 2 glasses of wine. face went bright red, pounding headache", ("face went bright red", "SYMPTOM")),
    ("took an ambien and sleepwalked downstairs", ("sleepwalked", "SYMPTOM")),
    ("muscle cramps in my calves, heart skipping beats at night", ("heart skipping beats", "SYMPTOM")),
    ("so sleepy and mouth like sandpaper too", ("mouth like sandpaper", "SYMPTOM")),
])
def test_found_after_batches_24_and_25(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, surface", [
    ("i dont want weed every night anymore", "weed every night"),
    ("this homework is giving me cancer lol", "cancer"),
    ("this traffic is giving me cancer 😂", "cancer"),
    ("im confused at what the doctor said", "confused"),
    ("i have had a cold sore, a phosphate test and some sort of thing", "sort"),
])
def test_left_out_after_batches_24_and_25(nlp, text, surface):
    assert surface not in [e for e, _ in labelled(nlp, text)]


def test_a_real_cancer_stays(nlp):
    assert ("cancer", "DISEASE") in labelled(nlp, "smoking gave me cancer")


# --- round 24d: probes in the drug-review register -------------------------------------------------------------------
@pytest.mark.parametrize("text, entity", [
    ("muscle cramps at night, couldnt walk up stairs, memory loss", ("couldnt walk up stairs", "SYMPTOM")),
    ("I CANT WALK DOWN STAIRS. #DOMS IS NO JOKE", ("CANT WALK DOWN STAIRS", "SYMPTOM")),
    ("extreme fatigue, muscle weakness, tingling in feet", ("tingling in feet", "SYMPTOM")),
    ("itchy rash on hands and arms since the new cream", ("itchy rash on hands and arms", "SYMPTOM")),
])
def test_found_in_reviews(nlp, text, entity):
    assert entity in labelled(nlp, text)


def test_a_body_word_after_is_no_place_without_a_complaint(nlp):
    assert "back" not in [e for e, _ in labelled(nlp, "the pain is back in full force")]


# --- round 24e: from blind batches 26 and 27, after their scores ---------------------------------------------------
@pytest.mark.parametrize("text, entity", [
    ("52M, just got told i have T2D. looking back the signs were there", ("T2D", "DISEASE")),
    ("my A1C. was 7.1 last time", ("A1C", "TEST")),
    ("prochlorperazine for the sickness which makes me sleepy", ("sickness", "SYMPTOM")),
    ("bloating and trapped wind, took 2 imodium", ("trapped wind", "SYMPTOM")),
    ("i see foam in urine every morning", ("foam in urine", "SYMPTOM")),
    ("its 3am and i cant switch my brain off", ("cant switch my brain off", "SYMPTOM")),
    ("his tremor comes back and he freezes in doorways", ("freezes in doorways", "SYMPTOM")),
    ("i cant kneel and i cant do stairs without the rail", ("cant do stairs", "SYMPTOM")),
    ("hEDS + POTS. SUBLUXED MY SHOULDER reaching for a mug", ("SUBLUXED MY SHOULDER", "DISEASE")),
    ("Reason: JME after 2 seizures last year", ("JME", "DISEASE")),
])
def test_found_after_batches_26_and_27(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, surface", [
    ("my group chat is giving me an aneurysm lol", "aneurysm"),
    ("this traffic is giving me a stroke 😂", "stroke"),
    ("she is off on sickness absence again", "sickness"),
])
def test_left_out_after_batches_26_and_27(nlp, text, surface):
    assert surface not in [e for e, _ in labelled(nlp, text)]


def test_a_coded_short_form_lets_go_of_its_full_stop_and_initials_keep_theirs(nlp):
    assert [t.text for t in nlp.make_doc("i have T2D. IBS-D. and C. diff in the U.S.")] == [
        "i", "have", "T2D", ".", "IBS", "-", "D", ".", "and", "C.", "diff", "in", "the", "U.S."]
