"""Round 35: what blind batches 52 and 53 (Reddit condition and drug communities, ask-a-patient drug reviews; drug
tweets, older adults' and carers' questions) showed after their scores. A curated complaint answers in the plural
("water infections") and of someone else ("hit his head"); an old person's fall and the fear of one; the ringing of
tinnitus named bare; night-time voiding said "to pass water"; seen things that look bent; community words for GLP-1,
diabetes, sleep-apnoea and stimulant effects. Each class has its near miss beside it.
"""
from __future__ import annotations

import pytest

from conftest import labelled


@pytest.mark.parametrize("text, entity", [
    # a curated complaint of several words, plural or told of someone else
    ("I am 74 and keep getting water infections, four since christmas", ("water infections", "DISEASE")),
    ("since he had a fall and hit his head he is more confused", ("hit his head", "DISEASE")),
    ("she has lost her appetite since the funeral", ("lost her appetite", "SYMPTOM")),
    # a person's fall, and the worry of one
    ("last tuesday he had a fall in the hall at 3am", ("fall", "SYMPTOM")),
    ("I am 80, live alone and im afraid of a fall at night", ("fall", "SYMPTOM")),
    ("she lives alone and I worry about falls", ("falls", "SYMPTOM")),
    # the ringing of tinnitus, named bare once the ear or the noise is in the story
    ("now I have tinnitus and feel off balance. will the ringing stay?", ("ringing", "SYMPTOM")),
    ("anyone else get tinnitis from cipro? the ringing started around day 4", ("ringing", "SYMPTOM")),
    ("3 weeks since the concert and the ringing hasnt stopped", ("ringing", "SYMPTOM")),
    # voiding said the old way
    ("he gets up 4 or 5 times in the night to pass water", ("gets up 4 or 5 times in the night to pass water",
                                                             "SYMPTOM")),
    ("each time it burns when I pass water and my wee smells strong", ("burns when I pass water", "SYMPTOM")),
    # what the eyes see changed
    ("since the injection he sees wavy lines again", ("sees wavy lines", "SYMPTOM")),
    ("he says door frames look bent in his left eye", ("door frames look bent in his left eye", "SYMPTOM")),
    ("my gums have receded and my teeth are sensitive", ("gums have receded", "SYMPTOM")),
    ("latanoprost is making my eyelashes grow like crazy", ("eyelashes grow", "SYMPTOM")),
    # a part's predicate stressed, or in ruins
    ("my heart does race at night tho", ("heart does race", "SYMPTOM")),
    ("amoxicilin day 4 and my gut is wrecked", ("gut is wrecked", "SYMPTOM")),
    # community words
    ("3 months on ozempic and the food noise is just gone", ("food noise", "SYMPTOM")),
    ("my partner says i stop breathing then gasp for air", ("gasp for air", "SYMPTOM")),
    ("im dead on my feet every afternoon", ("dead on my feet", "SYMPTOM")),
    ("fewer night time hypos since the switch", ("night time hypos", "SYMPTOM")),
    ("she was hyper, ratty and couldnt settle to sleep", ("hyper", "SYMPTOM")),
    ("she was hyper, ratty and couldnt settle to sleep", ("couldnt settle to sleep", "SYMPTOM")),
    ("melatonin 3mg and i'm having the wildest dreams", ("wildest dreams", "SYMPTOM")),
    ("the upper lip hair is slowly thinning out", ("upper lip hair", "SYMPTOM")),
    # medicines by their street name or their form
    ('ppl calling xans "bars" like its candy', ("xans", "DRUG")),
    ("also tried feverfew, riboflavin and acupuncture", ("feverfew", "DRUG")),
    ("I am on HRT cream already", ("HRT cream", "DRUG")),
])
def test_found_after_batches_52_53(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, surface", [
    # a fall that is no person's
    ("the leaves fall in the garden every october", "fall"),
    ("there was a fall in the market after the news", "fall"),
    ("worried about the risk of a fall in sodium on this drug", "fall"),
    # a ringing that is no ear's
    ("the ringing of the church bells woke me at 6", "ringing"),
    ("the phone kept ringing all morning", "ringing"),
    # frames that are no sight
    ("the picture frames look bent after the move", "frames look bent"),
    ("my heart does not race any more", "heart does"),
    # passing water that is no voiding
    ("I get up 3 times a night to pass the time", "pass the time"),
    # a general question about lashes, and lashes nobody asked about
    ("how fast do eyelashes grow back after chemo?", "eyelashes grow"),
])
def test_left_out_after_batches_52_53(nlp, text, surface):
    assert not any(surface in e for e, _ in labelled(nlp, text))


@pytest.mark.parametrize("text, entity", [
    # near misses: the forms the lexicon already had
    ("I keep getting a water infection", ("water infection", "DISEASE")),
    ("I hit my head on the cupboard", ("hit my head", "DISEASE")),
    ("I get up 3 times a night to pee", ("get up 3 times a night to pee", "SYMPTOM")),
    ("HRT has helped my flushes", ("HRT", "TREATMENT")),
])
def test_near_misses_after_batches_52_53(nlp, text, entity):
    assert entity in labelled(nlp, text)
