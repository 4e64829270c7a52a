"""A small token-pattern matcher for the lay descriptions patients give instead of a symptom name.

The lay modules (:mod:`qatext.ner.lay_intake`, :mod:`qatext.ner.lay_toilet`, :mod:`qatext.ner.lay_sight`,
:mod:`qatext.ner.lay_sleep`, :mod:`qatext.ner.lay_behaviour`) describe their phrases as short patterns of word
slots, so that each rule reads as the phrase it finds: ``"{CANT} keep ?{OWNER} {INTAKE} down"``.

A pattern is words separated by spaces; each word is a slot:

* ``a|b|c``: one of these alternatives; an alternative may be several tokens joined with ``_`` (``ca_nt``);
* a leading ``?``: the slot may be missing;
* ``{NAME}``: the alternatives of a named word class handed to :func:`compile_patterns`;
* ``#``: a number ("5", "30", "10x", "3:30am"), also inside an alternative (``every_#_minutes``).

Matching is greedy slot by slot (no backtracking): the patterns are short and their slots do not compete.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from qatext.ner.span_rules import Spans, word_positions, word_set

_NUMBER = re.compile(r"^\d+(?:[.:]\d+)?(?:x|am|pm|s)?$")
NUMBER = "#"
# Words a phrase never ends with: matched by an optional slot ("?or|and") whose next optional slot found nothing.
_DANGLING = frozenset({"and", "or", "nor", "&", ","})

# Word classes the modules share. spaCy splits "cant", "wont", "doesnt" into "ca nt", "wo nt", "does nt".
CANT = ("ca_nt|ca_n't|can_not|cannot|cant|could_nt|could_n't|could_not|couldnt|wo_nt|wo_n't|will_not|wont|"
        "ca_nt_even|ca_n't_even|could_nt_even|could_n't_even")
DONT = ("do_nt|do_n't|dont|does_nt|does_n't|doesnt|did_nt|did_n't|didnt|is_nt|is_n't|isnt|not|never|"
        "has_nt|has_n't|hasnt|have_nt|have_n't|havent|'s_not|'m_not|am_not|is_not|are_not|are_nt|are_n't|was_nt|was_n't")
# the first tokens of CANT, to tell a loss ("cant stop checking") from a habit told otherwise
CANT_FIRSTS = frozenset(a.split("_")[0] for a in CANT.split("|"))
OWNER = "my|his|her|their|your|our|the|a|an|its"


class Pattern(NamedTuple):
    slots: tuple  # per slot: (alternatives as token tuples, longest first, or NUMBER; optional)
    label: str
    concept: str
    # per later required slot, the words one of which its match must start with: a pattern whose words are not
    # all in the doc is not tried (most are not: "stop" is everywhere, "stop checking" is not)
    needs: tuple = ()


class Slot(NamedTuple):
    """One slot's alternatives by token count, longest first: ``(length, plain alternatives, alternatives
    with a number)``; a slot tries each length once (a set look-up), not each of its dozens of alternatives."""
    lengths: tuple
    optional: bool


def _slot(text: str, classes: dict[str, str]) -> tuple:
    optional = text.startswith("?")
    text = text.lstrip("?")
    if text == NUMBER:
        return NUMBER, optional
    if text.startswith("{") and text.endswith("}"):
        text = classes[text[1:-1]]
    alternatives = {tuple(a.split("_")) for a in text.split("|")}
    lengths = sorted({len(a) for a in alternatives}, reverse=True)
    return Slot(tuple((length, frozenset(a for a in alternatives if len(a) == length and NUMBER not in a),
                       tuple(a for a in alternatives if len(a) == length and NUMBER in a)) for length in lengths),
                optional)


class PatternIndex(dict):
    """Patterns by the first token of their first slot (:func:`compile_patterns`), with what :func:`find` tests
    before looking at a first word's patterns one by one."""

    def index_firsts(self) -> PatternIndex:
        """Computes ``first_needs`` from the patterns: call it after the last pattern is added."""
        # per first word, the words one of which every pattern's first later required slot starts with (None when
        # some pattern needs nothing): a doc with none of them has no viable pattern under that word
        self.first_needs = {first: None if any(not p.needs for p in patterns)
                            else frozenset().union(*(p.needs[0] for p in patterns))
                            for first, patterns in self.items()}
        # the first words as a set: a doc's word set meets it by walking the smaller of the two (a dict is walked whole)
        self.firsts = frozenset(self)
        return self


def compile_patterns(rows: list[tuple[str, str, str]], classes: dict[str, str] | None = None) -> PatternIndex:
    """``(pattern, label, concept)`` rows, indexed by the first token of their first slot (which may not be optional)."""
    classes = {"CANT": CANT, "DONT": DONT, "OWNER": OWNER, **(classes or {})}
    index = PatternIndex()
    for text, label, concept in rows:
        slots = tuple(_slot(s, classes) for s in text.split())
        first, optional = slots[0]
        assert first != NUMBER and not optional, text
        needs = tuple(frozenset(a[0] for _length, plain, numbered in slot for a in (*plain, *numbered))
                      for slot, optional in slots[1:] if slot != NUMBER and not optional)
        pattern = Pattern(slots, label, concept, tuple(need for need in needs if NUMBER not in need))
        for firsts in {a[0] for _length, plain, numbered in first for a in (*plain, *numbered)}:
            index.setdefault(firsts, []).append(pattern)
    return index.index_firsts()


def match(words: list[str], i: int, slots: tuple) -> int:
    """The end of ``slots`` matched from ``words[i]``, or -1."""
    start, n = i, len(words)
    for lengths, optional in slots:
        if lengths == NUMBER:
            if i < n and _NUMBER.match(words[i]):
                i += 1
                continue
        else:
            for length, plain, numbered in lengths:
                here = words[i:i + length]
                if tuple(here) in plain or numbered and any(_same_with_numbers(here, a) for a in numbered):
                    i += length
                    break
            else:
                length = 0
            if length:
                continue
        if not optional:
            return -1
    while i > start + 1 and words[i - 1] in _DANGLING:
        i -= 1  # an optional joiner whose second part is missing: "[doesnt answer to his name] and lines up"
    return i


def _same_with_numbers(words: list[str], alternative: tuple[str, ...]) -> bool:
    """An alternative with a number in it: "every_#_minutes"."""
    return len(words) == len(alternative) and all(
        w == a or (a == NUMBER and _NUMBER.match(w)) for w, a in zip(words, alternative))


def find(words: list[str], index: PatternIndex, candidates=None) -> list[tuple[int, int, str, str]]:
    """The longest pattern match at each position whose word starts some pattern, left to right, without overlaps."""
    found = []
    last_end = 0
    # the first words found in C (the doc's word set, then str.index): a loop over every token cost more than
    # the matching itself on the docs a common gate word ("words", "yet", "stop") lets in
    present = word_set(words)
    viable: dict[str, list[Pattern]] = {}
    first_needs = index.first_needs
    for first in present.intersection(index.firsts):
        needs = first_needs[first]
        if needs is not None and present.isdisjoint(needs):
            continue  # one set test for all the patterns under a common first word ("i", "can", "my")
        patterns = [p for p in index[first] if not any(map(present.isdisjoint, p.needs))]  # the test in C
        if patterns:
            viable[first] = patterns
    if not viable:
        return found
    positions = word_positions(words, viable) if candidates is None else sorted(candidates)
    for i in positions:
        if i < last_end:
            continue
        best = None
        for pattern in viable.get(words[i], ()):
            end = match(words, i, pattern.slots)
            if end > i and (best is None or end > best[1]):
                best = (i, end, pattern.label, pattern.concept)
        if best is not None:
            found.append(best)
            last_end = best[1]
    return found


def place(spans: Spans, added: list[tuple[int, int, str, str]]) -> Spans:
    """``spans`` with the ``added`` lay phrases: a phrase swallows the spans inside it ("[wake up gasping]" over
    "gasping"), and gives way to a span it only partly covers (that span was drawn by a surer rule).

    ``spans`` keep the module contract (sorted, not overlapping): each phrase looks only at the spans its range can
    touch, found by bisection, so a long doc with many phrases costs no more than its length (review 14)."""
    if not added:
        return spans
    starts = [s[0] for s in spans]
    ends = [s[1] for s in spans]
    if any(ends[k] > starts[k + 1] for k in range(len(spans) - 1)) or any(s[1] < s[0] for s in spans):
        return _place_scanning(spans, added)  # off contract: every span is looked at
    kept_added = []
    inside: set[int] = set()
    for a in added:
        lo, hi = bisect_left(ends, a[0]), bisect_right(starts, a[1])
        near = range(lo, hi)
        if any(spans[k][0] < a[1] and a[0] < spans[k][1] and not (a[0] <= spans[k][0] and spans[k][1] <= a[1])
               for k in near):
            continue
        kept_added.append(a)
        inside.update(k for k in near if a[0] <= spans[k][0] and spans[k][1] <= a[1])
    if not kept_added:
        return spans
    out = [s for k, s in enumerate(spans) if k not in inside]
    return sorted(out + kept_added)


def _place_scanning(spans: Spans, added: list[tuple[int, int, str, str]]) -> Spans:
    """:func:`place` for spans off the contract (unsorted or overlapping)."""
    kept_added = []
    for a in added:
        if any(s[0] < a[1] and a[0] < s[1] and not (a[0] <= s[0] and s[1] <= a[1]) for s in spans):
            continue
        kept_added.append(a)
    if not kept_added:
        return spans
    out = [s for s in spans if not any(a[0] <= s[0] and s[1] <= a[1] for a in kept_added)]
    return sorted(out + kept_added)
