"""Pseudonyms are stable per key, names vanish from every text field, contacts are masked."""
from __future__ import annotations

import pandas as pd
import pytest

import qatext
from qatext.privacy import mask_contacts, pseudonymize
from qatext.schema import records_to_frame


def _frame():
    return records_to_frame([
        {"record_id": "r1", "source": "t", "asker_name": "Aze", "doctor_name": "Jiang Junyi",
         "question": "Hello doctor, Aze here. Mail me at aze.w@example.com or call +886 2 2736 1661.",
         "answer": "Dear Mr.\nAze,\nSee www.example.org/als for more.\nSincerely,\nDr.\nJiang Junyi\nTaipei Medical University",
         "related": [{"title": "t", "question": "q", "doctor_name": "Gao Chunde", "specialty": "Neurology",
                      "answer": "Dr. Gao Chunde says hi"}]},
        {"record_id": "r2", "source": "t", "asker_name": None, "doctor_name": "Jiang Junyi", "answer": "Regards, Dr. Jiang"},
    ])


def test_names_and_contacts_are_gone_everywhere():
    out = pseudonymize(_frame(), key="secret")
    dump = out.to_json()
    for name in ("Aze", "Jiang", "Junyi", "Gao Chunde", "aze.w@example.com", "2736 1661", "www.example.org"):
        assert name not in dump, name
    assert out.loc[0, "asker_name"].startswith("asker-")
    assert out.loc[0, "doctor_name"] == out.loc[1, "doctor_name"]  # same doctor, same pseudonym
    assert "[email]" in out.loc[0, "question"] and "[phone]" in out.loc[0, "question"]
    assert "[url]" in out.loc[0, "answer"]
    assert out.loc[0, "related"][0]["doctor_name"].startswith("doctor-")


def test_pseudonyms_are_stable_per_key_and_differ_across_keys():
    a, b, c = (pseudonymize(_frame(), key=k) for k in ("k1", "k1", "k2"))
    assert a.loc[0, "doctor_name"] == b.loc[0, "doctor_name"]
    assert a.loc[0, "doctor_name"] != c.loc[0, "doctor_name"]


def test_key_from_environment(monkeypatch):
    monkeypatch.setenv("QATEXT_PSEUDONYM_KEY", "from-env")
    assert pseudonymize(_frame()).loc[0, "asker_name"] == pseudonymize(_frame(), key="from-env").loc[0, "asker_name"]


def test_missing_key_warns_and_still_hides_names(monkeypatch):
    monkeypatch.delenv("QATEXT_PSEUDONYM_KEY", raising=False)
    with pytest.warns(UserWarning, match="random key"):
        out = pseudonymize(_frame())
    assert "Jiang" not in out.to_json()


@pytest.mark.parametrize("text,expected", [
    ("call 555-123-4567 now", "call [phone] now"),
    ("BP 150/95 and HbA1c 7.8%", "BP 150/95 and HbA1c 7.8%"),
    ("took 500 mg twice", "took 500 mg twice"),
    ("on 2023-01-03 at 10:30", "on 2023-01-03 at 10:30"),
])
def test_contact_masking_leaves_clinical_numbers(text, expected):
    assert mask_contacts(text) == expected


def test_seed_page_pseudonymised(seed_text):
    record = qatext.parse_page(seed_text)
    out = pseudonymize(records_to_frame([record]), key="k")
    dump = out.to_json()
    assert "Aze" not in dump and "Jiang Junyi" not in dump and "Gao Chunde" not in dump
