"""An acronym used after its long form, without brackets: "the allergist thinks oral allergy
syndrome. is OAS ever dangerous?", "obstructive sleep apnea ... my OSA".

Schwartz-Hearst (:mod:`qatext.ner.abbreviations`) finds only "long form (SHORT)". Patients often
name the condition in full once and go on with the letters they were told; a capital token whose
letters are the initials of an earlier mention in the same text is that mention again, same label
and concept (GUIDELINES rule 12: both are annotated).
"""
from __future__ import annotations

from functools import lru_cache

from qatext.ner import fuzzy
from qatext.ner.span_rules import (Spans, covered_tokens, gate, gate_hits, is_all_caps, token_letters, word_positions,
                                   word_set)

_LABELS = frozenset({"SYMPTOM", "DISEASE", "DRUG", "TEST", "TREATMENT"})
# Words a long form's initials skip: "disease of the ...", "chronic kidney disease": CKD.
_SKIPPED = frozenset({"of", "the", "and", "in", "to", "with", "my", "his", "her", "a"})
MIN_LETTERS, MAX_LETTERS = 2, 6
_EVERYDAY_FREQUENCY = 10 ** (4 - 9)  # zipf 4 (wordfreq)
_INITIALS: dict[tuple[str, ...], str] = {}  # a long form's words -> its initials: the same mentions recur across docs


def term_initials(terms: dict[str, tuple[str, str, str]]) -> frozenset[str]:
    """The initials (and their plurals) of the multi-word ``terms``: a doc without any of them as a word has no
    acronym of a lexicon mention, found with one set test in C. Computed when the lexicon is compiled (about
    a third of a second over 95,000 terms) and cached with it."""
    found = set()
    for term, entry in terms.items():
        if " " in term and entry[0] in _LABELS:
            key = _initials(tuple(term.split()))
            if MIN_LETTERS <= len(key) <= MAX_LETTERS:
                found.update((key, key + "s"))
    # everyday words ("it", "my", "the": zipf 4 and up) would let every doc through; an acronym spelling one is rare,
    # while rarer words ("oas", "osa") are the acronyms themselves
    return frozenset(w for w in found if not _everyday(w))


def _everyday(word: str) -> bool:
    """An everyday English word (zipf 4 and up, wordfreq)."""
    fuzzy.warm_up()
    return (fuzzy._FREQUENCIES or {}).get(word, 0.0) >= _EVERYDAY_FREQUENCY


@lru_cache(maxsize=1)
def lexicon_initials() -> frozenset[str]:
    """:func:`term_initials` of the compiled lexicon, registered as gate words: a doc's few gate hits are
    tested against them, rather than its hundreds of words against 38,000 initials (a cache miss each)."""
    from qatext.ner.lexicon import get_lexicon

    return gate(get_lexicon().acronym_initials)


def _initials(span_words: tuple[str, ...]) -> str:
    return "".join([w[0] for w in span_words if w[0].isalpha() and w not in _SKIPPED])


def add_later_acronyms(doc, words: list[str], spans: Spans, *, shorthand: frozenset[str] = frozenset()) -> Spans:
    """``spans`` with each later acronym of a mention; letters that are community ``shorthand`` (lower case: "gp",
    "ms") are the shorthand resolver's, which reads their own context: "she goes pale ... GP says" is the doctor."""
    if lexicon_initials().isdisjoint(gate_hits(words)):
        return spans  # (acronyms of rule-made mentions, "pain in my left knee", are rare enough to leave)
    long_forms = [s for s in spans if s[1] - s[0] >= 2 and s[2] in _LABELS]
    if not long_forms:
        return spans
    initials: dict[str, tuple[str, str, int]] = {}
    for start, end, label, concept in long_forms:
        key = _INITIALS.get(span_words := tuple(words[start:end]))
        if key is None:
            if len(_INITIALS) > 50_000:
                _INITIALS.clear()
            key = _INITIALS[span_words] = _initials(span_words)
        if MIN_LETTERS <= len(key) <= MAX_LETTERS:
            initials.setdefault(key, (label, concept, end))
    if not initials:
        return spans
    # the letters must occur as a word (or its plural) at all: a set test in C before any loop
    present = word_set(words)
    hits = {w for w in initials if w in present} | {w + "s" for w in initials if w + "s" in present}
    hits -= shorthand
    if hits and is_all_caps(token_letters(doc)):
        # in a post in capitals an everyday word spelling the initials ("itchy skin" ... "IS it") is the word; in mixed
        # case the capitals say it is the acronym ("intellectual disability ... his ID")
        hits = {w for w in hits if not _everyday(w)}
    if not hits:
        return spans
    taken = covered_tokens(spans)
    added = []
    for i in word_positions(words, hits):
        word = words[i]
        key = word if word in initials else word[:-1]
        found = initials[key]
        if found[2] > i or i in taken or not doc[i].text[:len(key)].isupper():
            continue  # before the long form, inside another mention, or not in capitals ("oas", "cab")
        added.append((i, i + 1, found[0], found[1]))
    return sorted(spans + added) if added else spans
