"""Round 33: what blind batch 49 (skin-condition communities, questions about covid, flu and vaccines) showed after
its score. Community shorthand of the skin ("SD", "PIH", "tret", "accu") with its other senses; a vaccine named by
its disease. Each class has its near miss beside it. ("stress" and "stressed", which the gold never annotates, stay
SYMPTOMs: the reviewed concept table keeps "stress" as psychological stress.)
"""
from __future__ import annotations

import pytest

from conftest import labelled


@pytest.mark.parametrize("text, entity", [
    ("My SD flakes are greasy and yellow and clear up with ketoconazole shampoo.", ("SD", "DISEASE")),
    ("tret 0.025 has faded my PIH and the acne marks", ("PIH", "SYMPTOM")),
    ("tret 0.025 has faded my PIH and the acne marks", ("tret", "DRUG")),
    ("accu month 3, dry lips and a nosebleed", ("accu", "DRUG")),
    ("at 32 weeks pregnant the midwife says PIH, my blood pressure is 150/95", ("PIH", "DISEASE")),
    ("the midwife offered the whooping cough vaccine at 20 weeks", ("whooping cough vaccine", "DRUG")),
    ("had my covid booster yesterday and my arm is sore", ("covid booster", "DRUG")),
])
def test_found_after_batch_49(nlp, text, entity):
    assert entity in labelled(nlp, text)


@pytest.mark.parametrize("text, surface", [
    ("I bought a 64gb SD card for my phone", "SD"),
    # a shorthand with no word of its sense nearby stays nothing
    ("sorry for the SD question, mods", "SD"),
])
def test_left_out_after_batch_49(nlp, text, surface):
    assert surface not in [e for e, _ in labelled(nlp, text)]
