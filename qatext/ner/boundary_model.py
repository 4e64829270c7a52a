"""A learned model that revises the edges of the recognizer's entities (``qatext_boundaries``).

On patient text the rules find most mentions but often with the wrong edges: "my" or "really" kept,
"in my left hand" left out. Rule rounds fix the edges of the batch they study and barely move the next.
This model reads cheap features of each candidate edge and a linear score picks one per side:

- candidates: the left edge moved -3..+2 tokens and the right edge -2..+3, inside the sentence, not
  into a neighbouring entity's rules' edges, not starting or ending on punctuation or space (the
  rules' own edge is always a candidate); where two neighbours would both grow into the gap between
  them and overlap, both keep the rules' edges;
- features of a left edge (a right edge mirrors them): how far it moved (x label), its first word
  and the word before it, their shapes and word classes (x label: a lexicon term's label, a
  modifier, a determiner or possessive, a location preposition, a stop word, a number), the words
  it adds or drops (and their classes x label), whether it is at the sentence's or neighbour's edge.

The two sides are scored independently (the features of a side do not read the other), so an
entity costs about ten candidate edges, not thirty-six spans; the best pair with start < end wins.
All of a batch's candidates are built and scored with numpy at once (``Features.batch``), through
``nlp.pipe``; one doc at a time the numpy calls cost more than the tokenizer (MODEL_CARD.md, Cost).
Features are hashed (spaCy's LOWER/SHAPE hashes or word classes, XOR a salt per slot) into ``2**bits``
weights; only the rows training touched are shipped. Runtime needs numpy only;
``scripts/train_boundary_model.py`` trains it (scipy, at training time only) and writes
``qatext/resources/boundary/boundary_model.npz`` (see the ``MODEL_CARD.md`` next to it).

An entity keeps its label and concept id; what the recognizer stored for it under its character
offsets in ``doc.user_data`` (``ent._.drug_kind``, ``concepts``, ``expanded``, ``matched_as``, ...)
moves to its new offsets (``matched_as`` gets the added words, or loses the dropped ones).
"""
from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import resources

import numpy as np
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE, NORM, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from qatext.ner import extensions
from qatext.ner.batching import BatchedPipe
from qatext.ner.extensions import USER_DATA_PREFIX

MODEL_FILE = "boundary_model.npz"
LABELS = ("SYMPTOM", "DISEASE", "DRUG", "TEST", "TREATMENT", "ANATOMY")
LEFT_MOVES = (-3, 2)  # how far the left edge may move (tokens), inclusive
RIGHT_MOVES = (-2, 3)
_LOW64 = (1 << 64) - 1
_SIDES = ("L", "R")
_SLOTS = ("bias", "move", "move_label", "edge", "edge_label", "outside", "outside_label", "edge_shape",
          "outside_shape", "edge_class", "outside_class", "added", "added_class", "dropped", "dropped_class",
          "at_limit", "same", "pair", "added_pattern", "dropped_pattern", "rule_word", "class_move")


def _salt(name: str) -> int:
    return int.from_bytes(hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest(), "little")


SALTS = {side: {slot: _salt(f"boundary:{side}:{slot}") for slot in _SLOTS} for side in _SIDES}
_LABEL_KEYS = {label: _salt("label:" + label) for label in LABELS}


@cache
def _word_classes() -> dict[str, int]:
    """Word -> class, from the recognizer's own vocabulary of modifiers and fillers (read-only).

    Classes let the model generalise past the words of its training data: "horrendous" is a
    severity word whether or not the gold ever showed it at an entity's edge."""
    from qatext.ner import span_rules

    def words(name: str) -> frozenset:
        return getattr(span_rules, name, frozenset())  # a renamed list costs a feature, not a crash

    classes: dict[str, int] = {}
    for code, names in ((3, ("DRUG_MODIFIERS", "TEST_MODIFIERS", "STAGE_WORDS")), (4, ("TEST_HEADS",)),
                        (5, ("DESCRIPTORS", "SYMPTOM_PREDICATES")), (6, ("CLINICAL_MODIFIERS",)),
                        (7, ("SEVERITY",)), (8, ("SIDE_WORDS",)), (9, ("LOCATION_PREPOSITIONS",)),
                        (10, ("LINKING_WORDS",)), (11, ("LEADING_DETERMINERS",))):
        for name in names:
            for word in words(name):
                classes[word] = code
    return classes


class Candidates:
    """The candidate edges of a batch's entities and their feature keys, side by side in arrays.

    ``keys[side]``: (slots, entities, 6 candidates) 64-bit keys; ``used[side]``: which of them count
    (a slot that does not apply, or a candidate that is not one, counts nothing); ``edges[side]``:
    the token each candidate puts the edge at (global: docs are laid end to end); ``valid[side]``:
    which candidates are candidates. ``entities``: (doc number, start, end) per entity, global tokens;
    ``offsets``: each doc's first token."""

    def __init__(self, keys, used, edges, valid, entities, offsets):
        self.keys, self.used, self.edges, self.valid = keys, used, edges, valid
        self.entities, self.offsets = entities, offsets

    def __len__(self) -> int:
        return len(self.entities)


_SLOT_COUNT = 23
_MOVES = {"L": np.arange(LEFT_MOVES[0], LEFT_MOVES[1] + 1), "R": np.arange(RIGHT_MOVES[0], RIGHT_MOVES[1] + 1)}
_U = np.uint64


class Features:
    """Candidate edges of the entities of a batch of docs and their hashed feature keys (numpy only:
    a Python loop per candidate cost several times the tokenizer)."""

    def __init__(self, vocab):
        from qatext.ner.lexicon import get_lexicon

        self.strings = vocab.strings
        lexicon = get_lexicon()
        # A one-word lexicon term's label (by NORM, as the recognizer matches), and the words of longer terms.
        self._term_label = {}
        in_terms = set()
        for pattern, (label, _concept, _source) in lexicon.patterns.items():
            if len(pattern) == 1:
                self._term_label[pattern[0]] = 20 + LABELS.index(label) if label in LABELS else 19
            else:
                in_terms.update(pattern)
        self._in_terms = frozenset(in_terms)
        self._named = {self.strings.add(word): code for word, code in _word_classes().items()}
        self._known = np.zeros(0, dtype=_U)  # word forms (ORTH) seen, sorted
        self._rows = np.zeros((0, 4), dtype=_U)  # their LOWER, SHAPE, class, punctuation-or-space
        self._vocab = vocab
        # label hash -> (label number, its key shifted as the features mix it)
        self._labels = {self.strings.add(label): index for index, label in enumerate(LABELS)}
        self._label2 = np.array([(_LABEL_KEYS[label] << 1) & _LOW64 for label in LABELS] + [0], dtype=_U)
        self._salts = {side: {slot: _U(value) for slot, value in SALTS[side].items()} for side in _SIDES}

    def _class(self, lower: int, norm: int, flags: int) -> int:
        """A token's word class: punctuation/space 1, a number 2, a named list 3-11, a one-word term's
        label 20-25, a stop word 12, a word of a longer term 13, else 0."""
        if flags & 1:
            return 1
        found = self._named.get(lower)
        if found is not None:
            return found
        found = self._term_label.get(norm)
        if found is not None:
            return found
        if flags & 4:
            return 12
        if flags & 2:
            return 2
        return 13 if norm in self._in_terms else 0

    def _tokens(self, orths: np.ndarray, norms: np.ndarray) -> tuple[np.ndarray, ...]:
        """LOWER, SHAPE, word class and punctuation-or-space of the tokens, read from the vocab once per
        distinct word form and kept in sorted arrays (a dict lookup per word cost a fifth of the
        component; reading lexeme attributes per token with to_array cost more still)."""
        unique, first, inverse = np.unique(orths, return_index=True, return_inverse=True)
        known = self._known
        if len(known) > 200_000:  # a corpus with millions of distinct words should not keep them all
            self._known, self._rows = np.zeros(0, dtype=_U), np.zeros((0, 4), dtype=_U)
            known = self._known
        at = np.searchsorted(known, unique)
        missing = at == len(known)
        missing[~missing] = known[at[~missing]] != unique[~missing]
        if missing.any():
            vocab, new = self._vocab, []
            for orth, index in zip(unique[missing].tolist(), first[missing].tolist()):
                lexeme = vocab[orth]
                flags = (lexeme.is_punct or lexeme.is_space) + 2 * lexeme.like_num + 4 * lexeme.is_stop
                new.append((lexeme.lower, lexeme.shape, self._class(lexeme.lower, int(norms[index]), flags), flags & 1))
            self._known = known = np.insert(known, at[missing], unique[missing])
            self._rows = np.insert(self._rows, at[missing], np.array(new, dtype=_U), axis=0)
            at = np.searchsorted(known, unique)
        lowers, shapes, classes, punct = self._rows[at[inverse]].T
        return lowers, shapes, classes, punct.astype(bool)

    def batch(self, docs: list[Doc]) -> Candidates:
        """The candidates of every entity of ``docs`` (in doc order, then entity order)."""
        arrays, offsets = [], []
        total = 0
        for doc in docs:
            offsets.append(total)
            if len(doc):
                arrays.append(doc.to_array(_ATTRS))
                total += len(doc)
        if not arrays:
            return Candidates({}, {}, {}, {}, np.zeros((0, 3), dtype=np.int64), offsets)
        tokens = np.concatenate(arrays)
        # Entities from the IOB column of all docs at once: a doc's first token is never inside (I),
        # so an entity never runs into the next doc.
        iob = tokens[:, 2]
        start = np.flatnonzero(iob == 3)
        if not len(start):
            return Candidates({}, {}, {}, {}, np.zeros((0, 3), dtype=np.int64), offsets)
        not_inside = np.append(np.flatnonzero(iob != 1), total)
        end = not_inside[np.searchsorted(not_inside, start, side="right")]
        starts_of_docs = np.array(offsets, dtype=np.int64)
        doc_of = np.searchsorted(starts_of_docs, start, side="right") - 1
        doc_start = starts_of_docs[doc_of]
        doc_end = np.append(starts_of_docs, total)[doc_of + 1]
        ents = np.stack([doc_of, start, end], axis=1)
        lowers, shapes, classes, punct = self._tokens(tokens[:, 0], tokens[:, 1])
        labels = np.array([self._labels.get(h, len(LABELS)) for h in tokens[start, 3].tolist()], dtype=np.int64)
        # Sentence limits: the sentence of the first token and of the last; neighbours in the same doc.
        sentence_starts = np.flatnonzero(tokens[:, 4].astype(np.int64) == 1)
        sentence_starts = np.union1d(sentence_starts, starts_of_docs)
        sent_start = sentence_starts[np.searchsorted(sentence_starts, start, side="right") - 1]
        after = np.searchsorted(sentence_starts, end - 1, side="right")
        sent_end = np.minimum(np.append(sentence_starts, total)[after], doc_end)
        same_doc_before = np.r_[False, doc_of[1:] == doc_of[:-1]]
        same_doc_after = np.r_[doc_of[1:] == doc_of[:-1], False]
        low = np.maximum(sent_start, np.where(same_doc_before, np.r_[0, end[:-1]], doc_start))
        high = np.minimum(sent_end, np.where(same_doc_after, np.r_[start[1:], 0], doc_end))
        label2 = self._label2[labels][:, None]
        known = labels < len(LABELS)
        keys, used, edges, valid = {}, {}, {}, {}
        for side in _SIDES:
            moves = _MOVES[side][None, :]
            salts = self._salts[side]
            if side == "L":
                edge = start[:, None] + moves
                ok = (edge >= low[:, None]) & (edge <= end[:, None] - 1)
                inside = np.clip(edge, 0, total - 1)
                outside = edge - 1
                has_outside = ok & (outside >= low[:, None])
                at_limit = edge == low[:, None]
                rule_edge = start[:, None]
                rule_word = lowers[start][:, None]
                adds = moves < 0
            else:
                edge = end[:, None] + moves
                ok = (edge >= start[:, None] + 1) & (edge <= high[:, None])
                inside = np.clip(edge - 1, 0, total - 1)
                outside = edge
                has_outside = ok & (outside < high[:, None])
                at_limit = edge == high[:, None]
                rule_edge = end[:, None]
                rule_word = lowers[end - 1][:, None]
                adds = moves > 0
            # Punctuation never becomes an edge; entities of other labels (a base model's) keep theirs.
            ok &= (moves == 0) | (~punct[inside] & known[:, None])
            outside = np.clip(outside, 0, total - 1)
            n = len(ents)
            shape = (n, len(_MOVES[side]))
            move_code = (moves + 8).astype(_U)
            k = np.zeros((_SLOT_COUNT, *shape), dtype=_U)  # slot-major: each slot's writes are contiguous
            u = np.zeros((_SLOT_COUNT, *shape), dtype=bool)
            lo_in, lo_out = lowers[inside], lowers[outside]
            k[0] = salts["bias"]
            k[1] = salts["move"] ^ move_code
            k[2] = salts["move_label"] ^ label2 ^ move_code
            k[3] = salts["edge"] ^ lo_in
            k[4] = salts["edge_label"] ^ label2 ^ lo_in
            k[5] = salts["edge_shape"] ^ shapes[inside]
            k[6] = salts["edge_class"] ^ label2 ^ classes[inside]
            k[7] = salts["class_move"] ^ label2 ^ ((classes[inside] << _U(5)) | move_code)
            k[8] = salts["outside"] ^ np.where(has_outside, lo_out, _U(1))
            k[9] = salts["outside_label"] ^ label2 ^ lo_out
            k[10] = salts["outside_shape"] ^ shapes[outside]
            k[11] = salts["outside_class"] ^ label2 ^ classes[outside]
            k[12] = salts["pair"] ^ lo_in ^ ((lo_out << _U(1)) & _U(_LOW64))
            k[13] = salts["at_limit"] ^ label2
            k[14] = salts["same"] ^ label2
            u[:9] = True
            u[9:13] = has_outside
            u[13] = at_limit
            u[14] = moves == 0
            # The words the move adds to the span (a left edge moved left, a right edge moved right) or
            # drops, their classes, and the classes in order ("in my <body part>", "all the time").
            first = np.minimum(rule_edge, edge)
            count = np.abs(moves)
            word_slot = np.where(adds, salts["added"], salts["dropped"])
            class_slot = np.where(adds, salts["added_class"], salts["dropped_class"])
            pattern = np.zeros(shape, dtype=_U)
            for j in range(3):
                token = np.clip(first + j, 0, total - 1)
                here = (j < count) & ok
                k[15 + j] = word_slot ^ lowers[token]
                k[18 + j] = class_slot ^ label2 ^ classes[token]
                u[15 + j] = here
                u[18 + j] = here
                pattern = np.where(here, (pattern << _U(5)) | classes[token], pattern)
            k[21] = np.where(adds, salts["added_pattern"], salts["dropped_pattern"]) ^ label2 ^ pattern
            u[21] = moves != 0
            # The word the rules' edge was on ("all" of "itchy all over"), with the way the edge moves.
            k[22] = salts["rule_word"] ^ rule_word ^ (moves > 0).astype(_U) ^ (_U(2) * (moves < 0).astype(_U))
            u[22] = True
            u &= ok[None]
            keys[side], used[side], edges[side], valid[side] = k, u, edge, ok
        return Candidates(keys, used, edges, valid, ents, offsets)


_ATTRS = [ORTH, NORM, ENT_IOB, ENT_TYPE, SENT_START]
_ENT_ATTRS = [ENT_IOB, ENT_TYPE, ENT_KB_ID]
_BEGIN, _INSIDE, _OUTSIDE = 3, 1, 2  # spaCy's ENT_IOB codes


class BoundaryModel:
    """Weights of the edge scorer (one linear score per candidate edge)."""

    def __init__(self, weights: np.ndarray, intercept: float = 0.0, *, bits: int, meta: dict | None = None):
        self.weights = np.asarray(weights, dtype=np.float32)
        self.intercept = float(intercept)  # a constant per candidate: no effect on the choice, kept for the format
        self.bits = bits
        self.meta = meta or {}
        self._mask = _U((1 << bits) - 1)

    def save(self, path) -> None:
        rows = np.flatnonzero(self.weights != 0).astype(np.int32)
        meta = {**self.meta, "bits": self.bits}
        np.savez_compressed(path, rows=rows, values=self.weights[rows].astype(np.float16),
                            intercept=np.array([self.intercept], dtype=np.float32),
                            meta=np.array(json.dumps(meta, sort_keys=True)))

    @classmethod
    def read(cls, source) -> BoundaryModel:
        with np.load(source, allow_pickle=False) as stored:
            meta = json.loads(str(stored["meta"]))
            weights = np.zeros(1 << int(meta["bits"]), dtype=np.float32)
            weights[stored["rows"]] = stored["values"].astype(np.float32)
            return cls(weights, float(stored["intercept"][0]), bits=int(meta["bits"]), meta=meta)

    def scores(self, candidates: Candidates, side: str) -> np.ndarray:
        """(entities, candidates) scores of one side: the weights of the keys that count, summed."""
        keys = candidates.keys[side] & self._mask
        return (self.weights.take(keys.view(np.intp)) * candidates.used[side]).sum(axis=0)

    def choose(self, candidates: Candidates) -> np.ndarray:
        """(entities, 2) best start and end per entity (global tokens): the best-scoring pair of valid
        edges with start < end. The rules' own pair is always valid; neighbours whose choices would
        overlap keep the rules' pairs."""
        if not len(candidates):
            return np.zeros((0, 2), dtype=np.int64)
        left, right = self.scores(candidates, "L"), self.scores(candidates, "R")
        lefts, rights = candidates.edges["L"], candidates.edges["R"]
        pairs = left[:, :, None] + right[:, None, :]
        ok = candidates.valid["L"][:, :, None] & candidates.valid["R"][:, None, :] & (lefts[:, :, None] < rights[:, None, :])
        pairs = np.where(ok, pairs, -np.inf).reshape(len(candidates), -1)
        best = pairs.argmax(axis=1)
        width = rights.shape[1]
        rows = np.arange(len(candidates))
        chosen = np.stack([lefts[rows, best // width], rights[rows, best % width]], axis=1)
        # Each side was limited by its neighbours' old edges, so two neighbours can both grow into the
        # gap between them and claim the same token. Such a pair keeps the rules' edges (which never
        # overlap, and which the other neighbours' choices were already limited by).
        ents = candidates.entities
        clash = np.flatnonzero(chosen[:-1, 1] > chosen[1:, 0])
        if len(clash):
            both = np.union1d(clash, clash + 1)
            chosen[both] = ents[both, 1:3]
        return chosen


@cache
def shipped() -> BoundaryModel:
    """The model trained on qatext's NER gold (read once per process)."""
    with resources.files("qatext.resources").joinpath("boundary").joinpath(MODEL_FILE).open("rb") as handle:
        return BoundaryModel.read(handle)


class BoundaryReviser(BatchedPipe):
    """``qatext_boundaries``: moves the edges of ``doc.ents`` where the model scores another edge higher."""

    def __init__(self, nlp: Language, name: str = "qatext_boundaries", *, model: BoundaryModel | None = None):
        extensions.register()
        self.name = name
        self.model = model if model is not None else shipped()
        self._features: Features | None = None
        self._vocab = nlp.vocab

    @property
    def features(self) -> Features:
        if self._features is None:
            self._features = Features(self._vocab)
        return self._features

    def __call__(self, doc: Doc) -> Doc:
        self._end_batch([doc])
        return doc

    def _in_batch(self, doc: Doc, pending: list) -> Doc:
        pending.append(doc)
        return doc

    def _end_batch(self, pending: list) -> None:
        """All the batch's candidates built and scored at once (numpy's cost per call is most of a doc's)."""
        if not pending:
            return
        candidates = self.features.batch(pending)
        if not len(candidates):
            return
        chosen = self.model.choose(candidates)
        ents = candidates.entities
        changed = np.flatnonzero((chosen[:, 0] != ents[:, 1]) | (chosen[:, 1] != ents[:, 2]))
        if not len(changed):
            return
        by_doc: dict[int, list] = {}
        for index in changed.tolist():
            number = int(ents[index, 0])
            offset = candidates.offsets[number]
            by_doc.setdefault(number, []).append((int(ents[index, 1]) - offset, int(ents[index, 2]) - offset,
                                                  int(chosen[index, 0]) - offset, int(chosen[index, 1]) - offset))
        for number, moves in by_doc.items():
            apply(pending[number], moves)


def apply(doc: Doc, moves: list[tuple[int, int, int, int]]) -> None:
    """Move entities' edges ((old start, old end, new start, new end) tokens each), keeping labels,
    concept ids and what the recognizer stored under each entity's character offsets. One array write
    (``doc.ents`` would build a Span per entity twice); the new spans never cross another entity."""
    array = doc.to_array(_ENT_ATTRS)
    chars = {}
    for old_start, old_end, new_start, new_end in moves:
        label, kb_id = array[old_start, 1], array[old_start, 2]
        array[old_start:old_end] = (_OUTSIDE, 0, 0)
        array[new_start:new_end] = (_INSIDE, label, kb_id)
        array[new_start, 0] = _BEGIN
        chars[_chars(doc, old_start, old_end)] = (*_chars(doc, new_start, new_end), old_start, old_end, new_start, new_end)
    doc.from_array(_ENT_ATTRS, array)
    user_data = doc.user_data
    if not user_data:
        return
    for key in [k for k in user_data if isinstance(k, tuple) and len(k) == 4 and (k[2], k[3]) in chars]:
        if key[0] not in (USER_DATA_PREFIX, "qatext"):
            continue
        start_char, end_char, *tokens = chars[(key[2], key[3])]
        value = user_data.pop(key)
        if key[:2] == (USER_DATA_PREFIX, "matched_as") and isinstance(value, str):
            value = _matched_as(doc, value, *tokens)
        user_data[(key[0], key[1], start_char, end_char)] = value


def _chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last)


def _matched_as(doc: Doc, value: str, old_start: int, old_end: int, new_start: int, new_end: int) -> str:
    """``matched_as`` of the moved span: the fuzzy words it kept, and the words it added as written."""
    words = value.split(" ")
    if len(words) != old_end - old_start:
        return value
    return " ".join(words[index - old_start] if old_start <= index < old_end else doc[index].lower_
                    for index in range(new_start, new_end))
