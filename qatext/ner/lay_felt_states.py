"""Felt states and perceptions (GUIDELINES rules 6 and 16): "felt weird", "feeling of dread", "bouts of nausea",
"feel like there's a lump in my throat", "coffee tastes like garbage", "seeing things that aren't there".
"""
from __future__ import annotations

from spacy.tokens import Doc

from qatext.ner.lay_common import POSSESSIVES, RELATIVE_PRONOUNS, Lookup, NOT_A_THING, replace_covered
from qatext.ner.span_rules import (DESCRIPTORS, LOCATION_PREPOSITIONS, SEVERITY, Spans, covered_tokens, gate,
                                   gate_hits, rewrite_found, word_positions as _positions)

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
# Nouns of the mind a complaint word heads like a feeling noun: "[anxious thoughts]", "[self harm urges]", "[suicidal
# tendencies]" (batch 91); not the verb: "my anxiety urges me to check the locks".
MIND_HEADS = frozenset({"thoughts", "urges", "tendencies"})
_URGED = frozenset("me you him her us them to people everyone anyone".split())
# "anxiety feeling like a weight" is the verb "feel", not the noun after a symptom.
_NOT_AFTER_FEELING = frozenset({"like", "that", "as", "so", "very", "really", "better", "worse"})


def _feeling_noun_heads(words: list[str], start: int, end: int) -> bool:
    """Whether the feeling noun at ``end`` is the noun heading the complaint of several words before it, not the verb
    ("back pain feeling much better today"): an article or a possessive before it ("a [horrible nauseous feeling]")
    or nothing after the noun but the clause's end ("light headed feeling.")."""
    if not _feeling_can_head(words, start, end):
        return False
    return start and words[start - 1] in _FEELING_OPENERS or end + 1 >= len(words) or not words[end + 1].isalnum()


_FEELING_OPENERS = frozenset("a an the this that these those my his her their our your some same".split())


def _feeling_can_head(words: list[str], start: int, end: int) -> bool:
    """A feeling noun heads a complaint of several words when those words are a phrase of their own, of degree,
    quality or the complaint's name: "[horrible dizzy feeling]", "[light headed feeling]"; not a complaint with a
    place or a clause in it ("pain in my back feeling"). Episode nouns head only one word: "[racing heart] episodes"."""
    return all(word.isalpha() and word not in _NOT_IN_FELT_HEAD for word in words[start:end - 1])


_NOT_IN_FELT_HEAD = frozenset({"in", "on", "of", "my", "the", "a", "and", "or", "to", "with", "at", "from", "is", "was",
                               "are", "been", "be", "i", "it", "like"})


def add_feeling_nouns(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"feeling of dread", "bouts of nausea", "clammy feeling", "anxious thoughts": the noun is the complaint's head."""
    n = len(words)
    # most docs with a feeling word have no symptom right after "feeling of" or right before "feeling": none to change
    nouns = set(_positions(words, _FEELING_GATE.intersection(gate_hits(words))))
    if not any(span[2] == "SYMPTOM" and (span[0] - 2 in nouns or span[0] - 3 in nouns or span[1] in nouns)
               for span in spans):
        return spans
    ends = {span[1] for span in spans}
    starts = {span[0] for span in spans}
    # a token another span holds cannot join ("no feeling" of "no feeling of urinary urgency")
    taken = {i for span in spans for i in range(span[0], span[1])}
    out = []
    for start, end, label, concept in spans:
        if label == "SYMPTOM":
            # "[feeling of dread]", and with the thing's article (round 26a): "a [feeling of a lump in my throat]"
            opening = start - 3 if start >= 3 and words[start - 1] in ("a", "an") else start - 2
            if opening >= 0 and (words[opening], words[opening + 1]) in FEELING_OF and opening not in ends \
                    and taken.isdisjoint(range(opening, start)):
                start = opening
                # the quality of the burst is the complaint's too: "a [sharp stab of pain]", "a [sudden wave of nausea]"
                # (not of a feeling: "a constant [feeling of dread]" is how often, GUIDELINES rule 4)
                while start and words[start] in EPISODE_NOUNS and (words[start - 1] in SEVERITY or words[start - 1] in DESCRIPTORS) \
                        and start - 1 not in taken:
                    start -= 1
            elif end < n and (words[end] in FEELING_NOUNS or words[end] in EPISODE_HEADS) and end + 1 not in starts \
                    and (end - start == 1 or words[end] in FEELING_NOUNS and _feeling_noun_heads(words, start, end)) \
                    and end not in taken \
                    and (end + 1 >= n or words[end] in EPISODE_HEADS or words[end + 1] not in _NOT_AFTER_FEELING):
                end += 1
            elif end < n and words[end] in MIND_HEADS and end + 1 not in starts and end not in taken \
                    and _feeling_can_head(words, start, end) \
                    and not (words[end] == "urges" and end + 1 < n and words[end + 1] in _URGED):
                end += 1
        out.append((start, end, label, concept))
    return out


# "saw things that werent there", "seeing cats that arent there", "hears voices that aren't there": hallucinations
# told as what is perceived and denied, one SYMPTOM from the verb to "there".
HALLUCINATION = "HP:0000738"
PERCEIVING = frozenset("see sees saw seeing seen hear hears heard hearing feel feels felt feeling "
                       # (batch 99) a smell that is not there: "i [smell burning rubber that isn't there]"
                       "smell smells smelt smelled smelling".split())
# How far the relative clause may stand from the verb: a thing and its place ("[sees kids in the garden that aren't
# there]", batch 99).
_PERCEIVED_WORDS = 6
# the words of a place that NOT_A_THING would otherwise stop at: "in", "on", "my", "her"
_PLACE_WORDS_KEPT = (LOCATION_PREPOSITIONS | POSSESSIVES | {"at", "by", "the"}) & NOT_A_THING
# "a lump in my neck that wasn't there before": something new, not something unreal
_NEW_SINCE = frozenset("before yesterday last ago earlier anymore then previously originally a an this when until "
                       "till".split())
_NOT_THERE = (("are", "n't"), ("were", "n't"), ("is", "n't"), ("was", "n't"), ("are", "not"), ("were", "not"),
              ("is", "not"), ("was", "not"), ("arent",), ("werent",), ("isnt",), ("wasnt",), ("are", "nt"),
              ("were", "nt"), ("is", "nt"), ("was", "nt"))


def _complaint_within(spans: Spans, start: int, end: int) -> bool:
    """Whether a SYMPTOM or DISEASE span lies inside tokens ``start``..``end`` ("felt a [lump] in my neck that ...")."""
    return any(span[2] in ("SYMPTOM", "DISEASE") and start <= span[0] and span[1] <= end for span in spans)


def add_unreal_perceptions(doc: Doc, words: list[str], spans: Spans) -> Spans:
    n = len(words)
    added = []
    for i in _positions(words, _PERCEIVING_GATE.intersection(gate_hits(words))):
        if i + 1 < n and (words[i + 1] in NOT_A_THING or not words[i + 1].isalpha()):
            continue
        for k in range(i + 2, min(i + 2 + _PERCEIVED_WORDS, n)):
            if words[k] not in ("that", "which", "who"):
                if words[k] not in _PLACE_WORDS_KEPT and (words[k] in NOT_A_THING or not words[k].isalpha()):
                    break  # "see what you mean": no thing perceived
                continue
            for cue in _NOT_THERE:
                end = k + 1 + len(cue)
                if tuple(words[k + 1:end]) == cue and end < n and words[end] == "there":
                    if not (end + 1 < n and words[end + 1] in _NEW_SINCE or _complaint_within(spans, i + 1, k)):
                        added.append((i, end + 1, "SYMPTOM", HALLUCINATION))
                    break
            break
    return replace_covered(spans, added) if added else spans


_PERCEIVING_GATE = gate(PERCEIVING)
NOT_THERE_WORDS = frozenset(word for cue in _NOT_THERE for word in cue if word not in ("are", "were", "is", "was"))
_FEELING_GATE = gate(FEELING_NOUNS, EPISODE_NOUNS, MIND_HEADS)


# States patients say they feel, which alone are vague words: "felt [weird]", "i feel [so low]", "feeling
# [disconnected]". Each takes the concept of the lexicon phrase it stands for. The verb stays outside, degree
# words inside (GUIDELINES rule 16); "feel weird about asking" is a feeling about an event (rule 17).
FELT_STATES = {
    "weird": "feeling off", "strange": "feeling off", "off": "feeling off", "funny": "feeling off",
    "dull": "emotionally flat", "flat": "emotionally flat", "dead": "emotionally numb",
    "empty": "feeling empty", "low": "low mood", "lazy": "lack of motivation", "guilty": "guilt",
    "detached": "feeling detached", "disconnected": "feeling detached", "unreal": "feeling detached",
    "speedy": "wired", "drugged": "spaced out", "spacy": "spaced out",
    # feeling ill without a named complaint: "felt [awful]", "i feel [so rough]" (malaise)
    "awful": "malaise", "terrible": "malaise", "horrible": "malaise", "horrid": "malaise", "dreadful": "malaise",
    "lousy": "malaise", "crappy": "malaise", "rotten": "malaise",
    # the same in British, Irish and Australian posts: "felt [rough] the whole time", "i feel [so crook]"
    "rough": "malaise", "grotty": "malaise", "ropey": "malaise", "crook": "malaise",
    "ill": "malaise", "poorly": "malaise", "intoxicated": "spaced out", "drunk": "spaced out", "stoned": "spaced out",
}
FEEL_VERBS = frozenset({"feel", "feels", "felt", "feeling"})
# States said of things as often as of people: they are malaise only when a person, or nothing, comes before the verb
# ("i just felt [rough]", "feeling [ropey] after the night shift"; not "the mattress feels rough").
_SAID_OF_THINGS_TOO = frozenset({"rough", "ropey", "grotty"})
_FEELERS = frozenset("i im i'm m he she we they you u been was am is are still just also really so and but now "
                     ", . ! ? ; :".split()) | {"\n"}
FELT_DEGREES = frozenset({"so", "very", "really", "pretty", "extremely", "super", "kind", "kinda", "sort", "of", "a",
                          "bit", "little", "quite", "totally", "completely", "physically"})
# "if anything feels off with baby, go in": a thing that may feel wrong, nobody's state
_NO_ONES_FEELING = frozenset({"anything", "nothing"})
_ABOUT_AN_EVENT = frozenset({"about", "that", "for", "asking", "saying", "to", "when", "if", "because", ",", "at"})


def add_felt_states(doc: Doc, words: list[str], spans: Spans, *, lookup: Lookup) -> Spans:
    """"felt weird", "i feel so low", "feeling disconnected": a vague state word after a feel verb (rule 16)."""
    n = len(words)
    covered = None
    added = []
    # "my foot feels dead" is a body part's complaint, not a state of mind
    body_ends = {e for _s, e, label, _concept in spans if label == "ANATOMY"}
    for i in _positions(words, FEEL_VERBS & gate_hits(words)):
        if i in body_ends or i - 1 in body_ends or i and words[i - 1] in _NO_ONES_FEELING:
            continue
        j = i + 1
        while j < n and j - i <= 3 and words[j] in FELT_DEGREES:
            j += 1
        if j >= n or words[j] not in FELT_STATES or (j + 1 < n and words[j + 1] in _ABOUT_AN_EVENT):
            continue
        if words[j] in _SAID_OF_THINGS_TOO and not (i == 0 or words[i - 1] in _FEELERS):
            continue  # "the mattress feels rough", "i can feel rough edges", "the wifi feels ropey": a thing felt
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
# (batch 97) Drinks by name are sensed wrong only when their taste is told as off, not when it is a drink's own
# ("Coke tastes different because of the cane sugar"); their name may open with "diet" or "coca" ("[Diet Coke tastes
# flat]").
_DRINK_NAMES = frozenset({"coke", "pepsi", "cola"})
_DRINK_OPENERS = frozenset({"diet", "coca"})
_DRINK_LIKE_OFF = frozenset("metal soap chemicals pennies coins cardboard nothing water tin batteries rubber ash "
                            "garbage petrol gasoline".split())
SENSED_THINGS = frozenset("everything food foods water drinks drink soda coffee tea beer wine meat chicken onions onion "
                          "garlic toothpaste milk chocolate fruit bread eggs things voices music".split()) | _DRINK_NAMES
SENSE_VERBS = {**dict.fromkeys(("tastes", "taste", "tasted", "tasting"), "HP:0031249"),
               **dict.fromkeys(("smells", "smell", "smelled", "smelt", "smelling"), "HP:0034004"),
               **dict.fromkeys(("sounds", "sound", "sounded", "sounding"), "HP:0000365")}
# How a thing tastes, smells or sounds when the sense is off; "like" + what it is like is the other form.
SENSED_WRONG = frozenset("flat metallic off weird funny strange bitter sour salty awful gross wrong different rotten "
                         "burnt muffled underwater distant tinny echoey bland disgusting".split())
_DRINK_TOLD_OFF = SENSED_WRONG - {"different", "sour", "bitter", "salty"}  # not the tastes a drink has of its own
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
        drink = words[i - 1] in _DRINK_NAMES
        if drink and not (j < n and words[j] in _DRINK_TOLD_OFF or j + 1 < n and words[j] == "like"
                          and not _DRINK_LIKE_OFF.isdisjoint(words[j + 1:j + 3])):
            continue
        if j < n and words[j] in SENSED_WRONG:
            end = j + 1
        elif j + 1 < n and words[j] == "like":
            end = j + 1
            end += end < n and words[end] in ("a", "an")
            thing = end
            while end < n and end - thing < 2 and words[end].isalpha() and words[end] not in NOT_A_THING \
                    and words[end] not in RELATIVE_PRONOUNS:
                end += 1
            if end == thing:
                continue  # "smells like it is burning": a clause, not the thing it is like
        else:
            continue
        start = i - 2 if drink and i > 1 and words[i - 2] in _DRINK_OPENERS else i - 1
        added.append((start, end, "SYMPTOM", SENSE_VERBS[words[i]]))
    return replace_covered(spans, added) if added else spans


_SENSE_GATE = gate(SENSE_VERBS)
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


_FELT_STATE_GATE = gate(FELT_STATES)
_FELT_GATE = gate(FEEL_VERBS)
