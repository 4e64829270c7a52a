"""Lay noun phrases of a describing word and a body word (round 19a; GUIDELINES rules 4, 6, 11): "[pounding pulse]",
"[thumping heartbeat]", "[lazy bowels]", "[belly gripes]", "[gut cramps and gurgling]", "[mushy poo]", "[inner
trembling]", "[shuffling walk]", "[dragging ache in my groin]", "[gripey pains]".

The describing word is what makes the body word a complaint (rule 4: character, rhythm, texture, sound, movement),
so each class pairs its own describers with its own heads:
- a rhythm before the heart's beat or the pulse ("pounding pulse", "racing heartbeat");
- how a part works before the part ("lazy bowels", "sluggish gut", "dodgy knee", "twitchy eye");
- a belly's noises and gripes after it ("belly gripes", "tummy rumbles"), and joined to a belly complaint ("gut
  cramps [and gurgling]");
- a texture or colour before stool or urine ("mushy poo", "cloudy wee");
- "inner" or "internal" before a tremor ("inner trembling");
- a gait's manner before "walk" or "gait" ("shuffling walk");
- a lay character before a pain word ("dragging ache", "gripey pains").
Near-misses stay out: "a big heart", "skinny jeans", "a long walk", "dog poo", "my gripes with the NHS", "inner
city", "lazy sunday".
"""
from __future__ import annotations

from spacy.tokens import Doc

from qatext.ner.lay_body_products import CHANGED_PRODUCT, PRODUCT_STATES, before_noun, other_sense
from qatext.ner.lay_common import POSSESSIVES, replace_covered
from qatext.ner.span_rules import AMBIGUOUS_ANATOMY, BODY_COMPLAINT, Spans, gate, gate_hits, word_positions

PALPITATION = "HP:0001962"

# --- the heart's beat -----------------------------------------------------------------------------------------------
RHYTHMS = frozenset("pounding racing thumping hammering fluttering galloping skipping banging throbbing bounding "
                    "jumping fast rapid speeding erratic".split())
BEAT_HEADS = frozenset("pulse heartbeat heartbeats heart-beat heartrate".split())
# "heart" only with a beat word after it ("racing heart rate") or alone after a rhythm ("pounding heart")
_HEART_TAILS = frozenset("rate beat beats".split())

# --- how a part works -----------------------------------------------------------------------------------------------
WORKINGS = frozenset("lazy sluggish twitchy gammy dodgy grumbly rumbly gurgly gassy jumpy wonky".split())
# "lazy" and "sluggish" are how an organ works ("lazy bowels", "sluggish thyroid"), not a limb or "lazy bones" (a
# lazy person)
_ORGAN_WORKINGS = frozenset({"lazy", "sluggish"})
_WORKING_ORGANS = frozenset("bowel bowels gut guts bladder thyroid liver kidney kidneys stomach colon pancreas "
                            "metabolism digestion".split())
# a person a bare limb belongs to, before it in its clause: "[i have a] dodgy leg", not "the table has a wonky leg"
_PERSONS = POSSESSIVES | frozenset("i i've ive im i'm me he she he's she's we you they 's mum mom dad son daughter "
                                   "husband wife".split())

# --- a belly's noises and gripes ------------------------------------------------------------------------------------
BELLIES = frozenset("belly tummy stomach gut guts bowel bowels abdomen".split())
NOISES = frozenset("gripes gripe griping rumbles rumbling grumbles grumbling gurgles gurgling churning "
                   "gurgle rumble".split())

# --- stool and urine ------------------------------------------------------------------------------------------------
STOOLS = frozenset("poo poos poop poops stool stools bm bms motions".split())
URINES = frozenset("wee pee urine".split())
STOOL_LOOKS = frozenset("mushy sloppy runny watery pebbly pellet-like greasy floaty frothy slimy pale black tarry "
                        "bloody sticky smelly stinky foul green orange grey gray clay-coloured explosive mucusy "
                        "mucousy".split())
URINE_LOOKS = frozenset("dark cloudy bloody red brown orange foamy frothy smelly stinky pink murky".split())
# the concept of a look the lexicon has no phrase for: a loose stool is diarrhoea, a colour a changed product (as
# lay_body_products names "black poo"); the lexicon's own phrase keeps its concept ("black stool", melena)
DIARRHOEA = "HP:0002014"
_LOOSE_LOOKS = frozenset("mushy sloppy runny watery explosive".split())

# --- a tremor inside ------------------------------------------------------------------------------------------------
INNER = frozenset({"inner", "internal"})
TREMORS = frozenset("trembling tremor tremors shaking shakes vibration vibrations vibrating buzzing restlessness "
                    "jitters jitteriness shivering".split())

# --- a gait ---------------------------------------------------------------------------------------------------------
GAITS = frozenset("shuffling shuffly unsteady wobbly staggering stumbling waddling lurching jerky limping "
                  "broad-based".split())
WALKS = frozenset("walk gait".split())

# --- a pain's lay character -----------------------------------------------------------------------------------------
PAIN_CHARACTERS = frozenset("dragging gripey gripy griping niggly niggling pulling tugging squeezing bearing-down "
                            "twisting wrenching grinding".split())
PAIN_HEADS = frozenset("pain pains ache aches cramp cramps twinge twinges discomfort".split())

# where one walks to: "walk" before it is the verb ("i was limping walk home")
_WALKED_TO = frozenset("home back to into in up down around round over off away out".split())
# "the pounding heart of the city", "a staggering walk of thirty miles": the head of something else (not "a racing
# pulse of 120")
_FIGURES = RHYTHMS | GAITS
# where one walks to: "walk" before it is the verb ("i was limping walk home")
_WALKED_TO = frozenset("home back to into in up down around round over off away out".split())


def _of_something(words: list[str], k: int) -> bool:
    """``words[k]`` is "of" and what follows is no number: the head belongs to a thing or a place."""
    return k + 1 < len(words) and words[k] == "of" and not words[k + 1][:1].isdecimal()


def _person_before(words: list[str], p: int) -> bool:
    """A person word in the clause before ``p`` (at most 6 words back)."""
    k = p
    while k > 0 and p - k < 6 and words[k - 1][:1].isalnum():
        k -= 1
        if words[k] in _PERSONS:
            return True
    return k == p  # "dodgy knee, back pain" opens a clause: a list of the writer's own


# the words right after a describer that make it one of these phrases (a working word is followed by any part)
_HEADS = BEAT_HEADS | {"heart"} | STOOLS | URINES | TREMORS | WALKS | PAIN_HEADS | NOISES
GATE = gate(RHYTHMS, WORKINGS, NOISES, STOOL_LOOKS, URINE_LOOKS, INNER, GAITS, PAIN_CHARACTERS)
WORDS = GATE


def add_body_descriptors(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """A describing word with its body word is one SYMPTOM; see the module's docstring."""
    hits = gate_hits(words)
    if GATE.isdisjoint(hits):
        return spans
    n = len(words)
    # the describing words whose head stands after them (or a belly before a noise), by words alone
    found = [p for p in word_positions(words, hits & GATE) if p + 1 < n and (words[p + 1] in _HEADS or words[p] in WORKINGS)
             or words[p] in NOISES and p and (words[p - 1] in BELLIES or words[p - 1] == "and")]
    if not found:
        return spans
    covered = {i: s for s in spans for i in range(s[0], s[1])}
    by_start = {s[0]: s for s in spans}
    added = []

    def free(i: int) -> bool:
        """Token ``i`` is in no span, or in a one-word one a new span may take in."""
        span = covered.get(i)
        return span is None or span[1] - span[0] == 1 and span[2] in ("SYMPTOM", "ANATOMY", "TEST")

    for p in found:
        word = words[p]
        if not free(p):
            span = covered[p]
            if word in RHYTHMS and span[0] == p and span[1] == p + 2 and words[p + 1] == "heart" and p + 2 < n \
                    and words[p + 2] in _HEART_TAILS and free(p + 2) and span[2] == "SYMPTOM":
                added.append((p, p + 3, "SYMPTOM", span[3]))  # "[racing heart] rate": the rate is the heart's
            continue
        head = p + 1
        after = words[head] if head < n else ""
        if word in _FIGURES and (_of_something(words, head + 1) or after == "heart" and _of_something(words, head + 2)):
            continue  # "the pounding heart of the city", "a staggering walk of thirty miles"
        if word in RHYTHMS and after and free(head):
            if after in BEAT_HEADS:
                added.append((p, head + 1, "SYMPTOM", PALPITATION))
            elif after == "heart" and head + 1 < n and words[head + 1] in _HEART_TAILS and free(head + 1):
                added.append((p, head + 2, "SYMPTOM", PALPITATION))  # "racing heart rate"
            elif after == "heart" and word != "fast":
                added.append((p, head + 1, "SYMPTOM", PALPITATION))  # "pounding heart"
        if word in WORKINGS and (word not in _ORGAN_WORKINGS or after in _WORKING_ORGANS):
            part = by_start.get(head)
            if part is not None and part[2] == "ANATOMY":
                added.append((p, part[1], "SYMPTOM", BODY_COMPLAINT))  # "lazy bowels", "dodgy knee"
            elif after in AMBIGUOUS_ANATOMY and head not in covered and _person_before(words, p):
                added.append((p, head + 1, "SYMPTOM", BODY_COMPLAINT))  # "i have a gammy leg", not "the table has a wonky leg"
        if word in NOISES and p and words[p - 1] in BELLIES and free(p - 1) \
                and not (word.endswith("ing") and before_noun(words, p + 1)):  # not "gut churning news"
            start = covered[p - 1][0] if p - 1 in covered else p - 1
            added.append((start, _joined_noises(words, p + 1, covered), "SYMPTOM", BODY_COMPLAINT))  # "belly gripes"
        if (word in STOOL_LOOKS and after in STOOLS or word in URINE_LOOKS and after in URINES) and head not in covered \
                and not other_sense(words, p, head):
            start = p
            while start and words[start - 1] in STOOL_LOOKS | URINE_LOOKS and free(start - 1):
                start -= 1
            concept = DIARRHOEA if word in _LOOSE_LOOKS and after in STOOLS else \
                CHANGED_PRODUCT if word in PRODUCT_STATES else BODY_COMPLAINT
            added.append((start, head + 1, "SYMPTOM", concept))  # "mushy poo", "cloudy wee"
        if word in INNER:
            span = by_start.get(head)
            if span is not None and span[2] == "SYMPTOM" and after in TREMORS:
                added.append((p, span[1], span[2], span[3]))  # "inner trembling"
        if word in GAITS and after in WALKS and head not in covered \
                and not (head + 1 < n and words[head + 1] in _WALKED_TO):  # "i was limping walk home": a verb
            added.append((p, head + 1, "SYMPTOM", BODY_COMPLAINT))  # "shuffling walk"
        if word in PAIN_CHARACTERS:
            span = by_start.get(head)
            if span is not None and span[2] == "SYMPTOM" and after in PAIN_HEADS:
                added.append((p, span[1], span[2], span[3]))  # "dragging ache in my groin", "gripey pains"
    # a belly complaint with a noise joined by "and": "[gut cramps and gurgling]" (rule 11: the shared part)
    if not NOISES.isdisjoint(hits):
        for p in word_positions(words, ("and",)):
            span = covered.get(p - 1)
            if span is not None and span[1] == p and span[2] == "SYMPTOM" and words[span[0]] in BELLIES \
                    and p + 1 < n and words[p + 1] in NOISES and p + 1 not in covered:
                added.append((span[0], p + 2, span[2], span[3]))
    spans = _without_other_senses(words, spans, found)
    return replace_covered(spans, sorted(set(added)), keep_concepts=True) if added else spans


def _without_other_senses(words: list[str], spans: Spans, found: list[int]) -> Spans:
    """The lexicon's own describer-and-head phrases in another sense go ("black stool" at the bar, "dark wee hours",
    "the pounding heart of the city", "staggering" of "a staggering walk of thirty miles")."""
    n = len(words)
    drop = set()
    by_start = {s[0]: s for s in spans}
    for p in found:
        span = by_start.get(p)
        if span is None or span[2] != "SYMPTOM":
            continue
        word, end = words[p], span[1]
        head = words[end - 1]
        if (head in STOOLS or head in URINES) and end - p == 2 and other_sense(words, p, end - 1) \
                or word in _FIGURES and (_of_something(words, end) or end < n and words[end] in WALKS
                                          and _of_something(words, end + 1)):
            drop.add(span)
    return [s for s in spans if s not in drop] if drop else spans


def _joined_noises(words: list[str], k: int, covered: dict) -> int:
    """"belly gripes [and rumbles]": noises of the same belly joined by "and"."""
    n = len(words)
    while k + 1 < n and words[k] == "and" and words[k + 1] in NOISES and k + 1 not in covered:
        k += 2
    return k
