"""Reader for MedQuAD's XML tree: one record per ``<QAPair>``.

Any document with a DTD is parsed with :mod:`defusedxml`, so documents declaring entities
(billion laughs) or external references are refused with an error naming the file.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator
from xml.etree import ElementTree
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring

from qatext.corpus import _text
from qatext.corpus.errors import ErrorLog
from qatext.schema import Record, make_record_id

SOURCE = "medquad"
# Collections whose answers the MedQuAD authors removed for MedlinePlus copyright.
REMOVED_UPSTREAM = {"ADAM", "MPlusDrugs", "MPlusHerbsSupplements"}


def iter_medquad_file(path: Path, *, log: ErrorLog, relpath: str, seen: dict) -> Iterator[Record]:
    """Records of one MedQuAD XML document; problems go to ``log``.

    ``relpath`` (path relative to the corpus root) names the collection and goes into
    ``extra``; ``seen`` counts ids across the whole read so reused upstream ids stay unique.
    """
    data = _text.read_checked(path, log)
    if data is None:
        return
    try:
        doc = _parse(data)
    except DefusedXmlException as exc:
        log.add(path, _unsafe_reason(exc))
        return
    except ParseError as exc:
        log.add(path, f"malformed XML: {exc}")
        return
    root_tag = doc.tag
    _canonicalise(doc)
    if doc.tag != "Document":
        log.add(path, f"not a MedQuAD document (root element <{doc.tag}>, expected <Document>)")
        return
    for record in _records(doc, path=path, relpath=relpath, seen=seen, log=log):
        record.extra["xml_root"] = root_tag
        yield record


# Byte order marks of the encodings in which b"<!DOCTYPE" would not show as those bytes.
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


def _parse(data: bytes) -> Element:
    """The document's root element. Entity tricks need a DTD, and a document without one
    cannot expand or fetch anything: those (every MedQuAD file) go through the C parser,
    which reads them four times faster than defusedxml's pure-Python one. A document with a
    DTD, or in an encoding where its bytes would not show it, goes through defusedxml."""
    ascii_compatible = b"\x00" not in data[:4] and not data.startswith(_WIDE_BOMS)
    if ascii_compatible and b"<!DOCTYPE" not in data and b"<!ENTITY" not in data:
        return ElementTree.fromstring(data)
    return defused_fromstring(data)


def _records(doc: Element, *, path: Path, relpath: str, seen: dict, log: ErrorLog) -> Iterator[Record]:
    agency = doc.get("source")
    collection = relpath.rsplit("/", 1)[0] if "/" in relpath else ""
    document = {
        "doc_id": doc.get("id"),
        "focus": _text.squash(doc.findtext("Focus")),
        "cuis": [c.text.strip() for c in doc.iter("CUI") if c.text and c.text.strip()],
        "semantic_types": [t.text.strip() for t in doc.iter("SemanticType") if t.text and t.text.strip()],
        "semantic_group": _text.squash(next((g.text for g in doc.iter("SemanticGroup")), None)),
        "focus_category": _text.squash(next((c.text for c in doc.iter("Category")), None)),
        "synonyms": [s.text.strip() for s in doc.iter("Synonym") if s.text and s.text.strip()],
        "collection": collection,
        "file": relpath,
    }
    # Some upstream documents have an empty <QAPairs/>: they hold no record, so nothing to report.
    pairs = doc.findall("./QAPairs/QAPair") or list(doc.iter("QAPair"))
    if not pairs and any(True for _ in doc.iter("Question")):
        log.add(path, "questions found outside any <QAPair> element; the document's layout is not MedQuAD's")
    for index, pair in enumerate(pairs):
        question = pair.find("Question")
        qid = question.get("qid") if question is not None else None
        key = qid or f"{document['doc_id']}-{pair.get('pid') or index}"
        record = Record(
            record_id="",
            source=SOURCE,
            url=doc.get("url"),
            category=agency,
            question=_block(question.text if question is not None else None),
            answer=_block(pair.findtext("Answer")),
            extra={**document, "qid": qid, "pid": pair.get("pid"),
                   "qtype": question.get("qtype") if question is not None else None},
        )
        occurrence = seen.get((collection, key), 0)
        seen[(collection, key)] = occurrence + 1
        parts = (collection, key) if occurrence == 0 else (collection, key, occurrence)
        record.record_id = make_record_id(SOURCE, *parts)
        if occurrence:
            record.flags.append("duplicate_source_id")
        if record.question is None:
            record.flags.append("missing_question")
        if record.answer is None:
            record.flags.append("answer_removed_upstream" if agency in REMOVED_UPSTREAM else "missing_answer")
        yield record


# A few upstream files use an older vocabulary (<doc docid corpus>, <pair>, lower-case tags,
# <DiseaseFile fid>); map it onto the usual one so one code path reads all.
_TAGS = {t.lower(): t for t in ("Document", "Focus", "FocusAnnotations", "Category", "UMLS", "CUIs", "CUI",
                                "SemanticTypes", "SemanticType", "SemanticGroup", "Synonyms", "Synonym",
                                "QAPairs", "QAPair", "Question", "Answer")}
_TAGS.update({"doc": "Document", "diseasefile": "Document", "doctitle-focus": "Focus", "pair": "QAPair"})
_ATTRS = {"docid": "id", "fid": "id", "corpus": "source"}


def _canonicalise(root: Element) -> None:
    for element in root.iter():
        if isinstance(element.tag, str):
            element.tag = _TAGS.get(element.tag.lower(), element.tag)
        for old, new in _ATTRS.items():
            if old in element.attrib and new not in element.attrib:
                element.attrib[new] = element.attrib.pop(old)


def _unsafe_reason(exc: DefusedXmlException) -> str:
    system_id = getattr(exc, "sysid", None) or getattr(exc, "system_id", None)
    name = getattr(exc, "name", None)
    if system_id:
        return f"unsafe XML refused: external entity {name!r} points to {system_id!r}"
    if name:
        return f"unsafe XML refused: entity declaration {name!r} (entity expansion, e.g. a billion-laughs bomb)"
    return f"unsafe XML refused: {type(exc).__name__}"


def _block(text: str | None) -> str | None:
    """Text with each line trimmed (MedQuAD indents continuation lines) and edges dropped."""
    if text is None:
        return None
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return _text.strip_block(out)
