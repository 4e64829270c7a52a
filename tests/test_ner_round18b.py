"""Round 18b: community shorthand used without definition, span edges, lists and body states (issue 11).

GUIDELINES rule 13: shorthand of patient communities is annotated without a definition when the context makes it a
medical entity; the same letters in another sense are not (rule 17). Each class has sentences in other words than
the study set that the rules must catch, and near-misses in the same words that must stay as they are.
"""
from __future__ import annotations

import pytest

import qatext


@pytest.fixture(scope="module")
def nlp():
    return qatext.load(topics=False)


def labelled(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents]


def texts(nlp, text):
    return [e.text for e in nlp(text).ents]


# --- 4. community shorthand without a definition ------------------------------------------------------------------
# Letters with one medical sense in patient text (abbreviations.tsv, case-sensitive).
@pytest.mark.parametrize("text, entity, label", [
    ("first spin class in a year and the DOMS has me walking like a penguin", "DOMS", "SYMPTOM"),
    ("our health visitor thinks the reflux and eczema are CMPA so we switched formula", "CMPA", "DISEASE"),
    ("food keeps sticking when i swallow and the biopsies confirmed EoE", "EoE", "DISEASE"),
    ("after the wrist fracture my hand went purple and burning, they called it CRPS", "CRPS", "DISEASE"),
    ("my daughter was diagnosed with JIA at 4 and starts methotrexate", "JIA", "DISEASE"),
    ("the headache started on a tuesday 2 years ago and never stopped, neuro says NDPH", "NDPH", "DISEASE"),
    ("4 years of ARFID, i only eat about six foods", "ARFID", "DISEASE"),
    ("the gynae is treating my HMB with the mirena", "HMB", "SYMPTOM"),
    ("hearing test showed SNHL in the left ear", "SNHL", "DISEASE"),
    ("the ENT thinks ETD after the cold, my ear keeps popping", "ETD", "DISEASE"),
    ("stopped the steroid cream and got TSW, my skin is flaking everywhere", "TSW", "DISEASE"),
    ("baby was on the CTG for an hour and the midwife was happy", "CTG", "TEST"),
    ("my Hb came back at 89 so they want to start iron", "Hb", "TEST"),
    ("the echo picked up HCM and my brother needs screening too", "HCM", "DISEASE"),
    ("bubble study showed a PFO after my mini stroke", "PFO", "DISEASE"),
    ("28 weeks pregnant with PGP, i can barely roll over in bed", "PGP", "SYMPTOM"),
    ("waters went at 33 weeks, PPROM, now in hospital on antibiotics", "PPROM", "DISEASE"),
    ("the 32 week scan shows IUGR so they want to monitor weekly", "IUGR", "DISEASE"),
    ("HR shoots to 140 when i stand, cardiology says IST not POTS", "IST", "DISEASE"),
    ("my seizures were video EEG'd and it is PNES, not epilepsy", "PNES", "DISEASE"),
    ("the mammogram found DCIS in the right breast", "DCIS", "DISEASE"),
    ("leak when i cough or jump, physio says SUI after two babies", "SUI", "DISEASE"),
])
def test_unambiguous_shorthand(nlp, text, entity, label):
    # a site after a diagnosis belongs to it (rule 5): "[SNHL in the left ear]" is still the DISEASE
    assert any(t.split()[0] == entity and l == label for t, l in labelled(nlp, text)), labelled(nlp, text)


# Letters with other senses: resolved in context by shorthand.py (shorthand.tsv), each with a near-miss.
@pytest.mark.parametrize("text, entity, label", [
    ("raw cherries make my lips itch and my throat scratchy, the allergist said OAS", "OAS", "DISEASE"),
    ("thirsty all the time and peeing litres, the endo is testing me for DI", "DI", "DISEASE"),
    ("a grey smudge in my vision and the optician found fluid, probably CSR from the steroids", "CSR", "DISEASE"),
    ("my son has CVS, the vomiting episodes come every few weeks", "CVS", "DISEASE"),
    ("diagnosed with BED last year, the binges happen at night", "BED", "DISEASE"),
    ("since the painkillers every day my headaches are worse, the neurologist said MOH", "MOH", "DISEASE"),
    ("electric shocks in my cheek when i chew, carbamazepine for TN", "TN", "DISEASE"),
    ("bald patches on my scalp, the dermatologist says AA and offered steroid injections", "AA", "DISEASE"),
    ("flashes and a curtain over my vision, they lasered the RD yesterday", "RD", "DISEASE"),
    ("my corneas are thin and steep, KC in both eyes, cross-linking next month", "KC", "DISEASE"),
    ("purple spots on his legs and sore joints, the paediatrician thinks HSP", "HSP", "DISEASE"),
    ("vaginal heaviness and a bulge after my 3rd baby, the gynae said POP and a pessary", "POP", "DISEASE"),
    ("after years on haloperidol my tongue moves on its own, is TD permanent?", "TD", "DISEASE"),
    ("the OCT showed the macula is thickened, the ophthalmologist wants to inject", "OCT", "TEST"),
    ("the alters switch when i am stressed, my therapist diagnosed DID", "DID", "DISEASE"),
    ("pain all over and wiped out, FM flares every winter and lyrica helps a bit", "FM", "DISEASE"),
    ("three miscarriages and a clot, they tested me and its APS so heparin next time", "APS", "DISEASE"),
    ("our son has CF and does chest physio and takes creon with meals", "CF", "DISEASE"),
    ("gut pain and blood, colonoscopy says CD in the ileum, starting humira", "CD", "DISEASE"),
])
def test_ambiguous_shorthand_in_its_medical_sense(nlp, text, entity, label):
    assert any(t.split()[0] == entity and l == label for t, l in labelled(nlp, text)), labelled(nlp, text)


@pytest.mark.parametrize("text, word", [
    ("my mum gets her OAS pension payments next month", "OAS"),
    ("the DI in charge of the case told the press the police had no suspects", "DI"),
    ("fill the tank with DI water only", "DI"),
    ("i work for a bank and CSR at my company means charity days", "CSR"),
    ("called the CSR on the phone for an hour about my bill", "CSR"),
    ("picked up my prescription at CVS pharmacy yesterday", "CVS"),
    ("I WENT BACK TO BED AFTER LUNCH", "BED"),
    ("the MOH published new guidance for the government", "MOH"),
    ("we moved to TN from ohio and love nashville", "TN"),
    ("he goes to AA meetings and has a sponsor, sober 2 years", "AA"),
    ("need AA batteries for the thermometer", "AA"),
    ("my RD said to eat more protein at each meal", "RD"),
    ("flying to KC to see the chiefs game", "KC"),
    ("as an HSP i find loud noises overwhelming", "HSP"),
    ("bought the CD player for my dad", "CD"),
    ("the TD bank app is down again", "TD"),
    ("appointment is on 12 OCT", "OCT"),
    ("tuned to the FM radio station in the car", "FM"),
])
def test_shorthand_in_other_senses_is_no_entity(nlp, text, word):
    assert word not in texts(nlp, text), labelled(nlp, text)


def test_progestogen_only_pill_is_a_drug(nlp):
    text = "breastfeeding so the GP started me on the POP, spotting on and off since"
    assert ("POP", "DRUG") in labelled(nlp, text), labelled(nlp, text)


# --- 1. a diagnosis with its site after it stays the diagnosis (rule 5) -------------------------------------------
@pytest.mark.parametrize("text, span", [
    ("the dermatologist says its psoriasis on my elbows and gave me a cream", "psoriasis on my elbows"),
    ("x-rays showed arthritis in both knees", "arthritis in both knees"),
    ("they found a blood clot in my left leg after the flight", "blood clot in my left leg"),
])
def test_diagnosis_with_its_site_is_a_disease(nlp, text, span):
    assert (span, "DISEASE") in labelled(nlp, text), labelled(nlp, text)


@pytest.mark.parametrize("text, span", [
    # near-misses: a complaint with its site stays a SYMPTOM
    ("sharp pain in my left knee when i climb stairs", "sharp pain in my left knee"),
    ("itchy rash on my elbows since the new soap", "itchy rash on my elbows"),
    ("swelling in both ankles by the evening", "swelling in both ankles"),
])
def test_complaint_with_its_site_stays_a_symptom(nlp, text, span):
    assert (span, "SYMPTOM") in labelled(nlp, text), labelled(nlp, text)
