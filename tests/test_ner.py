"""The medical NER on real text: the seed page, patient phrasing, assertion, abbreviations."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

import qatext
from qatext.ner import ASSERTIONS, LABELS


def _ents(doc):
    return [(e.text.lower(), e.label_) for e in doc.ents]


def _find(doc, text, label=None):
    hits = [e for e in doc.ents if text in e.text.lower() and (label is None or e.label_ == label)]
    assert hits, f"no {label or 'entity'} containing {text!r} in {_ents(doc)}"
    return hits


SEED_EXPECTED = [
    ("als", {"DISEASE"}),
    ("amyotrophic lateral sclerosis", {"DISEASE"}),
    ("muscle atrophy", {"SYMPTOM", "DISEASE"}),
    ("fasciculations", {"SYMPTOM"}),
    ("twitch", {"SYMPTOM"}),
    ("weakness", {"SYMPTOM"}),
    ("tremble", {"SYMPTOM"}),
    ("spasms", {"SYMPTOM"}),
    ("muscular dystrophy", {"DISEASE"}),
    ("multifocal motor neuropathy", {"DISEASE"}),
    ("spinal muscular atrophy", {"DISEASE"}),
    ("benign fasciculation syndrome", {"DISEASE", "SYMPTOM"}),
    ("thenar muscle", {"ANATOMY"}),
    ("thighs", {"ANATOMY"}),
    ("arm", {"ANATOMY"}),
    ("hand", {"ANATOMY"}),
    ("emg", {"TEST"}),
    ("nerve conduction stud", {"TEST"}),
    ("mri", {"TEST"}),
    ("muscle biopsy", {"TEST"}),
]


@pytest.mark.parametrize("text,labels", SEED_EXPECTED, ids=[t for t, _ in SEED_EXPECTED])
def test_seed_page_entities(nlp, seed_text, text, labels):
    doc = nlp(seed_text)
    hits = [e for e in doc.ents if text in e.text.lower()]
    assert any(e.label_ in labels for e in hits), f"{text!r} not found as {labels}: {[(e.text, e.label_) for e in hits]}"


def test_seed_negated_atrophy(nlp, seed_text):
    doc = nlp(seed_text)
    sentence = next(s for s in doc.sents if "I have not noticed further atrophy" in s.text)
    atrophy = [e for e in sentence.ents if "atrophy" in e.text.lower()]
    assert atrophy and all(e._.assertion == "negated" for e in atrophy)


def test_every_entity_has_concept_and_valid_assertion(nlp, seed_text):
    doc = nlp(seed_text)
    assert len(doc.ents) > 40
    for ent in doc.ents:
        assert ent.label_ in LABELS
        assert ent._.concept_id and ":" in ent._.concept_id
        assert ent._.concept_name
        assert ent._.assertion in ASSERTIONS
        assert doc.text[ent.start_char:ent.end_char] == ent.text


@pytest.mark.parametrize(
    "lay,clinical",
    [("my muscles keep twitching", "fasciculations were seen"), ("I had a heart attack", "a myocardial infarction")],
)
def test_lay_and_clinical_terms_share_a_concept(nlp, lay, clinical):
    lay_ids = {e._.concept_id for e in nlp(lay).ents if e.label_ in ("SYMPTOM", "DISEASE")}
    clinical_ids = {e._.concept_id for e in nlp(clinical).ents if e.label_ in ("SYMPTOM", "DISEASE")}
    assert lay_ids and lay_ids == clinical_ids


@pytest.mark.parametrize(
    "text,entity,label",
    [
        ("my hands keep shaking all day", "shaking", "SYMPTOM"),
        ("i can't sleep at night", "sleep", "SYMPTOM"),
        ("really bad tummy pain after eating", "tummy", "SYMPTOM"),
        ("I'm on lexapro 10mg since may", "lexapro", "DRUG"),
        ("took 2 tylenol for the headache", "tylenol", "DRUG"),
        ("she has type 2 diabetes", "diabetes", "DISEASE"),
        ("doctor ordered a blood test and a chest x-ray", "blood test", "TEST"),
        ("I had knee replacement surgery", "knee replacement", "TREATMENT"),
    ],
)
def test_patient_language(nlp, text, entity, label):
    _find(nlp(text), entity, label)


def test_drug_concept_is_the_generic(nlp):
    ent = _find(nlp("took 2 tylenol"), "tylenol", "DRUG")[0]
    assert "acetaminophen" in ent._.concept_name.lower() or "paracetamol" in ent._.concept_name.lower()


@pytest.mark.parametrize(
    "text,entity,assertion",
    [
        ("I have no fever.", "fever", "negated"),
        ("I have not noticed further atrophy or weakness.", "weakness", "negated"),
        ("Could this be ALS?", "als", "possible"),
        ("I'm worried it's cancer.", "cancer", "possible"),
        ("If the pain gets worse, go to the ER.", "pain", "hypothetical"),
        ("My father had a stroke at 50.", "stroke", "family"),
        ("Six years ago I had pneumonia.", "pneumonia", "historical"),
        ("I have a bad headache today.", "headache", "present"),
        ("No fever, but a bad cough.", "cough", "present"),
        # the seed page's general question (issue 12), with the status model on as qatext.load() has it
        ("Isn't the progression of amyotrophic lateral sclerosis (ALS) typically rapid?", "amyotrophic", "generic"),
    ],
)
def test_assertion(nlp, text, entity, assertion):
    ent = _find(nlp(text), entity)[0]
    assert ent._.assertion == assertion, (ent.text, ent._.assertion, ent._.assertion_cue)


def test_defined_abbreviation_takes_the_long_form_concept(nlp):
    doc = nlp("I was diagnosed with irritable bowel syndrome (IBS) last year. Is IBS forever?")
    long_form = _find(doc, "irritable bowel syndrome", "DISEASE")[0]
    shorts = [e for e in doc.ents if e.text == "IBS"]
    assert len(shorts) == 2
    assert {e._.concept_id for e in shorts} == {long_form._.concept_id}
    assert all(e._.expanded == "irritable bowel syndrome" for e in shorts)


def test_undefined_clinical_abbreviations(nlp):
    doc = nlp("Her BP was 150/95. We did an EMG and NCS, then an MRI.")
    found = {e.text: e for e in doc.ents}
    for short in ("BP", "EMG", "NCS", "MRI"):
        assert short in found, _ents(doc)
        assert found[short]._.expanded
    assert found["MRI"].label_ == "TEST"


def test_ambiguous_short_words_are_not_entities(nlp):
    doc = nlp("All of us went home. It was cold and I felt alert. Right now I am tall.")
    assert not [e for e in doc.ents if e.text.lower() in {"all", "right", "tall", "alert"}], _ents(doc)


def test_load_twice_and_register_twice():
    from qatext.ner import extensions

    extensions.register()
    extensions.register()
    first, second = qatext.load(topics=False), qatext.load(topics=False)
    assert [e.text for e in first("no fever").ents] == [e.text for e in second("no fever").ents]


def test_saved_pipeline_loads_without_importing_qatext(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    script = textwrap.dedent(
        f"""
        import sys, spacy
        nlp = spacy.load({str(tmp_path / 'pipeline')!r})
        doc = nlp("Could this be ALS? I have no fever.")
        print([(e.text, e.label_, e._.concept_id, e._.assertion) for e in doc.ents])
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert "('ALS', 'DISEASE', 'ICD10CM:G12.21', 'possible')" in out
    assert "'fever', 'SYMPTOM'" in out and "'negated'" in out


def test_docs_survive_serialisation(nlp):
    from spacy.tokens import Doc

    doc = nlp("Amyotrophic lateral sclerosis (ALS) was ruled out. No fever.")
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [(e.text, e._.concept_id, e._.assertion) for e in copy.ents] == [
        (e.text, e._.concept_id, e._.assertion) for e in doc.ents
    ]


def test_entity_spans_that_doc_ents_would_refuse_raise_instead_of_merging_silently():
    import spacy

    from qatext.ner.recognizer import _set_entities

    doc = spacy.blank("en")("knee pain and back pain")
    _set_entities(doc, [(0, 2, "SYMPTOM", "HP:1"), (3, 5, "SYMPTOM", None)])
    assert [(e.start, e.end, e.kb_id_) for e in doc.ents] == [(0, 2, "HP:1"), (3, 5, "")]
    with pytest.raises(ValueError, match="sorted and disjoint"):
        _set_entities(doc, [(0, 3, "SYMPTOM", "a"), (1, 2, "SYMPTOM", "b")])
    with pytest.raises(ValueError, match="sorted and disjoint"):
        _set_entities(doc, [(2, 4, "SYMPTOM", "a"), (0, 1, "SYMPTOM", "b")])
    with pytest.raises(ValueError, match="runs past the doc's 5 tokens"):
        _set_entities(doc, [(3, 6, "SYMPTOM", "a")])


def test_entities_written_to_a_vocab_whose_strings_were_reloaded_keep_their_names():
    # _set_entities caches label and concept hashes; a store emptied and reloaded (Vocab.from_disk) must get them again
    import spacy

    from qatext.ner.recognizer import _set_entities

    nlp = spacy.blank("en")
    _set_entities(nlp("knee pain"), [(0, 2, "SYMPTOM", "QATEXT:test/reloaded-store")])
    fresh = spacy.blank("en")  # a new store: the cached hash is not in it
    doc = fresh("knee pain")
    _set_entities(doc, [(0, 2, "SYMPTOM", "QATEXT:test/reloaded-store")])
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [("knee pain", "SYMPTOM", "QATEXT:test/reloaded-store")]


@pytest.mark.parametrize("spans, min_length, covered", [
    ([(0, 1, "A", "x"), (3, 6, "A", "x")], 1, {0, 3, 4, 5}),
    ([(0, 1, "A", "x"), (3, 6, "A", "x")], 2, {3, 4, 5}),
    ([(2, 2, "A", "x"), (4, 5, "A", "x")], 1, {4}),  # an empty span (off the contract) covers nothing
    ([(5, 3, "A", "x")], 1, set()),
    ([], 1, set()),
])
def test_covered_tokens(spans, min_length, covered):
    from qatext.ner.span_rules import covered_tokens

    assert covered_tokens(spans, min_length=min_length) == covered


@pytest.mark.parametrize("text, caps", [("MY KNEE HURTS AND AS IS BAD", True), ("My knee hurts", False),
                                        ("ÉTÉ ÉTÉ but", False), ("OK", True), ("", False), ("12 34 !!", False)])
def test_a_post_in_capitals(text, caps):
    from qatext.ner.span_rules import is_all_caps

    assert is_all_caps(text) is caps


@pytest.mark.parametrize("text", ["I don't know cuz Im tired", "plain words only", "", "Y'all gonna  be   OK?!"])
def test_norm_list_is_the_norm_column(nlp, text):
    from spacy.attrs import LOWER, NORM, ORTH

    from qatext.ner.recognizer import _norms

    table = nlp.make_doc(text).to_array([NORM, ORTH, LOWER]).reshape(-1, 3)
    assert _norms(table, table[:, 2].tolist()) == table[:, 0].tolist()


def test_exact_case_term_found_beside_its_lower_case_word(nlp):
    # "AS" (ankylosing spondylitis) is a case-sensitive term: found written so, not as the word "as"
    found = [(e.text, e.label_) for e in nlp("My rheumatologist says I have AS, as my dad did.").ents]
    assert ("AS", "DISEASE") in found and not any(text == "as" for text, _ in found)
