"""The unit of work both engines run: annotate one partition's records.

Runs wherever the engine puts it (this process, a forked worker, a Dask worker). The spaCy
pipeline is loaded once per process and kept in a module-level cache keyed by its options, so
a worker pays the load once, not once per partition.
"""
from __future__ import annotations

import gc
import threading
import time
from typing import Any

import numpy as np
import pandas as pd

from qatext.annotate.frame import ENTITY_COLUMNS, ENTITY_DETAIL_COLUMNS, ERROR_COLUMNS, TAG_COLUMNS, annotate_frame

_NLP_CACHE: dict[tuple, Any] = {}
_LOCK = threading.Lock()
# One run at a time per cached pipeline: annotate_frame switches components on and off
# (select_pipes) while it runs, which must not leak into another thread's partition (Dask
# workers with several threads). The work is CPU-bound Python, so nothing is lost.
_RUN_LOCKS: dict[tuple, threading.Lock] = {}

SORT_KEYS = {
    "entities": ["record_id", "field", "start", "end", "label"],
    "tags": ["record_id"],
    "errors": ["record_id", "stage", "reason"],
}
SECONDS = ("load_seconds", "annotate_seconds", "annotate_cpu_seconds", "pipeline_cpu_seconds")
TABLE_COLUMNS = {"entities": [*ENTITY_COLUMNS, *ENTITY_DETAIL_COLUMNS], "tags": TAG_COLUMNS, "errors": ERROR_COLUMNS}


def _key(load_options: dict) -> tuple:
    return tuple(sorted(load_options.items()))


def get_nlp(load_options: dict | None = None):
    """``qatext.load(**load_options)``, built once per process and then reused."""
    load_options = dict(load_options or {})
    key = _key(load_options)
    nlp = _NLP_CACHE.get(key)
    if nlp is None:
        with _LOCK:  # Dask threads of one worker must not build it twice
            nlp = _NLP_CACHE.get(key)
            if nlp is None:
                from qatext.ner.pipeline import load

                # The load makes millions of objects that all live on: the collector's passes
                # over them while they are made cost a fifth of the load, and find nothing.
                collecting = gc.isenabled()
                gc.disable()
                try:
                    nlp = load(**load_options)
                    # Components build their matchers on first use; do it now, before any fork,
                    # so forked workers share those pages instead of each building their own.
                    nlp("Warm-up: I have had a headache and fever since Monday, no cough.")
                finally:
                    if collecting:
                        gc.enable()
                _RUN_LOCKS[key] = threading.Lock()
                _NLP_CACHE[key] = nlp
    return nlp


def sort_table(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Rows in the order every engine writes them, whatever order they were produced in."""
    frame = frame[TABLE_COLUMNS[name]]
    if len(frame) > 1:
        frame = frame.sort_values(SORT_KEYS[name], kind="stable", na_position="first")
    return frame.reset_index(drop=True)


def annotate_partition(records: pd.DataFrame, options: dict) -> dict:
    """Entities, tags and errors for ``records`` (columns record_id + the annotated fields).

    ``options``: ``fields``, ``tag_field``, ``batch_size`` and ``load`` (keywords for
    ``qatext.load``). Returns the three tables, sorted, and the seconds spent: loading the
    pipeline, annotating (wall), and the CPU seconds of annotating, in all and inside ``nlp.pipe``.
    """
    start = time.perf_counter()
    nlp = get_nlp(options.get("load"))
    loaded, cpu = time.perf_counter(), time.thread_time()
    with _RUN_LOCKS.setdefault(_key(dict(options.get("load") or {})), threading.Lock()):
        result = annotate_frame(records, nlp=nlp, fields=tuple(options["fields"]), tag_field=options["tag_field"],
                                batch_size=options["batch_size"], n_process=1)
    tables = {name: sort_table(name, getattr(result, name)) for name in ("entities", "tags", "errors")}
    return {**tables, "load_seconds": loaded - start, "annotate_seconds": time.perf_counter() - loaded,
            "annotate_cpu_seconds": time.thread_time() - cpu, "pipeline_cpu_seconds": result.pipeline_cpu_seconds}


def split_records(records: pd.DataFrame, pieces: int, *, fields: tuple[str, ...]) -> list[pd.DataFrame]:
    """``records`` in record_id order, cut into at most ``pieces`` runs of consecutive rows with about
    equal text (characters of ``fields``), so that the workers of one partition finish together and
    none idles at the end of the run while another annotates a whole partition alone. No record_id
    is cut across two runs: the runs' tables, each sorted, joined in run order are sorted as a whole
    (:class:`PartitionResult` joins them without sorting them again)."""
    if pieces <= 1 or len(records) <= 1:
        return [records]
    records = records.sort_values("record_id", kind="stable", na_position="first")
    sizes = np.zeros(len(records), dtype=np.int64)
    for name in fields:
        sizes += np.fromiter((len(v) if isinstance(v, str) else 0 for v in records[name]), dtype=np.int64,
                             count=len(records))
    ends = np.cumsum(sizes + 1)  # +1: rows without text still cost a little
    cuts = np.searchsorted(ends, ends[-1] * np.arange(1, pieces) / pieces)
    ids = [None if pd.isna(v) else v for v in records["record_id"].tolist()]
    bounds = {0, len(records)}
    for cut in cuts.tolist():
        cut += 1
        while cut < len(ids) and ids[cut] == ids[cut - 1]:  # a repeated id stays in one run
            cut += 1
        bounds.add(min(cut, len(ids)))
    bounds = sorted(bounds)
    return [records.iloc[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]


class PartitionResult:
    """The result of one partition annotated in pieces: ``result()`` waits for every piece and
    returns what :func:`annotate_partition` returns for the whole (rows in the same order: the
    pieces of :func:`split_records` hold runs of record ids in order, so their sorted tables are
    joined as they are; pieces cut otherwise are sorted again)."""

    def __init__(self, futures: list):
        self._futures = futures

    def result(self) -> dict:
        results = [future.result() for future in self._futures]
        merged = {}
        for name in TABLE_COLUMNS:
            frames = [r[name] for r in results if len(r[name])] or [results[0][name]]
            if len(frames) == 1:
                merged[name] = frames[0]
            else:
                joined = pd.concat(frames, ignore_index=True)
                merged[name] = joined if _runs_in_order(frames) else sort_table(name, joined)
        for name in SECONDS:
            merged[name] = sum(r[name] for r in results)
        return merged


def _runs_in_order(frames: list[pd.DataFrame]) -> bool:
    """Whether each sorted frame's record ids all come before the next frame's (missing ids first,
    as :func:`sort_table` puts them): then the frames joined in order are sorted."""
    def key(value):
        return (0, "") if pd.isna(value) else (1, value)

    for before, after in zip(frames, frames[1:]):
        if not key(before["record_id"].iloc[-1]) < key(after["record_id"].iloc[0]):
            return False
    return True
