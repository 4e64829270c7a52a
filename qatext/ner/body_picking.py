"""Picking and pulling at one's own body: "[pulled my hair out]", "[pulling out her eyebrows]", "[picks the skin
around her nails]" (trichotillomania and skin picking in patients' words; a verbal symptom, GUIDELINES rule 6).

The act is a complaint only of the person's own hair, lashes, brows, skin, nails or lips, said with an owner: "pull
the stone out", "pick the kids up", "pulled my hair back" (no "out") name nothing.
"""
from __future__ import annotations

from qatext.ner.span_rules import Spans, word_positions

PICKING_VERBS = frozenset("pull pulls pulled pulling pick picks picked picking bite bites biting bit chew chews chewing "
                          "peel peels peeling peeled".split())
# Pulling is a complaint with its "out" ("pulled my hair out"); picking, biting and peeling are on their own.
_NEEDS_OUT = frozenset("pull pulls pulled pulling".split())
PICKED_PARTS = frozenset("hair eyelashes lashes eyebrows brows skin nails fingernails cuticles lips scabs".split())
_OWNERS = frozenset("my his her their your the".split())
_PLACES = frozenset("round around on off from at".split())
_PLACE_PARTS = frozenset("nails fingernails fingers thumbs lips face scalp cuticles".split())
# What follows the idiom of frustration: "pulling my hair out over/about/with/trying/waiting ..."
_FRUSTRATED_AFTER = frozenset("over about with trying waiting because at dealing here lol haha".split())
PICKING = "QATEXT:symptom/body-focused-repetitive-behaviour"


def add_picked_body_parts(words: list[str], spans: Spans) -> Spans:
    n = len(words)
    found = []
    for i in word_positions(words, PICKING_VERBS & set(words)):
        word = words[i]
        k = i + 1
        out = k < n and words[k] == "out"
        k += out
        if k + 1 >= n or words[k] not in _OWNERS or words[k + 1] not in PICKED_PARTS:
            continue
        if words[k] == "the" and words[k + 1] != "skin":
            continue  # "pick the scabs" of whom? only "the skin" is one's own without an owner
        end = k + 2
        if not out and end < n and words[end] == "out":
            end += 1
            out = True
        if word in _NEEDS_OUT and not out:
            continue  # "pulled my hair back"
        if end + 2 < n and words[end] in _PLACES and words[end + 1] in _OWNERS and words[end + 2] in _PLACE_PARTS:
            end += 3  # "the skin round my nails": where it is picked
        if out and end < n and words[end] in _FRUSTRATED_AFTER:
            continue  # "pulling my hair out over insurance": frustration, a figure of speech (GUIDELINES rule 17)
        found.append((i, end))
    if not found:
        return spans
    kept = [s for s in spans if all(s[1] <= a or s[0] >= b for a, b in found)]
    return sorted(kept + [(a, b, "SYMPTOM", PICKING) for a, b in found])
