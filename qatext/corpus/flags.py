"""Every data-quality flag a reader can put in a record's ``flags`` list, with its meaning.

Readers only emit names listed here (a test checks this), so this dict is the one place an
analyst needs to look up what a flag means.
"""
from __future__ import annotations

FLAGS: dict[str, str] = {
    # whole file / encoding
    "invalid_utf8": "the file was not valid UTF-8; undecodable bytes were replaced with U+FFFD",
    "empty_page": "the page has no text at all",
    # page layout: sections that are absent
    "missing_title": "no page title line ('<title> - <section>') was found",
    "missing_category": "the title line names no site section",
    "missing_question_title": "the asker's headline above the question was not found",
    "missing_question": "no question body was found",
    "missing_asker": "the asker line ('<name>, <age> year old <sex>. Ask Date: ...') was not found",
    "missing_asked_at": "no ask date was found",
    "missing_doctor": "no 'Dr. <name> reply <specialty>' line was found",
    "missing_specialty": "the doctor line names no specialty",
    "missing_answer": "no reply text was found",
    "missing_answered_at": "no reply date was found",
    # page layout: sections that are damaged or in odd places
    "truncated": "the page stops in the middle (no closing 'Related FAQ' section and the last line is cut off), "
                 "or a JSON list file ends, unclosed, right after this record",
    "answer_before_question": "the reply comes before the question on the page",
    "sections_out_of_order": "page sections are not in the site's usual order",
    "duplicate_section": "a section heading occurs more than once; the first occurrence was used",
    "invalid_date": "a date was written but is impossible or unreadable (e.g. 2023/02/30); the field is None",
    "ambiguous_date": "a date such as 03/01/2023 could be day- or month-first; the field is None",
    "answered_before_asked": "the reply date is earlier than the ask date",
    # content
    "asker_sex_conflict": "the metadata sex disagrees with the asker's self-description or the reply's honorific",
    # other corpora
    "answer_removed_upstream": "the corpus publishers removed the answer (MedQuAD MedlinePlus collections)",
    "missing_doctor_turn": "a dialogue has no doctor turn",
    "doctor_spoke_first": "a dialogue starts with the doctor, so the question is the first patient turn after it",
    "duplicate_source_id": "the source reuses this record's upstream id for a different record",
    "duplicate_content": "another record of this corpus has exactly the same content",
    # cleaning applied to every record of every format (qatext.corpus.clean)
    "html_stripped": "HTML markup was removed: tags dropped, <br>/<p> turned into newlines, entities unescaped",
    "control_chars_removed": "control characters (NUL, escape codes, lone surrogates ...) were removed from the text",
    "mojibake_repaired": "UTF-8 text that had been read as Latin-1 upstream ('â\\x80¦') was decoded again ('…')",
    "empty_text": "the record has neither question nor answer text (empty or whitespace only): nothing to annotate",
    "oversized_text": "a text field is 1 MB or more (kept whole; spaCy's default max_length is 1,000,000 characters); "
                      "field names in extra['oversized_fields']",
    "non_english": "the question or answer is not in English (script or function-word test); reason in "
                   "extra['non_english']",
    "implausible_date": "a date is before 1990 or in the future",
    "duplicate_record": "an earlier record has the same question and answer text (whitespace aside); its id is "
                        "in extra['duplicate_of']",
    "trailing_junk": "stray text followed this record in a JSON list file; kept in extra['trailing_junk']",
    # tabular inputs (JSONL, CSV, Parquet)
    "missing_record_id": "the row had no record_id; one was made from the file name and line",
    "invalid_field": "a field held a value of the wrong type or unreadable JSON; it was emptied and the raw value "
                     "kept in extra['invalid_fields']",
}


def describe_flags() -> str:
    """The flags as text, one per line (for ``qatext validate`` and the docs)."""
    return "\n".join(f"{name:24} {meaning}" for name, meaning in FLAGS.items())
