"""Round 50: from blind batch 84 (drug reviews, forum posts), after its score, classes that earlier gold had too.

- Lists of body parts that end where a new clause starts: "pain in both my calves and my [hips and knees ached]",
  "burning pain across my neck, shoulders and upper back, my [legs feel like lead]", "lifted off the nail bed, and my
  [fingers and knees ache]".
- How low a pain sits is its place: "[cramps low down on the left]" (the gold's 13 to 1).
- Conventions where the system sided with the gold's minority: "[cant sleep] past 4am" (10 to 2), "woke up
  [groggy]" and "[drenched in sweat]" (22 to 3), "[both arms ache]" (the guideline's examples).
- The crash of a stimulant or of ME/CFS said as a verb or with more determiners ("i [crash] for 2 days", "the 4pm
  [crash]"), and misspelt stimulants as its cue.
- Bare words in other senses: "enough of a pain as it is", "intrusive thoughts about hurting people".
- A diabetes type said of oneself or a relative with no other word of diabetes near: "Mum has CKD and [type 2]".
"""
from __future__ import annotations

import pytest

STIMULANT_CRASH = "QATEXT:symptom/stimulant-crash"
POST_EXERTIONAL = "HP:0030973"


def _problems(nlp, text):
    return [e.text for e in nlp(text).ents if e.label_ in ("SYMPTOM", "DISEASE")]


def _concepts(nlp, text):
    return {e.text: e.kb_id_ for e in nlp(text).ents}


@pytest.mark.parametrize("text, expected", [
    ("by month 3 i had pain in both my calves and my hips and knees ached like i was 90",
     ["pain in both my calves", "hips and knees ached"]),
    ("burning pain across my neck, shoulders and upper back, my legs feel like lead by 3pm",
     ["burning pain across my neck, shoulders and upper back", "legs feel like lead"]),
    ("two nails have lifted off the nail bed, and my fingers and knees ache in the mornings",
     ["fingers and knees ache"]),
    ("fine dark hairs on my cheeks and forehead, and my ankles puff up on long shifts", ["ankles puff up"]),
    ("osteoarthritis in both knees and my hands, the right knee is worst", ["osteoarthritis in both knees and my hands"]),
    ("fell off a skateboard onto my hand, wrist still sore a week later", ["wrist still sore"]),
])
def test_a_list_ends_where_a_clause_starts(nlp, text, expected):
    assert _problems(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("joint pain in my wrists, knees and ankles, mouth sores", ["joint pain in my wrists, knees and ankles", "mouth sores"]),
    ("swollen feet and ankles", ["swollen feet and ankles"]),
    ("weakness in neck, arms, shoulders", ["weakness in neck, arms, shoulders"]),
    ("burning pain in my shoulders, hips and knees", ["burning pain in my shoulders, hips and knees"]),
    ("the tips of my fingers and toes are numb", ["tips of my fingers and toes are numb"]),
])
def test_lists_that_stay_whole(nlp, text, expected):
    assert _problems(nlp, text) == expected


@pytest.mark.parametrize("text, entity", [
    ("Since april ive had cramping low down on the left, bloating so bad", "cramping low down on the left"),
    ("theres a stabbing pain low down on the right of my back every time", "stabbing pain low down on the right of my back"),
    ("In June I had pain low down on my left side, a fever", "pain low down on my left side"),
    ("some mild cramps low down.", "mild cramps low down"),
    ("I get a pain low down in my back", "pain low down in my back"),
])
def test_how_low_a_pain_sits(nlp, text, entity):
    assert entity in _problems(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("the pain is low down", ["pain"]),  # a predicate, not the pain's place
    ("my mood is low down here in the city", []),
])
def test_low_down_elsewhere(nlp, text, expected):
    assert _problems(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("on wellbutrin i cant sleep past 4am and my scalp is itchy", ["cant sleep", "scalp is itchy"]),
    ("i still wake up groggy", ["groggy"]),
    ("waking up exhausted every day", ["exhausted"]),
    ("i wake up drenched in sweat every night", ["drenched in sweat"]),
    ("i wake up gasping", ["wake up gasping"]),  # how waking comes is the complaint
    ("most days i wake up unrefreshed", ["wake up unrefreshed"]),
    ("i wake up at 4am every day", ["wake up at 4am"]),
])
def test_waking_and_its_hour(nlp, text, expected):
    assert _problems(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("today both arms ache and i feel feverish", ["both arms ache", "feverish"]),
    ("and both eyes are red and itchy.", ["both eyes are red and itchy"]),
    ("by day 7 both heels hurt", ["both heels hurt"]),
    ("my knuckles on both hands are swollen", ["hands are swollen"]),  # the pair is where, not the subject
    ("both kids are sick", []),
])
def test_both_before_a_pair_that_is_the_subject(nlp, text, expected):
    assert _problems(nlp, text) == expected


@pytest.mark.parametrize("text, surface, concept", [
    ("4 years of CFS, crashed after a wedding", "crashed", POST_EXERTIONAL),
    ("ME/CFS here: if i overdo it i crash for 2 days after", "crash", POST_EXERTIONAL),
    ("cfs life. This crash is the worst in a year", "crash", POST_EXERTIONAL),
    ("Around 5pm he crashes, teary and snappy. on vyvanse 30", "crashes", STIMULANT_CRASH),
    ("the 4pm crash on vyvanse is ruining my day", "crash", STIMULANT_CRASH),
    ("addy wore off at 3 and now im crashing HARD", "crashing", STIMULANT_CRASH),
    ("aderall XR 20: lost 11 lbs, and a crash at about 5 where i get irritable", "crash", STIMULANT_CRASH),
])
def test_the_crash(nlp, text, surface, concept):
    assert _concepts(nlp, text).get(surface) == concept


@pytest.mark.parametrize("text", [
    "i have CFS and i crashed my car, then crashed into a wall",
    "my laptop crashes all the time, i have CFS",
    "on vyvanse since the car crash in march",
    "the stock market crashed this week",
])
def test_crashes_of_things(nlp, text):
    assert not any("crash" in p for p in _problems(nlp, text))


@pytest.mark.parametrize("text, expected", [
    ("my job is enough of a pain as it is.", []),
    ("its a bit of a pain to sort out", []),
    ("i have a bit of a pain in my side", ["pain in my side"]),
    ("my knee is a bit of a pain these days", ["pain"]),  # the knee's pain
    ("intrusive thoughts about hurting people i love", ["intrusive thoughts"]),
    ("im scared i will hurt someone", []),
    ("my back is hurting", ["back is hurting"]),
])
def test_bare_words_in_other_senses(nlp, text, expected):
    assert _problems(nlp, text) == expected


DIABETES_TYPE_2 = "ICD10CM:E11"


@pytest.mark.parametrize("text", [
    "Mum (69) has CKD and type 2 and her latest bloods showed eGFR 34",
    "Hi all, 54F, type 2 for 6 years which apparently makes this more likely",
    "I have type 2 and high blood pressure, and the CPAP is helping",
    "cymbalta 60 for nerve pain in my feet - 8/10 type 2 for 15 yrs and the burning is better",
])
def test_a_type_said_of_oneself_is_diabetes(nlp, text):
    assert _concepts(nlp, text).get("type 2") == DIABETES_TYPE_2


@pytest.mark.parametrize("text", [
    "What are the symptoms of Crigler Najjar syndrome, type 1 ?",
    "ADPKD can be divided into type 1 and type 2, depending on the gene",
    "I'm bipolar type 2 and on lithium",
    "my stools have been type 1 on the chart all week",
    "he has had type 2 errors in his study design",
])
def test_other_types(nlp, text):
    assert not any(e.kb_id_ in ("ICD10CM:E10", DIABETES_TYPE_2) for e in nlp(text).ents)
