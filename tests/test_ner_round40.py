"""Round 40: what blind batches 62 and 63 (medicine tweets, askapatient reviews of NSAIDs and statins, health-forum
posts with signatures, ask-a-doctor questions in South Asian English) showed after their scores: the surroundings
that spin, a disc problem's spinal level, the fog of a medicine or a forgetful mind, BP and sugar had for years, a
measured vitamin, APAP and BFS read from their documents, what a memory or a sore part cannot bear, nights up for
the toilet.
"""
from __future__ import annotations

import pytest

from conftest import labelled


@pytest.mark.parametrize("text, entity", [
    ("Room spins every time i turn over - BPPV?", ("Room spins", "SYMPTOM")),
    ("i rolled over and the whole room whirled for half a minute", ("whole room whirled", "SYMPTOM")),
    ("so dizzy 😵 room wont stop spinning when i turn over", ("room wont stop spinning", "SYMPTOM")),
    ("MRI showed a bulging disc at L5. did nothing for the pain", ("bulging disc at L5", "DISEASE")),
    ("spinal stenosis at L4-5, with sciatica in both legs", ("spinal stenosis at L4-5", "DISEASE")),
    ("herniated disc at L5 - 6 months ago", ("herniated disc at L5", "DISEASE")),
    ("cant bear anything touching the skin since the shingles", ("cant bear anything touching the skin", "SYMPTOM")),
    ("newly diagnosed with fibro - does the Lyrica fog lift?", ("fog", "SYMPTOM")),
    ("memory problems, cramps. within 3 weeks the cramps and the fog were gone", ("fog", "SYMPTOM")),
    ("Neurologist said it is Alzheimer, early stage.", ("Alzheimer", "DISEASE")),
    ("My mother is having sugar since 8 years and BP since 5 years.", ("BP", "DISEASE")),
    ("thyroid problem taking Thyronorm 50 and BP taking Amlong 5.", ("BP", "DISEASE")),
    ("her vitamin D was low and she's started a supplement", ("vitamin D", "TEST")),
    ("my vitamin D came back at 12, calcium low", ("vitamin D", "TEST")),
    ("bloods finally showed a B12 of 110", ("B12", "TEST")),
    ("my B12 and magnesium get checked every year", ("B12", "TEST")),
    ("switched from CPAP to an APAP last month and the mask leaks less", ("APAP", "TREATMENT")),
    ("i still cant remember names like i used to", ("cant remember names", "SYMPTOM")),
    ("i cant get up out of the bath without help", ("cant get up out of the bath", "SYMPTOM")),
    ("she couldnt get up from a low chair", ("couldnt get up from a low chair", "SYMPTOM")),
    ("the shingles area is so sore i cant bear the sheet on it", ("cant bear the sheet on it", "SYMPTOM")),
    ("gout in my toe, couldn't stand the duvet on it", ("couldn't stand the duvet on it", "SYMPTOM")),
    ("im up three times every night for the toilet", ("up three times every night for the toilet", "SYMPTOM")),
    ("had a stinking cold all last week", ("stinking cold", "DISEASE")),
])
def test_found_after_batches_62_63(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, surface, label", [
    # the other senses of the same words keep what they had (the review's cases)
    ("took 2 APAP 500mg for the headache", "APAP", "DRUG"),
    ("I have BFS and it is driving me mad", "BFS", "DISEASE"),
    ("my BP since 3 months is around 160/100", "BP", "TEST"),
    ("BP taking 3 times a day at home", "BP", "TEST"),
    ("Doctor gave vitamin D 60000 sachet weekly", "vitamin D", "DRUG"),
    ("my vitamin D is 2000 IU", "vitamin D", "DRUG"),
    ("vitamin D was great for my mood", "vitamin D", "DRUG"),
    ("I took vitamin D and B12 was checked", "vitamin D", "DRUG"),
    ("endo found on my bladder and bowel during the lap", "endo", "DISEASE"),
    ("had gastro diagnosed by the GP, vomiting all night", "gastro", "DISEASE"),
    ("i cant bear weight on my left leg", "cant bear weight on my left leg", "SYMPTOM"),
    ("cant get up the stairs without stopping", "cant get up the stairs", "SYMPTOM"),
])
def test_kept_after_batches_62_63(nlp, text, surface, label):
    assert (surface, label) in labelled(nlp, text)


@pytest.mark.parametrize("text", [
    "we drove through the fog to the clinic and my memory is bad",
    "my memory is awful lately. we walked in the fog to the beach",
    "In loving memory of dad, the fog on the hills today",
])
def test_the_weathers_fog_is_no_brain_fog(nlp, text):
    assert not [e for e in nlp(text).ents if e.kb_id_ == "HP:0033630"]


@pytest.mark.parametrize("text, concept", [
    ("i cant remember the names of the drugs she was on", "HP:0002354"),  # a fact forgotten, not memory loss
    ("i cant bear to look at the scar", "QATEXT:symptom/sensory-intolerance"),
    ("i cant stand his shirts, so ugly", "QATEXT:symptom/sensory-intolerance"),  # a dislike
    ("i cant stand socks with sandals", "QATEXT:symptom/sensory-intolerance"),
    ("the fan in the room wont stop spinning", "HP:0002321"),  # the room is where the fan is
    ("it was stinking cold out today, minus 10", "QATEXT:mesh/common-cold"),  # the weather
])
def test_other_senses_get_no_concept(nlp, text, concept):
    assert concept not in {e.kb_id_ for e in nlp(text).ents}


@pytest.mark.parametrize("text, surface", [
    ("i left my charger at my bfs place lol", "bfs"),
    ("the gastro found the ulcer on the endoscopy", "gastro"),
])
def test_a_person_or_place_is_no_entity(nlp, text, surface):
    assert surface not in {e.text for e in nlp(text).ents}


def test_a_spinal_level_joins_only_a_disc_problem(nlp):
    assert ("microdiscectomy at L5-S1", "TREATMENT") not in labelled(nlp, "i had the microdiscectomy at L5-S1 in 2022")
    ent = next(e for e in nlp("MRI shows a slipped disc at L5-S1 pressing on the nerve").ents if "disc" in e.text)
    assert ent.text == "slipped disc at L5-S1" and ent.label_ == "DISEASE"


def test_context_resolved_short_forms_say_how(nlp):
    doc = nlp("my sleep apnea is better since the APAP machine, the mask fits")
    apap = next(e for e in doc.ents if e.text == "APAP")
    assert apap.label_ == "TREATMENT" and apap.kb_id_ == "QATEXT:treatment/cpap"
    assert apap._.expanded == "auto-titrating positive airway pressure"
