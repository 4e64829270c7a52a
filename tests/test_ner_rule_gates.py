"""The span rules' trigger gates: every rule looks only at the doc's words that trigger some rule
(``span_rules.gate_hits``), so a word a rule tests there must be registered with ``span_rules.gate``,
or the rule silently never runs. And a rule's output must not depend on whether a later rule
happens to repair it (each returns sorted, non-overlapping spans)."""
from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import pytest

import qatext
import qatext.ner
from qatext.ner import lay_rules, lay_state_phrases, recognizer, span_rules

# "X.isdisjoint(hits)", "X & hits", "X <= hits", "X.intersection(gate_hits(words))": X must be a registered gate
_HITS_USE = re.compile(r"(\w+)(?:\.isdisjoint\(|\.intersection\(| & | <= )(?:hits\b|gate_hits\()")


def _modules_using_the_gate() -> list:
    """Every module of qatext.ner that tests words against the gate hits (new rule modules join by themselves)."""
    modules = [importlib.import_module(f"qatext.ner.{info.name}") for info in pkgutil.iter_modules(qatext.ner.__path__)]
    return [module for module in modules if _HITS_USE.search(inspect.getsource(module))]


def test_the_gate_check_sees_the_rule_modules():
    names = {module.__name__.rsplit(".", 1)[-1] for module in _modules_using_the_gate()}
    assert {"span_rules", "lay_rules", "lay_impairments", "lay_body_products", "lay_span_edges", "drug_frames",
            "body_likeness", "figures", "lay_hashtags"} <= names, names


@pytest.mark.parametrize("module", _modules_using_the_gate(), ids=lambda m: m.__name__)
def test_every_set_tested_against_the_gate_hits_is_registered(module):
    source = inspect.getsource(module)
    names = set(_HITS_USE.findall(source))
    if module is span_rules:
        assert len(names) >= 8, names  # the pattern still finds span_rules' gates
    for name in names:
        words = getattr(module, name)
        assert words <= span_rules._GATE_WORDS, (name, sorted(words - span_rules._GATE_WORDS)[:10])
    for phrase in lay_rules._LAY_PREDICATE_SETS:  # tested with hits.issuperset
        assert phrase <= span_rules._GATE_WORDS, phrase


def test_every_set_the_chain_tests_against_the_docs_triggers_is_listed():
    # the recognizer's chain tests "module.SET in opened", opened being the CHAIN_GATES sets that hold one of the doc's
    # gate hits: a set missing there is never opened, and its rule silently never runs
    source = inspect.getsource(recognizer.MedicalEntityRecognizer.__call__)
    names = set(re.findall(r"([\w.]+) (?:not )?in opened", source))
    assert len(names) >= 50, names  # the pattern still finds the chain's gates
    listed = {id(gate) for gate in recognizer.CHAIN_GATES}
    for name in names - {"first", "second"}:  # those two: lay_state_phrases.PAIRS, checked below
        words = recognizer
        for part in name.split("."):
            words = getattr(words, part)
        assert id(words) in listed, name
    for first, second in lay_state_phrases.PAIRS:
        assert id(first) in listed and id(second) in listed
    assert all(isinstance(gate, frozenset) for gate in recognizer.CHAIN_GATES)  # hashable: they go into a set
    assert recognizer.CHAIN_TRIGGERS <= span_rules._GATE_WORDS  # so the gate hits keep them

def test_gate_hits_are_the_docs_trigger_words_and_follow_the_doc():
    first = "my left knee hurts so bad".split()
    assert span_rules.gate_hits(first) == {"left", "hurts", "so", "bad"}
    assert span_rules.word_set(first) == set(first)
    # an equal list that is another doc's gets its own sets; the same list keeps them
    other = "the weather here".split()
    assert span_rules.gate_hits(other) == set() and span_rules.word_set(other) == set(other)
    assert span_rules.gate_hits(first) == {"left", "hurts", "so", "bad"}


@pytest.mark.parametrize("text, expected", [
    # the lexicon knows "broke out" (a rash): it is the rule's own phrase, not a second, overlapping span
    ("since then my chin and jaw broke out in painful bumps.", "chin and jaw broke out in painful bumps"),
    ("my face broke out in hives after the shot", "face broke out in hives"),
    ("her face broke out last week", "face broke out"),
])
def test_break_outs_are_one_symptom(nlp, text, expected):
    doc = nlp(text)
    assert expected in [e.text for e in doc.ents if e.label_ == "SYMPTOM"], [(e.text, e.label_) for e in doc.ents]


def test_a_break_out_in_third_person_prose_has_no_overlap_to_repair():
    # no first-person words and no clinical modifier: no later rule trims what add_breakouts returns
    text = "The face broke out in bumps."
    doc = qatext.load(topics=False, include_severity="never")(text)
    assert [e.text for e in doc.ents] == ["face broke out in bumps"]
