"""Compound words a complaint takes in: "flu-like aches", "IBS-C", "joint pain in my knees".
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from qatext.ner.lay_common import Lookup
from qatext.ner.span_rules import LOCATED_COMPLAINTS, Spans, gate, rewrite_found


def join_like_compounds(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"flu-like aches", "migraine-like pain": the "-like" compound qualifies the complaint after it (rule 4)."""
    out: Spans = []
    for span in spans:
        if out and out[-1][2] in ("SYMPTOM", "DISEASE") and span[2] == "SYMPTOM" and span[0] == out[-1][1] + 2 \
                and words[out[-1][1]:span[0]] == ["-", "like"] and not doc[out[-1][1]].whitespace_:
            out[-1] = (out[-1][0], span[1], "SYMPTOM", span[3])
            continue
        out.append(span)
    return out


_LIKE_GATE = gate({"like", "-"})  # "flu-like aches" needs both
_SUBTYPE = re.compile(r"[A-Z0-9]{1,2}$")


def extend_subtypes(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"IBS-C", "IBS-D": a letter glued to an abbreviation with a hyphen names its subtype, inside the mention."""
    n = len(words)
    # a hyphen and a letter after a span's end (cheap word tests), then the glue and the capitals (token look-ups)
    found = [k for k, (_start, end, label, _concept) in enumerate(spans) if end + 1 < n and words[end] == "-"
             and len(words[end + 1]) <= 2 and words[end + 1].isalpha() and label in ("DISEASE", "SYMPTOM")]
    found = [k for k in found if _glued_subtype(doc, spans[k][1]) and (k + 1 == len(spans) or spans[k + 1][0] > spans[k][1] + 1)]
    return rewrite_found(spans, found, lambda span: (span[0], span[1] + 2, span[2], span[3]))


def _glued_subtype(doc: Doc, hyphen: int) -> bool:
    return not doc[hyphen - 1].whitespace_ and not doc[hyphen].whitespace_ and doc[hyphen - 1].text.isupper() \
        and bool(_SUBTYPE.match(doc[hyphen + 1].text))


# Tissue words that make a complaint with the head after them ("joint pain", "muscle aches", "nerve pain"). A body
# part before a head is joined as ANATOMY already (compose_symptoms); these are no body part of their own.
TISSUE_WORDS = frozenset("joint joints muscle muscles nerve nerves bone bones tendon tendons ligament period menstrual "
                         "growing phantom".split())


def extend_compound_heads(doc: Doc, words: list[str], spans: Spans, *, lookup: Lookup) -> Spans:
    """"joint pain in my knees": the lexicon's "pain in my knees" won over "joint pain" as the longer match, but
    the tissue word before the head makes a known complaint with it ("joint pain"), so it is inside too."""
    # cheap word tests on the spans first; the look-up only for a located complaint right after a tissue word
    found = [k for k, (start, end, label, _concept) in enumerate(spans)
             if end - start >= 3 and start and words[start - 1] in TISSUE_WORDS and label == "SYMPTOM"
             and words[start] in LOCATED_COMPLAINTS and (k == 0 or spans[k - 1][1] < start)]
    found = [k for k in found if (lookup(f"{words[spans[k][0] - 1]} {words[spans[k][0]]}") or ("",))[0] == "SYMPTOM"]
    return rewrite_found(spans, found, lambda span: (span[0] - 1, *span[1:]))


_TISSUE_GATE = gate(TISSUE_WORDS)
