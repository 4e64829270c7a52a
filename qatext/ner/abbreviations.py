"""Abbreviations defined in the text ("amyotrophic lateral sclerosis (ALS)"), Schwartz & Hearst (2003).

The candidate filtering and the long-form search are scispacy's; this component stores
plain, serialisable definitions so docs survive ``to_bytes`` and multiprocessing, and the
NER can give every later "ALS" the long form's concept.
"""
from __future__ import annotations

from scispacy.abbreviation import filter_matches, find_abbreviation
from spacy.language import Language
from spacy.tokens import Doc

from qatext.ner import extensions


class AbbreviationDefinitions:
    """Sets ``doc._.abbreviation_definitions``: dicts of short, long, long_start, long_end, occurrences."""

    def __init__(self, nlp: Language, name: str = "qatext_abbreviations"):
        extensions.register()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if "(" not in doc.text:
            return doc
        candidates = []
        depth_start = None
        for token in doc:
            if token.text == "(":
                depth_start = token.i
            elif token.text == ")" and depth_start is not None:
                if 1 <= token.i - depth_start - 1 <= 8:
                    candidates.append((0, depth_start + 1, token.i))
                depth_start = None
        definitions = []
        seen_short: set[str] = set()
        for long_candidate, short_candidate in filter_matches(candidates, doc):
            short, long = find_abbreviation(long_candidate, short_candidate)
            if long is None or short.text in seen_short:
                continue
            seen_short.add(short.text)
            definitions.append({"short": short.text, "long": long.text, "long_start": long.start,
                                "long_end": long.end, "occurrences": []})
        if definitions:
            by_text = {d["short"]: d for d in definitions}
            for token in doc:
                definition = by_text.get(token.text)
                if definition is not None:
                    definition["occurrences"].append((token.i, token.i + 1))
            doc._.abbreviation_definitions = definitions
        return doc
