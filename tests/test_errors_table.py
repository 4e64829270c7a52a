"""Every ``errors`` table, whatever wrote it (readers, annotate_frame, ``qatext annotate``,
``qatext report``), has the same columns: source, record_id, location, stage, reason."""
from __future__ import annotations

import shutil
import warnings

import pandas as pd
import pytest
import spacy
from spacy.language import Language

from qatext.annotate import annotate, annotate_frame, read_table
from qatext.corpus import read_corpus, read_errors_table
from qatext.corpus.errors import ERROR_COLUMNS
from qatext.schema import records_to_frame
from tests.conftest import REPO

BAD_FOLDER = REPO / "tests" / "fixtures" / "corpus" / "bad_folder"


@Language.component("test_breaks_on_boom")
def _breaks_on_boom(doc):
    if "BOOM" in doc.text:
        raise ValueError("boom")
    return doc


def _read(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_corpus(path)


def test_reader_errors_table():
    table = read_errors_table(_read(BAD_FOLDER))
    assert list(table.columns) == ERROR_COLUMNS and len(table) == 4
    assert set(table["stage"]) == {"read"} and table["source"].str.startswith(str(BAD_FOLDER)).all()


def test_annotate_frame_errors_table():
    nlp = spacy.blank("en")
    nlp.add_pipe("test_breaks_on_boom")
    df = records_to_frame([{"record_id": "a", "source": "site", "question": "fine", "answer": "BOOM"},
                           {"record_id": "b", "source": "site", "question": "fine", "answer": "fine"}])
    errors = annotate_frame(df, nlp=nlp).errors
    assert list(errors.columns) == ERROR_COLUMNS
    assert errors.to_dict("records") == [{"source": "site", "record_id": "a", "location": None,
                                          "stage": "annotate:answer", "reason": "ValueError: boom"}]


def _rows(frame: pd.DataFrame) -> list[dict]:
    frame = frame.astype(object)
    return frame.where(frame.notna(), None).sort_values("record_id").to_dict("records")


@pytest.fixture(scope="module")
def annotated_bad_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad") / "bad_folder"
    shutil.copytree(BAD_FOLDER, folder)
    annotate(folder, folder.parent / "out", quiet=True)
    return folder


def test_annotate_store_errors_table(annotated_bad_folder):
    errors = read_table(annotated_bad_folder.parent / "out", "errors")
    assert list(errors.columns) == ERROR_COLUMNS
    expected = read_errors_table(_read(annotated_bad_folder))
    assert _rows(errors) == _rows(expected)


def test_report_errors_table(annotated_bad_folder):
    from qatext.report.prepare import prepare

    prepared = prepare(annotated_bad_folder, annotated_bad_folder.parent / "reports")
    saved = pd.read_parquet(prepared.report_dir / "data" / "errors.parquet")
    assert list(prepared.errors.columns) == list(saved.columns) == ERROR_COLUMNS
    assert len(saved) == 4 and prepared.counts() == {"in": len(prepared.records) + 4,
                                                      "annotated": len(prepared.records), "errors": 4}
