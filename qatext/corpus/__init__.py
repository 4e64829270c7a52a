"""Read Q&A corpora into schema DataFrames (see :mod:`qatext.schema`).

``read_corpus(path)`` detects the format from the path: a page in the seed layout (``*.txt``)
or a folder of them, MedQuAD's XML tree, the ask-a-doctor JSON files, COVID-Dialogue's text
file, or a JSONL/CSV/Parquet file already in the schema. ``iter_corpus`` streams the same
rows chunk by chunk. Files and records that cannot be read are reported in
``df.attrs["errors"]`` (a list of ``{"path", "record", "reason"}``) and as warnings;
``errors="raise"`` raises :class:`ReadError` instead. Nothing is dropped silently: every input
record is either a row or an error entry (:func:`read_errors_table` turns the entries into rows
of the ``errors`` table that ``qatext annotate`` writes).

Every record of every format goes through one cleaning step,
:func:`qatext.corpus.clean.clean_record` (HTML, control characters, empty, oversized and
non-English text, implausible dates), and repeated question+answer pairs are flagged
``duplicate_record`` (dropped on request with ``drop_duplicates=True`` or :func:`deduplicate`).
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterator

import pandas as pd

from qatext.corpus import _text
from qatext.corpus.clean import DuplicateTracker, clean_record, deduplicate, detect_non_english, flag_duplicates
from qatext.corpus.errors import ERROR_COLUMNS, ErrorLog, ReadError, ReadWarning, errors_frame, read_errors_table
from qatext.corpus.flags import FLAGS
from qatext.corpus.tabular import TABULAR_FORMATS, write_corpus
from qatext.schema import Record, make_record_id, records_to_frame

__all__ = ["read_corpus", "iter_corpus", "write_corpus", "detect_format", "FORMATS", "FLAGS",
           "ReadError", "ReadWarning", "clean_record", "deduplicate", "flag_duplicates", "detect_non_english",
           "read_errors_table", "errors_frame", "ERROR_COLUMNS"]

FORMATS = ("pages", "medquad", "ask-a-doctor", "covid-dialogue", "jsonl", "csv", "parquet")
# Files that document a corpus rather than belong to it; never read, never reported.
_DOC_FILE = re.compile(r"^(readme|license|licence|copying|notice|changelog)(\..*)?$|\.(md|zip|gz|pdf)$", re.I)
_COVID_NAME = re.compile(r"covid.?dialogue", re.I)
_SUFFIX_FORMAT = {".txt": "pages", ".xml": "medquad", ".json": "ask-a-doctor", **TABULAR_FORMATS}


def detect_format(path: str | Path) -> str:
    """The format :func:`read_corpus` would use for ``path`` (one of :data:`FORMATS`, or
    ``"mixed"`` for a folder holding several kinds of file, each read by its suffix)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file or folder")
    if path.is_file():
        return _file_format(path)
    files = _corpus_files(path)
    if any(f.suffix.lower() == ".xml" and f.parent.name.endswith(("_QA", "_QA_XML")) for f in files):
        return "medquad"
    kinds = {_file_format(f) if f.suffix.lower() in _SUFFIX_FORMAT else None for f in files}
    if len(kinds) == 1 and None not in kinds:
        return kinds.pop()
    if not files:
        return "pages"
    return "mixed"


def _file_format(path: Path) -> str:
    suffix = path.suffix.lower()
    fmt = _SUFFIX_FORMAT.get(suffix)
    if fmt == "pages":
        from qatext.corpus.covid_dialogue import looks_like_covid_dialogue

        if _COVID_NAME.search(path.name):
            return "covid-dialogue"
        try:
            with path.open("rb") as handle:
                head = handle.read(4096)
        except OSError:
            return "pages"
        if looks_like_covid_dialogue(_text.decode(head)[0]):
            return "covid-dialogue"
    return fmt or "pages"


def _corpus_files(folder: Path) -> list[Path]:
    """Regular, non-hidden files below ``folder`` that are not README/LICENSE-style documents,
    in path order. Hidden folders are not entered and symlinked folders not followed (as
    ``Path.rglob``). One ``scandir`` per folder, sorted on path parts before any ``Path`` is
    made: a seventh of the cost of ``rglob`` on MedQuAD's 11,000 files."""
    found: list[tuple[tuple[str, ...], str]] = []
    pending: list[tuple[tuple[str, ...], str]] = [((), str(folder))]
    while pending:
        parts, directory = pending.pop()
        try:
            entries = list(os.scandir(directory))
        except OSError:
            continue  # as rglob: an unreadable folder is passed over
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(((*parts, name), entry.path))
                elif entry.is_file() and not _DOC_FILE.search(name):
                    found.append(((*parts, name), entry.path))
            except OSError:
                continue
    found.sort()
    return [Path(path) for _, path in found]


def iter_corpus(path: str | Path, format: str | None = None, *, chunksize: int = 10_000,
                errors: str = "collect", drop_duplicates: bool = False) -> Iterator[pd.DataFrame]:
    """Yield schema DataFrames of at most ``chunksize`` rows, reading files one at a time.

    Each chunk's ``attrs["errors"]`` lists the problems met while reading it, and with
    ``drop_duplicates=True`` its ``attrs["dropped_duplicates"]`` lists the repeats left out
    (``{"record_id", "duplicate_of"}``; the first occurrence is kept). At least one (possibly
    empty) frame is always yielded.
    """
    if chunksize < 1:
        raise ValueError(f"chunksize must be at least 1, not {chunksize}")
    state = _ReadState(log=ErrorLog(errors), drop_duplicates=drop_duplicates)
    pending: list = []
    yielded = False
    for item in _iter_records(Path(path), format, state=state, chunksize=chunksize):
        pending.extend(item)
        while len(pending) >= chunksize:
            yield _frame(pending[:chunksize], state)
            pending = pending[chunksize:]
            yielded = True
    if pending or not yielded or state.log.entries or state.dropped:
        yield _frame(pending, state)


def read_corpus(path: str | Path, format: str | None = None, *, errors: str = "collect",
                drop_duplicates: bool = False) -> pd.DataFrame:
    """Read a whole corpus into one schema DataFrame (``attrs["errors"]`` lists unreadable files
    and records: ``{"path", "record", "reason"}``).

    ``format`` overrides detection: one of :data:`FORMATS`. ``errors="raise"`` stops at the
    first problem with :class:`ReadError`. Repeated question+answer pairs are flagged
    ``duplicate_record``; ``drop_duplicates=True`` keeps only the first of each and lists the
    others in ``attrs["dropped_duplicates"]``.
    """
    chunks = list(iter_corpus(path, format, chunksize=50_000, errors=errors, drop_duplicates=drop_duplicates))
    problems = [entry for chunk in chunks for entry in chunk.attrs.get("errors", [])]
    dropped = [entry for chunk in chunks for entry in chunk.attrs.get("dropped_duplicates", [])]
    frames = [chunk for chunk in chunks if len(chunk)] or chunks[:1]
    df = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    df.attrs = {"errors": problems, "source_path": str(path)}
    if drop_duplicates:
        df.attrs["dropped_duplicates"] = dropped
    return df


class _ReadState:
    """What one read carries across files: the error log, ids and contents seen, repeats dropped."""

    def __init__(self, *, log: ErrorLog, drop_duplicates: bool):
        self.log = log
        self.drop_duplicates = drop_duplicates
        self.duplicates = DuplicateTracker()
        self.ids: set[str] = set()
        self.dropped: list[dict] = []

    def finish(self, record, *, file: Path, index: int):
        """The cleaned record, or None when it is a repeat to drop or could not be cleaned
        (then it is in the error log: nothing goes missing)."""
        values = record if isinstance(record, dict) else vars(record)
        try:
            clean_record(values)
            self.unique_id(values, file=file, index=index)
            repeat = self.duplicates.check(values)
        except Exception as exc:  # noqa: BLE001 - one bad record never sinks the batch
            self.log.add(file, f"record could not be cleaned ({type(exc).__name__}: {exc})",
                         record=_record_name(values, index))
            return None
        if repeat and self.drop_duplicates:
            self.dropped.append({"record_id": values["record_id"], "duplicate_of": values["extra"]["duplicate_of"]})
            return None
        return record

    def unique_id(self, values: dict, *, file: Path, index: int) -> None:
        # Readers make ids unique within their format; tabular input can repeat them, and the
        # annotate tables key everything on record_id, so a repeat gets a suffix and a flag.
        record_id = values.get("record_id")
        if not isinstance(record_id, str) or not record_id:
            values["record_id"] = make_record_id(str(values.get("source") or "unknown"), file.name, index)
            values["flags"].append("missing_record_id")
            record_id = values["record_id"]
        if record_id in self.ids:
            n = 2
            while f"{record_id}-{n}" in self.ids:
                n += 1
            values["record_id"] = f"{record_id}-{n}"
            if "duplicate_source_id" not in values["flags"]:
                values["flags"].append("duplicate_source_id")
        self.ids.add(values["record_id"])


def _record_name(values: dict, index: int):
    record_id = values.get("record_id") if isinstance(values, dict) else None
    return record_id if isinstance(record_id, str) and record_id else index


def _frame(rows: list, state: _ReadState) -> pd.DataFrame:
    try:
        df = records_to_frame(rows)
    except Exception:  # noqa: BLE001 - find the row that breaks the frame; keep the others
        good = []
        for index, row in enumerate(rows):
            try:
                records_to_frame([row])
            except Exception as exc:  # noqa: BLE001
                values = row if isinstance(row, dict) else vars(row)
                state.log.add(values.get("extra", {}).get("file", "?"), f"record does not fit the schema "
                              f"({type(exc).__name__}: {exc})", record=_record_name(values, index))
            else:
                good.append(row)
        df = records_to_frame(good) if good else records_to_frame([])
    df.attrs = {"errors": state.log.take()}
    if state.drop_duplicates:
        df.attrs["dropped_duplicates"], state.dropped = state.dropped, []
    return df


def _iter_records(path: Path, format: str | None, *, state: _ReadState, chunksize: int):
    """Lists of cleaned records, file by file; a file whose reader fails unexpectedly is reported
    with what it had yielded so far kept."""
    if format is not None and format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    fmt = format or detect_format(path)
    root = path if path.is_dir() else path.parent
    seen: dict = {}
    log = state.log
    for file, file_fmt in _plan(path, fmt, log=log):
        relpath = file.relative_to(root).as_posix()
        index = 0
        try:
            for item in _read_file(file, file_fmt, log=log, relpath=relpath, seen=seen, chunksize=chunksize):
                batch = []
                for record in item if isinstance(item, list) else [item]:
                    kept = state.finish(record, file=file, index=index)
                    index += 1
                    if kept is not None:
                        batch.append(kept)
                yield batch
        except ReadError:
            raise
        except Exception as exc:  # noqa: BLE001 - a reader bug must not sink the other files
            log.add(file, f"unexpected error after {index} records ({type(exc).__name__}: {exc}); "
                          "the rest of this file was not read")


def _plan(path: Path, fmt: str, *, log: ErrorLog) -> Iterator[tuple[Path, str]]:
    """(file, format) pairs to read; unexpected files in a folder are reported, not ignored."""
    if path.is_file():
        yield path, fmt
        return
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file or folder")
    suffixes = {
        "pages": (".txt",), "medquad": (".xml",), "ask-a-doctor": (".json",), "covid-dialogue": (".txt",),
        "jsonl": (".jsonl", ".ndjson"), "csv": (".csv",), "parquet": (".parquet", ".pq"),
    }
    for file in _corpus_files(path):
        suffix = file.suffix.lower()
        if fmt == "mixed":
            if suffix in _SUFFIX_FORMAT:
                yield file, _file_format(file)
            else:
                log.add(file, f"unsupported file type {suffix or '(no suffix)'!r}; skipped")
        elif suffix in suffixes[fmt]:
            yield file, fmt
        else:
            log.add(file, f"not a {fmt} file (expected {', '.join(suffixes[fmt])}); skipped")


def _read_file(file: Path, fmt: str, *, log: ErrorLog, relpath: str, seen: dict, chunksize: int):
    if fmt == "pages":
        yield from _iter_page_file(file, log=log, relpath=relpath, seen=seen)
    elif fmt == "medquad":
        from qatext.corpus.medquad import iter_medquad_file

        yield from iter_medquad_file(file, log=log, relpath=relpath, seen=seen)
    elif fmt == "ask-a-doctor":
        from qatext.corpus.ask_a_doctor import iter_ask_a_doctor_file

        yield from iter_ask_a_doctor_file(file, log=log, relpath=relpath, seen=seen)
    elif fmt == "covid-dialogue":
        from qatext.corpus.covid_dialogue import iter_covid_file

        yield from iter_covid_file(file, log=log, relpath=relpath, seen=seen)
    else:
        from qatext.corpus.tabular import iter_tabular_file

        yield from iter_tabular_file(file, fmt, log=log, chunksize=chunksize)


def _iter_page_file(file: Path, *, log: ErrorLog, relpath: str, seen: dict) -> Iterator[Record]:
    from qatext.corpus.page import parse_page

    data = _text.read_checked(file, log)
    if data is None:
        return
    text, bad_utf8 = _text.decode(data)
    record = parse_page(text, path=relpath)
    record.extra["file"] = relpath
    if bad_utf8:
        record.flags.append("invalid_utf8")
    if record.record_id in seen:  # only possible for the same relative path twice: keep both, distinctly
        seen[record.record_id] += 1
        record.record_id = f"{record.record_id}-{seen[record.record_id]}"
    else:
        seen[record.record_id] = 0
    yield record
