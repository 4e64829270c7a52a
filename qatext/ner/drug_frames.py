"""Medicine names no lexicon lists, read off the frame patients put them in.

Brand names ("soolantra", "grazax", "cerumol"), local products and misspellings too far from the
lexicon form ("metotrexate") stand where a medicine stands: after "started", "taking", "took",
"prescribed", "a week of"; before a dose form ("grazax tablets", GUIDELINES rule 8 keeps the form
inside) or before "for my <complaint>". Only a word that is no lexicon token and no English word
(not even a rare one, wordfreq) counts, so "started uni", "took ages" or "a week of hell" stay out.
"""
from __future__ import annotations

from qatext.ner import fuzzy
from qatext.ner.span_rules import DRUG_FORMS, Spans, covered_tokens, word_set

FRAMED_DRUG = "QATEXT:drug/named-in-context"
# Verbs and words a medicine's name follows: "started grazax", "took larium", "switched to X", "new X inhaler".
TAKING_WORDS = frozenset("started starting start taking take took takes using prescribed tried trying try "
                         "on new".split())
# "of" after a course of treatment: "1 week of cerumol", "6 cycles of ABVD"; not "lots of", "a bit of".
_COURSES = frozenset("day days week weeks wk wks month months year years yrs course courses cycle cycles round "
                     "rounds dose doses".split())
_OWNERS = frozenset({"my", "his", "her", "their", "the", "our", "your"})
FRAME_WORDS = TAKING_WORDS | DRUG_FORMS | {"of", "for"}
MIN_NAME = 4
_LIST_JOINERS = frozenset({",", "and", "&", "/", "+", "or"})


def add_framed_drugs(doc, words: list[str], spans: Spans, *, known: frozenset[str], common: frozenset[str]) -> Spans:
    """Unknown words in a medicine's frame become DRUG spans (with a dose form right after them)."""
    # set differences run in C: most docs have no word outside everyday English
    uncommon = {w for w in word_set(words) - common if len(w) >= MIN_NAME and w.isalpha()}
    if not uncommon:
        return spans
    unknown = uncommon - known
    drug_ends = {s[1] for s in spans if s[2] == "DRUG"}
    n = len(words)
    covered = None
    added = []
    for i, word in enumerate(words):
        if word not in uncommon:
            continue
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < n else ""
        if word not in unknown or fuzzy._is_rare_word(word):
            # a short form or rare word is a medicine only inside a list of medicines: "tacrolimus, mycophenolate
            # and pred"
            # (after a medicine, the item closing its own list position; before one it is as often food: "ice lollies
            # and liquid paracetamol")
            if before in _LIST_JOINERS and i - 1 in drug_ends and (not after or not after.isalpha() or after in _LIST_JOINERS):
                if covered is None:
                    covered = covered_tokens(spans)
                if i not in covered:
                    added.append((i, i + 1, "DRUG", FRAMED_DRUG))
            continue
        framed = before in TAKING_WORDS or after in DRUG_FORMS \
            or before == "of" and i >= 2 and words[i - 2] in _COURSES \
            or after == "for" and i + 2 < n and words[i + 2] in _OWNERS and _problem_follows(spans, i + 3)
        if not framed:
            continue
        if covered is None:
            covered = covered_tokens(spans)
        if i in covered:
            continue
        end = i + 2 if after in DRUG_FORMS and i + 1 not in covered else i + 1
        added.append((i, end, "DRUG", FRAMED_DRUG))
    if not added:
        return spans
    return sorted(spans + added)


def _problem_follows(spans: Spans, k: int) -> bool:
    """A complaint or disease starts at ``k`` or one token later ("for my [rosacea]", "for my bad [back]")."""
    return any(s[0] in (k, k + 1) and s[2] in ("SYMPTOM", "DISEASE") for s in spans)
