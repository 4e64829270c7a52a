"""Mending round 19's review (defects 3, 7, 8, 9, 10, 14): lone words need their subject and story, lost senses and
movements keep the right complement, state phrases their sense, and the phrase placing stays linear."""
from __future__ import annotations

import random
import time

import pytest

from qatext.ner import lay_patterns, lay_state_phrases


def _ents(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents]


def _problems(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents if e.label_ in ("SYMPTOM", "DISEASE")]


# --- 3. a lone word is a complaint only with a person or body part as its subject, in a story of the body ----------
@pytest.mark.parametrize("text", [
    # the reviewer's sentences
    "The second line looks faint.",
    "The test line looks faint, am I pregnant?",
    "There was a smell of burning in the kitchen.",
    "No burning in the garden after 6pm, council rules.",
    "Some burning on the edges of the toast.",
    "The jeans have bled onto my sofa.",
    "The dye had bled, and the shirt was ruined.",
    "I went grey at 25",
    "He went grey in his thirties",
    "Her hair is so ratty and tangled.",
    "The dog's fur is ratty and matted.",
    "My knee is fine now. It really hurt when she said that though.",
    # near-misses of our own
    "The writing on the box went faint after a year in the sun.",
    "The colour had bled into the white towels.",
    "She went grey overnight after the divorce, now she dyes it.",
    "His beard is ratty and needs a trim.",
    "My wrist healed ages ago. It still hurt that he never called.",
    "We could smell burning from the neighbours' bonfire.",
])
def test_lone_word_without_its_subject_or_story_is_nothing(nlp, text):
    assert _problems(nlp, text) == []


@pytest.mark.parametrize("text, word", [
    # must-catch of our own: a person or body part as the subject, a story of the body
    ("my dad went faint and sat on the stairs, his legs were shaking", "faint"),
    ("she looked faint after the blood test so the nurse laid her down", "faint"),
    ("my mole itches and then it bled again last night", "bled"),
    ("my son is so ratty lately since starting the tablets", "ratty"),
    ("bad UTI, i pee every hour and the burning is awful", "burning"),
    ("i have a lump in my armpit. it really hurt when i lifted the shopping", "hurt"),
    ("the tablets mess with my thermostat, which leads to a feeling of burning, then sweats", "burning"),
    # round 19b's catches still stand
    ("i cant stay upright in the shower without going faint.", "faint"),
    ("hes had 3 falls since june, goes grey and wobbly when he stands up", "grey"),
    ("side effects: spots along my jawline, ratty with everyone, boobs tender.", "ratty"),
    ("side effects: bled on and off the whole time, spots along my jawline", "bled"),
])
def test_lone_word_of_a_person_is_a_complaint(nlp, text, word):
    assert (word, "SYMPTOM") in _problems(nlp, text)


# --- 7. a lost smell or taste takes its object, not the time after it nor the next clause --------------------------
@pytest.mark.parametrize("text, span, absent", [
    ("I cant smell the smoke today, weird.", "cant smell the smoke", "cant smell the smoke today"),
    ("I cant smell the coffee my husband makes.", "cant smell", "cant smell the coffee my"),
    ("i cant taste my dinner lately, everything is bland", "cant taste my dinner", "cant taste my dinner lately"),
    ("day 5 of covid and i cant smell the bleach im cleaning with", "cant smell the bleach", None),
])
def test_sensed_object_stops_at_time_and_possessive(nlp, text, span, absent):
    found = [t for t, _ in _problems(nlp, text)]
    assert span in found
    assert absent not in found


@pytest.mark.parametrize("text, span, entity", [
    ("I cant taste the wine tonight because of this cold", "cant taste", ("wine", "DRUG")),
    ("cant taste my coffee properly since covid", "cant taste", ("coffee", "DRUG")),
])
def test_sensed_object_that_is_an_entity_keeps_its_span(nlp, text, span, entity):
    ents = _ents(nlp, text)
    assert (span, "SYMPTOM") in ents
    assert entity in ents


# --- 8. a lost movement's complement: social places, orders to fast, directions -----------------------------------
@pytest.mark.parametrize("text", [
    "I can't stand in the queue at Tesco, the people drive me mad",
    "I cant eat or drink after 10pm before the op",
    # near-misses of our own
    "you cant eat anything from midnight before the surgery",
    "i cant eat anything before my colonoscopy tomorrow",
    "i cant sit back and watch him suffer like this",
    "honestly i cant stand in the line at the post office, so slow",
])
def test_not_a_lost_function(nlp, text):
    problems = _problems(nlp, text)
    assert not any(t.lower().startswith(("can", "nt ", "n't ")) for t, _ in problems), problems


@pytest.mark.parametrize("text, span", [
    ("Can't kneel down on the floor", "Can't kneel down"),
    ("Cant sit back", "Cant sit back"),
    # must-catch of our own, and round 19b's
    ("since the op i cant bend down on the left side", "cant bend down"),
    ("nurse said to pause it if i cant eat or drink because of the risk of DKA.", "cant eat or drink"),
    ("my legs go purple and i cant stand in the shower any more so i sit down.", "cant stand in the shower"),
    ("my daughter does my socks as i cant bend down.", "cant bend down"),
])
def test_lost_movement_keeps_its_direction(nlp, text, span):
    assert (span, "SYMPTOM") in _problems(nlp, text)


@pytest.mark.parametrize("text, absent", [
    ("i cant look down on people like that.", "cant look down"),
    ("i cant lie back and think of it.", "cant lie back"),
])
def test_direction_idioms_stay_out(nlp, text, absent):
    assert all(absent not in t for t, _ in _problems(nlp, text))


# --- 9. state phrases in their sense only ----------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The cushions were all puffed out after the wash.",
    "I keep replaying the crash in slow motion on YouTube, what a finish to the race.",
    "I have no patience left for this game lol.",
    "When I'm busy at work I forget to eat lunch.",
    "I always forget to eat my vegetables.",
    "jump out of my skin with joy",
    "Can't remember whether I turned the oven off, heading back home.",
    "So jittery before my exam on Monday",
    # near-misses of our own
    "the pillows are puffed out and the duvet is fresh",
    "we keep replaying the crash on the telly, what a lap",
    "i have zero patience left for the council",
    "if im busy i often forget to eat breakfast",
    "i jump out of my skin with excitement every time he calls",
    "i cant remember if i locked the car, back in a sec",
    "really jittery about my driving test tomorrow",
])
def test_state_phrase_out_of_its_sense(nlp, text):
    assert [p for p in _problems(nlp, text) if p[0] not in ("depression",)] == []


def test_highs_and_lows_of_a_fan_are_no_mood(nlp):
    problems = _problems(nlp, "The highs and lows of being a Spurs fan, depression every season.")
    assert ("highs", "SYMPTOM") not in problems and ("lows", "SYMPTOM") not in problems


@pytest.mark.parametrize("text, span", [
    ("jittery about my date tonight, started prozac last week", "jittery"),
    # must-catch of our own, and round 19c's
    ("i get so puffed out on the stairs since the chemo", "so puffed out"),
    ("hes out of puff walking to the shop now.", "out of puff"),
    ("i have no patience left with anyone since the menopause", "no patience"),
    ("i keep replaying the crash in slow motion every night", "keep replaying the crash"),
    ("since starting concerta i always forget to eat lunch", "always forget to eat lunch"),
    ("he gets muddled and he cant remember whether hes taken his tablets.",
     "cant remember whether hes taken his tablets"),
    ("my memory is shot, i cant remember whether i locked the door", "cant remember whether i locked the door"),
    ("no highs or lows since i started lithium", "lows"),
    ("since the crash i jump out of my skin at any horn", "jump out of my skin"),
])
def test_state_phrase_in_its_sense(nlp, text, span):
    assert (span, "SYMPTOM") in _problems(nlp, text)


# --- 10. "tripping" tells a trip only with its drug ------------------------------------------------------------------
def test_tripping_on_holiday_is_no_hallucination_story(nlp):
    text = "I saw shadows on the wall when tripping on holiday in the car headlights."
    assert all("shadows" not in t for t, _ in _problems(nlp, text))


def test_tripping_on_acid_is(nlp):
    text = "i saw shadows on the wall when tripping on acid"
    assert ("saw shadows on the wall", "SYMPTOM") in _problems(nlp, text)


# --- 14. placing phrases is linear in the doc's length, with the same result -----------------------------------------
def test_place_is_the_scan_it_replaces():
    rng = random.Random(7)
    for _ in range(3000):
        spans, i = [], 0
        while i < 40:
            i += rng.randint(0, 4)
            size = rng.randint(1, 4)
            if i + size <= 40:
                spans.append((i, i + size, "SYMPTOM", "c"))
                i += size
        added = [(a, a + rng.randint(1, 6), "SYMPTOM", "x") for a in (rng.randint(0, 39) for _ in range(5))]
        assert lay_patterns.place(spans, added) == lay_patterns._place_scanning(spans, added)


def test_longest_keeps_the_longest_then_first():
    found = [(0, 3, "SYMPTOM", "a"), (2, 6, "SYMPTOM", "b"), (6, 8, "SYMPTOM", "c"), (7, 9, "SYMPTOM", "d"),
             (5, 7, "SYMPTOM", "e")]
    assert lay_state_phrases._longest(found) == [(2, 6, "SYMPTOM", "b"), (6, 8, "SYMPTOM", "c")]


def test_state_phrases_time_grows_linearly(nlp):
    text = ("i have zero patience and my thoughts turn to mush. im out of puff on the stairs. i forget to eat and "
            "cant remember whether hes taken his tablets. no highs since lithium. so jittery before the show. ")
    doc = nlp(text * 40)
    words = [t.lower_ for t in doc]
    spans = sorted((e.start, e.end, e.label_, e.kb_id_) for e in doc.ents)
    long_doc = nlp(text * 160)
    long_words = [t.lower_ for t in long_doc]
    long_spans = sorted((e.start, e.end, e.label_, e.kb_id_) for e in long_doc.ents)

    def best(w, s):  # best of 7: a busy neighbour on the core (a CI run beside the tests) slows single passes
        times = []
        for _ in range(7):
            t = time.perf_counter()
            lay_state_phrases.add_state_phrases(None, w, s)
            times.append(time.perf_counter() - t)
        return min(times)
    # 4 times the length: well under the 16 times of a scan per phrase
    assert best(long_words, long_spans) < 8 * best(words, spans) + 0.01
