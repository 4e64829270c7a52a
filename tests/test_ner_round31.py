"""Round 31: what blind batch 47 (psychiatric drug reviews, home-measurement questions to an ask-a-doctor site)
showed after its score. A weight or temperature read off with its value is the TEST of it; "type 1" and "type 2"
name the diabetes in a text about diabetes; a function gone, nonexistent or flatlined without a verb; pain on
breathing keeps its trigger; a likeness ends before its clock time, a swelling before its extent; covid that dates
something; and lexicon rows (stopped caring, memory like a sieve, gambling urges, urges to self harm, blunt emotions,
slur my words, saw stars, chest flutters, priapism). Each class has its near miss beside it.
"""
from __future__ import annotations

import pytest

from conftest import labelled


@pytest.mark.parametrize("text, entity", [
    # a measurement with its reading
    ("mirtazapine 15: weight up 12 lbs in 6 weeks.", ("weight", "TEST")),
    ("my weight has dropped from 68 to 61kg since June without trying", ("weight", "TEST")),
    ("39M. weight 118kg, up 20kg in 3 years.", ("weight", "TEST")),
    ("27F. temp was 38.6 last night and 37.4 this morning.", ("temp", "TEST")),
    ("my temperature keeps reading 35.4-35.8 on the ear thermometer", ("temperature", "TEST")),
    # a normal reading too (round 15c had it as no entity, before the guideline settled readings as tests)
    ("her temp was 36.8 so the nurse sent us home", ("temp", "TEST")),
    # near misses: a fever and a weight change told as the complaint
    ("she has had a temperature of 38 since Sunday", ("temperature", "SYMPTOM")),
    ("I gained 10 lbs in a month", ("gained 10 lbs", "SYMPTOM")),
    # the type alone, where the text is about diabetes
    ("59M, type 2 on metformin and gliclazide.", ("type 2", "DISEASE")),
    ("Dad had diabetes. Is this type 1 or type 2?", ("type 1", "DISEASE")),
    # a function without a verb
    ("Appetite gone, lost 11 pounds, tinnitus since week 2.", ("Appetite gone", "SYMPTOM")),
    ("Libido nonexistant, sweating buckets at night.", ("Libido nonexistant", "SYMPTOM")),
    ("Libido non-existent, headaches most days.", ("Libido non-existent", "SYMPTOM")),
    ("but my emotions flatlined and i stopped caring", ("emotions flatlined", "SYMPTOM")),
    # pain on breathing
    ("sharp pain under my left breast when I breathe in for 2 days", (
        "sharp pain under my left breast when I breathe in", "SYMPTOM")),
    ("chest pain when breathing in since the cold", ("chest pain when breathing in", "SYMPTOM")),
    # a likeness before its time, a swelling before its extent
    ("your skin feels like its crawling at 3am", ("skin feels like its crawling", "SYMPTOM")),
    ("my legs and ankles are swollen up to the knees", ("legs and ankles are swollen", "SYMPTOM")),
    ("my face swelled up overnight", ("face swelled up", "SYMPTOM")),
    # covid that is the illness
    ("I had covid in january. could this be POTS?", ("covid", "DISEASE")),
    # near misses the review found: a weight change told as more than before, an "up" with no place after
    ("my weight is 10 kg heavier than last year", ("10 kg heavier", "SYMPTOM")),
    ("my legs swelled up to twice their size", ("legs swelled up", "SYMPTOM")),
    ("my legs feel like they were hit by 10 trucks", ("legs feel like they were hit by 10 trucks", "SYMPTOM")),
    ("Age: 39, Weight: 118kg, Temp: 38.6", ("Temp", "TEST")),
    ("temp was normal this morning", ("temp", "TEST")),
    # lexicon rows
    ("i stopped caring about anything including the garden", ("stopped caring about anything", "SYMPTOM")),
    ("ativan takes the edge off but memory like a sieve the next day", ("memory like a sieve", "SYMPTOM")),
    ("abilify gave me gambling urges i never had before", ("gambling urges", "SYMPTOM")),
    ("anger outbursts gone, urges to self harm way less", ("urges to self harm", "SYMPTOM")),
    ("Apparently SSRIs often blunt emotions, and yep", ("blunt emotions", "SYMPTOM")),
    ("I slur my words if I have even one wine", ("slur my words", "SYMPTOM")),
    ("chest flutters at night, heavy periods", ("chest flutters", "SYMPTOM")),
    ("I had an erection that wouldn't go down for 4 hours", ("erection that wouldn't go down", "SYMPTOM")),
    ("the doctor there called it priapism", ("priapism", "SYMPTOM")),
])
def test_found_after_batch_47(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, surface", [
    # the change of a weight read off is no complaint told by its amount
    ("mirtazapine 15: weight up 12 lbs in 6 weeks.", "up 12 lbs"),
    ("74F. my weight is up 3kg in a week on the bathroom scales", "up 3kg"),
    ("39M. weight 118kg, up 20kg in 3 years.", "up 20kg"),
    ("my weight has dropped from 68 to 61kg since June", "weight has dropped"),
    # no diabetes in the text: another type
    ("my blood type is type 2 apparently", "type 2"),
    # the pain is gone: no function
    ("the pain is gone now", "pain is gone"),
    # the time and the extent stay outside
    ("your skin feels like its crawling at 3am", "skin feels like its crawling at 3am"),
    ("my legs and ankles are swollen up to the knees", "legs and ankles are swollen up to the knees"),
    # covid as a time
    ("I bought one of those finger clips during covid.", "covid"),
    # a room's temperature, a temp job, a weight lifted: no one's reading
    ("the room temperature was 21", "temperature"),
    ("set the oven temperature to 180", "temperature"),
    ("temp 3 days a week at the council", "temp"),
    ("the weight was 300 lbs on the bench press", "weight"),
    # a function that went up or elsewhere is no loss
    ("appetite gone up a lot since starting mirtazapine", "appetite gone"),
    ("my appetite gone crazy on steroids", "appetite gone"),
    # another type, a breath that opens a time, blood of the nose
    ("is it herpes type 1 or type 2? my mum is diabetic on metformin", "type 2"),
    ("pain in my chest when I breathe in the morning", "pain in my chest when I breathe in"),
    ("there was blood after I wipe my nose", "blood after I wipe"),
    # everyday phrases the new rows must not take
    ("we camped in the desert and saw stars all night", "saw stars"),
    ("I stopped caring what people think and I'm happier", "stopped caring"),
])
def test_left_out_after_batch_47(nlp, text, surface):
    assert surface not in [e for e, _ in labelled(nlp, text)]
