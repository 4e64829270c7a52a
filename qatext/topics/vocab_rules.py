"""Which specialty owns which branch of each vocabulary (HPO, MeSH, ICD-10-CM).

Used by :mod:`qatext.topics.build_tables` to derive the word and concept tables, and at run
time for ICD-10-CM codes (their chapter is in the code itself, so no table is needed).
"""
from __future__ import annotations

# HPO organ-system branches under HP:0000118 ("Phenotypic abnormality").
HPO_BRANCHES: dict[str, tuple[str, ...]] = {
    "HP:0000119": ("urology",),                       # genitourinary system
    "HP:0000478": ("ophthalmology",),
    "HP:0000598": ("otolaryngology",),                # ear
    "HP:0000707": ("neurology",),
    "HP:0000769": ("obstetrics_gynecology",),         # breast
    "HP:0000818": ("endocrinology",),
    "HP:0001197": ("obstetrics_gynecology",),         # prenatal development or birth
    "HP:0001507": ("pediatrics", "endocrinology"),    # growth
    "HP:0001574": ("dermatology",),                   # integument
    "HP:0001608": ("otolaryngology",),                # voice
    "HP:0001626": ("cardiology",),
    "HP:0001871": ("hematology",),
    "HP:0001939": ("endocrinology",),                 # metabolism / homeostasis
    "HP:0002086": ("pulmonology",),
    "HP:0002664": ("oncology",),
    "HP:0002715": ("allergy_immunology",),
    "HP:0025031": ("gastroenterology",),
    "HP:0025142": ("general_medicine",),              # constitutional symptom
    "HP:0033127": ("orthopedics",),                   # musculoskeletal
    "HP:0040064": ("orthopedics",),                   # limbs
    "HP:0045027": ("pulmonology",),                   # thoracic cavity
}
# Sub-branches that belong to a different specialty than their organ-system branch;
# a term under one of these takes the sub-branch's specialty only.
HPO_SUBBRANCHES: dict[str, tuple[str, ...]] = {
    "HP:0000708": ("psychiatry",),                    # behavioral abnormality
    # HPO 2024 moved mood and fear under "Abnormality of mental function" (nervous system):
    # anxiety, depression, irritability and delusions are the psychiatrist's, not the neurologist's
    "HP:0025766": ("psychiatry",),                    # abnormal affect
    "HP:5200423": ("psychiatry",),                    # abnormal experience of reality
    "HP:0000077": ("nephrology",),                    # kidney
    "HP:0012210": ("nephrology",),                    # abnormal renal morphology
    "HP:0000078": ("urology", "obstetrics_gynecology"),  # genital system
    "HP:0000812": ("urology",),                       # abnormal internal genitalia (male side mostly)
    "HP:0000163": ("dentistry", "otolaryngology"),    # oral cavity
    "HP:0000164": ("dentistry",),                     # teeth
    "HP:0000366": ("otolaryngology",),                # nose
    "HP:0000600": ("otolaryngology",),                # nasopharynx
    "HP:0002795": ("pulmonology",),                   # respiratory physiology
    "HP:0003011": ("neurology", "orthopedics"),       # musculature (mostly neuromuscular)
    "HP:0001367": ("rheumatology", "orthopedics"),    # joint morphology
    "HP:0005978": ("endocrinology",),                 # type II diabetes mellitus
    "HP:0002960": ("rheumatology", "allergy_immunology"),  # autoimmunity
    "HP:0010783": ("dermatology",),                   # erythema
    "HP:0001513": ("endocrinology",),                 # obesity
    "HP:0000823": ("endocrinology", "pediatrics"),    # delayed puberty
}

# MeSH tree-number prefixes (longest match wins). Trees absent here carry no specialty.
MESH_PREFIXES: dict[str, tuple[str, ...]] = {
    "C01": ("infectious_disease",),
    "C01.375": ("ophthalmology", "infectious_disease"),
    "C01.408": ("dentistry",),
    "C01.674": ("obstetrics_gynecology", "infectious_disease"),
    "C01.778": ("infectious_disease",),
    "C01.800": ("dermatology", "infectious_disease"),
    "C01.915": ("urology",),
    "C04": ("oncology",),
    "C04.182": (),                                       # cysts are everywhere
    "C04.588.614.550": ("neurology",),                   # paraneoplastic syndromes of the nervous system
    "C04.730.856": ("neurology",),                       # (myasthenia, Lambert-Eaton, limbic encephalitis)
    "C05": ("orthopedics",),
    "C05.500": ("dentistry",),
    "C05.550.114": ("rheumatology",),
    "C05.550.354": ("rheumatology",),
    "C05.550.870": ("rheumatology",),
    "C05.651": ("neurology", "orthopedics"),
    "C05.799": ("rheumatology",),
    "C06": ("gastroenterology",),
    "C07": ("dentistry",),
    "C07.550": ("otolaryngology",),
    "C08": ("pulmonology",),
    "C08.360": ("otolaryngology",),
    "C08.460": ("otolaryngology",),
    "C08.674": ("pulmonology", "allergy_immunology"),
    "C08.730": ("pulmonology", "infectious_disease"),
    "C09": ("otolaryngology",),
    "C10": ("neurology",),
    "C10.886": ("neurology", "psychiatry"),
    "C11": ("ophthalmology",),
    "C12": ("urology",),
    "C12.050": ("obstetrics_gynecology",),
    "C12.100.250": ("obstetrics_gynecology",),
    "C12.100.500": ("urology",),
    "C12.100.750": ("obstetrics_gynecology", "urology"),
    "C12.100.937": ("infectious_disease",),
    "C12.950.419": ("nephrology",),
    "C12.200.777.419": ("nephrology",),
    "C13": ("obstetrics_gynecology",),
    "C14": ("cardiology",),
    "C14.907.253": ("neurology",),                       # cerebrovascular
    "C15": ("hematology",),
    "C15.604": ("hematology", "oncology"),
    "C16": ("genetics",),
    "C16.131": ("genetics", "pediatrics"),
    "C16.300": ("obstetrics_gynecology",),
    "C16.614": ("pediatrics",),
    "C17": ("dermatology",),
    "C17.300": ("rheumatology",),
    "C17.800.090": ("obstetrics_gynecology",),           # breast diseases
    "C18": ("endocrinology",),
    "C18.654": ("endocrinology", "gastroenterology"),
    "C19": ("endocrinology",),
    "C20": ("allergy_immunology",),
    "C20.111": ("rheumatology", "allergy_immunology"),
    "C20.841": ("hematology",),
    "C20.683": ("oncology", "hematology"),              # immunoproliferative (lymphomas, myeloma)
    "C23.888.089": ("general_medicine",),
    "C23.888.119": ("general_medicine", "infectious_disease"),
    "C23.888.144": ("endocrinology", "general_medicine"),
    "C23.888.208": ("general_medicine", "infectious_disease"),
    "C23.888.277": ("cardiology", "nephrology"),
    "C23.888.307": ("ophthalmology",),
    "C23.888.369": ("general_medicine",),
    "C23.888.447": ("cardiology",),
    "C23.888.475": ("obstetrics_gynecology", "endocrinology"),
    "C23.888.531": ("cardiology",),
    "C23.888.592": ("neurology",),
    "C23.888.619": ("dentistry",),
    "C23.888.663": ("endocrinology",),
    "C23.888.821": ("gastroenterology",),
    "C23.888.852": ("pulmonology",),
    "C23.888.885": ("dermatology",),
    "C23.888.942": ("urology",),
    "C26.404": ("orthopedics",),
    "C26.289": ("orthopedics",),
    "C26.844": ("orthopedics",),
    "C26.874": ("orthopedics",),
    "C26.803": ("orthopedics",),
    "C26.531": ("orthopedics",),
    "C26.558": ("orthopedics",),
    "C26.088": ("orthopedics",),
    "C26.117": ("orthopedics",),
    "C26.900": ("dentistry",),
    "C26.915": ("neurology",),
    "C26.819": ("neurology",),
    "C26.930": ("otolaryngology",),
    "C26.200": ("dermatology",),
    "F03": ("psychiatry",),
    "F03.615": ("neurology", "psychiatry"),               # neurocognitive (dementia)
    "F03.625": ("neurology", "psychiatry"),          # neurodevelopmental (ADHD, autism, tics)
    "F01.700": ("psychiatry",),
}

# ICD-10-CM: (first code, last code) of a block, by the 3-character category.
ICD10_RANGES: list[tuple[str, str, tuple[str, ...]]] = [
    ("A00", "B99", ("infectious_disease",)),
    ("C00", "D49", ("oncology",)),
    ("D50", "D79", ("hematology",)),
    ("D80", "D89", ("allergy_immunology",)),
    ("E00", "E89", ("endocrinology",)),
    ("F01", "F03", ("neurology", "psychiatry")),
    ("F04", "F99", ("psychiatry",)),
    ("G00", "G99", ("neurology",)),
    ("H00", "H59", ("ophthalmology",)),
    ("H60", "H95", ("otolaryngology",)),
    ("I00", "I59", ("cardiology",)),
    ("I60", "I69", ("neurology",)),
    ("I70", "I99", ("cardiology",)),
    ("J00", "J06", ("otolaryngology", "infectious_disease")),
    ("J09", "J29", ("pulmonology",)),
    ("J30", "J39", ("otolaryngology",)),
    ("J40", "J99", ("pulmonology",)),
    ("K00", "K14", ("dentistry",)),
    ("K20", "K95", ("gastroenterology",)),
    ("L00", "L99", ("dermatology",)),
    ("M00", "M02", ("rheumatology", "infectious_disease")),
    ("M04", "M36", ("rheumatology",)),
    ("M40", "M99", ("orthopedics",)),
    ("N00", "N29", ("nephrology",)),
    ("N30", "N53", ("urology",)),
    ("N60", "N65", ("obstetrics_gynecology",)),
    ("N70", "N98", ("obstetrics_gynecology",)),
    ("N99", "N99", ("urology",)),
    ("O00", "O9A", ("obstetrics_gynecology",)),
    ("P00", "P96", ("pediatrics",)),
    ("Q00", "Q07", ("neurology", "genetics")),
    ("Q10", "Q18", ("ophthalmology", "genetics")),
    ("Q20", "Q28", ("cardiology", "genetics")),
    ("Q30", "Q34", ("pulmonology", "genetics")),
    ("Q35", "Q45", ("gastroenterology", "genetics")),
    ("Q50", "Q56", ("obstetrics_gynecology", "urology")),
    ("Q60", "Q64", ("urology", "nephrology")),
    ("Q65", "Q79", ("orthopedics", "genetics")),
    ("Q80", "Q89", ("dermatology", "genetics")),
    ("Q90", "Q99", ("genetics",)),
    ("R00", "R03", ("cardiology",)),
    ("R04", "R09", ("pulmonology",)),
    ("R10", "R19", ("gastroenterology",)),
    ("R20", "R23", ("dermatology",)),
    ("R25", "R29", ("neurology",)),
    ("R30", "R39", ("urology",)),
    ("R40", "R46", ("neurology", "psychiatry")),
    ("R47", "R49", ("neurology", "otolaryngology")),
    ("R50", "R50", ("infectious_disease", "general_medicine")),
    ("R51", "R51", ("neurology",)),
    ("R52", "R69", ("general_medicine",)),
    ("S00", "T88", ()),  # injuries: the body part decides, via words
]


def mesh_specialties(tree_number: str) -> tuple[str, ...]:
    """Specialties of one MeSH tree number (longest listed prefix wins)."""
    parts = tree_number.split(".")
    for n in range(len(parts), 0, -1):
        prefix = ".".join(parts[:n])
        if prefix in MESH_PREFIXES:
            return MESH_PREFIXES[prefix]
    return ()


# Finer ICD-10-CM blocks that a chapter range gets wrong (longest prefix wins, before ranges).
# Inborn errors of metabolism (E70-E88) belong to metabolic genetics, and those that mainly
# damage the brain (lipid storage, peroxisomal, mitochondrial) to neurology as well.
ICD10_PREFIXES: dict[str, tuple[str, ...]] = {
    "E70": ("genetics", "neurology"), "E71": ("genetics", "neurology"), "E72": ("genetics", "neurology"),
    "E74": ("genetics", "endocrinology"), "E740": ("genetics", "neurology"),  # glycogen storage (Pompe)
    "E75": ("neurology", "genetics"), "E76": ("genetics", "orthopedics"), "E77": ("genetics", "neurology"),
    "E78": ("cardiology", "endocrinology"), "E79": ("rheumatology", "genetics"), "E80": ("hematology", "dermatology"),
    "E830": ("gastroenterology", "neurology"), "E831": ("hematology", "gastroenterology"),
    "E84": ("pulmonology", "genetics"), "E85": ("hematology", "nephrology"), "E884": ("neurology", "genetics"),
    "F80": ("pediatrics", "psychiatry"), "F81": ("pediatrics", "psychiatry"), "F82": ("pediatrics", "neurology"),
    "F84": ("psychiatry", "neurology", "pediatrics"), "F88": ("pediatrics", "neurology"),
    "F95": ("neurology", "psychiatry"),
    "N18": ("nephrology",), "N20": ("urology",), "N39": ("urology",),
}


def icd10_specialties(code: str) -> tuple[str, ...]:
    """Specialties of an ICD-10-CM code such as ``E11.9`` or ``ICD10CM:E119``."""
    code = code.split(":")[-1].replace(".", "").upper()
    category = code[:3]
    if len(category) < 3:
        return ()
    for n in range(len(code), 2, -1):
        if code[:n] in ICD10_PREFIXES:
            return ICD10_PREFIXES[code[:n]]
    for first, last, specialties in ICD10_RANGES:
        if first <= category <= last:
            return specialties
    return ()
