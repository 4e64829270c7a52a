"""Bare symptom words in figures of speech (issue 11 class 8): "itching to get back on the pitch", "my boss
is being a pain about time off", "what a headache this company is", "a stroke of luck", "fall on deaf ears",
"he'll grow out of it".

Each figure is a frame of word classes around the symptom word, not a list of phrases:

* eagerness: an itch, ache or burn *to do* something ("itching to", "dying to", "aching to") is a wish;
  "to" followed by a determiner ("burning to the touch", "itching to the point of bleeding") stays a symptom;
* nuisance: "a pain/headache/nightmare about ..." and "what a headache <subject> is": a person or thing
  judged as a bother (the complementary frames, "a pain to deal with", are in ``lay_rules.drop_figurative``);
* "a stroke of <luck word>": chance (or the clock's "stroke of midnight"), not a stroke;
* "deaf ear(s)" after "on" or "turn": nobody listening;
* "out of it" after a verb of growing: a child leaving a phase behind;
* "is a pain in the neck" (and its ruder relatives) after a copula and an article: a nuisance, whatever words
  the location rules took with "pain" ("i have a pain in the neck" stays);
* "<copula> a/one (big) nightmare|headache" closing its clause ("every feed is a nightmare 😩", "work has been
  one big headache lately");
* hyperbole: "nearly gave me a heart attack";
* "cabin fever", "election fever": a craze, not a temperature; "cold feet about/over": second thoughts.

Spans are ``(start, end, label, concept_id)`` token ranges; ``words`` are the doc's lower-cased tokens. The
recognizer should call :func:`drop_figures` after the span rules (a hook next to ``lay_rules.drop_figurative``)
when :data:`FIGURE_WORDS` meets the doc's words.
"""
from __future__ import annotations

Spans = list[tuple[int, int, str, str]]
_PROBLEM = frozenset({"SYMPTOM", "DISEASE"})

# A symptom word that, followed by "to <verb>", says the writer longs to do something.
EAGER_WORDS = frozenset("itching itchin itchy dying aching burning bursting".split())
# After "to": a determiner or possessive starts a noun phrase ("burning to the touch", "aching to my bones"), a
# number a measure ("itching to 10/10"): the symptom is real.
_NOUN_STARTS = frozenset("the a an my his her their our your its this that these those some every all point "
                         "touch bone bones core".split())
NUISANCE_WORDS = frozenset({"pain", "headache", "nightmare", "nuisance"})
# "a pain about time off", "a headache for the whole team", "a nightmare with the paperwork".
# Not "over" ("a headache over my left eye"), and not "about" before an amount of time ("a headache about an hour
# after taking it").
NUISANCE_PREPOSITIONS = frozenset({"about", "regarding"})
TIME_UNITS = frozenset("hour hours hr hrs minute minutes min mins day days week weeks month months year years".split())
_ARTICLE = frozenset({"a", "such"})
_INTENSIFIERS = frozenset("total real complete huge absolute major big right proper".split())
_COPULAS = frozenset("is was are were 's be".split())
STROKE_LUCK = frozenset("luck genius fortune brilliance inspiration serendipity bad good midnight".split())
DEAF_BEFORE = frozenset("on turn turned turns turning".split())
GROWING = frozenset("grow grows grew grown growing outgrow".split())
_EAR = frozenset({"ear", "ears"})

# "a pain in the neck": the idiom's places (the located-complaint rules take them into the span).
NUISANCE_PLACES = frozenset("neck ass arse butt bum backside rear".split())
# Words that may close a nuisance's clause: "is a nightmare lately", "a headache tbh".
CLAUSE_CLOSERS = frozenset("lately tbh honestly though tho lol too again already atm rn right now".split())
_ONE = frozenset({"one"})
HEDGES = frozenset("nearly almost practically literally".split())
GIVING = frozenset("gave give gives giving given".split())
_OBJECTS = frozenset("me him her us you them everyone".split())
# Crazes named "<thing> fever": a bare "fever" after these nouns is a mood of the season, not a temperature.
CRAZES = frozenset("cabin spring summer christmas xmas election football soccer baseball playoff playoffs wedding "
                   "shopping gold bieber".split())
SECOND_THOUGHTS = frozenset({"about", "over"})

FIGURE_WORDS = EAGER_WORDS | NUISANCE_WORDS | {"stroke", "deaf", "out", "heart", "fever", "feet"}


def drop_figures(doc, words: list[str], spans: Spans) -> Spans:
    """``spans`` without the SYMPTOM/DISEASE spans that are figures of speech (the module doc's frames)."""
    if FIGURE_WORDS.isdisjoint(words):
        return spans
    n = len(words)
    return [span for span in spans if not (span[2] in _PROBLEM and _is_figure(words, span[0], span[1], n))]


def _is_figure(words: list[str], start: int, end: int, n: int) -> bool:
    while end - start > 1 and words[start] in _INTENSIFIERS:
        start += 1  # "one big headache" after the severity rule took "big" in
    first, last = words[start], words[end - 1]
    after = words[end] if end < n else ""
    if first in NUISANCE_WORDS and end - start > 1 and words[start + 1:end - 1] == ["in", "the"] \
            and last in NUISANCE_PLACES:
        j = start - 1 if start >= 1 and words[start - 1] not in _INTENSIFIERS else start - 2
        # someone or something *is* one ("my boss is a pain in the neck"); "i have a pain in the neck" is a pain
        return j >= 1 and words[j] in _ARTICLE and words[j - 1] in _COPULAS | {"been", "being"}
    if first in NUISANCE_WORDS and end - start == 1 and start >= 2:
        j = start - 1
        while j >= 1 and words[j] in _INTENSIFIERS:
            j -= 1
        if words[j] in _ARTICLE | _ONE and words[j - 1] in _COPULAS | {"been", "being"} \
                and (not after or not after.isalnum() or after in CLAUSE_CLOSERS):
            return True  # "every feed is a nightmare 😩", "has been one big headache lately"
    if words[start:end] == ["heart", "attack"] and start >= 2 and words[start - 1] == "a":
        j = start - 2
        if words[j] in _OBJECTS:
            j -= 1
        if j >= 1 and words[j] in GIVING and words[j - 1] in HEDGES:
            return True  # "nearly gave me a heart attack"
    if first == "fever" and end - start == 1 and start >= 1 and words[start - 1] in CRAZES:
        return True
    if words[start:end] == ["cold", "feet"] and after in SECOND_THOUGHTS:
        return True
    if end - start == 1 and first in EAGER_WORDS and after == "to" and end + 1 < n:
        following = words[end + 1]
        return following.isalpha() and following not in _NOUN_STARTS
    if end - start == 1 and first in NUISANCE_WORDS:
        j = start - 1
        if j >= 0 and words[j] in _INTENSIFIERS:
            j -= 1  # "a total headache about"
        if j < 0 or words[j] not in _ARTICLE:
            return False
        if after in NUISANCE_PREPOSITIONS:
            amount = words[end + 1:end + 3] + ["", ""]
            return not (amount[0][:1].isdigit() or amount[0] in ("a", "an", "half", "an") and amount[1] in TIME_UNITS)
        # "what a headache this company is": the exclamation's subject and copula follow the noun
        if j >= 1 and words[j - 1] == "what":
            return any(w in _COPULAS for w in words[end + 1:end + 5]) and after in ("this", "that", "these", "those",
                                                                                  "the", "my", "our", "your", "his",
                                                                                  "her", "their")
        return False
    if first == "stroke" and end - start == 1 and after == "of" and end + 1 < n and words[end + 1] in STROKE_LUCK:
        return True
    if first == "deaf" and last in _EAR and start >= 1 and (words[start - 1] in DEAF_BEFORE
                                                           or words[start - 1] == "a" and start >= 2
                                                           and words[start - 2] in DEAF_BEFORE):
        return True  # "fall on deaf ears", "turned a deaf ear"
    if words[start:end] == ["out", "of", "it"] and start >= 1 and words[start - 1] in GROWING:
        return True
    return False
