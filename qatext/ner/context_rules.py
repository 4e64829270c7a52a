"""ConText's rule tables: the trigger phrases of ``qatext/resources/context/rules.tsv`` (``Rule``) and the
people of ``people.tsv`` (``Person``), read and checked, and what a matched phrase does (``Roles``), worked
out once when the component is built.
"""
from __future__ import annotations

from dataclasses import dataclass

from qatext.ner.context_words import HARD_TERMINATORS
from qatext.resources import read_tsv

# Categories that give a status; "over", "prohibited" and "anymore" are refinements of
# historical and negated, "ongoing" cancels "historical", "until" cancels a negation ("never had
# chest pain until last tuesday"), "generic" is decided first.
MODIFIERS = frozenset({"negated", "possible", "hypothetical", "historical", "family", "generic", "over", "ongoing",
                       "prohibited", "anymore", "self", "until"})
CATEGORIES = MODIFIERS | {"terminate", "pseudo", "general"}
# "antecedent": backward to an earlier mention of the sentence, across terminators, for phrases
# that point back with a pronoun ("..., but it went away", "so i stopped both").
# "opening": forward; when the trigger opens its sentence or clause ("If X, Y", "...; if X, Y"),
# to the end of the sentence across soft terminators (the consequence is conditional too).
# "fronted": forward, only when the trigger opens its sentence or clause, up to 20 tokens or its scope
# ("Since last month I get dizzy", "Most ear infections clear without antibiotics").
DIRECTIONS = ("forward", "backward", "both", "antecedent", "opening", "fronted")
# Placeholders a rule phrase may carry, expanded when the rules are read ("in <year>").
PLACEHOLDERS = {
    # A yes/no question put to a whole group is general ("do kids grow out of tics?", "can adults get eczema?").
    "<aux>": ["do", "does", "can", "could", "will", "should", "are", "is", "cant", "dont", "would", "might"],
    # A yes/no question about "a" or "an" something ("can a cold turn into pneumonia?"), only opening its clause.
    # Not "do" ("do a brain mri as soon as possible" is advice) nor "will" ("will a blood test show it?" asks
    # about one's own).
    "<ask>": ["does", "can", "is", "are", "should", "cant", "doesnt", "isnt"],
    "<group>": ["people", "kids", "children", "adults", "grown adults", "women", "men", "babies", "toddlers",
                "infants", "teens", "teenagers", "someone", "anyone", "a kid", "a child", "a person", "a baby",
                "pregnant women", "older people", "elderly people", "the elderly", "girls", "boys", "athletes",
                "smokers", "diabetics", "patients", "humans", "non smokers", "non-smokers", "nonsmokers"],
    # "all <groupnoun>": "do all kids ...", "dont all men ...".
    "<groupnoun>": ["people", "kids", "children", "adults", "women", "men", "babies", "toddlers", "infants", "teens",
                    "teenagers", "girls", "boys", "smokers", "diabetics", "patients"],
    "<year>": [str(year) for year in range(1950, 2031)],
    "<month>": ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december"],
}
# The categories of time: a blocked time phrase may still reach past the comma before the asker's "i".
TIME_CATEGORIES = frozenset({"historical", "over", "ongoing"})
# Directions as small ints, compared in the loop over (mention, trigger) pairs.
FORWARD, BACKWARD_ONLY, BOTH, ANTECEDENT, OPENING, FRONTED = range(6)
DIRECTION_CODES = dict(zip(DIRECTIONS, (FORWARD, BACKWARD_ONLY, BOTH, ANTECEDENT, OPENING, FRONTED)))
OPENING_SCOPE = 20  # tokens: a run-on sentence with no punctuation does not stay conditional to its end


@dataclass(frozen=True)
class Rule:
    phrase: str
    category: str
    direction: str
    labels: frozenset[str] | None = None  # None: every label
    exclude_labels: bool = False  # True: every label but ``labels``
    scope: int | None = None

    def applies_to(self, label: str) -> bool:
        if self.labels is None:
            return True
        return (label in self.labels) != self.exclude_labels


@dataclass(frozen=True)
class Person:
    phrase: str
    who: str  # relative, other, self, addressee, third, reporter
    group: str


def _rows(name: str) -> list[dict]:
    return read_tsv("context", name, short_rows=True)


def _expand(phrase: str) -> list[str]:
    for placeholder, values in PLACEHOLDERS.items():
        if placeholder in phrase:
            return [expanded for value in values for expanded in _expand(phrase.replace(placeholder, value))]
    return [phrase]


def load_rules() -> list[Rule]:
    rules = []
    for row in _rows("rules.tsv"):
        if row["category"] not in CATEGORIES or row["direction"] not in DIRECTIONS:
            raise ValueError(f"qatext/resources/context/rules.tsv: bad rule {row}")
        labels_text = (row.get("labels") or "").strip()
        exclude = labels_text.startswith("!")
        labels = frozenset(labels_text.lstrip("!").split(",")) if labels_text else None
        scope_text = (row.get("scope") or "").strip()
        try:
            scope = int(scope_text) if scope_text else None
        except ValueError as error:
            raise ValueError(f"qatext/resources/context/rules.tsv: bad scope in {row}") from error
        rules.extend(Rule(phrase, row["category"], row["direction"], labels, exclude, scope)
                     for phrase in _expand(row["phrase"]))
    return rules


def load_people() -> list[Person]:
    people = []
    for row in _rows("people.tsv"):
        if row["who"] not in ("relative", "other", "self", "addressee", "third", "reporter"):
            raise ValueError(f"qatext/resources/context/people.tsv: bad row {row}")
        people.append(Person(row["phrase"], row["who"], row["group"]))
    return people


@dataclass(frozen=True)
class Roles:
    """What a matched rule phrase does, worked out once from its rules."""

    # The rules that give or refine a status, in rules.tsv order, as what the loop over (mention, trigger)
    # pairs reads: (category, direction code, scope, phrase, whether the rule names labels, rule).
    modifiers: tuple[tuple[str, int, int, str, bool, Rule], ...]
    terminates: bool
    hard: bool  # also ends an "opening" trigger's reach
    general: Rule | None  # a general verb after a bare subject ("Statins lower ...")


def modifier(rule: Rule, max_scope: int) -> tuple[str, int, int, str, bool, Rule]:
    direction = DIRECTION_CODES[rule.direction]
    default_scope = OPENING_SCOPE if direction == FRONTED else max_scope
    return (rule.category, direction, rule.scope if rule.scope is not None else default_scope, rule.phrase,
            rule.labels is not None, rule)


def roles_of(rules: list[Rule], max_scope: int) -> Roles:
    # A pseudo trigger has no role: it only takes its tokens (so "no change in" hides "no").
    terminators = [r for r in rules if r.category == "terminate"]
    return Roles(modifiers=tuple(modifier(r, max_scope) for r in rules if r.category in MODIFIERS),
                 terminates=bool(terminators),
                 hard=any(r.phrase in HARD_TERMINATORS for r in terminators),
                 general=next((r for r in reversed(rules) if r.category == "general"), None))


# What the component's matcher finds in a doc (ConTextAssertion._matches): modifiers (start, end, then the six fields
# of a Roles modifier), terminator starts, hard terminator starts, general verbs by start, people (start, end,
# person), starts of the asker's new clauses (", i"), and every match kept (start, end, id), sorted.
Found = tuple[list[tuple], list[int], list[int], dict[int, Rule], list[tuple[int, int, Person]], list[int],
              list[tuple[int, int, int]]]
