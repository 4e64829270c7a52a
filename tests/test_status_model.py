"""The learned assertion status model (qatext/ner/status_model.py) and its hook in ConText.

Its held-out scores are in qatext/resources/context/MODEL_CARD.md (``scripts/train_status_model.py
--evaluate``); here: it ships in step with the gold, loads with numpy alone, follows its policy, keeps
cue and experiencer consistent, and reloads with ``spacy.load``.
"""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import spacy

import qatext
from qatext.ner import ASSERTIONS, EXPERIENCERS
from qatext.ner.status_model import Features, Policy, StatusModel, experiencer_for, shipped

ROOT = Path(__file__).resolve().parents[1]

# Sentences written for these tests (patients' questions and doctors' replies of common shapes).
TEXTS = [
    "my knee has been swollen for two weeks and it clicks when i climb stairs, could it be a torn meniscus?",
    "Which doctor treats vertigo",
    "Side effects of sertraline include nausea and insomnia.",
    "Tell your doctor about any bleeding while on warfarin.",
    "My wife has migraines but I get a headache only after long drives.",
    "a coworker of mine has shingles, can i catch it from him?",
    "I do not have chest pain. No fever either.",
    "Let me know if the fever returns or the cough gets worse.",
    "Persistent cough lasting more than three weeks needs a chest x-ray.",
]


def _train_module():
    spec = importlib.util.spec_from_file_location("train_status_model", ROOT / "scripts" / "train_status_model.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def pipelines():
    return qatext.load(topics=False, status_model=False), qatext.load(topics=False)


def test_shipped_model_was_trained_on_the_gold_files_as_they_are():
    """A gold change must be followed by retraining: python scripts/train_status_model.py."""
    assert shipped().meta["gold_digest"] == _train_module().gold_digest(ROOT), \
        "data/gold changed since the status model was trained: run python scripts/train_status_model.py"


def test_model_card_names_the_shipped_seed_and_digest():
    card = (ROOT / "qatext" / "resources" / "context" / "MODEL_CARD.md").read_text(encoding="utf-8")
    meta = shipped().meta
    assert f"seed {meta['seed']}" in card and meta["gold_digest"][:12] in card


def test_runtime_needs_numpy_only():
    code = ("import sys; from qatext.ner.status_model import shipped; m = shipped(); "
            "assert 'sklearn' not in sys.modules and 'scipy.sparse' not in sys.modules, sorted(sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_shipped_model_is_loaded_once():
    assert shipped() is shipped()
    first = qatext.load(topics=False, assertion=True, status_model=True).get_pipe("qatext_context").status_model
    again = qatext.load(topics=False, status_model=True).get_pipe("qatext_context").status_model
    assert first is again is shipped()


def test_on_by_default_and_off_leaves_the_rules_alone(pipelines):
    rules, modelled = pipelines
    assert modelled.get_pipe("qatext_context").status_model is shipped()
    assert modelled.get_pipe_config("qatext_context")["status_model"] is True
    assert rules.get_pipe("qatext_context").status_model is None
    assert rules.get_pipe_config("qatext_context")["status_model"] is False


def test_statuses_cues_and_experiencers_stay_consistent(pipelines):
    rules, modelled = pipelines
    for before, after in zip(rules.pipe(TEXTS), modelled.pipe(TEXTS)):
        assert [e.text for e in before.ents] == [e.text for e in after.ents]
        for old, new in zip(before.ents, after.ents):
            assert new._.assertion in ASSERTIONS and new._.experiencer in EXPERIENCERS
            if new._.assertion != old._.assertion:
                assert new._.assertion_cue == f"model:{new._.assertion}"
                assert new._.experiencer == experiencer_for(new._.assertion, old._.experiencer)
                assert old._.assertion in shipped().policy.sources
            else:
                assert (new._.experiencer, new._.assertion_cue) == (old._.experiencer, old._.assertion_cue)
            assert (new._.assertion == "generic") == (new._.experiencer == "none")
            # Negation is the rules' alone, both ways.
            assert (old._.assertion == "negated") == (new._.assertion == "negated")


def test_experiencer_follows_the_status():
    assert experiencer_for("generic", "patient") == "none"
    assert experiencer_for("family", "patient") == "relative"
    assert experiencer_for("hypothetical", "other") == "other"  # "if your friend's rash spreads"
    assert experiencer_for("present", "none") == "patient"
    assert experiencer_for("present", "relative") == "patient"


def _toy_model(policy: Policy) -> StatusModel:
    """A model whose only weight says 'hypothetical' for every mention, to test the policy mechanics."""
    classes = tuple(ASSERTIONS)
    weights = np.zeros((1 << 4, len(classes)), dtype=np.float32)
    intercept = np.zeros(len(classes), dtype=np.float32)
    intercept[classes.index("hypothetical")] = 5.0
    return StatusModel(weights, intercept, bits=4, policy=policy, classes=classes)


# A finished procedure told with a year, then a complaint "since then": the rules read "since then" as ongoing for the
# whole sentence (the procedure present); the model sees a dated past event.
DATED_PROCEDURES = [
    ("had a hysterectomy in 2018 and since then i get hot flushes", "hysterectomy", "hot flushes"),
    ("i had my gallbladder removed in 2019 and since then i get bloating after meals", "gallbladder removed",
     "bloating"),
    ("had my appendix out in 2015 and since then i get cramps", "appendix out", "cramps"),
    ("had a c-section in 2020 and since then i have back pain", "c-section", "back pain"),
    ("had a tonsillectomy in 2017 and since then i get ear pain", "tonsillectomy", "ear pain"),
    ("had a hernia repair in 2018 and since then i get groin pain", "hernia repair", "groin pain"),
]


def test_a_finished_procedure_told_with_a_date_is_historical(pipelines):
    """Asserted over a few such sentences, not the one a given fit happens to flip (which one crosses p >= 0.5 has
    moved between retrains): the model makes most of the procedures historical, and never the complaint after
    "since then", which stays present."""
    rules, modelled = pipelines
    flipped = 0
    for text, procedure, complaint in DATED_PROCEDURES:
        by_rules = {e.text: (e._.assertion, e._.assertion_cue) for e in rules(text).ents}[procedure]
        assert by_rules[0] == "present", text
        statuses = {e.text: (e._.assertion, e._.assertion_cue) for e in modelled(text).ents}
        # the model leaves the rules' reading (its cue, "since", with it) or makes the procedure historical
        assert statuses[procedure] in {by_rules, ("historical", "model:historical")}, text
        assert statuses[complaint] == ("present", None), text
        flipped += statuses[procedure][0] == "historical"
    assert flipped > len(DATED_PROCEDURES) // 2, flipped


def test_policy_limits_what_the_model_may_change():
    nlp = qatext.load(topics=False, status_model=False)
    context = nlp.get_pipe("qatext_context")
    text = "I do not have chest pain but my ankle is swollen."
    context.status_model = _toy_model(Policy(("present",), ("hypothetical",), 0.0))
    doc = nlp(text)
    statuses = {e.text: (e._.assertion, e._.assertion_cue) for e in doc.ents}
    assert statuses["chest pain"][0] == "negated"  # not a source status
    assert statuses["ankle is swollen"] == ("hypothetical", "model:hypothetical")
    context.status_model = _toy_model(Policy(("present",), ("hypothetical",), 0.999))
    assert {e.text: e._.assertion for e in nlp(text).ents}["ankle is swollen"] == "present"  # not sure enough
    context.status_model = _toy_model(Policy(("present",), ("generic",), 0.0))
    assert {e.text: e._.assertion for e in nlp(text).ents}["ankle is swollen"] == "present"  # not a target


def test_saved_model_reads_back_the_same(tmp_path):
    model = shipped()
    model.save(tmp_path / "model.npz")
    again = StatusModel.read(tmp_path / "model.npz")
    assert again.policy == model.policy and again.classes == model.classes and again.bits == model.bits
    assert np.array_equal(again.weights, model.weights) and np.array_equal(again.intercept, model.intercept)


def test_features_do_not_depend_on_the_process(tmp_path):
    """Hashed with spaCy's string hashes and fixed salts, never Python's per-process hash()."""
    code = ("import json, spacy; from qatext.ner.status_model import Features; nlp = spacy.blank('en');"
            "doc = nlp('could this rash be shingles ?'); lowers = [t.lower for t in doc];"
            "print(json.dumps(Features(nlp.vocab.strings).keys({}, lowers, [0], [(3, 4, 'DISEASE', 14, 22)], None)))")
    runs = [subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, capture_output=True, text=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")]
    assert runs[0] == runs[1] and json.loads(runs[0])


def test_saved_pipeline_reloads_with_the_model_on(tmp_path, pipelines):
    _, modelled = pipelines
    modelled.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert reloaded.get_pipe_config("qatext_context")["status_model"] is True
    assert reloaded.get_pipe("qatext_context").status_model is shipped()
    for a, b in zip(modelled.pipe(TEXTS), reloaded.pipe(TEXTS)):
        assert [(e.text, e._.assertion, e._.experiencer, e._.assertion_cue) for e in a.ents] == \
               [(e.text, e._.assertion, e._.experiencer, e._.assertion_cue) for e in b.ents]


def test_a_batch_through_pipe_gets_what_one_doc_at_a_time_gets(pipelines):
    """nlp.pipe scores the mentions of a whole batch at once: same statuses as nlp(text), doc by doc."""
    _, modelled = pipelines
    texts = TEXTS + ["", "Fever.", "my son has had a rash since friday, is it chickenpox or just heat rash?"] * 3
    one_at_a_time = [[(e.text, e._.assertion, e._.experiencer, e._.assertion_cue) for e in modelled(t).ents]
                     for t in texts]
    for batch_size in (1, 4, 256):
        assert [[(e.text, e._.assertion, e._.experiencer, e._.assertion_cue) for e in doc.ents]
                for doc in modelled.pipe(texts, batch_size=batch_size)] == one_at_a_time


@pytest.mark.parametrize("text", ["no no no", "not never no ?", "", "?" * 50, " ".join(["fever"] * 10_000)])
def test_bad_input_gets_a_status_never_an_exception(pipelines, text):
    _, modelled = pipelines
    doc = modelled(text)
    assert all(e._.assertion in ASSERTIONS and e._.experiencer in EXPERIENCERS for e in doc.ents)
