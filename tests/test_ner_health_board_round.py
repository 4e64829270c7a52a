"""Rule round from blind batch 113 (health-board posts asking what a complaint could be, and tweets; batch 114,
written beside it, was not studied). What comes out of the body told by its colour ("Pink wee", "my wee came out
pink", "pee that's a bit foamy"), a part's or a product's second predicate with its own verb ("... and feels gritty",
"... and smells awful"), "a bit of a temperature", laughter's tears, an ear one cannot hear out of, a kidney's function after a list of
places, cramps likened to period pain, and lay words the lexicon lacked. The cases a helper's review found the first
versions reaching (a nurse taking a temperature, an angry "spewing", a brush's coarse hairs, a list's "like period
pains", "in PE" beside an embolism's cues, which made the school's PE rule go) are pinned beside them.
"""
from __future__ import annotations

import pytest

from tests.conftest import entities_by_text as _entities


@pytest.mark.parametrize("text, span, label", [
    ("Pink wee twice last week, no pain at all", "Pink wee", "SYMPTOM"),
    ("Twice last week my wee came out pink, like diluted squash", "wee came out pink", "SYMPTOM"),
    ("ankles that puff up by the evening and pee that's a bit foamy.", "pee that's a bit foamy", "SYMPTOM"),
    ("his wee is dark like strong tea, his poo is pale", "poo is pale", "SYMPTOM"),
    ("Our daughter's left eye has been watery and goopy since birth", "left eye has been watery and goopy", "SYMPTOM"),
    ("my left eye wont stop twitching and feels gritty", "left eye wont stop twitching and feels gritty", "SYMPTOM"),
    ("wee is cloudy and smells awful and theres a dull ache", "wee is cloudy and smells awful", "SYMPTOM"),
    ("her stools are pale and greasy", "stools are pale and greasy", "SYMPTOM"),
    ("every morning her lashes are crusted together", "lashes are crusted together", "SYMPTOM"),
    ("one side of my throat is huge", "one side of my throat is huge", "SYMPTOM"),
    ("it ached up into my groin, with a bit of a temperature.", "temperature", "SYMPTOM"),
    ("had a bit of a temp last night", "temp", "SYMPTOM"),
    ("whole office went down with noro and now its my turn", "noro", "DISEASE"),
    ("quit 2 yrs ago and havent spewed once since", "spewed", "SYMPTOM"),
    ("he has background retinopathy", "background retinopathy", "DISEASE"),
    ("I have coarse dark hairs on my chin", "coarse dark hairs on my chin", "SYMPTOM"),
    ("3 month old with a sticky eye since birth", "sticky eye", "SYMPTOM"),
    ("Noro virus is going round the school", "Noro virus", "DISEASE"),
    ("3rd UTI this year, peeing razor blades", "peeing razor blades", "SYMPTOM"),
    ("swallowing feels like razor blades", "swallowing feels like razor blades", "SYMPTOM"),
])
def test_complaints_of_the_batch_113_round(nlp, text, span, label):
    assert _entities(nlp, text)[span][0] == label


@pytest.mark.parametrize("text, word", [
    ("these replies have me crying laughing", "crying"),
    ("his wee is dark like strong tea", "tea"),
    # the first versions of the round reached these (a helper's review)
    ("Red wine is nicer with a bit of a temperature", "temperature"),
    ("Did the nurse get a temperature or sats on him?", "temperature"),
    ("I'm spewing that I missed the concert", "spewing"),
    ("volcano was spewing ash", "spewing"),
    ("The brush has coarse hairs", "coarse hairs"),
    ("admitted after swallowing razor blades in prison", "swallowing razor blades"),
    ("left ear is POUNDING and i cant hear anything out of it.", "out of it"),
    ("Lost my dad in april and i cant seem to climb out of it", "out of it"),
    ("some mild cramps low down, like period pain. No red blood", "period pain"),
    ("Side effects: stomach cramps like period pain, loose stools", "period pain"),
])
def test_what_the_round_reads_as_no_complaint(nlp, text, word):
    assert word not in _entities(nlp, text)


@pytest.mark.parametrize("text, span", [
    ("an ultrasound showed several cysts on both kidneys, and my kidney function is still normal.",
     "cysts on both kidneys"),
    ("a rash on my arms, and my liver function is fine", "rash on my arms"),
])
def test_a_part_before_what_is_measured_of_it_ends_the_list(nlp, text, span):
    assert _entities(nlp, text)[span][0] == "SYMPTOM"


@pytest.mark.parametrize("text, span, label", [
    # what the rules must keep
    ("I get period pain every month", "period pain", "SYMPTOM"),
    ("I felt totally out of it on the new dose", "totally out of it", "SYMPTOM"),
    ("I keep crying", "crying", "SYMPTOM"),
    ("pain in my knee and my hip", "pain in my knee and my hip", "SYMPTOM"),
    ("Loads of symptoms, headaches, like period pains, mood swings", "period pains", "SYMPTOM"),
    ("Everyone's off sick with coughs, like flu and covid", "flu", "DISEASE"),
    ("Since his stroke he has episodes of crying laughing for no reason", "episodes of crying", "SYMPTOM"),
    ("My poo has gone black like iron tablets do", "iron tablets", "DRUG"),
    ("cant think straight cant see properly out of it all day on these meds", "out of it", "SYMPTOM"),
    ("The scan showed a clot in her lung, a PE.", "PE", "DISEASE"),
])
def test_what_the_round_keeps(nlp, text, span, label):
    assert _entities(nlp, text)[span][0] == label
