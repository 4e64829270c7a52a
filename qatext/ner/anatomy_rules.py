"""Which ANATOMY spans stand: a body word is ANATOMY only where it names a body part on its own.

Runs last among the span rules, on the body words the other rules left alone (GUIDELINES 4.5-4.7,
4.17). A lone body word is not ANATOMY when

* it modifies the head of another mention: a test ("kidney function", "kidney numbers"), a product
  ("nose drops", "hair and nail gummies") or a procedure ("bladder instillations"); the span becomes
  that TEST, DRUG or TREATMENT, as the guideline draws it ("[chest x-ray]", "[eye drops]");
* it modifies a noun that is no body part: a person or service ("eye doc", "renal team", "GI says"),
  a measure ("shoulder height"), an everyday object ("hair dryer", "palm oil");
* it is the vehicle of a comparison ("dry as a bone", "the size of a palm") or sits in an idiom
  ("keep an eye on", "head to the ER", "breaking my heart", "back and forth", "chewing gum").

Spans are ``(start, end, label, concept_id)`` token ranges, sorted and disjoint; ``words`` are the
doc's lower-cased tokens. Everything is word-set tests around the (few) lone ANATOMY spans of a doc.
"""
from __future__ import annotations

from operator import itemgetter

from spacy.tokens import Doc

from qatext.ner import lay_rules
from qatext.ner.span_rules import CONDITION_MEDICINE, SIDE_WORDS, TEST_OF

Spans = list[tuple[int, int, str, str]]
_LABEL = itemgetter(2)

POSSESSIVES = lay_rules.POSSESSIVES | {"its", "ur"}
_DETERMINERS = POSSESSIVES | {"the", "a", "an", "this", "that", "both", "one", "each", "either", "those", "these"}

# --- a body part modifying the head of a test, product or procedure ---------------------------------
# "kidney function", "lung function": an organ's function is what a lab or breathing test measures.
FUNCTION_ORGANS = frozenset("kidney kidneys renal liver hepatic thyroid lung lungs pulmonary heart cardiac pancreas "
                            "pancreatic adrenal adrenals pituitary".split())
# "kidney numbers", "liver values", "thyroid labs": lay names of the same results.
FUNCTION_HEADS = frozenset("function functions numbers values labs markers".split())
# Dose forms that make a medicine of the body part before them: "nose drops", "bladder pills".
# Not "capsule" ("shoulder capsule") nor "patches" ("skin patches" are lesions as often as products).
MEDICINE_FORMS = frozenset("drops drop pills pill tablets tablet tabs gummies gummy ointment ointments syrup "
                           "suppository suppositories lozenges inhaler".split())
# Forms that after a bare body part are mostly cosmetics ("face wash", "hair spray", "eye cream"): the body
# word is not a body part standing alone, nor is the product a medicine unless a drug name comes before it.
CARE_FORMS = frozenset("cream creams lotion lotions gel gels wash washes shampoo foam spray sprays mask masks "
                       "scrub mist rinse balm".split())
# A spray for the nose or throat is a medicine ("nose spray", as "nasal spray"); elsewhere mostly a cosmetic.
SPRAY_SITES = frozenset("nose nostril nostrils throat sinus sinuses".split())
SPRAYS = frozenset({"spray", "sprays"})
# Drops are a medicine only where drops go ("eye drops", "ear drops", "nose drops"); after another body part
# "drops" is the verb ("her face drops on one side", "my eyelid drops by evening").
DROP_SITES = frozenset("eye eyes ear ears nose nostril nostrils".split())
DROPS = frozenset({"drop", "drops"})
# Product words the lexicon already finds as DRUG: "joint supplements", "eye vitamins" are one product.
PRODUCT_DRUG_WORDS = frozenset("supplements supplement vitamins vitamin gummies pills tablets drops".split())
# Procedure nouns the lexicon does not know as a treatment on their own.
PROCEDURE_HEADS = {"instillation": "QATEXT:treatment/medication-treatment",
                   "instillations": "QATEXT:treatment/medication-treatment"}

# --- a body part modifying a noun that is no body part -------------------------------------------
PERSON_HEADS = frozenset(
    "doc docs doctor doctors dr dr. specialist specialists surgeon surgeons nurse nurses team teams clinic clinics "
    "unit ward wards department dept casualty consultant consultants appointment appointments appt appts office "
    "hospital hospitals centre center service services physician physicians practitioner referral people guy "
    "teacher coach chef".split())
MEASURE_HEADS = frozenset("height length width breadth size sized level".split())
OBJECT_HEADS = frozenset("brush brushes dryer dryers salon stylist dye ties tie straightener straighteners polish "
                         "clippers clipper pillow pillows band bands lamp oil tree trees grease room candy laugh "
                         "butt phones phone contact pad pads strips tape exercises exercise workout workouts".split())
NON_BODY_HEADS = PERSON_HEADS | MEASURE_HEADS | OBJECT_HEADS

# --- short forms of specialties that name the doctor or clinic ("GI is talking about prednisone") -------
REPORTING_VERBS = lay_rules.DOCTOR_VERBS | frozenset(
    "say tells recommends suggests orders mentions prescribes gave gives called calls agrees".split())
# Short forms of specialties that are also body words: only these name a doctor ("GI says", "saw ENT"); an
# all-caps body word is no specialty ("MY HIP GAVE WAY").
SPECIALTY_SHORT_FORMS = frozenset("gi ent gu ortho derm neuro cardio endo uro pulm rheum onc".split())
REPORTING_ING = frozenset("talking saying thinking recommending suggesting going wanting sending referring".split())
SEEING = frozenset("see saw seeing seen visit visited".split())

# --- comparisons and idioms ----------------------------------------------------------------------
COMPARING = frozenset({"as", "like"})
CHEWING = frozenset("chew chews chewing chewed bubble sugarfree sugarless".split())
GUM_PORTIONS = frozenset("piece pieces stick sticks pack packet".split())
HEAD_GOING = frozenset("to towards toward over out home for into off straight".split())
HEART_BREAKING = frozenset("break breaks breaking broke broken".split())
BACK_MOVING = frozenset(
    "come came comes coming go goes went gone going get gets got getting bring brings brought be been is are was "
    "were am being im i'm it's its 's 'm call called write wrote sent send pay paid fight fought look looked "
    "looking step stepped sit sat hold held set turn turned turning bounce bounced bouncing head headed".split())
LENDING = frozenset("lend lent lending give gave giving need needs needed".split())
FEET_STANDING = frozenset("back be am been being stay stayed staying get getting im i'm was were is are 'm so".split())
SWEAT_SUBJECTS = frozenset("i you he she we they to will 'll can could would dont don't didnt didn't not never "
                           "make makes made making let".split())
SWEAT_OBJECTS = frozenset("buckets bullets profusely it".split())
KICKING = frozenset({"kicking", "kicked", "kicks", "kick"})
FILLED = frozenset({"empty", "full"})
GUT_SENSES = frozenset("feeling feelings instinct instincts reaction check tells told says said telling".split())

# --- a numbered structure keeps its ordinal ("a tender spot over the [second metatarsal]") ------------
ORDINALS = frozenset("first second third fourth fifth 1st 2nd 3rd 4th 5th".split())
NUMBERED_PARTS = frozenset("metatarsal metatarsals metacarpal metacarpals rib ribs toe toes finger fingers molar "
                           "molars premolar premolars vertebra vertebrae".split())

_BODY_IDIOM_WORDS = frozenset("eye head heads heart back gum hand feet foot sweat gut arm leg neck tooth tongue chest "
                              "shoulder belly hair fingers butt ass stomach mouth".split())
# "in that eye", "on that side": a part named again by a demonstrative after a preposition; "zinc for the hair",
# "does it matter for the eyes": a product's or a question's purpose
_PLACE_PREPOSITIONS = frozenset("in on into from".split())
_BACK_REFERRING = _PLACE_PREPOSITIONS | {"for"}
GATE = (FUNCTION_HEADS | MEDICINE_FORMS | CARE_FORMS | PRODUCT_DRUG_WORDS | frozenset(PROCEDURE_HEADS)
        | NON_BODY_HEADS | _BODY_IDIOM_WORDS | ORDINALS | COMPARING | {"size"} | REPORTING_VERBS
        | REPORTING_ING | SEEING | KICKING | FILLED | {"crossed"})


def has_anatomy(spans: Spans) -> bool:
    """The cheap test before :func:`settle_anatomy`: most docs have no ANATOMY span."""
    return "ANATOMY" in map(_LABEL, spans)  # the scan in C


def settle_anatomy(doc: Doc, words: list[str], spans: Spans, *, lookup=lambda phrase: None) -> Spans:
    """``spans`` with each lone ANATOMY span kept, extended to the mention it modifies, or dropped.

    ``lookup(phrase)`` gives ``(label, concept, source)`` of a lexicon phrase ("kidney function test")."""
    # only body words with a trigger word among the three words before and two after them (a set test in C)
    found = [k for k, span in enumerate(spans) if span[2] == "ANATOMY"
             and (not GATE.isdisjoint(words[max(0, span[0] - 3):span[1] + 2])
                  # "in that eye", "for the hair.": common words, looked at only right before the part
                  or span[0] >= 2 and words[span[0] - 2] in _BACK_REFERRING and words[span[0] - 1] in ("that", "the"))]
    if not found:
        return spans
    n = len(words)
    starts = {span[0]: k for k, span in enumerate(spans)}
    ends = {span[1]: k for k, span in enumerate(spans)}
    out: list = list(spans)
    for k in found:
        span = spans[k]
        if out[k] != span:  # taken into a product name with the body part after it ("hair and nail gummies")
            continue
        start, end = span[0], span[1]
        decision = (_as_part_of_head(words, spans, out, k, starts, ends, n, lookup)
                    or _as_non_body(doc, words, start, end, starts, ends, spans, n))
        if decision == "drop":
            out[k] = None
        elif decision == "ordinal":
            out[k] = (start - 1, end, span[2], span[3])
    return sorted(span for span in out if span is not None)


def _as_part_of_head(words, spans, out, k, starts, ends, n, lookup) -> str | None:
    """Extend the body part to the test, product or procedure it modifies (rewrites ``out``); "keep" if done."""
    start, end, _label, _concept = spans[k]
    # "hair and nail gummies": coordinated body parts before one product head share it (GUIDELINES 4.11)
    first = start
    if start >= 2 and words[start - 1] in ("and", "&", "/") and start - 1 in ends:
        j = ends[start - 1]
        # only when the earlier conjunct is itself a lone body part: taken below with this one
        if out[j] == spans[j] and spans[j][2] == "ANATOMY":
            first = spans[j][0]
    if end >= n:
        return None
    head = words[end]
    body = words[end - 1]
    site = " ".join(words[first:end])
    free_head = end not in starts
    new = None
    if free_head and head in FUNCTION_HEADS and body in FUNCTION_ORGANS:
        found = lookup(f"{site} function test") or lookup(f"{body} function test")
        concept = found[1] if found and found[0] == "TEST" else TEST_OF
        new = (first, _with_test_word(words, end + 1, starts), "TEST", concept)
    elif free_head and head in PROCEDURE_HEADS:
        new = (first, end + 1, "TREATMENT", PROCEDURE_HEADS[head])
    elif head in DROPS and body not in DROP_SITES:
        return None
    elif head in MEDICINE_FORMS or head in CARE_FORMS or (not free_head and head in PRODUCT_DRUG_WORDS):
        following = spans[starts[end]] if not free_head else None
        if following is not None and not (following[2] == "DRUG" and following[1] - following[0] == 1):
            return None
        drug_before = ends.get(first)
        before = spans[drug_before] if drug_before is not None and out[drug_before] is not None else None
        if before is not None and before[2] == "DRUG":
            # "betamethasone nose drops": the body part names where the drug goes, inside the product's name
            out[drug_before] = None
            new = (before[0], end + 1, "DRUG", before[3])  # "ocuvite eye vitamins" is ocuvite
        elif following is not None:
            new = (first, following[1], "DRUG", following[3])
        elif head in MEDICINE_FORMS or head in SPRAYS and body in SPRAY_SITES:
            found = lookup(f"{body} {head}")
            new = (first, end + 1, "DRUG", found[1] if found and found[0] == "DRUG" else CONDITION_MEDICINE)
        else:
            return "drop"
        if following is not None:
            out[starts[end]] = None
    if new is None:
        return None
    if first != start:
        out[ends[start - 1]] = None
    out[k] = new
    return "keep"


def _with_test_word(words, end: int, starts) -> int:
    """"heel prick test", "kidney functions tests": the test word the lexicon did not take with the head."""
    return end + 1 if end < len(words) and words[end] in ("test", "tests") and end not in starts else end


def _as_non_body(doc, words, start, end, starts, ends, spans, n) -> str | None:
    """"drop" when the body word is no body part here, "ordinal" when it keeps the ordinal before it."""
    word = words[end - 1]
    prev = words[start - 1] if start else ""
    prev2 = words[start - 2] if start >= 2 else ""
    nxt = words[end] if end < n else ""
    nxt2 = words[end + 1] if end + 1 < n else ""
    after_symptom = start in ends and spans[ends[start]][2] in ("SYMPTOM", "DISEASE")
    if prev in ORDINALS and word in NUMBERED_PARTS and start not in ends:  # no span holds the ordinal
        return "ordinal"
    # a head noun that is no body part: "eye doc", "eye casualty", "shoulder height", "hair dryer"
    head = nxt2 if nxt == "'s" else nxt
    if head in NON_BODY_HEADS and end not in starts and words[start] not in SIDE_WORDS:
        return "drop"  # not "my left ankle doctor said": a body part with its side stands on its own
    if end - start == 1 and word in SPECIALTY_SHORT_FORMS and prev not in ("upper", "lower"):
        # "GI is talking about prednisone", "saw GI": a specialty's short form names its doctor or clinic
        if nxt in REPORTING_VERBS or nxt in ("is", "was") and nxt2 in REPORTING_ING or prev in SEEING:
            return "drop"
    if prev in ("a", "an") and prev2 in COMPARING and (start < 3 or words[start - 3] not in ("such", "same")):
        return "drop"  # "dry as a bone", "feels like a rock": the vehicle of a comparison
    if prev == "of" and prev2 in ("size", "sized") or prev in _DETERMINERS and prev2 == "of" and start >= 3 \
            and words[start - 3] in ("size", "sized"):
        return "drop"  # "the size of a palm": a measure, not a site
    if prev == "the" and prev2 == "on" and end - start == 4 and words[start] == "tip" and words[end - 1] == "tongue":
        return "drop"  # "on the tip of my tongue": a word not remembered
    if words[start:end] == ["right", "back"] and not after_symptom and (
            prev in BACK_MOVING or prev in _RETURNING or len(prev) > 3 and prev.endswith("ed")):
        return "drop"  # "the irritability came right back", "it pops right back out": at once, not a side of the back
    if after_symptom or end - start > 1:
        return None  # "stretching lower back": idioms take the bare body word
    if prev == "that" and prev2 in _PLACE_PREPOSITIONS or prev == "the" and prev2 == "for" and (
            not nxt or not nxt[:1].isalnum()):
        return "drop"  # "lose my sight in that eye", "zinc for the hair."; not "time for the colon to heal"
    idiom = _IDIOMS.get(word)
    if idiom is not None and idiom(words, start, end, prev, prev2, nxt, nxt2, n, starts):
        return "drop"
    return None


def _eye(words, start, end, prev, prev2, nxt, nxt2, n, starts) -> bool:
    # "keep an eye on", "keeping a close eye on him", "an eye opener"
    return ((prev == "an" or (prev == "close" and prev2 == "a")) and nxt in ("on", "out")) or nxt == "opener"


def _head(words, start, end, prev, prev2, nxt, nxt2, n, starts) -> bool:
    if words[end - 1] == "heads":
        return nxt == "up"  # "thanks for the heads up"
    if prev in _DETERMINERS or prev in ("from", "whole", "over", "of"):
        return False  # "my head to the side", "from head to toe"
    if nxt in HEAD_GOING and nxt2 not in ("toe", "foot", "feet"):
        return True  # "head to the ER", "head home": the verb
    if nxt == "of":
        # "head of the school": unless a body part follows ("head of the femur")
        k = end + 1
        while k < n and words[k] in _DETERMINERS:
            k += 1
        return k < n and k not in starts and words[k].isalpha()
    return False


def _heart(words, start, end, prev, prev2, nxt, nxt2, n, starts) -> bool:
    # "it's breaking my heart", "my heart breaks for her", "bless her heart"
    return prev in POSSESSIVES and (prev2 in HEART_BREAKING or nxt in HEART_BREAKING or prev2 == "bless")


def _back(words, start, end, prev, prev2, nxt, nxt2, n, starts) -> bool:
    if nxt == "and" and nxt2 == "forth":
        return True  # "the back and forth with the pharmacy"
    if nxt == "of" and end + 2 < n and words[end + 2] in _BACK_OF_PLACES:
        return True  # "in the back of my mind", "at the back of the queue"
    if prev in _DETERMINERS or prev2 in POSSESSIVES:
        return False  # "my back", "my aching back"
    return prev in BACK_MOVING or prev.endswith("ing") or len(prev) > 4 and prev.endswith("ed")  # "creeping back"


# Verbs of coming or cutting back that BACK_MOVING lacks: "it pops right back out", "the pain crept right back", "cut
# right back on the weed"
_RETURNING = frozenset("pop pops popping snap snaps snapping spring springs springing slip slips slipping "
                       "creep creeps creeping crept cut cuts cutting scale scales scaling".split())
# What has a back that is no body's: "the back of my mind", "the back of the queue"
_BACK_OF_PLACES = frozenset("mind queue line room car class bus train shop store house garden cupboard fridge drawer "
                            "book list net".split())


def _gum(words, start, end, prev, prev2, nxt, nxt2, n, starts) -> bool:
    return prev in CHEWING or (prev == "of" and prev2 in GUM_PORTIONS)  # "chewing gum", "a piece of gum"


def _hand(words, start, end, prev, prev2, nxt, nxt2, n, starts) -> bool:
    # "lend a hand", "give me a hand"
    return prev == "a" and (prev2 in LENDING or start >= 3 and words[start - 3] in LENDING)


def _feet(words, start, end, prev, prev2, nxt, nxt2, n, starts) -> bool:
    if words[end - 1] == "foot":
        return prev in POSSESSIVES and prev2 == "put" and nxt == "down"  # "i put my foot down"
    # "on my feet all day", "back on my feet": standing, or well again
    return prev in POSSESSIVES and prev2 == "on" and (nxt in ("all", "for", "again")
                                                      or start >= 3 and words[start - 3] in FEET_STANDING)


def _sweat(words, start, end, prev, prev2, nxt, nxt2, n, starts) -> bool:
    return prev in SWEAT_SUBJECTS or nxt in SWEAT_OBJECTS  # "i sweat buckets", "make you sweat", "don't sweat it"


def _gut(words, start, end, prev, prev2, nxt, nxt2, n, starts) -> bool:
    return nxt in GUT_SENSES  # "my gut feeling", "my gut says"


def _arm_or_leg(words, start, end, prev, prev2, nxt, nxt2, n, starts) -> bool:
    # "cost an arm and a leg"
    if words[end - 1] == "arm":
        return prev == "an" and nxt == "and" and nxt2 == "a"
    return prev == "a" and prev2 == "and" and start >= 3 and words[start - 3] == "arm"


def _neck(words, start, end, prev, prev2, nxt, nxt2, n, starts) -> bool:
    return (nxt == "and" and nxt2 == "neck") or (prev == "and" and prev2 == "neck")  # "neck and neck"


def _tooth(words, start, end, prev, prev2, nxt, nxt2, n, starts) -> bool:
    return prev == "sweet"  # "i have a sweet tooth"


def _chest(words, start, end, prev, prev2, nxt, nxt2, n, starts) -> bool:
    return prev in POSSESSIVES and prev2 == "off"  # "get it off my chest"


def _shoulder(words, start, end, prev, prev2, nxt, nxt2, n, starts) -> bool:
    return prev == "cold" and prev2 == "the"  # "gave me the cold shoulder"


def _belly(words, start, end, prev, prev2, nxt, nxt2, n, starts) -> bool:
    return nxt == "up" and prev in ("go", "goes", "went", "gone", "going")  # "the pharmacy went belly up"


def _hair(words, start, end, prev, prev2, nxt, nxt2, n, starts) -> bool:
    return prev == "a" and prev2 == "by"  # "missed it by a hair"


def _fingers(words, start, end, prev, prev2, nxt, nxt2, n, starts) -> bool:
    return nxt == "crossed"  # "fingers crossed"


def _butt(words, start, end, prev, prev2, nxt, nxt2, n, starts) -> bool:
    return prev2 in KICKING  # "this flu is kicking my butt"


def _stomach(words, start, end, prev, prev2, nxt, nxt2, n, starts) -> bool:
    return prev in FILLED  # "on an empty stomach": when to take a drug, not the organ


def _mouth(words, start, end, prev, prev2, nxt, nxt2, n, starts) -> bool:
    return prev == "by" or (prev == "of" and prev2 == "word")  # "take NSAIDs by mouth" (a route), "word of mouth"


_IDIOMS = {"mouth": _mouth, "fingers": _fingers, "butt": _butt, "ass": _butt, "stomach": _stomach, "eye": _eye, "head": _head, "heads": _head, "heart": _heart, "back": _back, "gum": _gum,
           "hand": _hand, "feet": _feet, "foot": _feet, "sweat": _sweat, "gut": _gut, "arm": _arm_or_leg,
           "leg": _arm_or_leg, "neck": _neck, "tooth": _tooth, "chest": _chest, "shoulder": _shoulder, "belly": _belly,
           "hair": _hair}
