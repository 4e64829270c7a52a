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
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator

import pandas as pd

from qatext.corpus import _text
from qatext.corpus.errors import ErrorLog
from qatext.outputs import atomic_path, ensure_dir
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
    frame = conform(df) if fmt != "parquet" else None
    rows = [_plain_row(row) for row in frame.to_dict("records")] if fmt != "parquet" else None
    ensure_dir(path.parent)
    # Written whole under a temporary name, then renamed: a failed write leaves no table behind.
    with atomic_path(path) as target:
        if fmt == "jsonl":
            # surrogatepass: a lone surrogate in a hand-built frame is written as the bytes it stands
            # for, and reading back flags the row 'invalid_utf8' instead of this write failing
            with target.open("w", encoding="utf-8", errors="surrogatepass") as out:
                for row in rows:
                    out.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")
        elif fmt == "csv":
            frame = pd.DataFrame([_encode(row, _JSON_COLUMNS_CSV) for row in rows], columns=COLUMNS, dtype=object)
            frame.to_csv(target, index=False, quoting=csv.QUOTE_NONNUMERIC, errors="surrogatepass")
        else:
            import pyarrow.parquet as pq

            pq.write_table(records_table(df), str(target))
    return path


def records_table(df: pd.DataFrame, *, conformed: bool = False):
    """A schema frame as the Arrow table ``write_corpus`` stores in Parquet, column by column (a
    dict per row cost more than the Parquet encoding itself when ``qatext annotate`` writes each
    partition's records). ``conformed``: ``df`` is in the schema already, as every reader gives
    it, so :func:`~qatext.schema.conform` is not run again."""
    import pyarrow as pa

    frame = df if conformed else conform(df)
    columns = []
    for name in COLUMNS:
        values = frame[name].tolist()
        if name in _JSON_COLUMNS_PARQUET:
            values = [json.dumps(value, ensure_ascii=False, default=_json_default) for value in values]
        columns.append(pa.array(values, type=_arrow_type(name)))
    return pa.Table.from_arrays(columns, schema=pa.schema([(name, _arrow_type(name)) for name in COLUMNS]))


def _arrow_type(name: str):
    import pyarrow as pa

    if name in DATE_COLUMNS:
        return pa.date32()
    if name in ("tags", "flags"):
        return pa.list_(pa.string())
    return pa.string()


def iter_tabular_file(path: Path, fmt: str, *, log: ErrorLog, chunksize: int) -> Iterator[list[dict]]:
    """Lists of row dicts (at most ``chunksize`` each) from a JSONL, CSV or Parquet file.

    A row whose fields have the wrong type or unreadable JSON is kept, with the field emptied,
    the raw value in ``extra["invalid_fields"]`` and the flag ``invalid_field``.
    """
    readers = {"jsonl": _jsonl, "csv": _csv, "parquet": _parquet}
    try:
        for rows in readers[fmt](path, log=log, chunksize=chunksize):
            yield [_checked(row) for row in rows]
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
            except RecursionError:
                log.add(path, f"malformed JSON on line {number}: nested too deeply", record=f"line {number}")
                continue
            if not isinstance(row, dict):
                log.add(path, f"line {number} is a JSON {type(row).__name__}, not an object", record=f"line {number}")
                continue
            row["_line"] = number
            row["_invalid_utf8"] = bad_utf8
            rows.append(row)
            if len(rows) >= chunksize:
                yield rows
                rows = []
        if rows:
            yield rows


def _csv(path: Path, *, log: ErrorLog, chunksize: int) -> Iterator[list[dict]]:
    """Rows of a CSV file with a header line. A row with more or fewer fields than the header is
    reported with its line number (pandas would shift or cut such rows without a word)."""
    with path.open("rb") as handle:
        reason = _text.binary_reason(handle.read(8192))
    if reason:
        log.add(path, reason)
        return
    bad_utf8 = not _valid_utf8(path)
    limit = csv.field_size_limit()
    csv.field_size_limit(2**31 - 1)  # a 1 MB+ answer is a record to flag, not a parse error
    try:
        with path.open("r", encoding="utf-8", errors="replace", newline="") as handle:
            reader = csv.reader(_no_nul(handle))
            header, rows, last_line = None, [], 0
            while True:
                try:
                    fields = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    if reader.line_num == last_line:  # the reader cannot get past this point
                        log.add(path, f"malformed CSV from line {reader.line_num} on: {exc}", record=f"line {reader.line_num}")
                        break
                    last_line = reader.line_num
                    log.add(path, f"malformed CSV on line {reader.line_num}: {exc}", record=f"line {reader.line_num}")
                    continue
                last_line = reader.line_num
                if header is None:
                    header = fields
                    continue
                if not fields:
                    continue  # a blank line (a quoted empty field, '""', is a record and comes as [""])
                if len(fields) != len(header):
                    log.add(path, f"malformed CSV row with {len(fields)} fields (the header has {len(header)}): "
                                  f"{','.join(fields)[:80]!r}", record=f"line {reader.line_num}")
                    continue
                row = {name: (value if value != "" else None) for name, value in zip(header, fields)}
                # undecodable bytes were replaced; only the rows holding them are marked
                row["_invalid_utf8"] = bad_utf8 and any("\ufffd" in v for v in fields)
                rows.append(row)
                if len(rows) >= chunksize:
                    yield rows
                    rows = []
            if rows:
                yield rows
    finally:
        csv.field_size_limit(limit)


def _no_nul(lines):
    # the csv module refuses NUL characters; a stray one is dropped here (and the row stays)
    for line in lines:
        yield line.replace("\x00", "") if "\x00" in line else line


def _valid_utf8(path: Path) -> bool:
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as handle:
        try:
            for block in iter(lambda: handle.read(1 << 20), b""):
                decoder.decode(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


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


_TEXT_COLUMNS = tuple(c for c in COLUMNS if c not in (*LIST_COLUMNS, *DATE_COLUMNS, "extra"))


def _checked(row: dict) -> dict:
    """Row with JSON text decoded, NaN as None and every field of its schema type.

    Unknown columns go to ``extra``. A field that cannot be given its type is emptied, its raw
    value kept in ``extra["invalid_fields"]`` and the row flagged (``invalid_field``, or
    ``invalid_date``/``ambiguous_date`` for dates), so the row itself is never lost.
    """
    row.pop("_line", None)
    bad_utf8 = row.pop("_invalid_utf8", False)
    invalid: dict[str, Any] = {}
    flags: list[str] = []
    extra = _decode(row.get("extra"))
    if extra is _BAD or (extra is not None and not isinstance(extra, dict)):
        invalid["extra"] = _raw(row.get("extra"))
        extra = None
    extra = dict(extra or {})
    for key in [k for k in row if k not in COLUMNS]:
        extra[str(key)] = _raw(row.pop(key))
    for name in COLUMNS:
        value = row.get(name)
        if _is_nan(value):
            value = None
        if name == "extra":
            continue
        if name in LIST_COLUMNS:
            decoded = _decode(value)
            if decoded is _BAD:
                invalid[name], decoded = _raw(value), None
            if decoded is None:
                value = []
            elif isinstance(decoded, (list, tuple)):
                value = list(decoded)
            elif isinstance(decoded, str):
                value = [decoded]
            else:
                invalid[name], value = _raw(value), []
            if name in ("tags", "flags"):
                value = [v if isinstance(v, str) else json.dumps(_raw(v), ensure_ascii=False) for v in value
                         if not _is_nan(v) and v is not None]
            else:  # related: dicts of snippets
                if any(not isinstance(v, dict) for v in value):
                    invalid[name], value = _raw(value), [v for v in value if isinstance(v, dict)]
        elif name in DATE_COLUMNS:
            if isinstance(value, datetime):
                value = value.date()
            elif value is None or isinstance(value, date):
                pass
            elif isinstance(value, str) and not value.strip():
                value = None
            elif isinstance(value, str):
                parsed, problem = _text.parse_date(value)
                if parsed is None:
                    invalid[name] = value
                    flags.append(problem or "invalid_date")
                value = parsed
            else:
                invalid[name], value = _raw(value), None
                flags.append("invalid_date")
        elif value is not None and not isinstance(value, str):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                value = str(value)  # a numeric id or title is still text
            else:
                invalid[name], value = _raw(value), None
        row[name] = value
    if invalid:
        extra["invalid_fields"] = {**extra.get("invalid_fields", {}), **invalid} if isinstance(
            extra.get("invalid_fields"), dict) else invalid
        if any(name not in DATE_COLUMNS for name in invalid):
            flags.append("invalid_field")
    row["extra"] = extra
    for flag in (*flags, *(["invalid_utf8"] if bad_utf8 else [])):
        if flag not in row["flags"]:
            row["flags"].append(flag)
    return row


_BAD = object()


def _decode(value: Any) -> Any:
    """JSON text decoded (lists/dicts stored as text by CSV/Parquet), other values as they are;
    :data:`_BAD` when text that looks like JSON does not parse."""
    if _is_nan(value):
        return None
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except (json.JSONDecodeError, RecursionError):
            return _BAD
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        return value.tolist()
    return value


def _is_nan(value: Any) -> bool:
    return isinstance(value, float) and math.isnan(value)


def _raw(value: Any) -> Any:
    """``value`` as plain JSON-able data, for keeping in ``extra``."""
    if isinstance(value, (str, int, bool)) or value is None:
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    try:
        return json.loads(json.dumps(value, ensure_ascii=False, default=_json_default))
    except (TypeError, ValueError, RecursionError):
        return repr(value)[:1000]


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
