"""annotate_frame: entities, tags and errors tables; oversized texts are annotated in pieces."""
from __future__ import annotations

import pandas as pd

from qatext.annotate import annotate_frame
from qatext.annotate.frame import split_long_text


def test_pieces_cover_the_text_exactly():
    text = ("I have a headache.\n" * 40_000) + "no fever at the very end"
    pieces = list(split_long_text(text, max_chars=100_000))
    assert len(pieces) > 5
    assert "".join(p for _o, p in pieces) == text
    assert all(text[o:o + len(p)] == p and len(p) <= 100_000 for o, p in pieces)


def test_text_over_spacy_limit_is_annotated_with_true_offsets():
    long_question = ("My knee hurts when I run.\n" * 50_000) + "Lately I also have a fever."
    assert len(long_question) > 1_000_000
    frame = pd.DataFrame({"record_id": ["big", "small"], "question": [long_question, "No cough."],
                          "answer": [None, "Take ibuprofen."]})
    result = annotate_frame(frame)
    assert result.errors.empty
    big = result.entities[result.entities.record_id == "big"]
    assert len(big) >= 50_000
    fever = big[big.text == "fever"].iloc[-1]
    assert long_question[fever.start:fever.end] == "fever"
    small = result.entities[result.entities.record_id == "small"]
    assert set(small.text) == {"cough", "ibuprofen"}
    assert small.set_index("text").loc["cough", "assertion"] == "negated"
    assert set(result.tags.record_id) == {"big", "small"}


def test_entity_table_carries_kinds_conjuncts_fuzzy_forms_and_shorthand_senses():
    frame = pd.DataFrame({"record_id": ["r1"], "question": ["on liptor and statins, swollen feet and ankles. "
                                                            "my endo added T3"], "answer": [None]})
    entities = annotate_frame(frame).entities.set_index("text")
    assert entities.loc["liptor", "matched_as"] == "lipitor"
    assert entities.loc["liptor", "drug_kind"] == "named" and entities.loc["statins", "drug_kind"] == "class"
    assert len(entities.loc["swollen feet and ankles", "concepts"].split("|")) == 2
    assert entities.loc["T3", "expanded"] == "liothyronine" and entities.loc["T3", "expanded_by"] == "document"
