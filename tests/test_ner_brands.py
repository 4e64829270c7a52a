"""Round 23a: brand names of the UK, Australian and US markets that no shipped vocabulary lists (or only the drug
package's long tail, which needs a frame such as "taking X") are DRUGs wherever they stand, with the concept of
their generic, or of their combination when the product has two or more medicines.
"""
from __future__ import annotations

import pytest


def _drug(nlp, text: str, name: str):
    return next((e for e in nlp(text).ents if e.text.lower() == name and e.label_ == "DRUG"), None)


@pytest.mark.parametrize("text, name, concept_name", [
    # no frame: the brand opens the sentence or follows an article
    ("Dilantin made my gums swell", "dilantin", "Phenytoin"),
    ("coversyl gave me a dry cough", "coversyl", "Perindopril"),
    ("the octasa is working, no blood now", "octasa", "Mesalamine"),
    ("otrivine every night for months and now i cant breathe without it", "otrivine", "Xylometazoline"),
    ("laxido sachets did nothing", "laxido", "Macrogol"),
    ("somac stopped the reflux", "somac", "Pantoprazole"),
    ("Demerol after the surgery made me itchy", "demerol", "Meperidine"),
    ("priadel made my hands shake", "priadel", "Lithium"),
    # a combination product is its combination, not one of its medicines
    ("hyzaar dropped my bp too much", "hyzaar", "Losartan/hydrochlorothiazide"),
    ("panadeine knocked me out", "panadeine", "Acetaminophen/codeine"),
    ("breo gives me a hoarse voice", "breo", "Fluticasone and Vilanterol"),
])
def test_brand_is_a_drug_with_its_generic(nlp, text, name, concept_name):
    entity = _drug(nlp, text, name)
    assert entity is not None, text
    assert nlp.get_pipe("qatext_ner").lexicon.names[entity.kb_id_] == concept_name


@pytest.mark.parametrize("text, word", [
    # brands that are also names of people, places or things stay out of the list
    ("diane said the pharmacy was closed", "diane"),
    ("my aunt Sherry came to visit", "sherry"),
    ("I bought a Toyota Avanza last year", "avanza"),
])
def test_brand_that_is_also_a_name_stays_out(nlp, text, word):
    assert all(e.text.lower() != word for e in nlp(text).ents), text
