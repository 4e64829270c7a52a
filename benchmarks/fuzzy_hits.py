"""Which words fuzzy matching corrects in a corpus, and how often: the input to the hand check in
docs/fuzzy_precision.md.

Usage: python benchmarks/fuzzy_hits.py [--corpus ../shared/corpora/ask-a-doctor-2017] [--sample 100] [--seed 11]
Prints the machine, the number of distinct corrected words and their share of tokens, then a
random sample (seeded) of distinct corrections with counts, as TSV: word, lexicon form, label, count.
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _machine import describe  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ask-a-doctor-2017"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    import spacy

    import qatext
    from qatext.ner.lexicon import get_lexicon

    lexicon = get_lexicon()
    frame = qatext.read_corpus(args.corpus)
    tokenizer = spacy.blank("en").tokenizer
    counts: Counter = Counter()
    for doc in tokenizer.pipe((f"{q or ''}\n{a or ''}" for q, a in zip(frame["question"], frame["answer"])), batch_size=256):
        counts.update(token.lower_ for token in doc)
    total = sum(counts.values())
    hits = {}
    for word in counts:
        if word in lexicon.known_tokens or word in lexicon.spelling:
            continue
        form = lexicon.fuzzy.lookup(word)
        if form:
            hits[word] = form
    print(f"machine: {describe()}")
    print(f"corpus: {args.corpus} ({total:,} tokens, {len(counts):,} distinct)")
    print(f"corrected: {len(hits):,} distinct words, {sum(counts[w] for w in hits):,} tokens "
          f"({sum(counts[w] for w in hits) / total:.4%} of tokens)")
    rng = random.Random(args.seed)
    sample = rng.sample(sorted(hits), min(args.sample, len(hits)))
    print(f"sample of {len(sample)} distinct corrections (seed {args.seed}):")
    print("word\tlexicon_form\tlabel\tcount")
    for word in sorted(sample):
        entry = lexicon.terms.get(hits[word])
        print(f"{word}\t{hits[word]}\t{entry[0] if entry else '(word of a longer term)'}\t{counts[word]}")


if __name__ == "__main__":
    main()
