"""Property tests for the readers: arbitrary and mutilated files never raise out of
``read_corpus(errors="collect")``, no input record goes missing (each is a row or an error entry)
and reading the same file twice gives identical frames."""
from __future__ import annotations

import json
import os
import warnings
from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qatext.corpus import read_corpus, write_corpus
from qatext.corpus.flags import FLAGS
from qatext.schema import COLUMNS, Record, records_to_frame

# QATEXT_PROPERTY_EXAMPLES=2000 for a long hunt; the suite's default keeps it to seconds.
SETTINGS = settings(max_examples=int(os.environ.get("QATEXT_PROPERTY_EXAMPLES", 40)), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                          HealthCheck.too_slow])
# Any code point, lone surrogates, controls and markup included.
ANY_CHAR = st.characters(blacklist_categories=())
TEXT = st.one_of(
    st.text(ANY_CHAR, max_size=60),
    st.text(st.sampled_from(list("ab <>/&;#\n\t\r\"'{}[],:\\\x00\x85\u2028é漢")), max_size=60),
    st.sampled_from(["", "   ", "<p>Knee&amp;hip</p>", "我膝盖疼", "2023/02/30", "&#0;", "<br/>" * 3]),
)
LINE_TEXT = TEXT.map(lambda t: " ".join(t.split()))  # one line, for line-based formats
MAYBE_TEXT = st.one_of(st.none(), TEXT)


def _read(path: Path, **kwargs) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_corpus(path, errors="collect", **kwargs)


def _check_frame(df: pd.DataFrame) -> None:
    assert list(df.columns) == COLUMNS
    assert df["record_id"].map(lambda r: isinstance(r, str) and r != "").all()
    assert df["record_id"].is_unique
    used = {flag for flags in df["flags"] for flag in flags}
    assert used <= set(FLAGS) | _passthrough_flags(df), used - set(FLAGS)
    for entry in df.attrs["errors"]:
        assert entry["path"] and entry["reason"]


def _passthrough_flags(df: pd.DataFrame) -> set:
    # flags a schema file brought with it are its own business; readers add only documented ones
    return {flag for flags in df["flags"] for flag in flags if flag not in FLAGS}


def _same_twice(path: Path, **kwargs) -> pd.DataFrame:
    first, second = _read(path, **kwargs), _read(path, **kwargs)
    pd.testing.assert_frame_equal(first, second)
    assert first.attrs["errors"] == second.attrs["errors"]
    _check_frame(first)
    return first


def _mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """Apply (position, delete-length, insert) edits, positions taken modulo the length."""
    for pos, delete, insert in edits:
        if not data:
            data = insert
            continue
        pos %= len(data)
        data = data[:pos] + insert + data[pos + delete:]
    return data


EDITS = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 8),
                           st.sampled_from([b"", b"\xff", b"\x00", b"{", b"}", b'"', b",", b"\n", b"<", b"]"])),
                 max_size=4)


# -- JSONL -------------------------------------------------------------------------------------

JSON_VALUE = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), TEXT),
                          lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                  st.dictionaries(TEXT, inner, max_size=3)), max_leaves=6)
JSONL_ROW = st.dictionaries(st.one_of(st.sampled_from(COLUMNS), TEXT), JSON_VALUE, max_size=8)


@SETTINGS
@given(rows=st.lists(JSONL_ROW, max_size=8), edits=EDITS)
def test_jsonl_every_line_is_a_row_or_an_error(tmp_path_factory, rows, edits):
    path = tmp_path_factory.mktemp("jsonl") / "c.jsonl"
    data = _mutate("".join(json.dumps(r) + "\n" for r in rows).encode("utf-8"), edits)
    path.write_bytes(data)
    df = _same_twice(path)
    errors = df.attrs["errors"]
    if any(e["record"] is None for e in errors):  # the whole file refused (looks binary)
        assert len(df) == 0 and len(errors) == 1
        return
    lines = [raw for raw in data.split(b"\n") if raw.decode("utf-8", errors="replace").strip()]
    assert len(df) + len(errors) == len(lines)


# -- CSV ---------------------------------------------------------------------------------------

@SETTINGS
@given(records=st.lists(st.tuples(MAYBE_TEXT, MAYBE_TEXT, st.lists(LINE_TEXT, max_size=2)), max_size=6))
def test_csv_rows_survive_any_text(tmp_path_factory, records):
    folder = tmp_path_factory.mktemp("csv")
    # write_corpus cannot write lone surrogates (pandas' Arrow strings refuse them); read_corpus
    # never produces any, and the JSON tests feed them to the readers
    records = [(_no_surrogates(q), _no_surrogates(a), [_no_surrogates(t) for t in tags]) for q, a, tags in records]
    frame = records_to_frame([Record(record_id=f"r-{i}", source="t", question=q, answer=a, tags=tags)
                              for i, (q, a, tags) in enumerate(records)])
    path = write_corpus(frame, folder / "c.csv")
    path.write_bytes(path.read_text(encoding="utf-8", errors="surrogatepass").encode("utf-8", "surrogatepass"))
    df = _same_twice(path)
    if any("binary" in e["reason"] for e in df.attrs["errors"]):
        return  # mostly control characters: refused as a whole, with one error naming the file
    assert df["record_id"].tolist() == frame["record_id"].tolist()


@SETTINGS
@given(records=st.lists(st.tuples(LINE_TEXT, LINE_TEXT), max_size=6), widen=st.sets(st.integers(0, 5)),
       edits=EDITS)
def test_csv_bad_rows_are_errors_and_the_rest_are_rows(tmp_path_factory, records, widen, edits):
    folder = tmp_path_factory.mktemp("csv")
    frame = records_to_frame([Record(record_id=f"r-{i}", source="t", question=_no_surrogates(q),
                                     answer=_no_surrogates(a)) for i, (q, a) in enumerate(records)])
    path = write_corpus(frame, folder / "c.csv")
    lines = path.read_bytes().split(b"\n")  # one record per line: the texts hold no line breaks
    damaged = {i for i in widen if i < len(records)}
    for i in damaged:
        lines[i + 1] += b',"x","y"'
    path.write_bytes(b"\n".join(lines))
    df = _same_twice(path)
    if any("binary" in e["reason"] for e in df.attrs["errors"]):
        return
    assert len(df) + len(df.attrs["errors"]) == len(records)
    assert len(df.attrs["errors"]) == len(damaged)
    # arbitrary byte damage on top: still no exception, and still the same answer twice
    path.write_bytes(_mutate(path.read_bytes(), edits))
    _same_twice(path)


def _no_surrogates(text):
    return None if text is None else "".join(c for c in text if not "\ud800" <= c <= "\udfff")


# -- ask-a-doctor JSON -------------------------------------------------------------------------

QA_ITEM = st.fixed_dictionaries({"question": MAYBE_TEXT, "question_text": MAYBE_TEXT, "answer": MAYBE_TEXT},
                                optional={"answer_author": MAYBE_TEXT, "tags": JSON_VALUE, "extra": JSON_VALUE})


@SETTINGS
@given(items=st.lists(QA_ITEM, max_size=6), damage=st.dictionaries(st.integers(0, 5), EDITS, max_size=3),
       ensure_ascii=st.booleans())
def test_ask_a_doctor_damage_costs_only_the_damaged_items(tmp_path_factory, items, damage, ensure_ascii):
    folder = tmp_path_factory.mktemp("aad")
    texts, intact = [], []
    for i, item in enumerate(items):
        item = {**item, "url": f"https://example.org/{i}"}
        text = json.dumps(item, ensure_ascii=ensure_ascii).encode("utf-8", errors="surrogatepass")
        if i in damage:
            text = b'{"url": "damaged", ' + _mutate(text[1:], damage[i])  # the item's start stays intact
        else:
            intact.append(item["url"])
        texts.append(text)
    (folder / "icliniqQAs.json").write_bytes(b"[\n" + b",\n".join(texts) + b"\n]")
    df = _same_twice(folder)
    errors = df.attrs["errors"]
    if any(e["record"] is None and "binary" in e["reason"] for e in errors):
        return  # the whole file refused as binary: one error, nothing read
    assert set(intact) <= set(df["url"])
    assert len(df) + len([e for e in errors if e["record"] is not None]) >= len(items)


# -- COVID-Dialogue text -----------------------------------------------------------------------

DIALOGUE_LINE = LINE_TEXT.filter(lambda t: not t.strip().startswith("id"))


@SETTINGS
@given(blocks=st.lists(st.tuples(st.sampled_from(["1", "18", "18", "x"]), st.lists(DIALOGUE_LINE, max_size=3),
                                 st.lists(st.tuples(st.sampled_from(["Patient", "Doctor", "Nurse"]), DIALOGUE_LINE),
                                          max_size=4)), max_size=6))
def test_covid_every_block_is_a_row(tmp_path_factory, blocks):
    folder = tmp_path_factory.mktemp("covid")
    parts = []
    for block_id, description, turns in blocks:
        parts.append(f"id={block_id}\nhttps://example.org/{block_id}\n\nDescription\n" + "\n".join(description)
                     + "\n\nDialogue\n" + "\n".join(f"{who}:\n{text}" for who, text in turns) + "\n\n")
    path = folder / "COVID-Dialogue-Dataset-English.txt"
    path.write_text("".join(parts), encoding="utf-8", errors="surrogatepass")
    df = _same_twice(path)
    if not blocks:
        assert len(df) == 0 and len(df.attrs["errors"]) == 1
        return
    if any("binary" in e["reason"] for e in df.attrs["errors"]):
        return
    assert len(df) == len(blocks) and df.attrs["errors"] == []
    assert df["extra"].map(lambda e: e["id"]).tolist() == [b[0] for b in blocks]


# -- MedQuAD XML -------------------------------------------------------------------------------

@SETTINGS
@given(docs=st.lists(st.lists(st.tuples(LINE_TEXT, LINE_TEXT), max_size=3), min_size=1, max_size=4),
       damage=st.dictionaries(st.integers(0, 3), st.one_of(EDITS, st.sampled_from(["bomb", "xxe"])), max_size=2))
def test_medquad_each_file_is_its_rows_or_one_error(tmp_path_factory, docs, damage):
    root = tmp_path_factory.mktemp("medquad")
    folder = root / "1_Test_QA"
    folder.mkdir()
    expected = {}
    for n, pairs in enumerate(docs):
        body = "".join(f'<QAPair pid="{i}"><Question qid="{n}-{i}">{escape(_xml_safe(q))}</Question>'
                       f"<Answer>{escape(_xml_safe(a))}</Answer></QAPair>" for i, (q, a) in enumerate(pairs))
        xml = f'<?xml version="1.0"?>\n<Document id="{n}" source="T"><Focus>F</Focus><QAPairs>{body}</QAPairs></Document>'
        data = xml.encode("utf-8")
        if damage.get(n) == "bomb":
            data = data.replace(b"<Document", b'<!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]>\n<Document', 1)
        elif damage.get(n) == "xxe":
            data = data.replace(b"<Document", b'<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<Document', 1)
        elif n in damage:
            data = _mutate(data, damage[n])
        (folder / f"{n:07}.xml").write_bytes(data)
        expected[f"{n:07}.xml"] = (len(pairs), n in damage)
    df = _same_twice(root)
    failed = {e["path"].rsplit("/", 1)[-1] for e in df.attrs["errors"]}
    assert all(e["record"] is None for e in df.attrs["errors"])
    rows = df["extra"].map(lambda e: e["file"].rsplit("/", 1)[-1]).value_counts().to_dict()
    for name, (n_pairs, damaged) in expected.items():
        if not damaged:
            assert name not in failed and rows.get(name, 0) == n_pairs
        elif damage.get(int(name[:7])) in ("bomb", "xxe"):
            assert name in failed and name not in rows
        else:  # byte damage: the file is refused as a whole, or read as a whole
            assert (name in failed and name not in rows) or (name not in failed and rows.get(name, 0) == n_pairs)


def _xml_safe(text: str) -> str:
    # XML 1.0 cannot carry these characters at all, even escaped; the generator must not write them
    return "".join(c for c in text if c in "\t\n\r" or (" " <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd")
                   or c > "\uffff")


# -- pages -------------------------------------------------------------------------------------

@SETTINGS
@given(pages=st.lists(st.one_of(TEXT, st.binary(max_size=80)), min_size=1, max_size=5))
def test_each_page_file_is_a_row_or_an_error(tmp_path_factory, pages):
    folder = tmp_path_factory.mktemp("pages")
    for i, page in enumerate(pages):
        data = page if isinstance(page, bytes) else page.encode("utf-8", errors="surrogatepass")
        (folder / f"{i:03}_page.txt").write_bytes(data)
    df = _same_twice(folder, format="pages")
    assert len(df) + len(df.attrs["errors"]) == len(pages)
