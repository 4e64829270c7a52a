"""How far a lost function reaches (GUIDELINES rule 16), past the function word the table knows.

:func:`qatext.ner.lay_rules.add_impairments` finds "can't smell", "hurts to sit", "can't stand"; patients
go on with what belongs to the loss: the total object ("can't smell [anything]"), the body they cannot
move ("can't turn [himself]"), the posture the function needs ("can't lie [on my left side]", "can't
stand [on tiptoe]"), a second function under the same modal ("hurts to sit [or walk]"). Extent, time
and trigger stay outside ("... at night", "... by myself", "... to the mailbox").

:func:`add_stuck_body_parts` finds the body part that will not do its job: "[mouth wont open]",
"[jaw won't close]" (a verbal symptom, GUIDELINES rule 6).
"""
from __future__ import annotations

from qatext.ner import span_rules
from qatext.ner.span_rules import Spans, gate, gate_hits

# The total object of a lost sense or intake: "can't taste anything" (not "focus [on anything]": drug reviews'
# annotators leave the prepositional object out).
TOTAL_OBJECTS = frozenset({"anything", "a thing"})
# Functions whose reflexive object is the person's own body: "can't turn himself", "can't dress myself".
REFLEXIVES = frozenset("myself himself herself themselves yourself ourselves".split())
REFLEXIVE_FUNCTIONS = frozenset("turn move dress feed wash lift support hold stop".split())
# Functions that take a posture: "can't lie on my left side", "can't stand on tiptoe", "can't sleep on my back".
POSTURE_FUNCTIONS = frozenset("lie sleep stand walk roll sit kneel".split())
POSTURES = span_rules._POSTURES | {"toilet", "loo"}  # one list for both rules, and the seat: "couldnt sit on the toilet"
_POSTURE_FILLERS = frozenset("my his her their your either left right one that this the both".split())
# Turning over where one lies: "can't roll over in bed" (the bed is where the function is, not a trigger).
_IN_BED_FUNCTIONS = frozenset({"over", "up"})
# Functions of a body part that "it"/"them" can stand for once the body part was named: "can't straighten it".
BODY_PRONOUN_FUNCTIONS = frozenset("straighten bend move lift raise flex rotate feel".split())
_BODY_PRONOUNS = frozenset({"it", "them"})
# Particle verbs whose object belongs to the loss: "can't do up buttons", "couldn't pick up a cup".
OBJECT_PARTICLE_FUNCTIONS = frozenset({("do", "up")})
# Functions that name a loss only with their complement: "can't lie on my side" (but "can't lie, it works").
NEEDS_COMPLEMENT = frozenset({"lie", "reach"})
# Where a reach goes: "can't reach behind my back", "can't reach above my head" ("can't reach the doctor" is another verb).
REACH_PLACES = frozenset("back head shoulder shoulders feet toes floor neck".split())
_REACH_PREPOSITIONS = frozenset({"behind", "above", "over", "down", "up"})
# Movements of the body's weight that one complaint limits together: "can't squat or kneel", "can't bend or crouch"
# (after a modal other functions stay apart: "can't sleep or wake up").
MOVEMENTS = frozenset("squat kneel bend crouch stoop sit stand walk hop climb".split())
_ALTERNATIVES = frozenset({"or", "nor"})


def complement_end(words: list[str], j: int, end: int, spans: Spans) -> int:
    """The end of a lost function found at ``words[j:end]`` with the complement patients join to it."""
    n = len(words)
    verb = words[j]
    if end >= n:
        return end
    after = words[end]
    if after in TOTAL_OBJECTS:
        return end + 1
    if after in REFLEXIVES and verb in REFLEXIVE_FUNCTIONS:
        return end + 1
    if after == "on" and verb in POSTURE_FUNCTIONS:
        k = end + 1
        while k < n and k - end <= 3 and words[k] in _POSTURE_FILLERS:
            k += 1
        if k < n and words[k] in POSTURES:
            return k + 1
    if verb == "reach" and after in _REACH_PREPOSITIONS:
        k = end + 1
        while k < n and k - end <= 3 and words[k] in _POSTURE_FILLERS:
            k += 1
        if k < n and words[k] in REACH_PLACES:
            return k + 1
    if after == "in" and words[end - 1] in _IN_BED_FUNCTIONS and end + 1 < n and words[end + 1] == "bed":
        return end + 2
    if after in _BODY_PRONOUNS and verb in BODY_PRONOUN_FUNCTIONS and end - j == 1 and _body_named_before(spans, j):
        return end + 1
    return end


def _body_named_before(spans: Spans, j: int) -> bool:
    """A body part (or a complaint of one) named in the 20 tokens before ``j``, which "it" can stand for."""
    return any(s[1] <= j and j - s[1] <= 20 and s[2] in ("ANATOMY", "SYMPTOM", "DISEASE") for s in spans)


def alternative_end(words: list[str], cue: tuple[str, ...], end: int, functions: dict, longest: int) -> int:
    """ "hurts to sit [or walk]": a second function that the same pain limits joins the span (the pain is the one
    complaint, GUIDELINES rule 11). After a modal each function is a loss of its own, as drug-review annotators
    draw them: "[can't sleep] or wake up", "[could not move] or speak"; but two movements of the body's weight are
    one limit: "[can't squat or kneel]"."""
    n = len(words)
    if end + 1 >= n or words[end] not in _ALTERNATIVES:
        return end
    movement = words[end - 1] in MOVEMENTS and words[end + 1] in MOVEMENTS
    if cue != ("hurts", "to") and not movement:
        return end
    j = end + 1
    for size in range(min(longest, n - j), 0, -1):
        if tuple(words[j:j + size]) in functions:
            return j + size
    return end


def particle_object_end(words: list[str], j: int, end: int) -> int:
    """ "can't do up buttons": a particle verb without its object names no loss, with it one."""
    n = len(words)
    if end - j != 2 or tuple(words[j:end]) not in OBJECT_PARTICLE_FUNCTIONS:
        return end
    k = end
    if k < n and words[k] in ("a", "an", "the", "my", "his", "her", "their", "your", "any"):
        k += 1
    if k < n and words[k].isalpha() and words[k] not in _NOT_OBJECTS:
        return k + 1
    return end


_NOT_OBJECTS = frozenset("it them at in on for with to of by and or but so because when if".split())

# A body part that will not do its job: "my mouth wont open", "her jaw won't close", "my eye wont stay open".
STUCK_MODALS = (("wo", "n't"), ("wo", "nt"), ("wont",), ("will", "not"), ("does", "n't"), ("does", "nt"),
                ("doesnt",), ("ca", "n't"), ("ca", "nt"), ("cant",))
STUCK_MOVES = frozenset("open close shut bend straighten move".split())
_STUCK_GATE = gate(STUCK_MOVES)


def add_stuck_body_parts(doc, words: list[str], spans: Spans) -> Spans:
    """"mouth wont open": a body part with a modal and a movement it cannot make is one SYMPTOM (rule 6)."""
    if _STUCK_GATE.isdisjoint(gate_hits(words)):
        return spans
    n = len(words)
    starts = {s[0] for s in spans}
    out = list(spans)
    changed = False
    for k, (start, end, label, concept) in enumerate(spans):
        if label != "ANATOMY":
            continue
        modal = next((m for m in STUCK_MODALS if tuple(words[end:end + len(m)]) == m), None)
        if modal is None:
            continue
        i = end + len(modal)
        if i < n and words[i] in ("even", "fully", "properly"):
            i += 1
        if i < n and words[i] in STUCK_MOVES and i not in starts:
            stop = i + 1 + (i + 1 < n and words[i + 1] in ("properly", "normally"))  # the manner, as "can't pee properly"
            out[k] = (start, stop, "SYMPTOM", "QATEXT:symptom/body-part-complaint")
            changed = True
    return out if changed else spans
