"""Which folder ``qatext annotate`` last wrote for a corpus, so ``qatext report`` reuses that store.

One small JSON file per corpus under ``$QATEXT_STORES_DIR``, else ``<cache dir>/stores/``
(``$QATEXT_CACHE_DIR``, else ``~/.cache/qatext``), keyed by the corpus's resolved path(s). Remembering is best effort: a
cache folder that cannot be written costs a later report its reuse, never a run.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Iterable

STORES_ENV = "QATEXT_STORES_DIR"


def _entry(inputs: Iterable[str | Path]) -> tuple[Path, list[str]]:
    from qatext.ner.lexicon import cache_dir

    folder = Path(os.environ.get(STORES_ENV) or cache_dir() / "stores")
    paths = [str(Path(p).resolve()) for p in inputs]
    key = hashlib.sha1("\n".join(paths).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return folder / f"{key}.json", paths


def remember(inputs: Iterable[str | Path], outdir: str | Path) -> None:
    """Record that ``outdir`` holds a finished ``qatext annotate`` run over ``inputs``."""
    from qatext.outputs import write_text

    path, paths = _entry(inputs)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text(path, json.dumps({"inputs": paths, "store": str(Path(outdir).resolve())}) + "\n")
    except OSError:
        pass


def recall(inputs: Iterable[str | Path]) -> Path | None:
    """The store last written for ``inputs``, if it still holds a finished run over them."""
    from qatext.annotate.store import read_manifest

    path, paths = _entry(inputs)
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
        store = Path(entry["store"])
        manifest = read_manifest(store)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if entry.get("inputs") != paths or manifest is None or manifest.get("input", {}).get("paths") != paths:
        return None
    return store
