"""Reader for COVID-Dialogue-Dataset-English.txt: blocks of ``id=N``, URL, Description, Dialogue.

``question`` is the first patient turn, ``answer`` the doctor turns joined by blank lines,
and every turn is kept in ``extra["dialogue"]``. Upstream reuses ``id=18`` for two different
dialogues, so ids are made from the upstream id plus a hash of the dialogue's content.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path
from typing import Iterator

from qatext.corpus import _text
from qatext.corpus.errors import ErrorLog
from qatext.schema import Record, make_record_id

SOURCE = "covid-dialogue"
_ID = re.compile(r"^id\s*=\s*(\S+)\s*$")
_SPEAKER = re.compile(r"^(Patient|Doctor)\s*:\s*(.*)$")


def looks_like_covid_dialogue(text_head: str) -> bool:
    """True when the first non-blank line is an ``id=N`` block header."""
    first = next((line.strip() for line in text_head.splitlines() if line.strip()), "")
    return bool(_ID.match(first))


def iter_covid_file(path: Path, *, log: ErrorLog, relpath: str, seen: dict) -> Iterator[Record]:
    """Records of one COVID-Dialogue text file; a block without ``id=`` is reported, not dropped."""
    data = _text.read_checked(path, log)
    if data is None:
        return
    text, bad_utf8 = _text.decode(data)
    blocks = _blocks(text.split("\n"), path=path, log=log)
    id_counts = Counter(block_id for block_id, _, _ in blocks)
    for block_id, line_no, lines in blocks:
        record = _record(block_id, lines)
        digest = hashlib.sha1("\n".join(lines).encode("utf-8")).hexdigest()[:16]
        key = (SOURCE, block_id, digest)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        record.record_id = make_record_id(*key, *((occurrence,) if occurrence else ()))
        record.extra["line"] = line_no
        if id_counts[block_id] > 1:
            record.flags.append("duplicate_source_id")
        if occurrence:
            record.flags.append("duplicate_content")
        if bad_utf8:
            record.flags.append("invalid_utf8")
        yield record


def _blocks(lines: list[str], *, path: Path, log: ErrorLog) -> list[tuple[str, int, list[str]]]:
    blocks: list[tuple[str, int, list[str]]] = []
    preamble: list[str] = []
    for number, line in enumerate(lines, start=1):
        m = _ID.match(line.strip())
        if m:
            blocks.append((m[1], number, []))
        elif blocks:
            blocks[-1][2].append(line)
        else:
            preamble.append(line)
    if any(line.strip() for line in preamble):
        log.add(path, "text before the first 'id=' line is not part of any dialogue", record="line 1")
    if not blocks:
        log.add(path, "no 'id=N' dialogue blocks found: not a COVID-Dialogue file")
    return blocks


def _record(block_id: str, lines: list[str]) -> Record:
    url = None
    section = None
    description: list[str] = []
    turns: list[dict] = []
    for line in lines:
        stripped = line.strip()
        if section is None and url is None and stripped.lower().startswith("http"):
            url = stripped
        elif stripped in ("Description", "Dialogue") and not (section == "Dialogue" and turns):
            section = stripped
        elif section == "Dialogue" and _SPEAKER.match(stripped):
            m = _SPEAKER.match(stripped)
            turns.append({"speaker": m[1].lower(), "text": m[2]})
        elif section == "Dialogue" and turns:
            turns[-1]["text"] += "\n" + line.rstrip()
        elif section == "Description":
            description.append(line)
        elif stripped:
            description.append(line)  # text outside any section: keep it rather than lose it
    for turn in turns:
        turn["text"] = _text.strip_block(turn["text"].split("\n")) or ""
    patients = [i for i, t in enumerate(turns) if t["speaker"] == "patient"]
    doctors = [t["text"] for t in turns if t["speaker"] == "doctor" and t["text"]]
    record = Record(
        record_id="",
        source=SOURCE,
        url=url,
        question_title=_text.strip_block(description),
        question=turns[patients[0]]["text"] or None if patients else None,
        answer="\n\n".join(doctors) or None,
        extra={"id": block_id, "dialogue": turns},
    )
    if record.question is None:
        record.flags.append("missing_question")
    if record.answer is None:
        record.flags.append("missing_answer")
    if not any(t["speaker"] == "doctor" for t in turns):
        record.flags.append("missing_doctor_turn")
    if turns and turns[0]["speaker"] == "doctor":
        record.flags.append("doctor_spoke_first")
    return record
