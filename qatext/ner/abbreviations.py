"""Abbreviations defined in the text ("amyotrophic lateral sclerosis (ALS)"), Schwartz & Hearst (2003).

The search is :mod:`qatext.ner.schwartz_hearst`, or scispacy's implementation when the
``scispacy`` extra is installed (both give the same pairs). This component stores plain,
serialisable definitions so docs survive ``to_bytes`` and multiprocessing, and the NER can
give every later "ALS" the long form's concept.
"""
from __future__ import annotations

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from qatext.ner import extensions, schwartz_hearst
from qatext.ner.batching import BatchedPipe
from qatext.ner.context_positions import positions_of

try:
    from scispacy.abbreviation import filter_matches, find_abbreviation
except ImportError:  # the scispacy extra is optional
    filter_matches = find_abbreviation = None


def find_definitions(doc: Doc, *, use_scispacy: bool | None = None) -> list[tuple[Span, Span]]:
    """(short, long) definitions in ``doc``; scispacy's search when installed unless told otherwise."""
    if use_scispacy is None:
        use_scispacy = filter_matches is not None
    if not use_scispacy:
        return schwartz_hearst.find_definitions(doc)
    if filter_matches is None:
        raise ImportError("use_scispacy=True needs the scispacy extra: pip install 'qatext[scispacy]'")
    parentheses = [(0, start, end) for start, end in schwartz_hearst.parenthesised(doc)]
    found = []
    for long_candidate, short_candidate in filter_matches(parentheses, doc):
        short, long = find_abbreviation(long_candidate, short_candidate)
        if long is not None:
            found.append((short, long))
    return found


class AbbreviationDefinitions(BatchedPipe):
    """Sets ``doc._.abbreviation_definitions``: dicts of short, long, long_start, long_end, occurrences."""

    def __init__(self, nlp: Language, name: str = "qatext_abbreviations"):
        extensions.register()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        definitions = []
        seen_short: set[str] = set()
        for short, long in find_definitions(doc):
            if short.text in seen_short:
                continue
            seen_short.add(short.text)
            definitions.append({"short": short.text, "long": long.text, "long_start": long.start,
                                "long_end": long.end, "occurrences": []})
        if definitions:
            # each short form's tokens, found in the token ids at C speed (a Token object per token cost more)
            # (the store's id of a text, not its hash: a few texts, "LOC", "ADP", are spaCy's fixed symbols)
            orths, strings = doc.to_array(ORTH).tolist(), doc.vocab.strings
            for definition in definitions:
                definition["occurrences"] = [(i, i + 1) for i in positions_of(orths, strings[definition["short"]])]
            doc._.abbreviation_definitions = definitions
        return doc
