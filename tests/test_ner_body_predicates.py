"""A body part with its predicate, or a finding located on it, is one SYMPTOM (issue 11; GUIDELINES rules 5-6):
predicates read on their own first ("bone dry", "sunburnt"), graded by a noun ("ice cold"), linked by a relative
pronoun, a temperature or a swelling verb; noises and marks located on a body part. Everyday feelings stay out
(rule 17)."""
from __future__ import annotations

import pytest


def spans(nlp, text):
    return {(e.text, e.label_) for e in nlp(text).ents}


@pytest.mark.parametrize("text, span", [
    # a predicate the lexicon found alone, with a degree noun that was read as a body part
    ("every morning my mouth is bone dry and my tongue sticks", "mouth is bone dry"),
    # a degree noun before a temperature, with two coordinated body parts
    ("since the new beta blocker my hands and feet are ice cold", "hands and feet are ice cold"),
    ("after the fall his skin was cold and clammy", "skin was cold and clammy"),
    # a relative pronoun links the part to a predicate read alone as a disease
    ("i have patches of skin that feels sunburnt but i havent been outside", "skin that feels sunburnt"),
    # a thinning part, a swelling verb with its "up"
    ("since the chemo her hair is thin and falls out in clumps", "hair is thin"),
    ("by the evening my feet and ankles puff up and my shoes dont fit", "feet and ankles puff up"),
])
def test_a_body_part_with_its_predicate_is_one_symptom(nlp, text, span):
    found = spans(nlp, text)
    assert (span, "SYMPTOM") in found, found


@pytest.mark.parametrize("text, span", [
    ("there is a clicking in my left knee whenever i climb stairs", "clicking in my left knee"),
    ("i get this pounding on one side of my head since tuesday", "pounding on one side of my head"),
    ("noticed a brown stain above my right ankle that wont wash off", "brown stain above my right ankle"),
    ("he has a small dent above his heel after the injury", "small dent above his heel"),
    ("the doctor said it was a bleed in the eye from straining", "bleed in the eye"),
])
def test_a_noise_or_a_mark_located_on_a_body_part_is_one_symptom(nlp, text, span):
    found = spans(nlp, text)
    assert (span, "SYMPTOM") in found, found


@pytest.mark.parametrize("text", [
    "my face was red with embarrassment when he asked me out",
    "my head is spinning with ideas for the new garden",
])
def test_a_predicate_of_an_everyday_feeling_is_no_complaint(nlp, text):
    found = spans(nlp, text)
    assert not [s for s in found if s[1] == "SYMPTOM"], found


@pytest.mark.parametrize("text", [
    "my hands are full with the kids all day",
    "the cat sleeps while my feet are on the table",
    "it is freezing cold outside today",
])
def test_a_body_part_without_a_complaint_stays_out(nlp, text):
    found = spans(nlp, text)
    assert not [s for s in found if s[1] == "SYMPTOM"], found


def test_a_body_predicate_in_a_figure_is_still_a_complaint(nlp):
    # GUIDELINES rule 17: "my back is killing me" reports a bodily state
    assert ("back is killing me", "SYMPTOM") in spans(nlp, "my back is killing me since monday")


@pytest.mark.parametrize("text, span", [
    ("when i lie down my chest feels like it's being squeezed by a belt", "chest feels like it's being squeezed by a belt"),
    ("the metronidazole has my mouth tasting like metal all day", "mouth tasting like metal"),
    ("her lips looked like a blueberry. the nurse called the doctor", "lips looked like a blueberry"),
    ("after the sprain my ankle is the size of a tennis ball and purple", "ankle is the size of a tennis ball"),
    ("since the antihistamines my eyes are drier than a desert and sting", "eyes are drier than a desert"),
    ("my back is covered in tiny itchy bumps since the new detergent", "back is covered in tiny itchy bumps"),
    ("the dentist said my gums were full of pus", "gums were full of pus"),
])
def test_a_body_part_with_a_likeness_or_what_covers_it_is_one_symptom(nlp, text, span):
    found = spans(nlp, text)
    assert (span, "SYMPTOM") in found, found


@pytest.mark.parametrize("text", [
    "my hair looks like my mom's did at my age",
    "her nose looks like it's healing well now",
    "my hands are full of shopping bags",
])
def test_a_likeness_of_a_person_or_a_full_hand_is_no_complaint(nlp, text):
    found = spans(nlp, text)
    assert not [s for s in found if s[1] == "SYMPTOM"], found


def test_a_likeness_ends_before_its_time_and_a_size_needs_its_verb(nlp):
    found = spans(nlp, "my hands feel like they are on fire all the time")
    assert ("hands feel like they are on fire", "SYMPTOM") in found, found
    found = spans(nlp, "a stone in the left kidney the size of a pea was seen")
    assert not [s for s in found if s[0].startswith("left kidney the size")], found


@pytest.mark.parametrize("text, span, label", [
    ("my mum is losing her hair in clumps since the chemo", "losing her hair", "SYMPTOM"),
    ("after the accutane i lost my eyebrows almost completely", "lost my eyebrows", "SYMPTOM"),
    ("i scraped my knee on the pavement and it is oozing", "scraped my knee", "DISEASE"),
    ("stubbed my toe on the bed frame last night and it is purple", "stubbed my toe", "DISEASE"),
])
def test_a_body_part_after_a_verb_of_loss_or_of_a_knock_is_one_mention(nlp, text, span, label):
    found = spans(nlp, text)
    assert (span, label) in found, found


def test_a_lost_limb_is_not_a_shed_part(nlp):
    found = spans(nlp, "he lost his leg in the war and walks with a prosthesis")
    assert not [s for s in found if s[0].startswith("lost his")], found


@pytest.mark.parametrize("text, span, label", [
    # a joint slipping out of place is an injury (DISEASE), like "dislocated my knee"
    ("with my EDS my hips and wrists sublux almost daily", "hips and wrists sublux", "DISEASE"),
    # a colour after a state adjective, and the part the described one is on
    ("woke up with swollen red knuckles on both hands again", "swollen red knuckles on both hands", "SYMPTOM"),
    # a finger named by its place, in the plural, shares the located complaint
    ("tingling in my thumbs and middle fingers at night", "tingling in my thumbs and middle fingers", "SYMPTOM"),
    # bites located on the skin
    ("came back from camping with itchy bites on my legs and back", "itchy bites on my legs and back", "SYMPTOM"),
])
def test_a_body_part_in_a_list_or_slipping_out_is_one_mention(nlp, text, span, label):
    found = spans(nlp, text)
    assert (span, label) in found, found


def test_a_body_part_that_looks_like_a_disease_is_a_guessed_diagnosis(nlp):
    found = spans(nlp, "the new patch on your leg looks like ringworm again, so use the cream")
    assert ("ringworm", "DISEASE") in found, found
    assert not [s for s in found if "looks like" in s[0]], found


@pytest.mark.parametrize("text", [
    "The doctor looked at my mouth like a dentist would.",
    "I want my hair like Jennifer Aniston.",
])
def test_a_verbless_likeness_to_no_material_is_no_complaint(nlp, text):
    assert not [s for s in spans(nlp, text) if s[1] == "SYMPTOM"]


def test_a_verbless_likeness_to_a_material_is_a_complaint(nlp):
    assert ("mouth like sandpaper", "SYMPTOM") in spans(nlp, "she woke up with a mouth like sandpaper after the pill")


@pytest.mark.parametrize("text", [
    "My arm came out of the cast today.",
    "My legs are hard to move in the morning.",
])
def test_a_part_moved_out_of_a_thing_or_hard_to_move_has_no_predicate(nlp, text):
    found = spans(nlp, text)
    assert not any(t.endswith(("came out", "are hard")) for t, _label in found), found


@pytest.mark.parametrize("text, span", [
    ("my shoulder came out of its socket again", "shoulder came out"),
    ("his belly is hard and swollen", "belly is hard and swollen"),
])
def test_a_joint_out_of_its_socket_and_a_hard_part_keep_their_predicate(nlp, text, span):
    assert any(t.startswith(span) for t, _label in spans(nlp, text)), spans(nlp, text)
