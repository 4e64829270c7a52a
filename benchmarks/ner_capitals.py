"""Entity scores of the team gold as written and written in capitals (issue 11's "MY KNEE HURTS").

Each passage of ``data/gold/ner.jsonl`` is scored twice, as written and upper-cased (``str.upper`` keeps the offsets
for every passage whose upper case has its length), with qatext's own scoring (``qatext evaluate ner``): a post that
shouts should be read as the same post typed in lower case.

Usage: python benchmarks/ner_capitals.py [--ids REGEX]
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold" / "ner.jsonl"


def capitals_scores(*, id_pattern: str | None = None, nlp=None):
    import pandas as pd

    from qatext.ner.evaluate import read_gold, score
    from qatext.ner.pipeline import load

    docs = [d for d in read_gold(GOLD) if len(d.text.upper()) == len(d.text)
            and (id_pattern is None or re.fullmatch(id_pattern, d.id or ""))]
    if not docs:
        raise SystemExit(f"no gold passage matches {id_pattern!r}")
    nlp = nlp or load(topics=False)
    rows = []
    for written, texts in (("as written", [d.text for d in docs]), ("in capitals", [d.text.upper() for d in docs])):
        predicted = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts)]
        table = score([d.entities for d in docs], predicted)
        micro = table[table["label"] == "micro"].set_index("matching")["f1"]
        rows.append({"text": written, "passages": len(docs), "strict": micro["strict"], "overlap": micro["overlap"]})
    return pd.DataFrame(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ids", help="only passages whose id fully matches this regular expression")
    args = parser.parse_args()
    print(capitals_scores(id_pattern=args.ids).round(4).to_string(index=False))


if __name__ == "__main__":
    main()
