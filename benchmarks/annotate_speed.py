"""Wall time, throughput, parallel efficiency, peak memory and where the time goes for ``qatext annotate``.

Annotates INPUTS (default: the three ../shared corpora, about 4 million words) into a fresh
temporary folder and prints records/s, words/s, the seconds spent per stage (from the run's
manifest), the CPU seconds of the main process and of its helper processes (the workers and,
on Linux, the process that reads the input ahead), peak RSS of this process
and of its largest worker, the peak total PSS of the process tree (shared pages counted
once), the load average before and after, and the machine.

In the same run it measures the baseline the annotate speed is judged by: one core of
``qatext.load()`` (``nlp.pipe``, batch size 256, best of ``--best-of``) on the same kind of
text, every ``--baseline-every``-th record of the same inputs, question and answer each a
doc, in a fresh process pinned to one core. It reports two baselines: every component on
every text (what ``qatext.load()`` does), and the work annotate asks for (the topic tagger
on the question only). The ratio annotate words/s / baseline words/s is the parallel
efficiency (2.0 would be two perfect cores). On a loaded machine the ratio is distorted
(``--n-process 2`` cannot use two busy cores): read it with the load average.

The speed of this kind of VM drifts by a third within minutes, so a single annotate run against a
best-of-3 baseline measured minutes earlier can land anywhere between. ``--rounds N`` measures what
the drift cannot bias: N rounds, each a run with ``--n-process`` processes, a run with one
(``qatext annotate`` on one core: the same reading, hashing, pipeline work and writing) and the
one-core ``qatext.load()`` baseline above, in an order that rotates; it prints each round's ratios,
their median, and the ratio of the best runs.

Usage: python benchmarks/annotate_speed.py [INPUT ...] [--n-process 2] [--engine local|dask]
       [--chunksize 5000] [--batch-size 256] [--baseline-every 4] [--best-of 3] [--single-pass] [--no-baseline]
       [--rounds N]   (N rotating rounds: --n-process, one process, the qatext.load() baseline)
       [--json]   (one JSON object, for benchmarks/scale.py; no baseline unless --baseline)
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
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
    """Samples the summed PSS of this process and its descendants (psutil) every ``every`` s.

    Reading smaps costs about 7 ms of CPU per process of the pipeline's size (psutil reads
    smaps_rollup, which walks the same page tables): every second over four processes that took
    3% of a two-core run from the processes measured, hence a sample every 3 s. ``cpu_seconds`` is
    what the sampling itself used, so that it can be left out of the main process's CPU time."""

    def __init__(self, every: float = 3.0):
        self.every, self.peak_mb, self.cpu_seconds, self._stop = every, 0.0, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        me = psutil.Process()
        while not self._stop.is_set():
            tick = time.thread_time()
            total = 0
            for proc in [me, *me.children(recursive=True)]:
                try:
                    total += proc.memory_full_info().pss
                except (psutil.Error, AttributeError):
                    pass
            self.peak_mb = max(self.peak_mb, total / 2**20)
            self.cpu_seconds += time.thread_time() - tick
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
            cpu_before = _cpu_seconds()
            start = time.perf_counter()
            manifest = annotate(inputs, outdir, n_process=n_process, engine=engine, chunksize=chunksize,
                                batch_size=batch_size, quiet=True)
            wall = time.perf_counter() - start
            cpu_after = _cpu_seconds()
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
        "cpu_seconds_main": round(cpu_after[0] - cpu_before[0] - sampler.cpu_seconds, 1),
        "cpu_seconds_memory_sampling": round(sampler.cpu_seconds, 1),
        "cpu_seconds_workers": round(cpu_after[1] - cpu_before[1], 1),
        # from the manifest: the reader process, and the annotating threads inside nlp.pipe and around it
        "cpu_seconds_reader": round(seconds.get("read_ahead_cpu", 0.0), 1),
        "cpu_seconds_in_pipeline": round(seconds.get("worker_pipeline_cpu", 0.0), 1),
        "cpu_seconds_around_pipeline": round(seconds.get("worker_annotate_cpu", 0.0)
                                             - seconds.get("worker_pipeline_cpu", 0.0), 1),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()], "machine": describe(),
    }


def report_rounds(args) -> None:
    """``--rounds``: in each round a run with ``args.n_process`` processes, a run with one, and the one-core
    ``qatext.load()`` baseline (best of ``--best-of`` passes over every ``--baseline-every``-th record), in an
    order that rotates from round to round; prints words/s of every run and the ratios round by round."""
    import statistics

    print(describe())
    print(f"engine {args.engine}, chunksize {args.chunksize}, batch size {args.batch_size}; {args.rounds} rounds")
    runs = [args.n_process, 1, "load"]
    speeds: dict = {run: [] for run in runs}
    for round_number in range(args.rounds):
        for run in runs[round_number % 3:] + runs[:round_number % 3]:
            load_before = os.getloadavg()[0]
            if run == "load":
                base = baseline_in_subprocess(args.inputs, every=args.baseline_every, best_of=args.best_of,
                                              batch_size=args.batch_size)
                speeds[run].append(base["load_words_per_second"])
                print(f"  round {round_number + 1}, one core of qatext.load() (every {args.baseline_every}th record, "
                      f"best of {args.best_of}): {base['load_words_per_second']:,} words/s; load average before "
                      f"{load_before:.2f}", flush=True)
                continue
            result = measure(args.inputs, n_process=run, engine=args.engine, chunksize=args.chunksize,
                             batch_size=args.batch_size)
            speeds[run].append(result["words_per_second"])
            print(f"  round {round_number + 1}, annotate, {run} process{'es' if run > 1 else ''}: "
                  f"{result['words_per_second']:,} words/s ({result['words']:,} words, {result['wall_seconds']} s; "
                  f"load average before {load_before:.2f})", flush=True)
    many = speeds[args.n_process]
    for other, name in ((1, "annotate with one process"), ("load", "one core of qatext.load()")):
        per_round = [m / o for m, o in zip(many, speeds[other])]
        print(f"annotate --n-process {args.n_process} / {name}, per round: "
              + ", ".join(f"{r:.2f}" for r in per_round)
              + f"; median {statistics.median(per_round):.2f}; best / best {max(many) / max(speeds[other]):.2f}")


def _cpu_seconds() -> tuple[float, float]:
    """User+system CPU seconds of this process and of its finished children (local workers and the
    reader process)."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, children.ru_utime + children.ru_stime


def baseline_texts(inputs: list[Path], *, every: int, fields=("question", "answer")) -> list[tuple[str, str]]:
    """(field, text) of every ``every``-th record of ``inputs``, read as annotate reads them."""
    from qatext.corpus import iter_corpus

    texts, n = [], 0
    for path in inputs:
        for chunk in iter_corpus(path, chunksize=10_000):
            for row in chunk[list(fields)].itertuples(index=False):
                if n % every == 0:
                    texts.extend((f, t) for f, t in zip(fields, row) if isinstance(t, str) and t.strip())
                n += 1
    return texts


def _one_core_pipeline(inputs: list[Path], *, every: int):
    """This process pinned to one core, the texts of every ``every``-th record with their word count,
    and ``qatext.load()`` warmed up on one sentence as ``get_nlp`` warms annotate's workers."""
    import qatext

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    texts = baseline_texts(inputs, every=every)
    words = sum(len(t.split()) for _, t in texts)
    nlp = qatext.load()
    nlp("Warm-up: I have had a headache and fever since Monday, no cough.")
    return texts, words, nlp


def run_baseline(inputs: list[Path], *, every: int, best_of: int, batch_size: int) -> dict:
    """One core of ``qatext.load()`` on ``baseline_texts``: words/s, best of ``best_of`` passes
    (CPU time of this process, which a busy neighbour disturbs less than wall time)."""
    texts, words, nlp = _one_core_pipeline(inputs, every=every)
    questions = [t for f, t in texts if f == "question"]
    others = [t for f, t in texts if f != "question"]
    topic_pipes = [name for name in nlp.pipe_names if nlp.get_pipe_meta(name).factory == "qatext_topics"]

    first_cpu = []

    def timed(run) -> tuple[float, float]:
        best_wall = best_cpu = float("inf")
        for _ in range(best_of):
            wall, cpu = time.perf_counter(), time.process_time()
            run()
            best_wall, best_cpu = min(best_wall, time.perf_counter() - wall), min(best_cpu, time.process_time() - cpu)
            first_cpu.append(time.process_time() - cpu)
        return best_wall, best_cpu

    def every_component() -> None:
        for _ in nlp.pipe([t for _, t in texts], batch_size=batch_size):
            pass

    def as_annotate() -> None:
        for _ in nlp.pipe(questions, batch_size=batch_size):
            pass
        with nlp.select_pipes(disable=topic_pipes):
            for _ in nlp.pipe(others, batch_size=batch_size):
                pass

    full_wall, full_cpu = timed(every_component)
    lean_wall, lean_cpu = timed(as_annotate)
    return {"texts": len(texts), "words": words, "every": every, "best_of": best_of,
            "load_words_per_second": round(words / full_wall), "load_words_per_cpu_second": round(words / full_cpu),
            "as_annotate_words_per_second": round(words / lean_wall),
            "as_annotate_words_per_cpu_second": round(words / lean_cpu),
            # the very first pass, on a vocabulary and tokenizer cache that know none of these words yet,
            # as every annotate worker starts (the best-of passes above find them all known)
            "load_words_per_cpu_second_first_pass": round(words / first_cpu[0])}


def run_single_pass(inputs: list[Path], *, batch_size: int) -> dict:
    """One core of ``qatext.load()`` over every text of ``inputs`` once, every component on every
    text: a one-core run of the same corpus. Each text is new to the vocabulary and the tokenizer
    cache when it comes, as in annotate's workers; the best-of passes above see their texts again."""
    texts, words, nlp = _one_core_pipeline(inputs, every=1)
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe((t for _, t in texts), batch_size=batch_size):
        pass
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"texts": len(texts), "words": words, "single_pass_words_per_second": round(words / wall),
            "single_pass_words_per_cpu_second": round(words / cpu)}


def baseline_in_subprocess(inputs: list[Path], *, every: int, best_of: int, batch_size: int,
                           single_pass: bool = False) -> dict:
    command = [sys.executable, __file__, *map(str, inputs), "--baseline-only", "--baseline-every", str(every),
               "--best-of", str(best_of), "--batch-size", str(batch_size), *(["--single-pass"] if single_pass else [])]
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=DEFAULT_INPUTS)
    parser.add_argument("--n-process", type=int, default=2)
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    parser.add_argument("--chunksize", type=int, default=5_000)
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--baseline-every", type=int, default=4, help="baseline on every N-th record (default 4)")
    parser.add_argument("--best-of", type=int, default=3, help="baseline passes (default 3)")
    parser.add_argument("--no-baseline", dest="baseline", action="store_false", default=None)
    parser.add_argument("--baseline", dest="baseline", action="store_true")
    parser.add_argument("--baseline-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--single-pass", action="store_true",
                        help="also time one core of qatext.load() in one pass over every text of the inputs")
    parser.add_argument("--json", action="store_true", help="print one JSON object (for benchmarks/scale.py)")
    parser.add_argument("--rounds", type=int, default=0,
                        help="N rounds of a run with --n-process processes, one with one, and the baseline; print the ratios")
    args = parser.parse_args()
    if args.baseline_only:
        run = run_single_pass(args.inputs, batch_size=args.batch_size) if args.single_pass else run_baseline(
            args.inputs, every=args.baseline_every, best_of=args.best_of, batch_size=args.batch_size)
        print(json.dumps(run))
        return
    if args.rounds:
        report_rounds(args)
        return
    want_baseline = (not args.json) if args.baseline is None else args.baseline
    baseline = None
    if want_baseline:  # first, alone, so the annotate run does not share the core with it
        load_before = os.getloadavg()
        baseline = baseline_in_subprocess(args.inputs, every=args.baseline_every, best_of=args.best_of,
                                          batch_size=args.batch_size)
        baseline["load_average_before"] = [round(x, 2) for x in load_before]
        baseline["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
        if args.single_pass:  # a fresh process of its own: every text is new to it
            baseline["single_pass"] = baseline_in_subprocess(args.inputs, every=1, best_of=1, batch_size=args.batch_size,
                                                             single_pass=True)
            baseline["single_pass"]["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    result = measure(args.inputs, n_process=args.n_process, engine=args.engine, chunksize=args.chunksize,
                     batch_size=args.batch_size)
    if baseline:
        result["baseline"] = baseline
        result["ratio_to_load"] = round(result["words_per_second"] / baseline["load_words_per_second"], 2)
        result["ratio_to_as_annotate"] = round(result["words_per_second"] / baseline["as_annotate_words_per_second"], 2)
        if "single_pass" in baseline:
            result["ratio_to_single_pass"] = round(
                result["words_per_second"] / baseline["single_pass"]["single_pass_words_per_second"], 2)
        # What a quiet machine would show if the run stays CPU-bound: the workers and the main
        # process share n_process cores, and the main process alone cannot go faster than its CPU.
        total_cpu = result["cpu_seconds_main"] + result["cpu_seconds_workers"]
        quiet_wall = max(total_cpu / args.n_process, result["cpu_seconds_main"])
        if args.engine == "local" and quiet_wall > 0:
            result["cpu_projected_ratio_to_load"] = round(result["words"] / quiet_wall / baseline["load_words_per_cpu_second"], 2)
            result["cpu_projected_ratio_to_as_annotate"] = round(
                result["words"] / quiet_wall / baseline["as_annotate_words_per_cpu_second"], 2)
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
    print("where the time goes (s; read/hash/reuse/wait/write are in the main process, read the wait for the next "
          "chunk; read_ahead is the reader process reading and preparing chunks; worker_* summed over workers):")
    for stage, value in result["stage_seconds"].items():
        print(f"  {stage:16} {value:8.2f}")
    print(f"peak RSS: main {result['peak_rss_mb_main']} MB, largest worker {result['peak_rss_mb_largest_child']} MB; "
          f"peak PSS of the whole process tree {result['peak_pss_mb_total']} MB")
    print(f"output on disk: {result['output_mb']} MB")
    print(f"CPU seconds: main process {result['cpu_seconds_main']}, workers and reader {result['cpu_seconds_workers']} "
          f"(local engine; Dask workers are not children); the memory sampling took {result['cpu_seconds_memory_sampling']}")
    per_mw = {k: result[f"cpu_seconds_{k}"] / result["words"] * 1e6
              for k in ("main", "workers", "reader", "in_pipeline", "around_pipeline")}
    print(f"CPU seconds per million words: main {per_mw['main']:.2f}, workers and reader {per_mw['workers']:.2f}; "
          f"of which the reader {per_mw['reader']:.2f}, annotating inside nlp.pipe {per_mw['in_pipeline']:.2f} and "
          f"around it (rows, tags, tables) {per_mw['around_pipeline']:.2f}"
          + (f" = {per_mw['around_pipeline'] / per_mw['in_pipeline']:.0%} of the pipeline" if per_mw['in_pipeline'] else ""))
    if baseline:
        b = baseline
        print(f"baseline, one core, every {b['every']}th record ({b['texts']:,} texts, {b['words']:,} words), "
              f"best of {b['best_of']}, load average before/after {b['load_average_before']} / {b['load_average_after']}:")
        print(f"  qatext.load(), every component on every text: {b['load_words_per_second']:,} words/s "
              f"({b['load_words_per_cpu_second']:,} per CPU second)")
        print(f"  as annotate runs it (topics on questions only): {b['as_annotate_words_per_second']:,} words/s "
              f"({b['as_annotate_words_per_cpu_second']:,} per CPU second, "
              f"{1e6 / b['as_annotate_words_per_cpu_second']:.2f} CPU s per million words)")
        print(f"  first pass of qatext.load() (cold vocabulary and tokenizer cache, as each worker starts): "
              f"{b['load_words_per_cpu_second_first_pass']:,} per CPU second "
              f"({1e6 / b['load_words_per_cpu_second_first_pass']:.2f} CPU s per million words, best pass "
              f"{1e6 / b['load_words_per_cpu_second']:.2f})")
        print(f"annotate --n-process {result['n_process']}: {result['words_per_second']:,} words/s = "
              f"{result['ratio_to_load']:.2f} x one core of qatext.load(), "
              f"{result['ratio_to_as_annotate']:.2f} x one core doing annotate's work (target >= 1.5 on a quiet 2-core machine)")
        if "single_pass" in b:
            p = b["single_pass"]
            print(f"  qatext.load() in one pass over every text of the inputs ({p['texts']:,} texts, {p['words']:,} words, "
                  f"each new when it comes, as in a one-core run of this corpus): {p['single_pass_words_per_second']:,} "
                  f"words/s ({p['single_pass_words_per_cpu_second']:,} per CPU second); annotate = "
                  f"{result['ratio_to_single_pass']:.2f} x that")
        if "cpu_projected_ratio_to_load" in result:
            print(f"from CPU seconds (what a quiet machine would show if nothing else limits the run): "
                  f"{result['cpu_projected_ratio_to_load']:.2f} x qatext.load(), "
                  f"{result['cpu_projected_ratio_to_as_annotate']:.2f} x annotate's work")


if __name__ == "__main__":
    main()
