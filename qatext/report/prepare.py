"""Read a corpus and annotate it once per report run; notebooks load the result.

``prepare`` writes ``<out>/<corpus>/data/``: ``records.parquet`` (schema frame),
``entities.parquet``, ``tags.parquet``, ``errors.parquet`` (read and annotation failures)
and ``manifest.json`` (corpus fingerprint, counts). ``load_prepared`` reuses that folder while
the corpus files are unchanged, else prepares again (through the annotation cache, so only
changed records are re-annotated); ``qatext report`` always prepares, so a changed lexicon or
rule reaches the report.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from qatext.report.cache import annotate_cached

ERROR_COLUMNS = ["record_id", "stage", "reason"]


@dataclass
class Prepared:
    """A read and annotated corpus, and where its report goes."""

    corpus: Path
    name: str
    report_dir: Path
    records: pd.DataFrame
    entities: pd.DataFrame
    tags: pd.DataFrame
    errors: pd.DataFrame
    n_cached: int = 0
    n_annotated: int = 0
    pseudonymized: bool = False

    def counts(self) -> dict[str, int]:
        """Records in (rows read plus records that could not be read) == annotated + errors."""
        read_failures = int((self.errors["stage"] == "read").sum()) if len(self.errors) else 0
        failed_ids = set(self.errors.loc[self.errors["stage"] != "read", "record_id"]) if len(self.errors) else set()
        failed = len(failed_ids & set(self.records["record_id"]))
        return {"in": len(self.records) + read_failures, "annotated": len(self.records) - failed,
                "errors": read_failures + failed}

    @property
    def figures_dir(self) -> Path:
        return self.report_dir / "figures"

    @property
    def tables_dir(self) -> Path:
        return self.report_dir / "tables"


def corpus_name(corpus: str | Path) -> str:
    """The folder name a corpus's report goes in: its file or folder name without suffix."""
    path = Path(corpus).resolve()
    return path.stem if path.is_file() else path.name


def report_dir(corpus: str | Path, out_dir: str | Path = "reports") -> Path:
    return Path(out_dir) / corpus_name(corpus)


def corpus_fingerprint(corpus: str | Path) -> str:
    """A hash of the corpus files' names, sizes and modification times.

    The pipeline is deliberately not part of it: notebooks must analyse the tables the report
    run prepared even if a lexicon changes meanwhile; ``prepare`` (every ``qatext report``)
    re-checks the pipeline through the annotation cache.
    """
    path = Path(corpus).resolve()
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    digest = hashlib.sha256()
    for file in files:
        stat = file.stat()
        digest.update(f"{file.relative_to(path.parent)}\x1f{stat.st_size}\x1f{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def prepare(corpus: str | Path, out_dir: str | Path = "reports", *, annotate=None, pseudonymize: bool = False,
            key: str | None = None) -> Prepared:
    """Read ``corpus``, annotate it (using the cache under ``<out>/<corpus>/cache``) and save the tables.

    With ``pseudonymize``, names, e-mail addresses, phone numbers and URLs are replaced before
    anything is annotated or written (:func:`qatext.privacy.pseudonymize`; ``key`` or
    ``$QATEXT_PSEUDONYM_KEY``), so no table, figure or notebook under ``out_dir`` sees them.
    """
    from qatext.corpus import read_corpus

    corpus = Path(corpus)
    target = report_dir(corpus, out_dir)
    records = read_corpus(corpus)
    if pseudonymize:
        from qatext.privacy import pseudonymize as pseudonymize_frame

        attrs = dict(records.attrs)
        records = pseudonymize_frame(records, key=key)
        records.attrs.update(attrs)
    read_errors = pd.DataFrame(
        [(e.get("record"), "read", f"{e.get('path')}: {e.get('reason')}") for e in records.attrs.get("errors", [])],
        columns=ERROR_COLUMNS)
    annotated = annotate_cached(records, target / "cache", annotate=annotate)
    errors = pd.concat([df for df in (read_errors, annotated.errors) if len(df)] or [read_errors],
                       ignore_index=True)
    prepared = Prepared(corpus=corpus.resolve(), name=corpus_name(corpus), report_dir=target, records=records,
                        entities=annotated.entities, tags=annotated.tags, errors=errors,
                        n_cached=annotated.n_cached, n_annotated=annotated.n_annotated, pseudonymized=pseudonymize)
    _save(prepared)
    return prepared


def _save(prepared: Prepared) -> None:
    from qatext.corpus import write_corpus

    data = prepared.report_dir / "data"
    data.mkdir(parents=True, exist_ok=True)
    write_corpus(prepared.records, data / "records.parquet")
    prepared.entities.to_parquet(data / "entities.parquet", index=False)
    prepared.tags.to_parquet(data / "tags.parquet", index=False)
    prepared.errors.astype(str).to_parquet(data / "errors.parquet", index=False)
    manifest = {"corpus": str(prepared.corpus), "name": prepared.name,
                "fingerprint": corpus_fingerprint(prepared.corpus), "records": len(prepared.records),
                "entities": len(prepared.entities), "errors": len(prepared.errors),
                "annotated_now": prepared.n_annotated, "from_cache": prepared.n_cached,
                "pseudonymized": prepared.pseudonymized, "counts": prepared.counts()}
    (data / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def load_prepared(corpus: str | Path, out_dir: str | Path = "reports") -> Prepared:
    """The prepared tables for ``corpus``: from ``<out>/<corpus>/data`` when still current, else :func:`prepare`."""
    from qatext.corpus import read_corpus

    corpus = Path(corpus)
    target = report_dir(corpus, out_dir)
    data = target / "data"
    manifest_path = data / "manifest.json"
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("fingerprint") == corpus_fingerprint(corpus):
            return Prepared(corpus=corpus.resolve(), name=corpus_name(corpus), report_dir=target,
                            records=read_corpus(data / "records.parquet"),
                            entities=pd.read_parquet(data / "entities.parquet"),
                            tags=pd.read_parquet(data / "tags.parquet"),
                            errors=pd.read_parquet(data / "errors.parquet"),
                            n_cached=manifest.get("from_cache", 0), n_annotated=manifest.get("annotated_now", 0),
                            pseudonymized=manifest.get("pseudonymized", False))
    return prepare(corpus, out_dir)
