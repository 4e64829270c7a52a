"""The on-disk output of ``qatext annotate``: partitioned Parquet tables plus commit markers.

Layout of OUTDIR::

    records/part-00000-<key>.parquet     the input records, in the schema (readable by read_corpus)
    entities/part-00000-<key>.parquet    record_id, field, start, end, text, label, concept_id, ...
    tags/part-00000-<key>.parquet        record_id, specialty, specialty_score, intent, intent_score
    errors/part-00000-<key>.parquet      source, record_id, location, stage, reason (qatext.corpus.errors)
    _index/part-00000-<key>.parquet      record_id, content_hash (what incremental runs reuse)
    _partitions/part-00000-<key>.json    commit marker: the partition is complete
    manifest.json                        the run: input, versions, parameters, counts, timings

Every file is written under a hidden temporary name and renamed into place, and a partition
exists only once its marker does, so a run killed at any instant leaves either a whole
partition or none. ``<key>`` is a hash of the partition's content and of the pipeline, so a
resumed or repeated run recognises the partitions it already has.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from qatext.annotate.frame import ENTITY_DETAIL_COLUMNS
from qatext.corpus.errors import ERROR_COLUMNS
from qatext.outputs import atomic_path, ensure_dir

TABLES = ("records", "entities", "tags", "errors")
ANNOTATION_TABLES = ("entities", "tags", "errors")
_INDEX = "_index"
_MARKERS = "_partitions"
MANIFEST = "manifest.json"


def arrow_schema(name: str):
    """The fixed Arrow schema of an annotation table, so that every partition (empty or not,
    from any engine) has the same column types."""
    import pyarrow as pa

    string = pa.string()
    schemas = {
        "entities": [("record_id", string), ("field", string), ("start", pa.int64()), ("end", pa.int64()),
                     ("text", string), ("label", string), ("concept_id", string), ("concept_name", string),
                     ("assertion", string), ("experiencer", string),
                     *[(name, string) for name in ENTITY_DETAIL_COLUMNS]],
        "tags": [("record_id", string), ("specialty", string), ("specialty_score", pa.float64()),
                 ("intent", string), ("intent_score", pa.float64())],
        "errors": [(name, string) for name in ERROR_COLUMNS],
        _INDEX: [("record_id", string), ("content_hash", pa.uint64())],
    }
    return pa.schema(schemas[name])


def partition_name(index: int, key: str) -> str:
    return f"part-{index:05d}-{key[:16]}"


def _write_parquet(frame: pd.DataFrame, path: Path, schema) -> None:
    import pyarrow as pa

    columns = {}
    for field in schema:
        # from_pandas: None, NaN and pd.NA all become null, in C rather than value by value
        columns[field.name] = (pa.array(frame[field.name], type=field.type, from_pandas=True) if field.name in frame
                               else pa.array([], type=field.type))
    _write_table(pa.Table.from_pydict(columns, schema=schema), path)


def _write_table(table, path: Path) -> None:
    """An Arrow table to Parquet, under a temporary name renamed into place."""
    import pyarrow.parquet as pq

    with atomic_path(path) as tmp:
        pq.write_table(table, tmp)


def _write_json(data: dict, path: Path) -> None:
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8") as out:
        json.dump(data, out, indent=2, default=str)
        out.flush()
        os.fsync(out.fileno())


def prepare(outdir: Path) -> None:
    """Create the folders, and drop temporary files a killed run left behind."""
    ensure_dir(outdir)
    for folder in (*TABLES, _INDEX, _MARKERS):
        (outdir / folder).mkdir(parents=True, exist_ok=True)
        for leftover in (outdir / folder).glob(".part-*.tmp-*"):
            leftover.unlink(missing_ok=True)


def committed(outdir: Path, name: str) -> dict | None:
    """The marker of partition ``name`` if it was completely written, else None."""
    path = outdir / _MARKERS / f"{name}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None


def commit_partition(outdir: Path, name: str, *, records, tables: dict[str, pd.DataFrame],
                     hashes: np.ndarray, marker: dict) -> None:
    """Write one partition's tables, then its marker (the commit). ``records`` is the chunk, as a
    schema frame or as its Arrow table (:func:`qatext.corpus.tabular.records_table`, which
    ``write_corpus`` writes too)."""
    import pyarrow as pa

    from qatext.corpus.tabular import records_table

    if isinstance(records, pd.DataFrame):
        records = records_table(records)
    _write_table(records, outdir / "records" / f"{name}.parquet")
    for table in ANNOTATION_TABLES:
        _write_parquet(tables[table], outdir / table / f"{name}.parquet", arrow_schema(table))
    index = pa.Table.from_arrays([records.column("record_id"), pa.array(np.asarray(hashes, dtype=np.uint64))],
                                 schema=arrow_schema(_INDEX))
    _write_table(index, outdir / _INDEX / f"{name}.parquet")
    _write_json(marker, outdir / _MARKERS / f"{name}.json")


def committed_names(outdir: Path) -> list[str]:
    return sorted(p.stem for p in (outdir / _MARKERS).glob("part-*.json"))


class HashIndex:
    """Which committed partition holds a record with a given content hash.

    Held as two sorted NumPy arrays (12 bytes a record: 120 MB for 10^7 records), not a dict.
    """

    def __init__(self, outdir: Path, *, fingerprint: str):
        import pyarrow.parquet as pq

        # Only partitions annotated by this very pipeline can lend their rows.
        self.names = [name for name in committed_names(outdir)
                      if (committed(outdir, name) or {}).get("pipeline_fingerprint") == fingerprint]
        hashes, owners = [], []
        for number, name in enumerate(self.names):
            try:
                column = pq.read_table(outdir / _INDEX / f"{name}.parquet", columns=["content_hash"])
            except (OSError, ValueError):
                continue  # an unreadable index only costs re-annotation of its records
            values = column.column(0).to_numpy()
            hashes.append(values)
            owners.append(np.full(len(values), number, dtype=np.int32))
        self.hashes = np.concatenate(hashes) if hashes else np.empty(0, dtype=np.uint64)
        self.owners = np.concatenate(owners) if owners else np.empty(0, dtype=np.int32)
        order = np.argsort(self.hashes, kind="stable")
        self.hashes, self.owners = self.hashes[order], self.owners[order]

    def __len__(self) -> int:
        return len(self.hashes)

    def lookup(self, hashes: np.ndarray) -> np.ndarray:
        """For each hash, the number of a partition holding it, or -1."""
        if not len(self.hashes):
            return np.full(len(hashes), -1, dtype=np.int32)
        at = np.searchsorted(self.hashes, hashes)
        at_clipped = np.minimum(at, len(self.hashes) - 1)
        found = self.hashes[at_clipped] == hashes
        return np.where(found, self.owners[at_clipped], -1).astype(np.int32)


def read_rows(outdir: Path, name: str, table: str, record_ids: Iterable[str]) -> pd.DataFrame:
    """Rows of ``table`` in partition ``name`` that belong to ``record_ids``."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    data = pq.read_table(outdir / table / f"{name}.parquet", schema=arrow_schema(table))
    import pyarrow as pa

    mask = pc.is_in(data.column("record_id"), value_set=pa.array(list(record_ids), type=pa.string()))
    if table == "errors":  # read problems belong to the chunk that met them, not to a record
        mask = pc.and_(mask, pc.starts_with(data.column("stage"), "annotate"))
    return _to_pandas(data.filter(mask))


def _to_pandas(table) -> pd.DataFrame:
    # object columns with None, as annotate_frame builds them, so that reused and fresh rows
    # concatenate and compare alike
    return pd.DataFrame({name: table.column(name).to_pylist() for name in table.column_names})


def remove_stale(outdir: Path, keep: set[str]) -> int:
    """Delete partitions not in ``keep`` (left by earlier runs over other content); marker first,
    so an interrupted clean-up never leaves a marker without its data."""
    removed = 0
    for name in committed_names(outdir):
        if name in keep:
            continue
        (outdir / _MARKERS / f"{name}.json").unlink(missing_ok=True)
        removed += 1
    for folder, suffix in ((t, ".parquet") for t in (*TABLES, _INDEX)):
        for path in (outdir / folder).glob(f"part-*{suffix}"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)
    return removed


def write_manifest(outdir: Path, manifest: dict) -> Path:
    path = outdir / MANIFEST
    _write_json(manifest, path)
    return path


def read_manifest(outdir: str | Path) -> dict | None:
    path = Path(outdir) / MANIFEST
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not a valid manifest ({exc})") from exc


def partitions(outdir: str | Path) -> list[str]:
    """Partition names of the finished run in ``outdir``, in input order (the manifest's list;
    without a manifest, every committed partition)."""
    outdir = Path(outdir)
    manifest = read_manifest(outdir)
    if manifest is not None:
        return list(manifest["partitions"])
    return committed_names(outdir)


def iter_table(outdir: str | Path, table: str):
    """One DataFrame per partition of an output table, in input order: for corpora whose
    annotations do not fit in memory at once."""
    outdir = Path(outdir)
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    for name in partitions(outdir):
        yield _read_partition(outdir, name, table)


def _read_partition(outdir: Path, name: str, table: str) -> pd.DataFrame:
    import pyarrow.parquet as pq

    path = outdir / table / f"{name}.parquet"
    if table == "records":
        from qatext.corpus import read_corpus

        return read_corpus(path, "parquet")
    return pq.read_table(path, schema=arrow_schema(table)).to_pandas()


def read_table(outdir: str | Path, table: str) -> pd.DataFrame:
    """One output table of ``qatext annotate`` as a DataFrame, partitions in input order.

    ``records`` comes back in the schema (as :func:`qatext.read_corpus` reads it).
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    outdir = Path(outdir)
    names = partitions(outdir)
    if table == "records":
        from qatext.corpus import read_corpus
        from qatext.schema import COLUMNS

        frames = [read_corpus(outdir / "records" / f"{name}.parquet", "parquet") for name in names]
        frames = [f for f in frames if len(f)]
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=COLUMNS)
    schema = arrow_schema(table)
    parts = [pq.read_table(outdir / table / f"{name}.parquet", schema=schema) for name in names]
    data = pa.concat_tables(parts) if parts else schema.empty_table()
    return data.to_pandas()
