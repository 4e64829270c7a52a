"""Read Q&A corpora into schema DataFrames (see :mod:`qatext.schema`).

``read_corpus(path)`` detects the format from the path: a page in the seed layout (``*.txt``)
or a folder of them, MedQuAD's XML tree, the ask-a-doctor JSON files, COVID-Dialogue's text
file, or a JSONL/CSV/Parquet file already in the schema. ``iter_corpus`` streams the same
rows chunk by chunk. Files that cannot be read are reported in ``df.attrs["errors"]`` (a list
of ``{"path", "record", "reason"}``) and as warnings; ``errors="raise"`` raises
:class:`ReadError` instead.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

import pandas as pd

from qatext.corpus import _text
from qatext.corpus.errors import ErrorLog, ReadError, ReadWarning
from qatext.corpus.flags import FLAGS
from qatext.corpus.tabular import TABULAR_FORMATS, write_corpus
from qatext.schema import Record, records_to_frame

__all__ = ["read_corpus", "iter_corpus", "write_corpus", "detect_format", "FORMATS", "FLAGS",
           "ReadError", "ReadWarning"]

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
    """Regular, non-hidden files below ``folder`` that are not README/LICENSE-style documents."""
    files = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).parts
        if any(part.startswith(".") for part in rel) or not path.is_file() or _DOC_FILE.search(path.name):
            continue
        files.append(path)
    return files


def iter_corpus(path: str | Path, format: str | None = None, *, chunksize: int = 10_000,
                errors: str = "collect") -> Iterator[pd.DataFrame]:
    """Yield schema DataFrames of at most ``chunksize`` rows, reading files one at a time.

    Each chunk's ``attrs["errors"]`` lists the problems met while reading it. At least one
    (possibly empty) frame is always yielded.
    """
    if chunksize < 1:
        raise ValueError(f"chunksize must be at least 1, not {chunksize}")
    log = ErrorLog(errors)
    pending: list = []
    yielded = False
    for item in _iter_records(Path(path), format, log=log, chunksize=chunksize):
        if isinstance(item, list):
            pending.extend(item)
        else:
            pending.append(item)
        while len(pending) >= chunksize:
            yield _frame(pending[:chunksize], log.take())
            pending = pending[chunksize:]
            yielded = True
    if pending or not yielded or log.entries:
        yield _frame(pending, log.take())


def read_corpus(path: str | Path, format: str | None = None, *, errors: str = "collect") -> pd.DataFrame:
    """Read a whole corpus into one schema DataFrame (``attrs["errors"]`` lists unreadable files).

    ``format`` overrides detection: one of :data:`FORMATS`. ``errors="raise"`` stops at the
    first problem with :class:`ReadError`.
    """
    chunks = list(iter_corpus(path, format, chunksize=50_000, errors=errors))
    problems = [entry for chunk in chunks for entry in chunk.attrs.get("errors", [])]
    frames = [chunk for chunk in chunks if len(chunk)] or chunks[:1]
    df = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    df.attrs = {"errors": problems, "source_path": str(path)}
    return df


def _frame(rows: list, problems: list[dict]) -> pd.DataFrame:
    df = records_to_frame(rows)
    df.attrs = {"errors": problems}
    return df


def _iter_records(path: Path, format: str | None, *, log: ErrorLog, chunksize: int):
    if format is not None and format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    fmt = format or detect_format(path)
    root = path if path.is_dir() else path.parent
    seen: dict = {}
    for file, file_fmt in _plan(path, fmt, log=log):
        relpath = file.relative_to(root).as_posix()
        yield from _read_file(file, file_fmt, log=log, relpath=relpath, seen=seen, chunksize=chunksize)


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

    try:
        data = file.read_bytes()
    except OSError as exc:
        log.add(file, f"cannot read file: {exc.strerror or exc}")
        return
    reason = _text.binary_reason(data)
    if reason:
        log.add(file, reason)
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
