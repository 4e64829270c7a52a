"""A content-hash keyed cache of annotation tables, so a re-run only annotates what changed.

A record's key hashes its id, the text of every annotated field and the *pipeline
fingerprint* (the NER and topic code and resources, and the vocabulary versions),
so editing a record, a lexicon, a rule or the code invalidates exactly what it can affect.
The cache is three parquet files in one folder: ``keys`` (every key annotated, including
records with no entity), ``entities`` and ``tags`` (each row carrying its record's key).
Records that failed annotation are not cached, so they are retried on the next run.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from qatext.annotate import ENTITY_COLUMNS, ERROR_COLUMNS, TAG_COLUMNS

FIELDS = ("question", "answer")


def pipeline_fingerprint() -> str:
    """What decides annotation output besides the text: the same fingerprint ``qatext annotate`` uses
    (NER and topic code and resources, vocabulary versions, annotated fields)."""
    from qatext.annotate.fingerprint import pipeline_fingerprint as fingerprint

    return fingerprint({"fields": list(FIELDS), "tag_field": "question"})[:16]


def record_keys(records: pd.DataFrame, *, fields=FIELDS) -> pd.Series:
    """The cache key of each record (indexed like ``records``)."""
    salt = pipeline_fingerprint()
    def key(row) -> str:
        parts = [salt, str(row["record_id"]), *[row[f] if isinstance(row[f], str) else "" for f in fields]]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]
    return records.apply(key, axis=1) if len(records) else pd.Series([], dtype=object)


@dataclass
class CachedAnnotations:
    entities: pd.DataFrame
    tags: pd.DataFrame
    errors: pd.DataFrame
    n_cached: int
    n_annotated: int


def annotate_cached(records: pd.DataFrame, cache_dir: str | Path, *, annotate=None, fields=FIELDS) -> CachedAnnotations:
    """Annotation tables for ``records``, annotating only records whose key is not in ``cache_dir``.

    ``annotate(df) -> Annotations`` does the work (default :func:`qatext.annotate.annotate_frame`).
    The cache is rewritten to hold exactly the current records' keys.
    """
    cache_dir = Path(cache_dir)
    keys = record_keys(records, fields=fields)
    old_keys, old_entities, old_tags = _read(cache_dir)
    known = set(old_keys)
    todo = records[~keys.isin(known).to_numpy()] if len(records) else records
    errors = pd.DataFrame(columns=ERROR_COLUMNS)
    new_entities = pd.DataFrame(columns=[*ENTITY_COLUMNS, "key"])
    new_tags = pd.DataFrame(columns=[*TAG_COLUMNS, "key"])
    if len(todo):
        if annotate is None:
            from qatext.annotate import annotate_frame as annotate
        result = annotate(todo)
        key_of = dict(zip(todo["record_id"], keys[todo.index]))
        new_entities = result.entities.assign(key=result.entities["record_id"].map(key_of))
        new_tags = result.tags.assign(key=result.tags["record_id"].map(key_of))
        errors = result.errors
    failed = set(errors["record_id"])
    current = [k for k, rid in zip(keys, records["record_id"]) if rid not in failed]
    current_set = set(current)
    entities = _concat([old_entities[old_entities["key"].isin(current_set)], new_entities], [*ENTITY_COLUMNS, "key"])
    tags = _concat([old_tags[old_tags["key"].isin(current_set)], new_tags], [*TAG_COLUMNS, "key"])
    _write(cache_dir, sorted(current_set), entities, tags)
    # Same record order as the input, mentions in text order: the output never depends on cache history.
    order = {rid: i for i, rid in enumerate(records["record_id"])}
    entities = entities.assign(_o=entities["record_id"].map(order)).sort_values(["_o", "field", "start", "end"])
    tags = tags.assign(_o=tags["record_id"].map(order)).sort_values("_o")
    return CachedAnnotations(
        entities=entities.drop(columns=["_o", "key"]).reset_index(drop=True),
        tags=tags.drop(columns=["_o", "key"]).reset_index(drop=True),
        errors=errors.reset_index(drop=True),
        n_cached=int(keys.isin(known).sum()) if len(records) else 0,
        n_annotated=len(todo),
    )


def _concat(frames: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    frames = [f[columns] for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)


def _read(cache_dir: Path):
    paths = [cache_dir / f"{name}.parquet" for name in ("keys", "entities", "tags")]
    if not all(p.exists() for p in paths):
        return [], pd.DataFrame(columns=[*ENTITY_COLUMNS, "key"]), pd.DataFrame(columns=[*TAG_COLUMNS, "key"])
    try:
        keys = pd.read_parquet(paths[0])["key"].tolist()
        return keys, pd.read_parquet(paths[1]), pd.read_parquet(paths[2])
    except Exception as error:  # noqa: BLE001 - a broken cache is rebuilt, never trusted
        import warnings

        warnings.warn(f"{cache_dir}: unreadable annotation cache ({error}); re-annotating everything", stacklevel=3)
        return [], pd.DataFrame(columns=[*ENTITY_COLUMNS, "key"]), pd.DataFrame(columns=[*TAG_COLUMNS, "key"])


def _write(cache_dir: Path, keys: list[str], entities: pd.DataFrame, tags: pd.DataFrame) -> None:
    cache_dir.mkdir(parents=True, exist_ok=True)
    pd.DataFrame({"key": keys}).to_parquet(cache_dir / "keys.parquet", index=False)
    entities.to_parquet(cache_dir / "entities.parquet", index=False)
    tags.to_parquet(cache_dir / "tags.parquet", index=False)
