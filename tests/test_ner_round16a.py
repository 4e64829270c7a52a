"""Round 16a: a body part that is the subject of a complaint, findings located on a part, damage named by a part, and
lone body parts the gold does not take (issue 11).

Each class has sentences in words other than the study set's that the rule must catch, and sentences in the same
words that name no complaint (the precision guards of the brief).
"""
from __future__ import annotations

import pytest


def ents(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents]


# --- 1. a part as the subject of a complaint predicate (lay_body_states.add_part_complaints) ---------------------
@pytest.mark.parametrize("text, span", [
    # a state adjective after a link and degree words: texture, size, weakness, colour, sensitivity
    ("since the chemo my lips feel papery and my nails look ridged", "lips feel papery"),
    ("her glands were enormous when the gp checked", "glands were enormous"),
    ("my calves feel so tight and achy", "calves feel so tight and achy"),
    ("my arms are so floppy in the mornings", "arms are so floppy"),
    ("my gums look a little purple near the crown", "gums look a little purple"),
    ("on the new pills my scalp got really light sensitive", "scalp got really light sensitive"),
    ("my cheeks have gone wrinkly and dry since the weight loss", "cheeks have gone wrinkly and dry"),
    ("his eyelids went yellowish over the weekend", "eyelids went yellowish"),
    # a verb of sound, movement, failure or damage
    ("my stomach rumbled through the whole meeting", "stomach rumbled"),
    ("after the fall my knees buckled on the stairs", "knees buckled"),
    ("my nails have started to flake at the tips", "nails have started to flake"),
    ("her lips cracked and she couldnt eat", "lips cracked"),
    ("my eyelids twitched all afternoon", "eyelids twitched"),
    ("my knees click when i squat", "knees click"),
    ("the skin on my heels splits every winter", "skin on my heels splits"),
    # "doing" a figure of movement, "full of", "covered in", "stuck"
    ("my stomach doing backflips every time i eat", "stomach doing backflips"),
    ("his ears feel full of water after swimming for days", "ears feel full of water"),
    ("her throat was covered in yellow goo this morning", "throat was covered in yellow goo"),
    ("my ears feel stuffed with cotton wool since the cold", "ears feel stuffed with cotton wool"),
    ("his sinuses were packed with snot for weeks", "sinuses were packed with snot"),
    ("my thumb keeps getting stuck straight when i grip", "thumb keeps getting stuck straight"),
    ("my hands and wrist creases are red and flaky", "hands and wrist creases are red and flaky"),
    ("my son mouth breathing all night worries me", "mouth breathing"),
])
def test_part_is_the_subject_of_a_complaint(nlp, text, span):
    assert (span, "SYMPTOM") in ents(nlp, text), ents(nlp, text)


@pytest.mark.parametrize("text, part", [
    ("my skin is fine now, thanks for asking", "skin"),
    ("my eyes are blue like my dads", "eyes"),
    ("keep your legs straight during the stretch", "legs"),
    ("my teeth are so white after the whitening", "teeth"),
    ("my feet are huge, size 12", "feet"),
    ("use a wrist split at night", None),  # no verb of the part
    ("do not blow your nose so hard", "nose"),
    ("i had a skin peel treatment last year", None),
    ("my teeth have a black spot on them", None),  # the colour describes a finding of its own
    ("my head is full of ideas for the project", "head"),  # a thought fills no part
    ("my belly is full of food after christmas dinner", "belly"),  # food fills a belly, no complaint
    ("he sleeps with his arm bent under the pillow", "arm"),
    ("my arms are too weak to lift the kettle", None),  # an effort, no state
])
def test_part_subject_near_misses(nlp, text, part):
    found = ents(nlp, text)
    assert not any(label == "SYMPTOM" and part and part in span and span != part for span, label in found), found
    assert not any(label == "SYMPTOM" and span.split()[0] in ("skin", "wrist", "teeth", "face", "nose", "arm", "feet",
                                                                  "legs", "eyes") for span, label in found), found


# --- 2. a finding located on or in a part (extend_located_mentions, join_parts_and_bursts, add_located_findings) ---
@pytest.mark.parametrize("text, span, label", [
    ("he came out in welts round his neck after the antibiotic", "welts round his neck", "SYMPTOM"),
    ("the physio heard a clunk in my right shoulder", "clunk in my right shoulder", "SYMPTOM"),
    ("i keep getting bile in my throat at night", "bile in my throat", "SYMPTOM"),
    ("there is yellow stuff under her toenail", "yellow stuff under her toenail", "SYMPTOM"),
    ("she has stiffness in the last two joints of both thumbs", "stiffness in the last two joints of both thumbs",
     "SYMPTOM"),
    ("the lymph nodes under her arm swell up when she is ill", "lymph nodes under her arm swell up", "SYMPTOM"),
    ("i get jolts of pain in my left heel", "jolts of pain in my left heel", "SYMPTOM"),
    ("swollen groin and armpit glands for a week", "swollen groin and armpit glands", "SYMPTOM"),
    ("cataract in both eyes, worse in the right", "cataract in both eyes", "DISEASE"),
])
def test_finding_located_on_a_part(nlp, text, span, label):
    found = [(t, "DISEASE" if lab == "DISEASE" else lab) for t, lab in ents(nlp, text)]
    assert (span, label) in found or (span, "SYMPTOM" if label == "DISEASE" else "DISEASE") in found, found


def test_side_refers_back_to_a_named_part(nlp):
    found = ents(nlp, "glaucoma in both eyes and a cataract in the left")
    assert any(span == "cataract in the left" for span, _ in found), found
    found = ents(nlp, "i have muffled hearing in the left since the flight")
    assert not any(span.endswith("in the left") for span, _ in found), found


@pytest.mark.parametrize("text, not_span", [
    ("the doctor said rinse the acid from your stomach with antacids", "acid from your stomach"),
    ("i had pain in my kidney area on the left", "pain in my kidney area on the left"),
    ("i cant stand on tiptoe on my left leg", "cant stand on tiptoe on my left leg"),
    ("my teeth stained brown along the gumline", "teeth stained brown along the gumline"),
    ("my skin feels tight and shiny over the joints", "skin feels tight and shiny over the joints"),
])
def test_located_near_misses(nlp, text, not_span):
    assert not any(span == not_span for span, _ in ents(nlp, text)), ents(nlp, text)


# --- 3. damage named by a part (add_part_injuries) -----------------------------------------------------------------
@pytest.mark.parametrize("text, span", [
    ("the xray showed a fractured rib", "fractured rib"),
    ("the physio thinks its a grade 1 calf tear", "grade 1 calf tear"),
    ("mri showed a rotator cuff rupture", "rotator cuff rupture"),
    ("she has fungal toenails on both feet", "fungal toenails on both feet"),
    ("probably a pulled groin from football", "pulled groin"),
])
def test_damage_named_by_a_part(nlp, text, span):
    assert (span, "DISEASE") in ents(nlp, text), ents(nlp, text)


@pytest.mark.parametrize("text", [
    "sweat, tears and saliva can carry the virus",
    "my eyes are strained from the screen",
    "a tear rolled down my cheek",
])
def test_damage_near_misses(nlp, text):
    found = ents(nlp, text)
    assert not any(label == "DISEASE" and ("tear" in span or "strain" in span) for span, label in found), found


# --- 4. lone parts the gold does not take (anatomy_rules.settle_anatomy) ---------------------------------------------
@pytest.mark.parametrize("text, part", [
    ("floaters in that eye since monday", "eye"),
    ("can i go blind in that eye?", "eye"),
    ("i take biotin for the hair.", "hair"),
    ("is vitamin a good for the eyes?", "eyes"),
])
def test_parts_not_taken(nlp, text, part):
    assert (part, "ANATOMY") not in ents(nlp, text), ents(nlp, text)


@pytest.mark.parametrize("text, part", [
    ("my neck hurts and i saw the gp about my neck", "neck"),
    ("it takes weeks for the colon to heal", "colon"),
    ("i get a yearly eye scan for the retina and so far all clear", "retina"),
    ("the pain goes down to my knee", "knee"),
    ("dizzy every time i turn my head", "head"),  # a part in a trigger is ANATOMY (rule 5, test_ner_anatomy)
])
def test_parts_kept(nlp, text, part):
    found = ents(nlp, text)
    assert any(part in span for span, _ in found), found
