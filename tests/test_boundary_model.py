"""The learned span-boundary model (qatext/ner/boundary_model.py, factory ``qatext_boundaries``).

Its held-out scores are in qatext/resources/boundary/MODEL_CARD.md (``scripts/train_boundary_model.py
--evaluate``); here: it ships in step with the gold, loads with numpy alone, only moves edges within
its limits, keeps what the recognizer stored for an entity, is the same in batches as one doc at a
time, leaves today's output alone when off, and reloads with ``spacy.load``.
"""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.tokens import Span

import qatext
from qatext.ner.boundary_model import _MOVES, LEFT_MOVES, RIGHT_MOVES, BoundaryModel, BoundaryReviser, apply, shipped
from qatext.ner.extensions import USER_DATA_PREFIX

ROOT = Path(__file__).resolve().parents[1]

# Sentences written for these tests, in the shapes patients write.
TEXTS = [
    "i get winded going up the stairs at work",
    "my son has a nasty cough at night and a low fever",
    "I nearly pass out every time I stand up too fast",
    "she had thoughts of self-harm last winter",
    "I have had morning headaches for a month",
    "i feel tired all the time, is it my thyroid?",
    "got a low-dose CT for screening, no nodules",
    "taking ibuprofin for my bak pain and tylenol at night",
    "My wife has migraines but I get a headache only after long drives.",
    "I do not have chest pain. No fever either.",
    "Amyotrophic lateral sclerosis (ALS) was ruled out.",
    "pain and swelling in my left knee, cant bend it",
    "",
    "???",
]


def _train_module():
    spec = importlib.util.spec_from_file_location("train_boundary_model", ROOT / "scripts" / "train_boundary_model.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def pipelines():
    return qatext.load(topics=False), qatext.load(topics=False, boundary_model=True)


def _ents(doc):
    return [(e.start_char, e.end_char, e.label_, e.kb_id_) for e in doc.ents]


def test_shipped_model_was_trained_on_the_gold_file_as_it_is():
    """A gold change must be followed by retraining: python scripts/train_boundary_model.py."""
    assert shipped().meta["gold_digest"] == _train_module().gold_digest(ROOT), \
        "data/gold/ner.jsonl changed since the boundary model was trained: run python scripts/train_boundary_model.py"


def test_model_card_names_the_shipped_seed_and_digest():
    card = (ROOT / "qatext" / "resources" / "boundary" / "MODEL_CARD.md").read_text(encoding="utf-8")
    meta = shipped().meta
    assert f"seed {meta['seed']}" in card and meta["gold_digest"][:12] in card


def test_runtime_needs_numpy_only():
    code = ("import sys; from qatext.ner.boundary_model import shipped; m = shipped(); "
            "assert not {'sklearn', 'scipy.sparse', 'scipy.optimize'} & set(sys.modules), sorted(sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_pipeline_order_and_off_switch(pipelines):
    rules, modelled = pipelines
    assert "qatext_boundaries" not in rules.pipe_names
    names = modelled.pipe_names
    assert names.index("qatext_ner") + 1 == names.index("qatext_boundaries") < names.index("qatext_context")
    assert modelled.get_pipe("qatext_boundaries").model is shipped()


def test_the_model_moves_edges_the_rules_get_wrong(pipelines):
    """Words that belong to the mention ("nearly pass out", a test's kind: "CT KUB"); the rules leave them out.
    (The rules now take "morning headaches", "get winded", "thoughts of self-harm", "nearly collapsed" and, since
    round 18b, "CT KUB" themselves.)"""
    rules, modelled = pipelines
    for text, before, after in [
        ("I nearly pass out every time I stand up too fast", "pass out", "nearly pass out"),
    ]:
        assert before in [e.text for e in rules(text).ents]
        assert after in [e.text for e in modelled(text).ents], text


def test_moved_entities_keep_label_concept_and_status(pipelines):
    rules, modelled = pipelines
    text = "I nearly pass out when I stand up but no fever"
    old, doc = rules(text), modelled(text)
    assert [e.text for e in old.ents] == ["pass out", "fever"] and [e.text for e in doc.ents] == ["nearly pass out", "fever"]
    assert [(e.label_, e.kb_id_, e._.concept_id) for e in doc.ents] == [(e.label_, e.kb_id_, e._.concept_id) for e in old.ents]
    assert [e._.assertion for e in doc.ents] == ["present", "negated"]


def test_edges_stay_within_limits(pipelines):
    """Moves within the candidate range, inside the sentence, no overlap, no punctuation at an edge,
    labels and entity count unchanged."""
    rules, modelled = pipelines
    texts = TEXTS + [line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines() if line.strip()][:80]
    for before, after in zip(rules.pipe(texts), modelled.pipe(texts)):
        assert len(before.ents) == len(after.ents)
        for old, new in zip(before.ents, after.ents):
            assert old.label_ == new.label_ and old.kb_id_ == new.kb_id_
            assert LEFT_MOVES[0] <= new.start - old.start <= LEFT_MOVES[1]
            assert RIGHT_MOVES[0] <= new.end - old.end <= RIGHT_MOVES[1]
            if new.start != old.start:
                assert not new[0].is_punct and not new[0].is_space
            if new.end != old.end:
                assert not new[-1].is_punct and not new[-1].is_space
            assert new.sent.start <= new.start and new.end <= new.sent.end


def test_batches_give_what_one_doc_at_a_time_gives(pipelines):
    _rules, modelled = pipelines
    piped = [_ents(doc) for doc in modelled.pipe(TEXTS * 3, batch_size=5)]
    single = [_ents(modelled(text)) for text in TEXTS * 3]
    assert piped == single


def test_apply_moves_what_the_recognizer_stored_for_the_entity():
    """drug_kind, concepts, expanded and matched_as follow the entity to its new offsets; matched_as
    keeps its corrected words and takes the added ones as written."""
    nlp = qatext.load(topics=False, assertion=False, boundary_model=False)
    doc = nlp("taking ibuprofin at night")
    (drug,) = [e for e in doc.ents if e.label_ == "DRUG"]
    old_key = (drug.start_char, drug.end_char)
    for name, value in (("drug_kind", "named"), ("matched_as", "ibuprofen"), ("expanded", "x")):
        doc.user_data[(USER_DATA_PREFIX, name, *old_key)] = value
    doc.user_data[("qatext", "concepts", *old_key)] = ["A", "B"]
    apply(doc, [(drug.start, drug.end, drug.start, drug.end + 2)])
    (moved,) = [e for e in doc.ents if e.label_ == "DRUG"]
    assert moved.text == "ibuprofin at night" and moved.kb_id_ == drug.kb_id_
    assert moved._.drug_kind == "named" and moved._.expanded == "x" and moved._.concepts == ["A", "B"]
    assert moved._.matched_as == "ibuprofen at night"
    assert not any(isinstance(k, tuple) and k[2:] == old_key for k in doc.user_data)


def test_off_by_default_and_off_is_todays_output(pipelines):
    """Off (the default: batch 5 held out tied, see the model card) builds the pipeline as before the
    component existed."""
    rules, _modelled = pipelines
    assert rules.pipe_names == qatext.load(topics=False, boundary_model=False).pipe_names
    assert "qatext_boundaries" not in rules.pipe_names
    assert "qatext_boundaries" not in qatext.load(topics=False, assertion=False, boundary_model=False).pipe_names


def test_saved_pipeline_reloads_with_spacy_load(tmp_path):
    nlp = qatext.load(topics=False, boundary_model=True)
    nlp.to_disk(tmp_path / "pipeline")
    script = textwrap.dedent(
        f"""
        import spacy
        nlp = spacy.load({str(tmp_path / 'pipeline')!r})
        doc = nlp("I nearly pass out every time I stand up too fast")
        print(nlp.pipe_names, [(e.text, e.label_, e._.assertion) for e in doc.ents])
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert "qatext_boundaries" in out and "('nearly pass out', 'SYMPTOM', 'present')" in out


@pytest.mark.slow
def test_training_is_deterministic(tmp_path):
    """Two runs of the script give byte-identical weights (seeded row order, L-BFGS from zeros), in processes
    with different string hashing (set and dict orders differ). On the 400 passages s1000-s1399, not the whole
    gold: the same code paths in a quarter of the time."""
    for name, hash_seed in (("a.npz", "1"), ("b.npz", "2")):
        subprocess.run([sys.executable, "scripts/train_boundary_model.py", "--out", str(tmp_path / name),
                        "--exclude", r"(?!s1[0-3]\d\d$).*"], check=True, cwd=ROOT, capture_output=True,
                       env={**os.environ, "PYTHONHASHSEED": hash_seed})
    meta = BoundaryModel.read(tmp_path / "a.npz").meta
    assert 500 < meta["training_sides"] < 10_000  # the 400 passages' sides (the whole gold has over 90,000)
    assert meta["gold_digest"].startswith("excluding ")
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()


class _GrowingModel(BoundaryModel):
    """Scores that push every left edge one token left and every right edge one token right."""

    def __init__(self):
        super().__init__(np.zeros(2), bits=1)

    def scores(self, candidates, side):
        target = -1 if side == "L" else 1
        return np.broadcast_to(-np.abs(_MOVES[side] - target).astype(float), candidates.valid[side].shape)


def test_neighbours_growing_into_the_same_gap_keep_the_rules_edges():
    """Two entities one token apart both grow into the gap: without a check both claim "and", the
    second's BEGIN cuts the first, and the first's stored data is keyed to offsets no entity has."""
    nlp = spacy.blank("en")
    doc = nlp("i have bad knee pain and ankle swelling today")
    doc.ents = [Span(doc, 3, 5, label="SYMPTOM"), Span(doc, 6, 8, label="SYMPTOM")]
    first = doc.ents[0]
    doc.user_data[(USER_DATA_PREFIX, "matched_as", first.start_char, first.end_char)] = "knee pain"
    reviser = BoundaryReviser(nlp, model=_GrowingModel())
    reviser(doc)
    assert [(e.start, e.end) for e in doc.ents] == [(3, 5), (6, 8)]
    assert doc.ents[0]._.matched_as == "knee pain"
    # One entity alone still grows on both sides: the check only undoes clashes.
    alone = nlp("i have bad knee pain today")
    alone.ents = [Span(alone, 3, 5, label="SYMPTOM")]
    reviser(alone)
    assert [(e.start, e.end) for e in alone.ents] == [(2, 6)]
