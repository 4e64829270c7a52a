"""Run the whole report: prepare the corpus once, execute every notebook with papermill, write index.html."""
from __future__ import annotations

import os
import time
from pathlib import Path

from qatext.report import NOTEBOOKS
from qatext.report.prepare import prepare

REPO_NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def notebooks_dir() -> Path:
    """Where the notebooks live: ``$QATEXT_NOTEBOOKS`` or the repository's ``notebooks/``."""
    return Path(os.environ.get("QATEXT_NOTEBOOKS", REPO_NOTEBOOKS))


def build_report(corpus: str | Path = "data/sample", out_dir: str | Path = "reports", *, show_names: bool = False,
                 pseudonymize: bool = False, key: str | None = None, notebooks=NOTEBOOKS, progress: bool = True,
                 kernel_name: str = "python3", log=print) -> Path:
    """Prepare ``corpus``, run ``notebooks`` on it and write ``<out_dir>/<corpus>/index.html``; returns its path.

    Each executed notebook is kept in ``<out_dir>/<corpus>/notebooks/``. A failing notebook
    stops the run with papermill's error (which names the cell); figures already written stay.
    """
    import papermill
    from tqdm import tqdm

    from qatext.analysis import corpus_summary
    from qatext.report.figures import read_manifests
    from qatext.report.html import versions_table, write_index

    corpus, out_dir = Path(corpus), Path(out_dir)
    if not corpus.exists():
        raise FileNotFoundError(f"{corpus}: no such corpus file or folder")
    source = notebooks_dir()
    missing = [n for n in notebooks if not (source / f"{n}.ipynb").exists()]
    if missing:
        raise FileNotFoundError(f"{source}: notebook(s) {missing} not found (set QATEXT_NOTEBOOKS)")
    timings: dict[str, float] = {}
    steps = tqdm(total=1 + len(notebooks), desc="qatext report", unit="step", disable=not progress)
    start = time.perf_counter()
    steps.set_postfix_str("read and annotate")
    prepared = prepare(corpus, out_dir, pseudonymize=pseudonymize, key=key)
    timings["prepare"] = time.perf_counter() - start
    steps.update()
    target = prepared.report_dir.resolve()
    executed = target / "notebooks"
    executed.mkdir(parents=True, exist_ok=True)
    parameters = {"corpus": str(prepared.corpus), "out_dir": str(out_dir.resolve()), "show_names": show_names}
    for name in notebooks:
        steps.set_postfix_str(name)
        began = time.perf_counter()
        papermill.execute_notebook(str(source / f"{name}.ipynb"), str(executed / f"{name}.ipynb"),
                                   parameters=parameters, kernel_name=kernel_name, cwd=str(source),
                                   progress_bar=False, log_output=False)
        timings[name] = time.perf_counter() - began
        steps.update()
    steps.close()
    summary = corpus_summary(prepared.records, entities=prepared.entities, errors=prepared.errors)
    counts = prepared.counts()
    notes = [f"Annotated now: {prepared.n_annotated:,} records; reused from the cache: {prepared.n_cached:,}.",
             f"Records in: {counts['in']:,} = annotated {counts['annotated']:,} + errors {counts['errors']:,}."]
    if len(prepared.errors):
        notes.append(f"{len(prepared.errors):,} read or annotation errors are listed in data/errors.parquet.")
    index = write_index(target / "index.html", title=f"qatext report: {prepared.name}", summary=summary,
                        sections=read_manifests(target, list(notebooks)), versions=versions_table(),
                        parameters={**parameters, "pseudonymize": pseudonymize, "notebooks": ", ".join(notebooks)},
                        notes=notes)
    total = time.perf_counter() - start
    log(f"records in: {counts['in']:,} = annotated {counts['annotated']:,} + errors {counts['errors']:,}")
    log(f"wrote {index} in {total:.1f} s (" + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()) + ")")
    return index
