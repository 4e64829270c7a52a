"""Train the assertion status model (qatext/ner/status_model.py) and write it into the package.

Data: every mention of ``data/gold/assertion.jsonl`` and ``data/gold/ner.jsonl`` that carries an
assertion and that the pipeline finds (a system entity with its span, else the one sharing most
characters); features come from the system's entity and the rules' output, exactly as at run time.
Model: multinomial logistic regression (scikit-learn, lbfgs, L2), deterministic; ``--seed`` is
recorded and used wherever order could matter (the training rows are shuffled with it).

``--evaluate`` runs leave-one-batch-out on the assertion batches 13 to 7: train on everything
else, score the held-out batch with the rules alone and with rules + model under each candidate
policy, strict matching as ``qatext evaluate ner`` does it. ``--policy`` fixes the policy written with
the shipped model (chosen on those held-out scores); without ``--evaluate`` the model is trained on all
the data and written to ``qatext/resources/context/status_model.npz``.

Usage: python scripts/train_status_model.py [--evaluate] [--C 0.5] [--seed 13]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qatext.ner.evaluate import read_gold  # noqa: E402
from qatext.ner.status_model import Policy, StatusModel, candidates  # noqa: E402

GOLD_FILES = ("data/gold/assertion.jsonl", "data/gold/ner.jsonl")
BITS = 15
SEED = 13
DEFAULT_C = 5.0
# The last seven blind assertion batches (50 patient questions, 20 doctors' replies each).
BATCHES = {
    "batch 13": r"q(68[5-9]|69\d|7[0-2]\d|73[0-4])|r(32[6-9]|33\d|34[0-5])",
    "batch 12": r"q(63[5-9]|6[4-7]\d|68[0-4])|r(30[6-9]|31\d|32[0-5])",
    "batch 11": r"q(58[5-9]|59\d|6[0-2]\d|63[0-4])|r(28[6-9]|29\d|30[0-5])",
    "batch 10": r"q(53[5-9]|5[4-7]\d|58[0-4])|r(26[6-9]|27\d|28[0-5])",
    "batch 9": r"q(48[5-9]|49\d|5[0-2]\d|53[0-4])|r(24[6-9]|25\d|26[0-5])",
    "batch 8": r"q(43[5-9]|4[4-7]\d|48[0-4])|r(22[6-9]|23\d|24[0-5])",
    "batch 7": r"q(38[5-9]|39\d|4[0-2]\d|43[0-4])|r(20[6-9]|21\d|22[0-5])",
}
# The policies compared on the held-out batches: which rule statuses the model may change, into which,
# and how sure it must be. Negation is left to the rules in the chosen one (their clinical negation tests):
# the model neither removes nor gives it.
_ALL = ("present", "negated", "possible", "hypothetical", "historical", "family", "generic")
_NOT_NEGATED = tuple(s for s in _ALL if s != "negated")
_KEEPS_GENERIC = tuple(s for s in _NOT_NEGATED if s != "generic")
_KEEPS_FAMILY = tuple(s for s in _KEEPS_GENERIC if s != "family")
POLICIES = {
    "model everywhere": Policy(None, _ALL, 0.0),
    "model except negation": Policy(_NOT_NEGATED, _NOT_NEGATED, 0.0),
    "model except negation, p>=0.5": Policy(_NOT_NEGATED, _NOT_NEGATED, 0.5),
    # The rules' generic is precise (precision 0.98-1.00 on batches 7-9): the model does not undo it.
    "model except negation and rules' generic": Policy(_KEEPS_GENERIC, _NOT_NEGATED, 0.0),
    # Nor their family: a relative named as the subject ("My mother had fever and headache") is the
    # rules' clearest case, and the model reading a few words around the second symptom undid it.
    "model except negation, rules' generic and family": Policy(_KEEPS_FAMILY, _NOT_NEGATED, 0.0),
    "model except negation, rules' generic and family, p>=0.5": Policy(_KEEPS_FAMILY, _NOT_NEGATED, 0.5),
    "model except negation, rules' generic, family and possible, p>=0.5": Policy(
        tuple(s for s in _KEEPS_FAMILY if s != "possible"), _NOT_NEGATED, 0.5),
    # Nor the rules' historical and possible: a time or hedge cue the rules read ("in 2018", "could it be") is
    # specific, and on held-out batches the model undid more right ones than it mended.
    "model on present and hypothetical only": Policy(("present", "hypothetical"), _NOT_NEGATED, 0.0),
    "model on present and hypothetical only, p>=0.5": Policy(("present", "hypothetical"), _NOT_NEGATED, 0.5),
    "model on present only": Policy(("present",), _NOT_NEGATED, 0.0),
    "model on present only, p>=0.5": Policy(("present",), _NOT_NEGATED, 0.5),
    "present -> generic/hypothetical": Policy(("present",), ("generic", "hypothetical"), 0.0),
    "present -> generic/hypothetical, p>=0.5": Policy(("present",), ("generic", "hypothetical"), 0.5),
}
# Round 11: the earlier policy (the rules keep negated, generic and family: their clinical negation tests, generic
# precision 0.97-1.00, the family test sentence of tests/test_analysis_negation.py) with a bar: the model changes a
# status only when it gives its own at least p 0.5. Judged on all held-out gold: pooled leave-one-batch-out over
# batches 12 to 7 (--evaluate) 0.9351 -> 0.9360, and five folds of ner.jsonl's passages held out 0.8849 -> 0.8854.
# Keeping the rules' historical and possible too ("model on present and hypothetical only, p>=0.5") scored best on
# the six batches (0.9369: on batch 12 the model had undone right historical statuses) but lost 0.0045 on ner.jsonl's
# folds (social posts, where the rules' time and hedge cues are wrong more often).
DEFAULT_POLICY = POLICIES["model except negation, rules' generic and family, p>=0.5"]


def gold_digest(root: Path = ROOT) -> str:
    """sha256 over the gold files the model is trained on (checked by a test against the shipped model)."""
    digest = hashlib.sha256()
    for name in GOLD_FILES:
        digest.update(name.encode())
        digest.update((root / name).read_bytes())
    return digest.hexdigest()


class _Collector:
    """Stands in for the model in ConText's hook: keeps every mention with its features."""

    def __init__(self, features):
        self.features = features
        self.docs = []

    def revise(self, doc, lowers, sentence_starts, ents):
        self.docs.append((id(doc), candidates(doc, lowers, sentence_starts, ents, self.features, None)))


@dataclass
class Example:
    doc_id: str
    gold: str
    strict: bool  # the system entity has the gold span
    status: str  # the rules'
    rows: list[int]


def collect(nlp) -> list[Example]:
    """One example per gold mention with a status that the pipeline found."""
    from qatext.ner.status_model import Features

    context = nlp.get_pipe("qatext_context")
    collector = _Collector(Features(nlp.vocab.strings))
    saved, context.status_model = context.status_model, collector
    examples = []
    try:
        for name in GOLD_FILES:
            gold_docs = read_gold(ROOT / name)
            for gold in gold_docs:
                collector.docs.clear()
                nlp(gold.text)
                mentions = collector.docs[0][1] if collector.docs else []
                examples.extend(_align(gold, mentions))
    finally:
        context.status_model = saved
    return examples


def _align(gold, mentions) -> list[Example]:
    found = []
    for (start, end, _label), status in zip(gold.entities, gold.assertions):
        if status is None:
            continue
        exact = [m for m in mentions if (m.start_char, m.end_char) == (start, end)]
        if exact:
            found.append(Example(gold.id, status, True, exact[0].status, exact[0].rows))
            continue
        shared = [(min(end, m.end_char) - max(start, m.start_char), m) for m in mentions]
        shared = [pair for pair in shared if pair[0] > 0]
        if shared:
            mention = max(shared, key=lambda pair: pair[0])[1]
            found.append(Example(gold.id, status, False, mention.status, mention.rows))
    return found


def fit(examples: list[Example], *, C: float, seed: int, classes, policy: Policy = DEFAULT_POLICY,
        meta: dict | None = None) -> StatusModel:
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    order = np.random.default_rng(seed).permutation(len(examples))
    examples = [examples[i] for i in order]
    indptr = np.cumsum([0] + [len(e.rows) for e in examples])
    keys = np.fromiter((r for e in examples for r in e.rows), dtype=np.uint64, count=int(indptr[-1]))
    indices = (keys & np.uint64((1 << BITS) - 1)).astype(np.int64)
    matrix = csr_matrix((np.ones(len(indices), dtype=np.float64), indices, indptr), shape=(len(examples), 1 << BITS))
    matrix.sum_duplicates()  # a feature present twice counts twice, as at run time
    labels = np.array([classes.index(e.gold) for e in examples])
    model = LogisticRegression(C=C, max_iter=3000, random_state=seed)
    model.fit(matrix, labels)
    weights = np.zeros((1 << BITS, len(classes)), dtype=np.float32)
    weights[:, model.classes_] = model.coef_.T
    intercept = np.full(len(classes), -30.0, dtype=np.float32)
    intercept[model.classes_] = model.intercept_
    return StatusModel(weights, intercept, bits=BITS, policy=policy, classes=classes, meta=meta)


def decide(model: StatusModel, policy: Policy, example: Example, probabilities: np.ndarray) -> str:
    if policy.sources is not None and example.status not in policy.sources:
        return example.status
    guess = int(probabilities.argmax())
    status = model.classes[guess]
    if status in policy.targets and probabilities[guess] >= policy.threshold:
        return status
    return example.status


def scores(statuses: list[str], golds: list[str], classes) -> dict:
    correct = sum(s == g for s, g in zip(statuses, golds))
    result = {"n": len(golds), "accuracy": correct / len(golds) if golds else float("nan")}
    for status in classes:
        tp = sum(s == g == status for s, g in zip(statuses, golds))
        predicted = sum(s == status for s in statuses)
        actual = sum(g == status for g in golds)
        result[status] = (tp / predicted if predicted else float("nan"), tp / actual if actual else float("nan"), actual)
    return result


def evaluate(examples: list[Example], *, C: float, seed: int, classes) -> dict:
    """Leave-one-batch-out: per batch and policy, strict accuracy and per-status P/R."""
    table = {}
    for batch, pattern in BATCHES.items():
        held = [e for e in examples if e.doc_id and re.fullmatch(pattern, e.doc_id)]
        train = [e for e in examples if not (e.doc_id and re.fullmatch(pattern, e.doc_id))]
        model = fit(train, C=C, seed=seed, classes=classes)
        strict = [e for e in held if e.strict]
        probabilities = model.probabilities([e.rows for e in strict])
        golds = [e.gold for e in strict]
        table[(batch, "rules")] = scores([e.status for e in strict], golds, classes)
        for name, policy in POLICIES.items():
            decided = [decide(model, policy, e, p) for e, p in zip(strict, probabilities)]
            table[(batch, name)] = scores(decided, golds, classes)
    return table


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--evaluate", action="store_true", help="leave-one-batch-out table instead of training")
    parser.add_argument("--C", type=float, default=DEFAULT_C, help="inverse L2 strength")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, help="where to write the model (default: the shipped "
                                                 "qatext/resources/context/status_model.npz)")
    parser.add_argument("--exclude", metavar="REGEX",
                        help="leave out the gold passages whose id fully matches REGEX (to score them held out with "
                             "`qatext evaluate ner --ids REGEX`; the shipped model leaves out nothing, so --out is "
                             "required)")
    args = parser.parse_args(argv)
    if args.exclude and args.out is None and not args.evaluate:
        parser.error("--exclude needs --out: a model trained without some gold must not replace the shipped one")
    if args.out is None:
        args.out = ROOT / "qatext" / "resources" / "context" / "status_model.npz"
    from qatext.ner.extensions import ASSERTIONS
    from qatext.ner.pipeline import load

    nlp = load(topics=False, status_model=False)
    examples = collect(nlp)
    if args.exclude:
        examples = [e for e in examples if not (e.doc_id and re.fullmatch(args.exclude, e.doc_id))]
    print(f"{len(examples)} training mentions ({sum(e.strict for e in examples)} with the gold span)")
    if args.evaluate:
        table = evaluate(examples, C=args.C, seed=args.seed, classes=ASSERTIONS)
        names = ["rules", *POLICIES]
        # "pooled": every held-out mention of the six batches counted once (batches differ in size).
        print(f"{'strict accuracy, held out':48} " + " ".join(f"{b:>8}" for b in BATCHES) + "   pooled")
        for name in names:
            pooled = sum(table[(b, name)]["accuracy"] * table[(b, name)]["n"] for b in BATCHES) / sum(
                table[(b, name)]["n"] for b in BATCHES)
            print(f"{name:48} " + " ".join(f"{table[(b, name)]['accuracy']:8.3f}" for b in BATCHES) + f" {pooled:8.4f}")
        chosen = next(name for name, policy in POLICIES.items() if policy == DEFAULT_POLICY)
        print(f"\nper status, precision / recall (n), rules -> {chosen}")
        print(f"{'status':13}" + "".join(f"{b:>30}" for b in BATCHES))
        for status in ASSERTIONS:
            cells = []
            for batch in BATCHES:
                (p0, r0, n), (p1, r1, _n) = table[(batch, "rules")][status], table[(batch, chosen)][status]
                cells.append(f"{p0:.2f}->{p1:.2f} / {r0:.2f}->{r1:.2f} ({n})")
            print(f"{status:13}" + "".join(f"{c:>30}" for c in cells))
        return
    digest = gold_digest() if not args.exclude else f"excluding {args.exclude}"  # the digest test then fails, as it should
    meta = {"seed": args.seed, "C": args.C, "gold_digest": digest, "gold_files": list(GOLD_FILES),
            "training_mentions": len(examples)}
    model = fit(examples, C=args.C, seed=args.seed, classes=ASSERTIONS, meta=meta)
    model.save(args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
