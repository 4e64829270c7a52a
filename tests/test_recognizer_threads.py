"""One pipeline shared by threads: the recognizer's hash -> word cache may be cleared by one thread while another
reads it (qatext.ner.recognizer.MedicalEntityRecognizer._strings)."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import qatext

TEXTS = ["my knees hurt and i have a headache since monday, took ibuprofen 400mg",
         "no fever but a dry cough for 3 weeks, is it asthma? my mum had copd",
         "feeling dizzy on sertraline, also nausea and brain fog"] * 40


class _ClearedByAnotherThread(dict):
    """A cache that another thread empties right after each word goes in."""

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.clear()


def test_a_cache_cleared_between_filling_and_reading_gives_the_words():
    nlp = qatext.load(topics=False)
    recognizer = nlp.get_pipe("qatext_ner")
    doc = nlp.make_doc(TEXTS[0])
    recognizer._texts = _ClearedByAnotherThread()
    assert recognizer._strings(doc.vocab.strings, [t.lower for t in doc]) == [t.lower_ for t in doc]


def test_threads_sharing_one_pipeline_find_what_one_thread_finds():
    nlp = qatext.load(topics=False)
    alone = [[(e.text, e.label_) for e in doc.ents] for doc in map(nlp, TEXTS)]

    def run(text):
        return [(e.text, e.label_) for e in nlp(text).ents]

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(run, TEXTS)) == alone
