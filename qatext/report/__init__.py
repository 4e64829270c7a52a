"""``qatext report``: prepare a corpus, run the notebooks, write ``index.html``.

Notebooks start with :func:`open_notebook`, which loads (or prepares) the corpus's tables and
returns a :class:`~qatext.report.figures.FigureWriter` for their figures.
"""
from __future__ import annotations

from pathlib import Path

from qatext.report.figures import FigureWriter
from qatext.report.prepare import Prepared, corpus_name, load_prepared, prepare, report_dir

NOTEBOOKS = ("01-corpus-overview", "02-symptom-cooccurrence", "03-specialties", "04-reply-patterns")

__all__ = ["NOTEBOOKS", "FigureWriter", "Prepared", "build_report", "corpus_name", "load_prepared",
           "open_notebook", "prepare", "report_dir"]


def open_notebook(corpus: str | Path, out_dir: str | Path, notebook: str) -> tuple[Prepared, FigureWriter]:
    """What every notebook needs first: the prepared corpus and a figure writer for it."""
    prepared = load_prepared(corpus, out_dir)
    return prepared, FigureWriter(prepared.report_dir, notebook)


def build_report(*args, **kwargs):
    """See :func:`qatext.report.run.build_report`."""
    from qatext.report.run import build_report as _build

    return _build(*args, **kwargs)
