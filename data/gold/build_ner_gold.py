#!/usr/bin/env python3
"""Convert the hand-annotated NER gold source (inline markup) into ner.jsonl.

Source format (see GUIDELINES.md): blocks separated by blank lines; each block is a
header line ``# id: p001 | kind: patient | specialty: neurology`` followed by one or
more text lines (joined with a single space).  Entities are written inline as
``[span text](LABEL)`` or ``[span text](LABEL|assertion)`` or
``[span text](LABEL|assertion|experiencer)``; a DRUG may carry its kind as ``DRUG/class`` or
``DRUG/substance`` (default ``named``).  Lines starting with ``##`` are comments.

Stdlib only, so the gold set can be rebuilt without the toolkit installed:

    python data/gold/build_ner_gold.py [--source PATH] [--out PATH]

Any malformed markup, unknown label or assertion, duplicate id or suspicious span
edge stops the build with an error naming the source line and the reason; a gold set
that silently lost an entity would be worse than no gold set.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE / "ner_source.txt"
DEFAULT_OUT = HERE / "ner.jsonl"

LABELS = ("SYMPTOM", "DISEASE", "DRUG", "ANATOMY", "TEST", "TREATMENT")
ASSERTIONS = ("present", "negated", "possible", "hypothetical", "historical", "family", "generic")
EXPERIENCERS = ("patient", "relative", "other", "none")
DRUG_KINDS = ("named", "class", "substance")
# Experiencer when the markup leaves it out: a family-history mention belongs to a relative, a
# generic one to nobody, everything else to the person the passage is about.
DEFAULT_EXPERIENCER = {"family": "relative", "generic": "none"}
KINDS = ("patient", "doctor", "social", "abstract")

HEADER = re.compile(r"^# id: (?P<id>[A-Za-z0-9_-]+) \| kind: (?P<kind>\w+) \| specialty: (?P<specialty>[a-z/ -]+)$")
ENTITY = re.compile(
    r"\[(?P<span>[^\[\]]+)\]\((?P<label>[^()|/]*)(?:/(?P<kind>[^()|]*))?"
    r"(?:\|(?P<assertion>[^()|]*))?(?:\|(?P<experiencer>[^()|]*))?\)"
)
# Words that the guideline keeps outside span edges (determiners, possessives, negation/hedge cues).
EDGE_WORDS = frozenset(
    "a an the my your his her their our its this that these those some any "
    "possible possibly probable probably maybe could might".split()
)
# A person's possessive ("mom's", "son's") belongs outside the span; eponyms ("Bell's palsy") stay in.
PERSON_POSSESSORS = frozenset(
    w + suffix for w in "mom mother dad father son daughter wife husband sister brother baby child kid "
    "patient doctor aunt uncle grandma grandpa partner".split() for suffix in ("'s", "’s")
)
# Negation cues may open a span only when the whole phrase is the finding itself
# ("no appetite", "can't sleep"); inside a span marked negated they would double-count.
NEGATION_CUES = frozenset("no not never without denies deny none".split())
# "could"/"might" hedge a diagnosis ("could this be MS"), but a modal followed by a negation or a
# limiting adverb is part of an impairment span ("could not walk", "could hardly walk", guideline
# rule 16), so those may open a span.
MODAL_HEDGES = frozenset("could might".split())
IMPAIRMENT_ADVERBS = frozenset("not never hardly barely scarcely no".split())


class GoldFormatError(ValueError):
    """Raised for any problem in the source file; the message names the line."""


def _parse_text(raw: str, where: str) -> tuple[str, list[dict]]:
    """Strip inline markup from one passage; return plain text and its entities."""
    out: list[str] = []
    entities: list[dict] = []
    pos = 0
    for m in ENTITY.finditer(raw):
        out.append(raw[pos:m.start()])
        span, label, assertion = m.group("span"), m.group("label"), m.group("assertion") or "present"
        if label not in LABELS:
            raise GoldFormatError(f"{where}: unknown label {label!r} in {m.group(0)!r}; expected one of {LABELS}")
        if assertion not in ASSERTIONS:
            raise GoldFormatError(f"{where}: unknown assertion {assertion!r} in {m.group(0)!r}; expected one of {ASSERTIONS}")
        experiencer = m.group("experiencer") or DEFAULT_EXPERIENCER.get(assertion, "patient")
        if experiencer not in EXPERIENCERS:
            raise GoldFormatError(f"{where}: unknown experiencer {experiencer!r} in {m.group(0)!r}; expected one of {EXPERIENCERS}")
        kind = m.group("kind")
        if kind is not None and label != "DRUG":
            raise GoldFormatError(f"{where}: only DRUG spans take a kind, not {label} in {m.group(0)!r}")
        if label == "DRUG" and (kind or "named") not in DRUG_KINDS:
            raise GoldFormatError(f"{where}: unknown drug kind {kind!r} in {m.group(0)!r}; expected one of {DRUG_KINDS}")
        if span != span.strip():
            raise GoldFormatError(f"{where}: span {span!r} has leading or trailing whitespace")
        words = span.lower().split()
        impairment_modal = words[0] in MODAL_HEDGES and len(words) > 2 and words[1] in IMPAIRMENT_ADVERBS
        if (words[0] in EDGE_WORDS and not impairment_modal) or (len(words) > 1 and words[-1] in EDGE_WORDS):
            raise GoldFormatError(f"{where}: span {span!r} starts or ends with a determiner, possessive or hedge word")
        if label == "ANATOMY" and assertion != "present":
            raise GoldFormatError(f"{where}: ANATOMY span {span!r} carries assertion {assertion!r}; body parts are never negated or hypothetical")
        if words[0] in PERSON_POSSESSORS:
            raise GoldFormatError(f"{where}: span {span!r} starts with a possessive; keep it outside the span")
        if words[0] in NEGATION_CUES and assertion == "negated":
            raise GoldFormatError(f"{where}: negated span {span!r} contains its own negation cue; keep the cue outside")
        if span[-1] in ".,;:!?\"(":
            raise GoldFormatError(f"{where}: span {span!r} ends with punctuation")
        start = sum(len(piece) for piece in out)
        entity = {"start": start, "end": start + len(span), "label": label, "text": span,
                  "assertion": assertion, "experiencer": experiencer}
        if label == "DRUG":
            entity["drug_kind"] = kind or "named"
        entities.append(entity)
        out.append(span)
        pos = m.end()
    out.append(raw[pos:])
    text = "".join(out)
    for stray in ("[", "]", "]("):
        if stray in text:
            col = text.index(stray)
            raise GoldFormatError(f"{where}: stray {stray!r} (malformed markup) near {text[max(0, col - 30):col + 30]!r}")
    if text != text.strip() or "  " in text:
        raise GoldFormatError(f"{where}: passage has leading/trailing or doubled whitespace")
    # Entities next to letters would mean a span cuts a word in half, e.g. "[head](ANATOMY)ache".
    for e in entities:
        before = text[e["start"] - 1] if e["start"] > 0 else " "
        after = text[e["end"]] if e["end"] < len(text) else " "
        if before.isalnum() or after.isalnum():
            raise GoldFormatError(f"{where}: span {e['text']!r} cuts through a word")
    return text, entities


def parse_source(source_text: str, *, source_name: str = "ner_source.txt") -> list[dict]:
    """Parse the whole source file into gold records (dicts ready for JSON)."""
    records: list[dict] = []
    seen: dict[str, int] = {}
    current: dict | None = None
    lines: list[str] = []

    def finish() -> None:
        if current is None:
            return
        where = f"{source_name}:{current['line']} (id {current['id']})"
        if not lines:
            raise GoldFormatError(f"{where}: passage has no text")
        text, entities = _parse_text(" ".join(lines), where)
        records.append({"id": current["id"], "kind": current["kind"], "specialty": current["specialty"],
                        "text": text, "entities": entities})

    for lineno, line in enumerate(source_text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("##"):
            continue
        if stripped.startswith("#"):
            m = HEADER.match(stripped)
            if not m:
                raise GoldFormatError(f"{source_name}:{lineno}: malformed header {stripped!r}; "
                                      "expected '# id: ID | kind: KIND | specialty: SPECIALTY'")
            finish()
            if m["id"] in seen:
                raise GoldFormatError(f"{source_name}:{lineno}: duplicate id {m['id']!r} (first on line {seen[m['id']]})")
            if m["kind"] not in KINDS:
                raise GoldFormatError(f"{source_name}:{lineno}: unknown kind {m['kind']!r}; expected one of {KINDS}")
            seen[m["id"]] = lineno
            current = {"id": m["id"], "kind": m["kind"], "specialty": m["specialty"].strip(), "line": lineno}
            lines = []
        elif not stripped:
            continue
        else:
            if current is None:
                raise GoldFormatError(f"{source_name}:{lineno}: text before the first '# id:' header")
            lines.append(stripped)
    finish()
    if not records:
        raise GoldFormatError(f"{source_name}: no passages found")
    return records


def to_jsonl(records: list[dict]) -> str:
    """Serialise records one JSON object per line, stable key order, UTF-8 kept readable."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    try:
        records = parse_source(args.source.read_text(encoding="utf-8"), source_name=str(args.source))
    except GoldFormatError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    args.out.write_text(to_jsonl(records), encoding="utf-8")
    counts: dict[str, int] = {}
    for r in records:
        for e in r["entities"]:
            counts[e["label"]] = counts.get(e["label"], 0) + 1
    print(f"wrote {len(records)} passages, {sum(counts.values())} entities to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
