"""make_doc (the tokenizer) of ``qatext.load()`` against spaCy's own tokenizer, in one streaming
pass over the texts of the three ../shared corpora (each text seen once, as ``qatext annotate``
sees it), in CPU seconds and as a ratio.

spaCy caches the split of only the first 10,000 distinct whitespace-delimited chunks it meets,
and none after a text's first special case ("\n", "im", "dont"); ``qatext.load()`` raises the
limit to ``TOKENIZER_CACHE_CHUNKS`` and caches every chunk (``qatext.ner.primed_tokenizer``).
Three configurations, each on a freshly loaded pipeline (a cold cache): spaCy's tokenizer with
its 10,000 chunks, spaCy's with qatext's limit (``qatext.load()`` before the primed tokenizer),
and ``qatext.load()``'s. Best of ``--best-of`` passes, alternating, so a busy neighbour hurts
them alike.

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
    """CPU seconds of make_doc over ``texts``: spaCy's own tokenizer with ``cache_chunks``, or qatext's (None)."""
    from spacy.tokenizer import Tokenizer

    import qatext

    nlp = qatext.load()
    if cache_chunks is not None:
        primed = nlp.tokenizer
        nlp.tokenizer = Tokenizer(primed.vocab, rules=primed.rules, prefix_search=primed.prefix_search,
                                  suffix_search=primed.suffix_search, infix_finditer=primed.infix_finditer,
                                  token_match=primed.token_match, url_match=primed.url_match,
                                  faster_heuristics=primed.faster_heuristics, max_cache_size=cache_chunks)
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
    spacy_default, large_cache, qatext_cache = float("inf"), float("inf"), float("inf")
    for _ in range(args.best_of):
        spacy_default = min(spacy_default, one_pass(texts, 10_000))
        large_cache = min(large_cache, one_pass(texts, TOKENIZER_CACHE_CHUNKS))
        qatext_cache = min(qatext_cache, one_pass(texts, None))
    print(f"spaCy's tokenizer, 10,000 chunks:        {spacy_default:6.2f} CPU s  {words / spacy_default:>12,.0f} words/s")
    print(f"spaCy's tokenizer, {TOKENIZER_CACHE_CHUNKS:,} chunks:       {large_cache:6.2f} CPU s  "
          f"{words / large_cache:>12,.0f} words/s  ({spacy_default / large_cache:.2f}x)")
    print(f"qatext.load(), primed, {TOKENIZER_CACHE_CHUNKS:,} chunks:   {qatext_cache:6.2f} CPU s  "
          f"{words / qatext_cache:>12,.0f} words/s  ({spacy_default / qatext_cache:.2f}x)")
    print(f"load average at the end {os.getloadavg()}")


if __name__ == "__main__":
    main()
