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
    """Hashed feature keys of the mentions of one doc, from the arrays ConText already read.

    What depends on the label and the rules' output alone is computed once per combination, what
    depends on the sentence once per sentence; per mention only the words around it are read. (Built
    with numpy for a whole batch at once it was slower: a few dozen array operations per batch cost
    more than the Python they save, and per doc far more.)"""

    def __init__(self, strings):
        key = strings.add
        self._question = key("?")
        # Who speaks in the doc, as bit flags: 1 for "I", 2 for "you", 4 for a question mark.
        self._speakers = {**{key(w): 1 for w in _FIRST_PERSON}, **{key(w): 2 for w in _SECOND_PERSON}, self._question: 4}
        self._breaks = frozenset(key(w) for w in _CLAUSE_BREAKS)
        self._wh = frozenset(key(w) for w in _WH_WORDS)
        self._heads: dict[tuple, tuple] = {}

    def doc_words(self, lowers: list[int]) -> int:
        """Who speaks in the doc: 1 for "I", 2 for "you", 4 for a question mark, as bit flags."""
        speakers = self._speakers
        flags = 0
        for word in speakers.keys() & lowers:
            flags |= speakers[word]
        return flags

    def _sentence(self, lowers: list[int], sent_start: int, sent_end: int, doc_flags: int, index: int) -> tuple:
        """The keys a sentence gives its mentions: first word, last word, doc, sentence index, first two
        words (0 for a one-word sentence, which has none); then whether it asks."""
        salts = SALTS
        last = sent_end - 1
        breaks = self._breaks
        while last > sent_start and lowers[last] in breaks:
            last -= 1
        asks = lowers[sent_end - 1] == self._question or lowers[last] == self._question
        first2 = salts["first2"] ^ lowers[sent_start] ^ ((lowers[sent_start + 1] << 1) & _LOW64) \
            if sent_start + 1 < sent_end else 0
        return (salts["first"] ^ lowers[sent_start], salts["last"] ^ lowers[last] ^ asks, salts["doc"] ^ doc_flags,
                salts["sentence_index"] ^ min(index, 2), first2, asks)

    def _head(self, label: str, status: str, experiencer: str, cue: str | None, asks: bool) -> tuple:
        """The keys that depend on the label and the rules' output alone, once per combination: the first
        six, then question x label; at-start and wh-clause (for the mentions they apply to)."""
        found = self._heads.get((label, status, experiencer, cue, asks))
        if found is None:
            salts = SALTS
            rule, label_key = string_key(status), string_key(label)
            found = self._heads[(label, status, experiencer, cue, asks)] = (
                salts["bias"], salts["label"] ^ label_key, salts["rule"] ^ rule,
                salts["rule_label"] ^ rule ^ ((label_key << 1) & _LOW64), salts["experiencer"] ^ string_key(experiencer),
                salts["cue"] ^ (string_key(cue) if cue is not None else 0), salts["question_label"] ^ label_key ^ asks,
                salts["at_start"] ^ rule, salts["wh_clause"] ^ rule)
        return found

    def keys(self, user_data: dict, lowers: list[int], sentence_starts: list[int], ents,
             sources: frozenset[str] | None) -> tuple[list[tuple], list[int], list[int]]:
        """The mentions of one doc among ConText's ``ents`` (start, end, label, start_char, end_char) whose
        rule status is in ``sources`` (all when None), as (start_char, end_char, status, experiencer, cue),
        and their feature keys in one list, 64-bit (the model masks them to its table), mention i's from
        offsets[i]. The rule's status, experiencer and cue are read back from where ConText wrote them
        (only what differs from the defaults)."""
        mentions, flat, offsets = [], [], []
        breaks, wh_words, salts = self._breaks, self._wh, SALTS
        head_word, pre1, pre2, pre3 = salts["head"], salts["pre1"], salts["pre2"], salts["pre3"]
        post1, post2, post3 = salts["post1"], salts["post2"], salts["post3"]
        clause_before, clause_after = salts["clause_before"], salts["clause_after"]
        doc_flags = sentence = None
        index, sent_start, sent_end = -1, 0, 0
        length, count = len(lowers), len(sentence_starts)
        get = user_data.get
        for start, end, label, start_char, end_char in ents:
            while start >= sent_end:
                index += 1
                sent_start = sentence_starts[index]
                sent_end = sentence_starts[index + 1] if index + 1 < count else length
                sentence = None
            status = get((USER_DATA_PREFIX, "assertion", start_char, end_char), "present")
            if sources is not None and status not in sources:
                continue
            if sentence is None:
                if doc_flags is None:
                    doc_flags = self.doc_words(lowers)
                sentence = self._sentence(lowers, sent_start, sent_end, doc_flags, index)
            experiencer = get((USER_DATA_PREFIX, "experiencer", start_char, end_char), "patient")
            cue = get((USER_DATA_PREFIX, "assertion_cue", start_char, end_char))
            head = self._head(label, status, experiencer, cue, sentence[5])
            mentions.append((start_char, end_char, status, experiencer, cue))
            offsets.append(len(flat))
            flat += head[:6]
            flat += sentence[:4]
            flat += (head[6], head_word ^ lowers[end - 1],
                     pre1 ^ (lowers[start - 1] if start - 1 >= sent_start else 1),
                     pre2 ^ (lowers[start - 2] if start - 2 >= sent_start else 1),
                     pre3 ^ (lowers[start - 3] if start - 3 >= sent_start else 1),
                     post1 ^ (lowers[end] if end < sent_end else 1),
                     post2 ^ (lowers[end + 1] if end + 1 < sent_end else 1),
                     post3 ^ (lowers[end + 2] if end + 2 < sent_end else 1))
            if start == sent_start:
                flat.append(head[7])
            if sent_start + 1 < sent_end:
                flat.append(sentence[4])
            # The clause of the mention: from the nearest break before it to the next one after it.
            before = lowers[max(sent_start, start - _SIDE_WINDOW):start]
            for word in reversed(before):
                if word in breaks:
                    break
                flat.append(clause_before ^ word)
            for word in lowers[end:min(sent_end, end + _SIDE_WINDOW)]:
                if word in breaks:
                    break
                flat.append(clause_after ^ word)
            if not wh_words.isdisjoint(before):
                flat.append(head[8])
        return mentions, flat, offsets


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
        return self._sum(flat, offsets)

    def _sum(self, flat: list[int], offsets: list[int]) -> np.ndarray:
        """The rows of the keys ``flat`` summed from each offset to the next, in order, plus the intercept.
        take() is several times cheaper than fancy indexing for a few hundred rows."""
        keys = np.fromiter(flat, dtype=np.uint64, count=len(flat)) & self._mask
        scores = np.add.reduceat(self.weights.take(keys.view(np.intp), axis=0), offsets, axis=0)
        scores += self.intercept
        return scores

    def probabilities(self, rows_of: list[list[int]]) -> np.ndarray:
        """Softmax over the classes, one row per mention."""
        return _softmax(self.scores(rows_of))

    def features(self, strings) -> Features:
        if self._features is None:
            self._features = Features(strings)
        return self._features

    def revise(self, doc, lowers: list[int], sentence_starts: list[int], ents) -> None:
        """Replace the rule statuses the policy lets the model replace (the hook at the end of ConText)."""
        self.revise_all([(doc, lowers, sentence_starts, ents)])

    def revise_all(self, items) -> None:
        """``revise`` for a batch of docs, (doc, lowers, sentence starts, ents) each: their mentions'
        keys in one list, scored with one gather for all (numpy's cost per call is most of a doc's)."""
        if not items:
            return
        features = self.features(items[0][0].vocab.strings)
        docs, mentions, flat, offsets = [], [], [], []
        for doc, lowers, sentence_starts, ents in items:
            found, keys, starts = features.keys(doc.user_data, lowers, sentence_starts, ents, self._sources)
            if found:
                mentions += [(len(docs), *mention) for mention in found]
                offsets += [len(flat) + offset for offset in starts]
                flat += keys
                docs.append(doc)
        if mentions:
            self._decide(docs, mentions, self._sum(flat, offsets))

    def _decide(self, docs: list, mentions: list[tuple], scores: np.ndarray) -> None:
        """Write the model's status where the policy lets it replace the rules' ((doc number, start_char,
        end_char, status, experiencer, cue) per mention, a row of ``scores`` each)."""
        threshold = self.policy.threshold
        # The softmax only when a confidence threshold needs it: the best score is the best probability.
        if threshold > 0:
            scores = _softmax(scores)
        best = scores.argmax(axis=1).tolist()
        targets, classes = self._targets, self.classes
        for index, ((number, start_char, end_char, rule_status, rule_experiencer, _cue), guess) in enumerate(
                zip(mentions, best)):
            if guess not in targets or classes[guess] == rule_status or (
                    threshold > 0 and scores[index, guess] < threshold):
                continue
            status = classes[guess]
            user_data, key = docs[number].user_data, (start_char, end_char)
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
