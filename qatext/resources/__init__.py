"""Data files read with importlib.resources: lexicons, rules, tables."""
from __future__ import annotations

import csv
import io
from importlib import resources


def read_tsv(folder: str, name: str, *, missing_ok: bool = False, short_rows: bool = False) -> list[dict]:
    """Rows of ``qatext/resources/<folder>/<name>``, a tab-separated table with a header line;
    blank and ``#`` lines are skipped and values stripped.

    A row with more fields than the header, or fewer unless ``short_rows`` (its missing trailing
    fields are then None), raises naming the file and the line. With ``missing_ok`` an absent
    file reads as no rows.
    """
    path = resources.files("qatext.resources").joinpath(folder).joinpath(name)
    if missing_ok and not path.is_file():
        return []
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    rows = []
    for lineno, row in enumerate(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"), start=2):
        if None in row or (not short_rows and any(v is None for v in row.values())):
            raise ValueError(f"qatext/resources/{folder}/{name}: malformed row near line {lineno}: {row}")
        rows.append({k: v.strip() if v is not None else None for k, v in row.items()})
    return rows
