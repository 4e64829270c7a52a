"""The array sentencizer must find exactly spaCy's sentence starts."""
from __future__ import annotations

import pickle

import spacy
from spacy.pipeline import Sentencizer

import qatext
from qatext.ner.pipeline import SENTENCE_PUNCT
from qatext.ner.sentences import ArraySentencizer, use_arrays

TEXTS = [
    "I have had a headache for 3 days. It gets worse at night!\nShould I see a doctor?",
    "My son (4 yrs) has a rash... \"It itches,\" he says. Then it spreads.",
    ". starts with a period?! and ends without one",
    "Thanks doc!!! :) really.\n\n\nP.S. the pain is gone.",
    "?",
    "...",
    "no punctuation at all here",
    "\n\nHi\n",
    "Fever 39.5 C. Dr. Smith said (see above). \"Rest.\" OK?",
    "",
]


def _starts(nlp, sentencizer, texts):
    docs = [nlp.make_doc(text) for text in texts]
    for doc in sentencizer.pipe(docs, batch_size=3):
        yield [token.is_sent_start for token in doc]


def test_array_sentencizer_finds_spacys_sentence_starts():
    nlp = spacy.blank("en")
    for punct_chars in (SENTENCE_PUNCT, None, ["!"]):
        expected = list(_starts(nlp, Sentencizer(punct_chars=punct_chars), TEXTS))
        assert list(_starts(nlp, ArraySentencizer(punct_chars=punct_chars), TEXTS)) == expected
        one_by_one = ArraySentencizer(punct_chars=punct_chars)
        assert [[t.is_sent_start for t in one_by_one(nlp.make_doc(text))] for text in TEXTS] == expected
    assert sum(starts.count(True) for starts in expected) > len(TEXTS)


def test_array_sentencizer_keeps_starts_already_set_and_spacys_settings():
    nlp = spacy.blank("en")
    doc = nlp.make_doc("my ear hurts. a lot")
    doc[1].is_sent_start = True
    ArraySentencizer(punct_chars=SENTENCE_PUNCT)(doc)
    assert [t.is_sent_start for t in doc] == [True, True, False, False, True, False]
    sentencizer = ArraySentencizer(punct_chars=["!"])
    copy = pickle.loads(pickle.dumps(sentencizer))
    assert type(copy) is ArraySentencizer and copy.punct_chars == {"!"}
    assert Sentencizer().from_bytes(sentencizer.to_bytes()).punct_chars == {"!"}


def test_load_uses_the_array_sentencizer_and_a_subclass_is_left_alone():
    nlp = qatext.load(topics=False, assertion=False)
    assert type(nlp.get_pipe("sentencizer")) is ArraySentencizer
    assert nlp.config["components"]["sentencizer"]["factory"] == "sentencizer"  # a saved pipeline needs no qatext

    class Mine(Sentencizer):
        pass

    mine = Mine()
    use_arrays(mine)
    assert type(mine) is Mine
