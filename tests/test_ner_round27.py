"""Round 27: what blind batches 42 (drug tweets, drug reviews) and 43 (support-forum posts, carers' posts) showed
after their scores. A class of medicines with the word that names it one ("GLP-1 drugs"), a named medicine's
"use" that is no disorder ("my ventolin use dropped"), a person's fall ("had a fall", "Mum keeps falling"), flares
one "gets", a stimulant's crash named by the drug, a diabetic's lows after a field label, "type 1" opening a post,
a course or purpose word before a disease or medicine ("relapsing MS", "prophylactic antibiotics"), an oil of a
medicine ("cannabis oil"), a lay phrase that never ends on its joiner, and a few lexicon rows ("poison ivy", "roid
rage", "night sweets", "thiazides", "chocolate cyst"). Each class has its near miss beside it.
"""
from __future__ import annotations

import pytest

from conftest import labelled


@pytest.mark.parametrize("text, entity", [
    # a class of medicines and the word that names it one
    ("GLP-1 drugs such as semaglutide may dampen cravings", ("GLP-1 drugs", "DRUG")),
    ("SSRI meds made me numb", ("SSRI meds", "DRUG")),
    ("NSAID medications hurt my stomach", ("NSAID medications", "DRUG")),
    # a named medicine's use is the medicine; a recreational substance's is a disorder
    ("My ventolin use dropped from 10 puffs a day to 2.", ("ventolin", "DRUG")),
    ("my alcohol use is a problem", ("alcohol use", "DISEASE")),
    ("my vape use doubled this year", ("vape use", "DISEASE")),
    ("she was treated for tramadol use disorder", ("tramadol use", "DISEASE")),
    # a person's fall
    ("Mum (82) keeps falling, 3 times this week", ("falling", "SYMPTOM")),
    ("she had a fall on the stairs last week", ("fall", "SYMPTOM")),
    ("she had a fall in the bathroom", ("fall", "SYMPTOM")),
    ("after another fall she broke her hip", ("fall", "SYMPTOM")),
    ("since her fall on the ice she walks with a stick", ("fall", "SYMPTOM")),
    # flares a person gets, when the doc names a disease
    ("fibromyalgia since 2016. anyone else get flares when the weather turns?", ("flares", "DISEASE")),
    # a stimulant's crash named by the drug, a diabetic's lows after a field label, "type 1" opening a post
    ("the vyvanse crash at 5pm is brutal", ("crash", "SYMPTOM")),
    ("Lantus at night. Side effects: lows around 3am twice a month.", ("lows", "SYMPTOM")),
    ("type 1 for 11 yrs and insulin prices still make me want to scream", ("type 1", "DISEASE")),
    # the course of a disease, the purpose of a medicine, a medicine's oil
    ("she was told she has relapsing MS", ("relapsing MS", "DISEASE")),
    ("he is on prophylactic antibiotics since the spleen came out", ("prophylactic antibiotics", "DRUG")),
    ("tried cannabis oil for the pain", ("cannabis oil", "DRUG")),
    # lexicon rows
    ("5 days of prednisone for poison ivy", ("poison ivy", "DISEASE")),
    ("roid rage is real", ("roid rage", "SYMPTOM")),
    ("anyone else get night sweets on venlafaxine??", ("night sweets", "SYMPTOM")),
    ("switched from thiazides to amlodipine", ("thiazides", "DRUG")),
    ("a 3cm chocolate cyst on my left ovary", ("chocolate cyst on my left ovary", "DISEASE")),
    # a lay phrase ends before a joiner whose second part is missing
    ("no pointing, doesnt answer to his name and lines up his cars", ("doesnt answer to his name", "SYMPTOM")),
])
def test_found_after_batches_42_and_43(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, surface", [
    # a fall that is a season, a verb, or something other than a person falling
    ("in the fall we moved to Ohio", "fall"),
    ("this fall semester was hard", "fall"),
    ("could the zopiclone be making her fall?", "fall"),
    ("her BP keeps falling when she stands", "falling"),
    ("my hair keeps falling out", "falling"),
    ("the fall of rome", "fall"),
    ("she kept falling asleep at her desk", "falling"),
    ("after a fall in my blood sugar I felt shaky", "fall"),
    ("another fall in her platelets", "fall"),
    ("his fall from grace was quick", "fall"),
    ("I had a fall of snow on the car", "fall"),
    ("his grades kept falling", "falling"),
    ("her oxygen keeps falling", "falling"),
    # flares with no disease in the doc, or flares of a feeling
    ("we watched the flares over the harbour", "flares"),
    ("with my asthma I still get flares of anger at my kids", "flares"),
    # lows after a field label that is no list of side effects
    ("Metformin. Mood: lows in the evening", "lows"),
    # a named medicine's use; a class head that starts a phrase of its own
    ("My ventolin use dropped from 10 puffs a day to 2.", "ventolin use"),
    ("are NSAIDs drug induced ulcers common?", "NSAIDs drug induced ulcers"),
    ("statins drug trials are funded by industry", "statins drug"),
    # a crash with no stimulant near it
    ("the car crash at 5pm blocked the road", "crash"),
    # a joiner stays outside the phrase
    ("no pointing, doesnt answer to his name and lines up his cars", "doesnt answer to his name and"),
])
def test_left_out_after_batches_42_and_43(nlp, text, surface):
    assert surface not in [e for e, _ in labelled(nlp, text)]
