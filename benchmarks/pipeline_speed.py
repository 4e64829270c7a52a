"""Each stage of ``qatext.load(topics=False)`` as a ratio to spaCy's bare tokenizer, against releases.

In one process pinned to one core: spaCy's bare English tokenizer over the texts, then
``make_doc`` over them, then each component over the docs the stage before made (its ``pipe``,
batches of 256), then the whole ``nlp.pipe``; CPU time, best of ``--passes`` (the first pass,
every text new to the tokenizer cache, is printed too: it is what ``qatext annotate`` sees). With
``--previous REV`` (any number) each release runs the same way in its own process, the
configurations alternating for ``--rounds`` rounds so a busy neighbour hurts them alike; the
table gives each stage's median ratio over the rounds.

With ``--callgrind`` the whole ``nlp.pipe`` runs under valgrind's callgrind instead: the
instructions of one pass over the texts after a warm-up pass over the same texts (loading and
the warm-up are not counted), for this tree and each ``--previous`` release; take ``--limit 400``;
``--cache-sim`` also simulates the caches, with a last level the size of this machine's 1 MB second-level
cache, and prints the misses of that level (reads and writes of data);
``--topics`` counts ``qatext.load()`` with its topic tagger instead. ``--warm-passes 2`` counts the
third pass, the one ``ner_speed.py``'s best of three is: ``qatext.load()``'s tokenizer caches a chunk
at its second sighting (``qatext/ner/primed_tokenizer.py``), so the second pass also counts that
priming, which the first pass of a corpus pays for every chunk seen twice.

Usage: python benchmarks/pipeline_speed.py [--limit 2500] [--passes 3] [--rounds 3]
       [--previous REV ...] [--callgrind [--topics] [--warm-passes 1] [--cache-sim]]
       [--corpus ../shared/corpora/ask-a-doctor-2017]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _machine import describe  # noqa: E402
from _release import previous_release  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ask-a-doctor-2017"
BATCH = 256


def _texts(corpus: Path, limit: int) -> list[str]:
    import qatext

    frame = qatext.read_corpus(corpus)
    return [f"{q or ''}\n{a or ''}" for q, a in zip(frame["question"], frame["answer"])][:limit]


def _pipe(component, docs):
    if hasattr(component, "pipe"):
        return list(component.pipe(docs, batch_size=BATCH))
    return [component(doc) for doc in docs]  # releases whose components had no pipe


def stages(corpus: Path, limit: int, passes: int) -> dict:
    """Best CPU seconds of each stage over ``passes`` passes, and the first whole pass."""
    import spacy

    import qatext

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    texts = _texts(corpus, limit)
    tokenizer = spacy.blank("en").tokenizer
    nlp = qatext.load(topics=False)
    best: dict[str, float] = {}
    first_whole = None
    for _ in range(passes):
        times = {}
        start = time.process_time()
        for _doc in tokenizer.pipe(texts):
            pass
        times["tokenizer"] = time.process_time() - start
        start = time.process_time()
        entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=BATCH))
        times["whole"] = time.process_time() - start
        first_whole = first_whole or times["whole"]
        start = time.process_time()
        docs = [nlp.make_doc(text) for text in texts]
        times["make_doc"] = time.process_time() - start
        for name, component in nlp.pipeline:
            start = time.process_time()
            docs = _pipe(component, docs)
            times[name] = time.process_time() - start
        del docs
        best = {name: min(seconds, best.get(name, seconds)) for name, seconds in times.items()}
    return {"seconds": best, "first_whole": first_whole, "entities": entities, "texts": len(texts)}


def callgrind_child(corpus: Path, limit: int, ready: Path, go: Path, done: Path, *, topics: bool = False,
                    warm_passes: int = 1) -> None:
    """Warm up, then run the counted pass between the parent's two ``callgrind_control`` calls."""
    import qatext

    texts = _texts(corpus, limit)
    nlp = qatext.load() if topics else qatext.load(topics=False)
    for _ in range(warm_passes):
        for _doc in nlp.pipe(texts, batch_size=BATCH):
            pass
    ready.touch()
    while not go.exists():
        time.sleep(0.2)
    for _doc in nlp.pipe(texts, batch_size=BATCH):
        pass
    done.touch()
    while done.exists():
        time.sleep(0.2)


SECOND_LEVEL_CACHE = "--LL=1048576,8,64"  # 1 MB, 8-way, 64-byte lines: the second level of this VM's EPYC (Zen 4) cores


def count_instructions(env: dict, corpus: Path, limit: int, work: Path, *, topics: bool = False,
                       warm_passes: int = 1, cache_sim: bool = False) -> dict[str, int]:
    """Callgrind's totals of the counted pass, by event name (``Ir``; with ``cache_sim`` also ``DLmr``, ``DLmw``, ...)."""
    work.mkdir(parents=True)
    ready, go, done, out = work / "ready", work / "go", work / "done", work / "callgrind.out"
    simulation = ["--cache-sim=yes", SECOND_LEVEL_CACHE] if cache_sim else []
    child = subprocess.Popen(
        ["valgrind", "--tool=callgrind", *simulation, "--instr-atstart=no", f"--callgrind-out-file={out}", sys.executable,
         __file__, "--callgrind-child", str(work), "--corpus", str(corpus), "--limit", str(limit),
         "--warm-passes", str(warm_passes), *(["--topics"] if topics else [])],
        env={**env, "PYTHONMALLOC": "malloc"}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not ready.exists():
            if child.poll() is not None:
                raise RuntimeError("the callgrind child ended before its warm-up was done")
            time.sleep(1)
        subprocess.run(["callgrind_control", "--instr=on", str(child.pid)], check=True, capture_output=True)
        go.touch()
        while not done.exists():
            time.sleep(0.5)
        subprocess.run(["callgrind_control", "--instr=off", str(child.pid)], check=True, capture_output=True)
        done.unlink()
        child.wait()
    finally:
        if child.poll() is None:
            child.kill()
    counted = []
    for path in work.glob("callgrind.out*"):
        lines = path.read_text().splitlines()
        events = next(line.split()[1:] for line in lines if line.startswith("events:"))
        counted += [dict(zip(events, map(int, line.split()[1:]))) for line in lines
                    if line.startswith(("summary:", "totals:"))]
    return max(counted, key=lambda totals: totals["Ir"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=2500)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--previous", metavar="REV", action="append", default=[])
    parser.add_argument("--callgrind", action="store_true")
    parser.add_argument("--topics", action="store_true", help="with --callgrind: count qatext.load() with the topic tagger")
    parser.add_argument("--warm-passes", type=int, default=1,
                        help="with --callgrind: uncounted passes before the counted one (2: the pass ner_speed's best of 3 is)")
    parser.add_argument("--cache-sim", action="store_true",
                        help="with --callgrind: also count the misses of a 1 MB last-level cache")
    parser.add_argument("--only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--callgrind-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.only:
        print(json.dumps(stages(args.corpus, args.limit, args.passes)))
        return
    if args.callgrind_child:
        work = args.callgrind_child
        callgrind_child(args.corpus, args.limit, work / "ready", work / "go", work / "done", topics=args.topics,
                        warm_passes=args.warm_passes)
        return
    tmp = tempfile.TemporaryDirectory()
    environments = {"this tree": dict(os.environ)}
    for rev in args.previous:
        code = previous_release(rev, Path(tmp.name) / rev)
        environments[f"@{rev}"] = {**os.environ, "PYTHONPATH": str(code)}
    print(f"machine: {describe()}; load average {os.getloadavg()[0]:.1f} at start")
    print(f"corpus: {args.corpus} (first {args.limit} records), one core")
    if args.callgrind:
        for config, env in environments.items():
            totals = count_instructions(env, args.corpus, args.limit, Path(tmp.name) / f"callgrind-{len(config)}-{config[-7:]}",
                                        topics=args.topics, warm_passes=args.warm_passes, cache_sim=args.cache_sim)
            # (callgrind leaves an event's trailing zero counts off its totals line)
            reads, writes = totals.get("DLmr", 0), totals.get("DLmw", 0)
            misses = (f", {(reads + writes) / 1e6:6.2f} M misses of a 1 MB cache "
                      f"({reads / 1e6:.2f} M reads, {writes / 1e6:.2f} M writes)") if args.cache_sim else ""
            print(f"{config:12} {totals['Ir'] / 1e9:7.3f} G instructions{misses}, one nlp.pipe pass after "
                  f"{args.warm_passes} uncounted" + (" (with the topic tagger)" if args.topics else ""))
        tmp.cleanup()
        return
    ratios: dict[str, dict[str, list[float]]] = {config: {} for config in environments}
    entities = {}
    order = list(environments.items())
    for _ in range(args.rounds):
        for config, env in order:
            command = [sys.executable, __file__, "--only", "--corpus", str(args.corpus), "--limit", str(args.limit),
                       "--passes", str(args.passes)]
            out = subprocess.run(command, capture_output=True, text=True, env=env)
            if out.returncode != 0:
                sys.exit(f"{config} failed: {out.stderr.strip()[-2000:]}")
            result = json.loads(out.stdout.strip().splitlines()[-1])
            seconds = result["seconds"]
            entities[config] = result["entities"]
            for name, value in seconds.items():
                ratios[config].setdefault(name, []).append(value / seconds["tokenizer"])
            ratios[config].setdefault("whole, first pass", []).append(result["first_whole"] / seconds["tokenizer"])
        order = order[1:] + order[:1]
    print(f"best CPU time of {args.passes} passes per process, in tokenizer-times; median (min-max) of "
          f"{args.rounds} alternating rounds")
    names = list(dict.fromkeys(name for config in ratios.values() for name in config))
    print(f"{'stage':22}" + "".join(f"{config:>24}" for config in ratios))
    for name in names:
        cells = []
        for config in ratios:
            values = ratios[config].get(name)
            cells.append(f"{statistics.median(values):.3f} ({min(values):.2f}-{max(values):.2f})" if values else "-")
        print(f"{name:22}" + "".join(f"{cell:>24}" for cell in cells))
    print(f"{'entities':22}" + "".join(f"{entities[config]:>24,}" for config in ratios))
    this = ratios["this tree"]["whole"]
    for config in list(ratios)[1:]:
        other = ratios[config]["whole"]
        print(f"whole pipeline, this tree / {config}: {statistics.median(a / b for a, b in zip(this, other)):.3f} "
              f"(median of the rounds' ratios)")
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    tmp.cleanup()


if __name__ == "__main__":
    main()
