"""Read and annotate a corpus once per report run, through the ``qatext annotate`` store;
notebooks load the result.

``prepare`` brings the corpus's annotation store up to date with
:func:`qatext.annotate.annotate` (so only new or changed records are annotated) and copies its
tables to ``<out>/<corpus>/data/``: ``records.parquet`` (schema frame), ``entities.parquet``,
``tags.parquet``, ``errors.parquet`` (read and annotation failures, the one ``errors`` shape)
and ``manifest.json`` (corpus fingerprint, counts, the store used). The store is, in order:
``store=`` (``qatext report --store``); the folder the last ``qatext annotate`` of the same
corpus wrote; else ``<out>/<corpus>/annotations``. With ``pseudonymize`` the store is always
the report's own, so pseudonymized text never mixes with a store of the real text.
``load_prepared`` reuses ``data/`` while the corpus files are unchanged, else prepares again;
``qatext report`` always prepares, so a changed lexicon or rule reaches the report.
"""
from __future__ import annotations

import hashlib
import json
from copy import deepcopy
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

STORE_FOLDER = "annotations"


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
    n_reused: int = 0
    n_annotated: int = 0
    pseudonymized: bool = False
    store: Path | None = None

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


def annotation_store(corpus: str | Path, out_dir: str | Path = "reports", *, store: str | Path | None = None,
                     pseudonymize: bool = False) -> tuple[Path, dict]:
    """The store a report of ``corpus`` reads and writes, and the :func:`qatext.annotate.annotate`
    options that keep it as ``qatext annotate`` left it (its chunk size and format)."""
    from qatext.annotate import registry
    from qatext.annotate.frame import DEFAULT_FIELDS
    from qatext.annotate.store import read_manifest

    own = report_dir(corpus, out_dir) / STORE_FOLDER
    if pseudonymize:
        # Pseudonymized records must never overwrite a store that holds the real text.
        if store is not None:
            raise ValueError(f"{store}: --store cannot be combined with --pseudonymize; a pseudonymized "
                             "report keeps its own store under its output folder")
        return own, {}
    if store is not None:
        chosen = Path(store)
    else:
        chosen = registry.recall([corpus]) or own
    try:
        parameters = (read_manifest(chosen) or {}).get("parameters", {})
    except ValueError:
        parameters = {}
    same_pipeline = (parameters.get("fields", list(DEFAULT_FIELDS)) == list(DEFAULT_FIELDS)
                     and parameters.get("tag_field", "question") == "question" and not parameters.get("load_options"))
    if not same_pipeline:
        if store is not None:
            raise ValueError(f"{chosen}: annotated with other fields or pipeline options ({parameters.get('fields')}, "
                             f"tag field {parameters.get('tag_field')}); a report needs question and answer")
        return own, {}
    options = {k: parameters[k] for k in ("chunksize", "format") if parameters.get(k) is not None}
    return chosen, options


def prepare(corpus: str | Path, out_dir: str | Path = "reports", *, store: str | Path | None = None,
            pseudonymize: bool = False, key: str | None = None) -> Prepared:
    """Read and annotate ``corpus`` through its annotation store (:func:`annotation_store`) and
    save the tables under ``<out>/<corpus>/data``.

    With ``pseudonymize``, names, e-mail addresses, phone numbers and URLs are replaced before
    anything is annotated or written (:func:`qatext.privacy.pseudonymize`; ``key`` or
    ``$QATEXT_PSEUDONYM_KEY``), so no table, figure or notebook under ``out_dir`` sees them.
    """
    from qatext.annotate import annotate, read_table

    corpus = Path(corpus)
    target = report_dir(corpus, out_dir)
    chosen, options = annotation_store(corpus, out_dir, store=store, pseudonymize=pseudonymize)
    source: Path | pd.DataFrame = corpus
    if pseudonymize:
        from qatext.corpus import read_corpus
        from qatext.privacy import pseudonymize as pseudonymize_frame

        records = read_corpus(corpus)
        attrs = dict(records.attrs)
        source = pseudonymize_frame(records, key=key)
        source.attrs.update(attrs)
    manifest = annotate(source, chosen, quiet=True, remember=False, **options)
    counts = manifest["counts"]
    prepared = Prepared(corpus=corpus.resolve(), name=corpus_name(corpus), report_dir=target,
                        records=read_table(chosen, "records"), entities=read_table(chosen, "entities"),
                        tags=read_table(chosen, "tags"), errors=read_table(chosen, "errors"),
                        n_reused=counts["records_in"] - counts["records_annotated_now"],
                        n_annotated=counts["records_annotated_now"], pseudonymized=pseudonymize,
                        store=chosen.resolve())
    _save(prepared)
    return prepared


def _save(prepared: Prepared) -> None:
    from qatext.corpus import write_corpus
    from qatext.outputs import atomic_path, ensure_dir, write_text

    data = ensure_dir(prepared.report_dir / "data")
    (data / "manifest.json").unlink(missing_ok=True)  # until rewritten below, data/ is not current
    write_corpus(prepared.records, data / "records.parquet")
    for name in ("entities", "tags", "errors"):
        with atomic_path(data / f"{name}.parquet") as path:
            getattr(prepared, name).to_parquet(path, index=False)
    manifest = {"corpus": str(prepared.corpus), "name": prepared.name,
                "fingerprint": corpus_fingerprint(prepared.corpus), "records": len(prepared.records),
                "entities": len(prepared.entities), "errors": len(prepared.errors),
                "annotated_now": prepared.n_annotated, "reused": prepared.n_reused,
                "store": str(prepared.store), "pseudonymized": prepared.pseudonymized, "counts": prepared.counts()}
    write_text(data / "manifest.json", json.dumps(manifest, indent=2) + "\n")


# The last tables load_prepared read, keyed by their folder, manifest and file stamps: a report
# kernel runs several notebooks on the same tables, and reading them (records are re-validated)
# is not free.
_LOADED: dict[str, tuple[str, Prepared]] = {}


def load_prepared(corpus: str | Path, out_dir: str | Path = "reports") -> Prepared:
    """The prepared tables for ``corpus``: from ``<out>/<corpus>/data`` when still current, else :func:`prepare`.

    Within one process the tables of the last call are reused while ``data/`` is unchanged; each
    call gets its own frames (pandas' copy-on-write keeps one notebook's changes out of the next
    one's).
    """
    from qatext.corpus import read_corpus

    corpus = Path(corpus)
    target = report_dir(corpus, out_dir)
    data = target / "data"
    manifest_path = data / "manifest.json"
    if manifest_path.exists():
        text = manifest_path.read_text(encoding="utf-8")
        manifest = json.loads(text)
        if manifest.get("fingerprint") == corpus_fingerprint(corpus):
            stamp = text + "".join(f"|{p.stat().st_mtime_ns}:{p.stat().st_size}" for p in sorted(data.glob("*.parquet")))
            key, cached = _LOADED.get(str(data.resolve()), (None, None))
            if key != stamp:
                cached = Prepared(corpus=corpus.resolve(), name=corpus_name(corpus), report_dir=target,
                                  records=read_corpus(data / "records.parquet"),
                                  entities=pd.read_parquet(data / "entities.parquet"),
                                  tags=pd.read_parquet(data / "tags.parquet"),
                                  errors=pd.read_parquet(data / "errors.parquet"),
                                  n_reused=manifest.get("reused", 0), n_annotated=manifest.get("annotated_now", 0),
                                  pseudonymized=manifest.get("pseudonymized", False),
                                  store=Path(manifest["store"]) if manifest.get("store") else None)
                _LOADED.clear()
                _LOADED[str(data.resolve())] = (stamp, cached)
            return replace(cached, report_dir=target, **{name: _own_copy(getattr(cached, name))
                                                         for name in ("records", "entities", "tags", "errors")})
    return prepare(corpus, out_dir)


def _own_copy(frame: pd.DataFrame) -> pd.DataFrame:
    copy = frame.copy(deep=False)
    copy.attrs = deepcopy(frame.attrs)
    return copy
