"""What belongs to a lost function after its verb (GUIDELINES rules 16 and 10, round 19b).

A loss keeps the complement of the failed act in its SYMPTOM, the way patients join it: the direction of a movement
("[cant bend down]", "[cant lean forward]"), its manner ("[cant walk in a straight line]", "[cant throw overhead]"),
the place where the body's act fails ("[cant stand in the shower]", "[cant stay upright in the bath]"), what a lost
sense misses ("[cant smell the bleach]", "[cant taste my food]"), and a second ability under the same modal ("[cant
eat or drink]", "[cant wear a bra or lift my arms]"), and the most it still manages ("[cant walk more than a mile]",
"[cannot sit more than half hour]": section 6, batches 98-100). Time, extent and trigger stay outside (rule 10): "...
till the next day", "... any more", "... when i get up", "... without going faint".

The functions here are called by :func:`qatext.ner.lay_impairments.add_impairments` on a loss it found; they only
look a few words past its end.
"""
from __future__ import annotations

import re

from qatext.ner.lay_amounts import NUMBER_WORDS
from qatext.ner.lay_common import OBJECT_STOPS, POSSESSIVES

# Movements of the body that take a direction: "[cant bend down]", "[couldnt lean forward]", "[cant sit back]".
DIRECTED_MOVES = frozenset("bend lean crouch squat stoop kneel sit lie look turn reach move stand walk".split())
DIRECTIONS = frozenset("down over forward forwards backward backwards sideways".split())
# "back" is a direction only of the trunk's postures ("[cant sit back]", "[cant lean back]"); "cant look back", "cant
# turn back now", "cant walk back" are a past, a decision, a way home.
_BACK_MOVES = frozenset("bend lean sit lie".split())
# "cant look down at him", "cant sit down with them and talk": a direction followed by these is another verb or a
# social scene; "on" and "upon" are so only after "look" ("cant look down on people") or before a person ("cant
# stand over him"), not before a place ("[cant kneel down] on the floor").
_NOT_DIRECTED_AFTER = frozenset("at with".split())
_LOOKED_ON = frozenset({"on", "upon"})
_PERSONS = frozenset("people him her them me us you others anyone anybody someone somebody everyone everybody "
                     "myself".split())
# "cant sit back and watch him suffer", "cant sit back down": to stay idle, to sit again
_NOT_BACK_AFTER = frozenset("and & down up while".split())
# How the act fails: "[cant throw overhead]", "[cant reach overhead]", "[cant walk straight]".
MANNERS = frozenset({"overhead"})
# "[cant walk in a straight line]": the line the walk cannot keep.
_LINE_OPENERS = frozenset({"a", "one"})
# Where the body's act fails: the bathroom, a seat, a queue ("[cant stand in the shower]"). A place of daily life
# like "at work", "in the office" is the setting of the story, not of the body's act.
BODY_PLACES = frozenset("shower showers bath bathtub tub chair armchair toilet loo".split())
# Where standing is borne or not as company ("i cant stand in the queue at tesco, the people drive me mad"): a stand
# there is a dislike as often as the legs' failing, and no complement is drawn.
SOCIAL_PLACES = frozenset("queue queues line lines crowd crowds traffic".split())
_PLACE_OPENERS = frozenset("the a my his her their".split())
PLACED_MOVES = frozenset("stand sit walk lie kneel balance upright".split())  # "upright": "stay upright"
# Senses whose object is what they miss: "[cant smell the bleach]", "[cant taste my food]".
OBJECT_SENSES = frozenset({"smell", "taste"})
_SENSED_OPENERS = frozenset("the my a any his her their food".split())
# Words that end a sensed object ("the bleach im cleaning with"): pronouns, auxiliaries, prepositions, time and
# extent words ("the wine tonight", "the smoke today") and a possessive opening the next clause ("the coffee my
# husband makes").
_SENSED_STOPS = frozenset("i im i'm it its he she they we you me him her them and or but at in on for with to of "
                          "by from when if because since anymore any more now after before so lately tonight today "
                          "yesterday properly".split()) | OBJECT_STOPS | POSSESSIVES
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
    if end - j == 1 and verb in DIRECTED_MOVES and (after in DIRECTIONS or after == "back" and verb in _BACK_MOVES):
        following = words[end + 1] if end + 1 < n else ""
        if following in _NOT_DIRECTED_AFTER or following in _PERSONS or following in _LOOKED_ON and (
                verb == "look" or end + 2 < n and words[end + 2] in _PERSONS) \
                or after == "back" and following in _NOT_BACK_AFTER:
            return end
        end += 1  # "cant bend down", "cant sit back"
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


# The amount in "more than a few minutes", "more than half a plate", "more than 3 or 4 hours", "more than two fingers
# wide": number words, and the words that join or divide them.
_AMOUNT_WORDS = NUMBER_WORDS | frozenset("an half couple dozen hundred thousand of or to -".split())
_NUMBER = re.compile(r"\d[\d,./-]*")
# "more than 200m", "more than 2oz": a number and its unit in one token
_GLUED_AMOUNT = re.compile(r"\d[\d,.]*(?:m|km|ft|yds?|mins?|hrs?|oz|ml|kg|lbs?|k)")
_MEASURED = frozenset("wide long far high deep".split())
# Words that end an amount's noun or contents: "more than 4 then I wake up", "a cup of tea yesterday".
_NOUN_STOPS = _SENSED_STOPS | frozenset({"then"})
# What a held or lifted thing holds is part of it: "[couldn't hold a cup of tea]", "[cant lift a bag of frozen peas]".
CONTAINERS = frozenset("cup cups mug glass bottle bowl plate pan pot kettle jug bag bags bucket carton".split())


def limit_end(words: list[str], end: int) -> int:
    """The end of "more than" and an amount right after the lost function ending at ``end`` ("[cant walk more than
    200 metres]", "[can't read more than a page]"), or ``end``: without an amount and its noun ("more than once",
    "more than I used to") the comparison is no limit."""
    n = len(words)
    if words[end:end + 2] != ["more", "than"] or end + 2 >= n:
        return end
    k = end + 2
    if _GLUED_AMOUNT.fullmatch(words[k]):
        return k + 1
    while k < n and k < end + 7 and (words[k] in _AMOUNT_WORDS or _NUMBER.fullmatch(words[k])):
        k += 1
    if k == end + 2 or k >= n or not words[k].isalpha() or words[k] in _NOUN_STOPS:
        return end
    k = contents_end(words, k + 1)
    return k + 1 if k < n and words[k] in _MEASURED else k


def contents_end(words: list[str], end: int) -> int:
    """After a container ending at ``end``, the end of "of" and what it holds (one or two words), or ``end``."""
    n = len(words)
    if words[end - 1] not in CONTAINERS or end + 1 >= n or words[end] != "of":
        return end
    k = end + 1
    while k < n and k < end + 3 and words[k].isalpha() and words[k] not in _NOUN_STOPS:
        k += 1
    return k if k > end + 1 else end


def idle_back(words: list[str], j: int, end: int) -> bool:
    """ "cant sit back and watch him suffer": the lost function ``words[j:end]`` is an idiom of staying idle."""
    return end - j == 1 and words[j] in _BACK_MOVES and words[end:end + 1] == ["back"] \
        and words[end + 1:end + 2] in (["and"], ["&"])


def social_stand(words: list[str], j: int, end: int) -> bool:
    """ "cant stand in the queue": a stand where others are, borne or not (a dislike as often as a lost function)."""
    if words[j] != "stand" or end - j != 1 or words[end:end + 1] not in (["in"], ["at"]):
        return False
    k = end + 1
    if k < len(words) and words[k] in _PLACE_OPENERS:
        k += 1
    return k < len(words) and words[k] in SOCIAL_PLACES


# An instruction to fast: "cant eat or drink after 10pm before the op", "cant eat anything from midnight".
_FAST_TIMES = frozenset("midnight 6pm 7pm 8pm 9pm 10pm 11pm 12am 2am 6am".split())
_PROCEDURES = frozenset("op operation surgery procedure scan anaesthetic anesthetic general colonoscopy endoscopy "
                        "gastroscopy bloods test tests bronchoscopy sedation c-section section mri ct "
                        "ultrasound".split())


def fasting_order(words: list[str], end: int) -> bool:
    """Whether the lost intake ending at ``end`` is a fast before a procedure or from a set hour (a rule of care,
    not a complaint): "after 10pm", "from midnight", "before the op", "for 6 hours before my scan"."""
    tail = words[end:end + 7]
    for k, w in enumerate(tail):
        if w in (".", "!", "?", ";", "because", "but", "so", "as", "since"):
            return False
        nxt = tail[k + 1] if k + 1 < len(tail) else ""
        if w in ("after", "from", "past") and (nxt in _FAST_TIMES or nxt[:1].isdecimal()):
            return True
        if w == "before" and (nxt in _PROCEDURES or nxt in _PLACE_OPENERS and k + 2 < len(tail)
                              and tail[k + 2] in _PROCEDURES):
            return True
    return False


def sensed_object_end(words: list[str], end: int, entities: frozenset = frozenset()) -> int:
    """ "cant smell the bleach": a determiner and one or two nouns after a lost smell or taste, or ``end``; also
    ``end`` when the object is an entity of its own (``entities``: its token positions, "cant taste the [wine]"),
    which keeps its own span."""
    n = len(words)
    if end >= n or words[end] not in _SENSED_OPENERS:
        return end
    k = end + 1 if words[end] != "food" else end
    taken = 0
    while k < n and taken < 2 and words[k].isalpha() and words[k] not in _SENSED_STOPS:
        k += 1
        taken += 1
    if not taken or any(p in entities for p in range(end, k)):
        return end
    return k


def alternative_start(words: list[str], end: int, functions: dict) -> int:
    """The position of a second function after "or" ("cant eat [or drink]"), or 0 when none follows."""
    n = len(words)
    if end + 1 >= n or words[end] not in _ALTERNATIVES:
        return 0
    second = words[end + 1]
    if second in SECOND_ONLY and words[end - 1] in ("eat", "swallow", "chew"):
        return end + 1
    return end + 1 if (second,) in functions or tuple(words[end + 1:end + 3]) in functions else 0
