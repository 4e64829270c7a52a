"""Scoring topic predictions against gold labels: accuracy, macro-F1, confusion matrix.

Also reads MedQuAD's questions with their own labels (``qtype`` -> intent, source agency ->
specialty where the agency determines one), the corpus the acceptance checks use.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from qatext.topics.labels import intent_from_medquad_qtype, specialty_from_label


def classification_report(gold, predicted, *, labels=None) -> dict:
    """Accuracy, macro-F1 (over labels present in gold or predictions), per-label P/R/F1, confusion.

    ``confusion[g][p]`` counts items with gold label ``g`` predicted as ``p``.
    """
    gold = [str(g) for g in gold]
    predicted = [str(p) if p is not None else "None" for p in predicted]
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    if labels is None:
        labels = sorted(set(gold) | set(predicted))
    confusion = {g: {p: 0 for p in labels} for g in labels}
    for g, p in zip(gold, predicted):
        confusion.setdefault(g, {q: 0 for q in labels}).setdefault(p, 0)
        confusion[g][p] += 1
    per_label = {}
    for label in labels:
        tp = confusion.get(label, {}).get(label, 0)
        fp = sum(confusion[g].get(label, 0) for g in confusion if g != label)
        fn = sum(v for p, v in confusion.get(label, {}).items() if p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    scored = [label for label in labels if per_label[label]["support"] or any(p == label for p in predicted)]
    n = len(gold)
    return {
        "n": n,
        "accuracy": sum(g == p for g, p in zip(gold, predicted)) / n if n else 0.0,
        "macro_f1": sum(per_label[label]["f1"] for label in scored) / len(scored) if scored else 0.0,
        "labels": labels,
        "per_label": per_label,
        "confusion": confusion,
    }


def format_report(report: dict, *, title: str = "") -> str:
    """The report as aligned text: headline numbers, per-label table, confusion matrix."""
    lines = [title] if title else []
    lines.append(f"n={report['n']}  accuracy={report['accuracy']:.3f}  macro-F1={report['macro_f1']:.3f}")
    labels = [label for label in report["labels"] if report["per_label"][label]["support"]
              or any(row.get(label) for row in report["confusion"].values())]
    width = max([len(label) for label in labels] + [5])
    lines.append(f"{'label':<{width}}  precision  recall     f1  support")
    for label in labels:
        row = report["per_label"][label]
        lines.append(f"{label:<{width}}  {row['precision']:9.3f}  {row['recall']:6.3f}  {row['f1']:5.3f}"
                     f"  {row['support']:7d}")
    short = [label[:6] for label in labels]
    lines.append("")
    lines.append("confusion (rows: gold, columns: predicted)")
    lines.append(" " * width + "  " + " ".join(f"{s:>6}" for s in short))
    for g in labels:
        counts = report["confusion"].get(g, {})
        lines.append(f"{g:<{width}}  " + " ".join(f"{counts.get(p, 0):>6}" for p in labels))
    return "\n".join(lines)


def read_gold(path: str | Path) -> pd.DataFrame:
    """Read a gold JSONL file of ``{"text", "specialty"}`` and/or ``{"text", "intent"}`` lines.

    A line that is not JSON, or has no text, raises ``ValueError`` naming the file and line.
    """
    path = Path(path)
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{line_no}: not valid JSON ({error.msg})") from None
            if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not row["text"].strip():
                raise ValueError(f"{path}:{line_no}: needs a non-empty \"text\" field")
            if row.get("specialty") is None and row.get("intent") is None:
                raise ValueError(f"{path}:{line_no}: needs a \"specialty\" or an \"intent\" label")
            rows.append({"id": row.get("id", f"line-{line_no}"), "text": row["text"],
                         "specialty": row.get("specialty"), "intent": row.get("intent")})
    if not rows:
        raise ValueError(f"{path}: no gold lines")
    return pd.DataFrame(rows)


def evaluate_frame(gold: pd.DataFrame, *, nlp=None) -> dict:
    """Tag ``gold.text`` and score specialty and/or intent, whichever labels the frame has."""
    from qatext.topics.tagging import tag

    tagged = tag(gold.rename(columns={"specialty": "gold_specialty", "intent": "gold_intent"}),
                 text=("text",), nlp=nlp, explain=False)
    result = {}
    for field in ("specialty", "intent"):
        has = tagged[f"gold_{field}"].notna()
        if has.any():
            result[field] = classification_report(tagged.loc[has, f"gold_{field}"], tagged.loc[has, field])
    return result


def medquad_questions(records: pd.DataFrame) -> pd.DataFrame:
    """MedQuAD records (as :func:`qatext.read_corpus` reads them) as labelled questions: ``id``,
    ``text``, ``qtype``, ``intent`` (mapped), ``source`` (agency), ``agency_specialty``, ``focus``."""
    extra = records["extra"]
    qtypes = extra.map(lambda e: e.get("qtype"))
    return pd.DataFrame({
        "id": extra.map(lambda e: e.get("qid")).tolist(),
        "text": records["question"].fillna("").tolist(),
        "qtype": qtypes.tolist(),
        "intent": qtypes.map(intent_from_medquad_qtype).tolist(),
        "source": records["category"].tolist(),
        "agency_specialty": records["category"].map(specialty_from_label).tolist(),
        "focus": extra.map(lambda e: e.get("focus")).tolist(),
    })


def read_medquad(root: str | Path) -> pd.DataFrame:
    """MedQuAD's questions with their own labels (:func:`medquad_questions`), read by the one
    MedQuAD reader, :func:`qatext.read_corpus` (unreadable files are reported there)."""
    from qatext.corpus import read_corpus

    return medquad_questions(read_corpus(root, "medquad"))
