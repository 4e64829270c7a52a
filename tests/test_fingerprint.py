"""The pipeline fingerprint covers what changes annotations (code, resources, dependency
versions), not documentation or what only the report reads: a README edit keeps every store valid."""
from __future__ import annotations

import shutil

from qatext.annotate.fingerprint import code_digest, pipeline_fingerprint
from tests.conftest import REPO


def _copy(tmp_path):
    root = tmp_path / "qatext"
    shutil.copytree(REPO / "qatext", root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def test_readme_edits_keep_and_resource_edits_change_the_fingerprint(tmp_path):
    root = _copy(tmp_path)
    before = code_digest(root)
    for readme in (root / "topics" / "README.md", root / "resources" / "lexicon" / "README.md"):
        readme.write_text(readme.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    (root / "cli" / "info.py").write_text("# the CLI does not annotate\n", encoding="utf-8")
    (root / "notebooks" / "01-corpus-overview.ipynb").write_text("{}", encoding="utf-8")
    for report_only in (root / "resources" / "analysis" / "stop_words.txt", root / "resources" / "replies" / "acts.tsv"):
        report_only.write_text(report_only.read_text(encoding="utf-8") + "\nedited\n", encoding="utf-8")
    assert code_digest(root) == before
    rules = root / "resources" / "context" / "rules.tsv"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after_resource = code_digest(root)
    assert after_resource != before
    recognizer = root / "ner" / "recognizer.py"
    recognizer.write_text(recognizer.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert code_digest(root) not in (before, after_resource)


def test_dependency_versions_and_options_change_the_fingerprint(monkeypatch):
    from qatext.annotate import fingerprint

    options = {"fields": ["question"], "tag_field": "question", "load": {}}
    base = pipeline_fingerprint(options)
    assert pipeline_fingerprint({**options, "fields": ["question", "answer"]}) != base
    real = fingerprint._version
    monkeypatch.setattr(fingerprint, "_version", lambda name: "9.9.9" if name == "spacy" else real(name))
    assert pipeline_fingerprint(options) != base
