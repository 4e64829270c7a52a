"""Batch scoring of specialty and intent in one table lookup.

Every doc becomes its lowercase-token hashes (``doc.to_array(LOWER)``); a batch is joined into
one array with a 0 between docs, its bigram and trigram keys are formed with wrapping
uint64 arithmetic, and one ``searchsorted`` against a sorted key table finds every
vocabulary word, specialty cue and intent cue at once. Each table row has 22 specialty
columns then 9 intent columns. Python loops run over entities only (negation, concepts).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from spacy.attrs import LOWER, SHAPE
from spacy.strings import hash_string
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span

from qatext.ner.extensions import USER_DATA_PREFIX, conjunct_concepts
from qatext.topics.conditions import (LAY_NEGATORS, LAY_SYMPTOMS, NAMED_CONDITION, NOT_PATIENT, PATIENT_SYMPTOM,
                                     condition_table, read_lay_symptoms)
from qatext.topics.intent import BASELINE, ENTITY_NUDGE, N_INTENTS, OUTSIDE_QUESTION, SECONDARY_CUES, intent_cues
from qatext.topics.labels import INTENT_INDEX, INTENTS, SPECIALTIES, SPECIALTY_INDEX
from qatext.topics.specialty import (MORPHOLOGY_MIN_LENGTH, Morphology, concept_vector, derived_tables,
                                     morphology, neutral_words, ngram_keys, read_cues, topics_file)

N_SPECIALTIES = len(SPECIALTIES)
# bits of TopicTables.token_flags, in the order __post_init__ lists the word lists
(FLAG_PLAIN, FLAG_MULTI_FIRST, FLAG_NEUTRAL, FLAG_BREAK, FLAG_END, FLAG_RESULT_WORD, FLAG_CHILD_YEAR,
 FLAG_YEAR_UNIT, FLAG_YO, FLAG_CHILD_NOUN, FLAG_CHILD_WORD, FLAG_NEGATOR, FLAG_AGE_BEFORE,
 FLAG_DURATION_BEFORE) = (1 << bit for bit in range(14))
N_COLUMNS = N_SPECIALTIES + N_INTENTS
GENERAL = SPECIALTY_INDEX["general_medicine"]
MEDICATION = INTENT_INDEX["medication"]
DIAGNOSIS = INTENT_INDEX["diagnosis"]
TEST_READING = INTENT_INDEX["test_interpretation"]
SENTENCE_ENDS = (".", "!", "?", "\n", "\n\n", "...", ";")
PUNCTUATION = SENTENCE_ENDS + (",", ":", "(", ")", "[", "]", "-", "/", '"', "'", "&", "+", "*")
DRUG_NAME_NUDGE = 1.0
OTHER_QUESTION = 0.75     # a cue in an earlier question sentence; the last one is the main question
# A measured value ("7.8", "140/90", "6.5 %"): the asker may be giving a result. Found by token
# shape, not by regex over doc.text: building doc.text costs more than all the scoring.
RESULT_SHAPES = ("d.d", "dd.d", "ddd.d", "dddd.d", "d.dd", "dd.dd", "ddd.dd", "d.ddd", "d,ddd",
                 "dd/dd", "ddd/dd", "ddd/ddd", "d/d", "d.d%", "dd.d%", "dd%", "d%")
RESULT_WORDS = ("mg/dl", "mmol/l", "mmol", "ng/ml", "pg/ml", "iu/l", "u/l", "miu/ml", "uiu/ml", "g/dl", "%",
                "mmhg", "mm/hg", "bpm")
RESULT_NUDGE = 0.8
# A child under 13 ("my 4 yo", "3 year old son", "5-year-old", "8 months old"): a paediatrician's
# question unless an organ specialty says otherwise.
CHILD_YEARS = tuple(str(n) for n in range(1, 13))
YEAR_UNITS = ("year", "years", "yr", "yrs", "yo", "y/o", "month", "months", "mo", "week", "weeks", "wk", "day", "days")
CHILD_AGE_WEIGHT = 3.5
# ... and "my son (4)", "daughter is 7", "aged 6": a child noun, then a number under 13 in
# brackets or after "is"; "toddler", "newborn" need no number
CHILD_NOUNS = ("son", "daughter", "boy", "girl", "kid", "child", "grandson", "granddaughter", "nephew", "niece",
               "toddler", "baby", "stepson", "stepdaughter")
# an age glued to "yo" ("my 3yo", "7yo boy") is one token; "yo" never reads as a duration
CHILD_WORDS = ("toddler", "toddlers", "newborn", "infant", "preschooler") + tuple(f"{n}yo" for n in range(13))
CHILD_AGE_BEFORE = ("is", "aged", "age", "(")
# "for 3 yrs", "the past 2 years": a duration, not an age
DURATION_BEFORE = ("for", "past", "last", "over", "every", "in", "after", "within")
# "8 yrs on and off", "3 yrs ago", "2 yrs now": "<n> yrs" followed by one of these is a duration
DURATION_AFTER = ("on", "ago", "now", "later", "since", "back", "running", "straight", "before", "after",
                  "of", "with", "without", "in")
_DURATION_AFTER_KEYS = np.array(sorted(hash_string(w) for w in DURATION_AFTER), dtype=np.uint64)
# which specialties' condition votes a child's story moves to pediatrics (gold guideline, rule 3:
# teeth, eyes, genetic syndromes, cancer and an established allergy stay with their specialty)
CHILD_KEEPS = ("dentistry", "ophthalmology", "genetics", "oncology", "allergy_immunology")
CHILD_MOVES_VOTE = np.array([name not in CHILD_KEEPS for name in SPECIALTIES], dtype=float)
PEDIATRICS = SPECIALTY_INDEX["pediatrics"]
ALLERGY = SPECIALTY_INDEX["allergy_immunology"]
INFECTIOUS = SPECIALTY_INDEX["infectious_disease"]
OBSTETRICS = SPECIALTY_INDEX["obstetrics_gynecology"]
# English noun phrases are head-final: in "diabetic neuropathy", "oral cavity cancer" the last word
# says what the thing is, the words before it where. A word directly followed by another word with
# specialty evidence is such a modifier, and so is every evidence word of a named disease or
# symptom but its last; a modifier counts MODIFIER_SHARE of its weight.
MODIFIER_SHARE = 0.5
HEADED_LABELS = ("DISEASE", "SYMPTOM")
# "Neurological complications of AIDS", "ocular manifestations of lupus": when the phrase before
# "of" carries its own evidence modifier, that phrase leads and the words (and named concepts)
# after "of" count OF_OBJECT_SHARE. A bare "inflammation of the liver" is left alone.
OF_OBJECT_SHARE = 0.5
# Inside a named disease or symptom whose concept is known, a word the vocabularies derived
# ("Melkersson", "Sturge": a lift over every term the word occurs in) counts this share: the
# concept already places the whole name. Curated cue words ("cancer", "mole") count fully.
ENTITY_WORD_SHARE = 0.5
OF_PHRASE_TOKENS = 3      # how far the phrases before and after "of" reach
OF_SKIP = ("the", "a", "an", "my", "his", "her", "their", "our", "your", "its")
# "Fahr's syndrome", "Ohtahara syndrome": a capitalised word no table knows naming a syndrome or
# disease. When nothing else in the text speaks, it counts as a concept whose vector is where the
# vocabularies file the eponymous syndromes they know (build_tables.eponym_prior), and the
# general_medicine prior (for texts that say little) steps back: the text names a disease.
EPONYM_CONCEPT = "QATEXT:eponymous-syndrome"
EPONYM_NOUNS = ("syndrome", "syndromes", "disease", "diseases")
POSSESSIVES = ("'s", "'", "’s", "’")
CAPITALISED_SHAPES = ("Xx", "Xxx", "Xxxx", "Xxxxx")
# The conditions the patient's symptoms point to vote for their specialty (see conditions.py):
# the best CONDITION_VOTERS candidates add CONDITION_WEIGHT x their score. "Headache, chest pain,
# dizziness" is a blood-pressure story, not three neurology findings.
CONDITION_WEIGHT = 12.0
CONDITION_VOTERS = 5
# When conditions explain the symptoms (a specialty gets at least EXPLAINED_VOTE of votes), the
# symptoms' own organ evidence (their words and concepts) counts EXPLAINED_SYMPTOM_SHARE.
EXPLAINED_VOTE = 0.3
EXPLAINED_SYMPTOM_SHARE = 0.3
# A medicine named in the main (last) question makes the question about the medicine, whatever its
# form ("what is morphine", "how long before a meal should lansoprazole be taken").
DRUG_IN_QUESTION = 2.0
# ... and the question forms a medicine question takes are read as asking about the medicine:
# medication then leads them by DRUG_FOCUS_MARGIN. Treatment ("do I need antibiotics?", a drug
# that failed), prevention (which malaria pills) and other keep their own cues (gold rule 2).
DRUG_FORMS = [INTENT_INDEX[name] for name in ("information", "cause", "prognosis", "test_interpretation",
                                              "diagnosis")]
DRUG_FOCUS_MARGIN = 0.5
# ... unless the drug only names a condition or a test: "warfarin resistance", "carnitine
# palmitoyltransferase deficiency", "ethanol poisoning", "anti-insulin antibody test"
DRUG_MODIFIED_BY = frozenset({"deficiency", "deficiencies", "poisoning", "overdose", "toxicity", "withdrawal",
                              "sensitivity", "resistance", "intoxication", "abuse", "dependence", "dependent",
                              "test", "tests", "level", "levels", "allergy", "disease", "syndrome", "anemia",
                              "anaemia", "inclusion", "defect", "deposits", "related", "responsive"})
DRUG_MODIFIER_REACH = 4  # tokens after the drug name, within its clause
QUESTION_REACH = 25      # tokens after a negated drug name searched for its sentence's "?"
# "Is this true?", "what is this condition?": a question this short leans on the sentence before it,
# whose cues then count fully and its own SHORT_QUESTION_SHARE.
# A story of the asker's own symptoms with no other ask ("itchy red patches on my elbows for
# years") wants to know what it is.
SYMPTOM_STORY_NUDGE = 0.7
STORY_SYMPTOMS = 1
SHORT_QUESTION_TOKENS = 5
SHORT_QUESTION_SHARE = 0.5
# Symptoms the asker ties to a medicine ("since the new pills", "is it the pills?") belong to the
# condition the drug was given for: the symptoms' own organ words and concepts step back, unless
# the reaction is an allergic one.
REACTION_CUES = ("new pills", "new pill", "new tablet", "new tablets", "new meds", "new medication",
                 "new medicine", "the pills", "the meds", "the tablets", "since starting", "after starting",
                 "started taking", "side effect", "side effects", "reaction to", "since taking", "on lithium",
                 "started a new", "started the new", "new antibiotic", "after taking the")
# with a medicine named in the text, these tie the symptoms to it too ("metformin is giving me diarrhea")
DRUG_EFFECT_CUES = ("giving me", "gives me", "makes me", "made me", "is causing", "caused by",
                    "ever since", "after taking", "from taking", "side effects", "making me", "upsets my",
                    "upset my", "upsetting my", "since i started", "since starting")
ALLERGY_WORDS = ("allergic", "allergy", "anaphylaxis", "hives", "welts")
# Skin and swelling signs that, tied to a medicine, make the reaction an allergic one ("a new
# antibiotic and now an itchy rash all over", "after the new tablets my face swelled up"): the
# allergist's, not the organ's and not the prescriber's (gold guideline, specialty rule 8).
ALLERGIC_SIGNS = ("rash", "itchy rash", "itchy", "itching", "swelled", "swelled up", "swollen lips",
                  "lips puffed", "puffed up", "are puffy", "broke out", "hives", "welts", "wheezing")
DRUG_ALLERGY_WEIGHT = 4.0
# Medicines the NER does not name but a question is about ("ear wax drops", "a phosphate binder",
# "the mouthwash from the dentist", "my blue inhaler"): in the main ask they focus it like a drug.
MEDICINE_WORDS = ("drops", "eye drops", "ear drops", "capsules", "mouthwash", "inhaler", "inhalers",
                  "injections", "shots", "jab", "binder", "biologic", "the pill", "cream", "ointment",
                  "supplement", "supplements", "suppositories", "nicotine patch", "hormone patch", "hrt patch",
                  "pain patch", "pessary", "prep", "hrt", "botox")  # not "patch": a patch of hair or skin
KIND_REACTION, KIND_DRUG_EFFECT, KIND_ALLERGY, KIND_MAIN_FLAG, KIND_ALLERGIC_SIGN, KIND_MEDICINE = 1, 2, 4, 8, 16, 32
KIND_TRAVEL, KIND_PREGNANCY = 64, 128
# A medicine asked about in pregnancy or while breastfeeding is the obstetrician's question whatever
# the drug treats (gold guideline, specialty rule 6): with a DRUG entity, these add DRUG_PREGNANCY_WEIGHT.
PREGNANCY_CUES = ("pregnant", "pregnancy", "breastfeeding", "breast feeding", "breastfeed", "nursing mom",
                  "trying to conceive", "ttc", "while nursing")
DRUG_PREGNANCY_WEIGHT = 4.0
# A fever after a stay where typhoid, malaria or dengue are common is a travel fever, the
# infectious-disease specialist's whatever organ its other symptoms name (gold guideline, rule 11):
# a travel cue and the patient's fever add TRAVEL_FEVER_WEIGHT to infectious_disease, and the
# infectious conditions' votes count TRAVEL_VOTE_FACTOR times.
TRAVEL_CUES = ("trip to", "came back from", "got back from", "flew home", "flew back", "returned from",
               "holiday in", "travelled to", "traveled to", "abroad", "backpacking", "safari", "tropical",
               "tropics", "mosquito", "mosquitoes", "mosquito bites", "street food", "street stalls",
               "africa", "nigeria", "ghana", "kenya", "uganda", "tanzania", "congo", "sudan", "ethiopia", "mozambique",
               "malawi", "zambia", "cameroon", "senegal", "india", "pakistan", "bangladesh", "nepal", "sri lanka",
               "thailand", "vietnam", "cambodia", "laos", "myanmar", "indonesia", "bali", "philippines", "malaysia",
               "brazil", "peru", "colombia", "bolivia", "amazon", "guatemala", "honduras", "haiti", "caribbean",
               "puerto rico", "dominican republic", "jamaica", "mexico", "cuba", "egypt", "morocco",
               "eaten alive", "delhi", "mumbai", "karachi", "lahore", "dhaka", "kathmandu", "goa", "lagos", "nairobi", "accra")
TRAVEL_FEVER_WEIGHT = 6.0
TRAVEL_VOTE_FACTOR = 2.0
FEVER = "HP:0001945"
# "my main question is ...", "mostly I want to know ...": the asker names the main ask
MAIN_FLAGS = ("main question", "main concern", "mostly i want", "most importantly", "more than anything",
              "my real question", "my question is", "what i need", "biggest question", "biggest worry",
              "main thing", "most worried")
MAIN_LAST, MAIN_SHORT, MAIN_WHOLE, MAIN_FLAGGED, MAIN_PLAIN_LAST = 0, 1, 2, 3, 4
MAIN_REASONS = ("the last question", "a short question, read with the sentence before it",
                "no question mark: the whole text", "the question the asker flags as the main one",
                "no question mark: the last sentence")


@dataclass
class TopicTables:
    """Sorted n-gram keys, one row of weights each (specialties then intents), concept vectors."""

    keys: np.ndarray            # single tokens: uint64, sorted
    weights: np.ndarray         # float32 (len(keys), N_COLUMNS)
    multi_keys: np.ndarray      # bigram and trigram cues: a small table, searched separately
    multi_weights: np.ndarray
    concepts: dict[str, np.ndarray]
    question_key: int
    end_keys: np.ndarray        # hashes of sentence-ending tokens
    result_shapes: np.ndarray
    result_words: np.ndarray
    child_years: np.ndarray
    year_units: np.ndarray
    yo_keys: np.ndarray
    old_key: int
    hyphen_key: int
    plain_keys: np.ndarray      # everyday words the shape rules must leave alone ("colony")
    morphology: Morphology
    of_key: int
    phrase_breaks: np.ndarray   # stop words and punctuation: where a noun phrase ends
    of_skip: np.ndarray         # determiners and possessives after "of"
    neutral_keys: np.ndarray    # neutral_words.txt: process nouns that never head a phrase
    curated: np.ndarray         # per single-token key: its row comes from specialty_cues.tsv
    # words no table knows, met at run time: hash -> row in shaped_weights (-1: no rule fires)
    shaped_rows: dict = field(default_factory=dict)
    shaped_weights: np.ndarray = field(default_factory=lambda: np.zeros((0, N_COLUMNS), dtype=np.float32))
    # shaped_rows again as (sorted hashes, rows), for the batch lookup
    shaped_seen: tuple = field(default_factory=lambda: (np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)))
    eponym_nouns: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))
    possessives: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))
    capitalised_shapes: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))
    # first-token hashes of the bigram and trigram cues, sorted: only n-grams starting with one
    # of them are looked up in multi_keys
    multi_first: np.ndarray = None
    condition_table: object = None  # qatext.topics.conditions.ConditionTable
    # per row of keys then multi_keys: KIND_* bits (reaction cue, drug-effect cue, allergy word)
    row_kinds: np.ndarray = None
    # per row of keys then multi_keys: index into lay_concepts (-1: no lay symptom phrase), and
    # per lay phrase the symptom concept ids it stands for (lay_symptoms.tsv)
    row_lay: np.ndarray = None
    # hashes of CHILD_NOUNS, CHILD_WORDS, CHILD_AGE_BEFORE, DURATION_BEFORE and LAY_NEGATORS:
    # word lists of the lookup (FLAG_CHILD_NOUN ... FLAG_DURATION_BEFORE, FLAG_NEGATOR)
    child_nouns: np.ndarray = None
    child_words: np.ndarray = None
    child_age_before: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))
    duration_before: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))
    lay_concepts: list = field(default_factory=list)
    negator_keys: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))

    def __post_init__(self):
        # One sorted table answers every per-token question with the one searchsorted the word
        # lookup needs anyway: its row in ``keys`` (-1: none) and which word lists hold it.
        # np.isin against each list sorts the batch again on every call.
        lists = [self.plain_keys, self.multi_first, self.neutral_keys, self.phrase_breaks, self.end_keys,
                 self.result_words, self.child_years, self.year_units, self.yo_keys, self.child_nouns,
                 self.child_words, self.negator_keys, self.child_age_before, self.duration_before]
        lists = [np.zeros(0, dtype=np.uint64) if x is None else np.asarray(x, dtype=np.uint64) for x in lists]
        self.lookup_keys = np.unique(np.concatenate([self.keys] + lists))
        self.lookup_rows = np.full(len(self.lookup_keys), -1, dtype=np.int64)
        self.lookup_rows[np.searchsorted(self.lookup_keys, self.keys)] = np.arange(len(self.keys))
        self.lookup_flags = np.zeros(len(self.lookup_keys), dtype=np.uint16)
        self.sorted_result_shapes = np.unique(np.asarray(self.result_shapes, dtype=np.uint64))
        for bit, values in enumerate(lists):
            if len(values):
                self.lookup_flags[np.searchsorted(self.lookup_keys, values)] |= np.uint16(1 << bit)

    def token_flags(self, joined: np.ndarray, strings=None):
        """Per token: its row in ``keys`` (-1: not there) and its word-list bits (see ``FLAG_*``);
        with ``strings`` (the vocab's StringStore) also its row among the shaped words (-1: none,
        see :meth:`shaped_word_rows`), found once per distinct word."""
        # each distinct word once, in sorted order: searchsorted then walks the table forward
        # (measured 3x faster than searching the batch in text order)
        unique, inverse = np.unique(joined, return_inverse=True)
        at = np.searchsorted(self.lookup_keys, unique)
        at[at == len(self.lookup_keys)] = 0
        hit = self.lookup_keys[at] == unique
        rows, flags = np.where(hit, self.lookup_rows[at], -1), np.where(hit, self.lookup_flags[at], 0)
        if strings is None:
            return rows[inverse], flags[inverse]
        # words no table knows: the morphology rules, unless the word is everyday English
        shaped = np.full(len(unique), -1, dtype=np.int64)
        unknown = np.flatnonzero((rows < 0) & (unique != 0) & ((flags & FLAG_PLAIN) == 0))
        if len(unknown):
            shaped[unknown] = self.shaped_word_rows(unique[unknown], strings)
        return rows[inverse], flags[inverse], shaped[inverse]

    @property
    def of_skip_set(self) -> set:
        return set(self.of_skip.tolist())

    def row_weights(self, rows: np.ndarray) -> np.ndarray:
        """Weights of hit rows: single-token rows first, then the multi-token table, then shaped words."""
        n, m = len(self.keys), len(self.multi_keys)
        if rows.max(initial=-1) < n:
            return self.weights[rows]
        out = np.empty((len(rows), N_COLUMNS), dtype=np.float32)
        low, shaped = rows < n, rows >= n + m
        multi = ~low & ~shaped
        out[low] = self.weights[rows[low]]
        out[multi] = self.multi_weights[rows[multi] - n]
        out[shaped] = self.shaped_weights[rows[shaped] - n - m]
        return out

    def shaped_word_rows(self, hashes: np.ndarray, strings) -> np.ndarray:
        """Row numbers (after the single and multi tables) for words no table knows; -1 where no rule fires.

        A long alphabetic word ("neurosarcoidosis", "myelopathies") gets the morphology rules
        the vocabulary words got at build time. Each distinct word is looked at once per tagger.
        """
        unique, inverse = np.unique(hashes, return_inverse=True)
        # the words met before, as sorted arrays: one searchsorted, not a dict lookup per word
        seen_keys, seen_rows = self.shaped_seen
        found = np.full(len(unique), -2, dtype=np.int64)
        if len(seen_keys):
            at = np.minimum(np.searchsorted(seen_keys, unique), len(seen_keys) - 1)
            hit = seen_keys[at] == unique
            found[hit] = seen_rows[at[hit]]
        new = np.flatnonzero(found == -2)
        if len(new):
            added = []
            for k in new.tolist():
                key = int(unique[k])
                row = self.shaped_rows.get(key)
                if row is None:
                    row = -1
                    word = strings[key] if key in strings else ""
                    if len(word) >= MORPHOLOGY_MIN_LENGTH and word.isalpha():
                        weights = self.morphology.row(word)
                        if weights is not None:
                            row = len(self.shaped_weights) + len(added)
                            added.append(np.concatenate([weights, np.zeros(N_INTENTS, dtype=np.float32)]))
                    self.shaped_rows[key] = row
                found[k] = row
            if added:
                self.shaped_weights = np.concatenate([self.shaped_weights, np.stack(added).astype(np.float32)])
            keys = np.concatenate([seen_keys, unique[new]])
            order = np.argsort(keys)
            self.shaped_seen = (keys[order], np.concatenate([seen_rows, found[new]])[order])
        return found[inverse]

    @classmethod
    def build(cls, tokenizer, *, extra_specialty_cues=None, extra_intent_cues=None,
              conditions: bool = True) -> TopicTables:
        """Merge the derived word table with the curated cue lexicons (tokenized with ``tokenizer``).

        A curated specialty cue replaces the derived row for that word: the lexicon is the place
        to correct what the vocabularies get wrong. ``conditions=False`` leaves out the
        symptom-condition table (its own build uses the tagger before the table exists).
        """
        words, word_weights, concepts, drug_keys, plain_keys = derived_tables()
        specialty_cues = read_cues(topics_file("specialty_cues.tsv").read_text(encoding="utf-8"))
        rows: dict[int, np.ndarray] = {}
        curated: set[int] = set()
        multi: set[int] = set()
        multi_first: set[int] = set()
        for offset, index, cues, source in (
                (0, SPECIALTY_INDEX, specialty_cues + list(extra_specialty_cues or []), "specialty_cues.tsv"),
                (N_SPECIALTIES, INTENT_INDEX, intent_cues() + list(extra_intent_cues or []), "intent_cues.tsv")):
            for phrase, label, weight in cues:
                try:
                    key, n_tokens = _phrase_key(tokenizer, phrase)
                except ValueError as error:
                    raise ValueError(f"{source} (or extra cues): {error}") from None
                if n_tokens > 1:
                    multi.add(key)
                    multi_first.add(tokenizer(phrase)[0].lower)
                row = rows.setdefault(key, np.zeros(N_COLUMNS, dtype=np.float32))
                if offset == 0:
                    curated.add(key)
                row[offset + index[label]] += weight
        # the reaction cues are looked up with everything else (zero rows where no lexicon has them)
        kind_of: dict[int, int] = {}
        for kind, phrases in ((KIND_REACTION, REACTION_CUES), (KIND_DRUG_EFFECT, DRUG_EFFECT_CUES),
                              (KIND_ALLERGY, ALLERGY_WORDS), (KIND_MAIN_FLAG, MAIN_FLAGS),
                              (KIND_ALLERGIC_SIGN, ALLERGIC_SIGNS), (KIND_MEDICINE, MEDICINE_WORDS),
                              (KIND_TRAVEL, TRAVEL_CUES), (KIND_PREGNANCY, PREGNANCY_CUES)):
            for phrase in phrases:
                key, n_tokens = _phrase_key(tokenizer, phrase)
                kind_of[key] = kind_of.get(key, 0) | kind
                if key not in rows:
                    rows[key] = np.zeros(N_COLUMNS, dtype=np.float32)
                    if n_tokens > 1:
                        multi.add(key)
                        multi_first.add(tokenizer(phrase)[0].lower)
        # lay symptom phrases (lay_symptoms.tsv) are looked up with everything else too
        lay_of: dict[int, list[str]] = {}
        table = condition_table() if conditions else None
        if table is not None:
            for phrase, ids in read_lay_symptoms(known=table.symptom_index).items():
                try:
                    key, n_tokens = _phrase_key(tokenizer, phrase)
                except ValueError as error:
                    raise ValueError(f"{LAY_SYMPTOMS}: {error}") from None
                lay_of.setdefault(key, []).extend(i for i in ids if i not in lay_of.get(key, ()))
                if key not in rows:
                    rows[key] = np.zeros(N_COLUMNS, dtype=np.float32)
                if n_tokens > 1:
                    multi.add(key)
                    multi_first.add(tokenizer(phrase)[0].lower)
        # words the vocabularies know and only the intent lexicon names keep their specialty row
        for key, row in rows.items():
            if key not in curated:
                at = np.searchsorted(words, np.uint64(key))
                if at < len(words) and words[at] == key:
                    row[:N_SPECIALTIES] = word_weights[at]
        single = {k: v for k, v in rows.items() if k not in multi}
        cue_keys = np.fromiter(single, dtype=np.uint64, count=len(single))
        keep = ~np.isin(words, cue_keys)
        padded = np.zeros((int(keep.sum()), N_COLUMNS), dtype=np.float32)
        padded[:, :N_SPECIALTIES] = word_weights[keep]
        keys = np.concatenate([words[keep], cue_keys])
        weights = np.concatenate([padded, np.stack(list(single.values()))])
        # a drug's name makes the question a little more likely to be about the drug
        weights[np.isin(keys, drug_keys), N_SPECIALTIES + MEDICATION] += DRUG_NAME_NUDGE
        curated_row = np.isin(keys, np.fromiter(curated, dtype=np.uint64, count=len(curated)))
        order = np.argsort(keys)
        kinds = np.array([kind_of.get(int(k), 0) for k in keys], dtype=np.uint8)
        multi_keys = np.array(sorted(multi), dtype=np.uint64)
        multi_kinds = np.array([kind_of.get(int(k), 0) for k in multi_keys], dtype=np.uint8)
        multi_weights = np.stack([rows[int(k)] for k in multi_keys]) if len(multi_keys) else np.zeros((0, N_COLUMNS))
        strings = tokenizer.vocab.strings
        lay_concepts = [tuple(ids) for ids in lay_of.values()]
        lay_index = {key: k for k, key in enumerate(lay_of)}
        row_lay = np.array([lay_index.get(int(k), -1) for k in np.concatenate([keys[order], multi_keys])],
                           dtype=np.int64)

        def hashes(items):
            return np.array([strings.add(s) for s in items], dtype=np.uint64)
        return cls(keys[order], weights[order], multi_keys, multi_weights.astype(np.float32), concepts,
                   strings.add("?"), hashes(SENTENCE_ENDS), hashes(RESULT_SHAPES), hashes(RESULT_WORDS),
                   hashes(CHILD_YEARS), hashes(YEAR_UNITS), hashes(("yo", "y/o", "yrs", "yr")),
                   strings.add("old"), strings.add("-"), plain_keys, morphology(), strings.add("of"),
                   np.union1d(hashes(sorted(STOP_WORDS)), hashes(PUNCTUATION)), hashes(OF_SKIP),
                   np.unique(hashes(neutral_words())), curated_row[order],
                   eponym_nouns=hashes(EPONYM_NOUNS), possessives=hashes(POSSESSIVES),
                   capitalised_shapes=hashes(CAPITALISED_SHAPES),
                   multi_first=np.array(sorted(multi_first), dtype=np.uint64),
                   condition_table=table,
                   row_kinds=np.concatenate([kinds[order], multi_kinds]),
                   row_lay=row_lay, lay_concepts=lay_concepts,
                   negator_keys=np.unique(hashes(LAY_NEGATORS)), child_nouns=hashes(CHILD_NOUNS),
                   child_words=hashes(CHILD_WORDS), child_age_before=hashes(CHILD_AGE_BEFORE),
                   duration_before=hashes(DURATION_BEFORE))

def _phrase_key(tokenizer, phrase: str) -> int:
    hashes = np.array([t.lower for t in tokenizer(phrase)], dtype=np.uint64)
    if not 1 <= len(hashes) <= 3:
        raise ValueError(f"cue {phrase!r}: must be 1 to 3 tokens, got {len(hashes)}")
    if len(hashes) == 1:
        return int(hashes[0]), 1
    bigrams, trigrams = ngram_keys(hashes)
    return (int(trigrams[0]) if len(hashes) == 3 else int(bigrams[0])), len(hashes)


@dataclass
class Hits:
    """Where the table matched in a batch: one entry per matched n-gram."""

    rows: np.ndarray      # table row
    doc: np.ndarray       # doc index in the batch
    start: np.ndarray     # token index in the doc
    length: np.ndarray    # n-gram length
    factor: np.ndarray    # 1 inside a question sentence (or when the doc has none), else OUTSIDE_QUESTION
    count_scale: np.ndarray  # so that a phrase repeated c times adds (1 + ln c) times its weight
    scale: np.ndarray = None    # OF_OBJECT_SHARE after "of" in "neurological complications of AIDS", else 1
    weights: np.ndarray = None  # the rows' weights, modifiers rescaled (see _phrase_scales)
    eponym_docs: np.ndarray = None  # docs whose only evidence is an unknown named syndrome


def score_docs(docs, tables: TopicTables, *, concept_weight: float = 2.0, general_prior: float = 1.0,
               temperature: float = 1.0, condition_weight: float = CONDITION_WEIGHT):
    """Specialty and intent probabilities for a batch: two arrays (n_docs, 22) and (n_docs, 9).

    Also returns the raw totals and hits, which :func:`explain` turns into evidence, and per doc
    the candidate conditions (a :class:`qatext.topics.conditions.Ranking`, ``None`` without the table).
    """
    n_docs = len(docs)
    specialty = np.zeros((n_docs, N_SPECIALTIES))
    nudges = np.zeros((n_docs, N_INTENTS))
    arrays, negated = [], []
    read_assertion, read_concept = span_reader("assertion"), span_reader("concept_id")
    # ent._.experiencer, where a pipeline sets it (None: not registered, nobody else is the patient)
    read_experiencer = span_reader("experiencer") if Span.has_extension("experiencer") else None
    shapes, concept_hits, headed, headed_vectors = [], [], [], []
    symptoms, named, drug_at = [], [], []
    # label hashes, not ent.label_: building the label string per entity costs more than the test
    strings = docs[0].vocab.strings if n_docs else None
    headed_labels = {strings[label] for label in HEADED_LABELS} if n_docs else set()
    drug, test = (strings["DRUG"], strings["TEST"]) if n_docs else (None, None)
    symptom_label = strings["SYMPTOM"] if n_docs else None
    concepts = tables.concepts
    symptom_spans = []  # (doc, start, end) of the symptoms, in case the text ties them to a medicine
    headed_symptom = []
    for d, doc in enumerate(docs):
        both = doc.to_array([LOWER, SHAPE])
        hashes = np.ascontiguousarray(both[:, 0])
        shapes.append(both[:, 1])
        negated.append([])
        symptoms.append([])
        named.append([])
        user_data = doc.user_data
        for ent in doc.ents:
            assertion = read_assertion(ent)
            if assertion == "negated" and not (ent.label == drug and _asked_about(doc, ent.end)):
                # a negated finding is evidence of nothing, nor is a medicine not taken ("no iron
                # pills"); a medicine asked about stopping ("can i stop my wellbutrin?") is the topic
                hashes[ent.start:ent.end] = 0
                negated[d].append(ent.text)
                continue
            concept = read_concept(ent)
            label = ent.label
            if label == symptom_label:
                symptom_spans.append((d, ent.start, ent.end))
            if concept and (read_experiencer is None or read_experiencer(ent) not in NOT_PATIENT):
                if label == symptom_label:
                    if assertion in PATIENT_SYMPTOM:
                        symptoms[d].append(concept)
                elif assertion in NAMED_CONDITION and label in headed_labels:
                    named[d].append(concept)
            vector = concept_vector(concept, concepts)  # None for a vague finding
            if vector is not None:
                concept_hits.append((d, ent.start, vector, label == symptom_label))
            others = conjunct_concepts(user_data, ent.start_char, ent.end_char) if label == symptom_label else None
            if others and (read_experiencer is None or read_experiencer(ent) not in NOT_PATIENT):
                # a coordinated mention counts each conjunct ("[joint pain and stiffness in both hands]")
                for other in dict.fromkeys(others):
                    if other != concept:
                        if assertion in PATIENT_SYMPTOM:
                            symptoms[d].append(other)
                        other_vector = concept_vector(other, concepts)
                        if other_vector is not None:
                            concept_hits.append((d, ent.start, other_vector, True))
            if vector is not None:
                if label in headed_labels:
                    headed.append((d, ent.start, ent.end))
                    headed_vectors.append(vector)
                    headed_symptom.append(label == symptom_label)
            if label == drug:
                nudges[d, MEDICATION] = ENTITY_NUDGE
                drug_at.append((d, ent.start, _names_a_condition(doc, ent.end)))
            elif label == test:
                nudges[d, TEST_READING] = ENTITY_NUDGE
        arrays.append(hashes)
        arrays.append(_SEPARATOR)
    hits = _find(arrays, n_docs, tables, docs[0].vocab.strings) if n_docs else None
    # a copy: phrase structure rescales modifier rows in place
    found = tables.row_weights(hits.rows).copy() if hits is not None else None
    if hits is not None:
        hits.weights = found
    candidates = None
    explained = np.zeros(n_docs, dtype=bool)
    drug_focus = np.zeros(n_docs, dtype=bool)
    # the intent's symptom-story nudge reads the NER's symptoms only (lay phrases such as "the urge"
    # or "temperature" also sit in questions that ask something else)
    story = np.fromiter((len(s) >= STORY_SYMPTOMS for s in symptoms), dtype=bool, count=n_docs)
    if hits is not None and tables.row_lay is not None:
        _add_lay_symptoms(hits, tables, symptoms, symptom_spans)
    travel_fever = np.zeros(n_docs, dtype=bool)
    if hits is not None and tables.row_kinds is not None:
        travel_fever = _docs_with_kind(hits, tables, KIND_TRAVEL, n_docs)
        travel_fever &= np.fromiter((FEVER in s for s in symptoms), dtype=bool, count=n_docs)
        specialty[travel_fever, INFECTIOUS] += TRAVEL_FEVER_WEIGHT
        if drug_at:
            pregnant = _docs_with_kind(hits, tables, KIND_PREGNANCY, n_docs)
            with_drug = np.zeros(n_docs, dtype=bool)
            with_drug[[d for d, _, _ in drug_at]] = True
            specialty[pregnant & with_drug, OBSTETRICS] += DRUG_PREGNANCY_WEIGHT
    if tables.condition_table is not None and n_docs:
        candidates = tables.condition_table.rank(symptoms, named)
        votes = tables.condition_table.specialty_votes(candidates, N_SPECIALTIES, voters=CONDITION_VOTERS)
        # after travel the infections met there are likelier than the bowel or lung conditions
        # sharing their symptoms: typhoid, not diverticulitis, explains fever and belly pain
        votes[travel_fever, INFECTIOUS] *= TRAVEL_VOTE_FACTOR
        specialty += condition_weight * votes
        explained = votes.max(axis=1) >= EXPLAINED_VOTE
    reaction, allergic = _ties_symptoms_to_drug(hits, symptom_spans, nudges[:, MEDICATION] > 0, n_docs, tables)
    specialty[allergic, ALLERGY] += DRUG_ALLERGY_WEIGHT
    explained &= ~reaction
    if candidates is not None and (reaction | allergic).any():
        # symptoms a medicine causes point to no condition of their own: the conditions' votes
        # leave, and the drug's prescriber (or the allergist) decides (gold guideline, rule 8)
        tied = reaction | allergic
        specialty[tied] -= condition_weight * votes[tied]
        votes[tied] = 0.0
    if explained.any() and symptom_spans:
        # conditions explain the symptoms: each symptom's own organ (its words and concept) steps back
        starts = np.concatenate([[0], np.cumsum([len(a) for a in arrays])])[::2]
        span = np.array(symptom_spans, dtype=np.int64)
        span = span[explained[span[:, 0]]]
        lengths = span[:, 2] - span[:, 1]
        first = starts[span[:, 0]] + span[:, 1]
        tokens = np.repeat(first - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths) + np.arange(lengths.sum())
        inside = np.zeros(len(hits.joined) + 1, dtype=bool)
        inside[tokens] = True
        # an n-gram reaching into a symptom ("my chest" of "my chest went tight") steps back too
        reaches = inside[hits.absolute] | inside[hits.absolute + hits.length - 1]
        found[reaches, :N_SPECIALTIES] *= EXPLAINED_SYMPTOM_SHARE
    reaction |= allergic
    if reaction.any():
        # the drug's condition (or, for an allergic reaction, the allergist) decides, not the
        # symptoms' organs: their words and concepts step back
        starts = np.concatenate([[0], np.cumsum([len(a) for a in arrays])])[::2]
        masked = np.zeros(len(hits.joined) + 1, dtype=bool)
        for d, start, end in symptom_spans:
            if reaction[d]:
                masked[starts[d] + start:starts[d] + end] = True
        found[masked[hits.absolute]] = 0.0
        concept_hits = [c for c in concept_hits if not (c[3] and reaction[c[0]])]
        keep = [k for k, h in enumerate(headed) if not (headed_symptom[k] and reaction[h[0]])]
        headed, headed_vectors = [headed[k] for k in keep], [headed_vectors[k] for k in keep]
    if n_docs:
        of_scale = _phrase_scales(arrays, hits, found, headed, tables, headed_vectors)
        starts = np.concatenate([[0], np.cumsum([len(a) for a in arrays])])[::2]
        if concept_hits:
            # a concept named c times adds (1 + ln c) times its vector, as a repeated word does
            doc_of, at, vectors, is_symptom = zip(*concept_hits)
            doc_of = np.array(doc_of)
            step_back = np.where(np.array(is_symptom) & explained[doc_of], EXPLAINED_SYMPTOM_SHARE, 1.0)
            # each distinct vector once: stacking one per entity cost more than all the sums
            which: dict[int, int] = {}
            distinct = []
            vector_of = np.empty(len(vectors), dtype=np.int64)
            for k, vector in enumerate(vectors):
                index = which.get(id(vector))
                if index is None:
                    index = which[id(vector)] = len(distinct)
                    distinct.append(vector)
                vector_of[k] = index
            key = doc_of * len(concept_hits) + vector_of
            _, inverse, counts = np.unique(key, return_inverse=True, return_counts=True)
            weight = (concept_weight * step_back * of_scale[starts[doc_of] + np.array(at)]
                      * ((1.0 + np.log(counts)) / counts)[inverse])
            per_doc = sparse.csr_matrix((weight, (doc_of, vector_of)), shape=(n_docs, len(distinct)))
            specialty += per_doc @ np.stack(distinct).astype(np.float64)

        if tables.row_kinds is not None and len(hits.rows):
            # a medicine word (no DRUG entity) in the main ask focuses it like a named drug
            known = hits.rows < len(tables.row_kinds)
            kinds = np.zeros(len(hits.rows), dtype=np.uint8)
            kinds[known] = tables.row_kinds[hits.rows[known]]
            at = np.flatnonzero((kinds & KIND_MEDICINE) > 0)
            if len(at):
                main_start, main_end, _ = hits.main_ask
                doc_of, start = hits.doc[at], hits.start[at]
                inside = (start >= main_start[doc_of]) & (start < main_end[doc_of])
                drug_focus[doc_of[inside]] = True
        if drug_at:
            # a medicine named in the main question: the question is about the medicine
            # (the main ask: the flagged question, the last one, or without a "?" the last sentence)
            doc_of, at, modifier = (np.array(x) for x in zip(*drug_at))
            main_start, main_end, _ = hits.main_ask
            main = (at >= main_start[doc_of]) & (at < main_end[doc_of])
            nudges[doc_of[main], MEDICATION] = DRUG_IN_QUESTION
            drug_focus[doc_of[main & ~modifier]] = True
        results, children = _result_and_child_flags(arrays, shapes, n_docs, tables, hits)
        nudges[results, TEST_READING] += RESULT_NUDGE
        specialty[children, PEDIATRICS] += CHILD_AGE_WEIGHT
        if candidates is not None and children.any():
            # a child's fever, rash or cough is the paediatrician's: the conditions' votes go to
            # pediatrics, except for the specialties a paediatrician refers to outright
            moved = condition_weight * votes[children] * CHILD_MOVES_VOTE
            specialty[children] -= moved
            specialty[children, PEDIATRICS] += moved.sum(axis=1)
    nudges[story, DIAGNOSIS] += SYMPTOM_STORY_NUDGE
    intent = np.tile(BASELINE, (n_docs, 1)) + nudges
    if hits is not None and len(hits.rows):
        # one sort of the hits by doc serves the three sums (ufunc.at over rows costs more)
        order = np.argsort(hits.doc, kind="stable")
        doc_sorted = hits.doc[order]
        found_sorted = found[order]
        specialty += _reduce_by_doc(np.add, doc_sorted, found_sorted[:, :N_SPECIALTIES]
                                    * (hits.count_scale * hits.scale)[order, None], n_docs)
        cue = found_sorted[:, N_SPECIALTIES:] * hits.factor[order, None]
        best = np.maximum(_reduce_by_doc(np.maximum, doc_sorted, cue, n_docs), 0.0)
        total = _reduce_by_doc(np.add, doc_sorted, cue, n_docs)
        intent += best + SECONDARY_CUES * np.minimum(total - best, 2 * best + 1)
    if drug_focus.any():
        # a medicine in the main ask is the question's focus, whatever its form: "what is
        # morphine", "how long does lexapro take to work", "why do i take folic acid with
        # methotrexate" ask about the medicine, not for information, a prognosis or a cause
        focus = np.flatnonzero(drug_focus)
        asked = intent[np.ix_(focus, DRUG_FORMS)].max(axis=1) + DRUG_FOCUS_MARGIN
        intent[focus, MEDICATION] = np.maximum(intent[focus, MEDICATION], asked)
    logits = specialty.copy()
    logits[:, GENERAL] += general_prior
    eponym = tables.concepts.get(EPONYM_CONCEPT)
    silent = (specialty <= 0).all(axis=1)
    if eponym is not None and silent.any():
        # a word no table knows gave no hit, so a silent doc's eponym is found from its tokens alone
        quiet = np.flatnonzero(silent)
        silent[quiet] = _unknown_eponyms(arrays, shapes, quiet, tables)
        hits.eponym_docs = silent
        if silent.any():
            specialty[silent] = concept_weight * eponym
            logits[silent] = specialty[silent]
    return (_softmax(logits * temperature), _softmax(intent * temperature), specialty, hits, negated,
            candidates)


_SEPARATOR = np.zeros(1, dtype=np.uint64)


def _reduce_by_doc(ufunc, doc: np.ndarray, values: np.ndarray, n_docs: int) -> np.ndarray:
    """(n_docs, columns): ``ufunc`` (np.add, np.maximum) over the rows of ``values`` per doc, ``doc``
    sorted; 0 for a doc with no row."""
    out = np.zeros((n_docs, values.shape[1]))
    if not len(doc):
        return out
    starts = np.flatnonzero(np.concatenate([[True], doc[1:] != doc[:-1]]))
    out[doc[starts]] = ufunc.reduceat(values, starts, axis=0)
    return out


def _docs_with_kind(hits: Hits, tables: TopicTables, kind: int, n_docs: int) -> np.ndarray:
    """Per doc: does one of its hits carry the ``KIND_*`` bit ``kind``."""
    out = np.zeros(n_docs, dtype=bool)
    at = np.flatnonzero(hits.rows < len(tables.row_kinds))
    marked = (tables.row_kinds[hits.rows[at]] & kind) > 0
    out[hits.doc[at[marked]]] = True
    return out


def _after_negator(hits: Hits, tables: TopicTables, at: np.ndarray) -> np.ndarray:
    """Per hit index in ``at``: is one of the two tokens before it "no", "not", "never" ... ("no new
    meds", "didnt take the tablets", "not itchy")."""
    start, negator = hits.absolute[at], (hits.flags & FLAG_NEGATOR) != 0
    negated = negator[np.maximum(start - 1, 0)] & (start >= 1)
    negated |= negator[np.maximum(start - 2, 0)] & (start >= 2)
    return negated


def _add_lay_symptoms(hits: Hits, tables: TopicTables, symptoms: list, symptom_spans: list) -> None:
    """Lay symptom phrases the NER does not name ("always thirsty", "zigzags in my vision") join
    the patient's symptoms (in place), unless "no", "not", "never" ... comes right before them.

    Their tokens join ``symptom_spans``, so when conditions explain the story their words'
    organ evidence steps back like a named symptom's.
    """
    rows = hits.rows
    inside = rows < len(tables.row_lay)
    at = np.flatnonzero(inside)
    lay = tables.row_lay[rows[at]]
    at, lay = at[lay >= 0], lay[lay >= 0]
    if not len(at):
        return
    negated = _after_negator(hits, tables, at)
    for k, index in zip(at[~negated].tolist(), lay[~negated].tolist()):
        d, first = int(hits.doc[k]), int(hits.start[k])
        symptoms[d].extend(tables.lay_concepts[index])
        symptom_spans.append((d, first, first + int(hits.length[k])))


def _main_ask(doc, hits) -> dict:
    """The main ask of a doc as text, and why it was chosen (for the evidence)."""
    if hits is None or getattr(hits, "main_ask", None) is None:
        return {"main_ask": doc.text.strip(), "main_ask_reason": MAIN_REASONS[MAIN_WHOLE]}
    start, end, reason = (int(a[0]) for a in hits.main_ask)
    start, end = max(start, 0), min(max(end, start), len(doc))
    return {"main_ask": doc[start:end].text.strip(), "main_ask_reason": MAIN_REASONS[reason]}


def _asked_about(doc, end: int) -> bool:
    """Does the sentence of the span ending at token ``end`` end with a question mark?"""
    for token in doc[end:end + QUESTION_REACH]:
        if token.text == "?":
            return True
        if token.text in SENTENCE_ENDS:
            return False
    return False


def _names_a_condition(doc, end: int) -> bool:
    """Is the drug name ending at token ``end`` a modifier of a condition or test name?"""
    for token in doc[end:end + DRUG_MODIFIER_REACH]:
        if token.is_punct and token.text not in "-/":
            return False
        if token.lower_ in DRUG_MODIFIED_BY:
            return True
    return False


def _ties_symptoms_to_drug(hits, symptom_spans, names_drug: np.ndarray, n_docs: int,
                           tables: TopicTables) -> tuple[np.ndarray, np.ndarray]:
    """Per doc: does it tie its symptoms to a medicine ("since the new pills"), and not as an allergy;
    and does it tie allergic signs (rash, swelling, wheeze) to one: two boolean arrays.

    The cue phrases are rows of the lookup table (:attr:`TopicTables.row_kinds`), so the batch's
    one lookup found them; the weaker cues ("giving me") count when a drug is named.
    """
    tied = np.zeros(n_docs, dtype=bool)
    if hits is None or not symptom_spans or tables.row_kinds is None:
        return tied, tied.copy()
    rows = hits.rows
    at = np.flatnonzero(rows < len(tables.row_kinds))
    hit_kinds = tables.row_kinds[rows[at]]
    marked = hit_kinds > 0  # a few hits of the batch: ufunc.at only on those
    marked[marked] = ~_after_negator(hits, tables, at[marked])
    kinds = np.zeros(n_docs, dtype=np.uint8)
    np.bitwise_or.at(kinds, hits.doc[at[marked]], hit_kinds[marked])
    has_symptom = np.zeros(n_docs, dtype=bool)
    has_symptom[[d for d, _, _ in symptom_spans]] = True
    tied = ((kinds & KIND_REACTION) > 0) | (((kinds & KIND_DRUG_EFFECT) > 0) & names_drug)
    tied &= has_symptom
    allergic = tied & ((kinds & (KIND_ALLERGY | KIND_ALLERGIC_SIGN)) > 0)
    return tied & ~allergic, allergic


def span_reader(name: str):
    """A function reading ``span._.<name>`` without building an ``Underscore`` object per span.

    Same lookup as spaCy's ``Underscore.__getattr__`` (getter, else the value stored in
    ``doc.user_data`` under ``(USER_DATA_PREFIX, name, start_char, end_char)``, else the default); a test
    checks it against ``span._.get``. Returns ``None`` for an unregistered extension.
    """
    if not Span.has_extension(name):
        return lambda span: None
    default, method, getter, _ = Span.get_extension(name)
    if getter is not None:
        return getter
    if method is not None:
        return lambda span: span._.get(name)

    def read(span):
        return span.doc.user_data.get((USER_DATA_PREFIX, name, span.start_char, span.end_char), default)
    return read


def _result_and_child_flags(arrays, shapes, n_docs: int, tables: TopicTables, hits: Hits):
    """Per doc: does it give a measured value, does it speak of a child under 13.

    ``hits``: what :func:`_find` found in ``arrays``, for the joined tokens and their flags.
    """
    joined, flags = hits.joined, hits.flags
    parts = [_SEPARATOR] * (2 * len(shapes))
    parts[::2] = shapes
    shape = np.concatenate(parts)
    lengths = np.fromiter((len(a) for a in arrays[::2]), dtype=np.int64, count=n_docs)
    doc_of = np.repeat(np.arange(n_docs), lengths + 1)
    results = np.zeros(n_docs, dtype=bool)
    results[doc_of[_sorted_contains(tables.sorted_result_shapes, shape) | ((flags & FLAG_RESULT_WORD) != 0)]] = True
    # "<n> year(s) old", "<n> yo", "<n>-year-old": skip hyphens, then number, unit, "old"
    keep = joined != tables.hyphen_key
    words, word_doc, word_flags = joined[keep], doc_of[keep], flags[keep]
    number = (word_flags & FLAG_CHILD_YEAR) != 0
    unit = (word_flags & FLAG_YEAR_UNIT) != 0
    old = words == tables.old_key
    yo = (word_flags & FLAG_YO) != 0
    child = (word_flags & FLAG_CHILD_WORD) != 0
    duration = np.zeros(len(words), dtype=bool)
    duration[1:] = (word_flags[:-1] & FLAG_DURATION_BEFORE) != 0
    duration[:-2] |= _sorted_contains(_DURATION_AFTER_KEYS, words[2:])
    child[:-1] |= number[:-1] & yo[1:] & ~duration[:-1]
    child[:-2] |= number[:-2] & unit[1:-1] & old[2:]
    # "son (4)", "daughter is 7", "aged 6" (a number of years, or of months or weeks: under 13 too)
    noun = (word_flags & FLAG_CHILD_NOUN) != 0
    before = (word_flags & FLAG_AGE_BEFORE) != 0
    child[:-2] |= noun[:-2] & before[1:-1] & number[2:]
    children = np.zeros(n_docs, dtype=bool)
    children[word_doc[child]] = True
    return results, children


def _unknown_eponyms(arrays, shapes, docs: np.ndarray, tables: TopicTables) -> np.ndarray:
    """Which of ``docs`` (indices) name a syndrome with a capitalised word no table knows ("Fahr's syndrome")."""
    joined = np.concatenate([arrays[2 * d] for d in docs] + [_SEPARATOR])
    # the name is right before the noun, or before a possessive ending before it
    nouns = np.flatnonzero(np.isin(joined, tables.eponym_nouns))
    nouns = nouns[nouns >= 1]
    found = np.zeros(len(docs), dtype=bool)
    if not len(nouns):
        return found
    before = nouns - 1
    possessive = np.isin(joined[before], tables.possessives) & (before >= 1)
    name = np.where(possessive, before - 1, before)
    shape = np.concatenate([shapes[d] for d in docs] + [_SEPARATOR])
    name = name[np.isin(shape[name], tables.capitalised_shapes) & (joined[name] != 0)]
    name = name[~_sorted_contains(tables.keys, joined[name]) & ~_sorted_contains(tables.plain_keys, joined[name])]
    if len(name):
        ends = np.cumsum([len(arrays[2 * d]) for d in docs])
        found[np.searchsorted(ends, name, side="right")] = True
    return found


def _sorted_contains(table: np.ndarray, values: np.ndarray) -> np.ndarray:
    at = np.minimum(np.searchsorted(table, values), max(len(table) - 1, 0))
    return (table[at] == values) if len(table) else np.zeros(len(values), dtype=bool)


def _find(arrays, n_docs: int, tables: TopicTables, strings) -> Hits:
    joined = np.concatenate(arrays)
    size = len(joined)
    lengths = np.fromiter((len(a) for a in arrays[::2]), dtype=np.int64, count=n_docs)
    doc_of = np.repeat(np.arange(n_docs), lengths + 1)
    starts = np.concatenate([[0], np.cumsum(lengths + 1)[:-1]])
    present = joined != 0
    bigrams, trigrams = ngram_keys(joined)
    bigrams[~(present[:-1] & present[1:])] = 0
    trigrams[~(present[:-2] & present[1:-1] & present[2:])] = 0
    at, flags, shaped_rows = tables.token_flags(joined, strings)
    single = np.flatnonzero((at >= 0) & present)
    shaped = np.flatnonzero(shaped_rows >= 0)
    n_rows = len(tables.keys) + len(tables.multi_keys)
    if len(tables.multi_keys):
        # only n-grams whose first word starts some cue can be one; bigrams first, then trigrams,
        # each in text order (the order the hits are summed in)
        if tables.multi_first is None:
            starts_cue = np.arange(size)
        else:
            starts_cue = np.flatnonzero(flags & FLAG_MULTI_FIRST)
        bigram_at = starts_cue[starts_cue < size - 1]
        trigram_at = starts_cue[starts_cue < size - 2]
        phrases = np.concatenate([bigrams[bigram_at], trigrams[trigram_at]])
        where = np.concatenate([bigram_at, trigram_at + (size - 1)])
        multi_at = np.searchsorted(tables.multi_keys, phrases)
        multi_at[multi_at == len(tables.multi_keys)] = 0
        matched = (tables.multi_keys[multi_at] == phrases) & (phrases != 0)
        multi, multi_rows = where[matched], multi_at[matched]
    else:
        multi = multi_rows = single[:0]
    is_trigram = multi >= size - 1
    position = np.concatenate([single, multi - np.where(is_trigram, size - 1, 0), shaped])
    block = np.concatenate([np.zeros(len(single), dtype=np.int64), 1 + is_trigram.astype(np.int64),
                            np.zeros(len(shaped), dtype=np.int64)])
    # rows of the multi table follow those of the single-token table, then the shaped words
    rows = np.concatenate([at[single], len(tables.keys) + multi_rows, n_rows + shaped_rows[shaped]])
    doc = doc_of[position]
    # question sentences: the next sentence end after the n-gram is a "?"
    ends = np.flatnonzero(((flags & FLAG_END) != 0) | ~present)
    next_end = ends[np.searchsorted(ends, position)]
    asks = joined[next_end] == tables.question_key
    question_marks = np.flatnonzero(joined == tables.question_key)
    last_question = np.full(n_docs, -1)
    np.maximum.at(last_question, doc_of[question_marks], question_marks)
    doc_asks = last_question[doc] >= 0
    factor = np.where(~doc_asks, 1.0,
                      np.where(next_end == last_question[doc], 1.0, np.where(asks, OTHER_QUESTION, OUTSIDE_QUESTION)))
    # a short last question ("is this true?") defers to the sentence before it
    # sentence ends with a virtual one before the first doc: the end before position p is
    # padded[searchsorted(ends, p)]
    padded = np.concatenate([[-1], ends])
    question_start = np.where(last_question >= 0, padded[np.searchsorted(ends, last_question)], -1)
    short = ((last_question >= 0) & (last_question - question_start <= SHORT_QUESTION_TOKENS)
             & (question_start >= 0) & present[np.maximum(question_start, 0)])  # an end inside the doc
    referent_start = np.where(short, padded[np.searchsorted(ends, np.maximum(question_start, 0))], -1)
    if short.any():
        in_question = short[doc] & (position > question_start[doc]) & (next_end == last_question[doc])
        in_referent = short[doc] & (position > referent_start[doc]) & (position <= question_start[doc])
        factor = np.where(in_question, SHORT_QUESTION_SHARE, np.where(in_referent, 1.0, factor))
    # the main ask: the sentence the asker flags ("my main question is ..."), else the last
    # question (with the sentence before it when it is short), else the whole text
    doc_start = starts[:n_docs] - 1
    # without a "?" the last sentence asks ("... had a big night of beers. what is this"), unless
    # it is too short to be an ask ("thanks"): then the whole text
    last_token = starts[:n_docs] + lengths - 1
    last_sentence = padded[np.searchsorted(ends, last_token)]
    last_asks = (last_token - last_sentence > SHORT_QUESTION_TOKENS // 2) & (last_sentence > doc_start)
    plain_start = np.where(last_asks, last_sentence, doc_start)
    main_start = np.where(short, referent_start, np.where(last_question >= 0, question_start, plain_start))
    main_end = np.where(last_question >= 0, last_question, starts[:n_docs] + lengths)
    reason = np.where(short, MAIN_SHORT, np.where(last_question >= 0, MAIN_LAST,
                                                  np.where(last_asks, MAIN_PLAIN_LAST, MAIN_WHOLE)))
    if tables.row_kinds is not None and len(rows):
        flag = np.zeros(len(rows), dtype=bool)
        inside = rows < len(tables.row_kinds)
        flag[inside] = (tables.row_kinds[rows[inside]] & KIND_MAIN_FLAG) > 0
        if flag.any():
            flagged_doc = np.full(n_docs, -1)
            first_flag = np.flatnonzero(flag)[::-1]  # the first flag of a doc is written last
            flagged_doc[doc[first_flag]] = first_flag
            docs_flagged = np.flatnonzero(flagged_doc >= 0)
            at = position[flagged_doc[docs_flagged]]
            sentence_end = ends[np.searchsorted(ends, at)]
            sentence_start = padded[np.searchsorted(ends, at)]
            main_start[docs_flagged], main_end[docs_flagged] = sentence_start, sentence_end
            reason[docs_flagged] = MAIN_FLAGGED
            in_doc = flagged_doc[doc] >= 0
            in_main = (position > main_start[doc]) & (position <= main_end[doc])
            factor = np.where(in_doc, np.where(in_main, 1.0, np.minimum(factor, OUTSIDE_QUESTION)), factor)
    pair = doc.astype(np.int64) * (n_rows + len(tables.shaped_weights)) + rows
    _, inverse, counts = np.unique(pair, return_inverse=True, return_counts=True)
    count_scale = ((1.0 + np.log(counts)) / counts)[inverse]
    hits = Hits(rows, doc, position - starts[doc], block + 1, factor, count_scale, np.ones(len(rows)))
    hits.absolute = position
    hits.ends, hits.last_question = ends, last_question
    # per doc: the main ask's tokens (after main_start, up to main_end, absolute) and why
    hits.main_ask = (main_start - starts[:n_docs] + 1, main_end - starts[:n_docs] + 1, reason)
    hits.flags = flags
    hits.joined = joined
    return hits


def _entity_heads(arrays, headed, breaks, evidence, headable, modifier, head_of, entity_scale) -> None:
    """Mark the modifiers of named diseases and symptoms (in place), all entities at once.

    The head is the entity's last headable word before a stop word or punctuation ("mole on
    my back": mole); every other evidence word of the entity leans on it.
    """
    offsets = np.concatenate([[0], np.cumsum([len(a) for a in arrays])])[::2]
    spans = np.array(headed, dtype=np.int64)
    start = offsets[spans[:, 0]] + spans[:, 1]
    end = offsets[spans[:, 0]] + spans[:, 2]
    size = len(breaks)
    index = np.arange(size)
    # first break at or after i; last headable word at or before i
    break_at = np.flatnonzero(breaks)
    next_break = np.append(break_at, size)[np.searchsorted(break_at, start)]
    stop = np.minimum(next_break, end)
    last_headable = np.maximum.accumulate(np.where(headable[:size], index, -1))
    head = np.where(stop > start, last_headable[np.maximum(stop - 1, 0)], -1)
    head[head < start] = -1
    lengths = end - start
    tokens = np.repeat(start - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths) + np.arange(lengths.sum())
    token_head = np.repeat(head, lengths)
    entity_scale[tokens] = ENTITY_WORD_SHARE
    lean = tokens[(token_head >= 0) & evidence[tokens] & (tokens != token_head)]
    modifier[lean] = True
    head_of[lean] = token_head[(token_head >= 0) & evidence[tokens] & (tokens != token_head)]


def _contradicted_cues(arrays, hits: Hits, found: np.ndarray, headed, vectors, cue_hits: np.ndarray,
                       breaks: np.ndarray) -> None:
    """A curated cue modifier inside a named disease whose concept gives the cue's specialty nothing
    counts ENTITY_WORD_SHARE (in place): "malignant" in "neuroleptic malignant syndrome" is part
    of a name MeSH files under the nervous system, not a tumour. The last word of the name's
    first phrase says what the disease is ("chronic neutrophilic leukemia", "mole on my back")
    and keeps its weight.
    """
    cues = np.flatnonzero(cue_hits)
    if not len(cues):
        return
    offsets = np.concatenate([[0], np.cumsum([len(a) for a in arrays])])[::2]
    spans = np.array(headed, dtype=np.int64)
    start = offsets[spans[:, 0]] + spans[:, 1]
    end = offsets[spans[:, 0]] + spans[:, 2]
    break_at = np.flatnonzero(breaks)
    first_break = np.append(break_at, len(breaks))[np.searchsorted(break_at, start)]
    limit = np.minimum(first_break, end) - 1   # the first phrase's last word keeps its weight
    position = hits.absolute[cues]
    k = np.searchsorted(start, position, side="right") - 1  # entities come in text order
    inside = (k >= 0) & (position < limit[np.maximum(k, 0)])
    at, k = cues[inside], k[inside]
    if not len(at):
        return
    lead = found[at, :N_SPECIALTIES].argmax(axis=1)
    # only the few cues inside a name: stacking every entity's vector costs more than the rest
    given = np.array([vectors[e][s] for e, s in zip(k.tolist(), lead.tolist())])
    contradicted = at[given <= 0]
    hits.scale[contradicted] *= ENTITY_WORD_SHARE


def _phrase_scales(arrays, hits: Hits, found: np.ndarray, headed, tables: TopicTables,
                   headed_vectors=()) -> np.ndarray:
    """Set ``hits.scale`` from phrase structure; return the per-token "after of" scale for concepts.

    ``headed``: (doc, start, end) of named diseases and symptoms with a known concept,
    ``headed_vectors`` their concept vectors.
    """
    joined = np.concatenate(arrays) if hits is None else hits.joined
    size = len(joined)
    of_scale = np.ones(size)
    if hits is None or not len(hits.rows):
        return of_scale
    single = hits.length == 1
    evidence = np.zeros(size + 1, dtype=bool)
    evidence[hits.absolute[single & (found[:, :N_SPECIALTIES].max(axis=1) > 0)]] = True
    # process nouns ("infection", "inflammation": neutral_words.txt) do not head a phrase: in
    # "yeast infection", "ear infection" the word before them names the organ
    headable = evidence.copy()
    headable[:size] &= (hits.flags & FLAG_NEUTRAL) == 0
    modifier = np.zeros(size + 1, dtype=bool)
    modifier[:size] = evidence[:size] & headable[1:size + 1]
    head_of = np.arange(1, size + 2)  # the word a modifier leans on: the next one, or the entity's head
    entity_scale = np.ones(size)
    breaks = (hits.flags & FLAG_BREAK) != 0
    if headed:
        _entity_heads(arrays, headed, breaks, evidence, headable, modifier, head_of, entity_scale)
    # "X of Y": X reaches back over words (no stop word, no punctuation), Y forward over them
    # after an optional determiner
    of = np.flatnonzero(joined == tables.of_key)
    if len(of):
        word = (joined != 0) & ~breaks
        padded = np.concatenate([np.zeros(OF_PHRASE_TOKENS, dtype=bool), word,
                                 np.zeros(OF_PHRASE_TOKENS + 1, dtype=bool)])
        ev = np.concatenate([np.zeros(OF_PHRASE_TOKENS, dtype=bool), evidence[:size],
                             np.zeros(OF_PHRASE_TOKENS + 1, dtype=bool)])
        at = of + OF_PHRASE_TOKENS
        reach = np.ones(len(of), dtype=bool)
        x_len = np.zeros(len(of), dtype=np.int64)
        x_modified = np.zeros(len(of), dtype=bool)
        for back in range(1, OF_PHRASE_TOKENS + 1):
            reach &= padded[at - back]
            x_len += reach
            # a modifier: an evidence word that is not the phrase's last word
            x_modified |= reach & (back > 1) & ev[at - back]
        led = of[x_modified & (x_len >= 2)]
        for y in led:
            k = y + 1
            if k < size and joined[k] in tables.of_skip_set:
                k += 1
            end = k
            while end < size and end < k + OF_PHRASE_TOKENS and word[end]:
                end += 1
            of_scale[k:end] = OF_OBJECT_SHARE
    derived = single & (hits.rows < len(tables.keys))
    derived[derived] = ~tables.curated[hits.rows[derived]]
    hits.scale = of_scale[hits.absolute] * np.where(derived, entity_scale[hits.absolute], 1.0)
    if len(headed_vectors):
        _contradicted_cues(arrays, hits, found, headed, headed_vectors, single & ~derived, breaks)
    # a modifier keeps what it shares with its head and counts MODIFIER_SHARE of the rest:
    # "rheumatoid arthritis" keeps all its weight, "diabetic neuropathy" leans on neuropathy
    hit_at = np.full(size + 1, -1)
    hit_at[hits.absolute[single]] = np.flatnonzero(single)
    mods = np.flatnonzero(single & modifier[hits.absolute])
    heads = hit_at[head_of[hits.absolute[mods]]]
    mods, heads = mods[heads >= 0], heads[heads >= 0]
    own, lean = found[mods, :N_SPECIALTIES], found[heads, :N_SPECIALTIES]
    shared = np.minimum(own, np.maximum(lean, 0))
    found[mods, :N_SPECIALTIES] = shared + MODIFIER_SHARE * (own - shared)
    return of_scale


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def ranked(probabilities: np.ndarray, labels) -> list[list[tuple[str, float]]]:
    """Per row of ``probabilities``: ``[(id, score), ...]`` sorted by score, highest first."""
    order = np.argsort(-probabilities, axis=1, kind="stable")
    names = np.asarray(labels, dtype=object)[order].tolist()
    scores = np.take_along_axis(probabilities, order, axis=1).tolist()
    return [list(zip(n, s)) for n, s in zip(names, scores)]


def explain(doc, tables: TopicTables, **options) -> dict:
    """Which words, concepts and cue phrases decided the doc's top specialty and intent."""
    specialty, intent, totals, hits, negated, candidates = score_docs([doc], tables, **options)
    top_s, top_i = int(specialty[0].argmax()), int(intent[0].argmax())
    words, cues = {}, {}
    if hits is not None:
        found = hits.weights
        for k in range(len(hits.rows)):
            phrase = doc[int(hits.start[k]):int(hits.start[k] + hits.length[k])].text
            s_weight = float(found[k, top_s] * hits.count_scale[k] * hits.scale[k])
            i_weight = float(found[k, N_SPECIALTIES + top_i] * hits.factor[k])
            if s_weight > 0:
                words[phrase.lower()] = round(words.get(phrase.lower(), 0.0) + s_weight, 3)
            if i_weight > 0:
                cues[phrase.lower()] = round(max(cues.get(phrase.lower(), 0.0), i_weight), 3)
    concepts = []
    read_assertion, read_concept = span_reader("assertion"), span_reader("concept_id")
    for ent in doc.ents:
        if read_assertion(ent) == "negated":
            continue
        vector = concept_vector(read_concept(ent), tables.concepts)
        if vector is not None and vector[top_s] > 0:
            concepts.append((ent.text, read_concept(ent), round(float(vector[top_s]), 3)))
    if getattr(hits, "eponym_docs", None) is not None and hits.eponym_docs[0]:
        weight = float(tables.concepts[EPONYM_CONCEPT][top_s])
        concepts.append(("unknown named syndrome", EPONYM_CONCEPT, round(weight, 3)))
    order = np.argsort(-totals[0])[:4]
    condition_votes = []
    if candidates is not None and len(candidates.doc):
        # what each candidate voted, before a child's story moved votes or a drug reaction removed them
        shares = tables.condition_table.vote_shares(candidates, voters=CONDITION_VOTERS)
        weight = options.get("condition_weight", CONDITION_WEIGHT)
        for c, share in zip(tables.condition_table.expand(candidates.stored()[0]), shares.tolist()):
            if share > 0 and c.specialty == SPECIALTIES[top_s]:
                condition_votes.append((c.name, c.specialty, round(weight * share * c.score, 3)))
    shares = {"words": sum(words.values()), "concepts": options.get("concept_weight", 2.0) * sum(c[2] for c in concepts),
              "conditions": sum(v[2] for v in condition_votes)}
    decided = max(shares, key=shares.get)
    if shares[decided] <= 0:
        decided = "nothing specific (general_medicine prior)" if SPECIALTIES[top_s] == "general_medicine" else "child age"
    return {
        "specialty": {
            "specialty": SPECIALTIES[top_s],
            "words": sorted(words.items(), key=lambda kv: -kv[1])[:8],
            "concepts": concepts,
            "conditions": condition_votes,
            "decided_by": decided,
            "negated_ignored": negated[0],
            "totals": {SPECIALTIES[i]: round(float(totals[0, i]), 3) for i in order},
        },
        "intent": {"intent": INTENTS[top_i], "cues": sorted(cues.items(), key=lambda kv: -kv[1])[:6],
                   **_main_ask(doc, hits)},
    }
