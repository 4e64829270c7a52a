"""Speed work must not change what the pipeline says: entities, assertions and topic tags on
the gold and sample texts, and on a fixed 5,000-record sample of ../shared, equal the rows
kept in tests/fixtures/outputs. A change made on purpose rewrites them (see tests/snapshot.py)."""
from __future__ import annotations

import difflib

import pytest

import qatext
from tests import snapshot

REWRITE = "python -m tests.snapshot [--shared ../shared]"


def _assert_same(kept: list[str], now: list[str], what: str) -> None:
    if kept != now:
        diff = list(difflib.unified_diff(kept, now, "kept", "now", lineterm="", n=0))
        pytest.fail(f"{what} changed ({len(diff)} diff lines); if on purpose, rewrite with {REWRITE}\n"
                    + "\n".join(diff[:40]))


@pytest.fixture(scope="module")
def nlp():
    return qatext.load()


def test_entities_and_tags_on_gold_and_sample_texts_equal_the_kept_rows(nlp):
    entities, tags = snapshot.output_rows(nlp, snapshot.gold_texts())
    assert len(entities) > 9_000 and len(tags) > 2_000
    assert {snapshot._source(row) for row in entities} == set(snapshot.ENTITY_SOURCES)
    _assert_same(snapshot.kept_entity_rows(), entities, "entities")
    _assert_same(snapshot.kept_rows("tags.tsv"), tags, "topic tags")


@pytest.mark.slow
def test_outputs_on_a_shared_sample_equal_the_kept_digests(nlp, shared_corpus):
    texts = snapshot.shared_texts(shared_corpus)
    assert len(texts) > 7_000
    kept = snapshot.kept_rows("shared_digests.tsv")
    _assert_same(kept, snapshot.shared_digests(nlp, texts), "outputs on the ../shared sample")


def test_rows_of_many_texts_are_kept_in_parts_that_read_back_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(snapshot, "OUTPUTS", tmp_path)
    monkeypatch.setattr(snapshot, "TEXTS_PER_PART", 2)
    rows = ["ner.jsonl:p1\ta", "ner.jsonl:p1\tb", "ner.jsonl:p2\tc", "ner.jsonl:s1\td", "ner.jsonl:s2\te", "ner.jsonl:s3\tf"]
    (tmp_path / "entities_ner.tsv").write_text("stale\n", encoding="utf-8")
    snapshot.write_rows("entities_ner.tsv", rows)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["entities_ner.1.tsv", "entities_ner.2.tsv", "entities_ner.3.tsv"]
    assert (tmp_path / "entities_ner.2.tsv").read_text(encoding="utf-8") == "ner.jsonl:s1\td\nner.jsonl:s2\te\n"
    assert snapshot.kept_rows("entities_ner.tsv") == rows
    snapshot.write_rows("entities_ner.tsv", rows[:2])  # fewer texts again: one file, no stale parts
    assert [p.name for p in tmp_path.iterdir()] == ["entities_ner.tsv"]
    assert snapshot.kept_rows("entities_ner.tsv") == rows[:2]


def test_a_text_without_rows_keeps_its_place_so_no_row_changes_part(tmp_path, monkeypatch):
    monkeypatch.setattr(snapshot, "OUTPUTS", tmp_path)
    monkeypatch.setattr(snapshot, "TEXTS_PER_PART", 2)
    ids = ["ner.jsonl:p1", "ner.jsonl:p2", "ner.jsonl:p3", "ner.jsonl:p4", "ner.jsonl:p5"]
    snapshot.write_rows("entities_ner.tsv", ["ner.jsonl:p1\ta", "ner.jsonl:p3\tb", "ner.jsonl:p4\tc"], text_ids=ids)
    before = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()}
    assert before == {"entities_ner.1.tsv": "ner.jsonl:p1\ta\n", "entities_ner.2.tsv": "ner.jsonl:p3\tb\nner.jsonl:p4\tc\n",
                      "entities_ner.3.tsv": ""}
    # p2 gains its first entity: the rows of p3 and p4 stay where they were
    snapshot.write_rows("entities_ner.tsv", ["ner.jsonl:p1\ta", "ner.jsonl:p2\tx", "ner.jsonl:p3\tb", "ner.jsonl:p4\tc"],
                        text_ids=ids)
    assert (tmp_path / "entities_ner.2.tsv").read_text(encoding="utf-8") == before["entities_ner.2.tsv"]
