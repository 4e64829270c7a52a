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
from importlib import resources

import numpy as np

from qatext.ner.extensions import ASSERTIONS, USER_DATA_PREFIX

MODEL_FILE = "status_model.npz"
# The experiencer that goes with a status the model gives; other statuses keep the rules' experiencer
# when it is a person's ("a guy at work" stays "other"), else the mention is the patient's.
_EXPERIENCER_OF = {"generic": "none", "family": "relative"}
_PERSONS = frozenset({"patient", "other"})
_SIDE_WINDOW = 12  # sentence words per side of the mention that its clause may take
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
    """Hashed feature rows of the mentions of one doc, from the arrays ConText already read."""

    def __init__(self, strings):
        key = strings.add
        self._question = key("?")
        self._wh = frozenset(key(w) for w in _WH_WORDS)
        self._first_person = frozenset(key(w) for w in _FIRST_PERSON)
        self._second_person = frozenset(key(w) for w in _SECOND_PERSON)
        self._breaks = frozenset(key(w) for w in _CLAUSE_BREAKS)
        self._strings: dict[str, int] = {}

    def _string(self, text: str) -> int:
        value = self._strings.get(text)
        if value is None:
            value = self._strings[text] = string_key(text)
        return value

    def doc_words(self, lowers: list[int]) -> int:
        """Who speaks in the doc: 1 for "I", 2 for "you", 4 for a question mark, as bit flags."""
        words = set(lowers)
        return ((not self._first_person.isdisjoint(words)) | (not self._second_person.isdisjoint(words)) << 1
                | (self._question in words) << 2)

    def of(self, lowers: list[int], sent_start: int, sent_end: int, start: int, end: int, label: str, status: str,
           experiencer: str, cue: str | None, doc_flags: int, sentence_index: int) -> list[int]:
        """The feature keys of one mention, 64-bit (the model masks them to its table)."""
        salts, string = SALTS, self._string
        last = sent_end - 1
        breaks = self._breaks
        while last > sent_start and lowers[last] in breaks:
            last -= 1
        rule = string(status)
        label_key = string(label)
        asks = lowers[sent_end - 1] == self._question or lowers[last] == self._question
        rows = [salts["bias"], salts["label"] ^ label_key, salts["rule"] ^ rule,
                salts["rule_label"] ^ rule ^ ((label_key << 1) & _LOW64), salts["experiencer"] ^ string(experiencer),
                salts["cue"] ^ (string(cue) if cue is not None else 0),
                salts["first"] ^ lowers[sent_start], salts["last"] ^ lowers[last] ^ asks,
                salts["doc"] ^ doc_flags, salts["sentence_index"] ^ min(sentence_index, 2),
                salts["question_label"] ^ label_key ^ asks, salts["head"] ^ lowers[end - 1],
                salts["pre1"] ^ (lowers[start - 1] if start - 1 >= sent_start else 1),
                salts["pre2"] ^ (lowers[start - 2] if start - 2 >= sent_start else 1),
                salts["pre3"] ^ (lowers[start - 3] if start - 3 >= sent_start else 1),
                salts["post1"] ^ (lowers[end] if end < sent_end else 1),
                salts["post2"] ^ (lowers[end + 1] if end + 1 < sent_end else 1),
                salts["post3"] ^ (lowers[end + 2] if end + 2 < sent_end else 1)]
        if start == sent_start:
            rows.append(salts["at_start"] ^ rule)
        if sent_start + 1 < sent_end:
            rows.append(salts["first2"] ^ lowers[sent_start] ^ ((lowers[sent_start + 1] << 1) & _LOW64))
        before = lowers[max(sent_start, start - _SIDE_WINDOW):start]
        after = lowers[end:min(sent_end, end + _SIDE_WINDOW)]
        # The clause of the mention: from the nearest break before it to the next one after it.
        salt = salts["clause_before"]
        for word in reversed(before):
            if word in breaks:
                break
            rows.append(salt ^ word)
        salt = salts["clause_after"]
        for word in after:
            if word in breaks:
                break
            rows.append(salt ^ word)
        if not self._wh.isdisjoint(before):
            rows.append(salts["wh_clause"] ^ rule)
        return rows


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
        self._features: Features | None = None

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
        keys = np.array(flat, dtype=np.uint64) & np.uint64((1 << self.bits) - 1)
        scores = np.add.reduceat(self.weights[keys.astype(np.intp)], offsets, axis=0)
        scores += self.intercept
        return scores

    def probabilities(self, rows_of: list[list[int]]) -> np.ndarray:
        """Softmax over the classes, one row per mention."""
        scores = self.scores(rows_of)
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores

    def features(self, strings) -> Features:
        if self._features is None:
            self._features = Features(strings)
        return self._features

    def revise(self, doc, lowers: list[int], sentence_starts: list[int], ents) -> None:
        """Replace the rule statuses the policy lets the model replace (the hook at the end of ConText)."""
        mentions = candidates(doc, lowers, sentence_starts, ents, self.features(doc.vocab.strings), self._sources)
        if not mentions:
            return
        threshold = self.policy.threshold
        # The softmax only when a confidence threshold needs it: the best score is the best probability.
        scores = self.probabilities([m.rows for m in mentions]) if threshold > 0 else self.scores(
            [m.rows for m in mentions])
        best = scores.argmax(axis=1).tolist()
        user_data, targets = doc.user_data, self._targets
        for mention, guess, row in zip(mentions, best, scores):
            if guess not in targets or (threshold > 0 and row[guess] < threshold):
                continue
            status = self.classes[guess]
            if status == mention.status:
                continue
            key = (mention.start_char, mention.end_char)
            _write(user_data, "assertion", key, status, "present")
            _write(user_data, "experiencer", key, experiencer_for(status, mention.experiencer), "patient")
            user_data[(USER_DATA_PREFIX, "assertion_cue", *key)] = f"model:{status}"


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
    """The mentions whose rule status is in ``sources`` (all when None), with their feature rows.

    ``ents`` are ConText's (start, end, label, start_char, end_char); the rule's status, experiencer
    and cue are read back from where ConText wrote them (only what differs from the defaults)."""
    user_data = doc.user_data
    mentions = []
    doc_flags = None
    index, sent_start, sent_end = -1, 0, 0
    length, count = len(lowers), len(sentence_starts)
    for start, end, label, start_char, end_char in ents:
        while start >= sent_end:
            index += 1
            sent_start = sentence_starts[index]
            sent_end = sentence_starts[index + 1] if index + 1 < count else length
        status = user_data.get((USER_DATA_PREFIX, "assertion", start_char, end_char), "present")
        if sources is not None and status not in sources:
            continue
        if doc_flags is None:
            doc_flags = features.doc_words(lowers)
        experiencer = user_data.get((USER_DATA_PREFIX, "experiencer", start_char, end_char), "patient")
        cue = user_data.get((USER_DATA_PREFIX, "assertion_cue", start_char, end_char))
        rows = features.of(lowers, sent_start, sent_end, start, end, label, status, experiencer, cue, doc_flags,
                           index)
        mentions.append(Mention(start_char, end_char, status, experiencer, cue, rows))
    return mentions


@cache
def shipped() -> StatusModel:
    """The model trained on all of qatext's assertion gold (read once per process)."""
    with resources.files("qatext.resources").joinpath("context").joinpath(MODEL_FILE).open("rb") as handle:
        return StatusModel.read(handle)
