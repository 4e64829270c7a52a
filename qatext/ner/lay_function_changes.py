"""Normal functions that changed (GUIDELINES rule 16): "zero motivation", "lower sex drive", "my appetite is
gone", and a child's growth that fails ("not gaining weight", "hasnt grown in a year").
"""
from __future__ import annotations

from spacy.tokens import Doc

from qatext.ner.lay_common import BE, LIST_FILLERS, POSSESSIVES, Lookup, replace_covered
from qatext.ner.span_rules import LOCATED_COMPLAINTS, Spans, gate, gate_hits, word_positions as _positions

# A change word before a normal function: "zero motivation", "lower sex drive", "less energy". The
# function must be one the lexicon knows in a changed form ("lack of motivation", "low sex drive"),
# whose concept the mention then takes; so "less time" or "more pain" are never built here.
DECREASE_CUES = (
    ("low",), ("lower",), ("decreased",), ("reduced",), ("diminished",), ("less",), ("poor",), ("lack", "of"),
    ("loss", "of"), ("lost",), ("no",), ("zero",), ("little",), ("lowered",), ("impaired",), ("declining",),
    ("decreasing",), ("reduction", "in"), ("decrease", "in"), ("drop", "in"), ("lessened",), ("lost", "all"),
    ("not", "much"), ("hardly", "any"), ("barely", "any"), ("killed",), ("kills",), ("killing",), ("destroyed",),
)
INCREASE_CUES = (
    ("high",), ("higher",), ("increased",), ("elevated",), ("excessive",), ("heightened",), ("raised",), ("more",),
    ("increase", "in"), ("rise", "in"), ("increasing",),
)
# The changed forms looked up in the lexicon, in order, for each direction.
# (batch 101) "is less" and "is poor" say a loss only of an appetite, and only at the end of the clause ("her appetite is
# very less"; not "appetite is less of a problem")
_LESS_TAILS = frozenset({"less", "poor"})
_LESS_FUNCTIONS = frozenset({"appetite"})
_AFTER_LESS = frozenset("and but now since nowadays these lately too also".split())
DECREASED_FORMS = ("decreased", "low", "reduced", "lack of", "loss of", "poor", "no")
INCREASED_FORMS = ("increased", "high", "elevated", "excessive")
# "sex drive reduction", "my appetite is gone": the change after the function.
DECREASE_TAILS = (("reduction",), ("decrease",), ("loss",), ("is", "gone"), ("was", "gone"), ("went", "down"),
                  ("dropped",), ("disappeared",), ("is", "nonexistent"), ("is", "low"),
                  ("was", "low"), ("is", "lower"), ("is", "decreased"), ("was", "decreased"), ("decreased",),
                  ("diminished",), ("went", "away"), ("is", "zero"), ("is", "dead"),
                  # with the perfect or a degree word: "my energy has dropped", "motivation is very low"
                  ("has", "dropped"), ("has", "decreased"), ("has", "disappeared"), ("has", "vanished"),
                  ("has", "declined"), ("has", "plummeted"), ("has", "tanked"), ("has", "gone", "down"),
                  ("has", "diminished"), ("vanished",), ("declined",), ("plummeted",), ("tanked",), ("is", "down"),
                  ("is", "very", "low"), ("is", "so", "low"), ("is", "really", "low"), ("was", "very", "low"),
                  # (batch 101) South-Asian English: "her appetite is very less", "appetite has become less"
                  ("is", "less"), ("is", "very", "less"), ("is", "too", "less"), ("has", "become", "less"),
                  ("became", "less"), ("is", "very", "poor"), ("is", "poor"),
                  ("is", "non", "existent"), ("is", "nonexistant"), ("is", "non", "existant"),
                  # verbless, in a list of complaints: "Appetite gone, lost 11 pounds", "Libido nonexistant",
                  # "emotions flatlined"
                  ("gone",), ("nonexistent",), ("nonexistant",),
                  ("non", "existent"), ("non", "existant"), ("non", "-", "existent"), ("non", "-", "existant"),
                  ("is", "non", "-", "existent"), ("is", "non", "-", "existant"),  # the tokenizer splits the hyphen
                  ("flatlined",), ("has", "flatlined"), ("flat", "-", "lined"),
                  # with how much of it is gone, inside (round 34): "my vision is half gone", "appetite is completely
                  # gone"
                  ("is", "half", "gone"), ("is", "nearly", "gone"), ("is", "almost", "gone"),
                  ("is", "completely", "gone"), ("is", "totally", "gone"), ("is", "all", "but", "gone"),
                  ("has", "completely", "gone"), ("has", "totally", "gone"))
INCREASE_TAILS = (("increase",), ("went", "up"), ("is", "through", "the", "roof"), ("went", "through", "the", "roof"),
                  ("increased",), ("is", "higher"), ("has", "increased"), ("has", "gone", "up"), ("is", "up"),
                  ("skyrocketed",), ("has", "skyrocketed"),
                  # a sudden rise: "heart rate spikes", "my blood pressure shot up"
                  ("spikes",), ("spiked",), ("shoots", "up"), ("shot", "up"))


def _by_first_word(*groups: tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]) -> dict[str, list]:
    """first word -> [(phrase, changed forms)], the longest phrase first ("lost all" before "lost"), then decreases
    before increases, each in table order."""
    index: dict[str, list] = {}
    for phrases, forms in groups:
        for phrase in phrases:
            index.setdefault(phrase[0], []).append((phrase, forms))
    return {first: sorted(cues, key=lambda cue: -len(cue[0])) for first, cues in index.items()}


# What may follow a bare "gone" when the function has not gone: a direction, a way, a place it went to.
_GONE_ELSEWHERE = frozenset("up back crazy through wild mad haywire to into from over off".split())
_CUES = _by_first_word((DECREASE_CUES, DECREASED_FORMS), (INCREASE_CUES, INCREASED_FORMS))
_TAILS = _by_first_word((DECREASE_TAILS, DECREASED_FORMS), (INCREASE_TAILS, INCREASED_FORMS))
CHANGE_WORDS = frozenset(_CUES)
# Measured functions change by degree; "no heart rate" or "lost my blood pressure" is not a symptom of this kind.
MEASURES = frozenset({"rate", "pressure", "count", "supply"})
ABSENCE_CUES = frozenset({("no",), ("zero",), ("lost",), ("loss", "of"), ("lack", "of"), ("lost", "all"), ("hardly", "any"),
                          ("barely", "any"), ("little",), ("not", "much")})
FUNCTION_WORDS = frozenset(
    "motivation energy libido drive desire appetite interest emotion emotions concentration focus memory balance "
    "stamina patience sleep coordination confidence esteem self-esteem hearing vision eyesight attention "
    "urge".split()) | MEASURES

_FUNCTION_GATE, _CHANGE_GATE, _TAIL_GATE = gate(FUNCTION_WORDS), gate(CHANGE_WORDS), gate(_TAILS)
# functions whose word names other things too (a disk, a plan): a person's only when owned; an account's balance
# and a loan's interest are owned too, so those two words alone never change here
_OWNED_SENSES = frozenset("drive vision focus".split())
_OTHER_SENSES = frozenset({"balance", "interest"})


def add_function_changes(doc: Doc, words: list[str], spans: Spans, *, lookup: Lookup) -> Spans:
    """"zero motivation", "lower sex drive", "sex drive reduction": a changed normal function is a SYMPTOM (rule 16)."""
    hits = gate_hits(words)
    if _FUNCTION_GATE.isdisjoint(hits) or (_CHANGE_GATE.isdisjoint(hits) and _TAIL_GATE.isdisjoint(hits)):
        return spans
    n = len(words)
    added = []
    for i in _positions(words, _CHANGE_GATE & hits):
        cue, forms = next(((c, f) for c, f in _CUES[words[i]] if tuple(words[i:i + len(c)]) == c), (None, None))
        if cue is None:
            continue
        j = i + len(cue)
        if j < n and words[j] in LIST_FILLERS:
            j += 1
        if FUNCTION_WORDS.isdisjoint(words[j:j + 3]):  # a function phrase of up to 3 words ends in one
            continue
        found = _changed_function(words, j, forms, lookup, measures=cue not in ABSENCE_CUES)
        if found and not lookup(" ".join(words[i:found[0]])):
            added.append((i, found[0], found[1], found[2]))
    for i in _positions(words, _FUNCTION_GATE & hits):
        following = _TAILS.get(words[i + 1]) if i + 1 < n else None
        tail, forms = next(((t, f) for t, f in following or () if tuple(words[i + 1:i + 1 + len(t)]) == t), (None, None))
        if tail is None:
            continue
        after = i + 1 + len(tail)
        if tail == ("gone",) and after < n and words[after] in _GONE_ELSEWHERE:
            continue  # "appetite gone up", "sleep gone to pieces", "appetite gone back to normal": no loss said
        if tail[-1] in _LESS_TAILS and (words[i] not in _LESS_FUNCTIONS or after < n and (
                words[after] in ("than", "of") or words[after].isalpha() and words[after] not in _AFTER_LESS)):
            continue  # "my vision is less blurry", "heart rate is less than 100": no loss of the function
        if tail[-1] == "down" and tail[0] in BE and words[i] in MEASURES and after + 1 < n and words[after] == "to" \
                and _reading(words[after + 1]) >= _LOWEST_WANTED:
            continue  # "my heart rate is down to 58": a reading reported, mostly the drug doing its job
        for size in (3, 2, 1):
            start = i + 1 - size
            if start < 0 or size == 1 and (words[i] in _OTHER_SENSES or words[i] in _OWNED_SENSES
                                           and (i == 0 or words[i - 1] not in POSSESSIVES)):
                continue  # "the drive is low on space", "the company vision has dropped": no one's function
            known = _lookup_changed(" ".join(words[start:i + 1]), forms, lookup)
            if known and not lookup(" ".join(words[start:i + 1 + len(tail)])):
                added.append((start, i + 1 + len(tail), known[0], known[1]))
                break
    # A phrase the lexicon already matched keeps its own concept; only longer mentions are added.
    exact = {span[:2] for span in spans}
    added = [a for a in sorted(set(added)) if (a[0], a[1]) not in exact]
    if not added:
        return spans
    return replace_covered(spans, added)


# A reading "down to" which is what a drug aims at (a resting pulse of 58); below it ("down to 40") the fall is the
# complaint.
_LOWEST_WANTED = 50


def _reading(word: str) -> int:
    """The whole number ``word`` is, or -1."""
    return int(word) if word.isdecimal() else -1


def _changed_function(words: list[str], j: int, forms: tuple[str, ...], lookup: Lookup, *, measures: bool):
    """(end, label, concept) of the longest function at ``j`` that the lexicon knows in a changed form."""
    for size in (3, 2, 1):
        phrase = words[j:j + size]
        if len(phrase) < size or phrase[-1] not in FUNCTION_WORDS or (not measures and phrase[-1] in MEASURES):
            continue
        known = _lookup_changed(" ".join(phrase), forms, lookup)
        if known:
            return j + size, known[0], known[1]
    return None


def _lookup_changed(function: str, forms: tuple[str, ...], lookup: Lookup):
    for form in forms:
        known = lookup(f"{form} {function}")
        if known and known[0] in ("SYMPTOM", "DISEASE"):
            return known[0], known[1]
    return None


# "not gaining weight", "hasnt grown in a year": a child's growth that fails is one SYMPTOM with its negation
# (GUIDELINES rule 3, the exception: the negative phrase is the complaint), not a weight gain.
FAILURE_TO_THRIVE = "HP:0001508"
_NOT_GROWING = {("not", "gaining", "weight"), ("not", "putting", "on", "weight"), ("has", "n't", "grown"), ("hasnt", "grown"),
                ("has", "nt", "grown"), ("not", "growing"), ("is", "n't", "growing"), ("isnt", "growing"),
                ("is", "nt", "growing"), ("has", "not", "grown"), ("not", "gained", "weight"), ("has", "n't", "gained", "weight"),
                ("hasnt", "gained", "weight"), ("has", "nt", "gained", "weight")}
_NOT_GROWING_FIRST = frozenset(cue[0] for cue in _NOT_GROWING)
NOT_GROWING_FIRSTS = _NOT_GROWING_FIRST
GROWTH_WORDS = frozenset({"grown", "growing", "gaining", "gained", "putting"})  # the recognizer's cheap test


def add_failure_to_grow(doc: Doc, words: list[str], spans: Spans) -> Spans:
    added = []
    things = None
    for i in _positions(words, _GROWING_GATE.intersection(gate_hits(words))):
        # "the mole hasnt grown", "my hair isnt growing": a lesion or body part that does not grow is no child's
        # failure to thrive; the subject is the word before the cue and its auxiliaries.
        k = i - 1
        while k >= 0 and words[k] in _GROWING_AUXILIARIES:
            k -= 1
        if k >= 0:
            if things is None:
                things = {span[1] - 1 for span in spans if span[2] in ("ANATOMY", "SYMPTOM", "DISEASE")}
            if k in things or words[k] in LOCATED_COMPLAINTS:
                continue
        for size in (4, 3, 2):
            if tuple(words[i:i + size]) in _NOT_GROWING:
                added.append((i, i + size, "SYMPTOM", FAILURE_TO_THRIVE))
                break
    return replace_covered(spans, added) if added else spans


_GROWING_GATE = gate(_NOT_GROWING_FIRST)
_GROWING_AUXILIARIES = BE | {"has", "have", "had", "still", "really", "just", "even"}
