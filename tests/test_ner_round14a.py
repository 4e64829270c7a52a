"""Round 14a: lay descriptions patients give instead of a symptom name (issue 11, missed PROBLEM).

Each group has sentences where the description is the complaint and sentences in the same words that
name none (the precision guards of the brief).
"""
from __future__ import annotations

import pytest

from qatext.ner import lay_patterns


def problems(nlp, text):
    return [e.text for e in nlp(text).ents if e.label_ in ("SYMPTOM", "DISEASE")]


def check(nlp, text, span):
    if span is None:
        return
    assert span in problems(nlp, text), (text, problems(nlp, text))


# --- the matcher -------------------------------------------------------------------------------------
def test_matcher_slots_numbers_and_optional_words():
    index = lay_patterns.compile_patterns([("up ?every # minutes|mins", "SYMPTOM", "X")])
    assert lay_patterns.find("im up every 45 mins".split(), index) == [(1, 5, "SYMPTOM", "X")]
    assert lay_patterns.find("up 45 mins".split(), index) == [(0, 3, "SYMPTOM", "X")]
    assert lay_patterns.find("up every few minutes".split(), index) == []


def test_place_gives_way_to_a_span_it_only_partly_covers():
    spans = [(0, 2, "DRUG", "d"), (4, 5, "SYMPTOM", "s")]
    assert lay_patterns.place(spans, [(1, 3, "SYMPTOM", "x")]) == spans
    assert lay_patterns.place(spans, [(3, 6, "SYMPTOM", "x")]) == [(0, 2, "DRUG", "d"), (3, 6, "SYMPTOM", "x")]


# --- 1. intake ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, span", [
    ("day 3 of this bug and i still cant keep fluids down, should i go to urgent care?", "cant keep fluids down"),
    ("she threw up her iron and cant keep the pills down either", "cant keep the pills down"),
    ("my nan has a chest infection and is not drinking enough, the carers are worried", "not drinking enough"),
    ("the baby has a temp and is barely drinking since yesterday", "barely drinking"),
    ("my toddler wont drink anything but ice lollies since the tonsillitis", "wont drink anything"),
    ("he's been refusing his bottles all day and feels hot", "refusing his bottles"),
    ("our lad has been off his food since the chickenpox started", "off his food"),
    ("since the ozempic i feel full after two bites and it lasts all day", "full after two bites"),
    ("after the stroke dad chokes on thin liquids so they gave him thickener", "chokes on thin liquids"),
])
def test_intake_described(nlp, text, span):
    check(nlp, text, span)


@pytest.mark.parametrize("text", [
    "i cant keep the dog down when the postman comes",
    "i am not drinking alcohol this month",
    "i feel full after half an hour of swimming",
    "we took the car off the road in winter",
])
def test_intake_words_without_a_complaint(nlp, text):
    assert not any(w in " ".join(problems(nlp, text)) for w in ("keep", "drinking", "full after", "off"))


# --- 2. what comes out --------------------------------------------------------------------------------
@pytest.mark.parametrize("text, span", [
    ("i havent pooped in 6 days even with prune juice", "havent pooped in 6 days"),
    ("theres been dark red blood on the toilet paper twice this week", "dark red blood on the toilet paper"),
    ("woke up with blood on my pillowcase after a nosebleed in the night", "blood on my pillowcase"),
    ("the dipstick showed sugar in her wee and she is always thirsty", "sugar in her wee"),
    ("kidney stones can cause visible blood in the urine and severe flank pain", "visible blood in the urine"),
    ("my little one has had hardly any wet nappies since the vomiting started", "hardly any wet nappies"),
    ("shes 6 and still having accidents at school, is that normal", "accidents at school"),
    ("greasy floating poos for a month now after the gallbladder op", "greasy floating poos"),
    ("my poo went rusty brown after the iron tablets", "poo went rusty brown"),
    ("the incision has green drainage and smells", "green drainage"),
    ("with this tummy bug shes weeing hardly anything and is very sleepy", "weeing hardly anything"),
    ("my prostate is big and i feel like i never completely empty", "feel like i never completely empty"),
    ("started the new pill and now theres burning every time i wee", "burning every time i wee"),
    ("with this UTI im needing to pee every 15 minutes", "needing to pee every 15 minutes"),
    ("my husband is up every 2 hours at night to pee since he turned 60", "up every 2 hours at night to pee"),
])
def test_body_products_and_toilet(nlp, text, span):
    check(nlp, text, span)


@pytest.mark.parametrize("text", [
    "there was blood on the form where they took my signature",
    "i have to go to work at 7",
    "two accidents on the motorway made me late for my appointment",
])
def test_toilet_words_without_a_complaint(nlp, text):
    assert not any(w in " ".join(problems(nlp, text)) for w in ("blood on", "have to go", "accidents"))


# --- 3. sight -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, span", [
    ("this morning there was a grey veil over my vision in the right eye for 10 minutes", "grey veil over my vision"),
    ("i get a black spot in the middle of my vision when i read", "black spot in the middle of my vision"),
    ("the new drops blur my vision for an hour", "blur my vision"),
    ("my glaucoma is bad and im terrified of losing my sight", "losing my sight"),
    ("since the migraine bright lights hurt my eyes", "bright lights hurt my eyes"),
    ("every time i stand up fast my vision goes black for a second", "vision goes black"),
])
def test_sight_described(nlp, text, span):
    check(nlp, text, span)


@pytest.mark.parametrize("text", [
    "the curtain over the window was open when i woke",
    "the lights bother me at parties, too loud and busy",
    "we lost sight of the boat in the fog",
])
def test_sight_words_without_a_complaint(nlp, text):
    assert problems(nlp, text) == []


# --- 4. sleep -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, span", [
    ("i keep waking up choking and my partner says i snore", "keep waking up choking"),
    ("since the menopause i wake up at 3am every night, wide awake", "wake up at 3am"),
    ("my teenager hardly sleeps since starting the new meds", "hardly sleeps"),
    ("i sweat through my sheets every night and have lost weight", "sweat through my sheets"),
])
def test_sleep_described(nlp, text, span):
    check(nlp, text, span)


@pytest.mark.parametrize("text", [
    "i wake up at 7 for work and feel fine",
    "woke up at 3am with a sharp pain in my big toe",
    "i was sweating bullets before my driving test",
])
def test_sleep_words_without_a_complaint(nlp, text):
    assert not any(w in " ".join(problems(nlp, text)) for w in ("wake up at", "woke up at", "bullets"))


# --- 5. behaviour, memory, mood, development ----------------------------------------------------------
@pytest.mark.parametrize("text, span", [
    ("on sertraline but i still cant stop counting the tiles in every room", "cant stop counting"),
    ("i keep checking the front door 10 times before bed", "checking the front door 10 times"),
    ("the steroids have me snapping at my kids over nothing", "snapping at my kids"),
    ("mum keeps forgetting appointments and repeats herself", "forgetting appointments"),
    ("grandad gets lost walking home from the paper shop he has used for 40 years", "gets lost walking home"),
    ("teacher says she stares blankly for a few seconds in class", "stares blankly"),
    ("since the move he has daily meltdowns over small things", "meltdowns"),
    ("6 weeks postpartum and i still dont feel connected to my son", "dont feel connected"),
    ("at 20 months she isnt walking yet, is that a worry", "isnt walking yet"),
    ("at 14 months he doesnt babble or point", "doesnt babble or point"),
    ("since the fall grandma's words come out muddled by the evening", "words come out muddled"),
    ("on the antidepressant he started talking a mile a minute and spending money", "talking a mile a minute"),
    ("dad keeps repeating the same questions all afternoon", "repeating the same questions"),
    ("Compulsive handwashing that takes two hours a day warrants treatment.", "Compulsive handwashing"),
])
def test_behaviour_described(nlp, text, span):
    check(nlp, text, span)


@pytest.mark.parametrize("text", [
    "i was checking the oven timer every minute while baking",
    "we got lost driving home from the festival",
    "the stock market meltdowns cost us a lot",
    "he isnt talking to me since the argument",
])
def test_behaviour_words_without_a_complaint(nlp, text):
    assert problems(nlp, text) == []


def test_a_sign_that_does_not_point_somewhere_is_no_milestone(nlp):
    assert not any("point" in p for p in problems(nlp, "poor sleep on its own does not point to a thyroid problem"))


# --- impairments.tsv additions ------------------------------------------------------------------------
@pytest.mark.parametrize("text, span", [
    ("my ankles swell so much i cant get my shoes on by the evening", "cant get my shoes on"),
    ("my agoraphobia is so bad i cant leave the house some weeks", "cant leave the house"),
    ("my hands shake so much i couldnt thread a needle", "couldnt thread a needle"),
])
def test_new_impairments(nlp, text, span):
    check(nlp, text, span)
