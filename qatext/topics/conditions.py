"""Candidate conditions: which conditions the patient's own symptoms point to, from ``conditions.npz``.

The table (built offline by :mod:`qatext.topics.build_conditions`) lists, per condition, the
symptom concept ids it shows with a weight. A text's symptoms are the SYMPTOM entities the
patient has now (assertion ``present``/``historical``: not negated, not a relative's, not
hypothetical; any other status, including ones added later, is excluded by default) and
conditions it names (also when only suspected: "could this be ALS?") count directly.

Score of a condition, in [0, 1]: ``prior x explained^0.9 x covered^0.1`` where ``explained`` is
the IDF-weighted share of the patient's symptoms it shows and ``covered`` the IDF-weighted share
of its own picture the patient has, times ``1 - 0.5^matches`` (one symptom is little evidence);
a named condition scores ``NAMED_BASE`` plus the rest of its
symptom score. Conditions vote for their specialty with their scores (see
:func:`specialty_vote`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import numpy as np
from scipy import sparse

from qatext.ner.lexicon import read_through_replacements
from qatext.topics.labels import SPECIALTIES
from qatext.topics.specialty import VAGUE_SYMPTOMS, topics_file, tsv_rows

# assertion statuses under which a symptom is the patient's own, now or before (a whitelist:
# "generic", "family", "hypothetical" and any status added later do not count)
PATIENT_SYMPTOM = frozenset({"present", "historical"})
# a condition counts as named when asserted or suspected by the asker
NAMED_CONDITION = frozenset({"present", "possible", "historical"})
# experiencer values (when a pipeline sets ``ent._.experiencer``) that are not the patient
NOT_PATIENT = frozenset({"family", "other", "relative", "generic"})
NAMED_BASE = 0.6
EXPLAINED_POWER = 0.9
MIN_SCORE = 0.08
TOP = 5
MAX_MISSING = 5
# a condition explaining one symptom only is a candidate when the table believes it common
MIN_MATCHES_RARE = 2
VOTE_MIN_SUPPORT = 2
# ... or one symptom this specific (IDF-weighted support: listed by at most ~5 of the 4,210
# conditions, as "ring-shaped rash", "big toe pain", "zigzag lights" are; "tired" is by 200),
# for a curated common condition
SPECIFIC_SUPPORT = 6.5
EVIDENCE_DECAY = 0.5
NAMED_VOTE_SHARE = 0.0
OTHER_VOTE_SHARE = 0.3
RUNNER_UP_SHARE = 0.7
# symptom phrases of the curated table the NER does not recognise: they cannot match, but they are
# part of the condition's picture (its coverage), at a typical symptom's rarity
UNRECOGNISED = "QATEXT:unrecognised/"
# Vague findings (specialty.VAGUE_SYMPTOMS) add to a condition's explained share but are not
# counted as matching symptoms: two of them made tendinitis, bursitis and fracture the candidates
# of every story of a swollen, painful anything.
_COUNT_UNIT = 1024.0  # far above any summed support (a patient names a few dozen symptoms at most)


@dataclass
class Candidate:
    """One candidate condition; ``doc._.conditions`` gives them as plain dicts."""

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
    symptoms_of: list         # per condition: its symptom indices, most typical first
    id_index: dict
    unrecognised: np.ndarray  # per symptom: a curated phrase the NER does not recognise
    matrix: sparse.csr_matrix   # symptoms x conditions: weight x idf + _COUNT_UNIT

    def __post_init__(self):
        # python lists: building a candidate reads a few strings, numpy scalars cost more
        self.id_list, self.name_list = self.ids.tolist(), self.names.tolist()
        self.symptom_name_list = self.symptom_names.tolist()
        self.symptom_sets = [frozenset(own) for own in self.symptoms_of]
        self.common = self.prior >= 1.0  # the curated conditions patients ask about most

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
        # a condition's own symptoms, most typical first (its source's weight), then the rarest:
        # the curated lay symptoms lead the "missing" list, not the histology a merged rare
        # disease annotation adds
        order = np.lexsort((-mass, -weights, conditions))
        splits = np.cumsum(np.bincount(conditions, minlength=n_conditions))[:-1]
        symptoms_of = [own.tolist() for own in np.split(symptoms[order], splits)]
        ids = arrays["ids"]
        # weight x idf, plus _COUNT_UNIT per pair but a vague finding's: a patient row of ones times
        # this matrix gives the support and, in its integer part, the number of matching symptoms
        vague = np.isin(arrays["symptom_ids"].astype(str), list(VAGUE_SYMPTOMS))
        counted = np.where(vague[symptoms], 0.0, _COUNT_UNIT)
        matrix = sparse.csr_matrix((mass.astype(np.float64) + counted, (symptoms, conditions)),
                                   shape=(n_symptoms, n_conditions))
        symptom_index = read_through_replacements({s: i for i, s in enumerate(arrays["symptom_ids"].tolist())})
        id_index = read_through_replacements({c: i for i, c in enumerate(ids.tolist())})
        return cls(ids, arrays["names"], arrays["specialty"], arrays["prior"], arrays["symptom_names"],
                   symptom_index, idf, total, symptoms_of, id_index, unrecognised.tolist(), matrix)

    def candidates(self, symptoms, named=(), *, top: int = TOP) -> list[Candidate]:
        """Ranked candidates for a patient's symptom concept ids and named condition ids."""
        return self.candidates_batch([symptoms], [named], top=top)[0]

    def candidates_batch(self, symptoms, named, *, top: int = TOP) -> list[list[Candidate]]:
        """:meth:`candidates` for a batch of docs."""
        ranking = self.rank(symptoms, named, top=top)
        return [self.expand(stored) for stored in ranking.stored()]

    def rank(self, symptoms, named, *, top: int = TOP) -> Ranking:
        """The best ``top`` conditions per doc, as arrays: one sparse product scores the batch.

        Building the candidates' names and symptom lists is left to :meth:`expand`, when read.
        """
        n_docs = len(symptoms)
        n_conditions, n_symptoms = len(self.ids), len(self.idf)
        # every symptom of the batch at once: (doc, symptom index), first mentions, docs in order
        flat_doc = np.repeat(np.arange(n_docs), [len(doc) for doc in symptoms])
        get = self.symptom_index.get
        flat = np.fromiter((get(c, -1) for c in chain.from_iterable(symptoms)), dtype=np.int64, count=len(flat_doc))
        known = flat >= 0
        flat_doc, flat = flat_doc[known], flat[known]
        _, first = np.unique(flat_doc * n_symptoms + flat, return_index=True)
        first.sort()  # text order within a doc; docs stay in order
        doc_of, symptom = flat_doc[first], flat[first]
        counts = np.bincount(doc_of, minlength=n_docs)
        ids = self.id_index
        named_pairs = [k * n_conditions + ids[c] for k in range(n_docs) if named[k] for c in named[k] if c in ids]
        if not len(symptom) and not named_pairs:
            return Ranking.empty(n_docs)
        # the patients as a CSR matrix built directly: one product gives both the IDF-weighted
        # support and, in its integer part, the number of matching symptoms
        indptr = np.concatenate([[0], np.cumsum(counts)])
        patient = sparse.csr_matrix((np.ones(len(symptom)), symptom, indptr), shape=(n_docs, n_symptoms))
        product = patient @ self.matrix
        d = np.repeat(np.arange(n_docs), np.diff(product.indptr))
        rows = product.indices.astype(np.int64)
        matched = np.floor(product.data / _COUNT_UNIT)
        value = product.data - matched * _COUNT_UNIT
        patient_mass = np.bincount(doc_of, weights=self.idf[symptom], minlength=n_docs)
        # a rare disease one symptom points to is no candidate: drop those before scoring
        eligible = (matched >= MIN_MATCHES_RARE) | self.common[rows]
        d, rows, value, matched = d[eligible], rows[eligible], value[eligible], matched[eligible]
        total, prior = self.total[rows], self.prior[rows]
        explained = np.minimum(value / np.maximum(patient_mass[d], 1e-9), 1)
        covered = np.minimum(value / total, 1)  # total > 0: every listed symptom has a weight
        # explaining the patient's story matters more than showing the whole picture: patients
        # report a few symptoms of a condition, rarely all
        score = prior * explained ** EXPLAINED_POWER * covered ** (1 - EXPLAINED_POWER)
        # one matching symptom is little evidence, two more, three nearly enough
        score *= 1.0 - EVIDENCE_DECAY ** matched
        keep = score >= MIN_SCORE
        d, rows, score, matched = d[keep], rows[keep], score[keep], matched[keep]
        # a common condition one specific symptom points to ("ring-shaped rash", "big toe") may vote
        specific = (matched == 1) & self.common[rows] & (value[keep] >= SPECIFIC_SUPPORT)
        is_named = np.zeros(len(d), dtype=bool)
        if named_pairs:
            # a condition the text names scores NAMED_BASE plus the rest of its symptom score
            wanted = np.unique(np.array(named_pairs, dtype=np.int64))
            have = d * n_conditions + rows
            # wanted is sorted (np.unique): one searchsorted, not np.isin's sort of every pair
            at = np.minimum(np.searchsorted(wanted, have), len(wanted) - 1)
            is_named = wanted[at] == have
            score[is_named] = NAMED_BASE + (1 - NAMED_BASE) * score[is_named]
            # named, and no symptom points to it (against the few named pairs found, not all pairs)
            found = np.unique(have[is_named])
            at = np.minimum(np.searchsorted(found, wanted), max(len(found) - 1, 0))
            extra = wanted[~(found[at] == wanted)] if len(found) else wanted
            d, rows = np.concatenate([d, extra // n_conditions]), np.concatenate([rows, extra % n_conditions])
            score = np.concatenate([score, np.full(len(extra), NAMED_BASE)])
            matched = np.concatenate([matched, np.zeros(len(extra))])
            is_named = np.concatenate([is_named, np.ones(len(extra), dtype=bool)])
            specific = np.concatenate([specific, np.zeros(len(extra), dtype=bool)])
        # by doc, then by score (ties: condition order); one float key sorts both
        order = np.argsort(d + (1.0 - score) * 0.999, kind="stable")
        first = np.searchsorted(d[order], np.arange(n_docs))
        best = order[(np.arange(len(order)) - first[d[order]]) < top]
        return Ranking(d[best], rows[best], score[best], is_named[best], matched[best], n_docs, indptr, symptom,
                       specific[best])

    def expand(self, stored) -> list[Candidate]:
        """The candidates of one doc from what :meth:`Ranking.stored` kept."""
        out = []
        if stored is None or not len(stored):
            return out
        rows, scores, named, symptoms = (np.asarray(part).tolist() for part in stored)
        mine = dict.fromkeys(symptoms)
        for row, value, named_flag in zip(rows, scores, named):
            own_set = self.symptom_sets[row]
            present = [k for k in mine if k in own_set]
            missing = []
            for k in self.symptoms_of[row]:
                if k not in mine and not self.unrecognised[k]:
                    missing.append(self.symptom_name_list[k])
                    if len(missing) == MAX_MISSING:
                        break
            out.append(Candidate(self.id_list[row], self.name_list[row], round(value, 3),
                                 SPECIALTIES[int(self.specialty[row])],
                                 [self.symptom_name_list[k] for k in present], missing, bool(named_flag)))
        return out

    def vote_shares(self, ranking: Ranking, *, voters: int) -> np.ndarray:
        """Per kept (doc, condition) pair of ``ranking``: the share of its score it votes with.

        A condition one symptom suggests says little (a sore back is not scoliosis) and does not
        vote; nor does a named one without two supporting symptoms (``NAMED_VOTE_SHARE``): its
        concept already counts as evidence, and on MedQuAD a second vote pulled named rare
        diseases away from genetics. Among the voters the best counts fully and the others
        ``RUNNER_UP_SHARE``: a named condition that does not vote ("could it be cancer?") does not
        push the story's best explanation down to runner-up.
        """
        if not len(ranking.doc):
            return np.zeros(0)
        first = np.searchsorted(ranking.doc, np.arange(ranking.n_docs))
        rank = np.arange(len(ranking.doc)) - first[ranking.doc]
        supported = ranking.matched >= VOTE_MIN_SUPPORT
        if ranking.specific is not None:
            supported |= ranking.specific
        share = np.where(supported, 1.0, np.where(ranking.named, NAMED_VOTE_SHARE, 0.0))
        voting = (share > 0) & (rank < voters)
        # the rank among the doc's voters: a running count of voters, restarted per doc
        running = np.cumsum(voting)
        before_doc = np.concatenate([[0], running])[first[ranking.doc]]
        best = voting & (running - before_doc == 1)
        return np.where(voting, share * np.where(best, 1.0, RUNNER_UP_SHARE), 0.0)

    def specialty_votes(self, ranking: Ranking, n_specialties: int, *, voters: int) -> np.ndarray:
        """(n_docs, n_specialties): each doc's best ``voters`` candidates' scores by specialty,
        each weighted by :meth:`vote_shares`."""
        votes = np.zeros((ranking.n_docs, n_specialties))
        if not len(ranking.doc):
            return votes
        share = self.vote_shares(ranking, voters=voters)
        doc, specialty = ranking.doc, self.specialty[ranking.rows].astype(np.int64)
        value = share * ranking.score
        # per specialty the strongest condition counts fully and the others OTHER_VOTE_SHARE: three
        # middling bowel conditions sharing fever and belly pain are one explanation, not three
        # against the one typhoid fever that explains the whole story
        strongest = np.zeros_like(votes)
        np.maximum.at(strongest, (doc, specialty), value)
        np.add.at(votes, (doc, specialty), value)
        return strongest + OTHER_VOTE_SHARE * (votes - strongest)


@dataclass
class Ranking:
    """Per batch: the kept (doc, condition) pairs, sorted by doc then score, and each doc's symptoms."""

    doc: np.ndarray
    rows: np.ndarray
    score: np.ndarray
    named: np.ndarray
    matched: np.ndarray
    n_docs: int
    symptom_ptr: np.ndarray  # doc k's symptoms are symptoms[symptom_ptr[k]:symptom_ptr[k + 1]]
    symptoms: np.ndarray     # symptom indices, in the order the text first names them
    specific: np.ndarray = None  # a common condition supported by one specific symptom (votes as two)

    @classmethod
    def empty(cls, n_docs: int) -> Ranking:
        none = np.zeros(0, dtype=np.int64)
        return cls(none, none, np.zeros(0), np.zeros(0, dtype=bool), np.zeros(0), n_docs,
                   np.zeros(n_docs + 1, dtype=np.int64), none)

    def stored(self) -> list:
        """Per doc: ``()`` when it has no candidate, else a tuple of four small arrays (condition
        rows, scores, named flags, the doc's symptom indices). They go into ``doc.user_data``
        and survive ``Doc.to_bytes``; :meth:`ConditionTable.expand` turns them into entries."""
        out = [()] * self.n_docs
        if not len(self.doc):
            return out
        rows, scores = self.rows.astype(np.int32), self.score.astype(np.float32)
        docs, starts = np.unique(self.doc, return_index=True)
        ends = np.append(starts[1:], len(self.doc))
        ptr = self.symptom_ptr
        for k, a, b in zip(docs.tolist(), starts.tolist(), ends.tolist()):
            out[k] = (rows[a:b], scores[a:b], self.named[a:b], self.symptoms[ptr[k]:ptr[k + 1]])
        return out


LAY_SYMPTOMS = "lay_symptoms.tsv"
# a lay phrase right after one of these is no symptom of the patient's ("no fever", "not itchy")
LAY_NEGATORS = ("no", "not", "n't", "nt", "never", "without", "nor")


def read_lay_symptoms(text: str | None = None, *, known=None, source: str = LAY_SYMPTOMS) -> dict[str, list[str]]:
    """``lay_symptoms.tsv`` as {lowercased phrase: [symptom concept ids]}.

    ``known``: the symptom ids the condition table knows; an id outside it raises, naming the
    file and line (a phrase pointing nowhere would silently support nothing).
    """
    if text is None:
        text = topics_file(LAY_SYMPTOMS).read_text(encoding="utf-8")
    phrases: dict[str, list[str]] = {}
    for line_no, (concept_id, _name, listed) in tsv_rows(text, source=source, columns=3):
        concept_id = concept_id.strip()
        if known is not None and concept_id not in known:
            raise ValueError(f"{source} line {line_no}: symptom id {concept_id!r} is in no condition of conditions.npz")
        for phrase in listed.split(","):
            phrase = " ".join(phrase.lower().split())
            if phrase and concept_id not in phrases.setdefault(phrase, []):
                phrases[phrase].append(concept_id)
    return phrases


@lru_cache(maxsize=1)
def condition_table() -> ConditionTable:
    """The packaged table, loaded once per process."""
    return ConditionTable.load()


def records(stored) -> list[dict] | None:
    """``doc._.conditions``: the stored ranking of a doc as plain dicts (``None``: not tagged)."""
    if stored is None:
        return None
    return as_records(condition_table().expand(stored))


def as_records(candidates: list[Candidate]) -> list[dict]:
    # vars(), not dataclasses.asdict: asdict deep-copies every list and costs more than the scoring
    return [dict(vars(c)) for c in candidates]
