"""``qatext ingest`` and ``qatext validate``: read a corpus, write it in the schema, check it."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from qatext.cli._app import app

_FORMAT_HELP = ("Input format; detected from PATH when omitted. One of: pages, medquad, ask-a-doctor, "
                "covid-dialogue, jsonl, csv, parquet.")


@app.command()
def ingest(
    path: Path = typer.Argument(..., exists=True, help="Corpus file or folder (seed-layout pages, MedQuAD, "
                                "ask-a-doctor JSON, COVID-Dialogue, or JSONL/CSV/Parquet in the schema)."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write; .parquet, .jsonl or .csv."),
    format: Optional[str] = typer.Option(None, "--format", "-f", help=_FORMAT_HELP),
    strict: bool = typer.Option(False, "--strict", help="Stop at the first unreadable file instead of reporting it."),
) -> None:
    """Read any supported corpus and write it as one table in the qatext schema.

    Prints the rows read, how many carry data-quality flags, and the files that could not be read (with the reason). Exit code 1 when nothing could be read.
    """
    import warnings

    from qatext.corpus import ReadError, ReadWarning, read_corpus, write_corpus

    if output.suffix.lower() not in (".parquet", ".pq", ".jsonl", ".ndjson", ".csv"):
        raise typer.BadParameter(f"cannot tell the output format from {output.name!r}; use .parquet, .jsonl or .csv",
                                 param_hint="--output")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReadWarning)  # reported below, once, in a summary
        try:
            df = read_corpus(path, format, errors="raise" if strict else "collect")
        except ReadError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--format")
    write_corpus(df, output)
    errors = df.attrs.get("errors", [])
    flagged = int(df["flags"].map(bool).sum()) if len(df) else 0
    typer.echo(f"rows read:         {len(df)}")
    typer.echo(f"rows with flags:   {flagged}")
    typer.echo(f"files with errors: {len({e['path'] for e in errors})}")
    for entry in errors[:20]:
        where = entry["path"] if entry["record"] is None else f"{entry['path']} [{entry['record']}]"
        typer.echo(f"  {where}: {entry['reason']}")
    if len(errors) > 20:
        typer.echo(f"  ... and {len(errors) - 20} more")
    typer.echo(f"wrote {output}")
    if len(df) == 0:
        raise typer.Exit(1)


@app.command()
def validate(
    path: Path = typer.Argument(..., exists=True, help="Corpus file or folder, any supported format."),
    format: Optional[str] = typer.Option(None, "--format", "-f", help=_FORMAT_HELP),
) -> None:
    """Check a corpus without annotating it.

    Reports unreadable files, missing or duplicate record ids, flag counts and duplicate records (same question and answer text). Exit code 1 when files are unreadable or ids are bad.
    """
    import warnings
    from collections import Counter

    from qatext.corpus import ReadWarning, read_corpus
    from qatext.corpus.flags import FLAGS

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReadWarning)
        df = read_corpus(path, format)
    errors = df.attrs.get("errors", [])
    problems = len(errors)
    typer.echo(f"rows: {len(df)}    unreadable files/records: {problems}")
    for entry in errors[:20]:
        typer.echo(f"  {entry['path']}: {entry['reason']}")
    bad_ids = int(df["record_id"].isna().sum() + df["record_id"].duplicated().sum())
    if bad_ids:
        typer.echo(f"missing or duplicate record_id: {bad_ids}")
        problems += bad_ids
    counts = Counter(flag for flags in df["flags"] for flag in flags)
    if counts:
        typer.echo("flags:")
        for flag, n in counts.most_common():
            typer.echo(f"  {flag:24} {n:7}  {FLAGS.get(flag, '(undocumented flag)')}")
    content = df["question"].fillna("").astype(str) + "\x1f" + df["answer"].fillna("").astype(str)
    duplicated = content.duplicated(keep=False) & (content != "\x1f")
    groups = content[duplicated].nunique()
    typer.echo(f"duplicate records (same question and answer): {int(duplicated.sum())} rows in {groups} groups")
    if problems:
        raise typer.Exit(1)
