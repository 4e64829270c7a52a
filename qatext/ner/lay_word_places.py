"""Medical words that name a place or a service, not the writer's complaint (GUIDELINES rules 14 and 17).

"the [pain] clinic wants me to taper", "the liver clinic", "the stroke unit", "the x-ray department", "x-ray at
[minor injuries] was clear", "a nurse in a GP [surgery]": the word is the name of where care happens or who gives it; the gold annotates none
of them. The complaint itself stays: "pain in my clinic days" has no service noun right after the word, "pain
clinic" does. A medicine stays too ("the allergy medicine nurse said"), unless it is a field of medicine named
before its service ("the [pain medicine] clinic", "a sleep medicine consultant").
"""
from __future__ import annotations

from qatext.ner.span_rules import Spans

# Services named after what they treat: a span right before one of these is the service's name.
SERVICES = frozenset("clinic clinics unit ward team service services nurse nurses consultant specialist "
                     "department dept centre center".split())
# The UK's walk-in units for small injuries, named as a place: "at minor injuries", "went to minor injuries".
_PLACE_BEFORE = frozenset("at to from in the".split())
# A British family doctor's practice: "a nurse in a GP surgery", "rang the GP surgery" (no operation).
_PRACTICE_OWNERS = frozenset("gp gps gp's".split())  # "my doctors surgery is on tuesday" is an operation in US use
WORDS = SERVICES | {"injuries", "surgery"}


def drop_places(doc, words: list[str], spans: Spans) -> Spans:
    """``spans`` without the names of services and places ("the pain clinic", "at minor injuries")."""
    n = len(words)
    out = []
    for span in spans:
        start, end, label = span[0], span[1], span[2]
        after = words[end] if end < n else ""
        if after in SERVICES and (label != "DRUG" or words[end - 1] == "medicine"):
            continue
        if words[start:end] == ["surgery"] and start and words[start - 1] in _PRACTICE_OWNERS:
            continue
        if words[start:end] == ["minor", "injuries"] and (start and words[start - 1] in _PLACE_BEFORE
                                                          or after == "unit"):
            continue
        out.append(span)
    return out
