"""A learned assertion status model that revises some of ConText's statuses.

ConText's rules are fitted to the wordings they were studied on; on a gold batch never studied they
miss general questions and conditions that come in other shapes, and the miss comes out ``present``.
This model reads cheap features of the text around each mention (the words next to it and in its
clause, the sentence's first words and final "?", the rule's status and cue) and a linear softmax
over the seven statuses gives its guess. It may change a rule's status only along the
transitions and above the confidence its policy names (chosen on held-out gold batches, see
``qatext/resources/context/MODEL_CARD.md``); what it changes gets the cue ``model:<status>`` and the
experiencer that goes with the status (generic: none; family: relative).

Features are hashed (the token's LOWER hash, which spaCy computes the same way everywhere, mixed with
a salt per feature slot) into ``2**bits`` rows of a weight table; only the rows training touched are
shipped. Runtime needs numpy only; ``scripts/train_status_model.py`` trains it with scikit-learn.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple
from importlib import resources

import numpy as np

from qatext.ner.extensions import ASSERTIONS, USER_DATA_PREFIX

MODEL_FILE = "status_model.npz"
# The experiencer that goes with a status the model gives; other statuses keep the rules' experiencer
# when it is a person's ("a guy at work" stays "other"), else the mention is the patient's.
_EXPERIENCER_OF = {"generic": "none", "family": "relative"}
_PERSONS = frozenset({"patient", "other"})
_SIDE_WINDOW = 12  # sentence words per side of the mention that its clause may take
# Mentions scored together. A batch's arrays grow with its mentions (45 key slots each, then a row of 7 weights for
# each key kept): the 3,269 mentions of a batch of 256 ask-a-doctor pages made about 6 MB of short-lived arrays, more
# than a core's L2 cache, each written out to memory and read back (valgrind's cache simulation of a pass over 300
# pages: 0.47 M of the pipeline's 2.42 M last-level misses). A few hundred at a time stay in the cache, and the
# numpy calls per chunk cost little beside them (0.6 % more instructions); the scores are the same.
GATHER_MENTIONS = 400
_WH_WORDS = ("what", "how", "why", "when", "which", "who", "where", "whats", "hows")
_FIRST_PERSON = ("i", "my", "me", "im", "ive", "i'm", "i've", "mine", "myself", "we", "our", "us")
_SECOND_PERSON = ("you", "your", "youre", "you're", "yours", "yourself")
# Words that end a clause for the "same clause" features.
_CLAUSE_BREAKS = (",", ";", ":", "but", "and", "or", "because", "so", "however", "although", "though", "if",
                  "when", "while", "-", "(", ")")
_SLOTS = ("bias", "label", "rule", "rule_label", "experiencer", "cue", "first", "first2", "last", "pre1", "pre2",
          "pre3", "post1", "post2", "post3", "clause_before", "clause_after", "at_start", "head",
          "doc", "sentence_index", "question_label", "wh_clause")


def _salt(name: str) -> int:
    return int.from_bytes(hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest(), "little")


def string_key(text: str) -> int:
    """A stable 64-bit key for a string that is not a token (a status, a cue phrase)."""
    return _salt("s:" + text)


SALTS = {slot: _salt(slot) for slot in _SLOTS}
_LOW64 = (1 << 64) - 1
# A token's code: bit flags for the word lists the features read.
_FIRST, _SECOND, _ASKS, _BREAK, _WH = 1, 2, 4, 8, 16
# The columns of the keys matrix, in the order a mention's keys are summed: six of the label and the rules'
# output; the sentence's first word, last word, the doc's speakers, the sentence's number; question x label; the
# mention's last word; three words before and three after; then the slots a mention may lack: at the sentence's
# start, the sentence's first two words, its clause's words before and after it, a wh-word before it.
_HEAD, _FIRST_WORD, _LAST_WORD, _DOC, _SENTENCE_INDEX, _QUESTION_LABEL, _HEAD_WORD = slice(0, 6), 6, 7, 8, 9, 10, 11
_PRE, _POST, _AT_START, _FIRST2 = slice(12, 15), slice(15, 18), 18, 19
_CLAUSE_BEFORE = slice(20, 20 + _SIDE_WINDOW)
_CLAUSE_AFTER = slice(20 + _SIDE_WINDOW, 20 + 2 * _SIDE_WINDOW)
_WH_CLAUSE = 20 + 2 * _SIDE_WINDOW
_COLUMNS = range(21 + 2 * _SIDE_WINDOW)
# The salts as numpy scalars (a Python int costs a conversion per operation), and the constants of _matrix.
_SALT64 = {slot: np.uint64(salt) for slot, salt in SALTS.items()}
_PRE_SALTS = np.array([[SALTS[f"pre{i}"]] for i in (1, 2, 3)], dtype=np.uint64)
_POST_SALTS = np.array([[SALTS[f"post{i}"]] for i in (1, 2, 3)], dtype=np.uint64)
_STEPS = np.arange(_SIDE_WINDOW)
_OUTSIDE, _ONE = np.uint64(1), np.uint64(1)  # the word before or after a mention outside its sentence


@dataclass(frozen=True)
class Policy:
    """When the model's status replaces the rules': the rule status is in ``sources``, the model's in
    ``targets``, and the model gives its status at least probability ``threshold``."""

    sources: tuple[str, ...] | None  # None: any
    targets: tuple[str, ...]
    threshold: float

    def to_json(self) -> dict:
        return {"sources": None if self.sources is None else list(self.sources), "targets": list(self.targets), "threshold": self.threshold}


class Features:
    """Hashed feature keys of mentions, from the arrays ConText already read, for a batch of docs at once.

    Every mention has the same slots (``_COLUMNS``): a keys matrix with one row per slot and one column per
    mention, and a mask of the slots each has (at-start, first two words, the words of its clause: not every
    mention has them). The matrix is built with a few dozen numpy operations for the whole batch: the Python loop
    per mention it replaced cost 7 microseconds a mention, about 40 % of ConText's time in ``nlp.pipe``. Read
    column by column, the mask gives each mention's keys in the order they were always summed in (float sums
    depend on it). A doc alone (``nlp(text)``) pays the few dozen operations for its own few mentions.
    Training (``candidates``, through ``keys``) and ConText read the same code."""

    def __init__(self, strings):
        key = strings.add
        self._question = key("?")
        # One code per token, as bit flags: who speaks (I, you, a question mark), a clause break, a wh-word.
        codes: dict[int, int] = {}
        for words, flag in ((_FIRST_PERSON, _FIRST), (_SECOND_PERSON, _SECOND), (("?",), _ASKS),
                            (_CLAUSE_BREAKS, _BREAK), (_WH_WORDS, _WH)):
            for word in words:
                codes[key(word)] = codes.get(key(word), 0) | flag
        self._code_table = _CodeTable(codes)
        # The keys that depend on the label and the rules' output alone, one row per combination met.
        self._combos: dict[tuple, int] = {}
        self._combo_keys: list[tuple] = []
        self._combo_statuses: list[str] = []
        self._combo_table: np.ndarray | None = None
        self._default_combos = _DefaultCombos(self)

    def combo(self, label: str, status: str, experiencer: str, cue: str | None) -> int:
        """The row of the keys of (label, rule status, experiencer, cue): made once per combination."""
        found = self._combos.get((label, status, experiencer, cue))
        if found is None:
            rule, label_key = string_key(status), string_key(label)
            self._combo_keys.append((
                SALTS["bias"], SALTS["label"] ^ label_key, SALTS["rule"] ^ rule,
                SALTS["rule_label"] ^ rule ^ ((label_key << 1) & _LOW64),
                SALTS["experiencer"] ^ string_key(experiencer),
                SALTS["cue"] ^ (string_key(cue) if cue is not None else 0), SALTS["question_label"] ^ label_key,
                SALTS["at_start"] ^ rule, SALTS["wh_clause"] ^ rule))
            self._combo_statuses.append(status)
            self._combo_table = None
            found = self._combos[(label, status, experiencer, cue)] = len(self._combo_keys) - 1
        return found

    def statuses(self, combos: np.ndarray) -> list[str]:
        """The rule status of each combination's row."""
        return [self._combo_statuses[c] for c in combos.tolist()]

    def _table(self) -> np.ndarray:
        if self._combo_table is None:
            self._combo_table = np.array(self._combo_keys, dtype=np.uint64).T  # one column per combination
        return self._combo_table

    def batch(self, docs: list[Pending], sources: frozenset[str] | None) -> Batch:
        """The mentions of ``docs`` whose rule status is in ``sources`` (all when None) and their keys."""
        # Per doc, in Python: its mentions' token spans and their combinations' rows (a default per label, then the
        # few the rules gave another status, experiencer or cue), as the doc has them; the rest for all docs at
        # once, in numpy, which also moves the positions to the batch's concatenated tokens.
        lowers, lengths, sentence_starts, sentence_counts, counts, numbers = [], [], [], [], [], []
        starts, ends, combos, dropped = [], [], [], []
        combo, default_combo = self.combo, self._default_combos.__getitem__
        for number, (doc, doc_lowers, doc_sentence_starts, ents, ruled) in enumerate(docs):
            if not ents:
                continue
            first = len(starts)
            ent_starts, ent_ends, labels, _start_chars, _end_chars = zip(*ents)
            starts += ent_starts
            ends += ent_ends
            combos += map(default_combo, labels)
            for index, (status, experiencer, cue) in (ruled if ruled is not None else _written_all(doc, ents)).items():
                if sources is not None and status not in sources:
                    dropped.append(first + index)
                else:
                    combos[first + index] = combo(labels[index], status, experiencer, cue)
            numbers.append(number)
            counts.append(len(ents))
            sentence_starts += doc_sentence_starts
            sentence_counts.append(len(doc_sentence_starts))
            lowers.append(doc_lowers)
            lengths.append(len(doc_lowers))
        if len(dropped) == len(starts):
            return Batch(_NO_INTS, _NO_INTS, _NO_INTS, np.zeros(0, dtype=np.uint64), _NO_INTS)
        counts, sentence_counts = np.array(counts), np.array(sentence_counts)
        offsets = np.cumsum(lengths) - lengths  # where each doc's tokens start in the batch's
        row_of = np.repeat(np.arange(len(counts)), counts)  # a mention's doc among those with mentions
        firsts = np.cumsum(sentence_counts) - sentence_counts  # each doc's first sentence among the batch's
        mention_offsets = offsets[row_of]
        columns = [np.array(starts) + mention_offsets, np.array(ends) + mention_offsets, np.array(combos), row_of,
                   np.arange(len(starts)) - (np.cumsum(counts) - counts)[row_of]]
        if dropped:
            kept = np.ones(len(starts), dtype=bool)
            kept[dropped] = False
            columns = [np.compress(kept, column) for column in columns]
        starts, ends, combos, row_of, ent_numbers = columns
        keys, mask = self._matrix(np.concatenate(lowers).astype(np.uint64, copy=False), offsets,
                                  np.array(sentence_starts) + np.repeat(offsets, sentence_counts), firsts,
                                  starts, ends, combos, row_of)
        # Read mention by mention (column by column): each mention's keys in their slots' order.
        mask_counts = np.count_nonzero(mask, axis=0)
        return Batch(np.array(numbers)[row_of], ent_numbers, combos,
                     np.compress(mask.ravel(order="F"), keys.ravel(order="F")), np.cumsum(mask_counts) - mask_counts)

    def _matrix(self, lowers, offsets, sentence_starts, firsts, starts, ends, combos, row_of):
        """The keys of every mention, one column each and one row per slot of ``_COLUMNS`` (a row of a slot is one
        numpy operation for all mentions), and which of them it has."""
        length = len(lowers)
        codes = self._code_table.codes(lowers)
        # The sentence of each mention: its start, its end, its number in the doc.
        sentence = np.searchsorted(sentence_starts, starts, side="right") - 1
        sent_start = sentence_starts[sentence]
        sent_end = np.append(sentence_starts, length)[sentence + 1]
        # The sentence's last word before the clause breaks that close it; whether it asks.
        last_unbroken = np.maximum.accumulate(np.where(codes & _BREAK, -1, np.arange(length)))
        last = np.maximum(last_unbroken[sent_end - 1], sent_start)
        asks = ((lowers[sent_end - 1] == self._question) | (lowers[last] == self._question)).astype(np.uint64)
        # Who speaks in each doc (the bits of the speakers' codes, over all its words).
        speakers = np.bitwise_or.reduceat(codes & (_FIRST | _SECOND | _ASKS), offsets)[row_of].astype(np.uint64)
        # The words around the mention, one row per step away from it: before it up to _SIDE_WINDOW back (the
        # clause's words, and the three nearest its own slots), after it likewise; outside the sentence, 1.
        steps = _STEPS[:, None]
        before = starts - 1 - steps
        in_window = before >= sent_start
        before = np.maximum(before, 0)
        words_before, codes_before = lowers[before], codes[before]
        after = ends + steps
        in_sentence = after < sent_end
        after = np.minimum(after, length - 1)
        words_after = lowers[after]
        head = self._table()[:, combos]
        keys = np.empty((len(_COLUMNS), len(starts)), dtype=np.uint64)
        mask = np.ones(keys.shape, dtype=bool)
        keys[_HEAD] = head[:6]
        keys[_FIRST_WORD] = _SALT64["first"] ^ lowers[sent_start]
        keys[_LAST_WORD] = _SALT64["last"] ^ lowers[last] ^ asks
        keys[_DOC] = _SALT64["doc"] ^ speakers
        keys[_SENTENCE_INDEX] = _SALT64["sentence_index"] ^ np.minimum(sentence - firsts[row_of], 2).astype(np.uint64)
        keys[_QUESTION_LABEL] = head[6] ^ asks
        keys[_HEAD_WORD] = _SALT64["head"] ^ lowers[ends - 1]
        keys[_PRE] = _PRE_SALTS ^ np.where(in_window[:3], words_before[:3], _OUTSIDE)
        keys[_POST] = _POST_SALTS ^ np.where(in_sentence[:3], words_after[:3], _OUTSIDE)
        keys[_AT_START] = head[7]
        mask[_AT_START] = starts == sent_start
        second_word = lowers[np.minimum(sent_start + 1, length - 1)]
        keys[_FIRST2] = _SALT64["first2"] ^ lowers[sent_start] ^ (second_word << _ONE)
        mask[_FIRST2] = sent_start + 1 < sent_end
        # The clause of the mention: the words before it back to the nearest break, and after it to the next
        # (accumulated along the steps).
        keys[_CLAUSE_BEFORE] = _SALT64["clause_before"] ^ words_before
        mask[_CLAUSE_BEFORE] = in_window & ~np.logical_or.accumulate(codes_before & _BREAK, axis=0)
        keys[_CLAUSE_AFTER] = _SALT64["clause_after"] ^ words_after
        mask[_CLAUSE_AFTER] = in_sentence & ~np.logical_or.accumulate(codes[after] & _BREAK, axis=0)
        # A wh-word anywhere in the window before (not only in the clause).
        keys[_WH_CLAUSE] = head[8]
        mask[_WH_CLAUSE] = (((codes_before & _WH) > 0) & in_window).any(axis=0)
        return keys, mask

    def keys(self, user_data: dict, lowers, sentence_starts: list[int], ents,
             sources: frozenset[str] | None) -> tuple[list[tuple], list[int], list[int]]:
        """The mentions of one doc among ConText's ``ents`` (start, end, label, start_char, end_char) whose
        rule status is in ``sources`` (all when None), as (start_char, end_char, status, experiencer, cue),
        and their feature keys in one list, 64-bit (the model masks them to its table), mention i's from
        offsets[i]. The rule's status, experiencer and cue are read back from where ConText wrote them
        (only what differs from the defaults)."""
        found = self.batch([Pending(_UserData(user_data), np.asarray(lowers, dtype=np.uint64), sentence_starts, ents,
                                    None)], sources)
        mentions = [(ents[number][3], ents[number][4], *_written(user_data, ents[number][3], ents[number][4]))
                    for number in found.numbers.tolist()]
        return mentions, found.keys.tolist(), found.offsets.tolist()


class _CodeTable:
    """Looks the codes of a whole array of LOWER hashes up at once: 16 bits of a hash index a table of the coded
    words' hashes and codes (bits chosen where no two coded words share them), and a token whose full hash
    differs is no coded word (a sorted search cost several times more)."""

    _BITS = 16

    def __init__(self, codes: dict[int, int]):
        size = 1 << self._BITS
        self._shift = next(shift for shift in range(64 - self._BITS)
                           if len({(word >> shift) % size for word in codes}) == len(codes))
        self._words = np.zeros(size, dtype=np.uint64)
        self._codes = np.zeros(size, dtype=np.uint8)
        for word, code in codes.items():
            self._words[(word >> self._shift) % size] = word
            self._codes[(word >> self._shift) % size] = code

    def codes(self, lowers: np.ndarray) -> np.ndarray:
        slot = ((lowers >> np.uint64(self._shift)) & np.uint64((1 << self._BITS) - 1)).astype(np.intp)
        return np.where(self._words[slot] == lowers, self._codes[slot], np.uint8(0))


class Pending(NamedTuple):
    """A doc the model is to revise: its LOWER hashes as ConText read them (a roman numeral "i" is 0), sentence
    starts, ConText's entities (start, end, label, start_char, end_char) and, when ConText handed them over,
    its outputs that differ from the defaults (entity number -> (status, experiencer, cue)); None: read from
    the doc's user_data, where ConText wrote them."""

    doc: object
    lowers: object
    sentence_starts: list[int]
    ents: list[tuple]
    ruled: dict[int, tuple[str, str, str | None]] | None


class Batch(NamedTuple):
    """The mentions of a batch the model reads: their doc (position in the batch), entity number and the row of
    their label and rule output (``Features.combo``), one each; their keys in one array, mention i's from
    offsets[i]."""

    doc_of: np.ndarray
    numbers: np.ndarray
    combos: np.ndarray
    keys: np.ndarray
    offsets: np.ndarray


_NO_INTS = np.zeros(0, dtype=np.intp)


class _DefaultCombos(dict):
    """label -> the row of a mention of that label the rules left present, the patient's, without a cue."""

    def __init__(self, features: Features):
        super().__init__()
        self._features = features

    def __missing__(self, label: str) -> int:
        found = self[label] = self._features.combo(label, "present", "patient", None)
        return found


class _UserData:
    """A stand-in doc for ``Features.keys``: only its user_data is read."""

    def __init__(self, user_data: dict):
        self.user_data = user_data


_DEFAULT_OUTPUT = ("present", "patient", None)


def _written(user_data: dict, start_char: int, end_char: int) -> tuple[str, str, str | None]:
    """(status, experiencer, cue) of the entity at ``start_char``-``end_char``, read back from where ConText wrote
    them (only what differs from the defaults)."""
    get = user_data.get
    return (get((USER_DATA_PREFIX, "assertion", start_char, end_char), "present"),
            get((USER_DATA_PREFIX, "experiencer", start_char, end_char), "patient"),
            get((USER_DATA_PREFIX, "assertion_cue", start_char, end_char)))


def _written_all(doc, ents) -> dict[int, tuple[str, str, str | None]]:
    """entity number -> (status, experiencer, cue) the rules wrote on ``doc``, for those not all defaults."""
    found = {}
    for number, (_start, _end, _label, start_char, end_char) in enumerate(ents):
        output = _written(doc.user_data, start_char, end_char)
        if output != _DEFAULT_OUTPUT:
            found[number] = output
    return found


@dataclass
class Mention:
    """One entity as the hook sees it: where it is and what the rules gave it."""

    start_char: int
    end_char: int
    status: str
    experiencer: str
    cue: str | None
    rows: list[int]


class StatusModel:
    """Softmax weights over hashed features, and the policy that decides which predictions win."""

    def __init__(self, weights: np.ndarray, intercept: np.ndarray, *, bits: int, policy: Policy,
                 classes: tuple[str, ...] = ASSERTIONS, meta: dict | None = None):
        self.weights = np.asarray(weights, dtype=np.float32)
        self.intercept = np.asarray(intercept, dtype=np.float32)
        self.bits = bits
        self.policy = policy
        self.classes = tuple(classes)
        self.meta = meta or {}
        self._sources = None if policy.sources is None else frozenset(policy.sources)
        self._targets = frozenset(self.classes.index(t) for t in policy.targets)
        self._is_target = np.array([index in self._targets for index in range(len(self.classes))])
        self._class_index = {status: index for index, status in enumerate(self.classes)}
        self._features: Features | None = None
        self._mask = np.uint64((1 << bits) - 1)

    # -- weights -------------------------------------------------------------------------------

    @classmethod
    def from_sparse(cls, rows: np.ndarray, values: np.ndarray, intercept: np.ndarray, *, bits: int,
                    policy: Policy, classes, meta: dict | None = None) -> StatusModel:
        weights = np.zeros((1 << bits, len(classes)), dtype=np.float32)
        weights[rows] = values
        return cls(weights, intercept, bits=bits, policy=policy, classes=classes, meta=meta)

    def save(self, path) -> None:
        rows = np.flatnonzero(np.any(self.weights != 0, axis=1)).astype(np.int32)
        meta = {**self.meta, "bits": self.bits, "policy": self.policy.to_json(), "classes": list(self.classes)}
        np.savez_compressed(path, rows=rows, values=self.weights[rows].astype(np.float16),
                            intercept=self.intercept.astype(np.float32), meta=np.array(json.dumps(meta, sort_keys=True)))

    @classmethod
    def read(cls, source) -> StatusModel:
        with np.load(source, allow_pickle=False) as stored:
            meta = json.loads(str(stored["meta"]))
            sources = meta["policy"]["sources"]
            policy = Policy(None if sources is None else tuple(sources), tuple(meta["policy"]["targets"]),
                            float(meta["policy"]["threshold"]))
            return cls.from_sparse(stored["rows"], stored["values"].astype(np.float32), stored["intercept"],
                                   bits=int(meta["bits"]), policy=policy, classes=tuple(meta["classes"]), meta=meta)

    # -- prediction ----------------------------------------------------------------------------

    def scores(self, rows_of: list[list[int]]) -> np.ndarray:
        """Linear scores over the classes, one row per mention (its feature keys: one gather for all)."""
        flat, offsets = [], []
        for rows in rows_of:
            offsets.append(len(flat))
            flat += rows
        return self._sum(np.fromiter(flat, dtype=np.uint64, count=len(flat)), offsets)

    def _sum(self, keys: np.ndarray, offsets) -> np.ndarray:
        """The rows of the keys summed from each offset to the next, in order, plus the intercept.
        take() is several times cheaper than fancy indexing for a few hundred rows."""
        scores = np.add.reduceat(self.weights.take((keys & self._mask).view(np.intp), axis=0), offsets, axis=0)
        scores += self.intercept
        return scores

    def probabilities(self, rows_of: list[list[int]]) -> np.ndarray:
        """Softmax over the classes, one row per mention."""
        return _softmax(self.scores(rows_of))

    def features(self, strings) -> Features:
        if self._features is None:
            self._features = Features(strings)
        return self._features

    def revise(self, doc, lowers, sentence_starts: list[int], ents) -> None:
        """Replace the rule statuses the policy lets the model replace (the hook at the end of ConText); the
        rules' output is read back from the doc."""
        self.revise_all([Pending(doc, np.asarray(lowers, dtype=np.uint64), sentence_starts, ents, None)])

    def revise_all(self, items: list[Pending]) -> None:
        """``revise`` for a batch of docs: their mentions' keys in one array, scored with one gather for all
        (numpy's cost per call is most of a doc's), :data:`GATHER_MENTIONS` mentions or so at a time."""
        chunk, mentions = [], 0
        for item in items:
            chunk.append(item)
            mentions += len(item.ents)
            if mentions >= GATHER_MENTIONS:
                self._revise_chunk(chunk)
                chunk, mentions = [], 0
        if chunk:
            self._revise_chunk(chunk)

    def _revise_chunk(self, items: list[Pending]) -> None:
        found = self.features(items[0].doc.vocab.strings).batch(items, self._sources)
        if len(found.doc_of):
            self._decide(items, found, self._sum(found.keys, found.offsets))

    def _decide(self, items: list[Pending], found: Batch, scores: np.ndarray) -> None:
        """Write the model's status where the policy lets it replace the rules' (a row of ``scores`` per mention
        of ``found``). Which ones is worked out for all mentions at once; few change."""
        threshold = self.policy.threshold
        # The softmax only when a confidence threshold needs it: the best score is the best probability.
        if threshold > 0:
            scores = _softmax(scores)
        best = scores.argmax(axis=1)
        rule_status = np.array([self._class_index.get(status, -1) for status in self._features.statuses(
            np.arange(found.combos.max() + 1))])[found.combos]
        changes = self._is_target[best] & (best != rule_status)
        if threshold > 0:
            changes &= scores[np.arange(len(best)), best] >= threshold
        classes = self.classes
        for index in np.flatnonzero(changes).tolist():
            item, number = items[found.doc_of[index]], int(found.numbers[index])
            _start, _end, _label, start_char, end_char = item.ents[number]
            user_data, key = item.doc.user_data, (start_char, end_char)
            rule_experiencer = (item.ruled.get(number, _DEFAULT_OUTPUT) if item.ruled is not None else
                                _written(user_data, start_char, end_char))[1]
            status = classes[int(best[index])]
            _write(user_data, "assertion", key, status, "present")
            _write(user_data, "experiencer", key, experiencer_for(status, rule_experiencer), "patient")
            user_data[(USER_DATA_PREFIX, "assertion_cue", *key)] = f"model:{status}"


def _softmax(scores: np.ndarray) -> np.ndarray:
    scores -= scores.max(axis=1, keepdims=True)
    np.exp(scores, out=scores)
    scores /= scores.sum(axis=1, keepdims=True)
    return scores


def experiencer_for(status: str, rules_experiencer: str) -> str:
    """Whose mention it is once the model gave it ``status`` (generic: nobody's; family: a relative's)."""
    return _EXPERIENCER_OF.get(status) or (rules_experiencer if rules_experiencer in _PERSONS else "patient")


def _write(user_data: dict, name: str, key: tuple[int, int], value: str, default: str) -> None:
    if value == default:
        user_data.pop((USER_DATA_PREFIX, name, *key), None)
    else:
        user_data[(USER_DATA_PREFIX, name, *key)] = value


def candidates(doc, lowers: list[int], sentence_starts: list[int], ents, features: Features,
               sources: frozenset[str] | None) -> list[Mention]:
    """The mentions of one doc whose rule status is in ``sources`` (all when None), with their feature
    keys (``Features.keys``; ``ents`` are ConText's (start, end, label, start_char, end_char))."""
    mentions, flat, offsets = features.keys(doc.user_data, lowers, sentence_starts, ents, sources)
    ends = [*offsets[1:], len(flat)]
    return [Mention(*mention, flat[a:b]) for mention, a, b in zip(mentions, offsets, ends)]


@cache
def shipped() -> StatusModel:
    """The model trained on all of qatext's assertion gold (read once per process)."""
    with resources.files("qatext.resources").joinpath("context").joinpath(MODEL_FILE).open("rb") as handle:
        return StatusModel.read(handle)
