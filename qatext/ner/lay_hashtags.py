"""Hashtags (GUIDELINES rule 15): "#Depression", "#Paxil" keep their "#", a glued tag is split against the
lexicon ("#breastcancer"), and tags naming a community or a mood ("#spoonie") are no entity.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from qatext.ner.fuzzy import is_english_word
from qatext.ner.lay_common import Lookup
from qatext.ner.span_rules import (SUBSTANCE_DISORDER, SUBSTANCE_DISORDERS, Spans, covered_tokens, gate, gate_hits,
                                  names_a_use_disorder)

# Hashtags naming a community, mood or campaign rather than one entity (GUIDELINES rule 15).
COMMUNITY_TAGS = frozenset("spoonie spoonies chronicillness chronicallyill invisibleillness mentalhealth "
                           "mentalhealthawareness migrainelife chroniclife sickofit warrior fightlikeagirl vaccinated".split())
_HASH_GATE = gate({"#"})


def add_hashtags(doc: Doc, words: list[str], spans: Spans, *, lookup: Lookup) -> Spans:
    """"#Depression", "#Paxil" keep their "#"; a glued tag is split against the lexicon ("#breastcancer")."""
    if _HASH_GATE.isdisjoint(gate_hits(words)):
        return spans
    by_start = {s[0]: s for s in spans}
    taken = covered_tokens(spans)
    out = [s for s in spans]
    for i, word in enumerate(words[:-1]):
        if word != "#" or doc[i].whitespace_:
            continue
        tag = words[i + 1]
        if tag in COMMUNITY_TAGS:
            out = [s for s in out if not (s[0] == i + 1 and s[1] == i + 2)]
            continue
        span = by_start.get(i + 1)
        if span is not None and span[1] == i + 2:
            out[out.index(span)] = (i, *span[1:])
        elif span is not None and span[1] > i + 2 and (known := lookup(tag)) and known[1] == span[3]:
            out[out.index(span)] = (i, i + 2, known[0], known[1])  # "[#mounjaro] shot": the tag is the whole mention
        elif i + 1 not in taken:
            found = _split_tag(tag, lookup)
            if found:
                out.append((i, i + 2, found[0], found[1]))
    return sorted(out)


_SPLIT_LABELS = ("SYMPTOM", "DISEASE", "DRUG")
# A glued tag that ends in one of these names the head's complaint of a kind the lexicon need not list:
# "#catallergy" is an allergy, "#toothpain" a pain.
_TAG_HEADS = ("allergy", "allergies", "pain", "infection", "rash")
_DIGIT_EDGE = re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])")


def _split_tag(tag: str, lookup: Lookup):
    """"breastcancer" -> the lexicon entry of "breast cancer" (two or three glued words); "type1diabetes" is
    read at its digit ("type 1 diabetes"); "catallergy" is an allergy."""
    if len(tag) < 6:
        return None
    if not tag.isalpha():
        spaced = _DIGIT_EDGE.sub(" ", tag)
        found = lookup(spaced) if spaced != tag and spaced.replace(" ", "").isalnum() else None
        return found if found and found[0] in _SPLIT_LABELS else None
    for cut in range(3, len(tag) - 2):
        found = lookup(f"{tag[:cut]} {tag[cut:]}")
        if found and found[0] in _SPLIT_LABELS:
            return found
        if tag[cut:] in SUBSTANCE_DISORDERS and (tag[cut:] != "use" or names_a_use_disorder(tag[:cut], "")):
            drug = lookup(tag[:cut])
            if drug and drug[0] == "DRUG":
                return "DISEASE", SUBSTANCE_DISORDER  # "#benzowithdrawal", "#opioidaddiction", as "alcohol withdrawal"
        for cut2 in range(cut + 3, len(tag) - 2):
            found = lookup(f"{tag[:cut]} {tag[cut:cut2]} {tag[cut2:]}")
            if found and found[0] in _SPLIT_LABELS:
                return found
    head = next((h for h in _TAG_HEADS if tag.endswith(h) and len(tag) - len(h) >= 3), None)
    prefix = tag[:-len(head)] if head else ""
    # "#kneepain", "#catallergy" (an allergen is any English word); not "#carcrash" or "#disinfection"
    if head is not None and (lookup(prefix) or head.startswith("allerg") and is_english_word(prefix)):
        found = lookup(head)
        if found and found[0] in ("SYMPTOM", "DISEASE"):
            return found
    return None
