"""Hostile input: the cleaning every reader applies, duplicates, unreadable records, validate."""
from __future__ import annotations

import datetime
import json
import warnings

import pandas as pd
import pytest
from typer.testing import CliRunner

from qatext.cli import app
from qatext.corpus import deduplicate, read_corpus, read_errors_table
from qatext.corpus.errors import ERROR_COLUMNS
from qatext.corpus.clean import OVERSIZED_BYTES, clean_record, detect_non_english, strip_html
from qatext.corpus.flags import FLAGS
from tests.conftest import REPO

FIXTURES = REPO / "tests" / "fixtures" / "corpus"
runner = CliRunner()


def _read(path, **kwargs) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_corpus(path, **kwargs)


def _jsonl(path, rows) -> None:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")


# -- HTML --------------------------------------------------------------------------------------

def test_strip_html_removes_tags_and_unescapes_entities():
    text, changed = strip_html('<p>Knee pain&nbsp;&amp; swelling<br/>after <b class="x">running</b></p>'
                               '<script>alert(1)</script><!-- tracking -->It&#39;s worse')
    assert changed
    assert text == "Knee pain\xa0& swelling\nafter running\nIt's worse"


@pytest.mark.parametrize("text", ["Take <5 mg a day", "if a<b and b>c", "see <link> for more",
                                  "so happy <positive_smiley>", "AT&T or R&D", "plain text"])
def test_strip_html_leaves_non_markup_alone(text):
    assert strip_html(text) == (text, False)


# -- one record --------------------------------------------------------------------------------

def test_clean_record_flags_and_repairs():
    values = {"record_id": "x-1", "question": "  \t\n ", "answer": "Rest\x00 it.<br>Ice it &amp; wait.",
              "question_title": "Knee hurtsâ\x80¦ help", "flags": ["missing_doctor"], "extra": {},
              "asked_at": datetime.date(1970, 1, 1), "answered_at": datetime.date(2023, 1, 3)}
    clean_record(values)
    assert values["question"] is None
    assert values["answer"] == "Rest it.\nIce it & wait."
    assert values["question_title"] == "Knee hurts… help"
    assert values["flags"] == ["missing_doctor", "mojibake_repaired", "control_chars_removed", "html_stripped",
                               "implausible_date"]
    again = clean_record({**values, "flags": list(values["flags"]), "extra": dict(values["extra"])})
    assert again == values  # idempotent


def test_clean_record_empty_and_oversized():
    empty = clean_record({"record_id": "e", "question": " ", "answer": None, "flags": None, "extra": None})
    assert empty["flags"] == ["empty_text"] and empty["question"] is None
    big = "My knee hurts when I run. " * (OVERSIZED_BYTES // 26 + 1)
    values = clean_record({"record_id": "b", "question": big, "answer": "Rest.", "flags": [], "extra": {}})
    assert values["question"] == big.strip() or values["question"] == big  # kept whole, never truncated
    assert len(values["question"]) >= OVERSIZED_BYTES - 1
    assert values["flags"] == ["oversized_text"] and values["extra"]["oversized_fields"] == ["question"]


def test_every_clean_flag_is_documented():
    for flag in ("html_stripped", "control_chars_removed", "mojibake_repaired", "empty_text", "oversized_text",
                 "non_english", "implausible_date", "duplicate_record", "missing_record_id", "invalid_field"):
        assert flag in FLAGS


# -- language ----------------------------------------------------------------------------------

ENGLISH = [
    "knee hurts??", "Is ALS curable?", "fever 3 days cough", "hi dr i hav pian in my kne wat shud i do",
    "Wat iz dis rash on ma arm", "My doctor Zhang 张伟 said the MRI is ok, but I still feel pain in my knee.",
    "I am from México and my doctor is José Hernández, what should I do about my knee?",
    "Metformin 500 mg po bid, med list reviewed, ALT AST normal",
    "Severe headache nausea vomiting photophobia neck stiffness since yesterday",
    "de Quervain tenosynovitis et al. IL-6 la LA",
]
FOREIGN = {
    "Han/Kana/Hangul": ["我最近膝盖疼，跑步以后更严重，需要做核磁共振MRI检查吗？", "膝が痛いです。どうすればいいですか？",
                        "무릎이 아파요. 어떻게 해야 하나요?"],
    "Cyrillic": ["У меня болит колено после бега, что делать?"],
    "Arabic": ["أعاني من ألم في الركبة بعد الجري"],
    "Latin": ["Tengo dolor de rodilla después de correr, ¿qué debo hacer? Me duele mucho por la noche.",
              "J'ai mal au genou depuis une semaine, est-ce que je dois voir un médecin pour cette douleur?",
              "Ich habe seit einer Woche Schmerzen im Knie und ich weiß nicht, was ich tun soll.",
              "Saya sakit lutut setelah lari, apa yang harus saya lakukan dengan ini?",
              "Tôi bị đau đầu gối sau khi chạy bộ, tôi nên làm gì?"],
}


@pytest.mark.parametrize("text", ENGLISH)
def test_short_and_misspelled_english_is_not_flagged(text):
    assert detect_non_english(text) is None


@pytest.mark.parametrize("script,text", [(s, t) for s, texts in FOREIGN.items() for t in texts])
def test_other_languages_are_detected(script, text):
    reason = detect_non_english(text)
    assert reason is not None and reason.startswith(script)


def test_language_false_positives_on_shared_corpora(shared_corpus):
    """The ~54k shared records: only three COVID-Dialogue questions (one Spanish, two Afrikaans,
    checked by eye) are flagged; no English record is."""
    flagged = {}
    total = 0
    for corpus in ("medquad", "ask-a-doctor-2017", "covid-dialogue"):
        df = shared_corpus(corpus)
        total += len(df)
        hits = df[df["flags"].map(lambda flags: "non_english" in flags)]
        flagged.update(zip(hits["record_id"], hits["extra"]))
    assert total > 54_000
    assert sorted(extra["id"] for extra in flagged.values()) == ["270", "322", "564"]


# -- readers: nothing lost ---------------------------------------------------------------------

def test_jsonl_rows_keep_bad_fields_and_count(tmp_path):
    good = {"record_id": "r-1", "source": "t", "question": "Knee pain?", "answer": "Rest."}
    rows = [
        good,
        "{broken",
        {**good, "record_id": "r-2", "question": {"nested": True}, "asked_at": "2023/02/30", "tags": "knee"},
        {**good, "record_id": "r-1", "question": "Other knee?"},        # repeated id
        {"source": "t", "question": "No id?", "answer": 42, "extra": [1, 2], "flags": 7},
        "[1, 2]",
        "",
        {**good, "record_id": "r-3", "question": "  Knee   pain? ", "asked_at": 20230103},
    ]
    path = tmp_path / "c.jsonl"
    _jsonl(path, rows)
    df = _read(path)
    errors = df.attrs["errors"]
    assert len(df) + len(errors) == 7  # seven non-blank lines, each a row or an error
    assert [e["record"] for e in errors] == ["line 2", "line 6"]
    by_id = df.set_index("record_id")
    assert by_id.loc["r-2", "question"] is None and by_id.loc["r-2", "asked_at"] is None
    assert {"invalid_field", "invalid_date"} <= set(by_id.loc["r-2", "flags"])
    assert by_id.loc["r-2", "extra"]["invalid_fields"] == {"question": {"nested": True}, "asked_at": "2023/02/30"}
    assert by_id.loc["r-2", "tags"] == ["knee"]
    assert "r-1-2" in by_id.index and "duplicate_source_id" in by_id.loc["r-1-2", "flags"]
    no_id = df[df["flags"].map(lambda f: "missing_record_id" in f)].iloc[0]
    assert no_id["record_id"].startswith("t-") and no_id["answer"] == "42"
    assert no_id["extra"]["invalid_fields"] == {"extra": [1, 2], "flags": 7}
    assert no_id["flags"] == ["invalid_field", "missing_record_id"]
    assert "duplicate_record" in by_id.loc["r-3", "flags"] and by_id.loc["r-3", "extra"]["duplicate_of"] == "r-1"
    assert "invalid_date" in by_id.loc["r-3", "flags"]


def test_csv_invalid_utf8_and_bad_rows(tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes(b"record_id,question,answer\n"
                     b"a,My knee \xff hurts,Rest.\n"
                     b"b,Fine,Rest.\n"
                     b"c,too,many,fields,here\n")
    df = _read(path)
    assert df["record_id"].tolist() == ["a", "b"]
    assert "invalid_utf8" in df.iloc[0]["flags"] and "\ufffd" in df.iloc[0]["question"]
    assert "invalid_utf8" not in df.iloc[1]["flags"]
    [error] = df.attrs["errors"]
    assert error["record"] == "line 4" and "5 fields" in error["reason"] and error["path"].endswith("c.csv")


def test_ask_a_doctor_object_without_closing_brace_costs_only_itself(tmp_path):
    item = {"question": "q?", "question_text": "My knee hurts.", "answer": "Rest. See <link> and <b>ice</b>.",
            "answer_author": "Dr. Roe", "url": "https://example.org/1"}
    first = json.dumps(item)
    broken = json.dumps({**item, "url": "https://example.org/2"})[:-1]  # lost its '}'
    third = json.dumps({**item, "url": "https://example.org/3", "question_text": "Other."})
    (tmp_path / "icliniqQAs.json").write_text(f"[\n{first},\n{broken},\n{third}\n] trailing", encoding="utf-8")
    df = _read(tmp_path)
    assert df["url"].tolist() == ["https://example.org/1", "https://example.org/3"]
    assert [e["record"] for e in df.attrs["errors"]] == [1, "after item 2"]
    assert df.iloc[0]["answer"] == "Rest. See <link> and ice." and "html_stripped" in df.iloc[0]["flags"]


def test_unsafe_xml_refused_and_the_rest_of_the_folder_loads(tmp_path):
    folder = tmp_path / "1_Test_QA"
    folder.mkdir()
    good = (FIXTURES / "medquad_mini" / "1_Test_QA" / "0000001-synthetic.xml").read_bytes()
    (folder / "good.xml").write_bytes(good)
    bomb = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
            + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
            + ']>\n<Document><QAPairs><QAPair><Question>&lol9;</Question></QAPair></QAPairs></Document>')
    (folder / "bomb.xml").write_text(bomb)
    # In UTF-16 the DTD's bytes are not b"<!DOCTYPE": the reader must not take it for a file without one.
    (folder / "bomb16.xml").write_bytes(bomb.replace('version="1.0"', 'version="1.0" encoding="UTF-16"').encode("utf-16"))
    (folder / "xxe.xml").write_text('<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
                                    "<Document><QAPairs><QAPair><Question>&x;</Question></QAPair></QAPairs></Document>")
    df = _read(tmp_path)
    assert len(df) == len(_read(FIXTURES / "medquad_mini" / "1_Test_QA" / "0000001-synthetic.xml")) > 0
    reasons = {e["path"].rsplit("/", 1)[-1]: e["reason"] for e in df.attrs["errors"]}
    assert set(reasons) == {"bomb.xml", "bomb16.xml", "xxe.xml"}
    assert "unsafe XML refused" in reasons["bomb.xml"] and "entity" in reasons["bomb.xml"]
    assert "external entity" in reasons["xxe.xml"] and "file:///etc/hostname" in reasons["xxe.xml"]


def test_a_reader_crash_costs_only_its_file(tmp_path, monkeypatch):
    import qatext.corpus.covid_dialogue as covid

    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text("id=1\nhttps://x.org/1\n\nDescription\nFever?\n\nDialogue\n"
                                              f"Patient:\nI have a fever {name}.\nDoctor:\nRest.\n", encoding="utf-8")
    real = covid._record

    def flaky(block_id, lines):
        if any("fever a" in line for line in lines):
            raise RuntimeError("reader bug")
        return real(block_id, lines)

    monkeypatch.setattr(covid, "_record", flaky)
    df = _read(tmp_path, format="covid-dialogue")
    assert df["question"].tolist() == ["I have a fever b."]
    [error] = df.attrs["errors"]
    assert error["path"].endswith("a.txt") and "RuntimeError: reader bug" in error["reason"]


def test_oversized_page_is_kept_whole_and_flagged(tmp_path):
    page = (FIXTURES / "pages" / "001_knee.txt").read_text(encoding="utf-8")
    filler = "My knee hurts when I run downhill. " * (OVERSIZED_BYTES // 35 + 10)
    (tmp_path / "big.txt").write_text(page.replace("My right knee", filler + "My right knee", 1), encoding="utf-8")
    [row] = _read(tmp_path).to_dict("records")
    assert "oversized_text" in row["flags"] and row["extra"]["oversized_fields"] == ["question"]
    assert filler.strip() in row["question"]


# -- duplicates --------------------------------------------------------------------------------

def test_duplicates_flagged_by_default_and_dropped_on_request(tmp_path):
    rows = [{"record_id": f"r-{i}", "source": "t", "question": q, "answer": a} for i, (q, a) in enumerate([
        ("Knee pain?", "Rest."), ("Knee  pain?\n", " Rest. "), ("Knee pain?", "Ice."), ("Knee pain?", "Rest."),
        (None, None), (None, None)])]
    _jsonl(tmp_path / "c.jsonl", rows)
    df = _read(tmp_path / "c.jsonl")
    dup = df["flags"].map(lambda f: "duplicate_record" in f)
    assert df.loc[dup, "record_id"].tolist() == ["r-1", "r-3"]  # empty records are not duplicates of each other
    assert {e["duplicate_of"] for e in df.loc[dup, "extra"]} == {"r-0"}
    kept = _read(tmp_path / "c.jsonl", drop_duplicates=True)
    assert kept["record_id"].tolist() == ["r-0", "r-2", "r-4", "r-5"]
    assert kept.attrs["dropped_duplicates"] == [{"record_id": "r-1", "duplicate_of": "r-0"},
                                                {"record_id": "r-3", "duplicate_of": "r-0"}]
    assert deduplicate(df)["record_id"].tolist() == kept["record_id"].tolist()


# -- errors table and validate ----------------------------------------------------------------

def test_read_errors_table_gives_each_lost_record_an_id():
    df = _read(FIXTURES / "bad_folder")
    table = read_errors_table(df)
    assert list(table.columns) == ERROR_COLUMNS
    assert len(table) == 4 and table["record_id"].is_unique and set(table["stage"]) == {"read"}
    assert table["record_id"].str.startswith("unreadable-").all()
    assert any(s.endswith("billion_laughs.xml") and "entity" in r for s, r in zip(table["source"], table["reason"]))
    assert table["record_id"].tolist() == read_errors_table(_read(FIXTURES / "bad_folder"))["record_id"].tolist()


def test_validate_reports_duplicates_and_languages_and_exits_zero(tmp_path):
    rows = [{"record_id": "a", "source": "t", "question": "Knee pain?", "answer": "Rest."},
            {"record_id": "b", "source": "t", "question": "Knee pain?", "answer": "Rest."},
            {"record_id": "c", "source": "t", "question": "我最近膝盖疼，需要做检查吗？", "answer": "Rest."}]
    _jsonl(tmp_path / "c.jsonl", rows)
    result = runner.invoke(app, ["validate", str(tmp_path / "c.jsonl")])
    assert result.exit_code == 0, result.output
    assert "rows: 3 read, 0 unreadable" in result.output
    assert "duplicate records:   1" in result.output and "non-English records: 1" in result.output
    assert "duplicate_record" in result.output and "non_english" in result.output
    (tmp_path / "d.jsonl").write_text('{"record_id": "a"}\n{oops\n', encoding="utf-8")
    bad = runner.invoke(app, ["validate", str(tmp_path / "d.jsonl")])
    assert bad.exit_code == 1 and "d.jsonl [record line 2]: malformed JSON" in bad.output


def test_ingest_drop_duplicates(tmp_path):
    rows = [{"record_id": x, "source": "t", "question": "Knee pain?", "answer": "Rest."} for x in "ab"]
    _jsonl(tmp_path / "c.jsonl", rows)
    result = runner.invoke(app, ["ingest", str(tmp_path / "c.jsonl"), "-o", str(tmp_path / "o.jsonl"),
                                 "--drop-duplicates"])
    assert result.exit_code == 0, result.output
    assert "duplicates dropped: 1" in result.output
    assert len((tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()) == 1


def test_ask_a_doctor_stray_text_and_cut_off_list_lose_nothing(tmp_path):
    items = [json.dumps({"question": f"q{i}?", "answer": "Rest.", "url": f"https://example.org/{i}"}) for i in range(4)]
    text = f"[\n{items[0]}\x00,\n{items[1]}],\n{items[2]},\n{items[3]},\n"  # NUL after 0, ']' after 1, no end
    (tmp_path / "icliniqQAs.json").write_text(text, encoding="utf-8")
    df = _read(tmp_path)
    assert df.attrs["errors"] == []
    assert df["url"].tolist() == [f"https://example.org/{i}" for i in range(4)]
    assert [("trailing_junk" in f, "truncated" in f) for f in df["flags"]] == [
        (True, False), (True, False), (False, False), (False, True)]
    # the NUL itself is then removed by the cleaner, which says so
    assert df.iloc[0]["extra"]["trailing_junk"] == "," and "control_chars_removed" in df.iloc[0]["flags"]
    assert df.iloc[1]["extra"]["trailing_junk"] == "],\n"


def test_clean_record_walks_a_container_whose_repr_hides_its_content():
    from qatext.corpus import clean_record

    class Quiet(dict):
        def __repr__(self):
            return "{}"

    record = {"question": "q", "answer": "a", "extra": Quiet(note="bad\x00byte"), "tags": ["ok"]}
    clean_record(record)
    assert record["extra"]["note"] == "badbyte"
    assert "control_chars_removed" in record["flags"]
