"""The hand-annotated ASSERTION gold set in data/gold/ is in sync with its source, well-formed,
balanced across statuses and passage kinds, and original (see data/gold/ASSERTION_GUIDELINES.md)."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import GOLD, copied_from_shared, rebuilt_gold

SOURCE = GOLD / "assertion_source.txt"
JSONL = GOLD / "assertion.jsonl"

LABELS = {"SYMPTOM", "DISEASE", "DRUG", "ANATOMY", "TEST", "TREATMENT"}
STATUSES = ("present", "negated", "possible", "hypothetical", "historical", "family", "generic")
EXPERIENCERS = ("patient", "relative", "other", "none")
KINDS = ("patient", "doctor")
MIN_PER_STATUS = 15


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return [json.loads(line) for line in JSONL.read_text(encoding="utf-8").splitlines()]


def test_jsonl_is_exactly_what_the_converter_produces(tmp_path: Path) -> None:
    assert rebuilt_gold(SOURCE, tmp_path / "assertion.jsonl") == JSONL.read_bytes(), (
        "assertion.jsonl is stale: run python data/gold/build_ner_gold.py "
        "--source data/gold/assertion_source.txt --out data/gold/assertion.jsonl")


def test_size_kinds_and_ids(records: list[dict]) -> None:
    assert len(records) >= 240
    kinds = Counter(r["kind"] for r in records)
    assert set(kinds) == set(KINDS), kinds
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    for r in records:
        prefix = "q" if r["kind"] == "patient" else "r"
        assert re.fullmatch(prefix + r"\d{3}", r["id"]), (r["id"], r["kind"])
        assert r["text"] and r["text"] == r["text"].strip()
        assert r["entities"], f"{r['id']} has no annotated mention"


def test_every_status_is_frequent_and_occurs_in_both_kinds(records: list[dict]) -> None:
    total = Counter(e["assertion"] for r in records for e in r["entities"])
    by_kind = Counter((e["assertion"], r["kind"]) for r in records for e in r["entities"])
    assert set(total) == set(STATUSES), total
    for status in STATUSES:
        assert total[status] >= MIN_PER_STATUS, (status, total[status])
        for kind in KINDS:
            assert by_kind[(status, kind)] > 0, f"status {status!r} never occurs in a {kind} passage"


def test_every_experiencer_occurs_and_is_consistent(records: list[dict]) -> None:
    used = Counter(e["experiencer"] for r in records for e in r["entities"])
    assert set(used) == set(EXPERIENCERS), used
    for r in records:
        for e in r["entities"]:
            # generic mentions are nobody's case; a family-history mention is a relative's
            assert (e["assertion"] == "generic") == (e["experiencer"] == "none"), (r["id"], e)
            if e["assertion"] == "family":
                assert e["experiencer"] == "relative", (r["id"], e)


def test_offsets_align_and_labels_are_known(records: list[dict]) -> None:
    for r in records:
        text = r["text"]
        for e in r["entities"]:
            assert 0 <= e["start"] < e["end"] <= len(text), (r["id"], e)
            assert text[e["start"]:e["end"]] == e["text"], (r["id"], e)
            assert e["label"] in LABELS, (r["id"], e)
            assert e["assertion"] in STATUSES and e["experiencer"] in EXPERIENCERS, (r["id"], e)
            assert e["start"] == 0 or not text[e["start"] - 1].isalnum(), (r["id"], e["text"])
            assert e["end"] == len(text) or not text[e["end"]].isalnum(), (r["id"], e["text"])


def test_spans_do_not_overlap(records: list[dict]) -> None:
    for r in records:
        spans = sorted((e["start"], e["end"]) for e in r["entities"])
        for (s1, e1), (s2, _) in zip(spans, spans[1:]):
            assert e1 <= s2, (r["id"], spans)


@pytest.mark.parametrize(
    ("pid", "span", "status", "experiencer"),
    [
        ("q033", "seizure", "negated", "patient"),        # "never had a seizure"
        ("q033", "epilepsy", "family", "relative"),       # brother's epilepsy as background
        ("q078", "getting lost", "present", "patient"),   # the mother is the subject of the question
        ("q101", "migraine", "generic", "none"),          # "is migraine hereditary"
        ("q102", "als", "generic", "none"),               # negative question "isnt ALS usually ..."
        ("q131", "chest pain", "present", "patient"),     # "never had X until last tuesday"
        ("q128", "tylenol", "present", "patient"),        # "no relief from tylenol"
        ("q129", "appendicitis", "possible", "patient"),  # "cant rule out"
        ("q093", "shingles", "present", "other"),         # a guy at work
        ("q084", "bleeding disorders", "negated", "relative"),
        ("r001", "Hypothyroidism", "generic", "none"),    # reply's general teaching
        ("r002", "ibuprofen", "negated", "patient"),      # "avoid ibuprofen"
        ("r045", "lymphoma", "possible", "patient"),
        ("r092", "aspirin", "present", "patient"),        # "no need to stop your aspirin"
    ],
)
def test_headline_cases(records: list[dict], pid: str, span: str, status: str, experiencer: str) -> None:
    by_id = {r["id"]: r for r in records}
    found = {(e["text"], e["assertion"], e["experiencer"]) for e in by_id[pid]["entities"]}
    assert (span, status, experiencer) in found, (pid, sorted(found))


def test_passages_are_original_not_copied_from_shared(shared: Path, records: list[dict]) -> None:
    """No passage shares 8 consecutive words with anything in ../shared (corpora, seed, gold)."""
    copied = copied_from_shared(shared, records)
    assert not copied, copied
