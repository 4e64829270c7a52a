"""What a body part does or has become, with the part as subject (round 19a; GUIDELINES rules 6, 11, 16): "[right
eye wouldnt close]", "[bowels stopped dead]", "[heart going fast]", "[hair falling]", "[arms and legs have got
skinny]", "[pupil was big and didnt move]", "[two bottom teeth are loose]", "[chest still tight]".

span_rules.add_body_predicates reads a part with a state predicate ("ankles are swollen"); these are the classes it
misses, each read after a part (an ANATOMY span, or a bare "chest", "arms", "heart" that opens a clause, which
span_rules drops without a possessive):
- a motion that fails: a negated modal and a verb of moving ("wouldnt close", "wont open", "didnt move");
- a function that stopped: "bowels stopped dead", "kidneys stopped working";
- the heart or pulse going at a speed: "heart going fast", "heart beating strong", "pulse racing like mad";
- hair falling, told without its "out": "hair falling, nervous", "hair falling in clumps";
- a change to a shape or build: "arms have got skinny", "face has gone puffy";
- states only some parts have as complaints: "pupil was big", "teeth are loose";
- a further predicate joined by "and": "[tongue is sore and smooth]", "[face has gone round and red]".
Near-misses stay out: "the door wouldnt close" (no part), "my heart goes out to you", "my hair is falling into my
eyes", "skinny jeans", "my teeth are white", "my eyes wouldnt move from the screen".
"""
from __future__ import annotations

from spacy.tokens import Doc

from qatext.ner.lay_body_states import STATES
from qatext.ner.lay_common import POSSESSIVES, replace_covered
from qatext.ner.span_rules import _BLUSH_COLOURS, _BLUSH_SIGHTS, _HEART_RUSHES, _feeling_cause
from qatext.ner.span_rules import (AMBIGUOUS_ANATOMY, ANATOMY_CONTEXT, BODY_COMPLAINT, LINKING_WORDS, SYMPTOM_PREDICATES, Spans, gate,
                                   gate_hits, word_positions, word_set)

PALPITATION = "HP:0001962"

# --- a motion that fails ----------------------------------------------------------------------------------------------
# a modal and its negation as the tokenizer splits them: "would nt", "wo n't", "did not"
_MODALS = frozenset("would wo did does do could will ca can".split())
_NEGATIONS = frozenset({"nt", "n't", "not"})
FAIL_VERBS = frozenset("close open move bend straighten shut blink budge focus lift grip".split())
# what follows a failed motion when it is a thing done with the part, not the part's complaint: "my hand wouldnt
# open the jar", "my eyes wouldnt move from the screen", "my legs wouldnt move fast enough to catch the bus"
_NOT_AFTER_FAIL = frozenset("the a an my his her their your it this that them from to off on onto into away".split())
# ... unless that word starts a time: "my legs wouldnt move [this morning]"
_TIME_NOUNS = frozenset("morning afternoon evening night week weekend time day".split())
# a verb and particle that are an idiom: "my mouth wouldnt shut up about it"
_IDIOM_PARTICLES = {"shut": frozenset({"up"})}

# --- a function that stopped --------------------------------------------------------------------------------------
STOPPED = frozenset({"stopped"})
# parts whose work is a function: "my bowels stopped", not "my heart stopped when i saw the bill"
FUNCTION_PARTS = frozenset("bowels bowel gut guts bladder kidneys kidney intestines".split())
_STOP_TAILS = frozenset("dead completely altogether entirely".split())
_WORKING = frozenset({"working", "functioning"})

# --- the heart's speed ----------------------------------------------------------------------------------------------
HEART_WORDS = frozenset("heart pulse heartbeat heartrate".split())
_GOING = frozenset("going beating pumping running thumping pounding racing".split())
SPEEDS = frozenset("fast faster quick quickly hard harder strong strongly crazy wild wildly mad irregular irregularly "
                   "erratically".split())
# "strong" is a heart's health, not its speed, unless the writer's own heart beats so: "i get [heart beating strong]",
# not "baby's heart beating strong at the scan", "fetal heart beating strongly", "dad's heart is going strong"
_STRENGTHS = frozenset({"strong", "strongly"})
_OWN_HEART_BEFORE = frozenset("my get got gets getting have having had".split())
_STRONG_VERBS = frozenset("beating pounding thumping".split())
_SPEED_DEGREES = frozenset("so too really very super way like".split())

# --- hair falling -----------------------------------------------------------------------------------------------------
HAIR = frozenset({"hair", "hairs"})
FALLING = frozenset("falling fell falls".split())
# whose hair falls at a clause's end as a sight, not a complaint: "i love the way her hair falls", "as her hair fell"
_OTHERS = frozenset("her his their the".split())
_CLUMPS = frozenset("clumps handfuls chunks lumps bunches".split())

# --- a change of shape or build -------------------------------------------------------------------------------------
CHANGE_STATES = frozenset("skinny skinnier thin thinner bony bonier scrawny wasted flabby saggy fat fatter round rounder "
                          "podgy chubby".split()) - {"fat", "fatter"}
_CHANGES = frozenset("go goes went gone going got get gets getting become becomes became turned turn turns".split())

# --- states only some parts have as complaints ----------------------------------------------------------------------
_PUPIL_STATES = frozenset("big bigger large huge dilated small tiny pinpoint fixed unequal uneven".split())
_LOOSE_STATES = frozenset("loose looser wobbly wiggly".split())
PART_STATES = {**dict.fromkeys(("pupil", "pupils"), _PUPIL_STATES),
               **dict.fromkeys(("teeth", "tooth", "kneecap", "kneecaps", "joints", "joint", "crown", "filling"),
                               _LOOSE_STATES)}
_STATE_PARTS = frozenset(PART_STATES)
_COUNTS = frozenset("two three four five several few both".split()) - {"both"}  # "both" is a determiner (rule 2)
# school pupils: "the pupils were tiny when they started year 1", "one of my pupils is huge for his age"
_SCHOOL_WORDS = frozenset("year years class classes school schools teacher teachers teach teaching taught students "
                          "student age kids children term lesson lessons reception grade gcse gcses exam exams homework "
                          "parents playground".split())

# --- a change the writer welcomes -----------------------------------------------------------------------------------
# "my bowels stopped after a day, thank god", "my legs have got skinnier since i started running, yay!": a stop or a
# change greeted with relief or pride is a relief or a goal, no complaint
_WELCOMES = frozenset("yay yey woohoo woo hooray thank thankfully finally relief relieved phew glad pleased happy proud "
                      "great brilliant :) lol".split()) - {"lol"}
_EXERCISES = frozenset("running gym exercise exercising exercises diet dieting training workouts workout swimming "
                       "cycling jogging weights slimming".split())
_SENTENCE_ENDS = frozenset(". ! ? ;".split())

# --- joined predicates ----------------------------------------------------------------------------------------------
# States that follow another of the same part, though alone they would be no complaint: "tongue is sore and
# [smooth]", "face has gone round and [red]"
CONJUNCT_STATES = frozenset("smooth shiny glossy round bald waxy pale".split())
_ALL_STATES = SYMPTOM_PREDICATES | STATES | CONJUNCT_STATES | CHANGE_STATES | _PUPIL_STATES | _LOOSE_STATES

# Predicates a bare "chest", "arms", "legs" takes at the head of a clause: "chest still tight", "arms went rigid"
BARE_PREDICATES = frozenset("rigid tight numb stiff swollen sore drooped weak heavy achy aching hurts hurting tingly "
                            "tingling cramping burning shaking trembling throbbing itchy".split()) & SYMPTOM_PREDICATES
_LINKS = LINKING_WORDS | frozenset({"just", "now", "also", "both", "'s", "'re", "has", "have"})
_DEGREES = frozenset("so really very super quite pretty kinda slightly completely totally a bit little".split())
# a bare ambiguous body word opens a clause: after punctuation, an emoji, a conjunction, or as the doc's first word
_OPENERS = frozenset("and but so then".split())

GATE = gate(FAIL_VERBS, STOPPED, HEART_WORDS, HAIR, CHANGE_STATES, PART_STATES, CONJUNCT_STATES, BARE_PREDICATES)
# a predicate joined to a part's complaint by "and" ("round [and red]") is a cue of its own only after "and"
_JOINED_CUES = gate(CONJUNCT_STATES, {"red", "swollen", "sore", "puffy"})
# What the recognizer checks before calling: a cue of each sub-rule
_JOINED_ONLY = _JOINED_CUES - GATE
GATE = GATE | _JOINED_CUES
WORDS = GATE


def _needs(word: str) -> tuple[frozenset[str], ...]:
    """The word sets the check of cue ``word`` in add_part_moves reads around it (the first check that lists the word
    reads it): each must meet the doc's words, or the word stands nowhere its check needs it (speed: most docs with
    "heart", "hair" or "burning" have no "going", "falling" or bare part, and their positions are never looked up)."""
    if word in HEART_WORDS:
        return (_GOING,)
    if word in HAIR:
        return (FALLING,)
    if word in FAIL_VERBS:
        return (_NEGATIONS, _MODALS)
    if word in _STATE_PARTS:
        return (PART_STATES[word],)
    if word in _JOINED_ONLY or word in CONJUNCT_STATES:
        return (frozenset({"and"}),)
    if word in STOPPED:
        return (_WORKING | FUNCTION_PARTS,)
    return ((AMBIGUOUS_ANATOMY if word in BARE_PREDICATES else frozenset())
            | (_CHANGES if word in CHANGE_STATES else frozenset()),)


_CUE_NEEDS = {word: _needs(word) for word in GATE}


def add_part_moves(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """A part with what it does or has become is one SYMPTOM (rule 6); see the module's docstring."""
    cues = GATE & gate_hits(words)
    if not cues:
        return spans
    present = word_set(words)
    live = []
    for word in cues:
        for needed in _CUE_NEEDS[word]:
            if needed.isdisjoint(present):
                break
        else:
            live.append(word)
    if not live:
        return spans
    n = len(words)
    # the cue words that stand where a sub-rule needs them, found by words alone before any span is looked at
    found = []
    for p in word_positions(words, live):
        word = words[p]
        if word in HEART_WORDS:
            if p + 1 < n and (words[p + 1] in _GOING or p + 2 < n and words[p + 2] in _GOING):
                found.append(p)
        elif word in HAIR:
            if not FALLING.isdisjoint(words[p + 1:p + 4]):
                found.append(p)
        elif word in FAIL_VERBS:
            if p >= 2 and words[p - 1] in _NEGATIONS and words[p - 2] in _MODALS:
                found.append(p)
        elif word in _STATE_PARTS:
            if not PART_STATES[word].isdisjoint(words[p + 1:p + 6]):
                found.append(p)  # "pupil was big", "teeth are loose"
        elif word in _JOINED_ONLY or word in CONJUNCT_STATES:
            if p and words[p - 1] == "and":
                found.append(p)  # "round [and red]", "sore [and smooth]"
        elif word in STOPPED:
            if p + 1 < n and words[p + 1] in _WORKING or not FUNCTION_PARTS.isdisjoint(words[max(0, p - 3):p]):
                found.append(p)
        else:  # a state, a change: after a part its rule reads ("chest", "pupil", "teeth") or a change verb
            before = words[max(0, p - 5):p]
            if word in BARE_PREDICATES and not AMBIGUOUS_ANATOMY.isdisjoint(before) \
                    and any(w in AMBIGUOUS_ANATOMY and (k == 0 or words[k - 1] not in ANATOMY_CONTEXT)
                            for k, w in enumerate(before, max(0, p - 5))) \
                    or word in CHANGE_STATES and not _CHANGES.isdisjoint(before):
                found.append(p)
    if not found:
        return spans
    window = {q for p in found for q in range(max(0, p - 6), p + 2)}  # a part ends before its cue, or is it
    low, high = min(window), max(found) + 12  # the spans near the cues: a part, its predicate and what joins it
    near = [s for s in spans if s[1] > low and s[0] < high]
    covered = {i: s for s in near for i in range(s[0], s[1])}
    parts = [(s[0], s[1]) for s in near if s[2] == "ANATOMY" and s[1] in window]
    for p in window:  # "😂 chest still tight", ", arms went rigid", "i get heart beating strong"
        if p + 1 < n and words[p] in AMBIGUOUS_ANATOMY and p not in covered and (
                words[p] == "heart" or p == 0 or not words[p - 1][:1].isalnum() or words[p - 1] in _OPENERS
                or words[p - 1] in ("get", "got", "gets")):
            parts.append((p, p + 1))
    by_start = {s[0]: s for s in near}
    added = []
    for start, end in parts:
        part = words[end - 1]
        i = end
        while i < n and i - end < 4 and (words[i] in _LINKS or words[i] in _DEGREES) and i not in covered \
                and _failed_motion(words, i) is None and not (part in HEART_WORDS and words[i] in _GOING):
            i += 1  # "eye would nt close" and "heart going fast" keep their verbs
        if i >= n:
            continue
        held = covered.get(i)
        if held is not None and not (held[0] == i and held[1] - held[0] == 1 and held[2] == "SYMPTOM"):
            continue  # another mention stands here; a one-word symptom ("rigid") is the part's predicate
        stop, concept = _move_end(words, start, end, i, part, by_start)
        if stop is None:
            continue
        stop = _joined_end(words, stop, covered)
        if part in HEART_WORDS and _feeling_cause(words, stop):
            continue  # "my heart was pounding hard when he kissed me": an emotion (GUIDELINES rule 17)
        if concept == BODY_COMPLAINT and held is not None and stop == i + 1:
            concept = held[3]  # "arms went [rigid]" keeps rigidity: the one-word symptom is the whole predicate
        added.append((_counted_start(words, start), stop, "SYMPTOM", concept))
    if any(p >= 2 and "and" in (words[p - 1], words[p - 3]) for p in found):
        added += _joined_predicates(words, spans, covered)
    return replace_covered(spans, added) if added else spans


def _move_end(words: list[str], start: int, end: int, i: int, part: str, by_start: dict) -> tuple:
    """The end of the part's complaint whose first word (past links) is at ``i``, and its concept; (None, None)."""
    n = len(words)
    word = words[i]
    linked = i > end
    bare = start not in by_start
    failed = _failed_motion(words, i)
    if failed is not None:
        return failed, BODY_COMPLAINT
    if word in STOPPED:
        k = i + 1
        if k < n and words[k] in _WORKING:
            return k + 1, BODY_COMPLAINT  # "kidneys stopped working", "legs just stopped working"
        if part in FUNCTION_PARTS and not linked:
            k += k < n and words[k] in _STOP_TAILS
            if (k >= n or not words[k][:1].isalnum() or words[k] in ("and", "but", "for")) and not _welcomed(words, start, k):
                return k, BODY_COMPLAINT  # "bowels stopped dead,"; not "bowels stopped after a day, thank god"
        return None, None
    if part in HEART_WORDS and word in _GOING:
        k = i + 1
        while k < n and k - i <= 2 and words[k] in _SPEED_DEGREES:
            k += 1
        if k < n and words[k] in SPEEDS and (words[k] not in _STRENGTHS or words[i] in _STRONG_VERBS and (
                start == 0 or words[start - 1] in _OWN_HEART_BEFORE)):
            return k + 1, PALPITATION  # "heart going fast", "i get heart beating strong", "pulse racing like mad"
        return None, None
    if part in HAIR and word in FALLING:
        k = i + 1
        if (k >= n or not words[k][:1].isalnum() or words[k] in ("and", "but")) and word == "falling" and not linked \
                and (start == 0 or words[start - 1] not in _OTHERS):
            return k, BODY_COMPLAINT  # "hair falling, nervous"; not "her hair falls.", "her hair falling, gently"
        if k + 1 < n and words[k] == "in" and words[k + 1] in _CLUMPS:
            return k + 2, BODY_COMPLAINT  # "hair falling in clumps"
        return None, None  # "my hair is falling into my eyes"
    if word in CHANGE_STATES and not _CHANGES.isdisjoint(words[end:i]) and not _welcomed(words, start, i + 1):
        return i + 1, BODY_COMPLAINT  # "arms and legs have got skinny"; not "legs have got skinnier since i started running, yay!"
    if word in PART_STATES.get(part, ()) and linked and not (part in ("pupil", "pupils") and _school_pupils(words, start, i)):
        return i + 1, BODY_COMPLAINT  # "pupil was big", "teeth are loose"; not "the pupils were tiny when they started year 1"
    if bare and part != "heart" and word in BARE_PREDICATES and (linked or word in ("rigid", "drooped")):
        if i + 1 < n and words[i + 1] in ("to", "with", "than"):
            return None, None  # "hands are hard to grip", "face went red with embarrassment"
        return i + 1, BODY_COMPLAINT  # ", arms went rigid", "chest still tight"
    return None, None


def _failed_motion(words: list[str], i: int) -> int | None:
    """"wouldnt close", "wont open", "didnt move": the end of a failed motion starting at ``i``, or None."""
    n = len(words)
    if i + 2 >= n or words[i] not in _MODALS or words[i + 1] not in _NEGATIONS or words[i + 2] not in FAIL_VERBS:
        return None
    k = i + 3
    if k < n and words[k] in _NOT_AFTER_FAIL and not (k + 1 < n and words[k] in ("this", "that")
                                                      and words[k + 1] in _TIME_NOUNS) \
            or k + 1 < n and words[k] in ("fast", "quick", "quickly") and words[k + 1] == "enough" \
            or k < n and words[k] in _IDIOM_PARTICLES.get(words[i + 2], ()):
        return None
    return k


def _sentence(words: list[str], start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around ``start:end``, at most 12 words each side."""
    n = len(words)
    low = start
    while low > 0 and start - low < 12 and words[low - 1] not in _SENTENCE_ENDS:
        low -= 1
    high = end
    while high < n and high - end < 12 and words[high] not in _SENTENCE_ENDS:
        high += 1
    if high < n and words[high] == "!" and high - end < 12:
        high += 1  # "yay!"
    return low, high


def _welcomed(words: list[str], start: int, end: int) -> bool:
    """The sentence greets the change with relief or pride, or puts it down to exercise or a diet."""
    low, high = _sentence(words, start, end)
    around = words[low:high]
    return not _WELCOMES.isdisjoint(around) or not _EXERCISES.isdisjoint(around)


def _school_pupils(words: list[str], start: int, i: int) -> bool:
    """"pupils" are children at school: a school word in the sentence, or "one of my pupils"."""
    low, high = _sentence(words, start, i + 1)
    return not _SCHOOL_WORDS.isdisjoint(words[low:high]) or start >= 3 and words[start - 3:start - 1] == ["one", "of"]


def _joined_end(words: list[str], stop: int, covered: dict) -> int:
    """"sore [and smooth]", "big [and didnt move]": a further predicate of the same part (rule 11)."""
    n = len(words)
    while stop + 1 < n and words[stop] == "and":
        k = stop + 1
        while k < n and k - stop <= 2 and words[k] in _DEGREES:
            k += 1
        held = covered.get(k)
        if held is not None and not (held[0] == k and held[1] == k + 1 and held[2] == "SYMPTOM"):
            break
        if k < n and words[k] in _ALL_STATES and words[k] not in ("hard", "thin", "fat") \
                and (k + 1 >= n or words[k + 1] not in ("to", "than")):
            stop = k + 1
            continue
        failed = _failed_motion(words, k)
        if failed is not None:
            stop = failed
            continue
        break
    return stop


def _joined_predicates(words: list[str], spans: Spans, covered: dict) -> Spans:
    """An existing part complaint ("[tongue is sore]", "[face has gone round]") with a further predicate after
    "and" that no rule took: the longer span."""
    ends = {s[1]: s for s in spans if s[2] == "SYMPTOM" and s[1] - s[0] >= 3}
    grown = []
    for p in word_positions(words, ("and",)):
        span = ends.get(p)
        if span is None or words[p - 1] not in _ALL_STATES or _LINKS.isdisjoint(words[span[0] + 1:p - 1]):
            continue
        stop = _joined_end(words, p, covered)
        if stop > p:
            grown.append((span[0], stop, span[2], span[3]))
    return grown


def _counted_start(words: list[str], start: int) -> int:
    """"[two bottom teeth are loose]": a count before the part is in the span; a possessive never starts it."""
    if start and words[start - 1] in _COUNTS:
        return start - 1
    return start


assert not POSSESSIVES & _COUNTS


# --- a blush ----------------------------------------------------------------------------------------------------------
# "her face went red when she saw him": a face that reddens when someone sees, speaks to or teases the person is a
# blush, an emotion (GUIDELINES rule 17); "my face goes red when i drink" stays a complaint (flushing).
# "my heart was pounding hard when he kissed me" is a rush at someone, as a blush is: the recognizer's cue words of a
# blush (BLUSH_COLOURS) take a heart's rush words in too
BLUSH_COLOURS = gate(_BLUSH_COLOURS, _HEART_RUSHES)
BLUSH_SIGHTS = gate(_BLUSH_SIGHTS)
_BLUSHING_PARTS = frozenset("face cheeks cheek".split())


def drop_blushes(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """A face's colour, or a heart's rush, said with whom it came at is no complaint: the span goes."""
    n = len(words)
    dropped = [s for s in spans if s[2] == "SYMPTOM" and s[1] < n and (
        words[s[1] - 1] in _BLUSH_COLOURS and words[s[0]] in _BLUSHING_PARTS or words[s[0]] in HEART_WORDS)
               and _feeling_cause(words, s[1])]
    return [s for s in spans if s not in dropped] if dropped else spans
