"""Doc and Span extensions set by qatext's components, registered idempotently."""
from __future__ import annotations

from spacy.tokens import Doc, Span

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


def register() -> None:
    """Safe to call any number of times (re-running a notebook cell must not fail)."""
    span_extensions = {
        "concept_id": {"getter": _concept_id},
        "concept_name": {"getter": _concept_name},
        "assertion": {"default": "present"},
        "assertion_cue": {"default": None},
        "experiencer": {"default": "patient"},
        "expanded": {"default": None},
    }
    for name, kwargs in span_extensions.items():
        if not Span.has_extension(name):
            Span.set_extension(name, **kwargs)
    if not Doc.has_extension("abbreviation_definitions"):
        Doc.set_extension("abbreviation_definitions", default=None)


register()
