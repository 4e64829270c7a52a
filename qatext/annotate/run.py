"""``qatext annotate``: annotate a corpus of any size into partitioned Parquet tables.

The input is streamed chunk by chunk (``iter_corpus``; on Linux in a reader process a few
chunks ahead, :mod:`qatext.annotate.read_ahead`); each chunk becomes one partition.
A partition already on disk with the same content and pipeline is skipped (resume after a
kill, or a repeated run); in a changed partition only the records whose content hash is new
are sent to the pipeline, the others' rows are copied from the earlier output. Partitions
are annotated by an *engine* (this process, a pool of local processes, or a Dask cluster)
and committed in input order by this process, at most ``2 x workers`` chunks in flight, so
memory does not grow with the corpus.
"""
from __future__ import annotations

import os
import signal
import sys
import time
import warnings
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

import numpy as np
import pandas as pd

from qatext.annotate import read_ahead, registry, store
from qatext.annotate.read_ahead import ReadAhead, exit_with_parent, timed
from qatext.annotate.fingerprint import partition_key, pipeline_fingerprint, record_hashes
from qatext.annotate.frame import DEFAULT_FIELDS
from qatext.annotate.worker import PartitionResult, annotate_partition, get_nlp, sort_table, split_records
from qatext.corpus.tabular import records_table
from qatext.corpus.errors import read_errors_table

ENGINES = ("local", "dask")
DEFAULT_CHUNKSIZE = 5_000
# Test hook: SIGKILL this process right after committing that many partitions (simulates a
# crash at the worst moment a real one could happen: between two commits).
KILL_AFTER_ENV = "QATEXT_ANNOTATE_KILL_AFTER"


class AnnotateError(RuntimeError):
    """A run that could not complete; partitions committed before it stay valid for a resume."""


@dataclass
class _Chunk:
    """One chunk of the input as the run plans it: the columns it sends to the pipeline (record
    id, annotated fields, source), its records as the Arrow table written, their content hashes,
    word count and digest, and the read problems met in it. Made where the chunk is read (the
    reader process on Linux), so that this process neither unpickles nor converts whole records."""

    frame: pd.DataFrame
    records: Any
    hashes: np.ndarray
    words: int
    digest: str
    problems: list[dict]


def _prepare(chunk: pd.DataFrame, *, fields: tuple[str, ...], conformed: bool) -> _Chunk:
    hashes, words = record_hashes(chunk, fields=fields)
    records = records_table(chunk, conformed=conformed)
    carried = ["record_id", *fields, *(["source"] if "source" in chunk.columns else [])]
    frame = chunk[carried]
    frame.attrs = {}  # the problems travel once, in ``problems``
    return _Chunk(frame=frame, records=records, hashes=hashes, words=words, digest=_table_digest(records),
                  problems=list(chunk.attrs.get("errors", [])))


@dataclass
class _Pending:
    number: int
    name: str
    chunk: pd.DataFrame
    records: Any  # the chunk as the Arrow table its records are written from
    hashes: np.ndarray
    words: int
    problems: list[dict]
    reuse: dict[int, list[str]]  # old partition number -> record ids copied from it
    fresh: int
    future: Any


@dataclass
class _Totals:
    records_in: int = 0
    annotated: int = 0
    failed: int = 0
    read_errors: int = 0
    entities: int = 0
    tags: int = 0
    words: int = 0
    partitions: int = 0
    partitions_skipped: int = 0
    records_skipped: int = 0
    records_reused: int = 0
    records_fresh: int = 0
    seconds: dict = field(default_factory=lambda: dict.fromkeys(
        ("load_pipeline", "read", "read_ahead", "read_ahead_cpu", "hash", "reuse", "wait", "write", "worker_load",
         "worker_annotate", "worker_annotate_cpu", "worker_pipeline_cpu"), 0.0))

    def add(self, marker: dict) -> None:
        for name in ("records_in", "annotated", "failed", "read_errors", "entities", "tags", "words"):
            setattr(self, name, getattr(self, name) + marker["counts"][name])


def annotate(input: str | Path | Iterable[str | Path] | pd.DataFrame, outdir: str | Path, *, n_process: int = 1, batch_size: int = 256,
             engine: str = "local", scheduler: Any = None, chunksize: int = DEFAULT_CHUNKSIZE,
             format: str | None = None, fields: Iterable[str] = DEFAULT_FIELDS, tag_field: str = "question",
             load_options: dict | None = None, quiet: bool = False, dask_processes: bool = True,
             remember: bool = True) -> dict:
    """Annotate the corpus at ``input`` (a path, or several read one after the other, or a
    schema DataFrame already in memory) into ``outdir`` and return the run's manifest.

    ``n_process`` worker processes (local engine) or local Dask workers (dask engine without
    ``scheduler``); ``scheduler`` is a Dask scheduler address or a ``dask.distributed.Client``.
    ``chunksize`` records make one partition. ``load_options`` go to :func:`qatext.load`.
    Re-running on the same ``outdir`` resumes an interrupted run and re-annotates only
    records whose content changed. Read problems and records the pipeline fails on land in
    the ``errors`` table; ``counts.records_in == counts.annotated + counts.failed`` always.
    Output tables are read back with :func:`qatext.annotate.read_table`. With ``remember``
    (the default) a later ``qatext report`` of the same corpus finds and reuses ``outdir``.
    """
    started = time.perf_counter()
    frame = input if isinstance(input, pd.DataFrame) else None
    if frame is not None:
        inputs = []
    else:
        inputs = [Path(input)] if isinstance(input, (str, Path)) else [Path(p) for p in input]
    outdir = Path(outdir)
    fields = tuple(fields)
    _check(inputs, frame=frame, n_process=n_process, batch_size=batch_size, engine=engine, chunksize=chunksize,
           fields=fields, tag_field=tag_field)
    load_options = dict(load_options or {})
    options = _pipeline_options(fields, tag_field, load_options)
    fingerprint = pipeline_fingerprint(options)
    work_options = {**options, "batch_size": batch_size}
    store.prepare(outdir)
    previous = _previous_manifest(outdir)
    totals = _Totals()
    # The reader first, so that it reads while the pipeline loads; then the local workers, forked
    # before this process starts any thread (Arrow's readers, the progress bar).
    def prepared(chunks):
        return (_prepare(chunk, fields=fields, conformed=frame is None) for chunk in chunks)

    reader = ReadAhead(lambda: prepared(_chunks(inputs, format, chunksize))) \
        if frame is None and read_ahead.available() else None
    try:
        executor = _executor(engine, n_process=n_process, scheduler=scheduler, load_options=load_options,
                             dask_processes=dask_processes, totals=totals)
        names, input_fingerprint = _run(
            reader if reader is not None else prepared(_chunks(inputs, format, chunksize, frame=frame)),
            executor=executor, outdir=outdir, fields=fields, fingerprint=fingerprint, work_options=work_options,
            totals=totals, quiet=quiet, expected=lambda: len(frame) if frame is not None else _expected_records(inputs, format, previous))
    finally:
        if reader is not None:
            reader.close()
            totals.seconds["read_ahead"] += reader.seconds
            totals.seconds["read_ahead_cpu"] += reader.cpu_seconds

    keep = set(names)
    stale = [name for name in store.committed_names(outdir) if name not in keep]
    wall = time.perf_counter() - started
    described = inputs if frame is None else [frame.attrs.get("source_path") or "<DataFrame>"]
    manifest = _manifest(described, outdir, names=names, totals=totals, fingerprint=fingerprint,
                         input_fingerprint=input_fingerprint, wall=wall, removed=len(stale),
                         parameters={"n_process": n_process, "batch_size": batch_size, "engine": engine,
                                     "scheduler": _scheduler_text(scheduler), "chunksize": chunksize,
                                     "format": format, "fields": list(fields), "tag_field": tag_field,
                                     "load_options": load_options})
    if totals.records_in != totals.annotated + totals.failed:
        raise AnnotateError(f"{outdir}: counts do not add up: {totals.records_in} records in, "
                            f"{totals.annotated} annotated + {totals.failed} failed")
    # Manifest first: until it is replaced, the old one still lists only files that exist.
    store.write_manifest(outdir, manifest)
    store.remove_stale(outdir, keep)
    if frame is None and remember:
        registry.remember(inputs, outdir)
    return manifest


def _run(chunks, *, executor, outdir: Path, fields: tuple[str, ...], fingerprint: str, work_options: dict,
         totals: _Totals, quiet: bool, expected) -> tuple[list[str], str]:
    """Plan, submit and commit every prepared chunk (:class:`_Chunk`), in input order, at most
    ``executor.inflight`` partitions in flight; the partition names and the input's fingerprint."""
    names: list[str] = []
    input_digest = _InputDigest()
    kill_after = int(os.environ.get(KILL_AFTER_ENV, "0") or 0)
    progress = None
    committed_now = 0
    try:
        index = store.HashIndex(outdir, fingerprint=fingerprint)
        progress = _progress(expected(), quiet=quiet)
        pending: deque[_Pending] = deque()
        # "read": the wait for each chunk (the reading itself, or with a reader process what it did not read ahead)
        for number, prepared in enumerate(timed(chunks, totals.seconds, "read")):
            tick = time.perf_counter()
            chunk, hashes, problems = prepared.frame, prepared.hashes, prepared.problems
            # The records table is written from the chunk too: any change in it (flags, dates,
            # ...) must give a new partition, even when the annotated text is unchanged.
            extra = [prepared.digest, *(_problem_text(p) for p in problems)]
            input_digest.update(hashes, extra)
            name = store.partition_name(number, partition_key(hashes, fingerprint=fingerprint, extra=extra))
            names.append(name)
            totals.partitions += 1
            totals.seconds["hash"] += time.perf_counter() - tick
            marker = store.committed(outdir, name)
            if marker is not None:
                totals.add(marker)
                totals.partitions_skipped += 1
                totals.records_skipped += len(chunk)
                _show(progress, totals)
                continue
            reuse, fresh_mask = _plan_reuse(index, chunk, hashes)
            todo = chunk.loc[fresh_mask].reset_index(drop=True)
            future = _submit_partition(executor, todo, work_options) if len(todo) else None
            pending.append(_Pending(number, name, chunk, prepared.records, hashes, prepared.words, problems, reuse,
                                    len(todo), future))
            while len(pending) >= executor.inflight:
                _finish(pending.popleft(), outdir=outdir, index=index, fingerprint=fingerprint, totals=totals)
                committed_now += 1
                _show(progress, totals)
                _after_commit(committed_now, kill_after)
        while pending:
            _finish(pending.popleft(), outdir=outdir, index=index, fingerprint=fingerprint, totals=totals)
            committed_now += 1
            _show(progress, totals)
            _after_commit(committed_now, kill_after)
    except BaseException:
        executor.close(cancel=True)
        if progress is not None:
            progress.close()
        raise
    executor.close()
    progress.close()
    return names, input_digest.hexdigest()


def _pipeline_options(fields, tag_field: str, load_options: dict | None) -> dict:
    return {"fields": list(fields), "tag_field": tag_field, "load": dict(load_options or {})}


def _check(inputs: list[Path], *, frame, n_process, batch_size, engine, chunksize, fields, tag_field) -> None:
    if not inputs and frame is None:
        raise ValueError("no input given")
    for path in inputs:
        if not path.exists():
            raise FileNotFoundError(f"{path}: no such file or folder")
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    for name, value in (("n_process", n_process), ("batch_size", batch_size), ("chunksize", chunksize)):
        if not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} must be a positive integer, not {value!r}")
    if not fields:
        raise ValueError("fields must name at least one text column")
    if tag_field not in fields:
        raise ValueError(f"tag_field {tag_field!r} is not one of the annotated fields {fields}")


def _chunks(inputs: list[Path], format: str | None, chunksize: int, *, frame=None):
    """iter_corpus over each input; read problems are collected per chunk, not printed as
    warnings. An input that yields nothing still gives one (empty) partition. A frame in
    memory is cut into chunks; its read problems travel with the first."""
    from qatext.corpus import ReadWarning, iter_corpus

    if frame is not None:
        for start in range(0, max(len(frame), 1), chunksize):
            chunk = frame.iloc[start:start + chunksize].reset_index(drop=True)
            chunk.attrs = {"errors": list(frame.attrs.get("errors", [])) if start == 0 else []}
            yield chunk
        return

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReadWarning)
        for path in inputs:
            yield from iter_corpus(path, format, chunksize=chunksize)


def _plan_reuse(index: store.HashIndex, chunk: pd.DataFrame, hashes: np.ndarray):
    """Which records can copy their rows from an earlier partition (same id, same content,
    same pipeline), grouped by that partition; and the mask of records to annotate afresh."""
    owners = index.lookup(hashes)
    ids = chunk["record_id"]
    # Rows are fetched by record_id, which is only safe when the id is unique in the chunk.
    owners[ids.duplicated(keep=False).to_numpy() | ids.isna().to_numpy()] = -1
    reuse: dict[int, list[str]] = {}
    for owner, record_id in zip(owners[owners >= 0].tolist(), ids[owners >= 0].tolist()):
        reuse.setdefault(owner, []).append(record_id)
    return reuse, owners < 0


def _submit_partition(executor, todo: pd.DataFrame, options: dict):
    """One task per piece of the partition (the pool splits each partition across its workers)."""
    pieces = split_records(todo, getattr(executor, "pieces", 1), fields=tuple(options["fields"]))
    futures = [executor.submit(annotate_partition, piece, options) for piece in pieces]
    return futures[0] if len(futures) == 1 else PartitionResult(futures)


def _finish(item: _Pending, *, outdir: Path, index: store.HashIndex, fingerprint: str, totals: _Totals) -> None:
    tick = time.perf_counter()
    if item.future is not None:
        try:
            result = item.future.result()
        except Exception as exc:
            raise AnnotateError(f"partition {item.name} (chunk {item.number} of the input) failed: "
                                f"{type(exc).__name__}: {exc}; committed partitions are kept, re-run to resume") from exc
        totals.seconds["worker_load"] += result["load_seconds"]
        totals.seconds["worker_annotate"] += result["annotate_seconds"]
        totals.seconds["worker_annotate_cpu"] += result["annotate_cpu_seconds"]
        totals.seconds["worker_pipeline_cpu"] += result["pipeline_cpu_seconds"]
    else:
        result = {}
    totals.seconds["wait"] += time.perf_counter() - tick

    tick = time.perf_counter()
    tables = {}
    for table in store.ANNOTATION_TABLES:
        parts = [result[table]] if table in result else []
        for owner, record_ids in item.reuse.items():
            parts.append(store.read_rows(outdir, index.names[owner], table, record_ids))
        if table == "errors" and item.problems:
            parts.append(read_errors_table(item.problems))
        parts = [p for p in parts if len(p)]
        if len(parts) == 1 and table in result and parts[0] is result[table]:
            tables[table] = parts[0]  # the engine returns each table sorted already
        else:
            frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=store.arrow_schema(table).names)
            tables[table] = sort_table(table, frame)
    totals.seconds["reuse"] += time.perf_counter() - tick

    tick = time.perf_counter()
    errors = tables["errors"]
    failed_ids = set(errors.loc[errors["stage"].astype(str).str.startswith("annotate"), "record_id"])
    record_ids = item.chunk["record_id"].tolist()
    failed = sum(1 for r in record_ids if r in failed_ids)
    counts = {"records_in": len(record_ids), "annotated": len(record_ids) - failed, "failed": failed,
              "read_errors": len(item.problems), "entities": len(tables["entities"]), "tags": len(tables["tags"]),
              "words": item.words, "reused": len(record_ids) - item.fresh, "fresh": item.fresh}
    marker = {"partition": item.name, "chunk": item.number, "pipeline_fingerprint": fingerprint, "counts": counts,
              "committed_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    store.commit_partition(outdir, item.name, records=item.records, tables=tables, hashes=item.hashes, marker=marker)
    totals.add(marker)
    totals.records_reused += counts["reused"]
    totals.records_fresh += counts["fresh"]
    totals.seconds["write"] += time.perf_counter() - tick


def _show(progress, totals: _Totals) -> None:
    progress.update(totals.records_in - progress.n)


def _after_commit(committed_now: int, kill_after: int) -> None:
    if kill_after and committed_now >= kill_after:
        os.kill(os.getpid(), signal.SIGKILL)


def _table_digest(table) -> str:
    """Digest of everything in an Arrow ``table``: its Arrow IPC stream, which holds the schema
    and every buffer (hashing bytes costs a twentieth of encoding the chunk as JSON)."""
    import hashlib

    import pyarrow as pa

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return hashlib.sha1(sink.getvalue()).hexdigest()


def _problem_text(problem: dict) -> str:
    where = problem.get("path", "?")
    if problem.get("record") is not None:
        where = f"{where} [record {problem['record']}]"
    return f"{where}: {problem.get('reason', '')}"


class _InputDigest:
    """Fingerprint of the input content alone (ids, annotated text, read problems), in order."""

    def __init__(self):
        import hashlib

        self._digest = hashlib.sha1()

    def update(self, hashes: np.ndarray, problems: list[str]) -> None:
        self._digest.update(np.ascontiguousarray(hashes, dtype="<u8").tobytes())
        for problem in problems:
            self._digest.update(problem.encode("utf-8", "surrogatepass"))

    def hexdigest(self) -> str:
        return self._digest.hexdigest()


def _previous_manifest(outdir: Path) -> dict | None:
    try:
        return store.read_manifest(outdir)
    except ValueError:
        return None  # a damaged manifest only costs the progress bar its total


def _progress(total: int | None, *, quiet: bool):
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="rec", unit_scale=True, desc="annotate", disable=quiet, file=sys.stderr,
                smoothing=0.1, dynamic_ncols=True)


def _expected_records(inputs: list[Path], format: str | None, previous: dict | None) -> int | None:
    """Records the input will yield, for the progress bar's ETA: counted cheaply for Parquet
    (file metadata) and JSONL (lines), else taken from the previous run over the same input."""
    from qatext.corpus import detect_format

    total = 0
    try:
        for path in inputs:
            fmt = format or detect_format(path)
            files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
            if fmt == "parquet":
                import pyarrow.parquet as pq

                total += sum(pq.ParquetFile(f).metadata.num_rows for f in files if f.suffix.lower() in (".parquet", ".pq"))
            elif fmt == "jsonl":
                for f in files:
                    if f.suffix.lower() in (".jsonl", ".ndjson"):
                        with f.open("rb") as handle:
                            total += sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 24), b""))
            else:
                raise LookupError(fmt)
        return total
    except (LookupError, OSError, ValueError):
        pass
    same_input = (previous or {}).get("input", {}).get("paths") == [str(p.resolve()) for p in inputs]
    return previous["counts"].get("records_in") if same_input else None


def _scheduler_text(scheduler: Any) -> str | None:
    if scheduler is None or isinstance(scheduler, str):
        return scheduler
    address = getattr(getattr(scheduler, "scheduler", None), "address", None)  # a dask Client
    return str(address or scheduler)


def _manifest(inputs: list[Path], outdir: Path, *, names, totals: _Totals, fingerprint, input_fingerprint, wall,
              removed, parameters) -> dict:
    import qatext
    from qatext.ner.sources import vocabulary_info

    seconds = {k: round(v, 3) for k, v in totals.seconds.items()}
    seconds["total"] = round(wall, 3)
    annotated_now = totals.records_fresh
    return {
        "qatext_version": qatext.__version__,
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "input": {"paths": [str(p.resolve()) if isinstance(p, Path) else str(p) for p in inputs], "fingerprint": input_fingerprint},
        "pipeline_fingerprint": fingerprint,
        "vocabularies": [vars(v) for v in vocabulary_info()],
        "parameters": parameters,
        "counts": {
            "records_in": totals.records_in, "annotated": totals.annotated, "failed": totals.failed,
            "read_errors": totals.read_errors, "entities": totals.entities, "tags": totals.tags,
            "words": totals.words, "partitions": totals.partitions, "partitions_skipped": totals.partitions_skipped,
            "records_skipped": totals.records_skipped, "records_reused": totals.records_reused,
            "records_annotated_now": annotated_now, "stale_partitions_removed": removed,
        },
        "timings": {
            "seconds": seconds,
            "records_per_second": round(totals.records_in / wall, 1) if wall else None,
            "words_per_second": round(totals.words / wall, 1) if wall else None,
        },
        "tables": {name: f"{name}/" for name in store.TABLES},
        "partitions": names,
    }


# ---------------------------------------------------------------- engines


class _Deferred:
    """A 'future' that runs its call when asked for the result (the in-process engine)."""

    def __init__(self, fn, args):
        self._fn, self._args = fn, args

    def result(self):
        return self._fn(*self._args)


class _FrozenPipeline:
    """The pipeline loaded in this process and its objects frozen out of the collector (``gc.freeze``)
    until :meth:`thaw`: the collector's full passes would otherwise walk its couple of hundred
    thousand long-lived objects again and again (about a tenth of the pipeline's time), and forked
    workers would write refcounts onto the pages they share. Thawed at the end of the run, so nothing
    of the caller's stays out of the collector's reach."""

    def __init__(self):
        self.frozen = False

    def load(self, load_options: dict, totals: _Totals) -> None:
        import gc

        tick = time.perf_counter()
        get_nlp(load_options)
        totals.seconds["load_pipeline"] += time.perf_counter() - tick
        # No collect() first: a full pass over the fresh pipeline costs a tenth of loading it,
        # for the few cycles the load leaves behind.
        gc.freeze()
        self.frozen = True

    def thaw(self) -> None:
        if self.frozen:
            import gc

            gc.unfreeze()
            self.frozen = False


class _InlineExecutor:
    """Partitions annotated in this process, one at a time, with the pipeline frozen
    (:class:`_FrozenPipeline`) from the first partition on; a run with nothing left to annotate loads nothing."""

    inflight = 1

    def __init__(self, *, load_options: dict, totals: _Totals):
        self._load_options, self._totals, self._pipeline = load_options, totals, _FrozenPipeline()

    def submit(self, fn, *args):
        if not self._pipeline.frozen:
            self._pipeline.load(self._load_options, self._totals)
        return _Deferred(fn, args)

    def close(self, cancel: bool = False) -> None:
        self._pipeline.thaw()


class _PoolExecutor:
    """Local worker processes. On Linux they are forked after the pipeline is loaded here, so
    they share it instead of each loading it (7 s and a few hundred MB apiece)."""

    def __init__(self, n_process: int, *, load_options: dict, totals: _Totals):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self._pipeline = _FrozenPipeline()
        if "fork" in multiprocessing.get_all_start_methods() and sys.platform.startswith("linux"):
            self._pipeline.load(load_options, totals)
            context = multiprocessing.get_context("fork")
        else:
            context = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(max_workers=n_process, mp_context=context, initializer=exit_with_parent,
                                         initargs=(os.getpid(),))
        # With fork the pool starts every worker on its first task: do it now, before this
        # process starts other threads (progress bar).
        self._pool.submit(int).result()
        # The objects stay frozen until close(): the collector's full passes would otherwise walk
        # the whole pipeline here, which this process no longer runs (a quarter of its CPU).
        self.inflight = 2 * n_process
        self.pieces = n_process

    def submit(self, fn, *args):
        return self._pool.submit(fn, *args)

    def close(self, cancel: bool = False) -> None:
        self._pool.shutdown(wait=not cancel, cancel_futures=cancel)
        self._pipeline.thaw()


def _executor(engine: str, *, n_process: int, scheduler, load_options: dict, dask_processes: bool, totals: _Totals):
    if engine == "dask":
        from qatext.annotate.dask_engine import DaskExecutor

        return DaskExecutor(scheduler, n_workers=n_process, processes=dask_processes)
    if scheduler is not None:
        raise ValueError("a scheduler address only makes sense with engine='dask'")
    if n_process == 1:
        return _InlineExecutor(load_options=load_options, totals=totals)
    return _PoolExecutor(n_process, load_options=load_options, totals=totals)
