"""Medical words that name a place or a service, not the writer's complaint (GUIDELINES rules 14 and 17).

"the [pain] clinic wants me to taper", "the liver clinic", "the stroke unit", "the x-ray department", "x-ray at
[minor injuries] was clear", "a nurse in a GP [surgery]": the word is the name of where care happens or who gives it; the gold annotates none
of them. The complaint itself stays: "pain in my clinic days" has no service noun right after the word, "pain
clinic" does. A medicine stays too ("the allergy medicine nurse said"), unless it is a field of medicine named
before its service ("the [pain medicine] clinic", "a sleep medicine consultant").
"""
from __future__ import annotations

from qatext.ner.span_rules import Spans, is_mark

# Services named after what they treat: a span right before one of these is the service's name.
SERVICES = frozenset("clinic clinics unit ward team service services nurse nurses consultant specialist "
                     "department dept centre center".split())
# The UK's walk-in units for small injuries, named as a place: "at minor injuries", "went to minor injuries".
_PLACE_BEFORE = frozenset("at to from in the".split())
# A British family doctor's practice: "a nurse in a GP surgery", "rang the GP surgery" (no operation).
_PRACTICE_OWNERS = frozenset("gp gps gp's".split())  # "my doctors surgery is on tuesday" is an operation in US use
# A practice contacted ("rang the surgery", "couldn't get through to the surgery"): an operation is not phoned. The
# verb stands right before "the"/"my" ("called about my surgery" is the operation).
_CONTACT_VERBS = frozenset("rang ring rings ringing called call calls calling phoned phone phoning".split())
# A doctor named by what they treat, after an owner or where a sentence opens: "a new [pain] doc", "my sleep doctor"
# ("i have a middle ear infection doctor ..." in a question addressed to one stays).
_DOCTORS = frozenset("doc docs doctor doctors".split())
_DOCTOR_OWNERS = frozenset("my his her their our your new".split())
# Opening a sentence, the doctor needs an act of theirs after it: "pain doc is tapering me", "Pain doctor said no"
# ("Nausea docs please help", "Headaches doc?" ask doctors about the complaint).
_DOCTOR_ACTS = frozenset("is was has had wants wanted said says told tells thinks thought put puts upped gave gives "
                         "prescribed prescribes suggested suggests recommended recommends referred refers "
                         "ordered orders started starts switched reduced increased agreed".split())
# A field a patient is sent to: "referred us to [allergy]", "sent me to neurology": the service, no complaint.
_REFERRALS = frozenset("referred refer refers referral sent".split())
_REFERRED_PEOPLE = frozenset("me us him her them".split())
# A forum thread named for a condition: "replying to the [IBS] thread", "the glue ear post -".
_THREADS = frozenset("thread threads forum forums subreddit group groups board".split())
WORDS = SERVICES | _DOCTORS | _REFERRALS | _THREADS | {"injuries", "surgery", "post"}


def drop_places(doc, words: list[str], spans: Spans) -> Spans:
    """``spans`` without the names of services and places ("the pain clinic", "at minor injuries")."""
    n = len(words)
    out = []
    for span in spans:
        start, end, label = span[0], span[1], span[2]
        after = words[end] if end < n else ""
        if after in SERVICES and (label != "DRUG" or words[end - 1] == "medicine"):
            continue
        if label in ("SYMPTOM", "DISEASE") and start and words[start - 1] == "the" and (
                after in _THREADS or after == "post" and (end + 1 >= n or not words[end + 1].isalnum())):
            continue  # "replying to the IBS thread", "the glue ear post -" ("the pain post surgery" stays)
        if after in _DOCTORS and label in ("SYMPTOM", "DISEASE") and end - start == 1 and (
                start and words[start - 1] in _DOCTOR_OWNERS
                or (not start or is_mark(words[start - 1])) and end + 1 < n and words[end + 1] in _DOCTOR_ACTS):
            continue
        if end - start == 1 and label in ("SYMPTOM", "DISEASE") and _referred_to(words, start) \
                and (end == n or not words[end].isalpha() or words[end] in ("and", "or")):
            continue
        if words[start:end] == ["surgery"] and start and (
                words[start - 1] in _PRACTICE_OWNERS or after in ("receptionist", "receptionists")
                or words[start - 1] in ("the", "my") and start >= 2 and (
                    words[start - 2] in _CONTACT_VERBS or words[start - 3:start - 1] == ["through", "to"])):
            continue
        if words[start:end] == ["minor", "injuries"] and (start and words[start - 1] in _PLACE_BEFORE
                                                          or after == "unit"):
            continue
        out.append(span)
    return out


def _referred_to(words: list[str], start: int) -> bool:
    """Whether "referred (me) to" or "a referral to" stands right before ``start``."""
    if start < 2 or words[start - 1] != "to":
        return False
    before = start - 2
    if words[before] in _REFERRED_PEOPLE and before >= 1:
        before -= 1
    return words[before] in _REFERRALS
