"""Picking and pulling at one's own body: "[pulled my hair out]", "[pulling out her eyebrows]", "[picks the skin
around her nails]" (trichotillomania and skin picking in patients' words; a verbal symptom, GUIDELINES rule 6).

The act is a complaint only of the person's own hair, lashes, brows, skin, nails or lips, said with an owner: "pull
the stone out", "pick the kids up", "pulled my hair back" (no "out") name nothing.
"""
from __future__ import annotations

from qatext.ner.lay_body_actions import FIGURATIVE_TENDED
from qatext.ner.span_rules import Spans, gate_hits, word_positions, word_set

PICKING_VERBS = frozenset("pull pulls pulled pulling pick picks picked picking bite bites biting bit chew chews chewing "
                          "peel peels peeling peeled".split())
# Pulling is a complaint with its "out" ("pulled my hair out"); picking, biting and peeling are on their own.
_NEEDS_OUT = frozenset("pull pulls pulled pulling".split())
PICKED_PARTS = frozenset("hair eyelashes lashes eyebrows brows skin nails fingernails cuticles lips scabs".split())
_OWNERS = frozenset("my his her their your the".split())
# "the skin" is one's own only when picked at a body place: "picks the skin around her nails"; "peel the skin off
# apples", "bite the skin" name food. Only the pick-verbs take it.
_THE_VERBS = frozenset("pick picks picked picking".split())
_PLACES = frozenset("round around on off from at".split())
_PLACE_PARTS = frozenset("nails fingernails fingers thumbs lips face scalp cuticles".split())
# "pulling my hair out" is a figure of exasperation (lay_body_actions.FIGURATIVE_TENDED, the one list of these
# figures) unless the doc speaks of the habit itself: "trich", "the urge", "bald patches", "lashes".
_TRICH_CUES = frozenset("trich trichotillomania urge urges bald balding patch patches lashes eyelashes brows eyebrows "
                        "compulsive compulsively habit".split())
PICKING = "QATEXT:symptom/body-focused-repetitive-behaviour"


def add_picked_body_parts(words: list[str], spans: Spans) -> Spans:
    n = len(words)
    found = []
    for i in word_positions(words, PICKING_VERBS & gate_hits(words)):
        word = words[i]
        k = i + 1
        out = k < n and words[k] == "out"
        k += out
        if k + 1 >= n or words[k] not in _OWNERS or words[k + 1] not in PICKED_PARTS:
            continue
        if words[k] == "the" and (words[k + 1] != "skin" or word not in _THE_VERBS):
            continue  # "pick the scabs" of whom? "peel the skin off apples": only picked "the skin" may be one's own
        end = k + 2
        if not out and end < n and words[end] == "out":
            end += 1
            out = True
        if word in _NEEDS_OUT and not out:
            continue  # "pulled my hair back"
        if end + 2 < n and words[end] in _PLACES and words[end + 1] in _OWNERS and words[end + 2] in _PLACE_PARTS:
            end += 3  # "the skin round my nails": where it is picked
        elif words[k] == "the":
            continue  # "picked the skin off the chicken": "the skin" without a body place is no one's own
        if word in _NEEDS_OUT and ("out",) in FIGURATIVE_TENDED.get(words[k + 1], ()) \
                and not (_TRICH_CUES & word_set(words) or any(w.startswith("trich") for w in word_set(words))):
            continue  # "i'm literally pulling my hair out": exasperation, a figure of speech (GUIDELINES rule 17)
        found.append((i, end))
    if not found:
        return spans
    kept = [s for s in spans if all(s[1] <= a or s[0] >= b for a, b in found)]
    return sorted(kept + [(a, b, "SYMPTOM", PICKING) for a, b in found])
