"""index.html renders in a real browser (headless Chromium) with every image loaded."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from qatext import plots
from qatext.report.figures import FigureWriter, read_manifests
from qatext.report.html import render_index

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def chromium_path() -> str:
    """Chromium's path; skips the test when absent (fails under CI=true)."""
    found = shutil.which("chromium") or (Path("/usr/bin/chromium").exists() and "/usr/bin/chromium")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("CI=true but chromium is not installed (apt-get install chromium)")
    pytest.skip("needs headless Chromium at /usr/bin/chromium (apt-get install chromium; always present in CI)")


@pytest.fixture(scope="module")
def chromium() -> str:
    return chromium_path()


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    """A report page with two real figures (a full report is built in test_notebooks)."""
    folder = tmp_path_factory.mktemp("report")
    writer = FigureWriter(folder, "01-test")
    data = pd.DataFrame({"s": ["a", "b", "c"], "n": [3, 1, 2]})
    writer.save(plots.bar_chart(data, x="n", y="s", title="bars"), "bars", "Bars.")
    writer.save(plots.heatmap(pd.DataFrame([[1, 2], [3, 4]], index=["x", "y"], columns=["u", "v"])), "heat", "Heat.")
    html = render_index(title="t", summary=pd.DataFrame({"measure": ["records"], "value": [3]}),
                        sections=read_manifests(folder, ["01-test"]),
                        versions=pd.DataFrame({"component": ["qatext"], "version": ["0"], "notes": [""]}),
                        parameters={"corpus": "x"})
    (folder / "index.html").write_text(html, encoding="utf-8")
    return folder / "index.html"


def run_chromium(chromium: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    return subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                          text=True, timeout=120)


def images_loaded(chromium: str, tmp_path: Path, index: Path) -> tuple[int, int]:
    dom = run_chromium(chromium, tmp_path, "--virtual-time-budget=5000", "--dump-dom", index.as_uri()).stdout
    found = re.search(r'data-images-loaded="(\d+)/(\d+)"', dom)
    assert found, f"the load script did not run; DOM starts: {dom[:300]!r}"
    return int(found.group(1)), int(found.group(2))


def test_every_image_loads_in_headless_chromium(chromium, page, tmp_path):
    loaded, total = images_loaded(chromium, tmp_path, page)
    assert loaded == total == 2


def test_a_missing_image_is_detected(chromium, page, tmp_path):
    (page.parent / "figures" / "heat.png").rename(page.parent / "figures" / "heat.moved")
    try:
        loaded, total = images_loaded(chromium, tmp_path, page)
    finally:
        (page.parent / "figures" / "heat.moved").rename(page.parent / "figures" / "heat.png")
    assert (loaded, total) == (1, 2)


def test_screenshot_is_a_non_empty_png(chromium, page, tmp_path):
    shot = tmp_path / "page.png"
    run_chromium(chromium, tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000

