"""A measure or an organ named for its disease (GUIDELINES rule 13, community shorthand): "my mother is suffering from
[sugar] and [BP]", "she has osteoporosis and [BP]", "my sister also has [thyroid]".

Patients, in South Asian English above all, call hypertension "BP", diabetes "sugar" and a thyroid disorder
"thyroid". The word is the disease only where a disease would stand: after "has", "suffering from" or "patient of",
or beside another disease in a list, and with nothing after it that makes it the measure or the organ ("my [BP] is
150/90", "my blood sugar", "sugar in my tea", "thyroid function").
"""
from __future__ import annotations

from qatext.ner.span_rules import Spans, word_positions

HYPERTENSION = "HP:0000822"
DIABETES = "HP:0000819"
THYROID_DISEASE = "QATEXT:mesh/thyroid-diseases"
_DISEASES = {"bp": HYPERTENSION, "sugar": DIABETES, "thyroid": THYROID_DISEASE}
WORDS = frozenset(_DISEASES)
# What a disease stands after: "has BP", "suffering from sugar", "a patient of BP", "history of thyroid".
_HAVING = frozenset("has have had having from of with".split())
# What may follow the disease name: the end of a clause or list, a time, "patient", "not controlled".
_AFTER = frozenset(". , ; : ? ! ( - and from since for too also patient not".split()) | {"\n", ""}
_LISTED = frozenset({"and", ","})


def add_disease_names(doc, words: list[str], spans: Spans) -> Spans:
    """``spans`` with "BP", "sugar" and "thyroid" made the disease where the frame says it is one."""
    n = len(words)
    by_start = {span[0]: k for k, span in enumerate(spans)}
    ends = {span[1]: span for span in spans}
    out = list(spans)
    added = []
    for i in word_positions(words, WORDS):
        word = words[i]
        before = words[i - 1] if i else ""
        nxt = words[i + 1] if i + 1 < n else ""
        if nxt not in _AFTER or nxt == "not" and before not in ("", ".", "\n"):
            continue  # "my BP is 150/90", "sugar levels", "thyroid function"; "BP not controlled" opens a sentence
        listed_after = before in _LISTED and (i - 1 in ends and ends[i - 1][2] == "DISEASE"
                                              or i >= 2 and words[i - 2] in _DISEASES)
        if not (before in _HAVING or listed_after or nxt == "not" or nxt == "patient"):
            continue
        if before == "of" and i >= 2 and words[i - 2] not in ("patient", "history", "case"):
            continue  # "a reading of BP": only "patient of BP", "history of thyroid"
        disease = (i, i + 1, "DISEASE", _DISEASES[word])
        k = by_start.get(i)
        if k is not None:
            if spans[k][1] == i + 1:
                out[k] = disease  # the TEST "BP", the ANATOMY "thyroid"
        elif not any(s[0] < i + 1 and i < s[1] for s in spans):
            added.append(disease)
    return sorted(out + added) if added or out != spans else spans
