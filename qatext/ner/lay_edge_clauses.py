"""Where a lay complaint's clause stops (issue 11, GUIDELINES rules 6, 10, 11).

A list of body parts shares the predicate that follows it ("[feet and hands are really swollen]"), but a part after
"and" with its own possessive and a verb in the singular starts a clause of its own: "this infected toe and my
[stomach is doing backflips]", "back of my thigh, and my [foot feels asleep]". A singular verb cannot have a list
of parts for its subject, and the repeated possessive says a new subject begins.

A perception verb before a lay state stays outside (rule 16: "i feel [sooo tired]", "felt [very nauseous]"), but a
"feel like ..." complaint keeps it, and so does a feeling that is the complaint only with its verb ("[feel nothing]").
"""
from __future__ import annotations

from qatext.ner.lay_common import POSSESSIVES
from qatext.ner.span_rules import gate

# Verbs in the third person singular that open a part's predicate ("is swollen", "feels asleep", "keeps twitching").
SINGULAR_VERBS = frozenset("""is was has does feels felt looks seems keeps gets goes 's isnt wasnt hasnt doesnt
""".split())


def new_subject(words: list[str], part_start: int, verb_at: int) -> bool:
    """The part at ``part_start`` (after "and" or ",") is the subject of a clause of its own: its own possessive
    stands before it and the verb at ``verb_at`` is singular ("and my [stomach is doing backflips]")."""
    return part_start >= 1 and words[part_start - 1] in POSSESSIVES and 0 <= verb_at < len(words) \
        and words[verb_at] in SINGULAR_VERBS


PERCEIVING = gate({"feel", "felt", "feeling", "feels"})
# What makes the verb part of the complaint: "[feel like passing out]", "[feel nothing]", "[feel sick to my stomach]"
# ("[feeling of dread]"); and words that name no state alone ("felt off", "feeling down": the verb makes them one)
_KEEPS_VERB = frozenset({"like", "nothing", "as", "it", "that", "every", "everything", "a", "an", "the", "my", "so",
                         "of", "off", "down", "low", "out", "up", "in"})


def drop_perception_verbs(words: list[str], spans: list) -> list:
    """"[feel tired]" -> "feel [tired]": a symptom that starts with a perception verb and a state starts at the state."""
    out = None
    for k, (start, end, label, concept) in enumerate(spans):
        if label == "SYMPTOM" and end - start >= 2 and words[start] in PERCEIVING and words[start + 1] not in _KEEPS_VERB \
                and words[start + 1].isalpha():
            if out is None:
                out = list(spans)
            out[k] = (start + 1, end, label, concept)
    return spans if out is None else out


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


def join_diseased_parts(words: list[str], spans: list) -> list:
    """"infected" (DISEASE) right before a body part (ANATOMY) is the part's disease: one span; before a disease or a
    lesion it qualifies it ("[infected ingrown toenail]", "[infected eczema]": a clinical qualifier, rule 4)."""
    out: list = []
    for span in spans:
        if span[2] in ("ANATOMY", "DISEASE", "SYMPTOM") and out and out[-1][1] == span[0] and out[-1][2] == "DISEASE" \
                and out[-1][1] - out[-1][0] == 1 and words[out[-1][0]] in PART_DISEASE_STATES:
            first = out.pop()
            span = (first[0], span[1], "DISEASE", first[3]) if span[2] == "ANATOMY" else (first[0], *span[1:])
        out.append(span)
    return out
