"""``qatext.tag``: specialty and intent columns for a DataFrame of records."""
from __future__ import annotations

import math
from functools import lru_cache

import pandas as pd

from qatext.topics.calibrate import calibrated
from qatext.topics.labels import specialty_from_label

OUTPUT_COLUMNS = ("specialty", "specialty_score", "intent", "intent_score", "conditions")


@lru_cache(maxsize=1)
def _default_nlp():
    """The qatext pipeline with topics: NER concepts add specialty evidence."""
    from qatext.ner.pipeline import load

    nlp = load()
    if not nlp.has_pipe("qatext_topics"):
        nlp.add_pipe("qatext_topics")
    return nlp


def _record_text(row, columns) -> str:
    parts = []
    for column in columns:
        value = row.get(column)
        if isinstance(value, str) and value.strip():
            parts.append(value.strip())
    return "\n".join(parts)


def tag(df: pd.DataFrame, *, text=("question",), nlp=None, explain: bool = True,
        batch_size: int = 256, calibrate: bool = True, min_score: float | None = None) -> pd.DataFrame:
    """Return a copy of ``df`` with ``specialty``, ``specialty_score``, ``intent``, ``intent_score``.

    ``text`` names the columns joined (one per line) into the text tagged, e.g.
    ``("question_title", "question")`` or ``("question", "answer")``. ``nlp`` is any spaCy
    pipeline; by default ``qatext.load()`` (NER concepts count as evidence). A pipeline
    without ``qatext_topics`` gets it added. With ``explain`` a ``topic_evidence`` column
    holds, per record, the words, concepts and cue phrases that decided.

    The schema's ``specialty`` column is the site's own filing; it is kept, renamed to
    ``site_specialty``, with ``site_specialty_id`` mapping it onto the specialty ids so the two
    can be compared. A record with no text gets ``None`` labels, NaN scores and a reason in
    ``topic_evidence``; a record the pipeline fails on gets the error there. None is dropped.

    ``conditions`` holds the candidate conditions (dicts: id, name, score, specialty,
    supporting, missing, named). With ``calibrate`` (default) the two scores are calibrated on
    the team's gold (``calibration.json``, see qatext/topics/README.md): a score is then about
    the chance the label is right. ``min_score``: a label whose (calibrated) score is below it
    becomes ``None``, its score kept; ``qatext.topics.calibrate.UNSURE_BELOW`` (0.5) is the
    documented "unsure" threshold.
    """
    if isinstance(text, str):
        text = (text,)
    missing = [c for c in text if c not in df.columns]
    if missing:
        raise KeyError(f"qatext.tag: text column(s) {missing} not in the frame (columns: {list(df.columns)})")
    if nlp is None:
        nlp = _default_nlp()
    elif not nlp.has_pipe("qatext_topics"):
        nlp.add_pipe("qatext_topics")
    out = df.copy()
    if "specialty" in out.columns:
        out = out.rename(columns={"specialty": "site_specialty"})
        out["site_specialty_id"] = out["site_specialty"].map(specialty_from_label)
    texts = [_record_text(row, text) for row in df[list(text)].to_dict("records")]
    results = [None] * len(texts)
    todo = [i for i, t in enumerate(texts) if t]
    for i in range(len(texts)):
        if not texts[i]:
            results[i] = _empty(f"no text in column(s) {', '.join(text)}")
    for start in range(0, len(todo), batch_size):
        chunk = todo[start:start + batch_size]
        try:
            docs = list(nlp.pipe((texts[i] for i in chunk), batch_size=batch_size))
        except Exception:  # one bad record must not sink the batch: redo it one by one
            docs = []
            for i in chunk:
                try:
                    docs.append(nlp(texts[i]))
                except Exception as error:
                    docs.append(_empty(f"tagging failed: {type(error).__name__}: {error}"))
        for i, doc in zip(chunk, docs):
            results[i] = doc if isinstance(doc, dict) else _from_doc(doc)
    if calibrate:
        for kind in ("specialty", "intent"):
            scored = [r for r in results if r[kind] is not None]
            for r, value in zip(scored, calibrated([r[f"{kind}_score"] for r in scored], kind)):
                r[f"{kind}_score"] = float(value)
    if min_score is not None:
        for r in results:
            for kind in ("specialty", "intent"):
                if r[kind] is not None and r[f"{kind}_score"] < min_score:
                    r[kind] = None
    for column in OUTPUT_COLUMNS:
        # object dtype keeps a missing label as None rather than NaN
        dtype = float if column.endswith("_score") else object
        if column == "conditions":
            out[column] = pd.Series([r[column] for r in results], index=out.index, dtype=object)
            continue
        out[column] = pd.Series([r[column] for r in results], index=out.index, dtype=dtype)
    if explain:
        out["topic_evidence"] = pd.Series([r["topic_evidence"] for r in results], index=out.index, dtype=object)
    return out


def _from_doc(doc) -> dict:
    specialty, specialty_score = doc._.specialties[0]
    intent, intent_score = doc._.intents[0]
    return {"specialty": specialty, "specialty_score": specialty_score, "intent": intent,
            "intent_score": intent_score, "conditions": doc._.conditions or [],
            "topic_evidence": doc._.topic_evidence}


def _empty(reason: str) -> dict:
    return {"specialty": None, "specialty_score": math.nan, "intent": None, "intent_score": math.nan,
            "conditions": [], "topic_evidence": {"error": reason}}
