"""Candidate conditions: which conditions the patient's own symptoms point to, from ``conditions.npz``.

The table (built offline by :mod:`qatext.topics.build_conditions`) lists, per condition, the
symptom concept ids it shows with a weight. A text's symptoms are the SYMPTOM entities the
patient has now (assertion ``present``/``historical``: not negated, not a relative's, not
hypothetical; any other status, including ones added later, is excluded by default) and
conditions it names (also when only suspected: "could this be ALS?") count directly.

Score of a condition, in [0, 1]: ``prior x explained^0.7 x covered^0.3`` where ``explained`` is
the IDF-weighted share of the patient's symptoms it shows and ``covered`` the IDF-weighted share
of its own picture the patient has, times ``1 - 0.5^matches`` (one symptom is little evidence);
a named condition scores ``NAMED_BASE`` plus the rest of its
symptom score. Conditions vote for their specialty with their scores (see
:func:`specialty_vote`).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import lru_cache

import numpy as np

from qatext.topics.labels import SPECIALTIES
from qatext.topics.specialty import topics_file

# assertion statuses under which a symptom is the patient's own, now or before (a whitelist:
# "generic", "family", "hypothetical" and any status added later do not count)
PATIENT_SYMPTOM = frozenset({"present", "historical"})
# a condition counts as named when asserted or suspected by the asker
NAMED_CONDITION = frozenset({"present", "possible", "historical"})
# experiencer values (when a pipeline sets ``ent._.experiencer``) that are not the patient
NOT_PATIENT = frozenset({"family", "other", "relative", "generic"})
NAMED_BASE = 0.6
EXPLAINED_POWER = 0.7
MIN_SCORE = 0.08
TOP = 8
MAX_MISSING = 5
# a condition explaining one symptom only is a candidate when the table believes it common
MIN_MATCHES_RARE = 2
VOTE_MIN_SUPPORT = 2
EVIDENCE_DECAY = 0.5
NAMED_VOTE_SHARE = 0.5
# symptom phrases of the curated table the NER does not recognise: they cannot match, but they are
# part of the condition's picture (its coverage), at a typical symptom's rarity
UNRECOGNISED = "QATEXT:unrecognised/"


@dataclass
class Candidate:
    """One candidate condition; stored on the doc as a plain dict (``asdict``) so it serializes."""

    id: str
    name: str
    score: float
    specialty: str
    supporting: list[str]
    missing: list[str]
    named: bool = False


@dataclass
class ConditionTable:
    ids: np.ndarray
    names: np.ndarray
    specialty: np.ndarray
    prior: np.ndarray
    symptom_names: np.ndarray
    symptom_index: dict
    idf: np.ndarray           # per symptom
    total: np.ndarray         # per condition: sum of weight x idf over its symptoms
    by_symptom: list          # per symptom: (condition indices, weights)
    by_condition: list        # per condition: (symptom indices, weight x idf), strongest first
    id_index: dict
    unrecognised: np.ndarray  # per symptom: a curated phrase the NER does not recognise

    def symptom_is_unrecognised(self, k: int) -> bool:
        return self.unrecognised[k]

    @classmethod
    def load(cls, path=None) -> ConditionTable:
        source = topics_file("conditions.npz") if path is None else path
        with source.open("rb") as handle, np.load(handle) as data:
            arrays = {k: data[k] for k in data.files}
        conditions, symptoms, weights = (arrays["pair_condition"], arrays["pair_symptom"],
                                         arrays["pair_weight"].astype(np.float32))
        n_conditions, n_symptoms = len(arrays["ids"]), len(arrays["symptom_ids"])
        document_frequency = np.bincount(symptoms, minlength=n_symptoms)
        idf = np.log((n_conditions + 1) / (document_frequency + 1)).astype(np.float32)
        unrecognised = np.char.startswith(arrays["symptom_ids"].astype(str), UNRECOGNISED)
        if unrecognised.any() and (~unrecognised).any():
            idf[unrecognised] = np.median(idf[~unrecognised])
        mass = weights * idf[symptoms]
        total = np.bincount(conditions, weights=mass, minlength=n_conditions)
        order = np.argsort(symptoms, kind="stable")
        splits = np.cumsum(np.bincount(symptoms, minlength=n_symptoms))[:-1]
        by_symptom = list(zip(np.split(conditions[order], splits), np.split(weights[order], splits)))
        order = np.lexsort((-mass, conditions))
        splits = np.cumsum(np.bincount(conditions, minlength=n_conditions))[:-1]
        by_condition = list(zip(np.split(symptoms[order], splits), np.split(mass[order], splits)))
        ids = arrays["ids"]
        return cls(ids, arrays["names"], arrays["specialty"], arrays["prior"], arrays["symptom_names"],
                   {s: i for i, s in enumerate(arrays["symptom_ids"].tolist())}, idf, total,
                   by_symptom, by_condition, {c: i for i, c in enumerate(ids.tolist())}, unrecognised.tolist())

    def candidates(self, symptoms, named=(), *, top: int = TOP) -> list[Candidate]:
        """Ranked candidates for a patient's symptom concept ids and named condition ids."""
        seen = {}
        for concept_id in symptoms:
            k = self.symptom_index.get(concept_id)
            if k is not None and k not in seen:
                seen[k] = concept_id
        named_rows = {self.id_index[c] for c in named if c in self.id_index}
        if not seen and not named_rows:
            return []
        support = np.zeros(len(self.ids), dtype=np.float32)
        matches = np.zeros(len(self.ids), dtype=np.int32)
        patient_mass = 0.0
        for k in seen:
            rows, weights = self.by_symptom[k]
            support[rows] += weights * self.idf[k]
            matches[rows] += 1
            patient_mass += float(self.idf[k])
        with np.errstate(invalid="ignore", divide="ignore"):
            explained = support / max(patient_mass, 1e-9)
            covered = np.where(self.total > 0, support / self.total, 0.0)
        # explaining the patient's story matters more than showing the whole picture: patients
        # report a few symptoms of a condition, rarely all
        score = self.prior * np.clip(explained, 0, 1) ** EXPLAINED_POWER * np.clip(covered, 0, 1) ** (1 - EXPLAINED_POWER)
        # one matching symptom is little evidence, two more, three nearly enough
        score *= 1.0 - EVIDENCE_DECAY ** matches
        score[(matches < MIN_MATCHES_RARE) & (self.prior < 1.0)] = 0.0
        for row in named_rows:
            score[row] = NAMED_BASE + (1 - NAMED_BASE) * score[row]
        order = np.argsort(-score, kind="stable")[:top]
        out = []
        for row in order.tolist():
            if score[row] < MIN_SCORE:
                break
            own, _ = self.by_condition[row]
            present = [s for s in own.tolist() if s in seen]
            missing = [s for s in own.tolist() if s not in seen and not self.symptom_is_unrecognised(s)][:MAX_MISSING]
            out.append(Candidate(str(self.ids[row]), str(self.names[row]), round(float(score[row]), 3),
                                 SPECIALTIES[int(self.specialty[row])],
                                 [str(self.symptom_names[s]) for s in present],
                                 [str(self.symptom_names[s]) for s in missing], row in named_rows))
        return out


@lru_cache(maxsize=1)
def condition_table() -> ConditionTable:
    """The packaged table, loaded once per process."""
    return ConditionTable.load()


def voting_share(candidate: Candidate) -> float:
    """How much of its score a candidate votes with: a condition one symptom suggests says little
    (a sore back is not scoliosis); a named one is already counted through its concept."""
    if len(candidate.supporting) >= VOTE_MIN_SUPPORT:
        return 1.0
    return NAMED_VOTE_SHARE if candidate.named else 0.0


def specialty_vote(candidates: list[Candidate], index: dict) -> np.ndarray:
    """Per specialty: the summed scores of the candidates filed under it (see :func:`voting_share`)."""
    vote = np.zeros(len(index))
    for candidate in candidates:
        vote[index[candidate.specialty]] += voting_share(candidate) * candidate.score
    return vote


def as_records(candidates: list[Candidate]) -> list[dict]:
    return [asdict(c) for c in candidates]
