"""Token normalisation shared by the lexicon patterns and the text they are matched in.

spaCy computes a lexeme's NORM once per vocabulary entry, so installing our own NORM
getter costs nothing per token: "Headaches", "headache" and "headach" all get the norm
"headache", and the recognizer matches them with one pattern. The same once-per-entry
getter undoes elongation ("sooo" -> "so", "hurtsss" -> "hurts") and, with a
:class:`~qatext.ner.fuzzy.FuzzyIndex`, maps misspelled names to the lexicon form they
mean ("liptor" -> "lipitor"); what it changed is kept in :attr:`TokenNormalizer.fuzzy`
and :attr:`TokenNormalizer.elongated` for the recognizer.
"""
from __future__ import annotations

import re
import unicodedata

from spacy.attrs import LOWER, NORM
from spacy.vocab import Vocab

_NOT_PLURAL = ("ss", "us", "is", "ys", "as", "os")
_APOSTROPHE_FORMS = {"\u2019": "'", "\u2018": "'", "`": "'"}
_APOSTROPHES = str.maketrans(_APOSTROPHE_FORMS)
# what word processors and phones type for the keyboard's ' " - and ...
_TYPOGRAPHIC = str.maketrans({**_APOSTROPHE_FORMS, "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
                              "\u2026": "..."})
_ES_STEMS = ("s", "x", "z", "ch", "sh", "o")
_ELONGATED = re.compile(r"([a-z])\1\1+")


def _unaccented(word: str) -> str:
    """``word`` without its accents (the combining marks of its decomposed form)."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


class TokenNormalizer:
    """Picklable NORM getter: lower case, standard spelling, plural folded to a known singular."""

    def __init__(self, spelling: dict[str, str], known_tokens: frozenset[str], fuzzy=None):
        self.spelling = spelling
        self.known = known_tokens
        self.fuzzy_index = fuzzy
        self.fuzzy: dict[str, str] = {}
        """lower-cased word -> the lexicon form fuzzy matching took it for"""
        self.elongated: dict[str, str] = {}
        """lower-cased elongated word -> the plain word"""

    def __call__(self, text: str) -> str:
        word = text.lower().translate(_APOSTROPHES)
        if not word.isascii():
            # "Sjögren's", "Ménière's", "Behçet's": the lexicon spells them without accents
            folded = _unaccented(word)
            if folded != word and folded in self.known:
                word = folded
        if 3 < len(word) <= 60 and word not in self.known and _ELONGATED.search(word):
            word = self._shorten(word)
        word = self._standard(word)
        index = self.fuzzy_index
        # a known word is looked up only if it is a fragment of the drug package's longer names ("oxabolona")
        if index is not None and len(word) >= 5 and (word not in self.known or word in index.fragments):
            found = self.fuzzy.get(word) or index.lookup(word)
            if found:
                self.fuzzy[word] = found
                return found
        return word

    def _standard(self, word: str) -> str:
        word = self.spelling.get(word, word)
        if word in self.known or len(word) < 5 or not word.endswith("s") or word.endswith(_NOT_PLURAL):
            return word
        for suffix, replacement in (("ies", "y"), ("es", ""), ("s", "")):
            if suffix == "es" and not word[:-2].endswith(_ES_STEMS):
                continue  # "-es" follows a hissing sound or an "o" ("rashes", "viruses"); "scares" is no "scar"
            if word.endswith(suffix):
                candidate = self.spelling.get(word[: -len(suffix)] + replacement, word[: -len(suffix)] + replacement)
                if candidate in self.known:
                    return candidate
        return word

    def _shorten(self, word: str) -> str:
        """"sooo" -> "so", "tiiired" -> "tired", "hurtsss" -> "hurts": letters repeated 3+ times."""
        common = self.fuzzy_index.common if self.fuzzy_index is not None else frozenset()
        double = _ELONGATED.sub(r"\1\1", word)
        single = _ELONGATED.sub(r"\1", word)
        for candidate in (single, double):
            if candidate in self.known or candidate in common or self._standard(candidate) in self.known:
                self.elongated[word] = candidate
                return candidate
        return word


def straight_lower(text: str) -> str:
    """LOWER with typographic punctuation made plain: ’ ‘ as ', “ ” as ", en and em dashes as -, … as ...

    Phones and word processors type "can’t", "I’ve", "won’t" (a fifth of the ask-a-doctor questions):
    spaCy splits them as it splits "can't" ("ca" + "n’t"), and the rules, which read the lower-case
    forms, then see the same words; likewise a list bulleted with "–" or a pause written "…"."""
    return text.lower().translate(_TYPOGRAPHIC)


def install(vocab: Vocab, normalizer: TokenNormalizer) -> None:
    """Make ``vocab`` compute NORM with ``normalizer`` and LOWER with :func:`straight_lower`, including
    the lexemes it already holds (the tokenizer's exceptions made "n’t" before any text came)."""
    vocab.lex_attr_getters[NORM] = normalizer
    vocab.lex_attr_getters[LOWER] = straight_lower
    for lexeme in vocab:
        lexeme.norm_ = normalizer(lexeme.orth_)
        lower = straight_lower(lexeme.orth_)
        if lower != lexeme.lower_:
            lexeme.lower_ = lower


def installed(vocab: Vocab) -> TokenNormalizer | None:
    """The normalizer ``vocab`` computes NORM with (a copy of it in a worker process)."""
    getter = vocab.lex_attr_getters.get(NORM)
    return getter if isinstance(getter, TokenNormalizer) else None
