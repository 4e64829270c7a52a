"""A body part told by a likeness or by what fills it: "[heart feels like it's flip-flopping]", "[mouth tasting
like pennies]", "[tongue looks like a strawberry]", "[knee is the size of a melon]", "[mouth is drier than the
sahara]", "[tonsils are full of holes]", "[arms are covered in bites]".

Patients describe how a body part feels, looks or tastes by comparing it with something; the body part with its
comparison is one SYMPTOM like a body part with its predicate (GUIDELINES rule 6, section 6: "vomit that looks like
coffee grounds"). The plain predicates ("knee is swollen") are span_rules.add_body_predicates; these are the
predicates that take a whole phrase after them, which ends where the clause does.
"""
from __future__ import annotations

import re

from qatext.ner.lay_common import RELATIVE_PRONOUNS
from qatext.ner.lay_body_moves import PALPITATION
from qatext.ner.lay_said_complaints import LIMB_WEIGHTS
from qatext.ner.span_rules import BODY_COMPLAINT, LOCATED_COMPLAINTS, Spans, covered_tokens, gate, gate_hits

# "feels like", "looked like", "tasting like": a sense verb and "like" after a body part
SENSE_VERBS = frozenset("feel feels felt feeling look looks looked looking taste tastes tasted tasting smell smells "
                        "smelled smelt smelling sound sounds sounded".split())
_LOOK_VERBS = frozenset("look looks looked looking".split())
# Comparatives of body predicates, before "than": "drier than the sahara", "redder than a tomato"
COMPARATIVES = frozenset("drier dryer redder puffier itchier hotter colder stiffer tighter sorer swollener "
                         "heavier weaker".split())
_BE = frozenset("is are was were been be has have had got gets get getting".split())
_DEGREES = frozenset("so really very all super way literally completely totally kinda".split())
# What fills or covers a body part: "full of holes", "covered in spots", "covered with little bumps"
FILLINGS = LOCATED_COMPLAINTS | frozenset("holes pus pimples zits hives welts bites blisters scabs sores bruises "
                                          "boils lumps bumps spots dots marks fluid flakes".split())
_FILL_WORDS = {"full": frozenset({"of"}), "covered": frozenset({"in", "with"})}
# A likeness ends with its clause: at punctuation, a conjunction or a new subject's clause word.
LIKENESS_ENDS = frozenset("and but so or when because since after before while until if then cause cuz though "
                         "although whenever "
                         # timing stays outside (GUIDELINES rule 10): "tasting like metal [all day]", "every morning"
                         "every everyday today tonight yesterday lately recently now for during again too".split()) \
    | RELATIVE_PRONOUNS  # "[tongue looks like a strawberry] which the doctor noticed" (round 39)
_TIMES = frozenset("day night week morning evening time long".split())
# "my knee feels like new", "looks like it's healing": a comparison that reports no complaint.
# "eyes feel like there is sand in them": a foreign body felt is add_feel_like's, not a likeness of the part.
_NO_COMPLAINT = frozenset("new normal nothing itself before mine yours his hers healing better fine okay ok there theres "
                          "there's".split())
# "looks like" of a body part takes a thing ("a strawberry"); "looks like it's healing", "looks like my mom's" are
# someone's judgement or a likeness to a person, not a finding.
_NOT_A_THING = frozenset("it it's its i i'm im my me she he they we you her his their our your someone".split())
_MAX_LIKENESS = 7
_OWNERS = frozenset("my his her their your our the both a".split())  # "woke up with a mouth like sandpaper"
# "like" before these is a hedge, an intensifier or a habit: "my back like always", "hurts like crazy", "skin like that"
_NOT_LIKENESS = frozenset("always usual crazy hell mad this that these those what when how so really literally totally "
                          "the to and or but".split())

# Without a sense verb, "mouth like sandpaper" is a likeness only to a material a part can feel like: "looked at my
# mouth like a dentist would", "i want my hair like jennifer aniston" compare no feeling.
LIKENESS_MATERIALS = frozenset("sandpaper cardboard glass ice fire leather rubber jelly lead stone stones rock rocks "
                               "concrete cotton wool sand gravel needles pins knives razors razor blades brick bricks "
                               "wood plastic paper velcro ashtray desert "
                               # swelling told by its shape: "[ankles are like balloons]", "[fingers like sausages]"
                               "balloons balloon sausages sausage".split())
# A part that moves like something: "[heart is going like a hummingbird]", "[stomach churning like a washing machine]"
# ("like crazy", "like hell" are intensifiers: _NOT_LIKENESS; "[heart is racing] like crazy")
MOTION_VERBS = frozenset("going beating pounding racing thumping hammering fluttering flipping spinning churning "
                         "banging".split())
_TALKING_PARTS = frozenset("mouth tongue gob".split())  # "his mouth was going like a machine gun": talk, no complaint
_PEOPLE_LIKENESSES = frozenset("kid kids child children man woman baby toddler teenager person lunatic maniac".split())
# A heart or chest that goes, beats or pounds like something is felt palpitations, as the lexicon's "heart pounding".
_PALPITATING_PARTS = frozenset({"heart", "chest"})
_LIMB_WEIGHT_SET = frozenset(LIMB_WEIGHTS)
# What a part feels full of ("[throat full of razor blades]", "[head full of cotton wool]"); a hand full of glass or
# rocks holds them, so parts that hold things take no such filling (_HOLDERS).
FELT_FILLINGS = frozenset("glass razor razors blades needles pins knives sandpaper gravel sand cotton wool cement "
                          "concrete".split())
_HOLDERS = frozenset("hand hands arm arms lap palm palms fist fists pocket pockets".split())
# (the materials, not "like", open the gate: "like" is in most docs)
GATE = gate(SENSE_VERBS | COMPARATIVES | {"size"} | _FILL_WORDS.keys() | LIKENESS_MATERIALS | MOTION_VERBS)


CLOCK = re.compile(r"\d{1,2}(?::\d\d)?(?:am|pm)$")  # "5pm", "10:30am"
_CLOCK_TIMES = frozenset("night midnight bedtime dawn noon lunchtime dinnertime teatime weekends evening morning "
                          "afternoon".split())
_TIME_OF_DAY_DEGREES = frozenset({"mid", "late", "early"})  # "by mid afternoon", "by late evening"
# "by 3pm" is split "3" "pm", "by 9:30" is one token; "hit by 10 trucks" is no time
_CLOCK_SUFFIXES = (["pm"], ["am"], ["o'clock"], ["oclock"])
_CLOCK_READING = re.compile(r"\d{1,2}:\d\d$")
_LATER_TIMES = frozenset({"till", "til", "until"})  # "[brain feels like soup] till about sunday night"


def time_starts(words: list[str], k: int) -> bool:
    """Whether a time starts at ``k``, after a likeness ("feels like glass"): "at 3am", "by teatime", "by 3pm",
    "first thing", "till sunday". Times stay outside the complaint (GUIDELINES rule 10)."""
    n = len(words)
    word = words[k]
    if word in _LATER_TIMES:
        return True
    if k + 1 >= n:
        return False
    following = words[k + 1]
    if word == "at" and following[:1].isdecimal() or word == "first" and following == "thing":
        return True
    if word != "by" and word != "at":
        return False
    return following in _CLOCK_TIMES or following in _TIME_OF_DAY_DEGREES or bool(CLOCK.match(following)) \
        or bool(_CLOCK_READING.match(following)) \
        or following[:1].isdecimal() and words[k + 2:k + 3] in _CLOCK_SUFFIXES


def _clause_end(words: list[str], k: int, ends: dict[int, int]) -> int:
    """The end of the phrase starting at ``k``: before punctuation, a conjunction or a time. A mention inside it (not
    first: that is a complaint named, see _likeness_end) is part of the thing compared with and is taken in whole
    (GUIDELINES section 6, "vomit that looks like coffee grounds")."""
    n = len(words)
    end = k
    while end < n and end - k < _MAX_LIKENESS and words[end] not in LIKENESS_ENDS:
        word = words[end]
        if not (word[0].isalnum() or word == "-" or word.startswith("'")):
            break
        if word == "all" and (end + 1 < n and words[end + 1] in _TIMES
                              or end + 2 < n and words[end + 1] == "the" and words[end + 2] in _TIMES):
            break  # "all day", "all the time"
        if time_starts(words, end):
            break
        end = ends.get(end, end + 1)
    return end


def _likeness_end(words: list[str], i: int, ends: dict[int, int], linked: bool, named: set[int]) -> int | None:
    """The end of a likeness starting at ``i`` (right after a body part and its links), or None."""
    n = len(words)
    word = words[i]
    if word in SENSE_VERBS and i + 2 < n and words[i + 1] == "like":
        first = words[i + 2]
        if first in _NO_COMPLAINT or word in _LOOK_VERBS and first in _NOT_A_THING or i + 2 in named \
                or first in ("a", "an") and i + 3 in named:
            # "leg looks like [ringworm]": a diagnosis guessed; "foot felt like [pins and needles]": the simile of a
            # complaint named, which stays alone (lay_rules.add_feel_like)
            return None
        end = _clause_end(words, i + 2, ends)
        return end if end > i + 2 else None
    if word in MOTION_VERBS and i + 2 < n and words[i + 1] == "like":
        k = i + 3 if words[i + 2] in ("a", "an") else i + 2
        if k >= n or not words[k].isalpha() or words[k] in _NOT_LIKENESS or words[k] in _NOT_A_THING or k in named \
                or words[k] in _PEOPLE_LIKENESSES:
            return None
        end = _clause_end(words, k, ends)
        return end if 0 < end - k <= 3 else None
    # "mouth like sandpaper", "eyes are like sandpaper": the likeness without its sense verb, told of a thing
    if word == "like" and i + 1 < n:
        k = i + 2 if words[i + 1] in ("a", "an") else i + 1
        if k >= n or not words[k].isalpha() or words[k] in _NO_COMPLAINT or words[k] in _NOT_A_THING \
                or words[k] in _NOT_LIKENESS or k in named:
            return None
        if words[k] not in LIKENESS_MATERIALS and not (k + 1 < n and words[k + 1] in LIKENESS_MATERIALS):
            return None  # "my mouth like a dentist would": a likeness to no material ("broken glass" is one)
        end = _clause_end(words, k, ends)
        return end if 0 < end - k <= 3 else None
    # "knee is the size of a melon" (with its verb: "kidney the size of the stone" is the stone's size)
    if word == "the" and linked and tuple(words[i + 1:i + 3]) == ("size", "of") and i + 3 < n:
        end = _clause_end(words, i + 3, ends)
        return end if end > i + 3 else None
    if word in COMPARATIVES and i + 2 < n and words[i + 1] == "than":
        end = _clause_end(words, i + 2, ends)
        return end if end > i + 2 else None
    if word in _FILL_WORDS and i + 2 < n and words[i + 1] in _FILL_WORDS[word]:
        # "[throat full of razor blades]": full of what it feels like, too
        fillings = FILLINGS | FELT_FILLINGS if word == "full" else FILLINGS
        k = i + 2
        while k < n and k - i < 5 and words[k] not in fillings and words[k].isalpha() and words[k] not in LIKENESS_ENDS:
            k += 1  # "covered in [little red] bumps"
        if k >= n or words[k] not in fillings:
            return None
        while k + 1 < n and words[k + 1] in fillings:
            k += 1
        return k + 1
    return None


def _shares_likeness(words: list[str], spans: Spans, k: int, found: Spans) -> bool:
    """The body part of ``spans[k]`` is the second of two joined by "and" after an owner ("my hands and feet"), and the
    first is in no likeness found already ("my mouth tastes like a foot and hands are ...")."""
    start = spans[k][0]
    if not k or start < 3 or words[start - 1] != "and":
        return False
    first = spans[k - 1]
    return first[2] == "ANATOMY" and first[1] == start - 1 and first[0] >= 1 and words[first[0] - 1] in _OWNERS \
        and not (found and found[-1][1] > first[0])


def add_body_likenesses(doc, words: list[str], spans: Spans) -> Spans:
    if GATE.isdisjoint(gate_hits(words)):
        return spans
    n = len(words)
    found = []
    taken = ends = named = None
    for k, (start, end, label, _concept) in enumerate(spans):
        if label != "ANATOMY" or end >= n:
            continue
        i = end
        while i < n and i - end < 3 and (words[i] in _BE or words[i] in _DEGREES):
            i += 1
        if i >= n or not (words[i] in GATE or words[i] in ("the", "like")):
            continue
        part = words[end - 1]
        if words[i] in MOTION_VERBS and part in _TALKING_PARTS or words[i] == "full" and part in _HOLDERS:
            continue
        if taken is None:
            taken = covered_tokens(spans)
        if taken.intersection(range(end, i + 1)):
            continue
        if ends is None:  # (the spans are sorted: a later span's start is the only one the likeness can reach)
            ends = {s[0]: s[1] for s in spans}
            named = {s[0] for s in spans if s[2] in ("DISEASE", "SYMPTOM")}
        likeness_end = _likeness_end(words, i, ends, i > end, named)
        if likeness_end is not None and _shares_likeness(words, spans, k, found) \
                and not _LIMB_WEIGHT_SET.intersection(words[i:likeness_end]):
            # "[hands and feet are like ice]": the parts share the likeness (rule 11); a limb like jelly or lead is the
            # muscle weakness lay_said_complaints names
            start = spans[k - 1][0]
        if likeness_end is not None and words[i] == "like" and (start == 0 or words[start - 1] not in _OWNERS):
            continue  # "i sweat like a pig": without its owner the body word is a verb, the likeness an intensifier
        if likeness_end is not None:
            palpitating = words[i] in MOTION_VERBS and part in _PALPITATING_PARTS
            found.append((start, likeness_end, "SYMPTOM", PALPITATION if palpitating else BODY_COMPLAINT))
    if not found:
        return spans
    # the body part's own span gives way to its complaint, and so does what it is covered in ("[little red bumps]")
    # or compared with
    inside = covered_tokens(found)
    return sorted([s for s in spans if inside.isdisjoint(range(s[0], s[1]))] + found)
