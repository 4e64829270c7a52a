"""``qatext report``: run the analyses and notebooks and write an HTML report."""
from pathlib import Path
from typing import Optional

import typer

from qatext.cli._app import app, output_errors


@app.command()
def report(
    corpus: Path = typer.Option(Path("data/sample"), "--corpus", help="Corpus file or folder qatext.read_corpus can read."),
    out: Path = typer.Option(Path("reports"), "--out", help="Reports folder; the report goes in OUT/<corpus name>/."),
    store: Optional[Path] = typer.Option(
        None, "--store",
        help="Annotation store (a `qatext annotate -o` folder) to read and update. Default: the folder the last "
             "`qatext annotate` of this corpus wrote, else OUT/<corpus name>/annotations."),
    show_names: bool = typer.Option(False, "--show-names", help="Show real doctor names in per-doctor tables and figures (default: pseudonyms)."),
    pseudonymize: bool = typer.Option(
        False, "--pseudonymize",
        help="Replace asker and doctor names (keyed hash; key from $QATEXT_PSEUDONYM_KEY) and mask e-mails, "
             "phones and URLs before anything is annotated or written (the store is then the report's own)."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1,
                                       help="Kernels running notebooks at once, each running its share in turn (default: one per core)."),
) -> None:
    """Annotate CORPUS (only records the store does not hold yet), run the four analysis notebooks and write OUT/<corpus>/index.html.

    Exit code 2 when an output cannot be written (the message names the path and the reason).
    """
    from qatext.report.run import build_report

    if not corpus.exists():
        raise typer.BadParameter(f"{corpus}: no such file or folder", param_hint="--corpus")
    with output_errors(out):
        build_report(corpus, out, store=store, show_names=show_names, pseudonymize=pseudonymize, progress=progress,
                     jobs=jobs, log=typer.echo)
