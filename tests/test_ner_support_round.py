"""Rule round from blind batch 111 (comments in patient support communities on a treatment, and tweets; batch 112,
written beside it, was not studied). Community names of medicines decided by their context ("AD", "ADs", "gabby",
"subs"); a part that is "a mess"; irritability landing on more people; a weight loss that is meant is a goal; a
pain doctor at a sentence's start; "such a pain" after a comment word. The cases a helper's review found the first
versions reaching (a film's subs, a gabby neighbour, the dog that snapped, "not meant to lose weight this fast", a
hand that is a mess from gardening) are pinned beside them.
"""
from __future__ import annotations

import pytest

from tests.conftest import entities_by_text as _entities


@pytest.mark.parametrize("text, span, label", [
    ("mirtaz 15 for depression is the first AD that gave me my sleep back", "AD", "DRUG"),
    ("mirtaz 15 for depression is the first AD that gave me my sleep back", "mirtaz", "DRUG"),
    ("efexor xr 150 here. tried 4 ADs before this", "ADs", "DRUG"),
    ("My GI put me on a low dose AD, amitriptyline 10mg at night", "AD", "DRUG"),
    ("my mum has AD and her memory is going, she is on donepezil", "AD", "DISEASE"),
    ("gabby 300 three times a day for the nerve pain", "gabby", "DRUG"),
    ("2 yrs on subs (8mg) after 6 yrs of oxys", "subs", "DRUG"),
    ("no more hangxiety sundays", "hangxiety", "SYMPTOM"),
])
def test_names_of_the_batch_111_round(nlp, text, span, label):
    assert _entities(nlp, text)[span][0] == label


def test_an_antidepressant_is_a_drug_class(nlp):
    doc = nlp("tried 4 ADs before this one and my depression is finally lifting")
    [ads] = [ent for ent in doc.ents if ent.text == "ADs"]
    assert ads._.drug_kind == "class" and ads._.expanded == "antidepressants"


@pytest.mark.parametrize("text, word", [
    ("saw an AD on tv for it", "AD"),
    ("my friend is so gabby lol", "gabby"),
    ("Gabby said hi to everyone", "Gabby"),
    ("thanks for the subs everyone, new video tomorrow", "subs"),
    ("I always watch films with subs on, it helps.", "subs"),
    ("The castle was built in 1200 AD by the king.", "AD"),
    ("So many ADs on youtube now.", "ADs"),
    ("The gabby old man at the pharmacy told me about his nerve pain.", "gabby"),
    ("Took Gabby to the vet on monday.", "Gabby"),
])
def test_the_same_letters_elsewhere_are_no_entity(nlp, text, word):
    assert word not in _entities(nlp, text)


@pytest.mark.parametrize("text, span", [
    ("My teeth are a mess from all the grinding", "teeth are a mess"),
    ("His bowels are a mess too", "bowels are a mess"),
    ("my eyes are a total mess since the flare", "eyes are a total mess"),
    ("i snapped at my boss over a stapler last week", "snapped at my boss"),
    ("day 3 off the vape and im biting everyones head off", "biting everyones head off"),
    ("My husband has been biting my head off since he started the testosterone", "biting my head off"),
])
def test_lay_complaints_of_the_round(nlp, text, span):
    assert _entities(nlp, text)[span][0] == "SYMPTOM"


@pytest.mark.parametrize("text, word", [
    ("my hair is a mess", "hair is a mess"),
    ("my room is a mess", "room is a mess"),
    ("My hands are a mess from gardening all weekend.", "hands are a mess"),
    ("My heart is a mess after the breakup", "heart is a mess"),
    ("ironic since im meant to be losing weight for my sugars", "losing weight"),
    ("been on norco for back pain since 2017. pain doc is tapering me 10% a month.", "pain"),
    ("the pharmacy is honestly still such a pain to deal with", "pain"),
    ("Not to bite your head off, but you should read the sidebar first.", "bite your head off"),
    ("my teeth are a mess, brush after the film dissolves ppl", "brush"),
])
def test_no_complaint(nlp, text, word):
    assert word not in _entities(nlp, text)


@pytest.mark.parametrize("text, span", [
    ("no clear fluid from my nose and no double vision, just a headache.", "headache"),
    ("also achy all over, a headache and a stiff neck", "headache"),
    ("she seems to be losing weight", "losing weight"),
    ("Not meant to lose weight this fast on metformin, is 10 lbs a month normal?", "lose weight"),
    ("My knee flared up again, such a pain to walk on it.", "pain"),
    ("Nausea docs please help, 3 weeks now.", "Nausea"),
])
def test_what_the_round_must_leave(nlp, text, span):
    assert _entities(nlp, text)[span][0] == "SYMPTOM"
