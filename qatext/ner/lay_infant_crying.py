"""A baby's or a small child's screaming and crying told as what the child does (round 50, issue 11; GUIDELINES
rules 6 and 10): "my 9 week old [SCREAMS] after every feed", "he arches his back and [screams] during feeds", "she
[cries when she poos]", "he [screams on the potty]".

In a parent's post about a baby's feeds, reflux, colic or a toddler's poos, the crying is the complaint the parent
brings; the gold has 36 such spans, of which the rules before found 2. The verb is the span, with the voiding that
hurts ("[cries when she pees]", as "[pain when i poo]") or the potty it happens on. Not a cry that is a trigger or a
time ("noisy breathing when she cries"), a cry with an object or an aim ("screams the house down", "cries about the
hair"), nor outside a child's story ("my dexcom screamed at 3am", "i cried in the car").
"""
from __future__ import annotations

from qatext.ner.span_rules import Spans, covered_tokens, gate, gate_hits, word_positions

CRYING = "QATEXT:symptom/crying"

CRY_VERBS = frozenset({"screams", "screamed", "cries"})
WORDS = gate(CRY_VERBS)
# The child's story within reach: an age in weeks or months, the words of feeds, colic, nappies and potties.
_CHILD_CUES = frozenset("week weeks month months newborn baby babies infant lo ds dd toddler feed feeds feeding bottle "
                        "bottles colic colicky reflux nappy nappies diaper diapers potty formula breastfed "
                        "breastfeeding hv pediatrician paediatrician".split())
# Who cries, right before the verb: the child by a pronoun or a noun, "and" in a list of what the child does ("arches
# his back and [screams]"), or the age itself ("my 9 week old [SCREAMS]").
_CRIERS = frozenset("he she baby son daughter lo ds dd and old".split())
# What a cry that is the complaint may be followed by: a time, a feed, a place, a voiding, the end of its clause.
_AFTER_A_CRY = frozenset("after during mid for most all every through when on in with if until till and , . ! ? ; - "
                         "nonstop constantly".split()) | {""}
# A cry that is a trigger or a time of something else: "noisy breathing [when she cries]"
_SUBORDINATORS = frozenset("when whenever if as until till while".split())
_VOIDINGS = frozenset("poos pees wees poops pooping peeing weeing".split())
_POTTIES = frozenset({"potty", "toilet", "loo"})


def add_infant_crying(words: list[str], spans: Spans) -> Spans:
    """``spans`` with a small child's screaming or crying (the module doc); called when a cry verb is in the doc."""
    found = CRY_VERBS.intersection(gate_hits(words))
    if not found:
        return spans
    n = len(words)
    taken = covered_tokens(spans)
    added = []
    for i in word_positions(words, found):
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < n else ""
        if i in taken or before not in _CRIERS or after not in _AFTER_A_CRY \
                or i >= 2 and words[i - 2] in _SUBORDINATORS \
                or _CHILD_CUES.isdisjoint(words[max(0, i - 40):i + 15]):
            continue
        end = _tail_end(words, i + 1)
        if any(k in taken for k in range(i, end)):
            end = i + 1
        added.append((i, end, "SYMPTOM", CRYING))
        taken.update(range(i, end))
    return sorted(spans + added) if added else spans


def _tail_end(words: list[str], k: int) -> int:
    """After the cry at ``k - 1``: the voiding that hurts ("when she poos") or the potty ("on the potty")."""
    if words[k:k + 1] == ["when"] and k + 2 < len(words) and words[k + 1] in ("he", "she") and words[k + 2] in _VOIDINGS:
        return k + 3
    if words[k:k + 1] == ["on"] and k + 2 < len(words) and words[k + 1] in ("the", "his", "her") \
            and words[k + 2] in _POTTIES:
        return k + 3
    return k
