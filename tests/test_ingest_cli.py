"""``qatext ingest`` and ``qatext validate`` through typer's CliRunner."""
from __future__ import annotations

import pandas as pd
from typer.testing import CliRunner

from qatext.cli import app
from tests.conftest import REPO

FIXTURES = REPO / "tests" / "fixtures" / "corpus"
runner = CliRunner()


def test_ingest_pages_to_parquet(tmp_path):
    out = tmp_path / "pages.parquet"
    result = runner.invoke(app, ["ingest", str(FIXTURES / "pages"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    df = pd.read_parquet(out)
    assert len(df) == 2
    assert df["title"].tolist()[0] == "Knee Pain After Running: Should I Rest?"
    assert "rows read:         2" in result.output
    assert "rows with flags:   1" in result.output
    assert "files with errors: 0" in result.output


def test_ingest_reports_bad_files_and_writes_good_rows(tmp_path):
    out = tmp_path / "mixed.jsonl"
    result = runner.invoke(app, ["ingest", str(FIXTURES / "bad_folder"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "files with errors: 4" in result.output
    assert "billion_laughs.xml" in result.output and "garbage_page.txt" in result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def test_ingest_strict_stops_at_first_bad_file(tmp_path):
    result = runner.invoke(app, ["ingest", str(FIXTURES / "bad_folder"), "-o", str(tmp_path / "x.csv"), "--strict"])
    assert result.exit_code == 1
    assert "billion_laughs.xml" in result.output
    assert not (tmp_path / "x.csv").exists()


def test_ingest_with_explicit_format_and_bad_suffix(tmp_path):
    result = runner.invoke(app, ["ingest", str(FIXTURES / "medquad_mini"), "-o", str(tmp_path / "m.csv"),
                                 "--format", "medquad"])
    assert result.exit_code == 0, result.output
    assert len(pd.read_csv(tmp_path / "m.csv")) == 4
    bad = runner.invoke(app, ["ingest", str(FIXTURES / "pages"), "-o", str(tmp_path / "out.txt")])
    assert bad.exit_code != 0 and "out.txt" in bad.output


def test_validate_reports_flags_and_problems():
    result = runner.invoke(app, ["validate", str(FIXTURES / "pages")])
    assert result.exit_code == 0, result.output
    assert "rows: 2" in result.output and "missing_answer" in result.output
    bad = runner.invoke(app, ["validate", str(FIXTURES / "medquad_mini")])
    assert bad.exit_code == 1 and "malformed.xml" in bad.output


def test_ingest_help_reads_well():
    result = runner.invoke(app, ["ingest", "--help"])
    assert result.exit_code == 0
    assert "--output" in result.output and "--format" in result.output and "parquet" in result.output


def test_python_dash_m_qatext_runs_the_command():
    """Where the ``qatext`` script is not on PATH (a notebook's kernel, a venv not activated),
    ``python -m qatext`` is the same command."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "qatext", "validate", str(FIXTURES / "medquad_mini")],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 1 and "malformed.xml" in result.stdout + result.stderr
