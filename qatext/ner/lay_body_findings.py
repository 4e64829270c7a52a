"""What patients find in or on a body part, and what a part does that makes it a complaint (issue 11, GUIDELINES
rules 4-6, 11): "a [whoosh in my skull]", "[high pitched whine in both ears]", "[red streak going up towards my knee]",
"[tender points on my shoulders and hips]", "my [heart thuds]", "my [knees are creaky]", "[ankle gives way]",
"[hair is thinner at the temples]", "[ligament damage]".

Without these rules the body part stood alone as ANATOMY and the complaint that names it was lost:
- a sound or sensation noun located in a part ("a buzzing in my head"), an appearance noun (streak, patch, spots,
  marks) located on one, with the words that describe it before it (rule 4) and the part after it (rule 5);
- a part with a verb of sound or failure ("heart thuds", "knee gives way") or a state ("left arm is dead",
  "knees are creaky"), with the place on the part after it ("thinner at the temples") (rule 6);
- what a part does that the patient has no word for ("[heart does this fluttery thing]"), lashes or brows that grow
  on a drug ("[lashes have grown]");
- a part with "damage" after it, or an injury's participle before it: an injury of that part, DISEASE ("[ligament
  damage]", "[chipped bone]").
Each rule looks at the spans only where its cue words stand (gate_hits, then word_positions).
"""
from __future__ import annotations

from spacy.tokens import Doc

from qatext.ner.lay_common import NOT_NOUNS, OBJECT_STOPS, POSSESSIVES, replace_covered
from qatext.ner.span_rules import BODY_COMPLAINT, DESCRIPTORS, LINKING_WORDS, Spans, gate, gate_hits, word_positions

# Sounds and sensations a patient hears or feels in a part: "a whoosh in my skull", "a buzzing in my head".
SOUND_NOUNS = frozenset("whoosh whooshing buzz buzzing whine whining hum humming hiss hissing roar roaring thump "
                        "thumping thud thudding pulsing clicking crackle crackling crunching grinding rumbling "
                        "gurgling fluttering noise noises squeak squeaking creaking rattle rattling "
                        # a joint's sounds: "a [click in her left hip]", "felt a [pop at the back of my thigh]"
                        "click clicks pop pops snap clunk clunks twang".split())
SENSATION_NOUNS = frozenset("twinge twinges zap zaps jolt jolts whack heaviness".split())
# What rises or sits in a part that should not be there: "[acid in my mouth]", "[bile in my throat]", "[white stuff
# under the skin]" ("stuff" needs its describer)
SUBSTANCE_NOUNS = frozenset("acid bile gunk goo grit".split())
# What a patient sees on a part: "a red streak", "spots on my chin", "small follicles on both ovaries".
LOOK_NOUNS = frozenset("streak streaks spots dots blotch blotches marks welt welts floater floaters "
                       "follicles bumps lumps scab scabs bulge bulges dent".split())
# Nouns that name a finding only with a describing word before them: "[tender points] on my hips" but "points on
# my licence", "a [red ring] behind my knee" but "the ring on my finger", "a [bad smell from my mouth]", "a [bald patch]
# on my scalp" but "a (nicotine) patch on my arm".
NEEDS_DESCRIBER = frozenset("patch patches points spot mark dot line lines ring rings square oval circle circles feeling sensation "
                            "smell taste area areas stuff".split())
# A thing in a part that is a disorder of it: "a stone in my salivary gland", "a clot in her lung".
DISORDER_NOUNS = frozenset("stone stones clot clots".split())
FINDING_NOUNS = SOUND_NOUNS | SENSATION_NOUNS | LOOK_NOUNS | NEEDS_DESCRIBER | DISORDER_NOUNS | SUBSTANCE_NOUNS
# Skin findings a stack of describing words can head without a place ("deep painful spots", lay_span_edges).
LESION_NOUNS = LOOK_NOUNS - {"floater", "floaters", "follicles", "dent"} | frozenset(
    "patch patches spot ring rings square oval circle circles".split())
# Describing words before the finding (rule 4: character, colour, size, degree).
FINDING_DESCRIBERS = DESCRIPTORS | frozenset(
    "high low loud faint constant weird strange funny odd bad horrible awful foul sharp dull deep shiny gritty "
    "sour bitter metallic salty tender sore raw angry inflamed long thin thick round raised weird scaly flaky "
    "bald really very quite slightly bit - bright pale light "
    # (round 38) a skin patch that weeps: "[red weepy patches behind her knees]"
    "weepy weeping".split())
# What a finding does on its way to a part: "a red streak going up towards my knee".
_MOTION = frozenset("going spreading running moving travelling traveling creeping shooting coming radiating "
                    "heading".split())
_DIRECTIONS = frozenset("up down out across along round around".split())
LOCATING = frozenset("in on from along around round behind across at under over near inside between within".split())
# Only a goal it heads to: "spreading up my leg" says where it spread, after a verb (rule 5: the leg stays ANATOMY).
_AFTER_MOTION = frozenset({"to", "towards", "toward", "into"})
# "a roaring noise in [that] ear": a part pointed back to (round 19a)
_PLACE_FILLERS = POSSESSIVES | frozenset({"the", "both", "one", "each", "a", "either", "our", "that", "this"})
# A word of a kind that is never the modifier noun before a finding's head ("got a whoosh", "the streak").
_NOT_MODIFIERS = NOT_NOUNS | OBJECT_STOPS | POSSESSIVES | frozenset(
    "a an the some any no have has had got get gets getting is are was were be been am there theres see saw notice "
    "noticed found felt feel feels hear heard".split())
_FINDINGS_GATE = gate(FINDING_NOUNS)


def add_located_findings(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"a [whoosh in my skull]", "[big cobweb floater in my left eye]", "[bad smell from my mouth]": a sound,
    sensation or look found in or on a part, with its describers and the part, is one SYMPTOM (a stone or a clot
    in a part one DISEASE)."""
    hits = gate_hits(words)
    if _FINDINGS_GATE.isdisjoint(hits) or "ANATOMY" not in {s[2] for s in spans}:
        return spans
    n = len(words)
    # a finding is followed by where it is ("in", "on") or where it goes ("going up towards")
    heads = [i for i in word_positions(words, FINDING_NOUNS & hits) if i + 1 < n and (words[i + 1] in LOCATING
                                                                                        or words[i + 1] in _MOTION)]
    if not heads:
        return spans
    anatomy_at = {s[0]: s for s in spans if s[2] == "ANATOMY"}
    if not any(a - h <= 8 for h in heads for a in anatomy_at if a > h):
        return spans  # no body part right after any finding
    by_token = {i: s for s in spans for i in range(s[0], s[1])}
    added = []
    for head in heads:
        own = by_token.get(head)
        if own is not None and not (own[2] == "SYMPTOM" and own[1] == head + 1):
            continue  # the head is in a mention of its own ("ringing in my ears" as the lexicon knows it)
        start = _describers_start(words, head, by_token)
        if words[head] in NEEDS_DESCRIBER and not any(w in FINDING_DESCRIBERS and w != "-" for w in words[start:head]):
            continue  # "a gold ring on her finger": a modifier noun is no describer
        if words[head] in SUBSTANCE_NOUNS and words[head + 1] == "from":
            continue  # "absorbing acid from the stomach" says where it comes from, no finding
        place = _located_part(words, head + 1, anatomy_at, by_token)
        if place is None:
            continue
        label = "DISEASE" if words[head] in DISORDER_NOUNS else "SYMPTOM"
        added.append((start, place, label, BODY_COMPLAINT))
    return replace_covered(spans, added) if added else spans


def _describers_start(words: list[str], head: int, by_token: dict) -> int:
    """Where the describing words before ``head`` start: "[hot red swollen] patch", "[big cobweb] floater" (one
    modifier noun after a describer or an article), never into a mention that is not a describer's own."""
    i, modifier_used = head, False
    while i > 0 and head - i < 5:
        w = words[i - 1]
        span = by_token.get(i - 1)
        if span is not None and span[2] not in ("SYMPTOM", "DISEASE"):
            break
        if w in FINDING_DESCRIBERS and not (w == "-" and i == head):
            i -= 1
        elif not modifier_used and w.isalpha() and w not in _NOT_MODIFIERS and i >= 2 \
                and (words[i - 2] in FINDING_DESCRIBERS or words[i - 2] in ("a", "an")) and span is None:
            modifier_used = True
            i -= 1
        else:
            break
    while i < head and words[i] in ("-", "really", "very", "quite", "slightly", "bit"):
        i += 1  # degree words head a span only with what they grade
    # a describer span the findings take in must lie inside them ("deep painful" of "deep painful spots")
    first = by_token.get(i)
    if first is not None and first[0] < i:
        return head
    return i


def _located_part(words: list[str], k: int, anatomy_at: dict, by_token: dict) -> int | None:
    """The end of the part a finding is located in, from token ``k`` on: "in my left eye", "going up towards my
    knee", "on my shoulders and hips", "at the back of my ankle"; None when no part follows."""
    n = len(words)
    moving = False
    if k < n and words[k] in _MOTION:
        moving = True
        k += 1
        if k < n and words[k] in _DIRECTIONS and k + 1 < n and words[k + 1] in _AFTER_MOTION:
            k += 1
    if k >= n:
        return None
    if k in anatomy_at and words[k] in LOCATING:  # "behind my knee" is one ANATOMY span
        return _with_listed_parts(words, anatomy_at[k][1], anatomy_at)
    if words[k] not in (_AFTER_MOTION if moving else LOCATING) or k in by_token:
        return None
    k += 1
    while k < n and words[k] in _PLACE_FILLERS and k not in by_token:
        k += 1
    if k not in anatomy_at:
        return None
    end = anatomy_at[k][1]
    # "at the back of my ankle": a region of a part, then the part
    if end + 2 < n and words[end] == "of" and words[end + 1] in _PLACE_FILLERS and end + 2 in anatomy_at:
        end = anatomy_at[end + 2][1]
    return _with_listed_parts(words, end, anatomy_at)


def _with_listed_parts(words: list[str], end: int, anatomy_at: dict) -> int:
    """"on my shoulders [and hips]": parts listed after the first share its finding (rule 11)."""
    n = len(words)
    while end + 1 < n and words[end] in (",", "and", "or"):
        k = end + 1
        while k < n and k - end <= 2 and words[k] in _PLACE_FILLERS:
            k += 1
        if k not in anatomy_at:
            break
        end = anatomy_at[k][1]
    return end


# What a part does or is that makes it a complaint, beyond the predicates span_rules knows: "my heart thuds",
# "my knees are creaky", "left arm is dead", "eyes look staring".
PART_STATES = frozenset("thuds thud thudding thumps thump thumping creaky clicky crackly clunks clunking grates "
                        "grating squeaks squeaking rattles buckles buckled buckling dead staring".split())
# States a part has only when it is the kind of part named: "hair is thinner" is a complaint, "my waist is thinner
# since the diet" is none; "eyes look staring", but "the dog's legs ... staring" is no eye.
_LASHES = frozenset("eyelashes lashes eyebrows brows".split())
_STATE_PARTS = {"thinner": frozenset("hair hairs eyebrows eyelashes lashes brows skin nails".split()),
                # lashes or brows that grow are a drug's effect ("[lashes have grown]", "[eyelashes got super long]");
                # hair that grows is hair
                "grown": _LASHES, "growing": _LASHES, "grow": _LASHES, "grew": _LASHES, "long": _LASHES,
                "longer": _LASHES, "thicker": _LASHES,
                "receding": frozenset("hair hairline gums".split()), "receded": frozenset("hairline gums".split()),
                "staring": frozenset("eyes eye".split())}
_VERB_STATES = frozenset({"grow", "grew", "growing", "receded"})  # a verb of the part, with no verb before it
_ASKING = frozenset("do does did will can would could should".split())
# "my heart is dead set on it", "legs are dead tired" (that one a complaint of its own, tired).
_NOT_AFTER_DEAD = frozenset({"set", "on", "against", "serious", "right", "wrong", "certain", "sure", "tired", "to"})
# A predicate's "way": "my ankle gives way", "knees gave way on the stairs".
_GIVE_WAY = frozenset("give gives gave giving given".split())
# "my [teeth are a mess]", "[bowels are a total mess]" (the gold 7 of 7 for parts): only parts whose mess is a
# complaint (hair, nails, brows or hands that are a mess are untidy or dirty, a heart that is one is grief); "a mess of
# bruises" leaves the bruises the complaint
_MESSES = (("a", "mess"), ("such", "a", "mess"), ("a", "total", "mess"), ("a", "complete", "mess"),
           ("an", "absolute", "mess"), ("a", "right", "mess"))
_MESSY_PARTS = frozenset("stomach stomachs gut guts bowel bowels tummy belly teeth tooth gums skin face eyes eye joints "
                         "knee knees back feet foot mouth throat sinuses liver kidneys".split())
_STATES_GATE = gate(PART_STATES, _STATE_PARTS, {"thing", "mess"})
_GIVE_WAY_GATE = gate(_GIVE_WAY, {"way"})
_LOOK_VERBS = frozenset("look looks looked looking seem seems seemed".split())
_PLACE_TAIL = frozenset({"at", "on", "in", "around", "round", "along"})


def add_part_states(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"my [heart thuds]", "[knees are creaky]", "[left arm is dead]", "[hair is thinner at the temples]", "the
    [ankle gives way]", "my [teeth are a mess]": a part with what it does or is is one SYMPTOM (rule 6)."""
    hits = gate_hits(words)
    # "way" and "give" are common words: a give-way needs both
    give_way = "way" in hits and not _GIVE_WAY.isdisjoint(hits)
    if _STATES_GATE.isdisjoint(hits) and not give_way:
        return spans
    n = len(words)
    # a state, "way" or "thing" stands at most 7 words after a part: only the spans ending before one are looked at
    cues = word_positions(words, (_STATES_GATE - {"thing"}) & hits) + (word_positions(words, {"way"}) if give_way else [])
    if "thing" in hits:  # a common word: only "does this ... thing"
        cues += [p for p in word_positions(words, {"thing"}) if not _DOES.isdisjoint(words[max(0, p - 5):p])]
    near = {p - d for p in cues for d in range(0, 8)}
    candidates = [k for k, s in enumerate(spans) if s[1] in near]
    if not candidates:
        return spans
    starts = {s[0] for s in spans}
    anatomy_at = {s[0]: s for s in spans if s[2] == "ANATOMY"}
    out = list(spans)
    changed = False
    for index in candidates:
        start, end, label, concept = spans[index]
        if label == "SYMPTOM" and words[end - 1] in _GIVE_WAY and end < n and words[end] == "way" and end not in starts \
                and end - start >= 2:
            out[index] = (start, end + 1, label, concept)  # "ankle gives [way]": the predicate is "give way"
            changed = True
            continue
        if label != "ANATOMY":
            continue
        i = end
        while i < n and i - end < 3 and words[i] in LINKING_WORDS and i not in starts:
            i += 1
        if i >= n or i in starts:
            continue
        thing = _odd_thing_end(words, end, starts)
        if thing:
            out[index] = (start, thing, "SYMPTOM", BODY_COMPLAINT)  # "my [heart does this fluttery thing]"
            changed = True
            continue
        state = words[i]
        part = words[end - 1]
        mess = i > end and next((len(m) for m in _MESSES if tuple(words[i:i + len(m)]) == m), 0)
        if mess:
            if part in _MESSY_PARTS and words[i + mess:i + mess + 1] != ["of"]:
                out[index] = (start, i + mess, "SYMPTOM", BODY_COMPLAINT)
                changed = True
            continue
        if state in _STATE_PARTS:
            if part not in _STATE_PARTS[state] or i == end and (state not in _VERB_STATES or start and words[
                    start - 1] in _ASKING):
                continue  # an adjective needs its verb ("hair is thinner"); lashes grow on their own, not in a
                # question ("how fast do eyelashes grow back")
        elif state in _GIVE_WAY:
            if words[i + 1:i + 2] != ["way"]:
                continue
            i += 1  # "my hip keeps giving way"
        elif state not in PART_STATES:
            continue
        if state == "dead" and (i == end or i + 1 < n and words[i + 1] in _NOT_AFTER_DEAD):
            continue
        if state == "staring" and _LOOK_VERBS.isdisjoint(words[end:i]):
            continue  # "eyes look staring"; "eyes are staring at the screen" is what a person does
        stop = i + 1
        stop = _place_on_part(words, stop, anatomy_at)
        out[index] = (start, stop, "SYMPTOM", BODY_COMPLAINT)
        changed = True
    if not changed:
        return spans
    # the place a state took in ("at the [temples]") is no mention of its own
    grown = [s for s in out if s not in spans]
    return sorted(s for s in out if s in grown or all(s[1] <= g[0] or s[0] >= g[1] for g in grown))


_DOES = frozenset("does did doing do keeps".split())
_THIS = frozenset("this that a the".split())


def _odd_thing_end(words: list[str], end: int, starts: set[int]) -> int | None:
    """"my heart does this fluttery thing", "my stomach did this weird flip thing": what a part does that the
    patient has no word for is its complaint (rule 6); the end of the span, or None."""
    n = len(words)
    k = end
    if k + 1 < n and words[k] == "keeps":
        k += 1
    if k + 2 >= n or words[k] not in _DOES or words[k + 1] not in _THIS:
        return None
    k += 2
    first = k
    while k < n and k - first < 3 and words[k] != "thing" and words[k].isalpha() and k not in starts \
            and words[k] not in _NOT_MODIFIERS:
        k += 1
    return k + 1 if k < n and words[k] == "thing" else None


def _place_on_part(words: list[str], k: int, anatomy_at: dict) -> int:
    """"thinner [at the temples]": a part's place attached right after its state (rule 5)."""
    n = len(words)
    if k + 1 < n and words[k] in _PLACE_TAIL:
        j = k + 1
        while j < n and j - k <= 2 and words[j] in _PLACE_FILLERS:
            j += 1
        if j in anatomy_at:
            return anatomy_at[j][1]
    return k


# "<part> damage": an injury of the part ("ligament damage"), as "knee injury" is (the lexicon's "injury" is one).
DAMAGE_WORDS = frozenset({"damage"})
_DAMAGE_GATE = gate(DAMAGE_WORDS)
PART_INJURY = "ICD10CM:T14.90"  # Injury, unspecified


# An injured part said with what happened to it: "a [chipped bone]", "[torn ligament]" ("broken", "cracked" the
# lexicon knows); not the heart, whose breaking is a figure.
INJURED = frozenset("chipped torn ruptured snapped".split())
_NOT_INJURED = frozenset({"heart", "hearts"})
_INJURED_GATE = gate(INJURED)


def add_part_damage(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"should i ask for an MRI for [ligament damage]", "will an xray show a [chipped bone]": a part with "damage"
    after it, or an injury's participle before it, is DISEASE."""
    hits = gate_hits(words)
    if _DAMAGE_GATE.isdisjoint(hits) and _INJURED_GATE.isdisjoint(hits):
        return spans
    cues = word_positions(words, (_DAMAGE_GATE | _INJURED_GATE) & hits)
    near = {p for p in cues} | {p + 1 for p in cues}
    if not any(s[1] in near or s[0] in near for s in spans if s[2] == "ANATOMY"):
        return spans
    n = len(words)
    starts = {s[0] for s in spans}
    ends = {s[1] for s in spans}
    out = []
    for start, end, label, concept in spans:
        if label == "ANATOMY" and end < n and words[end] in DAMAGE_WORDS and end not in starts:
            out.append((start, end + 1, "DISEASE", PART_INJURY))
        elif label == "ANATOMY" and start and words[start - 1] in INJURED and start - 1 not in ends \
                and words[end - 1] not in _NOT_INJURED:
            out.append((start - 1, end, "DISEASE", PART_INJURY))
        else:
            out.append((start, end, label, concept))
    return out
