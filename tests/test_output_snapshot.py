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
