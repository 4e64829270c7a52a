"""Integrity of the topic gold set data/gold/topics.jsonl and its guidelines.

The closed label sets are spelled out here on purpose rather than imported from
qatext.topics: the gold set is an independent yardstick for the tagger, so a
label renamed in the tagger must show up as a mismatch, not silently follow.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import GOLD

TOPICS = GOLD / "topics.jsonl"
GUIDELINES = GOLD / "TOPICS_GUIDELINES.md"

SPECIALTIES = frozenset({
    "allergy_immunology", "cardiology", "dentistry", "dermatology", "endocrinology",
    "gastroenterology", "general_medicine", "genetics", "hematology", "infectious_disease",
    "nephrology", "neurology", "obstetrics_gynecology", "oncology", "ophthalmology",
    "orthopedics", "otolaryngology", "pediatrics", "psychiatry", "pulmonology",
    "rheumatology", "urology",
})
INTENTS = frozenset({
    "diagnosis", "treatment", "medication", "test_interpretation", "prognosis",
    "cause", "prevention", "information", "other",
})
KEYS = {"id", "text", "specialty", "intent"}
# Optional: the exact span of text that is the main question (multi-question and
# context-dependent items). When present it must be a non-empty substring of text.
OPTIONAL_KEYS = {"main_ask"}
MIN_ROWS = 600
MIN_PER_SPECIALTY = 8
MIN_PER_INTENT = 12
ID_PATTERN = re.compile(r"t\d{3,}")
# Eight consecutive words in common with a real post means copied, not coincidence.
SHINGLE = 8


def _parse(path: Path) -> tuple[list[dict], list[str]]:
    """Every line as a dict, plus one readable error per line that is not a JSON object."""
    rows, errors = [], []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{path.name}:{lineno}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            errors.append(f"{path.name}:{lineno}: expected a JSON object, got {type(obj).__name__}")
            continue
        rows.append({**obj, "_line": lineno})
    return rows, errors


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    assert TOPICS.is_file(), f"missing gold file {TOPICS}"
    parsed, errors = _parse(TOPICS)
    assert not errors, "\n".join(errors)
    return parsed


def _normalise(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _normalise(text).split()
    return {tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def test_parser_reports_bad_lines_by_number(tmp_path):
    # Guards the guard: a broken line must be reported, not skipped.
    bad = tmp_path / "topics.jsonl"
    bad.write_text('{"id": "t001"}\n{"id": t002}\n[1, 2]\n', encoding="utf-8")
    parsed, errors = _parse(bad)
    assert [r["id"] for r in parsed] == ["t001"]
    assert errors[0].startswith("topics.jsonl:2: not valid JSON")
    assert errors[1] == "topics.jsonl:3: expected a JSON object, got list"


def test_has_enough_rows_and_no_blank_lines(rows):
    lines = TOPICS.read_text(encoding="utf-8").splitlines()
    assert len(lines) >= MIN_ROWS
    assert len(rows) == len(lines)


def test_every_row_has_the_four_fields_and_only_known_optional_ones(rows):
    wrong = [(r["_line"], sorted(set(r) - {"_line"})) for r in rows
             if not KEYS <= set(r) - {"_line"} <= KEYS | OPTIONAL_KEYS]
    assert not wrong, f"rows with wrong fields (line, keys): {wrong}"


def test_main_ask_is_a_substring_of_text(rows):
    bad = [(r["_line"], r["main_ask"]) for r in rows if "main_ask" in r
           and not (isinstance(r["main_ask"], str) and r["main_ask"].strip() and r["main_ask"] in r["text"])]
    assert not bad, f"main_ask empty or not a substring of text (line, main_ask): {bad}"


def test_ids_are_well_formed_and_unique(rows):
    malformed = [(r["_line"], r["id"]) for r in rows if not ID_PATTERN.fullmatch(str(r["id"]))]
    assert not malformed, f"ids not of the form t001: {malformed}"
    repeated = {i: n for i, n in Counter(r["id"] for r in rows).items() if n > 1}
    assert not repeated, f"repeated ids: {repeated}"


def test_texts_are_non_empty_strings(rows):
    bad = [r["_line"] for r in rows if not isinstance(r["text"], str) or not r["text"].strip()]
    assert not bad, f"empty or non-string text on lines {bad}"


def test_no_duplicate_texts(rows):
    # Compared after folding case, punctuation and spacing: a re-typed copy is still a copy.
    seen: dict[str, int] = {}
    dupes = []
    for r in rows:
        key = _normalise(r["text"])
        if key in seen:
            dupes.append((seen[key], r["_line"]))
        seen.setdefault(key, r["_line"])
    assert not dupes, f"duplicate texts (first line, repeat line): {dupes}"


def test_labels_come_from_the_closed_sets(rows):
    bad_spec = [(r["_line"], r["specialty"]) for r in rows if r["specialty"] not in SPECIALTIES]
    bad_intent = [(r["_line"], r["intent"]) for r in rows if r["intent"] not in INTENTS]
    assert not bad_spec, f"unknown specialty (line, value): {bad_spec}"
    assert not bad_intent, f"unknown intent (line, value): {bad_intent}"


def test_every_specialty_has_its_minimum(rows):
    counts = Counter(r["specialty"] for r in rows)
    short = {s: counts.get(s, 0) for s in SPECIALTIES if counts.get(s, 0) < MIN_PER_SPECIALTY}
    assert not short, f"specialties under {MIN_PER_SPECIALTY} questions: {short}"


def test_every_intent_has_its_minimum(rows):
    counts = Counter(r["intent"] for r in rows)
    short = {i: counts.get(i, 0) for i in INTENTS if counts.get(i, 0) < MIN_PER_INTENT}
    assert not short, f"intents under {MIN_PER_INTENT} questions: {short}"


def test_guidelines_define_every_label():
    text = GUIDELINES.read_text(encoding="utf-8")
    defined = set(re.findall(r"^\|\s*`([a-z_]+)`\s*\|", text, flags=re.M))
    assert SPECIALTIES <= defined, f"specialties without a definition row: {sorted(SPECIALTIES - defined)}"
    assert INTENTS <= defined, f"intents without a definition row: {sorted(INTENTS - defined)}"


@pytest.mark.shared
def test_texts_are_not_copied_from_the_shared_corpora(rows, shared):
    corpora = shared / "corpora"
    real_text = [(corpora / "covid-dialogue" / "COVID-Dialogue-Dataset-English.txt").read_text(encoding="utf-8")]
    for path in sorted((corpora / "ask-a-doctor-2017").glob("*.json")):
        real_text.extend(qa.get("question", "") for qa in json.loads(path.read_text(encoding="utf-8")))
    assert len(real_text) > 6000, "expected the ask-a-doctor questions and the COVID dialogues"
    real = set().union(*(_shingles(t) for t in real_text))
    copied = [(r["id"], " ".join(next(iter(_shingles(r["text"]) & real))))
              for r in rows if _shingles(r["text"]) & real]
    assert not copied, f"gold texts sharing {SHINGLE} consecutive words with a real post: {copied}"
