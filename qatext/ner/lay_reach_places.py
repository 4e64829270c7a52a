"""Where a complaint sits and what its fluid or lesion is, when the rules before stop short (round 21a; GUIDELINES
rules 4, 5 and 11).

- the side of the trunk a complaint is on: "[shingles on my left side]", "[blistery rash on my right side]" (rule 5: a
  contiguous location belongs to SYMPTOM and DISEASE spans; "side" is no ANATOMY mention of its own, so the
  part-based edges do not see it; the gold joins it 5 times out of 5). Only a named side ("left", "right", "lower",
  "upper": "side effects" is in too many docs to read all its sides), not a lost function's ("[cant chew] on the left
  side", rule 16) nor an act that hurts ("[hurts to take a breath] on the left side");
- a second place after "and" of a finding whose own place came late in the chain: "[hives round his mouth and on his
  chest]" (rule 11, a shared symptom word; span_rules.add_second_locations runs before the lesion places are drawn);
- what a discharge looks like before it: "[clear fluid from my nose]", "wept [clear fluid]" (rule 4, the quality of
  what is seen, as "[dark brown discharge]"); "helps clear mucus" (the verb) stays alone;
- what a blister holds: "[blood blister]" (a kind of blister, not the blood);
- (round 26a) the stretch a complaint runs over, from one part to another: "[burning pain from my buttock to my
  ankle]", "[numbness from my waist down to my feet]" (rule 5; the gold joins both ends every time).
Left here, by the gold's own counts: the site of an application ("itchy skin under the patch", "red lump where i
inject": 1 to 1 each), the setting or audience of a lost function ("cant focus at work", "cant follow conversations in
pubs": far more often outside, rule 16) and a persistence verb before a complaint ("kept bleeding", "keep seeing
floaters": mostly outside).
Each part is behind its own trigger words; a doc without them costs one set test.
"""
from __future__ import annotations

import re

from qatext.ner import lay_body_findings, span_rules
from qatext.ner.span_rules import Spans, gate, gate_hits, word_positions, word_set

_PROBLEMS = frozenset({"SYMPTOM", "DISEASE"})

# --- the side a complaint is on -------------------------------------------------------------------------------------
_SIDES = frozenset({"side", "sides"})
_SIDE_PLACES = frozenset({"on", "down"})
# (round 26a) A side named without an article ("lower left side") is a place after "in" too ("in the side" may be
# a stitch's own phrase, and "in my left side" is joined by the located-complaint rules)
_BARE_SIDE_PLACES = _SIDE_PLACES | {"in"}
_SIDE_OWNERS = frozenset("my his her their your the".split())
# ("the same side", "the other side" refer to a side named before, "both sides" to two: "[nostril blocks up] on the
# same side", "[vocal cord nodules] on both sides" stay short in the gold)
_SIDE_WHICH = frozenset("left right lower upper".split())
# A lost function keeps the side it fails on outside (rule 16, "[cant chew] on the left side"); the sides a body
# lies or sleeps on are the impairment table's own ("[cant lie on my left side]").
_LOSS_OPENERS = frozenset("cant can't ca can couldnt couldn't could unable cannot not no wont won't wo".split())
# --- a second place of a late-drawn finding -------------------------------------------------------------------------
_ROUND = frozenset({"round", "around"})
# The findings placed "round" a part ("around" is in many docs as "around 3 weeks": the rule reads the spans only with
# one of these in the doc too)
_ROUND_FINDINGS = lay_body_findings.LESION_NOUNS | frozenset(
    "hives rash rashes sores sore blisters ulcers bruises bruising swelling redness eczema psoriasis "
    "dermatitis".split())
# --- the look of a discharge ----------------------------------------------------------------------------------------
_CLEAR = frozenset({"clear"})
_FLUIDS = frozenset("fluid fluids discharge liquid mucus snot gunk".split())
# What may stand before "clear" for it to be the fluid's look and not the verb ("to clear mucus", "cant clear the
# snot"): nothing, a stop, a determiner, a verb that lets a fluid out or one of being and having.
_BEFORE_CLEAR = frozenset(". , ! ? ; : ( - a some no the and or any with of wept weeps weeping leaking leaks leaked "
                          "oozing oozes oozed dripping drips running runs producing discharging is was are were has have had got "
                          "gets".split())
# --- what a blister holds -------------------------------------------------------------------------------------------
_BLOOD = frozenset({"blood"})
_BLISTERS = frozenset({"blister", "blisters"})

# --- the stretch a complaint runs over ------------------------------------------------------------------------------
_FROM = frozenset({"from"})
_RANGE_ENDS = frozenset({"to", "into"})
_RANGE_WAYS = frozenset("down up right all the way straight".split())
_RANGE_OWNERS = _SIDE_OWNERS | {"both"}
_RANGE_PLACES = frozenset("side waist head".split())

# --- the spinal level of a disc problem -----------------------------------------------------------------------------
# (round 40) "[bulging disc at L5]", "[spinal stenosis at L4-5]": the level is where the problem sits (rule 5; the gold
# joins it 8 times and keeps it beside the problem as ANATOMY 3 times).
_SPINE_HEADS = frozenset("disc discs disk disks stenosis herniation herniations bulge bulges degeneration prolapse "
                         "spondylolisthesis spondylosis".split())
_AT = frozenset({"at"})
_LEVEL = re.compile(r"[LCT]\d{1,2}(?:[-/\u2013][LCTS]?\d{1,2})?(?!\w)", re.IGNORECASE)

_GATE = gate(_SIDES, _SIDE_WHICH, _ROUND, _ROUND_FINDINGS, _CLEAR, _FLUIDS, _BLOOD, _BLISTERS, _FROM, _SPINE_HEADS)
# the hook's test ("blood" and the fluids are common; paired inside)
WORDS = _SIDES | _ROUND | _CLEAR | _BLISTERS | _FROM | _SPINE_HEADS


def add_reach_places(doc, words: list[str], spans: Spans) -> Spans:
    """``spans`` with a trunk side, a late finding's second place, a fluid's look and a blister's content joined."""
    if not spans:
        return spans
    hits = gate_hits(words)
    if not _SIDES.isdisjoint(hits) and not _SIDE_WHICH.isdisjoint(hits):  # ("side effects" is in many docs)
        spans = _join_sides(words, spans, hits)
    if not _ROUND.isdisjoint(hits) and not _ROUND_FINDINGS.isdisjoint(hits) and "and" in word_set(words):
        spans = span_rules.add_second_locations(doc, words, spans)
    if "from" in hits and not _RANGE_ENDS.isdisjoint(word_set(words)):
        spans = _join_ranges(words, spans)
    if not _SPINE_HEADS.isdisjoint(hits) and "at" in word_set(words):
        spans = _join_spinal_levels(doc, words, spans)
    left = []
    if "clear" in hits and not _FLUIDS.isdisjoint(hits):
        left += [p for p in word_positions(words, _FLUIDS & hits) if p and words[p - 1] == "clear"
                 and (p < 2 or words[p - 2] in _BEFORE_CLEAR)]
    if "blood" in hits and not _BLISTERS.isdisjoint(hits):
        left += [p for p in word_positions(words, _BLISTERS & hits) if p and words[p - 1] == "blood"]
    if left:
        spans = _grow_left(spans, left)
    return spans


def _join_sides(words: list[str], spans: Spans, hits: set[str]) -> Spans:
    """"[shingles] on my left side": a problem span right before "on"/"down", an owner and the side, one span."""
    n = len(words)
    ends = {span[1]: k for k, span in enumerate(spans)}
    starts = {span[0] for span in spans}
    grown = {}
    for p in word_positions(words, _SIDES & hits):
        k = p - 1
        while k >= 0 and p - k <= 2 and words[k] in _SIDE_WHICH:  # "left", "lower left"
            k -= 1
        if k >= 1 and words[k] in _SIDE_OWNERS and words[k - 1] in _SIDE_PLACES:
            at = k - 1
        elif k < p - 1 and k >= 1 and words[k] in _BARE_SIDE_PLACES and _bare_side_joins(words, spans, ends.get(k), p):
            at = k
        else:
            continue
        i = ends.get(at)
        if i is None or spans[i][2] not in _PROBLEMS or any(q in starts for q in range(at, p + 1)) \
                or words[spans[i][0]] in _LOSS_OPENERS or "to" in words[spans[i][0]:at]:
            continue  # (an act that hurts, "[hurts to take a breath] on the left side", keeps where it hurts out)
        end = p + 1
        if end < n and words[end] == "of" and "family" in words[end + 1:end + 3]:
            continue  # "cancer on my side of the family": a lineage, no place on the body
        # "on the right side of my chest": the part the side is of goes with it (rule 5)
        if end + 2 < n and words[end] == "of" and words[end + 1] in _SIDE_OWNERS:
            part = next((s for s in spans if s[0] == end + 2 and s[2] == "ANATOMY"), None)
            if part is not None:
                end = part[1]
        if end == p + 1 and end < n and words[end] == "of":
            continue  # "lesion on the side of my shaft": the side of a part the lexicon does not know, left whole
        grown[i] = end
    return _with_new_ends(spans, grown)


def _join_spinal_levels(doc, words: list[str], spans: Spans) -> Spans:
    """"[slipped disc at L5-S1]": a disc problem right before "at" and a spinal level, one span."""
    n = len(words)
    ends = {span[1]: k for k, span in enumerate(spans)}
    grown = {}
    for p in word_positions(words, _AT):
        k = ends.get(p)
        if k is None or p + 1 >= n or spans[k][2] not in _PROBLEMS or words[p - 1] not in _SPINE_HEADS:
            continue
        level = _LEVEL.match(doc.text, doc[p + 1].idx)
        if level is None:
            continue
        joined = doc.char_span(doc[p + 1].idx, level.end())  # None when the level ends inside a token
        if joined is not None:
            grown[k] = joined.end
    return _with_new_ends(spans, grown)


def _bare_side_joins(words: list[str], spans: Spans, k: int | None, side: int) -> bool:
    """A side named without an article, as an asker writes it ("[pain in lower left side]", "[cramps on right side]"),
    joins a one-word complaint; one that names its part keeps the side outside ("[tooth pain] in lower left side"), and
    so does a posture ("[heartburn] on left side lying down": the trigger, rule 10)."""
    return k is not None and spans[k][1] - spans[k][0] == 1 \
        and (side + 1 >= len(words) or words[side + 1] not in _POSTURES)


_POSTURES = frozenset("lying laying lie lay sleeping sleep sitting".split())


def _with_new_ends(spans: Spans, grown: dict[int, int]) -> Spans:
    """``spans`` with span ``k`` ending at ``grown[k]``, without the spans it now covers (the part in "[shingles on
    the right side of my chest]")."""
    if not grown:
        return spans
    out, until = [], -1
    for k, span in enumerate(spans):
        if k in grown:
            span = (span[0], grown[k], span[2], span[3])
            until = span[1]
        elif span[0] < until:
            continue
        out.append(span)
    return out


def _join_ranges(words: list[str], spans: Spans) -> Spans:
    """"[pain from my right side down to my groin]": a SYMPTOM, the part it runs from (inside it already or right
    after it) and the part it runs to, one span; the parts were ANATOMY spans."""
    parts = {span[0]: span[1] for span in spans if span[2] == "ANATOMY"}
    n = len(words)
    grown = {}
    for k, (start, end, label, _concept) in enumerate(spans):
        if label != "SYMPTOM" or end >= n:
            continue
        at = end
        if words[at] == "from":
            at = _part_end(words, at + 1, parts)
            if at is None:
                continue
        elif "from" not in words[start:end]:
            continue
        while at < n and words[at] in _RANGE_WAYS:
            at += 1
        if at < n and words[at] in _RANGE_ENDS:
            last = _part_end(words, at + 1, parts)
            if last is not None:
                grown[k] = last
    return _with_new_ends(spans, grown)


def _part_end(words: list[str], at: int, parts: dict[int, int]) -> int | None:
    """The end of the body part named at ``at`` (after "my", "the"), or None."""
    if at < len(words) and words[at] in _RANGE_OWNERS:
        at += 1
    if at in parts:
        return parts[at]
    while at < len(words) and words[at] in _SIDE_WHICH:
        at += 1
    # the places that are no ANATOMY span of their own: "from my right side", "from my waist", "from head to toe"
    return at + 1 if at < len(words) and words[at] in _RANGE_PLACES else None


def _grow_left(spans: Spans, heads: list[int]) -> Spans:
    """A SYMPTOM starting at one of ``heads`` takes the word before it ("clear", "blood") when no span holds that."""
    heads = set(heads)
    covered = {q for s in spans for q in range(s[0], s[1])}
    out = []
    for span in spans:
        if span[0] in heads and span[2] == "SYMPTOM" and span[0] - 1 not in covered:
            span = (span[0] - 1,) + tuple(span[1:])
        out.append(span)
    return out
