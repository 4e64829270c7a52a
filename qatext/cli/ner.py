"""``qatext evaluate ner``."""
from pathlib import Path
from typing import List, Optional

import typer

from qatext.cli._app import evaluate_app


def _pairs(values: Optional[List[str]], sep: str) -> dict[str, str]:
    out = {}
    for value in values or []:
        if sep not in value:
            raise typer.BadParameter(f"expected FROM{sep}TO, got {value!r}")
        source, target = value.split(sep, 1)
        out[source.strip()] = target.strip()
    return out


@evaluate_app.command("ner")
def evaluate_ner(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="Gold JSONL: {text, entities: [{start, end, label}]}."),
    map_label: Optional[List[str]] = typer.Option(None, "--map", help="Rename a gold label, e.g. --map ADR=SYMPTOM."),
    merge: Optional[List[str]] = typer.Option(
        None, "--merge", help="Score two labels as one class in gold and predictions, e.g. --merge DISEASE=SYMPTOM."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON records."),
) -> None:
    """Precision, recall and F1 of the NER, strict (same span and label) and overlap, per label and micro."""
    from qatext.ner.evaluate import evaluate

    table = evaluate(gold, label_map=_pairs(map_label, "="), merge=_pairs(merge, "="))
    if as_json:
        typer.echo(table.to_json(orient="records"))
        return
    for matching, part in table.groupby("matching", sort=False):
        typer.echo(f"\n{matching} matching")
        typer.echo(part.drop(columns="matching").to_string(index=False))
