"""The ``qatext`` command-line application; commands live in sibling modules."""
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
