"""``qatext report``'s time as a ratio to one cold start of its stack, measured in one run.

    python benchmarks/report_speed.py [--corpus data/sample] [--repeat 3] [--previous 1fd39cc] [--jobs-1]

The cold start is ``python -c "import qatext, matplotlib.pyplot, seaborn, pandas; qatext.load()"``
in a fresh process: the least any report must pay. ``qatext report`` is timed with its defaults
(one kernel per core, each kernel reused across notebooks); ``--jobs-1`` adds a run with one
kernel for all notebooks, and ``--previous REV`` the same report from release ``REV`` of this
repository (``git archive`` into a temporary folder, first on ``PYTHONPATH``, so the kernels
import it too), side by side. Each side runs ``qatext annotate`` of the corpus once first, so
the reports find the lexicon cache warm and annotate nothing; each ``qatext report`` then runs
in a fresh process on a fresh output folder. Best of ``--repeat`` for each; the machine and
its load average are printed with the numbers, and the ratios are what compare across machines.
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
from _release import previous_release  # noqa: E402

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
    parser.add_argument("--previous", metavar="REV", help="also time the report of this git revision")
    parser.add_argument("--jobs-1", action="store_true", help="also time --jobs 1 (one kernel, notebooks in turn)")
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    cli = [sys.executable, "-c", "from qatext.cli import main; main()"]
    with tempfile.TemporaryDirectory(prefix="qatext-report-speed-") as tmp:
        tmp = Path(tmp)
        sides = {"this tree": {**os.environ, "QATEXT_STORES_DIR": str(tmp / "stores")}}
        if args.previous:
            code = previous_release(args.previous, tmp / "previous")
            sides[f"release {args.previous}"] = {**os.environ, "QATEXT_STORES_DIR": str(tmp / "stores-previous"),
                                                 "PYTHONPATH": os.pathsep.join(filter(None, [str(code), os.environ.get("PYTHONPATH")]))}
        for side, env in sides.items():
            where = subprocess.run([sys.executable, "-c", "import qatext; print(qatext.__file__)"], env=env, cwd=tmp,
                                   capture_output=True, text=True, check=True).stdout.strip()
            print(f"{side}: qatext from {where}", flush=True)
            timed([*cli, "annotate", str(corpus), "-o", str(tmp / f"annotations-{len(where)}-{side[:4]}"), "-q"], env=env, cwd=tmp)
        env = sides["this tree"]
        cold = min(timed([sys.executable, "-c", COLD_START], env=env, cwd=tmp) for _ in range(args.repeat))
        variants = [(f"{side}, default", env, []) for side, env in sides.items()]
        if args.jobs_1:
            variants.insert(1, ("this tree, --jobs 1", sides["this tree"], ["--jobs", "1"]))
        runs = {}
        for label, env, options in variants:
            runs[label] = min(timed([*cli, "report", "--corpus", str(corpus), "--out", str(tmp / f"reports-{len(runs)}-{i}"),
                                     "--no-progress", *options], env=env, cwd=tmp) for i in range(args.repeat))
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    print(f"machine: {describe()}; load average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1/5/15 min)")
    print(f"corpus: {corpus}")
    print(f"cold start of the stack (best of {args.repeat}): {cold:6.1f} s")
    for label, seconds in runs.items():
        print(f"qatext report, {label:34} {seconds:6.1f} s = {seconds / cold:5.2f} cold starts")
    if args.previous:
        ours, theirs = runs["this tree, default"], runs[f"release {args.previous}, default"]
        print(f"this tree / release {args.previous}: {ours / theirs:.2f}")


if __name__ == "__main__":
    main()
