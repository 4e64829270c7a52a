"""Patient wording (issue 11): misspellings, shorthand in context, impairments, coordination,
hashtags, drug kinds, figurative bare words, and concepts no narrower than the words."""
from __future__ import annotations

import csv
import pickle
from collections import Counter
from importlib import resources

import pytest
from spacy.tokens import Doc

import qatext
from qatext.ner import fuzzy
from qatext.ner.lexicon import concept_review_rows, get_lexicon
from qatext.ner.qualifiers import added_qualifiers
from qatext.ner.shorthand import count_senses


def ents(nlp, text):
    return {e.text: e for e in nlp(text).ents}


@pytest.mark.parametrize("text, surface, label, matched_as", [
    ("been on liptor for a year", "liptor", "DRUG", "lipitor"),
    ("switched from simvistatin to provachol", "simvistatin", "DRUG", "simvastatin"),
    ("switched from simvistatin to provachol", "provachol", "DRUG", "pravachol"),
    ("the tinetus is worse at night", "tinetus", "SYMPTOM", "tinnitus"),
    ("the erithema spread overnight", "erithema", "SYMPTOM", "erythema"),
    ("i have trouble breething", "trouble breething", "SYMPTOM", "trouble breathing"),
])
def test_misspelled_names_are_found_with_the_form_they_matched(nlp, text, surface, label, matched_as):
    found = ents(nlp, text)
    assert surface in found, [(e.text, e.label_) for e in found.values()]
    assert found[surface].label_ == label
    assert found[surface]._.matched_as == matched_as


def test_a_word_equally_near_two_forms_of_one_concept_takes_that_concept():
    # the lexicon lists "mirtazepine" as a form of mirtazapine: one vowel from both, no ambiguity
    index = get_lexicon().fuzzy
    assert {index.senses[f] for f in ("mirtazapine", "mirtazepine")} == {("DRUG", "DRUGBANK:DB06678")}
    assert index.lookup("mirtazipine") == "mirtazapine"
    # near two concepts equally, a word stays unmatched
    assert index.lookup("mecrogenia") is None  # macrogenia and microgenia are one vowel away each
    found = ents(qatext.load(topics=False), "been on mirtazipine 15mg for 3 weeks")
    assert found["mirtazipine"]._.concept_id == "DRUGBANK:DB06678"
    assert found["mirtazipine"]._.matched_as == "mirtazapine"


@pytest.mark.parametrize("word, far_form", [
    ("anteverted", "antivert"),  # a uterus's position, not the vertigo drug
    ("metolazone", "mesalazine"),  # another drug, 2 edits from a rare form
    ("histiocytes", "histiocytoses"),  # cells, not the disease
    ("microgynon", "microgenia"),  # a contraceptive brand, not a small chin
])
def test_a_far_correction_needs_a_form_people_write(word, far_form):
    index = get_lexicon().fuzzy
    assert fuzzy.distance(word, far_form) >= fuzzy.FAR_DISTANCE and not fuzzy.is_english_word(far_form)
    found_form = index.lookup(word)  # round 20: "metolazone" finds the package's "metolazon", its own concept
    lexicon = get_lexicon()
    assert found_form is None or lexicon.terms.get(found_form, ())[:2] == lexicon.terms.get(word, (0, 1))[:2]
    found = ents(qatext.load(topics=False), f"the scan said {word} and they mentioned it twice")
    assert word not in found or found[word]._.matched_as is None


@pytest.mark.parametrize("word, form", [("welbutrine", "wellbutrin"), ("aniexty", "anxiety"), ("suidical", "suicidal")])
def test_a_far_correction_to_a_word_people_write_is_kept(word, form):
    assert fuzzy.distance(word, form) >= fuzzy.FAR_DISTANCE and fuzzy.is_english_word(form)
    assert get_lexicon().fuzzy.lookup(word) == form


@pytest.mark.parametrize("word", ["house", "because", "really", "stacy", "karen", "tomorrow", "brother", "lately"])
def test_everyday_words_and_names_are_not_corrected(word):
    assert get_lexicon().fuzzy.lookup(word) is None


def test_fuzzy_distance_grows_with_length_and_favours_vowels_and_neighbouring_keys():
    assert fuzzy.max_distance(5) < fuzzy.max_distance(8) < fuzzy.max_distance(12)
    assert fuzzy.distance("erithema", "erythema") == 0.5  # a vowel for a vowel
    assert fuzzy.distance("lipotor", "lipitor") == 0.5
    assert fuzzy.distance("lipitpr", "lipitor") == 0.75  # o/p are neighbours on the keyboard
    assert fuzzy.distance("liptior", "lipitor") == 1.0  # one adjacent swap
    assert fuzzy.skeleton("simvistatin") == fuzzy.skeleton("simvastatin")


@pytest.mark.parametrize("text, span", [
    ("woke up and was unable to walk", "unable to walk"),
    ("she could hardly walk to the car", "could hardly walk"),
    ("i can barely walk to the mailbox", "can barely walk"),
    ("i couldn't get out of bed for days", "couldn't get out of bed"),
    ("i can't keep food down", "can't keep food down"),
    ("loss of memory since the accident", "loss of memory"),
    ("i was in agony all night", "in agony"),
])
def test_impairments_keep_their_modal(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "SYMPTOM", list(found)


@pytest.mark.parametrize("text, span, concept_id", [
    ("zero motivation since the second week", "zero motivation", "HP:0000741"),
    # the longest change cue wins: "lost all", not "lost" then a function "all motivation"
    ("a month in and i lost all motivation for the gym", "lost all motivation", "HP:0000741"),
    ("low motivation and energy", "low motivation", "HP:0000741"),
    ("less libido, tired always", "less libido", "HP:0046504"),
    ("delayed orgasm and sex drive reduction", "sex drive reduction", "HP:0046504"),
    ("on it a month and i have lower sex drive", "lower sex drive", "HP:0046504"),
    ("i have less energy than before", "less energy", "HP:0025406"),
    ("since the switch my appetite is gone", "appetite is gone", "HP:0004396"),
    ("much higher blood pressure when resting", "higher blood pressure", "HP:0032263"),
])
def test_a_changed_normal_function_is_one_symptom(nlp, text, span, concept_id):
    found = ents(nlp, text)
    assert span in found, [(e.text, e.label_) for e in found.values()]
    assert (found[span].label_, found[span].kb_id_) == ("SYMPTOM", concept_id)


@pytest.mark.parametrize("text, absent", [
    ("the scan showed no heart rate", "no heart rate"),  # a measure is absent, not lowered
    ("i need less time at work", "less time"),  # not a body function
    ("i have more pain at night", "more pain"),  # quantifiers stay outside a symptom
])
def test_change_words_build_nothing_outside_body_functions(nlp, text, absent):
    assert absent not in ents(nlp, text)


def test_a_lexicon_phrase_keeps_its_own_concept(nlp):
    assert ents(nlp, "loss of appetite and nausea")["loss of appetite"].kb_id_ == "HP:0002039"


@pytest.mark.parametrize("text, span", [
    ("burning in the soles of my feet at night", "burning in the soles of my feet"),
    ("still burning under my ribs after the omeprazole", "burning under my ribs"),
    ("a tingling down my back when i bend", "tingling down my back"),
    ("dry scaly patches on my elbows and knees", "dry scaly patches on my elbows and knees"),
    ("my legs gave out on the stairs", "legs gave out"),
    ("my eyes swell shut every spring", "eyes swell shut"),
    ("my eyebrows are thinning too", "eyebrows are thinning"),
    ("joint pain in my wrists, knees and ankles, mouth sores", "joint pain in my wrists, knees and ankles"),
])
def test_complaints_keep_the_body_part_they_are_felt_in(nlp, text, span):
    found = ents(nlp, text)
    assert span in found, [(e.text, e.label_) for e in found.values()]
    assert found[span].label_ == "SYMPTOM"


@pytest.mark.parametrize("text", ["put a patch on my arm", "he gives out candy at the door"])
def test_complaint_words_need_a_complaint_sense(nlp, text):
    assert all(e.label_ != "SYMPTOM" for e in nlp(text).ents)


@pytest.mark.parametrize("text, span", [("i have a lot of gas after meals", "gas"), ("a bit of nausea", "nausea")])
def test_quantifiers_stay_outside_the_symptom(nlp, text, span):
    assert span in ents(nlp, text)  # GUIDELINES rule 4: "a lot of [pain]"


def test_organ_problems_are_diseases_and_region_problems_symptoms(nlp):
    found = ents(nlp, "i have heart problems and muscle problems")
    assert found["heart problems"].label_ == "DISEASE"
    assert found["muscle problems"].label_ == "SYMPTOM"


@pytest.mark.parametrize("text, span, n_conjuncts", [
    ("i have swollen feet and ankles", "swollen feet and ankles", 2),
    ("i get back, hip, thigh and knee pain", "back, hip, thigh and knee pain", 4),
    ("it causes muscle and joint stiffness", "muscle and joint stiffness", 2),
])
def test_coordinated_mentions_are_one_span_with_each_conjuncts_concept(nlp, text, span, n_conjuncts):
    found = ents(nlp, text)
    assert span in found, list(found)
    concepts = found[span]._.concepts
    assert len(concepts) == n_conjuncts and all(concepts)


@pytest.mark.parametrize("text, span, second_concept", [
    # a frame part's complaint shares its part with a bare complaint word after "and" (rule 11): the
    # second conjunct gets the part's concept where the lexicon has one ("muscle wasting")
    ("my dad has muscle pain and wasting since the statin", "muscle pain and wasting", "muscle wasting"),
    ("lower back pain and stiffness every morning", "lower back pain and stiffness", None),
    ("knee pain and swelling after running", "knee pain and swelling", None),
    # a tissue's complaints share the place written after them
    ("muscle aches and weakness in my lower legs", "muscle aches and weakness in my lower legs", None),
    ("muscle pain and wasting in his thighs", "muscle pain and wasting in his thighs", "muscle wasting"),
])
def test_a_complaint_word_after_and_shares_the_frame_part(nlp, text, span, second_concept):
    found = ents(nlp, text)
    assert span in found, list(found)
    concepts = found[span]._.concepts
    assert len(concepts) == 2 and all(concepts)
    if second_concept:
        assert concepts[1] != concepts[0]


@pytest.mark.parametrize("text, span, n_concepts", [
    # a list of bare complaint words closed by "and" shares the part too (rule 11)
    ("on the statin i get muscle pain, weakness and wasting", "muscle pain, weakness and wasting", 3),
    ("joint pain, swelling and stiffness every morning", "joint pain, swelling and stiffness", 3),
])
def test_a_list_of_complaint_words_shares_the_frame_part(nlp, text, span, n_concepts):
    found = ents(nlp, text)
    assert span in found, list(found)
    assert len(found[span]._.concepts) == n_concepts


@pytest.mark.parametrize("text, apart", [
    ("muscle pain, headache and nausea", ["muscle pain", "headache", "nausea"]),  # no complaint of the part's

    ("chest pain and weakness", ["chest pain", "weakness"]),  # weakness is not the chest's
    ("back pain and swelling in my ankles", ["back pain", "swelling in my ankles"]),  # another part's place
    ("stomach pain and cramps", ["stomach pain", "cramps"]),
    ("back pain and tingling", ["back pain", "tingling"]),  # tingling is felt in a limb
])
def test_a_complaint_word_that_is_not_the_parts_stays_apart(nlp, text, apart):
    assert set(apart) <= set(ents(nlp, text))


def test_conjuncts_that_share_nothing_stay_apart(nlp):
    found = ents(nlp, "i have a headache and nausea")
    assert {"headache", "nausea"} <= set(found)
    assert found["headache"]._.concepts == [found["headache"]._.concept_id]


def test_hashtags_keep_their_hash_and_glued_tags_are_split(nlp):
    found = ents(nlp, "day 3 #Depression #breastcancer #Paxil #spoonie @lupus_warrior")
    assert found["#Depression"].label_ == "DISEASE"
    assert found["#breastcancer"].label_ == "DISEASE"
    assert found["#Paxil"].label_ == "DRUG" and found["#Paxil"]._.drug_kind == "named"
    assert not any("spoonie" in t or "lupus" in t for t in found)


def test_elongated_words_and_all_caps_posts(nlp):
    assert "sooo tired" in ents(nlp, "i feel sooo tired")
    caps = nlp("MY KNEE HURTS SO BAD AS USUAL AND I AM MAD")
    assert [e.text for e in caps.ents] == ["KNEE HURTS"]


@pytest.mark.parametrize("text, surface, kind", [
    ("i take statins", "statins", "class"),
    ("no more NSAIDs", "NSAIDs", "class"),
    ("cut down on coffee", "coffee", "substance"),
    ("a glass of wine", "wine", "substance"),
    ("started lipitor", "lipitor", "named"),
    ("tried a nicotine patch", "nicotine patch", "named"),
    # a drug named with how it is given is the DRUG (GUIDELINES 3)
    ("got a cortisone shot in my knee", "cortisone shot", "named"),
    ("my allergy shots start monday", "allergy shots", "class"),
    ("had an iron infusion", "iron infusion", "named"),
])
def test_drug_kind(nlp, text, surface, kind):
    found = ents(nlp, text)
    assert found[surface]._.drug_kind == kind


@pytest.mark.parametrize("text, surface, label, by", [
    ("my GP said to rest and come back in a week", "GP", None, "document"),
    ("GP makes me so nauseous, vomiting after meals and bloating, reglan didnt help", "GP", "DISEASE", "document"),
    ("my IC flares whenever i drink coffee and my bladder burns", "IC", "DISEASE", "document"),
    ("finished my MS in chemistry last year at university", "MS", None, "document"),
    ("my endo added T3 to my levo", "T3", "DRUG", "document"),
    ("my T3 levels came back low, tsh normal", "T3", "TEST", "document"),
    ("CHD runs in families with a gene mutation, babies are born with a defect", "CHD", "DISEASE", "document"),
    ("my RA is flaring again, cant open jars", "RA", "DISEASE", "document"),
    ("our RA called a floor meeting in the dorm", "RA", None, "document"),
    ("my MVP is acting up today", "MVP", "DISEASE", "document"),
])
def test_ambiguous_shorthand_is_resolved_from_the_document(nlp, text, surface, label, by):
    doc = nlp(text)
    hits = [e for e in doc.ents if e.text == surface]
    if label is None:
        assert not hits
    else:
        assert hits and hits[0].label_ == label and hits[0]._.expanded_by == by and hits[0]._.expanded


@pytest.mark.parametrize("text, surface, concept_id", [
    ("my UC is bad this week", "UC", "ICD10CM:K51"),
    ("diagnosed with RRMS in 2019", "RRMS", "ICD10CM:G35"),
    ("T1D for 20 years", "T1D", "ICD10CM:E10"),
    ("caught c diff after the antibiotics", "c diff", "ICD10CM:A04.7"),
    ("my hashi's makes me so cold", "hashi's", "HP:0000872"),
])
def test_community_abbreviations_of_diseases(nlp, text, surface, concept_id):
    found = ents(nlp, text)
    assert surface in found and found[surface].kb_id_ == concept_id, [(e.text, e.kb_id_) for e in found.values()]


def test_chd_in_genetics_is_congenital(nlp):
    doc = nlp("CHD runs in families with a gene mutation, babies are born with a defect")
    chd = [e for e in doc.ents if e.text == "CHD"][0]
    assert chd._.expanded == "congenital heart disease"


def test_shorthand_falls_back_to_corpus_counts_then_specialty():
    nlp = qatext.load(topics=False, assertion=False)
    ner = nlp.get_pipe("qatext_ner")
    undecided = "had a bad week with my GP again"
    assert not [e for e in nlp(undecided).ents if e.text == "GP"]  # "my GP": the doctor
    ner.corpus_senses = count_senses(nlp.pipe(["GP again, nausea and vomiting, gastric emptying was slow"] * 3))
    try:
        assert ner.corpus_senses["GP"] == Counter({"gastroparesis": 3})
        doc = nlp("GP is bad again this week")
        gp = [e for e in doc.ents if e.text == "GP"]
        assert gp and gp[0]._.expanded_by == "corpus" and gp[0].label_ == "DISEASE"
    finally:
        ner.corpus_senses = None  # the specialty fallback below reads no corpus counts
    doc = nlp.make_doc("EDS is bad this week")
    doc._.specialty_hint = "neurology"
    for _name, pipe in nlp.pipeline:
        doc = pipe(doc)
    eds = [e for e in doc.ents if e.text == "EDS"]
    assert eds and eds[0]._.expanded_by == "specialty" and eds[0].label_ == "SYMPTOM"


@pytest.mark.parametrize("text, word", [
    ("dealing with insurance is a pain to deal with", "pain"),
    ("i'm so stressed about exams", "stressed"),
    ("i'm tired of arguing with him", "tired"),
    ("miserable weather today", "miserable"),
])
def test_figurative_bare_words_are_not_entities(nlp, text, word):
    assert not [e for e in nlp(text).ents if e.text.lower() == word]


@pytest.mark.parametrize("text, word", [
    ("the pain in my hip is worse", "pain in my hip"),
    ("i am tired, i sleep 12 hours", "tired"),
    ("feeling stressed and anxious", "stressed"),
])
def test_the_same_words_in_a_medical_sense_stay(nlp, text, word):
    assert word in ents(nlp, text)


@pytest.mark.parametrize("text, surface, concept_id", [
    ("my migraine is back", "migraine", "ICD10CM:G43.9"),
    ("she has strabismus", "strabismus", "HP:0000486"),
    ("i had a scan", "scan", "QATEXT:test/imaging"),
    ("an x-ray of the skull", "skull", "QATEXT:anatomy/skull"),
    ("damage to the organs", "organs", "QATEXT:anatomy/organ"),
])
def test_concepts_are_not_narrower_than_the_words(nlp, text, surface, concept_id):
    assert ents(nlp, text)[surface]._.concept_id == concept_id


@pytest.mark.parametrize("text, surface, concept_id", [
    ("had an iron infusion", "iron infusion", "QATEXT:drug/iron"),  # was "Blood transfusion"
    ("trying a PRP injection", "PRP injection", "QATEXT:treatment/platelet-rich-plasma"),  # was "Steroid injection"
    ("they did a nerve block", "nerve block", "QATEXT:treatment/nerve-block"),
])
def test_injected_treatments_take_their_own_concept(nlp, text, surface, concept_id):
    assert ents(nlp, text)[surface].kb_id_ == concept_id


def test_gene_copies_are_not_a_drug(nlp):
    assert not nlp("two copies of the gene").ents


def _qualifier_review() -> dict[tuple[str, str], str]:
    path = resources.files("qatext.resources").joinpath("lexicon", "qualifier_review.tsv")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return {(row["surface"], row["concept_id"]): row["verdict"] for row in csv.DictReader(lines, delimiter="\t")}


def test_no_concept_name_adds_an_unreviewed_qualifier():
    """A curated or MeSH-derived surface whose concept name adds words must carry a verdict."""
    lexicon = get_lexicon()
    reviewed = set(_qualifier_review()) | {(surface, concept) for surface, verdict in lexicon.reviewed.items() if verdict
                                           for concept in [verdict[1]]}
    reviewed |= {(row["surface"], row["concept_id"]) for row in concept_review_rows() if row["verdict"] == "ok"}
    flagged = [(term, concept) for term, (_label, concept, source) in lexicon.terms.items()
               if source in ("curated", "mesh") and added_qualifiers(term, lexicon.names.get(concept, ""))]
    unreviewed = [pair for pair in flagged if pair not in reviewed]
    assert not unreviewed, unreviewed[:20]
    assert ("migraine", "ICD10CM:G43.D") not in flagged and ("organs", "QATEXT:anatomy/abdominal-organs") not in flagged


def test_every_qualifier_verdict_is_on_a_pair_the_lexicon_makes():
    """A verdict on a pair the lexicon no longer makes (a later review moved the surface) would vouch for nothing."""
    lexicon = get_lexicon()
    stale = [pair for pair in _qualifier_review() if lexicon.terms.get(pair[0], (None, None))[1] != pair[1]]
    assert not stale, stale[:20]
    assert len(_qualifier_review()) > 500


def test_qualifier_check_spots_narrower_names():
    assert added_qualifiers("migraine", "Abdominal migraine") == {"abdominal"}
    assert added_qualifiers("migraine", "Migraine, unspecified") == set()
    assert added_qualifiers("heart attack", "Myocardial infarction") == set()


def test_new_extensions_survive_to_bytes_and_pickle(nlp):
    doc = nlp("on liptor and statins, swollen feet and ankles")
    expected = [(e.text, e._.drug_kind, e._.matched_as, e._.concepts) for e in doc.ents]
    assert any(kind == "class" for _t, kind, _m, _c in expected) and any(m for _t, _k, m, _c in expected)
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [(e.text, e._.drug_kind, e._.matched_as, e._.concepts) for e in restored.ents] == expected
    unpickled = pickle.loads(pickle.dumps(doc))
    assert [(e.text, e._.drug_kind, e._.matched_as, e._.concepts) for e in unpickled.ents] == expected


def test_multiprocessing_keeps_fuzzy_matches_and_kinds(nlp):
    texts = ["been on liptor and statins for my swollen feet and ankles"] * 4
    single = [[(e.text, e._.matched_as, e._.drug_kind, e._.concepts) for e in d.ents] for d in nlp.pipe(texts)]
    multi = [[(e.text, e._.matched_as, e._.drug_kind, e._.concepts) for e in d.ents] for d in nlp.pipe(texts, n_process=2, batch_size=2)]
    assert single == multi


def spans(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents]


def assert_entity(nlp, text, span, *, label=None, concept=None):
    """``span`` is an entity of ``text``, with ``label`` and ``concept`` when given."""
    found = ents(nlp, text)
    assert span in found, spans(nlp, text)
    assert label is None or found[span].label_ == label, spans(nlp, text)
    assert concept is None or found[span].kb_id_ == concept, found[span].kb_id_


@pytest.mark.parametrize("text, span, concept", [
    ("on paxil a year and gained 20lbs", "gained 20lbs", "HP:0004324"),
    ("since starting it i gained 50+ lbs", "gained 50+ lbs", "HP:0004324"),
    ("honestly i gained quite a bit of weight on it", "gained quite a bit of weight", "HP:0004324"),
    ("kept putting on a lot of weight", "putting on a lot of weight", "HP:0004324"),
    ("a 15 pound weight gain in two months", "15 pound weight gain", "HP:0004324"),
    ("weight gain of 30 pounds by summer", "weight gain of 30 pounds", "HP:0004324"),
    ("i lost 13lbs the first month", "lost 13lbs", "HP:0001824"),
])
def test_weight_changes_keep_their_amount(nlp, text, span, concept):
    assert_entity(nlp, text, span, label="SYMPTOM", concept=concept)


@pytest.mark.parametrize("text", ["i lost my job last week", "trying to lose 10 pounds before the wedding",
                                  "we lost 20 minutes in traffic"])
def test_amounts_without_a_weight_change_are_no_symptom(nlp, text):
    assert not any(label == "SYMPTOM" for _t, label in spans(nlp, text)), spans(nlp, text)


@pytest.mark.parametrize("text, span, concept", [
    ("for me it's sleeping 14 hours and still waking up tired", "sleeping 14 hours", "HP:0100786"),
    # the rate is inside since batch 5 of the guideline (section 6: "[sleeping 3 hrs a night]")
    ("on it i slept 14hrs a night", "slept 14hrs a night", "HP:0100786"),
    ("i slept 2-3 hours a night for a week", "slept 2-3 hours a night", "HP:0100785"),
    ("i slept 4 hours per night all week", "slept 4 hours per night", "HP:0100785"),
    ("got 2 hours of sleep again", "2 hours of sleep", "HP:0100785"),
])
def test_hours_of_sleep_that_are_a_complaint(nlp, text, span, concept):
    assert_entity(nlp, text, span, label="SYMPTOM", concept=concept)


@pytest.mark.parametrize("text", ["i sleep 8 hours most nights", "i sleep 8-10 hours on weekends"])
def test_ordinary_hours_of_sleep_are_no_symptom(nlp, text):
    assert spans(nlp, text) == []


@pytest.mark.parametrize("text, span", [
    ("a constant feeling of dread all week", "feeling of dread"),
    ("a sensation of pressure behind my eyes", "sensation of pressure behind my eyes"),
    ("a clammy feeling in the morning", "clammy feeling"),
])
def test_feeling_nouns_head_the_complaint(nlp, text, span):
    assert_entity(nlp, text, span, label="SYMPTOM")


@pytest.mark.parametrize("text, span, concept", [
    ("my libido is low since the switch", "libido is low", "HP:0046504"),
    ("lexapro killed my sex drive", "killed my sex drive", "HP:0046504"),
    ("total loss of libido after a month", "total loss of libido", "HP:0046504"),
    ("on it i was unable to climax at all", "unable to climax", "HP:0046502"),
    ("inability to reach orgasm is the worst part", "inability to reach orgasm", "HP:0046502"),
    ("i couldn't cry at my grandma's funeral", "couldn't cry", "HP:0030213"),
    ("my pupils dialated and i had naseua", "naseua", "HP:0002018"),
    ("crying episodes every evening", "crying episodes", "HP:0000716"),
])
def test_lay_side_effects_of_drug_reviews(nlp, text, span, concept):
    assert_entity(nlp, text, span, concept=concept)


@pytest.mark.parametrize("text, word", [
    ("it's sad that the clinic closed", "sad"),
    ("the angry customer yelled at the nurse", "angry"),
    ("they said it is an aggressive cancer", "aggressive"),
])
def test_mood_words_describing_a_thing_are_no_symptom(nlp, text, word):
    assert word not in ents(nlp, text), spans(nlp, text)


def test_mood_words_of_a_person_are_symptoms(nlp):
    assert {"sad", "angry"} <= set(ents(nlp, "on zoloft i was sad and angry most days"))


def test_complaint_words_share_the_location_written_once(nlp):
    found = ents(nlp, "44F, pain and stiffness in my hands and feet for months")
    assert "pain and stiffness in my hands and feet" in found, list(found)
    assert found["pain and stiffness in my hands and feet"]._.concepts[0] == "HP:0012531"
    assert {"headache", "nausea"} <= set(ents(nlp, "headache and nausea in the morning"))


@pytest.mark.parametrize("text, span", [
    ("2 hrs in the car and my left leg is on fire", "left leg is on fire"),
    ("my eye won't stop twitching lol", "eye won't stop twitching"),
    ("my arm is killing me after the shot", "arm is killing me"),
    ("my hands have started to tremble when i hold my phone", "hands have started to tremble"),
    ("my ears feel plugged since the flight", "ears feel plugged"),
])
def test_body_parts_with_lay_predicates_are_one_symptom(nlp, text, span):
    assert_entity(nlp, text, span, label="SYMPTOM")


@pytest.mark.parametrize("text", ["chemo is kicking my butt. fingers crossed for the scan",
                                  "my energy is back and no weight gain so far"])
def test_body_words_in_figures_of_speech_are_no_anatomy(nlp, text):
    assert not any(label == "ANATOMY" for _t, label in spans(nlp, text)), spans(nlp, text)


def test_starting_an_activity_is_no_symptom(nlp):
    assert spans(nlp, "i started to walk with my dog") == []


@pytest.mark.parametrize("text, span, label", [
    ("dislocated my shoulder reaching for a mug", "dislocated my shoulder", "DISEASE"),
    ("broke my left wrist skating", "broke my left wrist", "DISEASE"),
    ("i couldnt get out of bed all weekend", "couldnt get out of bed", "SYMPTOM"),
    ("my 2yo wont sleep and tugs at her ear", "wont sleep", "SYMPTOM"),
    ("rolled it on the stairs and cant put weight on it", "cant put weight on it", "SYMPTOM"),
])
def test_verbal_injuries_and_apostrophe_less_impairments(nlp, text, span, label):
    assert_entity(nlp, text, span, label=label)


@pytest.mark.parametrize("text", ["my cardio said the echo was fine", "insurance has been a pain to deal with",
                                  "my boss has been a headache all week", "people say they're so OCD about their desks"])
def test_doctors_and_figures_of_speech_are_no_entities(nlp, text):
    assert spans(nlp, text) == []


def test_a_booster_is_a_drug(nlp):
    assert_entity(nlp, "SOOO DIZZY after my booster", "booster", label="DRUG")


def test_like_compounds_qualify_the_complaint_after_them(nlp):
    assert_entity(nlp, "saturdays = flu-like aches + headache", "flu-like aches", label="SYMPTOM")


# Round 5 (batch-4 error classes). The texts are written for these tests, not taken from the gold files.
@pytest.mark.parametrize("text, span", [
    ("since tuesday my gums are sore and red", "gums are sore and red"),
    ("his lips are cracked and peeling", "lips are cracked and peeling"),
    ("my right eye is itchy and bloodshot today", "right eye is itchy and bloodshot"),
    ("my knees feel like jelly after the stairs", "knees feel like jelly"),
    ("my feet feel like broken glass when i walk", "feet feel like broken glass"),
    ("also a flushed face after every dose", "flushed face"),
    ("woke up and face is puffy", "face is puffy"),
    ("a sharp lower tummy ache since lunch", "sharp lower tummy ache"),
    ("wrist, elbow and upper arm pain after tennis", "wrist, elbow and upper arm pain"),
])
def test_verbal_symptoms_take_coordinated_predicates_similes_and_sides(nlp, text, span):
    assert_entity(nlp, text, span, label="SYMPTOM")


@pytest.mark.parametrize("text", [
    "my jaw is clenching, sweaty palms all day",  # a list of two complaints, not one
    "my leg looks like ringworm",  # a disease it may be, no simile of a feeling
    "my eyes feel like there is sand in them",
])
def test_what_is_not_one_verbal_symptom(nlp, text):
    found = spans(nlp, text)
    assert not any(" like " in t or ", " in t for t, _label in found), found


@pytest.mark.parametrize("text, span, not_span", [
    ("i couldnt hold a cup this morning", "couldnt hold a cup", "couldnt hold a cup this morning"),
    ("she cant button her coat anymore", "cant button her coat", None),
    ("i cant swallow pills without water", "cant swallow pills", "cant swallow pills without water"),
    ("it is getting hard to breathe at night", "hard to breathe", None),
    ("lately its difficult to concentrate at work", "difficult to concentrate", None),
    ("on it for a month and unable to have orgasm", "unable to have orgasm", None),
])
def test_impairments_keep_their_object_but_not_extent_or_time(nlp, text, span, not_span):
    assert_entity(nlp, text, span, label="SYMPTOM")
    assert not_span is None or not_span not in ents(nlp, text)


def test_a_thing_that_is_hard_to_use_is_no_impairment(nlp):
    assert spans(nlp, "this label is hard to read") == []


@pytest.mark.parametrize("text, span, concept", [
    ("on day 3 i felt so weird all afternoon", "so weird", "HP:0033834"),
    ("i feel so low in the evenings", "so low", "HP:0000716"),
    ("feeling disconnected from everyone", "disconnected", "HP:5200217"),
])
def test_vague_felt_states_are_symptoms_without_the_verb(nlp, text, span, concept):
    assert_entity(nlp, text, span, label="SYMPTOM", concept=concept)


def test_a_feeling_about_an_event_is_no_symptom(nlp):
    assert spans(nlp, "i feel weird about asking my doctor") == []


@pytest.mark.parametrize("text, span", [
    ("i get dizzy when i stand up too fast", "dizzy"),
    ("sweating at night since the switch", "sweating"),
    ("im always thirsty lately", "thirsty"),
])
def test_triggers_timing_and_frequency_adverbs_stay_outside(nlp, text, span):
    assert_entity(nlp, text, span, label="SYMPTOM")


def test_feeling_of_does_not_reach_into_another_span(nlp):
    # "no feeling" (a lexicon term) holds "feeling": "feeling of urinary urgency" used to overlap it,
    # which failed the whole batch (a MedQuAD answer in ../shared)
    from qatext.ner.lay_felt_states import add_feeling_nouns

    doc = nlp.make_doc("with no feeling of urinary urgency")
    words = [t.lower_ for t in doc]
    spans = [(1, 3, "SYMPTOM", "HP:0033748"), (4, 6, "SYMPTOM", "urgency")]
    assert add_feeling_nouns(doc, words, spans) == spans
    assert add_feeling_nouns(doc, words, spans[1:]) == [(2, 6, "SYMPTOM", "urgency")]
    assert "urinary urgency" in [e.text for e in nlp("no feeling of urinary urgency, but lower abdominal discomfort").ents]


def test_clashing_spans_keep_the_longest_with_a_warning():
    import spacy

    from qatext.ner.recognizer import OverlappingSpansWarning, _disjoint

    doc = spacy.blank("en")("no feeling of urinary urgency at all")
    clean = [(0, 2, "SYMPTOM", "a"), (3, 5, "SYMPTOM", "b")]
    assert _disjoint(clean, doc) is clean
    with pytest.warns(OverlappingSpansWarning, match="kept the longest"):
        kept = _disjoint([(0, 2, "SYMPTOM", "a"), (1, 5, "SYMPTOM", "b"), (5, 6, "SYMPTOM", "c")], doc)
    assert kept == [(1, 5, "SYMPTOM", "b"), (5, 6, "SYMPTOM", "c")]


@pytest.mark.parametrize(("text", "entity"), [
    ("the pain back in march was worse", "pain"), ("he had an ulcer back in 2009 that healed", "ulcer"),
    ("his cough hand in hand with a fever", "cough"), ("a flushed face after wine", "flushed face"),
    ("she woke up with a swollen face", "swollen face"),
])
def test_a_body_word_after_a_symptom_joins_only_a_describing_one(nlp, text, entity):
    assert entity in [e.text for e in nlp(text).ents]


# Corpus-scale regression review of the lay rules against release 32eaf61 (issue 11): each class below
# was found in ../shared texts and is written here as invented sentences.
@pytest.mark.parametrize(("text", "not_entity"), [
    ("the faulty enzyme cannot carry out its normal role", "cannot carry out its"),
    ("i was unable to carry on a conversation last night", "unable to carry"),
    ("the abnormal cells cannot carry oxygen to the tissues", "cannot carry oxygen"),
    ("with anemia your heart has to work harder to move blood around", "harder to move"),
    ("loose stools are more difficult to hold than solid ones", "difficult to hold"),
    ("sorry, i can't think of a better way to ask this", "can't think"),
    ("i could not think about anything else that week", "could not think"),
])
def test_a_function_verb_in_another_sense_is_no_impairment(nlp, text, not_entity):
    assert not_entity not in [e.text for e in nlp(text).ents]


@pytest.mark.parametrize(("text", "entity", "concept"), [
    ("since the chemo i can't think straight", "can't think straight", "QATEXT:symptom/difficulty-concentrating"),
    ("some days i just cannot think at all", "cannot think", "QATEXT:symptom/difficulty-concentrating"),
    ("my arthritis is so bad i cant carry groceries", "cant carry groceries", "QATEXT:symptom/impaired-movement"),
    ("three days of nausea and i cant hold anything down", "cant hold anything down", "HP:0002013"),
])
def test_a_function_verb_in_its_own_sense_stays_an_impairment(nlp, text, entity, concept):
    found = ents(nlp, text)
    assert entity in found, [(e.text, e.label_) for e in found.values()]
    assert found[entity]._.concept_id == concept


def test_an_object_stops_at_an_adverb(nlp):
    found = ents(nlp, "if you can not swallow also listerine gargles help")
    assert "can not swallow" in found and found["listerine"].label_ == "DRUG"


def test_a_simile_names_a_thing_not_a_verb(nlp):
    assert "legs felt like bricks" in ents(nlp, "my legs felt like bricks were tied to them")


def test_stacked_adjectives_over_a_comma_make_one_span(nlp):
    found = [e.text for e in nlp("every morning i wake with sore, stiff hands and swelling").ents]
    assert "sore, stiff hands" in found
    assert not any(text.startswith((",", "to ")) for text in found), found


def test_two_drug_words_joined_stay_a_drug(nlp):
    found = ents(nlp, "she has been taking cranberry supplements for her bladder")
    assert found["cranberry supplements"].label_ == "DRUG"


def test_a_coordinated_predicate_does_not_cut_the_next_span(nlp):
    found = ents(nlp, "they operated to stop internal bleeding and bleeding in the brain")
    assert "bleeding in the brain" in found, [(e.text, e.label_) for e in found.values()]
    assert "in the brain" not in found


@pytest.mark.parametrize(("text", "not_entity"), [
    ("my arms go numb back burns and i get dizzy", "numb back"),
    ("side effects include cold extremities exacerbation of raynauds", "extremities exacerbation"),
])
def test_a_body_word_with_its_own_predicate_or_a_flare_is_not_joined(nlp, text, not_entity):
    assert not any(not_entity in e.text for e in nlp(text).ents)


def test_two_drug_names_side_by_side_stay_two_drugs(nlp):
    found = ents(nlp, "i took aspirin tylenol and steroid ointment")
    assert found["aspirin"].label_ == found["tylenol"].label_ == found["steroid ointment"].label_ == "DRUG"


def test_working_harder_is_an_impairment_only_for_the_person(nlp):
    assert "harder to breathe" in ents(nlp, "since the flu i have to work harder to breathe")
    assert "harder to move" not in ents(nlp, "with anemia the heart has to work harder to move blood")


@pytest.mark.parametrize(("text", "entities"), [
    ("my foot feels dead", ["foot feels dead"]),  # a body part's complaint (rule 6), not "emotional dearth"
    ("My leg feels weird", ["leg"]),
    ("i cant eat heart healthy food", ["cant eat"]),  # no half noun phrase as the object
    ("i couldnt hold a cup this morning", ["couldnt hold a cup"]),
    ("I feel so weird today", ["so weird"]),
])
def test_felt_states_and_impairment_objects_stop_where_the_words_say(nlp, text, entities):
    assert [e.text for e in nlp(text).ents] == entities


def test_coordination_skips_spans_that_overlap():
    # an overlap left by an earlier rule must reach the recognizer's repair, not fail here
    from qatext.ner.lay_coordination import coordinate

    words = ["sore", "throat", "pain"]
    spans, _ = coordinate(None, words, [(0, 3, "SYMPTOM", "a"), (2, 3, "SYMPTOM", "b")], lookup=lambda phrase: None)
    assert sorted(spans) == [(0, 3, "SYMPTOM", "a"), (2, 3, "SYMPTOM", "b")]


# Round 8 (issue 11, NER batch 5): soft "c", stem-built generics, sensed changes, shared predicates, forms.

@pytest.mark.parametrize("word, form", [
    ("vyvance", "vyvanse"),  # a soft "c" spelt for "s"
    ("certraline", "sertraline"),
    ("selexa", "celexa"),  # and an "s" for a soft "c" at the start
    ("rasagaline", "rasagiline"),  # a generic from the drug package, built on a class stem
    ("benazapril", "benazepril"),
    ("headace", "headache"),  # a "c" read hard still finds the hard form (in its standard spelling, round 16b)
])
def test_fuzzy_matching_reads_a_soft_c_and_stem_built_generics(word, form):
    assert get_lexicon().fuzzy.lookup(word) == form


@pytest.mark.parametrize("word", ["histamin", "cylindromatosis", "lacrimation", "pseudocyst", "dehydrocholesterol"])
def test_long_tail_generics_match_only_near_misses(word):
    found = get_lexicon().fuzzy.lookup(word)
    assert found is None or found not in get_lexicon().fuzzy.stem_forms


def test_a_soft_c_misspelling_is_found_in_text(nlp):
    found = ents(nlp, "my son takes vyvance 30 every morning")
    assert found["vyvance"].label_ == "DRUG" and found["vyvance"]._.matched_as == "vyvanse"


@pytest.mark.parametrize("text, span, concept", [
    ("since the chemo water tastes like pennies and i cant drink it", "water tastes like pennies", "HP:0031249"),
    ("after my covid every food smells like smoke", "food smells like smoke", "HP:0034004"),
    ("my beer tastes so flat since i started topiramate", "beer tastes so flat", "HP:0031249"),
    ("with this ear infection voices sound muffled", "voices sound muffled", "HP:0000365"),
])
def test_a_changed_sense_is_one_symptom_with_what_is_sensed(nlp, text, span, concept):
    assert_entity(nlp, text, span, label="SYMPTOM", concept=concept)


@pytest.mark.parametrize("text", ["the liquid amoxicillin tastes like bubblegum", "it smells like it is burning",
                                  "that sounds like a plan"])
def test_a_thing_that_tastes_of_something_is_no_symptom(nlp, text):
    assert not [e for e in nlp(text).ents if e.label_ == "SYMPTOM"]


@pytest.mark.parametrize("text, span", [
    ("in the cold my fingers and toes turn white", "fingers and toes turn white"),
    ("by the afternoon my legs go numb", "legs go numb"),
    ("when i stand up my ankles turn purple", "ankles turn purple"),
    ("before every exam my stomach is in knots", "stomach is in knots"),
])
def test_a_change_verb_links_a_body_part_to_its_predicate(nlp, text, span):
    assert_entity(nlp, text, span, label="SYMPTOM")


@pytest.mark.parametrize("text, span, label", [
    ("i keep an albuterol inhaler in my bag", "albuterol inhaler", "DRUG"),
    ("she was prescribed acne cream by the derm", "acne cream", "DRUG"),
    ("woke up with swollen neck glands and a fever", "swollen neck glands", "SYMPTOM"),
    ("a knot in my shoulder for weeks", "knot in my shoulder", "SYMPTOM"),
    ("my son has green snot and a cough", "green snot", "SYMPTOM"),
    ("found a tiny lump under my arm", "tiny lump under my arm", "SYMPTOM"),
    ("rebound headaches from the excedrin", "rebound headaches", "SYMPTOM"),
    ("diagnosed with IBS-M last year", "IBS-M", "DISEASE"),
])
def test_forms_sizes_colours_and_subtypes_stay_in_the_mention(nlp, text, span, label):
    assert_entity(nlp, text, span, label=label)


def test_a_condition_with_a_form_is_a_drug_class(nlp):
    found = ents(nlp, "are there any eczema creams without steroids")
    assert found["eczema creams"]._.drug_kind == "class"


@pytest.mark.parametrize("text, word", [
    ("the move has been a real nightmare too", "nightmare"),
    ("parking at that hospital is a total headache", "headache"),
])
def test_a_nuisance_word_after_an_intensifier_is_figurative(nlp, text, word):
    assert not [e for e in nlp(text).ents if word in e.text]


def test_a_big_headache_of_the_person_stays(nlp):
    assert "big headache" in ents(nlp, "i have a big headache since lunch") or "headache" in ents(nlp, "i have a big headache since lunch")


@pytest.mark.parametrize("text, span, not_span", [
    ("it hurts to swallow since monday", "hurts to swallow", "it hurts to swallow"),
    ("it hurts to swallow and i cant eat at night", "cant eat", "cant eat at night"),
])
def test_the_subject_and_extent_of_an_impairment_stay_outside(nlp, text, span, not_span):
    found = ents(nlp, text)
    assert span in found and not_span not in found, list(found)


def test_t3_after_adding_is_the_medicine(nlp):
    found = [e for e in nlp("my endo is thinking about adding T3 to my levo").ents if e.text == "T3"]
    assert found and found[0].label_ == "DRUG"


def test_a_colour_before_a_noun_is_no_body_predicate(nlp):
    assert "tonsils have white" not in ents(nlp, "my tonsils have white patches on them")


@pytest.mark.parametrize("text, span", [
    ("my potassium came back low again", "potassium"),
    ("her ferritin was only 9 last month", "ferritin"),
    ("my sugars are around 180 after dinner", "sugars"),
    ("his cholesterol 260 at the last check", "cholesterol"),
])
def test_a_substance_with_its_result_is_a_test(nlp, text, span):
    assert_entity(nlp, text, span, label="TEST")


@pytest.mark.parametrize("text, span, label", [
    ("i take magnesium 400 at bedtime", "magnesium", "DRUG"),
    ("she started iron pills and her energy is back", "iron pills", "DRUG"),
])
def test_a_dose_is_no_result(nlp, text, span, label):
    assert_entity(nlp, text, span, label=label)


@pytest.mark.parametrize("text, span, label", [
    ("T2 for ten years, my a1c keeps creeping up on metformin", "T2", "DISEASE"),
    ("the rash spread fast and the ER said SJS", "SJS", "DISEASE"),
    ("my HS flares with lumps in my groin", "HS", "DISEASE"),
])
def test_community_shorthand_in_its_medical_context(nlp, text, span, label):
    assert_entity(nlp, text, span, label=label)


@pytest.mark.parametrize("text, word", [
    ("the T2 images of the mri showed a bright lesion", "T2"),
    ("we met back in HS and stayed friends", "HS"),
])
def test_the_same_letters_in_another_sense_are_no_entity(nlp, text, word):
    assert word not in ents(nlp, text)


@pytest.mark.parametrize("text, span", [
    ("since the new pills i cant laugh at anything", "cant laugh"),
    ("mid sentence i cant find the right words", "cant find the right words"),
    ("at night my son wets himself again", "wets himself"),
    ("stiff joints and joint pain in my wrists", "joint pain in my wrists"),
    ("a sharp ache deep in my hip", "sharp ache deep in my hip"),
    ("a crawly feeling in my legs at night", "crawly feeling in my legs"),
])
def test_lay_losses_compound_heads_and_lay_locations(nlp, text, span):
    assert_entity(nlp, text, span, label="SYMPTOM")


def test_a_feeling_without_a_word_for_it_takes_no_location(nlp):
    assert "feeling in my legs" not in ents(nlp, "the feeling in my legs came back after surgery")


@pytest.mark.parametrize("text, span", [
    ("my dad gets up 4 times a night to pee", "gets up 4 times a night to pee"),
    ("she wakes up 3x every night to urinate", "wakes up 3x every night to urinate"),
    ("i feel like there's something stuck in my throat", None),
    ("i feel like theres a lump in my throat all day", "feel like theres a lump in my throat"),
    ("some days i feel like throwing up after lunch", "feel like throwing up"),
])
def test_night_voiding_and_feel_like_complaints(nlp, text, span):
    if span is not None:
        assert_entity(nlp, text, span, label="SYMPTOM")


def test_a_simile_after_feel_like_keeps_the_symptom_alone(nlp):
    assert "pins and needles" in ents(nlp, "my foot felt like pins and needles")


@pytest.mark.parametrize("text, span, not_span", [
    ("my daughter is allergic to shellfish and eggs", "allergic to shellfish", None),
    ("he is allergic to dust mites", "allergic to dust mites", None),
    ("honestly im allergic to mondays", None, "allergic to"),
    ("i am not allergic to anything", None, "allergic to anything"),
])
def test_an_allergy_takes_its_allergen_but_not_a_figure_of_speech(nlp, text, span, not_span):
    found = ents(nlp, text)
    if span:
        assert span in found and found[span].label_ == "DISEASE", list(found)
    if not_span:
        assert not_span not in found, list(found)


@pytest.mark.parametrize("text, word", [
    ("my cardio mentioned an ablation next year", "cardio"),
    ("take it on an empty stomach in the morning", "stomach"),
    ("im panicking that its something serious", "panicking"),
])
def test_doctors_mealtimes_and_worries_are_no_entities(nlp, text, word):
    assert not [e for e in nlp(text).ents if e.text == word]


# --- Round 9 (NER batch 6 classes) ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, span", [
    ("since the fall i cant raise my left arm past my ear", "cant raise my left arm past my ear"),  # how far it fails (round 20a)
    ("after the cast came off i still cant fully straighten my elbow", "cant fully straighten my elbow"),
    ("my knuckles are so swollen i cant make a fist", "cant make a fist"),
    ("two weeks on and he cant put weight on his left ankle", "cant put weight on his left ankle"),
    ("i can't feel my toes when i run", "can't feel my toes"),
    ("she cant lift her arms high enough to brush her hair", "cant lift her arms"),
])
def test_a_lost_function_takes_the_body_part_it_acts_on(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "SYMPTOM", list(found)


@pytest.mark.parametrize("text", ["we cant raise the money for the trip", "i couldnt feel at home there", "cant turn it off"])
def test_a_body_function_without_its_body_part_is_no_loss(nlp, text):
    assert not nlp(text).ents


@pytest.mark.parametrize("text, span", [
    ("every night my teeth clench so hard i wake up with a headache", "teeth clench"),
    ("lying in bed with my heart hammering for no reason", "heart hammering"),
    ("ate one shrimp and his eyes swelled up", "eyes swelled up"),
    ("woke up with my thumb red hot and swollen", "thumb red hot and swollen"),
    ("after a walk his toes look a bit blue", "toes look a bit blue"),
    ("my wrist is purple and swollen after the fall", "wrist is purple and swollen"),
])
def test_a_body_part_with_its_predicate_is_one_symptom(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "SYMPTOM", list(found)


def test_timing_stays_outside_a_stiffness(nlp):
    found = ents(nlp, "my fingers and knees are really stiff in the mornings lately")
    assert "fingers and knees are really stiff" in found, list(found)


@pytest.mark.parametrize("text, span", [
    ("the evening headaches started after i switched shifts", "evening headaches"),
    ("she gets dizzy spells and crying spells most days", "crying spells"),
    ("he gets coughing fits at night", "coughing fits"),
])
def test_time_of_day_and_episode_nouns_name_the_complaint(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "SYMPTOM", list(found)


def test_a_time_of_its_own_stays_outside(nlp):
    found = ents(nlp, "woke up this morning nausea and all")
    assert "nausea" in found and "morning nausea" not in found, list(found)


@pytest.mark.parametrize("text, word", [
    ("the commute is honestly a pain to sit through every day", "pain"),
    ("moving house has been a nightmare on top of everything else", "nightmare"),
    ("filing taxes is a headache in itself", "headache"),
    ("my whole team is stressed out over the audit", "stressed out"),
    ("my sister calls me 'so OCD' about my closet", "so OCD"),
])
def test_nuisance_and_worry_words_about_events_are_no_entities(nlp, text, word):
    assert word not in ents(nlp, text)


def test_a_pain_with_its_site_after_a_copula_stays(nlp):
    assert "pain in my left side" in ents(nlp, "what wakes me up is a pain in my left side")


@pytest.mark.parametrize("text, span, label, kind", [
    ("my neuro wants to start a tysabri infusion next month", "tysabri infusion", "DRUG", "named"),
    ("my urologist said to try d-mannose for the flares", "d-mannose", "DRUG", "named"),
    ("his inhalers barely help anymore", "inhalers", "DRUG", "class"),
])
def test_drug_forms_isomer_prefixes_and_inhalers(nlp, text, span, label, kind):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == label, list(found)
    assert found[span]._.drug_kind == kind


@pytest.mark.parametrize("text", [
    "we met at the coffee shop near the clinic and i felt dizzy",
    "i knocked over a wine glass when my hand shook",
])
def test_a_substance_naming_a_place_or_object_is_not_taken(nlp, text):
    assert not [e for e in nlp(text).ents if e.label_ == "DRUG"]


@pytest.mark.parametrize("text, drug", [
    ("i was referred to the pain medicine clinic in march", None),
    ("the pain medicine team rang me back", None),
    ("the pain medicine made me so sleepy", "pain medicine"),
    ("the pain medicine the doctor gave me made me so sleepy", "pain medicine"),
    ("an allergy medicine like zyrtec helps a bit", "allergy medicine"),
])
def test_a_field_of_medicine_before_a_place_or_role_is_no_drug(nlp, text, drug):
    drugs = [e.text for e in nlp(text).ents if e.label_ == "DRUG"]
    assert drugs[:1] == ([drug] if drug else []), drugs


@pytest.mark.parametrize("text, span, label", [
    ("had ablation surgery for my afib last year", "ablation surgery", "TREATMENT"),
    ("they did a gastric emptying scan and it was slow", "gastric emptying scan", "TEST"),
    ("my ferritin is high so they started phlebotomy every two weeks", "phlebotomy", "TREATMENT"),
])
def test_procedure_and_test_names(nlp, text, span, label):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == label, list(found)


@pytest.mark.parametrize("text, span, label, absent", [
    ("nausea, vomiting and bloating every day with my gastroparesis; my GP wants me to try domperidone", None, None, "GP"),
    ("ended up in the ED with palpitations; could ED be caused by my lisinopril, viagra helps", "ED", "DISEASE", None),
    ("stopped BC in june and my periods have been irregular and my acne is back", "BC", "DRUG", None),
    ("moving to BC next month, anyone know a good gyno for my period pain there?", None, None, "BC"),
    ("my RA flares in winter but our floor RA is great about the noise", None, None, None),
])
def test_the_word_before_a_short_form_decides_its_sense(nlp, text, span, label, absent):
    doc = nlp(text)
    found = [(e.text, e.label_, e.start_char) for e in doc.ents]
    if span:
        assert (span, label) in [(t, lab) for t, lab, _ in found], found
    if absent:
        positions = [i for i in range(len(text)) if text.startswith(absent, i)]
        assert any(p not in [s for _, _, s in found] for p in positions), found
    if text.startswith("my RA"):
        starts = [s for t, _, s in found if t == "RA"]
        assert starts == [3], found


@pytest.mark.parametrize("text, span", [
    ("for a week now im coughing up green gunk every morning", "coughing up green gunk"),
    ("she throws up undigested dinner hours later", "throws up undigested dinner"),
    ("coughing up yellow mucus since friday", "coughing up yellow mucus"),
])
def test_what_comes_up_is_part_of_the_complaint(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "SYMPTOM", list(found)


def test_time_after_what_comes_up_stays_outside(nlp):
    found = ents(nlp, "i was coughing up the whole night")
    assert not [t for t in found if "whole" in t], list(found)


@pytest.mark.parametrize("text, span", [
    ("every few minutes a jolt of pain shoots down my arm", "jolt of pain"),
    ("a wave of nausea hits me after each dose", "wave of nausea"),
    ("she gets fainting spells that scare us", "fainting spells"),
    ("cracked and bleeding lips all winter", "cracked and bleeding lips"),
    ("tiny little bumps on my arms", "tiny little bumps on my arms"),
])
def test_bursts_episodes_and_coordinated_descriptors(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "SYMPTOM", list(found)


@pytest.mark.parametrize("text, span, not_span", [
    ("i had a little nausea after lunch", "nausea", "little nausea"),
    ("my feet are swollen and red eyes too", "red eyes", "and red eyes"),
])
def test_amounts_and_other_mentions_stay_outside_a_stack(nlp, text, span, not_span):
    found = ents(nlp, text)
    assert span in found and not_span not in found, list(found)


@pytest.mark.parametrize("text, span", [
    ("after the second dose i felt slightly dizzy", "slightly dizzy"),
    ("by noon im too exhausted for anything", "too exhausted"),  # "too exhausted to think": a lost function (round 10)
])
def test_degree_adverbs_are_inside_the_symptom(nlp, text, span):
    found = ents(nlp, text)
    assert span in found, list(found)


@pytest.mark.parametrize("text, span", [
    ("in the queue i felt like i was going to pass out", "felt like i was going to pass out"),
    ("at the gym i felt like i was about to faint", "felt like i was about to faint"),
])
def test_feel_like_takes_a_past_or_future_complaint(nlp, text, span):
    assert span in ents(nlp, text)


@pytest.mark.parametrize("text, span, label", [
    ("two weeks off xanax and still shaky #benzowithdrawal", "#benzowithdrawal", "DISEASE"),
    ("after the gig theres a ringing in both ears that wont stop", "ringing in both ears", "SYMPTOM"),
    ("my wrists tingle at night, could it be carpel tunnel", "carpel tunnel", "DISEASE"),
    ("got bitten hiking last summer and now they think its lymes", "lymes", "DISEASE"),
])
def test_glued_substance_disorders_located_sounds_and_misspelled_diseases(nlp, text, span, label):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == label, list(found)


@pytest.mark.parametrize("text, span, kind", [
    ("my endo says GLP-1s could help with the weight", "GLP-1s", "class"),
    ("after the lumpectomy she went on aromatase inhibitors", "aromatase inhibitors", "class"),
    ("the psychiatrist offered a non-stimulant instead", "non-stimulant", "class"),
    ("he still smokes marlboros every day despite the cough", "marlboros", "substance"),
    ("a glass of red wine gives me a migraine", "red wine", "substance"),
])
def test_drug_classes_and_substance_brands(nlp, text, span, kind):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "DRUG", list(found)
    assert found[span]._.drug_kind == kind


@pytest.mark.parametrize("text, word", [
    ("im a bit nervous about tapering off the sertraline", "nervous"),
    ("honestly worried that the new job will be too much", "worried"),
])
def test_a_worry_about_an_event_is_no_complaint(nlp, text, word):
    assert word not in ents(nlp, text)


def test_pain_relievers_are_a_drug_class(nlp):
    found = ents(nlp, "can i take pain relievers with lexapro")
    assert "pain relievers" in found and found["pain relievers"]._.drug_kind == "class", list(found)
    assert "pain" not in found


@pytest.mark.parametrize("text, span", [
    ("the inside of my knee is swollen and warm", "inside of my knee is swollen and warm"),
    ("i cant bend my wrist and the back of my hand is purple", "back of my hand is purple"),
    ("sharp pain in the ball of my foot when i run", "sharp pain in the ball of my foot"),
    ("by evening my hands shake and i spill things", "hands shake"),
])
def test_regions_of_body_parts_and_plain_present_predicates(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "SYMPTOM", list(found)


@pytest.mark.parametrize("text, span", [
    ("the scan showed fluid in his left knee", "fluid in his left knee"),
    ("my gums are super sensitive when i brush", "gums are super sensitive"),
    ("since the new meds shes not eating much at all", "not eating much"),
])
def test_fluid_with_its_site_degree_words_and_limited_eating(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "SYMPTOM", list(found)


def test_a_cue_right_after_a_short_form_decides_that_occurrence(nlp):
    text = "defending my MS in chemistry next month while my MS flares, numbness in both legs"
    found = [(e.text, e.start_char) for e in nlp(text).ents if e.text == "MS"]
    assert found == [("MS", text.rindex("MS"))], found


@pytest.mark.parametrize("text, span", [
    ("two days at the beach and my shoulders are burnt and blistering", "shoulders are burnt and blistering"),
    ("every time i squat my knees creak and grind", "knees creak and grind"),
    ("since the allergy pills stopped working my eyes are watering all day", "eyes are watering"),
    ("in the cold my toes go white then blue and numb", "toes go white then blue and numb"),
    ("he had a fit, his eyes rolled back and his arms and legs jerked", "arms and legs jerked"),
    ("my fingernails are thick, yellow and crumbly after the fungus", "fingernails are thick, yellow and crumbly"),
    ("her right breast is red, hot and rock hard since yesterday", "right breast is red, hot and rock hard"),
    ("my skin feels tight and shiny over the joints", "skin feels tight and shiny"),
    ("every night my nose blocks up on one side", "nose blocks up on one side"),  # the side inside (round 11)
])
def test_body_predicates_of_skin_eyes_joints_and_predicate_lists(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "SYMPTOM", list(found)


def test_a_predicate_tail_is_no_body_part_of_a_list(nlp):
    found = ents(nlp, "he had a fit, his eyes rolled back and his arms and legs jerked")
    assert "eyes rolled back" in found and "back" not in found, list(found)


@pytest.mark.parametrize("text, span", [
    ("the new pill gave me greasy skin and spots", "greasy skin"),
    ("after the run i had really heavy legs for a day", "really heavy legs"),
    ("this shampoo left me with an itchy flaky scalp", "itchy flaky scalp"),
    ("every winter i get cracked and bleeding knuckles", "cracked and bleeding knuckles"),
])
def test_state_adjectives_before_a_body_part_name_a_complaint(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "SYMPTOM", list(found)


def test_no_predicate_list_across_a_comma_without_a_closing_and(nlp):
    found = ents(nlp, "jaw clenching, sweaty palms and vivid dreams on this one")
    assert "jaw clenching" in found and "sweaty palms" in found, list(found)


@pytest.mark.parametrize("text, span", [
    ("i keep getting a throbbing pain in a back tooth when i drink", "throbbing pain in a back tooth"),
    ("there is some yellow discharge from my left ear since the swim", "yellow discharge from my left ear"),
    ("the psoriasis plaques on my elbows and knees are worse", "plaques on my elbows and knees"),
    ("theres a tender spot on the top of my foot", "tender spot on the top of my foot"),
    ("she has eczema on her wrists and behind her ears", "eczema on her wrists and behind her ears"),
])
def test_located_findings_with_an_article_from_and_a_second_place(nlp, text, span):
    found = ents(nlp, text)
    # a diagnosis with its sites stays the DISEASE (rule 5, round 18b: the gold's "[excema on her cheeks and behind
    # her knees]" is DISEASE); findings with theirs are SYMPTOM
    wanted = "DISEASE" if span.startswith("eczema") else "SYMPTOM"
    assert span in found and found[span].label_ == wanted, list(found)


@pytest.mark.parametrize("text, span", [
    ("since the surgery i cant pee properly and it burns", "cant pee properly"),
    ("the flu left me too weak to stand in the shower", "too weak to stand in the shower"),  # round 19b: the place of the failed act is inside (gold p566)
    ("some days i cant get off the sofa before noon", "cant get off the sofa"),
    ("with the asthma flare i cant take a deep breath at night", "cant take a deep breath"),
    ("it hurts to take a breath on the left side", "hurts to take a breath"),
    ("our baby cant stay latched and screams at every feed", "cant stay latched"),
])
def test_lost_functions_with_manner_states_that_stop_them_and_breaths(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "SYMPTOM", list(found)


def test_a_thing_that_hurts_to_look_at_is_no_lost_function(nlp):
    assert not any(t.startswith("hurts to") for t in ents(nlp, "honestly that photo hurts to look at"))


@pytest.mark.parametrize("text, span", [
    ("my son had his measles jab yesterday and is a bit warm", "measles jab"),
    ("the derm gave me ketoconazole foam for the scalp", "ketoconazole foam"),
    ("i use a selenium sulfide shampoo twice a week", "selenium sulfide shampoo"),
    ("we give him liquid ibuprofen when the fever spikes", "liquid ibuprofen"),
])
def test_lay_and_british_dose_forms_name_the_product(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "DRUG", list(found)


@pytest.mark.parametrize("text, span", [
    ("ive had cushings for two years and the weight wont shift", "cushings"),
    ("my mum has raynauds and her fingers go white", "raynauds"),
    ("my neurologist confirmed menieres after the hearing test", "menieres"),
])
def test_eponymous_diseases_named_by_the_name_alone(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "DISEASE", list(found)


def test_an_everyday_surname_is_no_eponym(nlp):
    assert "wilsons" not in ents(nlp, "the wilsons next door lent us a ladder")


@pytest.mark.parametrize("text, span", [
    ("my uncle has PKD and is on the transplant list", "PKD"),
    ("the biopsy came back as BCC so mohs is next", "BCC"),
    ("SCD warrior here, third crisis this winter", "SCD"),
    ("a year sober with my AUD thanks to naltrexone", "AUD"),
    ("humira has been great for my PsA so far", "PsA"),
])
def test_community_disease_abbreviations_and_mixed_case_short_forms(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "DISEASE", list(found)


def test_a_public_service_announcement_is_no_psa_test(nlp):
    text = "PSA: check your vitamin gummies. my dad's PSA came back 6.2 though"
    found = [(e.start_char, e.label_) for e in nlp(text).ents if e.text == "PSA"]
    assert found == [(text.index("PSA", 3), "TEST")], found


@pytest.mark.parametrize("text, span", [
    ("since the water pills im peeing 12 times a day", "peeing 12 times a day"),
    ("my toddler is weeing every hour and seems thirsty", "weeing every hour"),
    ("on the new tablets im pooping 5x a day", "pooping 5x a day"),
    ("pregnant and peeing every couple of hours", "peeing every couple of hours"),
    ("my 7 year old still wets the bed most nights", "wets the bed"),
])
def test_functions_that_are_complaints_through_their_rate_and_bedwetting(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "SYMPTOM", list(found)


def test_a_complaint_word_keeps_its_rate_outside(nlp):
    found = ents(nlp, "watery diarrhea 9x a day since the antibiotics")
    assert "watery diarrhea" in found, list(found)


def test_two_symptom_nouns_side_by_side_are_a_list_without_commas(nlp):
    found = ents(nlp, "week two on it: insomnia nausea headaches, plus burning itchy skin")
    assert "insomnia" in found and "nausea" in found, list(found)
    assert not any(t.startswith("insomnia nausea") for t in found), list(found)


def test_a_comma_list_of_complaints_after_a_predicate_stays_apart(nlp):
    found = ents(nlp, "two weeks in: stomach ache, weak, shaky all day")
    assert "weak" in found and "shaky" in found, list(found)


@pytest.mark.parametrize("text, span", [
    ("after the wedding my voice is so croaky i can barely be heard", "voice is so croaky"),
    ("my voice has been raspy since the intubation", "voice has been raspy"),
    ("the nightly coughing fits wake the whole house", "nightly coughing fits"),
    ("my son has had a low fever since sunday", "low fever"),
])
def test_voice_predicates_night_complaints_and_low_fevers(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "SYMPTOM", list(found)


def test_a_time_after_at_is_no_kind_of_complaint(nlp):
    found = ents(nlp, "she gets up at night coughing")
    assert not any(t.startswith("night") for t in found), list(found)


@pytest.mark.parametrize("text", [
    "my ears have felt blocked ever since a cold in january",
    "the whole family caught a cold, so the baby is congested",
    "this is my third cold since she started nursery",
])
def test_a_cold_after_a_determiner_is_the_infection(nlp, text):
    found = ents(nlp, text)
    assert "cold" in found and found["cold"].label_ == "DISEASE", list(found)


@pytest.mark.parametrize("text", [
    "she gave me a cold stare when i asked about the results",
    "my hands are always cold in winter",
    "i put a cold compress on it twice a day",
])
def test_cold_as_a_temperature_or_a_look_is_no_infection(nlp, text):
    found = ents(nlp, text)
    assert not any(e.label_ == "DISEASE" and t == "cold" for t, e in found.items()), list(found)


def test_an_adjective_by_its_ending_still_describes_the_next_symptom(nlp):
    found = ents(nlp, "on the higher dose i had paranoid delusions for a week")
    assert "paranoid delusions" in found, list(found)


@pytest.mark.parametrize("text, span", [
    ("i get excruciating pain in my lower back when i stand", "excruciating pain in my lower back"),
    ("every month i get crippling cramps on day one", "crippling cramps"),
])
def test_lay_severity_words_are_inside_the_complaint(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "SYMPTOM", list(found)


@pytest.mark.parametrize("text, span, label", [
    ("my 2yo has been rubbing his eyes and crying all evening", "rubbing his eyes", "SYMPTOM"),
    ("the baby keeps pulling at her left ear since the cold", "pulling at her left ear", "SYMPTOM"),
    ("his right eye drifts outwards when he is tired", "right eye drifts outwards", "SYMPTOM"),
    ("the physio said a wrist splint at night would help", "wrist splint", "TREATMENT"),
    ("my surgeon says i need shoulder surgery after all", "shoulder surgery", "TREATMENT"),
])
def test_tended_and_drifting_body_parts_and_treatments_with_their_site(nlp, text, span, label):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == label, list(found)


def test_a_scope_after_a_determiner_is_an_endoscopy(nlp):
    found = ents(nlp, "the gastro wants a scope next month to check for ulcers")
    assert "scope" in found and found["scope"].label_ == "TEST", list(found)
    assert "scope" not in ents(nlp, "the scope of the new rules is unclear")


def test_my_gi_is_the_gastroenterologist(nlp):
    found = ents(nlp, "getting my GI visits covered is hard but my GI tract is fine")
    assert "GI" not in found and "GI tract" in found, list(found)


@pytest.mark.parametrize("text, confused", [
    ("grandad has a chest infection and since sunday hes confused and agitated", True),
    ("my mum is 90 and is still confused in the evenings", True),
    ("im confused, my gp said one thing and the nurse another", False),
    ("she was confused by the new dosing instructions", False),
])
def test_confusion_of_the_person_asked_about_not_of_the_writer(nlp, text, confused):
    found = ents(nlp, text)
    assert ("confused" in found) == confused, list(found)


@pytest.mark.parametrize("text, span, found_it", [
    ("since the new basal dose i keep having lows after lunch", "lows", True),
    ("dexcom woke me with a low at 2am, then i was high by breakfast", "low", True),
    ("the stock market lows this year scared me", "lows", False),
    ("my sugar is fine but my mood has been low for weeks", "low", False),
])
def test_glucose_lows_and_highs_in_a_diabetes_post(nlp, text, span, found_it):
    found = ents(nlp, text)
    assert (span in found and found[span].label_ == "SYMPTOM") == found_it, list(found)


@pytest.mark.parametrize("text, is_drug", [
    ("came off the pill in may and my periods are all over the place", True),
    ("my gyno said i could try the pill or a hormonal IUD", True),
    ("doxy every morning and i get heartburn if i lie down after the pill", False),
    ("the pill bottle says take with food", False),
])
def test_the_pill_is_the_contraceptive_class(nlp, text, is_drug):
    found = ents(nlp, text)
    assert ("pill" in found and found["pill"].label_ == "DRUG" and found["pill"]._.drug_kind == "class") == is_drug, list(found)


@pytest.mark.parametrize("text, span", [
    ("after two nights without sleep he was hearing voices that werent there", "hearing voices that werent there"),
    ("grandma is seeing children that arent there since the new patch", "seeing children that arent there"),
    ("our 8 month old is not gaining weight and feeds poorly", "not gaining weight"),
    ("my daughter hasnt grown in 18 months", "hasnt grown"),
])
def test_unreal_perceptions_and_growth_that_fails(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "SYMPTOM", list(found)


def test_what_one_sees_in_an_argument_is_no_hallucination(nlp):
    assert not ents(nlp, "i see what you mean but that isnt there in the leaflet")


@pytest.mark.parametrize("text", [
    "the mole on my arm hasnt grown since the biopsy",
    "the lump is not growing but it still hurts",
    "my hair isnt growing back after chemo",
])
def test_a_lesion_or_body_part_that_does_not_grow_is_no_failure_to_thrive(nlp, text):
    found = ents(nlp, text)
    assert not any(e._.concept_id == "HP:0001508" or "grow" in name for name, e in found.items()), list(found)


@pytest.mark.parametrize("text", [
    "PSA: 6.2 ng/ml last month, up from 4",
    "Dad's results came back. PSA - 4.1 and the urologist wants a biopsy",
])
def test_a_psa_followed_by_its_value_is_the_test_not_an_announcement(nlp, text):
    found = ents(nlp, text)
    assert "PSA" in found and found["PSA"].label_ == "TEST", list(found)


@pytest.mark.parametrize("text", [
    "been scratching my head over these results all week",
    "pulling my hair out over insurance again",
    "the nurse was rubbing her hands together before the injection",
])
def test_tending_figures_of_speech_are_no_complaint(nlp, text):
    found = ents(nlp, text)
    assert not any(e.label_ in ("SYMPTOM", "ANATOMY") for e in found.values()), list(found)


def test_a_child_scratching_his_head_is_still_a_complaint(nlp):
    found = ents(nlp, "my son keeps scratching his head at night")
    assert "scratching his head" in found and found["scratching his head"].label_ == "SYMPTOM", list(found)


@pytest.mark.parametrize("text, span", [
    ("her eyes are brown like her dad's", None),
    ("my hair is black and thick", None),
    ("my skin is brown so the rash is hard to see", None),
    ("my hair went grey in a few months after the chemo", "hair went grey"),
    ("my toes turned black after the frostbite", "toes turned black"),
])
def test_a_natural_eye_hair_or_skin_colour_is_no_complaint_unless_it_changed(nlp, text, span):
    found = ents(nlp, text)
    complaints = [name for name, e in found.items() if e.label_ == "SYMPTOM" and any(
        c in name for c in ("brown", "black", "grey"))]
    assert complaints == ([span] if span else []), list(found)


@pytest.mark.parametrize("text, apart, joined", [
    ("3 days of vomiting diarrhoea and a fever", ["vomiting", "diarrhoea"], None),
    ("menopause has me sweating nausea every afternoon", ["sweating", "nausea"], None),
    ("post covid lethargy insomnia brain fog", ["lethargy", "insomnia"], None),
    ("woke up with a throbbing headache again", [], "throbbing headache"),
])
def test_gerunds_and_y_nouns_in_a_commaless_list_stay_apart(nlp, text, apart, joined):
    found = ents(nlp, text)
    assert all(word in found and found[word].label_ == "SYMPTOM" for word in apart), list(found)
    assert joined is None or joined in found, list(found)


def test_a_region_takes_its_side_word_unless_a_span_already_covers_it():
    """"sharp pain right side of my neck": the symptom ending before "right" does not stop the region from
    taking it; a span that covers "right" keeps it (no overlap)."""
    import spacy

    from qatext.ner.span_rules import extend_anatomy_regions
    doc = spacy.blank("en")("sharp pain right side of my neck")
    words = [t.lower_ for t in doc]
    assert extend_anatomy_regions(doc, words, [(0, 2, "SYMPTOM", "x"), (6, 7, "ANATOMY", "y")])[1][:2] == (2, 7)
    assert extend_anatomy_regions(doc, words, [(0, 3, "SYMPTOM", "x"), (6, 7, "ANATOMY", "y")])[1][:2] == (3, 7)


def test_a_described_body_part_whose_adjective_another_mention_holds_is_left_alone():
    """"[red itchy] skin" found as one mention before the body part: the adjective is taken, so the
    body part stays as it is (this once ran past the end of the doc)."""
    import spacy

    from qatext.ner import span_rules

    doc = spacy.blank("en")("my red itchy skin")
    words = [token.lower_ for token in doc]
    spans = [(1, 3, "SYMPTOM", "HP:0000989"), (3, 4, "ANATOMY", "UBERON:0002097")]
    assert span_rules.add_described_body_parts(doc, words, spans) == spans


@pytest.mark.parametrize("text, span", [
    # the total object of a lost sense or intake (round 11: the team gold keeps it in most passages)
    ("after the cold i cant smell anything, not even coffee", "cant smell anything"),
    ("since the chemo i couldn't taste anything for weeks", "couldn't taste anything"),
    # the body the person cannot move, the posture a function needs, turning over in bed
    ("since his stroke he cant turn himself and needs two carers", "cant turn himself"),
    ("my shoulder is so bad i can't lie on my left side at night", "can't lie on my left side"),
    ("after the fall i cant stand on tiptoe on my right foot", "cant stand on tiptoe"),
    ("my ribs hurt so much i cant roll over in bed", "cant roll over in bed"),
    ("caught my finger in the door and now i cant straighten it by myself", "cant straighten it"),
    # a second function under the same cue; a particle verb with its object; new functions
    ("this sciatica means it hurts to sit or walk for long", "hurts to sit or walk"),
    ("my knuckles are so swollen i cant do up buttons in the morning", "cant do up buttons"),
    ("since the meningitis she cant follow a conversation at dinner", "cant follow a conversation"),
])
def test_a_lost_function_keeps_its_object_posture_and_alternative(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "SYMPTOM", [(e.text, e.label_) for e in found.values()]


@pytest.mark.parametrize("text", [
    "i can't lie, this cream works better than the last one",
    "the pharmacy wont open till 9 on sundays",
    "i can't raise the money for the private scan",
])
def test_a_function_word_without_its_complement_or_body_is_no_loss(nlp, text):
    """(and a second function after a modal is a loss of its own, see the next test)"""
    assert not [e for e in nlp(text).ents if e.label_ == "SYMPTOM"], [(e.text, e.label_) for e in nlp(text).ents]


@pytest.mark.parametrize("text, span", [
    ("my jaw is so swollen my mouth wont open more than a crack", "mouth wont open"),
    ("woke up and my left eye won't open properly, its all crusted", "left eye won't open properly"),
    # the impairment is a span of its own first ("can't properly move"): the part's complaint takes it in, with no
    # clash between the two rules (found in the shared MedQuAD answers)
    ("since the infection my arms can't properly move", "arms can't properly move"),
])
def test_a_body_part_that_will_not_move_is_one_symptom(nlp, text, span):
    assert span in ents(nlp, text), [(e.text, e.label_) for e in nlp(text).ents]


def test_the_same_body_part_twice_is_no_list_of_parts(nlp):
    text = "my voice sounds like ive got a hot potato in my mouth, and my mouth wont open"
    found = ents(nlp, text)
    assert "mouth wont open" in found, list(found)


@pytest.mark.parametrize("text, span", [
    # texture, smell and sound words before the head are its character (GUIDELINES rule 4)
    ("since the antibiotics i get eggy burps after every meal", "eggy burps"),
    ("three days of greasy, floaty diarrhoea and cramps", "greasy, floaty diarrhoea"),
    ("i found a tender rubbery lump under my left armpit", "tender rubbery lump under my left armpit"),
    ("my white furry tongue makes everything taste off", "white furry tongue"),
    ("i hear a constant high pitched ringing in my ear at night", "constant high pitched ringing in my ear"),
    ("i get cystic spots along my chin before my period", "cystic spots along my chin"),
    # the quality of a burst: "a sharp stab of pain"
    ("i felt a sharp stab of pain in my lower back when i lifted the box", "sharp stab of pain in my lower back"),
])
def test_lay_qualities_before_a_complaint_are_inside(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "SYMPTOM", [(e.text, e.label_) for e in found.values()]


@pytest.mark.parametrize("text, span", [
    # broken skin in a list of predicates; a degree before the predicate; the side it holds for
    ("my chin is raw, weepy and crusty from the cream", "chin is raw, weepy and crusty"),
    ("my right ear is completely blocked since the flight", "right ear is completely blocked"),
    ("my nose is blocked on both sides and i cant sleep", "nose is blocked on both sides"),
    ("the white of my eye is bright red after coughing", "white of my eye is bright red"),
    # a location on one side of a body part, and a second place with its own preposition
    ("i have a throbbing pain on one side of my head", "throbbing pain on one side of my head"),
    ("dry red patches on my elbows and beside my mouth", "dry red patches on my elbows and beside my mouth"),
])
def test_described_body_parts_run_to_their_last_predicate_and_place(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "SYMPTOM", [(e.text, e.label_) for e in found.values()]


def test_after_a_modal_a_second_function_is_not_joined(nlp):
    found = ents(nlp, "on the new dose i can't sleep or wake up on time")
    assert "can't sleep" in found, list(found)


@pytest.mark.parametrize("text, span", [
    # names no lexicon lists, in a medicine's frame: a taking verb, a course, a dose form, "for my <problem>"
    ("the derm started me on mirvaso for my flushing", "mirvaso"),
    ("3 weeks of otovent and my ear still pops", "otovent"),
    ("the GP gave me sudocrem and canesten, then started fucibet cream for my rash", "fucibet cream"),
    ("dermol for my eczema every night, week 2 now", "dermol"),
    # a strength after a number: "X 100mg" (the tokenizer splits "100mg"), "X 0.5 mcg"
    ("fluvoxamene 100mg at night for my OCD", "fluvoxamene"),
    ("my current medications are Topcid 40 mg and Nexpro 40 mg", "Nexpro"),
    ("the inhaler is foracort 200 mcg twice a day", "foracort"),
])
def test_an_unknown_name_in_a_medicine_frame_is_a_drug(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "DRUG", [(e.text, e.label_) for e in found.values()]


@pytest.mark.parametrize("text", [
    "started uni last week and it took ages to settle in, a week of hell",
    "my son started nursery and took forever to stop crying",
    # misspelled English words: one letter dropped, added, or a verb form
    "i took forver to fall asleep",
    "tried accupuncture for my back pain",
    "i started experiancing dizzyness",
    # a strength after a number with no name before it, or an English word there
    "my dose went from 20mg to 40mg last week",
    "they doubled it to 40 mg and now i feel worse",
    "i was on 20 mg of it and felt fine",
])
def test_english_words_in_a_medicine_frame_stay_out(nlp, text):
    assert not [e for e in nlp(text).ents if e.label_ == "DRUG"], [(e.text, e.label_) for e in nlp(text).ents]


@pytest.mark.parametrize("word, form", [("capecitibine", "capecitabine"), ("ivermectine", "ivermectin"),
                                        ("loratidine", "loratadine"), ("prednisalone", "prednisolone")])
def test_generic_names_of_more_drug_class_stems_are_corrected(word, form):
    lexicon = get_lexicon()
    found = lexicon.fuzzy.lookup(word)
    # round 20 indexes the package's "ivermectine" itself: an exact term of the same concept, never looked up
    assert found == form or found is None and word in lexicon.fuzzy.tail_forms \
        and lexicon.terms[word][:2] == lexicon.terms[form][:2]


@pytest.mark.parametrize("text, span", [
    ("since the antibiotics my wee has been bright orange", "wee has been bright orange"),
    ("after the iron tablets i had black poo for a week", "black poo"),
    ("his urine goes the colour of tea after a run", "urine goes the colour of tea"),
    ("my periods are so heavy since the coil went in", "periods are so heavy"),
    ("my sperm looked pinkish after the biopsy", "sperm looked pinkish"),
])
def test_a_body_product_with_its_colour_or_state_is_a_symptom(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "SYMPTOM", [(e.text, e.label_) for e in found.values()]


def test_a_body_product_without_a_state_is_no_symptom(nlp):
    assert not nlp("i need a wee and the poo bags are in the car").ents


@pytest.mark.parametrize("text, span", [
    ("the GP said its latent TB and i need 3 months of pills", "latent TB"),
    ("she was admitted with neutropenic sepsis after chemo", "neutropenic sepsis"),
    ("i only get menstrual migraines, never otherwise", "menstrual migraines"),
    ("the tip of my thumb droops since i cut it", "tip of my thumb droops"),
    ("woke up and my jaw is locked half shut", "jaw is locked half shut"),
    ("my voice sounds hoarse and croaky every morning", "voice sounds hoarse"),
])
def test_disease_kinds_and_more_body_predicates(nlp, text, span):
    found = ents(nlp, text)
    assert span in found, [(e.text, e.label_) for e in found.values()]


def test_a_body_part_after_a_preposition_starts_no_list(nlp):
    found = ents(nlp, "the pain shoots up into my ear and my jaw is locked half shut")
    assert "jaw is locked half shut" in found, list(found)


@pytest.mark.parametrize("text, acronym, label", [
    ("the rheumatologist thinks its polymyalgia rheumatica. does PMR ever go away?", "PMR", "DISEASE"),
    ("i was diagnosed with obstructive sleep apnoea in may and my OSA is worse when i drink", "OSA", "DISEASE"),
    ("had a deep vein thrombosis after my flight, how long do DVTs take to clear?", "DVTs", "DISEASE"),
])
def test_an_acronym_after_its_long_form_is_the_same_mention(nlp, text, acronym, label):
    found = ents(nlp, text)
    assert acronym in found and found[acronym].label_ == label, [(e.text, e.label_) for e in found.values()]


def test_letters_before_the_long_form_or_in_lower_case_are_no_acronym(nlp):
    # "OAS" with the allergy in the same text is community shorthand, annotated by rule 13 (round 18b); letters of an
    # unknown short form before its long form are still no acronym of it
    assert "OMG" not in ents(nlp, "is OMG ever dangerous? the allergist thinks oral allergy syndrome")
    assert "oas" not in ents(nlp, "the allergist thinks oral allergy syndrome, oas i think they spell it")


@pytest.mark.parametrize("text, span", [
    ("since the transplant im on tacrolimus, mycophenolate and pred", "pred"),
    ("trying to quit, down to 5 ciggies a day", "ciggies"),
    ("the urologist told me to cut out cola and iced tea", "cola"),
    ("my liver numbers are up, do i need to cut down on alcohol?", "alcohol"),
])
def test_short_forms_in_a_list_of_medicines_and_substances_taken_are_drugs(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "DRUG", [(e.text, e.label_) for e in found.values()]


def test_food_before_a_medicine_in_a_list_is_no_medicine(nlp):
    found = ents(nlp, "after the op i lived on ice lollies and liquid paracetamol")
    assert "lollies" not in found and "ice lollies" not in found, list(found)


@pytest.mark.parametrize("text, span", [
    ("my smear came back abnormal so they want a colposcopy", "smear"),
    ("my smear was normal this time", "smear"),
    ("the nurse did a dipstick and found blood", "dipstick"),
    ("since he got the libre he hates finger pricks less", "libre"),
    ("my calcium and PTH are both high", "PTH"),
    ("my potassium showed up on routine bloods", "bloods"),
])
def test_lay_and_short_test_names(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "TEST", [(e.text, e.label_) for e in found.values()]


@pytest.mark.parametrize("text", [
    "i smear vaseline on it every night",
    "there was a smear of blood on the toilet paper",
])
def test_a_smear_that_is_no_result_is_no_test(nlp, text):
    assert not any(e.label_ == "TEST" for e in nlp(text).ents), [(e.text, e.label_) for e in nlp(text).ents]


def test_the_physio_who_says_something_is_a_person(nlp):
    assert "physio" not in ents(nlp, "the physio said its tendinitis and to rest it")
    found = ents(nlp, "i have physio twice a week for my knee")
    assert "physio" in found and found["physio"].label_ == "TREATMENT"


@pytest.mark.parametrize("text, span", [
    ("my physio appointment is tomorrow", "physio"),
    ("PT started last week and my knee is better", "PT"),
])
def test_the_physio_that_is_booked_or_started_is_the_therapy(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "TREATMENT", [(e.text, e.label_) for e in found.values()]


@pytest.mark.parametrize("text, not_span", [
    ("the parents whatsapp group is a nightmare of its own", "nightmare"),
    ("my husband thinks im paranoid for washing the bottles twice", "paranoid"),
    ("stubbed my toe on the coffee table last night", "coffee"),
])
def test_everyday_senses_of_nuisance_words_and_substances_stay_out(nlp, text, not_span):
    assert not_span not in ents(nlp, text), list(ents(nlp, text))


def test_paranoid_for_a_time_stays_a_symptom(nlp):
    assert "paranoid" in ents(nlp, "after the malaria pills i felt paranoid for weeks")


@pytest.mark.parametrize("text, span, label", [
    ("my vitamin D and ferritin were checked last month", "ferritin", "TEST"),
    ("my B12 and iron were checked and came back normal", "B12", "TEST"),
    ("the injection site gets red, hot and itchy for a day", "injection site gets red, hot and itchy", "SYMPTOM"),
])
def test_measured_substances_in_a_list_and_the_injection_site(nlp, text, span, label):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == label, [(e.text, e.label_) for e in found.values()]


@pytest.mark.parametrize("text", ["can you check my b12 and iron", "should i get my ferritin, b12"])
def test_a_list_of_substances_ending_the_text_does_not_crash(nlp, text):
    assert nlp(text) is not None


@pytest.mark.parametrize("text, span, label", [
    ("my sugars crashed and i had two hypos overnight", "hypos", "SYMPTOM"),
    ("third day clean and i feel dopesick all morning", "dopesick", "SYMPTOM"),
    ("theres a whooshing in my left ear in time with my heartbeat", "whooshing in my left ear", "SYMPTOM"),
    ("both kids came home from school with head lice", "head lice", "DISEASE"),
    ("the hospital thinks its a quinsy and wants to drain it", "quinsy", "DISEASE"),
    ("my colposcopy showed CIN2 so i need a LLETZ", "CIN2", "DISEASE"),
])
def test_lay_and_short_names_of_complaints_and_diagnoses(nlp, text, span, label):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == label, [(e.text, e.label_) for e in found.values()]


@pytest.mark.parametrize("text, span", [
    ("my 6 week old's belly button sticks out when she cries", "belly button sticks out"),
    ("since the eye drops the skin around my eyes looks darker", "skin around my eyes looks darker"),
    ("the skin under my nails has gone darker this month", "skin under my nails has gone darker"),
])
def test_a_located_part_that_sticks_out_or_darkens_is_one_symptom(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "SYMPTOM", [(e.text, e.label_) for e in found.values()]


def test_a_thing_that_sticks_out_is_no_complaint(nlp):
    assert not nlp("the label sticks out of my shirt collar").ents


@pytest.mark.parametrize("text", [
    "my tongue sticks to the roof of my mouth",
    "my skin is darker than my sister's",
])
def test_a_part_that_sticks_without_out_or_is_darker_than_anothers_is_no_complaint(nlp, text):
    assert not any(e.label_ == "SYMPTOM" for e in nlp(text).ents), [(e.text, e.label_) for e in nlp(text).ents]


def test_a_part_paler_than_usual_is_a_complaint(nlp):
    assert "skin on my face is paler" in ents(nlp, "the skin on my face is paler than usual")


def test_a_drink_named_for_a_colour_is_no_intake_and_the_product_keeps_it(nlp):
    found = ents(nlp, "since friday my pee is cola coloured and i feel rough")
    assert "pee is cola coloured" in found and "cola" not in found, list(found)


def test_a_blistery_rash_keeps_its_quality(nlp):
    assert "painful blistery rash on one side of my ribs" in ents(nlp, "i have a painful blistery rash on one side of my ribs")


@pytest.mark.parametrize("text, span", [
    ("equasym XL 20mg in the morning for my son", "equasym XL"),
    ("Sinemet CR at night stopped the cramps", "Sinemet CR"),
    ("dissolving lamictal ODT under my tongue", "lamictal ODT"),
    ("propranolol LA 80mg for the tremor", "propranolol LA"),
])
def test_a_release_form_after_a_drug_is_part_of_its_name(nlp, text, span):
    found = ents(nlp, text)
    assert span in found and found[span].label_ == "DRUG", [(e.text, e.label_) for e in found.values()]


@pytest.mark.parametrize("text, drug", [
    # "er", "la" in lower case are words, not the box's release form
    ("took tylenol er i mean it was late by then", "tylenol"),
    ("the xanax la la land feeling", "xanax"),
])
def test_a_lower_case_er_or_la_after_a_drug_stays_out(nlp, text, drug):
    found = ents(nlp, text)
    assert drug in found, [(e.text, e.label_) for e in found.values()]
