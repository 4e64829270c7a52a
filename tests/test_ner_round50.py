"""Round 50: from blind batch 84 (drug reviews, forum posts), after its score, classes that earlier gold had too.

- Lists of body parts that end where a new clause starts: "pain in both my calves and my [hips and knees ached]",
  "burning pain across my neck, shoulders and upper back, my [legs feel like lead]", "lifted off the nail bed, and my
  [fingers and knees ache]".
- How low a pain sits is its place: "[cramps low down on the left]" (the gold's 13 to 1).
- Conventions where the system sided with the gold's minority: "[cant sleep] past 4am" (10 to 2), "[both arms
  ache]" (the guideline's examples). (Not "woke up [groggy]", 22 to 3 in the gold: PsyTAR's annotators keep the
  waking inside, 6 to 0, as they keep "feel", and so do the rules.)
- The crash of a stimulant or of ME/CFS said as a verb or with more determiners ("i [crash] for 2 days", "the 4pm
  [crash]"), and misspelt stimulants as its cue.
- Bare words in other senses: "enough of a pain as it is", "intrusive thoughts about hurting people".
- A diabetes type said of oneself or a relative with no other word of diabetes near: "Mum has CKD and [type 2]".
- A small child's screaming and crying in a parent's post: "my 9 week old [SCREAMS] after every feed".
- Confusion of the person a question is about ("can a UTI make someone this [confused]?") and "[no temperature]".
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


@pytest.mark.parametrize("text, entity", [
    ("my 9 week old SCREAMS after every feed, arches his back", "SCREAMS"),
    ("our 8 week old brings up milk, arches his back and screams for 20 minutes", "screams"),
    ("every evening from about 6 to 10 he screams, pulls his legs up. colic?", "screams"),
    ("toddler poos every 5 days, big and hard, and she cries when she poos", "cries when she poos"),
    ("our 2 year old is potty training, hard pebbly poos, and he screams on the toilet.", "screams on the toilet"),
])
def test_a_small_childs_crying(nlp, text, entity):
    assert _concepts(nlp, text).get(entity) == "QATEXT:symptom/crying"


@pytest.mark.parametrize("text", [
    "barking cough and noisy breathing when she cries, baby is 8 months",  # a trigger
    "he hates the eye drops and screams the house down, baby is 6 months",  # an object: a tantrum
    "my dexcom screamed at 3am, low of 52",
    "my husband cries at every film",  # no child's story
])
def test_crying_that_is_no_complaint(nlp, text):
    assert not any(e.kb_id_ == "QATEXT:symptom/crying" for e in nlp(text).ents)


@pytest.mark.parametrize("text, entity, assertion", [
    ("mum is 84. can a UTI really make her this confused?", "confused", None),  # (a question: the status model's)
    ("she has no fever and she isn't confused.", "confused", "negated"),
    ("mom (78) suddenly confused and seeing things", "confused", "present"),
    ("she's a bit snuffly but no temperature. should we postpone?", "temperature", "negated"),
    ("plenty of wet nappies. No temperature. My mum says it's teething", "temperature", "negated"),
])
def test_confusion_and_a_denied_temperature(nlp, text, entity, assertion):
    found = [(e._.assertion, e.kb_id_) for e in nlp(text).ents if e.text == entity]
    concept = {"confused": "HP:0001289", "temperature": "HP:0001945"}[entity]
    assert [c for _, c in found] == [concept] and assertion in (None, found[0][0])


@pytest.mark.parametrize("text", [
    "im not confused about the dose, just asking",
    "is it normal to be this confused by the instructions?",
    "there is no temperature control in the flat",
    "no temp job for me this summer",
])
def test_confusion_and_temperature_in_other_senses(nlp, text):
    assert not any(e.text in ("confused", "temperature", "temp") for e in nlp(text).ents)


# --- from the review of the round ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("I have headaches and hand and foot pain", ["headaches", "hand and foot pain"]),
    ("lupus and joint and muscle pain", ["lupus", "joint and muscle pain"]),
    ("the skin on my hands and feet is peeling", ["skin on my hands and feet is peeling"]),
    ("tingling in my hands and feet, my lips and face", ["tingling in my hands and feet, my lips and face"]),
    ("my hands and feet and ankles are swollen", ["hands and feet and ankles are swollen"]),
    ("sharp pain low down on the right side of my stomach", ["sharp pain low down on the right side of my stomach"]),
    ("pain low down on the right hand side of my tummy", ["pain low down on the right hand side of my tummy"]),
    ("anyone else still hurting after the second dose?", ["hurting"]),
    ("it's too much of a pain to get to the GP", []),
])
def test_review_cases(nlp, text, expected):
    assert _problems(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "on vyvanse. i crashed the car last week",
    "ritalin: my phone always crashes",
    "ME here, we crashed at a hotel",
    "cfs: crashed and burned on my exam",
    "I'm type 2 so mostly depression and hypomania",
    "I have type 1 and get cold sores",
    "Type 1, which is more common, grows slowly",
])
def test_review_cases_that_are_no_entity(nlp, text):
    assert not any(e.text.lower().startswith(("crash", "type")) for e in nlp(text).ents)
