"""``qatext notebooks``: copy the report's notebooks out of the package, to edit them."""
from pathlib import Path

import typer

from qatext.cli._app import app, output_errors


@app.command()
def notebooks(
    dest: Path = typer.Argument(..., help="Folder to copy the notebooks into (created)."),
    force: bool = typer.Option(False, "--force", help="Overwrite notebooks already in DEST."),
) -> None:
    """Copy the four analysis notebooks into DEST, to open and edit in JupyterLab.

    Set `corpus` and `out_dir` in each notebook's parameters cell, or run your edited copies with
    `QATEXT_NOTEBOOKS=DEST qatext report ...`. Exit code 2 when DEST cannot be written.
    """
    from qatext.report.notebooks import copy_notebooks

    with output_errors(dest):
        try:
            written = copy_notebooks(dest, overwrite=force)
        except FileExistsError as exc:
            typer.echo(f"error: {exc.filename}: already exists (--force overwrites it)", err=True)
            raise typer.Exit(2)
    for path in written:
        typer.echo(f"wrote {path}")
