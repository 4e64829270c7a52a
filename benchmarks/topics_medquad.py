"""MedQuAD agreement of qatext's topic tagging: intent vs the corpus's own qtype, specialty vs agency.

    python benchmarks/topics_medquad.py [--shared ../shared] [--full]   # --full: qatext.load() NER too

Prints intent accuracy / macro-F1 with the confusion matrix, and for each agency that
determines a specialty (NINDS -> neurology, CancerGov -> oncology, CDC, GHR) the share of its
questions tagged with that specialty. Deterministic: no sampling.
"""
from __future__ import annotations

import argparse
import platform
import time
from pathlib import Path

import spacy

from qatext.topics.evaluate import classification_report, format_report, read_medquad
from qatext.topics.tagging import tag

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--full", action="store_true", help="run with qatext.load() (NER concepts as evidence)")
    args = parser.parse_args()
    questions = read_medquad(args.shared / "corpora" / "medquad")
    if args.full:
        import qatext
        nlp = qatext.load()
    else:
        nlp = spacy.blank("en")
        nlp.add_pipe("qatext_topics")
    start = time.perf_counter()
    tagged = tag(questions, text=("text",), nlp=nlp, explain=False)
    elapsed = time.perf_counter() - start
    print(f"machine: {platform.platform()}, python {platform.python_version()}, spacy {spacy.__version__}")
    print(f"pipeline: {nlp.pipe_names}; {len(tagged)} questions tagged in {elapsed:.1f} s")
    report = classification_report(questions["intent"], tagged["intent"])
    print(format_report(report, title="\nintent vs MedQuAD qtype (mapped)"))
    print("\nspecialty vs source agency")
    for agency, frame in tagged.groupby("source"):
        expected = frame["agency_specialty"].iloc[0]
        expected = expected if isinstance(expected, str) else None
        shares = frame["specialty"].value_counts(normalize=True)
        top = ", ".join(f"{k} {v:.2f}" for k, v in shares.head(3).items())
        hit = f"{(frame['specialty'] == expected).mean():.3f}" if expected else "  -  "
        print(f"{agency:22} n={len(frame):5}  expected={str(expected):20} agree={hit}  top: {top}")


if __name__ == "__main__":
    main()
