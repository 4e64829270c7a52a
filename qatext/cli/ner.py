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
    id_pattern: Optional[str] = typer.Option(
        None, "--ids", help="Score only gold records whose id fully matches this regular expression, e.g. '[qr]\\d*[02468]'."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON records."),
    status_model: bool = typer.Option(
        True, "--status-model/--no-status-model", help="Let the learned status model revise ConText's statuses."),
    boundary_model: bool = typer.Option(
        False, "--boundary-model/--no-boundary-model",
        help="Let the learned boundary model revise the entities' edges (off by default, see its model card)."),
) -> None:
    """Precision, recall and F1 of the NER, strict (same span and label) and overlap, per label and micro.

    When the gold entities carry ``assertion`` (and ``experiencer``), also prints assertion accuracy,
    per-status precision/recall/F1 and experiencer accuracy over the gold entities the system found
    (strict: same span; overlap: shares a character; labels ignored). Missed gold entities are
    counted under coverage and left out of the other assertion scores.
    """
    from qatext.ner.evaluate import evaluate_all
    from qatext.ner.pipeline import load

    try:
        result = evaluate_all(gold, nlp=load(topics=False, status_model=status_model, boundary_model=boundary_model), label_map=_pairs(map_label, "="),
                              merge=_pairs(merge, "="), id_pattern=id_pattern)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from error
    if as_json:
        tables = {"entities": result.entities.to_dict(orient="records")}
        if result.assertion is not None:
            tables["assertion"] = result.assertion.to_dict(orient="records")
        typer.echo(__import__("json").dumps(tables))
        return
    for matching, part in result.entities.groupby("matching", sort=False):
        typer.echo(f"\n{matching} matching")
        typer.echo(part.drop(columns="matching").to_string(index=False))
    if result.assertion is None:
        return
    for matching, part in result.assertion.groupby("matching", sort=False):
        typer.echo(f"\nassertion, {matching} matching (gold entities the system found; labels ignored)")
        for measure, rows in part.groupby("measure", sort=False):
            shown = rows.drop(columns=["matching", "measure"]).dropna(axis=1, how="all")
            typer.echo(f"  {measure}")
            typer.echo("    " + shown.to_string(index=False).replace("\n", "\n    "))
