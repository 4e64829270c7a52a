"""Shared fixtures. Tests that read ../shared skip outside CI when it is absent, and fail in CI."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("QATEXT_SHARED", REPO.parent / "shared"))
SEED_PAGE = SHARED / "seed" / "000_94f54939bb6a5515.txt"
CORPORA = SHARED / "corpora"
SAMPLE = REPO / "data" / "sample"
GOLD = REPO / "data" / "gold"

# Stores that tests annotate into are remembered here, not in the user's cache folder (where
# `qatext report` in the checkout would otherwise find a test's temporary store); the folder goes with the run. Each
# process gets its own: pytest-xdist's workers inherit the controller's environment, and one worker's `qatext report`
# on the sample corpus would otherwise resume into a store another worker's test is still reading.
_STORES_OWNER = "QATEXT_TEST_STORES_PID"
if "QATEXT_STORES_DIR" not in os.environ or os.environ.get(_STORES_OWNER, str(os.getpid())) != str(os.getpid()):
    os.environ["QATEXT_STORES_DIR"] = tempfile.mkdtemp(prefix="qatext-test-stores-")
    os.environ[_STORES_OWNER] = str(os.getpid())
    atexit.register(shutil.rmtree, os.environ["QATEXT_STORES_DIR"], ignore_errors=True)


def pytest_collection_modifyitems(items):
    """Tests that need ../shared carry the `shared` mark, so `-m "not shared"` leaves them out."""
    for item in items:
        if "shared" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.shared)


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline without the topic tagger, loaded once for every test that reads what it finds (a test that
    changes it puts it back)."""
    import qatext

    return qatext.load(topics=False)


@pytest.fixture(scope="session")
def shared() -> Path:
    """Path to ../shared. In CI it must exist; elsewhere its absence skips the test."""
    if SHARED.is_dir():
        return SHARED
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but the shared folder is missing at {SHARED}")
    pytest.skip(f"needs the shared corpora at {SHARED} (always present in CI)")


@pytest.fixture(scope="session")
def seed_text(shared: Path) -> str:
    return SEED_PAGE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shared_corpus(shared: Path):
    """``read(name)``: :func:`qatext.read_corpus` of ``../shared/corpora/<name>``, read once per
    session (MedQuAD alone takes half a minute). Tests must not modify the frames."""
    import warnings

    from qatext.corpus import read_corpus

    frames = {}

    def read(name: str):
        if name not in frames:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                frames[name] = read_corpus(CORPORA / name)
        return frames[name]

    return read


@pytest.fixture(scope="session")
def sample_report(tmp_path_factory):
    """``(index.html path, {table name: bytes})`` of one full ``build_report`` on data/sample,
    shared by every test that needs a whole report (it takes a minute)."""
    from qatext.report import build_report

    if not SAMPLE.is_dir():
        pytest.fail(f"the sample corpus is missing at {SAMPLE}")
    out = tmp_path_factory.mktemp("reports")
    index = build_report(SAMPLE, out, progress=False, log=lambda *_: None)
    tables = {p.name: p.read_bytes() for p in (index.parent / "tables").glob("*.csv")}
    return index, tables


def copied_from_shared(shared: Path, records: list[dict], *, n: int = 8) -> dict[str, str]:
    """Gold records (``id``, ``text``) sharing ``n`` consecutive words with any file in
    ../shared, by id, with the words and the file: written from scratch means no such run."""
    import re

    words = re.compile(r"[a-z0-9']+")
    shingles: dict[tuple[str, ...], str] = {}
    for record in records:
        w = words.findall(record["text"].lower())
        for i in range(len(w) - n + 1):
            shingles.setdefault(tuple(w[i:i + n]), record["id"])
    copied: dict[str, str] = {}
    for path in shared.rglob("*"):
        if not path.is_file() or path.suffix == ".zip":
            continue
        w = words.findall(path.read_text(encoding="utf-8", errors="ignore").lower())
        for i in range(len(w) - n + 1):
            key = tuple(w[i:i + n])
            if key in shingles:
                copied[shingles[key]] = f"{' '.join(key)!r} in {path}"
    return copied


def rebuilt_gold(source: Path, out: Path) -> bytes:
    """The JSONL ``data/gold/build_ner_gold.py`` makes of ``source`` (written to ``out``); fails on a converter error."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, str(GOLD / "build_ner_gold.py"), "--source", str(source), "--out", str(out)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return out.read_bytes()



def labelled(nlp, text: str) -> list[tuple[str, str]]:
    """(text, label) of every entity ``nlp`` finds in ``text``: what the rule rounds' tests compare."""
    return [(e.text, e.label_) for e in nlp(text).ents]


def entities_by_text(nlp, text: str) -> dict[str, tuple[str, str]]:
    """Every entity ``nlp`` finds in ``text``, by its text: (label, concept id)."""
    return {e.text: (e.label_, e.kb_id_) for e in nlp(text).ents}
