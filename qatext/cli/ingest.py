"""``qatext ingest`` and ``qatext validate``: read a corpus, write it in the schema, check it."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from qatext.cli._app import app, output_errors

_FORMAT_HELP = ("Input format; detected from PATH when omitted. One of: pages, medquad, ask-a-doctor, "
                "covid-dialogue, jsonl, csv, parquet.")


@app.command()
def ingest(
    path: Path = typer.Argument(..., exists=True, help="Corpus file or folder (seed-layout pages, MedQuAD, "
                                "ask-a-doctor JSON, COVID-Dialogue, or JSONL/CSV/Parquet in the schema)."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write; .parquet, .jsonl or .csv."),
    format: Optional[str] = typer.Option(None, "--format", "-f", help=_FORMAT_HELP),
    strict: bool = typer.Option(False, "--strict", help="Stop at the first unreadable file instead of reporting it."),
    drop_duplicates: bool = typer.Option(False, "--drop-duplicates",
                                         help="Keep one record per question+answer text (repeats are flagged "
                                              "'duplicate_record' and kept by default)."),
) -> None:
    """Read any supported corpus and write it as one table in the qatext schema.

    Prints the rows read, how many carry data-quality flags, and the files that could not be read (with the reason). Exit code 1 when nothing could be read, 2 when OUTPUT cannot be written.
    """
    import warnings

    from qatext.corpus import ReadError, ReadWarning, read_corpus, write_corpus

    if output.suffix.lower() not in (".parquet", ".pq", ".jsonl", ".ndjson", ".csv"):
        raise typer.BadParameter(f"cannot tell the output format from {output.name!r}; use .parquet, .jsonl or .csv",
                                 param_hint="--output")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReadWarning)  # reported below, once, in a summary
        try:
            df = read_corpus(path, format, errors="raise" if strict else "collect", drop_duplicates=drop_duplicates)
        except ReadError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--format")
    with output_errors(output):
        write_corpus(df, output)
    errors = df.attrs.get("errors", [])
    flagged = int(df["flags"].map(bool).sum()) if len(df) else 0
    typer.echo(f"rows read:         {len(df)}")
    typer.echo(f"rows with flags:   {flagged}")
    typer.echo(f"files with errors: {len({e['path'] for e in errors})}")
    typer.echo(f"unreadable records/files: {len(errors)}")
    if drop_duplicates:
        typer.echo(f"duplicates dropped: {len(df.attrs.get('dropped_duplicates', []))}")
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
    show: int = typer.Option(20, "--show", help="How many unreadable files/records to list."),
) -> None:
    """Check a corpus without annotating it.

    Reports records read, unreadable files and records (with the reason), duplicate records
    (same question and answer text), non-English records, record-id problems and every
    data-quality flag with its meaning. Exit code 1 only when some input could not be read.
    """
    import warnings

    from qatext.corpus import ReadWarning, read_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReadWarning)
        try:
            df = read_corpus(path, format)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--format")
    for line in validation_report(df, show=show):
        typer.echo(line)
    if df.attrs.get("errors"):
        raise typer.Exit(1)


def validation_report(df, *, show: int = 20) -> list[str]:
    """The lines ``qatext validate`` prints for a frame read by :func:`qatext.read_corpus`."""
    from collections import Counter

    from qatext.corpus.flags import FLAGS

    errors = df.attrs.get("errors", [])
    flags = Counter(flag for row_flags in df["flags"] for flag in row_flags)
    duplicates = flags.get("duplicate_record", 0)
    originals = len({extra.get("duplicate_of") for row_flags, extra in zip(df["flags"], df["extra"])
                     if "duplicate_record" in row_flags})
    ids = df["record_id"]
    missing_ids = int(ids.isna().sum())
    repeated_ids = int(ids.dropna().duplicated().sum())
    lines = [
        f"rows: {len(df)} read, {len(errors)} unreadable files/records"
        + (f" in {len({e['path'] for e in errors})} files" if errors else "")
        + " (every input record is one or the other)",
        f"duplicate records:   {duplicates} repeat an earlier record's question and answer"
        + (f" ({originals} distinct originals)" if duplicates else ""),
        f"non-English records: {flags.get('non_english', 0)}",
        f"records with flags:  {int(df['flags'].map(bool).sum()) if len(df) else 0}",
        f"record ids:          "
        + ("all present and unique" if not (missing_ids or repeated_ids)
           else f"{missing_ids} missing, {repeated_ids} repeated"),
    ]
    if errors:
        lines.append("unreadable:")
        for entry in errors[:show]:
            where = entry["path"] if entry["record"] is None else f"{entry['path']} [record {entry['record']}]"
            lines.append(f"  {where}: {entry['reason']}")
        if len(errors) > show:
            lines.append(f"  ... and {len(errors) - show} more (--show N lists more)")
    if flags:
        lines.append("flags:")
        for flag, n in flags.most_common():
            lines.append(f"  {flag:24} {n:7}  {FLAGS.get(flag, '(undocumented flag)')}")
    return lines
