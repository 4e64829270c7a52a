"""Specialty on symptom stories and intent on medicine questions (issue 10), by subset.

    python benchmarks/topics_stories.py [--gold data/gold/topics.jsonl] [--misses]

Prints top-1 specialty accuracy on ``benchmarks/data/topics_stories_dev.tsv`` (the development
set of symptom stories written for issue 10: a development measure, not a held-out one), and on
the gold file split by batch: t001-t297 (calibration items), then the batches written blind to
the tagger (t298-t673, t674-t833, t834-t923, t924-t983) and the whole file; within each, the
symptom stories (items without ``main_ask`` labelled ``diagnosis``), the share of
``medication`` items tagged ``medication``, and the intent of the context-dependent and
multi-question items (those with ``main_ask``).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _machine import describe  # noqa: E402

DEV = REPO / "benchmarks" / "data" / "topics_stories_dev.tsv"
MEDICINE_DEV = REPO / "benchmarks" / "data" / "topics_medicine_dev.tsv"
# the gold file's batches (data/gold/TOPICS_GUIDELINES.md): t001-t297 calibration items, then the
# batches written blind to the tagger; "all" is the whole file
BATCHES = (("t001-t297", 1, 297), ("t298-t673", 298, 673), ("t674-t833", 674, 833), ("t834-t923", 834, 923),
           ("t924-t983", 924, 983), ("all", 1, 10**6))


def read_dev(path: Path = DEV, columns=("condition", "specialty", "text")) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != len(columns):
            raise ValueError(f"{path}:{number}: expected {', '.join(columns)} ({len(columns)} tab-separated fields)")
        rows.append({"id": f"{path.stem}:{number}", **dict(zip(columns, parts))})
    return rows


def share(rows, predicted, key, wanted=None):
    hits = [predicted[r["id"]][key] == (wanted or r[key]) for r in rows]
    return (sum(hits) / len(hits) if hits else float("nan")), len(hits)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(REPO / "data" / "gold" / "topics.jsonl"))
    parser.add_argument("--misses", action="store_true", help="list the development set's misses")
    args = parser.parse_args(argv)
    import qatext
    from qatext.topics.evaluate import classification_report

    dev = read_dev()
    medicine = read_dev(MEDICINE_DEV, ("intent", "text"))
    # the raw lines: the story subset needs ``main_ask``, which the gold reader leaves out
    gold = [json.loads(line) for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = qatext.load()
    start = time.perf_counter()
    everything = dev + medicine + gold
    predicted = {}
    for row, doc in zip(everything, nlp.pipe([r["text"] for r in everything], batch_size=64)):
        conditions = doc._.conditions or []
        predicted[row["id"]] = {"specialty": doc._.specialties[0][0], "intent": doc._.intents[0][0],
                                "condition": conditions[0]["name"] if conditions else "-"}
    print(f"machine: {describe()}; {len(everything)} texts tagged in {time.perf_counter() - start:.1f} s")
    accuracy, n = share(dev, predicted, "specialty")
    print(f"development stories ({DEV.name}), specialty top-1: {accuracy:.3f} (n={n})")
    asked = [r for r in medicine if r["intent"] == "medication"]
    med, n_med = share(asked, predicted, "intent")
    others, n_others = share([r for r in medicine if r["intent"] != "medication"], predicted, "intent")
    print(f"development medicine questions ({MEDICINE_DEV.name}): tagged medication {med:.3f} (n={n_med}); "
          f"the others' intent right {others:.3f} (n={n_others})")
    if args.misses:
        for r in medicine:
            if predicted[r["id"]]["intent"] != r["intent"]:
                print(f"  {r['intent']} -> {predicted[r['id']]['intent']}: {r['text'][:90]}")
        for r in dev:
            got = predicted[r["id"]]
            if got["specialty"] != r["specialty"]:
                print(f"  {r['condition']}: {r['specialty']} -> {got['specialty']} ({got['condition']}) {r['text'][:90]}")
    for name, low, high in BATCHES:
        part = [r for r in gold if low <= int(str(r["id"])[1:]) <= high]
        if not part:
            continue
        stories = [r for r in part if r["intent"] == "diagnosis" and "main_ask" not in r]
        medicine = [r for r in part if r["intent"] == "medication"]
        spec, n = share(part, predicted, "specialty")
        intent = classification_report([r["intent"] for r in part], [predicted[r["id"]]["intent"] for r in part])
        story, n_story = share(stories, predicted, "specialty")
        med, n_med = share(medicine, predicted, "intent")
        asks, n_asks = share([r for r in part if "main_ask" in r], predicted, "intent")
        print(f"{name} (n={n}): specialty {spec:.3f}; intent accuracy {intent['accuracy']:.3f}, macro-F1 "
              f"{intent['macro_f1']:.3f}; symptom stories specialty {story:.3f} (n={n_story}); "
              f"medication items tagged medication {med:.3f} (n={n_med}); items with a main_ask, "
              f"intent {asks:.3f} (n={n_asks})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
