"""The README's Python examples run as written, and its commands exist."""
from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from qatext.cli import app
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
PYTHON_BLOCKS = re.findall(r"```python\n(.*?)```", README, flags=re.S)


def test_readme_has_examples():
    assert len(PYTHON_BLOCKS) >= 3


@pytest.mark.parametrize("index", range(len(PYTHON_BLOCKS)))
def test_python_example_runs(index, monkeypatch, capsys):
    monkeypatch.chdir(REPO)
    exec(compile(PYTHON_BLOCKS[index], f"README.md example {index + 1}", "exec"), {})
    assert capsys.readouterr().out.strip()


def test_entity_example_output_is_true(monkeypatch):
    import qatext

    block = next(b for b in PYTHON_BLOCKS if "qatext.load()" in b)
    expected = [line[2:].split() for line in block.splitlines() if line.startswith("# ") and ("SYMPTOM" in line or "DISEASE" in line or "DRUG" in line)]
    text = re.search(r'nlp\((.*?)\)\n', block, flags=re.S).group(1)
    doc = qatext.load()(eval("(" + text + ")"))
    shown = {e.text: (e.label_, e._.concept_id, e._.assertion) for e in doc.ents}
    for row in expected:
        label_index = next(i for i, tok in enumerate(row) if tok in ("SYMPTOM", "DISEASE", "DRUG"))
        mention = " ".join(row[:label_index])
        assert shown[mention][:2] == (row[label_index], row[label_index + 1]), mention
        assert shown[mention][2] == row[-1], mention


@pytest.mark.parametrize("command", ["report", "annotate", "ingest", "validate", "info", "schema", "evaluate", "notebooks"])
def test_readme_commands_exist(command):
    assert f"qatext {command}" in README
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name", ["ner.jsonl", "assertion.jsonl"])
def test_gold_counts_are_true(name):
    """The Data section's passage and entity counts are those of the gold files (they went stale once)."""
    import json

    bullet = README.split(f"- `data/gold/{name}`: ", 1)[1].split("\n- ", 1)[0]
    passages = re.search(r"([\d,]+) (?:annotated )?passages", bullet).group(1)
    entities = re.search(r"([\d,]+) (?:entities|mentions)", bullet).group(1)
    rows = [json.loads(line) for line in (REPO / "data" / "gold" / name).read_text(encoding="utf-8").splitlines()
            if line.strip()]
    counted = (len(rows), sum(len(row["entities"]) for row in rows))
    assert (int(passages.replace(",", "")), int(entities.replace(",", ""))) == counted, (passages, entities, counted)
