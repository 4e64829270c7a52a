"""Specialty evidence: the derived vocabulary tables, the curated cue lexicon, concept vectors.

Scoring itself happens in :mod:`qatext.topics.scorer`, together with intent.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import numpy as np

from qatext.topics.labels import SPECIALTIES, SPECIALTY_INDEX
from qatext.topics.vocab_rules import icd10_specialties

N_SPECIALTIES = len(SPECIALTIES)
_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant: n-gram key = a * _MIX ^ b (wrapping)


def ngram_keys(hashes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Bigram and trigram keys of a sequence of token hashes (uint64, wrapping arithmetic)."""
    with np.errstate(over="ignore"):
        bigrams = (hashes[:-1] * _MIX) ^ hashes[1:]
        trigrams = (bigrams[:-1] * _MIX) ^ hashes[2:]
    return bigrams, trigrams


def topics_file(name: str):
    return resources.files("qatext.resources").joinpath("topics").joinpath(name)


@lru_cache(maxsize=1)
def derived_tables():
    with topics_file("vocab_words.npz").open("rb") as handle, np.load(handle) as data:
        keys, weights, drug_keys = data["keys"], data["weights"], data["drug_keys"]
    with topics_file("concepts.npz").open("rb") as handle, np.load(handle) as data:
        ids, concept_weights = data["ids"], data["weights"]
    return keys, weights, {cid: row for cid, row in zip(ids.tolist(), concept_weights)}, drug_keys


def read_cues(text: str, *, source: str = "specialty_cues.tsv", labels=None) -> list[tuple[str, str, float]]:
    """Parse a cue lexicon (label, weight, comma-separated phrases) into (phrase, label, weight).

    ``labels`` is the closed set the first column must come from (default: specialty ids).
    """
    labels = SPECIALTY_INDEX if labels is None else labels
    cues = []
    for line_no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise ValueError(f"{source} line {line_no}: expected 3 tab-separated columns, got {len(parts)}")
        specialty, weight, phrases = parts
        if specialty not in labels:
            raise ValueError(f"{source} line {line_no}: unknown label {specialty!r}")
        try:
            value = float(weight)
        except ValueError:
            raise ValueError(f"{source} line {line_no}: weight {weight!r} is not a number") from None
        cues.extend((p.strip().lower(), specialty, value) for p in phrases.split(",") if p.strip())
    return cues


def concept_vector(concept_id: str | None, concepts: dict[str, np.ndarray]) -> np.ndarray | None:
    """Specialty distribution of a concept id, or ``None`` when it carries none."""
    if not concept_id:
        return None
    row = concepts.get(concept_id)
    if row is not None:
        return row
    if concept_id.startswith("ICD10CM:"):
        owners = icd10_specialties(concept_id)
        if owners:
            row = np.zeros(N_SPECIALTIES, dtype=np.float32)
            for owner in owners:
                row[SPECIALTY_INDEX[owner]] = 1.0 / len(owners)
            return row
    return None
