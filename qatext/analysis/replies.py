"""Reply patterns: how long doctors write, how fast, how readably, and what their replies do.

Reply acts come from rules in ``qatext/resources/replies/`` (``acts.tsv``, ``specialists.tsv``,
``tests.tsv``): a rule is a regular expression; an act is found when one of its rules matches.
Referrals and test recommendations are judged sentence by sentence, so the specialty referred
to and the test named come from the same sentence, and a sentence that rules them out
("an MRI is not needed") does not count.
"""
from __future__ import annotations

import csv
import math
import re
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

from qatext.analysis.cooccurrence import present_concepts
from qatext.analysis.doctors import doctor_aliases

REPLY_ACTS = ("greeting", "empathy", "explanation", "referral", "test", "medication", "lifestyle",
              "reassurance", "follow_up", "sign_off")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
WORD = re.compile(r"[A-Za-z]+(?:['-][A-Za-z]+)*|\d+(?:[.,]\d+)?")
VOWEL_GROUPS = re.compile(r"[aeiouy]+")
RULED_OUT = re.compile(r"\b(no need (for|to)|not (routinely |really |necessarily )?(needed|necessary|required|indicated)|"
                       r"do(es)? not need|don't need|unnecessary)\b", re.I)
# "An MRI is not needed, but please see a neurologist": rule out one clause, not the sentence.
CLAUSE_BREAK = re.compile(r",?\s+\b(?:but|however|although|though|whereas)\b|;", re.I)
RECOMMENDING = re.compile(r"\b(suggest|recommend|advi[cs]e|should|would|need|needs|please|get|have|do|go for|consider|"
                          r"may|might|better|must|can|ask|refer|consult|see|visit|meet|check|order|done|repeat)\b", re.I)


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("qatext.resources").joinpath("replies", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@lru_cache(maxsize=1)
def _act_rules() -> dict[str, re.Pattern]:
    patterns: dict[str, list[str]] = {}
    for row in _rows("acts.tsv"):
        if row["act"] not in REPLY_ACTS:
            raise ValueError(f"qatext/resources/replies/acts.tsv: unknown act {row['act']!r} (known: {REPLY_ACTS})")
        patterns.setdefault(row["act"], []).append(f"(?:{row['pattern']})")
    return {act: re.compile("|".join(parts), re.I | re.M) for act, parts in patterns.items()}


@lru_cache(maxsize=None)
def _named(name: str, key: str, value: str) -> tuple[re.Pattern, list[tuple[str, re.Pattern]]]:
    """The rules of ``name``, each as (value, pattern), and one pattern that matches where any of
    them does: a sentence it does not match needs no rule-by-rule look."""
    rows = _rows(name)
    any_rule = re.compile(rf"(?<![\w-])(?:{'|'.join(f'(?:{row[key]})' for row in rows)})(?![\w-])", re.I)
    return any_rule, [(row[value], re.compile(rf"(?<![\w-])(?:{row[key]})(?![\w-])", re.I)) for row in rows]


def _specialists():
    return _named("specialists.tsv", "word", "specialty")


def _tests():
    return _named("tests.tsv", "pattern", "test")


def _matching(rules: tuple[re.Pattern, list[tuple[str, re.Pattern]]], text: str) -> set[str]:
    any_rule, each = rules
    if not any_rule.search(text):
        return set()
    return {value for value, rx in each if rx.search(text)}


def sentences(text: str) -> list[str]:
    """Split a reply into sentences (full stops and line breaks both end one)."""
    return [s.strip() for s in SENTENCE_END.split(text) if s and s.strip()]


@lru_cache(maxsize=1 << 16)  # replies reuse a small vocabulary
def syllables(word: str) -> int:
    """Syllables in an English word by vowel groups (a silent final 'e' does not count); at least 1."""
    word = word.lower()
    count = len(VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(count, 1)


def readability(text: str | None) -> dict[str, float]:
    """Words, sentences, Flesch reading ease and Flesch-Kincaid grade of ``text`` (NaN when empty)."""
    if not isinstance(text, str):
        return {"words": 0, "sentences": 0, "flesch_reading_ease": math.nan, "fk_grade": math.nan}
    words = [w for w in WORD.findall(text) if not w[0].isdigit()]
    n_sentences = max(len(sentences(text)), 1)
    if not words:
        return {"words": 0, "sentences": n_sentences, "flesch_reading_ease": math.nan, "fk_grade": math.nan}
    per_sentence = len(words) / n_sentences
    per_word = sum(syllables(w) for w in words) / len(words)
    return {
        "words": len(words),
        "sentences": n_sentences,
        "flesch_reading_ease": 206.835 - 1.015 * per_sentence - 84.6 * per_word,
        "fk_grade": 0.39 * per_sentence + 11.8 * per_word - 15.59,
    }


def find_reply_acts(text: str | None) -> dict[str, object]:
    """The acts a reply performs: one bool per act in :data:`REPLY_ACTS`, plus
    ``referral_specialties`` and ``tests_recommended`` (sorted lists)."""
    found: dict[str, object] = {act: False for act in REPLY_ACTS}
    found["referral_specialties"], found["tests_recommended"] = [], []
    if not isinstance(text, str) or not text.strip():
        return found
    rules = _act_rules()
    for act, pattern in rules.items():
        if act not in ("referral", "test"):
            found[act] = bool(pattern.search(text))
    specialties, tests = set(), set()
    referral, test = False, False
    for sentence in (c for s in sentences(text) for c in CLAUSE_BREAK.split(s)):
        if not sentence or RULED_OUT.search(sentence):
            continue
        if rules["referral"].search(sentence):
            referral = True
            specialties.update(_matching(_specialists(), sentence))
        if RECOMMENDING.search(sentence):
            named = _matching(_tests(), sentence)
            if named or rules["test"].search(sentence):
                test = True
                tests.update(named)
    found["referral"], found["test"] = referral, test
    found["referral_specialties"], found["tests_recommended"] = sorted(specialties), sorted(tests)
    return found


def reply_features(records: pd.DataFrame, entities: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per record: reply length, latency, readability, acts and symptom coverage.

    Records without a reply are kept with ``has_answer=False`` and missing values.
    ``latency_days`` is ``answered_at - asked_at`` where both dates exist and the reply is not
    dated before the question (such rows get NaN: a data error, not a latency). ``coverage`` is
    the share of the asker's present symptoms (see :func:`present_concepts`) the reply mentions,
    by concept or by the asker's own wording; NaN when the question reports none.
    """
    rows = []
    for row in records[["record_id", "answer", "asked_at", "answered_at"]].itertuples(index=False):
        has_answer = isinstance(row.answer, str) and bool(row.answer.strip())
        stats = readability(row.answer if has_answer else None)
        latency = math.nan
        if row.asked_at is not None and row.answered_at is not None and not pd.isna(row.asked_at) \
                and not pd.isna(row.answered_at):
            days = (pd.Timestamp(row.answered_at) - pd.Timestamp(row.asked_at)).days
            latency = float(days) if days >= 0 else math.nan
        acts = find_reply_acts(row.answer if has_answer else None)
        rows.append({
            "record_id": row.record_id, "has_answer": has_answer,
            "answer_words": stats["words"], "answer_sentences": stats["sentences"], "latency_days": latency,
            "flesch_reading_ease": stats["flesch_reading_ease"], "fk_grade": stats["fk_grade"],
            **{f"act_{act}": acts[act] for act in REPLY_ACTS},
            "referral_specialties": ";".join(acts["referral_specialties"]),
            "tests_recommended": ";".join(acts["tests_recommended"]),
        })
    out = pd.DataFrame(rows)
    coverage = symptom_coverage(records, entities) if entities is not None else None
    if coverage is not None:
        out = out.merge(coverage, on="record_id", how="left")
        out["question_symptoms"] = out["question_symptoms"].fillna(0).astype(int)
        out["symptoms_mentioned"] = out["symptoms_mentioned"].fillna(0).astype(int)
        out.loc[~out["has_answer"], "coverage"] = np.nan
    return out


def symptom_coverage(records: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """Per record: ``question_symptoms``, ``symptoms_mentioned`` (by the reply) and ``coverage``."""
    asked = present_concepts(entities, labels=("SYMPTOM",))
    wording = entities[(entities["field"] == "question") & (entities["label"] == "SYMPTOM")]
    wording = wording.assign(text=wording["text"].str.lower()).groupby(["record_id", "concept_id"])["text"].agg(set)
    answer_concepts = entities[entities["field"] == "answer"].groupby("record_id")["concept_id"].agg(set)
    answers = records.set_index("record_id")["answer"]
    rows = []
    for record_id, group in asked.groupby("record_id", sort=False):
        reply = answers.get(record_id)
        reply_lower = reply.lower() if isinstance(reply, str) else ""
        mentioned_ids = answer_concepts.get(record_id, set())
        mentioned = 0
        for concept_id in group["concept_id"]:
            texts = wording.get((record_id, concept_id), set())
            if concept_id in mentioned_ids or any(re.search(rf"\b{re.escape(t)}\b", reply_lower) for t in texts):
                mentioned += 1
        rows.append((record_id, len(group), mentioned, mentioned / len(group)))
    return pd.DataFrame(rows, columns=["record_id", "question_symptoms", "symptoms_mentioned", "coverage"])


def _summary(features: pd.DataFrame, key: str) -> pd.DataFrame:
    answered = features[features["has_answer"]]
    named = {
        "n_replies": ("record_id", "count"),
        "median_words": ("answer_words", "median"),
        "median_latency_days": ("latency_days", "median"),
        "mean_reading_ease": ("flesch_reading_ease", "mean"),
        "mean_fk_grade": ("fk_grade", "mean"),
        **{f"share_{act}": (f"act_{act}", "mean") for act in REPLY_ACTS},
    }
    if "coverage" in answered.columns:
        named["mean_coverage"] = ("coverage", "mean")
    return answered.groupby(key, sort=True).agg(**named).reset_index()


def replies_by_group(features: pd.DataFrame, groups: pd.Series, *, name: str = "specialty",
                     min_replies: int = 1) -> pd.DataFrame:
    """Reply statistics per group (``groups`` maps record_id to e.g. a specialty).

    Shares of each act, median length and latency, mean readability and coverage; groups with
    fewer than ``min_replies`` replies are left out of the table (their records are not).
    """
    data = features.assign(**{name: features["record_id"].map(groups)}).dropna(subset=[name])
    table = _summary(data, name)
    return table[table["n_replies"] >= min_replies].reset_index(drop=True)


def replies_by_doctor(features: pd.DataFrame, records: pd.DataFrame, *, min_replies: int = 20,
                      show_names: bool = False) -> pd.DataFrame:
    """Reply statistics per doctor with at least ``min_replies`` replies.

    Doctors appear as pseudonyms (``doctor_01`` = most replies) unless ``show_names=True``;
    see :func:`qatext.analysis.doctors.doctor_aliases`. Sorted by replies, descending.
    """
    names = records.set_index("record_id")["doctor_name"]
    aliases = doctor_aliases(records.loc[records["answer"].notna(), "doctor_name"], show_names=show_names)
    doctor = features["record_id"].map(names).map(aliases)
    table = _summary(features.assign(doctor=doctor).dropna(subset=["doctor"]), "doctor")
    table = table[table["n_replies"] >= min_replies]
    return table.sort_values(["n_replies", "doctor"], ascending=[False, True]).reset_index(drop=True)
