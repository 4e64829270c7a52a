"""The four notebooks run headless under papermill (via ``build_report``) and write every figure.

One session-wide run on the sample corpus (``sample_report`` in conftest), then a second run of
two notebooks, one at a time, that must reuse the annotation store and reproduce their tables and
figures byte for byte.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from defusedxml import ElementTree

from tests.conftest import SAMPLE

pytestmark = pytest.mark.slow

EXPECTED_FIGURES = {
    "01-corpus-overview": ["field_completeness", "records_per_source", "text_lengths", "questions_per_month",
                           "entity_mentions", "status_by_place", "top_symptoms"],
    "02-symptom-cooccurrence": ["npmi_heatmap", "significant_pairs", "cooccurrence_network", "pairs_by_specialty"],
    "03-specialties": ["specialty_distribution", "specialty_confusion", "distinctive_terms", "distinctive_concepts",
                       "entity_type_mix"],
    "04-reply-patterns": ["reply_length", "reply_latency", "reply_acts", "reply_acts_by_specialty",
                          "readability_by_specialty", "referrals_and_tests", "coverage_by_specialty", "suspicion_replies",
                          "reply_acts_by_doctor"],
}




def expected_figures(index: Path) -> dict[str, list[str]]:
    """The notebook draws pairs_by_specialty only when some specialty of the corpus has a pair to test
    (``if len(by_specialty)``); on the 60-page sample that hangs on one pair in a 3-record specialty,
    so the expectation follows the table the notebook wrote."""
    table = index.parent / "tables" / "cooccurrence_by_specialty.csv"
    if table.is_file() and len(table.read_text(encoding="utf-8").strip().splitlines()) > 1:
        return EXPECTED_FIGURES
    return {**EXPECTED_FIGURES, "02-symptom-cooccurrence": [
        n for n in EXPECTED_FIGURES["02-symptom-cooccurrence"] if n != "pairs_by_specialty"]}


@pytest.fixture(scope="module")
def report(sample_report):
    return sample_report


def test_index_is_written_where_promised(report):
    index, _ = report
    assert index == index.parent.parent / "sample" / "index.html" and index.exists()


@pytest.mark.parametrize("notebook", sorted(EXPECTED_FIGURES))
def test_each_notebook_writes_its_figures_as_png_and_svg(report, notebook):
    index, _ = report
    figures = index.parent / "figures"
    manifest = json.loads((figures / f"{notebook}.json").read_text())
    listed = [e["name"] for e in manifest["entries"] if e["kind"] == "figure"]
    assert listed == expected_figures(index)[notebook]
    for name in expected_figures(index)[notebook]:
        png, svg = figures / f"{name}.png", figures / f"{name}.svg"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", png
        assert png.stat().st_size > 1024, png
        assert ElementTree.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg", svg
    assert all(e["caption"].strip() for e in manifest["entries"])
    assert (index.parent / "notebooks" / f"{notebook}.ipynb").exists()


def test_index_shows_every_figure_summary_versions_and_parameters(report):
    index, _ = report
    page = index.read_text()
    for names in expected_figures(index).values():
        for name in names:
            assert f'src="figures/{name}.png"' in page
    assert "Corpus summary" in page and "records" in page
    assert "Human Phenotype Ontology" in page and "show_names" in page


def test_full_report_renders_in_headless_chromium(report, tmp_path):
    from tests.test_report_browser import chromium_path, images_loaded, run_chromium

    chromium = chromium_path()
    index, _ = report
    loaded, total = images_loaded(chromium, tmp_path, index)
    assert loaded == total == sum(len(v) for v in expected_figures(index).values())
    shot = tmp_path / "report.png"
    run_chromium(chromium, tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", index.as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def test_per_doctor_outputs_use_pseudonyms_by_default(report):
    from qatext.corpus import read_corpus

    index, tables = report
    names = set(read_corpus(SAMPLE)["doctor_name"].dropna())
    by_doctor = tables["replies_by_doctor.csv"].decode()
    assert "doctor_01" in by_doctor
    assert not any(name in by_doctor for name in names)


def test_second_run_reuses_the_store_and_reproduces_tables_and_figures(report):
    """The session report ran its notebooks in two kernels; this rerun runs two of them one after
    the other in one reused kernel. Tables and figures are the same bytes either way."""
    from qatext.report import build_report

    index, tables = report
    folder = index.parent
    rerun_notebooks = ("01-corpus-overview", "02-symptom-cooccurrence")  # the cheap two: 03 alone takes half a minute
    entries = [e for notebook in rerun_notebooks
               for e in json.loads((folder / "figures" / f"{notebook}.json").read_text())["entries"]]
    figures = {e[kind]: (folder / e[kind]).read_bytes() for e in entries if e["kind"] == "figure" for kind in ("png", "svg")}
    again = build_report(SAMPLE, folder.parent, notebooks=rerun_notebooks, jobs=1, progress=False, log=lambda *_: None)
    manifest = json.loads((again.parent / "data" / "manifest.json").read_text())
    assert manifest["annotated_now"] == 0 and manifest["reused"] == manifest["records"] > 0
    names = [Path(e["csv"]).name for e in entries if e["kind"] == "table"]
    assert len(names) >= 3 and len(figures) >= 20
    for name in names:
        assert (again.parent / "tables" / name).read_bytes() == tables[name], f"{name} differs between two runs"
    for name, content in figures.items():
        assert (again.parent / name).read_bytes() == content, f"{name} differs between two runs"


def test_notebooks_in_git_have_no_outputs_and_a_parameters_cell():
    import nbformat

    from qatext.report.notebooks import packaged_notebook

    for name in EXPECTED_FIGURES:
        book = nbformat.reads(packaged_notebook(name).read_text(encoding="utf-8"), as_version=4)
        code = [c for c in book.cells if c.cell_type == "code"]
        assert all(not c.outputs and c.execution_count is None for c in code), name
        assert sum("parameters" in c.metadata.get("tags", []) for c in code) == 1, name
        assert not any("sys.path" in c.source for c in code), name


def test_executed_notebooks_read_as_if_each_had_its_own_kernel(report):
    """Kernels are reused across notebooks; each executed copy still counts its cells from 1 and
    shows nothing left over from the notebook run before it in the same kernel."""
    import nbformat

    index, _ = report
    for name in EXPECTED_FIGURES:
        book = nbformat.read(index.parent / "notebooks" / f"{name}.ipynb", as_version=4)
        code = [c for c in book.cells if c.cell_type == "code"]
        assert [c.execution_count for c in code] == list(range(1, len(code) + 1)), name
        injected = [c for c in code if "injected-parameters" in c.metadata.get("tags", [])]
        assert len(injected) == 1 and not injected[0].outputs, name
        shown = {kind for c in code for output in c.outputs for kind in output.get("data", {})}
        assert shown <= {"text/plain", "text/html"}, (name, shown)  # figures are files, not inline images
