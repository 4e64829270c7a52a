"""The ``qatext_topics`` spaCy component: specialty and intent scores with their evidence.

Sets ``doc._.specialties`` and ``doc._.intents`` (lists of ``(id, score)`` sorted by score,
scores in [0, 1] summing to 1); ``doc._.topic_evidence`` (a getter, computed when read) says
which words, concepts and cue phrases decided. Runs after the NER when there is one (entity
concepts add evidence, negated entities are ignored), and on any pipeline on its own (words
and question form only). ``nlp.pipe`` scores whole batches in one table lookup.

No ``from __future__ import annotations`` here: spaCy validates the factory signature.
"""
from typing import Dict

import numpy as np

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from qatext.ner.extensions import CONDITIONS_KEY, register as register_ner_extensions
from qatext.topics.labels import INTENTS, SPECIALTIES
from qatext.topics.scorer import TopicTables, explain, ranked, score_docs

_TAGGERS: Dict[str, "TopicTagger"] = {}  # by component name, for the evidence getter
_USER_DATA_KEY = "qatext_topics"
_SPECIALTIES_KEY = ("qatext_topics", "specialties")  # score rows, read by the getters
_INTENTS_KEY = ("qatext_topics", "intents")


def _evidence_getter(doc: Doc):
    name = doc.user_data.get(_USER_DATA_KEY)
    tagger = _TAGGERS.get(name) if name is not None else None
    if tagger is None:
        return None
    return explain(doc, tagger.tables, **tagger.options)


def _ranked_getter(key, labels):
    def getter(doc: Doc):
        scores = doc.user_data.get(key)
        return None if scores is None else ranked(scores[None, :], labels)[0]
    return getter


def register_extensions() -> None:
    """Idempotent: re-running a notebook cell must not fail.

    ``specialties`` and ``intents`` are getters over the score rows the component stores in
    ``doc.user_data``: building 31 sorted pairs per doc costs more than scoring it, and is
    only paid by who reads them.
    """
    for name, key, labels in (("specialties", _SPECIALTIES_KEY, SPECIALTIES), ("intents", _INTENTS_KEY, INTENTS)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=_ranked_getter(key, labels))
    register_ner_extensions()  # doc._.conditions lives with the other extensions
    if not Doc.has_extension("topic_evidence"):
        Doc.set_extension("topic_evidence", getter=_evidence_getter)
    # the NER registers these too (same names, its own defaults); absent without the NER
    for name in ("concept_id", "concept_name", "assertion"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


class TopicTagger:
    """Scores every doc for specialty and question intent; cheap enough to run after the NER."""

    def __init__(self, nlp: Language, name: str = "qatext_topics", *, concept_weight: float = 2.0,
                 general_prior: float = 1.0, temperature: float = 1.0, conditions: bool = True):
        register_extensions()
        self.name = name
        self.options = {"concept_weight": concept_weight, "general_prior": general_prior,
                        "temperature": temperature}
        self.tables = TopicTables.build(nlp.tokenizer, conditions=conditions)
        _TAGGERS[name] = self

    def __call__(self, doc: Doc) -> Doc:
        self._apply([doc])
        return doc

    def pipe(self, docs, batch_size: int = 1000):
        # nlp.pipe passes its own batch_size (spaCy's default: 1000); a batch costs a fixed ~1 ms
        for batch in minibatch(docs, size=batch_size):
            self._apply(batch)
            yield from batch

    def _apply(self, docs) -> None:
        specialty, intent, _, _, _, ranking = score_docs(docs, self.tables, **self.options)
        stored = ranking.stored() if ranking is not None else [None] * len(docs)
        for doc, s, i, c in zip(docs, specialty.astype(np.float32), intent.astype(np.float32), stored):
            data = doc.user_data
            data[_SPECIALTIES_KEY] = s
            data[_INTENTS_KEY] = i
            data[CONDITIONS_KEY] = c  # plain lists; doc._.conditions builds the entries when read
            data[_USER_DATA_KEY] = self.name


@Language.factory(
    "qatext_topics",
    default_config={"concept_weight": 2.0, "general_prior": 1.0, "temperature": 1.0, "conditions": True},
)
def make_topics(nlp: Language, name: str, concept_weight: float, general_prior: float,
                temperature: float, conditions: bool) -> TopicTagger:
    """``conditions``: candidate conditions (``doc._.conditions``) and their specialty votes."""
    return TopicTagger(nlp, name, concept_weight=concept_weight, general_prior=general_prior,
                       temperature=temperature, conditions=conditions)
