"""annotate_frame: entities, tags and errors tables; oversized texts are annotated in pieces."""
from __future__ import annotations

import pandas as pd
import pytest

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


def _rows_through_the_extension_api(doc, *, record_id: str, field: str) -> list[tuple]:
    """The entity rows as ``ent._`` gives them: what EntityRows must reproduce."""
    return [(record_id, field, ent.start_char, ent.end_char, ent.text, ent.label_, ent._.concept_id,
             ent._.concept_name, ent._.assertion, ent._.experiencer, "|".join(ent._.concepts), ent._.drug_kind,
             ent._.matched_as, ent._.expanded, ent._.expanded_by) for ent in doc.ents]


def _check_entity_rows(texts: list[str]) -> list[tuple]:
    import qatext
    from qatext.annotate.rows import EntityRows

    nlp = qatext.load()
    rows = EntityRows()
    found = []
    for text, doc in zip(texts, nlp.pipe(texts)):
        fast = rows(doc, record_id="r", field="question", offset=0, text=text)
        assert fast == _rows_through_the_extension_api(doc, record_id="r", field="question"), text[:200]
        found += fast
    return found


WORDING = ["on liptor and statins, swollen feet and ankles. my endo added T3",
           "Could this be ALS? I have no fever but my hands keep shaking. My father had a stroke. I'm on lexapro 10mg.",
           "I was diagnosed with irritable bowel syndrome (IBS) last year and my IBS is worse since I stopped zoloft."]


def test_entity_rows_equal_the_span_extensions_on_the_sample():
    from qatext.corpus import read_corpus
    from tests.conftest import SAMPLE

    df = read_corpus(SAMPLE)
    texts = [t for t in [*df["question"], *df["answer"]] if isinstance(t, str) and t.strip()] + WORDING
    rows = _check_entity_rows(texts)
    # every kind of detail column is exercised, not only the defaults
    assert {r[8] for r in rows} >= {"present", "negated", "possible", "family"}
    assert any(r[11] == "class" for r in rows) and any(r[12] == "lipitor" for r in rows)
    assert any("|" in r[10] for r in rows) and any(r[13] == "irritable bowel syndrome" for r in rows)
    assert any(r[14] == "document" for r in rows)


@pytest.mark.slow
@pytest.mark.shared
def test_entity_rows_equal_the_span_extensions_on_shared_corpora(shared):
    from qatext.corpus import iter_corpus

    texts = []
    for name in ("ask-a-doctor-2017", "medquad", "covid-dialogue"):
        chunk = next(iter_corpus(shared / "corpora" / name, chunksize=400))
        texts += [t for t in [*chunk["question"], *chunk["answer"]] if isinstance(t, str) and t.strip()]
    assert len(_check_entity_rows(texts)) > 2_000


def test_tag_rows_equal_the_topic_getters_on_the_sample():
    """TagRows ranks the stored score rows itself: it must give doc._.specialties[0] and
    doc._.intents[0], ties included, and no row for a doc the tagger did not score."""
    import numpy as np

    import qatext
    from qatext.annotate.rows import TagRows
    from qatext.corpus import read_corpus
    from tests.conftest import SAMPLE

    texts = [t for t in read_corpus(SAMPLE)["question"] if isinstance(t, str) and t.strip()] + WORDING
    nlp = qatext.load()
    docs = list(nlp.pipe(texts))
    tie = nlp("I have a headache.")
    for key in ("specialties", "intents"):  # equal scores: the first label in the list wins
        stored = [k for k in tie.user_data if isinstance(k, tuple) and k[-1] == key]
        assert len(stored) == 1, stored
        tie.user_data[stored[0]] = np.full_like(tie.user_data[stored[0]], 0.25)
    with nlp.select_pipes(disable=["qatext_topics"]):
        untagged = nlp("No topics on this one.")
    rows = TagRows()
    for number, doc in enumerate([*docs, tie, untagged]):
        rows.add(doc, record_id=f"r{number}")
    frame = rows.frame()
    expected = [(f"r{n}", *doc._.specialties[0], *doc._.intents[0]) for n, doc in enumerate([*docs, tie])]
    assert list(frame.itertuples(index=False, name=None)) == expected
    assert frame.iloc[-1][["specialty", "intent"]].tolist() == ["allergy_immunology", "diagnosis"]
    assert len({s for s in frame["specialty"]}) > 3  # the sample spreads over specialties


def test_top_tag_is_the_first_pair_the_topic_ranking_gives():
    import numpy as np

    from qatext.annotate.rows import _top
    from qatext.topics.scorer import ranked

    labels = ("a", "b", "c")
    rows = [np.array(r, dtype=np.float32) for r in ([0.2, 0.5, 0.3], [0.4, 0.2, 0.4], [np.nan, 0.1, 0.9],
                                                     [0.3, np.nan, 0.1], [1 / 3] * 3)]
    names, scores = _top([*rows, None], np.asarray(labels, dtype=object))
    assert list(zip(names, scores))[:-1] == [ranked(row[None, :], labels)[0][0] for row in rows]
    assert names == ["b", "a", "c", "a", "a", None] and scores[-1] is None
