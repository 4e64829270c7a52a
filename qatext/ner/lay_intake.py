"""Eating and drinking told as what the person cannot take in or keep: "[cant keep water down]", "[barely
drinking]", "[won't drink anything]", "[off his food]", "[full after half a sandwich]", "[chokes on water]",
"[only taking half his bottles]".

A loss of intake is a SYMPTOM with its modal or negation inside (GUIDELINES rule 16); what is taken in
belongs to the loss ("keep [the tablets] down"), but only the things one eats or drinks: "i cant keep the dog
down" names no complaint. Early fullness keeps the portion, which is what makes it a complaint ("full after
[3 bites]", the amount rule of section 6), never a time ("full after half an hour").
"""
from __future__ import annotations

from qatext.ner import lay_patterns
from qatext.ner.span_rules import Spans, gate, gate_hits

VOMITING = "HP:0002013"
POOR_INTAKE = "QATEXT:symptom/poor-oral-intake"
EARLY_SATIETY = "QATEXT:symptom/early-satiety"
CHOKING = "QATEXT:symptom/choking-on-food"

# What one eats, drinks or swallows: the object that makes "keep ... down" a complaint.
INTAKE = ("water|fluids|fluid|liquids|liquid|drinks|food|foods|meals|tablets|tablet|pills|pill|meds|medicine|"
          "medicines|medication|medications|milk|feeds|formula|soup|toast|crackers|breakfast|dinner|lunch|anything|"
          "a_thing|even_water|my_food|his_food|her_food")
_CLASSES = {
    "INTAKE": INTAKE,
    # a portion eaten: "full after [half a sandwich]", "[3 bites]", "[a few mouthfuls]"
    "AMOUNT": "a_few|a_couple_of|a_couple|half_a|half_an|half|a|an|one|two|three|few",
    "PORTION": "bites|bite|mouthfuls|mouthful|spoonfuls|spoonful|forkfuls|sandwich|slice|slices|cracker|crackers|"
               "biscuit|biscuits|bowl|plate|cup|glass|toast|sips|sip|piece|pieces|apple|banana|egg|"
               "portion|portions",
    "OWNER_FOOD": "his_food|her_food|my_food|their_food|his_feeds|her_feeds|his_milk|her_milk|his_bottles|"
                  "her_bottles|food",
    "SWALLOWED": "water|food|drinks|liquids|fluids|thin_liquids|her_drinks|his_drinks|her_food|his_food|my_food|"
                 "tea|milk|pills|tablets|his_milk|her_milk",
}
ROWS = [
    ("{CANT} ?even keep|hold ?{OWNER} {INTAKE} down", "SYMPTOM", VOMITING),
    ("{CANT} ?even keep|hold down ?{OWNER} {INTAKE}", "SYMPTOM", VOMITING),
    # drinking that fell short: "not drinking much", "barely drinking", "won't drink anything", "refusing to drink"
    ("not|n't|nt drinking much|enough|anything|well|properly", "SYMPTOM", POOR_INTAKE),
    ("barely|hardly drinking|drinks|drank ?anything|much", "SYMPTOM", POOR_INTAKE),
    ("wo_n't|wo_nt|wont|will_not|does_nt|does_n't|doesnt drink anything|much", "SYMPTOM", POOR_INTAKE),
    ("refusing|refuses|refused to drink|eat", "SYMPTOM", POOR_INTAKE),
    ("refusing|refuses|refused ?{OWNER} feeds|bottles|bottle|food|drinks|fluids", "SYMPTOM", POOR_INTAKE),
    ("only|barely|hardly taking|drinking|finishing|managing half ?of {OWNER} bottles|bottle|feeds|feed|milk",
     "SYMPTOM", POOR_INTAKE),
    # "off his food", "gone off her food" (an animal's or a child's appetite, told the British way)
    ("off {OWNER_FOOD}", "SYMPTOM", POOR_INTAKE),
    ("full|fuller|stuffed after ?only|just ?{AMOUNT} ?# ?of {PORTION}", "SYMPTOM", EARLY_SATIETY),
    ("chokes|choking|choked|chokes on {SWALLOWED}", "SYMPTOM", CHOKING),
]
INDEX = lay_patterns.compile_patterns(ROWS, _CLASSES)
WORDS = frozenset({"down", "drinking", "drinks", "drink", "drank", "refusing", "refuses", "refused", "bottles",
                   "bottle", "feeds", "food", "full", "fuller", "stuffed", "chokes", "choking", "choked", "milk"})
_GATE = gate(WORDS)


def add_intake(doc, words: list[str], spans: Spans) -> Spans:
    if _GATE.isdisjoint(gate_hits(words)):
        return spans
    found = lay_patterns.find(words, INDEX)
    # "off food" needs its owner or "gone": "[off his food]", "gone [off food]" (not "take off food colouring")
    found = [f for f in found if not (words[f[0]] == "off" and f[1] - f[0] == 2 and (f[0] == 0 or words[f[0] - 1] not in ("gone", "went", "been", "is", "was", "'s")))]
    return lay_patterns.place(spans, found)
