"""Round 30: what blind batch 46 (forum threads on neurological and women's-health conditions, drug reviews across
classes) showed after its score. Letters that are community shorthand are no later acronym of a lay phrase ("she goes
pale ... GP says"), "the pill" asked about or taken back to back, allergies to a commute or to meetings, and lexicon
rows (silent migraine, breakthrough seizure, muddled speech, comedown, addy, Cilest, Xonvea, methylpred, the
progesterone only pill, DMTs). Each class has its near miss beside it.
"""
from __future__ import annotations

import pytest

from conftest import labelled


@pytest.mark.parametrize("text, entity", [
    # an acronym of a lexicon mention still stands
    ("the allergist thinks oral allergy syndrome. is OAS ever dangerous?", ("OAS", "DISEASE")),
    # the contraceptive pill, asked about or taken without a break
    ("The GP says it's probably IBS and put me on the pill back to back.", ("pill", "DRUG")),
    ("Every period she gets cramps so bad she faints. Would the pill help?", ("pill", "DRUG")),
    # a real allergy beside the figures below
    ("I'm allergic to cats and my eyes stream", ("allergic to cats", "DISEASE")),
    # lexicon rows
    ("GP says silent migraine but wants a brain scan to be safe.", ("silent migraine", "DISEASE")),
    ("I still had one breakthrough seizure at 30 weeks", ("breakthrough seizure", "SYMPTOM")),
    ("I get muddled speech and my right hand goes numb", ("muddled speech", "SYMPTOM")),
    ("the comedown at 5pm makes me irritable", ("comedown", "SYMPTOM")),
    ("addy gets me through nursing school but i cant sleep", ("addy", "DRUG")),
    ("Cilest gave me mood swings so this is much better", ("Cilest", "DRUG")),
    ("Anyone had luck with Xonvea?", ("Xonvea", "DRUG")),
    ("Last time the IV methylpred hit me hard", ("IV methylpred", "DRUG")),
    ("Do they start DMTs straight away?", ("DMTs", "DRUG")),
    ("the GP is moving me to the progesterone only pill", ("progesterone only pill", "DRUG")),
])
def test_found_after_batch_46(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, surface", [
    # "GP" after a lay phrase whose initials it spells is the doctor the shorthand table reads
    ("she goes pale. The optician did a field test, which was fine. GP says silent migraine.", "GP"),
    # allergies that are figures
    ("Still allergic to my commute though.", "allergic"),
    ("still allergic to meetings tho. 3/5", "allergic to meetings tho"),
    # "the pill" that is the one just named
    ("I get heartburn after the pill", "pill"),
    # a fever that came down is no comedown
    ("the fever came down by the evening", "came down"),
])
def test_left_out_after_batch_46(nlp, text, surface):
    assert surface not in [e for e, _ in labelled(nlp, text)]
