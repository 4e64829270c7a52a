"""When the asker suspects a condition ("could this be ALS?"), what does the doctor's reply do with it?

A suspicion is a disease the question names with assertion ``possible`` (the NER's ConText rules:
"could this be X", "I am worried it is X", "is it X?"). The reply, read through its own entities:

* ``names it``: mentions the same condition (same concept id, else same concept name), not only
  as negated;
* ``rules it out``: mentions it only negated ("this is not ALS");
* ``names another``: does not mention it, names another disease;
* ``names none``: names no disease.
"""
from __future__ import annotations

import pandas as pd

SUSPECTED = ("possible",)
OUTCOMES = ("names it", "rules it out", "names another", "names none")
CONDITION_LABELS = ("DISEASE",)


def _keys(frame: pd.DataFrame) -> pd.Series:
    """A condition's identity: its concept id, else its lowercased name or text."""
    name = frame["concept_name"].where(frame["concept_name"].notna(), frame["text"])
    return frame["concept_id"].where(frame["concept_id"].notna(), name.str.lower())


def suspicion_replies(records: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """One row per answered record whose question suspects a condition.

    Columns: ``record_id, suspected`` (names, ``;``-joined), ``outcome`` (one of
    :data:`OUTCOMES`; with several suspicions the best outcome for any of them), ``reply_conditions``
    (the other diseases the reply names, ``;``-joined). Records without an answer are left out:
    there is no reply to read.
    """
    columns = ["record_id", "suspected", "outcome", "reply_conditions"]
    if entities is None or entities.empty:
        return pd.DataFrame(columns=columns)
    diseases = entities[entities["label"].isin(CONDITION_LABELS)].assign(key=lambda f: _keys(f))
    question = diseases[(diseases["field"] == "question") & diseases["assertion"].isin(SUSPECTED)]
    answer = diseases[diseases["field"] == "answer"]
    answered = set(records.loc[records["answer"].fillna("").str.strip() != "", "record_id"])
    rows = []
    for record_id, asked in question.groupby("record_id", sort=False):
        if record_id not in answered:
            continue
        suspected = list(dict.fromkeys(asked["key"]))
        names = list(dict.fromkeys(asked["concept_name"].fillna(asked["text"])))
        reply = answer[answer["record_id"] == record_id]
        affirmed = set(reply.loc[reply["assertion"] != "negated", "key"])
        denied = set(reply.loc[reply["assertion"] == "negated", "key"])
        others = reply[~reply["key"].isin(suspected)]
        if affirmed & set(suspected):
            outcome = "names it"
        elif denied & set(suspected):
            outcome = "rules it out"
        elif len(others):
            outcome = "names another"
        else:
            outcome = "names none"
        other_names = dict.fromkeys(others["concept_name"].fillna(others["text"]))
        rows.append((record_id, ";".join(names), outcome, ";".join(other_names)))
    return pd.DataFrame(rows, columns=columns)


def suspicion_outcomes(replies: pd.DataFrame, groups: pd.Series | None = None) -> pd.DataFrame:
    """Share of each outcome, overall or per group (e.g. specialty): ``group, outcome, records, share``.

    ``groups``: a Series indexed by record_id (:func:`qatext.analysis.specialty_groups`);
    records outside it are counted under ``"all"`` only when no groups are given.
    """
    frame = replies.assign(group="all") if groups is None else \
        replies.assign(group=replies["record_id"].map(groups)).dropna(subset=["group"])
    counts = (frame.groupby(["group", "outcome"]).size()
              .unstack(fill_value=0).reindex(columns=list(OUTCOMES), fill_value=0))
    counts = counts.stack().rename("records").reset_index()
    counts["share"] = counts["records"] / counts.groupby("group")["records"].transform("sum")
    return counts[["group", "outcome", "records", "share"]]
