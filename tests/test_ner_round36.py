"""Round 36: what blind batches 54 and 55 (digestive, liver, pregnancy and menopause support groups, students' skin,
sport and sexual-health questions; painkiller, antihistamine and sleep-aid reviews, non-native parents asking about
their children) showed after their scores. "Sick" as vomiting by how often or beside another complaint; a complaint
named again by its last word ("hot flushes ... the flushes"); sport injuries and regional medicine brands. Each class
has its near miss beside it.
"""
from __future__ import annotations

import pytest

from conftest import labelled


@pytest.mark.parametrize("text, entity", [
    # "sick" as vomiting: how often, listed with a complaint, after "be" or "always"
    ("HG round 2 and im only 14 weeks. sick 15 times yesterday", ("sick", "SYMPTOM")),
    ("rifampicin: sick most mornings, aching knees", ("sick", "SYMPTOM")),
    ("after i took it off i was dizzy and sick for 2 days", ("sick", "SYMPTOM")),
    ("ferrous sulfate makes me constipated and sick", ("sick", "SYMPTOM")),
    ("going on a ferry next week and im always sick on boats", ("sick", "SYMPTOM")),
    ("can i drink on it? i dont want to be sick all night", ("sick", "SYMPTOM")),
    # a complaint named again by its last word
    ("hot flushes 20 a day. on HRT now and the flushes are maybe halved", ("flushes", "SYMPTOM")),
    ("brain fog since the baby, the fog is worst in the afternoon", ("fog", "SYMPTOM")),
    ("brain zaps every few seconds; the zaps stopped after 3 weeks", ("zaps", "SYMPTOM")),
    ("she had a febrile fit last year. should I give Panadol early to stop the fit?", ("fit", "SYMPTOM")),
    ("she has head lice, we used permethrin but still lice are there", ("lice", "DISEASE")),
    # sport injuries and their lay names
    ("went over on my ankle landing from a jump at netball", ("went over on my ankle", "DISEASE")),
    ("felt a sharp twinge on the way up from the deadlift", ("sharp twinge", "SYMPTOM")),
    ("is this jumpers knee or tendonitis?", ("jumpers knee", "DISEASE")),
    # children's signs parents describe
    ("since this evening she is breathing fast and her chest pulls in", ("breathing fast", "SYMPTOM")),
    ("he is crying and arching his back during feeds", ("arching his back", "SYMPTOM")),
    ("she slept for 5 hours and was difficult to wake", ("difficult to wake", "SYMPTOM")),
    ("X-ray of neck showed enlarged adenoids", ("enlarged adenoids", "DISEASE")),
    ("it smells fishy down there after my period", ("smells fishy down there", "SYMPTOM")),
    # regional brands and products
    ("each time they give Ampiclox, now Augmentin", ("Ampiclox", "DRUG")),
    ("we only give Biogesic because the doctor said no ibuprofen", ("Biogesic", "DRUG")),
    ("Calpol 5 ml every 6 hours and Meftal-P in between", ("Meftal-P", "DRUG")),
    ("doctor gave Nasonex spray and Montek LC for 1 month", ("Montek LC", "DRUG")),
    ("Targinact 10/5 twice daily for chronic pain", ("Targinact", "DRUG")),
    ("the pharmacy near campus has ellaOne, is it better?", ("ellaOne", "DRUG")),
])
def test_found_after_batches_54_55(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, surface", [
    # "sick" of a mood, of slang, or of being ill
    ("my husband is dizzy and sick of it", "sick"),
    ("im always sick tho, the pool was worth it", "sick"),
    ("i'd rather be sick with worry than not know", "sick"),
    ("my toddler is always sick in nursery", "sick"),
    ("she was off sick most days last term", "sick"),
    ("I've been off sick 3 times this year", "sick"),
    ("is it normal that he is sick most mornings at school?", "sick"),
    # a head with no complaint named before it, or not the complaint's
    ("the fog on the motorway was thick this morning", "fog"),
    ("the camera flashes at the wedding gave me a headache", "flashes"),
    ("the dress was a good fit in the end", "fit"),
    ("she had a febrile fit at 2 but now she is healthy and fit", "and fit"),
])
def test_left_out_after_batches_54_55(nlp, text, surface):
    assert not any(surface in e for e, _ in labelled(nlp, text))


@pytest.mark.parametrize("text, entity", [
    # near misses: the forms the lexicon and rules already had
    ("ive been sick twice today", ("sick", "SYMPTOM")),
    ("I feel sick after every meal", ("feel sick", "SYMPTOM")),
    ("my hot flushes are worse at night", ("hot flushes", "SYMPTOM")),
    ("rolled my ankle on the stairs", ("rolled my ankle", "DISEASE")),
    ("hot flashes all day, and last night flashes of light in my eye", ("flashes of light in my eye", "SYMPTOM")),
])
def test_near_misses_after_batches_54_55(nlp, text, entity):
    assert entity in labelled(nlp, text)
