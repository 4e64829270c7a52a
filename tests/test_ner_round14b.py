"""Round 14b: one-word symptoms by their context, degree words before a noun, drug names patients use (issue 11)."""
from __future__ import annotations

import pytest

import qatext


@pytest.fixture(scope="module")
def nlp():
    return qatext.load(topics=False)


def found(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents]


def texts(nlp, text):
    return [e.text for e in nlp(text).ents]


# --- 2. "so"/"too" grade an adjective, not a noun (GUIDELINES rule 16) ----------------------------------
@pytest.mark.parametrize("text, entity", [
    ("my iron studies were low so anaemia was the first thing they checked", "anaemia"),
    ("my sister has it too so pernicious anaemia runs in the family i guess", "pernicious anaemia"),
    ("started steroids last week so moon face is on its way", "moon face"),
    ("lifting boxes all day at work so back pain every evening", "back pain"),
    ("stitches came out today so bleeding is what i have to watch for", "bleeding"),
])
def test_conjunction_so_stays_out_of_a_noun(nlp, text, entity):
    assert entity in texts(nlp, text)


@pytest.mark.parametrize("text, entity", [
    ("the iron tablets make me so constipated", "so constipated"),
    ("i feel so tired and so nauseous all day", "so nauseous"),
    ("im too weak to get up some mornings", "too weak"),
    ("woke up with a really sore throat", "really sore throat"),
])
def test_degree_adverb_stays_with_an_adjective(nlp, text, entity):
    assert any(t.startswith(entity) for t in texts(nlp, text)), texts(nlp, text)


# --- 1. one-word symptoms that need their context -----------------------------------------------------
@pytest.mark.parametrize("text, entity", [
    ("my shoulder aches after gym and it clicks when i lift my arm over my head", "clicks"),
    ("hurt my knee skiing in march and it still gives out going down stairs", "gives out"),
    ("was jumping on the trampoline with my kids and felt a pop in my ankle", "pop"),
    ("my eczema flared on my hands again and it stings when i use hand sanitiser", "stings"),
    ("the new eye drops sting for a minute after i put them in", "sting"),
    ("grandad has a sore on his shin that wont heal, its weeping through the dressing", "weeping"),
    ("bruised my ribs falling off a ladder and its tender when i cough", "tender"),
    ("my wrist swelled overnight, its red and hot to look at", "red"),
    ("my son felt hot all evening so i gave him calpol", "hot"),
    ("when i found her she was pale, cold and clammy and barely talking", "cold and clammy"),
    ("since the thyroid op im always freezing even with the heating on", "freezing"),
    ("the baby was floppy and wouldnt feed so we called 111", "floppy"),
    ("since the hip replacement he walks with a limp", "limp"),
    ("the room was spinning when i sat up and the spinning lasted an hour", "spinning"),
    ("at night i feel a flutter in my chest and then my heart races", "flutter"),
])
def test_context_makes_a_symptom(nlp, text, entity):
    ents = found(nlp, text)
    assert any(t == entity and label == "SYMPTOM" for t, label in ents), ents


@pytest.mark.parametrize("text, word", [
    ("grabbed a cold drink and put some pop music on", "cold"),
    ("grabbed a cold drink and put some pop music on", "pop"),
    ("click the link in my bio for the recipe", "click"),
    ("got a new phone at a low price", "low"),
    ("he gave me a limp handshake and left", "limp"),
    ("its freezing outside so i stayed in", "freezing"),
    ("my arm is fine but a window pops up every time i open the app", "pops"),
    ("we heard a pop outside and the lights went out", "pop"),
    ("the coffee went cold while i waited", "cold"),
    ("my old floppy disk still works", "floppy"),
])
def test_bare_word_stays_unannotated(nlp, text, word):
    assert all(word not in t.split() for t in texts(nlp, text)), found(nlp, text)
