"""Schwartz & Hearst (2003), "A simple algorithm for identifying abbreviation definitions in
biomedical text" (PSB 2003), on spaCy tokens.

Written from the paper so that qatext does not need scispacy (whose numpy<2 pin holds back a
user's whole stack). Where the paper leaves a choice open, the choices follow scispacy's
``scispacy.abbreviation`` so both give the same pairs; ``tests/test_abbreviations.py``
compares them when scispacy is installed.

Two patterns are looked for around a parenthesis:

* ``long form (SHORT)``: the usual case; the long form is searched right to left in at most
  ``min(|SHORT| + 5, 2 * |SHORT|)`` words before the parenthesis;
* ``SHORT (long form)``: when the parenthesis holds more than three tokens.
"""
from __future__ import annotations

import numpy as np
from spacy.attrs import ORTH
from spacy.strings import hash_string
from spacy.tokens import Doc, Span

MAX_PAREN_TOKENS = 8
_OPEN_PAREN = hash_string("(")
_CLOSE_PAREN = hash_string(")")
_OPEN_PAREN_BYTES = np.array([_OPEN_PAREN], dtype=np.uint64).tobytes()
SHORT_FORM_MAX_TOKENS = 3


def is_short_form(span: Span) -> bool:
    """The paper's filter on short forms: 2 to 9 characters a word, mostly letters, starting with one."""
    text = span.text
    if not text or not all(2 <= len(token) < 10 for token in span):
        return False
    if sum(ch.isalpha() for ch in text) / len(text) < 0.5:
        return False
    return text[0].isalpha()


def candidate_pairs(parentheses: list[tuple[int, int]], doc: Doc) -> list[tuple[Span, Span]]:
    """(long-form window, short form) pairs for parenthesised token ranges ``(start, end)``."""
    pairs = []
    for start, end in parentheses:
        if end - start > MAX_PAREN_TOKENS or start == 1:
            continue
        if end - start > SHORT_FORM_MAX_TOKENS:
            short, window = doc[start - 2:start - 1], doc[start:end]
        else:
            short = doc[start:end]
            n_chars = sum(len(token) for token in short)
            max_words = min(n_chars + 5, n_chars * 2)
            window = doc[max(start - max_words - 1, 0):start - 1]
        if is_short_form(short):
            pairs.append((window, short))
    return pairs


def match_long_form(window: Span, short: Span) -> Span | None:
    """The shortest tail of ``window`` whose characters spell ``short`` right to left, or None.

    Every letter or digit of the short form must appear in order in the long form, and its first
    character must start a word of the long form.
    """
    long_text = " ".join(token.text for token in window)
    short_text = " ".join(token.text for token in short)
    long_i, short_i = len(long_text) - 1, len(short_text) - 1
    while short_i >= 0:
        char = short_text[short_i].lower()
        if not char.isalnum():
            short_i -= 1
            continue
        while long_i >= 0 and (
            long_text[long_i].lower() != char
            or (short_i == 0 and long_i > 0 and long_text[long_i - 1].isalnum())
        ):
            long_i -= 1
        if long_i < 0:
            return None
        long_i -= 1
        short_i -= 1
    long_i += 1
    consumed = 0
    for i, token in enumerate(window):
        consumed += len(token.text_with_ws)
        if consumed > long_i:
            return window[i:]
    return window


def parenthesised(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges ``(start, end)`` inside non-nested parentheses holding 1 to 8 tokens."""
    # Only tokens that are exactly "(" open a range: look for one in the token array instead of
    # rebuilding doc.text (a Python join over every token, dearer than the rest of this search).
    orths = doc.to_array(ORTH)
    if _OPEN_PAREN_BYTES not in orths.tobytes():  # most docs have none: one search in C (a hit may straddle two)
        return []
    brackets = np.flatnonzero((orths == _OPEN_PAREN) | (orths == _CLOSE_PAREN))
    if not len(brackets) or not (orths[brackets] == _OPEN_PAREN).any():
        return []
    ranges = []
    opened = None
    for i in brackets.tolist():  # only the bracket tokens, not every token as a Python object
        if orths[i] == _OPEN_PAREN:
            opened = i
        elif opened is not None:
            if 1 <= i - opened - 1 <= MAX_PAREN_TOKENS:
                ranges.append((opened + 1, i))
            opened = None
    return ranges


def find_definitions(doc: Doc) -> list[tuple[Span, Span]]:
    """Every (short form, long form) definition in ``doc``, in text order."""
    found = []
    for window, short in candidate_pairs(parenthesised(doc), doc):
        long = match_long_form(window, short)
        if long is not None:
            found.append((short, long))
    return found
