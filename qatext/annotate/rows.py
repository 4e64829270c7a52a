"""Rows of the entities and tags tables, read from annotated docs in one pass per doc.

Going through ``ent._`` costs a new ``Underscore`` object per entity and a Python
``__getattr__`` (key tuple, dict lookups) per extension: over the three ``../shared`` corpora
(431,000 entities) that was about as much CPU as the NER's own recognizer. Here the label and
concept strings are looked up once per distinct value, the text is cut from the string the doc
was made from (``Span.text`` joins its tokens anew), and stored extension values are read from
``doc.user_data`` under the key spaCy itself files them under.

Tags keep only each doc's top specialty and intent: ``doc._.specialties`` sorts and pairs up
every label per doc (on MedQuAD's one-line questions about a tenth of a worker's CPU); here
the score rows the topic tagger stored are stacked and ranked once per partition.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from spacy.tokens import Span

from qatext.ner.extensions import USER_DATA_PREFIX, conjunct_concepts

ENTITY_COLUMNS = ["record_id", "field", "start", "end", "text", "label", "concept_id", "concept_name", "assertion",
                  "experiencer"]
# Per-entity details of patient wording (issue 11): conjuncts' concepts ("|"-joined), drug kind, the
# lexicon form a misspelling matched, and an abbreviation's long form with how it was resolved.
ENTITY_DETAIL_COLUMNS = ["concepts", "drug_kind", "matched_as", "expanded", "expanded_by"]
# Span extensions whose getters read nothing but the span's kb_id (qatext/ner/extensions.py): one
# call per distinct concept is enough. tests/test_annotate_frame.py checks the rows against ``ent._``.
_BY_CONCEPT = ("concept_id", "concept_name")
_STORED = ("assertion", "experiencer", "drug_kind", "matched_as", "expanded", "expanded_by")
TAG_COLUMNS = ["record_id", "specialty", "specialty_score", "intent", "intent_score"]


class EntityRows:
    """``rows(doc, record_id=, field=, offset=, text=)``: one tuple per entity of ``doc``, in
    :data:`ENTITY_COLUMNS` + :data:`ENTITY_DETAIL_COLUMNS` order, offsets shifted by ``offset``
    (the position of the doc's text in the field)."""

    def __init__(self):
        self._labels: dict[int, str] = {}
        # kb_id -> (concept_id, concept_name, the concepts column of a span with no conjuncts)
        self._concepts: dict[int, tuple] = {}
        self._concept_getters = [_getter(name) for name in _BY_CONCEPT]
        _getter("concepts")  # the column below reads what this getter reads (conjunct_concepts), without a Span per call
        self._defaults = tuple(_default(name) for name in _STORED)

    def __call__(self, doc, *, record_id: str, field: str, offset: int, text: str) -> list[tuple]:
        rows = []
        append = rows.append
        user_data = doc.user_data
        get = user_data.get
        labels, concepts = self._labels, self._concepts
        assertion, experiencer, drug_kind, matched_as, expanded, expanded_by = self._defaults
        for ent in doc.ents:
            start, end = ent.start_char, ent.end_char
            label = labels.get(ent.label)
            if label is None:
                label = labels[ent.label] = ent.label_
            concept = concepts.get(ent.kb_id)
            if concept is None:
                concept = concepts[ent.kb_id] = (*(getter(ent) for getter in self._concept_getters), ent.kb_id_)
            conjuncts = conjunct_concepts(user_data, start, end)
            append((record_id, field, offset + start, offset + end, text[start:end], label, concept[0], concept[1],
                    get((USER_DATA_PREFIX, "assertion", start, end), assertion),
                    get((USER_DATA_PREFIX, "experiencer", start, end), experiencer),
                    concept[2] if conjuncts is None else "|".join(conjuncts),
                    get((USER_DATA_PREFIX, "drug_kind", start, end), drug_kind),
                    get((USER_DATA_PREFIX, "matched_as", start, end), matched_as),
                    get((USER_DATA_PREFIX, "expanded", start, end), expanded),
                    get((USER_DATA_PREFIX, "expanded_by", start, end), expanded_by)))
        return rows


class TagRows:
    """``add(doc, record_id=)`` for each tagged doc, then ``frame()``: one row per doc the topic
    tagger scored, with what ``doc._.specialties[0]`` and ``doc._.intents[0]`` give (the highest
    score, the first label of a tie); docs it did not score (no ``qatext_topics``) give none.
    tests/test_annotate_frame.py checks the rows against those getters."""

    def __init__(self):
        from qatext.topics.component import _INTENTS_KEY, _SPECIALTIES_KEY
        from qatext.topics.labels import INTENTS, SPECIALTIES

        self._keys = (_SPECIALTIES_KEY, _INTENTS_KEY)
        self._labels = (np.asarray(SPECIALTIES, dtype=object), np.asarray(INTENTS, dtype=object))
        self._ids: list[str] = []
        self._scores: tuple[list, list] = ([], [])

    def add(self, doc, *, record_id: str) -> None:
        data = doc.user_data
        specialties = data.get(self._keys[0])
        if specialties is None or not len(specialties):
            return
        intents = data.get(self._keys[1])
        self._ids.append(record_id)
        self._scores[0].append(specialties)
        self._scores[1].append(intents if intents is not None and len(intents) else None)

    def frame(self) -> pd.DataFrame:
        specialty, specialty_score = _top(self._scores[0], self._labels[0])
        intent, intent_score = _top(self._scores[1], self._labels[1])
        # from row tuples, as before: the same column types, empty or not
        return pd.DataFrame(list(zip(self._ids, specialty, specialty_score, intent, intent_score)), columns=TAG_COLUMNS)


def _top(rows: list, labels: np.ndarray) -> tuple[list, list]:
    """Label and score of each row's highest score (None, None for a missing row), as the
    first pair of ``qatext.topics.scorer.ranked`` (a stable sort: ties go to the first label)."""
    present = [i for i, row in enumerate(rows) if row is not None]
    names: list = [None] * len(rows)
    scores: list = [None] * len(rows)
    if present:
        table = np.stack([rows[i] for i in present])
        best = np.where(np.isnan(table), -np.inf, table).argmax(axis=1)  # the sort puts NaN last
        for i, name, score in zip(present, labels[best].tolist(), table[np.arange(len(present)), best].tolist()):
            names[i], scores[i] = name, score
    return names, scores


def _extension(name: str) -> tuple:
    extension = Span.get_extension(name)
    if extension is None:
        from qatext.ner import extensions

        extensions.register()
        extension = Span.get_extension(name)
    return extension  # (default, method, getter, setter)


def _getter(name: str):
    getter = _extension(name)[2]
    if getter is None:
        raise TypeError(f"Span extension {name!r} is expected to have a getter")
    return getter


def _default(name: str):
    default, method, getter, _setter = _extension(name)
    if getter is not None or method is not None or isinstance(default, (dict, list, set)):
        raise TypeError(f"Span extension {name!r} is expected to be a stored value with an immutable default")
    return default
