"""``qatext report``'s time as a ratio to one cold start of its stack, measured in one run.

    python benchmarks/report_speed.py [--corpus data/sample] [--repeat 3]

The cold start is ``python -c "import qatext, matplotlib.pyplot, seaborn, pandas; qatext.load()"``
in a fresh process: the least any report must pay. ``qatext report`` is timed with its
notebooks run one at a time (``--jobs 1``, as before) and with the default (one kernel per
core), side by side. Each ``qatext report`` runs in a fresh
process on a fresh output folder after one ``qatext annotate`` of the corpus, so both sides
find the lexicon cache warm and the report annotates nothing (its annotation store is the one
``qatext annotate`` wrote). Best of ``--repeat`` for each; the machine is printed with the
numbers, and the ratio is what compares across machines.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _machine import describe  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
COLD_START = "import qatext, matplotlib.pyplot, seaborn, pandas; qatext.load()"


def timed(command: list[str], *, env: dict, cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO / "data" / "sample")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    qatext = str(Path(sys.executable).with_name("qatext"))
    with tempfile.TemporaryDirectory(prefix="qatext-report-speed-") as tmp:
        tmp = Path(tmp)
        env = {**os.environ, "QATEXT_STORES_DIR": str(tmp / "stores")}
        timed([qatext, "annotate", str(corpus), "-o", str(tmp / "annotations"), "-q"], env=env, cwd=tmp)
        cold = min(timed([sys.executable, "-c", COLD_START], env=env, cwd=tmp) for _ in range(args.repeat))
        runs = {}
        for label, jobs in (("one notebook at a time (--jobs 1)", ["--jobs", "1"]), ("default (one kernel per core)", [])):
            runs[label] = min(timed([qatext, "report", "--corpus", str(corpus), "--out", str(tmp / f"reports-{len(runs)}-{i}"),
                                     "--no-progress", *jobs], env=env, cwd=tmp) for i in range(args.repeat))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {describe()}; load average at the end {load:.1f}")
    print(f"corpus: {corpus}")
    print(f"cold start of the stack (best of {args.repeat}): {cold:6.1f} s")
    for label, seconds in runs.items():
        print(f"qatext report, {label:34} {seconds:6.1f} s = {seconds / cold:5.2f} cold starts")


if __name__ == "__main__":
    main()
