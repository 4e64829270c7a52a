"""`qatext report` on a public corpus from ../shared (runs in CI, where ../shared is always present)."""
from __future__ import annotations

import time

import pandas as pd
import pytest
from typer.testing import CliRunner

from qatext.cli import app

pytestmark = pytest.mark.slow


def test_report_on_ask_a_doctor(shared, tmp_path, capsys):
    corpus = shared / "corpora" / "ask-a-doctor-2017"
    out = tmp_path / "reports"
    started = time.perf_counter()
    result = CliRunner().invoke(app, ["report", "--corpus", str(corpus), "--out", str(out), "--no-progress"])
    seconds = time.perf_counter() - started
    with capsys.disabled():
        print(f"\nqatext report on ask-a-doctor-2017 (6,315 records): {seconds:.1f} s")
    assert result.exit_code == 0, result.output
    report = out / "ask-a-doctor-2017"
    assert (report / "index.html").stat().st_size > 1000
    assert len(list((report / "figures").glob("*.png"))) >= 10
    pairs = pd.read_csv(report / "tables" / "cooccurrence_pairs.csv")
    assert {"p_value", "q_value", "significant"} <= set(pairs.columns)
    assert len(pairs) > 0 and (pairs["q_value"] >= pairs["p_value"] - 1e-12).all()
    entities = pd.read_parquet(report / "data" / "entities.parquet")
    assert (entities["assertion"] == "negated").any()  # negated mentions exist, and the table below ignores them
    records = pd.read_parquet(report / "data" / "records.parquet")
    assert len(records) == 6315
