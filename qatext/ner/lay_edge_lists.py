"""Where a list of complaints ends (round 19d; GUIDELINES rules 5, 11).

A comma list of body parts that share one complaint ("[weakness in neck, arms, shoulders]") is one span, and so the
coordination rules join a body word after a comma to the complaint before it. In a list of side effects the word
after the comma is often the subject of the next complaint instead: "[dry mouth and lips], belly gripes after
breakfast", "[could not empty my bladder], sweat pouring off me at night". The part is then followed by its own
predicate, not by the end of the list: a word that goes on the clause ("gripes", "pouring") after a lone last
conjunct cuts the span back to the comma; a list that ends at a stop, a conjunction, a preposition or a time adverb
("..., shoulders for 3 weeks", "..., arms and legs") keeps its shared complaint.
"""
from __future__ import annotations

from qatext.ner.lay_common import NOT_A_THING
from qatext.ner.span_rules import DESCRIPTORS, SYMPTOM_PREDICATES, Spans

_PROBLEMS = frozenset({"SYMPTOM", "DISEASE"})
# Words after a list's last part that end the list or attach to the whole complaint, not start a new clause.
_LIST_ENDS = NOT_A_THING | frozenset(
    """and or but nor for since from at in on to into with without after before during when while until till as
    by of off over under around round through then too also especially mostly mainly both all every each most
    some sometimes often always now today tonight yesterday lately recently again daily still only just even
    are is was were be been being feel feels felt get gets got keep keeps kept have has had go goes went
    area areas region regions side sides joints joint muscles muscle skin""".split())


# (round 20a) Nouns a body word names the kind of, so that the body word before them is no conjunct of a complaint's
# place: "[scarring at the bottom of both lungs] and the chest doctor said", "... and the eye clinic", "... and my
# kidney function".
KIND_HEADS = frozenset("doctor doctors dr specialist specialists consultant consultants surgeon surgeons nurse nurses "
                       "clinic clinics team ward unit department dept physio "
                       # what is measured of a part: "[cysts on both kidneys], and my kidney function is normal"
                       "function functions tests results levels".split())
_CONJUNCTIONS = frozenset({"and", "or", "&"})
_LEADERS = frozenset("the a an my his her their your our".split())


def end_lists_at_new_subject(doc, words: list[str], spans: Spans, *, joined: dict) -> Spans:
    """``spans`` with a list's last lone body word cut off when the next word is that word's own predicate, or a noun
    it names the kind of ("the chest doctor"). ``joined`` holds the ends of the spans the coordination joined (only
    those are looked at)."""
    n = len(words)
    if not any(end < n and (words[end - 2] == "," or words[end] in KIND_HEADS or words[end] in _CONJUNCTIONS)
               for end in joined):
        return spans
    out = None
    for k, (start, end, label, concept) in enumerate(spans):
        if end in joined and label in _PROBLEMS and end < n and words[end] in _CONJUNCTIONS and k + 1 < len(spans) \
                and _part_predicate_at(words, spans[k + 1], end + 1):
            cut = _before_last_conjunct(words, start, end)
            if cut:  # "[zigzags at the corner of my eye] and my [lips and tongue have swollen up]" (round 34)
                if out is None:
                    out = list(spans)
                following = spans[k + 1]
                out[k] = (start, cut, label, concept)
                out[k + 1] = (end - 1, following[1], following[2], following[3])
            continue
        if end in joined and label in _PROBLEMS and end < n and words[end] in KIND_HEADS:
            cut = _before_last_conjunct(words, start, end)
            if cut:
                if out is None:
                    out = list(spans)
                out[k] = (start, cut, label, concept)
            continue
        if end not in joined or label not in _PROBLEMS or end - start < 4 or end >= n or words[end - 2] != ",":
            continue
        nxt = words[end]
        own_state = nxt in _PREDICATE_LINKS and end + 1 < n and (words[end + 1] in DESCRIPTORS or words[
            end + 1] in SYMPTOM_PREDICATES or words[end + 1] in _AIRWAY_STATES)
        if not own_state and (not nxt.isalpha() or nxt in _LIST_ENDS or nxt.endswith("ly")):
            continue  # (round 38) "itchy streaming eyes, [throat is scratchy]": the last part has its own state
        if not words[end - 1].isalpha() or words[end - 1] in NOT_A_THING:
            continue
        if out is None:
            out = list(spans)
        out[k] = (start, end - 2, label, concept)
    return spans if out is None else out


def _part_predicate_at(words: list[str], span, start: int) -> bool:
    """``span`` is a complaint that starts at ``start`` with a body part and its predicate ("tongue have swollen up"):
    a lone body word joined to it by "and" is its co-subject, not the place of the complaint before."""
    return span[0] == start and span[2] == "SYMPTOM" and not _PREDICATE_LINKS.isdisjoint(words[span[0] + 1:span[1]])


_PREDICATE_LINKS = frozenset("is are was were has have had feel feels felt look looks looked".split())
# States of a throat or nose outside the body-predicate lists: "throat is scratchy", "nose is stuffy"
_AIRWAY_STATES = frozenset("scratchy raw stuffy blocked runny tickly".split())


def _before_last_conjunct(words: list[str], start: int, end: int) -> int | None:
    """The end of the complaint before "and [the] <body word>" closing at ``end``, or None."""
    k = end - 2
    while k > start and words[k] in _LEADERS:
        k -= 1
    if k > start + 1 and words[k] in _CONJUNCTIONS and words[end - 1].isalpha():
        return k - 1 if words[k - 1] == "," else k  # ", and my kidney function": the comma is the list's
    return None
