"""The one cleaning step every reader's records go through (see :func:`clean_record`).

Readers turn a file into records; :func:`qatext.corpus.iter_corpus` then passes every record,
whatever its format, through :func:`clean_record`, so HTML, control characters, empty and
oversized text, non-English text and odd dates are handled the same way for all sources.
Cleaning never drops a record and never raises on content: it repairs what it safely can and
says what it did in the record's ``flags`` (meanings in :data:`qatext.corpus.flags.FLAGS`).

Duplicates need the whole read, so they are handled by :class:`DuplicateTracker` (streaming,
used by ``iter_corpus``) and by :func:`flag_duplicates` / :func:`deduplicate` on a frame.
"""
from __future__ import annotations

import hashlib
import html
import re
from datetime import date
from typing import Any, MutableMapping

import pandas as pd

# spaCy refuses texts longer than ``nlp.max_length`` (1,000,000 characters by default); any
# text that large is flagged, and its UTF-8 size is what people mean by "1 MB", so measure that
# (it is never smaller than the character count, so every text spaCy would refuse is flagged).
OVERSIZED_BYTES = 1_000_000
TEXT_FIELDS = ("title", "question_title", "question", "answer", "extra_text")
# Dates outside this window are written but cannot be true for an online Q&A page.
EARLIEST_PLAUSIBLE = date(1990, 1, 1)

# -- HTML -------------------------------------------------------------------------------------

# Only real HTML element names count as markup, so '<5 mg', 'a<b>c' maths and the corpus's own
# placeholders ('<positive_smiley>') are left alone. '<link>' without attributes is the
# ask-a-doctor corpus's placeholder for a removed URL, not markup: it is kept verbatim.
_HTML_NAMES = (
    "a|abbr|address|article|aside|b|big|blockquote|body|br|button|caption|center|cite|code|col|colgroup|dd|del|"
    "details|dfn|div|dl|dt|em|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|"
    "ins|kbd|label|legend|li|link|main|mark|meta|nav|noscript|object|ol|optgroup|option|p|pre|q|s|samp|script|"
    "section|select|small|span|strike|strong|style|sub|summary|sup|table|tbody|td|textarea|tfoot|th|thead|"
    "title|tr|tt|u|ul|var|wbr"
)
_PLACEHOLDER = re.compile(r"<link>", re.I)
# Attributes must look like name="value" (bare words would make 'if a<b and b>c' a tag).
_ATTRS = r"""(?:\s+[\w:-]+\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>]+))*\s*/?"""
_TAG = re.compile(rf"</?(?:{_HTML_NAMES}){_ATTRS}>", re.I)
_BREAK_TAG = re.compile(rf"<(?:br|/?p|/?div|/?li|/?tr|/?h[1-6]|/?blockquote|/?pre|/?ul|/?ol|/?table|hr){_ATTRS}>",
                        re.I)
_HIDDEN = re.compile(r"<(script|style|head)\b[^<>]*>.*?</\1\s*>", re.I | re.S)
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BLANK_RUN = re.compile(r"\n[ \t]*(?:\n[ \t]*){2,}")
_PLACEHOLDER_MARK = "\x00qatext-link\x00"


def strip_html(text: str) -> tuple[str, bool]:
    """``text`` without HTML: tags removed, ``<br>``/``<p>``/block tags turned into newlines,
    script/style/comments dropped, entities (``&amp;``, ``&#39;``) unescaped. Returns the text
    and whether anything was changed. Text without markup comes back unchanged."""
    if "<" not in text and "&" not in text:
        return text, False
    original = text
    text = _PLACEHOLDER.sub(_PLACEHOLDER_MARK, text)
    if "<" in text:
        text = _COMMENT.sub("", _HIDDEN.sub("", text))
        text = _BREAK_TAG.sub("\n", text)
        text = _TAG.sub("", text)
    if _ENTITY.search(text):
        text = html.unescape(text)
    text = text.replace(_PLACEHOLDER_MARK, "<link>")
    if text == original:
        return original, False
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = _BLANK_RUN.sub("\n\n", text).strip("\n")
    return text, True


# -- control characters -----------------------------------------------------------------------

# C0 controls other than tab/newline, DEL, and U+FFFE/U+FFFF non-characters: they break
# downstream tools (CSV writers, terminals) and never carry meaning in Q&A text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# Lone surrogates cannot be written as UTF-8 at all (a JSON "\ud800" escape produces one).
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# UTF-8 read as Latin-1 upstream ('hoursâ\x80¦' for 'hours…'): C1 controls (U+0080-U+009F)
# inside such a run are the tell, since they never occur in real text.
_MOJIBAKE = re.compile(r"[\xc2-\xf4][\x80-\xbf]{1,3}")
_C1 = re.compile(r"[\x80-\x9f]")


def strip_controls(text: str) -> tuple[str, bool]:
    """``text`` without control characters and lone surrogates (replaced by U+FFFD), and whether
    any were found. Carriage returns become newlines."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = _CONTROL.sub("", text)
    cleaned = _SURROGATE.sub("\ufffd", cleaned)
    return cleaned, cleaned != text


def repair_mojibake(text: str) -> tuple[str, bool]:
    """``text`` with UTF-8-read-as-Latin-1 runs decoded again ('â\x80¦' -> '…'); leftover C1
    controls are removed. Returns the text and whether anything changed."""
    if not _C1.search(text):
        return text, False

    def fix(match: re.Match) -> str:
        run = match.group()
        if not _C1.search(run):
            return run
        try:
            return run.encode("latin-1").decode("utf-8")
        except UnicodeError:
            return run

    repaired = _C1.sub("", _MOJIBAKE.sub(fix, text))
    return repaired, repaired != text


# -- language ---------------------------------------------------------------------------------

_SCRIPTS = (
    ("Han/Kana/Hangul", r"\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"),
    ("Cyrillic", r"\u0400-\u052f"),
    ("Greek", r"\u0370-\u03ff"),
    ("Arabic", r"\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff"),
    ("Hebrew", r"\u0590-\u05ff"),
    ("Indic", r"\u0900-\u0dff"),
    ("Thai/Lao", r"\u0e00-\u0eff"),
    ("Armenian/Georgian", r"\u0530-\u058f\u10a0-\u10ff"),
)
_SCRIPT_RES = [(name, re.compile(f"[{chars}]")) for name, chars in _SCRIPTS]
_LETTER = re.compile(r"[^\W\d_]")
# An ideograph carries about a word, a Latin letter a fifth of one: weigh them alike.
_IDEOGRAPH_WEIGHT = 4
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
_WORD = re.compile(r"[a-zà-öø-ÿāăąćčďđēėęěğīįıķłńňōőœřśşšţťūůűųźżž']+")
_ACCENTED = re.compile(r"[à-öø-ÿāăąćčďđēėęěğīįıķłńňōőœřśşšţťūůűųźżžạ-ỹ]")
_ENGLISH = frozenset("""
a about after again all also am an and any are as at be because been before being but by can could did do
does doing don't dr during each for from had has have having he her here him his how i i'm if in into is
it it's its just me more my no not now of on once only or other our out over please should so some such
than thank thanks that the their them then there these they this those through to too under until up very
was we were what when where which while who why will with would you your im dont ive hi hello sir doctor
""".split())
# Function words of other languages written in Latin script. Words that are also English words
# or common medical abbreviations (a, in, die, son, per, non, con, la, le, de, el, il, di, et, al,
# es, da, so, me, no, po, med, ...) are left out, so English text does not score here.
_FOREIGN = frozenset("""
que los las una por para pero como muy del esta este está estoy tengo ella nos sus hay también sobre
les une dans pour pas avec qui sur mais très je suis vous nous ils elle au aux du cette
der und das ist ich nicht mit ein eine sie auf dem sich auch wie bei oder sind wird habe
che della sono gli anche questo molto nel alla
não uma com está muito mas isso ele eu você tenho
het een ik niet zijn maar voor ook bij
och att jag det inte som för har
yang ini itu saya dengan tidak untuk dari akan bisa
ang ng mga ako ay siya
ve bir bu ile için çok ama
ons nie ek jy teruggekom gelede
qué mucho tiene puedo debo hace hacer después
của và là có không tôi được những cho
""".split())
# Short words shared with English or medical abbreviations ('de Quervain', 'IL-6', 'et al.'):
# half weight, and only ever as support for the words above.
_AMBIGUOUS = frozenset("de la le el en es il di et al da un y o e se lo mi te ha son per con non".split())

_ASCII_WORD_TABLE = bytes(b if chr(b) in "abcdefghijklmnopqrstuvwxyz'" else 32 for b in range(256))
_ENGLISH_ASCII, _FOREIGN_ASCII, _AMBIGUOUS_ASCII = (frozenset(w.encode() for w in words if w.isascii())
                                                    for words in (_ENGLISH, _FOREIGN, _AMBIGUOUS))


def detect_non_english(text: str | None, *, sample_chars: int = 4000) -> str | None:
    """Why ``text`` does not look English, or None when it does or cannot be told.

    Cheap and offline: first the share of letters in non-Latin scripts (CJK, Cyrillic, Arabic,
    ...); for Latin-script text, English function words against those of a dozen other
    languages plus the share of accented letters. Text too short to judge is English by
    default, so short or misspelled English questions are never flagged.
    """
    if not text:
        return None
    sample = text[:sample_chars]
    ascii_only = sample.isascii()
    # For ASCII the letters are exactly [A-Za-z]: counted in C instead of a list of matches.
    letters = (len(sample) - len(sample.encode("ascii").translate(None, _ASCII_LETTERS))) if ascii_only \
        else len(_LETTER.findall(sample))
    if letters < 3:
        return None
    other = 0  # letters in non-Latin scripts: none in ASCII text
    if not ascii_only:
        counts = {name: len(pattern.findall(sample)) for name, pattern in _SCRIPT_RES}
        weighted = {name: n * (_IDEOGRAPH_WEIGHT if name == "Han/Kana/Hangul" else 1) for name, n in counts.items()}
        other = sum(counts.values())
        total = letters - other + sum(weighted.values())
        script, top = max(weighted.items(), key=lambda kv: kv[1])
        if top and sum(weighted.values()) > 0.5 * total:
            return f"{script} script ({other} of {letters} letters)"
    latin_weighted = letters - other
    if ascii_only:
        # The same words as _WORD finds (runs of [a-z']), split in C: most text is ASCII.
        words = sample.lower().encode("ascii").translate(_ASCII_WORD_TABLE).split()
        english_words, foreign_words, ambiguous_words = _ENGLISH_ASCII, _FOREIGN_ASCII, _AMBIGUOUS_ASCII
    else:
        words = _WORD.findall(sample.lower())
        english_words, foreign_words, ambiguous_words = _ENGLISH, _FOREIGN, _AMBIGUOUS
    if len(words) < 4:
        return None
    english = sum(map(english_words.__contains__, words))
    if english / len(words) >= 0.2:
        return None  # English enough: the verdict below needs share_en < 0.2
    strict = sum(map(foreign_words.__contains__, words))
    foreign = strict + 0.5 * sum(map(ambiguous_words.__contains__, words))
    accented = 0 if ascii_only else len(_ACCENTED.findall(sample.lower()))
    share_en, share_foreign = english / len(words), foreign / len(words)
    many_accents = accented > 0.08 * max(latin_weighted, 1) and share_en < 0.1
    if share_en < 0.2 and (strict and foreign >= 2 and share_foreign >= 0.12 and foreign >= 2 * english or many_accents):
        return (f"Latin script with {english} English function words of {len(words)} words "
                f"({foreign:g} of other languages, {accented} accented letters)")
    return None


# -- whitespace and identity ------------------------------------------------------------------

def normalise_space(text: Any) -> str:
    """Text with every whitespace run as one space (the comparison used for duplicates)."""
    if not isinstance(text, str):
        return ""
    return " ".join(text.split())


def content_key(question: Any, answer: Any) -> str | None:
    """Hash of the whitespace-normalised question and answer, or None when both are empty."""
    q, a = normalise_space(question), normalise_space(answer)
    if not q and not a:
        return None
    return hashlib.sha1(f"{q}\x1f{a}".encode("utf-8", errors="replace")).hexdigest()


# -- one record -------------------------------------------------------------------------------

def clean_record(values: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """Clean one record in place and return it; ``values`` is a schema row (a dict, or
    ``vars(record)`` of a :class:`~qatext.schema.Record`).

    Text fields: control characters removed (``control_chars_removed``), UTF-8 read as
    Latin-1 decoded again (``mojibake_repaired``), HTML stripped
    (``html_stripped``), whitespace-only text set to None. Then the record is flagged
    ``empty_text`` when it has neither question nor answer, ``oversized_text`` when a text is
    1 MB or more (field names in ``extra["oversized_fields"]``), ``non_english`` (``extra["non_english"]`` maps
    "question"/"answer" to the reason), and ``implausible_date`` for dates before 1990 or in the future.
    Running it twice gives the same record.
    """
    flags = values.get("flags")
    if not isinstance(flags, list):
        flags = [] if flags is None else [flags] if not isinstance(flags, (tuple, set)) else list(flags)
    values["flags"] = flags
    extra = values.get("extra")
    if not isinstance(extra, dict):
        extra = {} if extra is None else {"extra": extra}
        values["extra"] = extra

    def flag(name: str) -> None:
        if name not in flags:
            flags.append(name)

    for name in TEXT_FIELDS:
        text = values.get(name)
        if not isinstance(text, str):
            continue
        text, changed = strip_controls(text)
        if changed:
            flag("control_chars_removed")
        text, changed = repair_mojibake(text)
        if changed:
            flag("mojibake_repaired")
        text, changed = strip_html(text)
        if changed:
            flag("html_stripped")
        values[name] = text if text.strip() else None
    scrubbed = [values.get(name) for name in _SCRUBBED_FIELDS]
    # one C-level look at them all first: almost every record has nothing to scrub (a subclass
    # may hide its content from repr(), so then each field is walked)
    plain = all(type(value) in _PLAIN_TYPES for value in scrubbed)
    for name, value in zip(_SCRUBBED_FIELDS, () if plain and _nothing_unwritable(scrubbed) else scrubbed):
        value, changed = _scrub(value)
        if changed:
            if name == "flags":
                flags[:] = value  # flag() appends to this very list
            else:
                values[name] = value
            flag("control_chars_removed")
    extra = values["extra"] if isinstance(values.get("extra"), dict) else extra
    oversized = [name for name in TEXT_FIELDS
                 if isinstance(values.get(name), str) and _utf8_size(values[name]) >= OVERSIZED_BYTES]
    if oversized:
        flag("oversized_text")
        extra["oversized_fields"] = oversized
    if not values.get("question") and not values.get("answer"):
        flag("empty_text")
    reasons = {side: reason for side, reason in _language_reasons(values) if reason}
    if reasons:
        flag("non_english")
        extra["non_english"] = reasons
    for name in ("asked_at", "answered_at"):
        value = values.get(name)
        if isinstance(value, date) and not (EARLIEST_PLAUSIBLE <= _as_date(value) <= date.today()):
            flag("implausible_date")
    return values


_UNWRITABLE = re.compile(r"[\x00\ud800-\udfff]")
_PLAIN_TYPES = (str, dict, list, tuple, int, float, bool, type(None))
# The schema fields besides the texts that can hold a string anywhere inside them.
_SCRUBBED_FIELDS = ("record_id", "source", "url", "category", "asker_name", "asker_age_band", "asker_sex",
                    "doctor_name", "specialty", "doctor_affiliation", "tags", "related", "flags", "extra")


def _scrub(value: Any, depth: int = 0) -> tuple[Any, bool]:
    """``value`` with NULs dropped and lone surrogates replaced in every string it holds (dict
    keys included): either would make the record impossible to write as UTF-8/Parquet."""
    if isinstance(value, str):
        if not _UNWRITABLE.search(value):
            return value, False
        return _SURROGATE.sub("\ufffd", value.replace("\x00", "")), True
    if depth > 50:
        return value, False
    if depth == 0 and isinstance(value, (dict, list, tuple)) and _nothing_unwritable(value):
        return value, False
    if isinstance(value, dict):
        items = [(_scrub(k, depth + 1), _scrub(v, depth + 1)) for k, v in value.items()]
        if not any(kc or vc for (_, kc), (_, vc) in items):
            return value, False
        return {k: v for (k, _), (v, _) in items}, True
    if isinstance(value, (list, tuple)):
        items = [_scrub(v, depth + 1) for v in value]
        if not any(changed for _, changed in items):
            return value, False
        return [v for v, _ in items], True
    return value, False


# repr() escapes every non-printable character, NUL as \x00 and a lone surrogate as \udXXX, in
# the strings of a container at any depth (keys included). No such escape in the repr means no
# such character anywhere, which one C-level repr tells far faster than walking the container.
_UNWRITABLE_ESCAPE = re.compile(r"\\x00|\\ud[89a-f]")


def _nothing_unwritable(value: dict | list | tuple) -> bool:
    if type(value) not in (dict, list, tuple):
        return False  # a subclass may hide its content from repr(): walk it
    try:
        return not _UNWRITABLE_ESCAPE.search(repr(value))
    except (RecursionError, ValueError):
        return False


def _utf8_size(text: str) -> int:
    if len(text) * 4 < OVERSIZED_BYTES:  # cannot reach the limit: skip the encode
        return len(text)
    return len(text.encode("utf-8", errors="replace"))


def _as_date(value: date) -> date:
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def _language_reasons(values: MutableMapping[str, Any]):
    """(side, reason) for the asker's text (headline + question, else the page title) and the reply:
    either side in another language makes the record non-English for an English pipeline."""
    asker = "\n".join(t for t in (values.get("question_title"), values.get("question")) if isinstance(t, str))
    if not asker and isinstance(values.get("title"), str):
        asker = values["title"]
    yield "question", detect_non_english(asker)
    answer = values.get("answer")
    yield "answer", detect_non_english(answer if isinstance(answer, str) else None)


# -- duplicates -------------------------------------------------------------------------------

class DuplicateTracker:
    """Flags records whose question and answer repeat an earlier record's (whitespace aside).

    The first occurrence stays unflagged; later ones get ``duplicate_record`` and
    ``extra["duplicate_of"]`` = the first one's ``record_id``. Keeps one hash per record.
    """

    def __init__(self) -> None:
        self.first: dict[str, str] = {}

    def check(self, values: MutableMapping[str, Any]) -> bool:
        key = content_key(values.get("question"), values.get("answer"))
        if key is None:
            return False
        first = self.first.get(key)
        if first is None:
            self.first[key] = values.get("record_id")
            return False
        if "duplicate_record" not in values["flags"]:
            values["flags"].append("duplicate_record")
        values["extra"].setdefault("duplicate_of", first)
        return True


def flag_duplicates(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` with later repeats of the same question+answer flagged ``duplicate_record``."""
    out = df.copy()
    keys = [content_key(q, a) for q, a in zip(out["question"], out["answer"])]
    first: dict[str, str] = {}
    flags, extras = [], []
    for key, record_id, row_flags, extra in zip(keys, out["record_id"], out["flags"], out["extra"]):
        row_flags, extra = list(row_flags), dict(extra)
        if key is not None and key not in first:
            first[key] = record_id
        elif key is not None:
            if "duplicate_record" not in row_flags:
                row_flags.append("duplicate_record")
            extra.setdefault("duplicate_of", first[key])
        flags.append(row_flags)
        extras.append(extra)
    out["flags"] = pd.Series(flags, index=out.index, dtype=object)
    out["extra"] = pd.Series(extras, index=out.index, dtype=object)
    return out


def deduplicate(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with one row per distinct question+answer (the first; whitespace differences
    ignored). The rows dropped are listed in ``attrs["dropped_duplicates"]`` as
    ``{"record_id", "duplicate_of"}``, so nothing disappears without a trace."""
    flagged = flag_duplicates(df)
    is_dup = flagged["flags"].map(lambda flags: "duplicate_record" in flags)
    dropped = [{"record_id": rid, "duplicate_of": extra.get("duplicate_of")}
               for rid, extra in zip(flagged.loc[is_dup, "record_id"], flagged.loc[is_dup, "extra"])]
    kept = flagged.loc[~is_dup].reset_index(drop=True)
    kept.attrs = {**df.attrs, "dropped_duplicates": [*df.attrs.get("dropped_duplicates", []), *dropped]}
    return kept
