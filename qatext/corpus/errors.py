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
