"""An acronym used after its long form, without brackets: "the allergist thinks oral allergy
syndrome. is OAS ever dangerous?", "obstructive sleep apnea ... my OSA".

Schwartz-Hearst (:mod:`qatext.ner.abbreviations`) finds only "long form (SHORT)". Patients often
name the condition in full once and go on with the letters they were told; a capital token whose
letters are the initials of an earlier mention in the same text is that mention again, same label
and concept (GUIDELINES rule 12: both are annotated).
"""
from __future__ import annotations

from qatext.ner.span_rules import Spans

_LABELS = frozenset({"SYMPTOM", "DISEASE", "DRUG", "TEST", "TREATMENT"})
# Words a long form's initials skip: "disease of the ...", "chronic kidney disease": CKD.
_SKIPPED = frozenset({"of", "the", "and", "in", "to", "with", "my", "his", "her", "a"})
MIN_LETTERS, MAX_LETTERS = 2, 6


def add_later_acronyms(doc, words: list[str], spans: Spans) -> Spans:
    long_forms = [s for s in spans if s[1] - s[0] >= 2 and s[2] in _LABELS]
    if not long_forms:
        return spans
    initials: dict[str, tuple[str, str]] = {}
    first_end = min(s[1] for s in long_forms)
    for start, end, label, concept in long_forms:
        letters = "".join(w[0] for w in words[start:end] if w[0].isalpha() and w not in _SKIPPED)
        if MIN_LETTERS <= len(letters) <= MAX_LETTERS:
            initials.setdefault(letters, (label, concept, end))
    if not initials:
        return spans
    taken = {i for s in spans for i in range(s[0], s[1])}
    added = []
    for i in range(first_end, len(words)):
        word = words[i]
        if i in taken or not MIN_LETTERS <= len(word) <= MAX_LETTERS + 1:
            continue
        key = word[:-1] if word.endswith("s") and len(word) >= MIN_LETTERS + 1 and word[:-1] in initials else word
        found = initials.get(key)
        if found is None or found[2] > i:
            continue
        text = doc[i].text
        if not text[:len(key)].isupper():
            continue  # the letters in capitals: "OAS", "OSAs"; not the word "oas" or "cab"
        added.append((i, i + 1, found[0], found[1]))
    return sorted(spans + added) if added else spans
