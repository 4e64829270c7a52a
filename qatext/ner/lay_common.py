"""What the lay span rules share: their span helpers and the word classes several of them test.

Spans are sorted, non-overlapping ``(start, end, label, concept_id)`` token ranges (the contract of
:mod:`qatext.ner.span_rules`); ``words`` are the doc's lower-cased tokens.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import itemgetter
from typing import Callable

from qatext.ner.span_rules import BODY_COMPLAINT, Spans

Lookup = Callable[[str], "tuple[str, str, str] | None"]
CONCEPT = itemgetter(3)  # of a span, for C-speed scans: ``FLARE in map(CONCEPT, spans)``
LABEL = itemgetter(2)
# Forms of "be" before a cue or a state ("this label is hard to read", "is n't growing").
BE = frozenset({"is", "was", "are", "were", "'s", "be", "been"})
# What stands between listed mentions: "back, hip and knee pain", "my hands and my feet".
SEPARATORS = frozenset({",", "and", "or", "&", "/", "+"})
LIST_FILLERS = frozenset({"my", "both", "the", "his", "her", "their", "your"})
OBJECT_DETERMINERS = frozenset("a an the my his her their your any some".split())


# Words that end an object: pronouns, time and extent words, prepositions and conjunctions.
OBJECT_STOPS = frozenset(
    "it them him her me you us this that these those anymore again today tonight yesterday now well properly right "
    "much more enough either too very so at in on for with without from to of by after before during since until "
    "because when while and or but if as than like also even still just ever really".split())


def replace_covered(spans: Spans, added: Spans, keep_concepts: bool = False) -> Spans:
    """Add ``added`` spans, in their order; existing spans inside one are absorbed, ones that cross it win.

    With ``keep_concepts`` a new generic body-part complaint that takes in one specific SYMPTOM keeps its concept
    ("arms went [rigid]" stays rigidity). One pass over ``spans`` per call: the kept spans stay sorted and
    non-overlapping, so the ones a new span meets are found by bisection (linear in the doc, not spans x additions).
    """
    out = sorted(spans)
    starts = [s[0] for s in out]
    ends = [s[1] for s in out]
    if any(ends[k] > starts[k + 1] for k in range(len(out) - 1)):
        return _replace_covered_slow(out, added, keep_concepts)  # overlapping input: the plain scan
    for new in added:
        low = bisect_right(ends, new[0])  # the first span ending after the new one starts
        high = bisect_left(starts, new[1], low)  # past the last span starting before it ends
        inside = out[low:high]
        if any(not (new[0] <= s[0] and s[1] <= new[1]) for s in inside):
            continue
        if keep_concepts:
            new = _kept(new, inside)
        out[low:high] = [new]  # an empty slice (nothing inside) inserts it where it sorts
        starts[low:high] = [new[0]]
        ends[low:high] = [new[1]]
    return out


def _kept(new: tuple, inside: Spans) -> tuple:
    """A generic body-part complaint takes the concept of the one specific SYMPTOM it takes in."""
    if new[2] != "SYMPTOM" or new[3] != BODY_COMPLAINT:
        return new
    concepts = {s[3] for s in inside if s[2] == "SYMPTOM" and s[3] != BODY_COMPLAINT}
    return (new[0], new[1], new[2], concepts.pop()) if len(concepts) == 1 else new


def _replace_covered_slow(out: Spans, added: Spans, keep_concepts: bool) -> Spans:
    for new in added:
        crossing = [s for s in out if s[0] < new[1] and new[0] < s[1] and not (new[0] <= s[0] and s[1] <= new[1])]
        if crossing:
            continue
        if keep_concepts:
            new = _kept(new, [s for s in out if new[0] <= s[0] and s[1] <= new[1]])
        out = [s for s in out if not (new[0] <= s[0] and s[1] <= new[1])]
        out.append(new)
    return sorted(out)


# Words that cannot be the noun after an adjective or a determiner: punctuation, conjunctions, prepositions,
# time words ("miserable all day" is a person, "miserable weather" a thing).
NOT_NOUNS = frozenset(". , ! ? ; : and or but all with from since for because at in lately today now again "
                       "these this every most so as when after before by to of".split())


# What does not name the thing a body part feels like ("feel like there is sand", "feels like i am dying").
NOT_A_THING = frozenset("there i im i'm he she they we someone somebody something everything nothing my his her your "
                         "their its it's is are was were be been being am has have had will would can could do does "
                         "did".split()) | OBJECT_STOPS | NOT_NOUNS  # "arms felt like needles [are poking them]"
POSSESSIVES = frozenset("my his her their your our".split())
# The forms of "give": "gave me a heart attack" (a figure), "[voice gives out]" (a complaint)
GIVING = frozenset("gave give gives giving given".split())
# A relative clause says something of what came before it: "tastes like [soap] which is a crime" (round 39)
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "when", "where"})
# What ends a clause, so that a word after it opens the next one ("with lupus fatigue is common", ". my boss is ...").
CLAUSE_BREAKS = frozenset(". , ; : ! ? and but".split()) | {"\n"}
SENTENCE_ENDS = frozenset({".", "!", "?", "\n"})
# The verb of what the body brings up: "[bringing up yellow phlegm]", "[brings up] my dinner".
BRINGS = frozenset({"brings", "bringing", "brought", "bring"})

# The people who treat: "the dentist cant see anything", "doctor gave myoril" (lay_activity_objects, drug_frames).
CLINICIANS = frozenset("dentist doctor doc gp specialist consultant nurse surgeon psych psychiatrist therapist "
                       "physio".split())
