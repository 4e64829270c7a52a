"""Span rules for patients' own wording: impairments, coordination, hashtags, figurative bare words,
and the amount phrases of drug reviews (weight, hours of sleep, "feeling of").

Same contract as :mod:`qatext.ner.span_rules`: spans are sorted, non-overlapping
``(start, end, label, concept_id)`` token ranges and every rule returns such a list. The rules
follow GUIDELINES.md rules 11 (coordination), 15 (social-media forms), 16 (impairments and lay
states) and 17 (bare words in non-medical senses).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from qatext.ner import body_likeness
from qatext.ner.lay_body_actions import _INJURY_GATE, add_verbal_injuries
from qatext.ner.lay_body_predicates import (_COLOUR_GATE, _LAY_PREDICATE_GATE, _LAY_PREDICATE_SETS, _linked_colour,
                                            add_lay_body_predicates)
from qatext.ner.lay_common import Lookup, NOT_A_THING, replace_covered
from qatext.ner.lay_other_senses import _DOCTOR_GATE, drop_doctors
from qatext.ner.span_rules import (APPROXIMATE, DESCRIPTORS, LOCATED_COMPLAINTS, SEVERITY, Spans, WEIGHT_GAIN,
                                   WEIGHT_LOSS, WEIGHT_UNITS, covered_tokens, gate, gate_hits, rewrite_found,
                                   word_positions as _positions)
from qatext.ner.lay_common import POSSESSIVES  # noqa: F401 (other modules import it from here)
from qatext.ner.lay_other_senses import DOCTOR_VERBS  # noqa: F401 (other modules import it from here)

# Side-effect phrases of drug reviews that carry an amount or a "feeling" noun. All run from
# :func:`add_side_effect_phrases`, each only when its trigger words are in the document.
_NUMBER = re.compile(r"\d+(?:\.\d+)?$")
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
                         "fifty a few".split())
# "gained 20lbs", "lost 10kg": spaCy keeps a number glued to these units as one token.
_GLUED_WEIGHT = re.compile(r"\d+(?:\.\d+)?\+?(?:lbs?|pounds?|kgs?|kilos?)$")
WEIGHT_VERBS = {"gained": WEIGHT_GAIN, "gain": WEIGHT_GAIN, "gaining": WEIGHT_GAIN, "put": WEIGHT_GAIN,
                "putting": WEIGHT_GAIN, "lost": WEIGHT_LOSS, "losing": WEIGHT_LOSS}
# "gained quite a bit of weight", "putting on a ton of weight": the amount words between verb and "weight".
WEIGHT_AMOUNTS = frozenset("a lot lots of quite bit ton tons some so much more little bunch load loads heaps".split())
WEIGHT_TRIGGERS = frozenset(WEIGHT_VERBS) | {"weight"}
FEELING_NOUNS = frozenset({"feeling", "feelings", "sensation", "sensations"})
# "bouts of nausea", "fits of rage", "episodes of vertigo": the episode noun heads the complaint.
EPISODE_NOUNS = frozenset({"episodes", "bouts", "bout", "fits", "spells", "waves", "attacks",
                           # bursts of a sensation: "a wave of nausea", "a jolt of pain", "a shower of floaters"
                           "wave", "jolt", "jolts", "zap", "zaps", "surge", "surges", "twinge", "twinges", "shower",
                           "burst", "bursts", "rush", "stab", "stabs"})
# Not "sense of": the seed pages' "a sense of fatigue" is annotated as "fatigue".
# Plural episode nouns after a complaint are its head: "vomiting spells", "coughing fits", "crying spells".
EPISODE_HEADS = frozenset({"spells", "fits", "episodes", "bouts"})
FEELING_OF = frozenset({("feeling", "of"), ("feelings", "of"), ("sensation", "of"), ("sensations", "of")}
                       | {(noun, "of") for noun in EPISODE_NOUNS})
# "anxiety feeling like a weight" is the verb "feel", not the noun after a symptom.
_NOT_AFTER_FEELING = frozenset({"like", "that", "as", "so", "very", "really", "better", "worse"})
SLEEP_VERBS = frozenset({"sleep", "sleeping", "slept", "sleeps"})
HOUR_UNITS = frozenset({"hours", "hour", "hrs", "hr"})
_GLUED_HOURS = re.compile(r"(\d+)(?:hours?|hrs?)$")
HYPERSOMNIA, INSOMNIA = "HP:0100786", "HP:0100785"
# Hours of sleep that are a complaint in themselves: this many or more is too much, this many or fewer too little.
LONG_SLEEP_HOURS, SHORT_SLEEP_HOURS = 10, 4


def add_side_effect_phrases(doc: Doc, words: list[str], spans: Spans, *, lookup: Lookup = lambda phrase: None) -> Spans:
    """Weight changes with an amount, "feeling of dread", "sleeping 14 hours" (GUIDELINES section 6, rule 16)."""
    hits = gate_hits(words)
    if _SIDE_EFFECT_GATE.isdisjoint(hits):
        return spans
    if not _WEIGHT_GATE.isdisjoint(hits):
        spans = add_weight_amounts(doc, words, spans)
    if not _FEELING_GATE.isdisjoint(hits):
        spans = add_feeling_nouns(doc, words, spans)
    if not _SLEEP_GATE.isdisjoint(hits):
        spans = add_sleep_hours(doc, words, spans)
    if not _LAY_PREDICATE_GATE.isdisjoint(hits) and any(map(hits.issuperset, _LAY_PREDICATE_SETS)) \
            or not _COLOUR_GATE.isdisjoint(hits) and _linked_colour(words, hits):
        spans = add_lay_body_predicates(doc, words, spans)
    if not _INJURY_GATE.isdisjoint(hits):
        spans = add_verbal_injuries(doc, words, spans)
    if not _DOCTOR_GATE.isdisjoint(hits):
        spans = drop_doctors(doc, words, spans)
    if _LIKE_GATE <= hits:
        spans = join_like_compounds(doc, words, spans)
    if not _FELT_STATE_GATE.isdisjoint(hits) and not _FELT_GATE.isdisjoint(hits):
        spans = add_felt_states(doc, words, spans, lookup=lookup)
    return spans


def add_described_phrases(doc: Doc, words: list[str], spans: Spans, *, lookup: Lookup = lambda phrase: None) -> Spans:
    """Complaints told by what changed or was measured: "coffee tastes like garbage", "IBS-C",
    "platelets came back 31", "joint pain in my knees", "up 5 times a night to pee", "feel like
    there's a lump in my throat" (GUIDELINES section 6)."""
    hits = gate_hits(words)
    if _PHRASE_GATE.isdisjoint(hits):
        return spans
    if not _SENSE_GATE.isdisjoint(hits):
        spans = add_sensory_distortions(doc, words, spans)
    if "-" in hits:
        spans = extend_subtypes(doc, words, spans)
    if not _ANALYTE_GATE.isdisjoint(hits):
        spans = add_analyte_results(doc, words, spans, lookup=lookup)
    if not _TISSUE_GATE.isdisjoint(hits):
        spans = extend_compound_heads(doc, words, spans, lookup=lookup)
    if not _VOIDING_GATE.isdisjoint(hits) and not _NIGHT_GATE.isdisjoint(hits):
        spans = add_night_voiding(doc, words, spans)
    if not _RATED_GATE.isdisjoint(hits):
        spans = add_function_rates(doc, words, spans)
    if "like" in hits and not _FELT_GATE.isdisjoint(hits):
        spans = add_feel_like(doc, words, spans)
    if not _BODY_LIKENESS_GATE.isdisjoint(hits):
        spans = body_likeness.add_body_likenesses(doc, words, spans)
    return spans


def _is_number(word: str) -> bool:
    return bool(_NUMBER.match(word)) or word in NUMBER_WORDS


def _amount_end(words: list[str], j: int) -> int | None:
    """End of "[about] 20 lbs", "20lbs", "50+ lbs" starting at ``j``, or None."""
    n = len(words)
    if j < n and words[j] in APPROXIMATE:
        j += 1
    if j < n and _GLUED_WEIGHT.match(words[j]):
        return j + 1
    if j < n and _is_number(words[j]):
        j += 1
        if j < n and words[j] == "+":
            j += 1
        if j < n and words[j] in WEIGHT_UNITS:
            return j + 1
    return None


def add_weight_amounts(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"gained 20lbs", "gained quite a bit of weight", "15 pound weight gain", "weight gain of 30 pounds"."""
    n = len(words)
    added = []
    for i in _positions(words, _WEIGHT_GATE.intersection(gate_hits(words)) - {"weight"}):
        j = i + 1
        if words[i] in ("put", "putting"):
            if j >= n or words[j] != "on":
                continue
            j += 1
        end = _amount_end(words, j)
        if end is None:
            k = j
            while k < n and k - j < 5 and words[k] in WEIGHT_AMOUNTS:
                k += 1
            end = k + 1 if k > j and k < n and words[k] == "weight" else None
        if end is not None:
            added.append((i, end, "SYMPTOM", WEIGHT_VERBS[words[i]]))
    for start, end, label, concept in spans:
        if concept not in (WEIGHT_GAIN, WEIGHT_LOSS) or words[end - 1] not in ("gain", "loss"):
            continue
        new_start, new_end = start, end
        if start >= 1 and _GLUED_WEIGHT.match(words[start - 1]):
            new_start = start - 1
        elif start >= 2 and words[start - 1] in WEIGHT_UNITS and _is_number(words[start - 2]):
            new_start = start - 2
        if end < n and words[end] == "of":
            new_end = _amount_end(words, end + 1) or end
        if (new_start, new_end) != (start, end):
            added.append((new_start, new_end, label, concept))
    return replace_covered(spans, added) if added else spans


def add_feeling_nouns(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"feeling of dread", "bouts of nausea", "clammy feeling": the noun is the complaint's head."""
    n = len(words)
    # most docs with a feeling word have no symptom right after "feeling of" or right before "feeling": none to change
    nouns = set(_positions(words, _FEELING_GATE.intersection(gate_hits(words))))
    if not any(span[2] == "SYMPTOM" and (span[0] - 2 in nouns or span[1] in nouns) for span in spans):
        return spans
    ends = {span[1] for span in spans}
    starts = {span[0] for span in spans}
    # a token another span holds cannot join ("no feeling" of "no feeling of urinary urgency")
    taken = {i for span in spans for i in range(span[0], span[1])}
    out = []
    for start, end, label, concept in spans:
        if label == "SYMPTOM":
            if start >= 2 and (words[start - 2], words[start - 1]) in FEELING_OF and start - 2 not in ends \
                    and start - 2 not in taken and start - 1 not in taken:
                start -= 2
                # the quality of the burst is the complaint's too: "a [sharp stab of pain]", "a [sudden wave of nausea]"
                # (not of a feeling: "a constant [feeling of dread]" is how often, GUIDELINES rule 4)
                while start and words[start] in EPISODE_NOUNS and (words[start - 1] in SEVERITY or words[start - 1] in DESCRIPTORS) \
                        and start - 1 not in taken:
                    start -= 1
            elif end < n and (words[end] in FEELING_NOUNS or words[end] in EPISODE_HEADS) and end + 1 not in starts and end - start == 1 \
                    and end not in taken and (end + 1 >= n or words[end] in EPISODE_HEADS or words[end + 1] not in _NOT_AFTER_FEELING):
                end += 1
        out.append((start, end, label, concept))
    return out


def _hours(words: list[str], j: int) -> tuple[int, int, int] | None:
    """(fewest hours, most hours, end) of "[about] 14 hours", "3 to 5 hours", "14hrs" starting at ``j``."""
    n = len(words)
    if j < n and words[j] in APPROXIMATE:
        j += 1
    glued = _GLUED_HOURS.match(words[j]) if j < n else None
    if glued:
        return int(glued.group(1)), int(glued.group(1)), j + 1
    if j < n and words[j].isdigit():
        low = int(words[j])
        if j + 2 < n and words[j + 1] in ("-", "to", "or") and words[j + 2].isdigit():
            j += 2
        if j + 1 < n and words[j + 1] in HOUR_UNITS:
            return low, int(words[j]), j + 2
    return None


_PER = frozenset({"a", "per", "each", "every"})


def add_sleep_hours(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"sleeping 14 hours" (too much), "slept 3 hours", "3 to 5 hours sleep" (too little)."""
    added = []
    n = len(words)
    for i in _positions(words, _SLEEP_GATE.intersection(gate_hits(words))):
        found = _hours(words, i + 1)
        if found is None:
            continue
        fewest, most, end = found
        if end + 1 < n and words[end] in _PER and words[end + 1] in ("night", "day"):
            end += 2  # "sleeping 3 hrs a night": the rate is part of the amount (GUIDELINES section 6, batch 5)
        if fewest >= LONG_SLEEP_HOURS:
            added.append((i, end, "SYMPTOM", HYPERSOMNIA))
        elif most <= SHORT_SLEEP_HOURS:
            added.append((i, end, "SYMPTOM", INSOMNIA))
    for i in _positions(words, _HOUR_GATE.intersection(gate_hits(words))):
        # "3 to 5 hours sleep", "4 hours of sleep": the amount before the noun
        after = i + 1 + (1 if i + 1 < n and words[i + 1] == "of" else 0)
        if after >= n or words[after] != "sleep" or i < 1 or not words[i - 1].isdigit():
            continue
        start = i - 1
        if start >= 2 and words[start - 1] in ("-", "to", "or") and words[start - 2].isdigit():
            start -= 2
        hours = int(words[i - 1])
        if hours <= SHORT_SLEEP_HOURS:
            added.append((start, after + 1, "SYMPTOM", INSOMNIA))
    return replace_covered(spans, sorted(added)) if added else spans


# "saw things that werent there", "seeing cats that arent there", "hears voices that aren't there": hallucinations
# told as what is perceived and denied, one SYMPTOM from the verb to "there".
HALLUCINATION = "HP:0000738"
PERCEIVING = frozenset("see sees saw seeing seen hear hears heard hearing feel feels felt feeling".split())
_NOT_THERE = (("are", "n't"), ("were", "n't"), ("is", "n't"), ("was", "n't"), ("are", "not"), ("were", "not"),
              ("is", "not"), ("was", "not"), ("arent",), ("werent",), ("isnt",), ("wasnt",), ("are", "nt"),
              ("were", "nt"), ("is", "nt"), ("was", "nt"))


def add_unreal_perceptions(doc: Doc, words: list[str], spans: Spans) -> Spans:
    n = len(words)
    added = []
    for i in _positions(words, _PERCEIVING_GATE.intersection(gate_hits(words))):
        if i + 1 < n and (words[i + 1] in NOT_A_THING or not words[i + 1].isalpha()):
            continue
        for k in range(i + 2, min(i + 5, n)):
            if words[k] not in ("that", "which", "who"):
                if words[k] in NOT_A_THING or not words[k].isalpha():
                    break  # "see what you mean": no thing perceived
                continue
            for cue in _NOT_THERE:
                end = k + 1 + len(cue)
                if tuple(words[k + 1:end]) == cue and end < n and words[end] == "there":
                    added.append((i, end + 1, "SYMPTOM", HALLUCINATION))
                    break
            break
    return replace_covered(spans, added) if added else spans


_PERCEIVING_GATE = gate(PERCEIVING)
NOT_THERE_WORDS = frozenset(word for cue in _NOT_THERE for word in cue if word not in ("are", "were", "is", "was"))


def join_like_compounds(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"flu-like aches", "migraine-like pain": the "-like" compound qualifies the complaint after it (rule 4)."""
    out: Spans = []
    for span in spans:
        if out and out[-1][2] in ("SYMPTOM", "DISEASE") and span[2] == "SYMPTOM" and span[0] == out[-1][1] + 2 \
                and words[out[-1][1]:span[0]] == ["-", "like"] and not doc[out[-1][1]].whitespace_:
            out[-1] = (out[-1][0], span[1], "SYMPTOM", span[3])
            continue
        out.append(span)
    return out


# The trigger words of each side-effect phrase rule (all registered, so gate_hits keeps them). A lay body
# predicate needs every word of one of its phrases ("on" and "fire"), so those words are kept too.
_WEIGHT_GATE = gate(WEIGHT_TRIGGERS)
_FEELING_GATE = gate(FEELING_NOUNS, EPISODE_NOUNS)
_SLEEP_GATE = gate(SLEEP_VERBS)
_HOUR_GATE = gate(HOUR_UNITS)
_LIKE_GATE = gate({"like", "-"})  # "flu-like aches" needs both


# States patients say they feel, which alone are vague words: "felt [weird]", "i feel [so low]", "feeling
# [disconnected]". Each takes the concept of the lexicon phrase it stands for. The verb stays outside, degree
# words inside (GUIDELINES rule 16); "feel weird about asking" is a feeling about an event (rule 17).
FELT_STATES = {
    "weird": "feeling off", "strange": "feeling off", "off": "feeling off", "funny": "feeling off",
    "dull": "emotionally flat", "flat": "emotionally flat", "dead": "emotionally numb",
    "empty": "feeling empty", "low": "low mood", "lazy": "lack of motivation", "guilty": "guilt",
    "detached": "feeling detached", "disconnected": "feeling detached", "unreal": "feeling detached",
    "speedy": "wired", "drugged": "spaced out", "spacy": "spaced out",
}
FEEL_VERBS = frozenset({"feel", "feels", "felt", "feeling"})
FELT_DEGREES = frozenset({"so", "very", "really", "pretty", "extremely", "super", "kind", "kinda", "sort", "of", "a",
                          "bit", "little", "quite", "totally", "completely"})
_ABOUT_AN_EVENT = frozenset({"about", "that", "for", "asking", "saying", "to", "when", "if"})


def add_felt_states(doc: Doc, words: list[str], spans: Spans, *, lookup: Lookup) -> Spans:
    """"felt weird", "i feel so low", "feeling disconnected": a vague state word after a feel verb (rule 16)."""
    n = len(words)
    covered = None
    added = []
    # "my foot feels dead" is a body part's complaint, not a state of mind
    body_ends = {e for _s, e, label, _concept in spans if label == "ANATOMY"}
    for i in _positions(words, FEEL_VERBS & gate_hits(words)):
        if i in body_ends or i - 1 in body_ends:
            continue
        j = i + 1
        while j < n and j - i <= 3 and words[j] in FELT_DEGREES:
            j += 1
        if j >= n or words[j] not in FELT_STATES or (j + 1 < n and words[j + 1] in _ABOUT_AN_EVENT):
            continue
        start = i + 1
        while start < j and words[start] in ("a", "kind", "kinda", "sort", "of", "bit", "little"):
            start += 1  # "felt a bit off": the quantity words are no degree of the state
        known = lookup(FELT_STATES[words[j]])
        if known is None:
            continue
        if covered is None:
            covered = covered_tokens(spans)
        if not covered.isdisjoint(range(start, j + 1)):
            continue
        added.append((start, j + 1, "SYMPTOM", known[1]))
    return sorted(spans + added) if added else spans


# Things whose taste, smell or sound a person reports as changed: "everything smells like burnt rubber", "coffee
# tastes like garbage", "soda tastes flat", "everything sounds underwater" (parageusia, parosmia, muffled hearing,
# after covid, chemotherapy or a drug). Only everyday things: "the syrup tastes awful" describes the medicine.
SENSED_THINGS = frozenset("everything food foods water drinks drink soda coffee tea beer wine meat chicken onions onion "
                          "garlic toothpaste milk chocolate fruit bread eggs things voices music".split())
SENSE_VERBS = {**dict.fromkeys(("tastes", "taste", "tasted", "tasting"), "HP:0031249"),
               **dict.fromkeys(("smells", "smell", "smelled", "smelt", "smelling"), "HP:0034004"),
               **dict.fromkeys(("sounds", "sound", "sounded", "sounding"), "HP:0000365")}
# How a thing tastes, smells or sounds when the sense is off; "like" + what it is like is the other form.
SENSED_WRONG = frozenset("flat metallic off weird funny strange bitter sour salty awful gross wrong different rotten "
                         "burnt muffled underwater distant tinny echoey bland disgusting".split())
_SENSE_DEGREES = frozenset({"so", "really", "very", "kinda", "all", "just", "totally"})


def add_sensory_distortions(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"coffee tastes like garbage", "everything sounds underwater": a changed sense is one SYMPTOM with what is
    sensed (GUIDELINES rule 6: a subject and its predicate), the drink inside it ("coffee") is no DRUG here."""
    n = len(words)
    added = []
    for i in _positions(words, _SENSE_GATE.intersection(gate_hits(words))):
        if i < 1 or words[i - 1] not in SENSED_THINGS:
            continue
        j = i + 1
        while j < n and words[j] in _SENSE_DEGREES:
            j += 1
        if j < n and words[j] in SENSED_WRONG:
            end = j + 1
        elif j + 1 < n and words[j] == "like":
            end = j + 1
            end += end < n and words[end] in ("a", "an")
            thing = end
            while end < n and end - thing < 2 and words[end].isalpha() and words[end] not in NOT_A_THING:
                end += 1
            if end == thing:
                continue  # "smells like it is burning": a clause, not the thing it is like
        else:
            continue
        added.append((i - 1, end, "SYMPTOM", SENSE_VERBS[words[i]]))
    return replace_covered(spans, added) if added else spans


_SENSE_GATE = gate(SENSE_VERBS)
_SUBTYPE = re.compile(r"[A-Z0-9]{1,2}$")


def extend_subtypes(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"IBS-C", "IBS-D": a letter glued to an abbreviation with a hyphen names its subtype, inside the mention."""
    n = len(words)
    # a hyphen and a letter after a span's end (cheap word tests), then the glue and the capitals (token look-ups)
    found = [k for k, (_start, end, label, _concept) in enumerate(spans) if end + 1 < n and words[end] == "-"
             and len(words[end + 1]) <= 2 and words[end + 1].isalpha() and label in ("DISEASE", "SYMPTOM")]
    found = [k for k in found if _glued_subtype(doc, spans[k][1]) and (k + 1 == len(spans) or spans[k + 1][0] > spans[k][1] + 1)]
    return rewrite_found(spans, found, lambda span: (span[0], span[1] + 2, span[2], span[3]))


def _glued_subtype(doc: Doc, hyphen: int) -> bool:
    return not doc[hyphen - 1].whitespace_ and not doc[hyphen].whitespace_ and doc[hyphen - 1].text.isupper() \
        and bool(_SUBTYPE.match(doc[hyphen + 1].text))


# Substances that are tests when a result follows them ("platelets came back 31", "my iron was 11", "cholesterol
# dropped to 150"), and medicines or nothing otherwise (GUIDELINES section 3: the role in the sentence decides).
# "smear" too: "my smear came back abnormal" is the smear test, "a smear of blood" or "i smear vaseline" no test.
ANALYTES = frozenset("platelets cholesterol potassium sodium calcium magnesium glucose iron b12 sugars sugar albumin "
                     "ferritin smear".split())
# The lexicon's test of an analyte, when the word alone is no test: "<word> count", "<word> level", ...
_ANALYTE_TESTS = ("count", "level", "levels", "test")
BLOOD_SUGAR_TEST = "QATEXT:test/blood-sugar-test"
_RESULT_VERBS = frozenset("was were is are came come comes dropped drop rose went fell sits sat stays stayed".split())
_RESULT_FILLERS = frozenset("at to in the still only a bit very really so around about".split())
_TAKING = frozenset("take takes taking took on started start added add with of some".split())
_DOSE_UNITS = frozenset("mg mcg ug g iu units unit ml mgs".split())
_RESULT_WORDS = frozenset("back high low normal elevated up down fine ok okay good great borderline checked tested "
                          "measured".split())


def add_analyte_results(doc: Doc, words: list[str], spans: Spans, *, lookup: Lookup) -> Spans:
    """"platelets came back 31", "my iron was 11": a substance with its result is the TEST of it (rule 9: the value
    stays outside). A longer span holding the word ("iron pills") keeps it."""
    n = len(words)
    by_start = covered = None  # built at the first analyte with a result
    changed: dict[int, tuple] = {}
    added = []
    for i in _positions(words, _ANALYTE_GATE.intersection(gate_hits(words))):
        if i + 1 >= n:
            continue
        j = i + 1
        while j + 1 < n and words[j] in ("and", ",") and words[j + 1] in ANALYTES:
            j += 2  # "my B12 and iron were checked": the result is of both
        if j >= n:
            continue  # "can you check my b12 and iron": the list ends the text, no result follows
        if words[j] in _RESULT_VERBS:
            j += 1
            while j < n and j - i <= 4 and words[j] in _RESULT_FILLERS:
                j += 1
        elif not doc[j].like_num or (i >= 1 and words[i - 1] in _TAKING) or (j + 1 < n and words[j + 1] in _DOSE_UNITS):
            continue  # "take magnesium 400 at night", "calcium 500 mg": a dose, not a result
        if not (j < n and (doc[j].like_num or words[j] in _RESULT_WORDS or words[j][:1].isdigit())):
            continue
        if covered is None:
            by_start = {span[0]: k for k, span in enumerate(spans)}
            covered = covered_tokens(spans, min_length=2)
        if i in covered:
            continue
        concept = BLOOD_SUGAR_TEST if words[i] in ("sugar", "sugars") else next(
            (found[1] for head in _ANALYTE_TESTS if (found := lookup(f"{words[i]} {head}")) and found[0] == "TEST"), None)
        if concept is None:
            continue
        span = (i, i + 1, "TEST", concept)
        if i in by_start:
            if spans[by_start[i]][2] != "TEST":
                changed[by_start[i]] = span
        else:
            added.append(span)
    if not changed and not added:
        return spans
    return sorted([changed.get(k, s) for k, s in enumerate(spans)] + added)


_ANALYTE_GATE = gate(ANALYTES)

# "get up 5 times a night to pee", "wake up 3x a night to urinate": the function is a complaint through its rate.
NOCTURIA = "HP:0000017"
_VOIDING = frozenset({"pee", "urinate", "wee", "piss"})
_RISING = frozenset({"get", "gets", "getting", "got", "wake", "wakes", "waking", "woke", "up"})


def add_night_voiding(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"gets up 5 times a night to pee" is one SYMPTOM (GUIDELINES rule 10: the body function defines it)."""
    added = []
    for i in _positions(words, _VOIDING_GATE.intersection(gate_hits(words))):
        # back from the verb: "to", then "a night" / "at night" / "every night", then "N times", then "(get|wake) up"
        j = i - 1
        if j < 0 or words[j] != "to":
            continue
        window = words[max(0, j - 8):j]
        if "night" not in window or "up" not in window:
            continue
        start = max(0, j - 8) + window.index("up")
        if start >= 1 and words[start - 1] in _RISING:
            start -= 1
        between = words[start + 2:j]
        if between and between[-1] == "night" and ("times" in between or "x" in between or any(w.endswith("x") and w[:-1].isdigit() for w in between)):
            added.append((start, i + 1, "SYMPTOM", NOCTURIA))
    return replace_covered(spans, added) if added else spans


_VOIDING_GATE = gate(_VOIDING)

# A function that is a complaint only through its rate (GUIDELINES section 6, batch 5): "peeing 14 times a day",
# "weeing every half hour", "pooping 6x a day". Words that are complaints on their own ("diarrhea 9x a day") keep
# the rate outside (rule 10), so only the plain functions are here.
RATED_FUNCTIONS = {**dict.fromkeys("pee peeing pees peed wee weeing wees weed urinate urinating urinates".split(), "HP:0100515"),
                   **dict.fromkeys("poop pooping poops pooped poo pooing".split(), "HP:0002014")}
_RATE_UNITS = frozenset("hour hours hr hrs minutes minute mins min day days night nights".split())
_TIMES = frozenset({"times", "x"})
_PER_UNIT = frozenset({"a", "per", "each", "every", "an"})
_GLUED_TIMES = re.compile(r"\d+x$")


def _rate_end(words: list[str], j: int) -> int | None:
    """The end of a rate that starts at ``j``: "every half hour", "every 20 minutes", "14 times a day", "6x a day"."""
    n = len(words)
    if j < n and words[j] == "every":
        k = j + 1
        if k < n and (words[k] in ("half", "few", "couple", "other") or _is_number(words[k])):
            k += 1
        k += k < n and words[k] == "of"  # "every couple of hours"
        return k + 1 if k < n and words[k] in _RATE_UNITS else None
    k = j
    if k < n and _GLUED_TIMES.match(words[k]):
        k += 1
    elif k + 1 < n and _is_number(words[k]) and words[k + 1] in _TIMES:
        k += 2
    else:
        return None
    if k + 1 < n and words[k] in _PER_UNIT and words[k + 1] in _RATE_UNITS:
        return k + 2
    return None


def add_function_rates(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"peeing 14 times a day", "weeing every half hour": the function with its rate is one SYMPTOM."""
    added = []
    for i in _positions(words, _RATED_GATE.intersection(gate_hits(words))):
        end = _rate_end(words, i + 1)
        if end is not None:
            added.append((i, end, "SYMPTOM", RATED_FUNCTIONS[words[i]]))
    return replace_covered(spans, added) if added else spans


_RATED_GATE = gate(RATED_FUNCTIONS)
_LIKE = frozenset({"like"})
# "i feel like there's a lump in my throat", "feel like passing out": "feel like" makes the complaint (rule 16).
_FEEL_LIKE_FILLERS = frozenset({"there", "theres", "there's", "is", "i", "im", "i'm", "am", "a", "an", "have", "something",
                                "some", "kind", "of", "'s", "s", "m",  # spaCy splits "theres", "im" into "there s", "i m"
                                # "felt like i was going to pass out", "felt like i was about to faint"
                                "was", "were", "going", "gonna", "to"})


def add_feel_like(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """A complaint after "feel(s)/felt like" takes the phrase in: "[feel like there's a lump in my throat]"."""
    n = len(words)
    # where a complaint would start after each "feel like" and its fillers ("like" is mostly no "feel like")
    after: dict[int, int] = {}
    for p in _positions(words, _LIKE):
        if p >= 1 and words[p - 1] in FEEL_VERBS:
            q = p + 1
            while q < n and q - p <= 4 and words[q] in _FEEL_LIKE_FILLERS:
                q += 1
            after[q] = p - 1
    if not after:
        return spans
    # a filler ("there's a lump") or a verb ("passing out") makes it a complaint; "felt like pins and needles"
    # is a simile of the symptom named after it, which stays as it is
    # (and no other span between the verb and the complaint: spans are sorted, so the one before ends there)
    found = [k for k, (start, _end, label, _concept) in enumerate(spans) if start in after and label == "SYMPTOM"
             and (start > after[start] + 2 or words[start].endswith("ing")) and (k == 0 or spans[k - 1][1] <= after[start])]
    return rewrite_found(spans, found, lambda span: (after[span[0]], *span[1:]))


# Tissue words that make a complaint with the head after them ("joint pain", "muscle aches", "nerve pain"). A body
# part before a head is joined as ANATOMY already (compose_symptoms); these are no body part of their own.
TISSUE_WORDS = frozenset("joint joints muscle muscles nerve nerves bone bones tendon tendons ligament period menstrual "
                         "growing phantom".split())


def extend_compound_heads(doc: Doc, words: list[str], spans: Spans, *, lookup: Lookup) -> Spans:
    """"joint pain in my knees": the lexicon's "pain in my knees" won over "joint pain" as the longer match, but
    the tissue word before the head makes a known complaint with it ("joint pain"), so it is inside too."""
    # cheap word tests on the spans first; the look-up only for a located complaint right after a tissue word
    found = [k for k, (start, end, label, _concept) in enumerate(spans)
             if end - start >= 3 and start and words[start - 1] in TISSUE_WORDS and label == "SYMPTOM"
             and words[start] in LOCATED_COMPLAINTS and (k == 0 or spans[k - 1][1] < start)]
    found = [k for k in found if (lookup(f"{words[spans[k][0] - 1]} {words[spans[k][0]]}") or ("",))[0] == "SYMPTOM"]
    return rewrite_found(spans, found, lambda span: (span[0] - 1, *span[1:]))


_TISSUE_GATE = gate(TISSUE_WORDS)
_FELT_STATE_GATE = gate(FELT_STATES)
_FELT_GATE = gate(FEEL_VERBS)
# The trigger words of the phrase rules run after the side-effect ones (one test for a doc with none of them).
_BODY_LIKENESS_GATE = body_likeness.GATE  # registered there; a name here so the gate test finds it
_PHRASE_GATE = gate(_SENSE_GATE, {"-", "like"}, _ANALYTE_GATE, _TISSUE_GATE, _VOIDING_GATE, _RATED_GATE, _BODY_LIKENESS_GATE)
_NIGHT_GATE = gate({"night"})  # "up 5 times a night to pee" needs a voiding word and this
_SIDE_EFFECT_GATE = gate(_WEIGHT_GATE, _FEELING_GATE, _SLEEP_GATE, _LAY_PREDICATE_GATE, _COLOUR_GATE, _INJURY_GATE,
                         _DOCTOR_GATE, {"like"}, _FELT_STATE_GATE)
