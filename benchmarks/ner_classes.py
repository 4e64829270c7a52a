"""Entity scores per hard-case class of the lay NER gold (issue 11's "per-class recall").

``data/gold/ner_classes.tsv`` tags each lay passage of ``data/gold/ner.jsonl`` with the
phenomena it exercises (misspelling, shorthand, impairment, coordination, social, drug_kind,
boundary, bare_word). For each class this scores the entities of the passages that carry it,
strict and overlap, with DISEASE merged into SYMPTOM (PROBLEM), as ``qatext evaluate ner
--merge DISEASE=SYMPTOM`` does. A passage with several classes counts in each.

Usage: python benchmarks/ner_classes.py [--ids REGEX]   (e.g. the blind batch only)
"""
from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"


def passage_classes(path: Path = GOLD / "ner_classes.tsv") -> dict[str, list[str]]:
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    return {passage: [c for c in classes.split(",") if c] for passage, classes in rows}


def scores_by_class(*, id_pattern: str | None = None, nlp=None):
    import pandas as pd

    from qatext.ner.evaluate import merge_labels, read_gold, score
    from qatext.ner.pipeline import load

    classes = passage_classes()
    docs = [d for d in read_gold(GOLD / "ner.jsonl") if d.id in classes
            and (id_pattern is None or re.fullmatch(id_pattern, d.id))]
    if not docs:
        raise SystemExit(f"no classified gold passage matches {id_pattern!r}")
    nlp = nlp or load(topics=False)
    merge = {"DISEASE": "SYMPTOM"}
    predicted = [merge_labels([(e.start_char, e.end_char, e.label_) for e in doc.ents], merge)
                 for doc in nlp.pipe(d.text for d in docs)]
    members = defaultdict(list)
    for index, doc in enumerate(docs):
        for name in ["all", *classes[doc.id]]:
            members[name].append(index)
    rows = []
    for name, indices in sorted(members.items()):
        gold = [merge_labels(docs[i].entities, merge) for i in indices]
        table = score(gold, [predicted[i] for i in indices])
        for matching in ("strict", "overlap"):
            micro = table[(table["matching"] == matching) & (table["label"] == "micro")].iloc[0]
            rows.append({"class": name, "passages": len(indices), "matching": matching, "entities": sum(map(len, gold)),
                         "precision": micro["precision"], "recall": micro["recall"], "f1": micro["f1"]})
    return pd.DataFrame(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ids", help="only passages whose id fully matches this regular expression")
    args = parser.parse_args()
    table = scores_by_class(id_pattern=args.ids)
    wide = table.pivot_table(index=["class", "passages", "entities"], columns="matching", values=["recall", "f1"])
    print(wide.round(3).to_string())


if __name__ == "__main__":
    main()
