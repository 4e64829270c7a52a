"""How far a complaint reaches after its last word (round 20a; GUIDELINES rules 4, 6 and 16).

Two right edges that the rules before stop one word short of:
- the hue after a shade: "my [pee is dark brown]", "[wee went light pink]": "dark" alone is half the colour (rule 4,
  the colour is the quality of what is seen; "[dark brown discharge]" keeps it before the head the same way);
- the particle of a phrasal verb after the body part it is done to: "it [tore my stomach up]", "[coughing my lungs
  up]", "he [cant turn his left hip in] as far as the right": the verb, its object and its particle are one
  predicate (rule 6: a part that is the object of a complaint verb goes with it; rule 16: a lost movement keeps its
  direction, as "[cant bend down]"). The particle joins only where nothing follows that it could govern: "hurt my
  back in the garden", "cant lift my arm up the wall" keep the place outside (rule 10).
Left here, by the guideline: a frequency or a time span after a complaint ("[wheezy] every night", "[put on 3kg] in
5 days"), a post-posed "at all" (rule 15) and where shed hair is found ("in the shower"), rule 10.
Each edge is behind its own trigger words; a doc without them costs one set test.
"""
from __future__ import annotations

from qatext.ner.lay_body_states import COLOURS
from qatext.ner.lay_common import POSSESSIVES
from qatext.ner.span_rules import Spans, gate, gate_hits, is_mark, word_positions, word_set

_PROBLEMS = frozenset({"SYMPTOM", "DISEASE"})

# --- the hue after a shade ------------------------------------------------------------------------------------------
SHADES = frozenset("dark light pale bright deep".split())
# The hues a shade grades ("pale" and the comparatives are shades or states of their own, not hues).
_HUES = COLOURS - frozenset("pale paler darker whiter redder".split())
# What may follow the colour of a complaint: a stop, a conjunction, a time or a verb of the next clause; a noun after
# it is what the colour names ("pee is dark, brown bits in it" has a comma; "dark brown bears" is no hue of the pee).
_AFTER_HUE = frozenset(". , ! ? ; : ) ( - and or but since for from today now again all every when after before "
                       "with in at on by lately recently too also still most some sometimes often always".split())

# --- the particle after a verb's body object ------------------------------------------------------------------------
# Particles that end a phrasal verb after its object: "tore my stomach up", "coughing my lungs up", "turn my hip in".
PARTICLES = frozenset({"up", "out"})
# "in" is a particle after a turning movement only ("cant turn his hip in"); elsewhere it opens a place.
_TURNS = frozenset("turn turns turned turning rotate rotates rotated rotating".split())
_IN = frozenset({"in"})
# The verbs whose particle may stand after the part: what tears a part up ("[tore my stomach up]", "ripped my throat
# up"), a turning movement ("[cant turn her hip in]", "cant turn my foot out") and the expelling verbs
# below. (Only these: "up" and "out" are in a third of the docs, and an open verb list would read them all.)
_WRECKS = frozenset("tore tear tears tearing torn ripped rip rips ripping".split())
# Verbs that bring something up, said with the body part they are done to: "[coughing my lungs up]", "puking my guts
# up" (the lay hyperbole of a violent cough or vomit; the part is no ANATOMY mention there).
_EXPELLING = frozenset("cough coughs coughing coughed throw throws throwing threw puke pukes puking puked "
                       "spew spews spewing spewed".split())
_EXPELLED_PARTS = frozenset("lungs lung guts insides stomach".split())
# What the particle may be followed by for it to end the verb (a noun or a determiner after "in", "up", "out" makes
# it a preposition: "hurt my back in the garden", "cant lift my arm up the wall").
_AFTER_PARTICLE = _AFTER_HUE | frozenset("as so again any anymore more properly fully completely right "
                                         "every each this that last years months weeks days yesterday".split())

# "it [tore my stomach up]": a drug or a food tearing the gut "up" is the lay upset of the stomach (as "[upsets my
# stomach]", rule 6), not the injury that "tore" names before a part ("[tore my ACL]", DISEASE).
_GUT = frozenset("stomach stomache tummy belly gut guts insides bowels".split())
ABDOMINAL_PAIN = "HP:0002027"
# A place before the possessive makes the part a location, not an object: "[pain in my back] up and down".
_PLACE_WORDS = frozenset("in on at of to into onto around round under behind from down up across through over near "
                         "with between above below along inside".split())

_PARTICLE_VERBS = _WRECKS | _TURNS | _EXPELLING
_GATE = gate(SHADES, _HUES, PARTICLES, _IN, _PARTICLE_VERBS)
WORDS = SHADES | _PARTICLE_VERBS  # the hook's test: a shade or a verb that takes a particle after its object


def extend_reach(doc, words: list[str], spans: Spans) -> Spans:
    """``spans`` with the hue after a shade and the particle after a verb's body object joined to the complaint."""
    hits = gate_hits(words)
    cues = []  # positions of a hue after a shade, or of a particle with a possessive in the four words before it
    if not SHADES.isdisjoint(hits) and not _HUES.isdisjoint(hits):
        cues += [p for p in word_positions(words, _HUES & hits) if p and words[p - 1] in SHADES]
    wanted = PARTICLES & hits if not _PARTICLE_VERBS.isdisjoint(hits) else frozenset()
    if "in" in hits and not _TURNS.isdisjoint(hits):
        wanted = wanted | _IN
    if wanted and not POSSESSIVES.isdisjoint(word_set(words)):  # ("my" is in most docs: no gate word)
        cues += [p for p in word_positions(words, wanted) if p >= 3 and not POSSESSIVES.isdisjoint(words[max(0, p - 4):p - 1])]
    if not cues:
        return spans
    ends = {span[1]: k for k, span in enumerate(spans)}
    starts = {span[0] for span in spans}
    grown: dict[int, tuple] = {}
    for p in cues:
        k = ends.get(p)
        if k is not None and p not in starts and spans[k][2] in _PROBLEMS:
            start, end, label, concept = spans[k]
            if words[p - 1] in SHADES:
                new_end = _hue_end(words, end) if end - start >= 2 else None  # "pale" alone before a hue is no pallor
            else:
                new_end = _particle_end(words, start, end)
            if new_end is not None:
                if label == "DISEASE" and words[end] == "up" and words[end - 1] in _GUT:
                    label, concept = "SYMPTOM", ABDOMINAL_PAIN  # "it [tore my stomach up]": an upset, no injury
                grown[k] = (start, new_end, label, concept)
        elif p >= 3 and words[p] in PARTICLES and words[p - 3] in _EXPELLING:
            k = ends.get(p - 2)  # "[coughing] my [lungs] up"
            if k is not None and spans[k][2] == "SYMPTOM" and spans[k][1] - spans[k][0] <= 2:
                joined = _expelled_part(words, p - 2, spans, k)
                if joined is not None:
                    grown[k] = (spans[k][0], joined, "SYMPTOM", spans[k][3])
    if not grown:
        return spans
    out, until = [], -1
    for k, span in enumerate(spans):
        if k in grown:
            span = grown[k]
            until = span[1]
        elif span[0] < until:
            continue  # inside a grown span ("lungs" in "[coughing my lungs up]")
        out.append(span)
    return out


def _hue_end(words: list[str], end: int) -> int | None:
    """"[pee is dark] brown": the hue after a shade, with nothing after it that it could be the colour of."""
    if words[end] not in _HUES:
        return None
    after = words[end + 1] if end + 1 < len(words) else "."
    return end + 1 if after in _AFTER_HUE or after.endswith("ish") else None


def _particle_end(words: list[str], start: int, end: int) -> int | None:
    """"[tore my stomach] up", "[cant turn his left hip] in": a verb, a possessive and the part, then the particle."""
    particle = words[end]
    verbs = _TURNS if particle == "in" else _PARTICLE_VERBS
    if verbs.isdisjoint(words[start:end]):
        return None
    # the object is the span's tail: a possessive within the last four words, the verb before it inside the span
    owner = next((k for k in range(end - 2, max(start, end - 5), -1) if words[k] in POSSESSIVES), None)
    if owner is None or owner == start or words[owner - 1] in _PLACE_WORDS:
        return None
    after = words[end + 1] if end + 1 < len(words) else "."
    # a mark or an emoji ends the verb too ("tore my stomach up 🔥")
    return end + 1 if after in _AFTER_PARTICLE or is_mark(after) else None


def _expelled_part(words: list[str], end: int, spans: Spans, i: int) -> int | None:
    """"[coughing] my [lungs] up": the expelling verb, the part it is said to bring up and the particle, one span."""
    if words[end] not in POSSESSIVES:
        return None
    part = end + 1
    if words[part] not in _EXPELLED_PARTS or part + 1 >= len(words) or words[part + 1] not in PARTICLES:
        return None
    after = words[part + 2] if part + 2 < len(words) else "."
    if after not in _AFTER_PARTICLE:
        return None
    # only a body mention may sit between (the part itself); another complaint there keeps the verb short
    for s in spans[i + 1:]:
        if s[0] >= part + 2:
            break
        if s[2] != "ANATOMY" or s[0] < part or s[1] > part + 1:
            return None
    return part + 2
