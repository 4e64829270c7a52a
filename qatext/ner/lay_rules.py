"""The two chains of lay phrase rules the recognizer runs late, each rule only when its trigger words are in
the doc: :func:`add_side_effect_phrases` (amounts, feelings, body predicates, injuries) and
:func:`add_described_phrases` (changed senses, results, rates, "feel like").

The span rules for patients' own wording live in modules with one job each: ``lay_impairments`` (lost
functions), ``lay_function_changes``, ``lay_body_problems``, ``lay_coordination``, ``lay_disease_phrases``,
``lay_hashtags``, ``lay_amounts``, ``lay_felt_states``, ``lay_body_predicates``, ``lay_body_actions``,
``lay_medical_senses``, ``lay_other_senses``, ``lay_compounds``; their shared helpers in ``lay_common``, the
figurative bare words in :mod:`qatext.ner.figures`. Same contract as :mod:`qatext.ner.span_rules`: spans are
sorted, non-overlapping ``(start, end, label, concept_id)`` token ranges and every rule returns such a list.
"""
from __future__ import annotations

from spacy.tokens import Doc

from qatext.ner import body_likeness
from qatext.ner.lay_amounts import (_ANALYTE_GATE, _MEASURED_GATE, _NIGHT_GATE, _RATED_GATE, _SLEEP_GATE,
                                    _VOIDING_GATE, _WEIGHT_GATE, add_analyte_results, add_function_rates,
                                    add_measured_values, add_night_voiding, add_sleep_hours,
                                    add_weight_amounts, drop_wanted_weight_changes)
from qatext.ner.lay_body_actions import _INJURY_GATE, add_verbal_injuries
from qatext.ner.lay_body_predicates import (_COLOUR_GATE, _LAY_PREDICATE_GATE, _LAY_PREDICATE_SETS, _linked_colour,
                                            add_lay_body_predicates)
from qatext.ner.lay_common import POSSESSIVES, Lookup  # noqa: F401 (POSSESSIVES: other modules import it from here)
from qatext.ner.lay_compounds import (_LIKE_GATE, _TISSUE_GATE, extend_compound_heads, extend_subtypes,
                                      join_like_compounds)
from qatext.ner.lay_felt_states import (_FEELING_GATE, _FELT_GATE, _FELT_STATE_GATE, _SENSE_GATE, add_feel_like,
                                        add_feeling_nouns, add_felt_states, add_sensory_distortions)
from qatext.ner.lay_other_senses import DOCTOR_VERBS, _DOCTOR_GATE, drop_doctors  # noqa: F401 (DOCTOR_VERBS: as POSSESSIVES)
from qatext.ner.span_rules import Spans, gate, gate_hits


def add_side_effect_phrases(doc: Doc, words: list[str], spans: Spans, *, lookup: Lookup = lambda phrase: None) -> Spans:
    """Weight changes with an amount, "feeling of dread", "sleeping 14 hours" (GUIDELINES section 6, rule 16)."""
    hits = gate_hits(words)
    if _SIDE_EFFECT_GATE.isdisjoint(hits):
        return spans
    if not _WEIGHT_GATE.isdisjoint(hits):
        spans = add_weight_amounts(doc, words, spans)
        spans = drop_wanted_weight_changes(doc, words, spans)
    if not _FEELING_GATE.isdisjoint(hits):
        spans = add_feeling_nouns(doc, words, spans)
    if not _SLEEP_GATE.isdisjoint(hits):
        spans = add_sleep_hours(doc, words, spans)
    if not _LAY_PREDICATE_GATE.isdisjoint(hits) and any(map(hits.issuperset, _LAY_PREDICATE_SETS)) \
            or not _COLOUR_GATE.isdisjoint(hits) and _linked_colour(words, hits):
        spans = add_lay_body_predicates(doc, words, spans)
    if not _INJURY_GATE.isdisjoint(hits):
        spans = add_verbal_injuries(doc, words, spans)
    if not _DOCTOR_GATE.isdisjoint(hits):
        spans = drop_doctors(doc, words, spans)
    if _LIKE_GATE <= hits:
        spans = join_like_compounds(doc, words, spans)
    if not _FELT_STATE_GATE.isdisjoint(hits) and not _FELT_GATE.isdisjoint(hits):
        spans = add_felt_states(doc, words, spans, lookup=lookup)
    return spans


def add_described_phrases(doc: Doc, words: list[str], spans: Spans, *, lookup: Lookup = lambda phrase: None) -> Spans:
    """Complaints told by what changed or was measured: "coffee tastes like garbage", "IBS-C",
    "platelets came back 31", "joint pain in my knees", "up 5 times a night to pee", "feel like
    there's a lump in my throat" (GUIDELINES section 6)."""
    hits = gate_hits(words)
    if _PHRASE_GATE.isdisjoint(hits):
        return spans
    if not _SENSE_GATE.isdisjoint(hits):
        spans = add_sensory_distortions(doc, words, spans)
    if "-" in hits:
        spans = extend_subtypes(doc, words, spans)
    if not _ANALYTE_GATE.isdisjoint(hits):
        spans = add_analyte_results(doc, words, spans, lookup=lookup)
    if not _MEASURED_GATE.isdisjoint(hits):
        spans = add_measured_values(doc, words, spans)
    if not _TISSUE_GATE.isdisjoint(hits):
        spans = extend_compound_heads(doc, words, spans, lookup=lookup)
    if not _VOIDING_GATE.isdisjoint(hits) and not _NIGHT_GATE.isdisjoint(hits):
        spans = add_night_voiding(doc, words, spans)
    if not _RATED_GATE.isdisjoint(hits):
        spans = add_function_rates(doc, words, spans)
    if "like" in hits and not _FELT_GATE.isdisjoint(hits):
        spans = add_feel_like(doc, words, spans)
    if not _BODY_LIKENESS_GATE.isdisjoint(hits):
        spans = body_likeness.add_body_likenesses(doc, words, spans)
    return spans


# The trigger words of the phrase rules run after the side-effect ones (one test for a doc with none of them).
_BODY_LIKENESS_GATE = body_likeness.GATE  # registered there; a name here so the gate test finds it
_PHRASE_GATE = gate(_SENSE_GATE, {"-", "like"}, _ANALYTE_GATE, _MEASURED_GATE, _TISSUE_GATE, _VOIDING_GATE, _RATED_GATE,
                    _BODY_LIKENESS_GATE)
_SIDE_EFFECT_GATE = gate(_WEIGHT_GATE, _FEELING_GATE, _SLEEP_GATE, _LAY_PREDICATE_GATE, _COLOUR_GATE, _INJURY_GATE,
                         _DOCTOR_GATE, {"like"}, _FELT_STATE_GATE)
