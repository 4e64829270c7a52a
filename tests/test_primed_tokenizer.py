"""The primed tokenizer caches more chunks than spaCy's and must split every text exactly as spaCy does."""
from __future__ import annotations

import pickle

import numpy
import spacy
from spacy.attrs import IS_SPACE, LOWER, NORM, ORTH, SPACY
from spacy.tokenizer import Tokenizer

import qatext
from qatext.ner.primed_tokenizer import PrimedTokenizer

# Line breaks and contractions are special cases: after the first one spaCy caches nothing more of a text.
TEXTS = [
    "Hi doc,\nim 34 and i've had a sore throat (and a dry cough) for 3 weeks. dont know if it's strep?",
    "My son's ear hurts :( he can't sleep... ibuprofen 200mg didnt help.\n\nThanks!!",
    "e.g. chest-pain after meals; no fever, no chills. Is it GERD or my gallbladder??",
    "  I'm worried   about my bp 150/95 - check https://example.org/bp?x=1 pls\t(dont ignore)",
    "sore throat (and a dry cough) for 3 weeks. im 34; it's strep? dont know\n",
    "",
    "\n",
    "ok",
]
ATTRS = [ORTH, NORM, LOWER, SPACY, IS_SPACE]


def _rows(tokenizer, texts) -> list[list]:
    return [tokenizer(text).to_array(ATTRS).tolist() for text in texts]


def _plain_and_primed():
    nlp = spacy.blank("en")
    plain = nlp.tokenizer
    plain.max_cache_size = 0  # every chunk split by the affix rules
    return plain, PrimedTokenizer.like(plain, max_cache_size=100)


def test_primed_tokenizer_splits_as_spacy_does_cold_and_warm():
    plain, primed = _plain_and_primed()
    expected = _rows(plain, TEXTS)
    assert _rows(primed, TEXTS) == expected  # cold: chunks cached on their own at their second sighting
    assert {"weeks.", "cough)", "(and"} <= primed._primed  # met in two texts
    assert "chills." not in primed._primed  # met once: cached only if spaCy did
    assert _rows(primed, TEXTS) == expected  # warm: the chunks come from the cache
    assert _rows(primed, list(reversed(TEXTS))) == list(reversed(expected))


def test_primed_tokenizer_forgets_its_chunks_when_spacy_empties_the_cache():
    plain, primed = _plain_and_primed()
    for _ in range(2):
        primed("gimme the pills.\nthen gimme water")
    assert "gimme" in primed._primed
    for tokenizer in (plain, primed):
        tokenizer.add_special_case("gimme", [{ORTH: "gim"}, {ORTH: "me"}])
    assert not primed._primed and not primed._seen
    text = "gimme the pills.\nthen gimme water"
    assert [t.text for t in primed(text)] == [t.text for t in plain(text)]
    assert [t.text for t in primed(text)][:2] == ["gim", "me"]


def test_primed_tokenizer_stops_at_the_cache_limit_and_survives_pickling():
    plain, primed = _plain_and_primed()
    primed.max_cache_size = 3
    primed(TEXTS[0])
    primed(TEXTS[0])
    assert len(primed._primed) >= 3
    size = len(primed._primed)
    primed(TEXTS[2])
    assert len(primed._primed) == size  # full: no more chunks split twice
    copy = pickle.loads(pickle.dumps(primed))
    assert type(copy) is PrimedTokenizer and not copy._primed and not copy._seen
    assert _rows(copy, TEXTS) == _rows(plain, TEXTS)


def test_load_primes_a_spacy_tokenizer_and_leaves_a_custom_one_alone():
    nlp = qatext.load(topics=False, assertion=False)
    assert type(nlp.tokenizer) is PrimedTokenizer
    assert nlp.tokenizer.max_cache_size >= 100_000
    doc = nlp("I've had a migraine since monday.\nim on sumatriptan, dont know if it helps")
    assert [e.text for e in doc.ents] and numpy.array_equal(
        doc.to_array(ATTRS), nlp.tokenizer(doc.text).to_array(ATTRS))

    class Whitespace:
        def __init__(self, vocab):
            self.vocab = vocab

        def __call__(self, text):
            return spacy.tokens.Doc(self.vocab, words=text.split())

    base = spacy.blank("en")
    base.tokenizer = Whitespace(base.vocab)
    assert type(qatext.load(base=base, topics=False, assertion=False).tokenizer) is Whitespace
    assert type(spacy.blank("en").tokenizer) is Tokenizer  # spaCy's own class is left as it was
