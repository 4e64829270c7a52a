"""Specialties: site labels vs predictions, weighted log-odds, distinctive terms, entity mix."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from qatext.analysis import (
    distinctive_concepts,
    distinctive_terms,
    entity_type_mix,
    specialty_confusion,
    specialty_distribution,
    specialty_groups,
    specialty_labels,
    weighted_log_odds,
)
from qatext.annotate import ENTITY_COLUMNS, TAG_COLUMNS
from qatext.schema import records_to_frame


def records():
    return records_to_frame([
        {"record_id": "r1", "source": "t", "category": "Neurology", "question": "migraine aura migraine headache"},
        {"record_id": "r2", "source": "t", "specialty": "Cardiology", "question": "palpitations chest heart"},
        {"record_id": "r3", "source": "t", "tags": ["diet", "pregnancy"], "question": "pregnant spotting week"},
        {"record_id": "r4", "source": "t", "tags": ["diet"], "question": "what should I eat"},
    ])


def tags():
    return pd.DataFrame([("r1", "neurology", 0.9, "diagnosis", 0.5), ("r2", "neurology", 0.6, "diagnosis", 0.5),
                         ("r3", "obstetrics_gynecology", 0.8, "diagnosis", 0.5)], columns=TAG_COLUMNS)


def test_specialty_labels_take_section_then_specialty_then_a_mappable_tag():
    labels = specialty_labels(records(), tags()).set_index("record_id")
    assert labels.loc["r1", ["site_label", "label_from", "site_specialty"]].tolist() == ["Neurology", "category", "neurology"]
    assert labels.loc["r2", ["label_from", "site_specialty"]].tolist() == ["specialty", "cardiology"]
    assert labels.loc["r3", ["site_label", "label_from", "site_specialty"]].tolist() == ["pregnancy", "tags", "obstetrics_gynecology"]
    assert labels.loc["r4", "site_label"] is None and labels.loc["r4", "predicted_specialty"] is np.nan or \
        pd.isna(labels.loc["r4", "predicted_specialty"])
    assert len(labels) == 4  # no record dropped


def test_distribution_and_confusion():
    labels = specialty_labels(records(), tags())
    dist = specialty_distribution(labels)
    site = dist[dist["by"] == "site label"].set_index("specialty")["n"]
    assert site.to_dict() == {"cardiology": 1, "neurology": 1, "obstetrics_gynecology": 1}
    predicted = dist[dist["by"] == "predicted"].set_index("specialty")["n"]
    assert predicted["neurology"] == 2 and dist["share"].max() == pytest.approx(0.5)
    confusion = specialty_confusion(labels)
    assert confusion.loc["cardiology", "neurology"] == 1 and confusion.loc["neurology", "neurology"] == 1
    assert confusion.to_numpy().sum() == 3
    assert specialty_confusion(labels, normalize=True).loc["cardiology"].sum() == pytest.approx(1.0)


def test_specialty_groups_prefer_site_label_then_prediction():
    groups = specialty_groups(specialty_labels(records(), tags()))
    assert groups.to_dict() == {"r1": "neurology", "r2": "cardiology", "r3": "obstetrics_gynecology"}
    assert specialty_groups(specialty_labels(records(), tags()), prefer="predicted")["r2"] == "neurology"


def test_weighted_log_odds_matches_monroe_formula():
    counts = pd.DataFrame({"group": ["a", "a", "b", "b"], "term": ["x", "y", "x", "y"], "n": [30, 10, 10, 30]})
    scored = weighted_log_odds(counts).set_index(["group", "term"])
    # Prior alpha_w = n_w (a0 = N = 80): alpha_x = alpha_y = 40.
    y_i, y_j, a_w, n_i, n_j, a0 = 30, 10, 40, 40, 40, 80
    delta = np.log((y_i + a_w) / (n_i + a0 - y_i - a_w)) - np.log((y_j + a_w) / (n_j + a0 - y_j - a_w))
    assert scored.loc[("a", "x"), "log_odds"] == pytest.approx(delta)
    assert scored.loc[("a", "x"), "z"] == pytest.approx(delta / np.sqrt(1 / (y_i + a_w) + 1 / (y_j + a_w)))
    assert scored.loc[("a", "x"), "z"] == pytest.approx(-scored.loc[("b", "x"), "z"])
    assert scored.loc[("a", "y"), "z"] < 0


def test_equal_use_gives_zero_and_evidence_raises_z():
    even = weighted_log_odds(pd.DataFrame({"group": ["a", "a", "b", "b"], "term": ["x", "y", "x", "y"], "n": [5, 2, 5, 2]}))
    assert even["log_odds"].abs().max() == pytest.approx(0.0, abs=1e-12)
    small = pd.DataFrame({"group": ["a", "a", "b", "b"], "term": ["x", "y", "x", "y"], "n": [3, 1, 1, 3]})
    big = small.assign(n=small["n"] * 20)
    assert weighted_log_odds(big)["z"].iloc[0] > weighted_log_odds(small)["z"].iloc[0] > 0


def test_distinctive_terms_find_each_groups_own_words():
    rows, groups = [], {}
    for i in range(10):
        rows.append({"record_id": f"n{i}", "source": "t", "question": "My migraine and aura are back, doctor."})
        rows.append({"record_id": f"c{i}", "source": "t", "question": "My palpitations and chest pain are back, doctor."})
        groups[f"n{i}"], groups[f"c{i}"] = "neurology", "cardiology"
    terms = distinctive_terms(records_to_frame(rows), pd.Series(groups), min_count=3, top_n=3)
    ranked = terms.groupby("group")["term"].agg(list).to_dict()
    assert set(ranked["neurology"][:2]) == {"migraine", "aura"}
    assert set(ranked["cardiology"]) == {"palpitations", "chest", "pain"}
    # A word both groups use in every record is far less distinctive than either group's own words.
    z = terms.set_index(["group", "term"])["z"]
    assert z[("neurology", "doctor")] < 0.5 * z[("neurology", "migraine")]
    assert not {"and", "my", "are"} & set(terms["term"])  # stop words never appear


def test_distinctive_concepts_and_entity_type_mix():
    rows = []
    for i in range(6):
        rows.append((f"n{i}", "question", 0, 1, "migraine", "DISEASE", "M:1", "Migraine", "present", "patient"))
        rows.append((f"n{i}", "question", 0, 1, "aspirin", "DRUG", "D:1", "Aspirin", "present", "patient"))
        rows.append((f"d{i}", "question", 0, 1, "rash", "SYMPTOM", "H:1", "Rash", "negated", "patient"))
    entities = pd.DataFrame(rows, columns=ENTITY_COLUMNS)
    groups = pd.Series({**{f"n{i}": "neurology" for i in range(6)}, **{f"d{i}": "dermatology" for i in range(6)}})
    concepts = distinctive_concepts(entities, groups, top_n=1)
    assert concepts.set_index("group")["term"].to_dict() == {"dermatology": "Rash", "neurology": "Aspirin"} or \
        concepts.set_index("group")["term"].to_dict() == {"dermatology": "Rash", "neurology": "Migraine"}
    mix = entity_type_mix(entities, groups).set_index(["group", "label"])["share"]
    assert mix[("neurology", "DRUG")] == pytest.approx(0.5) and mix[("dermatology", "SYMPTOM")] == pytest.approx(1.0)


def test_stop_words_are_spacys_and_drop_out_of_distinctive_terms():
    """The packaged list is spaCy's, read without importing spaCy (a report kernel need not)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from qatext.analysis.specialties import stop_words

    assert stop_words() == frozenset(STOP_WORDS)
    records = pd.DataFrame({"record_id": ["a", "b", "c", "d"],
                            "question": ["Would the rash itch?", "Would the rash spread?",
                                         "Would the cough last?", "Would the cough worsen?"]})
    groups = pd.Series({"a": "skin", "b": "skin", "c": "lungs", "d": "lungs"})
    terms = distinctive_terms(records, groups, min_count=1, top_n=5)
    assert {"rash", "cough"} <= set(terms["term"])
    assert not {"would", "the"} & set(terms["term"])
