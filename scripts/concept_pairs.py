"""The most frequent (surface, label, concept) pairs qatext emits over corpora, for the concept review.

Runs ``qatext.load(topics=False, assertion=False)`` over the questions and answers of every record of the
inputs (read as ``qatext annotate`` reads them), counts each entity as (its lower-cased text, label,
concept id), and writes the pairs by falling count as TSV: ``rank surface label concept_id
concept_name count examples``, the examples being up to three short contexts of the surface.
``--skip-reviewed`` leaves out the surfaces ``qatext/resources/lexicon/concept_review.tsv`` already has,
so a new review starts where the last one ended (the rank is still the pair's rank among all pairs). A surface
may come in several pairs (another label or concept in other texts); the review keeps one row per surface, since
a verdict applies to a surface, so the reviewer judges the pair listed first and notes the others.

Usage: python scripts/concept_pairs.py OUT.tsv [INPUT ...] [--top 1000] [--skip-reviewed] [--n-process 2]
       (INPUT defaults to the three corpora of ../shared/corpora)
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
DEFAULT_INPUTS = [CORPORA / "ask-a-doctor-2017", CORPORA / "medquad", CORPORA / "covid-dialogue"]
EXAMPLES, CONTEXT_CHARS = 3, 60


def corpus_texts(inputs: list[Path]):
    """Every non-empty question and answer of ``inputs``."""
    from qatext.corpus import iter_corpus

    for path in inputs:
        for chunk in iter_corpus(path, chunksize=10_000):
            for row in chunk[["question", "answer"]].itertuples(index=False):
                yield from (text for text in row if isinstance(text, str) and text.strip())


def count_pairs(texts, *, n_process: int = 1) -> tuple[Counter, dict, dict]:
    """(count per (surface, label, concept_id), concept_id -> name, pair -> up to three contexts)."""
    import qatext

    nlp = qatext.load(topics=False, assertion=False)
    counts: Counter = Counter()
    names: dict[str, str] = {}
    examples: dict[tuple, list[str]] = {}
    for doc in nlp.pipe(texts, batch_size=256, n_process=n_process):
        for ent in doc.ents:
            pair = (" ".join(ent.text.lower().split()), ent.label_, ent.kb_id_)
            counts[pair] += 1
            names.setdefault(ent.kb_id_, ent._.concept_name or "")
            seen = examples.setdefault(pair, [])
            if len(seen) < EXAMPLES:
                text = doc.text
                left, right = max(0, ent.start_char - CONTEXT_CHARS), ent.end_char + CONTEXT_CHARS
                seen.append(" ".join(f"{text[left:ent.start_char]}[{ent.text}]{text[ent.end_char:right]}".split()))
    return counts, names, examples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="TSV to write")
    parser.add_argument("inputs", nargs="*", type=Path, default=DEFAULT_INPUTS,
                        help="corpora as qatext annotate reads them (default: the three of ../shared/corpora)")
    parser.add_argument("--top", type=int, default=1000, help="pairs to write (default 1000)")
    parser.add_argument("--skip-reviewed", action="store_true",
                        help="leave out surfaces concept_review.tsv already has")
    parser.add_argument("--n-process", type=int, default=1, help="processes for nlp.pipe (default 1)")
    args = parser.parse_args()
    missing = [str(p) for p in args.inputs if not p.exists()]
    if missing:
        sys.exit(f"no such input: {', '.join(missing)}")
    counts, names, examples = count_pairs(corpus_texts(args.inputs), n_process=args.n_process)
    reviewed = set()
    if args.skip_reviewed:
        from qatext.ner.lexicon import concept_review_rows

        reviewed = {row["surface"].lower() for row in concept_review_rows()}
    written = 0
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter="\t", lineterminator="\n")
        out.writerow(["rank", "surface", "label", "concept_id", "concept_name", "count", "examples"])
        for rank, (pair, count) in enumerate(counts.most_common(), start=1):
            if written == args.top:
                break
            if pair[0] in reviewed:
                continue
            surface, label, concept = pair
            out.writerow([rank, surface, label, concept, names.get(concept, ""), count, " || ".join(examples[pair])])
            written += 1
    print(f"{sum(counts.values()):,} entities, {len(counts):,} pairs; wrote {written} to {args.out}")


if __name__ == "__main__":
    main()
