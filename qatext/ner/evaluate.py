"""Precision, recall and F1 of the NER against a gold JSONL file.

Gold lines: ``{"text": ..., "entities": [{"start", "end", "label"}, ...]}``. Two matchings:
*strict* (same character span and label) and *overlap* (same label, spans share a character).
Only labels that occur in the gold file are scored, so a gold set that annotates symptoms
only does not count the pipeline's drugs as false positives.

When gold entities also carry ``assertion`` (and ``experiencer``), :func:`assertion_scores`
compares them with the system's status on the gold entities the system found. A gold entity is
*matched* strictly when a system entity has exactly its character span, and by overlap when a
system entity shares a character with it (the one sharing most); labels are ignored here, since
a SYMPTOM/DISEASE confusion says nothing about assertion. Gold entities the system missed are
counted (``unmatched``) and left out of accuracy, precision and recall, which therefore measure
the assertion component alone; ``coverage`` says how many gold entities that is.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd

Span3 = tuple[int, int, str]


@dataclass
class GoldDoc:
    text: str
    entities: list[Span3]
    assertions: list[str | None] = field(default_factory=list)
    experiencers: list[str | None] = field(default_factory=list)
    id: str | None = None
    kind: str | None = None


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
                raw = row.get("entities", [])
                entities = [(int(e["start"]), int(e["end"]), label_map.get(e["label"], e["label"])) for e in raw]
                docs.append(GoldDoc(row["text"], entities, [e.get("assertion") for e in raw],
                                    [e.get("experiencer") for e in raw], row.get("id"), row.get("kind")))
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
    precision, _recall, _f1 = _prf(tp, tp + fp, 1)
    _precision, recall, _f1 = _prf(recall_tp, 1, recall_tp + fn)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"matching": matching, "label": label, "tp": tp, "fp": fp, "fn": fn,
            "precision": precision, "recall": recall, "f1": round(f1, 4)}


def _overlaps(a: Span3, b: Span3) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(path: str | Path, *, nlp=None, label_map: dict[str, str] | None = None,
             merge: dict[str, str] | None = None, batch_size: int = 256) -> pd.DataFrame:
    """Run ``nlp`` (default ``qatext.load()``) over a gold file and score its entities."""
    return evaluate_all(path, nlp=nlp, label_map=label_map, merge=merge, batch_size=batch_size).entities


@dataclass
class Evaluation:
    """``entities``: :func:`score`; ``assertion``: :func:`assertion_scores` (None when the gold has no statuses)."""

    entities: pd.DataFrame
    assertion: pd.DataFrame | None


def evaluate_all(path: str | Path, *, nlp=None, label_map: dict[str, str] | None = None,
                 merge: dict[str, str] | None = None, batch_size: int = 256, id_pattern: str | None = None) -> Evaluation:
    """Entity scores and, when the gold carries them, assertion and experiencer scores, from one run.

    ``id_pattern`` (a regular expression) keeps only the gold records whose ``id`` matches it
    fully, e.g. ``"[qr]\\d*[02468]"`` for the even-numbered half.
    """
    from qatext.ner.pipeline import load

    nlp = nlp or load(topics=False)
    gold_docs = read_gold(path, label_map=label_map)
    if id_pattern:
        gold_docs = [d for d in gold_docs if d.id is not None and re.fullmatch(id_pattern, d.id)]
        if not gold_docs:
            raise ValueError(f"{path}: no gold record id matches {id_pattern!r}")
    merge = merge or {}
    gold = [merge_labels(doc.entities, merge) for doc in gold_docs]
    docs = list(nlp.pipe((d.text for d in gold_docs), batch_size=batch_size))
    predicted = [merge_labels([(e.start_char, e.end_char, e.label_) for e in doc.ents], merge) for doc in docs]
    has_assertion = any(a is not None for d in gold_docs for a in d.assertions)
    return Evaluation(score(gold, predicted), assertion_scores(gold_docs, docs) if has_assertion else None)


ASSERTION_COLUMNS = ["matching", "measure", "group", "n", "tp", "fp", "fn", "precision", "recall", "f1", "value"]


def assertion_scores(gold_docs: list[GoldDoc], docs: list) -> pd.DataFrame:
    """Assertion accuracy, per-status precision/recall/F1 and experiencer accuracy, strict and overlap.

    One row per (matching, measure, status). Measures: ``coverage`` (gold entities with a status;
    ``value`` = share matched, ``fn`` = unmatched), ``accuracy`` (status, overall and per passage
    ``kind``), ``status`` (per-status P/R/F1 over matched entities) and ``experiencer`` (accuracy,
    when the gold carries experiencers). Predictions are ``ent._.assertion`` / ``ent._.experiencer``.
    """
    rows = []
    for matching in ("strict", "overlap"):
        pairs = []  # (gold status, system status, gold experiencer, system experiencer, kind)
        unmatched = 0
        for gold_doc, doc in zip(gold_docs, docs):
            system = [(e.start_char, e.end_char, e) for e in doc.ents]
            for (start, end, _label), status, experiencer in zip(gold_doc.entities, gold_doc.assertions,
                                                                 gold_doc.experiencers):
                if status is None:
                    continue
                ent = _match(start, end, system, strict=matching == "strict")
                if ent is None:
                    unmatched += 1
                    continue
                pairs.append((status, ent._.assertion, experiencer, getattr(ent._, "experiencer", None), gold_doc.kind))
        total = len(pairs) + unmatched
        rows.append(_assertion_row(matching, "coverage", "all", n=total, tp=len(pairs), fn=unmatched,
                                   value=len(pairs) / total if total else 0.0))
        kinds = sorted({k for *_x, k in pairs if k})
        for kind in ("all", *kinds):
            part = [p for p in pairs if kind == "all" or p[4] == kind]
            right = sum(1 for g, s, *_ in part if g == s)
            rows.append(_assertion_row(matching, "accuracy", kind, n=len(part), tp=right,
                                       value=right / len(part) if part else 0.0))
        for status in sorted({g for g, *_ in pairs} | {s for _g, s, *_ in pairs}):
            tp = sum(1 for g, s, *_ in pairs if g == s == status)
            fp = sum(1 for g, s, *_ in pairs if s == status != g)
            fn = sum(1 for g, s, *_ in pairs if g == status != s)
            precision, recall, f1 = _prf(tp, tp + fp, tp + fn)
            rows.append(_assertion_row(matching, "status", status, n=tp + fn, tp=tp, fp=fp, fn=fn,
                                       precision=precision, recall=recall, f1=f1))
        with_experiencer = [(g, s) for _a, _b, g, s, _k in pairs if g is not None]
        if with_experiencer:
            right = sum(1 for g, s in with_experiencer if g == s)
            rows.append(_assertion_row(matching, "experiencer", "all", n=len(with_experiencer), tp=right,
                                       value=right / len(with_experiencer)))
            for value in sorted({g for g, _s in with_experiencer}):
                tp = sum(1 for g, s in with_experiencer if g == s == value)
                fp = sum(1 for g, s in with_experiencer if s == value != g)
                fn = sum(1 for g, s in with_experiencer if g == value != s)
                precision, recall, f1 = _prf(tp, tp + fp, tp + fn)
                rows.append(_assertion_row(matching, "experiencer", value, n=tp + fn, tp=tp, fp=fp, fn=fn,
                                           precision=precision, recall=recall, f1=f1))
    return pd.DataFrame(rows, columns=ASSERTION_COLUMNS)


def _match(start: int, end: int, system: list, *, strict: bool):
    if strict:
        return next((ent for s, e, ent in system if s == start and e == end), None)
    best, best_overlap = None, 0
    for s, e, ent in system:
        overlap = min(e, end) - max(s, start)
        if overlap > best_overlap:
            best, best_overlap = ent, overlap
    return best


def _prf(tp: int, predicted: int, actual: int) -> tuple[float, float, float]:
    precision = tp / predicted if predicted else 0.0
    recall = tp / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, 4), round(recall, 4), round(f1, 4)


def _assertion_row(matching, measure, status, *, n, tp=0, fp=0, fn=0, precision=None, recall=None, f1=None,
                   value=None) -> dict:
    return {"matching": matching, "measure": measure, "group": status, "n": n, "tp": tp, "fp": fp, "fn": fn,
            "precision": precision, "recall": recall, "f1": f1, "value": None if value is None else round(value, 4)}
