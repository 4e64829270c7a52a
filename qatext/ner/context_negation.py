"""Where a negation's reach ends before a mention it would reach by count of tokens.

A comma ends a verbal negation unless it joins the items of a list ("no fever, cough or chills"); a
negation inside a condition ends with the condition's comma; a new subject after "and" opens a clause of
its own. Functions over the doc's LOWER hashes (``lowers``), token positions and ``inside`` (one byte per
token, 1 inside an entity); ``words`` is the component's ``ContextWords``.
"""
from __future__ import annotations

from qatext.ner.context_words import CONDITION_TOKENS, ContextWords


def new_subject_after_and(words: ContextWords, lowers, start: int, end: int) -> bool:
    """Whether the mention after a negation's "and" is the subject of a clause of its own, with its verb right
    after it, or a finding called normal ("no swelling in my ankles and blood pressure was normal", "no
    oedema and a normal blood pressure", "no wet AMD in either eye, and AREDS2 supplements are worth
    taking"): the negation stops at the "and". A list keeps it ("no fever and chills")."""
    return (end < len(lowers) and lowers[end] in words.copulas) or lowers[start - 1] in words.normal_words


def in_condition(words: ContextWords, lowers, t_start: int, t_end: int, start: int, sent_start: int, inside) -> bool:
    """Whether the trigger at ``t_start`` sits in a condition opened a few words before it ("If the alarm has
    not worked after three months, desmopressin can be added"): its negation ends with the condition's comma,
    one between ``t_end`` and the mention at ``start``. A comma of a list does not end it ("when I saw the GP
    she found no swelling, redness or fever")."""
    before = lowers[max(sent_start, t_start - CONDITION_TOKENS):t_start]
    if words.conditionals.isdisjoint(before) or words.comma in before:
        return False
    return any(lowers[i] == words.comma and not comma_joins_list(words, lowers, i, inside) for i in range(t_end, start))


def comma_ends_denial(words: ContextWords, lowers, t_end: int, start: int, inside) -> bool:
    """Whether a comma between a negation and the mention at ``start`` ends the negation: one that joins no
    items of a list, an entity neither right before it nor right after it (or after its "and", "or"): "the
    augmentin isnt doing anything, green snot for 12 days", "havent had a seizure in 3 yrs, on lamictal", "said
    its not a stroke, sent me home on prednisolone" ("no fever, cough or chills" keeps it, and so does "i dont
    have a fever, a cough or a sore throat": an article may open the item)."""
    for i in range(t_end, start):
        if lowers[i] != words.comma:
            continue
        after = i + 2 if lowers[i + 1] in words.list_joiners and i + 2 <= start else i + 1
        if after < start and lowers[after] in words.list_determiners:
            after += 1  # "a fever, a cough or a sore throat"
        if not (i > t_end and inside[i - 1]) or not inside[after]:
            return True
    return False


def comma_joins_list(words: ContextWords, lowers, comma: int, inside) -> bool:
    """Whether the comma at ``comma`` separates items of a list: an entity follows it, and right after that
    entity "and", "or" or another comma."""
    i, length = comma + 1, len(lowers)
    if i >= length or not inside[i]:
        return False
    while i < length and inside[i]:
        i += 1
    return i < length and lowers[i] in words.list_joiners
