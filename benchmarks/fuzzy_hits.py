"""Which words fuzzy matching corrects in a corpus, and how often: the input to the hand check in
docs/fuzzy_precision.md.

Usage: python benchmarks/fuzzy_hits.py [--corpus ../shared/corpora/ask-a-doctor-2017] [--sample 100] [--seed 11]
       python benchmarks/fuzzy_hits.py --generated 300 [--seed 20]
Prints the machine, the number of distinct corrected words and their share of tokens, then a
random sample (seeded) of distinct corrections with counts, as TSV: word, lexicon form, label, count.

With ``--generated N`` it measures recall instead: N single-word drug and condition names of 6+ letters are
drawn (seeded) from the lexicon's indexed sources (curated, HPO, MeSH, ICD-10-CM), and N more from the drug
package's generic (non-brand) names, each misspelt once in a plausible way (a letter dropped or doubled,
neighbours swapped, a vowel for a vowel, a neighbouring key, ph written f, th written t; seeded), and the
misspelling is put through the lexicon's NORM getter (spelling table, plural folding, fuzzy matching) as a
token of text would be. Prints how many come back to their name's concept, how many to another, the wrong ones.
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
    parser.add_argument("--generated", type=int, default=0, help="measure recall on N generated misspellings")
    args = parser.parse_args()
    if args.generated:
        generated_recall(args.generated, args.seed)
        return
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


_VOWELS = "aeiou"
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEYS = {ch: (r, c) for r, row in enumerate(_KEY_ROWS) for c, ch in enumerate(row)}
KINDS = ("drop", "double", "swap", "vowel", "key", "ph/f", "th/t")


def misspell(name: str, rng: random.Random) -> tuple[str, str] | None:
    """One plausible misspelling of ``name`` (never of its first letter), and its kind; None if none fits."""
    kinds = list(KINDS)
    rng.shuffle(kinds)
    for kind in kinds:
        spots = []
        if kind == "drop":
            spots = [name[:i] + name[i + 1:] for i in range(1, len(name))]
        elif kind == "double":
            spots = [name[:i] + name[i] + name[i:] for i in range(1, len(name)) if name[i] != name[i - 1]]
        elif kind == "swap":
            spots = [name[:i] + name[i + 1] + name[i] + name[i + 2:] for i in range(1, len(name) - 1)
                     if name[i] != name[i + 1]]
        elif kind == "vowel":
            spots = [name[:i] + v + name[i + 1:] for i in range(1, len(name)) if name[i] in _VOWELS
                     for v in _VOWELS if v != name[i]]
        elif kind == "key":
            spots = [name[:i] + k + name[i + 1:] for i in range(1, len(name)) if name[i] in _KEYS
                     for k, (r, c) in _KEYS.items() if k != name[i]
                     and abs(r - _KEYS[name[i]][0]) <= 1 and abs(c - _KEYS[name[i]][1]) <= 1
                     and (r == _KEYS[name[i]][0])]  # same row: the commonest slip
        elif kind == "ph/f" and "ph" in name:
            spots = [name.replace("ph", "f", 1)]
        elif kind == "th/t" and "th" in name:
            spots = [name.replace("th", "t", 1)]
        if spots:
            return rng.choice(spots), kind
    return None


def generated_recall(n: int, seed: int) -> None:
    from qatext.ner import sources
    from qatext.ner.lexicon import get_lexicon
    from qatext.ner.normalize import TokenNormalizer

    lexicon = get_lexicon()
    print(f"machine: {describe()}")
    print(f"generated misspellings: seed {seed}, {n} names per set")
    labels = ("DRUG", "DISEASE", "SYMPTOM")
    single = {t: e for t, e in lexicon.terms.items() if e[0] in labels and t.isalpha() and len(t) >= 6}
    indexed = sorted(t for t, e in single.items() if e[2] != "drugs")
    generics = sorted({term.text.lower() for term, brand in sources.iter_drugs() if not brand}
                      & {t for t, e in single.items() if e[2] == "drugs"})
    normalizer = TokenNormalizer(lexicon.spelling, lexicon.known_tokens, lexicon.fuzzy)
    english = lexicon.fuzzy.common
    for title, names in (("indexed sources (curated, HPO, MeSH, ICD-10-CM)", indexed),
                         ("drug package generics", generics)):
        rng = random.Random(seed)
        sample = rng.sample(names, n)
        right = wrong = 0
        by_kind: dict[str, Counter] = {}
        wrongs = []
        for name in sample:
            for _ in range(20):
                made = misspell(name, rng)
                if made and made[0] not in lexicon.terms and made[0] not in english:
                    break
            else:
                continue
            word, kind = made
            found = normalizer(word)
            target = lexicon.terms.get(name)
            got = lexicon.terms.get(found)
            if found == name or found == lexicon.spelling.get(name, name) or (got and got[:2] == target[:2]):
                outcome = "right"
                right += 1
            elif found != word:
                outcome = "wrong"
                wrong += 1
                wrongs.append((word, name, found))
            else:
                outcome = "none"
            by_kind.setdefault(kind, Counter())[outcome] += 1
        total = sum(sum(c.values()) for c in by_kind.values())
        print(f"\n{title}: {len(names):,} names, {total} misspelt")
        print(f"  right {right} ({right / total:.1%}), wrong {wrong}, not corrected {total - right - wrong}")
        for kind in KINDS:
            c = by_kind.get(kind, Counter())
            print(f"  {kind:7} right {c['right']:3} / {sum(c.values()):3}, wrong {c['wrong']}")
        for word, name, found in wrongs:
            print(f"  wrong: {word} ({name}) -> {found}")


if __name__ == "__main__":
    main()
