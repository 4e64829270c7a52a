"""Bad output locations (a file in the way, no permission, a full disk) end every writing
command with one line naming the path and the reason, exit code 2, no traceback, and nothing
left behind that looks complete."""
from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qatext.cli import app
from tests.conftest import REPO

PAGES = REPO / "tests" / "fixtures" / "corpus" / "pages"
IN_THE_WAY = "not a folder (a file is in the way)"


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def assert_one_line_error(result, path: Path, reason: str, *, inside: bool = False) -> None:
    """Exit code 2 and, last, one line naming ``path`` (or, with ``inside``, a file under it)."""
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    if inside:
        assert lines[-1].startswith(f"error: {path}/") and lines[-1].endswith(f": {reason}"), result.output
    else:
        assert lines[-1] == f"error: {path}: {reason}", result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)


def no_space(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.fixture
def blocker(tmp_path) -> Path:
    """A regular file where a folder should go."""
    path = tmp_path / "in-the-way"
    path.write_text("not a folder\n")
    return path


def test_ingest_into_a_file_in_the_way(blocker):
    result = run("ingest", str(PAGES), "-o", str(blocker / "out.jsonl"))
    assert_one_line_error(result, blocker, IN_THE_WAY)


def test_ingest_to_a_full_disk(tmp_path):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    target = tmp_path / "out.jsonl"
    target.symlink_to("/dev/full")
    assert_one_line_error(run("ingest", str(PAGES), "-o", str(target)), target, "No space left on device")
    assert Path("/dev/full").is_char_device()  # written through, never replaced


def test_ingest_without_permission(tmp_path):
    open_folder = Path(tempfile.mkdtemp(prefix="qatext-locked-"))  # pytest's tmp_path is private to root
    open_folder.chmod(0o755)
    locked = open_folder / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    command = [str(Path(sys.executable).with_name("qatext")), "ingest", str(PAGES), "-o", str(locked / "out.jsonl")]
    if os.geteuid() == 0:  # root writes anywhere: drop to nobody for this one command
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: cannot take the permission away")
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [f"error: {locked / 'out.jsonl'}: Permission denied"]
    assert list(locked.iterdir()) == []
    shutil.rmtree(open_folder)


def test_annotate_into_a_file_in_the_way(blocker):
    result = run("annotate", str(PAGES), "-o", str(blocker), "-q")
    assert_one_line_error(result, blocker, IN_THE_WAY)


def test_annotate_on_a_full_disk_leaves_no_partition_or_manifest(tmp_path, monkeypatch):
    import pyarrow.parquet

    monkeypatch.setattr(pyarrow.parquet, "write_table", no_space)
    out = tmp_path / "out"
    assert_one_line_error(run("annotate", str(PAGES), "-o", str(out), "-q"), out, "No space left on device", inside=True)
    assert not (out / "manifest.json").exists() and not list((out / "_partitions").iterdir())
    assert not [p for p in out.rglob("*") if p.is_file()]


def test_report_into_a_file_in_the_way(blocker):
    result = run("report", "--corpus", str(PAGES), "--out", str(blocker), "--no-progress")
    assert_one_line_error(result, blocker, IN_THE_WAY)


def test_report_on_a_full_disk_leaves_no_index(tmp_path, monkeypatch):
    import pyarrow.parquet

    out = tmp_path / "reports"
    stale = out / "pages" / "index.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("<html>an earlier report</html>")
    monkeypatch.setattr(pyarrow.parquet, "write_table", no_space)
    result = run("report", "--corpus", str(PAGES), "--out", str(out), "--no-progress")
    assert_one_line_error(result, out / "pages" / "annotations", "No space left on device", inside=True)
    assert not stale.exists() and not (out / "pages" / "data" / "manifest.json").exists()


def test_notebooks_into_a_file_in_the_way(blocker):
    assert_one_line_error(run("notebooks", str(blocker)), blocker, IN_THE_WAY)


def test_notebooks_to_a_full_disk(tmp_path):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    (tmp_path / "01-corpus-overview.ipynb").symlink_to("/dev/full")
    result = run("notebooks", str(tmp_path), "--force")
    assert_one_line_error(result, tmp_path / "01-corpus-overview.ipynb", "No space left on device")
    assert not list(tmp_path.glob(".*.tmp-*"))


def test_notebooks_are_copied_byte_for_byte_and_not_overwritten(tmp_path):
    from qatext.report import NOTEBOOKS

    result = run("notebooks", str(tmp_path / "mine"))
    assert result.exit_code == 0, result.output
    for name in NOTEBOOKS:
        copied = tmp_path / "mine" / f"{name}.ipynb"
        assert copied.read_bytes() == (REPO / "qatext" / "notebooks" / f"{name}.ipynb").read_bytes()
    again = run("notebooks", str(tmp_path / "mine"))
    assert again.exit_code == 2 and "already exists (--force overwrites it)" in again.output
