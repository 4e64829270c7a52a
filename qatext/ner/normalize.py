"""Token normalisation shared by the lexicon patterns and the text they are matched in.

spaCy computes a lexeme's NORM once per vocabulary entry, so installing our own NORM
getter costs nothing per token: "Headaches", "headache" and "headach" all get the norm
"headache", and the PhraseMatcher (attr="NORM") matches them with one pattern.
"""
from __future__ import annotations

from spacy.attrs import NORM
from spacy.vocab import Vocab

_NOT_PLURAL = ("ss", "us", "is", "ys", "as", "os")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})


class TokenNormalizer:
    """Picklable NORM getter: lower case, standard spelling, plural folded to a known singular."""

    def __init__(self, spelling: dict[str, str], known_tokens: frozenset[str]):
        self.spelling = spelling
        self.known = known_tokens

    def __call__(self, text: str) -> str:
        word = text.lower().translate(_APOSTROPHES)
        word = self.spelling.get(word, word)
        if word in self.known or len(word) < 5 or not word.endswith("s") or word.endswith(_NOT_PLURAL):
            return word
        for suffix, replacement in (("ies", "y"), ("es", ""), ("s", "")):
            if word.endswith(suffix):
                candidate = self.spelling.get(word[: -len(suffix)] + replacement, word[: -len(suffix)] + replacement)
                if candidate in self.known:
                    return candidate
        return word


def install(vocab: Vocab, normalizer: TokenNormalizer) -> None:
    """Make ``vocab`` compute NORM with ``normalizer``, including lexemes it already holds."""
    vocab.lex_attr_getters[NORM] = normalizer
    for lexeme in vocab:
        lexeme.norm_ = normalizer(lexeme.orth_)
