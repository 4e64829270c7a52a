"""Cost of the assertion component (qatext_context) alone, as a ratio to spaCy's bare tokenizer.

The whole-pipeline benchmark (ner_speed.py) cannot see a change in one component on a loaded
machine: its passes move by 2x between runs. Here both are timed in one process, alternately,
on the same texts, pinned to one core: the tokenizer on the raw texts, and qatext_context on the
docs the rest of the pipeline made (entities set, sentences split). The ratio
``context seconds / tokenizer seconds`` is what to compare between two versions of the rules;
``--rounds`` alternations, the best of each.

Usage: python benchmarks/context_speed.py [--corpus ../shared/corpora/ask-a-doctor-2017]
       [--limit 1500] [--rounds 5]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _machine import describe  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ask-a-doctor-2017"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=1500)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    import spacy

    import qatext

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    frame = qatext.read_corpus(args.corpus)
    texts = [f"{q or ''}\n{a or ''}" for q, a in zip(frame["question"], frame["answer"])][:args.limit]
    words = sum(len(t.split()) for t in texts)
    nlp = qatext.load(topics=False)
    context = nlp.get_pipe("qatext_context")
    with nlp.select_pipes(disable=["qatext_context"]):
        docs = list(nlp.pipe(texts, batch_size=256))
    tokenizer = spacy.blank("en").tokenizer
    best_tokenizer = best_context = float("inf")
    for _ in range(args.rounds):
        start = time.perf_counter()
        for _doc in tokenizer.pipe(texts, batch_size=256):
            pass
        best_tokenizer = min(best_tokenizer, time.perf_counter() - start)
        start = time.perf_counter()
        for doc in docs:
            context(doc)
        best_context = min(best_context, time.perf_counter() - start)
    print(f"machine: {describe()}; load average {os.getloadavg()[0]:.1f} at start")
    print(f"corpus: {args.corpus} (first {len(texts)} records, {words:,} words); best of {args.rounds} "
          f"alternating rounds, one core")
    print(f"tokenizer       {best_tokenizer:7.3f} s  {words / best_tokenizer:>10,.0f} words/s")
    print(f"qatext_context  {best_context:7.3f} s  {words / best_context:>10,.0f} words/s")
    print(f"context / tokenizer time: {best_context / best_tokenizer:.3f}")


if __name__ == "__main__":
    main()
