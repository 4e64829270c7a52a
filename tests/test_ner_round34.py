"""Round 34: what blind batches 50 and 51 (mental-health and ADHD medication posts, kidney and urology questions;
headache and sleep communities, eye and ear questions) showed after their scores. A lexicon term written with a
hyphen for its space ("short-sighted") or a space for its hyphen; a complaint never starts inside a hyphenated word
("high-pitched ringing", "post-strep glomerulonephritis"); a substance before "-coloured" is a colour, not a drug;
a complaint's attacks are the complaint; "been sick" keeps the copula outside, as the gold always has.
Each class has its near miss beside it.
"""
from __future__ import annotations

import pytest

from conftest import labelled


@pytest.mark.parametrize("text, entity", [
    # a curated two-word term written with a hyphen
    ("I'm 58 and very short-sighted, could that matter?", ("very short-sighted", "DISEASE")),
    ("my son is long-sighted and needs glasses for reading", ("long-sighted", "DISEASE")),
    # daytime sleep told as dozing off (new lexicon rows)
    ("she keeps dozing off at her desk", ("dozing off", "SYMPTOM")),
    ("he dozes off in front of the telly by 8pm", ("dozes off", "SYMPTOM")),
    # a complaint does not start inside a hyphenated word
    ("constant high-pitched ringing in both ears since the gig", ("high-pitched ringing in both ears", "SYMPTOM")),
    ("my GP thinks it's post-strep glomerulonephritis", ("post-strep glomerulonephritis", "DISEASE")),
    ("is post-covid fatigue a real thing?", ("post-covid fatigue", "SYMPTOM")),
    # a colour named by a substance describes a body product
    ("my son has had cola-coloured pee since yesterday", ("cola-coloured pee", "SYMPTOM")),
    ("woke up with tea-coloured urine and a sore back", ("tea-coloured urine", "SYMPTOM")),
    # a complaint's attacks (the gold keeps an episode or a spell outside, below)
    ("the vertigo attacks are down to about one a month", ("vertigo attacks", "SYMPTOM")),
    ("the spinning attacks lasted 3-4 hours", ("spinning attacks", "SYMPTOM")),
    # "been sick" is vomiting, the copula outside
    ("I've been sick twice today and can't keep water down", ("sick", "SYMPTOM")),
    # everyday words for what the lexicon names otherwise
    ("could the HRT be causing the dryness?", ("dryness", "SYMPTOM")),
    ("zigzag lights in my vision for about 20 min, then a headache", ("zigzag lights in my vision", "SYMPTOM")),
    ("could it be a bleeding disorder? his blood count was normal", ("bleeding disorder", "DISEASE")),
    ("my brain just won't switch off at night", ("brain just won't switch off", "SYMPTOM")),
    ("my mind wont shut off when I go to bed", ("mind wont shut off", "SYMPTOM")),
    ("I leak a bit of wee every time I cough", ("leak a bit of wee", "SYMPTOM")),
    ("dry mouth and trouble starting a wee are still here", ("trouble starting a wee", "SYMPTOM")),
    ("I get a sudden urge and I don't always make it to the loo", ("don't always make it to the loo", "SYMPTOM")),
    ("she didnt make it to the toilet in time again", ("didnt make it to the toilet", "SYMPTOM")),
    # a complaint negated by "no" before its own longer name
    ("no appetite loss, unlike on elvanse", ("appetite loss", "SYMPTOM")),
    ("I feel off balance when I stand up", ("off balance", "SYMPTOM")),
    # a temple is a body part after an owner or a side
    ("I'm sat here with a throbbing left temple", ("throbbing left temple", "SYMPTOM")),
    ("sharp pain in my temple when I chew", ("sharp pain in my temple", "SYMPTOM")),
    # how much of a function is gone is inside
    ("my vision is half gone and I've thrown up twice", ("vision is half gone", "SYMPTOM")),
    ("my appetite is completely gone since the chemo", ("appetite is completely gone", "SYMPTOM")),
    # "-like" names the drug a thing is like
    ("she is taking a Xanax-like drug for her nerves", ("Xanax", "DRUG")),
])
def test_found_after_batches_50_51(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, surface", [
    ("my son has had cola-coloured pee since yesterday", "cola"),
    ("the rash is a coffee-coloured patch on his back", "coffee"),
    # the word before the hyphen is no complaint of its own
    ("my GP thinks it's post-strep glomerulonephritis", "strep"),
    ("constant high-pitched ringing in both ears", "pitched ringing in both ears"),
    ("I've been sick twice today", "been sick"),
    ("no appetite loss, unlike on elvanse", "no appetite"),
    ("I feel off balance when I stand up", "feel off"),
    # the gold keeps an episode or a spell outside: "[SVT] episode", "a [hypomanic] spell"
    ("first SVT episode since my ablation", "SVT episode"),
    ("we visited a temple in Kyoto on holiday", "temple"),
    ("I went to the temple on sunday with my mum", "temple"),
    # "attacks" as a verb, and colours of a product when all is well
    ("lupus attacks the kidneys in some people", "lupus attacks"),
    ("HIV attacks the immune system", "HIV attacks"),
    ("pale straw coloured urine is normal, isn't it?", "straw coloured urine"),
    ("is it ok to have normal coloured poo after iron?", "normal coloured poo"),

    # a list's dash is no hyphen: "back" and "pain" stay apart
    ("what I get: - stabbing pain in my lower tummy and back - pain during sex", "back - pain"),
])
def test_left_out_after_batches_50_51(nlp, text, surface):
    assert surface not in [e for e, _ in labelled(nlp, text)]


@pytest.mark.parametrize("text, entity", [
    # near misses: the plain forms still work as before
    ("I have no appetite at all", ("no appetite", "SYMPTOM")),
    ("I've been feeling off for a week", ("feeling off", "SYMPTOM")),
    ("I was sick in the night", ("sick", "SYMPTOM")),
    ("very short sighted since childhood", ("very short sighted", "DISEASE")),
])
def test_near_misses_after_batches_50_51(nlp, text, entity):
    assert entity in labelled(nlp, text)
