"""Co-occurrence: counts, statistics and the exclusion of negated, uncertain and family mentions."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import fisher_exact

from qatext.analysis import benjamini_hochberg, cooccurrence, cooccurrence_network, default_thresholds, present_concepts
from qatext.annotate import ENTITY_COLUMNS


def mention(record_id, concept, *, assertion="present", label="SYMPTOM", field="question"):
    return {"record_id": record_id, "field": field, "start": 0, "end": 1, "text": concept.lower(), "label": label,
            "concept_id": f"C:{concept}", "concept_name": concept, "assertion": assertion}


def table(rows):
    return pd.DataFrame(rows, columns=ENTITY_COLUMNS)


def test_present_concepts_keeps_only_the_askers_own_present_symptoms_and_diseases():
    entities = table([
        mention("r1", "Headache"),
        mention("r1", "Headache"),  # twice in one record counts once
        mention("r1", "Fever", assertion="negated"),
        mention("r1", "Stroke", assertion="family", label="DISEASE"),
        mention("r1", "Tumor", assertion="possible", label="DISEASE"),
        mention("r1", "Nausea", field="answer"),
        mention("r1", "Ibuprofen", label="DRUG"),
        mention("r2", "Asthma", label="DISEASE"),
    ])
    found = present_concepts(entities)
    assert found[["record_id", "concept_name"]].values.tolist() == [["r1", "Headache"], ["r2", "Asthma"]]


def test_mentions_without_concept_id_fall_back_to_their_text():
    entities = table([{**mention("r1", "Odd"), "concept_id": None, "concept_name": None, "text": "Weird Buzz"}])
    assert present_concepts(entities)["concept_id"].tolist() == ["text:weird buzz"]


def test_pair_statistics_match_hand_computation_and_scipy_fisher():
    # 20 records: A in 6, B in 5, both in 4; C in 10 records independent-ish of A.
    rows = []
    for i in range(20):
        rid = f"r{i:02d}"
        if i < 6:
            rows.append(mention(rid, "A"))
        if 2 <= i < 7:
            rows.append(mention(rid, "B"))
        if i % 2 == 0:
            rows.append(mention(rid, "C"))
    ids = [f"r{i:02d}" for i in range(20)]
    pairs = cooccurrence(present_concepts(table(rows)), record_ids=ids, min_support=2, min_pair_count=1)
    ab = pairs[(pairs["concept_a"] == "C:A") & (pairs["concept_b"] == "C:B")].iloc[0]
    assert (ab["n_a"], ab["n_b"], ab["n_ab"], ab["n_records"]) == (6, 5, 4, 20)
    assert ab["lift"] == pytest.approx((4 / 20) / ((6 / 20) * (5 / 20)))
    assert ab["pmi"] == pytest.approx(np.log2(ab["lift"]))
    assert ab["npmi"] == pytest.approx(ab["pmi"] / -np.log2(4 / 20))
    _, p = fisher_exact([[4, 2], [1, 13]], alternative="greater")
    assert ab["p_value"] == pytest.approx(p)
    assert (pairs["q_value"] >= pairs["p_value"] - 1e-12).all()
    assert set(pairs.columns) >= {"lift", "pmi", "npmi", "p_value", "q_value", "significant"}


def test_records_without_concepts_count_in_the_denominator():
    rows = [mention("r1", "A"), mention("r1", "B"), mention("r2", "A"), mention("r2", "B")]
    small = cooccurrence(present_concepts(table(rows)), min_support=1, min_pair_count=1)
    large = cooccurrence(present_concepts(table(rows)), record_ids=["r1", "r2", "r3", "r4"], min_support=1,
                         min_pair_count=1)
    assert small["n_records"].iloc[0] == 2 and large["n_records"].iloc[0] == 4
    assert large["lift"].iloc[0] == pytest.approx(2.0)


def test_minimum_support_filters_rare_concepts_and_pairs():
    rows = [mention(f"r{i}", "A") for i in range(5)] + [mention(f"r{i}", "B") for i in range(3)] + [mention("r0", "Rare")]
    pairs = cooccurrence(present_concepts(table(rows)), min_support=2, min_pair_count=3)
    assert pairs[["concept_a", "concept_b"]].values.tolist() == [["C:A", "C:B"]]
    assert cooccurrence(present_concepts(table(rows)), min_support=2, min_pair_count=4).empty


def test_benjamini_hochberg_matches_known_values():
    q = benjamini_hochberg([0.01, 0.04, 0.03, 0.5])
    # Sorted p: 0.01, 0.03, 0.04, 0.5 -> p*n/rank: 0.04, 0.06, 0.0533, 0.5 -> monotone from the top.
    assert q == pytest.approx([0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, 0.5])
    assert benjamini_hochberg([]).size == 0


def test_stratified_analysis_runs_within_each_stratum():
    rows = []
    for i in range(8):
        rows += [mention(f"n{i}", "Headache"), mention(f"n{i}", "Nausea")]
        rows += [mention(f"d{i}", "Rash"), mention(f"d{i}", "Itch")]
    strata = pd.Series({**{f"n{i}": "neurology" for i in range(8)}, **{f"d{i}": "dermatology" for i in range(8)}})
    pairs = cooccurrence(present_concepts(table(rows)), record_ids=strata.index, strata=strata, min_support=2,
                         min_pair_count=2)
    assert set(pairs["stratum"]) == {"neurology", "dermatology"}
    neuro = pairs[pairs["stratum"] == "neurology"]
    assert set(neuro["name_a"]) | set(neuro["name_b"]) == {"Headache", "Nausea"}
    assert (neuro["n_records"] == 8).all()


def test_network_holds_only_significant_pairs():
    pairs = pd.DataFrame({"concept_a": ["A", "A"], "concept_b": ["B", "C"], "name_a": ["a", "a"], "name_b": ["b", "c"],
                          "label_a": ["SYMPTOM"] * 2, "label_b": ["DISEASE"] * 2, "n_a": [5, 5], "n_b": [4, 3],
                          "n_ab": [4, 1], "lift": [3.0, 1.2], "npmi": [0.7, 0.1], "q_value": [0.001, 0.4]})
    graph = cooccurrence_network(pairs, q_max=0.05)
    assert sorted(graph.edges()) == [("A", "B")]
    assert graph.nodes["B"]["label"] == "DISEASE" and graph.edges["A", "B"]["n_ab"] == 4


def test_default_thresholds_scale_with_corpus_size():
    assert default_thresholds(74) == {"min_support": 2, "min_pair_count": 2}
    assert default_thresholds(6315)["min_support"] == 32
