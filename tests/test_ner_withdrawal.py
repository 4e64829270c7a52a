"""Withdrawal from a medicine, spoken of as a whole, is an umbrella like "side effects" (GUIDELINES rule 14).

The complaints it brings are the entities ("brain zaps", "dizziness"); a named substance's syndrome is one DISEASE
("alcohol withdrawal", "benzo withdrawls"), and "withdrawal" before a complaint names its cause inside the span
("withdrawal headaches").
"""
import pytest

from conftest import labelled


@pytest.mark.parametrize("text, expected", [
    ("The withdrawal was awful, but survivable.", []),
    ("is this withdrawal? too embarrassed to tell my dr", []),
    ("I'm nervous about the withdrawal from zoloft", [("zoloft", "DRUG")]),
    ("no withdrawal symptoms at all when i stopped", []),
    ("going through withdrawls now, brain zaps all day", [("brain zaps", "SYMPTOM")]),
    ("the withdrawal symptoms were dizziness and nausea",
     [("dizziness", "SYMPTOM"), ("nausea", "SYMPTOM")]),
])
def test_withdrawal_alone_is_no_entity(nlp, text, expected):
    assert labelled(nlp, text) == expected


@pytest.mark.parametrize("text, span, label", [
    ("he was admitted with alcohol withdrawal last year", "alcohol withdrawal", "DISEASE"),
    ("two weeks of benzo withdrawls and i still cant sleep", "benzo withdrawls", "DISEASE"),
    ("opiate withdrawals are no joke", "opiate withdrawals", "DISEASE"),
    ("the withdrawal headaches lasted a week", "withdrawal headaches", "SYMPTOM"),
    ("she had withdrawal seizures in hospital", "withdrawal seizures", "SYMPTOM"),
    ("two weeks off xanax and still shaky #benzowithdrawal", "#benzowithdrawal", "DISEASE"),
    ("since the divorce he has social withdrawal and stays in his room", "social withdrawal", "SYMPTOM"),
])
def test_withdrawal_named_or_attached_stays(nlp, text, span, label):
    assert (span, label) in labelled(nlp, text)
