"""The decision: from the categories that reach a mention and the person it belongs to, its status,
experiencer and cue; and writing them on the doc.

Generic wins; then a relative's mention is family (or negated for the relative); then the ordinary
statuses in their order (``ordinary``).
"""
from __future__ import annotations

from qatext.ner.context_people import Cue
from qatext.ner.context_words import SUBJECT_POSSESSORS
from qatext.ner.extensions import USER_DATA_PREFIX


def resolve(found: list[tuple[str, str]], person: Cue | None, subject: str | None) -> tuple[str, str, str | None]:
    """(status, experiencer, cue) of a mention from the (category, phrase) of what reaches it, in the order
    found, the person whose clause reaches it (or None) and the relative the passage is about (or None)."""
    first = {}
    for category, phrase in found:
        first.setdefault(category, phrase)
    if "generic" in first:
        return "generic", "none", first["generic"]
    relative_cue = None
    if person is not None and person.person.who == "relative":
        # The relative the passage is about, also named bare later on ("could dad have X too?").
        is_subject = subject is not None and person.person.group == subject and (
            person.possessor is None or person.possessor in SUBJECT_POSSESSORS)
        if not is_subject:
            relative_cue = person.person.phrase
    if relative_cue is None and "family" in first:
        relative_cue = first["family"]
    if relative_cue is None and subject is not None and person is None and "self" in first:
        relative_cue = first["self"]  # the asker's own condition, in a passage about their relative
    if relative_cue is not None:
        negation = first.get("negated") or first.get("prohibited")
        return ("negated", "relative", negation) if negation else ("family", "relative", relative_cue)
    experiencer = "other" if person is not None and person.person.who == "other" else "patient"
    status, cue = ordinary(first)
    return status, experiencer, cue


def ordinary(first: dict[str, str]) -> tuple[str, str | None]:
    """The status of a mention whose owner is known, from the categories that reach it."""
    negation = first.get("prohibited") or first.get("negated")
    if negation and "until" in first and "prohibited" not in first:
        return "present", first["until"]
    if negation:
        if "anymore" in first and "prohibited" not in first:
            return "historical", first["anymore"]
        return "negated", negation
    if "hypothetical" in first:
        return "hypothetical", first["hypothetical"]
    if "possible" in first:
        return "possible", first["possible"]
    if "over" in first:
        return "historical", first["over"]
    if "historical" in first:
        if "ongoing" in first:
            return "present", first["ongoing"]
        return "historical", first["historical"]
    return "present", None


def write_status(user_data: dict, start_char: int, end_char: int, status: str, experiencer: str,
                 cue: str | None) -> None:
    """Only what differs from the defaults is written: most mentions are present and the patient's. Written where
    ``ent._.x = value`` would put it, without an Underscore object per entity."""
    if status != "present":
        user_data[(USER_DATA_PREFIX, "assertion", start_char, end_char)] = status
    if experiencer != "patient":
        user_data[(USER_DATA_PREFIX, "experiencer", start_char, end_char)] = experiencer
    if cue is not None:
        user_data[(USER_DATA_PREFIX, "assertion_cue", start_char, end_char)] = cue
