"""Run the whole report: prepare the corpus once, execute every notebook with papermill, write index.html."""
from __future__ import annotations

import time
from pathlib import Path

from qatext.report import NOTEBOOKS
from qatext.outputs import ensure_dir
from qatext.report.notebooks import read_notebook
from qatext.report.prepare import prepare, report_dir

def build_report(corpus: str | Path = "data/sample", out_dir: str | Path = "reports", *, store: str | Path | None = None,
                 show_names: bool = False,
                 pseudonymize: bool = False, key: str | None = None, notebooks=NOTEBOOKS, progress: bool = True,
                 kernel_name: str = "python3", jobs: int | None = None, log=print) -> Path:
    """Prepare ``corpus``, run ``notebooks`` on it and write ``<out_dir>/<corpus>/index.html``; returns its path.

    The notebooks run in ``jobs`` kernels at a time (default: one per core, at most one per
    notebook); each writes only its own figures and tables, so the output does not depend on
    the order they finish in. Annotation goes through the ``qatext annotate`` store chosen by
    :func:`qatext.report.prepare.annotation_store` (``store`` overrides it). Each executed
    notebook is kept in ``<out_dir>/<corpus>/notebooks/``. A failing notebook stops the run with
    papermill's error (which names the cell); figures already written stay, but no
    ``index.html``: it is removed first and written last, so it only exists for a whole report.
    """
    from tqdm import tqdm

    from qatext.analysis import corpus_summary
    from qatext.report.figures import read_manifests
    from qatext.report.html import versions_table, write_index

    corpus, out_dir = Path(corpus), Path(out_dir)
    if not corpus.exists():
        raise FileNotFoundError(f"{corpus}: no such corpus file or folder")
    books = {name: read_notebook(name) for name in notebooks}
    ensure_dir(report_dir(corpus, out_dir))
    (report_dir(corpus, out_dir) / "index.html").unlink(missing_ok=True)
    timings: dict[str, float] = {}
    steps = tqdm(total=1 + len(notebooks), desc="qatext report", unit="step", disable=not progress)
    start = time.perf_counter()
    steps.set_postfix_str("read and annotate")
    prepared = prepare(corpus, out_dir, store=store, pseudonymize=pseudonymize, key=key)
    timings["prepare"] = time.perf_counter() - start
    steps.update()
    target = prepared.report_dir.resolve()
    executed = ensure_dir(target / "notebooks")
    parameters = {"corpus": str(prepared.corpus), "out_dir": str(out_dir.resolve()), "show_names": show_names}
    steps.set_postfix_str("notebooks")
    for name, seconds in _execute(books, executed, parameters=parameters, kernel_name=kernel_name, jobs=jobs):
        timings[name] = seconds
        steps.update()
    steps.close()
    summary = corpus_summary(prepared.records, entities=prepared.entities, errors=prepared.errors)
    counts = prepared.counts()
    notes = [f"Annotated now: {prepared.n_annotated:,} records; reused from the annotation store: "
             f"{prepared.n_reused:,} ({prepared.store}).",
             f"Records in: {counts['in']:,} = annotated {counts['annotated']:,} + errors {counts['errors']:,}."]
    if len(prepared.errors):
        notes.append(f"{len(prepared.errors):,} read or annotation errors are listed in data/errors.parquet.")
    index = write_index(target / "index.html", title=f"qatext report: {prepared.name}", summary=summary,
                        sections=read_manifests(target, list(notebooks)), versions=versions_table(),
                        parameters={**parameters, "pseudonymize": pseudonymize, "notebooks": ", ".join(notebooks)},
                        notes=notes)
    total = time.perf_counter() - start
    log(f"records in: {counts['in']:,} = annotated {counts['annotated']:,} + errors {counts['errors']:,}")
    log(f"annotated now: {prepared.n_annotated:,}; reused from the store: {prepared.n_reused:,} ({prepared.store})")
    log(f"wrote {index} in {total:.1f} s (" + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()) + ")")
    return index


def _execute(books: dict, executed: Path, *, parameters: dict, kernel_name: str, jobs: int | None):
    """Run each notebook with papermill, ``jobs`` at a time; yields ``(name, seconds)`` in the
    notebooks' order. The first failing notebook's error is raised once the others stop."""
    import os
    from concurrent.futures import ThreadPoolExecutor

    import papermill

    def run(name: str) -> tuple[str, float]:
        began = time.perf_counter()
        papermill.execute_notebook(books[name], str(executed / f"{name}.ipynb"), parameters=parameters,
                                   kernel_name=kernel_name, cwd=str(executed), progress_bar=False, log_output=False)
        return name, time.perf_counter() - began

    jobs = jobs or min(len(books), len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    if jobs <= 1 or len(books) <= 1:
        for name in books:
            yield run(name)
        return
    # Threads only wait: every notebook runs in its own kernel process.
    with ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="qatext-notebook") as pool:
        yield from pool.map(run, books)
