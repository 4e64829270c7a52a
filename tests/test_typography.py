"""Typographic punctuation reads as the keyboard's: "can’t" as "can't", “ ” as ", – and — as -, … as ...

A fifth of the ask-a-doctor questions in ../shared type the apostrophe as ’ (phones and word processors do).
Before, 147 of the 866 gold passages with an apostrophe lost or changed entities when it was typed ’ instead:
"can’t walk" was not an impairment, "I’ve had" did not make a complaint historical.
"""
from __future__ import annotations

import json
import re

import pytest
import spacy

from conftest import GOLD


def _found(doc):
    return sorted((e.start_char, e.end_char, e.label_, e.kb_id_, e._.assertion, e._.experiencer) for e in doc.ents)


def _gold_texts(marker: str, *, every: int = 3) -> list[str]:
    with open(GOLD / "ner.jsonl", encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines]
    return [text for text in texts if marker in text][::every]


def _opened_and_closed(text: str) -> str:
    quotes = iter("\u201c\u201d" * text.count('"'))
    return re.sub('"', lambda _: next(quotes), text)


@pytest.mark.parametrize("marker, typed", [
    ("'", lambda text: text.replace("'", "\u2019")),
    ('"', _opened_and_closed),
    (" - ", lambda text: text.replace(" - ", " \u2013 ")),
    (" - ", lambda text: text.replace(" - ", " \u2014 ")),
], ids=["apostrophe", "double quotes", "en dash", "em dash"])
def test_gold_passages_typed_typographically_give_the_same_entities(nlp, marker, typed):
    texts = _gold_texts(marker)
    assert len(texts) > 20
    retyped = [typed(text) for text in texts]
    assert all(len(a) == len(b) and a != b for a, b in zip(texts, retyped))
    for text, plain, fancy in zip(texts, nlp.pipe(texts), nlp.pipe(retyped)):
        assert _found(fancy) == _found(plain), text


@pytest.mark.parametrize("text, surface, label, assertion", [
    ("i can\u2019t walk more than 50 yards without stopping", "can\u2019t walk more than 50 yards", "SYMPTOM", "present"),
    ("the room won\u2019t stop spinning when i lie down", "room won\u2019t stop spinning", "SYMPTOM", "present"),
    ("he won\u2019t eat and has a fever of 39", "won\u2019t eat", "SYMPTOM", "present"),
    ("I couldn\u2019t get out of bed most days", "couldn\u2019t get out of bed", "SYMPTOM", "present"),
    ("my periods come every 50\u201370 days", "periods come every 50\u201370 days", "SYMPTOM", "present"),
])
def test_typed_forms_are_found_as_the_keyboard_forms_are(nlp, text, surface, label, assertion):
    assert (surface, label, assertion) in {(e.text, e.label_, e._.assertion) for e in nlp(text).ents}


def test_the_lower_case_form_is_plain_and_the_text_untouched(nlp):
    doc = nlp("I can\u2019t sleep\u2026 it\u2019s late \u2013 again")
    assert [t.text for t in doc] == ["I", "ca", "n\u2019t", "sleep", "\u2026", "it", "\u2019s", "late", "\u2013", "again"]
    assert [t.lower_ for t in doc] == ["i", "ca", "n't", "sleep", "...", "it", "'s", "late", "-", "again"]
    assert doc.text == "I can\u2019t sleep\u2026 it\u2019s late \u2013 again"
    assert [s.text for s in doc.sents] == ["I can\u2019t sleep\u2026", "it\u2019s late \u2013 again"]


def test_a_saved_pipeline_reads_typed_forms_too(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    text = "cant sleep, can\u2019t walk far, periods every 2\u20133 months"
    assert _found(reloaded(text)) == _found(nlp(text))
    assert {"can\u2019t walk", "periods every 2\u20133 months"} <= {e.text for e in reloaded(text).ents}
