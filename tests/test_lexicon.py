"""The compiled lexicon only emits concept ids that exist in their vocabularies."""
from __future__ import annotations

import bz2
import csv
import io
import pickle
from importlib import resources

import pytest
import simple_icd_10_cm as cm

from qatext.ner import sources
from qatext.ner.lexicon import CURATED_FILES, LABELS, get_lexicon

CURATED_LABELS = dict(zip(CURATED_FILES, ("SYMPTOM", "DISEASE", "DRUG", "ANATOMY", "TEST", "TREATMENT")))


def _rows(name):
    text = resources.files("qatext.resources").joinpath("lexicon").joinpath(f"{name}.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"))


@pytest.fixture(scope="module")
def lexicon():
    return get_lexicon()


@pytest.fixture(scope="module")
def drug_ids():
    with bz2.open(sources.package_file("drug_named_entity_recognition", "drug_ner_dictionary.pkl.bz2")) as handle:
        data = pickle.load(handle)
    ids = set()
    for info in data["drug_canonical_to_data"].values():
        if info.get("drugbank_id"):
            ids.add(f"DRUGBANK:{info['drugbank_id']}")
        if info.get("medline_plus_id"):
            ids.add(f"MEDLINEPLUS:{info['medline_plus_id']}")
    return ids


def test_every_emitted_concept_id_is_real(lexicon, drug_ids):
    hpo = sources.read_hpo_terms()
    phenotypes = sources.hpo_descendants(hpo, sources.HPO_ROOT)
    entries = [*lexicon.patterns.values(), *lexicon.exact_patterns.values()]
    assert len(entries) > 100_000
    # the concept review's verdicts, which also reach spans the rules draw (not lexicon terms)
    entries += [(*verdict, "review") for verdict in lexicon.reviewed.values() if verdict]
    bad = []
    for label, concept_id, _source in entries:
        prefix = concept_id.split(":", 1)[0]
        if label not in LABELS:
            bad.append((label, concept_id))
        elif prefix == "HP":
            if concept_id not in phenotypes or hpo[concept_id]["obsolete"]:
                bad.append((label, concept_id))
        elif prefix == "ICD10CM":
            if not cm.is_valid_item(concept_id.split(":", 1)[1]):
                bad.append((label, concept_id))
        elif prefix in ("DRUGBANK", "MEDLINEPLUS"):
            if concept_id not in drug_ids:
                bad.append((label, concept_id))
        elif prefix != "QATEXT":
            bad.append((label, concept_id))  # no MESH: the package's MeSH numbers are wrong
    assert not bad, bad[:20]
    assert all(lexicon.names.get(c) for _l, c, _s in entries)


@pytest.mark.parametrize("name", CURATED_FILES)
def test_curated_files_are_well_formed(name):
    rows = _rows(name)
    assert len(rows) > 150
    terms = [r["term"] for r in rows]
    assert len(terms) == len(set(terms)), "duplicate terms"
    assert all(r["label"] == CURATED_LABELS[name] for r in rows)
    assert all(t == " ".join(t.split()) and t == t.lower() for t in terms)
    assert all(r["concept_id"] and r["concept_name"] for r in rows)


def test_stoplist_terms_are_never_matched(lexicon):
    stop = {r["term"] for r in _rows("stoplist")}
    leaked = [t for t in stop if t in lexicon.terms and lexicon.terms[t][2] != "curated"]
    assert not leaked, leaked[:20]


def test_known_mesh_headings_get_icd_or_hpo_ids():
    concepts = sources.mesh_disease_concepts()
    assert concepts["asthma"][1] == "ICD10CM:J45"
    assert concepts["amyotrophic lateral sclerosis"][1] == "ICD10CM:G12.21"
    assert concepts["fever"][1] == "HP:0001945"
    assert concepts["muscular atrophy"][1] == "HP:0003202"


def test_exact_first_lowers_hold_every_case_sensitive_terms_first_word(lexicon):
    # the recognizer looks for case-sensitive terms only in docs that have one of these words
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    missing = [term for term in lexicon.case_sensitive if tokenizer(term)[0].lower_ not in lexicon.exact_first_lowers]
    assert lexicon.case_sensitive and not missing
