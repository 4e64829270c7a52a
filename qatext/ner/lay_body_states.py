"""A body part that is the subject of a complaint, and a finding located on a part (round 16a, issue 11,
GUIDELINES rules 4-6, 11): "my [heart thumped]", "[tongue felt furry]", "[eyes a bit red]", "[teeth have started to
crumble]", "[gut doing somersaults]", "[eyes feel full of sand]", "[hives round her mouth]", "[maculopathy in the
left]", "[glands under my jaw swell up]", "[crushed vertebra]", "[grade 2 hamstring tear]", "[fungal nails]".

The plain predicates ("knee is swollen") are span_rules.add_body_predicates and lay_body_findings.add_part_states;
these are the word classes they miss, each read after a lone ANATOMY span (a part no other rule took):
- a state adjective (colour, size, texture, temperature, weakness, dryness, soreness) after a linking verb and
  degree words, a comparative of one ("legs are weaker");
- a verb of sound, movement, failure or damage right after the part, or after "started to", "keeps";
- "doing" and a figure of movement ("gut doing somersaults"); "full of" or "covered in" a thing;
- a stuck part ("ring finger gets stuck bent").
A mention a part is found in ("hives", "click", "maculopathy") takes the part attached by a preposition (rule 5).
Each rule runs only when its cue words are in the doc (gate_hits) and looks only near them.
"""
from __future__ import annotations

from spacy.tokens import Doc

from qatext.ner.lay_common import LABEL, OBJECT_STOPS, POSSESSIVES, replace_covered
from qatext.ner.lay_edge_clauses import new_subject
from qatext.ner.span_rules import (BODY_COMPLAINT, SYMPTOM_PREDICATES, Spans, gate, gate_hits, has_own_predicate,
                                   word_positions, word_set)

# States a part is in that make it a complaint (rule 6): texture, size, temperature, weakness, dryness, soreness,
# colour. The common predicates ("swollen", "red", "sore") are span_rules'; these join them after degree words.
TEXTURES = frozenset("furry hollow sunken crinkly wrinkly wrinkled crepey rough leathery papery waxy rubbery spongy "
                     "mushy saggy baggy chapped sticky slimy patchy blotchy mottled ridged pitted dimpled shrivelled "
                     "shriveled bumpy lumpy raw gritty coated cracked peeling flaking scaly flaky crusty weepy hard".split())
SIZES = frozenset("huge enormous massive giant bigger larger enlarged swollen puffy bloated distended".split())
TEMPERATURES = frozenset("hot cold icy freezing clammy sweaty".split())
WEAKNESSES = frozenset("weak weaker floppy wobbly shaky jelly useless heavy heavier stiff stiffer numb tingly".split())
DRYNESS = frozenset("dry drier dryer parched".split())
SORENESS = frozenset("sore sorer tender achy sensitive itchy itchier painful burning raw irritated inflamed flushed "
                     "blocked clogged stuffed".split())
# States that close with "up": "nose is so bunged up", "ankles puffed up"
_UP_STATES = frozenset("blocked clogged stuffed swollen puffy puffed bloated".split())
COLOURS = frozenset("red redder pink purple white whiter blue bluish yellow yellowish brown grey gray black pale paler "
                    "darker green orange reddish".split())
STATES = TEXTURES | SIZES | TEMPERATURES | WEAKNESSES | DRYNESS | SORENESS | COLOURS
# Colours and sizes a part has by nature: "her eyes are blue", "my feet are huge"; a change verb makes one a
# complaint ("the skin has gone white").
_NATURAL_COLOURS = {"eye": frozenset("blue green brown hazel grey gray black".split()),
                    "skin": frozenset("white brown black pale".split()),
                    "hair": frozenset("brown black grey gray white blonde red".split())}
_NATURAL_COLOURS["eyes"] = _NATURAL_COLOURS["eye"]
_NATURAL_COLOURS["hairs"] = _NATURAL_COLOURS["hair"]
_NATURAL_COLOURS.update(dict.fromkeys(("teeth", "tooth"), frozenset({"white", "whiter"})))
_NATURAL_COLOURS.update(dict.fromkeys(("lips", "tongue", "gums", "nails", "cheeks"), frozenset({"pink"})))
_NATURAL_SIZE_PARTS = frozenset("feet foot hands hand nose ears ear eyes eye head legs leg arms arm boobs breasts "
                                "hair mouth lips teeth".split())
_CHANGE_VERBS = frozenset("turn turns turned turning go goes went going gone become becomes became becoming got get gets "
                          "getting".split())
# "sun sensitive", "light sensitive", "touch sensitive": what the part is sensitive to, before the word
_SENSITIVE_TO = frozenset("sun light touch cold heat".split())

# What a part does on its own: sound, movement, failure, damage (rule 6): "heart thumped", "belly gurgled",
# "skin splits", "teeth crumble", "knee locks", "finger bends".
PART_VERBS = frozenset("thump thumps thumped thumping pound pounds pounded gurgle gurgles gurgled gurgling rumble rumbles "
                       "rumbled rumbling growl growls growled growling churn churns churned churning crack cracks cracked "
                       "split splits crumble crumbles crumbled crumbling flake flakes flaked peel peels peeled sag sags "
                       "sagged sagging wobble wobbles wobbled quiver quivers quivered shudder shudders shuddered "
                       "tremble trembles trembled buckle buckles buckled bend bends bent lock locks locked seize seizes "
                       "seized freeze freezes froze twitch twitches twitched twitching jerk jerks jerked sting stings "
                       "stung stinging blister blisters blistered swell swells swelled shrink shrinks shrank shrunk "
                       "pulsate pulsates pulsated pulse pulses pulsed pulsing flutter flutters fluttered race races "
                       "raced skip skips skipped judder judders juddered "
                       # a joint's noises in the plain present and past: "my knees click", "my hip popped"
                       "click clicked pop popped snap snapped crunch crunched creaked clunk clunked".split())
# Verbs only some parts do: "he [mouth breathes] at night"
_PART_ONLY_VERBS = {"breathes": frozenset({"mouth"}), "breathing": frozenset({"mouth"}),
                    "breathed": frozenset({"mouth"}), "breathe": frozenset({"mouth"})}
# A bare verb after a part needs the part's owner or article before it: "my [heart thumped]", "the [skin splits]",
# not "use a wrist split", "a knee lock"
_OWNERS = POSSESSIVES | frozenset({"the", "both", "and", ",", "her", "his"})
# Verbs of a part that are other words too ("my heart skipped [the party]", "his face cracked [a smile]"): only
# without an object after them.
_OBJECT_AFTER = frozenset("a an the my his her their your this that some me him it".split())
# Participles of a change of colour: "teeth stained brown", "nails turned yellow"
_COLOURING = frozenset("stained tinged discoloured discolored turned turning gone going".split())
# Figures of movement after "doing": "gut doing somersaults", "stomach doing flips"
FIGURE_MOVES = frozenset("somersaults somersault summersaults flips flip backflips backflip cartwheels loops "
                         "loop-the-loops acrobatics gymnastics".split())
# What a part is full of or covered in that is no part of it: "eyes feel full of sand", "tonsils covered in gunk"
FILL_NOUNS = frozenset("sand grit gravel gas wind air fluid water mucus snot phlegm gunk goo pus spots bumps lumps "
                       "blisters hives sores scabs bites marks holes cotton wool glue".split())
# What a part is full of, covered in or stuffed with: "head stuffed with cotton wool", "ears filled with fluid"
_FILLED = {"full": ("of",), "covered": ("in", "with"), "stuffed": ("with",), "filled": ("with",), "packed": ("with",)}
_FILL_DESCRIBERS = frozenset("white yellow green grey gray red black brown little tiny small big white-ish thick "
                             "sticky".split())
_STUCK_TAILS = frozenset("bent straight shut open closed down up".split())

_LINKS = frozenset("is are was were 's 're feel feels felt feeling look looks looked looking got get gets getting gone "
                   "went go goes going has have had been become becomes became turned turns turn seem seems seemed "
                   "would".split())
DEGREES = frozenset("a bit little so really very super quite pretty kinda slightly all more even way too extremely "
                    "incredibly totally completely rather somewhat fairly constantly always still sooo soo".split())
_STARTING = frozenset("started starting begun began start starts keep keeps kept".split())
# A part that is what a verb acts on is no subject of a complaint: "keep your legs straight", "brush your teeth red"
_OBJECT_VERBS = frozenset("keep keeps kept make makes made hold holds held put puts let lets leave leaves want wants "
                          "wash washes washed paint painted dye dyed brush brushes brushed found find like likes "
                          "prefer wear blow blew rub rubbed scratch scratched pick touch move turn raise lift bend "
                          "stretch open close shut".split())
# A feeling or a thought, not a complaint: "face red with embarrassment", "head full of ideas"
_FEELINGS = frozenset("embarrassment shame anger rage pride joy excitement laughter ideas thoughts plans questions "
                      "worries love hope dreams".split())
# A part's region or fold named after it: "elbow creases are raw", "finger tips are numb"
PART_REGIONS = frozenset("creases crease folds fold tips tip pads webs".split())
_MAX_LINKS = 5

GATE = gate(STATES, PART_VERBS, {"doing", "stuck"}, _FILLED, _COLOURING, _SENSITIVE_TO, _PART_ONLY_VERBS)


def add_part_complaints(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"my [heart thumped]", "[eyes a bit red]", "[teeth stained brown]", "[gut doing somersaults]": a lone body
    part with what it does or is, a complaint of the part, is one SYMPTOM (GUIDELINES rule 6)."""
    hits = gate_hits(words)
    if GATE.isdisjoint(hits):
        return spans
    labels = list(map(LABEL, spans))
    # only the parts with a cue word among the few words after them (a set test in C per part)
    candidates = [k for k in _indexes(labels, "ANATOMY")
                  if not GATE.isdisjoint(words[spans[k][1]:spans[k][1] + _MAX_LINKS + 3])]
    if "full" in hits:  # "[ears feel full] of water": the lexicon's fullness, with what fills the part
        candidates += [k for k in _indexes(labels, "SYMPTOM") if words[spans[k][1] - 1] == "full"]
    if not candidates:
        return spans
    n = len(words)
    starts = {s[0]: s for s in spans}
    added = []
    for k in candidates:
        start, end, label, concept = spans[k]
        if label == "SYMPTOM":
            stop = _filled_end(words, end - 1, n, starts)
            if stop is not None and end - start >= 2:
                added.append((start, stop, label, concept))
            continue
        if start >= 2 and words[start - 1] in POSSESSIVES and words[start - 2] in _OBJECT_VERBS:
            continue  # "keep your legs straight"
        if start >= 2 and words[start - 1] in POSSESSIVES and words[start - 2] == "with":
            continue  # "sleep with my arm bent": a posture the part is held in
        part = words[end - 1]
        if end < n and words[end] in PART_REGIONS and end not in starts:
            end += 1  # "elbow [creases] are raw"
        stop = _complaint_end(words, end, part, starts, n)
        if stop is None:
            continue
        added.append((_listed_start(words, spans, start, end), stop, "SYMPTOM", BODY_COMPLAINT))
    return replace_covered(spans, added) if added else spans


def _indexes(labels: list[str], label: str) -> list[int]:
    """Indexes of the spans with ``label`` (list.index, C speed: a doc has a few)."""
    found = []
    i = -1
    for _ in range(labels.count(label)):  # no ValueError to raise and catch at the end: it costs more than the scan
        i = labels.index(label, i + 1)
        found.append(i)
    return found


def _complaint_end(words: list[str], end: int, part: str, starts: dict, n: int) -> int | None:
    """The end of the complaint told of the part ending at ``end``, or None."""
    i = end
    linked = started = False
    while i < n and i - end < _MAX_LINKS and i not in starts:
        word = words[i]
        if i == end and word in ("there", "here"):
            pass  # "the skin there has gone white"
        elif word in _LINKS:
            linked = True
        elif word in _STARTING:
            started = True
        elif word == "to" and started:
            pass
        elif word == "a" and words[i + 1:i + 2] not in (["bit"], ["little"]):
            break  # "a bit red"; "teeth have a black spot" has a finding of its own
        elif word not in DEGREES:
            break
        i += 1
    if i >= n:
        return None
    held = starts.get(i)
    if held is not None and not (held[2] in ("SYMPTOM", "DISEASE") and held[1] - held[0] <= 2):
        return None  # another mention stands here; a one- or two-word symptom is the part's predicate ("bunged up")
    word = words[i]
    degrees_only = i > end and not linked and not started
    if word in _PART_ONLY_VERBS and i == end and part in _PART_ONLY_VERBS[word]:
        return i + 1
    if word in PART_VERBS and not degrees_only:
        if linked and not started and word not in _PAST_FORMS:
            return None  # "my heart is racing" is span_rules'; "face looks skip" is no verb
        if i == end and not _owned(words, end):
            return None  # "use a wrist split"
        if i + 1 < n and words[i + 1] in _OBJECT_AFTER:
            return None  # "my face cracked a smile"
        if i == end and i + 1 < n and words[i + 1][:1].isalpha() and words[i + 1] not in _AFTER_BARE_VERB:
            return None  # "skin peel treatment": a noun after a bare verb makes the verb a modifier
        stop = i + 1
        if stop < n and words[stop] in ("up", "out", "apart", "off"):
            stop += 1
        return stop
    if word in _COLOURING and i + 1 < n and words[i + 1] in COLOURS and (i == end or linked):
        return _more_states(words, i + 2, n)  # "teeth stained brown", "nails turned yellow"
    if word == "doing" and i + 1 < n and words[i + 1] in FIGURE_MOVES:
        return i + 2
    if word == "stuck" and (linked or started):
        return i + 2 if i + 1 < n and words[i + 1] in _STUCK_TAILS else i + 1
    if word in _FILLED:
        filled = _filled_end(words, i, n, starts)
        if filled is not None or word not in STATES:
            return filled  # "nose is stuffed up" goes on as a state
    if i == end:
        return None  # a state adjective needs a link or a degree word: "eyes a bit red", not "red eyes"
    if word in _SENSITIVE_TO and i + 1 < n and words[i + 1] == "sensitive":
        return _more_states(words, i + 2, n)  # "skin got so sun sensitive"
    if word not in STATES or word == "hard" and not linked:
        return None  # "blow your nose so hard": without a verb no state of the part
    if i + 1 < n and words[i + 1] == "to":
        return None  # "legs are hard to move", "too weak to lift": an effort (lay_impairments), no state
    if word in _NATURAL_COLOURS.get(part, ()) and _CHANGE_VERBS.isdisjoint(words[end:i]):
        return None  # "her eyes are blue"; "the skin has gone white" is a change
    if word in SIZES and part in _NATURAL_SIZE_PARTS and word not in ("swollen", "puffy", "bloated"):
        return None  # "my feet are huge"
    if i + 1 < n and words[i + 1] == "with" and i + 2 < n and words[i + 2] in _FEELINGS:
        return None  # "face went red with embarrassment"
    if i + 1 < n and words[i + 1] == "than" and word in ("bigger", "larger", "darker", "paler", "whiter"):
        return None  # "my hands are bigger than yours"
    return _more_states(words, i + 1, n)


# What may follow a part's bare verb: a particle, a preposition, a conjunction, a time ("heart thumped all evening",
# "belly gurgled after meals", "eyelids flutter or close")
_AFTER_BARE_VERB = OBJECT_STOPS | frozenset("up out apart off all every constantly badly loudly like through "
                                            "or nonstop non-stop whenever each most".split())
_PAST_FORMS = frozenset(w for w in PART_VERBS if w.endswith(("ed", "ing")) or w in (
    "bent", "froze", "shrank", "shrunk", "stung", "split"))


def _more_states(words: list[str], k: int, n: int) -> int:
    """"white [and crinkly]", "raw[, red and weepy]": states listed after the first (rule 11)."""
    if k < n and words[k] == "up" and words[k - 1] in _UP_STATES:
        k += 1
    while k + 1 < n and words[k] in (",", "and") and words[k + 1] in STATES:
        k += 2
    return k


def _owned(words: list[str], end: int) -> bool:
    """Whether the part ending at ``end`` has an owner or article before it ("my", "the"), past its side words."""
    k = end - 1
    while k > 0 and words[k - 1] in _SIDE_AND_PART_WORDS:
        k -= 1
    return k == 0 or words[k - 1] in _OWNERS or not words[k - 1][:1].isalnum()


_SIDE_AND_PART_WORDS = frozenset("left right upper lower inner outer big little ring index middle".split())


def _filled_end(words: list[str], i: int, n: int, starts: dict) -> int | None:
    """"full of sand", "covered in white gunk": the part full of or covered in a thing; None for "full of ideas"."""
    if i + 1 >= n or words[i + 1] not in _FILLED[words[i]]:
        return None
    k = i + 2
    held = starts.get(k)
    if held is not None:
        return held[1] if held[2] in ("SYMPTOM", "DISEASE") else None  # "full of [gas]", "covered in [white gunk]"
    while k < n and k - i < 5 and words[k] in _FILL_DESCRIBERS:
        k += 1
    if k < n and words[k] in FILL_NOUNS:
        return k + 2 if k + 1 < n and words[k + 1] in FILL_NOUNS else k + 1  # "cotton wool"
    return None


def _listed_start(words: list[str], spans: Spans, start: int, end: int) -> int:
    """"[cheeks and elbow creases are raw]": the parts listed before the one with the predicate share it (rule 11);
    "[the skin on my hands splits]": the part located on this one is the subject, its place inside (rule 5); a part
    with its own possessive and a singular verb (at ``end``) starts a clause: "toe and my [stomach is doing ...]"."""
    by_end = {s[1]: s for s in spans if s[2] == "ANATOMY"}
    j = start - 1
    while j > 0 and start - j <= 3 and (words[j] in POSSESSIVES or words[j] in ("the", "both")):
        j -= 1
    if j < start - 1 and words[j] in _SUBJECT_PLACES and j in by_end:
        return by_end[j][0]
    while start >= 2 and words[start - 1] in (",", "and", "&") and start - 1 in by_end:
        start = by_end[start - 1][0]
    k = start - 2  # the part before "and my", ", my" or ", and my"
    while k >= 0 and k >= start - 3 and words[k] in (",", "and"):
        k -= 1
    earlier = by_end.get(k + 1) if k + 1 < start - 1 else None
    if earlier is not None and new_subject(words, start, end, earlier[0]):
        return start
    while start >= 3 and words[start - 1] in POSSESSIVES and words[start - 2] in (",", "and") and start - 2 in by_end:
        start = by_end[start - 2][0]
    return start


# What a located part's place starts with: "the skin [on] my hands", "the glands [under] my jaw"
_SUBJECT_PLACES = frozenset("on of under around round behind in inside".split())
# Where a finding is on or in a part (rule 5): "[hives round her mouth]", "[click in her left hip]".
LOCATING = frozenset("in on round around under at behind inside across along over between near".split())
_PLACE_FILLERS = POSSESSIVES | frozenset("the both one each either a first second third last two three four all".split())
# "in the left", "in the right one": a side that names the part already named ("retinopathy in both eyes and
# maculopathy in the left")
_SIDES = frozenset({"left", "right"})
_CLAUSE_END = frozenset(", . ; : and but ! ? ) so".split())
_LOCATED_GATE = gate(LOCATING)
_VERBAL_ENDS = STATES | PART_VERBS | COLOURS | SYMPTOM_PREDICATES


def extend_located_mentions(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"[hives round her mouth]", "[aching in the first two knuckles of both hands]", "[maculopathy in the left]": a
    SYMPTOM or DISEASE with the part a preposition attaches right after it is one span (rule 5)."""
    labels = list(map(LABEL, spans))
    if "SYMPTOM" not in labels and "DISEASE" not in labels:
        return spans
    n = len(words)
    found = []  # (index of the mention, end of the part), read back from each part: a doc has a few
    anatomy_at = None
    for k in _indexes(labels, "ANATOMY"):
        if not k:
            continue
        start = spans[k][0]
        j = start - 1
        while j >= 0 and start - j <= 4 and words[j] in _PLACE_FILLERS:
            j -= 1
        before = spans[k - 1]
        if j < 1 or words[j] not in LOCATING or before[1] != j or before[2] not in ("SYMPTOM", "DISEASE"):
            continue
        if anatomy_at is None:
            anatomy_at = {s[0]: s for s in spans if s[2] == "ANATOMY"}
        found.append((k - 1, _part_end(words, spans[k][1], anatomy_at, n)))
    hits = gate_hits(words)
    if "in" in hits and not _SIDES.isdisjoint(hits):  # "maculopathy in the left"
        for p in word_positions(words, _SIDES & hits):
            if p >= 3 and words[p - 1] == "the" and words[p - 2] == "in" \
                    and (p + 1 >= n or words[p + 1] in _CLAUSE_END or words[p + 1] in ("one", "side")):
                k = next((k for k, s in enumerate(spans) if s[1] == p - 2 and s[2] in ("SYMPTOM", "DISEASE")), None)
                if k is not None and _part_named_before(words, spans[k][0], spans):
                    found.append((k, p + 1 + (p + 1 < n and words[p + 1] in ("one", "side"))))
    if not found:
        return spans
    out = list(spans)
    for k, stop in found:
        start, end, label, concept = spans[k]
        if out[k] != spans[k] or end - start >= 2 and words[end - 1] in _VERBAL_ENDS:
            continue  # "[teeth stained brown] along the gumline": a part's complaint has its part already
        if not LOCATING.isdisjoint(words[start:end]):
            continue  # "[pain in my kidney area] on the left", "[cant stand on tiptoe] on my left leg": located already
        out[k] = (start, stop, label, concept)
    if out == spans:
        return spans
    grown = [s for s in out if s not in spans]
    return sorted(s for s in out if s in grown or all(s[1] <= g[0] or s[0] >= g[1] for g in grown))


def _part_named_before(words: list[str], start: int, spans: Spans) -> bool:
    """A part a mention before ``start`` names (within 12 words), which "in the left" refers back to: "retinopathy in
    both [eyes] and maculopathy in the left"; "muffled hearing in the left" names none."""
    return any(s[2] in ("ANATOMY", "SYMPTOM", "DISEASE") and s[1] <= start and start - s[1] <= 12
               and not LOCATING.isdisjoint(words[s[0]:s[1]]) or s[2] == "ANATOMY" and s[1] <= start
               and start - s[1] <= 12 for s in spans)


def _part_end(words: list[str], end: int, anatomy_at: dict, n: int) -> int:
    """The end of a located part: "knuckles [of both hands]", "neck [and armpit]", "hip[, knee and ankle]"."""
    while end + 1 < n:
        if words[end] == "of":
            j = end + 1
        elif words[end] in (",", "and", "or"):
            j = end + 1
        else:
            break
        while j < n and j - end <= 3 and words[j] in _PLACE_FILLERS and j not in anatomy_at:
            j += 1
        if j not in anatomy_at:
            break
        end = anatomy_at[j][1]
    return end


# A body part's injury named by what was done to it or by a tear (DISEASE, GUIDELINES section 3): "[crushed
# vertebra]", "[grade 2 hamstring tear]", "[trapped nerve]"; a fungus in nails or skin ("[fungal nails]") likewise.
INJURED = frozenset("crushed fractured sprained strained pulled trapped pinched herniated prolapsed collapsed "
                    "dislocated slipped bulging perforated fungal".split())
TEARS = frozenset("tear tears rupture ruptures strain sprain fracture fractures".split())
# "strained eyes" are tired eyes, "pulled hair" is a pull, "collapsed veins" a finding; "fungal" only of nails and skin
_INJURY_PARTS = {"fungal": frozenset("nails nail toenails toenail fingernails fingernail skin feet foot".split()),
                 "strained": frozenset("muscle muscles hamstring hamstrings ligament ligaments tendon tendons back "
                                       "neck groin calf calves shoulder wrist ankle knee".split()),
                 "pulled": frozenset("muscle muscles hamstring hamstrings groin calf calves ligament ligaments tendon "
                                     "tendons".split())}
_NO_TEAR_PARTS = frozenset("eye eyes duct ducts sweat saliva blood urine mucus".split())  # "sweat, tears, saliva"
_STAGES = frozenset("grade type stage".split())
PART_INJURY = "ICD10CM:T14.90"
_INJURY_GATE = gate(INJURED, TEARS)


def add_part_injuries(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"a [crushed vertebra]", "a [grade 2 hamstring tear]", "[fungal nails]": an injured part is one DISEASE."""
    hits = gate_hits(words)
    if _INJURY_GATE.isdisjoint(hits):
        return spans
    labels = list(map(LABEL, spans))
    cues = set(word_positions(words, _INJURY_GATE & hits))
    found = [k for k in _indexes(labels, "ANATOMY") if spans[k][0] - 1 in cues or spans[k][1] in cues]
    if not found:
        return spans
    n = len(words)
    ends = {s[1] for s in spans}
    starts = {s[0] for s in spans}
    out = list(spans)
    for k in found:
        start, end, label, concept = spans[k]
        part = words[end - 1]
        if start - 1 in cues and words[start - 1] in INJURED and start - 1 not in ends \
                and part in _INJURY_PARTS.get(words[start - 1], (part,)):
            start = start - 1
        elif end in cues and words[end] in TEARS and end not in starts and part not in _NO_TEAR_PARTS \
                and not (end + 1 < n and words[end + 1] in ("of", "up", "down", "apart")):
            end = end + 1
        else:
            continue
        if start >= 2 and words[start - 2] in _STAGES and words[start - 1].isdecimal():
            start -= 2  # "[grade 2 hamstring tear]"
        out[k] = (start, end, "DISEASE", PART_INJURY)
    return _without_overlaps(out) if out != spans else spans


def _without_overlaps(spans: Spans) -> Spans:
    """Spans sorted, a longer one winning over a shorter one it overlaps."""
    kept: Spans = []
    for span in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    return sorted(kept)


# Bursts a pain comes in: "[sharp zaps of pain in my lower left molar]", "[jolts of pain down my leg]"
BURSTS = frozenset("zap zaps jolt jolts stab stabs bolt bolts twinge twinges shock shocks spasms".split())
_BURST_GATE = gate(BURSTS)
_SIDE_GATE = gate({"left", "right", "in"})


def join_parts_and_bursts(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """Join what the composers left in two pieces (rules 4, 5, 11):
    - "[swollen neck and armpit] [glands]": listed parts before a part head they modify;
    - "[glands] under my [jaw swell up]": a part located under another whose complaint it is the subject of;
    - "[sharp zaps] of [pain in my molar]": a burst of a pain."""
    labels = list(map(LABEL, spans))
    pairs = set()  # (k, k + 1): a part and the span before or after it
    for k in _indexes(labels, "ANATOMY"):
        if k and labels[k - 1] == "SYMPTOM" and spans[k - 1][1] == spans[k][0]:
            pairs.add(k - 1)
        if k + 1 < len(spans) and labels[k + 1] == "SYMPTOM" and spans[k][1] < len(words) \
                and words[spans[k][1]] in LOCATING:
            pairs.add(k)
    hits = gate_hits(words)
    if not _BURST_GATE.isdisjoint(hits):
        bursts = set(word_positions(words, _BURST_GATE & hits))
        pairs.update(k for k in _indexes(labels, "SYMPTOM") if spans[k][1] - 1 in bursts and k + 1 < len(spans))
    if not pairs:
        return spans
    bodies = _body_words()
    n = len(words)
    out = list(spans)
    for k in sorted(pairs):
        a, b = out[k], spans[k + 1]
        if a is None or out[k + 1] != b:
            continue
        if a[2] == "SYMPTOM" and b[2] == "ANATOMY" and a[1] == b[0] and a[1] - a[0] >= 3 \
                and words[a[1] - 1] in bodies and words[a[1] - 2] in ("and", ",", "or") \
                and not (b[1] < n and words[b[1]] in _LINKS):
            out[k], out[k + 1] = None, (a[0], b[1], "SYMPTOM", a[3])  # "swollen neck and armpit glands"
        elif a[2] == "ANATOMY" and b[2] == "SYMPTOM" and a[1] < n and words[a[1]] in LOCATING and b[0] - a[1] <= 3 \
                and all(w in POSSESSIVES or w == "the" for w in words[a[1] + 1:b[0]]) and b[0] > a[1] + 1 \
                and words[b[0]] in bodies and b[1] - b[0] >= 2 and words[b[0] + 1] not in ("pain", "ache"):
            out[k], out[k + 1] = None, (a[0], b[1], "SYMPTOM", b[3])  # "glands under my jaw swell up"
        elif a[2] == "SYMPTOM" and words[a[1] - 1] in BURSTS and a[1] + 1 == b[0] and words[a[1]] == "of" \
                and b[2] == "SYMPTOM":
            out[k], out[k + 1] = None, (a[0], b[1], "SYMPTOM", b[3])  # "zaps of pain"
    return [s for s in out if s is not None] if None in out else spans


_BODIES: list = []


def _body_words() -> frozenset[str]:
    """The curated one-word body parts (lay_context_symptoms reads them from the lexicon once)."""
    if not _BODIES:
        from qatext.ner.lay_context_symptoms import body_words
        _BODIES.append(body_words())
    return _BODIES[0]


def add_body_states(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """The round's rules in their order (injuries, complaints, joins, located mentions), each run only for a doc
    where a part, or a rare cue word, shows it may apply. Most docs have a part and few a complaint these rules add,
    so the look is cheap: the spans' labels as one letter each, searched in C for a problem next to a part, and a
    set test on the few words after each part only when the doc has a complaint's cue word at all."""
    hits = gate_hits(words)
    injuries = complaints = joins = located = False
    if "ANATOMY" in map(LABEL, spans):
        codes = "".join(map(_CODES.__getitem__, map(LABEL, spans)))
        n = len(words)
        cues = GATE.intersection(hits)  # the doc's complaint cue words: a few, so the window tests hash a few
        injured = not _INJURY_GATE.isdisjoint(hits)
        if cues or injured:
            k = -1
            for _ in range(codes.count("A")):
                k = codes.index("A", k + 1)
                start, end = spans[k][0], spans[k][1]
                if cues and not complaints and end < n and (words[end] in cues or words[end] in _LEADS) \
                        and not cues.isdisjoint(words[end:end + _MAX_LINKS + 3]):
                    complaints = True  # a cue word right after the part, or after its links and degrees
                if injured and (start and words[start - 1] in INJURED or end < n and words[end] in TEARS):
                    injuries = True
                if (complaints or not cues) and (injuries or not injured):
                    break
        k = codes.find("PA")
        while k != -1 and not (joins and located):  # a problem right before a part: "[hives] round her [mouth]"
            gap = words[spans[k][1]:spans[k + 1][0]]
            if not gap:
                joins = True  # "[swollen neck and armpit] [glands]"
            elif len(gap) <= 5 and gap[0] in LOCATING and _PLACE_FILLERS.issuperset(gap[1:]):
                located = True
            k = codes.find("PA", k + 1)
        k = codes.find("AP")
        while k != -1 and not joins:  # "[glands] under my [jaw swell up]"
            end = spans[k][1]
            if end < n and words[end] in LOCATING:
                joins = True
            k = codes.find("AP", k + 1)
    if "full" in hits:
        complaints = True
    if not _BURST_GATE.isdisjoint(hits):
        joins = True
    if not located and "in" in hits and not _SIDES.isdisjoint(hits) and not _PAIRED.isdisjoint(word_set(words)):
        located = any(p >= 2 and words[p - 1] == "the" and words[p - 2] == "in"
                      for p in word_positions(words, _SIDES & hits))
    before = spans
    if injuries:
        spans = add_part_injuries(doc, words, spans)
    if complaints:
        spans = add_part_complaints(doc, words, spans)
    located = located or spans is not before  # a new injury or complaint may have its place after it
    if joins:
        spans = join_parts_and_bursts(doc, words, spans)
    if located:
        spans = extend_located_mentions(doc, words, spans)
    return spans


# What may stand between a part and its complaint's cue word (_complaint_end)
_LEADS = _LINKS | DEGREES | _STARTING | PART_REGIONS | {"there", "here"}
# One letter a label: a part (A), a problem (P: SYMPTOM or DISEASE), anything else (x)
_CODES = {"ANATOMY": "A", "SYMPTOM": "P", "DISEASE": "P", "DRUG": "x", "TEST": "x", "TREATMENT": "x"}
_PROBLEMS = frozenset({"SYMPTOM", "DISEASE"})
# "in the left" refers back to one of a pair named before: "[retinopathy in both eyes] and [maculopathy in the left]"
_PAIRED = frozenset("both eye eyes ear ears kidney kidneys lung lungs breast breasts ovary ovaries".split())


# What may stand before "both" when the pair is a complaint's subject: nothing, a clause break, a conjunction or a time
# ("by day 7 both heels hurt"); after a preposition the pair is where something is ("knuckles on both hands are
# swollen").
_PAIR_OPENERS = frozenset(". , ; : ! ? - and but now then today yesterday so".split())


def take_in_both(words: list[str], spans: Spans, *, lookup) -> Spans:
    """``spans`` with "both" before a pair of body parts that is a complaint's subject: "[both arms ache]", "[both
    eyes are red and itchy]", "[both feet burn]" (GUIDELINES section 9: the subject is the pair). Called when "both" is
    in the doc."""
    out: Spans = []
    for span in spans:
        start, end, label, concept = span
        if label == "SYMPTOM" and start >= 1 and words[start - 1] == "both" \
                and (start == 1 or words[start - 2] in _PAIR_OPENERS or words[start - 2].isdecimal()) \
                and not (out and out[-1][1] > start - 1) \
                and any(_is_part(words[start:k], lookup) and has_own_predicate(words, k)
                        for k in range(start + 1, min(end, start + 3))):
            span = (start - 1, end, label, concept)
        out.append(span)
    return out


def _is_part(words: list[str], lookup) -> bool:
    found = lookup(" ".join(words))
    return bool(found) and found[0] == "ANATOMY"
