"""The one record schema for a Q&A page.

Every reader returns a :class:`pandas.DataFrame` with exactly :data:`COLUMNS`, in this
order, one row per question-answer pair. This module is the single place the schema is
documented; ``qatext schema`` prints it.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

import pandas as pd


def _col(doc: str, default: Any = None, factory=None):
    if factory is not None:
        return field(default_factory=factory, metadata={"doc": doc})
    return field(default=default, metadata={"doc": doc})


@dataclass
class Record:
    """One Q&A page. Unknown fields are ``None`` (lists are empty); oddities go to ``flags``."""

    record_id: str = _col("stable id '<source>-<16 hex>' from the source's own id or the content")
    source: str = _col("corpus or site: seed-layout pages, medquad, ask-a-doctor/icliniq, covid-dialogue ...")
    url: str | None = _col("page address, where the source gives one")
    title: str | None = _col("page title as displayed, without the section suffix")
    category: str | None = _col("site section the page is filed under (MedQuAD: source agency)")
    question_title: str | None = _col("the asker's own headline for the question")
    question: str | None = _col("full question body")
    asker_name: str | None = _col("asker's nickname as shown")
    asker_age_band: str | None = _col("decade band such as '40-49'")
    asker_sex: str | None = _col("'female', 'male' or None, as the site's metadata says")
    asked_at: date | None = _col("date the question was asked")
    doctor_name: str | None = _col("replying doctor's name, without 'Dr.'")
    specialty: str | None = _col("replying doctor's specialty as the site labels it")
    doctor_affiliation: str | None = _col("hospital or university under the signature")
    answer: str | None = _col("the reply, greeting to signature")
    answered_at: date | None = _col("date of the reply")
    extra_text: str | None = _col("site-generated text that is neither question nor reply ('More Info')")
    tags: list[str] = _col("topic tags (seed layout: 'Related FAQ' topics as 'topic (department)')", factory=list)
    related: list[dict[str, Any]] = _col(
        "similar-Q&A snippets: dicts of title, question, doctor_name, specialty, answer", factory=list
    )
    flags: list[str] = _col("data-quality flags, e.g. 'asker_sex_conflict', 'missing_answer'", factory=list)
    extra: dict[str, Any] = _col("source-specific fields kept verbatim (MedQuAD qtype, focus, ...)", factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


COLUMNS: list[str] = [f.name for f in fields(Record)]
DATE_COLUMNS = ("asked_at", "answered_at")
LIST_COLUMNS = ("tags", "related", "flags")


def make_record_id(source: str, *parts: object) -> str:
    """A stable id from the source name and whatever identifies the record within it."""
    key = "\x1f".join(str(p) for p in (source, *parts))
    slug = source.split("/")[0]
    return f"{slug}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}"


def records_to_frame(records) -> pd.DataFrame:
    """Build a schema DataFrame from :class:`Record` objects or plain dicts."""
    rows = [vars(r) if isinstance(r, Record) else r for r in records]
    # Column by column and without dtype inference: conform() sets every column's type anyway,
    # and a dict per record through pandas cost as much as cleaning the records.
    columns = {name: [row.get(name) for row in rows] for name in COLUMNS}
    return conform(pd.DataFrame(columns, columns=COLUMNS, dtype=object))


def conform(frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` in the schema: every column, in order, lists as lists, dates as dates."""
    frame = frame.copy()
    for name in COLUMNS:
        if name not in frame.columns:
            frame[name] = None
    # Inline type checks: a function call per value cost more than the rest of writing a
    # partition's records (``qatext annotate`` conforms every chunk it reads and writes).
    for name in LIST_COLUMNS:
        frame[name] = pd.Series([v.copy() if type(v) is list else _as_list(v) for v in frame[name].tolist()],
                                index=frame.index, dtype=object)
    frame["extra"] = pd.Series([v if type(v) is dict else _as_dict(v) for v in frame["extra"].tolist()],
                               index=frame.index, dtype=object)
    # Text columns stay ``object`` with None for missing, whatever pandas would infer from the
    # content (pandas 3 infers its ``str`` dtype and turns None into NaN).
    for name in COLUMNS:
        if name not in LIST_COLUMNS and name not in DATE_COLUMNS and name != "extra":
            values = frame[name].tolist()
            frame[name] = pd.Series([v if type(v) is str else None if _missing(v) else v for v in values],
                                    index=frame.index, dtype=object)
    for name in DATE_COLUMNS:
        parsed = pd.to_datetime(frame[name], errors="coerce")
        frame[name] = pd.Series([d.date() if not pd.isna(d) else None for d in parsed], index=frame.index, dtype=object)
    return frame[COLUMNS].reset_index(drop=True)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value) or value is pd.NA


def _as_list(value: Any) -> list:
    if value is None or (isinstance(value, float) and value != value):
        return []
    if isinstance(value, str):
        return json.loads(value) if value.startswith("[") else [value]
    if isinstance(value, (list, tuple)):
        return list(value)
    if hasattr(value, "tolist"):
        return list(value.tolist())
    return [value]


def _as_dict(value: Any) -> dict:
    if isinstance(value, dict):
        return value
    if isinstance(value, str) and value.startswith("{"):
        return json.loads(value)
    return {}


def describe() -> str:
    """The schema as text, one line per column (what ``qatext schema`` prints)."""
    return "\n".join(f"{f.name:20} {f.metadata['doc']}" for f in fields(Record))
