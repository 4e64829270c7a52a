"""Suspected conditions and what the reply does with them (issue 10, report item 6)."""
from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from qatext import analysis, plots


def _entity(record_id, field, text, concept_id, assertion, label="DISEASE"):
    return dict(record_id=record_id, field=field, start=0, end=len(text), text=text, label=label,
                concept_id=concept_id, concept_name=text.title(), assertion=assertion)


RECORDS = pd.DataFrame({"record_id": ["a", "b", "c", "d", "e", "f"],
                        "answer": ["ALS is possible", "not lupus", "pseudogout", "rest", "", "see a doctor"]})
ENTITIES = pd.DataFrame([
    _entity("a", "question", "als", "C1", "possible"), _entity("a", "answer", "ALS", "C1", "present"),
    _entity("b", "question", "lupus", "C2", "possible"), _entity("b", "answer", "lupus", "C2", "negated"),
    _entity("c", "question", "gout", "C3", "possible"), _entity("c", "answer", "pseudogout", "C4", "present"),
    _entity("d", "question", "migraine", "C5", "possible"),
    _entity("e", "question", "flu", "C6", "possible"),                # no reply: left out
    _entity("f", "question", "diabetes", "C7", "present"),            # not a suspicion: left out
    _entity("f", "answer", "diabetes", "C7", "present"),
    _entity("d", "answer", "headache", "HP:1", "present", label="SYMPTOM"),  # a symptom is no condition
])


def test_each_suspicion_gets_the_reply_outcome():
    replies = analysis.suspicion_replies(RECORDS, ENTITIES)
    assert dict(zip(replies["record_id"], replies["outcome"])) == {
        "a": "names it", "b": "rules it out", "c": "names another", "d": "names none"}
    assert replies.set_index("record_id").loc["c", "reply_conditions"] == "Pseudogout"


def test_a_reply_naming_it_wins_over_naming_others_too():
    entities = pd.concat([ENTITIES, pd.DataFrame([_entity("c", "answer", "gout", "C3", "present")])])
    replies = analysis.suspicion_replies(RECORDS, entities)
    assert replies.set_index("record_id").loc["c", "outcome"] == "names it"


def test_outcome_shares_per_group_and_figure():
    replies = analysis.suspicion_replies(RECORDS, ENTITIES)
    groups = pd.Series({"a": "neurology", "b": "rheumatology", "c": "rheumatology", "d": "neurology"})
    shares = analysis.suspicion_outcomes(replies, groups)
    rheum = shares[shares["group"] == "rheumatology"].set_index("outcome")["share"]
    assert rheum["rules it out"] == 0.5 and rheum["names another"] == 0.5 and rheum["names it"] == 0
    assert set(shares["outcome"]) == set(analysis.SUSPICION_OUTCOMES)
    fig = plots.stacked_shares(shares, group="group", category="outcome", order=list(analysis.SUSPICION_OUTCOMES))
    assert isinstance(fig, Figure)
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == list(analysis.SUSPICION_OUTCOMES)


def test_no_entities_gives_an_empty_table():
    assert analysis.suspicion_replies(RECORDS, ENTITIES.iloc[0:0]).empty
    assert isinstance(plots.stacked_shares(analysis.suspicion_outcomes(
        analysis.suspicion_replies(RECORDS, ENTITIES.iloc[0:0])), group="group", category="outcome"), Figure)
