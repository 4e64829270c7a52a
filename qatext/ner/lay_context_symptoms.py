"""One-word symptoms that only their context makes a symptom (GUIDELINES rules 6, 16, 17).

Patients report a joint, a wound, the skin or the heart with a single verb or adjective once the body
part is named: "my ear is clogged and [it pops] when i swallow" (the span is "pops"), "its [tender] when i
press", "its [weeping] and smells", "felt a [pop]", "it [gives out] when i pivot"; a product applied makes
the skin sting ("it [stings] when i put moisturiser on", "the drops [burn]"); a person's state verb makes
"hot", "cold", "freezing", "floppy" a fever, chills or a floppy child ("he felt [hot]", "she's [cold and
clammy]", "he was pale, [floppy]"); "i [limp]", "walks with a [limp]"; "the [spinning] has eased" once
the room spun. The bare words stay what they are: "a cold drink", "pop music", "click the link", "a
limp handshake", "it's freezing outside".

:func:`add_context_symptoms` only looks at a doc that holds one of :data:`CUE_WORDS` (a gate), and then
only around those words.
"""
from __future__ import annotations

from functools import lru_cache

from qatext.ner.span_rules import SEVERITY, Spans, covered_tokens, word_positions, word_set
from qatext.resources import read_tsv

BODY_COMPLAINT = "QATEXT:symptom/body-part-complaint"
JOINT_INSTABILITY = "QATEXT:symptom/instability-of-joint"
FEVER = "HP:0001945"
CHILLS = "HP:0025143"
HYPOTONIA = "HP:0001252"
UNSTEADY_GAIT = "HP:0002317"
VERTIGO = "HP:0002321"
PALPITATIONS = "HP:0001962"

# What a body part does or is, said of "it"/"they" once the body part was named (one word, or "gives out").
BODY_PREDICATES = {
    **dict.fromkeys("pops popped popping clicks clicked clicking cracks cracked cracking clunks clunking grinds "
                    "grinding locks locked locking stings stung stinging burns burned burnt burning "
                    "throbs throbbed throbbing weeping weeps oozing tender swollen sore itchy numb stiff hot red "
                    "inflamed aches aching itches itching tingles tingling".split(), BODY_COMPLAINT),
    **dict.fromkeys("flutters fluttered fluttering races racing pounds pounding skips".split(), PALPITATIONS),
    # a mole or the skin that bleeds or splits when rubbed or stretched: "[it bleeds] when my shirt rubs it"
    **dict.fromkeys("bleeds splits".split(), BODY_COMPLAINT),
}
_GIVING_WAY = frozenset({"gives", "gave", "giving", "give", "buckles", "buckled", "buckling"})
# Words that may stand between the pronoun and its predicate: "its [still] [really] tender", "it [keeps]
# [locking]", "it [sometimes] [gives out]".
_LINKS = frozenset("is was are were 's 're s re still also sometimes always often just really kinda kind of now "
                   "has have been keeps kept gets got get will then so very a bit little constantly randomly "
                   "occasionally literally super quite".split())
_BODY_PRONOUNS = frozenset({"it", "its", "they", "both", "itself"})
# Noises a joint makes, heard or felt: "felt a [pop]", "heard a [click] in my knee".
JOINT_NOISES = frozenset({"pop", "click", "crack", "snap", "clunk", "crunch", "pops", "clicks", "cracks", "snaps"})
_FLUTTERS = frozenset({"flutter", "flutters", "fluttering", "flip", "flips"})
_PERCEIVING = frozenset("felt feel feels feeling heard hear hears hearing noticed notice".split())
_NOISE_FILLERS = frozenset("a an this some like the loud little big sudden slight".split())
# Things patients put on the skin or in the eye that can sting or burn: "the drops [sting]".
PRODUCTS = frozenset("cream creams drops drop gel ointment lotion moisturiser moisturizer serum spray shampoo soap "
                     "wash toner sunscreen mouthwash toothpaste retinol tretinoin differin tret peel acid "
                     "retinoid makeup deodorant".split())
_PRODUCT_PREDICATES = frozenset("stings stung stinging sting burns burn burned burnt burning".split())
# Putting a product on or water over a part: "it [stings] when i wash it", "burns when i put it on".
_APPLYING = frozenset("put apply applied putting wash washing washed rinse shower showering pee peeing wee "
                      "touch touched press pressed swallow swallowing".split())
# Wounds and skin findings that weep, sting or smell on their own: "the ulcer is [weeping]".
WOUNDS = frozenset("wound wounds cut cuts graze ulcer ulcers sore sores blister blisters rash scab scabs incision "
                   "scar stitches bite bites burn eczema patch patches spot spots site skin piercing mole moles "
                   "wart warts lump lumps".split())
# A person's state words: "he felt [hot]", "im [freezing] all the time", "she was [floppy]".
STATE_CONCEPTS = {"hot": FEVER, "boiling": FEVER, "feverish": FEVER, "cold": CHILLS, "freezing": CHILLS,
                  "clammy": CHILLS, "shivery": CHILLS, "floppy": HYPOTONIA}
_PERSONS = frozenset("i he she we they baby toddler child kid son daughter husband wife mum mom dad newborn "
                     "infant boy girl".split())
_FEEL_VERBS = frozenset("feel feels felt feeling get gets got getting run runs running went goes gone go become "
                        "became seems seemed seem looks looked look".split())
_BE = frozenset("am 'm m is 's s are 're re was were been be being".split())
_STATE_DEGREES = frozenset("so very really super always constantly still all just kinda quite a bit little "
                           "too also often never ever".split())
# After a state word, what makes it the weather or a thing: "it's cold outside", "freezing in here".
_NOT_BODY_AFTER = frozenset("outside out here there weather today drink drinks water beer coffee tea brew day days "
                            "night nights morning air wind room house office car shower front spell snap "
                            "disk disc drive hat ears ear hair fish / -".split())  # "cold/hot flashes"
# A list of signs needs no state verb: "pale, [floppy]", "pale, [cold and clammy]" (after another symptom).
_LIST_LINKS = frozenset({",", "and"})
# What spins in vertigo ("my head is spinning" is the lexicon's, and as often full of ideas).
_SPINNERS = frozenset("room everything world ceiling".split())
_SPINNING = frozenset({"spinning", "spins", "spun", "spin"})
_VERTIGO_WORDS = frozenset("vertigo dizzy dizziness spinning spins spun room".split())
_LIMP = frozenset({"limp", "limps", "limped"})
_LIMP_HAVING = frozenset("with has have had got developed noticed walks walking walked walk slight bad".split())

_POPS = frozenset({"pops", "popped", "popping"})
# Burning and stinging named as a complaint of their own, in a list of symptoms or with when it comes.
_SENSATION_NOUNS = frozenset({"burning", "stinging"})
_SENSATION_BEFORE = frozenset({"the", "no", "some", "any", "or", "and", ",", ":", "and/or"})
_SENSATION_WHEN = frozenset({"when", "after", "while", "during", "whenever"})
_SENSATION_AFTER = _SENSATION_WHEN | frozenset({".", ",", "or", "and", "!", "?", ";", "is", "was", "has", "gets", "\n"})
# The same noun frame once the story has named where it is felt (issue 11, round 16b): "the skin on my eyelids ...
# [burning] and [stinging] so bad i nearly gave up", "no [flaking]" of the skin, "the [ringing] stays" after a hearing
# loss, "the [fluttering] stopped" after palpitations. Each noun needs its own subject nearby (the skin, the ear,
# the heart), so "the ringing of the bells" or "the fluttering flags" stay sounds and sights; after the noun the
# clause goes on with a verb of its course or ends ("the burning question" has a noun there).
_FELT_NOUNS = {"burning": BODY_COMPLAINT, "stinging": BODY_COMPLAINT, "flaking": "HP:0000958",
               "ringing": "HP:0000360", "fluttering": PALPITATIONS}
_FELT_AFTER = _SENSATION_AFTER | frozenset("so stopped stops stays stayed started starts eased eases went goes came "
                                           "comes got were are never kept keeps came back for since all every at "
                                           # a question about its course: "will the [ringing] stay?"
                                           "stay stop go ease start last lasts lasted persists persisted continues "
                                           "continued will wont".split())
_SKIN_CUES = frozenset("skin eyelid eyelids face scalp cheeks lips rash eczema psoriasis dermatitis cream creams "
                       "ointment gel lotion steroid derm dermatologist protopic elidel retinol tretinoin".split())
_EAR_CUES = frozenset("ear ears hearing deaf tinnitus tinnitis tinitus eardrum muffled ent audiology audiologist "
                      # the noise that set it off: "since the concert the [ringing] hasnt stopped"
                      "concert concerts gig gigs festival earplugs".split())
_HEART_CUES = frozenset("heart palpitations pulse heartbeat chest ectopics ectopic af arrhythmia beta "
                        "bisoprolol propranolol cardiologist".split())
_FELT_CUES = {"burning": _SKIN_CUES, "stinging": _SKIN_CUES, "flaking": _SKIN_CUES, "ringing": _EAR_CUES,
              "fluttering": _HEART_CUES}
_FELT_WINDOW = 40
_FELT_QUALITIES = frozenset("constant high low pitched high-pitched loud faint quiet intermittent occasional "
                            "awful terrible horrible mild slight painful".split())
_FELT_DETERMINERS = frozenset({"a", "an", "this", "that", "my", "his", "her", "s", "'s", "theres", "is", "was"})
# Complaints of a joint that a second verb of the same subject can be: "it swells up and [gives out]".
_JOINT_ONLY = frozenset("pops popped clicks clicked locks locked clunks".split())
CUE_WORDS = (frozenset(BODY_PREDICATES) | _GIVING_WAY | JOINT_NOISES | _FLUTTERS | _PRODUCT_PREDICATES | frozenset(STATE_CONCEPTS)
             | _SPINNING | _LIMP | frozenset(_FELT_NOUNS))
_ANTECEDENT_WINDOW = 25


@lru_cache(maxsize=1)
def body_words() -> frozenset[str]:
    """One-word body parts of the curated lexicon, and their plurals, plus wounds and skin findings."""
    words = set(WOUNDS)
    for row in read_tsv("lexicon", "anatomy.tsv"):
        term = row["term"]
        if term and " " not in term:
            words.update((term, term + "s"))
    # words the lexicon lists for the composer that are no antecedent of "it" ("on the other hand", "come back")
    return frozenset(words - {"back", "hand", "head", "face", "system", "side", "body"})


def _body_before(words: list[str], i: int) -> bool:
    """A body part, wound or skin finding named shortly before position ``i`` (the antecedent of "it")."""
    bodies = body_words()
    return any(w in bodies for w in words[max(0, i - _ANTECEDENT_WINDOW):i])


def _body_near(words: list[str], i: int) -> bool:
    """A body part named before "a pop" or just after it ("felt a pop [in my knee]")."""
    bodies = body_words()
    return _body_before(words, i) or any(w in bodies or w == "heart" for w in words[i + 1:i + 6])


def _back_over(words: list[str], i: int, links: frozenset, limit: int = 3) -> int:
    """The first position before ``i`` that is not one of ``links`` (at most ``limit`` of them)."""
    j = i - 1
    while j >= 0 and i - j <= limit and words[j] in links:
        j -= 1
    return j


# Degree adverbs go inside (GUIDELINES rule 16): "its [really tender]"; and "to the touch" after a finding.
_DEGREE_ADVERBS = frozenset("really very so super extremely quite slightly somewhat too incredibly".split())
_JOINT_VERBS = frozenset("pops popped popping clicks clicked cracks cracked locks locked bleeds splits".split())
_OBJECTS = frozenset("it them him her my his the a me your back".split())
_UNTIL_VERBS = frozenset("bleeds splits".split())
_UNTIL = frozenset({"till", "til", "until", "untill", "'til", "til'"})


def _predicate_span(words: list[str], i: int) -> tuple[int, int]:
    start = i
    while start > 0 and i - start < 2 and words[start - 1] in _DEGREE_ADVERBS:
        start -= 1
    if words[i] in _GIVING_WAY:
        return start, i + 2
    if words[i + 1:i + 3] == ["to", "touch"]:
        return start, i + 3
    if words[i + 1:i + 4] == ["to", "the", "touch"]:
        return start, i + 4
    return start, i + 1


def add_context_symptoms(doc, words: list[str], spans: Spans) -> Spans:
    n = len(words)
    covered = covered_tokens(spans)
    added: list[tuple[int, int, str, str]] = []

    singles = {span[0]: k for k, span in enumerate(spans) if span[1] - span[0] == 1 and span[2] == "SYMPTOM"}
    dropped: set[int] = set()

    def take(start: int, end: int, concept: str) -> bool:
        inside = [k for k in range(start, end) if k in covered]
        # a one-word symptom inside the new span joins it ("cold and [clammy]" -> "[cold and clammy]")
        if inside and (start in covered or any(k not in singles for k in inside)):
            return False
        dropped.update(singles[k] for k in inside)
        added.append((start, end, "SYMPTOM", concept))
        covered.update(range(start, end))
        return True

    ends = {span[1] for span in spans if span[2] == "SYMPTOM"}
    for i in word_positions(words, CUE_WORDS.intersection(word_set(words))):  # the cue words, found in C
        word = words[i]
        nxt = words[i + 1] if i + 1 < n else ""
        if word in _GIVING_WAY and nxt not in ("out", "way"):
            continue
        # 1. "it pops", "its tender", "they [give out]" after a named body part; "the drops sting"
        if word in BODY_PREDICATES or word in _GIVING_WAY or word in _PRODUCT_PREDICATES:
            j = _back_over(words, i, _LINKS)
            subject = words[j] if j >= 0 else ""
            start, end = _predicate_span(words, i)
            concept = JOINT_INSTABILITY if word in _GIVING_WAY else BODY_PREDICATES.get(word, BODY_COMPLAINT)
            if subject == "and" and j > 0 and j in ends and (word in _GIVING_WAY or word in _JOINT_ONLY):
                take(start, end, concept)  # "it swells up and [gives out]": the same subject's second complaint
                continue
            after = words[end] if end < n else ""
            if word in _POPS and after in ("up", "by", "over", "into"):
                continue  # "it pops up on my screen": appears, not a joint
            if word in _JOINT_VERBS and after in _OBJECTS:
                continue
            if word in _UNTIL_VERBS and j >= 1 and words[j - 1] in _UNTIL:
                continue  # "picks the skin till it bleeds": how far the picking goes, not a complaint of its own  # "they popped it back in", "i cracked my knuckles": someone's act, not the joint's
            if subject in _BODY_PRONOUNS and after not in _NOT_BODY_AFTER and (
                    _body_before(words, j) or (word in _PRODUCT_PREDICATES and _applying_after(words, end))):
                if take(start, end, concept):
                    _take_second(words, end, take)
                continue
            if word in _PRODUCT_PREDICATES and (subject in PRODUCTS or subject in WOUNDS):
                take(start, end, BODY_COMPLAINT)
                continue
            if subject in WOUNDS and word in ("weeping", "weeps", "oozing", "tender", "sore", "itchy", "red",
                                              "swollen", "inflamed", "throbbing", "throbs"):
                if take(start, end, BODY_COMPLAINT):
                    _take_second(words, end, take)
                continue
        # 1b. the sensation as a noun: "no discharge or [burning]", "the [burning] when the drops go in"
        if word in _SENSATION_NOUNS or word in _FELT_NOUNS:
            # its character goes inside (rule 4): "a [constant high pitched ringing]"
            start = i
            while start > 0 and i - start < 4 and words[start - 1] in _FELT_QUALITIES:
                start -= 1
            before = words[start - 1] if start else ""
            if before not in _SENSATION_BEFORE and not (start < i and before in _FELT_DETERMINERS):
                continue
            if word in _SENSATION_NOUNS and (nxt in _SENSATION_AFTER or not nxt) and (
                    nxt in _SENSATION_WHEN or any(k in ends for k in range(i - 3, i))
                    or any(span[0] in (i + 2, i + 3) and span[2] == "SYMPTOM" for span in spans)):
                take(i, i + 1, BODY_COMPLAINT)
            elif word in _FELT_NOUNS and (nxt in _FELT_AFTER or not nxt) and not _FELT_CUES[word].isdisjoint(
                    words[max(0, i - _FELT_WINDOW):i + 15]):
                take(start, i + 1, _FELT_NOUNS[word])
            continue
        # 2. "felt a pop", "heard a click"
        if word in JOINT_NOISES or word in _FLUTTERS:
            j = _back_over(words, i, _NOISE_FILLERS, limit=3)
            if j >= 0 and words[j] in _PERCEIVING and j < i - 1 and _body_near(words, i):
                take(i, i + 1, PALPITATIONS if word in _FLUTTERS else BODY_COMPLAINT)
            continue
        # 3. a person's state: "he felt hot", "im freezing", "she's cold and clammy", "pale, floppy"
        if word in STATE_CONCEPTS:
            if nxt in _NOT_BODY_AFTER or (word == "hot" and nxt in ("flash", "flashes", "flush", "flushes")):
                continue
            touch = 3 if words[i + 1:i + 3] == ["to", "touch"] else 4 if words[i + 1:i + 4] == ["to", "the", "touch"] else 0
            if touch:  # "[hot to the touch]", "[cold to touch]": a finding on the body, felt by another
                if _body_before(words, i) or words[i - 1] in _LINKS or words[i - 1] in _FEEL_VERBS:
                    take(i, i + touch, BODY_COMPLAINT)
                continue
            if _person_state(words, i, word) or (i >= 2 and words[i - 1] in _LIST_LINKS
                                                 and any(k in ends for k in range(i - 4, i))):
                end = i + 1
                if end + 1 < n and words[end] == "and" and words[end + 1] in STATE_CONCEPTS:
                    end += 2  # "[cold and clammy]", as the lexicon's "cold and shivery"
                take(i, end, STATE_CONCEPTS[word])
            continue
        # 4. "the room was spinning ... the [spinning] has eased"
        if word in _SPINNING:
            j = _back_over(words, i, _LINKS)
            if nxt in ("with", "from", "around"):
                continue  # "everything is spinning with ideas", "spinning around the rink"
            if j >= 0 and words[j] in _SPINNERS:
                take(i, i + 1, VERTIGO)
            elif j >= 0 and words[j] == "the" and word == "spinning" and any(
                    w in _VERTIGO_WORDS for w in words[max(0, i - 60):i]):
                take(i, i + 1, VERTIGO)
            continue
        # 5. "i limp after sitting", "walks with a slight limp"
        if word in _LIMP:
            j = _back_over(words, i, _LINKS | {"slight", "bad", "noticeable", "bit"}, limit=3)
            if j < 0:
                continue
            if words[j] in _PERSONS and word != "limp" or words[j] in ("i", "we", "they", "you"):
                take(i, i + 1, UNSTEADY_GAIT)
            elif words[i - 1] in ("a", "slight", "bad", "noticeable") and words[j] in _LIMP_HAVING:
                start = i - 1 if words[i - 1] in SEVERITY or words[i - 1] in ("slight", "noticeable") else i
                take(start, i + 1, UNSTEADY_GAIT)
    if not added:
        return spans
    return sorted([span for k, span in enumerate(spans) if k not in dropped] + added)


def _applying_after(words: list[str], end: int) -> bool:
    """"it stings [when i put moisturiser on]", "burns [after i wash it]": a product or water on the part."""
    tail = words[end:end + 6]
    return bool(tail) and tail[0] in ("when", "after", "if", "whenever", "as", "every") and any(
        w in _APPLYING or w in PRODUCTS for w in tail[1:])


def _take_second(words: list[str], end: int, take) -> None:
    """"its [red] and [hot]": a second predicate of the same subject."""
    if end + 1 < len(words) and words[end] == "and" and words[end + 1] in BODY_PREDICATES:
        take(end + 1, end + 2, BODY_PREDICATES[words[end + 1]])


def _person_state(words: list[str], i: int, word: str) -> bool:
    """A person (not "it") with a state or perception verb before the state word."""
    j = _back_over(words, i, _STATE_DEGREES, limit=3)
    if j < 0:
        return False
    before = words[j]
    if word == "floppy" and before in _LIST_LINKS | _BE | _FEEL_VERBS | {"went", "gone", "very", "all"}:
        return True
    if before in _FEEL_VERBS:
        k = _back_over(words, j, _STATE_DEGREES | _BE | {"been", "always", "keep", "keeps"}, limit=3)
        return k >= 0 and (words[k] in _PERSONS or words[k] in ("im", "me", "ive"))
    if before in _BE and word != "hot":  # "he's hot" is as often a compliment; "he felt hot" is not
        k = j - 1
        return k >= 0 and (words[k] in _PERSONS or words[k] == "im")
    if before == "im" and word != "hot":
        return True
    return False
