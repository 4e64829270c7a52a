"""Changed senses and lay idioms of loss (issue 11, GUIDELINES rule 16 and section 6).

Patients tell a changed sense by what it does to the world: "[food tastes of nothing]", "everything [tasted of
pennies]", "[headlights dazzle me]", "the [room tilts] when i turn over", "a [shower of black dots]", "a [grey shadow
creeping in from the top]"; and a lost drive or a change of the body by an idiom: "my [libido is on the floor]",
"[libido has been on strike]", "[face goes beetroot]", "[soaked the sheets] most nights", "[shrunk about 2 inches]".
The same words elsewhere are no complaint: "the soup tastes of garlic", "the lights dazzle at the fair", "the
ship tilts", "a shower of confetti", "a shadow of his former self", "soak the sheets in vinegar".

Each phrase is a pattern of word slots (:mod:`qatext.ner.lay_patterns`); the sense's own verb or noun is the gate.
The subject joins the span when it is the thing sensed ("[food tastes of nothing]"), not when it is everything
("everything [tasted of pennies]"): GUIDELINES rule 16 keeps copular subjects out, and a food is part of the
complaint the way a body part is (rule 6).
"""
from __future__ import annotations

from qatext.ner import lay_patterns
from qatext.ner.span_rules import Spans, gate, gate_hits

HYPOGEUSIA = "HP:0000224"
PARAGEUSIA = "HP:0031249"
PHOTOPHOBIA = "HP:0000613"
VERTIGO = "HP:0002321"
FLOATERS = "HP:0100832"
FIELD_DEFECT = "HP:0001123"
LOW_LIBIDO = "HP:0046504"
FLUSHING = "HP:0031284"
NIGHT_SWEATS = "HP:0030166"
HEIGHT_LOSS = "HP:0004322"
POOR_APPETITE = "HP:0004396"

_CLASSES = {
    "OWNERS": "my|his|her|their|all",
    "FOODS": "food|foods|water|coffee|tea|drinks|drink|meals|meat|chocolate|wine|beer|toast|dinner|everything_i_eat",
    "TASTES": "tastes|tasted|taste|tasting|smells|smelled|smelt",
    # what a changed taste is like: nothing, or metal, coins, cardboard, soap, chemicals, rot
    "NOTHING": "nothing|of_nothing|like_nothing|of_cardboard|like_cardboard|bland",
    "ODD": "of_metal|of_pennies|of_coins|of_copper|of_tin|of_batteries|of_soap|of_chemicals|of_bleach|of_rotten|"
           "of_cardboard|of_nothing|like_metal|like_pennies|like_coins|like_copper|like_tin|like_batteries|"
           "like_soap|like_chemicals|like_bleach|like_cardboard|like_nothing|metallic|salty|bitter|off|weird|wrong|"
           "funny|strange|of_sick|like_sick|rotten",
    "LIGHTS": "headlights|lights|light|sunlight|sun|screens|screen|oncoming_lights|car_lights|street_lights|"
              "streetlights|bright_lights|lamps",
    "DAZZLE": "dazzle|dazzles|dazzled|blind|blinds|blinded|hurt|hurts",
    "TILTERS": "room|floor|world|ceiling|ground|bed",
    "TILTS": "tilts|tilted|tilting|tips|tipped|lurches|lurched|lurching|sways|swayed|swaying|moves|moving|moved|"
             "spins|spun|rocks|rocking|rocked|is_moving|is_tilting|is_swaying|keeps_tilting|keeps_moving",
    "SPECKS": "dots|spots|specks|floaters|flecks|cobwebs|squiggles|tadpoles",
    "SPECK_COLOUR": "black|dark|grey|gray|little|tiny|new",
    "SHADE": "shadow|curtain|veil|cloud|blind|shade|film|smudge|blur",
    "SHADE_COLOUR": "grey|gray|dark|black|brown|thin|faint",
    "CREEPS": "creeping|creeps|crept|coming|comes|came|moving|moves|moved|spreading|spreads|drawn|drawing|falling|"
              "falls|closing|closes|sliding|slides|drifting|drifts|being_drawn|rising|rises",
    "INTO": "in|across|over|down|up|into|along|across_my_vision|over_my_vision",
    "EDGE": "from_the_top|from_the_bottom|from_the_side|from_the_edge|from_one_side|from_above|from_below|"
            "from_the_left|from_the_right|from_the_top_of_my_vision|from_the_side_of_my_vision",
    "LIBIDO": "libido|sex_drive|sexdrive|sex-drive",
    "IS": "is|was|'s|s|has_been|'s_been|s_been|had_been|has_gone|went|has_hit|hit|is_now|has_dropped|dropped|"
          "has_fallen|fell|is_just|is_completely|is_totally|has_been_completely|has_completely_gone",
    "LOST": "on_the_floor|through_the_floor|on_strike|non-existent|non_existent|nonexistent|zero|nil|dead|gone|"
            "missing|missing_in_action|awol|out_the_window|out_of_the_window|rock_bottom|at_rock_bottom|in_the_bin|"
            "in_my_boots|in_my_socks|down_the_drain|vanished|disappeared|at_zero|basically_zero|kaput|flatlined|"
            "on_holiday|on_vacation|asleep",
    "FACE": "face|cheeks|neck|chest|whole_face",
    "GOES": "go|goes|went|gone|turn|turns|turned|going|turning|get|gets|got|is|was|'s|s|becomes|became|flushes|flushed|flushing",
    "RED": "beetroot|beet_red|beetroot_red|scarlet|crimson|bright_red|bright_pink|purple|tomato_red|lobster_red|"
           "like_a_tomato|like_a_beetroot|like_a_lobster|puce",
    "SOAK": "soaked|soak|soaking|soaks|drenched|drench|drenching|drenches|sweat_through|sweated_through|"
            "sweating_through|soaked_through|drenched_through",
    "BEDDING": "the_sheets|my_sheets|the_bed|my_bed|the_bedsheets|my_bedsheets|the_pillow|my_pillow|my_pyjamas|"
               "my_pajamas|my_pjs|my_nightie|my_nightclothes|the_mattress|the_duvet|my_duvet|the_pillowcase|"
               "her_sheets|his_sheets|her_pyjamas|his_pyjamas|her_bed|his_bed",
    "SHRUNK": "shrunk|shrank|shrunken|shrinking|lost|lose|losing",
    "ABOUT": "about|nearly|almost|over|around|roughly|a_good|an|a|at_least",
    "HEIGHT_UNITS": "inches|inch|cm|centimetres|centimeters|in|foot",
}

ROWS = [
    # a food's taste gone or changed: "[food tastes of nothing]", "everything [tasted of pennies]"
    ("{FOODS} {TASTES} {NOTHING}", "SYMPTOM", HYPOGEUSIA),
    ("{FOODS} {TASTES} {ODD}", "SYMPTOM", PARAGEUSIA),
    ("tastes|tasted|tasting of_pennies|of_metal|of_coins|of_copper|of_batteries|like_pennies|like_metal|"
     "like_coins|like_batteries|of_nothing|like_nothing|of_cardboard|like_cardboard", "SYMPTOM", PARAGEUSIA),
    # a taste for something lost is an appetite lost: "[lost my taste for food]" (over the lexicon's "lost my taste")
    ("lost|losing|lose {OWNERS} taste|appetite|desire|liking for food|eating|meat|coffee|alcohol|wine|sweets|"
     "chocolate|everything|anything|most_things", "SYMPTOM", POOR_APPETITE),
    # lights that dazzle or blind the writer: "[headlights dazzle me]", "[bright lights hurt my eyes]"
    ("{LIGHTS} {DAZZLE} me|my_eyes", "SYMPTOM", PHOTOPHOBIA),
    ("dazzled|blinded by ?the|oncoming {LIGHTS}", "SYMPTOM", PHOTOPHOBIA),
    # the world moves in vertigo: "the [room tilts] when i turn over", "[everything sways]"
    ("{TILTERS} {TILTS}", "SYMPTOM", VERTIGO),
    # specks and a shade in the eye: "a [shower of black dots]", "a [grey shadow creeping in from the top]"
    ("shower|cloud|swarm|flurry|burst|rain|load|lots|bunch of ?{SPECK_COLOUR} {SPECKS}", "SYMPTOM", FLOATERS),
    ("{SHADE_COLOUR} {SHADE} {CREEPS} {INTO} ?{EDGE}", "SYMPTOM", FIELD_DEFECT),
    ("{SHADE} {CREEPS} {INTO} ?{EDGE}", "SYMPTOM", FIELD_DEFECT),
    # a drive gone: "my [libido is on the floor]", "[libido has been on strike]", "[sex drive is non-existent]"
    ("{LIBIDO} {IS} {LOST}", "SYMPTOM", LOW_LIBIDO),
    # a face that flushes a colour: "[face goes beetroot]", "[cheeks turn scarlet]"
    ("{FACE} {GOES} ?bright|all|so|really {RED}", "SYMPTOM", FLUSHING),
    # sweats that soak the bed: "[soaked the sheets] most nights", "[drenched my pyjamas]"
    ("{SOAK} {BEDDING}", "SYMPTOM", NIGHT_SWEATS),
    # height lost: "[shrunk about 2 inches]", "[lost nearly 3 cm in height]"
    ("{SHRUNK} ?{ABOUT} # {HEIGHT_UNITS} ?in_height", "SYMPTOM", HEIGHT_LOSS),
]
INDEX = lay_patterns.compile_patterns(ROWS, _CLASSES)
# The gate: each row's own word (a sense's verb or noun); the patterns' first slots come from the index.
WORDS = gate({"tastes", "tasted", "taste", "tasting", "smells", "smelled", "smelt", "dazzle", "dazzles", "dazzled",
              "blinded", "tilts", "tilted", "tilting", "lurches", "lurched", "sways", "swayed", "swaying", "dots",
              "specks", "floaters", "flecks", "creeping", "creeps", "crept", "shadow", "curtain", "veil", "libido", "drive", "beetroot", "scarlet",
              "crimson", "puce", "tomato", "lobster", "soaked", "soak", "soaking", "drenched", "drench", "drenching",
              "shrunk", "shrank"})
# "the room moves" only in a dizzy story; height only where a body is measured, not "the jumper shrank 2 inches"
_MOTION_ONLY = frozenset({"moves", "moving", "moved", "is_moving", "keeps_moving", "rocks", "rocking", "rocked"})
_SWEAT_STORY = frozenset("night nights sweat sweats sweating sweaty wake woke waking fever temperature lymphoma "
                         "menopause flushes flushing hot".split())
_HEIGHT_OWNERS = frozenset("i ive i've she he has have nan gran mum mom dad grandad grandma husband wife".split())
_NOT_FOOD_AFTER = frozenset({"like", "of"})
_NAMED_SWEATS = frozenset({"sweats", "sweat", "sweating", "flushes"})


def add_changed_senses(doc, words: list[str], spans: Spans) -> Spans:
    if WORDS.isdisjoint(gate_hits(words)):
        return spans
    found = []
    for f in lay_patterns.find(words, INDEX):
        start, end, _label, concept = f[0], f[1], f[2], f[3]
        if concept == NIGHT_SWEATS and (end < len(words) and words[end] in ("in", "with", "overnight")
                                        or _SWEAT_STORY.isdisjoint(words[max(0, start - 25):end + 10])):
            continue  # "soak the sheets in vinegar": laundry
        if concept == NIGHT_SWEATS and start and (words[start - 1] in _NAMED_SWEATS or start >= 2 and words[start - 1] in
                                                  ("that", "which") and words[start - 2] in _NAMED_SWEATS):
            continue  # "night sweats soaking the sheets", "night sweats that soak the sheets": how bad the named sweats are
        if concept == HEIGHT_LOSS and words[start] in ("lost", "lose", "losing") and "height" not in words[end - 2:end]:
            continue  # "lost 2 inches off my waist": a measure, not height
        if concept == HEIGHT_LOSS and _HEIGHT_OWNERS.isdisjoint(words[max(0, start - 6):start]):
            continue  # "the jumper shrank 2 inches in the wash"
        if concept == VERTIGO and " ".join(words[start + 1:end]) in ("moves", "moving", "moved", "rocks", "rocking",
                                                                      "rocked", "spins", "spun") and \
                {"dizzy", "dizziness", "vertigo", "bppv", "labyrinthitis", "spinning", "spins", "ear"}.isdisjoint(
                    words[max(0, start - 30):end + 15]):
            continue
        if concept == PHOTOPHOBIA and words[start] in ("sun", "light") and words[end - 1] == "me":
            continue  # "the sun blinds me at this junction": the same for anyone
        found.append(f)
    # a shorter reading inside a longer one ("shadow creeping in" inside "grey shadow creeping in") gives way
    found = [f for f in found if not any(g is not f and g[0] <= f[0] and f[1] <= g[1] and g[1] - g[0] > f[1] - f[0]
                                         for g in found)]
    return lay_patterns.place(spans, found)
