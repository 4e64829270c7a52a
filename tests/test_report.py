"""The report machinery without notebooks: annotation cache, figure manifests, index.html, CLI."""
from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from qatext.annotate import ENTITY_COLUMNS, ERROR_COLUMNS, TAG_COLUMNS, Annotations
from qatext.report.cache import annotate_cached, record_keys
from qatext.report.figures import FigureWriter, read_manifests
from qatext.report.html import render_index, versions_table
from qatext.schema import records_to_frame


class FakeAnnotator:
    """Stands in for annotate_frame: one SYMPTOM per question word 'pain', and remembers what it saw."""

    def __init__(self, fail=()):
        self.seen: list[str] = []
        self.fail = set(fail)

    def __call__(self, df):
        self.seen += df["record_id"].tolist()
        ents, tags, errors = [], [], []
        for row in df.itertuples():
            if row.record_id in self.fail:
                errors.append((row.record_id, "annotate:question", "ValueError: boom"))
                continue
            if "pain" in row.question:
                ents.append((row.record_id, "question", 0, 4, "pain", "SYMPTOM", "HP:0012531", "Pain", "present", "patient"))
            tags.append((row.record_id, "neurology", 0.9, "diagnosis", 0.8))
        return Annotations(pd.DataFrame(ents, columns=ENTITY_COLUMNS), pd.DataFrame(tags, columns=TAG_COLUMNS),
                           pd.DataFrame(errors, columns=ERROR_COLUMNS))


def corpus(questions):
    return records_to_frame([{"record_id": f"r{i}", "source": "t", "question": q, "answer": "ok"}
                             for i, q in enumerate(questions)])


def test_cache_annotates_only_new_or_changed_records(tmp_path):
    first = FakeAnnotator()
    result = annotate_cached(corpus(["pain here", "no words", "pain there"]), tmp_path, annotate=first)
    assert first.seen == ["r0", "r1", "r2"] and (result.n_annotated, result.n_cached) == (3, 0)
    again = FakeAnnotator()
    cached = annotate_cached(corpus(["pain here", "no words", "pain there"]), tmp_path, annotate=again)
    assert again.seen == [] and cached.n_cached == 3
    pd.testing.assert_frame_equal(cached.entities, result.entities)
    pd.testing.assert_frame_equal(cached.tags, result.tags)
    changed = FakeAnnotator()
    edited = annotate_cached(corpus(["pain here", "now pain", "pain there"]), tmp_path, annotate=changed)
    assert changed.seen == ["r1"]
    assert edited.entities["record_id"].tolist() == ["r0", "r1", "r2"]  # input order, whatever the cache history


def test_failed_records_are_reported_and_retried_next_time(tmp_path):
    failing = FakeAnnotator(fail={"r1"})
    result = annotate_cached(corpus(["pain", "pain", "pain"]), tmp_path, annotate=failing)
    assert result.errors["record_id"].tolist() == ["r1"] and len(result.entities) == 2
    retry = FakeAnnotator()
    annotate_cached(corpus(["pain", "pain", "pain"]), tmp_path, annotate=retry)
    assert retry.seen == ["r1"]


def test_record_keys_depend_on_text_and_id():
    keys = record_keys(corpus(["a", "a", "b"]))
    assert keys.nunique() == 3  # same text, different record -> different key
    assert record_keys(corpus(["a", "a", "b"])).tolist() == keys.tolist()


def test_unreadable_cache_is_rebuilt_with_a_warning(tmp_path):
    annotate_cached(corpus(["pain"]), tmp_path, annotate=FakeAnnotator())
    (tmp_path / "entities.parquet").write_bytes(b"not parquet")
    fresh = FakeAnnotator()
    with pytest.warns(UserWarning, match="unreadable annotation cache"):
        annotate_cached(corpus(["pain"]), tmp_path, annotate=fresh)
    assert fresh.seen == ["r0"]


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
