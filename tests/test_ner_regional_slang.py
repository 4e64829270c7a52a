"""Lexicon round from blind batch 87 (UK, Irish and Australian forums; recovery communities; slang tweets), after
its score: words, not phrases. Street and pet names of medicines ("roxies", "K-pins", "trammies"; not "roxy" or
"vics", a pet's name and the chest rub misspelt), regional words for being unwell or sick ("peaky", "off colour",
"the squits", "chundering", "the lurgy"; "i feel so crook" among the felt states), and the recovery community's
names for withdrawal states ("clucking", "benzo belly", "nic fog", "greened out"). None of these words occurs in
``../shared/corpora``, so the doctors' Q&A there is untouched.
"""
from __future__ import annotations

import pytest


def _entities(nlp, text):
    return {e.text: (e.label_, e.kb_id_, e._.drug_kind if e.label_ == "DRUG" else None) for e in nlp(text).ents}


@pytest.mark.parametrize("text, surface, concept", [
    ("day 3 without roxies and i cant stop yawning", "roxies", "DRUGBANK:DB00497"),
    ("the doc put me on bupe after 2 years of fent", "bupe", "DRUGBANK:DB00921"),
    ("the doc put me on bupe after 2 years of fent", "fent", "DRUGBANK:DB00813"),
    ("crossing over from K-pins to valium, month 2", "K-pins", "DRUGBANK:DB01068"),
    ("gp has me on pregabs for the nerve pain", "pregabs", "DRUGBANK:DB00230"),
    ("mum calls them her trammies but she takes 6 a day", "trammies", "DRUGBANK:DB00193"),
    ("Difene from the chemist takes the edge off", "Difene", "DRUGBANK:DB00586"),
])
def test_street_and_pet_names_of_medicines_are_the_medicine(nlp, text, surface, concept):
    assert _entities(nlp, text)[surface] == ("DRUG", concept, "named")


@pytest.mark.parametrize("text, surface", [
    ("a cask of grog most weekends, the liver bloods were off", "grog"),
    ("tried kava at a wedding and my lips went numb", "kava"),
    ("no grog for 3 months says the doc", "grog"),
])
def test_drinks_and_herbs_are_substances(nlp, text, surface):
    label, _concept, kind = _entities(nlp, text)[surface]
    assert (label, kind) == ("DRUG", "substance")


@pytest.mark.parametrize("text, surface, label, concept", [
    ("my little one has been peaky all day and off colour since lunch", "peaky", "SYMPTOM", "HP:0033834"),
    ("my little one has been peaky all day and off colour since lunch", "off colour", "SYMPTOM", "HP:0033834"),
    ("been chundering since 4am and now the squits have started", "chundering", "SYMPTOM", "HP:0002013"),
    ("been chundering since 4am and now the squits have started", "squits", "SYMPTOM", "HP:0002014"),
    ("half the office has the lurgy", "lurgy", "DISEASE", "QATEXT:mesh/virus-diseases"),
    ("a sickness bug is going round the nursery", "sickness bug", "DISEASE", "QATEXT:mesh/gastroenteritis"),
    ("blood test confirmed ross river virus", "ross river virus", "DISEASE", "ICD10CM:B33.1"),
    ("I drink kava kava for my nerves", "kava kava", "DRUG", "QATEXT:drug/kava"),
])
def test_regional_words_for_being_unwell(nlp, text, surface, label, concept):
    found = _entities(nlp, text)[surface]
    assert found[:2] == (label, concept)


@pytest.mark.parametrize("text, surface", [
    ("first week of every drop i'm clucking a bit", "clucking"),
    ("month 4 of the taper and the benzo belly is brutal", "benzo belly"),
    ("quit the vape 9 days ago, is nic fog a thing", "nic fog"),
    ("ate the whole gummy and greened out on the sofa", "greened out"),
])
def test_withdrawal_and_overdoing_it_in_the_communitys_words(nlp, text, surface):
    assert _entities(nlp, text)[surface][0] == "SYMPTOM"


@pytest.mark.parametrize("text, surface", [
    ("i just felt rough the whole time and had 4 days off", "rough"),
    ("never felt so crook in my life", "so crook"),
    ("feeling really grotty today, staying in bed", "really grotty"),
])
def test_feeling_rough_is_malaise(nlp, text, surface):
    assert _entities(nlp, text)[surface][:2] == ("SYMPTOM", "HP:0033834")


@pytest.mark.parametrize("text, surface", [
    ("i can feel a rough hole in the tooth with my tongue", "rough"),
    ("I can feel rough edges where the filling was", "rough"),
    ("the new mattress feels rough", "rough"),
    ("the wifi feels ropey today", "ropey"),
])
def test_a_thing_felt_rough_is_no_malaise(nlp, text, surface):
    assert surface not in _entities(nlp, text)


@pytest.mark.parametrize("text, surface", [
    ("our dog roxy sleeps on my feet when my back is bad", "roxy"),
    ("zannie my best friend drove me to the hospital", "zannie"),
    ("went fishing in the tinnie on Sunday", "tinnie"),
    ("stuck in traffic on Ross River Road", "Ross River"),
    ("rubbed vics on his chest for the cough", "vics"),
])
def test_names_and_rubs_that_look_like_street_names_are_not_medicines(nlp, text, surface):
    assert _entities(nlp, text).get(surface, ("",))[0] != "DRUG"
