"""spaCy factories of qatext's components, declared under the ``spacy_factories`` entry point.

Because of the entry point, ``spacy.load()`` of a saved qatext pipeline finds these
factories without the user importing qatext first.
"""

from spacy.language import Language

from qatext.ner.abbreviations import AbbreviationDefinitions
from qatext.ner.context import ConTextAssertion
from qatext.ner.recognizer import MedicalEntityRecognizer
from qatext.ner.sentences import ArraySentencizer


@Language.factory(
    "qatext_sentencizer",
    assigns=["token.is_sent_start", "doc.sents"],
    default_config={"punct_chars": None, "overwrite": False, "scorer": {"@scorers": "spacy.senter_scorer.v1"}},
)
def make_sentencizer(nlp: Language, name: str, punct_chars: list[str] | None, overwrite: bool,
                     scorer) -> ArraySentencizer:
    """spaCy's ``sentencizer`` (same settings, same sentences), reading the tokens as arrays."""
    return ArraySentencizer(name, punct_chars=punct_chars, overwrite=overwrite, scorer=scorer)


@Language.factory("qatext_abbreviations")
def make_abbreviations(nlp: Language, name: str) -> AbbreviationDefinitions:
    return AbbreviationDefinitions(nlp, name)


@Language.factory(
    "qatext_ner",
    default_config={"include_severity": "first_person", "compose_locations": True, "overwrite_ents": True},
)
def make_ner(nlp: Language, name: str, include_severity: str, compose_locations: bool,
             overwrite_ents: bool) -> MedicalEntityRecognizer:
    return MedicalEntityRecognizer(nlp, name, include_severity=include_severity,
                                   compose_locations=compose_locations, overwrite_ents=overwrite_ents)


@Language.factory("qatext_context", default_config={"max_scope": 10, "status_model": True})
def make_context(nlp: Language, name: str, max_scope: int, status_model: bool) -> ConTextAssertion:
    """``status_model``: let the learned model shipped in qatext/resources/context revise the rules'
    statuses (qatext.ner.status_model; its MODEL_CARD.md says when and how well). On by default: on
    assertion gold batches nobody had studied it raised strict accuracy from 0.78 to 0.84; it costs
    about a third of the tokenizer's time on top of the rules (see the model card)."""
    model = None
    if status_model:
        from qatext.ner.status_model import shipped

        model = shipped()
    return ConTextAssertion(nlp, name, max_scope=max_scope, status_model=model)


@Language.factory("qatext_boundaries")
def make_boundaries(nlp: Language, name: str):
    """Revise the edges of the recognizer's entities with the learned model shipped in
    qatext/resources/boundary (qatext.ner.boundary_model; its MODEL_CARD.md says when and how well).
    Goes right after ``qatext_ner``, before ``qatext_context``."""
    from qatext.ner.boundary_model import BoundaryReviser

    return BoundaryReviser(nlp, name)
