"""Pseudonymise the people in a corpus before anything is published.

Names become stable pseudonyms made with a keyed hash (HMAC-SHA256): the same name and key
always give the same pseudonym, and without the key a pseudonym cannot be turned back into
the name by trying candidates. The key comes from the caller or the ``QATEXT_PSEUDONYM_KEY``
environment variable and is never written to any output.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import warnings
from typing import Iterable

import pandas as pd

KEY_ENV = "QATEXT_PSEUDONYM_KEY"
NAME_COLUMNS = {"asker_name": "asker", "doctor_name": "doctor"}
TEXT_COLUMNS = ("title", "question_title", "question", "answer", "extra_text")

EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"')\]]+", re.IGNORECASE)
# A run of digits with spaces, dots, dashes or brackets; it is a phone number if it holds 7+ digits
# and is not a date.
PHONE = re.compile(r"(?<![\w/.:-])\+?\(?\d[\d\s().-]{5,}\d(?![\w/.:-])")
DATE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")


def resolve_key(key: str | bytes | None = None) -> bytes:
    """The pseudonymisation key: ``key``, else ``$QATEXT_PSEUDONYM_KEY``, else a random one (with a warning)."""
    if key is None:
        key = os.environ.get(KEY_ENV)
    if key is None:
        warnings.warn(f"no pseudonym key given and ${KEY_ENV} is unset: using a random key, so pseudonyms "
                      "will differ from run to run", stacklevel=3)
        return secrets.token_bytes(32)
    return key.encode("utf-8") if isinstance(key, str) else key


def pseudonym(name: str, *, role: str, key: bytes) -> str:
    digest = hmac.new(key, f"{role}\x1f{name.strip().casefold()}".encode("utf-8"), hashlib.sha256).hexdigest()
    return f"{role}-{digest[:10]}"


def mask_contacts(text: str) -> str:
    """Replace e-mail addresses, URLs and phone numbers with ``[email]``, ``[url]``, ``[phone]``."""
    text = EMAIL.sub("[email]", text)
    text = URL.sub("[url]", text)
    return PHONE.sub(_phone_or_number, text)


def _phone_or_number(match: re.Match) -> str:
    found = match.group(0)
    if sum(ch.isdigit() for ch in found) < 7 or DATE.fullmatch(found.strip()):
        return found
    return "[phone]"


def pseudonymize(df: pd.DataFrame, *, key: str | bytes | None = None, text_columns: Iterable[str] = TEXT_COLUMNS) -> pd.DataFrame:
    """A copy of ``df`` with asker and doctor names replaced by pseudonyms everywhere.

    Names are replaced in their columns, inside the record's free text (greetings and
    signatures name people), and in the doctors of ``related`` snippets; e-mail addresses,
    phone numbers and URLs in free text are masked.
    """
    secret = resolve_key(key)
    out = df.copy()
    text_columns = [c for c in text_columns if c in out.columns]
    for index, row in out.iterrows():
        replacements: dict[str, str] = {}
        for column, role in NAME_COLUMNS.items():
            name = row.get(column) if column in out.columns else None
            if isinstance(name, str) and name.strip():
                alias = pseudonym(name, role=role, key=secret)
                replacements[name.strip()] = alias
                for part in name.split():
                    if len(part) >= 3 and part[0].isupper():
                        replacements.setdefault(part, alias)
                out.at[index, column] = alias
        pattern = _names_pattern(replacements)
        for column in text_columns:
            value = row[column]
            if isinstance(value, str):
                if pattern is not None:
                    value = pattern.sub(lambda m: replacements[m.group(0)], value)
                out.at[index, column] = mask_contacts(value)
        if "related" in out.columns and isinstance(row["related"], list):
            out.at[index, "related"] = [_pseudonymize_snippet(s, secret) for s in row["related"]]
    return out


def _names_pattern(replacements: dict[str, str]) -> re.Pattern | None:
    if not replacements:
        return None
    alternatives = sorted(replacements, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in alternatives) + r")(?!\w)")


def _pseudonymize_snippet(snippet, secret: bytes):
    if not isinstance(snippet, dict):
        return snippet
    snippet = dict(snippet)
    name = snippet.get("doctor_name")
    if isinstance(name, str) and name.strip():
        alias = pseudonym(name, role="doctor", key=secret)
        snippet["doctor_name"] = alias
        pattern = _names_pattern({name.strip(): alias})
        for field in ("question", "answer", "title"):
            if isinstance(snippet.get(field), str):
                snippet[field] = mask_contacts(pattern.sub(alias, snippet[field]))
    return snippet
