"""Complaints told by an amount or a rate (GUIDELINES section 6, rules 9, 10 and 16): weight changes with an
amount ("gained 20lbs"), hours of sleep ("sleeping 14 hours"), a function's rate ("peeing 14 times a day", "up 5
times a night to pee"); and the tests read off with their value: a substance with its result ("platelets came back
31"), a person's weight or temperature ("[weight] up 12 lbs", "[temp] 38.6").
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from qatext.ner.lay_common import POSSESSIVES, Lookup, replace_covered
from qatext.ner.lay_word_bare import TEMPS
from qatext.ner.span_rules import (APPROXIMATE, Spans, WEIGHT_GAIN, WEIGHT_LOSS, WEIGHT_UNITS, covered_tokens, gate,
                                   gate_hits, word_positions as _positions)

# The weight and sleep rules run from :func:`qatext.ner.lay_rules.add_side_effect_phrases`, the rate and result
# rules from :func:`qatext.ner.lay_rules.add_described_phrases`, each only when its trigger words are in the doc.
_NUMBER = re.compile(r"\d+(?:\.\d+)?$")
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
                         "fifty a few".split())
# "gained 20lbs", "lost 10kg": spaCy keeps a number glued to these units as one token.
_GLUED_WEIGHT = re.compile(r"\d+(?:\.\d+)?\+?(?:lbs?|pounds?|kgs?|kilos?)$")
WEIGHT_VERBS = {"gained": WEIGHT_GAIN, "gain": WEIGHT_GAIN, "gaining": WEIGHT_GAIN, "put": WEIGHT_GAIN,
                "putting": WEIGHT_GAIN, "lost": WEIGHT_LOSS, "losing": WEIGHT_LOSS}
# "gained quite a bit of weight", "putting on a ton of weight": the amount words between verb and "weight".
WEIGHT_AMOUNTS = frozenset("a lot lots of quite bit ton tons some so much more little bunch load loads heaps huge massive large "
                            "considerable significant fair good amount enormous great deal extra back noticeable".split())
WEIGHT_TRIGGERS = frozenset(WEIGHT_VERBS) | {"weight"}
SLEEP_VERBS = frozenset({"sleep", "sleeping", "slept", "sleeps"})
HOUR_UNITS = frozenset({"hours", "hour", "hrs", "hr"})
_GLUED_HOURS = re.compile(r"(\d+)(?:hours?|hrs?)$")
HYPERSOMNIA, INSOMNIA = "HP:0100786", "HP:0100785"
# Hours of sleep that are a complaint in themselves: this many or more is too much, this many or fewer too little.
LONG_SLEEP_HOURS, SHORT_SLEEP_HOURS = 10, 4


def _is_number(word: str) -> bool:
    return bool(_NUMBER.match(word)) or word in NUMBER_WORDS


def _amount_end(words: list[str], j: int) -> int | None:
    """End of "[about] 20 lbs", "20lbs", "50+ lbs" starting at ``j``, or None."""
    n = len(words)
    if j < n and words[j] in APPROXIMATE:
        j += 1
    if j < n and _GLUED_WEIGHT.match(words[j]):
        return j + 1
    if j + 1 < n and words[j] == "half" and words[j + 1] in ("a", "an"):
        j += 1  # "put on [half a stone]": a fraction of one unit is an amount as well as a number is
    if j + 1 < n and words[j] in ("a", "an") and words[j + 1] in WEIGHT_UNITS:
        return j + 2  # "gained [a stone]", "lost half [a stone]"
    if j < n and _is_number(words[j]):
        j += 1
        if j < n and words[j] == "+":
            j += 1
        if j < n and words[j] in WEIGHT_UNITS:
            return j + 1
    return None


def add_weight_amounts(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"gained 20lbs", "gained quite a bit of weight", "15 pound weight gain", "weight gain of 30 pounds"."""
    n = len(words)
    added = []
    for i in _positions(words, _WEIGHT_GATE.intersection(gate_hits(words)) - {"weight"}):
        j = i + 1
        if words[i] in ("put", "putting"):
            if j >= n or words[j] != "on":
                continue
            j += 1
        end = _amount_end(words, j)
        if end is None:
            k = j
            while k < n and k - j < 5 and words[k] in WEIGHT_AMOUNTS:
                k += 1
            end = k + 1 if k > j and k < n and words[k] == "weight" else None
        if end is not None:
            added.append((i, end, "SYMPTOM", WEIGHT_VERBS[words[i]]))
    for start, end, label, concept in spans:
        if concept not in (WEIGHT_GAIN, WEIGHT_LOSS) or words[end - 1] not in ("gain", "loss"):
            continue
        new_start, new_end = start, end
        if start >= 1 and _GLUED_WEIGHT.match(words[start - 1]):
            new_start = start - 1
        elif start >= 2 and words[start - 1] in WEIGHT_UNITS and _is_number(words[start - 2]):
            new_start = start - 2
        if end < n and words[end] == "of":
            new_end = _amount_end(words, end + 1) or end
        if (new_start, new_end) != (start, end):
            added.append((new_start, new_end, label, concept))
    return replace_covered(spans, added) if added else spans


# A weight change that is wanted or advised is no complaint (GUIDELINES rule 17): "she wants me to lose weight",
# "trying to lose weight", "meant to be losing weight", "the GP says lose weight". Being unable to ("cant lose
# weight") stays one.
_WANTING = frozenset("want wants wanted wanting try trying tried tries need needs needed hoping hope hoped "
                     "plan planning planned decided meant supposed".split())
# "wants me to lose weight", "told him to lose weight": a person between the wish and "to"
_WISHING_FOR_OTHERS = frozenset("wants wanted told tells asked advised urged".split())
_PERSONS = frozenset("me him her us them you".split())
_EXPECTED = frozenset({"meant", "supposed"})
_NEGATIONS = frozenset("not n't nt never arent aren't isnt isn't".split())
_ADVISING = frozenset("says said advised recommended suggested".split())
_CHANGE_VERBS = frozenset("lose losing gain gaining put putting".split())
_BASE_FORMS = frozenset({"lose", "gain", "put"})  # "the GP says lose weight" (an imperative), not "said losing weight"


def drop_wanted_weight_changes(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """Weight changes told as a wish or an advice, not as what happened, are dropped."""
    def wished(k: int) -> bool:
        # "not meant to lose weight this fast", "you're not supposed to gain weight on it": the change happened
        return words[k] in _WANTING and not (words[k] in _EXPECTED and _NEGATIONS.intersection(words[max(0, k - 2):k]))

    def wanted(start: int) -> bool:
        if words[start] not in _CHANGE_VERBS:
            return False
        before = words[start - 1] if start else ""
        if before == "be" and start >= 3 and words[start - 2] == "to":
            return wished(start - 3)  # "im meant to be losing weight for my sugars"
        if before in _ADVISING:
            return words[start] in _BASE_FORMS
        if before != "to" or start < 2:
            return False
        return wished(start - 2) or (
            words[start - 2] in _PERSONS and start >= 3 and words[start - 3] in _WISHING_FOR_OTHERS)

    kept = [span for span in spans if span[3] not in (WEIGHT_GAIN, WEIGHT_LOSS) or not wanted(span[0])]
    return kept if len(kept) != len(spans) else spans


def _hours(words: list[str], j: int) -> tuple[int, int, int] | None:
    """(fewest hours, most hours, end) of "[about] 14 hours", "3 to 5 hours", "14hrs" starting at ``j``."""
    n = len(words)
    if j < n and words[j] in APPROXIMATE:
        j += 1
    glued = _GLUED_HOURS.match(words[j]) if j < n else None
    if glued:
        return int(glued.group(1)), int(glued.group(1)), j + 1
    if j < n and words[j].isdecimal():
        low = int(words[j])
        if j + 2 < n and words[j + 1] in ("-", "to", "or") and words[j + 2].isdecimal():
            j += 2
        if j + 1 < n and words[j + 1] in HOUR_UNITS:
            return low, int(words[j]), j + 2
    return None


_PER = frozenset({"a", "per", "each", "every"})


def add_sleep_hours(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"sleeping 14 hours" (too much), "slept 3 hours", "3 to 5 hours sleep" (too little)."""
    added = []
    n = len(words)
    for i in _positions(words, _SLEEP_GATE.intersection(gate_hits(words))):
        found = _hours(words, i + 1)
        if found is None:
            continue
        fewest, most, end = found
        if end + 1 < n and words[end] in _PER and words[end + 1] in ("night", "day"):
            end += 2  # "sleeping 3 hrs a night": the rate is part of the amount (GUIDELINES section 6, batch 5)
        if fewest >= LONG_SLEEP_HOURS:
            added.append((i, end, "SYMPTOM", HYPERSOMNIA))
        elif most <= SHORT_SLEEP_HOURS:
            added.append((i, end, "SYMPTOM", INSOMNIA))
    for i in _positions(words, _HOUR_GATE.intersection(gate_hits(words))):
        # "3 to 5 hours sleep", "4 hours of sleep": the amount before the noun
        after = i + 1 + (1 if i + 1 < n and words[i + 1] == "of" else 0)
        if after >= n or words[after] != "sleep" or i < 1 or not words[i - 1].isdecimal():
            continue
        start = i - 1
        if start >= 2 and words[start - 1] in ("-", "to", "or") and words[start - 2].isdecimal():
            start -= 2
        hours = int(words[i - 1])
        if hours <= SHORT_SLEEP_HOURS:
            added.append((start, after + 1, "SYMPTOM", INSOMNIA))
    return replace_covered(spans, sorted(added)) if added else spans


# The trigger words of the weight and sleep rules (registered, so gate_hits keeps them).
_WEIGHT_GATE = gate(WEIGHT_TRIGGERS)
_SLEEP_GATE = gate(SLEEP_VERBS)
_HOUR_GATE = gate(HOUR_UNITS)


# Substances that are tests when a result follows them ("platelets came back 31", "my iron was 11", "cholesterol
# dropped to 150"), and medicines or nothing otherwise (GUIDELINES section 3: the role in the sentence decides).
# "smear" too: "my smear came back abnormal" is the smear test, "a smear of blood" or "i smear vaseline" no test.
# "thyroid" too: "[thyroid] fine", "checked my [iron] and [thyroid]" is its function tested; "could my thyroid be off",
# "check my thyroid", "my thyroid was checked" the gland (see _is_tested and add_analyte_tests).
ANALYTES = frozenset("platelets cholesterol potassium sodium calcium magnesium glucose iron b12 sugars sugar albumin "
                     "ferritin smear testosterone folate cortisol prolactin thyroid".split())
# The lexicon's test of an analyte, when the word alone is no test: "<word> count", "<word> level", ...
_ANALYTE_TESTS = ("count", "level", "levels", "test")
BLOOD_SUGAR_TEST = "QATEXT:test/blood-sugar-test"
_RESULT_VERBS = frozenset("was were is are came come comes dropped drop rose went fell sits sat stays stayed".split())
_RESULT_FILLERS = frozenset("at to in the still only a bit very really so around about also".split())
_TAKING_VERBS = frozenset("take takes taking took started start added add".split())
_TAKING = _TAKING_VERBS | frozenset("on with of some".split())
DOSE_UNITS = frozenset("mg mcg ug g iu units unit ml mgs".split())
# A verdict written right after the analyte, in a list of results: "folate fine, MCV high", "testosterone high".
_BARE_RESULTS = frozenset("high low normal elevated raised fine ok okay borderline deficient".split())
_RESULT_WORDS = frozenset("back high low normal elevated up down fine ok okay good great borderline checked tested "
                          "measured".split())


def add_analyte_results(doc: Doc, words: list[str], spans: Spans, *, lookup: Lookup) -> Spans:
    """"platelets came back 31", "my iron was 11", "my [vitamin D] was 19": a substance with its result is the TEST of
    it (rule 9: the value stays outside). A longer span holding the word ("iron pills") keeps it."""
    n = len(words)
    by_start = covered = test_ends = None  # built at the first analyte
    changed: dict[int, tuple] = {}
    added = []
    for i in _positions(words, _ANALYTE_GATE.intersection(gate_hits(words))):
        e = _analyte_end(words, i)
        if e is None or words[i] == "thyroid" and "of" in words[max(0, i - 2):i]:
            continue  # "the ultrasound of my thyroid came back U3": the gland scanned
        j = _list_end(words, e)  # "my B12 and iron were checked": the result is of both
        if covered is None:
            by_start = {span[0]: k for k, span in enumerate(spans)}
            covered = covered_tokens(spans, min_length=2)
            test_ends = {span[1] for span in spans if span[2] == "TEST"}
        # a two-word analyte is a span of its own ("vitamin D", a DRUG); any other span over it keeps it
        inside = i in covered and not (e - i > 1 and i in by_start and spans[by_start[i]][1] == e)
        if _is_tested(words, i, e, test_ends):  # "the GP checked HbA1c, [B12] and thyroid function"
            concept = _analyte_test(" ".join(words[i:e]), lookup)
            if concept is not None and not inside:
                test_ends.add(e)
                if i in by_start:
                    if spans[by_start[i]][2] != "TEST":
                        changed[by_start[i]] = (i, e, "TEST", concept)
                else:
                    added.append((i, e, "TEST", concept))
            continue
        if j >= n or i >= 1 and words[i - 1] in _TAKING_VERBS:
            # "can you check my b12 and iron": the list ends the text, no result follows; "I took vitamin D and B12
            # was checked": what is taken is the supplement (round 40)
            continue
        if words[j] in _RESULT_VERBS:
            j += 1
            while j < n and j - e <= 3 and words[j] in _RESULT_FILLERS:
                j += 1
        elif words[j] == "at" and j + 1 < n and not (i >= 1 and words[i - 1] in _TAKING) \
                and _DECIMAL.fullmatch(words[j + 1]):
            j += 1  # "found my [magnesium] at 1.1" (round 38); "magnesium at 8 every night" is when it is taken
        elif words[j] == "of" and j + 1 < n and _value_follows(doc, words, j + 1):
            j += 1  # (round 40) "a [B12] of 110"
        elif i >= 1 and words[i - 1] in _TAKING or not (
                _value_follows(doc, words, j) and (e - i == 1 or _level_sized(words, j)) or _verdict_follows(words, j)):
            continue  # "take magnesium 400 at night", "calcium 500 mg", "vit D 4000": a dose, not a result
        if not (j < n and (doc[j].like_num or words[j] in _RESULT_WORDS or words[j][:1].isdecimal())):
            continue
        if words[i] == "thyroid" and words[j] in _DONE_TESTS:
            continue  # "my thyroid was checked": the organ, as "check my thyroid" (round 25a); "thyroid normal" a result
        if inside or j + 1 < n and words[j + 1] in DOSE_UNITS or e - i > 1 and words[j] in _PRAISE:
            continue  # (round 40) "my vitamin D is 2000 IU", "vitamin D was great for my mood": the supplement
        concept = _analyte_test(" ".join(words[i:e]), lookup)
        if concept is None:
            continue
        span = (i, e, "TEST", concept)
        if i in by_start:
            if spans[by_start[i]][2] != "TEST":
                changed[by_start[i]] = span
        else:
            added.append(span)
    if not changed and not added:
        return spans
    return sorted([changed.get(k, s) for k, s in enumerate(spans)] + added)


def _list_end(words: list[str], e: int) -> int:
    """Past the analytes listed after the one ending at ``e``: "B12[ and iron] were checked"."""
    n = len(words)
    while e + 1 < n and words[e] in ("and", ",") and words[e + 1] in ANALYTES:
        e += 2
    return e


def _analyte_end(words: list[str], i: int) -> int | None:
    """Where the analyte starting at ``i`` ends: one word ("iron"), or a vitamin and its letter ("vitamin D")."""
    if words[i] in _VITAMIN_WORDS:
        return i + 2 if i + 1 < len(words) and words[i + 1] in _VITAMIN_LETTERS.get(words[i], ()) else None
    return i + 1


# (round 40) "my [vitamin D] was 19", "checked ferritin and [vitamin D]": a vitamin named with its letter is measured as
# the one-word analytes are (the gold makes it the TEST 16 times out of 16 in such frames)
_VITAMIN_LETTERS = {"vitamin": frozenset({"d", "b12"}), "vit": frozenset({"d"})}  # those with a lexicon test
_VITAMIN_WORDS = frozenset(_VITAMIN_LETTERS)
# Verdicts on a supplement, not on a level: "vitamin D was great for my mood" ("vitamin D was fine" is a result)
_PRAISE = frozenset("good great amazing brilliant".split())
_ANALYTE_GATE = gate(ANALYTES, _VITAMIN_WORDS)
_DECIMAL = re.compile(r"\d+\.\d+")  # a level ("1.1"), not an hour ("at 8")
_TEST_VERBS = frozenset("checked check checking tested test testing measured measure "
                        "checks tests measures monitor monitors monitored monitoring".split())
# What changes an analyte's level in the body: "lower my B12", "deplete your magnesium".
_LEVEL_VERBS = frozenset("lower lowers lowered lowering raise raises raised raising deplete depletes depleted "
                         "depleting affect affects affected".split())
_PASSIVE_LINKS = frozenset("get gets got getting be been being was were is are also all regularly".split())
_LIST_ENDS = frozenset("and or level levels all were was came to now be get gets got "
                       # when it is tested, after it: "checks my magnesium and [B12] once a year" (round 38)
                       "once twice every regularly again yearly monthly annually today tomorrow too".split())


_AFTER_A_LEVEL = frozenset({"and", "but", "now", "which", "so"}) | frozenset("ng nmol pmol pg mmol umol µmol".split())


def _level_sized(words: list[str], j: int) -> bool:
    """(batch 101) A vitamin's bare number at ``j`` is its level when a dose could not be that small or that exact and
    no count of what is taken follows: "reports: vitamin D 9.4, B12 160", "vitamin D 14 ng/mL"; "vit D
    4000", "vitamin D 60000", "vitamin D 1 sachet weekly" are doses."""
    try:
        value = float(words[j].replace(",", ""))
    except ValueError:
        return False
    after = words[j + 1] if j + 1 < len(words) else ""
    return (value < 200 or value != int(value)) and (not after.isalpha() or after in _AFTER_A_LEVEL)


def _value_follows(doc: Doc, words: list[str], j: int) -> bool:
    """"my iron was 11", "ferritin 8": a number that is no dose ("calcium 500 mg")."""
    return doc[j].like_num and not (j + 1 < len(words) and words[j + 1] in DOSE_UNITS)


def _verdict_follows(words: list[str], j: int) -> bool:
    """"folate fine, MCV high": a verdict word that ends its list item ("B12 high dose injections" is a product)."""
    after = words[j + 1] if j + 1 < len(words) else ""
    return words[j] in _BARE_RESULTS and (not after.isalpha() or after in _AFTER_VERDICT)


# What may follow a verdict in a list of results: the next item or the end of the clause.
_AFTER_VERDICT = frozenset("and but so too again now though tho as since which while".split())


def _analyte_test(analyte: str, lookup: Lookup):
    """The lexicon's test of an analyte ("b12 level", "vitamin d level"), or None."""
    if analyte in ("sugar", "sugars"):
        return BLOOD_SUGAR_TEST
    return next((found[1] for head in _ANALYTE_TESTS if (found := lookup(f"{analyte} {head}")) and found[0] == "TEST"),
                None)


def _is_tested(words: list[str], i: int, e: int, test_ends: set[int]) -> bool:
    """The analyte ``words[i:e]`` is what a test verb names ("tested my b12"), or an item of a list of tests ("HbA1c,
    B12 and thyroid function")."""
    nxt = words[e] if e < len(words) else ""
    if nxt == "to" and words[e + 1:e + 2] == ["be"] and words[e + 2:e + 3] and words[e + 2] in _TEST_VERBS:
        return True  # "ask for B12 to be checked"
    before = words[i - 1] if i else ""
    if before in _SHOWING and nxt in _SHOWN_AS and not _TESTING_SUBJECTS.isdisjoint(words[max(0, i - 4):i - 1]):
        return True  # (round 45) "bloods showed [B12] at the low end of normal" ("I found iron was helping": a supplement)
    if nxt.isalpha() and nxt not in _LIST_ENDS and nxt not in _DONE_TESTS:
        return False  # "check my sugar intake": the word describes another noun
    # a gland is no level, and "check my thyroid" names the organ (round 25a): the thyroid is tested only in a list
    # of tests or with its result ("checked my [iron] and [thyroid]", "[thyroid] normal")
    gland = words[i] == "thyroid"
    if not gland and (before in _TEST_VERBS or before in _LEVEL_VERBS or (
            (before in POSSESSIVES or before == "the") and i >= 2 and (
            words[i - 2] in _TEST_VERBS or words[i - 2] in _LEVEL_VERBS))):
        return True  # "checked my iron", "could the omeprazole lower my B12?" (its level)
    if before in (",", "and") and i - 1 in test_ends:
        return True
    if before in _LEVEL_WORDS and i >= 2 and (words[i - 2] in _SHOWING or words[i - 2] in ("a", "an")
                                               and i >= 3 and words[i - 3] in _SHOWING):
        return True  # (round 44) "my bloods showed a high [testosterone]", "it found low [ferritin]"
    if before in _DOING and nxt in (",", "and") and i >= 2 and words[i - 2] in _TESTERS:
        return True  # (round 44) "the GP did [testosterone], HbA1c and cholesterol"; "I did testosterone, HCG" is a cycle
    return before not in _TAKING and not gland and _checked_after(words, i, e)


_LEVEL_WORDS = frozenset("high low raised elevated".split())
_SHOWING = frozenset("showed shows show found".split())
_SHOWN_AS = frozenset("at of was is low high".split())
_TESTING_SUBJECTS = frozenset("bloods blood results result tests test gp they labs lab".split())
_DOING = frozenset("did ran".split())
_TESTERS = frozenset("gp doctor doc dr nurse they lab consultant endo endocrinologist hospital clinic".split())


def _checked_after(words: list[str], i: int, e: int) -> bool:
    """(round 40) "my [B12] and magnesium get checked", "should my ferritin and [vitamin D] be checked": a test verb
    after the analyte (or after the list it opens) in the passive; or a test had done: "he wants my [magnesium] and
    B12 checked", "get your [iron] tested"."""
    n = len(words)
    k = _list_end(words, e)
    if k < n and words[k] in _DONE_TESTS and i >= 2 and words[i - 1] in POSSESSIVES and words[i - 2] in _HAVING_DONE:
        return True
    while k < n and k - e <= 4 and words[k] in _PASSIVE_LINKS:
        k += 1
    return k < n and words[k] in _TEST_VERBS and words[k - 1] in _PASSIVE_LINKS


# a test someone has done or wants done: "wants my B12 checked", "get your iron tested", "had her ferritin measured"
_DONE_TESTS = frozenset("checked rechecked tested retested measured monitored".split())
_HAVING_DONE = frozenset("want wants wanted wanting have has had having get gets got getting need needs needed "
                         "like".split())


# "get up 5 times a night to pee", "wake up 3x a night to urinate": the function is a complaint through its rate.
NOCTURIA = "HP:0000017"
POLYDIPSIA = "HP:0001959"
_VOIDING = frozenset({"pee", "urinate", "wee", "piss"})
# Rising at night to drink is thirst told by its rate as rising to pee is nocturia: "[waking 3 times a night to drink]"
_NIGHT_NEEDS = {**dict.fromkeys(_VOIDING | {"pass"}, NOCTURIA), "drink": POLYDIPSIA}
_RISING = frozenset({"get", "gets", "getting", "got", "wake", "wakes", "waking", "woke", "up"})
_WAKING = frozenset({"wake", "wakes", "waking", "woke"})  # a night rise without "up": "[waking 3 times a night to pee]"


def add_night_voiding(doc: Doc, words: list[str], spans: Spans, *, needs: frozenset[str] | None = None) -> Spans:
    """"gets up 5 times a night to pee" is one SYMPTOM (GUIDELINES rule 10: the body function defines it); with
    ``needs`` the other needs that wake a person ("[waking 3 times a night to drink]", from lay_change_events)."""
    added = []
    hits = (needs or _VOIDING_GATE).intersection(gate_hits(words))
    # (the "to" before the need, the need's end, its concept)
    verbs = [(i - 1, i + 1, _NIGHT_NEEDS[words[i]]) for i in _positions(words, hits - {"pass"} - _TOILETS)
             if i >= 1 and words[i - 1] == "to"]
    if "pass" in hits:  # "[gets up 4 or 5 times in the night to pass water]"
        verbs += [(i - 1, i + 2, NOCTURIA) for i in _positions(words, {"pass"})
                  if i >= 1 and words[i - 1] == "to" and words[i + 1:i + 2] in (["water"], ["urine"])]
    if not _TOILETS.isdisjoint(hits):  # (round 40) "[up three times every night for the toilet]"
        verbs += [(i - 2, i + 1, NOCTURIA) for i in _positions(words, hits & _TOILETS)
                  if i >= 2 and words[i - 1] == "the" and words[i - 2] in ("for", "to")]
    for j, verb_end, concept in verbs:
        # back from "to" ("for the toilet"): "a night" / "at night" / "every night", "N times", "(get|wake) up"
        window = words[max(0, j - 8):j]
        if "night" not in window:
            continue
        if "up" in window:
            start = max(0, j - 8) + window.index("up")
            if start >= 1 and words[start - 1] in _RISING:
                start -= 1
            between = words[start + 2:j]
        else:
            rise = next((k for k in range(len(window) - 1, -1, -1) if window[k] in _WAKING), None)
            if rise is None:
                continue
            start = max(0, j - 8) + rise
            between = words[start + 1:j]
        if between and between[-1] == "night" and ("times" in between or "x" in between or "twice" in between
                                                   or any(w.endswith("x") and w[:-1].isdecimal() for w in between)):
            added.append((start, verb_end, "SYMPTOM", concept))
    return replace_covered(spans, added) if added else spans


_TOILETS = frozenset({"toilet", "loo", "bathroom"})
_VOIDING_GATE = gate(_VOIDING | {"pass"} | _TOILETS)
DRINKING_GATE = gate({"drink"})  # (not in the voiding gate: "drink" would open the described phrases of most docs)

# A function that is a complaint only through its rate (GUIDELINES section 6, batch 5): "peeing 14 times a day",
# "weeing every half hour", "pooping 6x a day". Words that are complaints on their own ("diarrhea 9x a day") keep
# the rate outside (rule 10), so only the plain functions are here.
RATED_FUNCTIONS = {**dict.fromkeys("pee peeing pees peed wee weeing wees weed urinate urinating urinates".split(), "HP:0100515"),
                   **dict.fromkeys("poop pooping poops pooped poo pooing".split(), "HP:0002014")}
_RATE_UNITS = frozenset("hour hours hr hrs minutes minute mins min day days night nights".split())
_TIMES = frozenset({"times", "x"})
_PER_UNIT = frozenset({"a", "per", "each", "every", "an"})
_GLUED_TIMES = re.compile(r"\d+x$")
_VOLUME_UNITS = frozenset("litres liters litre liter l pints pint gallons gallon".split())
_GLUED_VOLUME = re.compile(r"\d+(?:\.\d+)?(?:l|litres?|liters?)$")


_RATE_HEDGES = frozenset({"like", "about", "around", "maybe", "literally", "roughly", "approx"})


def _rate_end(words: list[str], j: int) -> int | None:
    """The end of a rate that starts at ``j``: "every half hour", "every 20 minutes", "14 times a day", "6x a day"."""
    n = len(words)
    if j + 1 < n and words[j] in _RATE_HEDGES and words[j + 1][:1].isdecimal():
        j += 1  # "peeing [like] 20 times a day", "[about] 10 times a night"
    if j < n and words[j] == "every":
        k = j + 1
        if k < n and (words[k] in ("half", "few", "couple", "other") or _is_number(words[k])):
            k += 1
        k += k < n and words[k] == "of"  # "every couple of hours"
        return k + 1 if k < n and words[k] in _RATE_UNITS else None
    k = j
    if k < n and _GLUED_TIMES.match(words[k]):
        k += 1
    elif k + 1 < n and _is_number(words[k]) and words[k + 1] in _TIMES:
        k += 2
    elif k < n and _GLUED_VOLUME.match(words[k]):
        k += 1  # "peeing [5l a day]"
    elif k + 1 < n and _is_number(words[k]) and words[k + 1] in _VOLUME_UNITS:
        k += 2  # a volume for a time is a rate too: "peeing [5 litres a day]" (polyuria)
    else:
        return None
    if k + 1 < n and words[k] in _PER_UNIT and words[k + 1] in _RATE_UNITS:
        return k + 2
    return None


def add_function_rates(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"peeing 14 times a day", "weeing every half hour": the function with its rate is one SYMPTOM."""
    added = []
    for i in _positions(words, _RATED_GATE.intersection(gate_hits(words))):
        if words[i] == "weed" and i and words[i - 1] in _NOT_VOIDING_BEFORE_WEED:
            continue  # "smoking [weed] every night", "some weed": the drug, not "wee'd"
        end = _rate_end(words, i + 1)
        if end is not None:
            added.append((i, end, "SYMPTOM", RATED_FUNCTIONS[words[i]]))
    return replace_covered(spans, added) if added else spans


_RATED_GATE = gate(RATED_FUNCTIONS)
_NOT_VOIDING_BEFORE_WEED = frozenset("smoke smokes smoking smoked smoker smokers vape vaping some the of more less "
                                     "any no on want wants wanted need needs needed use using used take taking took "
                                     "buy bought quit stop stopped and or".split())
_NIGHT_GATE = gate({"night"})  # "up 5 times a night to pee" needs a voiding word and this

# A body measurement read off with its value is the TEST of it, the value outside (GUIDELINES, batch entries on
# weight and temperature): "[weight] up 3kg in 5 days", "my [weight] has dropped from 68 to 61kg", "[temp] 38.6",
# "my [temperature] keeps reading 35.4". "a temperature of 38" stays the complaint (a fever), and "weight gain".
WEIGHT_MEASUREMENT = "QATEXT:test/weight-measurement"
TEMPERATURE_MEASUREMENT = "QATEXT:test/temperature-measurement"
MEASURED = {"weight": WEIGHT_MEASUREMENT, **{word: TEMPERATURE_MEASUREMENT for word in TEMPS}}
# What may stand between the measurement and its value: a copula, a change, a reading verb, a list's colon.
_READING_WORDS = frozenset("is was 's s has had have been keeps kept reads reading read back now still up down "
                           "dropped drop fallen fell risen rose gone went jumped hit from to at around about :".split())
_MEASURED_GATE = gate(MEASURED)
_READING_CHANGES = frozenset("dropped drop fallen fell risen rose gone went jumped".split())
_NORMAL_READINGS = frozenset("normal fine ok okay".split())
# A person's own measurement: after a possessive, or opening a clause or a list item ("27F. temp 38.6", "Weight:
# 118kg"). "the temperature was 21" (a room's), "room temp", "a temperature of 38" (a fever) are not.
_READING_OPENERS = POSSESSIVES | frozenset(". , ; : ( - ! ?".split()) | {"\n", ""}
# After the value: what makes the number something else ("temp 3 days a week" the job, "10 kg heavier" a change).
_NOT_AFTER_VALUE = frozenset("days day weeks week months hours shifts times heavier lighter more less".split())


def add_measured_values(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"[weight] up 12 lbs", "[temp] 38.6": a person's weight or temperature followed by its reading is the TEST; a
    weight change drawn from the reading's "up 12 lbs" goes (the reading is no complaint told by its amount)."""
    found = [reading for name_at in _positions(words, _MEASURED_GATE.intersection(gate_hits(words)))
             if (reading := _reading(doc, words, name_at)) is not None]
    if not found:
        return spans
    names = {name_at for name_at, _end in found}
    gaps = {at for name_at, value_end in found for at in range(name_at + 1, value_end + 1)}
    kept = []
    for span in spans:
        start, end, label, concept = span
        if start in names and label == "SYMPTOM" and all(words[k] in _READING_WORDS for k in range(start + 1, end)):
            continue  # "weight has dropped" (from 68 to 61kg): the reading's words, no complaint
        if label == "SYMPTOM" and concept in (WEIGHT_GAIN, WEIGHT_LOSS) and start in gaps:
            continue  # "weight up [12 lbs]"
        kept.append(span)
    taken = covered_tokens(kept)
    added = [(name_at, name_at + 1, "TEST", MEASURED[words[name_at]])
             for name_at, _end in found if name_at not in taken]
    return sorted(kept + added) if added or len(kept) != len(spans) else spans


def _reading(doc: Doc, words: list[str], name_at: int) -> tuple[int, int] | None:
    """(where the measurement's name is, where its value ends) when a reading follows the name, else None."""
    n = len(words)
    if name_at and words[name_at - 1] not in _READING_OPENERS:
        return None
    value_at = name_at + 1
    while value_at < n and value_at - name_at <= 5 and words[value_at] in _READING_WORDS:
        value_at += 1
    between = words[name_at + 1:value_at]
    if not _READING_CHANGES.isdisjoint(between) and "from" not in between:
        return None  # "my weight went up 3 kilos": a change told with its amount, the complaint (not "dropped from 68")
    if value_at >= n or value_at - name_at > 5:
        return None
    if words[value_at] in _NORMAL_READINGS:
        return name_at, value_at  # "temp normal", "temp was normal"
    if not (doc[value_at].like_num or words[value_at][:1].isdecimal()):
        return None
    end = value_at + 1 if value_at + 1 < n and words[value_at + 1] in WEIGHT_UNITS else value_at
    if end + 1 < n and words[end + 1] in _NOT_AFTER_VALUE:
        return None
    if end + 2 < n and words[end + 1] == "," and words[end + 2] in ("up", "down"):
        end += 2  # "weight 118kg, up 20kg in 3 years": the change of the same reading
    return name_at, end
