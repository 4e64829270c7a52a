"""Fuzzy tier, round 20: silent "h" and merged doubles in the skeleton, ph/f and silent "h" at half an edit,
no candidate limit, the drug package's uncrowded long names, fragments of its longer names."""
from __future__ import annotations

import pytest

from qatext.ner import fuzzy
from qatext.ner.fuzzy import FuzzyIndex, distance, skeleton


def test_silent_h_and_merged_double_meet():
    assert skeleton("metotrexate") == skeleton("methotrexate") == "mtrxt"
    assert skeleton("rabdomyolysis") == skeleton("rhabdomyolysis")
    # a delete that leaves a double merges it, as the skeleton does: "mthtrxt" less its "h" is "mtrxt"
    assert "mtrxt" in fuzzy._deletes("mthtrxt")
    assert "mttrxt" not in fuzzy._deletes("mthtrxt")
    assert fuzzy._deletes("abcd") == {"acd", "abd", "abc"}


def test_sound_alike_costs_half():
    assert distance("nefrosis", "nephrosis") == distance("nephrosis", "nefrosis") == 0.5
    assert distance("metotrexate", "methotrexate") == 0.5
    assert distance("metotrexate", "methotrexate", bound=0.5) == 0.5  # the length check allows half-edits
    assert distance("nefrosis", "necrosis") == 0.75


def _index(*forms, drugs=()):
    terms = {f: ("DISEASE", f"C:{f}", "mesh") for f in forms}
    terms.update({f: ("DRUG", f"D:{f}", "drugs") for f in drugs})
    return FuzzyIndex.build(terms, common=frozenset())


def test_ph_written_f_prefers_the_ph_form():
    index = _index("nephrosis", "necrosis")
    assert index.lookup("nefrosis") == "nephrosis"


def test_adding_forms_never_loses_a_correction():
    forms = ["psoriasis"] + [f"p{a}r{b}sis" for a in "aeiou" for b in "aeiou"] + [f"ps{a}r{b}sis" for a in "aeu" for b in "aeiou"]
    crowded = _index(*forms)
    key = skeleton("psoraisis")
    assert len(set().union(*(crowded.forms.get(v, ()) for v in (key, *fuzzy._deletes(key))))) > 40
    assert crowded.lookup("psoraisis") == "psoriasis"


def test_uncrowded_package_names_are_found_one_edit_away():
    index = _index("depression", drugs=("donepezil", "latanoprost", "fluvoxamine", "abcdefgxyz", "abcdefgxyw"))
    assert "donepezil" in index.tail_forms and "latanoprost" in index.tail_forms
    assert index.lookup("donepezl") == "donepezil"
    assert index.lookup("latanaprost") == "latanoprost"
    assert index.lookup("fluvoxamne") == "fluvoxamine"
    # two package names near each other are both left out
    assert not {"abcdefgxyz", "abcdefgxyw"} & index.tail_forms
    # more than one edit from a package name is no match
    assert index.lookup("dunapezl") is None


def test_fragments_of_longer_package_names():
    terms = {"oxabolone": ("DRUG", "D:1", "drugs"), "cipionato de oxabolona": ("DRUG", "D:1", "drugs"),
             "nephrosis": ("DISEASE", "C:1", "mesh")}
    index = FuzzyIndex.build(terms, common=frozenset())
    assert "oxabolona" in index.fragments
    assert index.lookup("oxabolona") == "oxabolone"


@pytest.mark.slow
def test_lexicon_corrections():
    from qatext.ner.lexicon import get_lexicon

    index = get_lexicon().fuzzy
    assert index.lookup("metotrexate") == "methotrexate"
    assert index.lookup("psoraisis") == "psoriasis"
    assert index.lookup("donepezl") == "donepezil"
    assert index.lookup("latanaprost") == "latanoprost"
    assert index.lookup("nefrosis") == "nephrosis"
    # the "h" of "ch" is sounded: a "ch" word is not corrected as if it were dropped
    assert index.lookup("streching") is None
    # a lay complaint of its own, not hyperactivity one letter-swap away (symptoms.tsv lists it)
    assert index.lookup("hyperacidity") is None
