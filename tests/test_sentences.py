"""The array sentencizer must set exactly the sentence starts spaCy's sentencizer sets."""
from __future__ import annotations

import json
from pathlib import Path

import spacy
from spacy.pipeline import Sentencizer

import qatext
from qatext.ner.pipeline import SENTENCE_PUNCT
from qatext.ner.sentences import ArraySentencizer

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"
ODD = ["", " ", "...", "!!!", "?!", "a.b", ". . .", "\n\n\n", "hi!!! ok?? ...fine\n\nnext", "😀😀. 😀", "“Quote.” Then",
       "end (see above). Next", "Dr. Smith said no.", "u.s.a. e.g. i.e. ok", "...and then", "no end", "x\n"]


def _texts() -> list[str]:
    texts = list(ODD)
    for name in ("ner.jsonl", "assertion.jsonl", "topics.jsonl"):
        with open(GOLD / name, encoding="utf-8") as lines:
            texts += [json.loads(line)["text"] for line in lines]
    return texts


def _starts(sentencizer, docs) -> list[list[bool]]:
    docs = [doc.copy() for doc in docs]
    sentencizer.set_annotations(docs, sentencizer.predict(docs))
    return [[token.is_sent_start for token in doc] for doc in docs]


def test_array_sentencizer_sets_spacys_sentence_starts():
    tokenizer = spacy.blank("en").tokenizer
    docs = [tokenizer(text) for text in _texts()]
    for chars in (SENTENCE_PUNCT, None):  # qatext's characters and spaCy's default set
        expected = _starts(Sentencizer(punct_chars=chars), docs)
        assert _starts(ArraySentencizer(punct_chars=chars), docs) == expected
    assert sum(starts.count(True) for starts in expected) > 2 * len(docs)  # real multi-sentence texts


def test_pipeline_uses_it_and_a_saved_pipeline_keeps_its_characters(tmp_path):
    nlp = qatext.load(topics=False)
    assert nlp.get_pipe_meta("sentencizer").factory == "qatext_sentencizer"
    assert isinstance(nlp.get_pipe("sentencizer"), ArraySentencizer)
    text = "my knee hurts!! cant walk\nis it gout? Dr. Lee said rest"
    expected = [sent.text for sent in nlp(text).sents]
    assert expected == ["my knee hurts!!", "cant walk\n", "is it gout?", "Dr. Lee said rest"]  # "Dr." is one token
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.get_pipe("sentencizer").punct_chars == set(SENTENCE_PUNCT)
    assert [sent.text for sent in loaded(text).sents] == expected
