"""Where a lay complaint's clause stops (issue 11, GUIDELINES rules 6, 10, 11).

A list of body parts shares the predicate that follows it ("[feet and hands are really swollen]"), but a part after
"and" with its own possessive and a verb in the singular starts a clause of its own: "this infected toe and my
[stomach is doing backflips]", "back of my thigh, and my [foot feels asleep]". A singular verb cannot have a list
of parts for its subject, and the repeated possessive says a new subject begins.

Allergens before "allergy", and the colours a part goes through one after another, join the complaint too.
(A perception verb stays where the earlier rules put it: rule 16 puts "felt" outside "[very nauseous]", PsyTAR's
annotators put it inside, and moving it out cost PsyTAR's strict F1 0.3 points for 0.7 on the team's blind batch 13;
left until the owners' sets show which convention public text follows.)
"""
from __future__ import annotations

from qatext.ner.lay_common import NOT_A_THING, OBJECT_DETERMINERS, POSSESSIVES
from qatext.ner.span_rules import SEVERITY, gate

# Verbs in the third person singular that open a part's predicate ("is swollen", "feels asleep", "keeps twitching").
SINGULAR_VERBS = frozenset("""is was has does feels felt looks seems keeps gets goes 's isnt wasnt hasnt doesnt
""".split())


def new_subject(words: list[str], part_start: int, verb_at: int, first_start: int) -> bool:
    """The part at ``part_start`` (after "and" or ",") is the subject of a clause of its own: its own possessive
    stands before it, the verb at ``verb_at`` is singular ("and my [stomach is doing backflips]"), and the part
    before the "and" (its phrase starting at ``first_start``) is the object of something earlier ("for an infected
    toe", "the back of my thigh"): "[my knee and my ankle is swollen]" is one subject, agreement or not."""
    return part_start >= 1 and words[part_start - 1] in POSSESSIVES and 0 <= verb_at < len(words) \
        and (words[verb_at] in SINGULAR_VERBS or words[verb_at] in PLURAL_VERBS and words[part_start - 2] == ",") \
        and _governed(words, first_start)


# (round 19d) After a comma a repeated possessive starts a clause whatever the verb's number: "raised spots over the
# backs of his legs, his [ankles are puffy]" (a part governed by "of" is no subject of "are"); after "and" the
# number still decides ("[my knee and my ankle are swollen]" is one subject).
PLURAL_VERBS = frozenset("are were have feel felt look looked seem seemed keep kept get got go went".split())


# What makes a part the object of what came before it: a preposition, or a verb done to it ("stubbed my toe")
_GOVERNING = frozenset("of for in on to with at from into onto by about over under round around after near behind "
                       "hurt hit broke cut".split())


def _governed(words: list[str], first_start: int) -> bool:
    """A preposition or a verb done to the part within three words before its phrase, with no clause break between."""
    for k in range(first_start - 1, max(-1, first_start - 4), -1):
        word = words[k]
        if word in _GOVERNING or (len(word) > 4 and word.endswith("ed") and word.isalpha()):
            return True
        if not word.isalpha():
            return False
    return False


# The shade of a colour in a sequence: "then bright red"
_SHADES = frozenset({"bright", "dark", "pale", "deep", "dusky"})


def colour_sequence_end(words: list[str], end: int, colours: frozenset, taken: set[int]) -> int:
    """"[fingertips turn white, then blue, then bright red]": the colours a part goes through one after another are
    one complaint, its predicate listed (rule 11), as "[scalp is red and scratched raw]" is; ``end`` when none."""
    n = len(words)
    k = end
    while True:
        i = k
        if i < n and words[i] in (",", "and"):
            i += 1
        if i >= n or words[i] != "then":
            return k
        i += 1
        if i < n and words[i] in _SHADES:
            i += 1
        if i >= n or words[i] not in colours or taken.intersection(range(k, i + 1)):
            return k
        k = i + 1


# A state of a part that names an infection or a lesion of it: "[infected toe]", "[ulcerated gum]" (rule 5: the part
# as a pre-modified head is one DISEASE, like "[infected hip replacement]")
PART_DISEASE_STATES = gate({"infected", "abscessed", "ulcerated"})


# "my cut is infected skin around it is red": "infected" after a copula or a verb of seeming ends that clause
_PREDICATE_VERBS = frozenset("is was are were looks looked look got gets became becomes become seems seemed went "
                             "gone been be being 's".split())


def join_diseased_parts(words: list[str], spans: list) -> list:
    """"infected" (DISEASE) right before a body part (ANATOMY) is the part's disease: one span; before a disease or a
    lesion it qualifies it ("[infected ingrown toenail]", "[infected eczema]": a clinical qualifier, rule 4)."""
    out: list = []
    for span in spans:
        if span[2] in ("ANATOMY", "DISEASE", "SYMPTOM") and out and out[-1][1] == span[0] and out[-1][2] == "DISEASE" \
                and out[-1][1] - out[-1][0] == 1 and words[out[-1][0]] in PART_DISEASE_STATES \
                and not (out[-1][0] and words[out[-1][0] - 1] in _PREDICATE_VERBS):
            first = out.pop()
            span = (first[0], span[1], "DISEASE", first[3]) if span[2] == "ANATOMY" else (first[0], *span[1:])
        out.append(span)
    return out


# "[sulfa allergy]", "[cat allergy]", "[grass pollen allergy]": what one is allergic to, written before the word, is
# part of the DISEASE (rule 1: "allergic to penicillin" is one DISEASE; the gold keeps "[peanut allergy]")
ALLERGY_WORDS = gate({"allergy", "allergies"})
# Allergen nouns that take a kind before them: "grass pollen", "tree nut", "dust mite", "bee venom", "cat dander"
_KINDED_ALLERGENS = frozenset("pollen pollens nut nuts mite mites dander venom sting stings hair fur".split())
# Words that name no allergen: function words, grades, verbs that report a diagnosis ("says allergy", "bad allergy")
_NO_ALLERGEN = NOT_A_THING | OBJECT_DETERMINERS | SEVERITY | frozenset(
    "says said say thinks think thought suspect suspects suspected possible probable known new real true any no "
    "an a got get gets getting having severe sever mild slight bad worst my not also "
    # times of life and of the year, and people: "summer allergy season", "childhood allergy", "my doctor allergy
    # tested me"
    "spring summer autumn fall winter season seasons childhood adult adulthood baby infancy life lifelong "
    "doctor doctors dr gp nurse mom mum dad mother father son daughter wife husband kid kids child children".split())


def add_allergens(words: list[str], spans: list) -> list:
    """"allergy" (DISEASE) takes the allergen word before it, and its kind before an allergen noun."""
    out = None
    ends = {s[1]: k for k, s in enumerate(spans)}
    for k, (start, end, label, concept) in enumerate(spans):
        if label != "DISEASE" or start == 0:
            continue
        if words[start] in ALLERGY_WORDS:
            at = _allergen_start(words, start)
        elif words[start] in _KINDED_ALLERGENS and end - start == 2 and words[start + 1] in ALLERGY_WORDS:
            at = start - 1 if _allergen(words, start - 1) else start  # "[grass] pollen allergy"
        else:
            continue
        if at == start:
            continue
        before = ends.get(start)  # a one-word drug or part span of the allergen ("penicillin") joins too
        if before is not None and spans[before][0] < at:
            continue
        if before is not None and spans[before][2] not in ("DRUG", "ANATOMY"):
            continue
        if any(s[0] < start and s[1] > at for j, s in enumerate(spans) if j != before and j != k and s[1] <= start):
            continue
        if out is None:
            out = list(spans)
        out[k] = (at, end, label, concept)
        if before is not None:
            out[before] = None
    return spans if out is None else [s for s in out if s is not None]


def _allergen_start(words: list[str], start: int) -> int:
    i = start - 1
    if not _allergen(words, i):
        return start
    if i >= 1 and words[i] in _KINDED_ALLERGENS and _allergen(words, i - 1):
        return i - 1
    return i


# What stands before an allergen noun: an article or possessive ("a [sulfa allergy]"), a copula or preposition ("is
# [dog allergy]", "for [cat allergy]"), a reporting verb ("says [peanut allergy]"); a verb's "develop allergy" has none
_BEFORE_ALLERGEN = OBJECT_DETERMINERS | POSSESSIVES | frozenset(
    "this that is was for with has have had of says said no any suspected known".split()) | frozenset(
    # or nothing, at the start of a sentence or list item ("in A&E. [cashew allergy] since i was 7")
    {".", "!", "?", ":", ";", "-", "\n"})
# endings of adjectives and participles ("longstanding", "seasonal", "severe"), which grade, not name, the allergy
_NOT_NOUN_ENDINGS = ("ing", "ed", "al", "ous", "ive", "ic", "ly")


def _allergen(words: list[str], i: int) -> bool:
    """The word at ``i`` is a noun naming an allergen, by its form and the word before it."""
    word = words[i]
    return word.isalpha() and word not in _NO_ALLERGEN and not word.endswith(_NOT_NOUN_ENDINGS) \
        and (i == 0 or words[i - 1] in _BEFORE_ALLERGEN or word in _KINDED_ALLERGENS)
