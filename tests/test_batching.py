"""The one-doc-at-a-time components' ``pipe`` (qatext.ner.batching): same output, errors handled as spaCy does."""
from __future__ import annotations

import pytest

import qatext

TEXTS = ["I have had a headache and no fever since Monday.", "My mother has type 2 diabetes (T2D); is T2D hereditary?",
         "", "Started sertraline 50mg, now nausea and brain zaps.", "no no no", "What are the symptoms of asthma?"]


@pytest.fixture(scope="module")
def nlp():
    return qatext.load()


def _entities(doc):
    return [(e.start_char, e.end_char, e.label_, e.kb_id_, e._.assertion, e._.experiencer) for e in doc.ents]


def test_every_per_doc_component_has_a_batched_pipe(nlp):
    for name in ("qatext_abbreviations", "qatext_ner", "qatext_context"):
        assert hasattr(nlp.get_pipe(name), "pipe"), name


@pytest.mark.parametrize("batch_size", [1, 2, 256])
def test_pipe_gives_what_one_call_per_doc_gives(nlp, batch_size):
    piped = list(nlp.pipe(TEXTS * 3, batch_size=batch_size))
    assert [_entities(d) for d in piped] == [_entities(nlp(t)) for t in TEXTS * 3]
    assert [d._.abbreviation_definitions for d in piped] == [nlp(t)._.abbreviation_definitions for t in TEXTS * 3]


def test_a_failing_doc_goes_to_the_error_handler_and_the_batch_goes_on(monkeypatch):
    nlp = qatext.load(topics=False)
    recognizer = nlp.get_pipe("qatext_ner")
    call = type(recognizer).__call__

    def fails_on_boom(self, doc):
        if "boom" in doc.text:
            raise ValueError("boom")
        return call(self, doc)

    monkeypatch.setattr(type(recognizer), "__call__", fails_on_boom)
    with pytest.raises(ValueError, match="boom"):
        list(nlp.pipe(["a headache", "boom", "a fever"]))
    seen = []
    nlp.set_error_handler(lambda name, proc, docs, error: seen.append((name, docs[0].text, str(error))))
    docs = list(nlp.pipe(["a headache", "boom", "a fever"]))
    assert seen == [("qatext_ner", "boom", "boom")]
    # as spaCy's own loop does, the failed doc is left out once the handler returns
    assert [d.text for d in docs] == ["a headache", "a fever"]
    assert [e.text for e in docs[1].ents] == ["fever"]
