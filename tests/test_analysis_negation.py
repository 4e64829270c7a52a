"""The co-occurrence table from the real pipeline excludes negated mentions (crafted corpus)."""
from __future__ import annotations

import pytest

from qatext.analysis import cooccurrence, present_concepts
from qatext.schema import records_to_frame

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def annotated():
    from qatext.annotate import annotate_frame

    rows = []
    # 6 askers have headache and fever; 6 have headache and explicitly no fever; 6 have a cough and no headache.
    for i in range(6):
        rows.append({"record_id": f"both-{i}", "source": "test", "question": "I have a headache and a fever since Monday."})
    for i in range(6):
        rows.append({"record_id": f"negated-{i}", "source": "test",
                     "question": "I have a headache since Monday. I do not have any fever."})
    for i in range(6):
        rows.append({"record_id": f"cough-{i}", "source": "test",
                     "question": "I have a cough. My mother had fever and headache."})
    records = records_to_frame(rows)
    return records, annotate_frame(records).entities


def test_pipeline_marks_the_crafted_negations_and_family_mentions(annotated):
    _, entities = annotated
    fever = entities[entities["concept_name"] == "Fever"]
    assert set(fever.loc[fever["record_id"].str.startswith("negated"), "assertion"]) == {"negated"}
    assert set(fever.loc[fever["record_id"].str.startswith("both"), "assertion"]) == {"present"}
    assert "present" not in set(fever.loc[fever["record_id"].str.startswith("cough"), "assertion"])


def test_cooccurrence_counts_only_present_mentions(annotated):
    records, entities = annotated
    pairs = cooccurrence(present_concepts(entities), record_ids=records["record_id"], min_support=2, min_pair_count=2)
    names = pairs["name_a"] + "+" + pairs["name_b"]
    pair = pairs[names.isin(["Fever+Headache", "Headache+Fever"])].iloc[0]
    # Only the 6 'both' records: negated fever and the mother's symptoms are not the asker's.
    assert pair["n_ab"] == 6
    assert {pair["n_a"], pair["n_b"]} == {6, 12}
    assert pair["n_records"] == 18
    assert 0 <= pair["q_value"] <= 1 and pair["q_value"] >= pair["p_value"]
