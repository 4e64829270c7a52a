"""qatext: study online medical Q&A offline.

Top-level names are imported lazily so that ``import qatext`` and ``qatext --help`` stay fast.
"""
from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("qatext")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

_EXPORTS = {
    "Record": "qatext.schema",
    "COLUMNS": "qatext.schema",
    "parse_page": "qatext.corpus.page",
    "read_corpus": "qatext.corpus",
    "iter_corpus": "qatext.corpus",
    "load": "qatext.ner.pipeline",
    "tag": "qatext.topics",
    "annotate": "qatext.annotate",  # the package is callable: qatext.annotate(corpus, outdir)
}

__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'qatext' has no attribute {name!r}")
    return getattr(import_module(module), name)


def __dir__():
    return sorted(__all__)
