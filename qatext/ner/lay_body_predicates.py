"""What patients say a body part or the voice does or looks like (GUIDELINES rule 6): "my leg is on fire",
"arm is killing me", "eye won't stop twitching", "hands and feet turn purple", "my voice is so hoarse".
"""
from __future__ import annotations

from spacy.tokens import Doc

from qatext.ner import body_likeness
from qatext.ner.lay_common import (GIVING, LABEL, LIST_FILLERS, NOT_A_THING, NOT_NOUNS, OBJECT_DETERMINERS, OBJECT_STOPS,
                                   POSSESSIVES, SEPARATORS, replace_covered)
from qatext.ner.span_rules import (BODY_COMPLAINT, LINKING_WORDS, SYMPTOM_PREDICATES, Spans, _with_more_predicates,
                                   gate, gate_hits, word_positions as _positions)

# What patients say a body part does, in figures of speech: "my leg is on fire", "my arm is killing me",
# "my joints are screaming", "my eye won't stop twitching", "hands have started to tremble" (GUIDELINES rule 6).
LAY_PREDICATES = (
    ("on", "fire"), ("killing", "me"), ("screaming",), ("plugged",), ("purple",), ("white",), ("blue",), ("pale",),
    ("brown",), ("yellow",), ("grey",), ("gray",), ("black",),
    ("falling", "out"), ("blew", "up"), ("blown", "up"), ("blowing", "up"), ("blows", "up"),
    ("coming", "out"), ("like",), ("wo", "n't", "stop"), ("will", "not", "stop"), ("ca", "n't", "stop"), ("started", "to"),
    ("starting", "to"), ("begun", "to"), ("began", "to"), ("keeps",), ("keep",), ("in", "knots"), ("in", "bits"),
    ("glued", "shut"), ("stuck", "shut"),  # "[eye was glued shut] this morning"
)
_COLOURS = frozenset({("purple",), ("white",), ("blue",), ("pale",), ("brown",), ("yellow",), ("grey",), ("gray",), ("black",)})
# Cues that need a symptom predicate after them ("won't stop twitching", "started to tremble").
_NEEDS_PREDICATE = frozenset({("wo", "n't", "stop"), ("will", "not", "stop"), ("ca", "n't", "stop"), ("started", "to"),
                              ("starting", "to"), ("begun", "to"), ("began", "to"), ("keeps",), ("keep",)})
LAY_PREDICATE_WORDS = frozenset(p[0] for p in LAY_PREDICATES if p not in _NEEDS_PREDICATE and p not in _COLOURS) | {"stop", "started", "starting",
                                                                                              "begun", "began"}
_PREDICATE_LINKS = LINKING_WORDS - {"keep", "keeps", "started", "start", "starts"}
_FELT = frozenset({"feel", "feels", "felt"})
_SHUT = frozenset({("glued", "shut"), ("stuck", "shut")})
_LIDS = frozenset("eye eyes eyelid eyelids lid lids".split())
# a phrase can match only if all its words are there; a colour ("white blood cells") only after a linking verb
_LAY_PREDICATE_SETS = tuple(frozenset(phrase) for phrase in LAY_PREDICATES if phrase not in _COLOURS)
_COLOUR_WORDS = frozenset(phrase[0] for phrase in _COLOURS)
# Colours eyes, hair and skin have by nature: a complaint only when a change verb brings them in.
_HAIR_EYE_COLOURS = frozenset({("brown",), ("black",), ("grey",), ("gray",), ("blue",)})  # "her eyes are blue"
_NATURAL_COLOURS = {**dict.fromkeys(("eye", "eyes", "hair", "hairs"), _HAIR_EYE_COLOURS),
                    "skin": frozenset({("brown",), ("black",)}),
                    # "my teeth are so white after the whitening" is a boast, "teeth went grey" a change
                    **dict.fromkeys(("teeth", "tooth"), frozenset({("white",)}))}
_CHANGE_VERBS = frozenset("turn turns turned turning go goes went going gone become becomes became becoming".split())


# Degree words between a linking verb and a colour: "lips look a bit blue", "fingers go slightly white".
_PREDICATE_DEGREES = frozenset({"a", "bit", "little", "slightly", "kinda", "pretty", "quite"})


def _linked_colour(words: list[str], hits: set[str]) -> bool:
    """A colour right after a linking verb ("turn purple", "are white"), which the rule then checks for a body part."""
    for p in _positions(words, _COLOUR_WORDS & hits):
        k = p - 1
        while k >= 1 and p - k < 3 and words[k] in _PREDICATE_DEGREES:
            k -= 1
        if k >= 0 and words[k] in _PREDICATE_LINKS:
            return True
    return False


_LAY_PREDICATES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in LAY_PREDICATES:
    _LAY_PREDICATES_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)


def add_lay_body_predicates(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"left leg is on fire", "arm is killing me", "eye won't stop twitching": one SYMPTOM (rule 6)."""
    n = len(words)
    if "ANATOMY" not in map(LABEL, spans):
        return spans
    starts = {span[0] for span in spans}
    added = []
    for start, end, label, _concept in spans:
        if label != "ANATOMY":
            continue
        i = end
        while i < n and i - end < 3 and (words[i] in _PREDICATE_LINKS or words[i] in _PREDICATE_DEGREES) and i not in starts:
            i += 1
        if i in starts or i >= n:
            continue
        for phrase in _LAY_PREDICATES_BY_FIRST.get(words[i], ()):
            if tuple(words[i:i + len(phrase)]) != phrase:
                continue
            j = i + len(phrase)
            if phrase == ("like",):
                # "eyes feel like sandpaper", "legs felt like lead": a body part felt like a thing
                if words[i - 1] in _FELT and j < n:
                    j += words[j] in ("a", "an")
                    # "my leg looks like ringworm" names a disease it may be: no simile of a feeling
                    thing = j
                    while thing < n and thing - j < 2 and words[thing].isalpha() and thing not in starts \
                            and words[thing] not in NOT_A_THING and words[thing] not in body_likeness.LIKENESS_ENDS \
                            and not body_likeness.time_starts(words, thing):
                        thing += 1  # "[heel feels like glass] first thing", "[brain feels like soup] till sunday"
                    if thing > j:  # "like lead", "like broken glass"
                        added.append((start, thing, "SYMPTOM", BODY_COMPLAINT))
            elif phrase in _NATURAL_COLOURS.get(words[end - 1], ()) and _CHANGE_VERBS.isdisjoint(words[end:i]):
                pass  # "her eyes are brown", "my hair is black": a natural colour; "my hair went grey" is a change
            elif phrase in _COLOURS and j < n and words[j].isalpha() and words[j] not in NOT_NOUNS and words[j] != "then" \
                    and words[j] not in OBJECT_STOPS and words[j] not in OBJECT_DETERMINERS:
                pass  # "tonsils have white spots": the colour describes a finding of its own
            elif phrase in _SHUT and words[end - 1] not in _LIDS:
                pass  # "i kept my mouth glued shut at the meeting": silence, not a sticky eye
            elif phrase not in _NEEDS_PREDICATE:
                if phrase in _COLOURS:
                    j = _with_more_predicates(words, j, {})  # "ankle is purple and swollen": one finding (rule 11)
                added.append((_listed_parts_start(words, spans, start), j, "SYMPTOM", BODY_COMPLAINT))
            elif j < n and words[j] in SYMPTOM_PREDICATES:
                added.append((_listed_parts_start(words, spans, start), j + 1, "SYMPTOM", BODY_COMPLAINT))
            break
    return replace_covered(spans, added) if added else spans


def _listed_parts_start(words: list[str], spans: Spans, start: int) -> int:
    """"hands and feet turn purple": the body parts listed before the one that has the predicate share it
    (GUIDELINES rule 11), so the mention starts at the first of them."""
    by_end = {s[1]: s for s in spans if s[2] == "ANATOMY"}
    while True:
        gap_start = start - 1
        while gap_start >= 0 and start - gap_start <= 3 and (words[gap_start] in SEPARATORS or words[gap_start] in LIST_FILLERS):
            gap_start -= 1
        previous = by_end.get(gap_start + 1)
        if previous is None or gap_start + 1 == start or not SEPARATORS.intersection(words[gap_start + 1:start]):
            return start
        start = previous[0]


# What patients say of their voice, which is no body part but takes a predicate as one (GUIDELINES rule 6): "my
# voice is so hoarse", "voice has been raspy for weeks", "her voice keeps cracking".
VOICE_PREDICATES = frozenset("hoarse hoarser raspy croaky husky gone weak weaker shaky breaking cracking strained "
                             "muffled squeaky gravelly".split())
_VOICE_LINKS = LINKING_WORDS | {"been", "has", "is", "sooo", "soo", "sooooo", "kinda", "a", "bit", "little", "all", "just"}



def add_voice_complaints(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"my voice is sooo hoarse", "voice has been raspy": the voice with its predicate is one SYMPTOM."""
    n = len(words)
    added = []
    for i in _positions(words, _VOICE_GATE.intersection(gate_hits(words))):
        j = i + 1
        while j < n and j - i <= 4 and words[j] in _VOICE_LINKS and words[j] not in VOICE_PREDICATES:
            j += 1
        if j > i + 1 and j < n and words[j] in VOICE_PREDICATES:
            added.append((i, j + 1, "SYMPTOM", HOARSENESS if words[j] != "gone" else APHONIA))
        elif j < n - 1 and words[j] in GIVING and words[j + 1] == "out":
            added.append((i, j + 2, "SYMPTOM", APHONIA))  # "[voice just gives out]", "[voice keeps giving out]"
    return replace_covered(spans, added) if added else spans


HOARSENESS, APHONIA = "HP:0001609", "HP:0001686"
_VOICE_GATE = gate({"voice"})
# The trigger words of the lay predicates (registered, so gate_hits keeps them). A predicate needs every word of
# one of its phrases ("on" and "fire"), so those words are kept too.
_LAY_PREDICATE_GATE = gate(LAY_PREDICATE_WORDS)
_COLOUR_GATE = gate(_COLOUR_WORDS)
_LAY_PHRASE_GATE = gate(*LAY_PREDICATES)

# One side of the body, which the lexicon keeps as no body part ("sleep on my left side" is a position), with a
# complaint of its own (rules 4 and 6): "he woke up with his [right side weak]", "my [left side is numb]", "[right
# side hurts]". The predicate's own mention gives the concept.
_SIDE_PREDICATES = frozenset("weak weaker numb numbness paralyzed paralysed tingly tingling heavy dead useless limp "
                             "droopy drooping hurts hurting hurt aches aching achy sore".split())
_SIDE_LINKS = LINKING_WORDS | {"a", "bit", "little", "all", "completely", "totally", "kind", "of"}
SIDES = frozenset({"left", "right"})
# a side after these is where something is or happens: "sleeping on my left side hurts my hip"
_SIDE_PLACES = frozenset("on onto to from at by".split())


def add_side_complaints(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"[right side weak]", "[left side is numb]", "[right side hurts]": the side with its complaint is one SYMPTOM."""
    n = len(words)
    by_start = {span[0]: span for span in spans}
    added = []
    for i in _positions(words, {"side"}):
        if not i or words[i - 1] not in SIDES or i - 1 in by_start and by_start[i - 1][1] > i:
            continue
        before = i - 2 - (i >= 2 and words[i - 2] in POSSESSIVES | {"the", "whole", "entire"})
        if before >= 0 and words[before] in _SIDE_PLACES:
            continue
        j = i + 1 if by_start.get(i, (0, 0, "ANATOMY"))[2] == "ANATOMY" else i
        while j < n and j - i <= 4 and words[j] in _SIDE_LINKS and j not in by_start:
            j += 1
        complaint = by_start.get(j)
        if complaint is not None and complaint[2] == "SYMPTOM" and words[complaint[1] - 1] in _SIDE_PREDICATES:
            added.append((i - 1, complaint[1], "SYMPTOM", complaint[3]))
    return replace_covered(spans, added) if added else spans
