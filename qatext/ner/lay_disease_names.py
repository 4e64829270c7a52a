"""A measure or an organ named for its disease (GUIDELINES rule 13, community shorthand): "my mother is suffering from
[sugar] and [BP]", "she has osteoporosis and [BP]", "my sister also has [thyroid]", "metformin for [sugar]", "a water
pill for my [blood pressure]" (:func:`relabel_treated_pressure`).

Patients, in South Asian English above all, call hypertension "BP", diabetes "sugar" and a thyroid disorder
"thyroid". The word is the disease only where a disease would stand: after "suffering from", "has", "patient of" or
"for", or beside another disease in a list; and with nothing after it that makes it the measure, the food or the
organ ("my [BP] is 150/90", "my blood sugar", "tea with sugar", "thyroid function"). A clause that tests it ("they
checked BP and sugar") names the measures.
"""
from __future__ import annotations

from spacy.tokens import Doc

from qatext.ner.span_rules import Spans, word_positions

HYPERTENSION = "HP:0000822"
DIABETES = "HP:0000819"
THYROID_DISEASE = "QATEXT:mesh/thyroid-diseases"
_DISEASES = {"bp": HYPERTENSION, "sugar": DIABETES, "thyroid": THYROID_DISEASE}
WORDS = frozenset(_DISEASES)
# What a disease stands after: "has BP", "a patient of BP", "history of thyroid", "tablets for BP".
_HAVING = frozenset("has have had having".split())
_HAVING_THE = _HAVING | {"got"}
_SUFFERING = frozenset("suffering suffers suffered suffer".split())
_OF_WHOM = frozenset("patient history case".split())
# What may follow the disease name: the end of a clause or list, a time, "patient", "not controlled".
_AFTER = frozenset(". , ; : ? ! ( - and from since for too also patient not".split()) | {"\n", ""}
_TIMES = frozenset({"from", "since", "for"})
_SUGAR_HOLDERS = frozenset("he she mum mom mother dad father nan nani nana gran grandma grandmother grandfather "
                           "grandpa granny aunt uncle brother sister husband wife".split())
_SUGAR_ALONE = frozenset(". ! ? ;".split()) | {"\n", ""}
_LISTED = frozenset({"and", ","})
_TESTING = frozenset("check checks checked checking test tests tested testing measure measured measuring monitor "
                     "monitoring screened screening bloods bloodwork labs".split())
_LONG_SPANS = frozenset("years yrs year months month".split())
_MEASURE_LINKS = frozenset("is was are has remains stays".split())
_CLAUSE_REACH = 6  # words back in which a test verb makes the word a measure


def add_disease_names(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """``spans`` with "BP", "sugar" and "thyroid" made the disease where the frame says it is one."""
    by_start = {span[0]: k for k, span in enumerate(spans)}
    disease_ends = {span[1] for span in spans if span[2] == "DISEASE"}
    drug_starts = {span[0] for span in spans if span[2] == "DRUG"}
    out = list(spans)
    added = []
    for i in word_positions(words, WORDS):
        if not _TESTING.isdisjoint(words[max(0, i - _CLAUSE_REACH):i]) \
                or not _names_disease(words, i, disease_ends, drug_starts):
            continue
        disease = (i, i + 1, "DISEASE", _DISEASES[words[i]])
        disease_ends.add(i + 1)  # "sugar and [BP]": the next item of the list sees this one
        k = by_start.get(i)
        if k is not None:
            if spans[k][1] == i + 1:
                out[k] = disease  # the TEST "BP", the ANATOMY "thyroid"
        elif not any(s[0] < i + 1 and i < s[1] for s in spans):
            added.append(disease)
    if not added and out == spans:
        return spans
    return sorted(out + added)


_WANTING_FOOD = frozenset("craving cravings crave craves craved hunger hungry appetite desire urge urges longing "
                          "substitute substitutes swap alternative alternatives replacement tooth".split())
_LIFE_VERBS = frozenset("lost had has takes took is was died got gets needs uses".split())


def _a_verb_follows(words: list[str], k: int) -> bool:
    """"my nan had sugar and [lost] her eyesight": the clause goes on with what the person did, not a second food."""
    return k < len(words) and (words[k] in _LIFE_VERBS or words[k].endswith("ed"))


def _names_disease(words: list[str], i: int, disease_ends: set[int], drug_starts: set[int]) -> bool:
    """Whether the frame around ``words[i]`` is one a disease stands in."""
    before = words[i - 1] if i else ""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if nxt == "taking" and i + 2 in drug_starts and (before in _LISTED or before in _HAVING or before in ("", ".", "\n")):
        return True  # (round 40) "thyroid problem taking Thyronorm and [BP] taking Amlong 5": the disease it is taken for
    if nxt not in _AFTER:
        return False  # "my BP is 150/90", "sugar levels", "thyroid function"
    if nxt == "since" and (before in _LISTED or before in _HAVING) and _had_for_years(words, i):
        return True
    if nxt == "not":
        return before in ("", ".", "\n")  # "BP not controlled on 3 tablets" opens its sentence
    if nxt == "patient":
        return True  # "a BP patient", "sugar patient"
    if before in _LISTED:
        return i - 1 in disease_ends  # "osteoporosis and [BP]", "sugar and [BP]"
    if before == "from":
        return i >= 2 and words[i - 2] in _SUFFERING  # "suffering from sugar"; "energy from sugar" is the food
    if before == "of":
        return i >= 2 and (words[i - 2] in _OF_WHOM or _had_a_touch(words, i))
    if before == "the" and words[i] == "sugar":
        # "Mama has the [sugar] too" (batch 89); "I got the sugar, eggs and flour", "has the sugar and butter" are food
        # ("have you got the sugar?" asks for the food)
        return i >= 3 and words[i - 2] in _HAVING_THE and words[i - 3] not in ("you", "u") and nxt != "?" and (
            nxt in _SUGAR_ALONE or nxt in ("too", "also") or nxt == "and" and _a_verb_follows(words, i + 2))
    if before == "for":
        # "metformin for sugar", "tablets for BP" (a test verb before has ruled out "checked for"); "a craving for
        # sugar", "a substitute for sugar" are the food
        return words[i] != "sugar" or i < 2 or words[i - 2] not in _WANTING_FOOD
    if before in _HAVING:
        # "has BP", "my sister also has thyroid"; sugar is had as a disease only with its time or with BP ("has sugar
        # since 2015", "I have sugar and BP"), or by a person who has it said alone (round 26a: "my nan had sugar.",
        # "she has sugar and takes insulin"): "i had sugar too", "the cake has sugar and butter" are the food
        return words[i] != "sugar" or nxt in _TIMES or nxt == "and" and words[i + 2:i + 3] == ["bp"] \
            or _a_person_has_sugar(words, i, nxt)
    return False


def _had_a_touch(words: list[str], i: int) -> bool:
    """ "I got a touch of [sugar]", "she has a touch of [sugar]": how older Americans name their diabetes (batch 89);
    "season with a touch of sugar" is the food."""
    return words[i] == "sugar" and i >= 4 and words[i - 3:i - 1] == ["a", "touch"] and words[i - 4] in _HAVING_THE


def _had_for_years(words: list[str], i: int) -> bool:
    """(round 40) "having sugar since 8 years and [BP] since 5 years": "since" and a count of years or months after the
    word, and no verb of a reading after that ("my BP since 3 months is 160/100" is the measure)."""
    count, unit, then = (words[i + 2:i + 5] + ["", "", ""])[:3]
    return count.isdecimal() and unit in _LONG_SPANS and then not in _MEASURE_LINKS


def _a_person_has_sugar(words: list[str], i: int, nxt: str) -> bool:
    return i >= 2 and words[i - 2] in _SUGAR_HOLDERS and (
        nxt in _SUGAR_ALONE or nxt == "and" and _a_verb_follows(words, i + 2))


# "amlodipine for my blood pressure", "a water pill for BP": the pressure a medicine is taken for is the disease,
# high blood pressure (GUIDELINES section 6, batch 34's "BP" as a disease), where the measure is read ("my BP of
# 165/100", "for my blood pressure check", "a reading for my BP") is the test.
_PRESSURE_WORDS = (("blood", "pressure"), ("bp",))
_PRESSURE_OWNERS = frozenset("my his her their your the".split())
# Only a medicine says what the pressure is taken for: "take the bus for my blood pressure appointment" takes none.
_MEDICINES = frozenset("pill pills tablet tablets meds med medication medications medicine medicines".split())
_MEASURED = frozenset("of at reading readings check checks checked checkup monitor monitoring cuff machine numbers "
                      "number is was went goes has had appointment appointments review reviews test tests clinic "
                      "log".split())
_MEASURED_AFTER = _MEASURED | {"to"}  # "for my blood pressure to be checked"
# "[lisinopril] 10mg once a day for my blood pressure": a dose and how often it is taken may stand between
_TAKEN_FOR_REACH = 8


def relabel_treated_pressure(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"[ramipril] for my [blood pressure]": the TEST "blood pressure" (or "BP") a medicine is taken for is the DISEASE."""
    n = len(words)
    drug_ends = None
    out = None
    for k, (start, end, label, _concept) in enumerate(spans):
        if label != "TEST" or tuple(words[start:end]) not in _PRESSURE_WORDS:
            continue
        i = start - 2 if start >= 2 and words[start - 1] in _PRESSURE_OWNERS else start - 1
        if i < 0 or words[i] != "for" or end < n and (words[end] in _MEASURED_AFTER or words[end][:1].isdecimal()):
            continue
        reach = range(max(0, i - _TAKEN_FOR_REACH), i)
        if not _MEASURED.isdisjoint(words[j] for j in reach):
            continue  # "take a reading for my BP"
        if drug_ends is None:
            drug_ends = {s[1] for s in spans if s[2] == "DRUG"}
        if drug_ends.isdisjoint(j + 1 for j in reach) and _MEDICINES.isdisjoint(words[j] for j in reach):
            continue
        out = list(spans) if out is None else out
        out[k] = (start, end, "DISEASE", HYPERTENSION)
    return spans if out is None else out
