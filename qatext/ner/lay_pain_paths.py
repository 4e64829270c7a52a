"""A pain told with the way it goes: "[pain shooting down my right leg]", "[pain spreading to my shoulder blades]",
"[upper belly pain going through to my back]", "[pain going down left leg up to heel]".

GUIDELINES rule 5 keeps a directly attached place in the complaint's span and makes a part named in a clause of its
own ANATOMY. A participle right after the pain attaches its path to it, as most of the team gold and PsyTAR write it
("tingling sensations running down my arms and neck"); a finite verb opens a clause ("the pain goes up to my
[shoulder]"). The lexicon finds "pain" and "leg", and a body-part rule may read "shooting down my right leg" as a
complaint of its own; the pain with its path is one SYMPTOM with the pain's concept (round 38, from blind batches 58
and 59).
"""
from __future__ import annotations

from spacy.tokens import Doc

from qatext.ner.lay_common import replace_covered
from qatext.ner.span_rules import OWNERS, SIDE_WORDS, Spans, gate

# What hurts along a path, ending the complaint's span: a pain already placed ("[sharp pain in my right side] going
# down to my [groin]") or graded as an ache ("[dull ache] going up to [groin]") keeps its path out in the gold.
PAIN_HEADS = frozenset("pain pains cramps cramping burning tingling numbness".split())
# Participles only: "pain shooting down my leg" is attached to the pain; "the pain goes up to my shoulder" is a clause
# of its own, and the part it names stays ANATOMY (rule 5: "it goes up to my [right shoulder blade]"). Not the
# clinical "radiating": notes write "[epigastric pain] radiating to the [back]" (data/gold/clinical_negation.jsonl).
SPREAD_VERBS = frozenset("shooting going spreading travelling traveling moving running".split())
# ("from" only with where the pain goes after it: "[pain shooting from my buttock to my heel]", see _reach)
_DIRECTIONS = frozenset("down up into to through across along round around towards toward from".split())
# Between the direction and the part: "down [my right] leg", "to [the] left arm", "into [both] feet"
_PATH_ADVERBS = frozenset({"clear", "right", "straight", "all", "the", "way"})
_PART_FILLERS = OWNERS | SIDE_WORDS | frozenset({"both", "a"})
_MAX_FILLERS = 3
_PART_LINKS = frozenset({"of", "and", "&"})
WORDS = gate(SPREAD_VERBS)


def add_pain_paths(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """Each pain followed by where it goes, up to the body part it reaches (and a second reach: "... leg up to
    heel"), becomes one SYMPTOM; a lone direction without a part ("pain going away", "pain goes up and down") is
    left alone."""
    n = len(words)
    by_start = {span[0]: span for span in spans}
    added = []
    for start, end, label, concept in spans:
        if label != "SYMPTOM" or end >= n or words[end] not in SPREAD_VERBS or words[end - 1] not in PAIN_HEADS:
            continue
        reach = _reach(words, end, by_start)
        if reach is not None:
            added.append((start, reach, "SYMPTOM", concept))
    return replace_covered(spans, added) if added else spans


def _reach(words: list[str], verb: int, by_start: dict) -> int | None:
    """The end of the path that starts with the verb at ``verb``, or None when no body part ends it."""
    own = by_start.get(verb)
    if own is not None and own[2] == "SYMPTOM" and own[1] - own[0] >= 3:
        end = own[1]  # a rule read the path as a complaint of its own: "shooting down my right leg"
    else:
        end = _part_after(words, verb + 1, by_start)
        if end is None:
            return None
    second = _part_after(words, end, by_start)  # "down his left leg [to his foot]"
    if second is None and words[verb + 1] == "from":
        return None  # "pain shooting from my lower back": where it starts, the part stays ANATOMY (rule 5)
    return second if second is not None else end


def _part_after(words: list[str], k: int, by_start: dict) -> int | None:
    """After one or two directions ("down", "through to"), the end of the body part there and of the parts joined to
    it ("down the back [of the leg]", "to my left arm [and jaw]"), or None."""
    n, directions = len(words), 0
    adverbs = k
    while adverbs < n and adverbs - k < 3 and words[adverbs] in _PATH_ADVERBS:
        adverbs += 1  # "from my hip [clear] down to my heel", "[all the way] down to my toes"
    if adverbs < n and words[adverbs] in _DIRECTIONS:
        k = adverbs
    while k < n and words[k] in _DIRECTIONS and directions < 2:
        k += 1
        directions += 1
    end = _part_at(words, k, by_start) if directions else None
    while end is not None and end < n and words[end] in _PART_LINKS:
        more = _part_at(words, end + 1, by_start)
        if more is None:
            break
        end = more
    return end


def _part_at(words: list[str], k: int, by_start: dict) -> int | None:
    """The end of a body part at ``k`` after at most a few owner or side words ("[my left] arm"), or None."""
    for _ in range(_MAX_FILLERS + 1):
        part = by_start.get(k)
        if part is not None:
            return part[1] if part[2] == "ANATOMY" else None
        if k >= len(words) or words[k] not in _PART_FILLERS:
            return None
        k += 1
    return None
