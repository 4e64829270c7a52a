"""Cost of the assertion component (qatext_context) alone, as a ratio to spaCy's bare tokenizer.

The whole-pipeline benchmark (ner_speed.py) cannot see a change in one component on a loaded
machine: its passes move by 2x between runs. Here both are timed in one process, alternately,
on the same texts, pinned to one core: the tokenizer on the raw texts, and qatext_context on the
docs the rest of the pipeline made (entities set, sentences split). The ratio
``context seconds / tokenizer seconds`` is what to compare between two versions of the rules;
``--rounds`` alternations, the best CPU time of each (on a shared machine wall time mostly
measures the other jobs).

With ``--previous REV`` the ConText of release ``REV`` of this repository (its context.py with
its own rules.tsv and people.tsv) is timed in the same process on the same docs, alternating with
this tree's, and the two outputs are compared mention by mention (status, experiencer, cue): the
number that differ is printed, with the first few.

Usage: python benchmarks/context_speed.py [--corpus ../shared/corpora/ask-a-doctor-2017]
       [--limit 2500] [--rounds 5] [--previous REV] [--show N] [--status-model]

With ``--status-model`` the component is also timed with the learned status model on
(``qatext_context+model``, same docs, alternating), one doc at a time as ``nlp(text)`` runs it and
through its ``pipe`` (``+model/pipe``, batches of 256 as ``nlp.pipe`` runs it: the model scores a
whole batch at once), and the mentions it changes are counted.
"""
from __future__ import annotations

import argparse
import importlib.abc
import importlib.util
import os
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).parent))
from _machine import describe  # noqa: E402
from _release import previous_release  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ask-a-doctor-2017"
SHOWN_DIFFERENCES = 10


@contextmanager
def _resources_of(tree: Path, module):
    """qatext.resources, and ``module`` if it reads its tables itself (releases before issue 12 did,
    with importlib.resources), read them from ``tree`` (a release) while the block runs."""
    import qatext.resources as package

    readers = [reader for reader in (package, module) if hasattr(reader, "resources")]
    real = [reader.resources for reader in readers]
    for reader in readers:
        reader.resources = SimpleNamespace(files=lambda _package: tree / "qatext" / "resources")
    try:
        yield
    finally:
        for reader, value in zip(readers, real):
            reader.resources = value


class _ReleaseModules(importlib.abc.MetaPathFinder):
    """Finds the modules named in ``paths`` (package name -> file of a release) before this tree's."""

    def __init__(self, paths: dict[str, Path]):
        self.paths = paths

    def find_spec(self, name, path=None, target=None):
        return importlib.util.spec_from_file_location(name, self.paths[name]) if name in self.paths else None


def previous_context(nlp, rev: str, into: Path):
    """The ConText component of release ``rev``, built with that release's rules and code. Releases
    from the split of context.py on import its ``qatext.ner.context_*`` modules by package name: while
    it loads, those names find the release's files, and this tree's modules are put back afterwards
    (the release's component keeps the objects it imported)."""
    tree = previous_release(rev, into)
    folder = tree / "qatext" / "ner"
    helpers = {f"qatext.ner.{path.stem}": path for path in sorted(folder.glob("context_*.py"))}
    ours = {name: sys.modules.pop(name) for name in list(sys.modules) if name in helpers}
    finder = _ReleaseModules(helpers)
    sys.meta_path.insert(0, finder)
    try:
        spec = importlib.util.spec_from_file_location(f"qatext_context_{rev}", folder / "context.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # its dataclasses look their module up
        spec.loader.exec_module(module)
        with _resources_of(tree, module):
            return module.ConTextAssertion(nlp, name="qatext_context")
    finally:
        import qatext.ner as package

        sys.meta_path.remove(finder)
        for name in helpers:
            sys.modules.pop(name, None)
            attribute = name.rsplit(".", 1)[1]
            if name in ours:  # importing a submodule also sets it on its package
                setattr(package, attribute, ours[name])
            elif hasattr(package, attribute):
                delattr(package, attribute)
        sys.modules.update(ours)


def statuses(doc) -> list[tuple]:
    return [(ent.start_char, ent.text, ent._.assertion, ent._.experiencer, ent._.assertion_cue) for ent in doc.ents]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=2500)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--previous", metavar="REV", help="also time the ConText of this git revision")
    parser.add_argument("--show", type=int, default=SHOWN_DIFFERENCES, metavar="N",
                        help=f"differing mentions to print (default {SHOWN_DIFFERENCES})")
    parser.add_argument("--status-model", action="store_true", help="also time the component with the status model on")
    args = parser.parse_args()
    import spacy

    import qatext

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    frame = qatext.read_corpus(args.corpus)
    texts = [f"{q or ''}\n{a or ''}" for q, a in zip(frame["question"], frame["answer"])][:args.limit]
    words = sum(len(t.split()) for t in texts)
    from qatext.ner.context import ConTextAssertion

    nlp = qatext.load(topics=False)
    # The rules alone, as a release's ConText is built below: the pipeline's own component has the
    # status model on (the default), which would time and compare rules + model against rules.
    contexts = {"qatext_context": ConTextAssertion(nlp, "qatext_context")}
    piped = {}  # timed through the component's pipe
    if args.status_model:
        from qatext.ner.status_model import shipped

        contexts["qatext_context+model"] = ConTextAssertion(nlp, "qatext_context", status_model=shipped())
        piped["qatext_context+model/pipe"] = contexts["qatext_context+model"]
    tmp = tempfile.TemporaryDirectory()
    if args.previous:
        contexts[f"qatext_context@{args.previous}"] = previous_context(nlp, args.previous, Path(tmp.name) / "previous")
    with nlp.select_pipes(disable=["qatext_context"]):
        docs = list(nlp.pipe(texts, batch_size=256))
    if args.previous:
        # Each version on its own copies: the component writes only what differs from the defaults.
        # The rules of this tree against the rules of the release (not the model, if timed too).
        compared = (contexts["qatext_context"], contexts[f"qatext_context@{args.previous}"])
        outputs = [[statuses(context(doc.copy())) for doc in docs] for context in compared]
        differing = [(i, a, b) for i, (doc_a, doc_b) in enumerate(zip(*outputs))
                     for a, b in zip(doc_a, doc_b) if a != b]
    tokenizer = spacy.blank("en").tokenizer
    best = {"tokenizer": float("inf"), **{name: float("inf") for name in [*contexts, *piped]}}
    order = list(contexts.items()) + list(piped.items())
    for _ in range(args.rounds):
        start = time.process_time()
        for _doc in tokenizer.pipe(texts, batch_size=256):
            pass
        best["tokenizer"] = min(best["tokenizer"], time.process_time() - start)
        for name, context in order:
            start = time.process_time()
            if name in piped:
                for _doc in context.pipe(docs, batch_size=256):
                    pass
            else:
                for doc in docs:
                    context(doc)
            best[name] = min(best[name], time.process_time() - start)
        order.reverse()  # neither version always runs right after the tokenizer
    print(f"machine: {describe()}; load average {os.getloadavg()[0]:.1f} at start")
    print(f"corpus: {args.corpus} (first {len(texts)} records, {words:,} words); best of {args.rounds} "
          f"alternating rounds, CPU time, one core")
    for name, seconds in best.items():
        print(f"{name:32} {seconds:7.3f} s  {words / seconds:>10,.0f} words/s  "
              f"{seconds / best['tokenizer']:.3f} x tokenizer")
    if args.previous:
        name = f"qatext_context@{args.previous}"
        print(f"qatext_context / {name} time: {best['qatext_context'] / best[name]:.3f}")
        mentions = sum(len(doc.ents) for doc in docs)
        print(f"mentions whose status, experiencer or cue differ: {len(differing)} of {mentions:,}")
        for index, ours, theirs in differing[:args.show]:
            print(f"  record {index}: {theirs[1:]} -> {ours[2:]}")
    if args.status_model:
        changed = sum(a != b for doc in docs for a, b in zip(statuses(contexts["qatext_context"](doc.copy())),
                                                              statuses(contexts["qatext_context+model"](doc.copy()))))
        added = [(best[name] - best['qatext_context']) / best['tokenizer'] for name in
                 ("qatext_context+model", "qatext_context+model/pipe")]
        print(f"status model: +{added[0]:.3f} x tokenizer one doc at a time, +{added[1]:.3f} x through pipe; "
              f"mentions it changes: {changed} of {sum(len(doc.ents) for doc in docs):,}")
    tmp.cleanup()


if __name__ == "__main__":
    main()
