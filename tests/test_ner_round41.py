"""Round 41: what blind batches 64 and 65 (UK forum posts, WebMD-style reviews, medicine tweets, cancer and kidney
patients' posts) showed after their scores: the cancer and kidney forums' shorthand for medicines, regimens and
diseases, read from the document where the letters mean other things elsewhere.
"""
from __future__ import annotations

import pytest

from conftest import labelled


@pytest.mark.parametrize("text, surface, concept", [
    ("finished 6 rounds of R-CHOP in march", "R-CHOP", "QATEXT:drug/r-chop"),
    ("3 cycles of FEC-T then radiotherapy", "FEC-T", "QATEXT:drug/fec-t"),
    ("3 cycles of FEC for the breast cancer, then docetaxel", "FEC", "QATEXT:drug/fec"),
    ("BEP for testicular cancer, 3 cycles", "BEP", "QATEXT:drug/bep"),
    ("started nivo and ipi together, then pembro alone", "nivo", "DRUGBANK:DB09035"),
    ("started nivo and ipi together, then pembro alone", "pembro", "DRUGBANK:DB09037"),
    ("the renal dietitian put me on lanthanum with meals", "lanthanum", "DRUGBANK:DB06792"),
    ("the scan found mets in my liver", "mets in my liver", "ICD10CM:C79.9"),
    ("my FSGS came back after the transplant", "FSGS", "HP:0000097"),
    ("i slipped a disc lifting the dog in 2019", "slipped a disc", "QATEXT:mesh/intervertebral-disc-displacement"),
    ("told to go to A&E if I get signs of cauda equina", "cauda equina", "ICD10CM:G83.4"),
    ("gout for 20 years, now tophi on my fingers", "tophi on my fingers", "HP:0033073"),
    ("an overnight dex suppression test came back abnormal", "dex suppression test",
     "QATEXT:test/dexamethasone-suppression-test"),
])
def test_found_after_batches_64_65(nlp, text, surface, concept):
    assert (surface, concept) in {(e.text, e.kb_id_) for e in nlp(text).ents}


@pytest.mark.parametrize("text, concept", [
    # one pair of letters, two medicines: the document decides
    ("cycle 3 of EC done, docetaxel next for the breast cancer", "QATEXT:drug/ec"),
    ("took EC after the condom split and my period is late", "DRUGBANK:DB00367"),
    ("dex days after chemo are the worst, so hungry", "DRUGBANK:DB01234"),
])
def test_short_forms_read_from_their_document(nlp, text, concept):
    ent = next(e for e in nlp(text).ents if e.text.lower() in ("ec", "dex"))
    assert ent.kb_id_ == concept and ent._.expanded


@pytest.mark.parametrize("text, surface", [
    # the same letters in other senses (the review's cases)
    ("Dex is my son, he is 4 and has a cough", "Dex"),
    ("Took my dex 10mg for ADHD this morning", "dex"),
    ("EC is my postcode area", "EC"),
    ("The EC approved pembrolizumab for early breast cancer", "EC"),
    ("I take EC naproxen pills for my period pain", "EC"),
    ("Let's go Mets! back pain or not im watching", "Mets"),
    ("starting R-CHOP next week, my IPI is 2", "IPI"),
    ("FEC came back at 400 epg so I wormed my horse", "FEC"),
])
def test_short_forms_without_their_context_stay_out(nlp, text, surface):
    assert surface not in {s for s, _ in labelled(nlp, text)}
