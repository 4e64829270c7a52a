"""CPU of the recognizer's span-rule chain, rule by rule, as a ratio to spaCy's bare tokenizer.

One pass of ``qatext.load(topics=False)`` over the texts records every call the recognizer makes
to a rule of a rule module of ``qatext.ner`` (``span_rules``, the ``lay_*`` modules, ``figures``, ...:
every module the recognizer calls as ``module.rule(``; its arguments, as the chain hands them over). Then each rule alone is replayed over its recorded calls, best CPU time
(``time.process_time``) of ``--best-of`` passes, and so is the bare tokenizer over the same texts,
before and after. The doc's word set is built once per doc by the recognizer (as before these
rules shared it); the part of it that triggers any rule (``span_rules.gate_hits``) is built once
per doc for the rules, and is a line of its own, so the sum is the chain's whole cost.

With ``--previous REV`` release REV's rules are measured the same way in a process of their own,
alternating with this tree's (``--rounds`` times each), so before/after is one command.

Usage: python benchmarks/ner_rules_speed.py [--corpus ../shared/corpora/ask-a-doctor-2017] [--limit 2500]
       [--best-of 5] [--previous REV] [--rounds 1]
"""
from __future__ import annotations

import argparse
import inspect
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _machine import describe  # noqa: E402
from _release import previous_release  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ask-a-doctor-2017"
DOC_SETS = "(per-doc gate hits)"


def _best(run, best_of: int) -> float:
    times = []
    for _ in range(best_of):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def measure(corpus: Path, limit: int, best_of: int) -> dict:
    import spacy

    import qatext
    from qatext.ner import recognizer, span_rules

    frame = qatext.read_corpus(corpus)
    texts = [f"{q or ''}\n{a or ''}" for q, a in zip(frame["question"], frame["answer"])][:limit]
    nlp = qatext.load(topics=False)
    source = inspect.getsource(recognizer)
    # the rule modules the recognizer calls (not the helpers it reads strings or extensions with)
    modules = {alias: module for alias, module in vars(recognizer).items() if inspect.ismodule(module)
               and module.__name__.startswith("qatext.ner.") and alias not in ("extensions", "normalize", "fuzzy")}
    rules = sorted({(modules[alias], name) for alias, name in re.findall(r"\b(\w+)\.(\w+)\(", source)
                    if alias in modules and name not in ("word_set", "gate_hits", "has_anatomy", "gate", "is_all_caps", "written_forms")
                    and inspect.isfunction(getattr(modules[alias], name, None))}, key=lambda rule: rule[1])
    calls: dict[str, list] = {name: [] for _, name in rules}
    real = {name: getattr(module, name) for module, name in rules}

    def recording(name):
        def rule(*args, **kwargs):
            calls[name].append((args, kwargs))
            return real[name](*args, **kwargs)
        return rule

    for module, name in rules:
        setattr(module, name, recording(name))
    for _doc in nlp.pipe(texts, batch_size=256):
        pass
    for module, name in rules:
        setattr(module, name, real[name])
    # the doc's word list, wherever a rule takes it (most as ``(doc, words, ...)``, some as ``(words, spans)``)
    word_lists = {}
    for name, recorded in calls.items():
        signature = inspect.signature(real[name])
        for args, kwargs in recorded:
            words = signature.bind(*args, **kwargs).arguments.get("words")
            if words is not None:
                word_lists[id(words)] = words
    seconds = {}
    if hasattr(span_rules, "_doc_sets"):
        # Replayed rule by rule, the one-doc cache would miss on every call: give each rule the sets the
        # chain gives it, and time the gate hits, built once per doc, on their own line.
        # (the same fields as span_rules._doc_sets: words, their set, the gate hits, the gate size, word positions)
        gate_words = span_rules._GATE_WORDS
        built = {key: (words, set(words), set(words) & gate_words, len(gate_words), {})
                 for key, words in word_lists.items()}
        seconds[DOC_SETS] = _best(lambda: [fields[1] & gate_words for fields in built.values()], best_of)
        span_rules._doc_sets = lambda words: built[id(words)]
    tokenizer = spacy.blank("en").tokenizer
    before = _best(lambda: [tokenizer(text) for text in texts], best_of)
    for name, recorded in calls.items():
        rule = real[name]
        seconds[name] = _best(lambda: [rule(*args, **kwargs) for args, kwargs in recorded], best_of)
    tokenizer_seconds = min(before, _best(lambda: [tokenizer(text) for text in texts], best_of))
    return {"docs": len(texts), "tokenizer": tokenizer_seconds, "rules": seconds,
            "calls": {name: len(recorded) for name, recorded in calls.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=2500)
    parser.add_argument("--best-of", type=int, default=5)
    parser.add_argument("--previous", metavar="REV")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.only:
        print(json.dumps(measure(args.corpus, args.limit, args.best_of)))
        return
    print(f"machine: {describe()}; load average {os.getloadavg()[0]:.1f} at start")
    print(f"corpus: {args.corpus}, first {args.limit} records; best CPU time of {args.best_of} passes")
    configs = {"this tree": dict(os.environ)}
    tmp = tempfile.TemporaryDirectory()
    if args.previous:
        code = previous_release(args.previous, Path(tmp.name) / "previous")
        configs[args.previous] = {**os.environ, "PYTHONPATH": str(code)}
    results: dict[str, list[dict]] = {config: [] for config in configs}
    for _ in range(args.rounds):
        for config, env in configs.items():
            command = [sys.executable, __file__, "--only", "--corpus", str(args.corpus),
                       "--limit", str(args.limit), "--best-of", str(args.best_of)]
            out = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tempfile.gettempdir())
            if out.returncode != 0:
                sys.exit(f"{config} failed: {out.stderr.strip()[-2000:]}")
            results[config].append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(f"load average {os.getloadavg()[0]:.1f} at end")
    names = sorted({name for runs in results.values() for run in runs for name in run["rules"]},
                   key=lambda name: -max(run["rules"].get(name, 0) / run["tokenizer"] for run in results[next(iter(results))]))
    header = "".join(f" {config + ' x tok':>24}" for config in results)
    print(f"{'rule':32}{header}")
    for name in names:
        cells = []
        for runs in results.values():
            ratios = [run["rules"][name] / run["tokenizer"] for run in runs if name in run["rules"]]
            cells.append(f" {'/'.join(f'{r:.4f}' for r in ratios) or '-':>24}")
        print(f"{name:32}{''.join(cells)}")
    cells = []
    for runs in results.values():
        sums = "/".join(f"{sum(run['rules'].values()) / run['tokenizer']:.3f}" for run in runs)
        cells.append(f" {sums:>24}")
    print(f"{'rule chain (sum)':32}{''.join(cells)}")
    tmp.cleanup()


if __name__ == "__main__":
    main()
