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
    # The environment has this tree installed: its spaCy entry points name factories (qatext_boundaries, ...) an
    # older release may not have, and spaCy loads them all when it looks one up. The release's processes skip
    # the ones that fail to load (Python runs a sitecustomize found first on the path at start-up).
    (into / "sitecustomize.py").write_text(_SKIP_MISSING_FACTORIES, encoding="utf-8")
    return into


_SKIP_MISSING_FACTORIES = """\
import catalogue


def _loadable_entry_points(self):
    found = {}
    for entry_point in self._get_entry_points():
        try:
            found[entry_point.name] = entry_point.load()
        except (AttributeError, ImportError):
            pass
    return found


catalogue.Registry.get_entry_points = _loadable_entry_points
"""
