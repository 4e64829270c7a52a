"""Round 42: what blind batches 66 and 67 (Reddit-style posts, parents' and carers' questions, tweets on long covid,
allergies, diabetes and periods, drugs.com-style reviews) showed after their scores: "going" as the toilet told by its
rate, nights told by how often one wakes, medicines named for the patients they are made for, and lexicon rows.
"""
from __future__ import annotations

import pytest


def _found(nlp, text):
    return {(e.text, e.label_, e.kb_id_) for e in nlp(text).ents}


@pytest.mark.parametrize("text, surface, concept", [
    # the bowel's rate, by the post's nearest bowel or bladder word
    ("colitis flare since june, im going 6-7 times a day with blood", "going 6-7 times a day", "HP:0002014"),
    ("my IBS is awful, going 5 or 6 times before 10am", "going 5 or 6 times before 10am", "HP:0002014"),
    ("she is constipated, only goes every 5 or 6 days", "only goes every 5 or 6 days", "HP:0002019"),
    ("before the movicol he was going once a week", "going once a week", "HP:0002019"),
    # the bladder's
    ("bladder infection again, going every 20 minutes", "going every 20 minutes", "HP:0100515"),
    # the toilet named after the rate is taken in; a rate glued to its "x"
    ("My IBS is bad, going 6 times a day to the toilet", "going 6 times a day to the toilet", "HP:0002014"),
    ("crohns flare, going 12x a day", "going 12x a day", "HP:0002014"),
])
def test_going_is_the_toilet_in_a_post_about_the_bowel_or_bladder(nlp, text, surface, concept):
    assert (surface, "SYMPTOM", concept) in _found(nlp, text)


@pytest.mark.parametrize("text", [
    "I have IBS. going 3 times a day is normal for me",  # a usual rate
    "my IBS is fine, going twice a week to the gym",  # somewhere else
    "going every other day with vitamin C for my bowels",
    "my bladder is fine but going every 4 hours",  # not often enough
    "going 10 times a day to the shop for my mum",  # no bowel or bladder word
    "my crohns is quiet. The bus goes every 20 minutes so i can get there",  # someone else goes
    "my kids go every 2 hours for a snack, my IBS hates it",
    "IBS cramps come and go every 10 minutes",  # the pain comes and goes
    "My crohns nurse is lovely. I go every 3 days for my infusion",  # an errand
    "I go every hour on the treadmill, good for my IBS",
    "My IBS is settled. Going every 2 days is normal for me",  # within the usual
])
def test_going_elsewhere_or_at_a_usual_rate_is_no_complaint(nlp, text):
    assert not any(e.text.lower().startswith(("going", "goes", "only go")) for e in nlp(text).ents)


@pytest.mark.parametrize("text, surface", [
    ("she is drooling loads, waking every hour at night", "waking every hour"),
    ("since the new tablets he wakes every 2 hours", "wakes every 2 hours"),
    ("my mum wakes 4 or 5 times a night now", "wakes 4 or 5 times a night"),
    ("kept scratching her bum at night and waking up crying", "waking up crying"),
])
def test_nights_told_by_how_often_one_wakes(nlp, text, surface):
    assert (surface, "SYMPTOM", "QATEXT:symptom/night-waking") in _found(nlp, text)


def test_waking_to_pee_stays_nocturia(nlp):
    assert ("wakes up 3 times a night to pee", "SYMPTOM", "HP:0000017") in _found(nlp, "he wakes up 3 times a night to pee")


@pytest.mark.parametrize("text", [
    "My 2 week old wakes every 3 hours to feed, is that normal?",  # woken on purpose
    "they told us to wake up every 2 hours to check on her",
    "We have to wake every 4 hours to give her the antibiotics",
    "The baby wakes up crying for milk, totally normal",
    "woke up crying laughing at my own dream",
])
def test_a_night_woken_on_purpose_or_in_joy_is_no_complaint(nlp, text):
    assert not any(e.kb_id_ == "QATEXT:symptom/night-waking" for e in nlp(text).ents)


@pytest.mark.parametrize("text, surface", [
    ("gave him childrens motrin at 6", "childrens motrin"),
    ("children's ibuprofen 5ml every 8 hours", "children's ibuprofen"),
    ("children\u2019s ibuprofen 5ml every 8 hours", "children\u2019s ibuprofen"),
    ("the GP said Movicol Paediatric plain, one sachet", "Movicol Paediatric"),
    ("kids tylenol did nothing", "kids tylenol"),
])
def test_a_medicine_named_for_its_patients_keeps_them(nlp, text, surface):
    assert surface in {e.text for e in nlp(text).ents if e.label_ == "DRUG"}


@pytest.mark.parametrize("text, drugs", [
    ("gave my kids tylenol and calpol", {"tylenol", "calpol"}),  # the children who take it
    ("Do you give kids ibuprofen for a fever", {"ibuprofen"}),
    ("I gave both kids calpol", {"calpol"}),
    ("Teaching kids alcohol is dangerous", {"alcohol"}),  # a substance, no product for children
    ("the Tylenol pediatric dosage chart", {"Tylenol"}),  # the dose's words, not the product's
])
def test_the_child_who_takes_a_medicine_is_not_its_name(nlp, text, drugs):
    assert {e.text for e in nlp(text).ents if e.label_ == "DRUG"} == drugs


@pytest.mark.parametrize("text, surface", [
    ("the dermatologist gave me a high potency steroid cream", "high potency steroid cream"),
    ("Use a mid-potency steroid ointment such as triamcinolone", "mid-potency steroid ointment"),
    ("I'm on the combined hormonal contraception", "combined hormonal contraception"),
])
def test_other_qualifiers_still_join_after_a_determiner(nlp, text, surface):
    assert surface in {e.text for e in nlp(text).ents if e.label_ == "DRUG"}


@pytest.mark.parametrize("text, surface, label, concept, kind", [
    ("the pediatrician confirmed pinworms", "pinworms", "DISEASE", "ICD10CM:B80", None),
    ("the day after, my neuro called it postdrome", "postdrome", "SYMPTOM", "QATEXT:symptom/postdrome", None),
    ("the migraine hangover is worse than the migraine", "migraine hangover", "SYMPTOM",
     "QATEXT:symptom/postdrome", None),
    ("urgent care said wax and to use debrox", "debrox", "DRUG", "DRUGBANK:DB11129", "named"),
    ("we keep two Jext pens at school", "Jext pens", "DRUG", "DRUGBANK:DB00668", "named"),
    ("teething gel and calpol at bedtime", "teething gel", "DRUG", "QATEXT:drug/teething-gel", "class"),
    ("started grass pollen tablets in january", "grass pollen tablets", "DRUG",
     "QATEXT:drug/allergen-immunotherapy", "named"),
    ("everyone at work is on the weight loss jabs", "weight loss jabs", "DRUG",
     "QATEXT:drug/weight-loss-injections", "class"),
    ("my doc said the weight loss jab is fine", "weight loss jab", "DRUG", "QATEXT:drug/weight-loss-injections",
     "class"),
    ("he needs the blue inhaler 4 times a day", "blue inhaler", "DRUG", "QATEXT:drug/inhaled-medicine", "named"),
    ("she forgets the brown preventer", "brown preventer", "DRUG", "QATEXT:drug/inhaled-medicine", "named"),
    ("on the steroids and honestly ragey", "ragey", "SYMPTOM", "HP:0000737", None),
    ("hyperfocus on the wrong things all day", "hyperfocus", "SYMPTOM", "QATEXT:symptom/hyperfocus", None),
])
def test_lexicon_rows_of_round_42(nlp, text, surface, label, concept, kind):
    ent = next(e for e in nlp(text).ents if e.text == surface)
    assert (ent.label_, ent.kb_id_, ent._.drug_kind) == (label, concept, kind)
