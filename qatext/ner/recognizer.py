"""Lexicon-based medical entity recognition: fast phrase matching plus a few span rules."""
from __future__ import annotations

from typing import Iterable

from spacy.language import Language
from spacy.attrs import NORM, ORTH
from spacy.strings import hash_string
from spacy.tokens import Doc, Span

from qatext.ner import extensions, normalize, span_rules
from qatext.ner.lexicon import Lexicon, get_lexicon

SOURCE_PRIORITY = {"curated": 0, "abbreviation": 1, "mesh": 2, "hpo": 3, "drugs": 4, "icd10cm": 5}
SEVERITY_MODES = ("first_person", "always", "never")
WEIGHT_UNIT_HASHES = frozenset(hash_string(w) for w in span_rules.WEIGHT_UNITS)
FIRST_PERSON = frozenset(hash_string(w) for w in ("i", "me", "my", "myself", "im", "i'm", "mine"))
# Words of clinical and scientific reporting; without first-person words they mark a text
# that is not someone telling of their own experience.
REPORTING = frozenset(hash_string(w) for w in (
    "patient", "study", "we", "case", "subject", "participant", "significantly", "incidence", "randomized",
    "trial", "cohort", "associated", "prevalence", "compared", "versus", "administered", "induced", "group",
))


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
        spans = span_rules.trim_leading_determiners(doc, spans)
        spans = span_rules.drop_ambiguous_anatomy(doc, spans)
        spans = span_rules.extend_anatomy_sides(doc, spans)
        if self.compose_locations:
            spans = span_rules.compose_symptoms(doc, spans)
            spans = span_rules.add_body_predicates(doc, spans, lookup=self.lexicon.terms.get)
            spans = span_rules.add_test_heads(doc, spans)
            spans = span_rules.compose_tests(doc, spans)
        spans = span_rules.add_clinical_modifiers(doc, spans)
        if any(h in WEIGHT_UNIT_HASHES for h in norms):
            spans = span_rules.add_weight_changes(doc, spans)
        if self.include_severity == "always" or (self.include_severity == "first_person" and _is_lay(norms)):
            spans = span_rules.add_severity(doc, spans)
        spans = span_rules.add_drug_forms(doc, spans)
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

def _merge_keeping(existing: Iterable[Span], new: list[Span]) -> list[Span]:
    taken = {i for ent in existing for i in range(ent.start, ent.end)}
    return sorted([*existing, *(e for e in new if not any(i in taken for i in range(e.start, e.end)))], key=lambda e: e.start)


def _is_lay(norms: list[int]) -> bool:
    present = set(norms)
    return not present.isdisjoint(FIRST_PERSON) or present.isdisjoint(REPORTING)


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
