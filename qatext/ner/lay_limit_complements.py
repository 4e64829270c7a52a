"""What belongs to a lost function after its verb (GUIDELINES rules 16 and 10, round 19b).

A loss keeps the complement of the failed act in its SYMPTOM, the way patients join it: the direction of a movement
("[cant bend down]", "[cant lean forward]"), its manner ("[cant walk in a straight line]", "[cant throw overhead]"),
the place where the body's act fails ("[cant stand in the shower]", "[cant stay upright in the bath]"), what a lost
sense misses ("[cant smell the bleach]", "[cant taste my food]"), and a second ability under the same modal ("[cant
eat or drink]", "[cant wear a bra or lift my arms]"). Time, extent and trigger stay outside (rule 10): "... till the
next day", "... any more", "... when i get up", "... without going faint".

The functions here are called by :func:`qatext.ner.lay_impairments.add_impairments` on a loss it found; they only
look a few words past its end.
"""
from __future__ import annotations

# Movements of the body that take a direction: "[cant bend down]", "[couldnt lean forward]", "[cant sit back]".
DIRECTED_MOVES = frozenset("bend lean crouch squat stoop kneel sit lie look turn reach move stand walk".split())
DIRECTIONS = frozenset("down over forward forwards backward backwards sideways".split())
# "cant look down on people", "cant stand over him", "cant sit down with them and talk": a direction followed by these
# is another verb or a social scene.
_NOT_DIRECTED_AFTER = frozenset("on at with upon".split())
# How the act fails: "[cant throw overhead]", "[cant reach overhead]", "[cant walk straight]".
MANNERS = frozenset({"overhead"})
# "[cant walk in a straight line]": the line the walk cannot keep.
_LINE_OPENERS = frozenset({"a", "one"})
# Where the body's act fails: the bathroom, a seat, a queue ("[cant stand in the shower]"). A place of daily life
# like "at work", "in the office" is the setting of the story, not of the body's act.
BODY_PLACES = frozenset("shower showers bath bathtub tub queue queues chair armchair toilet loo".split())
_PLACE_OPENERS = frozenset("the a my his her their".split())
PLACED_MOVES = frozenset("stand sit walk lie kneel balance upright".split())  # "upright": "stay upright"
# Senses whose object is what they miss: "[cant smell the bleach]", "[cant taste my food]".
OBJECT_SENSES = frozenset({"smell", "taste"})
_SENSED_OPENERS = frozenset("the my a any his her their food".split())
# Words that end a sensed object ("the bleach im cleaning with"): pronouns, auxiliaries, prepositions.
_SENSED_STOPS = frozenset("i im i'm it its he she they we you me him her them and or but at in on for with to of "
                          "by from when if because since anymore any more now after before so".split())
_ALTERNATIVES = frozenset({"or", "nor"})
# Intake verbs the table leaves out alone ("i cant drink alcohol on it" is a rule), a loss after "eat or":
# "[cant eat or drink]".
SECOND_ONLY = frozenset({"drink"})


def tail_end(words: list[str], j: int, end: int) -> int:
    """The end of the direction, manner or place that follows the lost function ``words[j:end]``, or ``end``."""
    n = len(words)
    if end >= n:
        return end
    verb, last, after = words[j], words[end - 1], words[end]
    if after in DIRECTIONS and end - j == 1 and verb in DIRECTED_MOVES:
        if end + 1 < n and words[end + 1] in _NOT_DIRECTED_AFTER:
            return end
        end += 1  # "cant bend down"
        after = words[end] if end < n else ""
    if after in MANNERS:
        return end + 1
    if after == "in" and end + 2 < n:
        k = end + 1
        if words[k] in _LINE_OPENERS:
            k += 1
            if k < n and words[k] == "straight":
                k += 1
            if k < n and words[k] == "line" and verb in ("walk", "move", "stand"):
                return k + 1  # "cant walk in a straight line"
            k = end + 1
        if last in PLACED_MOVES or verb in PLACED_MOVES:
            if words[k] in _PLACE_OPENERS:
                k += 1
            if k < n and words[k] in BODY_PLACES:
                return k + 1  # "cant stand in the shower"
    return end


def sensed_object_end(words: list[str], end: int) -> int:
    """ "cant smell the bleach": a determiner and one or two nouns after a lost smell or taste, or ``end``."""
    n = len(words)
    if end >= n or words[end] not in _SENSED_OPENERS:
        return end
    k = end + 1 if words[end] != "food" else end
    taken = 0
    while k < n and taken < 2 and words[k].isalpha() and words[k] not in _SENSED_STOPS:
        k += 1
        taken += 1
    if words[end] == "food":
        return k if taken else end
    return k if taken else end


def alternative_start(words: list[str], end: int, functions: dict) -> int:
    """The position of a second function after "or" ("cant eat [or drink]"), or 0 when none follows."""
    n = len(words)
    if end + 1 >= n or words[end] not in _ALTERNATIVES:
        return 0
    second = words[end + 1]
    if second in SECOND_ONLY and words[end - 1] in ("eat", "swallow", "chew"):
        return end + 1
    return end + 1 if (second,) in functions or tuple(words[end + 1:end + 3]) in functions else 0
