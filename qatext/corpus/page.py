"""Parser for one Q&A page in the seed layout (``../shared/seed/000_*.txt``).

The layout, top to bottom::

    <page title> - <section>
    Share to:
    <question title>
    <question body>
    <asker>, <40~49> year old <sex>. Ask Date: 2023/01/03
    Dr. <name> reply <specialty>
    <reply, ending with a signature and affiliation>
    Reply Date: 2023/01/03
    More Info             <- site-generated essay (extra_text)
    Similar Q&A           <- snippets: title, question, 'Dr. X reply Y', answer, '[Read More] ...'
    Related FAQ           <- topic / (department) pairs (tags)

The parser finds these anchor lines wherever they are, takes each section as the text
between its anchor and the next one, and flags what is missing or out of place (see
:data:`qatext.corpus.flags.FLAGS`). It never raises on text: any string gives a Record.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from qatext.corpus import _text
from qatext.schema import Record, make_record_id

_SHARE = re.compile(r"^Share to\b", re.I)
_ASK = re.compile(r"\bAsk Date\s*:", re.I)
_META = re.compile(
    r"^[^,]{1,80},\s*(?:\d{1,3}\s*(?:~|-|–|to)\s*)?\d{1,3}\s*[- ]?(?:years?|yrs?|y)[- ]?old\b", re.I
)
_DOCTOR = re.compile(r"^Dr\.?\s*(?P<name>\S.*?)\s+reply\b[\s:]*(?P<specialty>.*)$", re.I)
_REPLY_DATE = re.compile(r"^Reply Date\s*:\s*(?P<date>.*)$", re.I)
_MORE = re.compile(r"^More Info\s*$", re.I)
_SIMILAR = re.compile(r"^Similar Q\s*&\s*A\s*$", re.I)
_FAQ = re.compile(r"^Related FAQ\s*$", re.I)
_READ_MORE = re.compile(r"^\[Read More\]", re.I)
_DEPARTMENT = re.compile(r"^\((?P<department>[^()]*)\)$")
_SIGN_OFF = re.compile(
    r"^(?:Sincerely|Yours sincerely|Best regards|Kind regards|Warm regards|Regards|Best wishes|Respectfully)\s*[,.!]?$",
    re.I,
)
_DR_ALONE = re.compile(r"^Dr\.?$", re.I)
_COMPLETE_END = re.compile(r"""[.?!)"'”’…]$""")

# Canonical order of the anchors on a well-formed page.
_ORDER = ("header", "share", "ask", "doctor", "reply_date", "more", "similar", "faq")


def parse_page(text: str, *, source: str = "seed-layout", path: str | Path | None = None,
               url: str | None = None) -> Record:
    """Parse one page in the seed layout into a :class:`~qatext.schema.Record`.

    ``path`` only contributes its file name to ``record_id`` (so ids do not depend on where
    the corpus sits on disk); ``url`` is used instead when given. Never raises on a string.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha1(text.encode("utf-8", errors="replace")).hexdigest()[:16]
    name = url or (Path(path).name if path is not None else "")
    record = Record(record_id=make_record_id(source, name, digest), source=source, url=url)
    if not text.strip():
        record.flags.append("empty_page")
        return record
    _Page(text.split("\n"), record).parse()
    return record


class _Page:
    """One parse: the lines, the anchors found in them and the record being filled."""

    def __init__(self, lines: list[str], record: Record):
        self.lines = [line.rstrip() for line in lines]
        self.record = record
        self.flags: list[str] = record.flags
        self.anchors: dict[str, int] = {}

    def flag(self, name: str) -> None:
        if name not in self.flags:
            self.flags.append(name)

    # -- anchors --------------------------------------------------------------------------
    def find_anchors(self) -> None:
        stripped = [line.strip() for line in self.lines]
        for key, pattern in (("share", _SHARE), ("more", _MORE), ("similar", _SIMILAR), ("faq", _FAQ)):
            hits = [i for i, line in enumerate(stripped) if pattern.search(line)]
            if hits:
                self.anchors[key] = hits[0]
            if len(hits) > 1:
                self.flag("duplicate_section")
        # The Similar Q&A section ends at its last '[Read More]' line, so that a section moved
        # up the page (e.g. above the question) does not swallow what follows it.
        if "similar" in self.anchors:
            start, end = self.anchors["similar"], self.similar_end()
            read_more = [i for i in range(start + 1, end) if _READ_MORE.match(stripped[i])]
            if read_more and any(stripped[read_more[-1] + 1:end]):
                self.anchors["similar_end"] = read_more[-1]
        # Doctor lines and dates inside the Similar Q&A section belong to the snippets.
        similar_end = self.similar_end()
        outside = [i for i in range(len(stripped)) if not (self.anchors.get("similar", -1) < i < similar_end)]
        for key, test in (
            ("ask", lambda s: bool(_ASK.search(s))),
            ("reply_date", lambda s: bool(_REPLY_DATE.match(s))),
            ("doctor", lambda s: bool(_DOCTOR.match(s))),
        ):
            hits = [i for i in outside if test(stripped[i])]
            if hits:
                self.anchors[key] = hits[0]
            if len(hits) > 1 and key != "doctor":
                self.flag("duplicate_section")
        if "ask" not in self.anchors:
            metas = [i for i in outside if _META.match(stripped[i])]
            if metas:
                self.anchors["ask"] = metas[0]
        first = next((i for i, line in enumerate(stripped) if line), None)
        if first is not None and first not in self.anchors.values():
            line = stripped[first]
            if "share" in self.anchors and first < self.anchors["share"] or " - " in line and len(line) < 300:
                self.anchors["header"] = first

    def similar_end(self) -> int:
        start = self.anchors.get("similar")
        if start is None:
            return -1
        later = [i for key, i in self.anchors.items() if key != "similar" and i > start]
        return min(later, default=len(self.lines))

    def after(self, key: str) -> list[str]:
        """Lines between anchor ``key`` and the next anchor."""
        start = self.anchors[key]
        end = min((i for i in self.anchors.values() if i > start), default=len(self.lines))
        return self.lines[start + 1:end]

    def before(self, key: str) -> list[str]:
        """Lines between the previous anchor and anchor ``key``."""
        end = self.anchors[key]
        start = max((i for i in self.anchors.values() if i < end), default=-1)
        return self.lines[start + 1:end]

    # -- sections -------------------------------------------------------------------------
    def parse(self) -> None:
        self.find_anchors()
        self.parse_header()
        self.parse_question()
        self.parse_asker()
        self.parse_doctor()
        self.parse_answer()
        if "more" in self.anchors:
            self.record.extra_text = _text.strip_block(self.after("more"))
        if "similar" in self.anchors:
            self.record.related = self.parse_similar(self.after("similar"))
        if "faq" in self.anchors:
            self.record.tags = self.parse_faq(self.after("faq"))
        self.check_order()
        self.check_truncated()
        self.check_sex()
        asked, answered = self.record.asked_at, self.record.answered_at
        if asked and answered and answered < asked:
            self.flag("answered_before_asked")

    def parse_header(self) -> None:
        if "header" not in self.anchors:
            self.flag("missing_title")
            self.flag("missing_category")
            return
        line = self.lines[self.anchors["header"]].strip()
        title, sep, category = line.rpartition(" - ")
        if sep and title.strip():
            self.record.title, self.record.category = title.strip(), category.strip() or None
        else:
            self.record.title = line
        if self.record.category is None:
            self.flag("missing_category")

    def parse_question(self) -> None:
        if "ask" in self.anchors:
            region = self.before("ask")
        else:
            start = max((self.anchors[k] for k in ("header", "share") if k in self.anchors), default=-1)
            end = min((i for i in self.anchors.values() if i > start), default=len(self.lines))
            region = self.lines[start + 1:end]
        paragraphs = _paragraphs(region)
        if len(paragraphs) >= 2 and len(paragraphs[0]) == 1:
            self.record.question_title = paragraphs[0][0].strip()
            paragraphs = paragraphs[1:]
        else:
            self.flag("missing_question_title")
        body = _text.strip_block([line for i, p in enumerate(paragraphs) for line in ([""] if i else []) + p])
        self.record.question = body
        if body is None:
            self.flag("missing_question")

    def parse_asker(self) -> None:
        if "ask" not in self.anchors:
            self.flag("missing_asker")
            self.flag("missing_asked_at")
            return
        line = self.lines[self.anchors["ask"]].strip()
        meta, date_text = _split_ask(line)
        name, comma, details = meta.partition(",")
        if comma:
            self.record.asker_name = name.strip() or None
        else:
            details = meta
        self.record.asker_age_band = _text.age_band(details)
        self.record.asker_sex = _text.sex_word(_strip_age(details))
        self.record.asked_at = self.take_date(date_text, "missing_asked_at")

    def take_date(self, text: str, missing_flag: str):
        value, problem = _text.parse_date(text)
        if problem:
            self.flag(problem)
        elif value is None:
            self.flag(missing_flag)
        return value

    def parse_doctor(self) -> None:
        if "doctor" not in self.anchors:
            self.flag("missing_doctor")
            self.flag("missing_specialty")
            return
        m = _DOCTOR.match(self.lines[self.anchors["doctor"]].strip())
        self.record.doctor_name = m["name"].strip()
        self.record.specialty = m["specialty"].strip() or None
        if self.record.specialty is None:
            self.flag("missing_specialty")

    def parse_answer(self) -> None:
        if "doctor" in self.anchors:
            self.record.answer = _text.strip_block(self.after("doctor"))
        if self.record.answer is None:
            self.flag("missing_answer")
        else:
            self.parse_signature(self.record.answer.split("\n"))
        if "reply_date" in self.anchors:
            m = _REPLY_DATE.match(self.lines[self.anchors["reply_date"]].strip())
            self.record.answered_at = self.take_date(m["date"], "missing_answered_at")
        else:
            self.flag("missing_answered_at")

    def parse_signature(self, lines: list[str]) -> None:
        """Affiliation = what follows the doctor's name under the sign-off ('Sincerely, Dr. X')."""
        tail = [line.strip() for line in lines[-8:]]
        sign = max((i for i, line in enumerate(tail) if _SIGN_OFF.match(line)), default=None)
        if sign is None:
            return
        rest = [line for line in tail[sign + 1:] if line]
        if rest and _DR_ALONE.match(rest[0]):
            rest = rest[1:]
        elif rest and rest[0].lower().startswith("dr"):
            rest[0] = re.sub(r"^Dr\.?\s*", "", rest[0], flags=re.I)
        if not rest:
            return
        name, affiliation = rest[0], rest[1:]
        if self.record.doctor_name is None:
            self.record.doctor_name = name
        if affiliation:
            self.record.doctor_affiliation = ", ".join(affiliation)

    def parse_similar(self, lines: list[str]) -> list[dict]:
        blocks, current = [], []
        for line in lines:
            if _READ_MORE.match(line.strip()):
                blocks.append(current)
                current = []
            else:
                current.append(line)
        if any(line.strip() for line in current):
            blocks.append(current)
        related = []
        for block in blocks:
            paragraphs = _paragraphs(block)
            if not paragraphs:
                continue
            item = {"title": None, "question": None, "doctor_name": None, "specialty": None, "answer": None}
            flat = [line.strip() for p in paragraphs for line in p]
            doctor_at = next((i for i, line in enumerate(flat) if _DOCTOR.match(line)), None)
            head = flat if doctor_at is None else flat[:doctor_at]
            if head:
                item["title"] = head[0]
                item["question"] = "\n".join(head[1:]) or None
            if doctor_at is not None:
                m = _DOCTOR.match(flat[doctor_at])
                item["doctor_name"] = m["name"].strip()
                item["specialty"] = m["specialty"].strip() or None
                item["answer"] = "\n".join(flat[doctor_at + 1:]) or None
            related.append(item)
        return related

    def parse_faq(self, lines: list[str]) -> list[str]:
        tags: list[str] = []
        pending: str | None = None
        for line in (line.strip() for line in lines):
            if not line:
                continue
            m = _DEPARTMENT.match(line)
            if m and pending is not None:
                tags.append(f"{pending} ({m['department'].strip()})")
                pending = None
            else:
                if pending is not None:
                    tags.append(pending)
                pending = line
        if pending is not None:
            tags.append(pending)
            self._faq_unfinished = True
        return tags

    # -- checks ---------------------------------------------------------------------------
    def check_order(self) -> None:
        found = sorted(self.anchors, key=self.anchors.get)
        expected = [key for key in _ORDER if key in self.anchors]
        if found != expected:
            self.flag("sections_out_of_order")
        ask, doctor = self.anchors.get("ask"), self.anchors.get("doctor")
        if ask is not None and doctor is not None and doctor < ask:
            self.flag("answer_before_question")

    def check_truncated(self) -> None:
        if "faq" in self.anchors:
            if getattr(self, "_faq_unfinished", False) and self.anchors["faq"] == max(self.anchors.values()):
                self.flag("truncated")
            return
        last = next((line.strip() for line in reversed(self.lines) if line.strip()), "")
        if _READ_MORE.match(last) or _REPLY_DATE.match(last) or _COMPLETE_END.search(last):
            return
        self.flag("truncated")

    def check_sex(self) -> None:
        said = {
            "metadata": self.record.asker_sex,
            "question": _text.self_described_sex(self.record.question),
            "reply": _text.honorific_sex(self.record.answer),
        }
        evidence = {k: v for k, v in said.items() if v}
        if evidence:
            self.record.extra["sex_evidence"] = evidence
        if len(set(evidence.values())) > 1:
            self.flag("asker_sex_conflict")


def _split_ask(line: str) -> tuple[str, str]:
    """('Aze, 40~49 year old female.', '2023/01/03') from the asker line."""
    parts = re.split(r"\bAsk Date\s*:", line, maxsplit=1, flags=re.I)
    return parts[0].strip(), (parts[1].strip() if len(parts) > 1 else "")


def _strip_age(details: str) -> str:
    """The metadata text without its age phrase, so 'm' in '40m' style ages is not a sex word."""
    return re.sub(r"\d{1,3}\s*(?:~|-|–|to)?\s*\d{0,3}\s*[- ]?(?:years?|yrs?|y)?[- ]?(?:old)?", " ", details, flags=re.I)


def _paragraphs(lines: list[str]) -> list[list[str]]:
    """Groups of consecutive non-blank lines (trailing whitespace stripped)."""
    paragraphs, current = [], []
    for line in lines:
        if line.strip():
            current.append(line.rstrip())
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs
