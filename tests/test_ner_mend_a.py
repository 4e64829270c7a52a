"""Mending the review of round 18a (defects 3, 4, 5, 8 and the night-feed remark): the reviewer's sentences and new
ones of the same classes, near-misses that must give no SYMPTOM and sentences the narrowed rules must still catch.

Each case asserts the exact SYMPTOM spans of the doc, so a false positive anywhere in it fails the test.
"""
from __future__ import annotations

import pytest


def symptoms(nlp, text):
    return [e.text for e in nlp(text).ents if e.label_ == "SYMPTOM"]


# --- defect 3: lay_activity_limits, instructions, refusals, plans and everyday senses ---
@pytest.mark.parametrize("text", [
    "My doctor says I can't drink anything cold after the filling.",
    "After the extraction i cant drink hot drinks for a day as instructed.",
    "the nurse told me i cant drink anything hot for two hours",
    "My son wont look at a screen, he prefers books.",
    "she wont follow the plot of anything we watch, she just talks over it",
    "I can't look at my phone while driving.",
    "you know i cant look at my laptop during class, the teacher takes it",
    "I can't cook now because the oven is broken.",
    "I can't clean now, I'm at work.",
    "I can't sew now, the machine is broken.",
    "I can't nap today because of the builders.",
    "i cant doze tonight, the neighbours are having a party",
    "I can't face dinner with my in-laws again.",
    "I can't face anything this week, work is overwhelming.",
    "i cant face lunch with the team after that argument",
    "My husband cant sit through a film, he falls asleep because he's bored.",
    "the kids couldnt sit through the lecture, it was so boring",
    "I can't follow the story he keeps telling, it's nonsense.",
    "i cant follow the conversation that they have in french",
    "Patients who cannot look at bright lights should see a neurologist.",
    "children who cannot look at bright lights should wear sunglasses",
])
def test_activity_limits_that_are_no_loss(nlp, text):
    assert symptoms(nlp, text) == []


@pytest.mark.parametrize("text, spans", [
    ("i couldnt face food at all after the chemo", ["couldnt face food"]),
    ("since the concussion i cant look at my phone for more than a minute", ["cant look at my phone"]),
    ("my son wont sit still in class since the new tablets", ["wont sit still"]),
    ("since the stroke she cant follow the story of a film", ["cant follow the story"]),
    ("the migraines mean i cant nap, even when exhausted", ["cant nap", "exhausted"]),
    ("my hands are so bad i cant sew any more", ["cant sew"]),
])
def test_activity_limits_still_caught(nlp, text, spans):
    assert symptoms(nlp, text) == spans


# --- defect 4: lay_change_events, who or what the event is about ---
@pytest.mark.parametrize("text", [
    "The noise was too loud to sleep next to the motorway.",
    "The sounds are really loud at the club, I left early.",
    "the voices were so loud in the pub we went outside",
    "Talking to the therapist brought up everything from my childhood.",
    "the letter from my ex brought up everything about the divorce",
    "The company's vision has gone downhill since the merger.",
    "the team's coordination has gone downhill this season",
    "Politics makes me gag.",
    "His jokes make me gag.",
    "this whole situation makes me gag, my landlord is awful",
    "reality tv makes me gag, honestly",
    "The letters look bigger on the new kindle.",
    "the words look bigger on the new phone screen",
    "Things look smaller now that the kids have grown up, my eyes are fine though.",
    "People look smaller from up here, my eyes can't believe it.",
    "She mishears me on purpose.",
    "I misheard what people say at the meeting, my fault.",
    "he mishears everything i say deliberately to wind me up",
    # a baby fed at night is no thirst (the reviewer's smaller remark)
    "The baby is waking 3 times a night to drink milk.",
    "my newborn wakes 4 times a night to drink her bottle",
])
def test_change_events_that_name_no_body(nlp, text):
    assert symptoms(nlp, text) == []


@pytest.mark.parametrize("text, spans", [
    ("He brought up blood this morning.", ["brought up blood"]),
    ("after the chemo she brought up food every evening", ["brought up food"]),
    ("She keeps bringing up phlegm in the mornings.", ["bringing up phlegm"]),
    ("passing water hurts like mad", ["passing water hurts"]),
    ("since the cystitis passing water stings", ["passing water stings"]),
    ("The letters look smaller than before; I need new glasses for my eyes.", ["letters look smaller"]),
    ("my dad's memory has gone downhill since the stroke", ["memory has gone downhill"]),
    ("my dad mishears everything these days", ["mishears everything"]),
    ("everyday sounds are painfully loud since the viral infection", ["everyday sounds are painfully loud"]),
    ("onions make me gag", ["onions make me gag"]),
    ("She gags at anything new on her plate.", ["gags"]),
    ("she wakes 4 times a night to drink water", ["wakes 4 times a night to drink"]),
])
def test_change_events_still_caught(nlp, text, spans):
    assert symptoms(nlp, text) == spans


# --- defect 5: lay_behaviour, every form of the action rows, and the precision holes ---
@pytest.mark.parametrize("text, spans", [
    ("She picked at her skin until it bled.", ["picked at her skin"]),
    ("He chewed at his nails all through the exam.", ["chewed at his nails"]),
    ("She pulled at her clothes all night.", ["pulled at her clothes"]),
    ("She spoke to someone who wasn't there.", ["spoke to someone who wasn't there"]),
    ("He waves at people who arent there.", ["waves at people who arent there"]),
    ("grandma pulled at her cannula all night", ["pulled at her cannula"]),
    ("he peeled at his lips till they bled", ["peeled at his lips"]),
    ("at night he is constantly fiddling with his buttons", ["fiddling with his buttons"]),
])
def test_behaviour_actions_in_every_form(nlp, text, spans):
    assert symptoms(nlp, text) == spans


@pytest.mark.parametrize("text", [
    "He was fiddling with the buttons on the remote.",
    "She was fiddling with her hair nervously during the interview.",
    "he pulled at the sheets of paper on his desk",
    "The kids raided the fridge after school.",
    "we raided the cupboards for snacks before the film",
    "Sorry if I'm repeating myself.",
    "I don't want to keep repeating myself to the receptionist.",
    "apologies, i know im repeating myself here",
    "I keep forgetting what she said at the meeting yesterday.",
    "i keep forgetting what he said about the dose",
])
def test_behaviour_near_misses(nlp, text):
    assert symptoms(nlp, text) == []
