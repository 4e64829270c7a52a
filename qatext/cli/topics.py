"""``qatext evaluate topics GOLD.jsonl``: score specialty / intent tagging against gold labels."""
from pathlib import Path

import typer

from qatext.cli._app import evaluate_app


@evaluate_app.command("topics")
def evaluate_topics(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True,
                                help='JSONL with {"text", "specialty"} and/or {"text", "intent"} per line.'),
    as_json: bool = typer.Option(False, "--json", help="Print the full report as JSON."),
    words_only: bool = typer.Option(False, "--words-only",
                                    help="Skip the NER: tag with words and question form only (faster)."),
) -> None:
    """Accuracy, macro-F1 and confusion matrix of specialty and/or intent against GOLD."""
    import json

    from qatext.topics.evaluate import evaluate_frame, format_report, read_gold

    try:
        frame = read_gold(gold)
    except ValueError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=2)
    nlp = None
    if words_only:
        import spacy

        nlp = spacy.blank("en")
        nlp.add_pipe("qatext_topics")
    result = evaluate_frame(frame, nlp=nlp)
    if as_json:
        typer.echo(json.dumps(result, indent=1))
        return
    for field, report in result.items():
        typer.echo(format_report(report, title=f"{field} ({gold.name})"))
        typer.echo("")
