"""Does a concept name add a qualifier the mention's own words lack ("migraine" -> *Abdominal migraine*)?

A mention takes the most specific concept its words support and never a narrower one. The
narrower-by-qualifier case is mechanical to spot: every word of the surface is in the concept
name and the name has more. Words that do not narrow ("unspecified", "disease", "of") don't count.
"""
from __future__ import annotations

import re

NEUTRAL_WORDS = frozenset(
    "unspecified nos other not elsewhere classified disease diseases disorder disorders syndrome syndromes "
    "condition of the and or in a an with finding abnormality abnormal human type".split()
)


def name_words(text: str) -> set[str]:
    """The words of a name or surface, lower case, a plural's "s" dropped (longer words only)."""
    out = set()
    for word in re.findall(r"[a-z0-9]+", text.lower().replace("'s", "")):
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        out.add(word)
    return out


def added_qualifiers(surface: str, concept_name: str) -> set[str]:
    """Words ``concept_name`` adds to ``surface`` when it contains all of the surface's words, else empty."""
    surface_words, concept_words = name_words(surface), name_words(concept_name)
    if not surface_words or not surface_words <= concept_words:
        return set()
    return concept_words - surface_words - NEUTRAL_WORDS
