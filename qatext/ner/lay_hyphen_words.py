"""Hyphenated words at a mention's edge (round 34): a mention never starts inside one.

* A complaint that starts after the hyphen of a word takes the whole word: "constant high-[pitched ringing in both
  ears]" is "[high-pitched ringing in both ears]".
* "post-" or "pre-" and the word it is glued to head the complaint after them: "[post-strep glomerulonephritis]",
  "[post-covid fatigue]" (the glued word is no mention of its own).
* A drug or substance glued to "-coloured", "-sized", "-shaped", "-flavoured", "-scented" or "-looking" describes a
  look, a taste or a smell: "cola-coloured pee", "coffee-coloured patch", "pea-sized lump" hold no drug ("Xanax-like"
  still names the drug it is like).
* Only a word no other kind of mention holds is taken in: "statin-[myopathy]" keeps its drug.

The tokenizer splits "high-pitched" into "high", "-", "pitched"; the hyphen is glued when neither it nor the word
before it has whitespace after it. :func:`join_hyphenated_words` looks only at a doc that holds a hyphen.
"""
from __future__ import annotations

from qatext.ner.lay_body_products import COLOURED
from qatext.ner.span_rules import Spans

_PROBLEMS = frozenset({"SYMPTOM", "DISEASE"})
# prefixes that do not make a complaint of their own word: "non-itchy", "anti-inflammatory"; "post-" and "pre-" head
# the complaint after them ("post-strep glomerulonephritis") or none ("post-covid, I've been ...")
_NOT_JOINED = frozenset({"non", "anti", "not", "post", "pre", "ex", "self", "semi"})
_TIME_PREFIXES = frozenset({"post", "pre"})
_DESCRIBING_SUFFIXES = frozenset("coloured colored colour color sized size shaped flavoured flavored scented "
                                 "looking".split())


def join_hyphenated_words(doc, words: list[str], spans: Spans) -> Spans:
    """``spans`` with every complaint that starts inside a hyphenated word grown to its start, "post-X Y" and
    "pre-X Y" joined, and no drug glued to a describing suffix."""
    changed = False
    out: Spans = []
    held = {k for s in spans if s[2] not in _PROBLEMS for k in range(s[0], s[1])}  # drugs, body parts, tests
    for span in spans:
        start, end, label, concept = span
        if label == "DRUG" and (glued_suffix(doc, words, end) in _DESCRIBING_SUFFIXES
                                or end < len(words) and words[end] in COLOURED):  # also written without the hyphen
            changed = True  # "cola-coloured", "pea-sized": a look, not a drug
            continue
        if label in _PROBLEMS:
            first = start
            while first >= 2 and words[first - 1] == "-" and _glued(doc, first - 2) and _glued(doc, first - 1) \
                    and words[first - 2].isalpha() and words[first - 2] not in _NOT_JOINED and first - 2 not in held:
                first -= 2
            if first >= 3 and words[first - 2] == "-" and words[first - 3] in _TIME_PREFIXES and \
                    _glued(doc, first - 3) and _glued(doc, first - 2) and words[first - 1].isalpha() \
                    and first - 1 not in held:
                first -= 3  # "post-strep [glomerulonephritis]": the glued word is part of the complaint
            if first != start:
                out = [s for s in out if s[1] <= first]
                span = (first, end, label, concept)
                changed = True
        out.append(span)
    return out if changed else spans


def _glued(doc, k: int) -> bool:
    return not doc[k].whitespace_


def glued_suffix(doc, words: list[str], end: int) -> str | None:
    """The word glued by a hyphen right after ``end`` ("cola[-coloured]"), or None."""
    if end + 1 < len(words) and words[end] == "-" and _glued(doc, end - 1) and _glued(doc, end):
        return words[end + 1]
    return None
