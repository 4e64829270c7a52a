"""Cost of the ``qatext_topics`` component relative to the NER pipeline (target: <= 25 %).

    python benchmarks/topics_speed.py [--shared ../shared] [--limit 3000] [--repeat 3]

Texts: ask-a-doctor-2017 question bodies (questionDoctors + iCliniq). Runs the pipeline
without topics over them, then times the topics component alone on those same finished docs
(so the number is the component's own cost), batched as ``nlp.pipe`` runs it and one doc
a call as ``nlp(text)`` does, best of ``--repeat`` runs, one process, one core.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def load_texts(shared: Path, limit: int) -> list[str]:
    folder = shared / "corpora" / "ask-a-doctor-2017"
    texts = []
    for name in ("questionDoctorQAs.json", "icliniqQAs.json"):
        for row in json.loads((folder / name).read_text(encoding="utf-8")):
            text = (row.get("question_text") or row.get("question") or "").strip()
            if text:
                texts.append(text)
    return list(dict.fromkeys(texts))[:limit]


def load_answers(shared: Path, questions: list[str]) -> list[str]:
    """The first reply to each question, as ``qatext annotate`` reads question and answer of a record."""
    folder = shared / "corpora" / "ask-a-doctor-2017"
    answers: dict[str, str] = {}
    for name in ("questionDoctorQAs.json", "icliniqQAs.json"):
        for row in json.loads((folder / name).read_text(encoding="utf-8")):
            text = (row.get("question_text") or row.get("question") or "").strip()
            answers.setdefault(text, (row.get("answer") or "").strip())
    return [answers.get(q, "") for q in questions]


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--limit", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import spacy

    import qatext
    from qatext.topics.component import TopicTagger

    texts = load_texts(args.shared, args.limit)
    start = time.perf_counter()
    nlp = qatext.load(topics=False)
    load_seconds = time.perf_counter() - start
    start = time.perf_counter()
    topics = TopicTagger(nlp, "qatext_topics")
    topics_init = time.perf_counter() - start
    docs = list(nlp.pipe(texts))  # warm-up, and the docs the component will be timed on
    words = sum(sum(not t.is_punct and not t.is_space for t in doc) for doc in docs)
    ner_seconds = best_of(args.repeat, lambda: list(nlp.pipe(texts)))
    # what nlp.pipe runs: it hands each component its batch_size (spaCy default 1000)
    topics_seconds = best_of(args.repeat, lambda: list(topics.pipe(docs, batch_size=nlp.batch_size)))
    single_seconds = best_of(args.repeat, lambda: [topics(doc) for doc in docs])  # what nlp(text) runs
    answers = load_answers(args.shared, texts)
    answer_words = sum(len(a.split()) for a in answers)
    answers_seconds = best_of(args.repeat, lambda: list(nlp.pipe(answers)))
    blank = spacy.blank("en")
    tokenizer_seconds = best_of(args.repeat, lambda: list(blank.pipe(texts)))

    print(f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cpus, python {platform.python_version()}, spacy {spacy.__version__}")
    print(f"texts: {len(texts)} ask-a-doctor questions, {words} words")
    print(f"qatext.load(topics=False): {load_seconds:.2f} s; TopicTagger init: {topics_init:.2f} s")
    print(f"tokenizer only        : {words / tokenizer_seconds:12,.0f} words/s")
    print(f"NER pipeline          : {words / ner_seconds:12,.0f} words/s  ({ner_seconds:.2f} s)")
    print(f"topics component alone: {words / topics_seconds:12,.0f} words/s  ({topics_seconds:.2f} s)")
    print(f"topics, one doc a call: {words / single_seconds:12,.0f} words/s  ({single_seconds:.2f} s)")
    print(f"topics overhead on the NER pipeline (nlp.pipe), questions only: {100 * topics_seconds / ner_seconds:.1f} %")
    # qatext annotate / report run the NER on question and answer and the tagger on the question only
    record_ner = ner_seconds + answers_seconds
    print(f"records (question + {answer_words:,} words of answers): NER {record_ner:.2f} s, tagging adds "
          f"{100 * topics_seconds / record_ner:.1f} %")


if __name__ == "__main__":
    main()
