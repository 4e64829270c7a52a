"""In-memory annotation of a schema DataFrame (the building block of ``qatext annotate``)."""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Iterable, Iterator

import pandas as pd

from qatext.annotate.rows import ENTITY_COLUMNS, ENTITY_DETAIL_COLUMNS, TAG_COLUMNS, EntityRows, TagRows
from qatext.corpus.errors import ERROR_COLUMNS, errors_frame

DEFAULT_FIELDS = ("question", "answer")
PIECE_CHARS = 100_000


@dataclass
class Annotations:
    """What annotation produced: one row per entity, one per tagged record, one per failure."""

    entities: pd.DataFrame
    tags: pd.DataFrame
    errors: pd.DataFrame
    # CPU seconds of this thread inside ``nlp.pipe``; the rest of the call is the work around it
    # (rows, tags, tables), which ``qatext annotate`` reports apart (manifest timings)
    pipeline_cpu_seconds: float = 0.0


def annotate_frame(df: pd.DataFrame, *, nlp=None, fields: Iterable[str] = DEFAULT_FIELDS, tag_field: str = "question",
                   batch_size: int = 256, n_process: int = 1) -> Annotations:
    """Run the qatext pipeline over ``fields`` of every record.

    Tags (specialty, intent) come from ``tag_field``'s doc when the pipeline has the
    ``qatext_topics`` component. A record whose text breaks the pipeline lands in
    ``errors`` with the reason; the other records are unaffected.
    """
    from qatext.ner.pipeline import load

    nlp = nlp or load()
    fields = tuple(fields)
    missing = [f for f in (*fields, "record_id") if f not in df.columns]
    if missing:
        raise KeyError(f"annotate_frame: the DataFrame has no column(s) {missing}")
    entity_rows: list[tuple] = []
    error_rows: list[tuple] = []
    items = list(_texts(df, fields, piece_chars=min(PIECE_CHARS, nlp.max_length)))
    failed: set[tuple[str, str]] = set()
    source_of = dict(zip(df["record_id"], df["source"])) if "source" in df.columns else {}
    entity_row, tag_rows = EntityRows(), TagRows()
    pipeline = {"cpu": 0.0}
    for (record_id, field, offset, text), doc, error in _annotated(nlp, items, tag_field=tag_field, batch_size=batch_size,
                                                             n_process=n_process, pipeline=pipeline):
        if error is not None:
            if (record_id, field) not in failed:
                failed.add((record_id, field))
                error_rows.append((source_of.get(record_id), record_id, None, f"annotate:{field}", error))
            continue
        entity_rows.extend(entity_row(doc, record_id=record_id, field=field, offset=offset, text=text))
        if field == tag_field and offset == 0:
            tag_rows.add(doc, record_id=record_id)
    return Annotations(
        entities=pd.DataFrame(entity_rows, columns=[*ENTITY_COLUMNS, *ENTITY_DETAIL_COLUMNS]),
        tags=tag_rows.frame(),
        errors=errors_frame(error_rows),
        pipeline_cpu_seconds=pipeline["cpu"],
    )


def _texts(df: pd.DataFrame, fields: tuple[str, ...], *, piece_chars: int) -> Iterator[tuple[str, tuple]]:
    for row in df[["record_id", *fields]].itertuples(index=False):
        record_id = row[0]
        for field, value in zip(fields, row[1:]):
            if isinstance(value, str) and value.strip():
                for offset, piece in split_long_text(value, max_chars=piece_chars):
                    # the piece travels with its doc: rows cut entity texts from it
                    yield piece, (record_id, field, offset, piece)


def split_long_text(text: str, *, max_chars: int = PIECE_CHARS) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` pairs covering ``text``, each under ``max_chars``, cut at a paragraph,
    line or sentence break where one is near. spaCy refuses texts over ``nlp.max_length``
    (1,000,000 characters) and needs about 1 GB per 100,000 words; pieces keep memory flat."""
    start = 0
    while len(text) - start > max_chars:
        window = text[start:start + max_chars]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(". "))
        end = start + (cut + 1 if cut > max_chars // 2 else max_chars)
        yield start, text[start:end]
        start = end
    yield start, text[start:]


def _annotated(nlp, items: list, *, tag_field: str, batch_size: int, n_process: int, pipeline: dict):
    """Tags are read from ``tag_field`` only, so the topic tagger is switched off for the other fields.
    ``pipeline["cpu"]`` grows by the CPU seconds spent in the pipeline."""
    topic_pipes = [name for name in nlp.pipe_names if nlp.get_pipe_meta(name).factory == "qatext_topics"]
    tagged = [item for item in items if item[1][1] == tag_field]
    untagged = [item for item in items if item[1][1] != tag_field]
    yield from _pipe_safely(nlp, tagged, batch_size=batch_size, n_process=n_process, pipeline=pipeline)
    with nlp.select_pipes(disable=topic_pipes):
        yield from _pipe_safely(nlp, untagged, batch_size=batch_size, n_process=n_process, pipeline=pipeline)


def _pipe_safely(nlp, items: list, *, batch_size: int, n_process: int, pipeline: dict):
    """nlp.pipe over (text, context) pairs; on a failing batch, retry its docs one by one."""
    step = batch_size * max(n_process, 1) * 8  # enough for every process, small enough to retry one by one
    for start in range(0, len(items), step):
        chunk = items[start:start + step]
        tick = time.thread_time()  # this thread's CPU: Dask workers run tasks in threads
        try:
            done = list(nlp.pipe(chunk, as_tuples=True, batch_size=batch_size, n_process=n_process))
        except Exception:  # noqa: BLE001 - isolate the record that broke the batch
            done = None
        pipeline["cpu"] += time.thread_time() - tick
        if done is not None:
            for doc, context in done:
                yield context, doc, None
        else:
            for text, context in chunk:
                tick = time.thread_time()
                try:
                    doc, error = nlp(text), None
                except Exception as exc:  # noqa: BLE001
                    doc, error = None, f"{type(exc).__name__}: {exc}"
                pipeline["cpu"] += time.thread_time() - tick
                yield context, doc, error
