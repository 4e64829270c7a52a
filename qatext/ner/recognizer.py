"""Lexicon-based medical entity recognition: fast phrase matching plus a few span rules."""
from __future__ import annotations

from typing import Iterable

from spacy.language import Language
from spacy.attrs import NORM, ORTH
from spacy.strings import hash_string
from spacy.tokens import Doc, Span

from qatext.ner import extensions, normalize
from qatext.ner.lexicon import Lexicon, get_lexicon

SOURCE_PRIORITY = {"curated": 0, "abbreviation": 1, "mesh": 2, "hpo": 3, "drugs": 4, "icd10cm": 5}
# Words that qualify how a symptom is felt; annotators of patient language (PsyTAR, CADEC)
# keep them inside the span ("extreme weight gain").
SEVERITY = frozenset(
    "severe extreme mild bad terrible horrible awful constant intense slight sharp dull chronic persistent "
    "excessive massive huge major minor frequent sudden serious significant heavy increased decreased "
    "worsening recurrent occasional continuous crazy horrendous unbearable debilitating profound".split()
)
SEVERITY_MODES = ("first_person", "always", "never")
FIRST_PERSON = frozenset(hash_string(w) for w in ("i", "me", "my", "myself", "im", "i'm", "mine"))
SIDE_WORDS = frozenset("left right upper lower both inner outer back front middle bottom top lateral".split())
LOCATION_PREPOSITIONS = frozenset("in on of around behind under near across along".split())
POSSESSIVES = frozenset("my his her their our your the both".split())
COMPOSABLE_SYMPTOMS = frozenset(
    "pain ache aches aching soreness sore swelling swollen numbness tingling itching itch itchiness cramp cramps "
    "cramping stiffness weakness burning tenderness bruising rash redness lump spasm spasms twitching throbbing "
    "discomfort pressure tightness bleeding discharge sensitivity".split()
)


class MedicalEntityRecognizer:
    """Sets ``doc.ents`` from the qatext lexicon; ``ent._.concept_id`` comes from the span's kb_id."""

    def __init__(self, nlp: Language, name: str = "qatext_ner", *, include_severity: str = "first_person",
                 compose_locations: bool = True, overwrite_ents: bool = True):
        extensions.register()
        self.name = name
        if include_severity not in SEVERITY_MODES:
            raise ValueError(f"include_severity must be one of {SEVERITY_MODES}, not {include_severity!r}")
        self.include_severity = include_severity
        self.compose_locations = compose_locations
        self.overwrite_ents = overwrite_ents
        self.lexicon: Lexicon = get_lexicon()
        normalize.install(nlp.vocab, normalize.TokenNormalizer(self.lexicon.spelling, self.lexicon.known_tokens))
        self._norm_index = _LengthIndex(self.lexicon.patterns)
        self._exact_index = _LengthIndex(self.lexicon.exact_patterns)

    def __call__(self, doc: Doc) -> Doc:
        norms = doc.to_array(NORM).tolist()
        candidates = self._norm_index.find(norms, self.lexicon.patterns)
        if self.lexicon.exact_patterns:
            candidates += self._exact_index.find(doc.to_array(ORTH).tolist(), self.lexicon.exact_patterns)
        spans = self._select(candidates)
        spans = self._add_defined_abbreviations(doc, spans)
        if self.compose_locations:
            spans = self._compose_locations(doc, spans)
        if self.include_severity == "always" or (
            self.include_severity == "first_person" and not FIRST_PERSON.isdisjoint(norms)
        ):
            spans = [self._with_severity(doc, span) for span in spans]
        ents = [Span(doc, start, end, label=label, kb_id=concept) for start, end, label, concept in spans]
        if self.overwrite_ents or not doc.ents:
            doc.ents = ents
        else:
            doc.ents = _merge_keeping(doc.ents, ents)
        self._set_expansions(doc)
        return doc

    def _set_expansions(self, doc: Doc) -> None:
        defined = {d["short"]: d["long"] for d in doc._.abbreviation_definitions or []}
        expansions = self.lexicon.expansions
        for ent in doc.ents:
            if len(ent) <= 2:
                long_form = defined.get(ent.text) or expansions.get(ent.text) or expansions.get(ent.text.lower())
                if long_form and long_form.lower() != ent.text.lower():
                    ent._.expanded = long_form

    @staticmethod
    def _select(candidates: list) -> list[tuple[int, int, str, str]]:
        """Longest match wins; among equal spans, the most trusted source."""
        candidates.sort(key=lambda c: (-(c[1] - c[0]), SOURCE_PRIORITY[c[2][2]], c[0]))
        taken: set[int] = set()
        chosen = []
        for start, end, (label, concept, _source) in candidates:
            if any(i in taken for i in range(start, end)):
                continue
            taken.update(range(start, end))
            chosen.append((start, end, label, concept))
        chosen.sort()
        return chosen

    def _add_defined_abbreviations(self, doc: Doc, spans: list) -> list:
        """A short form defined in the text ("... sclerosis (ALS)") takes its long form's concept everywhere."""
        definitions = doc._.abbreviation_definitions or []
        if not definitions:
            return spans
        by_range = {(s, e): (label, concept) for s, e, label, concept in spans}
        taken = {i for s, e, *_ in spans for i in range(s, e)}
        added = []
        for definition in definitions:
            long_start, long_end = definition["long_start"], definition["long_end"]
            concept = by_range.get((long_start, long_end)) or self._lookup_inside(spans, long_start, long_end)
            if concept is None:
                continue
            for start, end in definition["occurrences"]:
                if not any(i in taken for i in range(start, end)):
                    taken.update(range(start, end))
                    added.append((start, end, *concept))
                elif (start, end) in by_range and by_range[(start, end)] != concept:
                    spans = [(s, e, *concept) if (s, e) == (start, end) else (s, e, lab, c) for s, e, lab, c in spans]
        return sorted(spans + added)

    @staticmethod
    def _lookup_inside(spans: list, start: int, end: int):
        inside = [(e - s, label, concept) for s, e, label, concept in spans if s >= start and e <= end]
        if inside:
            _length, label, concept = max(inside)
            if _length >= (end - start) - 1:
                return label, concept
        return None

    def _compose_locations(self, doc: Doc, spans: list) -> list:
        """"pain in my left knee" and "left knee pain" become one SYMPTOM span."""
        out: list = []
        i = 0
        while i < len(spans):
            start, end, label, concept = spans[i]
            if label == "ANATOMY":
                start = _extend_left(doc, start, SIDE_WORDS)
                nxt = spans[i + 1] if i + 1 < len(spans) else None
                if nxt and nxt[2] == "SYMPTOM" and nxt[0] == end and doc[nxt[0]].norm_ in COMPOSABLE_SYMPTOMS:
                    out.append((start, nxt[1], "SYMPTOM", nxt[3]))
                    i += 2
                    continue
                out.append((start, end, label, concept))
                i += 1
                continue
            if label == "SYMPTOM" and doc[end - 1].norm_ in COMPOSABLE_SYMPTOMS and i + 1 < len(spans):
                nxt = spans[i + 1]
                gap = [t.lower_ for t in doc[end:nxt[0]]]
                if nxt[2] == "ANATOMY" and _is_location_gap(gap):
                    out.append((start, nxt[1], "SYMPTOM", concept))
                    i += 2
                    continue
            out.append((start, end, label, concept))
            i += 1
        return out

    def _with_severity(self, doc: Doc, span: tuple) -> tuple:
        start, end, label, concept = span
        if label != "SYMPTOM":
            return span
        return (_extend_left(doc, start, SEVERITY), end, label, concept)


def _extend_left(doc: Doc, start: int, words: frozenset) -> int:
    while start > 0 and doc[start - 1].lower_ in words and not doc[start - 1].ent_type:
        start -= 1
    return start


def _is_location_gap(gap: list[str]) -> bool:
    if not gap or len(gap) > 4 or gap[0] not in LOCATION_PREPOSITIONS:
        return False
    return all(word in POSSESSIVES or word in SIDE_WORDS for word in gap[1:])


def _merge_keeping(existing: Iterable[Span], new: list[Span]) -> list[Span]:
    taken = {i for ent in existing for i in range(ent.start, ent.end)}
    return sorted([*existing, *(e for e in new if not any(i in taken for i in range(e.start, e.end)))], key=lambda e: e.start)


class _LengthIndex:
    """For each first-token hash, the pattern lengths that start with it, longest first.

    Matching walks the token hashes once in Python; only tokens that can start a term try
    dictionary look-ups, which is faster and far lighter than a PhraseMatcher over 100k terms.
    """

    def __init__(self, patterns: dict[tuple[int, ...], tuple]):
        lengths: dict[int, set[int]] = {}
        for key in patterns:
            lengths.setdefault(key[0], set()).add(len(key))
        self.lengths = {first: sorted(values, reverse=True) for first, values in lengths.items()}

    def find(self, hashes: list[int], patterns: dict) -> list:
        lengths = self.lengths
        found = []
        n = len(hashes)
        for i, first in enumerate(hashes):
            options = lengths.get(first)
            if options is None:
                continue
            for length in options:
                if i + length <= n:
                    entry = patterns.get(tuple(hashes[i:i + length]))
                    if entry is not None:
                        found.append((i, i + length, entry))
                        break
        return found
