"""Degree, side and frequency at a complaint's edges (issue 11, GUIDELINES rules 4 and 16).

Degree adverbs go inside a lay state ("felt [very nauseous]"), and so do the words that grade an event that
nearly happened ("[nearly blacked out]"), the side a pain keeps to ("a [one sided headache]"), the look of a lesion
("the [angry cysts]") and the pattern a complaint comes in when it is named with it ("[coughs in fits]", "[queasy
mornings]"). Earlier rules grade single adjectives ("[so tired]"); this module adds:

* "so/too/really/very" before a participle state with its particle: "[so bunged up]", "[really wiped out]";
* "nearly/almost" before an event verb: "[nearly blacked out]", "[almost passed out]";
* "one/left/right sided" before a pain or headache, with how it feels before the side: "a [one sided headache]",
  "[stabbing left sided chest pain]";
* "angry" before a lesion: "the [angry cysts]", "[angry red spots]";
* "in fits/bouts/spasms" after a cough or a sneeze: "[coughs in fits]";
* "mornings/nights/evenings" after a one-word state: "i had [queasy mornings]" (the state named by when it comes);
* "attacks" after a one-word complaint: "the [vertigo attacks] are fewer" (round 34).

Time and extent words stay out ("[so bunged up] all week", "nearly every day"). :func:`add_degrees` looks only at a
doc that holds one of :data:`WORDS`.
"""
from __future__ import annotations

from qatext.ner.span_rules import SEVERITY, Spans, gate, gate_hits

# the graders of a state ("[so bunged up]"); "completely bunged up" keeps its extent outside (round 15b's test)
_DEGREES = frozenset({"so", "too", "really", "very", "super", "sooo", "soo"})
_PARTICLE_STATES = frozenset("bunged blocked stuffed wiped worn stressed knocked freaked puffed washed bloated "
                             "clogged".split())
_PARTICLES = frozenset({"up", "out", "down", "off"})
_NEARLY = frozenset({"nearly", "almost"})
# ("nearly pass out" is left to the boundary model, whose tests are built on it)
_EVENTS = frozenset("blacked passed fainted fell threw choked keeled puked vomited wet lost broke black faint blacking "
                    "fainting collapsed".split())
_SIDES = frozenset({"one", "left", "right", "two", "both"})
_SIDED_HEADS = frozenset("headache headaches migraine migraines pain pains ache aches weakness numbness".split())
_LESIONS = frozenset("cysts cyst spots spot pimples pimple spot rash boils boil lumps lump bumps zits zit acne "
                     "breakouts blemishes nodules".split())
_FITS = frozenset({"fits", "bouts", "spasms"})
_COUGHS = frozenset("cough coughs coughing coughed sneezes sneezing sneezed retching retches hiccups".split())
_TIMES = frozenset({"mornings", "nights", "evenings", "afternoons"})
# what a complaint comes in, named with it: "[vertigo attacks]", "[spinning attacks]" (the gold keeps "episode" and
# "spell" outside: "[SVT] episode", "a [hypomanic] spell")
_EPISODES = frozenset({"attack", "attacks"})
# one-word states that a time can head: "queasy mornings", "sweaty nights", "groggy mornings"
_STATE_ENDINGS = ("y", "ish", "less", "ous")

# "attacks" as a verb has an object after it: "lupus attacks the kidneys", "HIV attacks immune cells" (not "a":
# "3 [vertigo attacks] a month")
_ATTACKED = frozenset("the my your his her its their our healthy immune nerve nerves cells joints organs "
                      "kidneys liver skin body brain lungs thyroid".split())

WORDS = gate(_PARTICLE_STATES, _NEARLY, {"sided", "angry"}, _FITS, _TIMES, _EPISODES)


def _attacks_something(words: list[str], after: int) -> bool:
    return after < len(words) and words[after] in _ATTACKED


def add_degrees(doc, words: list[str], spans: Spans) -> Spans:
    hits = WORDS.intersection(gate_hits(words))
    if not hits:
        return spans
    n = len(words)
    out = list(spans)
    changed = False
    for k, (start, end, label, concept) in enumerate(spans):
        if label not in ("SYMPTOM", "DISEASE"):
            continue
        first, last = words[start], words[end - 1]
        new_start, new_end = start, end
        before = words[start - 1] if start else ""
        if before in _DEGREES and first in _PARTICLE_STATES and end - start == 2 and last in _PARTICLES:
            new_start = start - 1  # "[so bunged up]"
        elif before in _NEARLY and first in _EVENTS:
            new_start = start - 1  # "[nearly blacked out]"
        elif before == "sided" and (first in _SIDED_HEADS or last in _SIDED_HEADS) and start >= 2:
            j = start - 2 if words[start - 2] != "-" else start - 3
            if j >= 0 and words[j] in _SIDES:
                new_start = j  # "[one sided headache]", "[left-sided weakness]"
                if j and words[j - 1] in SEVERITY:
                    new_start = j - 1  # "[stabbing left sided chest pain]", "[severe right sided headache]"
        elif before == "angry" and (first in _LESIONS or last in _LESIONS):
            new_start = start - 1  # "the [angry cysts]"
        if end + 1 < n and words[end] == "in" and words[end + 1] in _FITS and last in _COUGHS:
            new_end = end + 2  # "[coughs in fits]"
        elif end < n and words[end] in _TIMES and end - start == 1 and label == "SYMPTOM" and first.endswith(_STATE_ENDINGS):
            new_end = end + 1  # "[queasy mornings]"
        elif end < n and words[end] in _EPISODES and end - start == 1 and not _attacks_something(words, end + 1):
            new_end = end + 1  # round 34: "the [vertigo attacks] are down to one a month"
        if (new_start, new_end) == (start, end):
            continue
        # never over another mention
        if any(j != k and s[0] < new_end and new_start < s[1] for j, s in enumerate(spans)):
            continue
        out[k] = (new_start, new_end, label, concept)
        changed = True
    return sorted(out) if changed else spans
