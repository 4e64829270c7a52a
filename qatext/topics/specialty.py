"""Specialty evidence: the derived vocabulary tables, the curated cue lexicon, concept vectors.

Scoring itself happens in :mod:`qatext.topics.scorer`, together with intent.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from qatext.ner.lexicon import read_through_replacements
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
    """Word keys, their weights, concept vectors, drug-name keys and plain-word keys (packaged tables).

    Plain words are everyday English words that look medical ("colony", "agnostic"): the
    morphology rules must not fire on them at run time.
    """
    with topics_file("vocab_words.npz").open("rb") as handle, np.load(handle) as data:
        keys, weights, drug_keys = data["keys"], data["weights"], data["drug_keys"]
        plain_keys = data["plain_keys"] if "plain_keys" in data else np.zeros(0, dtype=np.uint64)
    with topics_file("concepts.npz").open("rb") as handle, np.load(handle) as data:
        ids, concept_weights = data["ids"], data["weights"]
    concepts = {cid: row for cid, row in zip(ids.tolist(), concept_weights)}
    for concept_id, row in curated_concepts().items():
        concepts.setdefault(concept_id, row)
    read_through_replacements(concepts)
    return keys, weights, concepts, drug_keys, plain_keys


@lru_cache(maxsize=1)
def neutral_words() -> tuple[str, ...]:
    """``neutral_words.txt``: words that name no specialty (template words, process nouns)."""
    text = topics_file("neutral_words.txt").read_text(encoding="utf-8")
    return tuple(sorted({w.lower() for line in text.splitlines() if not line.startswith("#") for w in line.split()}))


# An organ named in passing ("my knee", "the brain") says less than a diagnosis: its concept
# counts this share of a disease concept (see concept_specialty.tsv).
ANATOMY_SHARE = 0.5
ANATOMY_PREFIX = "QATEXT:anatomy/"


# The ids the NER emits that a row may name: its own QATEXT ids and HPO's (whose branch the build may leave unplaced).
_CURATED_PREFIXES = ("QATEXT:", "HP:")


@lru_cache(maxsize=1)
def curated_concepts() -> dict[str, np.ndarray]:
    """Concept id -> specialty vector for the concepts the vocabularies place nowhere: body parts
    (``QATEXT:anatomy/<slug>``, scaled by :data:`ANATOMY_SHARE`) and complaints or conditions
    qatext names itself ("ear infections", "toothache").

    Read from ``concept_specialty.tsv`` (concept id, comma-separated specialties, the first
    leading); unknown specialties raise naming the line.
    """
    out = {}
    text = topics_file("concept_specialty.tsv").read_text(encoding="utf-8")
    for line_no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise ValueError(f"concept_specialty.tsv line {line_no}: expected 2 tab-separated columns")
        concept_id, names = parts[0].strip(), [n.strip() for n in parts[1].split(",") if n.strip()]
        unknown = [n for n in names if n not in SPECIALTY_INDEX]
        if not concept_id.startswith(_CURATED_PREFIXES) or unknown or not names or len(set(names)) < len(names):
            raise ValueError(f"concept_specialty.tsv line {line_no}: bad concept id {concept_id!r} "
                             f"or specialties {unknown or names}")
        if concept_id in out:
            raise ValueError(f"concept_specialty.tsv line {line_no}: {concept_id!r} is listed twice")
        row = np.zeros(N_SPECIALTIES, dtype=np.float32)
        # the first specialty leads: weights 1, 1/2, 1/3 ...
        for rank, name in enumerate(names, 1):
            row[SPECIALTY_INDEX[name]] += 1.0 / rank
        share = ANATOMY_SHARE if concept_id.startswith(ANATOMY_PREFIX) else 1.0
        out[concept_id] = (share * row / row.sum()).astype(np.float32)
    return out


COMPOUND_PREFIX_SHARE = 0.5
# Shorter words are too often something else ("optic" -> "optics" is fine, "oto" in a 4-letter word is not).
MORPHOLOGY_MIN_LENGTH = 6


@dataclass(frozen=True)
class Morphology:
    """Word-shape rules from ``morphology.tsv``: (column, weight, prefix|suffix, affixes) and exceptions."""

    rules: tuple[tuple[int, float, str, tuple[str, ...]], ...]
    exceptions: dict[int, frozenset[str]]

    def row(self, word: str) -> np.ndarray | None:
        """Specialty weights the rules give ``word`` (lowercase), or ``None`` when none fires."""
        prefix = suffix = None
        for column, weight, kind, items in self.rules:
            if word in self.exceptions.get(column, ()):
                continue
            if word.startswith(items) if kind == "prefix" else word.endswith(items):
                if kind == "prefix":
                    prefix = np.zeros(N_SPECIALTIES, dtype=np.float32) if prefix is None else prefix
                    prefix[column] = max(prefix[column], weight)
                else:
                    suffix = np.zeros(N_SPECIALTIES, dtype=np.float32) if suffix is None else suffix
                    suffix[column] = max(suffix[column], weight)
        if prefix is None or suffix is None:
            return suffix if prefix is None else prefix
        # words are head-final too: in "adrenoleukodystrophy", "neurofibroma" the ending names the
        # disease and the beginning where it sits, so a prefix of another specialty counts half
        return np.maximum(suffix, np.where(suffix > 0, prefix, COMPOUND_PREFIX_SHARE * prefix))


@lru_cache(maxsize=1)
def morphology() -> Morphology:
    """The packaged word-shape rules; a malformed line raises naming ``morphology.tsv`` and the line."""
    rules, exceptions = [], {}
    text = topics_file("morphology.tsv").read_text(encoding="utf-8")
    for line_no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            specialty, weight, kind, affixes = line.split("\t")
        except ValueError:
            raise ValueError(f"morphology.tsv line {line_no}: expected 4 tab-separated columns") from None
        if specialty not in SPECIALTY_INDEX or kind not in {"prefix", "suffix", "except"}:
            raise ValueError(f"morphology.tsv line {line_no}: bad specialty {specialty!r} or kind {kind!r}")
        items = tuple(a.strip() for a in affixes.split(",") if a.strip())
        column = SPECIALTY_INDEX[specialty]
        if kind == "except":
            exceptions[column] = exceptions.get(column, frozenset()) | frozenset(items)
        else:
            rules.append((column, float(weight), kind, items))
    return Morphology(tuple(rules), exceptions)


def tsv_rows(text: str, *, source: str, columns: int):
    """(line number, fields) of a packaged TSV lexicon, skipping blank and ``#`` lines.

    A line with another number of tab-separated fields raises naming ``source`` and the line.
    """
    for line_no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != columns:
            raise ValueError(f"{source} line {line_no}: expected {columns} tab-separated columns, got {len(parts)}")
        yield line_no, parts


def read_cues(text: str, *, source: str = "specialty_cues.tsv", labels=None) -> list[tuple[str, str, float]]:
    """Parse a cue lexicon (label, weight, comma-separated phrases) into (phrase, label, weight).

    ``labels`` is the closed set the first column must come from (default: specialty ids).
    """
    labels = SPECIALTY_INDEX if labels is None else labels
    cues = []
    for line_no, (specialty, weight, phrases) in tsv_rows(text, source=source, columns=3):
        if specialty not in labels:
            raise ValueError(f"{source} line {line_no}: unknown label {specialty!r}")
        try:
            value = float(weight)
        except ValueError:
            raise ValueError(f"{source} line {line_no}: weight {weight!r} is not a number") from None
        cues.extend((p.strip().lower(), specialty, value) for p in phrases.split(",") if p.strip())
    return cues


# Findings that name no site or kind ("so painful", "soreness", "swelling", "bleeding"; the NER
# gives "burning pain in the upper middle of my stomach" the concept Pain) carry no organ: HPO
# files Pain under the nervous system, which sent every sore toe and stomach to neurology.
VAGUE_SYMPTOMS = frozenset({"HP:0012531", "QATEXT:symptom/swelling", "QATEXT:mesh/hemorrhage",
                            "QATEXT:symptom/body-part-complaint"})


def concept_vector(concept_id: str | None, concepts: dict[str, np.ndarray]) -> np.ndarray | None:
    """Specialty distribution of a concept id, or ``None`` when it carries none (a vague finding)."""
    if not concept_id or concept_id in VAGUE_SYMPTOMS:
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
