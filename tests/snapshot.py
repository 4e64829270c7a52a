"""What the pipeline says about fixed texts, written out as rows, so speed work can show it changed nothing.

``tests/test_output_snapshot.py`` compares today's output with the rows kept in
``tests/fixtures/outputs/``: every entity (span, label, concept, assertion, experiencer, cue,
expansion, drug kind, conjunct concepts, fuzzy form) and every doc's topic tags
(specialties, intents, candidate conditions, and a digest of the evidence) on the texts of the gold sets and the
sample corpus, and a digest per block of 100 records of a fixed 5,000-record sample of
``../shared``. A change made on purpose (a new rule, a lexicon row) is recorded by
rewriting the rows, and the diff of the ``entities_*.tsv`` files (one set per text source) shows what it
changed. Rows of more than ``TEXTS_PER_PART`` texts are written in numbered parts (``entities_ner.1.tsv``, ...),
each under the repository's 2 MB a file:

    python -m tests.snapshot            # rewrite the gold and sample rows
    CI=true python -m tests.snapshot --shared ../shared   # and the ../shared digests
"""
from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUTPUTS = REPO / "tests" / "fixtures" / "outputs"
GOLD_FILES = ("ner.jsonl", "assertion.jsonl", "topics.jsonl")
ENTITY_FIELDS = ("concept_id", "assertion", "experiencer", "assertion_cue", "expanded", "expanded_by",
                 "drug_kind", "concepts", "matched_as")
SHARED_CORPORA = ("ask-a-doctor-2017", "medquad", "covid-dialogue")
SHARED_RECORDS = 5_000
BLOCK = 100
# the sources of gold_texts, in its order: each keeps its entity rows in entities_<source>.tsv
ENTITY_SOURCES = (*(name.removesuffix(".jsonl") for name in GOLD_FILES), "sample")
# about 1.5 MB of entity rows of the NER gold, under the repository's 2 MB a file
TEXTS_PER_PART = 2_000


def gold_texts() -> list[tuple[str, str]]:
    """(id, text) of every gold passage and every sample-corpus question and answer."""
    import qatext

    texts = []
    for name in GOLD_FILES:
        with open(REPO / "data" / "gold" / name, encoding="utf-8") as lines:
            texts += [(f"{name}:{row['id']}", row["text"]) for row in map(json.loads, lines)]
    sample = qatext.read_corpus(REPO / "data" / "sample")
    for record_id, question, answer in zip(sample["record_id"], sample["question"], sample["answer"]):
        texts += [(f"sample:{record_id}:{part}", text) for part, text in (("q", question), ("a", answer))
                  if isinstance(text, str) and text.strip()]
    return texts


def _shared_picks(read) -> list[tuple[str, "pd.DataFrame"]]:
    """Every k-th record of each of the three corpora, k chosen so the three give 5,000 in all."""
    frames = [(name, read(name)) for name in SHARED_CORPORA]
    every = sum(len(frame) for _, frame in frames) / SHARED_RECORDS
    return [(name, frame.iloc[[int(i * every) for i in range(int(len(frame) / every))]]) for name, frame in frames]


def shared_sample(read) -> "pd.DataFrame":
    """The fixed 5,000-record sample of ``../shared`` (``read(name)`` reads one corpus), as one frame."""
    import pandas as pd

    sample = pd.concat([picked for _, picked in _shared_picks(read)], ignore_index=True)
    sample.attrs = {}
    return sample


def shared_texts(read) -> list[tuple[str, str]]:
    """(id, text) of every question and answer of the fixed ../shared sample."""
    texts = []
    for name, picked in _shared_picks(read):
        for record_id, question, answer in zip(picked["record_id"], picked["question"], picked["answer"]):
            texts += [(f"{name}:{record_id}:{part}", text) for part, text in (("q", question), ("a", answer))
                      if isinstance(text, str) and text.strip()]
    return texts


def _cell(value) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, (list, tuple)):
        return "|".join(_cell(v) for v in value)
    return "" if value is None else str(value).replace("\t", " ").replace("\n", "\\n")


def _numbered_parts(name: str) -> list[Path]:
    """The numbered parts of ``<name>`` that exist, in number order ("tags.1.tsv", "tags.2.tsv", ...)."""
    stem, suffix = name.rsplit(".", 1)
    numbered = {}
    for path in OUTPUTS.glob(f"{stem}.*.{suffix}"):
        number = path.name[len(stem) + 1:-len(suffix) - 1]
        if number.isdecimal():
            numbered[int(number)] = path
    return [numbered[number] for number in sorted(numbered)]


def kept_rows(name: str) -> list[str]:
    """The rows of ``tests/fixtures/outputs/<name>`` (or of its numbered parts), split on newlines only (texts may
    hold other line breaks)."""
    parts = _numbered_parts(name) or [OUTPUTS / name]
    return [row for part in parts for row in part.read_text(encoding="utf-8").split("\n")[:-1]]


def write_rows(name: str, rows: list[str], *, text_ids: list[str] | None = None) -> None:
    """``rows`` into ``<name>``, or, when they come from more than ``TEXTS_PER_PART`` texts, into numbered parts.

    A text's part is its place among ``text_ids`` (the source's texts in order, with rows or none; by default the texts
    the rows name): a rule change that gives a text its first entity, or takes its last, moves no row between parts."""
    stem, suffix = name.rsplit(".", 1)
    for old in _numbered_parts(name):
        old.unlink()
    if text_ids is None:
        text_ids = list(dict.fromkeys(row.split("\t", 1)[0] for row in rows))
    place = {text_id: index for index, text_id in enumerate(text_ids)}
    count = -(-len(text_ids) // TEXTS_PER_PART)
    if count <= 1:
        (OUTPUTS / name).write_text("".join(row + "\n" for row in rows), encoding="utf-8")
        return
    parts: list[list[str]] = [[] for _ in range(count)]
    for row in rows:
        parts[place[row.split("\t", 1)[0]] // TEXTS_PER_PART].append(row)
    (OUTPUTS / name).unlink(missing_ok=True)
    for number, part in enumerate(parts, 1):
        (OUTPUTS / f"{stem}.{number}.{suffix}").write_text("".join(row + "\n" for row in part), encoding="utf-8")


def _entity_file(source: str) -> str:
    return f"entities_{source}.tsv"


def kept_entity_rows() -> list[str]:
    """The kept entity rows of every source, in the order :func:`output_rows` gives them."""
    return [row for source in ENTITY_SOURCES for row in kept_rows(_entity_file(source))]


def _source(row: str) -> str:
    """The text source of an entity row ("ner.jsonl:p001" -> "ner", "sample:..." -> "sample")."""
    return row.split(":", 1)[0].removesuffix(".jsonl")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def rows_per_text(nlp, texts: list[tuple[str, str]]):
    """(entity rows, tag rows) of each text, tab-separated, in order."""
    ids = [text_id for text_id, _ in texts]
    for text_id, doc in zip(ids, nlp.pipe((text for _, text in texts), batch_size=64)):
        entities = ["\t".join([text_id, str(ent.start_char), str(ent.end_char), ent.label_, _cell(ent.text)]
                              + [_cell(_field(ent, field)) for field in ENTITY_FIELDS]) for ent in doc.ents]
        conditions = [(c["id"], c["score"]) for c in (doc._.conditions or [])[:5]]
        tags = ["\t".join([text_id, _cell(doc._.specialties[:3]), _cell(doc._.intents[:2]), _cell(conditions),
                           _digest(json.dumps(doc._.topic_evidence, sort_keys=True, default=str))])]
        yield entities, tags


def _field(ent, field: str):
    value = getattr(ent._, field)
    # ent._.concepts is [concept_id] unless the span is coordinated: only the coordinated ones are kept
    return None if field == "concepts" and value == [ent.kb_id_] else value


def output_rows(nlp, texts: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """All entity rows and all tag rows of ``texts``."""
    entities, tags = [], []
    for text_entities, text_tags in rows_per_text(nlp, texts):
        entities += text_entities
        tags += text_tags
    return entities, tags


def shared_digests(nlp, texts: list[tuple[str, str]]) -> list[str]:
    """sha256 of the rows of each block of 100 texts: a changed block names where to look."""
    per_text = [entities + tags for entities, tags in rows_per_text(nlp, texts)]
    digests = []
    for start in range(0, len(per_text), BLOCK):
        block = "\n".join(row for rows in per_text[start:start + BLOCK] for row in rows)
        digests.append(f"{start}\t{texts[start][0]}\t{_digest(block)}")
    return digests


def main() -> None:
    import qatext

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, help="also rewrite the digests over this ../shared folder")
    args = parser.parse_args()
    OUTPUTS.mkdir(parents=True, exist_ok=True)
    nlp = qatext.load()
    texts = gold_texts()
    entities, tags = output_rows(nlp, texts)
    for source in ENTITY_SOURCES:
        rows = [row for row in entities if _source(row) == source]
        write_rows(_entity_file(source), rows, text_ids=[text_id for text_id, _ in texts if _source(text_id) == source])
    write_rows("tags.tsv", tags)
    print(f"{len(entities)} entity rows, {len(tags)} tag rows")
    if args.shared:
        digests = shared_digests(nlp, shared_texts(lambda name: qatext.read_corpus(args.shared / "corpora" / name)))
        write_rows("shared_digests.tsv", digests)
        print(f"{len(digests)} shared block digests")


if __name__ == "__main__":
    main()
