"""Lexicon-based medical entity recognition: fast phrase matching plus a few span rules."""
from __future__ import annotations

from array import array
from typing import Iterable

import numpy
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE, LOWER, NORM, ORTH
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span

from qatext.ner import (anatomy_rules, drug_frames, extensions, figures, fuzzy, later_acronyms, lay_activity_limits,
                        lay_behaviour, lay_body_actions, lay_body_descriptors, lay_body_findings, lay_body_moves,
                        lay_body_predicates, lay_body_problems, lay_body_products, lay_body_states, lay_body_unnamed,
                        lay_change_events, lay_context_symptoms, lay_coordination, lay_disease_phrases, lay_edge_lists,
                        lay_edge_tails, lay_felt_states, lay_function_changes, lay_hashtags, lay_impairments,
                        lay_intake, lay_medical_senses, lay_mind_phrases, lay_other_senses, lay_part_objects,
                        lay_rules, lay_sight, lay_sleep, lay_span_edges, lay_state_phrases, lay_sweating, lay_toilet,
                        lay_word_bare, lay_word_complaints, lay_word_degrees, lay_word_places, lay_word_senses,
                        normalize, shorthand, span_rules)
from qatext.ner import drug_products, lay_reach_objects, lay_said_complaints  # round 20
from qatext.ner import lay_reach_places  # round 21a
from qatext.ner import lay_list_items  # round 22b
from qatext.ner import lay_disease_names  # round 25b
from qatext.ner import lay_hyphen_words  # round 34
from qatext.ner import lay_pain_paths  # round 38
from qatext.ner import lay_infant_crying  # round 50
from qatext.ner import lay_cravings  # batch 91
from qatext.ner.batching import BatchedPipe
from qatext.ner.extensions import USER_DATA_PREFIX
from qatext.ner.hash_filter import HashFilter
from qatext.ner.lexicon import GLUED, Lexicon, get_lexicon

SOURCE_PRIORITY = {"curated": 0, GLUED: 0, "mesh": 1, "hpo": 2, "drugs": 3, "icd10cm": 4}
_HYPHEN = hash_string("-")
SEVERITY_MODES = ("first_person", "always", "never")
_WORD_CACHE_SIZE = 200_000
_INSIDE, _OUTSIDE, _BEGIN = 1, 2, 3  # spaCy's ENT_IOB codes
_ENT_ATTRS = [ENT_IOB, ENT_TYPE, ENT_KB_ID]
_OUTSIDE_ROW = array("Q", (_OUTSIDE, 0, 0))  # a token outside every entity, as _set_entities writes it
_OUTSIDE_ROWS_TOKENS = 8192
_OUTSIDE_ROWS = _OUTSIDE_ROW * _OUTSIDE_ROWS_TOKENS  # sliced (a copy) for a doc of up to that many tokens
_STRING_IDS: dict[str, int] = {}  # label or concept id -> its hash (_string_id)
_DEFINITIONS_KEY = (USER_DATA_PREFIX, "abbreviation_definitions", None, None)  # doc._.abbreviation_definitions
WEIGHT_UNIT_HASHES = frozenset(hash_string(w) for w in span_rules.WEIGHT_UNITS)
FIRST_PERSON = frozenset(hash_string(w) for w in ("i", "me", "my", "myself", "im", "i'm", "mine"))
# A term that opens on a negation or a verb of feeling yields to a term as long that starts at its next word: "no
# [appetite loss]", "feel [off balance]", "no [energy drinks]" (round 34; the opener is the assertion's, or a verb).
_YIELDING_OPENERS = frozenset(hash_string(w) for w in ("no", "feel", "feels", "feeling", "felt"))
# Words of clinical and scientific reporting; without first-person words they mark a text
# that is not someone telling of their own experience.
REPORTING = frozenset(hash_string(w) for w in (
    "patient", "study", "we", "case", "subject", "participant", "significantly", "incidence", "randomized",
    "trial", "cohort", "associated", "prevalence", "compared", "versus", "administered", "induced", "group",
))

_GLUCOSE_SWING_WORDS = frozenset(lay_medical_senses.GLUCOSE_SWINGS)
# Every word set the rule chain of ``__call__`` opens a rule with: a set is ``opened`` for a doc that has one of its
# words. A set the chain tests must be listed here, or its rule silently never runs (tests/test_ner_rule_gates.py).
CHAIN_GATES = (
    span_rules.REGION_NOUNS, lay_impairments.IMPAIRMENT_WORDS, lay_impairments.STUCK_MOVES, lay_impairments.ONLY_WORDS,
    lay_function_changes.FUNCTION_WORDS, lay_body_problems.PROBLEM_WORDS, lay_body_problems.BREAK_WORDS,
    span_rules.BODY_STATE_ADJECTIVES, lay_body_moves.WORDS, lay_body_descriptors.WORDS, drug_products.WORDS,
    span_rules.ISOMER_PREFIXES, lay_body_actions.EXPEL_VERBS, lay_other_senses.SUBSTANCE_PLACES,
    lay_other_senses.UNTAKEN_WORDS, figures.FIGURATIVE_WORDS, figures.FIGURE_WORDS, lay_body_actions.TENDING_VERBS,
    lay_medical_senses.GLUCOSE_CUES, _GLUCOSE_SWING_WORDS, lay_felt_states.PERCEIVING,
    lay_felt_states.NOT_THERE_WORDS, lay_function_changes.GROWTH_WORDS, lay_function_changes.NOT_GROWING_FIRSTS,
    lay_body_products.PRODUCTS, lay_body_products.PERIODS, lay_intake.WORDS, lay_toilet.WORDS, lay_sight.WORDS,
    lay_sleep.WORDS, lay_behaviour.WORDS, lay_activity_limits.WORDS, lay_activity_limits.NEGATIVES,
    lay_change_events.WORDS, lay_mind_phrases.WORDS, lay_context_symptoms.CUE_WORDS, lay_state_phrases.WORDS,
    lay_word_bare.WORDS, lay_word_complaints.WORDS, lay_word_complaints.LONE_WORDS, lay_said_complaints.WORDS,
    lay_word_senses.WORDS, lay_part_objects.VERBS, lay_edge_tails.WORDS, lay_reach_objects.WORDS,
    lay_body_unnamed.WORDS, lay_body_moves.BLUSH_SIGHTS, lay_body_moves.BLUSH_COLOURS, lay_word_degrees.WORDS,
    lay_word_places.WORDS, lay_reach_places.WORDS, lay_other_senses.OTHER_SENSE_NOUNS, lay_pain_paths.WORDS,
    lay_infant_crying.WORDS, lay_cravings.WORDS, *(words for pair in lay_state_phrases.PAIRS for words in pair),
)
CHAIN_TRIGGERS = span_rules.gate(*CHAIN_GATES)  # registered, so the doc's gate hits hold them
# word -> the chain's sets that hold it. A doc's opened sets are found from its few trigger words at once; testing each
# set against them walked the tables of fifty sets a doc, which the other rules' tables had pushed out of the CPU's
# cache (pipeline_speed.py --callgrind --cache-sim).
_GATES_OF: dict[str, tuple[frozenset, ...]] = {}
for _gate in CHAIN_GATES:
    for _word in _gate:
        _GATES_OF[_word] = (*_GATES_OF.get(_word, ()), _gate)


class MedicalEntityRecognizer(BatchedPipe):
    """Sets ``doc.ents`` from the qatext lexicon; ``ent._.concept_id`` comes from the span's kb_id."""

    def __init__(self, nlp: Language, name: str = "qatext_ner", *, include_severity: str = "first_person",
                 compose_locations: bool = True, overwrite_ents: bool = True):
        extensions.register()
        self.name = name
        if include_severity not in SEVERITY_MODES:
            raise ValueError(f"include_severity must be one of {SEVERITY_MODES}, not {include_severity!r}")
        self.include_severity = include_severity
        self.compose_locations = compose_locations
        self.overwrite_ents = overwrite_ents
        self.lexicon: Lexicon = get_lexicon()
        normalize.install(nlp.vocab, normalize.TokenNormalizer(self.lexicon.spelling, self.lexicon.known_tokens,
                                                               self.lexicon.fuzzy))
        if self.lexicon.fuzzy is not None:
            fuzzy.warm_up()
        self._norm_index = _PrefixIndex(self.lexicon.patterns)
        self._exact_index = _PrefixIndex(self.lexicon.exact_patterns)
        self._shorthand_hashes = frozenset(hash_string(form) for short in self.lexicon.shorthand
                                           for form in shorthand.written_forms(short))
        self._shorthand_lower = frozenset(short.lower() for short in self.lexicon.shorthand)
        self._common = self.lexicon.fuzzy.common if self.lexicon.fuzzy else frozenset()
        self._class_concepts = frozenset(key for key, kind in self.lexicon.drug_kinds.items()
                                         if kind == "class" and ":" in key)
        # Reviewed surfaces by their tokens' lower-case words, joined by spaces ("townes - brocks syndrome"), with the
        # reviewed pair's label: a verdict on "blood" the SYMPTOM is no verdict on "blood" the ANATOMY. Surfaces that
        # are lexicon keys got the review's concept at compile; the rest (rule-made spans such as "metastatic tumor",
        # plural forms) are checked at run time, only for spans that start with one of their first words.
        self._reviewed = {}
        for surface, verdict in self.lexicon.reviewed.items():
            if surface not in self.lexicon.terms:
                key = " ".join(token.lower_ for token in nlp.tokenizer(surface))
                self._reviewed[key] = (self.lexicon.reviewed_labels.get(surface), verdict)
        self._reviewed_firsts = frozenset(key.split(" ", 1)[0] for key in self._reviewed)
        self._texts: dict[int, str] = {}
        later_acronyms.lexicon_initials()  # registers the acronym gate words before the first doc
        self.corpus_senses: dict | None = None
        """short form -> Counter of senses over a corpus (:func:`qatext.ner.shorthand.count_senses`)"""

    def __call__(self, doc: Doc) -> Doc:
        table = doc.to_array([NORM, ORTH, LOWER]) if len(doc) else numpy.zeros((0, 3), dtype=numpy.uint64)
        # A list of Python ints costs more than the array it comes from (each hash is a new int): the lower
        # forms are listed, the norms only where they differ from them, the exact forms only when needed.
        lowers = table[:, 2].tolist()
        norms = _norms(table, lowers)
        words = self._strings(doc.vocab.strings, lowers)
        # the rules below look here first, so a doc without their words costs nothing
        present = span_rules.word_set(words)
        orths = None
        candidates = self._norm_index.find(norms, table[:, 0])
        if _HYPHEN in norms:  # a hyphen put into a two-word term counts only glued: "short-sighted", not "back - pain"
            candidates = self._glued_only(doc, norms, candidates)
        # Exact-case terms ("AS", "ED") start with few distinct words: most docs have none, found in C, first
        # among the doc's lower-case words (a word in any case has its lower-case form there).
        if self.lexicon.exact_patterns and not self.lexicon.exact_first_lowers.isdisjoint(present) and \
                not self._exact_index.root.keys().isdisjoint(orths := table[:, 1].tolist()):
            exact = self._exact_index.find(orths, table[:, 1])
            # The token texts hold every letter of the text, without building doc.text token by token.
            if exact and span_rules.is_all_caps("".join(self._strings(doc.vocab.strings, orths))):
                # In a post written in capitals, "AS" or "ED" is the word, not the abbreviation ("CT", "ANA" still are),
                # and so is a unit after a number ("12 HR SHIFT")
                exact = [c for c in exact if doc[c[0]:c[1]].text.lower() not in self.lexicon.capital_words
                         and not (c[0] and c[1] - c[0] == 1 and words[c[0] - 1][:1].isdecimal())]
            if exact:
                # a case-sensitive short form written in its own mixed case ("PsA", psoriatic arthritis) is more
                # specific than a lower-case term of the same tokens ("psa", the PSA test)
                mixed = {(c[0], c[1]) for c in exact if not doc[c[0]:c[1]].text.isupper()}
                if mixed:
                    candidates = [c for c in candidates if (c[0], c[1]) not in mixed]
            candidates += exact
        spans = self._select(candidates, norms)
        # read where doc._.abbreviation_definitions keeps it, without an Underscore object (twice a doc)
        definitions = doc.user_data.get(_DEFINITIONS_KEY)
        spans = self._add_defined_abbreviations(spans, definitions)
        normalizer = normalize.installed(doc.vocab)
        if normalizer is not None and normalizer.elongated and not normalizer.elongated.keys().isdisjoint(present):
            words = [normalizer.elongated.get(w, w) for w in words]
            present = span_rules.word_set(words)
        opened = set().union(*map(_GATES_OF.__getitem__, span_rules.gate_hits(words) & CHAIN_TRIGGERS))
        resolved = []
        if not self._shorthand_lower.isdisjoint(present) and not self._shorthand_hashes.isdisjoint(
                orths if orths is not None else table[:, 1].tolist()):
            spans, resolved = self._resolve_shorthand(doc, words, spans)
        lookup = self.lexicon.terms.get
        spans = span_rules.trim_leading_determiners(doc, words, spans)
        if not span_rules.NEGATION_CLITICS.isdisjoint(present):  # round 39: "[wasnt hungry]", not "was[nt hungry]"
            spans = span_rules.take_in_negated_verbs(doc, words, spans)
        spans = span_rules.drop_ambiguous_anatomy(doc, words, spans)
        spans = span_rules.extend_anatomy_sides(doc, words, spans, lookup=lookup)
        if span_rules.REGION_NOUNS in opened and "of" in present:
            spans = span_rules.extend_anatomy_regions(doc, words, spans)
        if lay_impairments.IMPAIRMENT_WORDS in opened:
            spans = lay_impairments.add_impairments(doc, words, spans, functions=self.lexicon.impairments)
        if lay_impairments.ONLY_WORDS in opened:
            spans = lay_impairments.add_only_limits(doc, words, spans, functions=self.lexicon.impairments)
        if lay_impairments.STUCK_MOVES in opened:
            spans = lay_impairments.add_stuck_body_parts(doc, words, spans)
        if lay_function_changes.FUNCTION_WORDS in opened:
            spans = lay_function_changes.add_function_changes(doc, words, spans, lookup=self.lexicon.terms.get)
        conjuncts: dict[int, list[str]] = {}
        if self.compose_locations:
            if lay_body_problems.PROBLEM_WORDS in opened:
                spans = lay_body_problems.add_organ_problems(doc, words, spans)
            if lay_body_problems.BREAK_WORDS in opened:
                spans = lay_body_problems.add_breakouts(doc, words, spans)
            spans = span_rules.add_located_complaints(doc, words, spans, lookup=lookup)
            spans = span_rules.compose_symptoms(doc, words, spans, lookup=lookup)
            spans = span_rules.add_body_predicates(doc, words, spans, lookup=lookup)
            if span_rules.BODY_STATE_ADJECTIVES in opened:
                spans = span_rules.add_described_body_parts(doc, words, spans)
            if lay_body_moves.WORDS in opened:  # round 19a: what a part does or has become
                spans = lay_body_moves.add_part_moves(doc, words, spans)
            if lay_body_descriptors.WORDS in opened:  # round 19a: "pounding pulse", "lazy bowels"
                spans = lay_body_descriptors.add_body_descriptors(doc, words, spans)
            if "and" in present:
                spans = span_rules.add_second_locations(doc, words, spans)
            spans = lay_body_problems.extend_location_tails(doc, words, spans)
            if "low" in present and "down" in present:
                spans = lay_body_problems.extend_low_down(words, spans)
            spans = lay_disease_phrases.join_disease_phrases(doc, words, spans)
            spans = lay_disease_phrases.add_allergens(doc, words, spans)
            spans, conjuncts = lay_coordination.coordinate(doc, words, spans, lookup=lookup)
            if conjuncts:  # round 19d: a list ends where its last part starts a complaint of its own
                spans = lay_edge_lists.end_lists_at_new_subject(doc, words, spans, joined=conjuncts)
            spans = span_rules.add_test_heads(doc, words, spans)
            spans = span_rules.compose_tests(doc, words, spans)
        spans = span_rules.add_clinical_modifiers(doc, words, spans)
        if not WEIGHT_UNIT_HASHES.isdisjoint(norms):
            spans = span_rules.add_weight_changes(doc, words, spans)
        if self.include_severity == "always" or (self.include_severity == "first_person" and _is_lay(norms)):
            spans = span_rules.add_severity(doc, words, spans)
        spans = span_rules.add_drug_forms(doc, words, spans, lookup=lookup)
        spans = span_rules.add_release_forms(doc, words, spans)
        if drug_products.WORDS in opened:  # round 20b: "[gaviscon advance]", "3 [pints]"
            spans = drug_products.add_drug_products(doc, words, spans, kinds=self.lexicon.drug_kinds)
        if not drug_products.CLASS_HEADS.isdisjoint(present):  # round 27: "[GLP-1 drugs]"
            spans = drug_products.add_class_heads(words, spans, classes=self._class_concepts)
        if "-" in present and span_rules.ISOMER_PREFIXES in opened:
            spans = span_rules.extend_isomer_prefixes(doc, words, spans)
        if ("up" in present or not lay_body_actions.SPUTUM.isdisjoint(present)) \
                and lay_body_actions.EXPEL_VERBS in opened:
            spans = lay_body_actions.add_expelled_objects(doc, words, spans)
        if lay_other_senses.SUBSTANCE_PLACES in opened:
            spans = lay_other_senses.drop_substance_places(doc, words, spans)
        if lay_other_senses.OTHER_SENSE_NOUNS in opened:
            spans = lay_other_senses.drop_modifier_senses(doc, words, spans)
        if lay_other_senses.UNTAKEN_WORDS in opened:
            spans = lay_other_senses.drop_untaken_substances(doc, words, spans)
        if figures.FIGURATIVE_WORDS in opened:
            spans = figures.drop_figurative(doc, words, spans)
        if figures.FIGURE_WORDS in opened:
            spans = figures.drop_figures(doc, words, spans)
        if not figures.LIKENED_WORDS.isdisjoint(present) and ("like" in present or "as" in present):
            spans = figures.drop_likened_illnesses(words, spans)
        if "#" in present:
            spans = lay_hashtags.add_hashtags(doc, words, spans, lookup=lookup)
        if lay_body_actions.TENDING_VERBS in opened:
            spans = lay_body_actions.add_tended_body_parts(doc, words, spans)
        if lay_medical_senses.GLUCOSE_CUES in opened \
                and _GLUCOSE_SWING_WORDS in opened:
            spans = lay_medical_senses.add_glucose_swings(doc, words, spans)
        if "pill" in present and "the" in present:
            spans = lay_medical_senses.add_the_pill(doc, words, spans)
        if "there" in present and lay_felt_states.PERCEIVING in opened \
                and lay_felt_states.NOT_THERE_WORDS in opened:
            spans = lay_felt_states.add_unreal_perceptions(doc, words, spans)
        if lay_function_changes.GROWTH_WORDS in opened \
                and lay_function_changes.NOT_GROWING_FIRSTS in opened:
            spans = lay_function_changes.add_failure_to_grow(doc, words, spans)
        if "confused" in present:
            spans = lay_medical_senses.add_confusion(doc, words, spans)
        if "scope" in present:
            spans = lay_medical_senses.add_scopes(doc, words, spans)
        if "for" in present and ("pressure" in present or "bp" in present):
            spans = lay_disease_names.relabel_treated_pressure(doc, words, spans)
        if "cold" in present:
            spans = lay_medical_senses.add_colds(doc, words, spans)
            spans = lay_medical_senses.add_feeling_cold(doc, words, spans)
        if "voice" in present:
            spans = lay_body_predicates.add_voice_complaints(doc, words, spans)
        if "side" in present and not lay_body_predicates.SIDES.isdisjoint(present):
            spans = lay_body_predicates.add_side_complaints(doc, words, spans)
        if "psa" in present:
            spans = lay_other_senses.drop_announcements(doc, words, spans)
        # a short form the text defines ("immune thrombocytopenia (ITP)") keeps its definition's concept
        defined = {tuple(o) for d in definitions for o in d["occurrences"]} if definitions else frozenset()
        if not self._reviewed_firsts.isdisjoint(present):
            spans = self._apply_review(words, spans, defined)
        spans = lay_rules.add_side_effect_phrases(doc, words, spans, lookup=lookup)
        spans = lay_rules.add_described_phrases(doc, words, spans, lookup=lookup)
        if lay_body_products.PRODUCTS in opened or lay_body_products.PERIODS in opened:
            spans = lay_body_products.add_changed_products(doc, words, spans)
        # lay descriptions instead of a symptom name (round 14a), each behind its own trigger words
        if lay_intake.WORDS in opened:
            spans = lay_intake.add_intake(doc, words, spans)
        if lay_toilet.WORDS in opened:
            spans = lay_toilet.add_toilet_phrases(doc, words, spans)
        if lay_sight.WORDS in opened:
            spans = lay_sight.add_sight_phrases(doc, words, spans)
        if lay_sleep.WORDS in opened:
            spans = lay_sleep.add_sleep_phrases(doc, words, spans)
        if lay_behaviour.WORDS in opened:
            spans = lay_behaviour.add_behaviour_phrases(doc, words, spans)
        if lay_infant_crying.WORDS in opened:  # round 50: "my 9 week old [SCREAMS] after every feed"
            spans = lay_infant_crying.add_infant_crying(words, spans)
        if lay_activity_limits.WORDS in opened and lay_activity_limits.NEGATIVES in opened:
            spans = lay_activity_limits.add_activity_limits(doc, words, spans)
        if lay_change_events.WORDS in opened:
            spans = lay_change_events.add_change_events(doc, words, spans)
        if lay_mind_phrases.WORDS in opened:
            spans = lay_mind_phrases.add_mind_phrases(doc, words, spans)
        if lay_context_symptoms.CUE_WORDS in opened:
            spans = lay_context_symptoms.add_context_symptoms(doc, words, spans)
        if lay_state_phrases.WORDS in opened or any(  # round 19c; pairs: "skin" with a jump, ...
                first in opened and second in opened
                for first, second in lay_state_phrases.PAIRS):
            spans = lay_state_phrases.add_state_phrases(doc, words, spans)
        if lay_word_bare.WORDS in opened:
            spans = lay_word_bare.add_bare_words(doc, words, spans)
        if not lay_disease_names.WORDS.isdisjoint(present):
            spans = lay_disease_names.add_disease_names(doc, words, spans)
        if lay_word_complaints.WORDS in opened:
            spans = lay_word_complaints.add_word_complaints(doc, words, spans)
        if lay_word_complaints.LONE_WORDS in opened:  # round 19b
            spans = lay_word_complaints.add_lone_complaints(doc, words, spans)
        if lay_cravings.WORDS in opened:  # batch 91: "[cravings for bread and rice]", "[aversion to meat]"
            spans = lay_cravings.add_cravings(words, spans, lookup=lookup)
        if lay_said_complaints.WORDS in opened:  # round 20b: "[legs like lead]", "[flooding]"
            spans = lay_said_complaints.add_said_complaints(doc, words, spans)
        if lay_word_senses.WORDS in opened:
            spans = lay_word_senses.add_changed_senses(doc, words, spans)
        if self.compose_locations:  # round 15a: what is found in or on a part, what a part does (each gated inside)
            spans = lay_body_findings.add_located_findings(doc, words, spans)
            spans = lay_body_findings.add_part_states(doc, words, spans)
            spans = lay_body_findings.add_part_damage(doc, words, spans)
            # round 16a: a part that is the subject of a complaint, a finding located on a part (each gated inside)
            spans = lay_body_states.add_body_states(doc, words, spans)
            if lay_part_objects.VERBS in opened:  # a part as a complaint verb's object
                spans = lay_part_objects.add_part_objects(doc, words, spans, lookup=lookup, conjuncts=conjuncts)
        spans = lay_span_edges.extend_lay_edges(doc, words, spans)
        if not lay_coordination.BARE_LOCATED_SENSATIONS.isdisjoint(present):  # round 44: "[fullness and roaring in my ear]"
            spans = lay_coordination.join_bare_sensations(words, spans, conjuncts, lookup=lookup)
        if "and" in present or "&" in present:  # round 48: "[skin is cracking and bleeding]"
            spans = lay_coordination.join_second_predicates(words, spans, lookup=lookup)
        if "both" in present:  # "[both arms ache]"
            spans = lay_body_states.take_in_both(words, spans, lookup=lookup)
        if lay_pain_paths.WORDS in opened:  # round 38: "[pain shooting down my right leg]"
            spans = lay_pain_paths.add_pain_paths(doc, words, spans)
        if lay_edge_tails.WORDS in opened:  # round 18b: edges and lists
            spans = lay_edge_tails.extend_tails(doc, words, spans)
        if lay_reach_objects.WORDS in opened:  # round 20a: a hue after its shade, a particle after its object
            spans = lay_reach_objects.extend_reach(doc, words, spans)
        if lay_reach_places.WORDS in opened:  # round 21a: a trunk side, a second place, a fluid's look
            spans = lay_reach_places.add_reach_places(doc, words, spans)
        if lay_body_unnamed.WORDS in opened:  # round 18b: states with no symptom word
            spans = lay_body_unnamed.add_unnamed_states(doc, words, spans)
        if lay_body_moves.BLUSH_SIGHTS in opened and lay_body_moves.BLUSH_COLOURS in opened:
            spans = lay_body_moves.drop_blushes(doc, words, spans)  # round 19a: "face went red when she saw him"
        spans = later_acronyms.add_later_acronyms(doc, words, spans, shorthand=self._shorthand_lower)
        spans = drug_frames.add_framed_drugs(doc, words, spans, known=self.lexicon.known_tokens, common=self._common)
        if lay_word_degrees.WORDS in opened:
            spans = lay_word_degrees.add_degrees(doc, words, spans)
        if lay_word_places.WORDS in opened:
            spans = lay_word_places.drop_places(doc, words, spans)
        if "condition" in present and ":" in present:  # round 38: "Condition: [Birth Control]" is no medicine
            spans = lay_other_senses.drop_condition_drugs(words, spans)
        if not lay_other_senses.STRENGTH_WORDS.isdisjoint(present):  # "a weak statin"
            spans = lay_other_senses.drop_medicine_strengths(words, spans)
        if "-" in present and not lay_other_senses.HYPHEN_MODIFIERS.isdisjoint(present):  # "rage-scrolling"
            spans = lay_other_senses.drop_hyphen_modifiers(doc, words, spans)
        if not lay_other_senses.TRIGGER_OPENERS.isdisjoint(present):
            spans = lay_other_senses.drop_triggers(doc, words, spans)
        if not lay_other_senses.REACTION_VERBS.isdisjoint(present):
            spans = lay_other_senses.drop_reactions(doc, words, spans)
        if "?" in present and not lay_other_senses.PAIN_QUESTION_WORDS.isdisjoint(present):  # batch 101
            spans = lay_other_senses.drop_pain_questions(words, spans)
        if "tia" in present:
            spans = lay_other_senses.drop_sign_offs(doc, words, spans)
        if "af" in present and not lay_other_senses.AUNT_FLO_ARRIVALS.isdisjoint(present):  # round 44
            spans = lay_other_senses.drop_aunt_flo(doc, words, spans)
        if not lay_other_senses.PANDEMIC_TIMES.isdisjoint(present) \
                and not lay_other_senses.PANDEMIC_NAMES.isdisjoint(present):
            spans = lay_other_senses.drop_pandemic_times(doc, words, spans)
        if "sweat" in present:
            spans = lay_sweating.add_sweating(doc, words, spans, lookup=lookup)
        if "through" in present and not lay_sweating.SWEATING_WORDS.isdisjoint(present):
            spans = lay_sweating.extend_soaked_through(words, spans)
        if not lay_sweating.SOAKED_WORDS.isdisjoint(present):
            spans = lay_sweating.add_soaked(words, spans, lookup=lookup)
        if not lay_list_items.LIST_MARKS.isdisjoint(present):  # round 22b: unknown items of a list of complaints
            spans = lay_list_items.add_list_items(doc, words, spans, lookup=lookup, headed=":" in present)
        if "-" in present or "coloured" in present or "colored" in present:  # round 34: "[high-pitched ringing]"
            spans = lay_hyphen_words.join_hyphenated_words(doc, words, spans)
        if not span_rules.CHAT_TAILS.isdisjoint(present):  # round 38: "[legs feeling like jelly] lol"
            spans = span_rules.trim_chat_tails(words, spans)
        if "over" in present and "all" in present:  # round 49: "[itchy] all over"
            spans = lay_span_edges.trim_bare_extents(words, spans)
        # Last: which lone body words stand depends on the spans every rule above has drawn.
        if anatomy_rules.has_anatomy(spans):
            spans = anatomy_rules.settle_anatomy(doc, words, spans, lookup=lookup)
        if not self._reviewed_firsts.isdisjoint(present):  # spans the rules above drew take the review's verdict too
            spans = self._apply_review(words, spans, defined)
        spans = _disjoint(spans, doc)
        if self.overwrite_ents or not doc.ents:
            _set_entities(doc, spans)
        else:
            doc.ents = _merge_keeping(doc.ents, [Span(doc, s, e, label=label, kb_id=c) for s, e, label, c in spans])
        self._set_expansions(doc, words, spans, definitions)
        self._set_span_details(doc, spans, words=words, present=present, conjuncts=conjuncts,
                               normalizer=normalizer, resolved=resolved)
        return doc

    def _glued_only(self, doc: Doc, norms: list[int], candidates: list) -> list:
        """``candidates`` without a curated two-word term matched across a hyphen with a space at it (a list's dash:
        "lower back - pain during sex"); the first word's own term, if it has one, stands instead ("[back]")."""
        kept = []
        for candidate in candidates:
            start = candidate[0]
            if candidate[2][2] != GLUED or not (doc[start].whitespace_ or doc[start + 1].whitespace_):
                kept.append(candidate)
            else:
                alone = self._norm_index.term_at(norms[start])
                if alone is not None:
                    kept.append((start, start + 1, alone))
        return kept

    def _strings(self, strings, hashes: list[int]) -> list[str]:
        """The strings of ``hashes``, through a hash -> text cache (a StringStore lookup per token costs more)."""
        texts = self._texts
        try:
            return list(map(texts.__getitem__, hashes))  # the loop in C
        except KeyError:
            if len(texts) > _WORD_CACHE_SIZE:
                texts.clear()  # a corpus with millions of distinct words should not hold them all twice
            # Read each string as it is put in: another thread running this pipeline may clear the cache meanwhile.
            found = []
            for h in hashes:
                text = texts.get(h)
                if text is None:
                    text = texts[h] = strings[h]
                found.append(text)
            return found

    def _apply_review(self, words: list[str], spans: list, defined) -> list:
        """Spans the lexicon alone does not decide ("metastatic tumor", "viruses") take the concept review's verdict,
        when they carry the reviewed pair's label and are no short form the text defines (``defined``: token ranges)."""
        reviewed, firsts = self._reviewed, self._reviewed_firsts
        out = []
        for span in spans:
            start, end = span[0], span[1]
            if words[start] in firsts and (start, end) not in defined:
                found = reviewed.get(" ".join(words[start:end]))
                if found is not None and found[0] == span[2]:
                    if found[1] is None:
                        continue
                    span = (start, end, *found[1])
            out.append(span)
        return out

    def _resolve_shorthand(self, doc: Doc, words: list[str], spans: list) -> tuple[list, list]:
        """Ambiguous short forms take the sense their context supports, or stop being entities."""
        resolutions = shorthand.resolve(doc, words, self.lexicon.shorthand, corpus_senses=self.corpus_senses,
                                        specialty=doc._.specialty_hint)
        capital_words = self.lexicon.capital_words
        if any(words[r.start] in capital_words for r in resolutions) and span_rules.is_all_caps(text := doc.text):
            # in a post in capitals "ME" is the word (the case no longer tells the letters apart), unless the post names
            # what they stand for ("MYALGIC ENCEPHALOMYELITIS ... MY ME")
            lowered = text.lower()
            resolutions = [r for r in resolutions if words[r.start] not in capital_words or r.long.lower() in lowered]
        if not resolutions:
            return spans, []
        doc._.shorthand_senses = [(doc[r.start].text, r.long) for r in resolutions if r.by == "document"]
        at = {r.start: r for r in resolutions}
        out = [s for s in spans if not (s[1] - s[0] == 1 and s[0] in at)]
        taken = {i for s, e, *_ in out for i in range(s, e)}
        for r in resolutions:
            if r.label is not None and r.start not in taken:
                out.append((r.start, r.start + 1, r.label, r.concept_id))
        return sorted(out), resolutions

    def _set_span_details(self, doc: Doc, spans: list, *, words: list[str], present: set[str],
                          conjuncts: dict[int, list[str]], normalizer, resolved: list) -> None:
        """``drug_kind`` of drugs, ``concepts`` of coordinated spans, ``matched_as`` of fuzzy matches."""
        kinds = self.lexicon.drug_kinds
        fuzzy = normalizer.fuzzy if normalizer is not None else {}
        if fuzzy and fuzzy.keys().isdisjoint(present):
            fuzzy = {}
        by_start = {r.start: r for r in resolved}
        if not (fuzzy or conjuncts or by_start or any(span[2] == "DRUG" for span in spans)):
            return
        user_data = doc.user_data
        for start, end, label, concept in spans:
            ent = None  # a Span only for the entities that get a detail: most get none
            if label == "DRUG":
                ent = Span(doc, start, end, label=label, kb_id=concept)
                text = ent.text.lower().lstrip("#")
                user_data[_span_key("drug_kind", ent)] = kinds.get(text) or kinds.get(concept) or "named"
            if end in conjuncts and len(conjuncts[end]) > 1:
                ent = ent or Span(doc, start, end, label=label, kb_id=concept)
                ent._.concepts = conjuncts[end]  # through its setter
            if fuzzy:
                lowered = words[start:end]
                if any(w in fuzzy for w in lowered):
                    ent = ent or Span(doc, start, end, label=label, kb_id=concept)
                    user_data[_span_key("matched_as", ent)] = " ".join(fuzzy.get(w, w) for w in lowered)
            if start in by_start and end - start == 1:
                resolution = by_start[start]
                ent = ent or Span(doc, start, end, label=label, kb_id=concept)
                user_data[_span_key("expanded", ent)] = resolution.long
                user_data[_span_key("expanded_by", ent)] = resolution.by

    def _set_expansions(self, doc: Doc, words: list[str], spans: list, definitions: list[dict] | None) -> None:
        """``ent._.expanded``: the long form of an abbreviation, defined in the text or known."""
        defined = {d["short"].lower(): d["long"] for d in definitions} if definitions else {}
        expansions = self.lexicon.expansions
        for start, end, label, concept in spans:
            if end - start == 1 and (words[start] in defined or words[start] in expansions):
                ent = Span(doc, start, end, label=label, kb_id=concept)
                text = ent.text
                long_form = defined.get(text.lower()) or expansions.get(text) or expansions.get(text.lower())
                if long_form and long_form.lower() != text.lower():
                    doc.user_data[_span_key("expanded", ent)] = long_form

    @staticmethod
    def _select(candidates: list, norms: list[int]) -> list[tuple[int, int, str, str]]:
        """Longest match wins; among equal lengths, one that opens on a yielding word loses, then the most trusted
        source."""
        candidates.sort(key=lambda c: (c[0] - c[1], norms[c[0]] in _YIELDING_OPENERS, SOURCE_PRIORITY[c[2][2]], c[0]))
        return _claim([(start, end, label, concept) for start, end, (label, concept, _source) in candidates])

    def _add_defined_abbreviations(self, spans: list, definitions: list[dict] | None) -> list:
        """A short form defined in the text ("... sclerosis (ALS)") takes its long form's concept everywhere."""
        if not definitions:
            return spans
        by_range = {(s, e): (label, concept) for s, e, label, concept in spans}
        taken = {i for s, e, *_ in spans for i in range(s, e)}
        added = []
        for definition in definitions:
            long_start, long_end = definition["long_start"], definition["long_end"]
            concept = by_range.get((long_start, long_end)) or self._lookup_inside(spans, long_start, long_end)
            if concept is None:
                continue
            for start, end in definition["occurrences"]:
                if not any(i in taken for i in range(start, end)):
                    taken.update(range(start, end))
                    added.append((start, end, *concept))
                elif (start, end) in by_range and by_range[(start, end)] != concept:
                    spans = [(s, e, *concept) if (s, e) == (start, end) else (s, e, lab, c) for s, e, lab, c in spans]
        return sorted(spans + added)

    @staticmethod
    def _lookup_inside(spans: list, start: int, end: int):
        inside = [(e - s, label, concept) for s, e, label, concept in spans if s >= start and e <= end]
        if inside:
            _length, label, concept = max(inside)
            if _length >= (end - start) - 1:
                return label, concept
        return None


class OverlappingSpansWarning(RuntimeWarning):
    """Two span rules claimed the same tokens; the longer span was kept (a rule bug: the tests turn
    this warning into an error, users get their entities instead of a failed batch)."""


def _disjoint(spans: list, doc: Doc) -> list:
    """``spans`` (sorted) unchanged when no two overlap, which is always, unless two rules clash on
    text nobody foresaw; then the longest of each clash is kept, as :meth:`_select` does for matches."""
    if _first_clash(spans) is None:
        return spans
    import logging
    import warnings

    # one fixed message, so that Python shows it once rather than once per doc; the spans (token
    # offsets only: the text may be a patient's) go to the debug log
    warnings.warn("two span rules claimed the same tokens; kept the longest span", OverlappingSpansWarning, stacklevel=2)
    logging.getLogger(__name__).debug("overlapping entity spans %s in a doc of %d tokens",
                                      [(s, e, label) for s, e, label, _ in spans], len(doc))
    return _claim(sorted((s for s in spans if s[1] > s[0]), key=lambda s: (s[0] - s[1], s[0])))


def _claim(preferred) -> list:
    """Each span of ``preferred`` (best first) whose tokens no better span took, in text order."""
    taken: set[int] = set()
    chosen = []
    for span in preferred:
        start, end = span[0], span[1]
        if end - start == 1:  # most matches are one word: a set test, without a range object
            if start in taken:
                continue
            taken.add(start)
        elif taken.isdisjoint(range(start, end)):
            taken.update(range(start, end))
        else:
            continue
        chosen.append(span)
    chosen.sort()
    return chosen


def _first_clash(spans: list) -> int | None:
    """The index of the first span that is empty or starts before the previous one ends, or None."""
    last_end = 0
    for index, (start, end, *_) in enumerate(spans):
        if start < last_end or end <= start:
            return index
        last_end = end
    return None


def _set_entities(doc: Doc, spans: list) -> None:
    """``doc.ents = spans`` through one array write: the same annotation, without a Span object each."""
    clash = _first_clash(spans)
    if clash is not None:  # what doc.ents would refuse (E1010) must not pass silently
        start, end, label, _concept = spans[clash]
        last_end = spans[clash - 1][1] if clash else 0
        raise ValueError(f"entity spans must be sorted and disjoint: ({start}, {end}, {label}) after token {last_end}")
    # One row (IOB, type, concept) per token in a buffer of machine integers, copied from a row of "outside"
    # tokens: a slice write per entity, without a Python int per token.
    n = len(doc)
    if spans and spans[-1][1] > n:
        raise ValueError(f"entity span ({spans[-1][0]}, {spans[-1][1]}) runs past the doc's {n} tokens")
    strings = doc.vocab.strings
    table = _OUTSIDE_ROWS[:3 * n] if n <= _OUTSIDE_ROWS_TOKENS else _OUTSIDE_ROW * n
    for start, end, label, concept in spans:
        type_id, concept_id = _string_id(strings, label), _string_id(strings, concept or "")
        if end - start == 1:  # most entities are one word
            table[3 * start:3 * end] = array("Q", (_BEGIN, type_id, concept_id))
        else:
            table[3 * start:3 * end] = array("Q", (_INSIDE, type_id, concept_id)) * (end - start)
            table[3 * start] = _BEGIN
    doc.from_array(_ENT_ATTRS, numpy.frombuffer(table, dtype=numpy.uint64).reshape(n, 3))


def _string_id(strings, text: str) -> int:
    """``strings.add(text)``, through a cache of the hashes: adding hashes the string's bytes each time."""
    key = _STRING_IDS.get(text)
    if key is None or key not in strings:  # a store can be emptied and reloaded (Vocab.from_disk)
        key = _STRING_IDS[text] = strings.add(text)
    return key


def _merge_keeping(existing: Iterable[Span], new: list[Span]) -> list[Span]:
    """Entities a statistical base model found stay; ours fill only the tokens it left free."""
    taken = {i for ent in existing for i in range(ent.start, ent.end)}
    return sorted([*existing, *(e for e in new if not any(i in taken for i in range(e.start, e.end)))], key=lambda e: e.start)


def _span_key(name: str, span: Span) -> tuple:
    """Where ``span._.<name> = value`` stores the value (extensions.USER_DATA_PREFIX), written without an
    Underscore object per entity; for extensions without a setter."""
    return USER_DATA_PREFIX, name, span.start_char, span.end_char


def _norms(table: numpy.ndarray, lowers: list[int]) -> list[int]:
    """The NORM column of ``table`` (NORM, ORTH, LOWER) as a list: ``lowers`` where a token's norm is its lower-case
    form, as it is for all but a couple of tokens in a doc ("n't" -> "not", "cuz" -> "because")."""
    differ = numpy.flatnonzero(table[:, 0] != table[:, 2])
    if not len(differ):
        return lowers
    norms = list(lowers)
    for i, norm in zip(differ.tolist(), table[differ, 0].tolist()):
        norms[i] = norm
    return norms


def _is_lay(norms: list[int]) -> bool:
    return not FIRST_PERSON.isdisjoint(norms) or REPORTING.isdisjoint(norms)


class _PrefixIndex:
    """A trie over the terms' token hashes: node 0 is the root, ``children[node]`` maps a token hash to
    the next node (None at a leaf) and ``entries[node]`` is the term that ends there (or None).

    Matching walks the token hashes once in Python and extends a candidate only while its
    tokens are still a prefix of some term, which is faster and far lighter than a
    PhraseMatcher over 100,000+ terms. One dict per node keeps the walk to one dict lookup per
    token (a flat dict keyed by prefix tuples would build a tuple per step); its keys and values
    are ints, so the garbage collector does not track the dicts: nested (entry, children) tuples
    made every full collection walk 200,000 more objects, a third of a second each time.
    """

    def __init__(self, patterns: dict[tuple[int, ...], tuple]):
        children: list[dict[int, int] | None] = [None]
        entries: list[tuple | None] = [None]
        for key, entry in patterns.items():
            node = 0
            for token in key:
                kids = children[node]
                if kids is None:
                    kids = children[node] = {}
                child = kids.get(token)
                if child is None:
                    child = kids[token] = len(entries)
                    children.append(None)
                    entries.append(None)
                node = child
            entries[node] = entry
        # tuples: once the collector has seen that they hold nothing it tracks, it stops walking them
        self.children, self.entries = tuple(children), tuple(entries)
        self.root: dict[int, int] = children[0] or {}
        # what :meth:`_starts` tests: first words that are a term alone, and the first two words of the rest
        alone = [first for first, node in self.root.items() if entries[node] is not None]
        pairs = [(first, second) for first, node in self.root.items() if entries[node] is None
                 for second in children[node]]
        self._alone = HashFilter(numpy.array(alone, dtype=numpy.uint64))
        self._pairs = HashFilter(_pair_keys(numpy.array([p[0] for p in pairs], dtype=numpy.uint64),
                                            numpy.array([p[1] for p in pairs], dtype=numpy.uint64)))

    def find(self, hashes: list[int], array: numpy.ndarray) -> list:
        """Longest term starting at each token: (start, end, entry) for every start that has one.
        ``array`` holds ``hashes`` as uint64, for :meth:`_starts`."""
        root, children, entries = self.root, self.children, self.entries
        found = []
        n = len(hashes)
        for i in self._starts(array):
            node = root.get(hashes[i])
            if node is None:  # a filter's false alarm (see _starts)
                continue
            best = None
            end = i + 1
            while True:
                entry = entries[node]
                if entry is not None:
                    best = (i, end, entry)
                kids = children[node]
                if kids is None or end >= n:
                    break
                node = kids.get(hashes[end])
                if node is None:
                    break
                end += 1
            if best is not None:
                found.append(best)
        return found

    def term_at(self, token: int):
        """The entry of the one-word term ``token`` is, or None."""
        node = self.root.get(token)
        return None if node is None else self.entries[node]

    def _starts(self, array: numpy.ndarray) -> list[int]:
        """The tokens a walk may find a term at: a one-word term's word, or the first two words of a longer
        term, tested in numpy. Half the tokens of a text ("the", "and", "i", "a", "is") begin some term, but
        only as the first of several words: walked from each, nine in ten walks ended after one lookup.
        The filters may say yes for a pair that is no term's start: that walk finds nothing, as it did
        when every token started one, so the matches are the same."""
        hit = self._alone.may_hold(array)
        if len(array) > 1:
            hit[:-1] |= self._pairs.may_hold(_pair_keys(array[:-1], array[1:]))
        return numpy.flatnonzero(hit).tolist()


def _pair_keys(firsts: numpy.ndarray, seconds: numpy.ndarray) -> numpy.ndarray:
    """One uint64 per word pair, mixed from the two hashes (spaCy's murmur hashes: every bit is random)."""
    return firsts ^ (seconds >> numpy.uint64(23))
