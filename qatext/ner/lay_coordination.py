"""Coordinated mentions that share a head, a symptom word or a location become one span (GUIDELINES rule 11):
"back, hip, thigh and knee pain", "swollen feet and ankles", "pain and stiffness in my hands".
"""
from __future__ import annotations

from spacy.tokens import Doc

from qatext.ner.lay_body_predicates import _COLOUR_WORDS
from qatext.ner.lay_body_products import CHANGED_PRODUCT
from qatext.ner.lay_common import LIST_FILLERS, POSSESSIVES, Lookup, SEPARATORS
from qatext.ner.lay_edge_clauses import new_subject
from qatext.ner.span_rules import (DESCRIPTORS, LOCATED_COMPLAINTS, LOCATION_PREPOSITIONS, PREDICATE_TAILS,
                                   REGION_NOUNS, SIDE_WORDS, SYMPTOM_PREDICATES, Spans, has_own_predicate, region_start)

# The conjunctions before a list's last item: "joint pain in my wrists, knees and ankles".
CLOSING_CONJUNCTIONS = frozenset({"and", "or", "&"})


def coordinate(doc: Doc, words: list[str], spans: Spans, *, lookup: Lookup) -> tuple[Spans, dict[int, list[str]]]:
    """Coordinated mentions that share a head, symptom word or location become one span (rule 11).

    "back, hip, thigh and knee pain", "muscle and joint stiffness" (body parts sharing a head);
    "swollen feet and ankles", "weakness in neck, arms, shoulders" (a symptom sharing its word or
    location with more body parts). Returns the spans and, keyed by each joined span's end, the
    concept of every conjunct (``ent._.concepts``).
    """
    conjuncts: dict[int, list[str]] = {}
    # Every join starts at a span that a separator gap (", and my") parts from the next one: most spans
    # are not one, and the walk below goes from one such span to the next.
    listed = [k for k, (left, right) in enumerate(zip(spans, spans[1:]))
              if 0 <= right[0] - left[1] <= 3 and words[left[1]] in SEPARATORS]
    if not listed:
        return _shared_parts(words, spans, conjuncts, lookup), conjuncts
    out: Spans = []
    i = 0
    for k in listed:
        if k < i:
            continue  # joined into an earlier mention
        out += spans[i:k]
        i = k
        start, end, label, concept = spans[i]
        if label == "ANATOMY":
            # body parts in a list, then a head that begins with a body part: "back, hip ... and knee pain"
            j, parts = i, [spans[i]]
            while j + 1 < len(spans) and spans[j + 1][2] == "ANATOMY" and _is_separator(words[spans[j][1]:spans[j + 1][0]]):
                j += 1
                parts.append(spans[j])
            if j + 1 < len(spans):
                head = spans[j + 1]
                body = _anatomy_start(doc, head, lookup) if head[2] in ("SYMPTOM", "DISEASE", "TEST") \
                    and _is_separator(words[spans[j][1]:head[0]]) else None
                # the same body part again ("... in my mouth, and my mouth wont open") is no list of parts
                # nor a body part that a preposition ties to what came before ("aches up into my ear and my jaw is locked")
                first = _list_start(words, start, head, words[spans[j][1]:head[0]])
                if first is not None and body is not None and head[1] - body >= 2 and words[spans[j][0]:spans[j][1]] != words[body:body + spans[j][1] - spans[j][0]] \
                        and not _after_preposition(words, first) and not new_subject(words, body, body + 1, start) \
                        and not (_closes_an_earlier_list(words, first, parts, words[spans[j][1]:head[0]])
                                 and has_own_predicate(words, body + 1, colours=_COLOUR_WORDS)) \
                        and not (first and words[first - 1] in _COPULAS and words[first] in _PREDICATE_PARTS) \
                        and not (head[2] == "DISEASE" and not POSSESSIVES.isdisjoint(words[spans[j][1]:head[0]])):
                    # (a disease with an owner of its own is a noun phrase of its own: "for my bones and my [breast
                    # cancer] risk")
                    head_words = " ".join(words[body + 1:head[1]])
                    concepts = [_concept_of(f"{' '.join(words[s:e])} {head_words}", lookup, head[3]) for s, e, *_ in parts]
                    out = [span for span in out if span[0] < first]  # the region's own word ("palms") is inside now
                    out.append((first, head[1], head[2], head[3]))
                    conjuncts[head[1]] = concepts + [head[3]]
                    i = j + 2
                    continue
        if label in ("SYMPTOM", "DISEASE") and _ends_with_anatomy(doc, spans[i], lookup):
            # a symptom ending in a body part, then more body parts: "swollen feet and ankles"
            j = i
            while j + 1 < len(spans) and spans[j + 1][2] == "ANATOMY" and _is_separator(gap := words[spans[j][1]:spans[j + 1][0]]) \
                    and not has_own_predicate(words, spans[j + 1][1], colours=_COLOUR_WORDS) \
                    and not new_subject(words, spans[j + 1][0], spans[j + 1][1], spans[i][0]) \
                    and not _repeats_part(words, spans[j], spans[j + 1]) \
                    and not _part_against_itself(words, spans[j + 1]) \
                    and not (j > i and CLOSING_CONJUNCTIONS.isdisjoint(gap) and _closed(words, spans[i:j + 1])
                             and _goes_on(words, spans[j + 1][1])):
                if j + 2 < len(spans) and spans[j + 2][2] in ("SYMPTOM", "DISEASE") \
                        and _is_separator(next_gap := words[spans[j + 1][1]:spans[j + 2][0]]) \
                        and (body := _anatomy_start(doc, spans[j + 2], lookup)) is not None \
                        and (CLOSING_CONJUNCTIONS.isdisjoint(gap) or next_gap in (["and"], ["&"])
                             and has_own_predicate(words, body + 1, colours=_COLOUR_WORDS)):
                    # that body part begins the next coordinated mention: "..., muscle and joint stiffness"; after "and"
                    # it is the list's last item ("joint pain in my wrists, knees and ankles, mouth sores") unless "and"
                    # ties it to a part with a predicate of its own: "pain in my calves and my [hips and knees ached]"
                    break
                j += 1
            if j > i:
                end = spans[j][1]
                stem = " ".join(words[start:spans[i][1] - 1])
                concepts = [concept] + [_concept_of(f"{stem} {' '.join(words[s:e])}", lookup, concept) for s, e, *_ in spans[i + 1:j + 1]]
                out.append((start, end, label, concept))
                conjuncts[end] = concepts
                i = j + 1
                continue
        out.append(spans[i])
        i += 1
    out += spans[i:]
    # a shared location joins two complaint words parted by "and" only: "pain and stiffness in my hands"
    if any(spans[k + 1][0] - spans[k][1] == 1 and words[spans[k][1]] in CLOSING_CONJUNCTIONS and spans[k][1] - spans[k][0] == 1
           and words[spans[k][0]] in SHARED_LOCATION_WORDS and words[spans[k + 1][0]] in SHARED_LOCATION_WORDS for k in listed):
        out = _join_shared_locations(words, out, conjuncts)
    return _shared_parts(words, out, conjuncts, lookup), conjuncts


# (round 44) Sensations that are no mention on their own (GUIDELINES rule 17) but share the place written after the
# next complaint: "[fullness and roaring in my left ear]", "[ringing and fullness in my ear]".
BARE_LOCATED_SENSATIONS = frozenset("fullness ringing roaring buzzing whooshing pressure popping clicking".split())


# What may stand before the sensation: an article or owner, a verb of having or feeling; not a noun it modifies
# ("work pressure", "cabin pressure") nor a verb it is the object of ("the phone kept ringing").
_BEFORE_A_SENSATION = frozenset("a an the my his her their your some no of and with have has had having get gets got "
                                "getting feel feels felt feeling notice noticed also constant".split())


def join_bare_sensations(words: list[str], spans: Spans, conjuncts: dict[int, list[str]], *, lookup: Lookup) -> Spans:
    """``spans`` with a bare sensation word, "and", and a located complaint joined into one mention (rule 11). The
    recognizer calls it after the located complaints are drawn, when a sensation word is in the doc."""
    out: Spans = []
    for span in spans:
        start, end, label, concept = span
        if label == "SYMPTOM" and start >= 2 and end - start >= 3 and words[start - 1] in ("and", "&") \
                and words[start - 2] in BARE_LOCATED_SENSATIONS \
                and (words[start] in SHARED_LOCATION_WORDS or words[start] in BARE_LOCATED_SENSATIONS) \
                and words[start + 1] in LOCATION_PREPOSITIONS and not (out and out[-1][1] > start - 2) \
                and (start == 2 or not words[start - 3].isalpha() or words[start - 3] in _BEFORE_A_SENSATION):
            place = " ".join(words[start + 1:end])
            _record(conjuncts, end, [_concept_of(f"{words[start - 2]} {place}", lookup, concept), concept])
            out.append((start - 2, end, label, concept))
            continue
        out.append(span)
    return out


def _closed(words: list[str], items) -> bool:
    """A list of ``items`` already closed by "and" or "or": a part after a mere comma that a clause goes on from is no
    item of it ("burning pain across my neck, shoulders and upper back, my [legs feel like lead]"; see _goes_on)."""
    return any(not CLOSING_CONJUNCTIONS.isdisjoint(words[left[1]:right[0]]) for left, right in zip(items, items[1:]))


# What may follow a part that carries a list on: more list glue, "too", the end ("tingling in my hands and feet, my
# lips and face", "rash on my chest and back, my arms too").
_LIST_GOES_ON = CLOSING_CONJUNCTIONS | frozenset({"too", "also", "as", "both", ","})


def _goes_on(words: list[str], end: int) -> bool:
    """A word after the part ending at ``end`` that is no list glue: a predicate of its own ("my legs [feel] like lead")."""
    return end < len(words) and words[end].isalpha() and words[end] not in _LIST_GOES_ON


def _closes_an_earlier_list(words: list[str], first: int, parts, gap: list[str]) -> bool:
    """The ``parts`` from ``first`` end a list closed by "and" already ("on my cheeks [and] forehead", "cheeks and
    forehead") and ", and" comes before the head: with a predicate of the head's part, ", and my [ankles puff up]"
    starts a clause ("headaches and [hand and foot pain]" is one mention)."""
    closed = first > 0 and words[first - 1] in CLOSING_CONJUNCTIONS or _closed(words, parts)
    return closed and "," in gap and not CLOSING_CONJUNCTIONS.isdisjoint(gap)  # ("[hands and feet and ankles are swollen]")


def _repeats_part(words: list[str], before, part) -> bool:
    """The same body part again is a new subject, not a list item: "numbness on the outside of my foot and my foot
    drags"."""
    width = part[1] - part[0]
    return before[1] - before[0] >= width and words[part[0]:part[1]] == words[before[1] - width:before[1]]


def _part_against_itself(words: list[str], part) -> bool:
    """A part set against itself is a figure, not a list item: "osteoarthritis in both knees, bone on bone on the x-ray",
    "skin to skin"."""
    start, end = part[0], part[1]
    width = end - start
    return end < len(words) and words[end] in ("on", "to") and words[end + 1:end + 1 + width] == words[start:end]


def _after_preposition(words: list[str], start: int) -> bool:
    """The body part at ``start`` is the object of a preposition ("into [my ear]", "in the [knee]")."""
    k = start - 1
    if k >= 0 and words[k] in LIST_FILLERS:
        k -= 1
    return k >= 0 and words[k] in _TIED_PREPOSITIONS


def _list_start(words: list[str], start: int, head, gap: list[str]) -> int | None:
    """Where a list of body parts that shares ``head`` starts: at its first part, or at the region that part is of
    ("[tips of my fingers and toes are numb]", "[palms of my hands and soles of my feet itch]"). None when the region's
    part is no list item: "the sides of my fingers, skin cracks" (a comma and a complaint of its own after it)."""
    region = region_start(words, start)
    if region is None:
        return start
    if words[head[0]] in REGION_NOUNS or not CLOSING_CONJUNCTIONS.isdisjoint(gap):
        return region
    return None


# "the rash is back and hair is coming out": a "part" after a copula that is also a predicate ("is back": has
# returned) is no first item of a list of parts ("the issue is hands and feet going numb" is)
_COPULAS = frozenset("is was are were 's".split())
_PREDICATE_PARTS = frozenset({"back"})
# "at the edge of my eyes and my face ...": a place the first part names is no subject the list shares
_TIED_PREPOSITIONS = frozenset("into in to from up down through behind under over at onto off".split())




# Complaint words that take the location of the next conjunct: "pain and stiffness in my hands".
SHARED_LOCATION_WORDS = LOCATED_COMPLAINTS | frozenset({"popping", "clicking", "cracking", "discomfort", "heaviness"})


def _join_shared_locations(words: list[str], spans: Spans, conjuncts: dict[int, list[str]]) -> Spans:
    """"pain and stiffness in my hands and feet", "fullness and popping in the ear": a bare complaint
    word shares the location written once after the next one (rule 11); ``conjuncts`` gains both concepts."""
    out: Spans = []
    for span in spans:
        if out:
            first = out[-1]
            gap = words[first[1]:span[0]]
            if first[2] == "SYMPTOM" and span[2] == "SYMPTOM" and first[1] - first[0] == 1 and gap in (["and"], ["&"], ["or"]) \
                    and words[first[0]] in SHARED_LOCATION_WORDS and words[span[0]] in SHARED_LOCATION_WORDS \
                    and span[1] - span[0] >= 3 and words[span[0] + 1] in LOCATION_PREPOSITIONS:
                out[-1] = (first[0], span[1], "SYMPTOM", span[3])
                conjuncts[span[1]] = [first[3]] + conjuncts.get(span[1], [span[3]])
                continue
        out.append(span)
    return out


# Parts of the musculoskeletal frame whose complaint a bare second complaint word shares: "[muscle pain and
# wasting]" is muscle wasting, "[lower back pain and stiffness]" a stiff back; "chest pain and weakness" is not
# chest weakness, so other parts keep two mentions.
FRAME_PARTS = frozenset("""muscle muscles joint joints back neck shoulder shoulders arm arms leg legs knee knees hip
hips hand hands foot feet ankle ankles wrist wrists elbow elbows finger fingers toe toes thigh thighs calf calves jaw
""".split())
# Complaints such a part has: the head of the first mention and the bare word that shares its part.
SHARED_PART_WORDS = frozenset("""wasting weakness stiffness swelling tenderness cramps cramping spasms twitching
numbness tingling soreness aches aching ache pain pains""".split())
TISSUES = frozenset({"muscle", "muscles", "joint", "joints"})
# Felt in a limb or a muscle, not in the trunk: "back pain and tingling" is tingling in the legs, most likely
_LIMB_FEELINGS = frozenset("numbness tingling weakness wasting".split())
_LIMBS = frozenset("""muscle muscles arm arms leg legs hand hands foot feet finger fingers toe toes thigh thighs calf
calves""".split())


def _shared_parts(words: list[str], spans: Spans, conjuncts: dict[int, list[str]], lookup: Lookup) -> Spans:
    """``spans`` with a frame part's complaints joined where "and" and a complaint word follow one (most docs have none)."""
    last = len(words) - 1
    if any(end < last and words[end + 1] in SHARED_PART_WORDS and words[end] in ("and", "&", ",") for _s, end, *_ in spans):
        return _join_shared_parts(words, spans, conjuncts, lookup)
    return spans


def _join_shared_parts(words: list[str], spans: Spans, conjuncts: dict[int, list[str]], lookup: Lookup) -> Spans:
    """"[muscle pain and wasting]", "[joint aches and stiffness]": a frame part's complaint, "and", and a bare
    complaint word that the part has too are one coordinated mention (rule 11); ``conjuncts`` gains the part's
    concept for the second word ("muscle wasting") where the lexicon has one. A tissue's complaint shares the
    place written after the second word too ("[muscle pain and weakness in my thighs]"); another part's does not
    ("back pain and swelling in my ankles" stays two)."""
    out: Spans = []
    n = len(words)
    k = 0
    while k < len(spans):
        first = spans[k]
        k += 1
        out.append(first)
        if first[2] == "SYMPTOM" and first[1] < n and words[first[1]] == ",":
            listed = _listed_part_words(words, spans, k, first, lookup)
            if listed is not None:  # "[muscle aches, cramps and weakness]"
                end, concepts, consumed = listed
                out[-1] = (first[0], end, "SYMPTOM", first[3])
                _record(conjuncts, end, conjuncts.pop(first[1], [first[3]]) + concepts)
                k += consumed
            continue
        at = first[1] + 1  # the second complaint word, after "and"
        if first[2] != "SYMPTOM" or at >= n or words[first[1]] not in ("and", "&") or words[at] not in SHARED_PART_WORDS \
                or words[first[1] - 1] not in SHARED_PART_WORDS:
            continue
        part = _frame_part(words, first)
        if part is None or (words[at] in _LIMB_FEELINGS and words[part] not in _LIMBS):
            continue
        second = spans[k] if k < len(spans) else None
        own, took = first[3], 0
        if second is not None and second[0] == at:
            if second[2] != "SYMPTOM":
                continue
            if second[1] > at + 1:  # the second word with a place of its own: a tissue shares it
                if not (words[part] in TISSUES and second[1] - at >= 3 and words[at + 1] in LOCATION_PREPOSITIONS):
                    continue
                out[-1] = (first[0], second[1], "SYMPTOM", first[3])
                _record(conjuncts, second[1], conjuncts.pop(first[1], [first[3]]) + conjuncts.pop(
                    second[1], [_concept_of(f"{words[part]} {words[at]}", lookup, second[3])]))
                k += 1
                continue
            own, took = second[3], 1
            k += 1
            second = spans[k] if k < len(spans) else None
        elif second is not None and second[0] < at + 1:
            continue
        end = at + 1
        # a body part after the word is its place: a tissue's complaints share it ("[muscle pain and wasting in
        # his thighs]"), another part's do not ("back pain and swelling in my ankles"); a time is no place
        if end < n and words[end] in LOCATION_PREPOSITIONS and second is not None and second[2] == "ANATOMY" \
                and second[0] - end <= 3 and all(w in LIST_FILLERS for w in words[end + 1:second[0]]):
            if words[part] not in TISSUES:
                k -= took  # the second word's own span stays
                continue
            end = second[1]
            k += 1
        out[-1] = (first[0], end, "SYMPTOM", first[3])
        _record(conjuncts, end, conjuncts.pop(first[1], [first[3]]) + [_concept_of(f"{words[part]} {words[at]}", lookup, own)])
    return out


def _frame_part(words: list[str], first) -> int | None:
    """Where the frame part of ``first`` stands when ``first`` is that part and a complaint word after side words
    ("lower [back] pain", "[muscle] aches"), else None."""
    part = first[0]
    while part < first[1] - 1 and words[part] in SIDE_WORDS:
        part += 1
    if first[1] - part != 2 or words[part] not in FRAME_PARTS or words[first[1] - 1] not in SHARED_PART_WORDS:
        return None
    return part


def _listed_part_words(words: list[str], spans: Spans, k: int, first, lookup: Lookup):
    """A list of bare complaint words after a frame part's complaint, closed by "and": "muscle aches, cramps and
    weakness" -> (end, each word's concept, how many of the spans from ``k`` on it takes), or None. Each word is
    bare or a one-word SYMPTOM; a list that goes on to a place ("..., and weakness in my legs") is left alone."""
    n = len(words)
    part = _frame_part(words, first)
    if part is None:
        return None
    by_start = {s[0]: s for s in spans[k:k + 8]}
    items, pos, closed = [], first[1], False
    while pos + 1 < n and len(items) < 6:
        if words[pos] in ("and", "&") or (words[pos] == "," and words[pos + 1] in ("and", "&")):
            pos += 1 if words[pos] != "," else 2
            closed = True
        elif words[pos] != ",":
            break
        else:
            pos += 1
        word = words[pos] if pos < n else ""
        span = by_start.get(pos)
        if word not in SHARED_PART_WORDS or (word in _LIMB_FEELINGS and words[part] not in _LIMBS) \
                or (span is not None and (span[1] != pos + 1 or span[2] != "SYMPTOM")):
            return None
        items.append((pos, span))
        pos += 1
        if closed:
            break
    if not closed or not items or (pos < n and words[pos] in LOCATION_PREPOSITIONS):
        return None
    if any(s[0] < pos and s[1] > first[1] and s[0] not in {p for p, _ in items} for s in spans[k:k + 8]):
        return None  # another mention inside the list
    concepts = [_concept_of(f"{words[part]} {words[p]}", lookup, span[3] if span else first[3]) for p, span in items]
    return pos, concepts, sum(1 for _, span in items if span is not None)


def _record(conjuncts: dict[int, list[str]], end: int, concepts: list[str]) -> None:
    """Each distinct concept once; nothing when the conjuncts name one concept ("neck pain and stiffness" may)."""
    distinct = list(dict.fromkeys(concepts))
    if len(distinct) > 1:
        conjuncts[end] = distinct


def _is_separator(gap: list[str]) -> bool:
    """", ", "and", ", and", "and my", "or both": what sits between conjuncts."""
    if not gap or len(gap) > 3 or gap[0] not in SEPARATORS:
        return False
    return all(w in SEPARATORS or w in LIST_FILLERS for w in gap[1:])


def _starts_with_anatomy(doc: Doc, span, lookup: Lookup) -> bool:
    return _anatomy_start(doc, span, lookup) is not None


def _anatomy_start(doc: Doc, span, lookup: Lookup) -> int | None:
    """The body word a span begins with, after side words ("upper back pain" -> "back"), or None."""
    start = span[0]
    while start < span[1] - 1 and doc[start].lower_ in SIDE_WORDS:
        start += 1
    found = lookup(doc[start].norm_)
    return start if found and found[0] == "ANATOMY" else None


_ROLLED = PREDICATE_TAILS["back"]


def _ends_with_anatomy(doc: Doc, span, lookup: Lookup) -> bool:
    if span[1] - span[0] < 2 or doc[span[1] - 2].lower_ in _ROLLED:
        return False  # "eyes rolled back": the tail of a predicate, no body part that more parts could follow
    found = lookup(doc[span[1] - 1].norm_)
    return bool(found) and found[0] == "ANATOMY"


def _concept_of(text: str, lookup: Lookup, fallback: str) -> str:
    found = lookup(text)
    return found[1] if found and found[0] in ("SYMPTOM", "DISEASE", "TEST") else fallback


# A part's complaint and a second predicate of the same part after "and" are one finding (rule 11, as "[ankle is
# purple and swollen]"): "[skin is cracking and bleeding]", "[eyes are puffy and streaming]", "[left ear feels full
# and blocked]", "[lips peel and split]" (round 48). Only after a part with its predicate: "[cough] and [cold]" stay two.
SECOND_PREDICATES = SYMPTOM_PREDICATES | DESCRIPTORS | frozenset(
    "streaming split splits splitting stinging stung blocked drags dragging weepy shiny scratched full peel peels "
    # a body product's second state: "[wee is cloudy and smells awful]", "[stools are pale and greasy]"
    "goopy gunky cloudy pale floats".split())
_SECOND_DEGREES = frozenset("so very really all bright".split())
# "[left eye wont stop twitching and feels gritty]": the second predicate may come with its own verb
_SECOND_LINKS = frozenset("feels feel felt looks look looked".split())
_SMELLS = frozenset("smells smell smelt smelled".split())
_BAD_SMELLS = frozenset("awful bad funny horrible foul off strong weird vile disgusting rank gross".split())


def join_second_predicates(words: list[str], spans: Spans, *, lookup: Lookup) -> Spans:
    """``spans`` with a part's complaint running on over "and" and a second predicate of that part."""
    n = len(words)
    joined: dict[int, tuple] = {}
    absorbed: set[int] = set()
    for k, (start, end, label, concept) in enumerate(spans):
        if label != "SYMPTOM" or end + 1 >= n or words[end] not in ("and", "&") or end - start < 2 \
                or words[end - 1] not in SECOND_PREDICATES or k in absorbed \
                or not (_opens_with_part(words, start, end, lookup) or concept == CHANGED_PRODUCT):
            # (a part's noun complaint is complete: "[jaw pain] and [clicking]", "[mouth ulcers] and [swelling]")
            continue
        after = end + 1 + (words[end + 1] in _SECOND_LINKS)
        after += after < n and words[after] in _SECOND_DEGREES
        if after + 1 < n and words[after] in _SMELLS and words[after + 1] in _BAD_SMELLS:
            if words[after + 2:after + 3] == ["of"]:
                continue  # ("smells strong of asparagus": what it smells of)
            new_end = after + 2
        elif after >= n or words[after] not in SECOND_PREDICATES or words[after] == "full" and words[after + 1:after + 2] == ["of"]:
            continue  # ("[nose is blocked] and full of snot": what fills it)
        else:
            # "[scalp is red and scratched raw]": "raw" stacks on the second predicate as it does on the first
            new_end = after + 1 + (after + 1 < n and words[after + 1] == "raw")
        inside = [m for m in range(k + 1, len(spans)) if end <= spans[m][0] < new_end]
        if any(spans[m][1] > new_end or spans[m][2] != "SYMPTOM" for m in inside):
            continue  # "red and [swollen ankles]": the word opens a complaint of its own
        joined[k] = (start, new_end, label, concept)
        absorbed.update(inside)
    if not joined:
        return spans
    return [joined.get(k, span) for k, span in enumerate(spans) if k not in absorbed]


def _opens_with_part(words: list[str], start: int, end: int, lookup: Lookup) -> bool:
    """The span opens with a body part (after side words) and goes on past it: "left ear feels full"."""
    first = start
    while first < end - 1 and words[first] in SIDE_WORDS:
        first += 1
    for size in (2, 1):
        if first + size < end:
            found = lookup(" ".join(words[first:first + size]))
            if found and found[0] == "ANATOMY":
                return True
    return False
