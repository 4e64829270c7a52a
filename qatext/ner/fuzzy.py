"""Misspelled names ("liptor", "simvistatin", "tinetus") matched to the lexicon form they mean.

A symmetric-delete index over *consonant skeletons*: a word keeps its first letter, folds a
few sound-alike spellings (ph/f, c/k, z/s), drops vowels and doubled letters
("simvistatin" and "simvastatin" -> "smvsttn"). Every single-word lexicon form of at least
:data:`MIN_LENGTH` characters is indexed under its skeleton and the skeleton with one letter
deleted, so a look-up is a handful of dict probes. Candidates are then confirmed with a
weighted edit distance (a vowel for a vowel and a neighbouring key cost less than other
substitutions) bounded by the word's length (:func:`max_distance`).

The matcher runs once per vocabulary entry (it sits in the NORM getter, see
:mod:`qatext.ner.normalize`), and only for words that the exact lexicon does not know and that
are not everyday English words (wordfreq), so running text pays nothing per token.
Its precision on real posts is checked by hand in ``docs/fuzzy_precision.md``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

MIN_LENGTH = 5
# Zipf frequency (wordfreq) from which a word is everyday English and never "corrected".
COMMON_ZIPF = 2.5
FUZZY_LABELS = ("SYMPTOM", "DISEASE", "DRUG")
_FOLDS = (("ph", "f"), ("ck", "k"), ("c", "k"), ("q", "k"), ("z", "s"))
_VOWELS = frozenset("aeiouy")
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_POS = {ch: (row, col) for row, keys in enumerate(_KEY_ROWS) for col, ch in enumerate(keys)}
_WORD = re.compile(r"[a-z]+(?:'s)?$")


def max_distance(length: int) -> float:
    """Edits allowed for a word of ``length`` letters: 1 up to 6, 2 up to 9, 2.5 beyond."""
    return 1.0 if length <= 6 else 2.0 if length <= 9 else 2.5


def skeleton(word: str) -> str:
    for old, new in _FOLDS:
        word = word.replace(old, new)
    out = [word[0]]
    for ch in word[1:]:
        if ch not in _VOWELS and ch != out[-1] and ch.isalpha():
            out.append(ch)
    return "".join(out)


def _deletes(key: str) -> set[str]:
    return {key[:i] + key[i + 1:] for i in range(1, len(key))}


def _substitution_cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if a in _VOWELS and b in _VOWELS:
        return 0.5
    pa, pb = _KEY_POS.get(a), _KEY_POS.get(b)
    if pa and pb and abs(pa[0] - pb[0]) <= 1 and abs(pa[1] - pb[1]) <= 1:
        return 0.75  # a neighbouring key
    return 1.0


def distance(a: str, b: str, *, bound: float = 9.0) -> float:
    """Weighted optimal-string-alignment distance (adjacent swaps cost 1); stops early past ``bound``."""
    if abs(len(a) - len(b)) > bound:
        return bound + 1
    previous2: list[float] = []
    previous = [float(j) for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        current = [float(i)] + [0.0] * len(b)
        for j in range(1, len(b) + 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + _substitution_cost(a[i - 1], b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cost = min(cost, previous2[j - 2] + 1)
            current[j] = cost
        if min(current) > bound:
            return bound + 1
        previous2, previous = previous, current
    return previous[-1]


@dataclass
class FuzzyIndex:
    """Skeleton (and skeleton with one letter deleted) -> lexicon forms; see the module docstring."""

    forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    common: frozenset[str] = frozenset()
    """everyday English words (zipf >= COMMON_ZIPF): never corrected"""

    @classmethod
    def build(cls, terms: dict[str, tuple], *, common: frozenset[str]) -> "FuzzyIndex":
        buckets: dict[str, set[str]] = {}
        words: set[str] = set()
        for term, entry in terms.items():
            if entry[0] not in FUZZY_LABELS:
                continue
            # single-word forms, and the words of longer ones ("breething" -> "breathing" completes "trouble breathing")
            words.update(w for w in term.split() if len(w) >= MIN_LENGTH and w.isalpha())
        for term in words:
            key = skeleton(term)
            for variant in (key, *_deletes(key)):
                buckets.setdefault(variant, set()).add(term)
        return cls({k: tuple(sorted(v)) for k, v in buckets.items()}, common)

    def lookup(self, word: str) -> str | None:
        """The one lexicon form ``word`` is a misspelling of, or None (none, or several equally close)."""
        if len(word) < MIN_LENGTH or word in self.common or not _WORD.match(word):
            return None
        key = skeleton(word)
        candidates: set[str] = set()
        for variant in (key, *_deletes(key)):
            candidates.update(self.forms.get(variant, ()))
        if not candidates or word in candidates:  # nothing near, or the word is a lexicon form itself
            return None
        bound = max_distance(len(word))
        scored = sorted((distance(word, c, bound=bound), c) for c in candidates if c[0] == word[0] or skeleton(c)[0] == key[0])
        best = [c for d, c in scored if d <= bound and d == scored[0][0]]
        if len(best) > 1:  # equally close: the one with the word's skeleton, or as long as the word, else give up
            best = [c for c in best if skeleton(c) == key] or [c for c in best if len(c) == len(word)]
        return best[0] if len(best) == 1 else None


def common_words() -> frozenset[str]:
    """Everyday English words (wordfreq), which fuzzy matching must leave alone."""
    try:
        from wordfreq import iter_wordlist, zipf_frequency
    except ImportError:  # optional: without it the exact lexicon's tokens are the only guard
        return frozenset()
    words = []
    for word in iter_wordlist("en"):
        if zipf_frequency(word, "en") < COMMON_ZIPF:
            break
        words.append(word)
    return frozenset(words)
