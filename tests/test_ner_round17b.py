"""Round 17b: where a lay complaint starts and stops (issue 11, GUIDELINES rules 4, 5, 6, 10, 11 and 16).

Each class has sentences in other words than the study set that the rules must catch, and near-misses in the
same words whose spans must not grow or split.
"""
from __future__ import annotations

import pytest

import qatext


@pytest.fixture(scope="module")
def nlp():
    return qatext.load(topics=False)


def texts(nlp, text):
    return [e.text for e in nlp(text).ents]


# --- 1. a span stops where "and" starts a clause of its own ---------------------------------------------------------
@pytest.mark.parametrize("text, wanted, unwanted", [
    # a part with its own possessive and a singular verb is a new subject, not the last of a list of parts
    ("on antibiotics for my sore knee and my stomach is churning all day", "stomach is churning",
     "knee and my stomach is churning"),
    ("ache in my calf and ankle, and my heel feels numb at night", "heel feels numb", "ankle, and my heel feels numb"),
    ("broke my wrist in june and my thumb is still stiff", "thumb is still stiff", "wrist in june and my thumb is still stiff"),
    # a first part that a preposition ties to what came before is no subject the list shares
    ("i see zigzags at the corner of my eye and my lips and tongue have swollen up", "lips and tongue have swollen up",
     "corner of my eye and my lips"),
    # a part's state and a taste in the mouth are two complaints; a product's colour and smell one
    ("my wisdom tooth is sore and tastes rotten since friday", "wisdom tooth is sore", "sore and tastes rotten"),
])
def test_run_on_clauses_stop(nlp, text, wanted, unwanted):
    found = texts(nlp, text)
    assert not any(unwanted in t for t in found), found
    assert any(wanted in t for t in found), found


@pytest.mark.parametrize("text, whole", [
    # near-misses: a list of parts that shares a plural predicate stays one span (rule 11)
    ("my feet and my ankles are swollen by the evening", "feet and my ankles are swollen"),
    ("since the fall my knee and hip are stiff every morning", "knee and hip are stiff"),
    ("my wee is dark and smells strong since the new tablets", "wee is dark and smells strong"),
])
def test_shared_predicates_still_join(nlp, text, whole):
    assert whole in texts(nlp, text), texts(nlp, text)
