"""Idioms built on a medical word that name no entity (GUIDELINES rule 17): "a [stroke] of luck", "fell on [deaf]
ears", "he will grow [out of it]", "[itching] to get back on the pitch", "turned a [blind] eye".

A complaint or disease span that lies inside one of these fixed phrases is dropped. lay_rules.drop_figurative
settles the words made figurative by what follows them one by one ("tired of", "a pain to"); these are whole phrases.
"""
from __future__ import annotations

from qatext.ner.span_rules import Spans, gate, gate_hits, word_positions

# Each idiom as words; "*" stands for any one word ("grew out of it", "grow out of them").
IDIOMS = (
    ("stroke", "of", "luck"), ("stroke", "of", "genius"), ("stroke", "of", "midnight"),
    ("on", "deaf", "ears"),
    ("a", "blind", "eye"),
    ("grow", "out", "of", "it"), ("grows", "out", "of", "it"), ("grew", "out", "of", "it"), ("growing", "out", "of", "it"),
    ("grow", "out", "of", "them"), ("outgrow", "it"),
)
_FIRSTS = {idiom[0] for idiom in IDIOMS}
_GATE = gate(_FIRSTS, {"itching", "itchin"})
# "itching to get back", "itching to try it": eager to do something; "itching to the point of bleeding" is itch.
_NOT_A_VERB_AFTER_TO = frozenset("the a an my his her their your its point where bleeding death".split())


def drop_idioms(doc, words: list[str], spans: Spans) -> Spans:
    hits = gate_hits(words)
    if _GATE.isdisjoint(hits):
        return spans
    n = len(words)
    inside: set[int] = set()
    for i in word_positions(words, _GATE & hits):
        word = words[i]
        if word in _FIRSTS:
            for idiom in IDIOMS:
                if tuple(words[i:i + len(idiom)]) == idiom:
                    inside.update(range(i, i + len(idiom)))
        elif word in ("itching", "itchin") and i + 2 < n and words[i + 1] == "to" and words[i + 2].isalpha() \
                and words[i + 2] not in _NOT_A_VERB_AFTER_TO:
            inside.add(i)
    if not inside:
        return spans
    return [s for s in spans if not (s[2] in ("SYMPTOM", "DISEASE") and set(range(s[0], s[1])) <= inside)]
