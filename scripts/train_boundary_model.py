"""Train the entity boundary model (qatext/ner/boundary_model.py) and write it into the package.

Data: ``data/gold/ner.jsonl`` only (the team's NER gold; nothing from ../shared). Every entity the
rules find (``qatext.load(boundary_model=False)``) that shares characters with a gold entity of its
label gives up to two examples, one per side: its candidate edges (``Features.batch``, exactly as
at run time), the gold entity's edge the positive one, when the gold edge is among them.
Model: a conditional logit over the candidate edges of a side (softmax within the side, L2), fitted
with scipy's L-BFGS from zero weights, deterministic; ``--seed`` shuffles the sides and is recorded.

``--evaluate`` scores held-out batches strictly and by overlap, as ``qatext evaluate ner`` does: for
each of the NER batches in ``BATCHES`` (the newest first), train without it and score it. Without ``--evaluate`` the model is trained on all of ner.jsonl and
written to ``qatext/resources/boundary/boundary_model.npz``; with ``--exclude REGEX --out PATH``, on the passages whose
id does not fully match REGEX, to PATH (its ``gold_digest`` says what it left out).

Usage: python scripts/train_boundary_model.py [--evaluate] [--C 3.0 ...] [--seed 13] [--exclude REGEX --out PATH]
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qatext.ner.boundary_model import BoundaryModel, Candidates, Features  # noqa: E402
from qatext.ner.evaluate import read_gold, score  # noqa: E402

GOLD_FILES = ("data/gold/ner.jsonl",)
BITS = 18
SEED = 13
DEFAULT_C = 3.0
BATCHES = {
    "batch 59": r"s20(4[89]|[5-7]\d|8[0-2])|p21(1[3-9]|[23]\d|4[0-7])",
    "batch 58": r"s20(1[3-9]|[23]\d|4[0-7])|p(207[89]|20[89]\d|210\d|211[0-2])",
    "batch 9": r"s(31[3-9]|3[23]\d|34[0-7])|p(37[89]|3[89]\d|40\d|41[0-2])",
    "batch 8": r"s(27[89]|2[89]\d|30\d|31[0-2])|p(34[3-9]|3[56]\d|37[0-7])",
    "batch 7": r"s(24[3-9]|2[5-6]\d|27[0-7])|p(30[89]|3[1-3]\d|34[0-2])",
    "batch 6": r"s(20[89]|2[1-3]\d|24[0-2])|p(27[3-9]|2[89]\d|30[0-7])",
    "batch 5": r"s(17[3-9]|1[89]\d|20[0-7])|p(23[89]|2[4-6]\d|27[0-2])",
}


def gold_digest(root: Path = ROOT) -> str:
    """sha256 over the gold files the model is trained on (checked by a test against the shipped model)."""
    digest = hashlib.sha256()
    for name in GOLD_FILES:
        digest.update(name.encode())
        digest.update((root / name).read_bytes())
    return digest.hexdigest()


@dataclass
class DocExample:
    id: str
    gold: list  # (start_char, end_char, label)
    ents: list  # the rules' (start, end, label), tokens
    chars: list  # token index -> (start_char, end_char)
    candidates: Candidates  # Features.batch of the doc alone
    targets: list  # per entity: (gold start token or None, gold end token or None)


def collect(nlp, *, exclude: str | None = None) -> list[DocExample]:
    """The rules' entities and candidate edges on every gold passage, but those whose id fully matches ``exclude``."""
    features = Features(nlp.vocab)
    examples = []
    for name in GOLD_FILES:
        for gold in read_gold(ROOT / name):
            if exclude and re.fullmatch(exclude, gold.id or ""):
                continue
            doc = nlp(gold.text)
            ents = [(e.start, e.end, e.label_) for e in doc.ents]
            candidates = features.batch([doc])
            chars = [(t.idx, t.idx + len(t.text)) for t in doc]
            starts = {c[0]: i for i, c in enumerate(chars)}
            ends = {c[1]: i + 1 for i, c in enumerate(chars)}
            targets = []
            for start, end, label in ents:
                s_char, e_char = chars[start][0], chars[end - 1][1]
                shared = [(min(e_char, ge) - max(s_char, gs), gs, ge) for gs, ge, gl in gold.entities if gl == label]
                shared = [x for x in shared if x[0] > 0]
                if not shared:
                    targets.append((None, None))
                    continue
                _n, gs, ge = max(shared)
                targets.append((starts.get(gs), ends.get(ge)))
            examples.append(DocExample(gold.id or "", gold.entities, ents, chars, candidates, targets))
    return examples


def groups(examples: list[DocExample]) -> list[tuple[list[list[int]], int]]:
    """One group per side whose gold edge is among its candidates: the candidates' keys (those that
    count, as at run time) and the gold's index."""
    out = []
    for example in examples:
        cands = example.candidates
        for index, (gold_start, gold_end) in enumerate(example.targets):
            for side, target in (("L", gold_start), ("R", gold_end)):
                valid = np.flatnonzero(cands.valid[side][index])
                edges = cands.edges[side][index][valid].tolist()
                if target is None or target not in edges:
                    continue
                keys = [cands.keys[side][:, index, c][cands.used[side][:, index, c]].tolist() for c in valid]
                out.append((keys, edges.index(target)))
    return out


def fit(examples: list[DocExample], *, C: float, seed: int, meta: dict | None = None) -> BoundaryModel:
    """A conditional logit: softmax over the candidates of a side, the gold edge's log-probability
    maximised with an L2 penalty ``1 / (2C) |w|^2`` (L-BFGS from zero weights, deterministic)."""
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    data = groups(examples)
    order = np.random.default_rng(seed).permutation(len(data))
    data = [data[i] for i in order]
    rows = [keys for candidates, _t in data for keys in candidates]
    sizes = np.array([len(candidates) for candidates, _t in data])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    gold = starts + np.array([target for _c, target in data])
    indptr = np.cumsum([0] + [len(k) for k in rows])
    flat = np.fromiter((k for row in rows for k in row), dtype=np.uint64, count=int(indptr[-1]))
    indices = (flat & np.uint64((1 << BITS) - 1)).astype(np.int64)
    matrix = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), 1 << BITS))
    matrix.sum_duplicates()  # a feature present twice counts twice, as at run time
    used = np.unique(matrix.indices)  # optimise the touched columns only
    matrix = matrix[:, used].tocsr()
    transposed = matrix.T.tocsr()
    group_of = np.repeat(np.arange(len(data)), sizes)

    def loss(w):
        scores = matrix @ w
        top = np.maximum.reduceat(scores, starts)
        exp = np.exp(scores - top[group_of])
        total = np.add.reduceat(exp, starts)
        p = exp / total[group_of]
        value = -(scores[gold] - top - np.log(total)).sum() + (w @ w) / (2 * C)
        p[gold] -= 1.0
        return value, transposed @ p + w / C

    result = minimize(loss, np.zeros(len(used)), jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    weights = np.zeros(1 << BITS, dtype=np.float32)
    weights[used] = result.x
    return BoundaryModel(weights, 0.0, bits=BITS, meta=meta)


def predicted(example: DocExample, spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    return [(example.chars[s][0], example.chars[e - 1][1], label) for (s, e), (_s, _e, label) in zip(spans, example.ents)]


def revise(model: BoundaryModel, examples: list[DocExample]) -> list[list[tuple[int, int, str]]]:
    out = []
    for example in examples:
        out.append(predicted(example, model.choose(example.candidates).tolist()) if example.ents else [])
    return out


def table(examples: list[DocExample], model: BoundaryModel | None) -> dict:
    gold = [e.gold for e in examples]
    rules = [predicted(e, [(s, t) for s, t, _l in e.ents]) for e in examples]
    frames = {"rules": score(gold, rules)}
    if model is not None:
        frames["model"] = score(gold, revise(model, examples))
    return frames


def show(name: str, frames: dict) -> None:
    rules, model = frames["rules"], frames["model"]
    print(f"\n{name}: F1 rules -> model (tp/fp/fn model)")
    for matching in ("strict", "overlap"):
        for label in rules[rules.matching == matching].label:
            a = rules[(rules.matching == matching) & (rules.label == label)].iloc[0]
            b = model[(model.matching == matching) & (model.label == label)].iloc[0]
            print(f"  {matching:8}{label:10} {a.f1:.4f} -> {b.f1:.4f}   ({b.tp}/{b.fp}/{b.fn})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--evaluate", action="store_true", help="held-out batch scores instead of training")
    parser.add_argument("--C", type=float, nargs="+", default=[DEFAULT_C],
                        help="inverse L2 strength (--evaluate: one table per value)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, help="where to write the model (default: the shipped "
                                                 "qatext/resources/boundary/boundary_model.npz)")
    parser.add_argument("--exclude", metavar="REGEX",
                        help="leave out the gold passages whose id fully matches REGEX (the shipped model leaves out "
                             "nothing, so --out is required)")
    args = parser.parse_args()
    if args.exclude and args.evaluate:
        parser.error("--exclude is for training: --evaluate holds out its own batches")
    if args.exclude and args.out is None:
        parser.error("--exclude needs --out: a model trained without some gold must not replace the shipped one")
    if args.exclude:
        try:
            re.compile(args.exclude)
        except re.error as error:
            parser.error(f"--exclude {args.exclude!r} is no regular expression: {error}")
    if args.out is None:
        args.out = ROOT / "qatext" / "resources" / "boundary" / "boundary_model.npz"
    from qatext.ner.pipeline import load

    nlp = load(topics=False, assertion=False, boundary_model=False)
    examples = collect(nlp, exclude=args.exclude)
    sides = groups(examples)
    print(f"{len(examples)} docs, {sum(len(e.ents) for e in examples)} rule entities, "
          f"{len(sides)} sides with the gold edge among {sum(len(c) for c, _t in sides)} candidate edges")
    if args.evaluate:
        for C in args.C:
            for batch, pattern in BATCHES.items():
                held = [e for e in examples if re.fullmatch(pattern, e.id)]
                train = [e for e in examples if not re.fullmatch(pattern, e.id)]
                show(f"C {C}, {batch} held out ({len(held)} docs)", table(held, fit(train, C=C, seed=args.seed)))
        return
    (C,) = args.C
    # a model trained without some gold does not carry the gold's digest: the shipped-model test then fails, as it should
    digest = f"excluding {args.exclude}" if args.exclude else gold_digest()
    meta = {"seed": args.seed, "C": C, "gold_digest": digest, "gold_files": list(GOLD_FILES),
            "training_sides": len(sides)}
    model = fit(examples, C=C, seed=args.seed, meta=meta)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
