"""Topic tagging (qatext issue 4): labels, the qatext_topics component, qatext.tag, evaluation."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
import spacy
from spacy.tokens import Doc, Span

from qatext.topics.evaluate import classification_report, format_report, read_gold
from qatext.topics.labels import (INTENTS, MEDQUAD_QTYPE_TO_INTENT, SPECIALTIES, intent_from_medquad_qtype,
                                  is_known_label, specialty_from_label)
from qatext.topics.scorer import span_reader
from qatext.topics.tagging import tag


@pytest.fixture(scope="module")
def nlp():
    """Words and question form only: no NER, so these tests do not depend on it."""
    pipeline = spacy.blank("en")
    pipeline.add_pipe("qatext_topics")
    return pipeline


def seed_question(seed_text: str) -> str:
    lines = seed_text.splitlines()
    start = lines.index("Amyotrophic lateral sclerosis (ALS), muscle atrophy?") + 1
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("Aze,"))
    return "\n".join(lines[start:end]).strip()


# --- labels -------------------------------------------------------------------------------

def test_closed_id_sets_are_exactly_the_issue_lists():
    assert SPECIALTIES == (
        "allergy_immunology", "cardiology", "dentistry", "dermatology", "endocrinology", "gastroenterology",
        "general_medicine", "genetics", "hematology", "infectious_disease", "nephrology", "neurology",
        "obstetrics_gynecology", "oncology", "ophthalmology", "orthopedics", "otolaryngology", "pediatrics",
        "psychiatry", "pulmonology", "rheumatology", "urology")
    assert INTENTS == ("diagnosis", "treatment", "medication", "test_interpretation", "prognosis", "cause",
                       "prevention", "information", "other")
    assert set(MEDQUAD_QTYPE_TO_INTENT.values()) <= set(INTENTS)


@pytest.mark.parametrize("label, expected", [
    ("Neurology", "neurology"), ("ENT", "otolaryngology"), ("Family Medicine", "general_medicine"),
    ("Obstetrics and Gynecology", "obstetrics_gynecology"), ("Obstetrics & Gynecology", "obstetrics_gynecology"),
    ("NINDS", "neurology"), ("CancerGov", "oncology"), ("GHR", "genetics"), ("CDC", "infectious_disease"),
    ("6_NINDS_QA", "neurology"), ("1_CancerGov_QA", "oncology"), ("dental health", "dentistry"),
    ("Rare Disease", None), ("NHLBI", None), ("NIDDK", None), ("GARD", None), ("MPlusDrugs", None),
    ("Pulmonology", "pulmonology"), ("  cardiology ", "cardiology"), ("urology", "urology"),
])
def test_site_labels_map_onto_specialty_ids(label, expected):
    assert specialty_from_label(label) == expected


def test_none_from_a_known_label_is_told_apart_from_an_unknown_one():
    assert specialty_from_label("Rare Disease") is None and is_known_label("Rare Disease")
    assert specialty_from_label("Basket weaving") is None and not is_known_label("Basket weaving")
    assert specialty_from_label(None) is None and specialty_from_label(float("nan")) is None


def test_every_medquad_qtype_in_the_corpus_has_an_intent(shared):
    import re

    found = set()
    for path in (shared / "corpora" / "medquad").glob("*/*.xml"):
        found.update(re.findall(r'qtype="([^"]+)"', path.read_text(encoding="utf-8", errors="replace")))
    assert len(found) >= 30
    missing = sorted(q for q in found if intent_from_medquad_qtype(q) is None)
    assert missing == []


# --- component ------------------------------------------------------------------------------

def test_scores_are_sorted_probabilities_over_the_closed_sets(nlp):
    doc = nlp("My knee swells after running and it hurts going down stairs. What should I do?")
    for ranked, ids in ((doc._.specialties, SPECIALTIES), (doc._.intents, INTENTS)):
        scores = [s for _, s in ranked]
        assert sorted(i for i, _ in ranked) == sorted(ids)
        assert scores == sorted(scores, reverse=True)
        assert all(0.0 <= s <= 1.0 for s in scores)
        assert abs(sum(scores) - 1.0) < 1e-4
    assert doc._.specialties[0][0] == "orthopedics"
    assert doc._.intents[0][0] == "treatment"


def test_registering_twice_and_a_second_pipeline_do_not_fail():
    from qatext.topics.component import register_extensions

    register_extensions()
    register_extensions()
    other = spacy.blank("en")
    other.add_pipe("qatext_topics")
    assert other("my tooth aches when i drink cold water")._.specialties[0][0] == "dentistry"


def test_pipe_gives_the_same_scores_as_one_doc_at_a_time(nlp):
    texts = ["What causes kidney stones?", "", "Is it safe to take ibuprofen while pregnant?",
             "my 4 year old has a barking cough at night", "anyone else get migraines before their period?"]
    batched = list(nlp.pipe(texts, batch_size=2))
    for text, doc in zip(texts, batched):
        single = nlp(text)
        for got, want in ((doc._.specialties, single._.specialties), (doc._.intents, single._.intents)):
            assert [label for label, _ in got] == [label for label, _ in want]
            assert [score for _, score in got] == pytest.approx([score for _, score in want], abs=1e-6)


def test_empty_text_falls_back_to_general_medicine_and_information(nlp):
    doc = nlp("")
    assert doc._.specialties[0][0] == "general_medicine"
    assert doc._.intents[0][0] == "information"


def test_seed_question_is_neurology_and_diagnosis(nlp, seed_text):
    doc = nlp(seed_question(seed_text))
    assert doc._.specialties[0][0] == "neurology"
    assert doc._.intents[0][0] == "diagnosis"
    evidence = doc._.topic_evidence
    assert evidence["specialty"]["specialty"] == "neurology"
    neuro_words = {"als", "amyotrophic", "emg", "nerve", "neurologist", "twitch"}
    assert neuro_words & {w for w, _ in evidence["specialty"]["words"]}
    assert evidence["intent"]["cues"], "the intent should name the cue phrases that decided it"


def test_seed_question_with_the_full_pipeline(seed_text):
    import qatext

    full = qatext.load()
    assert "qatext_topics" in full.pipe_names
    doc = full(seed_question(seed_text))
    assert doc._.specialties[0][0] == "neurology"
    assert doc._.intents[0][0] == "diagnosis"


def _doc_with_entity(nlp, words, ent_range, *, label, concept_id=None, assertion=None):
    doc = Doc(nlp.vocab, words=words)
    # the NER's concept_id is a getter over kb_id; without the NER it is a plain attribute
    span = Span(doc, *ent_range, label=label, kb_id=concept_id or "")
    doc.ents = [span]
    if concept_id is not None and Span.get_extension("concept_id")[2] is None:
        span._.concept_id = concept_id
    if assertion is not None:
        span._.assertion = assertion
    return doc


def test_negated_entities_are_not_evidence(nlp):
    words = ["I", "have", "no", "rash", "but", "my", "knee", "hurts"]
    plain = nlp.get_pipe("qatext_topics")(_doc_with_entity(nlp, words, (3, 4), label="SYMPTOM"))
    negated = nlp.get_pipe("qatext_topics")(
        _doc_with_entity(nlp, words, (3, 4), label="SYMPTOM", assertion="negated"))
    derm = dict(plain._.specialties)["dermatology"]
    assert derm > dict(negated._.specialties)["dermatology"]
    assert plain._.specialties[0][0] == "dermatology"
    assert negated._.specialties[0][0] == "orthopedics"
    assert negated._.topic_evidence["specialty"]["negated_ignored"] == ["rash"]


def test_concepts_add_evidence_by_their_vocabulary_branch(nlp):
    words = ["what", "is", "xyzzy", "disease", "?"]
    with_concept = nlp.get_pipe("qatext_topics")(
        _doc_with_entity(nlp, words, (2, 4), label="DISEASE", concept_id="ICD10CM:H40.11"))  # glaucoma
    assert with_concept._.specialties[0][0] == "ophthalmology"
    concepts = with_concept._.topic_evidence["specialty"]["concepts"]
    assert concepts and concepts[0][1] == "ICD10CM:H40.11"
    without = nlp("what is xyzzy disease ?")
    assert without._.specialties[0][0] == "general_medicine"


def test_span_reader_matches_spacy_underscore(nlp):
    if not Span.has_extension("qatext_test_flag"):
        Span.set_extension("qatext_test_flag", default="unset")
    doc = Doc(nlp.vocab, words=["a", "b", "c"])
    doc.ents = [Span(doc, 0, 1, label="X"), Span(doc, 2, 3, label="Y")]
    doc.ents[1]._.qatext_test_flag = "set"
    read = span_reader("qatext_test_flag")
    assert [read(e) for e in doc.ents] == [e._.qatext_test_flag for e in doc.ents] == ["unset", "set"]
    assert span_reader("no_such_extension_here")(doc.ents[0]) is None


# Written for these tests in plain patient language; none comes from a corpus or a gold set.
SPECIALTY_CASES = [
    ("itchy red scaly patches on my elbows and knees that flake off", "dermatology"),
    ("my gums bleed every time i brush and one molar is loose", "dentistry"),
    ("i get a crushing pressure in my chest when i climb stairs, goes away when i rest", "cardiology"),
    ("my blood sugar is always over 200 even on metformin", "endocrinology"),
    ("burning in my throat after meals and i keep burping acid", "gastroenterology"),
    ("i wheeze at night and my inhaler barely helps", "pulmonology"),
    ("it burns when i pee and i need to go every 10 minutes", "urology"),
    ("my period is 10 days late and the test was negative", "obstetrics_gynecology"),
    ("i see floaters and flashes of light in my left eye", "ophthalmology"),
    ("ringing in my ears after the concert that hasnt stopped", "otolaryngology"),
    ("i feel hopeless and cant get out of bed, stopped enjoying anything", "psychiatry"),
    ("my 3 year old son has a fever and wont eat", "pediatrics"),
    ("my hands go numb and tingle at night and i drop things", "neurology"),
    ("twisted my ankle playing football, its swollen and i cant put weight on it", "orthopedics"),
    ("sneezing and itchy watery eyes every spring when the pollen comes", "allergy_immunology"),
    ("my creatinine went up and my egfr is 45", "nephrology"),
    ("i had unprotected sex and now i have a discharge and sores", "infectious_disease"),
    ("both my wrists and knuckles are swollen and stiff every morning for an hour", "rheumatology"),
    ("i bruise all over and my gums bleed, platelets were low", "hematology"),
    ("my husband was diagnosed with stage 3 colon cancer, what are the chemo options", "oncology"),
    ("my sister carries the brca gene, should i get genetic testing", "genetics"),
]


def test_lay_descriptions_reach_the_right_specialty(nlp):
    docs = list(nlp.pipe(text for text, _ in SPECIALTY_CASES))
    predicted = [doc._.specialties[0][0] for doc in docs]
    wrong = [(text, want, got) for (text, want), got in zip(SPECIALTY_CASES, predicted) if want != got]
    assert len(wrong) <= 2, wrong


INTENT_CASES = [
    ("i have a red ring shaped rash on my leg after hiking, what could this be?", "diagnosis"),
    ("how do i get rid of toenail fungus for good?", "treatment"),
    ("can i take ibuprofen together with my blood pressure pills?", "medication"),
    ("what are the side effects of sertraline?", "medication"),
    ("my tsh came back at 6.2, what does that mean?", "test_interpretation"),
    ("how long will it take for a broken wrist to heal?", "prognosis"),
    ("why do i get headaches every afternoon?", "cause"),
    ("what causes kidney stones?", "cause"),
    ("how can i avoid getting the flu this winter?", "prevention"),
    ("is hepatitis b contagious through kissing?", "prevention"),
    ("what is the difference between type 1 and type 2 diabetes?", "information"),
    ("anyone else here deal with flare ups after stopping prednisone? how did you cope", "other"),
]


def test_question_form_decides_the_intent(nlp):
    predicted = [doc._.intents[0][0] for doc in nlp.pipe(text for text, _ in INTENT_CASES)]
    wrong = [(text, want, got) for (text, want), got in zip(INTENT_CASES, predicted) if want != got]
    assert len(wrong) <= 1, wrong


# --- qatext.tag -----------------------------------------------------------------------------

def test_tag_adds_columns_keeps_every_record_and_the_site_label(nlp):
    frame = pd.DataFrame({
        "question_title": ["Heart racing", None, "Question"],
        "question": ["My heart races at night and skips beats. Is it dangerous?", None, "   "],
        "specialty": ["Cardiology", "Rare Disease", None],
    })
    out = tag(frame, nlp=nlp)
    assert len(out) == len(frame)
    assert list(out["specialty"][:1]) == ["cardiology"]
    assert out.loc[1, "specialty"] is None and np.isnan(out.loc[1, "specialty_score"])
    assert "no text" in out.loc[1, "topic_evidence"]["error"]
    assert list(out["site_specialty"][:2]) == ["Cardiology", "Rare Disease"] and pd.isna(out.loc[2, "site_specialty"])
    assert out.loc[0, "site_specialty_id"] == "cardiology"
    assert 0 < out.loc[0, "specialty_score"] <= 1 and 0 < out.loc[0, "intent_score"] <= 1
    assert out.loc[0, "topic_evidence"]["specialty"]["words"]
    titled = tag(frame, text=("question_title", "question"), nlp=nlp, explain=False)
    assert "topic_evidence" not in titled.columns
    assert titled.loc[2, "specialty"] == "general_medicine"  # the title alone is still text
    assert list(frame.columns) == ["question_title", "question", "specialty"], "input must not change"


def test_tag_names_a_missing_text_column(nlp):
    with pytest.raises(KeyError, match="answer"):
        tag(pd.DataFrame({"question": ["x"]}), text=("answer",), nlp=nlp)


def test_one_failing_record_does_not_sink_the_batch(nlp):
    class Flaky:
        """A pipeline that fails on one text."""

        def has_pipe(self, name):
            return True

        def pipe(self, texts, batch_size=None):
            for text in texts:
                yield self(text)

        def __call__(self, text):
            if "boom" in text:
                raise RuntimeError("cannot parse")
            return nlp(text)

    out = tag(pd.DataFrame({"question": ["my tooth hurts", "boom", "my ear hurts"]}), nlp=Flaky())
    assert list(out["specialty"]) == ["dentistry", None, "otolaryngology"]
    assert "RuntimeError" in out.loc[1, "topic_evidence"]["error"]


# --- evaluation -----------------------------------------------------------------------------

def test_classification_report_by_hand():
    report = classification_report(["a", "a", "b", "c"], ["a", "b", "b", "a"])
    assert report["accuracy"] == 0.5
    # a: P 1/2 R 1/2 F 1/2; b: P 1/2 R 1 F 2/3; c: 0
    assert report["macro_f1"] == pytest.approx((0.5 + 2 / 3 + 0) / 3)
    assert report["confusion"]["a"] == {"a": 1, "b": 1, "c": 0}
    text = format_report(report)
    assert "accuracy=0.500" in text and "confusion" in text


def test_read_gold_names_the_bad_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"text": "ok", "intent": "cause"}\n{"text": ""}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold.jsonl:2"):
        read_gold(path)
    path.write_text('{"text": "ok", "intent": "cause"}\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold.jsonl:2: not valid JSON"):
        read_gold(path)


def test_cli_evaluate_topics(tmp_path):
    from typer.testing import CliRunner

    from qatext.cli import app

    gold = tmp_path / "gold.jsonl"
    rows = [{"text": "what causes gout attacks?", "specialty": "rheumatology", "intent": "cause"},
            {"text": "can i take amoxicillin with alcohol?", "intent": "medication"},
            {"text": "my toddler has a rash", "specialty": "pediatrics"}]
    gold.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["evaluate", "topics", str(gold), "--words-only"])
    assert result.exit_code == 0, result.output
    assert "specialty (gold.jsonl)" in result.output and "intent (gold.jsonl)" in result.output
    as_json = runner.invoke(app, ["evaluate", "topics", str(gold), "--words-only", "--json"])
    report = json.loads(as_json.output)
    assert report["intent"]["n"] == 2 and report["specialty"]["n"] == 2
    assert report["intent"]["accuracy"] == 1.0
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x"}\n', encoding="utf-8")
    failed = runner.invoke(app, ["evaluate", "topics", str(bad), "--words-only"])
    assert failed.exit_code == 2 and "bad.jsonl:1" in failed.output


# --- resources ------------------------------------------------------------------------------

def test_packaged_lexicons_parse_and_tables_load():
    from qatext.topics.scorer import TopicTables

    tables = TopicTables.build(spacy.blank("en").tokenizer)
    assert len(tables.keys) > 10_000 and np.all(np.diff(tables.keys.astype(np.float64)) >= 0)
    assert tables.weights.shape[1] == len(SPECIALTIES) + len(INTENTS)
    assert len(tables.concepts) > 10_000


def test_token_flags_agree_with_the_word_lists_they_merge(seed_text):
    """One lookup table stands in for np.isin against each word list and for the keys search."""
    from spacy.attrs import LOWER

    from qatext.topics import scorer

    tokenizer = spacy.blank("en").tokenizer
    tables = scorer.TopicTables.build(tokenizer)
    joined = np.concatenate([tokenizer(seed_text + " 5 yo, 3 year old son, 7.8 % of").to_array(LOWER),
                             np.zeros(1, dtype=np.uint64), tables.keys[:50], tables.multi_first])
    rows, flags = tables.token_flags(joined)
    known = np.isin(joined, tables.keys)
    assert known.any() and not known.all()
    assert np.array_equal(rows >= 0, known)
    assert np.array_equal(tables.keys[rows[known]], joined[known])
    for bit, words in ((scorer.FLAG_PLAIN, tables.plain_keys), (scorer.FLAG_MULTI_FIRST, tables.multi_first),
                       (scorer.FLAG_NEUTRAL, tables.neutral_keys), (scorer.FLAG_BREAK, tables.phrase_breaks),
                       (scorer.FLAG_END, tables.end_keys), (scorer.FLAG_RESULT_WORD, tables.result_words),
                       (scorer.FLAG_CHILD_YEAR, tables.child_years), (scorer.FLAG_YEAR_UNIT, tables.year_units),
                       (scorer.FLAG_YO, tables.yo_keys)):
        member = np.isin(joined, words)
        assert member.any(), bit
        assert np.array_equal((flags & bit) != 0, member), bit


# --- optional trainable classifier ------------------------------------------------------------

def test_classifier_learns_saves_and_loads(tmp_path):
    from qatext.topics.classifier import TopicClassifier

    train = [("my blood sugar is high", "endocrinology"), ("insulin dose question", "endocrinology"),
             ("a1c went up again", "endocrinology"), ("thyroid pills and tsh", "endocrinology"),
             ("my asthma inhaler", "pulmonology"), ("wheezing and short of breath", "pulmonology"),
             ("copd flare up", "pulmonology"), ("coughing up phlegm for weeks", "pulmonology")]
    model = TopicClassifier(seed=7).fit([t for t, _ in train], [y for _, y in train])
    labels, scores = model.predict(["is my a1c too high", "my inhaler is not working"])
    assert labels == ["endocrinology", "pulmonology"]
    assert all(0.5 < s <= 1 for s in scores)
    loaded = TopicClassifier.load(model.save(tmp_path / "model.pkl"))
    assert np.allclose(loaded.predict_proba(["insulin"]), model.predict_proba(["insulin"]))
    assert loaded.seed == 7
    (tmp_path / "bad.pkl").write_bytes(pickle_dumps({"format": "other"}))
    with pytest.raises(ValueError, match="bad.pkl"):
        TopicClassifier.load(tmp_path / "bad.pkl")
    with pytest.raises(ValueError, match="two distinct labels"):
        TopicClassifier().fit(["a", "b"], ["x", "x"])


def pickle_dumps(value) -> bytes:
    import pickle

    return pickle.dumps(value)


# --- phrase structure, word shape, anatomy (issue 4: specialty accuracy) ------------------------

def _totals(doc) -> dict[str, float]:
    return doc._.topic_evidence["specialty"]["totals"]


def test_the_head_of_a_noun_phrase_leads_its_modifier(nlp):
    # English disease names are head-final: the adjective says where, the last word what
    assert nlp("what is diabetic neuropathy?")._.specialties[0][0] == "neurology"
    assert nlp("what is diabetic retinopathy?")._.specialties[0][0] == "ophthalmology"
    assert nlp("what is thyrotoxic myopathy?")._.specialties[0][0] == "neurology"
    # a modifier that agrees with its head keeps all its weight
    together = _totals(nlp("rheumatoid arthritis"))["rheumatology"]
    apart = _totals(nlp("rheumatoid"))["rheumatology"] + _totals(nlp("arthritis"))["rheumatology"]
    assert together == pytest.approx(apart, rel=1e-3)


def test_a_process_noun_does_not_head_its_phrase(nlp):
    # "infection" names no organ: in "yeast infection" the yeast still counts fully
    def gyn(text):
        return _totals(nlp(text)).get("obstetrics_gynecology", 0.0)
    assert gyn("yeast") > 0
    assert gyn("yeast infection") == pytest.approx(gyn("yeast") + gyn("infection"), rel=1e-3)


def test_the_phrase_before_of_leads_when_it_has_its_own_modifier(nlp):
    assert nlp("what are the neurological complications of aids?")._.specialties[0][0] == "neurology"
    assert nlp("what are the complications of aids?")._.specialties[0][0] == "infectious_disease"
    # a bare noun before "of" leads nothing: the liver still decides
    assert nlp("inflammation of the liver")._.specialties[0][0] == "gastroenterology"


def test_words_no_vocabulary_knows_get_the_shape_rules(nlp):
    assert nlp("what is neurosarcoidosis?")._.specialties[0][0] == "neurology"
    assert nlp("what is xyzmyelopathy?")._.specialties[0][0] == "neurology"
    # everyday English words that look medical stay plain
    for plain in ("colonial", "cardigan", "agnostic"):
        assert nlp(f"what about the {plain} one?")._.specialties[0][0] == "general_medicine", plain
    # tagging the same unknown word twice gives the same scores (the shape cache is consistent)
    first = nlp("is neurosarcoidosis rare?")._.specialties
    assert nlp("is neurosarcoidosis rare?")._.specialties == first


def test_compound_words_are_head_final_in_the_shape_rules():
    from qatext.topics.labels import SPECIALTY_INDEX
    from qatext.topics.specialty import morphology

    row = morphology().row("adrenoleukodystrophy")
    assert row[SPECIALTY_INDEX["neurology"]] > row[SPECIALTY_INDEX["endocrinology"]] > 0
    assert morphology().row("myelitis")[SPECIALTY_INDEX["oncology"]] == 0
    assert morphology().row("sarcoidosis") is None or morphology().row("sarcoidosis")[SPECIALTY_INDEX["oncology"]] == 0
    assert morphology().row("window") is None


def test_anatomy_concepts_carry_their_organ_specialty(nlp):
    from qatext.topics.labels import SPECIALTY_INDEX
    from qatext.topics.specialty import ANATOMY_PREFIX, ANATOMY_SHARE, curated_concepts, topics_file
    from importlib import resources

    lexicon = resources.files("qatext.resources").joinpath("lexicon", "anatomy.tsv").read_text(encoding="utf-8")
    known = {line.split("\t")[2] for line in lexicon.splitlines()[1:] if line.strip() and not line.startswith("#")}
    table = {cid: row for cid, row in curated_concepts().items() if cid.startswith(ANATOMY_PREFIX)}
    assert len(table) >= 100 and set(table) <= known, set(table) - known
    for concept, specialty in (("brain", "neurology"), ("heart", "cardiology"), ("skin", "dermatology"),
                               ("eye", "ophthalmology"), ("knee", "orthopedics"), ("spinal-cord", "neurology")):
        row = table[f"QATEXT:anatomy/{concept}"]
        assert row.argmax() == SPECIALTY_INDEX[specialty] and row.sum() == pytest.approx(ANATOMY_SHARE)
    # an entity with an anatomy concept adds evidence, ANATOMY_SHARE of a disease concept's
    doc = nlp.get_pipe("qatext_topics")(_doc_with_entity(nlp, ["xyzzy", "thing"], (0, 1), label="ANATOMY",
                                                        concept_id="QATEXT:anatomy/spinal-cord"))
    assert _totals(doc)["neurology"] == pytest.approx(2.0 * ANATOMY_SHARE)
    assert dict(doc._.specialties)["neurology"] > dict(nlp("xyzzy thing")._.specialties)["neurology"]
    assert topics_file("concept_specialty.tsv").is_file()


def test_concepts_the_vocabularies_do_not_place_carry_their_field():
    """qatext's own complaint and condition ids (many put in by the concept review in place of a narrower concept
    that had a vector) get a specialty from concept_specialty.tsv, but only where concepts.npz has none."""
    import qatext
    from qatext.ner.lexicon import get_lexicon
    from qatext.topics.labels import SPECIALTY_INDEX
    from qatext.topics.specialty import ANATOMY_PREFIX, curated_concepts, derived_tables, topics_file

    with topics_file("concepts.npz").open("rb") as handle, np.load(handle) as data:
        placed = set(data["ids"].tolist())
    lexicon = get_lexicon()
    emitted = {entry[1] for table in (lexicon.terms, lexicon.case_sensitive) for entry in table.values()}
    own = {cid: row for cid, row in curated_concepts().items() if not cid.startswith(ANATOMY_PREFIX)}
    assert len(own) >= 100
    # a row for an id with a vector would be silently ignored (derived_tables keeps the vocabularies' vector)
    assert not set(curated_concepts()) & placed, "a vocabulary vector already places these"
    assert set(own) <= emitted, set(own) - emitted
    assert all(row.sum() == pytest.approx(1.0) for row in own.values())
    concepts, ner = derived_tables()[2], qatext.load(topics=False)
    for text, specialty in (("my son has ear infections again", "otolaryngology"),
                            ("bad toothache since friday", "dentistry"),
                            ("she was told she has age-related macular degeneration", "ophthalmology")):
        ents = [ent for ent in ner(text).ents if ent._.concept_id in own]
        assert ents, text
        assert concepts[ents[0]._.concept_id].argmax() == SPECIALTY_INDEX[specialty]


@pytest.mark.parametrize("rows, line", [
    ("QATEXT:anatomy/knee\tknees_doctor\n", 2),  # no such specialty
    ("typo:nothing\tneurology\n", 2),  # an id the NER never emits
    ("QATEXT:symptom/toothache\tdentistry\nQATEXT:symptom/toothache\tneurology\n", 3),  # listed twice
    ("QATEXT:symptom/toothache\tdentistry, dentistry\n", 2),
])
def test_a_bad_concept_specialty_line_names_the_file_and_line(monkeypatch, rows, line):
    from qatext.topics import specialty

    class Fake:
        def read_text(self, encoding):
            return "# header\n" + rows
    monkeypatch.setattr(specialty, "topics_file", lambda name: Fake())
    specialty.curated_concepts.cache_clear()
    try:
        with pytest.raises(ValueError, match=rf"concept_specialty.tsv line {line}"):
            specialty.curated_concepts()
    finally:
        specialty.curated_concepts.cache_clear()


def test_syndromes_filed_under_neoplasms_are_not_cancer_first():
    from qatext.topics.labels import SPECIALTY_INDEX
    from qatext.topics.specialty import derived_tables

    concepts = derived_tables()[2]
    # MeSH files transverse myelitis and Lambert-Eaton under paraneoplastic syndromes (C04)
    for concept in ("QATEXT:mesh/myelitis-transverse", "QATEXT:mesh/lambert-eaton-myasthenic-syndrome"):
        assert concepts[concept].argmax() == SPECIALTY_INDEX["neurology"], concept
    # a heading that names a growth still is
    spinal = [c for c in concepts if c.startswith("QATEXT:mesh/") and "neoplasm" in c]
    assert spinal and all(concepts[c].argmax() == SPECIALTY_INDEX["oncology"] for c in spinal[:20])


# --- unknown named syndromes, cue words a named concept contradicts (issue 4: NINDS) -----------

def test_an_unknown_named_syndrome_gets_the_eponym_prior_when_nothing_else_speaks(nlp):
    from qatext.topics.scorer import EPONYM_CONCEPT

    for text in ("What is Ohtahara syndrome?", "What are the treatments for Fahr's Syndrome ?",
                 "who gets Kjellbergson disease?"):
        doc = nlp(text)
        assert doc._.specialties[0][0] == "neurology", text
        assert doc._.specialties[0][1] < 0.2, text  # a guess, and scored as one
        assert [c[1] for c in doc._.topic_evidence["specialty"]["concepts"]] == [EPONYM_CONCEPT]
    # not a proper name (lower case), or no syndrome named: the text still says little
    assert nlp("what is ohtahara syndrome?")._.specialties[0][0] == "general_medicine"
    assert nlp("What is Ohtahara?")._.specialties[0][0] == "general_medicine"
    # anything else that speaks decides alone
    assert nlp("my wife has Ohtahara syndrome and an itchy rash")._.specialties[0][0] == "dermatology"
    # in a batch the prior reaches the right docs only
    texts = ["hello there", "What is Ohtahara syndrome?", "what is that?", "Troyer syndrome?"]
    batch = [d._.specialties[0][0] for d in nlp.pipe(texts)]
    assert batch == ["general_medicine", "neurology", "general_medicine", "neurology"]


def test_the_eponym_prior_is_built_from_named_syndromes_only():
    from qatext.topics.build_tables import EPONYM_CONCEPT, eponym_prior
    from qatext.topics.labels import SPECIALTY_INDEX
    from qatext.topics.specialty import derived_tables

    def one(specialty):
        v = np.zeros(len(SPECIALTIES))
        v[SPECIALTY_INDEX[specialty]] = 1.0
        return v
    prior, count = eponym_prior({
        "mesh": [("Kufs Disease", one("neurology")), ("Nephrotic Syndrome", one("nephrology")),
                 ("Acute Disease", one("general_medicine"))],
        "icd10cm": [("Hartnup's disease", one("endocrinology"))],
        "hpo": [("Abnormal gait", one("orthopedics"))]})
    assert count == 2  # Kufs and Hartnup; a medical-shaped or everyday word names no one
    assert prior[SPECIALTY_INDEX["neurology"]] == pytest.approx(2 / 3)  # ICD-10-CM at half weight
    packaged = derived_tables()[2][EPONYM_CONCEPT]
    assert packaged.sum() == pytest.approx(1.0, abs=1e-5)
    assert packaged.argmax() == SPECIALTY_INDEX["neurology"]


def test_a_cue_word_the_named_concept_contradicts_counts_less(nlp):
    from qatext.topics.scorer import ENTITY_WORD_SHARE

    words = ["What", "is", "neuroleptic", "malignant", "syndrome", "?"]
    tagger = nlp.get_pipe("qatext_topics")
    concept = "QATEXT:mesh/neuroleptic-malignant-syndrome"  # MeSH: nervous system, not a tumour
    named = tagger(_doc_with_entity(nlp, words, (2, 5), label="DISEASE", concept_id=concept))
    bare = tagger(_doc_with_entity(nlp, words, (2, 5), label="DISEASE"))
    assert bare._.specialties[0][0] == "oncology"
    assert named._.specialties[0][0] == "neurology"
    assert _totals(named)["oncology"] == pytest.approx(ENTITY_WORD_SHARE * _totals(bare)["oncology"])
    # the last word of the name's first phrase says what it is and keeps its weight
    head = tagger(_doc_with_entity(nlp, words, (2, 4), label="DISEASE", concept_id=concept))
    assert _totals(head)["oncology"] == pytest.approx(_totals(bare)["oncology"])


def test_qatext_tag_stays_callable_after_first_use():
    import qatext
    from tests.conftest import SAMPLE

    frame = qatext.read_corpus(SAMPLE).head(2)
    assert len(qatext.tag(frame)) == 2
    assert len(qatext.tag(frame)) == 2  # a submodule named like the function once shadowed it here
