"""Quality floors on the team's gold sets: a change that makes the tags worse fails here.

The floors sit a little under the scores measured when they were set (the closing notes give
the measured values); raise them when the tags get better, never lower them to make a change
pass. These are yardsticks written by the team, so they flatter us: the owners' unseen sets
are the real measure.
"""
from __future__ import annotations

import pytest

from conftest import GOLD

pytestmark = pytest.mark.slow


def _value(table, matching: str, measure: str, group: str) -> float:
    row = table[(table["matching"] == matching) & (table["measure"] == measure) & (table["group"] == group)]
    assert len(row) == 1, f"no {matching}/{measure}/{group} row in the assertion scores"
    return float(row["value"].iloc[0])


def test_assertion_accuracy_on_the_blind_assertion_gold():
    from qatext.ner.evaluate import evaluate_all

    table = evaluate_all(GOLD / "assertion.jsonl").assertion
    # Measured 0.851 overall when issue 12 landed (0.808 on the half never looked at); 0.973 and
    # experiencer 0.993 on those 259 passages after its follow-up, which studied their misses.
    # The file then grew by two blind batches (q155-q284, r106-r165) that no rule was fitted to:
    # 0.928 and experiencer 0.973 on all 449 passages. The next round studied the misses of those
    # two batches too (0.957, experiencer 0.983). Blind batch 5 (q285-q334, r166-r185) then came in
    # at 0.851 strict on its own (0.937 overlap and experiencer 0.972 on all 499 passages); the fourth
    # round studied its misses (0.963, experiencer 0.985 on all). Blind batch 6 (q335-q384,
    # r186-r205), never studied, then came in at 0.902 on its own: 0.954 and experiencer 0.979 on
    # all 589 passages. The fifth round studied batch 6's misses: 0.966 and experiencer 0.986 on all
    # 589 passages. Blind batch 7 (q385-q434, r206-r225), never studied, came in at 0.822 strict on its
    # own; the sixth round studied its misses: 0.961 and experiencer 0.984 on all 659 passages. Blind
    # batch 8 (q435-q484, r226-r245), never studied, then came in at 0.839 strict on its own: 0.947
    # and experiencer 0.973 on all 729 passages. The seventh round studied batch 8's misses (rules
    # by the shape of a general clause): 0.960 and experiencer 0.984 on all 729 passages. Blind batch
    # 9 (q485-q534, r246-r265), never studied, then came in at 0.788 strict on its own: 0.943 and
    # experiencer 0.974 on all 799 passages. Blind batch 10 (q535-q584, r266-r285), never studied,
    # then came in at 0.778 strict on its own: 0.917 and experiencer 0.954 on all 869 passages.
    # Since then the learned status model (on by default) revises the rules' statuses; it is trained
    # on this very file, so with it the file measures fit (0.988 and experiencer 0.990 overlap), not
    # unseen text: its held-out scores are in qatext/resources/context/MODEL_CARD.md. These floors
    # only catch breakage.
    assert _value(table, "overlap", "accuracy", "all") >= 0.980
    assert _value(table, "overlap", "experiencer", "all") >= 0.985


def test_negation_on_blind_clinical_notes():
    """ConText must keep working on the clinical notes it was made for (issue 12: the owners' public
    clinical negation set must stay at or above 0.95 negation F1). data/gold/clinical_negation.jsonl: 80
    clinical-note passages written blind to the rules. Negation F1 (strict, over the mentions found):
    0.947 at c531902; 0.912 after a rule that let a comma end a negation's reach (lists of findings
    with an item the NER does not know, "No CP, presyncope or ascites"); 0.949 once that rule was kept
    to verbal negations."""
    from qatext.ner.evaluate import evaluate_all

    table = evaluate_all(GOLD / "clinical_negation.jsonl").assertion
    row = table[(table["matching"] == "strict") & (table["measure"] == "status") & (table["group"] == "negated")]
    assert float(row["f1"].iloc[0]) >= 0.94

