"""Cravings and aversions with what they are for (batch 91, GUIDELINES rule 4): "[cravings for bread and rice]",
"[constant cravings for sugar]", "[wine cravings]", "[crave salty chips]", "[aversion to meat]", "[aversion to
anything greasy]".

What a craving is for makes the complaint: the side effect a reviewer reports is the sugar craving, not a craving
and, apart, a substance. So the food or the substance joins the craving's span and is not a DRUG of its own ("the
[cravings for beer]"; a beer drunk stays one). Only foods, drinks and substances join: "a craving for attention",
"an aversion to crowds" are not side effects of a medicine, and the span ends with the last food of a list, before a
time or a clause ("[cravings for sugar] especially after 9pm").
"""
from __future__ import annotations

from qatext.ner.lay_common import Lookup
from qatext.ner.span_rules import SEVERITY, Spans, gate, gate_hits, word_positions

CRAVING_NOUNS = frozenset({"craving", "cravings"})
AVERSION_NOUNS = frozenset({"aversion", "aversions"})
CRAVE_VERBS = frozenset({"crave", "craves", "craved", "craving"})
WORDS = gate(CRAVING_NOUNS, AVERSION_NOUNS, CRAVE_VERBS)

_FOODS = frozenset(
    "sugar sweets candy chocolate carbs carbohydrates bread rice pasta potatoes chips crisps fries salt meat chicken "
    "beef pork fish eggs dairy milk cheese ice food foods snacks pizza cake cookies biscuits soda coke coffee caffeine "
    "fruit burgers noodles icecream cream desserts drinks things stuff treats toast crackers popcorn donuts doughnuts "
    "juice".split())
_SUBSTANCES = frozenset(
    "alcohol beer wine booze liquor vodka cigarettes cigarette smokes cigs ciggies nicotine weed drugs opiates pills".split())
_HEADS = _FOODS | _SUBSTANCES
# what a food is like, before it: "salty chips", "junk food", "anything greasy"
_FOOD_QUALITIES = frozenset(
    "sweet salty sugary greasy fatty fried spicy junk fast processed starchy savoury savory carb red cold".split())
# a taste that names the foods alone: "[aversion to anything greasy]", "[craving sweet and salty]"
_TASTES = frozenset("sweet salty sugary greasy fatty fried spicy savoury savory starchy".split())
_ANY = frozenset({"anything", "everything"})
# a food word before the noun: "[wine cravings]", "[sweet cravings]" ("sugar cravings" is a lexicon term)
_BEFORE_CRAVINGS = _HEADS | frozenset({"sweet", "salty", "carb"})
# What may follow the foods when they are all of the object: a clause, a time, a verb of the craving, the end.
# Anything else may be the rest of a longer name ("ice cream", "fish oil capsules", "sugar free sweets"), which the
# craving would cut: then nothing is joined.
_AFTER_OBJECT = frozenset(
    "and or but that which who when whenever while at in on every each especially after before since during all "
    "basically is are was were have has had anymore too lately now again for from so because i it like with came "
    "come comes went gone kicked hit hits started stopped vanished disappeared as though even by until till then "
    "than more less really totally completely almost constantly most late lol "
    # what the craving then did: "the [cravings for smokes] dropped too" (batch 97)
    "dropped eased faded lessened decreased increased got grew kept returned".split())
# the craving of a person: "salt craving" keeps the lexicon's own concept; a craving the lexicon does not name is one
CRAVING = "QATEXT:symptom/craving"


def add_cravings(words: list[str], spans: Spans, *, lookup: Lookup) -> Spans:
    """``spans`` with each craving or aversion joined to the food or substance it is for (the module doc)."""
    found = WORDS.intersection(gate_hits(words))
    if not found:
        return spans
    n = len(words)
    by_token = {i: span for span in spans for i in range(span[0], span[1])}
    added = []
    for i in word_positions(words, found):
        if added and i < added[-1][1]:
            continue  # inside the craving just joined
        word = words[i]
        opening = i + 2 if word in CRAVING_NOUNS and words[i + 1:i + 2] == ["for"] \
            or word in AVERSION_NOUNS and words[i + 1:i + 2] == ["to"] else i + 1
        if opening == i + 1 and word not in CRAVE_VERBS and word not in CRAVING_NOUNS:
            continue  # a bare aversion names nothing
        end, heads = _object_end(words, opening, n)
        start = i
        if word in CRAVING_NOUNS and i and words[i - 1] in _BEFORE_CRAVINGS and not (added and i - 1 < added[-1][1]):
            start, heads = i - 1, heads + [words[i - 1]]
        if end is None and start == i:
            continue
        held = by_token.get(i)
        if held is not None and held[0] < start and all(w in SEVERITY for w in words[held[0]:start]):
            start = held[0]  # its degree, found before: "[constant cravings for sugar]" (not "evening cravings")
        end = end or i + 1
        if any(span[0] < end < span[1] for span in spans) or held is not None and held[1] > end:
            continue  # the craving would cut a longer name
        concept = _concept(words, (start, end), i, held, heads, lookup)
        if concept is not None:
            added.append((start, end, "SYMPTOM", concept))
    if not added:
        return spans
    # a span the craving cuts through gives way: "evening [cravings for beer]" (the time stays outside)
    cut = {k for start, end, _, _ in added for k in range(start, end)}
    return sorted([span for span in spans if cut.isdisjoint(range(span[0], span[1]))] + added)


def _object_end(words: list[str], k: int, n: int) -> tuple[int | None, list[str]]:
    """The end of the foods a craving is for, from ``k`` ("bread and rice", "ice chips", "anything greasy"), and their
    head words; ``None`` when no food starts there or when the foods may go on into a longer name ("ice cream sandwich",
    "fish oil capsules", "sugar free sweets", "sugary and carbohydrate-rich foods")."""
    end, heads = None, []
    while k < n:
        j = k
        while j < n and (words[j] in _FOOD_QUALITIES or words[j] in _ANY):
            j += 1
        if j < n and words[j] in _HEADS:
            end = j + 1
            while end < n and words[end] in _HEADS:  # "ice chips", "junk food snacks"
                end += 1
            heads += words[j:end]
        elif j > k and words[j - 1] in _TASTES and (words[k] in _ANY or j == n or not words[j].isalpha()):
            end = j  # "anything greasy", "sweet and salty"; a taste alone ends its clause
            heads.append(words[j - 1])
        elif j > k and words[j - 1] in _TASTES and words[j] in ("and", "or") and j + 1 < n and words[j + 1] in _TASTES:
            end = j
        else:
            break
        # the list goes on with another food, not with one that starts a craving of its own ("sugar cravings")
        if end + 1 < n and words[end] in ("and", "or", ",", "&") \
                and (words[end + 1] in _HEADS or words[end + 1] in _FOOD_QUALITIES) \
                and not _starts_a_craving(words, end + 1, n):
            k = end + 1
            continue
        break
    if end is not None and (end < n and words[end].isalpha() and words[end] not in _AFTER_OBJECT or not heads):
        return None, []
    return end, heads


def _starts_a_craving(words: list[str], k: int, n: int) -> bool:
    while k < n and (words[k] in _FOOD_QUALITIES or words[k] in _HEADS):
        k += 1
    return k < n and words[k] in CRAVING_NOUNS


# what an excessive appetite craves (the lexicon's "sugar cravings", "craving sweets": polyphagia)
_SWEET_OR_STARCHY = frozenset(
    "sugar sweets candy chocolate carbs carbohydrates bread rice pasta potatoes chips crisps fries food foods snacks "
    "pizza cake cookies biscuits desserts icecream cream treats sweet sugary starchy carb junk".split())


def _concept(words: list[str], span: tuple[int, int], i: int, held, heads: list[str], lookup: Lookup) -> str | None:
    """The lexicon's concept where it names the words ("craving ice" pica, "salt craving"), a craving for a
    substance, the concept of a craving it found inside, else of a food aversion, a craving for sweet or starchy food
    (polyphagia) or a craving."""
    start, end = span
    phrases = [" ".join(words[start:end])] + ([" ".join(words[i:end])] if end > i + 1 else [])
    phrases += [phrase for head in heads for phrase in (f"{head} craving", f"craving {head}")]
    if "salty" in words[start:end]:
        phrases.append("salt craving")  # "craving salty foods"
    for phrase in phrases:
        found = lookup(phrase)
        if found and found[0] == "SYMPTOM":
            return found[1]
    if not _SUBSTANCES.isdisjoint(heads):
        return CRAVING
    if held is not None and held[2] == "SYMPTOM" and start <= held[0] and held[1] <= end and held[1] - held[0] > 1:
        return held[3]
    if words[i] in AVERSION_NOUNS:
        found = lookup("food aversion")
        return found[1] if found else None
    if heads and _SWEET_OR_STARCHY.issuperset(heads):
        found = lookup("food cravings")
        return found[1] if found else CRAVING
    return CRAVING
