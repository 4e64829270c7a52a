"""Edges of lay complaints the rules before drew short or split (round 18b, issue 11; GUIDELINES rules 4, 5, 6, 11).

Right edges that belong to the complaint:
- the extent of a part's state along the part ("[finger is swollen along its whole length]"): a location (rule 5);
- what a changed part has grown or gone to ("[eyelashes have grown really long]", "[nails have gone brittle]"): the
  change verb alone says nothing (the gold's "[handwriting got really tiny]", "[voice has gone very quiet]").
Not here, by the gold's own counts: a relative clause saying a complaint persists ("[hiccups] that wouldnt stop",
6 to 1), where shed hair is found ("[hair comes out in handfuls] in the shower", 4 to 1) and the result of a degree
("[so itchy] i scratch in my sleep", 15 to 2) stay outside, as triggers and consequences do (rule 10).
Left edges and lists:
- the shade of a colour ("[bright red bleeding]", "[dark brown discharge]"): a quality before the head (rule 4);
- a cause qualifier ("[age related hearing loss]", "[stress-induced hives]"), as "levodopa-induced dyskinesia";
- what a taste or smell is of, before the complaint ("[sulphur tasting burps]", "[metallic tasting saliva]"), the
  thing itself being no entity there;
- a shared episode head ("[yawning and sneezing fits]", "[coughing and choking spells]": rule 11, a shared head);
- coordinated subjects of a sense verb ("[onions and meat smell rotten]": rule 11, a shared predicate);
(Two conditions hyphened before "disorder", "depersonalisation-derealisation disorder", are lexicon terms: "disorder"
is in too many docs for a rule's trigger.)
Each part is behind its own trigger words; a doc without them costs one set test.
"""
from __future__ import annotations

from qatext.ner.lay_body_states import COLOURS
from qatext.ner.lay_common import NOT_A_THING
from qatext.ner.span_rules import NEGATION_CLITICS, SYMPTOM_PREDICATES, Spans, covered_tokens, word_positions, word_set

_PROBLEMS = frozenset({"SYMPTOM", "DISEASE"})

# --- right edges ----------------------------------------------------------------------------------------------------
# The extent of a part's state along the part: "along its whole length", "along the entire length".
_ALONG_OWNERS = frozenset({"its", "the", "their", "my", "his", "her"})
_WHOLE = frozenset({"whole", "entire", "full"})
# What a changed part has become: "have grown really long", "has gone brittle", "turned yellow".
# ("gone", "got", "turned" with their state are drawn whole by lay_body_states already: "[hair has gone so thin]")
_CHANGE_VERBS = frozenset({"grown", "grew"})
_CHANGE_DEGREES = frozenset("really very so quite super much a bit more even too extra".split())
_CHANGED_STATES = frozenset(
    "long longer short shorter thick thicker thin thinner dark darker pale paler light lighter brittle dry drier "
    "coarse wiry curly straight patchy sparse huge tiny bigger smaller fat puffy tight loose weak weaker hard harder soft "
    "stiff numb grey gray white yellow brown black red pink purple blue spidery wobbly crooked bumpy rough flaky "
    "scaly shiny swollen".split()) | COLOURS

# What a finding does, said in a relative clause after it: "[bumps] that [burn and sting]", "[a rash] which [itches]".
# The verbs are a complaint of their own (the gold's "[burn and sting]"); "that hurts my feelings" is no finding's.
_FELT_VERBS = frozenset("burn burns sting stings itch itches throb throbs ooze oozes weep weeps tingle tingles "
                        "ache aches bleed bleeds crack cracks peel peels".split())
_RELATIVES = frozenset({"that", "which"})

# A body part that will not or cannot do something: "[legs wont keep still]", "[jaw won't unclench]", "[eye won't stop
# twitching]" (rule 6: the part and its predicate; the gold's "[mouth wont open]", "[heels wont go down]"). The
# tokenizer splits "won't"/"wont" into "wo" + "n't"/"nt" and "can't"/"cant" into "ca" + ...: "wo" and "ca" are the cues.
_MODALS = frozenset({"wo", "ca"})
_NOTS = NEGATION_CLITICS
_PART_OPENERS = frozenset("my his her their your our the both , . : ; ! ? and but now still".split())
_NOT_PART_VERBS = frozenset("be let have need want matter help wait afford believe say tell remember know understand "
                            "find see hear do make go".split())
# What a body part itself fails to do after "won't" (a positive list: "my arm won't fit in the sleeve" is about the
# sleeve, so any other verb is no complaint).
_PART_FAILS = frozenset("stop quit keep unclench unlock relax move bend straighten lift raise open close shut focus "
                        "settle work function respond heal grip hold stay calm loosen flex turn rotate".split())
_PART_TAILS = frozenset("still down up straight open shut closed properly right".split())
_PART_STOPS = frozenset({"stop", "quit"})
# Parts that name the subject without a possessive in a list of complaints ("side effects: legs wont keep still")
_BARE_PARTS = frozenset("legs leg arms arm hands hand feet foot jaw eye eyes eyelid knee knees neck fingers toes "
                        "mouth heels bladder bowels".split())
# The last word of a part that may say "won't": the cue is looked at only after one of these.
_PART_NOUNS = _BARE_PARTS | frozenset("eyelids lid lids shoulder shoulders wrist wrists ankle ankles hip hips elbow elbows "
                                      "thumb thumbs finger toe lips tongue throat ear ears head bowel stomach muscle "
                                      "muscles skin nose heel back joints joint fist".split())

# --- left edges -----------------------------------------------------------------------------------------------------
_SHADES = frozenset("bright dark pale vivid".split())  # not "light" nor "deep": "light red" is rare, "deep red" a colour
_CAUSE_WORDS = frozenset({"related", "induced"})
_NOT_CAUSED = frozenset("to with in by for and or from as at".split())
_TASTE_FORMS = frozenset("tasting smelling flavoured flavored".split())
_EPISODE_HEADS = frozenset("fits spells bouts".split())  # not "attacks", "episodes": in many docs, rarely after two "-ing"s
_SENSE_VERBS = frozenset("smell smells smelled smelt taste tastes tasted".split())
# A word that cannot be a coordinated thing before "and": pronouns, determiners, verbs of being (NOT_A_THING).
_NOT_SUBJECTS = NOT_A_THING | frozenset("the a an this that these those all and or it not".split())
# Words before a one-word cause that are no part of it: "I have stress related ...", "get age related ..."
_CAUSE_VERBS_BEFORE = frozenset("have has had get gets got having is are was were with from of in on".split())
_SUBJECT_OPENERS = frozenset(", . : ; ! ? my the his her our their but now even also both".split())

# Where a sight is seen: "[zigzag lines in my vision]", "[black spots in her sight]" (rule 5, a location).
_SIGHTS = frozenset({"vision", "sight", "eyesight"})
_SIGHT_OWNERS = frozenset({"my", "her", "his", "their", "your", "the"})
# Where on the scalp hair thins or falls: "[hair is thinning at the crown]", "[hair thinning at the temples]" (rule 5:
# a location; the gold keeps these 8 to 1, but "at the front" out 8 to 4, so "front" and the rarer places stay out).
_SCALP_AREAS = frozenset({"crown", "temples"})
_RIGHT_GATE = frozenset({"length"}) | _SIGHTS | _CHANGE_VERBS | _FELT_VERBS | _MODALS | _SCALP_AREAS  # "length", rarer than "along"
# How much of the body a complaint takes: "[whole jaw aches]", "[every muscle aches]", "[everything aches]" (rule 4: the
# extent is the complaint's, as the gold's "[whole body aches]" and "[everything tastes salty]").
_EXTENT = frozenset({"whole", "entire", "every"})
_EXTENT_PARTS = _PART_NOUNS | frozenset("muscle joint bone body head face back chest stomach tummy tooth skin side".split())
_ACHES = frozenset("aches ached hurts hurt itches itched burns stings throbs tingles".split())
_LEFT_GATE = _SHADES | _CAUSE_WORDS | _TASTE_FORMS | _EPISODE_HEADS | _SENSE_VERBS | _EXTENT | {"everything"}
# What the recognizer checks against the doc's words before calling: a doc without any costs one set test there (not
# registered with span_rules.gate: the rule reads the doc's word set, not the shared gate hits).
WORDS = _RIGHT_GATE | _LEFT_GATE


def extend_tails(doc, words: list[str], spans: Spans) -> Spans:
    """The right and left edges above, each run only where its trigger word stands as it needs."""
    cues = WORDS.intersection(word_set(words))  # the few trigger words of the doc (the recognizer checked there are some)
    if not spans:
        return spans
    kinds = _cued_kinds(words, cues)
    if not kinds:
        return spans
    if "right" in kinds:
        spans = _grow_right(words, spans, cues)
    if "felt" in kinds:
        spans = _add_relative_complaints(words, spans)
    if "modal" in kinds:
        spans = _add_unwilling_parts(words, spans)
    if "episode" in kinds:
        spans = _join_episodes(words, spans)
    if "left" in kinds:
        spans = _grow_left(words, spans, cues)
    return spans


def _cued_kinds(words: list[str], cues: set[str]) -> set[str]:
    """Which edges have a trigger word standing where they need it (most trigger words are common: "won't", "dark",
    "related"); the spans are looked at only for those."""
    n = len(words)
    kinds = set()
    for p in word_positions(words, cues):
        w = words[p]
        following = words[p + 1] if p + 1 < n else ""
        if w in _CHANGE_VERBS:
            if following in _CHANGED_STATES or following in _CHANGE_DEGREES:
                kinds.add("right")
        elif w in _MODALS:
            if p >= 1 and following in _NOTS and words[p - 1] in _PART_NOUNS:
                kinds.add("modal")
        elif w in _FELT_VERBS:
            if p >= 2 and words[p - 1] in _RELATIVES:
                kinds.add("felt")
        elif w == "length":
            if p >= 3 and "along" in words[p - 3:p - 1]:
                kinds.add("right")
        elif w in _SIGHTS:
            if p >= 3 and words[p - 2] == "in" and words[p - 1] in _SIGHT_OWNERS:
                kinds.add("right")
        elif w in _SCALP_AREAS:
            if p >= 3 and words[p - 2:p] == ["at", "the"] and "hair" in words[max(p - 7, 0):p - 2]:
                kinds.add("right")
        elif w in _SHADES:
            if following in COLOURS:
                kinds.add("left")
        elif w in _CAUSE_WORDS:
            if p >= 1 and following.isalpha() and following not in _NOT_CAUSED:  # not "related to", "induced by"
                kinds.add("left")
        elif w in _TASTE_FORMS:
            if p >= 1:
                kinds.add("left")
        elif w in _SENSE_VERBS:
            if p >= 3 and words[p - 2] == "and":
                kinds.add("left")
        elif w in _EXTENT:
            if following in _EXTENT_PARTS:
                kinds.add("left")
        elif w == "everything":
            if following in _ACHES:
                kinds.add("left")
        elif p >= 3 and words[p - 2] == "and" and words[p - 1].endswith("ing"):  # an episode head
            kinds.add("episode")
    return kinds


def _grow_right(words: list[str], spans: Spans, cues: set[str]) -> Spans:
    n = len(words)
    along = "length" in cues
    seen = not _SIGHTS.isdisjoint(cues)
    scalp = not _SCALP_AREAS.isdisjoint(cues)
    change = not _CHANGE_VERBS.isdisjoint(cues)
    starts = [s[0] for s in spans]
    out: Spans = []
    changed = False
    absorbed: set[int] = set()
    for k, (start, end, label, concept) in enumerate(spans):
        if k in absorbed:
            continue
        if label in _PROBLEMS and end < n:
            limit = starts[k + 1] if k + 1 < len(spans) else n  # never into the next span
            new_end = end
            if along and words[end] == "along":
                new_end = _along_end(words, end, limit)
            elif change and words[end - 1] in _CHANGE_VERBS and end - start >= 2:
                new_end = _changed_state_end(words, end, limit)
            elif seen and label == "SYMPTOM" and end + 2 < limit and words[end] == "in" \
                    and words[end + 1] in _SIGHT_OWNERS and words[end + 2] in _SIGHTS:
                new_end = end + 3
            elif scalp and label == "SYMPTOM" and end + 2 < n and words[end:end + 2] == ["at", "the"] \
                    and words[end + 2] in _SCALP_AREAS and "hair" in words[start:end] \
                    and (end + 2 < limit or limit == end + 2 and spans[k + 1][1] == end + 3):
                new_end = end + 3
                if limit == end + 2:
                    absorbed.add(k + 1)  # the dentist's "crown" the lexicon read there
            if new_end != end:
                end, changed = new_end, True
        out.append((start, end, label, concept))
    return out if changed else spans


def _along_end(words: list[str], at: int, limit: int) -> int:
    """"[finger is swollen] along its whole length"."""
    j = at + 1
    if j < limit and words[j] in _ALONG_OWNERS:
        j += 1
        if j < limit and words[j] in _WHOLE:
            j += 1
        if j < limit and words[j] == "length":
            return j + 1
    return at


def _changed_state_end(words: list[str], at: int, limit: int) -> int:
    """"[eyelashes have grown] really long": the state a change verb ends in."""
    j = at
    while j < limit and j - at < 2 and words[j] in _CHANGE_DEGREES:
        j += 1
    if j < limit and words[j] in _CHANGED_STATES:
        return j + 1
    return at


def _add_relative_complaints(words: list[str], spans: Spans) -> Spans:
    """"[tiny red bumps around my mouth and nose] that [burn and sting]": the verbs of a finding's relative clause."""
    n = len(words)
    ends = {s[1]: s for s in spans}
    added = []
    for p in word_positions(words, _RELATIVES & word_set(words)):
        finding = ends.get(p)
        if finding is None or finding[2] not in _PROBLEMS or p + 1 >= n or words[p + 1] not in _FELT_VERBS:
            continue
        end = p + 2
        if end + 1 < n and words[end] == "and" and words[end + 1] in _FELT_VERBS:
            end += 2  # "burn and sting" (a one-word "burn" of its own is taken in)
        added.append((p + 1, end, "SYMPTOM", _FELT_CONCEPT))
    if not added:
        return spans
    covered = covered_tokens(spans, min_length=2)
    known = {(s[0], s[1]) for s in spans if s[2] in _PROBLEMS}  # "a rash that [itches]": keep the complaint's concept
    added = [a for a in added if not covered.intersection(range(a[0], a[1])) and (a[0], a[1]) not in known]
    if not added:
        return spans
    kept = [s for s in spans if all(s[1] <= a[0] or s[0] >= a[1] for a in added)]
    return sorted(kept + added)


_FELT_CONCEPT = "QATEXT:symptom/body-part-complaint"


def _add_unwilling_parts(words: list[str], spans: Spans) -> Spans:
    """"[legs wont keep still]", "[jaw won't unclench]": a body part, "won't"/"can't" and what it fails to do."""
    n = len(words)
    parts = {s[1]: s for s in spans if s[2] == "ANATOMY"}
    covered = covered_tokens(spans)
    starting = {s[0]: s for s in spans}
    found = []
    for p in word_positions(words, _MODALS & word_set(words)):
        part = parts.get(p)
        if part is None and p >= 1 and words[p - 1] in _BARE_PARTS and p - 1 not in covered:
            part = (p - 1, p, "ANATOMY", "")  # a bare part the anatomy rules dropped at a list's start ("legs wont ...")
        if part is None or p + 2 >= n or words[p + 1] not in _NOTS:
            continue
        if part[0] and words[part[0] - 1] not in _PART_OPENERS:
            continue  # "pain in my legs wont go away": the part is a complaint's place, not the subject
        v = p + 2
        own = starting.get(p)  # a complaint drawn from the modal on ("[wont keep still]")
        if own is not None and own[2] in _PROBLEMS:
            found.append((part[0], own[1], own[3]))
            continue
        if not words[v].isalpha() or words[v] in _NOT_PART_VERBS or words[v] not in _PART_FAILS or v in starting:
            continue
        end = v + 1
        if end < n and (words[end] in _PART_TAILS or words[v] in _PART_STOPS and words[end].endswith("ing")):
            end += 1
        found.append((part[0], end, _FELT_CONCEPT))
    if not found:
        return spans
    kept = [s for s in spans if all(s[1] <= a or s[0] >= b for a, b, _c in found)]
    return sorted(kept + [(a, b, "SYMPTOM", c) for a, b, c in found])


_LEFT_BEFORE = _SHADES | _CAUSE_WORDS | _TASTE_FORMS | _EXTENT | {"and", "everything"}  # the word before a complaint that a left edge reads


def _grow_left(words: list[str], spans: Spans, cues: set[str]) -> Spans:
    # the complaints with a cue right before them, by their words alone; the rest of the doc's spans cost nothing more
    found = [k for k, s in enumerate(spans) if s[0] and words[s[0] - 1] in _LEFT_BEFORE and s[2] in _PROBLEMS]
    if not found:
        return spans
    covered = covered_tokens(spans)
    ends = {s[1]: k for k, s in enumerate(spans)}
    single = {s[0] for s in spans if s[1] - s[0] == 1}  # one-word mentions a thing in a list may be ("coffee")
    shades = not _SHADES.isdisjoint(cues)
    causes = not _CAUSE_WORDS.isdisjoint(cues)
    tastes = not _TASTE_FORMS.isdisjoint(cues)
    senses = not _SENSE_VERBS.isdisjoint(cues)
    extent = not _EXTENT.isdisjoint(cues) or "everything" in cues
    new: dict[int, int] = {}  # span index -> its new start
    for k in found:
        start, end, label, concept = spans[k]
        first, before = words[start], words[start - 1]
        s = start
        if shades and first in COLOURS and before in _SHADES and start - 1 not in covered:
            s = start - 1  # "[bright red bleeding]"
        elif causes and before in _CAUSE_WORDS and start >= 2 and (before == "related" or words[start - 2] == "-"):
            # a bare "induced" may be the verb ("the drug induced nausea"); lay_span_edges reads that one
            s = _cause_start(words, start, covered, ends, spans)
        elif tastes and before in _TASTE_FORMS and start >= 2:
            s = _thing_start(words, start - 1, covered, ends, spans)
        elif senses and end - start >= 2 and words[start + 1] in _SENSE_VERBS and before == "and":
            s = _subjects_start(words, start, covered - single)
        elif extent and label == "SYMPTOM" and start - 1 not in covered and _takes_extent(words, start, end):
            s = start - 1
        if s != start:
            new[k] = s
    if not new:
        return spans
    out: Spans = []
    for k, (start, end, label, concept) in enumerate(spans):
        if k in new:
            s = new[k]
            out = [o for o in out if o[1] <= s]
            out.append((s, end, label, concept))
        else:
            out.append((start, end, label, concept))
    return out


def _takes_extent(words: list[str], start: int, end: int) -> bool:
    """"[whole jaw aches]", "[every muscle aches]", "[everything aches]": a part, or everything, and what it does; not
    "every [chest pain] scares me" (each time), "the whole [back pain] thing"."""
    before, last = words[start - 1], words[end - 1]
    if before == "everything":
        return end - start == 1 and last in _ACHES
    return before in _EXTENT and words[start] in _EXTENT_PARTS and (last in _ACHES or last in SYMPTOM_PREDICATES)


def _join_episodes(words: list[str], spans: Spans) -> Spans:
    """"[yawning and sneezing fits]", "[coughing and choking spells]": two "-ing" complaints sharing an episode head
    are one mention (rule 11); one of them must already be a complaint ("yawning" or "sneezing fits"), so "running
    and swimming sessions" or "singing and dancing bouts" stay what they were."""
    by_token = {i: span for span in spans for i in range(span[0], span[1])}
    added = []
    for h in word_positions(words, _EPISODE_HEADS & word_set(words)):
        if h < 3 or words[h - 2] != "and":
            continue
        first, second = words[h - 3], words[h - 1]
        if not (first.endswith("ing") and second.endswith("ing") and first.isalpha() and second.isalpha()):
            continue
        inside = [by_token.get(i) for i in range(h - 3, h + 1)]
        if any(span is not None and (span[0] < h - 3 or span[1] > h + 1) for span in inside):
            continue  # part of a longer mention
        problems = [span for span in inside if span is not None and span[2] in _PROBLEMS]
        if problems:
            added.append((h - 3, h + 1, "SYMPTOM", problems[-1][3]))
    if not added:
        return spans
    out = [span for span in spans if all(span[1] <= a or span[0] >= b for a, b, *_ in added)]
    return sorted(out + added)


def _cause_start(words: list[str], start: int, covered: set[int], ends: dict[int, int], spans: Spans) -> int:
    """"[age related hearing loss]", "[stress-induced hives]": the cause and its "related"/"induced" word."""
    i = start - 2
    if words[i] == "-" and i >= 1:
        i -= 1
    if not words[i].isalpha() or words[i] in _NOT_SUBJECTS:
        return start
    if i in covered:
        k = ends.get(i + 1)
        if k is None or spans[k][1] - spans[k][0] != 1:
            return start  # inside a longer mention
        if spans[k][2] == "DISEASE":
            return start  # "anxiety related stress": a diagnosis is a mention of its own, not the kind of another
        if spans[k][2] == "ANATOMY" and i >= 1 and words[i - 1].isalpha() and words[i - 1] not in _NOT_SUBJECTS \
                and words[i - 1] not in _SUBJECT_OPENERS and words[i - 1] not in _CAUSE_VERBS_BEFORE:
            return start  # "cervical vertebrae related headache": the part has a modifier the span would cut off
    return i


def _thing_start(words: list[str], at: int, covered: set[int], ends: dict[int, int], spans: Spans) -> int:
    """"[sulphur tasting burps]": the thing a taste or smell is of, one word (a substance word is no DRUG here)."""
    i = at - 1
    if i >= 1 and words[i] == "-":
        i -= 1
    if i < 0 or not words[i].isalpha() or words[i] in _NOT_SUBJECTS:
        return at + 1
    if i in covered:
        k = ends.get(i + 1)
        if k is None or spans[k][1] - spans[k][0] != 1:
            return at + 1
    return i


def _subjects_start(words: list[str], start: int, covered: set[int]) -> int:
    """"[onions and meat smell rotten]", "[coffee, onions and meat smell rotten]": the things that smell (a one-word
    mention among them, "coffee", is taken in: the complaint is the smell)."""
    i = start - 2
    if i < 0 or i in covered or not words[i].isalpha() or words[i] in _NOT_SUBJECTS:
        return start
    s = i
    while s >= 2 and words[s - 1] == "," and s - 2 not in covered and words[s - 2].isalpha() \
            and words[s - 2] not in _NOT_SUBJECTS:
        s -= 2
    # the things open a clause: "rubbish, onions and meat smell rotten", not "went out and food tastes off"; a list
    # that does not ("since covid, coffee and garlic smell") keeps its last two
    for first in (s, i):
        if first == 0 or words[first - 1] in _SUBJECT_OPENERS:
            return first
    return start
