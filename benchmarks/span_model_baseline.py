"""A statistical NER trained on the team gold, as a baseline for the span rules, on unseen team batches and PsyTAR.

Trains spaCy's transition-based NER (a hash-embedding CNN, width ``--width``, from scratch, seeded) on
``data/gold/ner.jsonl`` without the held-out records (``--held``, default: batches 74 and 75, which no rule round
studied), on qatext's own tokenizer. Then scores, strict and by overlap (micro; SYMPTOM and DISEASE as one class,
as the README's batch rows do), on the held-out records (PROBLEM and DRUG) and on ``../shared/gold/psytar.jsonl``
(PROBLEM; skipped when ``../shared`` is absent):

  rules      ``qatext.load(topics=False)``
  model      the trained NER alone
  gap fill   the rules, plus the model's entities where the rules found nothing that overlaps them

Nothing is written into the package: this measures whether learning from the team gold would beat the rules.
About 65-85 s an epoch on one core.

Usage: python benchmarks/span_model_baseline.py [--epochs 12] [--seed 0] [--width 96] [--held REGEX]
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _machine import describe  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PSYTAR = ROOT.parent / "shared" / "gold" / "psytar.jsonl"
PSYTAR_LABELS = {"ADR": "SYMPTOM", "WD": "SYMPTOM", "SSI": "SYMPTOM", "DI": "SYMPTOM"}
HELD_BATCHES_74_75 = (r"s(257[3-9]|25[89]\d|260\d|26[1-3]\d|264[0-2])"
                      r"|p(263[89]|26[4-9]\d|270[0-7])")
PROBLEM = {"DISEASE": "SYMPTOM"}


def ner_model_config(width: int) -> dict:
    return {"model": {
        "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
        "hidden_width": 64, "maxout_pieces": 2, "use_upper": True, "nO": None,
        "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None, "width": width,
                    "depth": 4, "embed_size": 2000, "window_size": 1, "maxout_pieces": 3, "subword_features": True}}}


def training_examples(nlp, gold_docs) -> list:
    """One Example per gold passage; an entity whose edges fall inside a token is left out (a handful)."""
    import spacy
    from spacy.training import Example

    examples = []
    for gold in gold_docs:
        reference = nlp.make_doc(gold.text)
        spans = [reference.char_span(start, end, label=label) for start, end, label in gold.entities]
        reference.ents = spacy.util.filter_spans([s for s in spans if s is not None])
        examples.append(Example(nlp.make_doc(gold.text), reference))
    return examples


def micro(gold: list, predicted: list) -> tuple[float, float]:
    from qatext.ner.evaluate import merge_labels, score

    table = score(gold, [merge_labels(p, PROBLEM) for p in predicted]).set_index(["matching", "label"])
    return table.loc[("strict", "micro"), "f1"], table.loc[("overlap", "micro"), "f1"]


def compare(name: str, gold_docs, labels: tuple[str, ...], rules_nlp, model_nlp) -> None:
    from qatext.ner.evaluate import merge_labels

    texts = [g.text for g in gold_docs]
    gold = [[e for e in merge_labels(g.entities, PROBLEM) if e[2] in labels] for g in gold_docs]
    rules = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in rules_nlp.pipe(texts)]
    model = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in model_nlp.pipe(texts)]
    gap_fill = [found + [m for m in learned if not any(m[0] < f[1] and f[0] < m[1] for f in found)]
                for found, learned in zip(rules, model)]
    for config, predicted in (("rules", rules), ("model", model), ("gap fill", gap_fill)):
        strict, overlap = micro(gold, predicted)
        print(f"{name:28} {config:9} strict {strict:.4f}  overlap {overlap:.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--width", type=int, default=96)
    parser.add_argument("--held", default=HELD_BATCHES_74_75, help="ids of the held-out team gold records")
    args = parser.parse_args()

    import spacy
    from spacy.util import compounding, fix_random_seed, minibatch

    import qatext
    from qatext.ner.evaluate import read_gold

    print(f"machine: {describe()}; seed {args.seed}, {args.epochs} epochs, width {args.width}")
    fix_random_seed(args.seed)
    shuffle = random.Random(args.seed).shuffle
    rules_nlp = qatext.load(topics=False)
    gold = read_gold(ROOT / "data" / "gold" / "ner.jsonl")
    held = re.compile(args.held)
    train = [g for g in gold if not (g.id and held.fullmatch(g.id))]
    test = [g for g in gold if g.id and held.fullmatch(g.id)]
    if not test:
        sys.exit(f"no team gold record id matches {args.held!r}")
    model_nlp = spacy.blank("en", vocab=rules_nlp.vocab)
    model_nlp.tokenizer = rules_nlp.tokenizer
    model_nlp.add_pipe("ner", config=ner_model_config(args.width))
    examples = training_examples(model_nlp, train)
    print(f"training on {len(train)} passages, holding out {len(test)}")
    optimizer = model_nlp.initialize(lambda: examples)
    for epoch in range(args.epochs):
        started, losses = time.perf_counter(), {}
        shuffle(examples)
        for batch in minibatch(examples, size=compounding(4.0, 32.0, 1.001)):
            model_nlp.update(batch, drop=0.2, sgd=optimizer, losses=losses)
        print(f"epoch {epoch + 1}: loss {losses['ner']:.0f}, {time.perf_counter() - started:.0f} s", flush=True)
    compare("held-out team gold", test, ("SYMPTOM", "DRUG"), rules_nlp, model_nlp)
    if PSYTAR.exists():
        compare("PsyTAR", read_gold(PSYTAR, label_map=PSYTAR_LABELS), ("SYMPTOM",), rules_nlp, model_nlp)
    else:
        print(f"PsyTAR: {PSYTAR} not found, skipped")


if __name__ == "__main__":
    main()
