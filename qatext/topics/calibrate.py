"""Calibrate ``specialty_score`` and ``intent_score`` on a topic gold file (Platt or isotonic).

    python -m qatext.topics.calibrate data/gold/topics.jsonl [--last-id 297] [--out calibration.json]

The raw score is the top softmax probability, which saturates near 1 and says little about how
often the label is right. Platt scaling fits ``p = sigmoid(a * logit(raw) + b)`` to whether the
top label was right; isotonic regression fits a non-decreasing step function; per score, the one
with the lower cross-validated Brier score is shipped. The reliability table is made from 5-fold cross-validated predictions (each
item scored by a fit that did not see it; folds from a seeded shuffle, seed recorded); the
shipped coefficients are then fitted on all items. ``calibration.json`` records the gold file's
items' SHA-256 (:func:`items_digest`), the ids used, the seed, the table and the "unsure" threshold.
"""
from __future__ import annotations

import argparse
import hashlib
import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from qatext.topics.specialty import topics_file

SEED = 20261201
FOLDS = 5
# Below this calibrated score a tag is more likely wrong than right: read it as "unsure".
UNSURE_BELOW = 0.5
BINS = (0.0, 0.3, 0.5, 0.7, 0.85, 1.0001)
_EPS = 1e-4


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(np.asarray(p, dtype=float), _EPS, 1 - _EPS)  # softmax scores reach 1.0 exactly
    return np.log(p / (1 - p))


def fit_platt(raw, correct, *, iterations: int = 100) -> tuple[float, float]:
    """(a, b) maximising the likelihood of ``correct`` under ``sigmoid(a * logit(raw) + b)``.

    Newton's method on the two parameters, with Platt's smoothed targets so that a perfectly
    separated set does not drive the slope to infinity.
    """
    x = _logit(raw)
    y = np.asarray(correct, dtype=float)
    positives, negatives = y.sum(), len(y) - y.sum()
    target = np.where(y > 0, (positives + 1) / (positives + 2), 1 / (negatives + 2))

    def loss(a, b):
        z = a * x + b
        return float(np.sum(np.logaddexp(0, z) - target * z))

    a, b = 1.0, 0.0
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-(a * x + b)))
        gradient = np.array([np.sum((p - target) * x), np.sum(p - target)])
        w = p * (1 - p) + 1e-9
        hessian = np.array([[np.sum(w * x * x), np.sum(w * x)], [np.sum(w * x), np.sum(w)]]) + 1e-6 * np.eye(2)
        step = np.linalg.solve(hessian, gradient)
        # backtracking: saturated scores (raw 1.0) make a full Newton step overshoot
        size, current = 1.0, loss(a, b)
        while size > 1e-4 and loss(a - size * step[0], b - size * step[1]) > current:
            size /= 2
        a, b = a - size * step[0], b - size * step[1]
        if np.abs(size * step).max() < 1e-8:
            break
    return float(a), float(b)


def apply_platt(raw, a: float, b: float) -> np.ndarray:
    return 1 / (1 + np.exp(-(a * _logit(raw) + b)))


def fit_isotonic(raw, correct) -> tuple[list[float], list[float]]:
    """Pool-adjacent-violators: a non-decreasing step function of ``raw``, as (x, y) knots.

    Platt's sigmoid cannot follow a score whose accuracy is flat over most of its range and
    drops only at the bottom (the specialty score: general_medicine on texts that say little).
    Ties in ``raw`` are pooled first; the knots are block means, interpolated linearly.
    """
    raw, correct = np.asarray(raw, dtype=float), np.asarray(correct, dtype=float)
    values, inverse = np.unique(raw, return_inverse=True)
    sums = np.bincount(inverse, weights=correct)
    counts = np.bincount(inverse).astype(float)
    blocks = []  # [sum, count, min x, max x]
    for value, total, count in zip(values, sums, counts):
        blocks.append([total, count, value, value])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            total, count, _, high = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += count
            blocks[-1][3] = high
    # Laplace-smoothed block accuracy, so that a small block never claims 0 or 1
    xs = [float((low + high) / 2) for _, _, low, high in blocks]
    ys = [float((total + 1) / (count + 2)) for total, count, _, _ in blocks]
    # smoothing pulls small blocks harder towards 1/2: keep the steps non-decreasing
    return xs, np.maximum.accumulate(ys).tolist()


def apply_isotonic(raw, xs, ys) -> np.ndarray:
    return np.interp(np.asarray(raw, dtype=float), xs, ys)


def _fit(method: str, raw, correct):
    if method == "platt":
        a, b = fit_platt(raw, correct)
        return {"method": "platt", "a": round(a, 6), "b": round(b, 6)}
    xs, ys = fit_isotonic(raw, correct)
    return {"method": "isotonic", "x": [round(v, 6) for v in xs], "y": [round(v, 6) for v in ys]}


def apply(raw, fitted: dict) -> np.ndarray:
    if fitted["method"] == "platt":
        return apply_platt(raw, fitted["a"], fitted["b"])
    return apply_isotonic(raw, fitted["x"], fitted["y"])


def reliability(predicted, correct) -> list[dict]:
    """Per score bin: items, mean calibrated score, share right."""
    predicted, correct = np.asarray(predicted), np.asarray(correct, dtype=float)
    rows = []
    for low, high in zip(BINS[:-1], BINS[1:]):
        inside = (predicted >= low) & (predicted < high)
        if inside.any():
            rows.append({"bin": f"{low:.2f}-{min(high, 1.0):.2f}", "n": int(inside.sum()),
                         "mean_score": round(float(predicted[inside].mean()), 3),
                         "accuracy": round(float(correct[inside].mean()), 3)})
    return rows


def cross_validated(raw, correct, *, method: str = "platt", seed: int = SEED, folds: int = FOLDS) -> np.ndarray:
    raw, correct = np.asarray(raw), np.asarray(correct)
    order = np.random.default_rng(seed).permutation(len(raw))
    out = np.empty(len(raw))
    for k in range(folds):
        held = order[k::folds]
        train = np.setdiff1d(order, held)
        out[held] = apply(raw[held], _fit(method, raw[train], correct[train]))
    return out


def brier(predicted, correct) -> float:
    return float(np.mean((np.asarray(predicted) - np.asarray(correct, dtype=float)) ** 2))


@lru_cache(maxsize=1)
def calibration() -> dict | None:
    """The packaged ``calibration.json`` (``None`` when absent: scores stay raw)."""
    path = topics_file("calibration.json")
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def calibrated(raw, kind: str) -> np.ndarray:
    """Calibrated top-label scores for ``kind`` ``"specialty"`` or ``"intent"``."""
    table = calibration()
    raw = np.asarray(raw, dtype=float)
    if table is None:
        return raw
    return apply(raw, table[kind])


def items_digest(items: list[dict]) -> str:
    """SHA-256 of the items used (id, text, labels): stays valid when items are appended to the file."""
    canonical = json.dumps([[i["id"], i["text"], i.get("specialty"), i.get("intent")] for i in items],
                           ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _gold_items(path: Path, last_id: int) -> list[dict]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [item for item in items if int(item["id"].lstrip("t")) <= last_id]


def build(gold: Path, *, last_id: int = 297) -> dict:
    import pandas as pd

    from qatext.topics.tagging import tag

    items = _gold_items(gold, last_id)
    frame = pd.DataFrame(items)
    tagged = tag(frame.drop(columns=["specialty", "intent"]), text=("text",), explain=False, calibrate=False)
    out = {"gold": gold.name, "items_sha256": items_digest(items),
           "ids": f"{items[0]['id']}-{items[-1]['id']}", "n": len(items), "seed": SEED, "folds": FOLDS,
           "unsure_below": UNSURE_BELOW}
    for kind in ("specialty", "intent"):
        raw = tagged[f"{kind}_score"].to_numpy(dtype=float)
        correct = (tagged[kind].to_numpy() == frame[kind].to_numpy()).astype(float)
        # the method with the lower cross-validated Brier score is shipped, fitted on all items
        scores = {m: cross_validated(raw, correct, method=m) for m in ("platt", "isotonic")}
        briers = {m: round(brier(p, correct), 4) for m, p in scores.items()}
        method = min(briers, key=briers.get)
        held_out = scores[method]
        out[kind] = {**_fit(method, raw, correct), "brier_cv": briers, "brier_raw": round(brier(raw, correct), 4),
                     "accuracy": round(float(correct.mean()), 3),
                     "reliability_cv": reliability(held_out, correct),
                     "raw_reliability": reliability(raw, correct),
                     "share_unsure_cv": round(float((held_out < UNSURE_BELOW).mean()), 3),
                     "accuracy_when_sure_cv": round(float(correct[held_out >= UNSURE_BELOW].mean()), 3)
                     if (held_out >= UNSURE_BELOW).any() else None}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--last-id", type=int, default=297, help="use items t001..t<last-id> only")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    result = build(args.gold, last_id=args.last_id)
    out = args.out or Path(str(topics_file("calibration.json")))
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
