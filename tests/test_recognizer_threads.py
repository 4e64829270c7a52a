"""One pipeline shared by threads: the recognizer's hash -> word cache may be cleared by one thread while another
reads it (qatext.ner.recognizer.MedicalEntityRecognizer._strings)."""
from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor

import qatext

TEXTS = [f"my knees hurt and i have a headache since monday, took ibuprofen 400mg, word{n}a word{n}b"
         for n in range(60)] + [f"no fever but a dry cough for 3 weeks, is it asthma? my mum had copd, thing{n}"
                                for n in range(60)]  # new words in each text: each doc misses the cache


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


def test_threads_sharing_one_pipeline_find_what_one_thread_finds(monkeypatch):
    from qatext.ner import recognizer

    monkeypatch.setattr(recognizer, "_WORD_CACHE_SIZE", 0)  # every miss clears the cache, as a full one does
    nlp = qatext.load(topics=False)
    alone = [[(e.text, e.label_) for e in doc.ents] for doc in map(nlp, TEXTS)]

    def run(text):
        return [(e.text, e.label_) for e in nlp(text).ents]

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads switch every few bytecodes, so a clear lands between fill and read
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            assert list(pool.map(run, TEXTS)) == alone
    finally:
        sys.setswitchinterval(interval)
