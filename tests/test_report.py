"""The report machinery without notebooks: the annotation store it shares with ``qatext annotate``,
figure manifests, index.html, CLI."""
from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from qatext.annotate import read_manifest, read_table
from qatext.report.figures import FigureWriter, read_manifests
from qatext.report.html import render_index, versions_table
from qatext.schema import records_to_frame


def corpus(questions):
    return records_to_frame([{"record_id": f"r{i}", "source": "t", "question": q, "answer": "ok"}
                             for i, q in enumerate(questions)])


def write_jsonl(path, questions):
    from qatext.corpus import write_corpus

    write_corpus(corpus(questions), path)
    return path


QUESTIONS = ["I have knee pain and a fever.", "My hands keep shaking.", "Is lexapro safe with a headache?"]


def test_report_after_annotate_reannotates_nothing(tmp_path):
    from qatext.cli import app
    from qatext.report.run import build_report

    source = write_jsonl(tmp_path / "c.jsonl", QUESTIONS)
    result = CliRunner().invoke(app, ["annotate", str(source), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    lines = []
    index = build_report(source, tmp_path / "reports", notebooks=(), progress=False, log=lines.append)
    assert "annotated now: 0; reused from the store: 3" in "\n".join(lines)
    assert "Annotated now: 0 records; reused from the annotation store: 3" in index.read_text()
    manifest = read_manifest(tmp_path / "out")  # the report read and kept the annotate store
    assert manifest["counts"]["records_annotated_now"] == 0 and manifest["counts"]["records_skipped"] == 3
    assert not (index.parent / "annotations").exists()
    entities = pd.read_parquet(index.parent / "data" / "entities.parquet")
    pd.testing.assert_frame_equal(entities, read_table(tmp_path / "out", "entities"))


def test_report_store_annotates_only_new_or_changed_records(tmp_path):
    from qatext.report.prepare import prepare

    source = write_jsonl(tmp_path / "c.jsonl", QUESTIONS)
    first = prepare(source, tmp_path / "reports")
    assert (first.n_annotated, first.n_reused) == (3, 0)
    assert first.store == (tmp_path / "reports" / "c" / "annotations").resolve()
    write_jsonl(source, [QUESTIONS[0], "Now my back hurts.", QUESTIONS[2]])
    edited = prepare(source, tmp_path / "reports")
    assert (edited.n_annotated, edited.n_reused) == (1, 2)
    assert set(edited.entities["record_id"]) >= {"r0", "r1", "r2"}
    assert edited.entities.loc[edited.entities["record_id"] == "r1", "text"].tolist() != \
        first.entities.loc[first.entities["record_id"] == "r1", "text"].tolist()


def test_a_pseudonymized_report_never_writes_into_the_annotate_store(tmp_path, monkeypatch):
    from qatext.annotate import annotate
    from qatext.report.prepare import annotation_store

    monkeypatch.setenv("QATEXT_PSEUDONYM_KEY", "k")
    source = write_jsonl(tmp_path / "c.jsonl", QUESTIONS)
    annotate(source, tmp_path / "out", quiet=True)
    assert annotation_store(source, tmp_path / "reports")[0] == (tmp_path / "out").resolve()
    own = annotation_store(source, tmp_path / "reports", pseudonymize=True)[0]
    assert own == tmp_path / "reports" / "c" / "annotations"
    with pytest.raises(ValueError, match="cannot be combined with --pseudonymize"):
        annotation_store(source, tmp_path / "reports", store=tmp_path / "out", pseudonymize=True)


def test_a_report_does_not_take_over_the_remembered_store(tmp_path, monkeypatch):
    from qatext.annotate import annotate
    from qatext.report.prepare import annotation_store, prepare

    source = write_jsonl(tmp_path / "c.jsonl", QUESTIONS)
    prepare(source, tmp_path / "first")
    # The first report's own store is not remembered: a second report elsewhere uses its own.
    second = annotation_store(source, tmp_path / "second")[0]
    assert second.resolve() == (tmp_path / "second" / "c" / "annotations").resolve()
    annotate(source, tmp_path / "out", quiet=True)
    assert annotation_store(source, tmp_path / "second")[0] == (tmp_path / "out").resolve()


def test_figure_writer_manifest_and_index_html(tmp_path):
    from qatext import plots

    writer = FigureWriter(tmp_path, "01-test")
    data = pd.DataFrame({"s": ["a", "b"], "n": [1, 2]})
    writer.save(plots.bar_chart(data, x="n", y="s"), "bars", "Bars <caption> & more.")
    writer.table(data, "counts", "A table.")
    sections = read_manifests(tmp_path, ["01-test", "02-missing"])
    assert [e["name"] for e in sections[0]["entries"]] == ["bars", "counts"]
    assert (tmp_path / "figures" / "bars.png").exists() and (tmp_path / "tables" / "counts.csv").exists()
    page = render_index(title="t", summary=pd.DataFrame({"measure": ["records"], "value": [2]}), sections=sections,
                        versions=pd.DataFrame({"component": ["qatext"], "version": ["0"], "notes": [""]}),
                        parameters={"corpus": "x"})
    assert '<img src="figures/bars.png"' in page
    assert "Bars &lt;caption&gt; &amp; more." in page  # captions are escaped
    assert "imagesLoaded" in page and "tables/counts.csv" in page


def test_versions_table_names_qatext_and_vocabularies():
    table = versions_table()
    assert table["component"].iloc[0] == "qatext"
    assert table["component"].str.contains("Human Phenotype Ontology").any()


def test_report_command_is_registered_and_rejects_a_missing_corpus(tmp_path):
    from qatext.cli import app

    runner = CliRunner()
    assert "report" in runner.invoke(app, ["--help"]).output
    result = runner.invoke(app, ["report", "--corpus", str(tmp_path / "nope"), "--out", str(tmp_path)],
                           env={"COLUMNS": "400", "TERMINAL_WIDTH": "400"})
    assert result.exit_code != 0 and "no such file or folder" in result.output


def test_load_prepared_reuses_tables_in_one_process_until_they_change(tmp_path):
    """A report kernel loads the tables once for all its notebooks; a notebook that changes its
    frames leaves the next one's alone, and a new prepare is read afresh."""
    from qatext.report.prepare import load_prepared, prepare

    source = write_jsonl(tmp_path / "c.jsonl", QUESTIONS)
    prepare(source, tmp_path / "reports")
    first = load_prepared(source, tmp_path / "reports")
    first.records["question"] = "changed"
    first.entities.loc[first.entities.index[0], "text"] = "changed"
    second = load_prepared(source, tmp_path / "reports")
    assert second.records["question"].tolist() == QUESTIONS
    assert "changed" not in set(second.entities["text"])
    write_jsonl(source, [QUESTIONS[0], "Now my back hurts.", QUESTIONS[2]])
    prepare(source, tmp_path / "reports")
    third = load_prepared(source, tmp_path / "reports")
    assert third.records["question"].tolist()[1] == "Now my back hurts."
