"""A bracket that lost its space ("pressure(went away),electric shocks") is a token of its own, so the words on
either side are read (qatext.ner.pipeline.GLUED_BRACKET_INFIXES)."""
from __future__ import annotations

import pytest
import spacy

import qatext


@pytest.mark.parametrize("text, tokens", [
    ("blood pressure(went away),electric shocks",
     ["blood", "pressure", "(", "went", "away", ")", ",", "electric", "shocks"]),
    ("without choking),itchy scalp", ["without", "choking", ")", ",", "itchy", "scalp"]),
    ("vitamin b12(cobalamin) daily", ["vitamin", "b12", "(", "cobalamin", ")", "daily"]),
    ("pain[left side]", ["pain", "[", "left", "side", "]"]),
    ("café(très) bon", ["café", "(", "très", ")", "bon"]),
])
def test_a_glued_bracket_is_a_token(nlp, text, tokens):
    assert [t.text for t in nlp.make_doc(text)] == tokens


@pytest.mark.parametrize("text", [
    "see https://example.org/a(b)c for more",  # a URL stays whole
    "so sad:( and :) then",  # emoticons
    "2(3) and x(2)",  # no letter after the bracket
    "Mg(OH)2 and Al(OH)3 for the heartburn",  # a formula's group
])
def test_what_spacy_keeps_whole_stays_whole(nlp, text):
    assert [t.text for t in nlp.make_doc(text)] == [t.text for t in spacy.blank("en").make_doc(text)]


def test_the_words_beside_a_glued_bracket_are_found_and_a_saved_pipeline_keeps_the_rule(nlp, tmp_path):
    text = "severe dry mouth (coughing all night),itchy scalp,insomnia, elevated blood pressure(went away)"
    found = {(e.text, e.label_) for e in nlp(text).ents}
    assert {("itchy scalp", "SYMPTOM"), ("elevated blood pressure", "SYMPTOM"), ("insomnia", "SYMPTOM")} <= found
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert [t.text for t in reloaded.make_doc(text)] == [t.text for t in nlp.make_doc(text)]


def test_a_base_models_own_infix_rules_stay():
    from spacy.util import compile_infix_regex

    base = spacy.blank("en")
    base.tokenizer.infix_finditer = compile_infix_regex([r"(?<=[a-z])_(?=[a-z])"]).finditer
    nlp = qatext.load(base=base, topics=False)
    assert [t.text for t in nlp.make_doc("foo_bar pressure(went")] == ["foo", "_", "bar", "pressure", "(", "went"]
