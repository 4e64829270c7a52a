"""The seed-layout page parser: exact values on the seed page, flags on damaged pages, fuzzing."""
from __future__ import annotations

import datetime
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qatext.corpus.flags import FLAGS
from qatext.corpus.page import parse_page
from qatext.schema import Record
from tests.conftest import REPO

FIXTURE_PAGE = REPO / "tests" / "fixtures" / "corpus" / "pages" / "001_knee.txt"

SEED_TAGS = [
    "Amyotrophic Lateral Sclerosis (Neurology)",
    "Als (Neurology)",
    "Cerebellar Atrophy (Neurology)",
    "Myasthenia Gravis (Neurology)",
    "Muscle Tremors (Neurology)",
    "Muscle Fasciculation (Neurology)",
    "Muscle Pain (Neurology)",
    "Eyelid Muscle Twitching (Neurology)",
    "Leg Weakness (Neurology)",
    "Muscular Diseases (Rare Disease)",
]


@pytest.fixture(scope="module")
def seed(seed_text) -> Record:
    return parse_page(seed_text, path="000_94f54939bb6a5515.txt")


def test_seed_page_header_and_question(seed):
    assert seed.source == "seed-layout"
    assert seed.title == "Muscle Atrophy: Is It ALS or Another Condition?"
    assert seed.category == "Neurology"
    assert seed.question_title == "Amyotrophic lateral sclerosis (ALS), muscle atrophy?"
    lines = seed.question.split("\n")
    assert lines[0] == "Hello doctor, I am a 40-year-old male."
    assert lines[-1].endswith("another type of muscular dystrophy?")
    assert len(lines) == 17  # line structure kept
    assert all(line == line.rstrip() for line in lines)


def test_seed_page_asker(seed):
    assert seed.asker_name == "Aze"
    assert seed.asker_age_band == "40-49"
    assert seed.asker_sex == "female"
    assert seed.asked_at == datetime.date(2023, 1, 3)


def test_seed_page_reply(seed):
    assert seed.doctor_name == "Jiang Junyi"
    assert seed.specialty == "Neurology"
    assert seed.answer.startswith("Dear Mr.\nAze,")
    assert seed.answer.endswith("Sincerely,\nDr.\nJiang Junyi\nTaipei Medical University")
    assert "More Info" not in seed.answer
    assert "Understanding muscle atrophy" not in seed.answer
    assert "Reply Date" not in seed.answer
    assert seed.doctor_affiliation == "Taipei Medical University"
    assert seed.answered_at == datetime.date(2023, 1, 3)


def test_seed_page_more_info_related_and_tags(seed):
    assert seed.extra_text.startswith("Understanding muscle atrophy")
    assert seed.extra_text.endswith("addressing any potential complications.")
    assert "Similar Q&A" not in seed.extra_text
    assert [r["doctor_name"] for r in seed.related] == ["Gao Chunde", "Jiang Junyi", "Jiang Junyi", "Jiang Junyi"]
    assert [r["specialty"] for r in seed.related] == ["Neurology"] * 4
    assert seed.related[0]["title"] == "Differentiating Benign Muscle Twitches from ALS and Atrophy Symptoms"
    assert seed.related[0]["question"].startswith("Doctor, is there a difference")
    assert seed.related[0]["answer"].startswith("As far as I know")
    assert seed.related[2]["answer"].startswith("Dear Ms. Hong,")
    assert all(set(r) == {"title", "question", "doctor_name", "specialty", "answer"} for r in seed.related)
    assert seed.tags == SEED_TAGS


def test_seed_page_flags_sex_conflict_only(seed):
    assert seed.flags == ["asker_sex_conflict"]
    assert seed.extra["sex_evidence"] == {"metadata": "female", "question": "male", "reply": "male"}


def test_record_id_is_stable_and_path_independent(seed_text, seed):
    again = parse_page(seed_text, path="/somewhere/else/000_94f54939bb6a5515.txt")
    assert again.record_id == seed.record_id
    assert re.fullmatch(r"seed-layout-[0-9a-f]{16}", seed.record_id)
    assert parse_page(seed_text + "\nx", path="000_94f54939bb6a5515.txt").record_id != seed.record_id
    assert parse_page(seed_text, path="other.txt").record_id != seed.record_id


# -- damaged variants --------------------------------------------------------------------------

def _cut(text: str, start: str, end: str | None) -> str:
    """``text`` without the part from ``start`` up to (not including) ``end``."""
    i = text.index(start)
    j = text.index(end, i) if end else len(text)
    return text[:i] + text[j:]


def test_reply_removed(seed_text):
    page = _cut(seed_text, "Dr. Jiang Junyi reply Neurology", "More Info")
    record = parse_page(page)
    assert record.answer is None and record.doctor_name is None and record.answered_at is None
    assert {"missing_answer", "missing_doctor", "missing_answered_at"} <= set(record.flags)
    assert record.question.endswith("another type of muscular dystrophy?")
    assert record.extra_text.startswith("Understanding muscle atrophy")
    assert "asker_sex_conflict" in record.flags  # question says male, metadata female


def test_dates_removed(seed_text):
    page = seed_text.replace(" Ask Date: 2023/01/03", "").replace("Reply Date: 2023/01/03", "")
    record = parse_page(page)
    assert record.asked_at is None and record.answered_at is None
    assert {"missing_asked_at", "missing_answered_at"} <= set(record.flags)
    assert record.asker_name == "Aze" and record.asker_sex == "female"  # asker line still found
    assert record.question.startswith("Hello doctor")
    assert record.answer.startswith("Dear Mr.")


def test_truncated_halfway(seed_text):
    page = seed_text[: len(seed_text) // 2]
    record = parse_page(page)
    assert "truncated" in record.flags
    assert record.tags == [] and record.related == []
    assert record.title == "Muscle Atrophy: Is It ALS or Another Condition?"
    assert record.question.startswith("Hello doctor")


def test_truncated_inside_faq(seed_text):
    record = parse_page(seed_text[: seed_text.rindex("(Rare Disease)")])
    assert "truncated" in record.flags
    assert record.tags[-1] == "Muscular Diseases"


def test_complete_page_is_not_truncated(seed_text):
    assert "truncated" not in parse_page(seed_text).flags


def test_sections_shuffled_answer_before_question(seed_text):
    start_q = seed_text.index("Amyotrophic lateral sclerosis (ALS), muscle atrophy?")
    start_a = seed_text.index("Dr. Jiang Junyi reply Neurology")
    start_more = seed_text.index("More Info")
    question_block, answer_block = seed_text[start_q:start_a], seed_text[start_a:start_more]
    page = seed_text[:start_q] + answer_block + "\n" + question_block + "\n" + seed_text[start_more:]
    record = parse_page(page)
    assert {"answer_before_question", "sections_out_of_order"} <= set(record.flags)
    assert record.question_title == "Amyotrophic lateral sclerosis (ALS), muscle atrophy?"
    assert record.question.startswith("Hello doctor") and "Dear Mr." not in record.question
    assert record.answer.startswith("Dear Mr.") and "Hello doctor" not in record.answer
    assert record.asked_at == record.answered_at == datetime.date(2023, 1, 3)


def test_more_info_moved_to_end(seed_text):
    more = seed_text[seed_text.index("More Info"): seed_text.index("Similar Q&A")]
    page = seed_text.replace(more, "") + "\n\n" + more
    record = parse_page(page)
    assert "sections_out_of_order" in record.flags
    assert "answer_before_question" not in record.flags
    assert record.extra_text.startswith("Understanding muscle atrophy")
    assert record.tags == SEED_TAGS


def test_similar_section_moved_above_question(seed_text):
    similar = seed_text[seed_text.index("Similar Q&A"): seed_text.index("Related FAQ")]
    share = seed_text.index("Share to:\n") + len("Share to:\n")
    page = seed_text[:share] + "\n" + similar + seed_text[share:].replace(similar, "")
    record = parse_page(page)
    assert "sections_out_of_order" in record.flags
    assert not {"missing_question", "missing_answer", "missing_asker", "missing_doctor"} & set(record.flags)
    assert record.question_title == "Amyotrophic lateral sclerosis (ALS), muscle atrophy?"
    assert record.question.startswith("Hello doctor") and "[Read More]" not in record.question
    assert record.doctor_name == "Jiang Junyi" and record.answer.startswith("Dear Mr.")
    assert [r["doctor_name"] for r in record.related] == ["Gao Chunde", "Jiang Junyi", "Jiang Junyi", "Jiang Junyi"]
    assert record.tags == SEED_TAGS


def test_metadata_sex_agreeing_removes_conflict(seed_text):
    page = seed_text.replace("40~49 year old female", "40~49 year old male")
    record = parse_page(page)
    assert record.asker_sex == "male"
    assert "asker_sex_conflict" not in record.flags


def test_metadata_sex_conflicting_with_honorific_only(seed_text):
    page = seed_text.replace("I am a 40-year-old male.", "I am 40.")
    record = parse_page(page)
    assert "asker_sex_conflict" in record.flags
    assert record.extra["sex_evidence"] == {"metadata": "female", "reply": "male"}


def test_husband_and_i_is_not_self_description(seed_text):
    page = (seed_text.replace("I am a 40-year-old male.", "My husband and I are worried; he is a man of 45.")
            .replace("Dear Mr.", "Dear"))
    record = parse_page(page)
    assert "asker_sex_conflict" not in record.flags


def test_impossible_date_is_none_and_flagged(seed_text):
    record = parse_page(seed_text.replace("Ask Date: 2023/01/03", "Ask Date: 2023/02/30"))
    assert record.asked_at is None
    assert "invalid_date" in record.flags and "missing_asked_at" not in record.flags


@pytest.mark.parametrize(
    "written, expected, flag",
    [
        ("2023-01-03", datetime.date(2023, 1, 3), None),
        ("2023.1.3", datetime.date(2023, 1, 3), None),
        ("13/01/2023", datetime.date(2023, 1, 13), None),
        ("01/13/2023", datetime.date(2023, 1, 13), None),
        ("03/03/2023", datetime.date(2023, 3, 3), None),
        ("03/01/2023", None, "ambiguous_date"),
        ("2023/13/01", None, "invalid_date"),
        ("January 3, 2023", datetime.date(2023, 1, 3), None),
    ],
)
def test_date_formats(seed_text, written, expected, flag):
    record = parse_page(seed_text.replace("Reply Date: 2023/01/03", f"Reply Date: {written}"))
    assert record.answered_at == expected
    assert (flag in record.flags) if flag else not {"invalid_date", "ambiguous_date"} & set(record.flags)


@pytest.mark.parametrize(
    "meta, band, sex",
    [
        ("Aze, 40-year-old F.", "40-49", "female"),
        ("Aze, 23 years old woman.", "20-29", "female"),
        ("Aze, 60~69 year old M.", "60-69", "male"),
        ("Aze, 30~39 year old man.", "30-39", "male"),
    ],
)
def test_asker_metadata_variants(seed_text, meta, band, sex):
    record = parse_page(seed_text.replace("Aze, 40~49 year old female.", meta))
    assert (record.asker_age_band, record.asker_sex) == (band, sex)


def test_fixture_page_without_conflict():
    record = parse_page(FIXTURE_PAGE.read_text(encoding="utf-8"), path=FIXTURE_PAGE.name)
    assert (record.title, record.category) == ("Knee Pain After Running: Should I Rest?", "Orthopedics")
    assert (record.asker_name, record.asker_age_band, record.asker_sex) == ("Lin", "20-29", "female")
    assert record.doctor_affiliation == "National Taiwan University Hospital"
    assert record.tags == ["Knee Pain (Orthopedics)", "Runner's Knee (Rehabilitation)"]
    assert record.flags == []
    assert record.extra["sex_evidence"] == {"metadata": "female", "question": "female", "reply": "female"}


def test_empty_and_arbitrary_text():
    assert parse_page("").flags == ["empty_page"]
    record = parse_page("just some words\nwithout any structure")
    assert {"missing_answer", "missing_doctor", "missing_asker"} <= set(record.flags)


# -- fuzzing -----------------------------------------------------------------------------------

def _check(record: Record) -> None:
    assert isinstance(record, Record)
    assert record.record_id.startswith("seed-layout-")
    assert set(record.flags) <= set(FLAGS), set(record.flags) - set(FLAGS)
    assert len(record.flags) == len(set(record.flags))
    for name in ("asked_at", "answered_at"):
        assert getattr(record, name) is None or isinstance(getattr(record, name), datetime.date)


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises(text):
    _check(parse_page(text))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutilated_seed_never_raises(seed_text, data):
    lines = seed_text.split("\n")
    operation = data.draw(st.sampled_from(["delete", "shuffle", "duplicate", "cut", "insert"]))
    if operation == "delete":
        i = data.draw(st.integers(0, len(lines) - 1))
        j = data.draw(st.integers(i, len(lines)))
        lines = lines[:i] + lines[j:]
    elif operation == "shuffle":
        lines = data.draw(st.permutations(lines))
    elif operation == "duplicate":
        i = data.draw(st.integers(0, len(lines) - 1))
        lines = lines[: i + 1] + lines[i:]
    elif operation == "cut":
        cut = data.draw(st.integers(0, len(seed_text)))
        lines = seed_text[:cut].split("\n")
    else:
        i = data.draw(st.integers(0, len(lines)))
        lines = lines[:i] + [data.draw(st.text(max_size=80))] + lines[i:]
    _check(parse_page("\n".join(lines)))


def test_every_flag_is_documented():
    assert all(re.fullmatch(r"[a-z0-9_]+", name) and meaning for name, meaning in FLAGS.items())
