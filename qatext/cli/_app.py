"""The ``qatext`` command-line application; commands live in sibling modules."""
import contextlib

import typer

app = typer.Typer(
    name="qatext",
    help="Study online medical Q&A: read corpora, annotate them, tag topics and write reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
evaluate_app = typer.Typer(help="Score qatext against a gold JSONL file.", no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")


@contextlib.contextmanager
def output_errors(path):
    """Turn a failure to write ``path`` (a file in the way, no permission, a full disk) into one
    line naming the path and the reason, and exit code 2, instead of a traceback."""
    from qatext.outputs import describe

    try:
        yield
    except OSError as error:
        problem = describe(error, path)
        typer.echo(f"error: {problem.path}: {problem.reason}", err=True)
        raise typer.Exit(2) from None
