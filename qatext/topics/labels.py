"""The closed id sets for specialty and intent, and maps from labels found in corpora onto them.

A site's own filing ("Neurology", MedQuAD's source agency, an ask-a-doctor tag) is kept
as data to compare against; :func:`specialty_from_label` turns it into one of
:data:`SPECIALTIES`, or ``None`` where the label does not determine a specialty.
"""
from __future__ import annotations

import re

SPECIALTIES: tuple[str, ...] = (
    "allergy_immunology", "cardiology", "dentistry", "dermatology", "endocrinology",
    "gastroenterology", "general_medicine", "genetics", "hematology", "infectious_disease",
    "nephrology", "neurology", "obstetrics_gynecology", "oncology", "ophthalmology",
    "orthopedics", "otolaryngology", "pediatrics", "psychiatry", "pulmonology",
    "rheumatology", "urology",
)
INTENTS: tuple[str, ...] = (
    "diagnosis", "treatment", "medication", "test_interpretation", "prognosis",
    "cause", "prevention", "information", "other",
)
SPECIALTY_INDEX = {name: i for i, name in enumerate(SPECIALTIES)}
INTENT_INDEX = {name: i for i, name in enumerate(INTENTS)}

# MedQuAD's 37 question types onto the intent ids (the table in qatext/topics/README.md).
MEDQUAD_QTYPE_TO_INTENT: dict[str, str] = {
    "information": "information",
    "other information": "information",
    "frequency": "information",
    "research": "information",
    "how can i learn more": "information",
    "symptoms": "diagnosis",
    "exams and tests": "diagnosis",
    "treatment": "treatment",
    "considerations": "treatment",
    "when to contact a medical professional": "treatment",
    "causes": "cause",
    "genetic changes": "cause",
    "outlook": "prognosis",
    "complications": "prognosis",
    "stages": "prognosis",
    "prevention": "prevention",
    "susceptibility": "prevention",
    "inheritance": "prevention",
    "why get vaccinated": "prevention",
    "side effects": "medication",
    "precautions": "medication",
    "indication": "medication",
    "usage": "medication",
    "dose": "medication",
    "brand names": "medication",
    "brand names of combination products": "medication",
    "emergency or overdose": "medication",
    "storage and disposal": "medication",
    "forget a dose": "medication",
    "dietary": "medication",
    "important warning": "medication",
    "interactions with medications": "medication",
    "interactions with herbs and supplements": "medication",
    "interactions with foods": "medication",
    "how effective is it": "medication",
    "how does it work": "medication",
    "severe reaction": "medication",
    "contraindication": "medication",
    "support groups": "other",
}

# Site sections, MedQuAD agencies and ask-a-doctor tags, keyed by _normalise(label).
# None: the label is known but does not pick one specialty (NHLBI covers heart, lung and blood).
_SITE_LABELS: dict[str, str | None] = {
    # site sections (seed layout and common hospital departments)
    "neurology": "neurology", "neurosurgery": "neurology", "neurologist": "neurology",
    "rare disease": None, "rare diseases": None,
    "ent": "otolaryngology", "otolaryngology": "otolaryngology", "otorhinolaryngology": "otolaryngology",
    "otolaryngology head and neck surgery": "otolaryngology", "ear nose and throat": "otolaryngology",
    "family medicine": "general_medicine", "internal medicine": "general_medicine",
    "general medicine": "general_medicine", "general practice": "general_medicine",
    "general practitioner": "general_medicine", "primary care": "general_medicine",
    "obstetrics and gynecology": "obstetrics_gynecology", "obstetrics gynecology": "obstetrics_gynecology",
    "obstetrics": "obstetrics_gynecology", "gynecology": "obstetrics_gynecology", "obgyn": "obstetrics_gynecology",
    "ob gyn": "obstetrics_gynecology", "gynaecology": "obstetrics_gynecology", "obstetrician": "obstetrics_gynecology",
    "cardiology": "cardiology", "cardiovascular surgery": "cardiology", "cardiac surgery": "cardiology",
    "cardiologist": "cardiology",
    "dermatology": "dermatology", "dermatologist": "dermatology", "skin": "dermatology",
    "ophthalmology": "ophthalmology", "ophthalmologist": "ophthalmology", "eye": "ophthalmology",
    "urology": "urology", "urologist": "urology",
    "nephrology": "nephrology", "nephrologist": "nephrology",
    "psychiatry": "psychiatry", "psychiatrist": "psychiatry", "psychology": "psychiatry",
    "mental health": "psychiatry", "psychological counselling": "psychiatry", "clinical psychology": "psychiatry",
    "pediatrics": "pediatrics", "paediatrics": "pediatrics", "pediatrician": "pediatrics",
    "pediatric surgery": "pediatrics", "neonatology": "pediatrics",
    "gastroenterology": "gastroenterology", "gastroenterology and hepatology": "gastroenterology",
    "hepatology": "gastroenterology", "gastroenterologist": "gastroenterology",
    "orthopedics": "orthopedics", "orthopaedics": "orthopedics", "orthopedic surgery": "orthopedics",
    "orthopedist": "orthopedics", "sports medicine": "orthopedics",
    "dentistry": "dentistry", "dental": "dentistry", "dentist": "dentistry", "dental health": "dentistry",
    "oral surgery": "dentistry", "oral and maxillofacial surgery": "dentistry",
    "oncology": "oncology", "cancer": "oncology", "oncologist": "oncology", "radiation oncology": "oncology",
    "hematology": "hematology", "haematology": "hematology", "hematology oncology": None,
    "infectious diseases": "infectious_disease", "infectious disease": "infectious_disease",
    "infection": "infectious_disease", "infections": "infectious_disease",
    "pulmonology": "pulmonology", "pulmonary medicine": "pulmonology", "chest medicine": "pulmonology",
    "thoracic medicine": "pulmonology", "respiratory medicine": "pulmonology", "pulmonologist": "pulmonology",
    "rheumatology": "rheumatology", "rheumatologist": "rheumatology",
    "immunology and rheumatology": "rheumatology", "allergy immunology and rheumatology": "rheumatology",
    "allergy": "allergy_immunology", "allergy and immunology": "allergy_immunology",
    "immunology": "allergy_immunology", "allergist": "allergy_immunology",
    "endocrinology": "endocrinology", "endocrinology and metabolism": "endocrinology",
    "metabolism": "endocrinology", "endocrinologist": "endocrinology", "diabetes": "endocrinology",
    "genetics": "genetics", "medical genetics": "genetics", "genetic counseling": "genetics",
    "genetic inheritance": "genetics",
    "surgery": None, "general surgery": None, "radiology": None, "rehabilitation": None,
    "physical medicine and rehabilitation": None, "traditional chinese medicine": None,
    "nutrition": None, "pharmacy": None, "nursing": None, "emergency medicine": None,
    "plastic surgery": None, "anesthesiology": None, "occupational medicine": None,
    # MedQuAD source agencies (Document source=) and folder names
    "ninds": "neurology", "cancergov": "oncology", "ghr": "genetics", "cdc": "infectious_disease",
    "nhlbi": None, "niddk": None, "gard": None, "mplus": None, "mplushealthtopics": None,
    "mplusdrugs": None, "mplusherbssupplements": None, "adam": None, "nihseniorhealth": None,
    "seniorhealth": None, "mplus adam": None,
    # ask-a-doctor tags that name a field or a condition owned by one field
    "pregnancy": "obstetrics_gynecology", "pregnant": "obstetrics_gynecology", "periods": "obstetrics_gynecology",
    "period": "obstetrics_gynecology", "missed period": "obstetrics_gynecology",
    "delayed period": "obstetrics_gynecology", "contraceptive pill": "obstetrics_gynecology",
    "conception and pregnancy": "obstetrics_gynecology", "vaginal bleeding": "obstetrics_gynecology",
    "ectopic pregnancy": "obstetrics_gynecology", "breast feeding": "obstetrics_gynecology",
    "depression": "psychiatry", "anxiety": "psychiatry", "bipolar disorder": "psychiatry", "bipolar": "psychiatry",
    "addiction": "psychiatry", "autism": "psychiatry",
    "migraine": "neurology", "headache": "neurology", "headaches": "neurology", "seizures": "neurology",
    "epilepsy": "neurology", "cerebral palsy": "neurology",
    "gerd": "gastroenterology", "acid reflux": "gastroenterology", "constipation": "gastroenterology",
    "tachycardia": "cardiology", "arrhythmias": "cardiology", "high blood pressure": "cardiology",
    "hypertension": "cardiology",
    "acne scars": "dermatology", "fungal infection": "dermatology", "vitiligo": "dermatology",
    "hairfall": "dermatology", "hair loss": "dermatology", "skin health": "dermatology",
    "tooth decay": "dentistry", "root canal treatment": "dentistry", "dental scaling": "dentistry",
    "oral hygiene maintenance": "dentistry",
    "sinusitis": "otolaryngology", "kidney stones": "urology", "erectile dysfunction": "urology",
    "premature ejaculation": "urology", "prostate": "urology",
    "hypothyroidism": "endocrinology", "thyroid problem": "endocrinology",
    "rheumatoid arthritis": "rheumatology", "breast cancer": "oncology", "prostate cancer": "oncology",
    "stomach cancer": "oncology", "hiv test": "infectious_disease",
}


def _normalise(label: str) -> str:
    text = label.lower().replace("&", " and ").replace("/", " ")
    text = re.sub(r"^\d+_", "", text)  # MedQuAD folder names such as "6_NINDS_QA"
    text = re.sub(r"_qa(_xml)?$", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return text.strip()


def specialty_from_label(label: str | None) -> str | None:
    """The specialty id a site label, MedQuAD agency or tag determines, else ``None``.

    Unknown labels give ``None`` as well; :func:`is_known_label` tells the two apart.
    """
    if label is None or (isinstance(label, float) and label != label):
        return None
    key = _normalise(str(label))
    if key in _SITE_LABELS:
        return _SITE_LABELS[key]
    collapsed = key.replace(" ", "")
    if collapsed in _SITE_LABELS:
        return _SITE_LABELS[collapsed]
    underscored = key.replace(" ", "_")
    return underscored if underscored in SPECIALTY_INDEX else None


def is_known_label(label: str | None) -> bool:
    """Whether ``label`` is in the mapping (so a ``None`` result is a decision, not ignorance)."""
    if label is None:
        return False
    key = _normalise(str(label))
    return key in _SITE_LABELS or key.replace(" ", "") in _SITE_LABELS or key.replace(" ", "_") in SPECIALTY_INDEX


def intent_from_medquad_qtype(qtype: str | None) -> str | None:
    """The intent id for a MedQuAD ``qtype``; ``None`` for an unknown type."""
    if not qtype:
        return None
    return MEDQUAD_QTYPE_TO_INTENT.get(qtype.strip().lower())
