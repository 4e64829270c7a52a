"""Specialties: how the site files questions, what the tagger predicts, and what sets each apart.

Distinctive words and concepts use the weighted log-odds ratio with an informative Dirichlet
prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words", eq. 16-22): each specialty is compared
with all other specialties together, the prior is the corpus-wide frequency of each term, and
the z-score accounts for how much evidence a term has (rare terms are shrunk towards 0).
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

# Site fields that say where a page is filed, most specific first. Tags come last: on
# ask-a-doctor they are the only label there is.
SITE_LABEL_COLUMNS = ("category", "specialty")
WORD = re.compile(r"[a-z][a-z'-]{2,}")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """English stop words (``qatext/resources/analysis/stop_words.txt``: spaCy's list, read
    without importing spaCy, which would cost a report kernel a second)."""
    text = resources.files("qatext.resources").joinpath("analysis", "stop_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def site_specialty(label) -> str | None:
    """The specialty id for a site label (the one place qatext.topics' mapping is used here)."""
    from qatext.topics.labels import specialty_from_label

    return specialty_from_label(label)


def specialty_labels(records: pd.DataFrame, tags: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per record: the site's own label, the specialty id it maps to, and the predicted specialty.

    Columns: ``record_id, site_label, label_from, site_specialty, predicted_specialty,
    predicted_score``. The site label is the first of ``category``, ``specialty`` that is set,
    else the first tag that maps to a specialty; ``label_from`` names where it came from.
    """
    rows = []
    for row in records[["record_id", *SITE_LABEL_COLUMNS, "tags"]].itertuples(index=False):
        label, source, mapped = None, None, None
        for column in SITE_LABEL_COLUMNS:
            value = getattr(row, column)
            if isinstance(value, str) and value.strip():
                label, source, mapped = value.strip(), column, site_specialty(value)
                break
        if label is None:
            for tag in row.tags or []:
                mapped = site_specialty(tag)
                if mapped is not None:
                    label, source = tag, "tags"
                    break
        rows.append((row.record_id, label, source, mapped))
    out = pd.DataFrame(rows, columns=["record_id", "site_label", "label_from", "site_specialty"])
    if tags is not None and len(tags):
        predicted = tags.drop_duplicates("record_id").set_index("record_id")
        out["predicted_specialty"] = out["record_id"].map(predicted["specialty"])
        out["predicted_score"] = out["record_id"].map(predicted["specialty_score"])
    else:
        out["predicted_specialty"] = None
        out["predicted_score"] = np.nan
    return out


def specialty_distribution(labels: pd.DataFrame) -> pd.DataFrame:
    """Records per specialty by site label and by prediction (long format: specialty, by, n, share)."""
    frames = []
    for column, by in (("site_specialty", "site label"), ("predicted_specialty", "predicted")):
        values = labels[column].dropna()
        if values.empty:
            continue
        counts = values.value_counts().rename_axis("specialty").reset_index(name="n")
        counts["by"] = by
        counts["share"] = counts["n"] / len(labels)
        frames.append(counts)
    if not frames:
        return pd.DataFrame(columns=["specialty", "by", "n", "share"])
    out = pd.concat(frames, ignore_index=True)[["specialty", "by", "n", "share"]]
    return out.sort_values(["by", "n", "specialty"], ascending=[True, False, True]).reset_index(drop=True)


def specialty_confusion(labels: pd.DataFrame, *, normalize: bool = False) -> pd.DataFrame:
    """Site specialty (rows) against predicted specialty (columns), for records that have both.

    ``normalize=True`` gives the share of each site specialty's records (rows sum to 1).
    """
    both = labels.dropna(subset=["site_specialty", "predicted_specialty"])
    table = pd.crosstab(both["site_specialty"], both["predicted_specialty"])
    names = sorted(set(table.index) | set(table.columns))
    table = table.reindex(index=names, columns=names, fill_value=0)
    table.index.name, table.columns.name = "site_specialty", "predicted_specialty"
    if normalize:
        table = table.div(table.sum(axis=1).replace(0, np.nan), axis=0).fillna(0.0)
    return table


def weighted_log_odds(counts: pd.DataFrame, *, group: str = "group", term: str = "term", count: str = "n",
                      prior_scale: float | None = None) -> pd.DataFrame:
    """Weighted log-odds of each term in each group against all other groups.

    ``counts`` has one row per (group, term) with a count. The Dirichlet prior is
    ``alpha_w = a0 * n_w / N`` with ``n_w`` the term's corpus count and ``a0 = prior_scale``
    (default ``N``, i.e. the corpus counts themselves, as in tidylo). Returns the input columns
    plus ``log_odds`` (delta) and ``z`` (delta over its standard deviation).
    """
    data = counts[[group, term, count]].copy()
    data[count] = data[count].astype(float)
    total = data[count].sum()
    if total == 0:
        return data.assign(log_odds=np.nan, z=np.nan)
    a0 = float(prior_scale) if prior_scale is not None else total
    term_total = data.groupby(term)[count].transform("sum")
    alpha_w = a0 * term_total / total
    group_total = data.groupby(group)[count].transform("sum")
    y_i = data[count]
    y_j = term_total - y_i
    n_i, n_j = group_total, total - group_total
    with np.errstate(divide="ignore", invalid="ignore"):
        log_i = np.log((y_i + alpha_w) / (n_i + a0 - y_i - alpha_w))
        log_j = np.log((y_j + alpha_w) / (n_j + a0 - y_j - alpha_w))
        delta = log_i - log_j
        variance = 1.0 / (y_i + alpha_w) + 1.0 / (y_j + alpha_w)
    data["log_odds"] = delta
    data["z"] = delta / np.sqrt(variance)
    return data


def _top(scored: pd.DataFrame, *, group: str, term: str, top_n: int) -> pd.DataFrame:
    scored = scored.sort_values([group, "z", term], ascending=[True, False, True])
    scored["rank"] = scored.groupby(group).cumcount() + 1
    return scored[scored["rank"] <= top_n].reset_index(drop=True)


def distinctive_terms(records: pd.DataFrame, groups: pd.Series, *, text_column: str = "question",
                      min_count: int = 5, top_n: int = 15, prior_scale: float | None = None) -> pd.DataFrame:
    """The ``top_n`` words most distinctive of each group (by weighted log-odds z).

    ``groups`` maps record_id to a group (e.g. site specialty). Words are lower-cased
    alphabetic tokens of 3+ letters that are not English stop words; a word counts once per
    record, and words in fewer than ``min_count`` records overall are left out.
    Columns: ``group, term, n, log_odds, z, rank``.
    """
    stop = stop_words()
    text = records.set_index("record_id")[text_column]
    rows = []
    for record_id, value in text.items():
        group = groups.get(record_id)
        if group is None or (isinstance(group, float) and np.isnan(group)) or not isinstance(value, str):
            continue
        for word in set(WORD.findall(value.lower())):
            if word not in stop:
                rows.append((group, word))
    return _score(pd.DataFrame(rows, columns=["group", "term"]), min_count=min_count, top_n=top_n,
                  prior_scale=prior_scale)


def distinctive_concepts(entities: pd.DataFrame, groups: pd.Series, *, labels=None, min_count: int = 3,
                         top_n: int = 15, prior_scale: float | None = None) -> pd.DataFrame:
    """The ``top_n`` concepts most distinctive of each group; a concept counts once per record.

    Any assertion counts (a negated symptom still shows what a specialty talks about).
    Columns: ``group, term (concept name), n, log_odds, z, rank``.
    """
    data = entities if labels is None else entities[entities["label"].isin(labels)]
    names = data["concept_name"].where(data["concept_name"].notna(), data["text"].str.lower())
    pairs = pd.DataFrame({"record_id": data["record_id"], "term": names}).drop_duplicates()
    pairs["group"] = pairs["record_id"].map(groups)
    return _score(pairs.dropna(subset=["group"])[["group", "term"]], min_count=min_count, top_n=top_n,
                  prior_scale=prior_scale)


def _score(pairs: pd.DataFrame, *, min_count: int, top_n: int, prior_scale: float | None) -> pd.DataFrame:
    if pairs.empty:
        return pd.DataFrame(columns=["group", "term", "n", "log_odds", "z", "rank"])
    counts = pairs.value_counts(["group", "term"]).reset_index(name="n")
    overall = counts.groupby("term")["n"].transform("sum")
    counts = counts[overall >= min_count]
    scored = weighted_log_odds(counts, prior_scale=prior_scale)
    scored["n"] = scored["n"].astype(int)
    return _top(scored, group="group", term="term", top_n=top_n)


def entity_type_mix(entities: pd.DataFrame, groups: pd.Series, *, fields=("question",)) -> pd.DataFrame:
    """Share of each entity label among a group's mentions (long format: group, label, n, share)."""
    data = entities[entities["field"].isin(fields)]
    data = data.assign(group=data["record_id"].map(groups)).dropna(subset=["group"])
    counts = data.value_counts(["group", "label"]).reset_index(name="n")
    counts["share"] = counts["n"] / counts.groupby("group")["n"].transform("sum")
    return counts.sort_values(["group", "label"]).reset_index(drop=True)


def specialty_groups(labels: pd.DataFrame, *, prefer: str = "site") -> pd.Series:
    """The specialty each record is grouped under (a Series indexed by record_id).

    ``prefer="site"``: the site's label where it maps to a specialty, else the prediction;
    ``prefer="predicted"``: the prediction only. Records with neither are left out.
    """
    indexed = labels.set_index("record_id")
    if prefer == "predicted":
        groups = indexed["predicted_specialty"]
    elif prefer == "site":
        groups = indexed["site_specialty"].where(indexed["site_specialty"].notna(), indexed["predicted_specialty"])
    else:
        raise ValueError(f"prefer must be 'site' or 'predicted', not {prefer!r}")
    return groups.dropna()
