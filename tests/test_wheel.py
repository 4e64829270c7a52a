"""The wheel installs into an analyst's current stack and runs the report outside the checkout.

Builds the wheel (``python -m build --wheel``), installs it into a fresh venv that already
holds numpy>=2 and pandas>=3, and checks that the install kept them, did not pull scispacy,
and that ``qatext annotate`` then ``qatext report`` on a copy of data/sample, run from a folder
outside the checkout, write index.html with nothing annotated twice. Slow (a few minutes: pip
installs the dependencies, from its cache when warm).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLE

pytestmark = pytest.mark.slow


def _run(command: list, *, cwd: Path, env: dict, timeout: int = 1200) -> str:
    done = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(map(str, command))} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout + done.stderr


def test_wheel_installs_into_the_current_stack_and_reports_outside_the_checkout(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["QATEXT_STORES_DIR"] = str(tmp_path / "stores")
    dist = tmp_path / "dist"
    # Built from a copy of the sources: a stale build/ or egg-info in the checkout could slip
    # deleted modules into the wheel under test.
    source = tmp_path / "source"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(
        ".git", ".venv*", "build", "dist", "*.egg-info", "reports", "__pycache__", ".pytest_cache", ".hypothesis"))
    _run([sys.executable, "-m", "build", "--wheel", "--outdir", dist, source], cwd=tmp_path, env=env)
    wheels = list(dist.glob("qatext-*.whl"))
    assert len(wheels) == 1

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", venv], cwd=tmp_path, env=env)
    python = venv / "bin" / "python"
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    pip = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    _run([*pip, "numpy>=2", "pandas>=3"], cwd=tmp_path, env=env)
    _run([*pip, wheels[0]], cwd=tmp_path, env=env)

    versions = _run([python, "-c", "import numpy, pandas, spacy, qatext; "
                     "print(numpy.__version__, pandas.__version__, spacy.__version__, qatext.__file__)"],
                    cwd=tmp_path, env=env).split()
    numpy_version, pandas_version, spacy_version, location = versions[-4:]
    assert int(numpy_version.split(".")[0]) >= 2
    assert int(pandas_version.split(".")[0]) >= 3
    assert tuple(int(p) for p in spacy_version.split(".")[:2]) >= (3, 8)
    assert Path(location).is_relative_to(venv) and not Path(location).is_relative_to(REPO)
    no_scispacy = subprocess.run([python, "-c", "import scispacy"], capture_output=True, text=True, env=env)
    assert no_scispacy.returncode != 0 and "No module named 'scispacy'" in no_scispacy.stderr

    work = tmp_path / "analyst"
    shutil.copytree(SAMPLE, work / "sample")
    _run([venv / "bin" / "qatext", "annotate", "sample", "-o", "annotations", "-q"], cwd=work, env=env)
    output = _run([venv / "bin" / "qatext", "report", "--corpus", "sample", "--no-progress"], cwd=work, env=env)
    index = work / "reports" / "sample" / "index.html"
    assert index.stat().st_size > 1000
    assert "annotated now: 0; reused from the store: 74" in output
    assert "Annotated now: 0 records" in index.read_text(encoding="utf-8")
    assert len(list((index.parent / "figures").glob("*.png"))) >= 20
