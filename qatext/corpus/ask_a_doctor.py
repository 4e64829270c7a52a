"""Reader for the ask-a-doctor 2017 JSON files (questionDoctors, iCliniq, eHealthForum).

Each file is a JSON list of objects. A syntax error inside the list costs only the object it
is in: the reader resumes at the next object and reports the line of the damage.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any, Iterator

from qatext.corpus import _text
from qatext.corpus.errors import ErrorLog
from qatext.schema import Record, make_record_id

SITES = {"questiondoctor": "questiondoctors", "icliniq": "icliniq", "ehealthforum": "ehealthforum"}
_DR = re.compile(r"^\s*Dr\.?\s*(?=\S)", re.I)
_NEXT_OBJECT = re.compile(r"\}\s*,\s*(?=\{)")


def source_for(path: Path) -> str:
    """'ask-a-doctor/icliniq' from 'icliniqQAs.json' (unknown files: the lower-cased stem)."""
    stem = path.stem.lower().removesuffix("qas")
    return f"ask-a-doctor/{SITES.get(stem, stem)}"


def iter_ask_a_doctor_file(path: Path, *, log: ErrorLog, relpath: str, seen: dict) -> Iterator[Record]:
    """Records of one ask-a-doctor JSON file; bad objects are reported and skipped one by one."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        log.add(path, f"cannot read file: {exc.strerror or exc}")
        return
    reason = _text.binary_reason(data)
    if reason:
        log.add(path, reason)
        return
    text, bad_utf8 = _text.decode(data)
    source = source_for(path)
    for index, item in _iter_json_list(text, path=path, log=log):
        if not isinstance(item, dict):
            log.add(path, f"expected a JSON object, got {type(item).__name__}", record=index)
            continue
        record = _record(item, source=source, seen=seen)
        if bad_utf8:
            record.flags.append("invalid_utf8")
        yield record


def _iter_json_list(text: str, *, path: Path, log: ErrorLog) -> Iterator[tuple[int, Any]]:
    decoder = json.JSONDecoder()
    start = len(text) - len(text.lstrip())
    if not text.startswith("[", start):
        log.add(path, "malformed JSON: expected a list of objects ('[' ...)")
        return
    pos, index = start + 1, 0
    while True:
        pos = _skip(text, pos)
        if pos >= len(text):
            log.add(path, "malformed JSON: the list is not closed (file truncated?)")
            return
        if text[pos] == "]":
            return
        try:
            item, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            log.add(path, f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}", record=index)
            found = _NEXT_OBJECT.search(text, exc.pos)
            if found is None:
                return
            pos, index = found.end(), index + 1
            continue
        yield index, item
        index += 1
        pos = _skip(text, end)
        if pos < len(text) and text[pos] == ",":
            pos += 1


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _record(item: dict, *, source: str, seen: dict) -> Record:
    title = _text.squash(_str(item.get("question")))
    body = _lines(_str(item.get("question_text"))) or _lines(_str(item.get("question")))
    author = _str(item.get("answer_author"))
    tags = item.get("tags")
    record = Record(
        record_id="",
        source=source,
        url=_str(item.get("url")),
        question_title=title,
        question=body,
        doctor_name=_DR.sub("", author).strip() or None if author else None,
        answer=_lines(_str(item.get("answer"))),
        tags=[str(t) for t in tags] if isinstance(tags, list) else ([str(tags)] if tags else []),
    )
    known = {"question", "question_text", "answer", "answer_author", "url", "tags"}
    record.extra = {k: v for k, v in item.items() if k not in known}
    content = "\x1f".join(str(x) for x in (record.question_title, record.question, author, record.answer))
    key = (source, record.url, hashlib.sha1(content.encode("utf-8")).hexdigest()[:16])
    occurrence = seen.get(key, 0)
    seen[key] = occurrence + 1
    record.record_id = make_record_id(*key, *((occurrence,) if occurrence else ()))
    if occurrence:
        record.flags.append("duplicate_content")
    if record.question is None:
        record.flags.append("missing_question")
    if record.answer is None:
        record.flags.append("missing_answer")
    if "answer_author" in item and record.doctor_name is None:
        record.flags.append("missing_doctor")
    return record


def _str(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _lines(text: str | None) -> str | None:
    """Normalise whitespace but keep line breaks (iCliniq pads questions with \\r\\n\\t)."""
    if text is None:
        return None
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return _text.strip_block(out)
