"""Disease phrases joined across the lexicon's matches: a flare of a disease ("[lupus flare]") and an allergy
with what it is to ("[allergic to penicillin]", "[allergic to shellfish]"; not "allergic to mondays").
"""
from __future__ import annotations

from spacy.tokens import Doc

from qatext.ner.lay_common import CLAUSE_BREAKS, CONCEPT, NOT_A_THING, OBJECT_STOPS, POSSESSIVES
from qatext.ner.span_rules import FLARE, Spans, gate, gate_hits

ALLERGY_PHRASES = frozenset({"allergic to", "allergy to", "allergies to", "allergic reaction to"})
# the complaints a disease gives that its name heads: "[fibro pain]", "[MS fatigue]" (round 26a)
_DISEASE_COMPLAINTS = frozenset({"pain", "pains", "fatigue"})
_ALLERGY_GATE = gate(phrase.split()[0] for phrase in ALLERGY_PHRASES)
# A disease named as the kind of the complaint after it: "[diabetic gastroparesis]", "[diabetic retinopathy]" (the
# gold writes "diabetic X" as one span, with X's label); after a copula it is the person's state and a new clause may
# follow: "my mum is [diabetic] [headaches] are common" (round 38)
_DISEASE_KINDS = gate({"diabetic"})
_COPULAS = frozenset("is am 'm m im was are were be been being".split())
ALLERGY = "HP:0012393"


def _after_a_time_word(words: list[str], start: int) -> bool:
    """"since my stroke pain has been constant": the disease dates the pain (a comma left out), it is no kind of it."""
    k = start - 1
    if k >= 0 and (words[k] in POSSESSIVES or words[k] in _ARTICLES):
        k -= 1
    if k >= 0 and words[k] == "with":  # "with lupus fatigue is common", opening its clause ("helped with fibro pain" is one)
        return k == 0 or words[k - 1] in CLAUSE_BREAKS
    return k >= 0 and words[k] in _TIME_WORDS


_TIME_WORDS = frozenset("since after before during from".split())
_ARTICLES = frozenset({"the", "a", "an"})


def _may_have_allergy(words: list[str], spans: Spans) -> bool:
    """An allergy word in the doc, or an allergy the lexicon read in a misspelling ("alergy to")."""
    return not _ALLERGY_GATE.isdisjoint(gate_hits(words)) or ALLERGY in map(CONCEPT, spans)


def _allergy_phrase(words: list[str], span) -> bool:
    """A DISEASE that is an allergy phrase waiting for its allergen: "allergic to", "allergy to", or "alergy to" (a
    misspelling the lexicon read as "allergy to"); the lexicon gives every one of them the allergy concept."""
    return span[3] == ALLERGY and words[span[1] - 1] == "to"


def join_disease_phrases(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"[lupus flare]", "[Crohn's flare-up]" and "[allergic to penicillin]" are one DISEASE; "[kidney stone pain]",
    "[fibro pain]" one SYMPTOM (the pain a disease gives, as drug-review annotators and the blind gold write it)."""
    pains = any(span[2] == "SYMPTOM" and words[span[0]] in _DISEASE_COMPLAINTS for span in spans)
    kinds = not _DISEASE_KINDS.isdisjoint(gate_hits(words))
    if not pains and not kinds and not _may_have_allergy(words, spans) and FLARE not in map(CONCEPT, spans):
        return spans
    out: Spans = []
    for span in spans:
        if out and out[-1][1] == span[0]:
            previous = out[-1]
            if kinds and previous[1] - previous[0] == 1 and words[previous[0]] in _DISEASE_KINDS \
                    and previous[2] == "DISEASE" and span[2] in ("DISEASE", "SYMPTOM") \
                    and (previous[0] == 0 or words[previous[0] - 1] not in _COPULAS):
                out[-1] = (previous[0], span[1], span[2], span[3])  # "[diabetic gastroparesis]" (round 38)
                continue
            if previous[2] == "DISEASE" and span[2] == "DISEASE" and span[3] == FLARE:
                out[-1] = (previous[0], span[1], "DISEASE", previous[3])
                continue
            if previous[2] == "DISEASE" and span[2] == "SYMPTOM" and words[span[0]] in _DISEASE_COMPLAINTS \
                    and not _after_a_time_word(words, previous[0]):
                out[-1] = (previous[0], span[1], "SYMPTOM", span[3])
                continue
            if previous[2] == "DISEASE" and span[2] == "DRUG" and _allergy_phrase(words, previous):
                out[-1] = (previous[0], span[1], "DISEASE", previous[3])
                continue
        out.append(span)
    return out


# What one is "allergic to" in a figure of speech (GUIDELINES rule 17: "allergic to mondays").
_ANY = frozenset({"anything", "any", "anyone", "stuff", "things", "lots", "many", "several", "certain", "some", "the", "a",
                  "an", "this", "that", "these", "those", "most", "all", "both", "actual", "same", "one"})
FIGURATIVE_ALLERGENS = frozenset("mondays monday mornings work homework people exercise cleaning school math effort "
                                 "commitment change excuses responsibility adulting drama nonsense housework "
                                 "paperwork meetings meeting commute commuting emails".split())


# What an owner's or "the" allergen may end with (round 48): animals, plants and materials one lives with.
OWNED_ALLERGENS = frozenset("cat cats dog dogs kitten kittens puppy puppies horse horses rabbit rabbits hamster "
                            "hamsters guinea pig pigs bird birds parrot feathers pollen grass trees tree flowers plants "
                            "mould mold dust latex nickel wool detergent perfume".split())


def _allergen_end(words: list[str], start: int, starts) -> int:
    """Where the allergen from ``start`` ends: one or two words before a stop ("cats", "tree nuts"), or ``start``."""
    n = len(words)
    thing = start
    while thing < n and thing - start < 2 and thing not in starts and words[thing].isalpha() \
            and words[thing] not in OBJECT_STOPS and words[thing] not in NOT_A_THING and words[thing] not in _ANY \
            and not (thing > start and words[thing].endswith("ly")):  # "allergic to cats apparently"
        thing += 1
    return thing


def add_allergens(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"allergic to shellfish", "allergic to tree nuts": a food, animal or material the lexicon has no entry for
    still completes the allergy (one DISEASE, rule 4.1); "allergic to it" and "allergic to mondays" do not."""
    if not _may_have_allergy(words, spans):
        return spans
    n = len(words)
    starts = {span[0] for span in spans}
    out = list(spans)
    for k, (start, end, label, concept) in enumerate(spans):
        if label != "DISEASE" or end in starts or not _allergy_phrase(words, spans[k]):
            continue
        opener = end + (end + 1 < n and (words[end] in POSSESSIVES or words[end] == "the"))
        thing = _allergen_end(words, opener, starts)
        if opener > end and (thing == opener or words[thing - 1] not in OWNED_ALLERGENS):
            # "[allergic to her cats]", "[allergic to the office dog]": an owner or "the" opens only an animal, a
            # plant or a material ("allergic to the point that", "allergic to my boss" stay without)
            opener, thing = end, _allergen_end(words, end, starts)
        if thing > opener:
            # "allergic to mondays" names no allergy at all (rule 17)
            out[k] = None if FIGURATIVE_ALLERGENS.intersection(words[end:thing]) else (start, thing, label, concept)
        elif end + 1 < n and words[end] in POSSESSIVES and words[end + 1] in FIGURATIVE_ALLERGENS:
            out[k] = None  # "still allergic to my commute"
        elif words[end - 1] == "to":  # "[allergic] to any food": without its allergen the mention ends before "to"
            out[k] = (start, end - 1, label, concept)
    return [span for span in out if span is not None]
