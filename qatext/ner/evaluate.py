"""Precision, recall and F1 of the NER against a gold JSONL file.

Gold lines: ``{"text": ..., "entities": [{"start", "end", "label"}, ...]}``. Two matchings:
*strict* (same character span and label) and *overlap* (same label, spans share a character).
Only labels that occur in the gold file are scored, so a gold set that annotates symptoms
only does not count the pipeline's drugs as false positives.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import pandas as pd

Span3 = tuple[int, int, str]


@dataclass
class GoldDoc:
    text: str
    entities: list[Span3]


def read_gold(path: str | Path, *, label_map: dict[str, str] | None = None) -> list[GoldDoc]:
    """Read gold JSONL; labels are renamed through ``label_map`` (e.g. ``{"ADR": "SYMPTOM"}``)."""
    label_map = label_map or {}
    docs = []
    with open(path, encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                entities = [(int(e["start"]), int(e["end"]), label_map.get(e["label"], e["label"])) for e in row.get("entities", [])]
                docs.append(GoldDoc(row["text"], entities))
            except (ValueError, KeyError, TypeError) as error:
                raise ValueError(f"{path}:{lineno}: not a gold record ({error})") from error
    return docs


def merge_labels(spans: Iterable[Span3], merges: dict[str, str]) -> list[Span3]:
    return [(s, e, merges.get(label, label)) for s, e, label in spans]


def score(gold: list[list[Span3]], predicted: list[list[Span3]]) -> pd.DataFrame:
    """Per-label and micro scores: one row per (matching, label) with tp/fp/fn, P, R, F1."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    labels = sorted({label for doc in gold for _s, _e, label in doc})
    for gold_spans, pred_spans in zip(gold, predicted):
        pred_spans = [p for p in pred_spans if p[2] in labels]
        gold_set, pred_set = set(gold_spans), set(pred_spans)
        for label in labels:
            g = [s for s in gold_set if s[2] == label]
            p = [s for s in pred_set if s[2] == label]
            strict_tp = len(set(g) & set(p))
            counts[("strict", label)][0] += strict_tp
            counts[("strict", label)][1] += len(p) - strict_tp
            counts[("strict", label)][2] += len(g) - strict_tp
            matched_pred = sum(1 for a in p if any(_overlaps(a, b) for b in g))
            matched_gold = sum(1 for b in g if any(_overlaps(a, b) for a in p))
            counts[("overlap", label)][0] += matched_pred
            counts[("overlap", label)][1] += len(p) - matched_pred
            counts[("overlap", label)][2] += len(g) - matched_gold
            counts[("overlap", label)].append(matched_gold)
    rows = []
    for matching in ("strict", "overlap"):
        total = [0, 0, 0, 0]
        for label in labels:
            c = counts[(matching, label)]
            recall_tp = sum(c[3:]) if matching == "overlap" else c[0]
            rows.append(_row(matching, label, c[0], c[1], c[2], recall_tp))
            total = [total[0] + c[0], total[1] + c[1], total[2] + c[2], total[3] + recall_tp]
        rows.append(_row(matching, "micro", *total))
    return pd.DataFrame(rows)


def _row(matching, label, tp, fp, fn, recall_tp):
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = recall_tp / (recall_tp + fn) if recall_tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"matching": matching, "label": label, "tp": tp, "fp": fp, "fn": fn,
            "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _overlaps(a: Span3, b: Span3) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(path: str | Path, *, nlp=None, label_map: dict[str, str] | None = None,
             merge: dict[str, str] | None = None, batch_size: int = 256) -> pd.DataFrame:
    """Run ``nlp`` (default ``qatext.load()``) over a gold file and score it."""
    from qatext.ner.pipeline import load

    nlp = nlp or load(topics=False)
    gold_docs = read_gold(path, label_map=label_map)
    merge = merge or {}
    gold = [merge_labels(doc.entities, merge) for doc in gold_docs]
    predicted = [
        merge_labels([(e.start_char, e.end_char, e.label_) for e in doc.ents], merge)
        for doc in nlp.pipe((d.text for d in gold_docs), batch_size=batch_size)
    ]
    return score(gold, predicted)
