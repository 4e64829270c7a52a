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
# Where the next list item may start after a damaged one: '{"' at the start of a line (the
# corpus is pretty-printed) or right after '},'. Searching from the damaged item's own start
# (not from where the parser gave up) means an item that lost its closing brace does not
# swallow the item after it.
# One item per line (or pretty-printed): only line starts count, so that '}, {"' inside a
# damaged item's nested values is not taken for the next item. All on one line: '},{"'.
_NEXT_LINE_OBJECT = re.compile(r"\n\s*(?=\{\s*\")")
_NEXT_INLINE_OBJECT = re.compile(r"\}\s*,\s*(?=\{\s*\")")


def source_for(path: Path) -> str:
    """'ask-a-doctor/icliniq' from 'icliniqQAs.json' (unknown files: the lower-cased stem)."""
    stem = path.stem.lower().removesuffix("qas")
    return f"ask-a-doctor/{SITES.get(stem, stem)}"


def iter_ask_a_doctor_file(path: Path, *, log: ErrorLog, relpath: str, seen: dict) -> Iterator[Record]:
    """Records of one ask-a-doctor JSON file; bad objects are reported and skipped one by one."""
    data = _text.read_checked(path, log)
    if data is None:
        return
    text, bad_utf8 = _text.decode(data)
    source = source_for(path)
    pending = None  # held back one step, so that a list cut off after it can flag it
    for index, item, junk in _iter_json_list(text, path=path, log=log):
        if item is _UNCLOSED:
            if pending is not None:
                pending.flags.append("truncated")
            break
        if item is _STRAY:
            if pending is not None:
                pending.flags.append("trailing_junk")
                pending.extra["trailing_junk"] = _str(junk[:10_000])
            continue
        if pending is not None:
            yield pending
            pending = None
        if not isinstance(item, dict):
            log.add(path, f"expected a JSON object, got {type(item).__name__}", record=index)
            continue
        pending = _record(item, source=source, seen=seen)
        if junk is not None:
            pending.flags.append("trailing_junk")
            pending.extra["trailing_junk"] = _str(junk[:10_000])
        if bad_utf8:
            pending.flags.append("invalid_utf8")
    if pending is not None:
        yield pending


_OBJECT_START = re.compile(r"\{\s*[\"}]")
_UNCLOSED = object()
_STRAY = object()  # stray text after the item with the given index (already yielded)  # marks a list that ends, cut off, right after a complete item


def _iter_json_list(text: str, *, path: Path, log: ErrorLog) -> Iterator[tuple[int, Any, str | None]]:
    """(index, item, stray text after the item or None) for each item of a JSON list; damaged
    items are reported to ``log`` and skipped up to the next item's start."""
    decoder = json.JSONDecoder()
    start = len(text) - len(text.lstrip())
    if not text.startswith("[", start):
        log.add(path, "malformed JSON: expected a list of objects ('[' ...)")
        return
    pos, index, last_ok = start + 1, 0, False
    next_object = _NEXT_LINE_OBJECT if _NEXT_LINE_OBJECT.search(text) else _NEXT_INLINE_OBJECT
    while True:
        pos = _skip(text, pos)
        if pos >= len(text):
            if index and last_ok:  # nothing lost that can be counted: the reader flags the last record
                yield index, _UNCLOSED, None
            elif not index:
                log.add(path, "malformed JSON: the list is not closed (file truncated?)")
            return
        if text[pos] == "]":
            rest = _skip(text, pos + 1)
            if rest < len(text) and text[rest] == ",":
                rest = _skip(text, rest + 1)
            if rest < len(text) and _OBJECT_START.match(text, rest):
                # a stray ']' with more items after it: not the end of the list
                if last_ok:
                    yield index - 1, _STRAY, text[pos:rest]
                pos = rest
                continue
            if rest < len(text):
                line = text.count("\n", 0, rest) + 1
                log.add(path, f"malformed JSON: text after the list's closing ']' (line {line}) was not read",
                        record=f"after item {index - 1}")
            return
        try:
            item, end = decoder.raw_decode(text, pos)
        except (json.JSONDecodeError, RecursionError) as exc:
            if isinstance(exc, json.JSONDecodeError):
                reason = f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
            else:
                reason = f"malformed JSON at line {text.count(chr(10), 0, pos) + 1}: nested too deeply"
            log.add(path, reason, record=index)
            last_ok = False
            found = next_object.search(text, pos + 1)
            if found is None:
                return
            pos, index = found.end(), index + 1
            continue
        pos = _skip(text, end)
        junk = None
        if pos < len(text) and text[pos] not in ",]" and not _OBJECT_START.match(text, pos):
            # Stray text after a complete item: keep it with the item rather than count it as
            # an item of its own, and go on from the next item.
            found = next_object.search(text, pos)
            stop = found.start() if found else max(text.rfind("]"), pos)
            junk, pos = text[pos:stop], _skip(text, stop)
        yield index, item, junk
        index, last_ok = index + 1, True
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
        tags=[_str(t) for t in tags] if isinstance(tags, list) else ([_str(tags)] if tags else []),
    )
    known = {"question", "question_text", "answer", "answer_author", "url", "tags"}
    record.extra = {k: v for k, v in item.items() if k not in known}
    content = "\x1f".join(str(x) for x in (record.question_title, record.question, author, record.answer))
    key = (source, record.url, hashlib.sha1(content.encode("utf-8", errors="surrogatepass")).hexdigest()[:16])
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


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _str(value: Any) -> str | None:
    """Text of a JSON value; lone surrogates ('\\ud800' escapes) become U+FFFD, since they
    cannot be hashed, written or shown as UTF-8."""
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


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
