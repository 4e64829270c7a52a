"""Checks on the team-written sample corpus ``data/sample/`` and its data card.

The raw-file checks do not use the parser, so a layout mistake in a page is caught even if the
parser would tolerate it; the last tests check that ``qatext.read_corpus`` reads every page.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date, datetime

import pandas as pd
import pytest

from conftest import REPO, SAMPLE, SEED_PAGE

CARD = REPO / "data" / "README.md"
PAGES = sorted(SAMPLE.glob("*.txt"))
DAMAGED = [p for p in PAGES if "damaged" in p.name]
CLEAN = [p for p in PAGES if "damaged" not in p.name]

# Each damaged page and the parser flag its defect must raise (names from qatext.corpus.flags).
EXPECTED_DAMAGE = {
    "missing-reply": "missing_answer",
    "no-dates": "missing_asked_at",
    "truncated-reply": "truncated",
    "sex-conflict": "asker_sex_conflict",
    "impossible-date": "invalid_date",
    "reply-repeated": "duplicate_section",
    "sections-out-of-order": "sections_out_of_order",
}

META = re.compile(
    r"^(?P<name>[^,\n]+), (?P<band>\d0~\d9) year old (?P<sex>male|female)\. "
    r"Ask Date: (?P<date>\d{4}/\d{2}/\d{2})$"
)
DOCTOR = re.compile(r"^Dr\. (?P<name>.+?) reply (?P<specialty>.+)$")
REPLY_DATE = re.compile(r"^Reply Date: (?P<date>\d{4}/\d{2}/\d{2})$")
# Section anchors in the site's order (the doctor line is the first 'Dr. X reply Y' line).
ANCHORS = {
    "Share to:": lambda line: line == "Share to:",
    "Ask Date:": lambda line: "Ask Date:" in line,
    "Dr. ": lambda line: bool(DOCTOR.match(line)),
    "Reply Date:": lambda line: line.startswith("Reply Date:"),
    "More Info": lambda line: line == "More Info",
    "Similar Q&A": lambda line: line == "Similar Q&A",
    "Related FAQ": lambda line: line == "Related FAQ",
}


def _lines(path):
    return path.read_text(encoding="utf-8").split("\n")


def _main_doctor(lines):
    """The replying doctor's line: the first 'Dr. X reply Y' line (snippets come later)."""
    for line in lines:
        m = DOCTOR.match(line)
        if m:
            return m
    return None


def _date(text):
    return datetime.strptime(text, "%Y/%m/%d").date()


def _anchor_positions(lines):
    """Line index of the first occurrence of each section anchor found on the page."""
    found = {}
    for i, line in enumerate(lines):
        for anchor, test in ANCHORS.items():
            if anchor not in found and test(line):
                found[anchor] = i
    return found


def test_sample_has_enough_pages_and_damaged_pages():
    assert len(CLEAN) >= 64, f"only {len(CLEAN)} undamaged pages in {SAMPLE}"
    assert len(DAMAGED) >= 6, f"only {len(DAMAGED)} damaged pages in {SAMPLE}"
    for kind in EXPECTED_DAMAGE:
        assert any(kind in p.name for p in DAMAGED), f"no damaged page named *{kind}*"


def test_file_names_are_numbered_slugs_with_unique_numbers():
    for path in PAGES:
        assert re.fullmatch(r"\d{3}_[a-z0-9]+(?:-[a-z0-9]+)*\.txt", path.name), path.name
    numbers = Counter(p.name[:3] for p in PAGES)
    assert [n for n, c in numbers.items() if c > 1] == []


def test_every_clean_page_follows_the_layout():
    for path in CLEAN:
        lines = _lines(path)
        where = f"{path.name}"
        assert " - " in lines[0] and lines[0].rsplit(" - ", 1)[1].strip(), f"{where}: title line {lines[0]!r}"
        assert lines[2] == "Share to:", f"{where}: line 3 is {lines[2]!r}"
        assert lines[4].strip() and lines[5] == "" and lines[6] == "", f"{where}: question title block"
        metas = [i for i, line in enumerate(lines) if META.match(line)]
        assert len(metas) == 1, f"{where}: expected one asker/Ask Date line, found {len(metas)}"
        doctor = _main_doctor(lines)
        assert doctor is not None, f"{where}: no 'Dr. X reply Specialty' line"
        # The sign-off repeats the replying doctor's name under 'Dr.'.
        reply_at = next(i for i, line in enumerate(lines) if REPLY_DATE.match(line))
        signature = lines[reply_at - 5:reply_at - 1]
        assert signature[0].endswith(",") and signature[1] == "Dr." and signature[2] == doctor["name"], (
            f"{where}: signature {signature!r} does not close the reply of Dr. {doctor['name']}"
        )
        assert signature[3].strip(), f"{where}: no affiliation under the signature"
        positions = _anchor_positions(lines)
        for needed in ("Share to:", "Ask Date:", "Dr. ", "Reply Date:"):
            assert needed in positions, f"{where}: no {needed!r} section"
        order = [a for a in ANCHORS if a in positions]
        assert sorted(order, key=positions.get) == order, f"{where}: sections out of order"


def test_clean_pages_have_valid_dates_in_range():
    asked_years = Counter()
    for path in CLEAN:
        lines = _lines(path)
        meta = next(META.match(line) for line in lines if META.match(line))
        reply = [REPLY_DATE.match(line) for line in lines if REPLY_DATE.match(line)]
        assert len(reply) == 1, f"{path.name}: expected one Reply Date line"
        asked, answered = _date(meta["date"]), _date(reply[0]["date"])
        assert date(2021, 1, 1) <= asked <= date(2024, 12, 31), f"{path.name}: ask date {asked}"
        assert 0 <= (answered - asked).days <= 7, f"{path.name}: replied {(answered - asked).days} days later"
        asked_years[asked.year] += 1
    assert set(asked_years) == {2021, 2022, 2023, 2024}
    assert min(asked_years.values()) >= 8, asked_years


def test_specialties_and_doctors_give_per_group_analyses_something_to_show():
    pages_by_specialty = Counter()
    doctors_by_specialty = defaultdict(set)
    pages_by_doctor = Counter()
    for path in CLEAN:
        m = _main_doctor(_lines(path))
        pages_by_specialty[m["specialty"]] += 1
        doctors_by_specialty[m["specialty"]].add(m["name"])
        pages_by_doctor[m["name"]] += 1
    assert len(pages_by_specialty) >= 14, sorted(pages_by_specialty)
    assert {s: n for s, n in pages_by_specialty.items() if n < 3} == {}
    assert {s: d for s, d in doctors_by_specialty.items() if len(d) < 2} == {}
    assert sum(1 for n in pages_by_doctor.values() if n >= 3) >= 10, pages_by_doctor
    # a doctor works in one specialty: the same name under two labels would be a typo
    specialties_of = defaultdict(set)
    for specialty, names in doctors_by_specialty.items():
        for name in names:
            specialties_of[name].add(specialty)
    assert {n: s for n, s in specialties_of.items() if len(s) > 1} == {}


def test_askers_vary_in_sex_and_age_band():
    bands, sexes = Counter(), Counter()
    for path in CLEAN:
        meta = next(META.match(line) for line in _lines(path) if META.match(line))
        bands[meta["band"]] += 1
        sexes[meta["sex"]] += 1
    assert len(bands) >= 6, bands
    assert min(sexes["male"], sexes["female"]) >= 20, sexes


def test_damaged_pages_carry_their_documented_defects():
    by_kind = {kind: next(p for p in DAMAGED if kind in p.name) for kind in EXPECTED_DAMAGE}
    text = {kind: path.read_text(encoding="utf-8") for kind, path in by_kind.items()}
    lines = {kind: t.split("\n") for kind, t in text.items()}

    # no reply: any 'Dr. X reply Y' line left belongs to the Similar Q&A snippets
    gone = _anchor_positions(lines["missing-reply"])
    assert gone.get("Dr. ", len(lines["missing-reply"])) > gone.get("Similar Q&A", -1)
    assert "Reply Date:" not in text["missing-reply"]
    assert "Ask Date:" not in text["no-dates"] and "Reply Date:" not in text["no-dates"]
    assert _main_doctor(lines["no-dates"]) is not None
    last = [line for line in lines["truncated-reply"] if line.strip()][-1]
    assert not re.search(r"[.?!)]$", last) and "Reply Date:" not in text["truncated-reply"]
    assert "year old male" in text["sex-conflict"] and "year-old woman" in text["sex-conflict"]
    assert re.search(r"^Dear Ms\.", text["sex-conflict"], re.M)
    assert "2023/02/30" in text["impossible-date"]
    assert sum(1 for line in lines["reply-repeated"] if line.startswith("Reply Date:")) == 2
    positions = _anchor_positions(lines["sections-out-of-order"])
    assert positions["Similar Q&A"] < positions["Ask Date:"]


def test_data_card_documents_every_damaged_page_and_the_specialty_table():
    card = CARD.read_text(encoding="utf-8")
    for path in DAMAGED:
        assert path.name in card, f"{CARD.name} does not document {path.name}"
    counts = Counter(_main_doctor(_lines(p))["specialty"] for p in CLEAN)
    table = dict(re.findall(r"^\| ([A-Z][A-Za-z ]+?) \| (\d+) \|", card, re.M))
    assert {s: int(n) for s, n in table.items() if s in counts} == dict(counts), (
        "the pages-per-specialty table in data/README.md is stale; regenerate it from the files"
    )
    assert f"{len(CLEAN)} pages" in card and f"{len(DAMAGED)} damaged" in card


def test_no_page_copies_text_from_the_seed_page(seed_text):
    # Lines short enough to be layout ('Share to:', '(Neurology)') are allowed to repeat.
    seed_lines = {line.strip() for line in seed_text.split("\n") if len(line.strip()) >= 25}
    for path in PAGES:
        copied = seed_lines & {line.strip() for line in _lines(path)}
        assert not copied, f"{path.name} repeats seed lines: {sorted(copied)[:2]}"
    seed_words = re.findall(r"[a-z']+", seed_text.lower())
    seed_8grams = {" ".join(seed_words[i:i + 8]) for i in range(len(seed_words) - 7)}
    for path in PAGES:
        words = re.findall(r"[a-z']+", path.read_text(encoding="utf-8").lower())
        shared = {" ".join(words[i:i + 8]) for i in range(len(words) - 7)} & seed_8grams
        assert not shared, f"{path.name} shares 8-word runs with the seed page: {sorted(shared)[:3]}"


# -- through the parser -------------------------------------------------------------------


@pytest.fixture(scope="module")
def parsed():
    import qatext

    return qatext.read_corpus(SAMPLE)


def test_read_corpus_returns_one_row_per_file(parsed):
    assert len(parsed) == len(PAGES)
    assert parsed.attrs["errors"] == []
    assert sorted(parsed["extra"].map(lambda e: e["file"])) == [p.name for p in PAGES]


def test_clean_pages_parse_completely_and_without_flags(parsed):
    files = parsed["extra"].map(lambda e: e["file"])
    clean = parsed[~files.str.contains("damaged")]
    assert len(clean) == len(CLEAN)
    needed = ["question_title", "question", "answer", "doctor_name", "specialty", "doctor_affiliation",
              "asked_at", "answered_at", "asker_sex", "asker_age_band", "category"]
    for _, row in clean.iterrows():
        missing = [c for c in needed if pd.isna(row[c])]
        assert missing == [], f"{row['extra']['file']}: parser found no {missing}"
        assert row["flags"] == [], f"{row['extra']['file']}: unexpected flags {row['flags']}"
        raw = _main_doctor(_lines(SAMPLE / row["extra"]["file"]))
        assert (row["doctor_name"], row["specialty"]) == (raw["name"], raw["specialty"])
        assert 0 <= (row["answered_at"] - row["asked_at"]).days <= 7


def test_every_damaged_page_carries_a_flag(parsed):
    files = parsed["extra"].map(lambda e: e["file"])
    damaged = parsed[files.str.contains("damaged")]
    assert len(damaged) == len(DAMAGED)
    for _, row in damaged.iterrows():
        assert row["flags"], f"{row['extra']['file']} is damaged but carries no flag"


# The parser currently treats everything after an early 'Similar Q&A' heading as snippets, so
# on the out-of-order page it loses the question, asker, reply and dates and raises eight
# missing_* flags instead of sections_out_of_order. Strict: this fails once the parser is fixed.
@pytest.mark.parametrize("kind", list(EXPECTED_DAMAGE))
def test_damaged_page_is_flagged_for_its_own_defect(parsed, kind):
    files = parsed["extra"].map(lambda e: e["file"])
    rows = parsed[files.str.contains(f"damaged-{kind}")]
    assert len(rows) == 1, f"expected one damaged-{kind} page"
    flags = rows.iloc[0]["flags"]
    assert EXPECTED_DAMAGE[kind] in flags, f"damaged-{kind}: expected flag {EXPECTED_DAMAGE[kind]!r}, got {flags}"
