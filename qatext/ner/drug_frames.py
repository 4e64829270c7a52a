"""Medicine names no lexicon lists, read off the frame patients put them in.

Brand names ("soolantra", "grazax", "cerumol"), local products and misspellings too far from the
lexicon form ("metotrexate") stand where a medicine stands: after "started", "taking", "took",
"prescribed", "a week of"; after "gave" or "given" with a prescriber before it ("doctor gave myoril"); after
"use" or "apply" with how it is used after it ("we use doxiderm on him"); before a dose form ("grazax tablets",
GUIDELINES rule 8 keeps the form inside) or before "for my <complaint>"; in a list after a medicine, also past its
strength ("zyloric 100 and etoshine 90"), also after a medicine found by its frame ("started Nexito 10 and Clonotril
0.25"); after the form a prescription writes before the name ("tab Vertin 16", "syp Digene", "inj. Voveran"; the form
word stays outside, as a dose does). Only a word that is no lexicon token and no English word (not even a rare one,
wordfreq) counts, so "started uni", "took ages" or "a week of hell" stay out; a capitalised name in two frames at once
("gave Panderm cream") may be one slip from an everyday word ("pander"; not "gave me tehse tablets").
"""
from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter

from qatext.ner import fuzzy
from qatext.ner.lay_common import CLINICIANS
from qatext.ner.lay_rules import POSSESSIVES

from qatext.ner.span_rules import DRUG_FORMS, Spans, covered_tokens, gate, gate_hits, word_positions

FRAMED_DRUG = "QATEXT:drug/named-in-context"
# Verbs and words a medicine's name follows: "started grazax", "took larium", "switched to X", "new X inhaler".
TAKING_WORDS = frozenset("started starting taking took takes prescribed tried trying".split())
# (round 26a) What a doctor gave: "doctor gave myoril", "the GP gave me rifagut" (a mother's "gave me khichdi" is food:
# the giver must be one who prescribes, a few words before).
GIVING_WORDS = frozenset("gave given gives".split())
_PRESCRIBERS = CLINICIANS | frozenset("doctors dr physician pharmacist chemist derm dermatologist ent neuro neurologist "
                                      "gynae gynecologist gyno cardiologist urologist hospital clinic rheumy rheumatologist "
                                      "endocrinologist physio ortho gastro haematologist hematologist".split())
# What a patient puts on or in, said with how ("we use epaderm on him", "using frebanol 10 ml twice a day"): "using
# practo I booked" and "I used clearblue and it was negative" have no such word after the name.
USING_WORDS = frozenset("use used using uses apply applied applying".split())
_HOW_USED = frozenset("on twice thrice once daily nightly every each for at in after before morning night".split())
# "gave me X", "prescribed him X": the medicine stands after the person it was given to
_RECEIVERS = frozenset("me him her us them".split())
# "of" after a course of treatment: "1 week of cerumol", "6 cycles of ABVD"; not "lots of", "a bit of". (Not "on",
# "take", "day", "for": words of almost every doc, each occurrence a look-up, for few names.)
_COURSES = frozenset("week weeks wk wks month months course courses cycle cycles round rounds".split())
_OWNERS = POSSESSIVES | {"the"}
# A strength after a number: "fetsima 40 mg", "livallo 2mg" (the tokenizer splits "2mg"); the name stands before the number.
_STRENGTH_UNITS = frozenset("mg mgs mcg ug µg".split())
# (batch 101) The form a prescription, and patients copying it, write before the name: "tab Methycobal 500", "syp
# Digene 2 spoon", "inj Voveran", "cap. Becosules"
PREFIX_FORMS = frozenset("tab tabs tablet syp syr syrup inj injection cap caps capsule".split())
# Verbs that name a medicine put on the body even without how it was used: "applying Dologel but no use"; not a
# brand of cosmetics, said with what it is ("applying Mamaearth face wash")
_APPLYING_WORDS = frozenset("apply applied applying".split())
_COSMETICS = frozenset("face wash facewash serum foundation shampoo conditioner soap lipstick makeup sunscreen "
                       "moisturiser moisturizer toner cleanser scrub mask oil perfume deodorant".split())
# A form word after these is a thing of its own: "the tab. Shukriya", "my browser tab", "a bar tab"
_NOT_A_PRESCRIPTION = POSSESSIVES | frozenset("the a an this that new browser bar open".split())
FRAME_WORDS = TAKING_WORDS | GIVING_WORDS | USING_WORDS | DRUG_FORMS | _COURSES | _STRENGTH_UNITS | PREFIX_FORMS
_PROBLEMS = frozenset({"SYMPTOM", "DISEASE"})
_FRAME_GATE = gate(FRAME_WORDS)
MIN_NAME = 4
_LABEL = itemgetter(2)
_LIST_JOINERS = frozenset({",", "and", "&", "/", "+", "or"})
# Endings of verb forms, adverbs and acts, never of a medicine's name: "started experiancing", "took realy long",
# "taking nebulization".
_WORD_ENDINGS = ("ing", "ed", "ly", "tion")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def add_framed_drugs(doc, words: list[str], spans: Spans, *, known: frozenset[str], common: frozenset[str]) -> Spans:
    """Unknown words in a medicine's frame become DRUG spans (with a dose form right after them)."""
    listed = _listed_after_drugs(words, spans, common) if "DRUG" in map(_LABEL, spans) else ()
    # The frame words come first, found in C (the doc's gate hits, then str.index): a doc has a few of them, and only
    # the word beside each is looked up in the big lexicon and English word sets (every doc word would cost more).
    hits = _FRAME_GATE.intersection(gate_hits(words))
    n = len(words)
    candidates: set[int] = set()
    prefixed: set[int] = set()  # names after a prescription's form word ("tab Vertin")
    objects: set[int] = set()  # names a verb takes ("gave Panderm", "applying Dologel"): with a form, two frames
    if hits:
        for k in word_positions(words, hits):
            word = words[k]
            if word in PREFIX_FORMS and k + 1 < n and not (k and words[k - 1] in _NOT_A_PRESCRIPTION):
                prefixed.add(k + 2 if words[k + 1] == "." else k + 1)
            if word in TAKING_WORDS or word in GIVING_WORDS and not _PRESCRIBERS.isdisjoint(words[max(0, k - 4):k]):
                objects.add(_object_of(words, k))
            elif word in USING_WORDS:
                used = _object_of(words, k)
                if word in _APPLYING_WORDS and not (used + 1 < n and words[used + 1] in _COSMETICS) or \
                        used + 1 < n and (words[used + 1] in _HOW_USED or _NUMBER.fullmatch(words[used + 1])):
                    objects.add(used)
            elif word in DRUG_FORMS:
                candidates.add(k - 1)
            elif word in _COURSES:
                if k + 1 < n and words[k + 1] == "of":
                    candidates.add(k + 2)
            elif word in _STRENGTH_UNITS:
                if k >= 2 and _NUMBER.fullmatch(words[k - 1]):
                    candidates.add(k - 2)
    # "X for my <problem>", found from the problems (a doc has few) rather than from every "for"
    candidates.update([span[0] - 3 for span in spans if span[0] >= 3 and words[span[0] - 2] == "for"
                       and span[2] in _PROBLEMS and words[span[0] - 1] in _OWNERS])
    candidates |= objects
    added = [(i, i + 1, "DRUG", FRAMED_DRUG) for i in listed]
    for i in sorted(candidates | prefixed):
        if not 0 <= i < n:
            continue
        word = words[i]
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < n else ""
        if len(word) < MIN_NAME or not word.isalpha() or word in common or word in _PRESCRIBERS:
            continue  # "referred me to gynae for the heavy periods": a clinic, no medicine
        if (word in known or _ordinary_word(word, common)) and not (
                _two_frames(i, after, objects, prefixed) and not fuzzy.is_english_word(word) and doc[i].text[:1].isupper()):
            continue  # "started experiancing", "took forver": an English word, misspelled, is no medicine
        if after == "for" and before not in TAKING_WORDS and not _problem_follows(spans, i + 3):
            continue  # "X for my <problem>": the problem must follow ("for my kids" is no frame)
        end = i + 2 if after in DRUG_FORMS else i + 1
        added.append((i, end, "DRUG", FRAMED_DRUG))
    if not added:
        return spans
    framed = added[len(listed):]
    if framed:  # a list goes on after a medicine found by its frame: "started Nexito 10 and Clonotril 0.25"
        named = {s[0] for s in added}
        added += [(i, i + 1, "DRUG", FRAMED_DRUG) for i in _listed_after_drugs(words, framed, common)
                  if i not in named and not _ordinary_word(words[i], common)]  # "started Zelrofen 10 and paneer"
    covered = covered_tokens(spans)
    # a dose form another span holds stays its own; the name alone then
    added = [(s, e - 1, label, concept) if e - s == 2 and e - 1 in covered else (s, e, label, concept)
             for s, e, label, concept in added if s not in covered]
    return sorted(set(spans + added)) if added else spans


def _two_frames(i: int, after: str, objects: set[int], prefixed: set[int]) -> bool:
    """The name at ``i`` stands in two frames: a verb's object or a prescription's form before it, and a dose form
    after it ("gave Panderm cream"), or both a verb and a form before it ("gave tab Vertin")."""
    return (i in objects or i in prefixed) and after in DRUG_FORMS or i in objects and i in prefixed


def _object_of(words: list[str], verb: int) -> int:
    """Where the thing given or used stands after the verb at ``verb``: past the person it went to ("gave me X") and a
    prescription's form ("gave tab X")."""
    at = verb + 2 if verb + 1 < len(words) and words[verb + 1] in _RECEIVERS else verb + 1
    if at + 1 < len(words) and words[at] in PREFIX_FORMS:
        at += 2 if words[at + 1] == "." else 1
    return at


def _listed_after_drugs(words: list[str], spans: Spans, common: frozenset[str]) -> list[int]:
    """ "tacrolimus, mycophenolate and [pred]": a short form or rare word closing a list after a medicine (after one, the
    item closing its own list position; before one it is as often food: "ice lollies and liquid paracetamol")."""
    n = len(words)
    found = []
    for span in spans:
        i = span[1] + 1
        if span[2] == "DRUG" and i < n and _NUMBER.fullmatch(words[i - 1]):
            i += 1  # the medicine's strength before the joiner: "zyloric 100 and etoshine 90"
        if span[2] != "DRUG" or i >= n or words[i - 1] not in _LIST_JOINERS:
            continue
        word = words[i]
        after = words[i + 1] if i + 1 < n else ""
        if len(word) >= MIN_NAME and word.isalpha() and word not in common \
                and (not after or not after.isalpha() or after in _LIST_JOINERS):
            found.append(i)
    return found


@lru_cache(maxsize=50_000)
def _ordinary_word(word: str, common: frozenset[str]) -> bool:
    """An English word, a verb form or adverb, or one slip from an everyday word; cached per word, because the
    same words fill the frames of a corpus over and over (``common`` is the component's one set)."""
    return fuzzy.is_english_word(word) or word.endswith(_WORD_ENDINGS) or _misspells_common(word, common)


def _misspells_common(word: str, common: frozenset[str]) -> bool:
    """``word`` is one slip from an everyday word: a letter dropped, added or swapped with its neighbour ("forver",
    "accupuncture", "beleive"). Not a letter for another: brand names are often that far from a word ("dermol",
    "dermal"; "larium", "barium")."""
    n = len(word)
    variants = {word[:i] + word[i + 1:] for i in range(n)}
    variants.update(word[:i] + ch + word[i:] for i in range(n + 1) for ch in _LETTERS)
    variants.update(word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(n - 1))
    variants.discard(word)
    return not common.isdisjoint(variants)


def _problem_follows(spans: Spans, k: int) -> bool:
    """A complaint or disease starts at ``k`` or one token later ("for my [rosacea]", "for my bad [back]")."""
    return any(s[0] in (k, k + 1) and s[2] in ("SYMPTOM", "DISEASE") for s in spans)
