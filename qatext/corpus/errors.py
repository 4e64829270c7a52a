"""How readers report files and records they cannot read.

With ``errors="collect"`` a problem becomes a warning plus an entry in a list that ends up in
``df.attrs["errors"]``; with ``errors="raise"`` it raises :class:`ReadError`. Either way the
message names the file (and the record, when there is one) and the reason.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path

ERROR_MODES = ("collect", "raise")


class ReadError(Exception):
    """A file or record that could not be read: ``.path``, ``.record`` (or None), ``.reason``."""

    def __init__(self, path: str | Path, reason: str, record: str | int | None = None):
        self.path = str(path)
        self.reason = reason
        self.record = record
        where = self.path if record is None else f"{self.path} [record {record}]"
        super().__init__(f"{where}: {reason}")


class ReadWarning(UserWarning):
    """Warning issued for each problem collected with ``errors="collect"``."""


@dataclass
class ErrorLog:
    """Collects problems (``mode="collect"``) or raises them at once (``mode="raise"``)."""

    mode: str = "collect"
    entries: list[dict] = field(default_factory=list)

    def __post_init__(self):
        if self.mode not in ERROR_MODES:
            raise ValueError(f"errors must be one of {ERROR_MODES}, not {self.mode!r}")

    def add(self, path: str | Path, reason: str, record: str | int | None = None) -> None:
        error = ReadError(path, reason, record)
        if self.mode == "raise":
            raise error
        self.entries.append({"path": error.path, "record": record, "reason": reason})
        warnings.warn(str(error), ReadWarning, stacklevel=3)

    def take(self) -> list[dict]:
        """Entries added since the last call (so each streamed chunk carries its own)."""
        taken, self.entries = self.entries, []
        return taken


# The one shape of every ``errors`` table (readers, ``qatext annotate``, ``qatext report``):
# source    the file a read problem was met in; for an annotation failure, the record's source
# record_id the record's id; a record that could not be read gets ``unreadable-<16 hex>``
# location  where in the file: the reader's record number or line (None for a whole file)
# stage     "read", or "annotate:<field>" for the field whose text broke the pipeline
# reason    the cause, in words
ERROR_COLUMNS = ["source", "record_id", "location", "stage", "reason"]


def errors_frame(rows=()) -> "pd.DataFrame":
    """An ``errors`` table from ``(source, record_id, location, stage, reason)`` tuples."""
    import pandas as pd

    return pd.DataFrame(list(rows), columns=ERROR_COLUMNS, dtype=object)


def read_errors_table(errors) -> "pd.DataFrame":
    """Read problems as rows of an ``errors`` table (:data:`ERROR_COLUMNS`).

    ``errors`` is ``df.attrs["errors"]`` (or a frame carrying it). A record that could not be
    read has no id of its own, so it gets a stable one, ``unreadable-<16 hex>``, from its file
    and position, so that "records in == annotated + errors" can be counted over one table.
    """
    import pandas as pd

    from qatext.schema import make_record_id

    if isinstance(errors, pd.DataFrame):
        errors = errors.attrs.get("errors", [])
    rows, seen = [], {}
    for entry in errors:
        path, record, reason = entry.get("path"), entry.get("record"), entry.get("reason")
        key = (path, str(record), reason)
        seen[key] = seen.get(key, 0) + 1  # the same problem twice in a file is two lost records
        rows.append((path, make_record_id("unreadable", *key, seen[key]), None if record is None else str(record),
                     "read", reason))
    return errors_frame(rows)
