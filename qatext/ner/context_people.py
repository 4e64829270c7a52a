"""Who a mention belongs to: the people named in the text, the relative a passage is about, and the
nearest person whose clause reaches a mention.

``words`` is the component's ``ContextWords``.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from qatext.ner.context_generic import general_cue
from qatext.ner.context_positions import any_between, sentence_bounds
from qatext.ner.context_rules import Found, Person
from qatext.ner.context_words import (GROUPS_OF_RELATIVES, HISTORY_VERBS, POSSESSOR_WINDOW, SUBJECT_POSSESSORS,
                                      SUBJECT_SCAN_TOKENS, ContextWords)


@dataclass(frozen=True)
class Cue:
    """A person mention found in the text: who they are and how far their clause reaches."""

    start: int
    end: int
    person: Person
    possessor: str | None


def find_people(words: ContextWords, lowers, found: list[tuple[int, int, Person]]) -> list[Cue]:
    """Relatives (with a possessor) and other people, minus those who only report ("my wife says")."""
    cues = []
    for start, end, person in found:
        possessor = next((words.possessors[lowers[i]]
                          for i in range(start - 1, max(-1, start - 1 - POSSESSOR_WINDOW), -1)
                          if lowers[i] in words.possessors), None)
        if person.who == "relative" and possessor is None and (
                person.group == "child" or end >= len(lowers) or lowers[end] not in words.bare_relative_verbs):
            continue
        if end < len(lowers) and lowers[end] in words.reporters:
            continue
        cues.append(Cue(start, end, person, possessor))
    return cues


def passage_subject(words: ContextWords, max_scope: int, doc: Doc, lowers, people: list[Cue], ents, found: Found,
                    sentence_starts, inside) -> str | None:
    """The relative group the passage is about, or None when it is about the asker (or the one advised).

    The first person the text names decides: "my 4 year old has ..." or "your son's fever"
    make the passage about that relative; "I have ..." about the asker, unless the asker
    introduces a relative at once ("I have a 5 year old son who ...", "asking for my mom").
    "My father had a stroke at 50" opens a family history, not a question about the father;
    "he", "she", "his", "her" must be at least as many as the asker's own "I", "my", "you"; and
    a complaint told before any relative is named ("No fever. My sister has epilepsy.") is the
    asker's, unless that sentence speaks in general ("Fever in children is common. Your son's ...").
    """
    first = next((c for c in people if c.person.who == "relative" and c.possessor in SUBJECT_POSSESSORS
                  and c.person.group not in GROUPS_OF_RELATIVES), None)
    # "My father had a stroke at 50" opens a family history; "my 2 yr old had roseola" does not.
    if first is None or (first.person.group != "child" and next_word(doc, first.end) in HISTORY_VERBS):
        return None
    subject = None
    for i in range(min(len(lowers), SUBJECT_SCAN_TOKENS)):
        if i >= first.start - POSSESSOR_WINDOW and words.possessors.get(lowers[i]) in SUBJECT_POSSESSORS:
            subject = first.person.group
            break
        if lowers[i] in words.self_words:
            if first.start - i <= 6 and not words.proxy_words.isdisjoint(lowers[i + 1:first.start]):
                subject = first.person.group
            break
    if subject is None:
        return None
    starts = set(sentence_starts)
    cues = [t for t in found[0] if t[2] == "generic"] + [
        general_cue(words, max_scope, lowers, start, end, label, found, starts, inside)
        for start, end, label, _start_char, _end_char in ents
        if start in starts or lowers[start - 1] in words.subject_openers]
    generic_sentences = {sentence_bounds(t[0], sentence_starts, len(doc)) for t in cues if t is not None}
    for start, _end, _label, _start_char, _end_char in ents:
        if start >= first.start:
            break
        if sentence_bounds(start, sentence_starts, len(doc)) not in generic_sentences:
            return None
    # A passage about a relative speaks of "he", "she", "her"; one whose "I", "my" and "you"
    # outnumber them (besides the "my" of "my son") is the asker's own story.
    owners = sum(1 for x in lowers if x in words.owner_words)
    owners -= sum(1 for c in people if c.person.who == "relative" and c.possessor in SUBJECT_POSSESSORS)
    if owners > sum(1 for x in lowers if x in words.third_words):
        return None
    return subject


def person_for(words: ContextWords, max_scope: int, lowers, start, people: list[Cue], terminators, sent_start,
               subject) -> Cue | None:
    """The nearest person before the mention in its sentence whose clause reaches it: no terminator,
    no personal word ("I", "my", "me") and no other person in between, at most ``max_scope`` tokens.
    In a passage about a relative, "he" / "she" after another relative is the subject again ("since my
    mom died in march he barely eats")."""
    best, owners = None, words.owner_words
    for cue in people:
        if cue.end > start:
            break
        if cue.start < sent_start or start - cue.end > max_scope:
            continue
        if any_between(terminators, cue.end, start):
            continue
        between = lowers[cue.end:start]
        if not owners.isdisjoint(between) and owner_between(words, between):
            continue
        if subject is not None and cue.person.who == "relative" and cue.person.group != subject and \
                not words.third_words.isdisjoint(between):
            continue
        best = cue
    return best


def owner_between(words: ContextWords, tokens: list[int]) -> bool:
    """Whether the asker (or the one advised) speaks in ``tokens``: "I", "my", "you", but not after a
    preposition, where they only place the other person ("a guy from my cycling club collapsed")."""
    return any(word in words.owner_words and not (i and tokens[i - 1] in words.person_prepositions)
               for i, word in enumerate(tokens))


def next_word(doc: Doc, index: int) -> str | None:
    """The next alphabetic token from ``index`` within 4 tokens, skipping "(70)", commas and the like."""
    for i in range(index, min(len(doc), index + 4)):
        if doc[i].is_alpha:
            return doc[i].lower_
    return None
