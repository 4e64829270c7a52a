"""Schema frames in and out of JSONL, CSV and Parquet.

JSONL keeps lists and dicts natively and writes dates as ISO strings. CSV and Parquet store
``related`` and ``extra`` as JSON text (CSV also ``tags`` and ``flags``), because their
shapes vary from row to row. Reading decodes them again, so ``write_corpus`` followed by
``read_corpus`` gives an equal frame (CSV cannot tell ``""`` from a missing value: both read
back as None).
"""
from __future__ import annotations

import csv
import json
import math
from datetime import date
from pathlib import Path
from typing import Any, Iterator

import pandas as pd

from qatext.corpus import _text
from qatext.corpus.errors import ErrorLog
from qatext.schema import COLUMNS, DATE_COLUMNS, LIST_COLUMNS, conform

TABULAR_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}
_JSON_COLUMNS_CSV = (*LIST_COLUMNS, "extra")
_JSON_COLUMNS_PARQUET = ("related", "extra")


def write_corpus(df: pd.DataFrame, path: str | Path, *, format: str | None = None) -> Path:
    """Write a schema frame to ``.parquet``, ``.jsonl`` or ``.csv`` (chosen by suffix or ``format``)."""
    path = Path(path)
    fmt = format or TABULAR_FORMATS.get(path.suffix.lower())
    if fmt not in ("jsonl", "csv", "parquet"):
        raise ValueError(f"{path}: cannot tell the output format from suffix {path.suffix!r}; "
                         "use .parquet, .jsonl or .csv (or pass format=)")
    rows = [_plain_row(row) for row in conform(df).to_dict("records")]
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        with path.open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")
    elif fmt == "csv":
        frame = pd.DataFrame([_encode(row, _JSON_COLUMNS_CSV) for row in rows], columns=COLUMNS, dtype=object)
        frame.to_csv(path, index=False, quoting=csv.QUOTE_NONNUMERIC)
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        encoded = [_encode(row, _JSON_COLUMNS_PARQUET) for row in rows]
        schema = pa.schema([(name, _arrow_type(name)) for name in COLUMNS])
        table = pa.Table.from_pylist(encoded, schema=schema)
        pq.write_table(table, path)
    return path


def _arrow_type(name: str):
    import pyarrow as pa

    if name in DATE_COLUMNS:
        return pa.date32()
    if name in ("tags", "flags"):
        return pa.list_(pa.string())
    return pa.string()


def iter_tabular_file(path: Path, fmt: str, *, log: ErrorLog, chunksize: int) -> Iterator[list[dict]]:
    """Lists of row dicts (at most ``chunksize`` each) from a JSONL, CSV or Parquet file."""
    readers = {"jsonl": _jsonl, "csv": _csv, "parquet": _parquet}
    try:
        for rows in readers[fmt](path, log=log, chunksize=chunksize):
            yield [_checked(row, path=path, log=log) for row in rows]
    except OSError as exc:
        log.add(path, f"cannot read file: {exc.strerror or exc}")


def _jsonl(path: Path, *, log: ErrorLog, chunksize: int) -> Iterator[list[dict]]:
    with path.open("rb") as handle:
        head = handle.read(8192)
        reason = _text.binary_reason(head)
        if reason:
            log.add(path, reason)
            return
        handle.seek(0)
        rows: list[dict] = []
        for number, raw in enumerate(handle, start=1):
            line, bad_utf8 = _text.decode(raw)
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                log.add(path, f"malformed JSON on line {number}: {exc.msg} (column {exc.colno})", record=f"line {number}")
                continue
            if not isinstance(row, dict):
                log.add(path, f"line {number} is a JSON {type(row).__name__}, not an object", record=f"line {number}")
                continue
            row["_line"] = number
            if bad_utf8:
                row["flags"] = [*(_maybe_json(row.get("flags")) or []), "invalid_utf8"]
            rows.append(row)
            if len(rows) >= chunksize:
                yield rows
                rows = []
        if rows:
            yield rows


def _csv(path: Path, *, log: ErrorLog, chunksize: int) -> Iterator[list[dict]]:
    def bad_line(fields: list[str]) -> None:
        log.add(path, f"malformed CSV row with {len(fields)} fields (expected {len(COLUMNS)}): "
                      f"{','.join(fields)[:80]!r}")
        return None

    try:
        chunks = pd.read_csv(path, dtype=object, keep_default_na=False, na_values=[""], chunksize=chunksize,
                             engine="python", on_bad_lines=bad_line, encoding_errors="replace")
        offset = 2  # header is line 1
        for chunk in chunks:
            rows = chunk.to_dict("records")
            for i, row in enumerate(rows):
                row["_line"] = offset + i
            offset += len(rows)
            yield rows
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError, csv.Error) as exc:
        log.add(path, f"malformed CSV: {exc}")


def _parquet(path: Path, *, log: ErrorLog, chunksize: int) -> Iterator[list[dict]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
        offset = 0
        for batch in parquet.iter_batches(batch_size=chunksize):
            rows = batch.to_pylist()
            for i, row in enumerate(rows):
                row["_line"] = offset + i
            offset += len(rows)
            yield rows
    except (pa.ArrowException, ValueError) as exc:
        log.add(path, f"not a readable Parquet file: {exc}")


def _checked(row: dict, *, path: Path, log: ErrorLog) -> dict:
    """Row with JSON text decoded and NaN as None; a field that will not decode is reported and emptied."""
    where = row.pop("_line", None)
    unknown = [k for k in row if k not in COLUMNS]
    if unknown:
        extra = _maybe_json(row.get("extra"))
        row["extra"] = {**(extra if isinstance(extra, dict) else {}), **{k: row.pop(k) for k in unknown}}
    for name in COLUMNS:
        value = row.get(name)
        if isinstance(value, float) and math.isnan(value):
            row[name] = None
        elif name in (*LIST_COLUMNS, "extra") and isinstance(value, str):
            try:
                row[name] = _maybe_json(value)
            except json.JSONDecodeError as exc:
                log.add(path, f"column {name!r} is not valid JSON ({exc.msg}); left empty", record=where)
                row[name] = None
        elif name in DATE_COLUMNS and isinstance(value, str) and value:
            parsed, _ = _text.parse_date(value)
            if parsed is None:
                log.add(path, f"column {name!r} has an unreadable date {value[:40]!r}; left empty", record=where)
            row[name] = parsed
    if not row.get("record_id"):
        log.add(path, "row has no record_id", record=where)
    return row


def _maybe_json(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in "[{":
        return json.loads(value)
    return value


def _plain_row(row: dict) -> dict:
    out = {}
    for name in COLUMNS:
        value = row.get(name)
        if isinstance(value, float) and math.isnan(value):
            value = None
        out[name] = value
    return out


def _encode(row: dict, columns: tuple[str, ...]) -> dict:
    out = dict(row)
    for name in columns:
        out[name] = json.dumps(out[name], ensure_ascii=False, default=_json_default)
    for name in DATE_COLUMNS:
        if columns is _JSON_COLUMNS_CSV and isinstance(out[name], date):
            out[name] = out[name].isoformat()
    return out


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "tolist"):
        return value.tolist()
    return str(value)
