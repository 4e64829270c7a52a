"""Run the whole report: prepare the corpus once, execute every notebook with papermill, write index.html."""
from __future__ import annotations

import contextlib
import os
import threading
import time
from pathlib import Path

from qatext.report import NOTEBOOKS
from qatext.outputs import ensure_dir
from qatext.report.notebooks import read_notebook
from qatext.report.prepare import prepare, report_dir

# The packaged notebooks that take longest, slowest first (measured on data/sample and
# ask-a-doctor, see benchmarks/report_speed.py); other notebooks follow in their given order.
SLOWEST_FIRST = ("03-specialties", "04-reply-patterns")


def build_report(corpus: str | Path = "data/sample", out_dir: str | Path = "reports", *, store: str | Path | None = None,
                 show_names: bool = False,
                 pseudonymize: bool = False, key: str | None = None, notebooks=NOTEBOOKS, progress: bool = True,
                 kernel_name: str = "python3", jobs: int | None = None, log=print) -> Path:
    """Prepare ``corpus``, run ``notebooks`` on it and write ``<out_dir>/<corpus>/index.html``; returns its path.

    The notebooks run in ``jobs`` kernels (default: one per core, at most one per notebook),
    started while the corpus is prepared and each reused for several notebooks (see
    :func:`_execute`); each notebook writes only its own figures and tables, so the output does
    not depend on which kernel runs it or the order they finish in. Annotation goes through the ``qatext annotate`` store chosen by
    :func:`qatext.report.prepare.annotation_store` (``store`` overrides it). Each executed
    notebook is kept in ``<out_dir>/<corpus>/notebooks/``. A failing notebook stops the run with
    papermill's error (which names the cell); figures already written stay, but no
    ``index.html``: it is removed first and written last, so it only exists for a whole report.
    """
    from concurrent.futures import ThreadPoolExecutor

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
    target = report_dir(corpus, out_dir).resolve()
    executed = ensure_dir(target / "notebooks")
    with contextlib.ExitStack() as stack:
        # The kernels start and import the notebooks' modules while the corpus is prepared.
        kernels = [stack.enter_context(_Kernel(kernel_name, cwd=executed))
                   for _ in range(max(1, min(jobs or _usable_cores(), len(books))))]
        steps.set_postfix_str("read and annotate")
        prepared = prepare(corpus, out_dir, store=store, pseudonymize=pseudonymize, key=key)
        timings["prepare"] = time.perf_counter() - start
        steps.update()
        parameters = {"corpus": str(prepared.corpus), "out_dir": str(out_dir.resolve()), "show_names": show_names}
        steps.set_postfix_str("notebooks")
        # The page's own tables are made while the kernels run: this process would only wait.
        page_tables = stack.enter_context(ThreadPoolExecutor(max_workers=1, thread_name_prefix="qatext-index")).submit(
            lambda: (corpus_summary(prepared.records, entities=prepared.entities, errors=prepared.errors),
                     versions_table()))
        for name, seconds in _execute(books, executed, parameters=parameters, kernels=kernels):
            timings[name] = seconds
            steps.update()
        summary, versions = page_tables.result()
    steps.close()
    counts = prepared.counts()
    notes = [f"Annotated now: {prepared.n_annotated:,} records; reused from the annotation store: "
             f"{prepared.n_reused:,} ({prepared.store}).",
             f"Records in: {counts['in']:,} = annotated {counts['annotated']:,} + errors {counts['errors']:,}."]
    if len(prepared.errors):
        notes.append(f"{len(prepared.errors):,} read or annotation errors are listed in data/errors.parquet.")
    index = write_index(target / "index.html", title=f"qatext report: {prepared.name}", summary=summary,
                        sections=read_manifests(target, list(notebooks)), versions=versions,
                        parameters={**parameters, "pseudonymize": pseudonymize, "notebooks": ", ".join(notebooks)},
                        notes=notes)
    total = time.perf_counter() - start
    log(f"records in: {counts['in']:,} = annotated {counts['annotated']:,} + errors {counts['errors']:,}")
    log(f"annotated now: {prepared.n_annotated:,}; reused from the store: {prepared.n_reused:,} ({prepared.store})")
    log(f"wrote {index} in {total:.1f} s (" + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()) + ")")
    return index


def _execute(books: dict, executed: Path, *, parameters: dict, kernels: list["_Kernel"]):
    """Run each notebook with papermill in one of ``kernels``, each kernel running its share of
    the notebooks one after another; yields ``(name, seconds)`` in the notebooks' order. The first
    failing notebook's error is raised once the others stop.

    A kernel is reused across notebooks because starting one and importing pandas, matplotlib,
    seaborn and qatext costs more than most notebooks' own work. Before each notebook the kernel's
    namespace is cleared and its cell counter reset, so each executed notebook reads as if it had
    its own kernel.
    """
    import queue
    from concurrent.futures import ThreadPoolExecutor

    todo: queue.SimpleQueue = queue.SimpleQueue()
    # Longest first, so the last notebook to start is a short one and the kernels finish together.
    for name in sorted(books, key=lambda name: SLOWEST_FIRST.index(name) if name in SLOWEST_FIRST else len(SLOWEST_FIRST)):
        todo.put(name)
    results: dict[str, tuple[float, BaseException | None]] = {}

    def worker(kernel: _Kernel) -> None:
        while True:
            try:
                name = todo.get_nowait()
            except queue.Empty:
                return
            began = time.perf_counter()
            try:
                kernel.run(books[name], executed / f"{name}.ipynb", parameters=parameters)
                results[name] = (time.perf_counter() - began, None)
            except BaseException as error:  # reported in order below; the other kernels go on
                results[name] = (time.perf_counter() - began, error)
                return

    # Threads only wait: the work happens in the kernel processes.
    with ThreadPoolExecutor(max_workers=len(kernels), thread_name_prefix="qatext-notebook") as pool:
        for future in [pool.submit(worker, kernel) for kernel in kernels]:
            future.result()
    for name in books:
        if name not in results:
            continue  # not started: an earlier notebook failed
        seconds, error = results[name]
        if error is not None:
            raise error
        yield name, seconds
    missing = [name for name in books if name not in results]
    if missing:
        raise RuntimeError(f"notebooks not run: {', '.join(missing)}")


def _usable_cores() -> int:
    """Cores this process may run on (in a container ``os.cpu_count()`` is the host's)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class _Kernel:
    """One kernel that runs notebooks one after another through papermill (parameters injected
    as usual, cell timings in the executed notebook's metadata)."""

    # What the notebooks import (their first cell, and qatext.plots and qatext.analysis when they
    # draw and test); loaded as soon as the kernel is up, while the corpus is prepared. The
    # executed notebooks still hold figures as text, not inline PNGs (tests/test_notebooks.py).
    WARM = ("pandas", "qatext.analysis", "qatext.plots", "qatext.report", "seaborn", "scipy.cluster.hierarchy",
            "scipy.stats", "networkx")

    def __init__(self, kernel_name: str, *, cwd: Path):
        from jupyter_client.manager import KernelManager

        self.manager = KernelManager(kernel_name=kernel_name)
        self.cwd = cwd
        self.warming: threading.Thread | None = None

    def __enter__(self) -> "_Kernel":
        self.manager.start_kernel(cwd=str(self.cwd))
        # Waited for in a thread: the kernel imports while the caller prepares the corpus.
        self.warming = threading.Thread(target=self._warm, name="qatext-kernel-warm-up", daemon=True)
        self.warming.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.warming is not None:
            self.warming.join()
        self.manager.shutdown_kernel(now=True)

    def run(self, book, output: Path, *, parameters: dict) -> None:
        import papermill

        self.warming.join()
        self._execute("get_ipython().reset(new_session=True)")  # fresh namespace, cell counter at 1
        papermill.execute_notebook(book, str(output), parameters=parameters, kernel_name=self.manager.kernel_name,
                                   km=self.manager, cwd=str(self.cwd), progress_bar=False, log_output=False)

    def _warm(self) -> None:
        try:
            self._execute(f"import importlib as _i; [_i.import_module(m) for m in {self.WARM!r}]; del _i")
        except Exception:  # only a head start: a module that fails to import fails in the notebook, by cell
            pass

    def _execute(self, code: str) -> None:
        """Run ``code`` silently and wait for it. A client of its own in the calling thread:
        jupyter_client's clients must not move between threads."""
        client = self.manager.client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=120)
            reply = client.execute_interactive(code, silent=True, store_history=False, timeout=300,
                                               output_hook=lambda msg: None)
        finally:
            client.stop_channels()
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"kernel failed on {code!r}: {reply['content'].get('evalue')}")
