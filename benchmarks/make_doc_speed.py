"""make_doc (the tokenizer) of ``qatext.load()`` with spaCy's default tokenizer cache and with
qatext's, in one streaming pass over the texts of the three ../shared corpora (each text seen
once, as ``qatext annotate`` sees it), in CPU seconds and as a ratio.

spaCy caches the split of only the first 10,000 distinct whitespace-delimited chunks it meets;
``qatext.load()`` raises that to ``TOKENIZER_CACHE_CHUNKS``. Best of ``--best-of`` passes, each
on a freshly loaded pipeline (a cold cache), alternating the two so a busy neighbour hurts
both alike.

Usage: python benchmarks/make_doc_speed.py [INPUT ...] [--best-of 3] [--every 1]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _machine import describe  # noqa: E402
from annotate_speed import DEFAULT_INPUTS, baseline_texts  # noqa: E402


def one_pass(texts: list[str], cache_chunks: int | None) -> float:
    import qatext

    nlp = qatext.load()
    if cache_chunks is not None:
        nlp.tokenizer.max_cache_size = cache_chunks
    make_doc = nlp.make_doc
    start = time.process_time()
    for text in texts:
        make_doc(text)
    return time.process_time() - start


def main() -> None:
    from qatext.ner.pipeline import TOKENIZER_CACHE_CHUNKS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=DEFAULT_INPUTS)
    parser.add_argument("--best-of", type=int, default=3)
    parser.add_argument("--every", type=int, default=1, help="every N-th record only (default: all)")
    args = parser.parse_args()
    print(f"machine: {describe()}; load average {os.getloadavg()}")
    texts = [t for _, t in baseline_texts(args.inputs, every=args.every)]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts):,} texts, {words:,} words, one streaming pass each, best of {args.best_of}")
    spacy_default, qatext_cache = float("inf"), float("inf")
    for _ in range(args.best_of):
        spacy_default = min(spacy_default, one_pass(texts, 10_000))
        qatext_cache = min(qatext_cache, one_pass(texts, None))
    print(f"spaCy's cache (10,000 chunks):          {spacy_default:6.2f} CPU s  {words / spacy_default:>12,.0f} words/s")
    print(f"qatext.load() ({TOKENIZER_CACHE_CHUNKS:,} chunks):        {qatext_cache:6.2f} CPU s  "
          f"{words / qatext_cache:>12,.0f} words/s  ({spacy_default / qatext_cache:.2f}x)")
    print(f"load average at the end {os.getloadavg()}")


if __name__ == "__main__":
    main()
