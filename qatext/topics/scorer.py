"""Batch scoring of specialty and intent in one table lookup.

Every doc becomes its lowercase-token hashes (``doc.to_array(LOWER)``); a batch is joined into
one array with a 0 between docs, its bigram and trigram keys are formed with wrapping
uint64 arithmetic, and one ``searchsorted`` against a sorted key table finds every
vocabulary word, specialty cue and intent cue at once. Each table row has 22 specialty
columns then 9 intent columns. Python loops run over entities only (negation, concepts).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.attrs import LOWER, SHAPE
from spacy.tokens import Span

from qatext.topics.intent import BASELINE, ENTITY_NUDGE, N_INTENTS, OUTSIDE_QUESTION, SECONDARY_CUES, intent_cues
from qatext.topics.labels import INTENT_INDEX, INTENTS, SPECIALTIES, SPECIALTY_INDEX
from qatext.topics.specialty import (derived_tables, topics_file, concept_vector, ngram_keys,
                                     read_cues)

N_SPECIALTIES = len(SPECIALTIES)
N_COLUMNS = N_SPECIALTIES + N_INTENTS
GENERAL = SPECIALTY_INDEX["general_medicine"]
MEDICATION = INTENT_INDEX["medication"]
TEST_READING = INTENT_INDEX["test_interpretation"]
SENTENCE_ENDS = (".", "!", "?", "\n", "\n\n", "...", ";")
DRUG_NAME_NUDGE = 1.0
OTHER_QUESTION = 0.75     # a cue in an earlier question sentence; the last one is the main question
# A measured value ("7.8", "140/90", "6.5 %"): the asker may be giving a result. Found by token
# shape, not by regex over doc.text: building doc.text costs more than all the scoring.
RESULT_SHAPES = ("d.d", "dd.d", "ddd.d", "dddd.d", "d.dd", "dd.dd", "ddd.dd", "d.ddd", "d,ddd",
                 "dd/dd", "ddd/dd", "ddd/ddd", "d/d", "d.d%", "dd.d%", "dd%", "d%")
RESULT_WORDS = ("mg/dl", "mmol/l", "mmol", "ng/ml", "pg/ml", "iu/l", "u/l", "miu/ml", "uiu/ml", "g/dl", "%",
                "mmhg", "mm/hg", "bpm")
RESULT_NUDGE = 0.8
# A child under 13 ("my 4 yo", "3 year old son", "5-year-old", "8 months old"): a paediatrician's
# question unless an organ specialty says otherwise.
CHILD_YEARS = tuple(str(n) for n in range(1, 13))
YEAR_UNITS = ("year", "years", "yr", "yrs", "yo", "y/o", "month", "months", "mo", "week", "weeks", "wk", "day", "days")
CHILD_AGE_WEIGHT = 2.5
PEDIATRICS = SPECIALTY_INDEX["pediatrics"]


@dataclass
class TopicTables:
    """Sorted n-gram keys, one row of weights each (specialties then intents), concept vectors."""

    keys: np.ndarray            # single tokens: uint64, sorted
    weights: np.ndarray         # float32 (len(keys), N_COLUMNS)
    multi_keys: np.ndarray      # bigram and trigram cues: a small table, searched separately
    multi_weights: np.ndarray
    concepts: dict[str, np.ndarray]
    question_key: int
    end_keys: np.ndarray        # hashes of sentence-ending tokens
    result_shapes: np.ndarray
    result_words: np.ndarray
    child_years: np.ndarray
    year_units: np.ndarray
    yo_keys: np.ndarray
    old_key: int
    hyphen_key: int

    def row_weights(self, rows: np.ndarray) -> np.ndarray:
        """Weights of hit rows: single-token rows first, then the multi-token table."""
        n = len(self.keys)
        if len(self.multi_keys) == 0 or rows.max(initial=-1) < n:
            return self.weights[rows]
        out = np.empty((len(rows), N_COLUMNS), dtype=np.float32)
        low = rows < n
        out[low] = self.weights[rows[low]]
        out[~low] = self.multi_weights[rows[~low] - n]
        return out

    @classmethod
    def build(cls, tokenizer, *, extra_specialty_cues=None, extra_intent_cues=None) -> TopicTables:
        """Merge the derived word table with the curated cue lexicons (tokenized with ``tokenizer``).

        A curated specialty cue replaces the derived row for that word: the lexicon is the place
        to correct what the vocabularies get wrong.
        """
        words, word_weights, concepts, drug_keys = derived_tables()
        specialty_cues = read_cues(topics_file("specialty_cues.tsv").read_text(encoding="utf-8"))
        rows: dict[int, np.ndarray] = {}
        curated: set[int] = set()
        multi: set[int] = set()
        for offset, index, cues, source in (
                (0, SPECIALTY_INDEX, specialty_cues + list(extra_specialty_cues or []), "specialty_cues.tsv"),
                (N_SPECIALTIES, INTENT_INDEX, intent_cues() + list(extra_intent_cues or []), "intent_cues.tsv")):
            for phrase, label, weight in cues:
                try:
                    key, n_tokens = _phrase_key(tokenizer, phrase)
                except ValueError as error:
                    raise ValueError(f"{source} (or extra cues): {error}") from None
                if n_tokens > 1:
                    multi.add(key)
                row = rows.setdefault(key, np.zeros(N_COLUMNS, dtype=np.float32))
                if offset == 0:
                    curated.add(key)
                row[offset + index[label]] += weight
        # words the vocabularies know and only the intent lexicon names keep their specialty row
        for key, row in rows.items():
            if key not in curated:
                at = np.searchsorted(words, np.uint64(key))
                if at < len(words) and words[at] == key:
                    row[:N_SPECIALTIES] = word_weights[at]
        single = {k: v for k, v in rows.items() if k not in multi}
        cue_keys = np.fromiter(single, dtype=np.uint64, count=len(single))
        keep = ~np.isin(words, cue_keys)
        padded = np.zeros((int(keep.sum()), N_COLUMNS), dtype=np.float32)
        padded[:, :N_SPECIALTIES] = word_weights[keep]
        keys = np.concatenate([words[keep], cue_keys])
        weights = np.concatenate([padded, np.stack(list(single.values()))])
        # a drug's name makes the question a little more likely to be about the drug
        weights[np.isin(keys, drug_keys), N_SPECIALTIES + MEDICATION] += DRUG_NAME_NUDGE
        order = np.argsort(keys)
        multi_keys = np.array(sorted(multi), dtype=np.uint64)
        multi_weights = np.stack([rows[int(k)] for k in multi_keys]) if len(multi_keys) else np.zeros((0, N_COLUMNS))
        strings = tokenizer.vocab.strings

        def hashes(items):
            return np.array([strings.add(s) for s in items], dtype=np.uint64)
        return cls(keys[order], weights[order], multi_keys, multi_weights.astype(np.float32), concepts,
                   strings.add("?"), hashes(SENTENCE_ENDS), hashes(RESULT_SHAPES), hashes(RESULT_WORDS),
                   hashes(CHILD_YEARS), hashes(YEAR_UNITS), hashes(("yo", "y/o", "yrs", "yr")),
                   strings.add("old"), strings.add("-"))


def _phrase_key(tokenizer, phrase: str) -> int:
    hashes = np.array([t.lower for t in tokenizer(phrase)], dtype=np.uint64)
    if not 1 <= len(hashes) <= 3:
        raise ValueError(f"cue {phrase!r}: must be 1 to 3 tokens, got {len(hashes)}")
    if len(hashes) == 1:
        return int(hashes[0]), 1
    bigrams, trigrams = ngram_keys(hashes)
    return (int(trigrams[0]) if len(hashes) == 3 else int(bigrams[0])), len(hashes)


@dataclass
class Hits:
    """Where the table matched in a batch: one entry per matched n-gram."""

    rows: np.ndarray      # table row
    doc: np.ndarray       # doc index in the batch
    start: np.ndarray     # token index in the doc
    length: np.ndarray    # n-gram length
    factor: np.ndarray    # 1 inside a question sentence (or when the doc has none), else OUTSIDE_QUESTION
    count_scale: np.ndarray  # so that a phrase repeated c times adds (1 + ln c) times its weight


def score_docs(docs, tables: TopicTables, *, concept_weight: float = 2.0, general_prior: float = 1.0,
               temperature: float = 1.0):
    """Specialty and intent probabilities for a batch: two arrays (n_docs, 22) and (n_docs, 9).

    Also returns the raw totals and hits, which :func:`explain` turns into evidence.
    """
    n_docs = len(docs)
    specialty = np.zeros((n_docs, N_SPECIALTIES))
    nudges = np.zeros((n_docs, N_INTENTS))
    arrays, negated = [], []
    read_assertion, read_concept = span_reader("assertion"), span_reader("concept_id")
    shapes = []
    for d, doc in enumerate(docs):
        both = doc.to_array([LOWER, SHAPE])
        hashes = np.ascontiguousarray(both[:, 0])
        shapes.append(both[:, 1])
        negated.append([])
        for ent in doc.ents:
            if read_assertion(ent) == "negated":
                hashes[ent.start:ent.end] = 0  # a negated finding is evidence of nothing
                negated[d].append(ent.text)
                continue
            vector = concept_vector(read_concept(ent), tables.concepts)
            if vector is not None:
                specialty[d] += concept_weight * vector
            if ent.label_ == "DRUG":
                nudges[d, MEDICATION] = ENTITY_NUDGE
            elif ent.label_ == "TEST":
                nudges[d, TEST_READING] = ENTITY_NUDGE
        arrays.append(hashes)
        arrays.append(_SEPARATOR)
    hits = _find(arrays, n_docs, tables) if n_docs else None
    if n_docs:
        results, children = _result_and_child_flags(arrays, shapes, n_docs, tables)
        nudges[results, TEST_READING] += RESULT_NUDGE
        specialty[children, PEDIATRICS] += CHILD_AGE_WEIGHT
    intent = np.tile(BASELINE, (n_docs, 1)) + nudges
    if hits is not None and len(hits.rows):
        found = tables.row_weights(hits.rows)
        np.add.at(specialty, hits.doc, found[:, :N_SPECIALTIES] * hits.count_scale[:, None])
        cue = found[:, N_SPECIALTIES:] * hits.factor[:, None]
        best = np.zeros((n_docs, N_INTENTS))
        total = np.zeros((n_docs, N_INTENTS))
        np.maximum.at(best, hits.doc, cue)
        np.add.at(total, hits.doc, cue)
        intent += best + SECONDARY_CUES * np.minimum(total - best, 2 * best + 1)
    logits = specialty.copy()
    logits[:, GENERAL] += general_prior
    return _softmax(logits * temperature), _softmax(intent * temperature), specialty, hits, negated


_SEPARATOR = np.zeros(1, dtype=np.uint64)


def span_reader(name: str):
    """A function reading ``span._.<name>`` without building an ``Underscore`` object per span.

    Same lookup as spaCy's ``Underscore.__getattr__`` (getter, else the value stored in
    ``doc.user_data`` under ``("._.", name, start_char, end_char)``, else the default); a test
    checks it against ``span._.get``. Returns ``None`` for an unregistered extension.
    """
    if not Span.has_extension(name):
        return lambda span: None
    default, method, getter, _ = Span.get_extension(name)
    if getter is not None:
        return getter
    if method is not None:
        return lambda span: span._.get(name)

    def read(span):
        return span.doc.user_data.get(("._.", name, span.start_char, span.end_char), default)
    return read


def _result_and_child_flags(arrays, shapes, n_docs: int, tables: TopicTables):
    """Per doc: does it give a measured value, does it speak of a child under 13."""
    joined = np.concatenate(arrays)
    shape = np.concatenate([np.concatenate([s, _SEPARATOR]) for s in shapes])
    lengths = np.fromiter((len(a) for a in arrays[::2]), dtype=np.int64, count=n_docs)
    doc_of = np.repeat(np.arange(n_docs), lengths + 1)
    results = np.zeros(n_docs, dtype=bool)
    results[doc_of[np.isin(shape, tables.result_shapes) | np.isin(joined, tables.result_words)]] = True
    # "<n> year(s) old", "<n> yo", "<n>-year-old": skip hyphens, then number, unit, "old"
    keep = joined != tables.hyphen_key
    words, word_doc = joined[keep], doc_of[keep]
    number = np.isin(words, tables.child_years)
    unit = np.isin(words, tables.year_units)
    old = words == tables.old_key
    yo = np.isin(words, tables.yo_keys)
    child = np.zeros(len(words), dtype=bool)
    child[:-1] |= number[:-1] & yo[1:]
    child[:-2] |= number[:-2] & unit[1:-1] & old[2:]
    children = np.zeros(n_docs, dtype=bool)
    children[word_doc[child]] = True
    return results, children


def _find(arrays, n_docs: int, tables: TopicTables) -> Hits:
    joined = np.concatenate(arrays)
    size = len(joined)
    lengths = np.fromiter((len(a) for a in arrays[::2]), dtype=np.int64, count=n_docs)
    doc_of = np.repeat(np.arange(n_docs), lengths + 1)
    starts = np.concatenate([[0], np.cumsum(lengths + 1)[:-1]])
    present = joined != 0
    bigrams, trigrams = ngram_keys(joined)
    bigrams[~(present[:-1] & present[1:])] = 0
    trigrams[~(present[:-2] & present[1:-1] & present[2:])] = 0
    at = np.searchsorted(tables.keys, joined)
    at[at == len(tables.keys)] = 0
    single = np.flatnonzero((tables.keys[at] == joined) & present)
    phrases = np.concatenate([bigrams, trigrams])
    multi_at = np.searchsorted(tables.multi_keys, phrases)
    multi_at[multi_at == len(tables.multi_keys)] = 0
    if len(tables.multi_keys):
        multi = np.flatnonzero((tables.multi_keys[multi_at] == phrases) & (phrases != 0))
    else:
        multi = single[:0]
    is_trigram = multi >= size - 1
    position = np.concatenate([single, multi - np.where(is_trigram, size - 1, 0)])
    block = np.concatenate([np.zeros(len(single), dtype=np.int64), 1 + is_trigram.astype(np.int64)])
    # rows of the multi table follow those of the single-token table
    rows = np.concatenate([at[single], len(tables.keys) + multi_at[multi]])
    doc = doc_of[position]
    # question sentences: the next sentence end after the n-gram is a "?"
    ends = np.flatnonzero(np.isin(joined, tables.end_keys) | ~present)
    next_end = ends[np.searchsorted(ends, position)]
    asks = joined[next_end] == tables.question_key
    question_marks = np.flatnonzero(joined == tables.question_key)
    last_question = np.full(n_docs, -1)
    np.maximum.at(last_question, doc_of[question_marks], question_marks)
    doc_asks = last_question[doc] >= 0
    factor = np.where(~doc_asks, 1.0,
                      np.where(next_end == last_question[doc], 1.0, np.where(asks, OTHER_QUESTION, OUTSIDE_QUESTION)))
    pair = doc.astype(np.int64) * (len(tables.keys) + len(tables.multi_keys)) + rows
    _, inverse, counts = np.unique(pair, return_inverse=True, return_counts=True)
    count_scale = ((1.0 + np.log(counts)) / counts)[inverse]
    return Hits(rows, doc, position - starts[doc], block + 1, factor, count_scale)


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def ranked(probabilities: np.ndarray, labels) -> list[list[tuple[str, float]]]:
    """Per row of ``probabilities``: ``[(id, score), ...]`` sorted by score, highest first."""
    order = np.argsort(-probabilities, axis=1, kind="stable")
    names = np.asarray(labels, dtype=object)[order].tolist()
    scores = np.take_along_axis(probabilities, order, axis=1).tolist()
    return [list(zip(n, s)) for n, s in zip(names, scores)]


def explain(doc, tables: TopicTables, **options) -> dict:
    """Which words, concepts and cue phrases decided the doc's top specialty and intent."""
    specialty, intent, totals, hits, negated = score_docs([doc], tables, **options)
    top_s, top_i = int(specialty[0].argmax()), int(intent[0].argmax())
    words, cues = {}, {}
    if hits is not None:
        found = tables.row_weights(hits.rows)
        for k in range(len(hits.rows)):
            phrase = doc[int(hits.start[k]):int(hits.start[k] + hits.length[k])].text
            s_weight = float(found[k, top_s] * hits.count_scale[k])
            i_weight = float(found[k, N_SPECIALTIES + top_i] * hits.factor[k])
            if s_weight > 0:
                words[phrase.lower()] = round(words.get(phrase.lower(), 0.0) + s_weight, 3)
            if i_weight > 0:
                cues[phrase.lower()] = round(max(cues.get(phrase.lower(), 0.0), i_weight), 3)
    concepts = []
    read_assertion, read_concept = span_reader("assertion"), span_reader("concept_id")
    for ent in doc.ents:
        if read_assertion(ent) == "negated":
            continue
        vector = concept_vector(read_concept(ent), tables.concepts)
        if vector is not None and vector[top_s] > 0:
            concepts.append((ent.text, read_concept(ent), round(float(vector[top_s]), 3)))
    order = np.argsort(-totals[0])[:4]
    return {
        "specialty": {
            "specialty": SPECIALTIES[top_s],
            "words": sorted(words.items(), key=lambda kv: -kv[1])[:8],
            "concepts": concepts,
            "negated_ignored": negated[0],
            "totals": {SPECIALTIES[i]: round(float(totals[0, i]), 3) for i in order},
        },
        "intent": {"intent": INTENTS[top_i], "cues": sorted(cues.items(), key=lambda kv: -kv[1])[:6]},
    }
