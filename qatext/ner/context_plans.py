"""What may come rather than what is: plans with a condition, effects a question asks about, hedged
alternatives, and the words of time that ask rather than tell.

The exceptions and additions to the trigger phrases for the hypothetical, possible and historical statuses
("will clomid give me hot flashes?", "and a biopsy if the node looks abnormal", "will the migraines come
back", "is the fever gone?"). Functions over the doc's LOWER hashes (``lowers``) and token positions;
``words`` is the component's ``ContextWords``.
"""
from __future__ import annotations

from qatext.ner.context_words import (EFFECT_MODAL_TOKENS, EFFECT_TOKENS, PLANNED_IF_TOKENS, POSSESSOR_WINDOW,
                                      ContextWords)


def after_modal(words: ContextWords, lowers, start: int, sent_start: int) -> bool:
    """Whether a modal or "if" stands a few tokens before the mention at ``start``, in its clause ("will the
    polyps come back", "if my eczema comes back")."""
    for i in range(start - 1, max(sent_start, start - EFFECT_MODAL_TOKENS) - 1, -1):
        if lowers[i] in words.clause_punct:
            return False
        if lowers[i] in words.may_come_words:
            return True
    return False


def asks_yes_no(words: ContextWords, lowers, start: int, t_end: int, sent_start: int, sent_end: int) -> bool:
    """Whether the mention at ``start`` is the subject of a yes/no question: "is", "has", "are" ... opening
    its sentence or clause a few tokens before it, and a "?" after the trigger ending at ``t_end``."""
    if words.question_mark not in lowers[t_end:sent_end]:
        return False
    for i in range(start - 1, max(sent_start, start - POSSESSOR_WINDOW) - 1, -1):
        if lowers[i] in words.clause_punct:
            return False
        if lowers[i] in words.state_question_auxiliaries:
            return i == sent_start or lowers[i - 1] in words.subject_clause_openers
    return False


def follows_as_alternative(words: ContextWords, lowers, possible_end: int, start: int) -> bool:
    """Whether the mention at ``start`` follows a possible mention ending at ``possible_end`` as its alternative:
    "X or Y", "X or a Y"."""
    if possible_end == start - 1:
        return lowers[start - 1] == words.or_
    return possible_end == start - 2 and lowers[start - 2] == words.or_ and lowers[start - 1] in words.articles


def effect_asked(words: ContextWords, lowers, start: int, sent_start: int, sent_end: int,
                 inside) -> tuple[str, str] | None:
    """Whether the mention at ``start`` is the effect a modal question asks about: "give", "make", "cause" or
    "trigger" at most a few tokens before it (its object between: "give her", "make my son"), and "will",
    "could", "can" ... opening the sentence or a clause at most a few tokens before the verb: ("hypothetical",
    cue); ("generic", cue) when "can" asks it of a subject and object nobody owns ("can drumming cause
    permanent hearing loss?"); else None (also for "can" with the asker's subject: "can my diet cause acne?").
    The cue is the modal and the verb ("will ... give")."""
    verb = next((i for i in range(start - 1, max(sent_start, start - 1 - EFFECT_TOKENS) - 1, -1)
                 if lowers[i] in words.effect_verbs), None)
    if verb is None or any(inside[i] or lowers[i] in words.clause_punct for i in range(verb + 1, start)):
        return None
    if lowers[start - 1] in words.case_owners:
        return None  # "will any of these cause this tingling?": the complaint at hand ("give her X" stays)
    for i in range(verb - 1, max(sent_start, verb - EFFECT_MODAL_TOKENS) - 1, -1):
        word = lowers[i]
        if word in words.clause_punct:
            return None
        if word in words.effect_modals:
            if i != sent_start and lowers[i - 1] not in words.subject_clause_openers:
                return None
            cue = f"{words.names[word]} ... {words.names[lowers[verb]]}"
            if word in words.present_modals:
                # Only a question: "Do make sure the rash is checked by a doctor." is advice.
                if words.question_mark not in lowers[verb:sent_end]:
                    return None
                return ("generic", cue) if words.generic_blockers.isdisjoint(lowers[i + 1:start]) else None
            if word in words.ability_modals:
                # "can my diet cause acne?" may ask about the asker's own acne: left to the other rules.
                if not words.generic_blockers.isdisjoint(lowers[i + 1:verb]):
                    return None
                if words.generic_blockers.isdisjoint(lowers[verb + 1:start]):
                    return "generic", cue
            return "hypothetical", cue
    return None


def planned_before_if(words: ContextWords, lowers, end: int, sent_end: int, inside) -> bool:
    """Whether "if" follows the step right away or after a few words of its own, a time or a dose ("and a
    biopsy if the node looks abnormal", "I would repeat the bile acids in two weeks if the itching continues"),
    with no punctuation, entity or terminator between."""
    for i in range(end, min(sent_end, end + PLANNED_IF_TOKENS)):
        word = lowers[i]
        if word == words.if_:
            return True
        if inside[i] or word in words.clause_punct or word in words.plan_breaks:
            return False
    return False
