"""Which symptoms and diseases patients report together, and which pairs are more than chance.

A record contributes the *set* of concepts its asker reports as present: mentions in the
question, asserted ``present`` with experiencer ``patient`` (so negated, possible, hypothetical,
historical, family and generic mentions, and other people's, are left out), of the SYMPTOM and
DISEASE labels. The patient is the person the question is about: the asker, or the relative a
parent or child asks about. For every pair of concepts we
count the records holding both and compare with what independence predicts:

* lift = P(a, b) / (P(a) P(b)); PMI = log2 lift; NPMI = PMI / -log2 P(a, b), in [-1, 1];
* a one-sided Fisher exact test (hypergeometric upper tail: more co-occurrence than chance),
  with Benjamini-Hochberg adjustment over all pairs tested in the same stratum.
"""
from __future__ import annotations

from itertools import combinations

import numpy as np
import pandas as pd

PATIENT_ASSERTIONS = ("present",)
PATIENT_EXPERIENCERS = ("patient",)
CONCEPT_LABELS = ("SYMPTOM", "DISEASE")
PAIR_COLUMNS = ["concept_a", "concept_b", "name_a", "name_b", "label_a", "label_b", "n_a", "n_b", "n_ab",
                "n_records", "support", "expected", "lift", "pmi", "npmi", "p_value", "q_value", "significant"]


def present_concepts(entities: pd.DataFrame, *, labels=CONCEPT_LABELS, fields=("question",),
                     assertions=PATIENT_ASSERTIONS, experiencers=PATIENT_EXPERIENCERS) -> pd.DataFrame:
    """One row per (record, concept) the asker reports as their own (or their relative's, when the
    question is about that relative) and present.

    Mentions without a concept id fall back to their lower-cased text, so nothing the
    recogniser found is silently lost. Tables written before the ``experiencer`` column existed
    (or rows where it is missing) are filtered on the assertion alone.
    Columns: ``record_id, concept_id, concept_name, label``.
    """
    keep = entities["label"].isin(labels) & entities["field"].isin(fields) & entities["assertion"].isin(assertions)
    if "experiencer" in entities.columns:
        keep &= entities["experiencer"].isin(experiencers) | entities["experiencer"].isna()
    found = entities.loc[keep, ["record_id", "concept_id", "concept_name", "label", "text"]].copy()
    missing_id = found["concept_id"].isna() | (found["concept_id"].astype(str).str.len() == 0)
    found.loc[missing_id, "concept_id"] = "text:" + found.loc[missing_id, "text"].str.lower()
    found["concept_name"] = found["concept_name"].where(found["concept_name"].notna(), found["text"].str.lower())
    found = found.drop(columns="text").drop_duplicates(["record_id", "concept_id"])
    return found.sort_values(["record_id", "concept_id"]).reset_index(drop=True)


def benjamini_hochberg(p_values) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (q-values), in the input order."""
    p = np.asarray(p_values, dtype=float)
    n = p.size
    if n == 0:
        return p
    order = np.argsort(p, kind="mergesort")
    ranked = p[order] * n / np.arange(1, n + 1)
    # Monotone from the largest p down, so q never decreases with p.
    q_sorted = np.minimum.accumulate(ranked[::-1])[::-1]
    q = np.empty(n)
    q[order] = np.clip(q_sorted, 0.0, 1.0)
    return q


def cooccurrence(concepts: pd.DataFrame, *, record_ids=None, strata: pd.Series | None = None,
                 min_support: int = 5, min_pair_count: int = 3, alpha: float = 0.05) -> pd.DataFrame:
    """Pair statistics for concepts reported in the same record.

    ``concepts`` is :func:`present_concepts` output. ``record_ids`` lists every record of the
    corpus (records with no concept still count in the denominator); by default, the records
    in ``concepts``. ``strata`` (a Series indexed by record_id, e.g. the specialty) repeats the
    analysis within each stratum and adds a ``stratum`` column. Concepts in fewer than
    ``min_support`` records and pairs in fewer than ``min_pair_count`` records are not tested.
    """
    ids = pd.Index(pd.unique(pd.Series(list(record_ids) if record_ids is not None else concepts["record_id"])))
    if strata is None:
        return _pairs(concepts[concepts["record_id"].isin(ids)], ids, min_support=min_support,
                      min_pair_count=min_pair_count, alpha=alpha)
    strata = strata.reindex(ids)
    frames = []
    for stratum, members in strata.dropna().groupby(strata.dropna()):
        members_ids = pd.Index(members.index)
        table = _pairs(concepts[concepts["record_id"].isin(members_ids)], members_ids, min_support=min_support,
                       min_pair_count=min_pair_count, alpha=alpha)
        frames.append(table.assign(stratum=stratum))
    if not frames:
        return pd.DataFrame(columns=[*PAIR_COLUMNS, "stratum"])
    return pd.concat(frames, ignore_index=True)


def _pairs(concepts: pd.DataFrame, ids: pd.Index, *, min_support: int, min_pair_count: int, alpha: float) -> pd.DataFrame:
    from scipy.stats import hypergeom

    n_records = len(ids)
    support = concepts.groupby("concept_id")["record_id"].nunique()
    frequent = support[support >= min_support]
    info = concepts.drop_duplicates("concept_id").set_index("concept_id")
    kept = concepts[concepts["concept_id"].isin(frequent.index)]
    counts: dict[tuple[str, str], int] = {}
    # Each record's concepts as one slice of an array sorted by record: no DataFrame per record.
    kept_pairs = kept[["record_id", "concept_id"]].drop_duplicates().sort_values("record_id", kind="stable")
    records, concept_ids = kept_pairs["record_id"].to_numpy(), kept_pairs["concept_id"].to_numpy()
    starts = np.flatnonzero(np.r_[True, records[1:] != records[:-1]]) if len(records) else np.array([], dtype=int)
    for begin, end in zip(starts, [*starts[1:], len(records)]):
        for a, b in combinations(sorted(concept_ids[begin:end]), 2):
            counts[(a, b)] = counts.get((a, b), 0) + 1
    rows = [(a, b, n) for (a, b), n in counts.items() if n >= min_pair_count]
    if not rows:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    table = pd.DataFrame(rows, columns=["concept_a", "concept_b", "n_ab"])
    table["name_a"] = table["concept_a"].map(info["concept_name"])
    table["name_b"] = table["concept_b"].map(info["concept_name"])
    table["label_a"] = table["concept_a"].map(info["label"])
    table["label_b"] = table["concept_b"].map(info["label"])
    table["n_a"] = table["concept_a"].map(frequent).astype(int)
    table["n_b"] = table["concept_b"].map(frequent).astype(int)
    table["n_records"] = n_records
    n_ab, n_a, n_b = (table[c].to_numpy(dtype=float) for c in ("n_ab", "n_a", "n_b"))
    table["support"] = n_ab / n_records
    table["expected"] = n_a * n_b / n_records
    table["lift"] = n_ab / table["expected"]
    table["pmi"] = np.log2(table["lift"])
    p_ab = n_ab / n_records
    # A pair present in every record has -log2 P(a,b) = 0; NPMI is 1 by convention there.
    with np.errstate(divide="ignore", invalid="ignore"):
        table["npmi"] = np.where(p_ab < 1, table["pmi"] / -np.log2(p_ab), 1.0)
    # One-sided Fisher exact test = upper tail of the hypergeometric distribution.
    table["p_value"] = hypergeom.sf(n_ab - 1, n_records, n_a, n_b)
    table["q_value"] = benjamini_hochberg(table["p_value"])
    table["significant"] = table["q_value"] <= alpha
    table = table.sort_values(["q_value", "n_ab", "concept_a", "concept_b"], ascending=[True, False, True, True])
    return table[PAIR_COLUMNS].reset_index(drop=True)


def cooccurrence_network(pairs: pd.DataFrame, *, q_max: float = 0.05, min_lift: float = 1.0):
    """A networkx Graph of the pairs with ``q_value <= q_max`` and ``lift > min_lift``.

    Nodes carry ``name``, ``label`` and ``n`` (records); edges ``n_ab``, ``lift``, ``npmi``, ``q_value``.
    """
    import networkx as nx

    graph = nx.Graph()
    chosen = pairs[(pairs["q_value"] <= q_max) & (pairs["lift"] > min_lift)]
    for row in chosen.itertuples(index=False):
        graph.add_node(row.concept_a, name=row.name_a, label=row.label_a, n=int(row.n_a))
        graph.add_node(row.concept_b, name=row.name_b, label=row.label_b, n=int(row.n_b))
        graph.add_edge(row.concept_a, row.concept_b, n_ab=int(row.n_ab), lift=float(row.lift),
                       npmi=float(row.npmi), q_value=float(row.q_value))
    return graph


def default_thresholds(n_records: int) -> dict[str, int]:
    """Minimum supports that scale with corpus size: a concept in 0.5% of records (at least 2),
    a pair in a third of that (at least 2). Small corpora still get a table; large ones are not
    flooded with pairs seen twice."""
    min_support = max(2, round(0.005 * n_records))
    return {"min_support": min_support, "min_pair_count": max(2, min_support // 3)}
