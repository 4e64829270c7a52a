"""What comes out of the body, told by its colour or state: "[pee was really dark]", "[black poo]",
"[semen has been brownish red]", "[pee goes the colour of coke]", "[periods were sooo heavy]".

Patients report blood, bile or infection by what they see in the toilet; the product with its
predicate is one SYMPTOM like a body part with its predicate (GUIDELINES rule 6), and a colour
before the product is its quality (rule 4). The clinical forms ("dark urine", "green snot") are in the
lexicon; these are the lay nouns and the copular clauses.
"""
from __future__ import annotations

from qatext.ner.lay_common import BE, NOT_NOUNS
from qatext.ner.lay_rules import POSSESSIVES
from qatext.ner.span_rules import Spans, covered_tokens, gate, gate_hits

CHANGED_PRODUCT = "QATEXT:symptom/changed-body-product"
PRODUCTS = frozenset("pee wee poo poop poos poops stool stools urine semen sperm snot phlegm mucus sputum vomit sick "
                     "discharge".split())
PERIODS = frozenset({"period", "periods"})
# Colours and states of a product; a product "goes the colour of" something too.
PRODUCT_STATES = frozenset("dark black red brown brownish reddish pink pinkish orange cloudy frothy foamy bloody "
                           "green greenish yellow pale grey gray white tarry smelly watery runny "
                           # how stools float, shine or stick when fat is not absorbed, and the rust of old blood
                           "floating floaty greasy oily sticky rusty "
                           # a stool's texture and a change of shade: "her poo is really hard", "my poo has gone darker"
                           "hard harder lumpy loose darker paler".split())
PERIOD_STATES = frozenset("heavy heavier painful irregular "
                          # cycles that lost their rhythm or amount: "periods are totally unpredictable"
                          "unpredictable erratic clotty lighter longer".split())
_LINKS = frozenset("is are was were has have been goes go went gone turned turns turning looks looked looking "
                   "becomes became keeps kept "
                   # "my wee came out pink", "pee that's a bit foamy"
                   "came comes coming out that 's".split())
_DEGREES = frozenset("really very so quite bit a all super proper literally completely totally bright deep light".split())
_OWNERS = POSSESSIVES | {"the"}
COLOURED = frozenset({"coloured", "colored"})
# colours a product has when all is well: "pale straw coloured urine", "normal coloured poo"
_NORMAL_COLOURS = frozenset("normal straw pale light clear usual regular same".split())
_GATE = gate(PRODUCTS, PERIODS)


# a stool that is a seat: "she sat on a black stool at the bar", "we bought a green stool"
_SEAT_CUES = frozenset("sat sit sits sitting seated perched stood standing climbed bought buy buying ordered painted "
                       "wooden plastic metal bar kitchen ikea chair chairs table".split())
# what follows urine's "wee", not the Scots "wee" (small) before its noun ("the dark wee hours", "that smelly wee dog")
_AFTER_URINE = NOT_NOUNS | BE | frozenset("has had have smells smelled smelt looks looked comes came sample samples test "
                                          "tests infection colour color smell stream twice once that".split())


def before_noun(words: list[str], k: int) -> bool:
    """``words[k]`` is a noun a describer-and-head phrase modifies ("gut churning [news]", "wee [dog]")."""
    return k < len(words) and words[k][:1].isalpha() and words[k] not in _AFTER_URINE and not words[k].endswith("ly")


def other_sense(words: list[str], p: int, head: int) -> bool:
    """A stool that is a seat, a Scots "wee" (small) before its noun: no body product."""
    if words[head] in ("stool", "stools"):
        return not _SEAT_CUES.isdisjoint(words[max(0, p - 4):p]) or words[p - 2:p - 1] == ["on"] \
            or not _SEAT_CUES.isdisjoint(words[head + 1:head + 3])
    return words[head] == "wee" and before_noun(words, head + 1)


def _said_of_a_task(words: list[str], k: int) -> bool:
    """"the stool was hard to sit on", "the discharge was hard to arrange": the state of doing something, no product's."""
    return k + 1 < len(words) and words[k + 1] == "to"


_CLAUSE_OPENERS = frozenset({"and", ",", ".", "but", ";", "\n", "also"})
# Without an owner the clause may explain a colour, not report one: "Urine is yellow because of urochrome", "Stool is
# black due to the iron"; a normal colour, or a reason after it, says no change.
_NORMAL_PRODUCT_COLOURS = frozenset("yellow brown white pale light clear".split())
_REASONS = frozenset("because due as so which from".split())


def _unowned_change(words: list[str], k: int) -> bool:
    """The state at ``k`` of a product named without an owner is a change told, not a colour explained."""
    return words[k] not in _NORMAL_PRODUCT_COLOURS and not (k + 1 < len(words) and words[k + 1] in _REASONS)


def add_changed_products(doc, words: list[str], spans: Spans) -> Spans:
    hits = gate_hits(words)
    if _GATE.isdisjoint(hits):
        return spans
    n = len(words)
    # "semen" alone may be read as a body part (ANATOMY), "phlegm" as a finding (SYMPTOM); with its predicate either
    # is the complaint's head ("[phlegm has turned green]")
    covered = covered_tokens([s for s in spans if not (s[2] in ("ANATOMY", "SYMPTOM") and s[1] - s[0] == 1
                                                       and words[s[0]] in PRODUCTS)])
    # a state read alone as a complaint joins its product: "his poo is [pale]" -> "his [poo is pale]"
    lone_states = {s[0] for s in spans if s[2] == "SYMPTOM" and s[1] - s[0] == 1 and words[s[0]] in PRODUCT_STATES}
    added = []
    for i, word in enumerate(words):
        if (word not in PRODUCTS and word not in PERIODS) or i in covered:
            continue
        states = PERIOD_STATES if word in PERIODS else PRODUCT_STATES
        # a colour before the product: "black poo", "bright red pee" (not periods: "heavy periods" is in the lexicon)
        if word in PRODUCTS and i and words[i - 1] in states and i - 1 not in covered and not other_sense(words, i - 1, i):
            start = i - 1
            while start and words[start - 1] in states | _DEGREES - {"a", "bit"} and start - 1 not in covered:
                start -= 1
            added.append((start, i + 1, "SYMPTOM", CHANGED_PRODUCT))
            continue
        # a colour named by a thing (round 34): "[cola-coloured pee]", "[tea coloured urine]" (the thing no drink)
        if word in PRODUCTS and i >= 2 and words[i - 1] in COLOURED and not other_sense(words, i - 1, i):
            start = i - 3 if words[i - 2] == "-" and i >= 3 else i - 2
            if words[start].isalpha() and words[start] not in _NORMAL_COLOURS \
                    and (start not in covered or any(s[0] == start and s[2] == "DRUG" for s in spans)):
                added.append((start, i + 1, "SYMPTOM", CHANGED_PRODUCT))
                continue
        # a predicate after it, only of someone's product: "my pee was really dark", or one the clause opens on, as
        # posts that drop the possessive write (batch 101: "burning in feet and [urine is orange]")
        owned = i and words[i - 1] in _OWNERS
        if not (owned or not i or words[i - 1] in _CLAUSE_OPENERS):
            continue
        k = i + 1
        while k < n and k - i <= 3 and words[k] in _LINKS:
            k += 1
        if k == i + 1:
            continue
        while k < n and words[k] in _DEGREES:
            k += 1
        if k < n and words[k] in states and (k not in covered or k in lone_states) and not _said_of_a_task(words, k) \
                and (owned or _unowned_change(words, k)):
            end = k + 1
            if end < n and words[end] in states and end not in covered:
                end += 1  # "brownish red"
            added.append((i, end, "SYMPTOM", CHANGED_PRODUCT))
        elif word in PRODUCTS and k + 1 < n and words[k + 1] in ("coloured", "colored") and words[k].isalpha():
            added.append((i, k + 2, "SYMPTOM", CHANGED_PRODUCT))  # "pee is cola coloured"
        elif word in PRODUCTS and tuple(words[k:k + 3]) in (("the", "colour", "of"), ("the", "color", "of")) \
                and k + 3 < n and words[k + 3].isalpha():  # ("the colour of [tea]": a likeness, no drink)
            added.append((i, k + 4, "SYMPTOM", CHANGED_PRODUCT))  # "pee goes the colour of coke"
    if not added:
        return spans
    taken = covered_tokens(added) | _likened_drinks(words, added)
    return sorted([s for s in spans if not taken.intersection(range(s[0], s[1]))] + added)


_LIKENED_STRENGTHS = frozenset({"strong", "weak", "flat", "black"})
# the drinks a colour is likened to ("like rifampicin does", "like iron tablets do" name a cause, kept)
_LIKENED_DRINKS = frozenset("tea coffee coke cola pepsi whisky whiskey beer ale lager squash juice wine milk brandy "
                            "rum bovril".split())


def _likened_drinks(words: list[str], added: Spans) -> set[int]:
    """"[wee is dark] like strong tea": the drink after "like" names the colour; no one drank it."""
    likened = set()
    for _start, end, _label, _concept in added:
        if end + 1 < len(words) and words[end] == "like":
            k = end + 2 if words[end + 1] in _LIKENED_STRENGTHS else end + 1
            if k < len(words) and words[k] in _LIKENED_DRINKS:
                likened.add(k)
    return likened
