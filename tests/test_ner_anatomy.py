"""ANATOMY precision in lay text (issue 11): a body word is ANATOMY only where it names a body part on
its own (GUIDELINES 4.5-4.7, 4.17); see qatext.ner.anatomy_rules."""
from __future__ import annotations

import pytest

import qatext
from qatext.ner import anatomy_rules


@pytest.fixture(scope="module")
def nlp():
    return qatext.load(topics=False, assertion=False)


def entities(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents]


@pytest.mark.parametrize("text, span, label", [
    # a body part modifying a test head is part of the TEST
    ("on lithium so its levels and kidney function every 3 months", "kidney function", "TEST"),
    ("my liver and kidney functions were a bit off so they want to recheck", "liver and kidney functions", "TEST"),
    ("what test do i need for diabetes, is a finger prick enough?", "finger prick", "TEST"),
    ("the midwife did the heel prick test on day 5", "heel prick test", "TEST"),
    ("my kidney numbers came back a bit off on the lithium", "kidney numbers", "TEST"),
    # ... of a product: the DRUG, with the drug name before it when there is one
    ("ENT found nasal polyps and started me on betamethasone nose drops", "betamethasone nose drops", "DRUG"),
    ("PSA: my hair and nail gummies had 10,000 mcg of biotin in them", "hair and nail gummies", "DRUG"),
    ("the urologist gave me bladder pills but i still pee every hour", "bladder pills", "DRUG"),
    ("i take joint supplements every morning for my knees", "joint supplements", "DRUG"),
    ("i use a nose spray for the post nasal drip but it burns", "nose spray", "DRUG"),
    # ... of a procedure: the TREATMENT
    ("do bladder instillations actually help with IC flares?", "bladder instillations", "TREATMENT"),
    # a numbered structure keeps its ordinal
    ("a tender spot over the second metatarsal, could it be a stress fracture?", "second metatarsal", "ANATOMY"),
    ("stabbing pain second rib down on the left", "second rib", "ANATOMY"),  # right after another mention
])
def test_a_body_part_joins_the_mention_it_modifies(nlp, text, span, label):
    found = entities(nlp, text)
    assert (span, label) in found, found
    assert not any(lab == "ANATOMY" and text_ in span and text_ != span for text_, lab in found), found


@pytest.mark.parametrize("text, word", [
    # a person, service, measure or object named after a body part
    ("my eye doc said the pressure is fine", "eye"),
    ("the optician said go to eye casualty today", "eye"),
    ("he referred me to the renal team and mentioned IgA nephropathy", "renal"),
    ("mesalamine isnt cutting it and GI is talking about prednisone", "GI"),
    ("saw ENT last week about the sinus thing", "ENT"),
    ("i can't raise my right arm above shoulder height", "shoulder"),
    ("never use a hair dryer on it", "hair"),
    ("he makes no eye contact and doesnt point yet", "eye"),
    ("my physio gave me knee exercises to do twice a day", "knee"),
    ("i use nose strips at night for the snoring", "nose"),
    # comparisons
    ("the bruise is about the size of a palm", "palm"),
    ("my mouth is as dry as a bone", "bone"),
    # idioms
    ("monthly bloodwork to keep an eye on my liver", "eye"),
    ("the pelvic pain is creeping back, sex hurts again", "back"),
    ("honestly sick of the back and forth with the pharmacy", "back"),
    ("shoutout to my sister for the heads up", "heads"),
    ("he wont go to sleepovers anymore and its breaking my heart", "heart"),
    ("so dizzy, head to the ER or wait it out?", "head"),
    ("my knees and shoulders hurt, head of the school says i cant do PE", "head"),
    ("i chew gum all day since i quit smoking", "gum"),
    ("hairdresser so on my feet all day and now my legs ache", "feet"),
    ("she gave me the cold shoulder when i asked about it", "shoulder"),
    ("that diagnosis was an eye opener for me", "eye"),
    ("my knee is swollen and there is a piece of gum stuck in my hair", "gum"),
    ("my knees ache, bless her heart my daughter does the shopping", "heart"),
    ("missed the bus by a hair, ran for it and now my knee is killing me", "hair"),
    ("my husband had to lend a hand with the baby because my wrist is so sore", "hand"),
    ("my gut feeling says this is not just anxiety", "gut"),
    ("that MRI cost an arm and a leg and showed nothing", "leg"),
    ("it was on the tip of my tongue but i couldnt remember the name of the med", "tongue"),
    ("had to get it off my chest: i hate my cpap", "chest"),
    ("i have a sweet tooth and my a1c is 7.2", "tooth"),
    ("i put my foot down and said no more codeine", "foot"),
    ("the two drugs are neck and neck for side effects", "neck"),
    ("the pharmacy went belly up so i switched my prozac", "belly"),
])
def test_a_body_word_in_another_sense_is_not_anatomy(nlp, text, word):
    found = entities(nlp, text)
    assert not any(word in text_.split() for text_, _label in found), found


def test_sweat_as_a_verb_is_not_anatomy(nlp):
    # "sweat buckets" is a SYMPTOM (lay_sleep, as the gold has it); only the body-part reading is wrong here
    found = entities(nlp, "yes i sweat buckets at night on it, whatever")
    assert not any("sweat" in text_.split() and label == "ANATOMY" for text_, label in found), found


@pytest.mark.parametrize("text, span", [
    ("pain under my ribs after fatty food and it goes up to my right shoulder blade", "right shoulder blade"),
    ("dizzy every time i turn my head, cant sleep", "head"),
    ("the steroid shot in my knee lasted 2 months", "knee"),
    ("switched to naproxen. is tylenol any easier on the gut?", "gut"),
    ("the eye doctor looked at my left eye", "left eye"),
    ("my left ankle doctor said it is just a sprain", "left ankle"),  # a body part with its side stands
    ("the bump is on the head of my penis", "head of my penis"),
])
def test_a_body_part_standing_alone_stays_anatomy(nlp, text, span):
    assert (span, "ANATOMY") in entities(nlp, text)


@pytest.mark.parametrize("text, part", [
    ("I FELL ON MY HIP AND IT IS BRUISED", "HIP"),  # "MY HIP GAVE WAY" is a verbal symptom (rule 6, round 15a)
    ("I CAN SEE EAR WAX", "EAR"),
    ("my BACK is going to kill me", "BACK"),
])
def test_a_body_word_in_capitals_is_no_specialty(nlp, text, part):
    assert (part, "ANATOMY") in entities(nlp, text)


@pytest.mark.parametrize("text, part", [
    ("her face drops on one side and her speech is slurred", "face"),
    ("my left eyelid drops by evening", "left eyelid"),
])
def test_a_body_part_that_drops_is_no_medicine(nlp, text, part):
    found = entities(nlp, text)
    assert (part, "ANATOMY") in found and not any(label == "DRUG" for _text, label in found), found


def test_a_finger_prick_is_one_test_however_it_is_named(nlp):
    concepts = {e.kb_id_ for text in ("what test do i need for diabetes, is a finger prick enough?",
                                      "i had a finger prick test at the pharmacy",
                                      "since he got the libre he hates finger pricks less")
                for e in nlp(text).ents if e.text.startswith("finger prick")}
    assert concepts == {"QATEXT:test/blood-sugar-test"}, concepts


def test_cosmetics_are_no_medicine_but_a_named_drug_keeps_its_form(nlp):
    found = entities(nlp, "i use a face wash with salicylic acid and a hydrocortisone skin cream")
    assert ("hydrocortisone skin cream", "DRUG") in found
    assert not any(label == "ANATOMY" for _text, label in found), found


def test_the_rule_works_on_token_spans_alone(nlp):
    assert not anatomy_rules.has_anatomy([(0, 1, "SYMPTOM", "HP:0002315")])
    doc = nlp.make_doc("my eye doc")
    words = [t.lower_ for t in doc]
    assert anatomy_rules.settle_anatomy(doc, words, [(1, 2, "ANATOMY", "x")]) == []
    doc = nlp.make_doc("my knee")
    assert anatomy_rules.settle_anatomy(doc, ["my", "knee"], [(1, 2, "ANATOMY", "x")]) == [(1, 2, "ANATOMY", "x")]


def test_an_ordinal_inside_another_span_stays_there(nlp):
    doc = nlp.make_doc("a 2nd degree burn second rib")
    words = [t.lower_ for t in doc]
    spans = [(1, 5, "SYMPTOM", "x"), (5, 6, "ANATOMY", "y")]
    assert anatomy_rules.settle_anatomy(doc, words, spans) == spans


def test_possessive_and_reporting_word_lists_have_one_source():
    from qatext.ner import drug_frames, lay_body_products, lay_rules, shorthand
    assert shorthand.POSSESSIVES is lay_rules.POSSESSIVES
    assert anatomy_rules.POSSESSIVES - lay_rules.POSSESSIVES == {"its", "ur"}
    assert drug_frames._OWNERS == lay_body_products._OWNERS == lay_rules.POSSESSIVES | {"the"}
    assert lay_rules.DOCTOR_VERBS <= anatomy_rules.REPORTING_VERBS
