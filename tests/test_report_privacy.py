"""With --pseudonymize, no asker or doctor name from the input appears anywhere in the report folder."""
from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

import qatext
from qatext.cli import app

pytestmark = pytest.mark.slow


def test_no_name_reaches_the_report(tmp_path, monkeypatch):
    from tests.conftest import SAMPLE

    monkeypatch.setenv("QATEXT_PSEUDONYM_KEY", "test-key")
    corpus = qatext.read_corpus(SAMPLE)
    names = {n for column in ("asker_name", "doctor_name") for n in corpus[column].dropna() if len(n) >= 3}
    names |= {r["doctor_name"] for related in corpus["related"] for r in related if r.get("doctor_name")}
    assert len(names) > 50
    out = tmp_path / "reports"
    result = CliRunner().invoke(app, ["report", "--corpus", str(SAMPLE), "--out", str(out), "--pseudonymize",
                                      "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "records in:" in result.output
    files = [p for p in out.rglob("*") if p.is_file()]
    assert any(p.suffix == ".png" for p in files) and any(p.name == "index.html" for p in files)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)")
    leaks = {}
    for path in files:
        text = _png_text(path.read_bytes()) if path.suffix == ".png" else path.read_bytes().decode("utf-8", errors="replace")
        found = set(pattern.findall(text))
        if found:
            leaks[str(path.relative_to(out))] = sorted(found)[:5]
    assert not leaks, leaks


def _png_text(data: bytes) -> str:
    """The text chunks of a PNG (where a name could be written); its compressed pixels are
    random bytes in which a three-letter name turns up by chance ("Wen" did)."""
    import struct
    import zlib

    texts, offset = [], 8
    while offset + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        chunk = data[offset + 8:offset + 8 + length]
        if kind == b"tEXt" or kind == b"iTXt":
            texts.append(chunk.decode("latin-1"))
        elif kind == b"zTXt":
            key, _, rest = chunk.partition(b"\0")
            texts.append(key.decode("latin-1") + " " + zlib.decompress(rest[1:]).decode("latin-1"))
        offset += 12 + length
    return "\n".join(texts)
