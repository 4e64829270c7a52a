"""Speed work must not change a single row: one process, two processes and the cheaper
make_doc path (a large tokenizer cache, no doc.text rebuild in the abbreviation search) give
exactly the tables and entities of the plain path, on the sample pages and on a fixed sample
of the ../shared corpora."""
from __future__ import annotations

import pandas as pd
import pytest
import spacy

import qatext
from qatext.annotate import annotate, read_table
from qatext.corpus import iter_corpus, read_corpus, write_corpus
from qatext.ner import schwartz_hearst
from qatext.ner.pipeline import TOKENIZER_CACHE_CHUNKS
from tests.conftest import SAMPLE
from tests.snapshot import SHARED_RECORDS, shared_sample


def _texts(df: pd.DataFrame) -> list[str]:
    return [t for q, a in zip(df["question"], df["answer"]) for t in (q, a) if isinstance(t, str) and t.strip()]


def _assert_same_tables(left, right) -> None:
    for name in ("entities", "tags", "errors"):
        pd.testing.assert_frame_equal(read_table(left, name), read_table(right, name), check_dtype=True, obj=name)


def test_one_and_two_processes_give_identical_tables_on_the_sample(tmp_path):
    one = annotate(SAMPLE, tmp_path / "one", chunksize=20, n_process=1, quiet=True)
    two = annotate(SAMPLE, tmp_path / "two", chunksize=20, n_process=2, quiet=True)
    assert one["counts"] == two["counts"] and one["counts"]["entities"] > 500
    _assert_same_tables(tmp_path / "one", tmp_path / "two")


@pytest.mark.slow
@pytest.mark.shared
def test_one_and_two_processes_give_identical_tables_on_shared_corpora(shared_corpus, tmp_path):
    corpus = tmp_path / "sample.parquet"
    write_corpus(shared_sample(shared_corpus), corpus)
    one = annotate(corpus, tmp_path / "one", chunksize=1_000, n_process=1, quiet=True)
    two = annotate(corpus, tmp_path / "two", chunksize=1_000, n_process=2, quiet=True)
    assert one["counts"]["records_in"] == two["counts"]["records_in"] >= SHARED_RECORDS - 3
    assert one["counts"] == two["counts"] and one["counts"]["entities"] > 20_000
    _assert_same_tables(tmp_path / "one", tmp_path / "two")


def _doc_rows(nlp, texts: list[str]) -> list[tuple]:
    rows = []
    for doc in nlp.pipe(texts, batch_size=64):
        rows.append((
            [(t.orth_, t.whitespace_) for t in doc],
            [s.start for s in doc.sents],
            [(e.start_char, e.end_char, e.label_, e._.concept_id, e._.assertion, e._.expanded) for e in doc.ents],
            doc._.abbreviation_definitions,
        ))
    return rows


def _check_make_doc_paths(texts: list[str]) -> None:
    nlp = qatext.load()
    assert nlp.tokenizer.max_cache_size == TOKENIZER_CACHE_CHUNKS
    plain = qatext.load()
    plain.tokenizer.max_cache_size = 0  # no cache: every chunk split by the affix rules
    expected = _doc_rows(plain, texts)
    # Twice through: the second pass takes every chunk from the warm cache.
    assert _doc_rows(nlp, texts) == expected
    assert _doc_rows(nlp, texts) == expected
    assert sum(len(ents) for _, _, ents, _ in expected) > 0
    assert any(definitions for *_, definitions in expected)


def test_cached_make_doc_gives_the_plain_path_entities_on_the_sample():
    _check_make_doc_paths(_texts(read_corpus(SAMPLE)))


@pytest.mark.slow
@pytest.mark.shared
def test_cached_make_doc_gives_the_plain_path_entities_on_shared_corpora(shared):
    texts = []
    for name in ("ask-a-doctor-2017", "medquad", "covid-dialogue"):
        texts += _texts(next(iter_corpus(shared / "corpora" / name, chunksize=700)))
    _check_make_doc_paths(texts)


def _parenthesised_from_text(doc) -> list[tuple[int, int]]:
    """The search as it was: a doc.text test first."""
    if "(" not in doc.text:
        return []
    ranges, opened = [], None
    for token in doc:
        if token.text == "(":
            opened = token.i
        elif token.text == ")" and opened is not None:
            if 1 <= token.i - opened - 1 <= schwartz_hearst.MAX_PAREN_TOKENS:
                ranges.append((opened + 1, token.i))
            opened = None
    return ranges


def test_parenthesis_search_without_doc_text_finds_the_same_ranges():
    nlp = spacy.blank("en")
    texts = _texts(read_corpus(SAMPLE)) + [
        "", "(", "a(b)c", "f(x) = y", "no brackets here", "irritable bowel syndrome (IBS) and (", ":-( sad (very)",
        "(((nested) brackets))", "ends with (", "(IBS)", "x (a b c d e f g h i j) y",
    ]
    docs = list(nlp.pipe(texts))
    assert sum(bool(_parenthesised_from_text(d)) for d in docs) >= 5
    assert [schwartz_hearst.parenthesised(d) for d in docs] == [_parenthesised_from_text(d) for d in docs]


class _Done:
    """A finished future."""

    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


def test_pieces_run_in_record_id_order_and_join_to_the_whole_partition_without_a_sort(monkeypatch):
    from qatext.annotate import worker

    texts = ["I have had a migraine and nausea for 3 days.", "My knee is swollen, no fever.",
             "Took ibuprofen and paracetamol, still sore throat.", "Is metformin safe with asthma?"]
    # ids out of order, one repeated (a table can repeat ids): the repeat must stay in one piece
    ids = ["r9", "r2", "r7", "r2", "r5", "r1", "r8", "r3"]
    records = pd.DataFrame({"record_id": ids, "question": [texts[i % 4] for i in range(8)],
                            "answer": [texts[(i + 1) % 4] for i in range(8)]})
    fields = ("question", "answer")
    pieces = worker.split_records(records, 3, fields=fields)
    assert len(pieces) >= 2 and sum(len(p) for p in pieces) == len(records)
    flat = [i for piece in pieces for i in piece["record_id"]]
    assert flat == sorted(ids)
    assert sum("r2" in set(piece["record_id"]) for piece in pieces) == 1

    options = {"fields": list(fields), "tag_field": "question", "batch_size": 4, "load": {}}
    whole = worker.annotate_partition(records, options)
    sorts = []
    real_sort = worker.sort_table
    monkeypatch.setattr(worker, "sort_table", lambda *a: sorts.append(a[0]) or real_sort(*a))
    joined = worker.PartitionResult([_Done(worker.annotate_partition(p, options)) for p in pieces]).result()
    sorts_in_pieces = len(pieces) * 3
    assert len(sorts) == sorts_in_pieces  # annotate_partition's own sorts, none when joining
    assert len(whole["entities"]) > 10
    for name in ("entities", "tags", "errors"):
        pd.testing.assert_frame_equal(joined[name], whole[name], obj=name)

    # pieces cut otherwise (not in id order) are sorted when joined
    shuffled = [records.iloc[4:], records.iloc[:4]]
    sorts.clear()
    joined = worker.PartitionResult([_Done(worker.annotate_partition(p, options)) for p in shuffled]).result()
    assert len(sorts) > len(shuffled) * 3
    pd.testing.assert_frame_equal(joined["entities"], whole["entities"], obj="entities")
