"""Corpus readers: row counts on the shared corpora, stable ids, bad files, tabular round trips."""
from __future__ import annotations

import datetime
import json
import warnings

import pandas as pd
import pytest

from qatext.corpus import ReadError, ReadWarning, detect_format, iter_corpus, read_corpus, write_corpus
from qatext.corpus.flags import FLAGS
from qatext.schema import COLUMNS, Record, records_to_frame
from tests.conftest import REPO, SAMPLE

FIXTURES = REPO / "tests" / "fixtures" / "corpus"


def _read(path, **kwargs) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_corpus(path, **kwargs)


def _all_flags_documented(df: pd.DataFrame) -> None:
    used = {flag for flags in df["flags"] for flag in flags}
    assert used <= set(FLAGS), used - set(FLAGS)


# -- shared corpora ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def medquad(shared_corpus):
    return shared_corpus("medquad")


def test_medquad_rows(medquad, shared):
    # 47,441 <QAPair> elements plus 16 <pair> elements in four NINDS files written in an older
    # XML vocabulary (<doc>, <pair>): 47,457, the count MedQuAD's own readme gives.
    assert len(medquad) == 47_457
    roots = medquad["extra"].map(lambda e: e["xml_root"]).value_counts().to_dict()
    assert roots == {"Document": 47_436, "doc": 16, "DiseaseFile": 5}
    assert medquad.attrs["errors"] == []
    assert list(medquad.columns) == COLUMNS
    assert (medquad["source"] == "medquad").all()
    assert medquad["record_id"].is_unique
    _all_flags_documented(medquad)


def test_medquad_fields(medquad):
    counts = medquad["category"].value_counts()
    assert {"NINDS", "GARD", "CancerGov", "ADAM", "MPlusDrugs", "CDC"} <= set(counts.index)
    removed = medquad["category"].isin(["ADAM", "MPlusDrugs", "MPlusHerbsSupplements"])
    assert medquad.loc[removed, "answer"].isna().all()
    assert medquad.loc[removed, "flags"].map(lambda f: "answer_removed_upstream" in f).all()
    assert medquad.loc[~removed, "answer"].notna().mean() > 0.999
    row = medquad[medquad["extra"].map(lambda e: e["qid"] == "0000001-1" and e["collection"] == "3_GHR_QA")].iloc[0]
    assert row["question"] == "What is (are) Aarskog-Scott syndrome ?"
    assert row["answer"].startswith("Aarskog-Scott syndrome is a genetic disorder")
    assert row["category"] == "GHR"
    assert row["url"] == "https://ghr.nlm.nih.gov/condition/aarskog-scott-syndrome"
    extra = row["extra"]
    assert (extra["qtype"], extra["focus"], extra["cuis"], extra["semantic_types"], extra["semantic_group"]) == (
        "information", "Aarskog-Scott syndrome", ["C0175701"], ["T019", "T047"], "Disorders")
    assert "AAS" in extra["synonyms"]
    drug = medquad[medquad["category"] == "MPlusDrugs"].iloc[0]
    assert drug["extra"]["focus_category"] == "Drug"


def test_ask_a_doctor(shared):
    df = _read(shared / "corpora" / "ask-a-doctor-2017")
    assert len(df) == 6_315 and df.attrs["errors"] == []
    assert df["source"].value_counts().to_dict() == {
        "ask-a-doctor/questiondoctors": 5_679, "ask-a-doctor/icliniq": 465, "ask-a-doctor/ehealthforum": 171}
    assert df["record_id"].is_unique
    icliniq = df[df["source"] == "ask-a-doctor/icliniq"].iloc[0]
    assert icliniq["question"].startswith("Hi doctor,\nI am a 24 year old female.")
    assert not any(c in icliniq["question"] for c in "\r\t\xa0")
    assert icliniq["question_title"] == "is it fine to exercise with knee pain?"
    qd = df[df["source"] == "ask-a-doctor/questiondoctors"]
    assert qd["doctor_name"].iloc[0] == "Ayman Darrag"
    assert not qd["doctor_name"].dropna().str.match(r"Dr\b").any()
    ehf = df[df["source"] == "ask-a-doctor/ehealthforum"].iloc[0]
    assert ehf["question"] == ehf["question_title"] == "how do i stop smoking now"
    assert ehf["tags"] == ["addiction", "stop smoking"]
    _all_flags_documented(df)


def test_covid_dialogue(shared):
    df = _read(shared / "corpora" / "covid-dialogue")
    assert len(df) == 604 and df.attrs["errors"] == []
    assert df["record_id"].is_unique
    reused = df[df["extra"].map(lambda e: e["id"] == "18")]
    assert len(reused) == 2 and reused["flags"].map(lambda f: "duplicate_source_id" in f).all()
    first = df.iloc[0]
    assert first["question_title"] == "I have cough with no travel history. Is this a symptom of Covid-19?"
    assert first["question"].startswith("Hello doctor, I get a cough for the last few days")
    assert first["answer"].startswith("Hello, I understand your concern.")
    dialogue = first["extra"]["dialogue"]
    assert [t["speaker"] for t in dialogue] == ["patient", "doctor", "patient", "doctor"]
    assert first["answer"] == "\n\n".join(t["text"] for t in dialogue if t["speaker"] == "doctor")
    assert first["url"].startswith("https://www.icliniq.com/")
    _all_flags_documented(df)


@pytest.mark.parametrize("corpus", ["ask-a-doctor-2017", "covid-dialogue", "medquad"])
def test_record_ids_identical_across_runs(shared, corpus, request):
    path = shared / "corpora" / corpus
    first = request.getfixturevalue("medquad") if corpus == "medquad" else _read(path)
    second = _read(path)
    assert first["record_id"].is_unique
    assert first["record_id"].tolist() == second["record_id"].tolist()


def test_detect_format(shared):
    assert detect_format(shared / "corpora" / "medquad") == "medquad"
    assert detect_format(shared / "corpora" / "ask-a-doctor-2017") == "ask-a-doctor"
    assert detect_format(shared / "corpora" / "covid-dialogue") == "covid-dialogue"
    assert detect_format(shared / "seed") == "pages"
    assert detect_format(FIXTURES / "bad_folder") == "mixed"
    with pytest.raises(ValueError, match="unknown format"):
        read_corpus(FIXTURES / "pages", "xml")


def test_streaming_matches_whole_read(shared):
    path = shared / "corpora" / "medquad" / "1_CancerGov_QA"
    chunks = list(iter_corpus(path, "medquad", chunksize=100))
    assert [len(c) for c in chunks[:-1]] == [100] * (len(chunks) - 1) and 0 < len(chunks[-1]) <= 100
    whole = _read(path, format="medquad")
    assert pd.concat(chunks, ignore_index=True)["record_id"].tolist() == whole["record_id"].tolist()


# -- synthetic fixtures: bad files never sink a read -------------------------------------------

def test_bad_folder_keeps_good_rows_and_names_bad_files():
    with pytest.warns(ReadWarning) as caught:
        df = read_corpus(FIXTURES / "bad_folder")
    assert len(caught) == 4 and any("billion_laughs.xml" in str(w.message) for w in caught)
    assert len(df) == 1 and df.iloc[0]["title"] == "Knee Pain After Running: Should I Rest?"
    reasons = {e["path"].rsplit("/", 1)[-1]: e["reason"] for e in df.attrs["errors"]}
    assert set(reasons) == {"billion_laughs.xml", "external_entity.xml", "garbage.bin", "garbage_page.txt"}
    assert "entity" in reasons["billion_laughs.xml"]
    assert "external entity" in reasons["external_entity.xml"] and "/etc/passwd" in reasons["external_entity.xml"]
    assert "binary" in reasons["garbage_page.txt"]


def test_bad_folder_raise_mode():
    with pytest.raises(ReadError) as info:
        read_corpus(FIXTURES / "bad_folder", errors="raise")
    assert info.value.path.endswith("billion_laughs.xml") and "entity" in info.value.reason


def test_medquad_mini():
    df = _read(FIXTURES / "medquad_mini")
    assert len(df) == 4
    failed = sorted(e["path"].rsplit("/", 1)[-1] for e in df.attrs["errors"])
    assert failed == ["billion_laughs.xml", "external_entity.xml", "malformed.xml"]
    gout = df.iloc[0]
    assert gout["answer"] == "Gout is a form of arthritis.\nIt causes sudden pain and swelling in a joint."
    assert gout["extra"]["synonyms"] == ["Podagra"] and gout["category"] == "TESTGOV"
    old = df[df["extra"].map(lambda e: e["xml_root"] == "doc")].iloc[0]
    assert (old["question"], old["category"], old["extra"]["focus"]) == ("what are hiccups ?", "TESTGOV", "Hiccups")
    removed = df[df["category"] == "MPlusDrugs"].iloc[0]
    assert removed["answer"] is None or pd.isna(removed["answer"])
    assert removed["flags"] == ["answer_removed_upstream"]


def test_invalid_utf8_page_is_flagged(tmp_path):
    text = (FIXTURES / "pages" / "001_knee.txt").read_bytes().replace(b"My right knee", b"My right \xff\xfe knee")
    (tmp_path / "page.txt").write_bytes(text)
    df = _read(tmp_path)
    assert len(df) == 1 and "invalid_utf8" in df.iloc[0]["flags"]
    assert "\ufffd" in df.iloc[0]["question"]


def test_page_folder_flags():
    df = _read(FIXTURES / "pages")
    assert len(df) == 2 and df["record_id"].is_unique
    damaged = df.iloc[1]
    assert {"missing_answer", "missing_doctor", "invalid_date"} <= set(damaged["flags"])
    assert damaged["asked_at"] is None


def test_ask_a_doctor_bad_object_costs_only_itself(tmp_path):
    good = {"question": "q1?", "question_text": "\r\n\t Hi,\n I have a cough.\t", "answer": "a1",
            "answer_author": "Dr. Jane Roe", "tags": ["cough"], "url": "https://example.org/1"}
    text = ("[\n" + json.dumps(good) + ",\n" + '{"question": "broken", "answer": oops},\n'
            + json.dumps({**good, "url": "https://example.org/2"}) + ",\n42\n]")
    (tmp_path / "icliniqQAs.json").write_text(text, encoding="utf-8")
    df = _read(tmp_path)
    assert df["url"].tolist() == ["https://example.org/1", "https://example.org/2"]
    assert df.iloc[0]["question"] == "Hi,\nI have a cough." and df.iloc[0]["doctor_name"] == "Jane Roe"
    assert df.iloc[0]["source"] == "ask-a-doctor/icliniq"
    records = [e["record"] for e in df.attrs["errors"]]
    assert records == [1, 3] and "line 3" in df.attrs["errors"][0]["reason"]


def test_covid_file_with_reused_id(tmp_path):
    block = "id={n}\nhttps://example.org/{n}\n\nDescription\n{d}\n\nDialogue\nPatient:\n{q}\nDoctor:\n{a}\n\n"
    text = (block.format(n=1, d="Fever?", q="I have a fever.", a="Rest.")
            + block.format(n=1, d="Cough?", q="I cough.", a="Drink water.")
            + "id=2\nhttps://example.org/2\n\nDescription\nNo reply\n\nDialogue\nPatient:\nHello?\n")
    (tmp_path / "COVID-Dialogue-Dataset-English.txt").write_text(text, encoding="utf-8")
    df = _read(tmp_path)
    assert len(df) == 3 and df["record_id"].is_unique
    assert df["flags"].tolist()[:2] == [["duplicate_source_id"], ["duplicate_source_id"]]
    assert {"missing_answer", "missing_doctor_turn"} <= set(df.iloc[2]["flags"])
    assert _read(tmp_path)["record_id"].tolist() == df["record_id"].tolist()


# -- tabular round trips ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def schema_frame() -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pages = read_corpus(FIXTURES / "pages")
    extra = records_to_frame([
        Record(record_id="x-1", source="synthetic", question="Line one\nline \"two\", with comma",
               asked_at=datetime.date(2020, 2, 29), tags=["a", "b (c)"], flags=["missing_answer"],
               related=[{"title": "t", "question": None, "doctor_name": "D", "specialty": None, "answer": "x"}],
               extra={"nested": {"k": [1, 2.5, None]}, "unicode": "é—中"}),
    ])
    return pd.concat([pages, extra], ignore_index=True)


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_round_trip(tmp_path, schema_frame, suffix):
    path = write_corpus(schema_frame, tmp_path / f"corpus{suffix}")
    back = _read(path)
    assert back.attrs["errors"] == []
    expected = records_to_frame(schema_frame.to_dict("records"))
    pd.testing.assert_frame_equal(back, expected, check_dtype=False)
    assert back.loc[0, "asked_at"] == datetime.date(2022, 11, 5)
    assert back.loc[2, "extra"]["nested"] == {"k": [1, 2.5, None]}
    assert back.loc[0, "related"][0]["doctor_name"] == "Wang Fang"


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_tabular_streaming(tmp_path, schema_frame, suffix):
    path = write_corpus(schema_frame, tmp_path / f"corpus{suffix}")
    chunks = list(iter_corpus(path, chunksize=2))
    assert [len(c) for c in chunks] == [2, 1]
    assert pd.concat(chunks)["record_id"].tolist() == schema_frame["record_id"].tolist()


def test_jsonl_bad_line_loads_the_rest(tmp_path, schema_frame):
    path = write_corpus(schema_frame, tmp_path / "corpus.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0], '{"record_id": "broken", ', *lines[1:]]) + "\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="line 2"):
        df = read_corpus(path)
    assert df["record_id"].tolist() == schema_frame["record_id"].tolist()
    assert [e["record"] for e in df.attrs["errors"]] == ["line 2"]
    assert "malformed JSON on line 2" in df.attrs["errors"][0]["reason"]


def test_write_rejects_unknown_suffix(tmp_path, schema_frame):
    with pytest.raises(ValueError, match=".txt"):
        write_corpus(schema_frame, tmp_path / "out.txt")


# -- the sample pages (written by another engineer; used once they exist) ----------------------

@pytest.mark.skipif(not SAMPLE.is_dir(), reason="data/sample/ not written yet")
def test_sample_pages_all_load():
    df = _read(SAMPLE)
    assert len(df) >= 60 and df["record_id"].is_unique
    _all_flags_documented(df)
    assert df.attrs["errors"] == []
    damaged = df["extra"].map(lambda e: "damaged" in e["file"])
    assert df.loc[damaged, "flags"].map(bool).all()
    assert not df.loc[~damaged, "flags"].map(bool).any()
