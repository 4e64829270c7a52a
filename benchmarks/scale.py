"""Annotate a corpus of N records (default 1,000,000) built by resampling the ../shared corpora.

1. Reads ask-a-doctor, MedQuAD and COVID-Dialogue (about 54,000 records), draws N of them
   with replacement (NumPy ``default_rng(seed)``), gives each draw a unique record id
   ``<original id>-x<draw number>``, and writes them as Parquet parts of 50,000 records to
   WORKDIR/corpus-N-SEED/ (the seed and the command are written next to them in README.md).
2. Runs ``benchmarks/annotate_speed.py`` on it in a fresh process per engine (so each peak
   RSS is its own): the local engine, then the Dask engine (LocalCluster, same worker count),
   and the local engine on the small corpus (the three shared corpora, as they are) as the
   throughput reference.
3. Prints records/s, words/s, peak RSS and PSS, local vs Dask timing, and the machine.

Usage: python benchmarks/scale.py [--records 1000000] [--seed 6] [--n-process 2]
       [--workdir /tmp/qatext-scale] [--no-dask] [--keep]
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _machine import describe  # noqa: E402
from annotate_speed import DEFAULT_INPUTS  # noqa: E402

PART = 50_000


def build(records: int, *, seed: int, workdir: Path) -> Path:
    """Write the resampled corpus (skipped when it already exists with the same size and seed)."""
    import numpy as np
    import pandas as pd

    import qatext
    from qatext.corpus import write_corpus

    folder = workdir / f"corpus-{records}-{seed}"
    done = folder / "README.md"
    if done.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    start = time.perf_counter()
    base = pd.concat([qatext.read_corpus(path) for path in DEFAULT_INPUTS], ignore_index=True)
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(base), size=records)
    for part, first in enumerate(range(0, records, PART)):
        idx = draws[first:first + PART]
        frame = base.iloc[idx].reset_index(drop=True)
        frame["record_id"] = [f"{rid}-x{first + i:07d}" for i, rid in enumerate(frame["record_id"])]
        write_corpus(frame, folder / f"part-{part:04d}.parquet")
    done.write_text(
        f"# Resampled benchmark corpus\n\n{records} records drawn with replacement from {len(base)} records of "
        f"{', '.join(p.name for p in DEFAULT_INPUTS)}.\n\nnumpy.random.default_rng(seed={seed}).integers(0, {len(base)}, "
        f"size={records}); record ids '<original>-x<draw number>'.\n\nBuilt by: {' '.join(sys.argv)}\n",
        encoding="utf-8")
    print(f"built {records:,} records from {len(base):,} (seed {seed}) in {time.perf_counter() - start:.0f} s "
          f"-> {folder}", flush=True)
    return folder


def run(inputs: list[Path], *, engine: str, n_process: int) -> dict:
    command = [sys.executable, str(HERE / "annotate_speed.py"), *map(str, inputs), "--engine", engine,
               "--n-process", str(n_process), "--json"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def line(name: str, r: dict) -> str:
    return (f"{name:22} {r['records']:>10,} {r['words']:>12,} {r['wall_seconds']:>8.1f} {r['records_per_second']:>8,} "
            f"{r['words_per_second']:>9,} {r['peak_rss_mb_main']:>7} {r['peak_rss_mb_largest_child']:>7} "
            f"{r['peak_pss_mb_total']:>7}   {r['load_average_before'][0]:.2f}/{r['load_average_after'][0]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--n-process", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/qatext-scale"))
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask run")
    parser.add_argument("--keep", action="store_true", help="keep the built corpus for the next run")
    args = parser.parse_args()

    corpus = build(args.records, seed=args.seed, workdir=args.workdir)
    print(describe())
    print(f"records {args.records:,}, seed {args.seed}, n_process {args.n_process}")
    print(f"{'run':22} {'records':>10} {'words':>12} {'wall s':>8} {'rec/s':>8} {'words/s':>9} {'RSS MB':>7} "
          f"{'worker':>7} {'PSS MB':>7}   load before/after", flush=True)
    plan = [("small corpus, local", DEFAULT_INPUTS, "local"), (f"{args.records:,}, local", [corpus], "local")]
    if not args.no_dask:
        plan.append((f"{args.records:,}, dask", [corpus], "dask"))
    results = {}
    for name, inputs, engine in plan:  # each line printed as soon as it is measured
        results[name] = run(inputs, engine=engine, n_process=args.n_process)
        print(line(name, results[name]), flush=True)
    if not args.keep:
        shutil.rmtree(corpus, ignore_errors=True)

    small = results["small corpus, local"]["words_per_second"]
    big = results[f"{args.records:,}, local"]["words_per_second"]
    print(f"large/small throughput (words/s): {big / small:.2f}")
    if not args.no_dask:
        local = results[f"{args.records:,}, local"]["wall_seconds"]
        dask = results[f"{args.records:,}, dask"]["wall_seconds"]
        print(f"dask/local wall time: {dask / local:.2f} ({dask:.0f} s vs {local:.0f} s)")
    if len({r["pipeline_fingerprint"] for r in results.values()}) > 1:
        print("note: the pipeline code changed between these runs (different pipeline fingerprints)")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
