"""An earlier release of this repository, unpacked for side-by-side benchmarks."""
from __future__ import annotations

import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def previous_release(rev: str, into: Path) -> Path:
    """Release ``rev`` of this repository, unpacked under ``into`` (whole: older releases kept
    their notebooks beside the package). Put ``into`` first on ``PYTHONPATH`` to run it."""
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into
