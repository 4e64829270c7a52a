"""Mending round 19a after review (defects 1, 2, 4, 5, 6, 8, 13, 14): the reviewer's sentences, near-misses and
must-catch sentences of our own for each mechanism fixed."""
from __future__ import annotations

import random
import time

import pytest

from qatext.ner.lay_common import _replace_covered_slow, replace_covered


def labelled(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents]


def concepts(nlp, text):
    return {e.text: e.kb_id_ for e in nlp(text).ents}


@pytest.mark.parametrize("text, entity, label", [
    # 1: the writer's own doings are no blush
    ("My face went bright red when I walked outside in the cold.", "face went bright red", "SYMPTOM"),
    ("My face went red when I noticed the rash spreading.", "face went red", "SYMPTOM"),
    ("my cheeks go red when i take the niacin", "cheeks go red", "SYMPTOM"),
    # 2: the writer's heart beating strong stays (study set s501)
    ("when they changed the brand i get heart beating strong, tired", "heart beating strong", "SYMPTOM"),
    ("after the coffee i get heart beating strongly", "heart beating strongly", "SYMPTOM"),
    # 4: the complaint forms stay
    ("My legs wouldnt move this morning for about an hour.", "legs wouldnt move", "SYMPTOM"),
    ("my jaw wouldnt open that night after the dentist", "jaw wouldnt open", "SYMPTOM"),
    ("on the tablets my bowels stopped completely, its awful", "bowels stopped completely", "SYMPTOM"),
    ("since the chemo my arms have got skinny and weak", "arms have got skinny and weak", "SYMPTOM"),
    ("on citalopram i have hair falling, sweats", "hair falling", "SYMPTOM"),
    ("after the fall his left pupil was huge", "left pupil was huge", "SYMPTOM"),
    # 5: the writer's own limb
    ("i have a dodgy leg since the accident", "dodgy leg", "SYMPTOM"),
    ("on codeine i get lazy bowels", "lazy bowels", "SYMPTOM"),
    ("he has a shuffling walk now", "shuffling walk", "SYMPTOM"),
    ("a racing pulse of 120 all evening", "racing pulse", "SYMPTOM"),
    ("some cloudy wee this morning", "cloudy wee", "SYMPTOM"),
    ("belly gurgling all night", "belly gurgling", "SYMPTOM"),
    # 8: the heart's rate is the heart's
    ("racing heart rate", "racing heart rate", "SYMPTOM"),
    ("since the inhaler i had a racing heart rate all night", "racing heart rate", "SYMPTOM"),
    # 13: the release forms stay
    ("i take concerta xl 36mg every morning", "concerta xl", "DRUG"),
    ("started seroquel xl 50, the xl makes me sleepy", "seroquel xl", "DRUG"),
    ("my GP put me on sinemet MR last year", "sinemet MR", "DRUG"),
])
def test_must_catch(nlp, text, entity, label):
    assert (entity, label) in labelled(nlp, text)


@pytest.mark.parametrize("text", [
    # 2
    "Baby's heart beating strong at the 12 week scan",
    "Fetal heart beating strongly on ultrasound",
    "Dad's heart is going strong after the bypass",
    "My heart was pounding hard when he kissed me",
    "my heart was racing when she looked at me",
    "her face went red when she saw him walk in",
    "my face went red when i saw him",
    # 4
    "I love the way her hair falls.",
    "She smiled as her hair fell.",
    "Watched her hair falling, gently in the wind.",
    "his hair fell across his eyes.",
    "The pupils were tiny when they started Year 1.",
    "The pupils were small when they joined the school.",
    "My mouth wouldnt shut up about it all evening.",
    "Took imodium and my bowels stopped after a day, thank god.",
    "My legs have got skinnier since I started running, yay!",
    "my arms have got thinner with the gym, so pleased",
    # 5
    "The table has a wonky leg",
    "The chair has a dodgy leg",
    "the ladder had a wonky leg so we binned it",
    "Get up, lazy bones!",
    "a staggering walk of thirty miles",
    "The shuffling walk of the zombies in that film",
    "The pounding heart of the city",
    "Pounding pulse of the music at the club",
    "Gut churning news from the election",
    "a belly churning ride at the fair",
])
def test_no_symptom(nlp, text):
    assert [e for e in labelled(nlp, text) if e[1] == "SYMPTOM" and e[0].lower() != "zombies"] == []


@pytest.mark.parametrize("text, entity", [
    ("Ordered some melatonin xl from amazon lol, the xl pack", "melatonin"),
    ("aspirin MR Smith said", "aspirin"),
    ("ibuprofen Mr Jones gave me", "ibuprofen"),
])
def test_release_form_sizes_and_titles(nlp, text, entity):
    drugs = [e for e in labelled(nlp, text) if e[1] == "DRUG"]
    assert drugs[0] == (entity, "DRUG")


@pytest.mark.parametrize("text, entity, concept", [
    # 6: the specific concept a generic complaint takes in stays
    ("Arms went rigid", "Arms went rigid", "HP:0002063"),
    ("Mushy poo three times a day", "Mushy poo", "HP:0002014"),
    ("sloppy poo since the antibiotics", "sloppy poo", "HP:0002014"),
    ("since the chemo my arms have got skinny and weak", "arms have got skinny and weak",
     "QATEXT:symptom/body-part-complaint"),
    ("my dog has green poo? no, i have green poo", "green poo", "QATEXT:symptom/changed-body-product"),
])
def test_specific_concepts_kept(nlp, text, entity, concept):
    assert concepts(nlp, text).get(entity) == concept


def test_replace_covered_same_as_scan():
    rng = random.Random(7)
    for _ in range(3000):
        pos, spans = 0, []
        while pos < 40:
            pos += rng.randint(0, 3)
            length = rng.randint(1, 4)
            if rng.random() < 0.6:
                spans.append((pos, pos + length, rng.choice(["SYMPTOM", "ANATOMY"]), "c"))
            pos += length
        rng.shuffle(spans)
        added = [(a, a + rng.randint(1, 6), "SYMPTOM", "n") for a in (rng.randint(0, 40) for _ in range(rng.randint(1, 5)))]
        assert replace_covered(spans, added) == _replace_covered_slow(sorted(spans), added, False)


def test_part_rules_linear(nlp):
    """14: the time of add_part_moves and add_body_descriptors grows with the doc, not with its square."""
    from qatext.ner.lay_body_descriptors import add_body_descriptors
    from qatext.ner.lay_body_moves import add_part_moves
    unit = ("my legs wouldnt move and my heart was going fast, lazy bowels and mushy poo, pounding pulse, "
            "i have a dodgy leg and my arms have got skinny. ")
    times = []
    for copies in (40, 160):
        doc = nlp.make_doc(unit * copies)
        words = [t.lower_ for t in doc]
        spans = [(i, i + 1, "ANATOMY", "x") for i, w in enumerate(words) if w in ("legs", "heart", "arms", "bowels")]
        best = 1e9
        for _ in range(3):
            t0 = time.perf_counter()
            add_body_descriptors(doc, words, add_part_moves(doc, words, spans))
            best = min(best, time.perf_counter() - t0)
        times.append(best)
    assert times[1] < 8 * times[0] + 0.01  # 4x the text: well under the 16x of a rescan per addition


@pytest.mark.parametrize("text", [
    # a seat and the Scots "wee" are no body product for the product rule either (review item 5)
    "She sat on a black stool at the bar",
    "the dark wee hours of the morning",
    "That smelly wee dog",
])
def test_other_senses_of_stool_and_wee_make_no_product_complaint(nlp, text):
    assert not [e for e in nlp(text).ents if e.label_ == "SYMPTOM"], [(e.text, e.label_) for e in nlp(text).ents]
