"""Reply patterns: readability, reply acts by rule, latency, coverage, per-group and per-doctor tables."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from qatext.analysis import REPLY_ACTS, doctor_aliases, find_reply_acts, readability, replies_by_doctor, \
    replies_by_group, reply_features
from qatext.analysis.replies import syllables
from qatext.annotate import ENTITY_COLUMNS
from qatext.schema import records_to_frame

FULL_REPLY = """Hello,
Thank you for your question. I understand this must be worrying.
These headaches are most likely due to tension and poor sleep.
I suggest a blood test and a thyroid function test.
Please see a neurologist if they continue.
Take ibuprofen 400 mg twice daily for three days.
Try regular exercise and reduce caffeine.
This is very common and nothing to worry about.
Feel free to write again if you have further questions.
Regards,
Dr. Example"""


def test_syllable_heuristic_on_known_words():
    assert [syllables(w) for w in ["cat", "table", "headache", "medication", "the", "cake"]] == [1, 2, 2, 4, 1, 1]


def test_readability_matches_the_flesch_formulas():
    text = "The cat sat on the mat. The dog ran."
    stats = readability(text)
    words, sentences, syll = 9, 2, 9
    assert (stats["words"], stats["sentences"]) == (words, sentences)
    assert stats["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * words / sentences - 84.6 * syll / words)
    assert stats["fk_grade"] == pytest.approx(0.39 * words / sentences + 11.8 * syll / words - 15.59)
    assert readability("Electroencephalography demonstrates generalized abnormalities.")["fk_grade"] > stats["fk_grade"]
    assert pd.isna(readability(None)["flesch_reading_ease"])


def test_every_act_is_found_in_a_reply_that_performs_it():
    acts = find_reply_acts(FULL_REPLY)
    assert {act for act in REPLY_ACTS if acts[act]} == set(REPLY_ACTS)
    assert acts["referral_specialties"] == ["neurology"]
    assert acts["tests_recommended"] == ["blood test", "thyroid function test"]


def test_a_bare_reply_performs_few_acts():
    acts = find_reply_acts("Your results are attached.")
    assert not any(acts[a] for a in REPLY_ACTS)
    assert find_reply_acts(None)["referral_specialties"] == []


def test_tests_ruled_out_are_not_recommended_but_the_rest_of_the_sentence_counts():
    acts = find_reply_acts("An MRI is not needed at this point, but please see a cardiologist for an ECG.")
    assert acts["tests_recommended"] == ["ECG"]
    assert acts["referral_specialties"] == ["cardiology"]
    assert not find_reply_acts("There is no need for an MRI.")["test"]


def test_referral_to_several_specialists():
    acts = find_reply_acts("I would refer you to an ENT specialist. You may also consult a dermatologist.")
    assert acts["referral"] and acts["referral_specialties"] == ["dermatology", "otolaryngology"]


def entity(record_id, field, text, concept, assertion="present", label="SYMPTOM", experiencer="patient"):
    return (record_id, field, 0, len(text), text, label, f"HP:{concept}", concept, assertion, experiencer)


def test_reply_features_latency_coverage_and_unanswered_records():
    records = records_to_frame([
        {"record_id": "a", "source": "t", "question": "I have headache, nausea and no fever.",
         "answer": "Your headache is likely a migraine. Rest.", "asked_at": "2024-01-01", "answered_at": "2024-01-04",
         "doctor_name": "Ann Smith"},
        {"record_id": "b", "source": "t", "question": "Dizzy.", "answer": None, "asked_at": "2024-01-01"},
        {"record_id": "c", "source": "t", "question": "Rash.", "answer": "See a dermatologist.",
         "asked_at": date(2024, 2, 2), "answered_at": date(2024, 2, 1), "doctor_name": "Bo Li"},
    ])
    entities = pd.DataFrame([
        entity("a", "question", "headache", "Headache"), entity("a", "question", "nausea", "Nausea"),
        entity("a", "question", "fever", "Fever", assertion="negated"),
        entity("a", "answer", "headache", "Headache"),
        entity("c", "question", "rash", "Rash"),
    ], columns=ENTITY_COLUMNS)
    features = reply_features(records, entities).set_index("record_id")
    assert features.loc["a", "latency_days"] == 3
    assert pd.isna(features.loc["c", "latency_days"])  # reply dated before the question: a data error
    # Headache mentioned, nausea not; negated fever is not the asker's symptom.
    assert features.loc["a", ["question_symptoms", "symptoms_mentioned", "coverage"]].tolist() == [2, 1, 0.5]
    assert features.loc["c", "coverage"] == 0.0
    assert not features.loc["b", "has_answer"] and pd.isna(features.loc["b", "coverage"])
    assert len(features) == 3
    by_group = replies_by_group(features.reset_index(), pd.Series({"a": "neurology", "c": "dermatology"}))
    assert by_group.set_index("specialty").loc["dermatology", "share_referral"] == 1.0


def test_doctor_aliases_are_pseudonyms_by_descending_reply_count():
    names = pd.Series(["Bo Li", "Ann Smith", "Bo Li", "Cy Ode", "Ann Smith", "Bo Li", None])
    assert doctor_aliases(names) == {"Bo Li": "doctor_01", "Ann Smith": "doctor_02", "Cy Ode": "doctor_03"}
    assert doctor_aliases(names, show_names=True)["Bo Li"] == "Bo Li"


def test_per_doctor_table_hides_names_unless_asked():
    rows = [{"record_id": f"r{i}", "source": "t", "question": "q", "answer": "Hello, take care.",
             "doctor_name": "Ann Smith" if i < 3 else "Bo Li"} for i in range(5)]
    records = records_to_frame(rows)
    features = reply_features(records)
    table = replies_by_doctor(features, records, min_replies=2)
    assert table["doctor"].tolist() == ["doctor_01", "doctor_02"]
    assert table["n_replies"].tolist() == [3, 2]
    assert "Ann Smith" not in table.to_csv()
    named = replies_by_doctor(features, records, min_replies=3, show_names=True)
    assert named["doctor"].tolist() == ["Ann Smith"]
