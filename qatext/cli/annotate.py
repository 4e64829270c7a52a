"""``qatext annotate``: a corpus of any size into partitioned Parquet tables."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from qatext.cli._app import app, output_errors


@app.command()
def annotate(
    inputs: List[Path] = typer.Argument(..., exists=True, help="Corpus files or folders, any format qatext reads "
                                        "(several are annotated as one corpus, in the order given)."),
    output: Path = typer.Option(..., "--output", "-o", help="Output folder (created; re-use it to resume or update)."),
    n_process: int = typer.Option(1, "--n-process", "-n", min=1, help="Worker processes (local) or local Dask workers."),
    batch_size: int = typer.Option(256, "--batch-size", "-b", min=1, help="Texts per nlp.pipe batch."),
    engine: str = typer.Option("local", "--engine", help="local (this machine) or dask (a Dask cluster)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address, e.g. tcp://host:8786 "
                                            "(default: a LocalCluster with --n-process workers)."),
    chunksize: int = typer.Option(5_000, "--chunksize", min=1, help="Records per partition (one unit of commit and resume)."),
    format: Optional[str] = typer.Option(None, "--format", "-f", help="Input format; detected when omitted."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar; only the final counts."),
) -> None:
    """Annotate every record: entities, specialty/intent tags and errors, as Parquet tables plus manifest.json.

    Interrupted runs resume where they stopped; re-running on a changed corpus re-annotates only the changed records. Records the pipeline fails on and unreadable files are counted here and listed in OUTDIR/errors. Exit code 1 when no record could be annotated, 2 when the run stopped (re-run to resume) or OUTDIR cannot be written.
    """
    from qatext.annotate.run import AnnotateError, annotate as run

    if engine not in ("local", "dask"):
        raise typer.BadParameter(f"unknown engine {engine!r}; choose local or dask", param_hint="--engine")
    if scheduler and engine != "dask":
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    try:
        with output_errors(output):
            manifest = run(inputs, output, n_process=n_process, batch_size=batch_size, engine=engine,
                           scheduler=scheduler, chunksize=chunksize, format=format, quiet=quiet)
    except (AnnotateError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    counts, timings = manifest["counts"], manifest["timings"]
    typer.echo(f"records in:   {counts['records_in']}  =  annotated {counts['annotated']}  +  failed {counts['failed']}")
    typer.echo(f"unreadable:   {counts['read_errors']} files/records (see errors table, stage 'read')")
    typer.echo(f"entities:     {counts['entities']}    tags: {counts['tags']}")
    typer.echo(f"partitions:   {counts['partitions']} ({counts['partitions_skipped']} already done); records annotated "
               f"now {counts['records_annotated_now']}, reused {counts['records_reused']}")
    typer.echo(f"time:         {timings['seconds']['total']:.1f} s, {timings['records_per_second']:.0f} records/s, "
               f"{timings['words_per_second']:.0f} words/s")
    typer.echo(f"wrote {output}")
    if counts["annotated"] == 0:
        raise typer.Exit(1)
