"""Assertion status of each entity with the ConText algorithm (Harkema et al., 2009).

A trigger phrase ("no", "could this be", "if", "years ago", "my father had") modifies the
entities in its scope: forward or backward from the trigger, inside the sentence, up to a
terminator ("but", "however") or ``max_scope`` tokens. One phrase matcher finds every trigger
in one pass, so the component costs little more than the tokenizer.
"""
from __future__ import annotations

import csv
import io
from bisect import bisect_right
from dataclasses import dataclass
from importlib import resources

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from qatext.ner import extensions

# When several triggers reach one entity, the first category here wins.
PRIORITY = ("negated", "family", "hypothetical", "possible", "historical")
MODIFIERS = frozenset(PRIORITY)


@dataclass(frozen=True)
class Rule:
    phrase: str
    category: str
    direction: str


def load_rules() -> list[Rule]:
    text = resources.files("qatext.resources").joinpath("context").joinpath("rules.tsv").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rules = []
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter="\t"):
        if row["category"] not in MODIFIERS | {"terminate", "pseudo"} or row["direction"] not in ("forward", "backward", "both"):
            raise ValueError(f"qatext/resources/context/rules.tsv: bad rule {row}")
        rules.append(Rule(row["phrase"], row["category"], row["direction"]))
    return rules


class ConTextAssertion:
    """Sets ``ent._.assertion`` (present unless a trigger reaches it) and ``ent._.assertion_cue``."""

    def __init__(self, nlp: Language, name: str = "qatext_context", *, max_scope: int = 10):
        extensions.register()
        self.name = name
        self.max_scope = max_scope
        self.rules = load_rules()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for index, rule in enumerate(self.rules):
            self.matcher.add(str(index), [nlp.make_doc(rule.phrase)])
        self._rule_of = {nlp.vocab.strings[str(i)]: rule for i, rule in enumerate(self.rules)}

    def __call__(self, doc: Doc) -> Doc:
        ents = doc.ents
        if not ents:
            return doc
        inside_entities = {i for ent in ents for i in range(ent.start, ent.end)}
        # A trigger word that belongs to an entity ("no appetite", "not sleeping") modifies nothing.
        triggers = [t for t in self._triggers(doc) if not any(i in inside_entities for i in range(t[0], t[1]))]
        if not any(rule.category in MODIFIERS for _s, _e, rule in triggers):
            return doc
        sentence_starts = [sent.start for sent in doc.sents] if doc.has_annotation("SENT_START") else [0]
        terminators = [start for start, _end, rule in triggers if rule.category == "terminate"]
        for ent in ents:
            found = self._modifiers_for(ent.start, ent.end, triggers, terminators, sentence_starts, len(doc))
            if found:
                category, cue = min(found, key=lambda item: PRIORITY.index(item[0]))
                ent._.assertion = category
                ent._.assertion_cue = cue
        return doc

    def _triggers(self, doc: Doc) -> list[tuple[int, int, Rule]]:
        matches = sorted(self.matcher(doc), key=lambda m: (-(m[2] - m[1]), m[1]))
        taken: set[int] = set()
        triggers = []
        for match_id, start, end in matches:
            if any(i in taken for i in range(start, end)):
                continue
            taken.update(range(start, end))
            rule = self._rule_of[match_id]
            if rule.category != "pseudo":
                triggers.append((start, end, rule))
        triggers.sort(key=lambda t: t[0])
        return triggers

    def _modifiers_for(self, start, end, triggers, terminators, sentence_starts, doc_length):
        sentence_index = bisect_right(sentence_starts, start) - 1
        sent_start = sentence_starts[sentence_index]
        sent_end = sentence_starts[sentence_index + 1] if sentence_index + 1 < len(sentence_starts) else doc_length
        found = []
        for t_start, t_end, rule in triggers:
            if rule.category not in MODIFIERS or t_start < sent_start or t_end > sent_end:
                continue
            if rule.direction in ("forward", "both") and t_end <= start and start - t_end <= self.max_scope:
                if not any(t_end <= term < start for term in terminators):
                    found.append((rule.category, rule.phrase))
                    continue
            if rule.direction in ("backward", "both") and end <= t_start and t_start - end <= self.max_scope:
                if not any(end <= term < t_start for term in terminators):
                    found.append((rule.category, rule.phrase))
        return found
