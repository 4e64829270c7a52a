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


READ_ERROR_COLUMNS = ["record_id", "stage", "reason", "path", "record"]


def read_errors_table(errors) -> "pd.DataFrame":
    """Read problems as rows of an ``errors`` table: ``record_id, stage, reason, path, record``.

    ``errors`` is ``df.attrs["errors"]`` (or a frame carrying it). A record that could not be
    read has no id of its own, so it gets a stable one, ``unreadable-<16 hex>``, from its file
    and position; ``stage`` is ``"read"`` and ``reason`` names the file, the record and the
    cause. Then "records in == annotated + errors" can be counted over one table.
    """
    import pandas as pd

    from qatext.schema import make_record_id

    if isinstance(errors, pd.DataFrame):
        errors = errors.attrs.get("errors", [])
    rows, seen = [], {}
    for entry in errors:
        path, record, reason = entry.get("path"), entry.get("record"), entry.get("reason")
        where = path if record is None else f"{path} [record {record}]"
        key = (path, str(record), reason)
        seen[key] = seen.get(key, 0) + 1  # the same problem twice in a file is two lost records
        rows.append((make_record_id("unreadable", *key, seen[key]), "read", f"{where}: {reason}", path,
                     None if record is None else str(record)))
    return pd.DataFrame(rows, columns=READ_ERROR_COLUMNS)
