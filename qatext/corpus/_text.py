"""Text helpers shared by the readers: decoding, whitespace, dates, ages, sex words."""
from __future__ import annotations

import re
from datetime import date

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


def decode(data: bytes) -> tuple[str, bool]:
    """UTF-8 text of ``data`` (BOM dropped, newlines normalised) and whether bytes had to be replaced."""
    try:
        text, bad = data.decode("utf-8"), False
    except UnicodeDecodeError:
        text, bad = data.decode("utf-8", errors="replace"), True
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text, bad


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def read_checked(path, log) -> bytes | None:
    """The bytes of a text file, or None after telling ``log`` why it cannot be read as text."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        log.add(path, f"cannot read file: {exc.strerror or exc}")
        return None
    reason = binary_reason(data)
    if reason:
        log.add(path, reason)
        return None
    return data


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` looks like a binary file rather than text, or None if it looks like text."""
    head = data[:8192]
    # A stray NUL in scraped text is cleaned away later; many of them mean binary (or UTF-16).
    nuls = head.count(b"\x00")
    if nuls > max(2, len(head) // 100):
        return f"binary content ({nuls} NUL bytes in the first {len(head)}), not a text file"
    if not head:
        return None
    text = head.decode("utf-8", errors="replace")
    junk = text.count("\ufffd") + len(_CONTROL.findall(text))
    if junk > 0.1 * len(text):
        return f"binary content ({junk} of {len(text)} leading characters undecodable), not a text file"
    return None


def squash(text: str | None) -> str | None:
    """Collapse every run of whitespace (incl. \\r\\n\\t and NBSP) to one space; '' -> None."""
    if text is None:
        return None
    text = " ".join(text.split())
    return text or None


def strip_block(lines: list[str]) -> str | None:
    """Join lines with newlines, trailing whitespace stripped, blank edge lines dropped; '' -> None."""
    lines = [line.rstrip() for line in lines]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    if not lines:
        return None
    lines[0] = lines[0].lstrip()
    return "\n".join(lines)


_YMD = re.compile(r"(\d{4})\s*[/\-.年]\s*(\d{1,2})\s*[/\-.月]\s*(\d{1,2})")
_DMY = re.compile(r"(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})")
_NAMED = re.compile(r"(?:(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4}))|(?:([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4}))")


def parse_date(text: str | None) -> tuple[date | None, str | None]:
    """Parse a site date. Returns ``(date, None)``, or ``(None, flag)`` with flag
    ``invalid_date`` (impossible date) or ``ambiguous_date`` (03/01/2023), or ``(None, None)``
    when there is no date at all.

    Accepted: ``2023/01/03``, ``2023-01-03``, ``2023.1.3``, ``13/01/2023`` (day-first when the
    day is > 12), ``01/13/2023`` (month-first when the second number is > 12), ``3 Jan 2023``,
    ``January 3, 2023``.
    """
    if not text:
        return None, None
    m = _YMD.search(text)
    if m:
        return _make(int(m[1]), int(m[2]), int(m[3]))
    m = _DMY.search(text)
    if m:
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        if a > 12 and b <= 12:
            return _make(year, b, a)
        if b > 12 and a <= 12:
            return _make(year, a, b)
        if a == b:
            return _make(year, a, b)
        if a > 12 and b > 12:
            return None, "invalid_date"
        return None, "ambiguous_date"
    m = _NAMED.search(text)
    if m:
        day, month, year = (m[1], m[2], m[3]) if m[1] else (m[5], m[4], m[6])
        number = _MONTHS.get(month[:3].lower())
        if number is not None:
            return _make(int(year), number, int(day))
    return None, None


def _make(year: int, month: int, day: int) -> tuple[date | None, str | None]:
    try:
        return date(year, month, day), None
    except ValueError:
        return None, "invalid_date"


_AGE_RANGE = re.compile(r"\b(\d{1,3})\s*(?:~|-|–|to)\s*(\d{1,3})\s*[- ]?(?:years?|yrs?|y)\b", re.I)
_AGE_SINGLE = re.compile(r"\b(\d{1,3})\s*[- ]?(?:years?|yrs?|yo|y/o|y\.o\.)(?:[- ]?old)?", re.I)


def age_band(text: str | None) -> str | None:
    """Decade band from '40~49 year old' (-> '40-49') or '40-year-old' (-> '40-49'); None if absent."""
    if not text:
        return None
    m = _AGE_RANGE.search(text)
    if m:
        low, high = int(m[1]), int(m[2])
        if low <= high <= 130:
            return f"{low}-{high}"
        return None
    m = _AGE_SINGLE.search(text)
    if m and int(m[1]) <= 130:
        low = int(m[1]) // 10 * 10
        return f"{low}-{low + 9}"
    return None


_SEX_WORDS = {
    "female": "female", "woman": "female", "f": "female", "girl": "female", "lady": "female",
    "male": "male", "man": "male", "m": "male", "boy": "male", "guy": "male", "gentleman": "male",
}
_SEX_META = re.compile(r"\b(female|male|woman|man|f|m)\b", re.I)


def sex_word(text: str | None) -> str | None:
    """'female'/'male' from a metadata phrase such as '40~49 year old female' or 'F'; else None."""
    if not text:
        return None
    found = {_SEX_WORDS[w.lower()] for w in _SEX_META.findall(text)}
    return found.pop() if len(found) == 1 else None


_SELF = re.compile(
    r"\bI\s*(?:am|'m|’m)\s+(?:an?\s+)?"
    r"(?:\d{1,3}\s*[- ]?(?:years?|yrs?|yo|y/o|y\.o\.)(?:[- ]?old)?[\s,]*)?"
    r"(female|male|woman|man|girl|boy|lady|guy|gentleman)\b",
    re.I,
)
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss|Madam|Sir)\b\.?")
_HONORIFIC_SEX = {"mr": "male", "sir": "male", "mrs": "female", "ms": "female", "miss": "female", "madam": "female"}


def self_described_sex(question: str | None) -> str | None:
    """Sex the asker states about themselves ('I am a 40-year-old male', "I'm a 23 yo woman").

    Only first-person statements count, so 'my husband and I' or 'my son is a 5-year-old boy'
    say nothing about the asker. Contradictory statements give None.
    """
    if not question:
        return None
    found = {_SEX_WORDS[w.lower()] for w in _SELF.findall(question)}
    return found.pop() if len(found) == 1 else None


def honorific_sex(answer: str | None) -> str | None:
    """Sex implied by the reply's greeting ('Dear Mr.' -> male); only the first two lines count."""
    if not answer:
        return None
    greeting = " ".join(answer.strip().split("\n")[:2])[:120]
    m = _HONORIFIC.search(greeting)
    return _HONORIFIC_SEX[m[1].lower()] if m else None
