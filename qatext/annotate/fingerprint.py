"""Content hashes that decide what a re-run of ``qatext annotate`` must redo.

A record's hash covers its id, the text of every annotated field and the *pipeline
fingerprint*; a partition's key covers the hashes of its records in order. Equal hashes mean
equal annotations, so anything already on disk under that hash can be reused as it is.
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import metadata, resources
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

# Code and data whose change can change an annotation. Anything else (readers, reports, CLI,
# and documentation: README and other Markdown files next to the code) cannot, and must not
# invalidate a corpus-sized store.
_PIPELINE_PACKAGES = ("qatext.ner", "qatext.topics", "qatext.resources")
_PIPELINE_MODULES = ("qatext/annotate/frame.py", "qatext/annotate/rows.py", "qatext/annotate/worker.py")
_DOCUMENTATION = (".md", ".rst")
# Resources only the analyses and the report read (stop words, reply-act rules).
_REPORT_RESOURCES = ("analysis", "replies")
_PIPELINE_DISTRIBUTIONS = ("spacy", "scispacy", "medspacy", "pyhpo", "medical-named-entity-recognition",
                           "drug-named-entity-recognition", "simple-icd-10-cm")


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def _walk(node, skipped: tuple[str, ...] = ()) -> Iterable:
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        if child.name.startswith((".", "__pycache__")) or child.name in skipped:
            continue
        if child.is_dir():
            yield from _walk(child)
        elif not child.name.endswith((".pyc", ".pyo", *_DOCUMENTATION)):
            yield child


def code_digest(root) -> str:
    """Digest of the pipeline's code and resources under ``root`` (the ``qatext`` package folder,
    a path or an importlib.resources Traversable); Markdown and reST files are left out."""
    digest = hashlib.sha1()
    for package in _PIPELINE_PACKAGES:
        node = root.joinpath(*package.split(".")[1:])
        skipped = _REPORT_RESOURCES if package == "qatext.resources" else ()
        for item in _walk(node, skipped):
            digest.update(item.name.encode())
            digest.update(item.read_bytes())
    for module in _PIPELINE_MODULES:
        item = root.joinpath(*module.split("/")[1:])
        digest.update(module.encode())
        digest.update(item.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _code_digest() -> str:
    return code_digest(resources.files("qatext"))


def pipeline_fingerprint(options: dict) -> str:
    """Hex digest of everything that shapes an annotation: the NER/topic code and resources,
    the versions of spaCy and of the vocabulary packages, and the annotation ``options``
    (fields, tag field, ``qatext.load`` keywords). Batch size and process count are left out:
    they change speed, never results."""
    payload = {
        "code": _code_digest(),
        "versions": {name: _version(name) for name in _PIPELINE_DISTRIBUTIONS},
        "options": options,
    }
    return hashlib.sha1(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def report_fingerprint() -> str:
    """The fingerprint of the pipeline ``qatext report`` runs (default fields and options)."""
    from qatext.annotate.frame import DEFAULT_FIELDS

    return pipeline_fingerprint({"fields": list(DEFAULT_FIELDS), "tag_field": "question", "load": {}})


def record_hashes(df: pd.DataFrame, *, fields: Sequence[str]) -> tuple[np.ndarray, int]:
    """64-bit content hash of each record (its id and the text of the annotated fields, in
    order), and the number of words in those fields.

    The pipeline is not part of this hash: annotations are reused only from partitions whose
    marker carries the same pipeline fingerprint, so (content hash, pipeline fingerprint)
    together decide reuse. Missing and empty fields hash alike, because annotation treats
    them alike.
    """
    seed = "\x1d".join(fields).encode()
    out = np.empty(len(df), dtype=np.uint64)
    words = 0
    columns = [df["record_id"].tolist(), *(df[f].tolist() for f in fields)]
    for i, row in enumerate(zip(*columns)):
        digest = hashlib.blake2b(seed, digest_size=8)
        digest.update(str(row[0]).encode("utf-8", "surrogatepass"))
        for value in row[1:]:
            text = value if isinstance(value, str) and value.strip() else ""
            words += len(text.split())
            digest.update(b"\x1f")
            digest.update(text.encode("utf-8", "surrogatepass"))
        out[i] = int.from_bytes(digest.digest(), "little")
    return out, words


def partition_key(hashes: np.ndarray, *, fingerprint: str, extra: Iterable[str] = ()) -> str:
    """Key of a partition: the pipeline fingerprint, its records' hashes in order, and anything
    else written with it (the read problems reported for that chunk)."""
    digest = hashlib.sha1(fingerprint.encode())
    digest.update(np.ascontiguousarray(hashes, dtype="<u8").tobytes())
    for item in extra:
        digest.update(b"\x1e" + item.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
