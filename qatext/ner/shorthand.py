"""Ambiguous community shorthand ("IC", "GP", "MS", "RA", "PT", "T3", "EDS", "MVP") resolved in context.

The same letters mean different things in different places: "GP" is gastroparesis on a
gastroparesis forum and the family doctor in "my GP said". Senses live in
``qatext/resources/lexicon/shorthand.tsv``. A short form is resolved, in this order, by

1. ``document``: the word right after it, then the word right before it, when it belongs to one sense only
   ("GP checked", "DM me", "MS Teams", "the ED", "my GP said", "work PT");
   else the words of the document that speak for each sense (its other entities included:
   "nausea", "reglan" for gastroparesis);
2. ``corpus``: counts of the senses the documents of the same corpus resolved to (an optional
   input: :func:`count_senses` over a first pass, given to the recognizer's ``corpus_senses``);
3. ``specialty``: the specialty the page is filed under (``doc._.specialty_hint``);
4. ``default``: the sense the table marks as default, or no entity.

``ent._.expanded`` gets the long form and ``ent._.expanded_by`` the step that decided.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from spacy.tokens import Doc

from qatext.ner import lay_rules
from qatext.ner.lay_amounts import DOSE_UNITS
from qatext.ner.span_rules import word_set


@dataclass(frozen=True)
class Resolution:
    start: int
    label: str | None
    concept_id: str | None
    long: str
    by: str


def resolve(doc: Doc, words: list[str], senses_by_short: dict[str, list[dict]], *,
            corpus_senses: dict[str, Counter] | None = None, specialty: str | None = None) -> list[Resolution]:
    """One :class:`Resolution` per occurrence of an ambiguous short form (as written, case-sensitive)."""
    present = word_set(words)
    found = []
    for short in senses_by_short:
        lowered = short.lower()
        if lowered not in present:
            continue
        start = 0
        while True:  # list.index finds the candidates at C speed; the case is checked only there
            try:
                i = words.index(lowered, start)
            except ValueError:
                break
            # A form the table writes in lower case is a word: "Pred" opening a sentence, "PRED" in a post in capitals.
            # One it writes in capitals may be typed in lower case ("my ra is flaring").
            written = doc[i].text
            if written == short or short.islower() and short not in LOWER_ONLY \
                    or short in TYPED_LOWER and written.islower():
                found.append((i, short))
            start = i + 1
    if not found:
        return []
    found.sort()
    out = []
    for i, short in found:
        senses = senses_by_short[short]
        before = _table_word(words[i - 1]) if i > 0 else ""
        after = _table_word(words[i + 1]) if i + 1 < len(words) else ""  # "gabby 300": a number as "#"
        following = frozenset(words[i + 1:i + 1 + NEAR_WORDS])
        if doc[i].text == short:
            out.append(_resolve_one(i, short, senses, present, before, after, following, corpus_senses, specialty))
            continue
        # Written otherwise ("Graves" the name, "Stone" the surname, "ms" the title), only the occurrence's own words
        # may decide; typed in lower case also the two before it ("diagnosed with ra"), for a medical sense, after no
        # number ("200 ms").
        if short.islower():
            namesake = short in NAMESAKES and doc[i].text == short.capitalize()
            if namesake and _a_name(doc, i, before, following):
                continue
            sense = _own_words_sense(senses, before, after, following)
            if sense is None and namesake:
                sense = _cued_default(senses, present)
        elif before == NUMBER:
            continue
        else:
            sense = _own_words_sense(senses, before, after, following | frozenset(words[max(i - 2, 0):i]))
            sense = sense if sense is not None and sense["label"] is not None else None
        if sense is not None:
            out.append(_as_resolution(i, sense, "document"))
    return out


POSSESSIVES = lay_rules.POSSESSIVES
NUMBER = "#"  # in the table's "before" and "after" columns: any number ("50 MG" milligrams, "gabby 300")


# A number glued to a dose unit, one token: "10mcg", "2.5mg"
_GLUED_DOSE = re.compile(r"[\d.,]+(" + "|".join(sorted(DOSE_UNITS, key=len, reverse=True)) + ")")


def _table_word(word: str) -> str:
    """A word next to a short form as the table's "before" and "after" columns write it: a number as :data:`NUMBER`
    ("50", "2.5", "1,000"), a dose written in one token as its unit ("10mcg" as "mcg", as "10 mcg" is read)."""
    if not word[:1].isdecimal():
        return word
    if word.replace(".", "").replace(",", "").isdecimal():
        return NUMBER
    dose = _GLUED_DOSE.fullmatch(word)
    return dose.group(1) if dose else word


NEAR_WORDS = 3  # how many words after a short form speak for that occurrence alone
# Disease short forms patients also type in lower case ("my ra is flaring", "ms fatigue"); not those whose lower case
# is mostly something else ("bc" because, "af" the intensifier, "gp" the family doctor, "ic" I see, "pe" the subject).
TYPED_LOWER = frozenset({"RA", "MS", "EDS", "MVP"})
# Nicknames of medicines that are one only as typed in lower case: capitalised, "Gabby" is a name, "Subs" a heading.
LOWER_ONLY = frozenset({"gabby", "subs"})


def written_forms(short: str) -> tuple[str, ...]:
    """How a table form may be written in a text: a lower-case form as a word, in any of its cases ("Pred",
    "PRED"), except those of :data:`LOWER_ONLY`; a form in :data:`TYPED_LOWER` also in lower case; any other as the
    table writes it."""
    if short in LOWER_ONLY:
        return (short,)
    if short.islower():
        return short, short.title(), short.upper()
    return (short, short.lower()) if short in TYPED_LOWER else (short,)
# What a person does, after "my GP", "her PT": the short form is that person.
AGENT_VERBS = frozenset("said says told tells wants wanted thinks thought referred refers ordered orders suggested "
                        "suggests recommended recommends mentioned mentions keeps kept prescribed prescribes sent "
                        "gave gives put puts asked asks".split())


def _resolve_one(i: int, short: str, senses: list[dict], present: set[str], before: str, after: str,
                 following: frozenset[str], corpus_senses: dict[str, Counter] | None, specialty: str | None) -> Resolution:
    # The word right after decides alone when it belongs to one sense: the occurrence's own frame, a doctor's act
    # ("GP checked my sugar", "GP diagnosed PMR": the person, at a sentence's start too), an object pronoun ("DM me":
    # a message), the noun the short form modifies ("MS Teams", "a temp job", "PT job"). It goes first: the head noun
    # after outranks the article or possessive before ("a temp job", not "a temp" the fever); the document's cues
    # cannot outvote it.
    sense = _own_words_sense(senses, before, after, following)
    if sense is not None:
        return _as_resolution(i, sense, "document")
    scores = [len(sense["cues"] & present) + (2 if before in sense["before"] else 0) for sense in senses]
    best = max(scores)
    if best > 0 and scores.count(best) == 1:
        return _as_resolution(i, senses[scores.index(best)], "document")
    counts = (corpus_senses or {}).get(short)
    if counts:
        (long, top), *rest = counts.most_common(2) + [(None, 0)]
        if top > rest[0][1]:
            sense = next((s for s in senses if s["long"] == long), None)
            if sense is not None:
                return _as_resolution(i, sense, "corpus")
    if specialty:
        matching = [s for s in senses if specialty.lower() in s["specialties"]]
        if len(matching) == 1:
            return _as_resolution(i, matching[0], "specialty")
    default = next((s for s in senses if s["default"]), None)
    if default is not None:
        return _as_resolution(i, default, "default")
    return Resolution(i, None, None, "", "default")


def _own_words_sense(senses: list[dict], before: str, after: str, following: frozenset[str]) -> dict | None:
    """The sense the occurrence's own words decide, or None."""
    by_after = [sense for sense in senses if after in sense["after"]]
    if len(by_after) == 1:
        return by_after[0]
    # The word right before decides alone when it belongs to one sense ("in the ED", "came off BC", "our dorm RA"):
    # the document's cues speak for the page's topic, which one occurrence may leave ("diagnosed with GP ... my GP
    # wants"). A possessive decides alone only before what a person does ("my GP wants", "my PT said"); "my HS" or
    # "my MS" is as often the writer's disease.
    by_before = [sense for sense in senses if before in sense["before"]]
    if len(by_before) == 1 and (before not in POSSESSIVES or not AGENT_VERBS.isdisjoint(following)):
        return by_before[0]
    # a cue right after this occurrence speaks for it alone: "my MS in biology", "RA flares", "my GP said"
    near = [sense for sense in senses if not sense["cues"].isdisjoint(following)]
    return near[0] if len(near) == 1 else None


# Short forms that are also surnames and places: written with a capital, the disease only where the post speaks of it
# ("Graves found in January" in a post about methimazole), never as a name ("Dr. Graves", "Graves County").
NAMESAKES = frozenset({"graves"})
_NAME_TITLES = frozenset("dr dr. doctor mr mr. mrs mrs. ms ms. miss prof prof. professor nurse".split())
# Capitalised words before a capitalised short form that leave it the disease: "My Graves", "Dx Graves".
_BEFORE_A_CAPITAL = POSSESSIVES | frozenset("the and with for of since had have has i diagnosed dx confirmed suspected "
                                           "severe mild active untreated new".split())
# What a person does after the name: "Graves said" (not "Graves kept me awake", which a disease does too).
_PERSON_VERBS = frozenset("said says told tells thinks thought asked asks explained explains wrote writes "
                          "recommended recommends suggested suggests".split())


def _a_name(doc: Doc, i: int, before: str, following: frozenset[str]) -> bool:
    """Whether the capitalised word at ``i`` is a person's or a place's name: after a title or a first name, before
    another capitalised word ("Graves County") or what a person does."""
    return before in _NAME_TITLES or not _PERSON_VERBS.isdisjoint(following) \
        or i > 0 and doc[i - 1].text.istitle() and before not in _BEFORE_A_CAPITAL \
        or i + 1 < len(doc) and doc[i + 1].text.istitle()


def _cued_default(senses: list[dict], present: set[str]) -> dict | None:
    """The default sense of a short form written with a capital ("Graves" the disease, not the name), when the
    document speaks for it and for no other sense: "Graves" in a post about methimazole and TSH (batch 103)."""
    default = next((sense for sense in senses if sense["default"]), None)
    if default is None or default["label"] is None or default["cues"].isdisjoint(present):
        return None
    others = (sense for sense in senses if sense is not default)
    return default if all(sense["cues"].isdisjoint(present) for sense in others) else None


def _as_resolution(i: int, sense: dict, by: str) -> Resolution:
    return Resolution(i, sense["label"], sense["concept_id"], sense["long"], by)


def count_senses(docs: Iterable[Doc]) -> dict[str, Counter]:
    """Corpus-level counts of the senses the documents themselves decided (``expanded_by == "document"``).

    Run the pipeline over a corpus once, pass the result to the recognizer
    (``nlp.get_pipe("qatext_ner").corpus_senses = count_senses(docs)``) and run it again: a
    short form a document cannot decide takes the corpus's usual sense.
    """
    counts: dict[str, Counter] = {}
    for doc in docs:
        for short, long in doc._.shorthand_senses or ():
            counts.setdefault(short, Counter())[long] += 1
    return counts
