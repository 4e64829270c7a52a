"""Sight told by what is in the way of it or what it does: "[curtain over your vision]", "[shadow over my
vision]", "[dark smudge in the middle of his vision]", "[spots in your vision]", "[blurs my vision]",
"[blurring of distance vision]", "[lose my sight]" (not "lost sight of the boat"), "[bright screens bother him]".

The thing seen is a complaint only in the field of vision: "the curtain over the window" names none, so every
pattern ends in the sight itself ("vision", "sight", "eyesight") or, for light that hurts, in the person or
the eyes it bothers. The shade's look ("dark", "grey") is its quality and goes inside (GUIDELINES rule 4).
"""
from __future__ import annotations

from qatext.ner import lay_patterns
from qatext.ner.span_rules import Spans, gate, gate_hits

VISUAL_OBSTRUCTION = "QATEXT:symptom/visual-field-defect"
BLURRED_VISION = "HP:0000622"
VISUAL_LOSS = "HP:0000572"
PHOTOPHOBIA = "HP:0000613"

_CLASSES = {
    "SHADE": "curtain|shadow|smudge|veil|cloud|haze|film|blur|blot|spot|spots|dots|specks|floaters|flashes|sparkles|"
             "zigzags|zig_zags|lines|blind_spot|blank_spot|patch|grey_patch|gray_patch|black_spot|dark_spot|wall",
    "SHADE_LOOK": "dark|black|grey|gray|white|blurry|fuzzy|big|large|small|little|tiny|wavy|shimmering|flashing|"
                  "black_and_white",
    "ACROSS": "over|in|across|covering|coming_down_over|coming_over|blocking|at_the_edge_of|in_the_middle_of|"
              "in_the_centre_of|in_the_center_of|in_part_of|on_the_side_of|at_the_side_of|in_the_corner_of|"
              "over_part_of|over_half_of|over_the_top_of|over_the_bottom_of|in_the_top_of|in_the_bottom_of",
    "SIGHT": "vision|sight|eyesight|field_of_vision|visual_field",
    "SIGHT_KIND": "distance|near|central|peripheral|night|side|reading|close|close_up",
    "LIGHT": "screens|screen|lights|light|sunlight|daylight|lighting|sun|brightness",
    "BOTHER": "bother|bothers|bothering|bothered|hurt|hurts|hurting|kills|kill|stings|sting",
    "THEM": "him|her|me|them|us|my_eyes|his_eyes|her_eyes|their_eyes|the_eyes|your_eyes|you",
}
ROWS = [
    ("{SHADE} {ACROSS} {OWNER} ?{SIGHT_KIND} {SIGHT}", "SYMPTOM", VISUAL_OBSTRUCTION),
    ("{SHADE_LOOK} ?{SHADE_LOOK} {SHADE} {ACROSS} {OWNER} ?{SIGHT_KIND} {SIGHT}", "SYMPTOM", VISUAL_OBSTRUCTION),
    ("blur|blurs|blurred|blurring|cloud|clouds|clouding|fog|fogs|fogging {OWNER} ?{SIGHT_KIND} {SIGHT}", "SYMPTOM", BLURRED_VISION),
    ("blurring|blurriness|clouding|dimming|fading|narrowing of ?{OWNER} ?{SIGHT_KIND} {SIGHT}", "SYMPTOM",
     BLURRED_VISION),
    # lost, not blurred (concept review, 2026-12-06); a lost kind of sight ("night", "peripheral") is no plain visual loss
    ("loss of ?{OWNER} {SIGHT}", "SYMPTOM", VISUAL_LOSS),
    # the sight itself changing, also without an owner: "stand up -> vision goes grey"
    ("vision|eyesight|sight goes|went|going|turns|turned|turning|gets|got|becomes|became|goes_all|went_all "
     "?really|very|a_bit|kind_of|all grey|gray|black|dark|white|blurry|fuzzy|dim|hazy|cloudy|wavy|blotchy|double|"
     "funny|weird|blurred|tunnel|tunnelled|spotty|sparkly", "SYMPTOM", BLURRED_VISION),
    ("lose|losing|lost|lost_all {OWNER} {SIGHT}", "SYMPTOM", VISUAL_LOSS),
    # (round 49) the eyes or the sight blurring: "[eyes is blurring]", "[vision keeps blurring]"
    ("eyes|eye|vision|eyesight|sight is|are|was|were|keeps|keep|kept|started|starts|start ?really|all|a_bit blurring",
     "SYMPTOM", BLURRED_VISION),
    # (round 49) part of it: "[lost most of the vision in my right eye]", "grandad [lost most of his sight]"
    ("lose|losing|lost most|some|half|part of {OWNER} {SIGHT}", "SYMPTOM", VISUAL_LOSS),
    ("bright {LIGHT} {BOTHER} {THEM}", "SYMPTOM", PHOTOPHOBIA),
    ("{LIGHT} {BOTHER} {THEM}", "SYMPTOM", PHOTOPHOBIA),
]
INDEX = lay_patterns.compile_patterns(ROWS, _CLASSES)
_SIGHT_WORDS = frozenset({"vision", "sight", "eyesight", "visual"})
_LIGHT_WORDS = frozenset({"screens", "screen", "lights", "light", "sunlight", "daylight", "lighting", "sun",
                          "brightness"})
WORDS = _SIGHT_WORDS | _LIGHT_WORDS | {"blurring"}
_NOT_EYESIGHT_AFTER = frozenset({"of", "line", "lines", "board", "boards", "picture", "statement", "and"})
# a vision for something is an aim: "lost some of his vision for the company" (not "for 3 weeks")
_AIMED_AT = frozenset("the a an our his her their its this my your".split())
_GATE = gate(WORDS)


def add_sight_phrases(doc, words: list[str], spans: Spans) -> Spans:
    if _GATE.isdisjoint(gate_hits(words)):
        return spans
    found = lay_patterns.find(words, INDEX)
    # light "bothers me" as a complaint only when it is bright or the eyes are named: "the lights bother me" of a
    # party is no photophobia; "lose my sight" of a hypothetical is still the feared complaint (assertion's job)
    found = [f for f in found if f[3] != PHOTOPHOBIA or words[f[0]] == "bright" or words[f[1] - 1] == "eyes"]
    found = [f for f in found if f[3] != VISUAL_LOSS or _eyesight(words, f[1])]
    return lay_patterns.place(spans, found)


def _eyesight(words: list[str], end: int) -> bool:
    """The sight lost before ``end`` is the eyes': not sight of a thing or a line of sight ("lost most of our sight of
    the coast", "the sight lines"), nor a vision for something ("lost some of his vision for the company")."""
    if end >= len(words):
        return True
    after = words[end]
    return after not in _NOT_EYESIGHT_AFTER and not (after == "for" and end + 1 < len(words)
                                                     and words[end + 1] in _AIMED_AT)
