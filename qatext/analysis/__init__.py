"""Analyses of an annotated corpus: DataFrames in, DataFrames out.

Every function here is pure: it takes the record frame (:mod:`qatext.schema`) and/or the
annotation tables (:mod:`qatext.annotate`) and returns a new DataFrame (or a networkx graph),
so each can be tested on hand-made tables and reused from notebooks.
"""
from qatext.analysis.cooccurrence import (
    PATIENT_ASSERTIONS,
    PATIENT_EXPERIENCERS,
    benjamini_hochberg,
    cooccurrence,
    cooccurrence_network,
    default_thresholds,
    present_concepts,
)
from qatext.analysis.corpus_summary import corpus_summary, field_completeness, records_per_month, status_mix
from qatext.analysis.doctors import doctor_aliases
from qatext.analysis.replies import (
    REPLY_ACTS,
    find_reply_acts,
    readability,
    reply_features,
    replies_by_doctor,
    replies_by_group,
)
from qatext.analysis.suspicions import OUTCOMES as SUSPICION_OUTCOMES
from qatext.analysis.suspicions import suspicion_outcomes, suspicion_replies
from qatext.analysis.specialties import (
    distinctive_concepts,
    distinctive_terms,
    entity_type_mix,
    specialty_confusion,
    specialty_distribution,
    specialty_groups,
    specialty_labels,
    weighted_log_odds,
)

__all__ = [
    "SUSPICION_OUTCOMES", "suspicion_outcomes", "suspicion_replies",
    "PATIENT_ASSERTIONS", "PATIENT_EXPERIENCERS", "benjamini_hochberg", "cooccurrence", "cooccurrence_network", "default_thresholds", "present_concepts",
    "corpus_summary", "field_completeness", "records_per_month", "status_mix", "doctor_aliases",
    "REPLY_ACTS", "find_reply_acts", "readability", "reply_features", "replies_by_doctor", "replies_by_group",
    "distinctive_concepts", "distinctive_terms", "entity_type_mix", "specialty_confusion",
    "specialty_distribution", "specialty_groups", "specialty_labels", "weighted_log_odds",
]
