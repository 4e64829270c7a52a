"""``qatext schema`` and ``qatext info``."""
import typer

from qatext.cli._app import app


@app.command()
def schema() -> None:
    """Print the record schema: one line per DataFrame column."""
    from qatext.schema import describe

    typer.echo(describe())


@app.command()
def info() -> None:
    """Versions of qatext, spaCy and every vocabulary, with their licences."""
    import platform

    import spacy

    import qatext
    from qatext.ner.lexicon import cache_dir, get_lexicon
    from qatext.ner.sources import vocabulary_info

    typer.echo(f"qatext {qatext.__version__}  spaCy {spacy.__version__}  Python {platform.python_version()}")
    typer.echo("\nVocabularies:")
    for vocab in vocabulary_info():
        typer.echo(f"  {vocab.name:38} {vocab.package} {vocab.version} ({vocab.release}); licence: {vocab.licence}")
    lexicon = get_lexicon()
    typer.echo(f"\nLexicon: {len(lexicon.patterns):,} term patterns, {len(lexicon.exact_patterns):,} case-sensitive; "
               f"cache in {cache_dir()}")
