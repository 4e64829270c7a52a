"""MedQuAD agreement (qatext issue 4 acceptance): intent vs the corpus's own qtype, specialty vs agency.

The same numbers, on every question and with timings, come from ``benchmarks/topics_medquad.py``.
"""
from __future__ import annotations

import pytest

from qatext.topics.evaluate import classification_report, medquad_questions
from qatext.topics.tagging import tag


@pytest.fixture(scope="module")
def medquad(shared_corpus):
    questions = medquad_questions(shared_corpus("medquad"))
    assert len(questions) > 40_000 and questions["intent"].notna().all()
    return questions


@pytest.fixture(scope="module")
def full_nlp():
    import qatext

    return qatext.load()


def test_intent_agrees_with_medquad_qtype(medquad, full_nlp):
    sample = medquad.iloc[::4]  # every 4th question: all qtypes, a quarter of the time
    tagged = tag(sample, text=("text",), nlp=full_nlp, explain=False)
    report = classification_report(sample["intent"], tagged["intent"])
    assert report["macro_f1"] >= 0.80, report["per_label"]


@pytest.mark.parametrize("agency, specialty, floor",
                         [("CancerGov", "oncology", 0.85), ("CDC", "infectious_disease", 0.80)])
def test_agency_questions_get_the_agency_specialty(medquad, full_nlp, agency, specialty, floor):
    questions = medquad[medquad["source"] == agency]
    tagged = tag(questions, text=("text",), nlp=full_nlp, explain=False)
    share = (tagged["specialty"] == specialty).mean()
    assert share >= floor, f"{agency}: {share:.3f} tagged {specialty}"


def test_ninds_reaches_the_issue_target(medquad, full_nlp):
    questions = medquad[medquad["source"] == "NINDS"]
    tagged = tag(questions, text=("text",), nlp=full_nlp, explain=False)
    share = (tagged["specialty"] == "neurology").mean()
    # measured 0.860 (2026-11, + prior for unknown named syndromes, cue words a name's concept
    # contradicts): NINDS also files ADHD and autism, back pain and carpal tunnel, AF and stroke,
    # shingles, sleep apnea, brain and pituitary tumours
    assert share >= 0.85, f"NINDS: {share:.3f} tagged neurology"
