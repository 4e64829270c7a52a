"""spaCy's rule-based sentencizer, deciding the sentence starts from token arrays.

spaCy's ``Sentencizer.predict`` makes a ``Token`` object for every token to read its text and
``is_punct``: on ask-a-doctor pages that was about a fifth of the tokenizer's own time.
:class:`ArraySentencizer` reads the same two facts for a whole doc in one ``Doc.to_array`` call
and finds the same starts with numpy; ``set_annotations``, the settings and the serialisation
stay spaCy's, and the pipe keeps spaCy's ``sentencizer`` factory, so a saved pipeline loads
without qatext (with spaCy's slower class).
"""
from __future__ import annotations

import numpy
from spacy.attrs import IS_PUNCT, ORTH
from spacy.pipeline import Sentencizer
from spacy.strings import hash_string


class ArraySentencizer(Sentencizer):
    """A :class:`spacy.pipeline.Sentencizer` with the same sentence starts, found without Token objects."""

    def predict(self, docs):
        if not any(len(doc) for doc in docs) or not self.punct_chars:
            return super().predict(docs)
        punct_chars = numpy.unique(numpy.array([hash_string(char) for char in self.punct_chars], dtype=numpy.uint64))
        return [sentence_starts(doc.to_array([ORTH, IS_PUNCT]), punct_chars) if len(doc) else [] for doc in docs]


def sentence_starts(columns: numpy.ndarray, punct_chars: numpy.ndarray) -> list[bool]:
    """spaCy's rule over (ORTH, IS_PUNCT) rows: a token opens a sentence when it is the first, or when it is
    neither punctuation nor a sentence-final character and one of those characters stands between it
    and the previous such word (punctuation that is not sentence-final, like a closing quote, is skipped).
    ``punct_chars``: the sentence-final characters' hashes, sorted and unique, not empty."""
    orths = columns[:, 0]
    # numpy.isin costs several times more on short docs
    is_final = punct_chars[numpy.searchsorted(punct_chars, orths) % len(punct_chars)] == orths
    finals_so_far = numpy.cumsum(is_final)
    words = numpy.flatnonzero(~is_final & (columns[:, 1] == 0))
    seen = finals_so_far[words]
    starts = numpy.zeros(len(columns), dtype=bool)
    starts[0] = True
    starts[words[1:][seen[1:] > seen[:-1]]] = True
    if len(words) and seen[0] > 0:
        starts[words[0]] = True
    return starts.tolist()


def use_arrays(sentencizer: Sentencizer) -> None:
    """Let a spaCy ``Sentencizer`` (not a subclass someone else made) decide with :class:`ArraySentencizer`."""
    if type(sentencizer) is Sentencizer:
        sentencizer.__class__ = ArraySentencizer
