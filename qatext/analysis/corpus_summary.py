"""What a corpus holds: sizes, sources, completeness, dates and what annotation found."""
from __future__ import annotations

import pandas as pd

from qatext.schema import COLUMNS


def _words(series: pd.Series) -> pd.Series:
    return series.map(lambda v: len(v.split()) if isinstance(v, str) else 0)


def corpus_summary(records: pd.DataFrame, *, entities: pd.DataFrame | None = None,
                   errors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Key figures of a corpus as a two-column table (``measure``, ``value``), in a fixed order."""
    answered = records["answer"].map(lambda v: isinstance(v, str) and bool(v.strip()))
    q_words, a_words = _words(records["question"]), _words(records["answer"])
    dates = pd.to_datetime(records["asked_at"], errors="coerce").dropna()
    rows = [
        ("records", len(records)),
        ("sources", ", ".join(f"{k} ({v})" for k, v in records["source"].value_counts().sort_index().items())),
        ("records with a reply", int(answered.sum())),
        ("question words, total", int(q_words.sum())),
        ("question words, median", float(q_words.median()) if len(records) else 0.0),
        ("reply words, total", int(a_words.sum())),
        ("reply words, median (replies only)", float(a_words[answered].median()) if answered.any() else 0.0),
        ("records with question date", int(len(dates))),
        ("first question date", dates.min().date().isoformat() if len(dates) else "-"),
        ("last question date", dates.max().date().isoformat() if len(dates) else "-"),
        ("distinct doctors", int(records["doctor_name"].dropna().nunique())),
        ("distinct site sections", int(records["category"].dropna().nunique())),
        ("records with data-quality flags", int(records["flags"].map(bool).sum())),
    ]
    if entities is not None:
        rows.append(("entity mentions", len(entities)))
        for label, n in entities["label"].value_counts().sort_index().items():
            rows.append((f"entity mentions: {label}", int(n)))
        for assertion, n in entities["assertion"].value_counts().sort_index().items():
            rows.append((f"assertion: {assertion}", int(n)))
        if "experiencer" in entities.columns:
            for experiencer, n in entities["experiencer"].value_counts().sort_index().items():
                rows.append((f"experiencer: {experiencer}", int(n)))
    if errors is not None:
        rows.append(("records with annotation errors", int(errors["record_id"].nunique())))
    return pd.DataFrame(rows, columns=["measure", "value"]).astype({"value": object})


WHERE = {"question": "question", "answer": "reply"}


def status_mix(entities: pd.DataFrame, records: pd.DataFrame | None = None) -> pd.DataFrame:
    """Assertion statuses by where the mention occurs (question or reply) and by source.

    One row per (source, where, assertion): ``mentions`` and ``share`` of the mentions of that
    source and text. Without ``records`` the source is ``"all"``.
    """
    columns = ["source", "where", "assertion", "mentions", "share"]
    if entities.empty:
        return pd.DataFrame(columns=columns)
    data = entities[["record_id", "field", "assertion"]].copy()
    if records is not None:
        data["source"] = data["record_id"].map(records.drop_duplicates("record_id").set_index("record_id")["source"])
        data["source"] = data["source"].fillna("unknown")
    else:
        data["source"] = "all"
    data["where"] = data["field"].map(WHERE).fillna(data["field"])
    mix = data.groupby(["source", "where", "assertion"]).size().rename("mentions").reset_index()
    mix["share"] = mix["mentions"] / mix.groupby(["source", "where"])["mentions"].transform("sum")
    return mix[columns].sort_values(["source", "where", "assertion"]).reset_index(drop=True)


def field_completeness(records: pd.DataFrame) -> pd.DataFrame:
    """Share of records with each schema field filled (empty strings and lists count as missing)."""
    def filled(value) -> bool:
        if value is None:
            return False
        if isinstance(value, float):
            return value == value
        if isinstance(value, (str, list, dict, tuple)):
            return len(value) > 0
        return True

    columns = [c for c in COLUMNS if c in records.columns]
    shares = [(c, float(records[c].map(filled).mean()) if len(records) else 0.0) for c in columns]
    return pd.DataFrame(shares, columns=["field", "share_filled"])


def records_per_month(records: pd.DataFrame, *, column: str = "asked_at") -> pd.DataFrame:
    """Records per calendar month of ``column`` (``month`` as a Timestamp, ``n``); undated rows are not counted."""
    dates = pd.to_datetime(records[column], errors="coerce").dropna()
    if dates.empty:
        return pd.DataFrame({"month": pd.Series(dtype="datetime64[ns]"), "n": pd.Series(dtype=int)})
    months = dates.dt.to_period("M").dt.to_timestamp()
    return months.value_counts().sort_index().rename_axis("month").reset_index(name="n")
