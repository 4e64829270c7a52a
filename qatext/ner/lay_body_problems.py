"""A body part with a problem the text does not name: "heart problems" (DISEASE), "back issues" (SYMPTOM),
"my face broke out in pimples", "pain in my kidney area".
"""
from __future__ import annotations

from spacy.tokens import Doc

from qatext.ner.lexicon import PROBLEM_NOUNS
from qatext.ner.span_rules import DESCRIPTORS, Spans, gate, gate_hits

# Location words that close a located symptom's body part: "pain in my kidney area".
LOCATION_TAILS = frozenset({"area", "region", "areas"})
_LOCATION_TAIL_GATE = gate(LOCATION_TAILS)
# How low a pain sits, said after it: "[cramps low down on the left]", "[pain low down in my back]", "[cramping low
# down]" (rule 5; the gold has "low down" inside 13 times, outside once). Heads that a place may follow:
LOW_DOWN_HEADS = frozenset("pain pains ache aches aching cramp cramps cramping twinges twinge stabbing pressure "
                           "discomfort soreness tenderness".split())
_SIDES = frozenset({"left", "right"})
_PLACE_OWNERS = frozenset("my his her the".split())

# "<organ> problems" is a disorder of that organ (DISEASE); of a tissue, region or function a complaint (SYMPTOM).
PROBLEM_WORDS = frozenset(PROBLEM_NOUNS)
_PROBLEM_GATE = gate(PROBLEM_WORDS)
ORGANS = frozenset("heart kidney kidneys liver lung lungs thyroid pancreas gallbladder prostate bladder "
                   "ovary ovaries uterus spleen adrenal".split())
ORGAN_PROBLEMS = "QATEXT:disease/organ-disorder"
REGION_PROBLEMS = "QATEXT:symptom/body-part-complaint"


def add_organ_problems(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"heart problems" (DISEASE), "back issues" (SYMPTOM): a body part with an unspecified problem."""
    if _PROBLEM_GATE.isdisjoint(gate_hits(words)):
        return spans
    starts = {span[0] for span in spans}
    out = []
    for start, end, label, concept in spans:
        if label == "ANATOMY" and end < len(words) and words[end] in PROBLEM_WORDS and end not in starts:
            organ = words[end - 1] in ORGANS
            out.append((start, end + 1, "DISEASE" if organ else "SYMPTOM", ORGAN_PROBLEMS if organ else REGION_PROBLEMS))
        else:
            out.append((start, end, label, concept))
    return out


BREAK_WORDS = frozenset({"break", "breaks", "broke", "breaking"})
_BREAK_GATE = gate(BREAK_WORDS)


def add_breakouts(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"my face break out in pimples": a body part, "break out (in|with)", the lesion is one SYMPTOM."""
    if _BREAK_GATE.isdisjoint(gate_hits(words)):
        return spans
    n = len(words)
    out: Spans = []
    i = 0
    while i < len(spans):
        start, end, label, concept = spans[i]
        if label == "ANATOMY" and end + 1 < n and words[end] in BREAK_WORDS and words[end + 1] == "out":
            k, phrase_concept = i + 1, REGION_PROBLEMS
            if k < len(spans) and spans[k][0] == end:
                if spans[k][1] != end + 2:  # a longer lexicon phrase from "broke" on decides itself
                    out.append(spans[i])
                    i += 1
                    continue
                phrase_concept = spans[k][3]  # the lexicon knows "broke out" (a rash): it is the phrase, not a second span
                k += 1
            after = end + 2 + (1 if end + 2 < n and words[end + 2] in ("in", "with") else 0)
            if k < len(spans) and spans[k][0] == after and spans[k][2] == "SYMPTOM":
                last = k
                # "in painful bumps": a describing word, then the lesion it describes
                if spans[k][1] - spans[k][0] == 1 and words[spans[k][0]] in DESCRIPTORS and k + 1 < len(spans) \
                        and spans[k + 1][0] == spans[k][1] and spans[k + 1][2] == "SYMPTOM":
                    last = k + 1
                out.append((start, spans[last][1], "SYMPTOM", spans[last][3]))
                i = last + 1
                continue
            out.append((start, end + 2, "SYMPTOM", phrase_concept))
            i = k
            continue
        out.append(spans[i])
        i += 1
    return out


def extend_location_tails(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"pain in my kidney area": a location word closing the symptom's body part."""
    if _LOCATION_TAIL_GATE.isdisjoint(gate_hits(words)):
        return spans
    starts = {span[0] for span in spans}
    out = []
    for start, end, label, concept in spans:
        if label == "SYMPTOM" and end - start >= 3 and end < len(words) and words[end] in LOCATION_TAILS and end not in starts:
            end += 1
        out.append((start, end, label, concept))
    return out


def extend_low_down(words: list[str], spans: Spans) -> Spans:
    """``spans`` with "low down" and the side or part it is on joined to the pain before it: "[cramps low down on the
    left]", "[stabbing pain low down on the right of my back]", "[pain low down on my left side]"."""
    anatomy = {span[0]: span[1] for span in spans if span[2] == "ANATOMY"}
    out: Spans = []
    for k, (start, end, label, concept) in enumerate(spans):
        if label == "SYMPTOM" and words[end - 1] in LOW_DOWN_HEADS and words[end:end + 2] == ["low", "down"]:
            new_end = _low_place_end(words, end + 2, anatomy)
            # no mention but body parts may start inside the place it takes in
            if all(other[2] == "ANATOMY" for other in spans[k + 1:] if other[0] < new_end):
                end = new_end
        out.append((start, end, label, concept))
    if out == spans:
        return spans
    joined = [span for span in out if span[2] != "ANATOMY"]
    return sorted(joined + [span for span in out if span[2] == "ANATOMY"
                            and not any(j[0] <= span[0] and span[1] <= j[1] for j in joined)])


def _low_place_end(words: list[str], k: int, anatomy: dict[int, int]) -> int:
    """Where the place after "low down" (at ``k``) ends: after "on the left", "on my right side", "on the right hand
    side of my tummy", "in my back"; at ``k`` when no side or part follows."""
    n = len(words)
    if k + 2 >= n or words[k] not in ("on", "in") or words[k + 1] not in _PLACE_OWNERS:
        return k
    j = k + 2
    if words[j] in _SIDES:
        end = j + 1
        if words[end:end + 2] == ["hand", "side"]:
            end += 2  # "the right hand side"
        elif words[end:end + 1] == ["side"]:
            end += 1  # "my left side"
        if words[end - 1] == "side" and end - 1 in anatomy:
            end = max(end, anatomy[end - 1])  # "side of my tummy", a part the lexicon knows
        end = max(end, anatomy.get(j, end))  # "[right side of my stomach]", one part already
    elif j in anatomy:
        end = anatomy[j]  # "in my back"
    else:
        return k
    if end + 2 < n and words[end] == "of" and words[end + 1] in _PLACE_OWNERS and end + 2 in anatomy:
        end = anatomy[end + 2]  # "... of my back"
    return end
