"""Doc and Span extensions set by qatext's components, registered idempotently."""
from __future__ import annotations

from spacy.tokens import Doc, Span

# where the topics component stores the candidate conditions (plain dicts, so they serialize)
CONDITIONS_KEY = ("qatext_topics", "conditions")
# spaCy keeps a stored Span extension value in doc.user_data under
# (USER_DATA_PREFIX, name, span.start_char, span.end_char) (Underscore._get_key); hot loops read and
# write it there directly, without an Underscore object per span. Tests compare with ent._.<name>.
USER_DATA_PREFIX = "._."
ASSERTIONS = ("present", "negated", "possible", "hypothetical", "historical", "family", "generic")
# Whose mention it is: the person the passage is about (the asker, or the relative the whole
# question is about), a relative in the background, anyone else, or nobody (generic mentions).
EXPERIENCERS = ("patient", "relative", "other", "none")


def _concept_id(span: Span) -> str | None:
    return span.kb_id_ or None


def _concept_name(span: Span) -> str | None:
    if not span.kb_id_:
        return None
    from qatext.ner.lexicon import get_lexicon
    from qatext.ner.span_rules import RULE_CONCEPT_NAMES

    return get_lexicon().names.get(span.kb_id_) or RULE_CONCEPT_NAMES.get(span.kb_id_)


def _conditions(doc: Doc) -> list[dict] | None:
    """Candidate conditions set by ``qatext_topics`` (``None`` without it): see qatext.topics.conditions.

    The component stores a compact ranking (plain lists, so it survives ``Doc.to_bytes`` and
    multiprocessing); the entries (id, name, score, specialty, supporting, missing, named) are
    built when read.
    """
    stored = doc.user_data.get(CONDITIONS_KEY)
    if stored is None:
        return None
    from qatext.topics.conditions import records

    return records(stored)


def conjunct_concepts(user_data: dict, start_char: int, end_char: int) -> list[str] | None:
    """Each conjunct's concept of the coordinated span at these offsets, or None for a span of one concept
    (read without a Span; what ``span._.concepts`` reads)."""
    return user_data.get(("qatext", "concepts", start_char, end_char))


def _concepts(span: Span) -> list[str]:
    """Each conjunct's concept for a coordinated span, else the span's own concept."""
    stored = conjunct_concepts(span.doc.user_data, span.start_char, span.end_char)
    if stored is not None:
        return list(stored)
    return [span.kb_id_] if span.kb_id_ else []


def _set_concepts(span: Span, value: list[str]) -> None:
    # Stored in user_data under a plain tuple key, which Doc.to_bytes and pickling keep.
    span.doc.user_data[("qatext", "concepts", span.start_char, span.end_char)] = list(value)


def register() -> None:
    """Safe to call any number of times (re-running a notebook cell must not fail)."""
    span_extensions = {
        "concept_id": {"getter": _concept_id},
        "concept_name": {"getter": _concept_name},
        "assertion": {"default": "present"},
        "assertion_cue": {"default": None},
        "experiencer": {"default": "patient"},
        "expanded": {"default": None},
        "expanded_by": {"default": None},
        "matched_as": {"default": None},
        "drug_kind": {"default": None},
        "concepts": {"getter": _concepts, "setter": _set_concepts},
    }
    for name, kwargs in span_extensions.items():
        if not Span.has_extension(name):
            Span.set_extension(name, **kwargs)
    if not Doc.has_extension("conditions"):
        Doc.set_extension("conditions", getter=_conditions)
    for name in ("abbreviation_definitions", "shorthand_senses", "specialty_hint"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register()
