"""The blind clinical-note negation set (data/gold/clinical_negation.jsonl, c001-c080) is in sync with
its source, holds every passage with aligned spans, and is original. Its score is a quality floor in
tests/test_quality_floors.py."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from conftest import GOLD, copied_from_shared, rebuilt_gold

SOURCE = GOLD / "clinical_negation_source.txt"
JSONL = GOLD / "clinical_negation.jsonl"


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return [json.loads(line) for line in JSONL.read_text(encoding="utf-8").splitlines()]


def test_jsonl_is_exactly_what_the_converter_produces(tmp_path: Path) -> None:
    assert rebuilt_gold(SOURCE, tmp_path / "clinical_negation.jsonl") == JSONL.read_bytes(), (
        "clinical_negation.jsonl is stale: run python data/gold/build_ner_gold.py "
        "--source data/gold/clinical_negation_source.txt --out data/gold/clinical_negation.jsonl")


def test_passages_spans_and_statuses(records: list[dict]) -> None:
    assert [r["id"] for r in records] == [f"c{n:03d}" for n in range(1, 81)]
    statuses = Counter(e["assertion"] for r in records for e in r["entities"])
    assert statuses["negated"] >= 0.4 * sum(statuses.values()), statuses
    for r in records:
        for e in r["entities"]:
            assert r["text"][e["start"]:e["end"]] == e["text"], (r["id"], e)


def test_passages_are_original_not_copied_from_shared(shared: Path, records: list[dict]) -> None:
    """No passage shares 8 consecutive words with anything in ../shared (corpora, seed, gold)."""
    copied = copied_from_shared(shared, records)
    assert not copied, copied
