"""Round 28: what blind batch 44 (NSAID and statin reviews, plain first questions to an ask-a-doctor site) showed
after its score. A disease named by its three sites alone ("hand, foot and mouth"), an allergy with what it is to
(also misspelled), a joint "bone on bone", a part with how often its complaint comes ("my heart suddenly races"), a
place "the same" or "the other" one, the verb that brings phlegm up, a stool's texture and shade, nuisances at work
and ones the writer does not need, triggers listed after a trigger ("when I cough, sneeze or jump"), sheets soaked
by named sweats, and a few lexicon rows and forms ("Q10", "E45", "hi cholestrol", "emulgel", "dribble afterwards").
Each class has its near miss beside it.
"""
from __future__ import annotations

import pytest

from conftest import labelled


@pytest.mark.parametrize("text, entity", [
    # a disease named by its sites; an allergy with its allergen; a worn joint
    ("Nursery told us a few children there had hand, foot and mouth last week.", ("hand, foot and mouth", "DISEASE")),
    ("i have an allergy to penicillin", ("allergy to penicillin", "DISEASE")),
    ("is it an allergy to something?", ("allergy", "DISEASE")),
    ("I have an alergy to penicillin if that matters.", ("alergy to penicillin", "DISEASE")),
    ("an alergy to any food", ("alergy", "DISEASE")),
    ("Reason: osteoarthritis in both knees, bone on bone on the x-ray.", ("osteoarthritis in both knees", "DISEASE")),
    ("Reason: osteoarthritis in both knees, bone on bone on the x-ray.", ("bone on bone", "SYMPTOM")),
    ("swollen feet, ankles and knees", ("swollen feet, ankles and knees", "SYMPTOM")),
    # how often or how suddenly a part's complaint comes
    ("a few times a week my heart suddenly races.", ("heart suddenly races", "SYMPTOM")),
    ("my knee sometimes gives way on the stairs", ("knee sometimes gives way", "SYMPTOM")),
    ("Side effects: thighs burned climbing stairs", ("thighs burned", "SYMPTOM")),
    # where: the same place again, the other one
    ("I had an abscess in the same armpit last year", ("abscess in the same armpit", "SYMPTOM")),
    ("now pain in my other knee", ("pain in my other knee", "SYMPTOM")),
    # what comes up, what comes out
    ("I'm bringing up yellow phlegm in the mornings", ("bringing up yellow phlegm", "SYMPTOM")),
    ("Her poo is really hard and she only goes twice a week.", ("poo is really hard", "SYMPTOM")),
    ("my poo has gone darker", ("poo has gone darker", "SYMPTOM")),
    ("my stream is weak and I dribble afterwards", ("dribble afterwards", "SYMPTOM")),
    # real uses beside the figures and triggers below
    ("I sneeze all day since the cat came", ("sneeze", "SYMPTOM")),
    ("i soaked the sheets most nights", ("soaked the sheets", "SYMPTOM")),
    # lexicon rows and forms
    ("i take Q10 and vitamin D", ("Q10", "DRUG")),
    ("I've been putting E45 on", ("E45", "DRUG")),
    ("Reason: hi cholestrol and diabetis.", ("hi cholestrol", "DISEASE")),
    ("voltaren emulgel beats diclofenac pills any day", ("voltaren emulgel", "DRUG")),
])
def test_found_after_batch_44(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, surface", [
    # a nuisance at work, one the writer does not need
    ("It's a real pain at work because clients notice.", "pain"),
    ("doc thinks im making it up, which is a headache i dont need.", "headache"),
    # triggers listed after a trigger
    ("I leak a bit of wee when I cough, sneeze or jump on the trampoline.", "sneeze"),
    # how bad named sweats are
    ("I've got hot flushes, night sweats that soak the sheets, and brain fog.", "soak the sheets"),
    # a part set against itself is no list item
    ("Reason: osteoarthritis in both knees, bone on bone on the x-ray.", "osteoarthritis in both knees, bone"),
    # the side of a lost function stays outside (round 21a), as batch 44's "[hurts to swallow on the left side]" did not
    ("it hurts to swallow on the left side and my voice has gone croaky", "hurts to swallow on the left side"),
    # bringing up something that is no sputum
    ("she brought up the blood test results", "brought up the blood test results"),
])
def test_left_out_after_batch_44(nlp, text, surface):
    assert surface not in [e for e, _ in labelled(nlp, text)]
