"""Wall time, throughput, peak memory and where the time goes for ``qatext annotate``.

Annotates INPUTS (default: the three ../shared corpora, about 4 million words) into a fresh
temporary folder and prints records/s, words/s, the seconds spent per stage (from the run's
manifest), peak RSS of this process and of its largest worker, the peak total PSS of the
process tree (shared pages counted once), the load average before and after, and the machine.

Usage: python benchmarks/annotate_speed.py [INPUT ...] [--n-process 2] [--engine local|dask]
       [--chunksize 5000] [--batch-size 256] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _machine import describe  # noqa: E402

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
DEFAULT_INPUTS = [CORPORA / "ask-a-doctor-2017", CORPORA / "medquad", CORPORA / "covid-dialogue"]


class PssSampler:
    """Samples the summed PSS of this process and its descendants (psutil) every ``every`` s."""

    def __init__(self, every: float = 0.5):
        self.every, self.peak_mb, self._stop = every, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for proc in [me, *me.children(recursive=True)]:
                try:
                    total += proc.memory_full_info().pss
                except (psutil.Error, AttributeError):
                    pass
            self.peak_mb = max(self.peak_mb, total / 2**20)
            self._stop.wait(self.every)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def measure(inputs: list[Path], *, n_process: int, engine: str, chunksize: int, batch_size: int) -> dict:
    from qatext.annotate import annotate

    outdir = Path(tempfile.mkdtemp(prefix="qatext-annotate-speed-"))
    load_before = os.getloadavg()
    try:
        with PssSampler() as sampler:
            start = time.perf_counter()
            manifest = annotate(inputs, outdir, n_process=n_process, engine=engine, chunksize=chunksize,
                                batch_size=batch_size, quiet=True)
            wall = time.perf_counter() - start
        output_mb = sum(p.stat().st_size for p in outdir.rglob("*") if p.is_file()) / 2**20
    finally:
        shutil.rmtree(outdir, ignore_errors=True)
    counts, seconds = manifest["counts"], manifest["timings"]["seconds"]
    return {
        "inputs": [str(p) for p in inputs], "engine": engine, "n_process": n_process, "chunksize": chunksize,
        "batch_size": batch_size, "records": counts["records_in"], "words": counts["words"],
        "pipeline_fingerprint": manifest["pipeline_fingerprint"], "failed": counts["failed"], "read_errors": counts["read_errors"], "entities": counts["entities"],
        "wall_seconds": round(wall, 1), "records_per_second": round(counts["records_in"] / wall),
        "words_per_second": round(counts["words"] / wall), "stage_seconds": seconds,
        "peak_rss_mb_main": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "peak_rss_mb_largest_child": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
        "peak_pss_mb_total": round(sampler.peak_mb), "output_mb": round(output_mb, 1),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()], "machine": describe(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=DEFAULT_INPUTS)
    parser.add_argument("--n-process", type=int, default=2)
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    parser.add_argument("--chunksize", type=int, default=5_000)
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--json", action="store_true", help="print one JSON object (for benchmarks/scale.py)")
    args = parser.parse_args()
    result = measure(args.inputs, n_process=args.n_process, engine=args.engine, chunksize=args.chunksize,
                     batch_size=args.batch_size)
    if args.json:
        print(json.dumps(result))
        return
    print(result["machine"])
    print(f"load average before/after: {result['load_average_before']} / {result['load_average_after']}")
    print(f"engine {result['engine']}, n_process {result['n_process']}, chunksize {result['chunksize']}, "
          f"batch size {result['batch_size']}")
    print(f"records {result['records']:,}  words {result['words']:,}  entities {result['entities']:,}  "
          f"failed {result['failed']}  unreadable {result['read_errors']}")
    print(f"wall {result['wall_seconds']} s  ->  {result['records_per_second']:,} records/s, "
          f"{result['words_per_second']:,} words/s")
    print("where the time goes (s; read/hash/reuse/wait/write are in the main process, worker_* summed over workers):")
    for stage, value in result["stage_seconds"].items():
        print(f"  {stage:16} {value:8.2f}")
    print(f"peak RSS: main {result['peak_rss_mb_main']} MB, largest worker {result['peak_rss_mb_largest_child']} MB; "
          f"peak PSS of the whole process tree {result['peak_pss_mb_total']} MB")
    print(f"output on disk: {result['output_mb']} MB")


if __name__ == "__main__":
    main()
