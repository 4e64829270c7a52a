"""Complaints patients tell with no symptom word (GUIDELINES rules 6, 16 and section 6), by kind:

* a comparison of a limb to a weight: "[legs like lead]", "[arms feel like jelly]"; only a body part is compared
  ("the pencil is like lead", "a voice like lead" stay out);
* a function's amount gone down: "[appetite is down]", "[no hunger]", "[words are hard to find]", "[afternoon
  slumps]"; not an appetite for something ("appetite for risk is down"), a hunger strike or the games, a slump in
  sales, the right words for a card ("words are hard to find to thank you");
* toilet frequency told by going: "[going 10 times a day]" in a story of the bowel or bladder (a flare, blood,
  mucus, urgency), never of the gym ("going 10 times a day to the gym" has a place after it, and a low rate is no
  complaint); "[wees all the time]" is :mod:`qatext.ner.lay_toilet`'s;
* bleeding heavily: "[flooding]" in a story of periods (pads, tampons, clots), not a river's or a kitchen's;
* breath running out: "[has to stop for breath]", "[tight chested]", and the nose that "[poured]";
* what a wound or the skin gives off: "[wept clear fluid]" (not "she wept");
* what a body has become: "[fingertips have gone club shaped]", "[lost 5cm in height]", "[self harmed]".

Round 21b, by kind:

* a part with a state verb in the past or present (rule 6): "[face puffed up]", "[foreskin balloons up]", "[lips and
  tongue tingled]", "[throat felt scratchy]", "[eyes streaming]", "[muscles in his legs have wasted]", "[both eyes
  are black]", "[lost his puff]"; not "he puffed up his chest" (no part before), "my spine tingled" (a thrill), "the
  jumper felt scratchy", "the cake lost its puff", "i have wasted my time", "her eyes are black" (a colour);
* (sleep told with "at all" or "most of the day" is :mod:`qatext.ner.lay_sleep`'s, whose gate is open for it);
* wanting no company: "[doesnt want to see anyone]"; not "i dont want to see anyone get hurt" (a verb follows);
* blood from a source: "[blood coming from the gum]", "[peed bright red blood]"; not "blood coming from the donor",
  "pee blood test";
* a mood word with its spells: "[low spells]", "[low patches]" ("low days" waits for a rarer gate: "low" and "days"
  open the module on too many docs); not of blood sugar ("hypos and low spells on insulin"),
  and "[spending sprees]" only in a story of mood (bipolar, mania, lithium), never the christmas shopping;
* the hypothetical or asked-about change: "[hair will fall out]", "[change in her vision]"; not "hair will fall out
  of the clip", "a change in his vision for the company".
"""
from __future__ import annotations

from qatext.ner import lay_patterns
from qatext.ner.lay_amounts import HOUR_UNITS
from qatext.ner.span_rules import Spans, gate, gate_hits, word_positions

HEAVY_LIMBS = "HP:0001324"  # Muscle weakness, as the lexicon's "heavy legs"
POOR_APPETITE = "HP:0004396"
NO_APPETITE = "HP:0002039"
LOW_LIBIDO = "HP:0046504"
WORD_FINDING = "HP:0030784"
FATIGUE = "HP:0012378"
SELF_HARM = "HP:0100716"
MENORRHAGIA = "HP:0000132"
DIARRHEA = "HP:0002014"
FREQUENCY = "HP:0100515"
DYSPNEA = "HP:0002094"
CHEST_TIGHTNESS = "HP:0031352"
RHINORRHEA = "HP:0031417"
DISCHARGE = "QATEXT:symptom/discharge"
CLUBBING = "HP:0100759"
SWELLING = "HP:0000969"  # Edema, as the lexicon's "swollen face"
PARESTHESIA = "HP:0003401"
SCRATCHY = "HP:0033050"  # Pharyngalgia, as the lexicon's "scratchy throat" (eyes: the same itch)
EPIPHORA = "HP:0009926"
MUSCLE_WASTING = "HP:0003202"
BLACK_EYE = "HP:0000978"  # Bruising
WITHDRAWAL = "QATEXT:symptom/social-withdrawal"
BLEEDING = "HP:0001892"
HEMATURIA = "HP:0000790"
LOW_MOOD = "HP:0000716"
IMPULSIVITY = "HP:0100710"
ALOPECIA = "HP:0001596"
VISION_CHANGE = "HP:0000622"  # as the lexicon's "vision changes"
HEIGHT_LOSS = "HP:0004322"  # Decreased body height (a concept of its own, "height loss", needs a name in span_rules)

_CLASSES = {
    "LIMBS": "legs|leg|arms|arm|limbs|body|feet|eyelids|head|whole_body",
    "FEEL": "feel|feels|felt|feeling|are|were|is|was|went|go|goes|turn|turned|'re|re",
    "WEIGHTS": "lead|led|concrete|cement|bricks|jelly|stone|stones|sandbags|dead_weights|dead_weight|weights|"
               "tree_trunks|rubber|wet_noodles|noodles|spaghetti|blocks_of_lead|lead_weights",
    "FUNCTION": "appetite|hunger",
    "DRIVE": "libido|sex_drive",
    "IS": "is|'s|s|has_gone|has_been|'s_gone|s_gone|went|was|gone|been|seems|feels",
    "DOWN": "down|way_down|right_down|low|really_low|very_low|non-existent|nonexistent|zero|nil|poor|rubbish|"
            "shot|non_existent|gone|reduced|much_less|a_lot_less|less",
    "NONE": "no|zero|lost_my|lost_all|lost_his|lost_her|lost_all_my",
    "WORDS": "words|word",
    "ARE": "are|is|were|was|get|gets|got|have_been|has_been",
    "HARD": "hard|difficult|harder|tricky|tough|impossible",
    "TIMES": "afternoon|lunchtime|energy|evening|teatime",
    "SLUMPS": "slump|slumps|crash|crashes|dip|dips",
    "SELF": "self_harmed|self-harmed|self_-_harmed|self_harms|self-harms|self_-_harms",
    "MUST": "has_to|have_to|had_to|having_to|need_to|needs_to|needed_to|got_to|gotta|'ve_to|have_got_to|has_got_to",
    "STOP": "stop|stops|stopping|stopped|pause|pauses|pausing|paused",
    "BREATH": "breath|my_breath|his_breath|her_breath|air",
    "TIGHT": "tight_chested|tight-chested|tight_in_the_chest|wheezy_chested|wheezy-chested",
    "NOSE": "nose|nostrils",
    # "like a tap" after "running" is a post-posed intensifier (rule 15: "[nose running] like a tap")
    "POURED": "poured|pours|pouring|streamed|streams|streaming",
    "WEPT": "wept|weeping|weeps|weep|oozed|oozing|oozes",
    "FLUID": "clear_fluid|yellow_fluid|fluid|liquid|clear_liquid|yellow_liquid|yellowish_fluid|pus|goo|clear_stuff|"
             "yellow_stuff|straw_coloured_fluid|watery_fluid|plasma",
    "TIPS": "fingertips|finger_tips|fingers|finger_ends|nails|fingernails|toes|finger_nails",
    "GONE": "have_gone|has_gone|'ve_gone|ve_gone|went|are|look|looks|have_become|are_going|are_getting|have_got|"
            "got|gone|seem|appear",
    "CLUB": "club_shaped|club-shaped|clubbed|like_clubs|like_drumsticks|bulbous|round_and_bulbous|clubby",
    "LOST": "lost|losing|lose|loses|shrunk|shrank|shrunken|gone_down",
    "SWELLERS": "face|foreskin|lips|lip|eyelids|eyelid|eyes|eye|tongue|cheeks|cheek|hands|feet|ankles|fingers|belly|"
                "tummy|scrotum|testicle|knee|ankle",
    "PUFFED": "puffed_up|puffs_up|puffing_up|puffed|balloons_up|ballooned_up|ballooning_up|ballooned|balloons|"
              "ballooning",
    "TINGLERS": "lips|lip|tongue|mouth|face|fingers|toes|hands|feet|cheeks|gums|scalp|throat",
    "TINGLED": "tingled|tingle|tingles|went_tingly|were_tingling|was_tingling|started_tingling",
    "SCRATCHERS": "throat|eyes|eye",
    "FELT": "felt|feels|feel|feeling|is|was|went|gone|'s|s|got|gets|get|are|were|getting",
    "STREAMING": "streaming|streamed|stream|streams|are_streaming|were_streaming|kept_streaming|keep_streaming|"
                 "started_streaming|'re_streaming",
    "WASTERS": "legs|leg|arms|arm|thighs|thigh|calves|calf|hands|hand|shoulders",
    "MUSCLES": "muscles|muscle",
    "HAVE": "have|has|had|'ve|ve|'s|have_all|have_really|has_really",
    "WASTED": "wasted|wasted_away|shrunk|shrunk_away|withered",
    "BOTH": "both_eyes|both_his_eyes|both_her_eyes|both_my_eyes",
    "BLACKENED": "black|black_and_blue|purple|bruised",
    "PERSON": "my|his|her|their|your|our",
    "WANT": "want|wanna|wants",
    "COMPANY": "see_anyone|see_anybody|see_nobody|talk_to_anyone|talk_to_anybody|speak_to_anyone|speak_to_anybody|"
               "talk_to_nobody",
    "BLOOD": "blood|bleeding",
    "COMING": "coming|pouring|oozing|dripping|seeping|trickling|poured|oozed|dripped",
    "FROM": "from|out_of",
    "SOURCES": "gum|gums|gumline|nose|mouth|ear|ears|bottom|penis|nipple|nipples|socket|tooth|wound|lip|tongue|"
               "back_passage|belly_button|stoma",
    "PEED": "peed|pees|peeing|wees|weed|weeing|pissed|pissing|urinated|urinating",
    "RED": "bright_red|dark_red|red|bright|dark|pink|fresh",
    "LOW": "low",
    "SPELLS": "spells|patches|phases|spell|patch|phase",
    "SPREE": "spending_sprees|spending_spree|shopping_sprees|shopping_spree|spending_binges|spending_binge",
    "WILL": "will|would|might|may|could|is_going_to|was_going_to|'ll|ll|is_gonna|gonna",
    "FALLOUT": "fall_out|all_fall_out|start_to_fall_out",
    "CHANGE": "change|changes|changing|changed",
    "SIGHT": "vision|eyesight|sight",
    "LENGTHS": "#_cm|#cm|#_inches|#_inch|#_mm|an_inch|half_an_inch|two_inches|an_inch_and_a_half|#_\"|#\"|"
               "#_centimetres|#_centimeters|a_few_cm|a_few_inches|some_height|#_cms",
}
# (pattern, label, concept, anchors, partners): a row is tried only in a doc holding one of its anchors (a rare word
# of it) and, where given, one of its partners (common words such as "find" or "breath" open a row only together)
# what a heavy or weak limb is like: "[legs like lead]", "[arms feel like jelly]"
LIMB_WEIGHTS = ("lead", "led", "concrete", "cement", "bricks", "jelly", "sandbags", "trunks", "noodles", "rubber",
                "spaghetti")
ROWS = [
    ("{LIMBS} ?{FEEL} like {WEIGHTS}", "SYMPTOM", HEAVY_LIMBS, LIMB_WEIGHTS, ("like",)),
    ("{FUNCTION} {IS} {DOWN}", "SYMPTOM", POOR_APPETITE, ("appetite", "hunger"), ()),
    ("{DRIVE} {IS} {DOWN}", "SYMPTOM", LOW_LIBIDO, ("libido", "drive"), ("libido", "sex")),
    ("{NONE} hunger", "SYMPTOM", NO_APPETITE, ("hunger",), ()),
    ("{WORDS} {ARE} {HARD} to find", "SYMPTOM", WORD_FINDING, ("words", "word"), ("find",)),
    ("{TIMES} {SLUMPS}", "SYMPTOM", FATIGUE, ("slump", "slumps"), ()),
    ("{SELF}", "SYMPTOM", SELF_HARM, ("harmed", "self-harmed", "harms", "self-harms"), ("self", "self-harmed",
                                                                                          "self-harms")),
    ("{MUST} {STOP} for {BREATH}", "SYMPTOM", DYSPNEA, ("breath", "air"), ("stop", "stops", "stopping", "stopped",
                                                                         "pause", "pauses", "pausing", "paused")),
    ("{STOP} for {BREATH}", "SYMPTOM", DYSPNEA, ("breath",), ("stop", "stops", "stopping", "stopped", "pause",
                                                            "pauses", "pausing", "paused")),
    ("{TIGHT}", "SYMPTOM", CHEST_TIGHTNESS, ("chested", "tight-chested", "wheezy-chested"), ()),
    ("{NOSE} {POURED}", "SYMPTOM", RHINORRHEA, ("poured", "pours", "pouring", "streamed", "streams", "streaming"),
     ("nose", "nostrils")),
    ("{WEPT} {FLUID}", "SYMPTOM", DISCHARGE, ("wept", "weeping", "weeps", "weep", "oozed", "oozing", "oozes"), ()),
    ("{TIPS} {GONE} {CLUB}", "SYMPTOM", CLUBBING, ("club", "club-shaped", "clubbed", "clubs", "drumsticks",
                                                  "bulbous", "clubby"), ()),
    ("{LOST} {LENGTHS} in|of height", "SYMPTOM", HEIGHT_LOSS, ("height",), ("lost", "losing", "lose", "loses",
                                                                          "shrunk", "shrank", "shrunken", "gone")),
    # round 21b: a part and its state verb (rule 6)
    ("{SWELLERS} {PUFFED}", "SYMPTOM", SWELLING, ("puffed", "puffs", "puffing", "balloons", "ballooned",
                                                  "ballooning"), ()),
    ("{TINGLERS} and {TINGLERS} {TINGLED}", "SYMPTOM", PARESTHESIA, ("tingled", "tingle", "tingles", "tingly",
                                                                      "tingling"), ("and",)),
    ("{TINGLERS} {TINGLED}", "SYMPTOM", PARESTHESIA, ("tingled", "tingle", "tingles", "tingly", "tingling"), ()),
    ("{SCRATCHERS} {FELT} scratchy", "SYMPTOM", SCRATCHY, ("scratchy",), ()),
    ("eyes {STREAMING}", "SYMPTOM", EPIPHORA, ("streaming", "streamed", "stream", "streams"), ()),
    ("{MUSCLES} in {PERSON} {WASTERS} {HAVE} {WASTED}", "SYMPTOM", MUSCLE_WASTING, ("wasted", "shrunk", "withered"), ()),
    ("{WASTERS} {HAVE} {WASTED}", "SYMPTOM", MUSCLE_WASTING, ("wasted", "shrunk", "withered"), ()),
    ("{BOTH} are|were|went|have_gone|'re {BLACKENED}", "SYMPTOM", BLACK_EYE, ("black", "purple", "bruised"),
     ("both",)),
    ("lost|losing|lose|loses {PERSON} puff", "SYMPTOM", DYSPNEA, ("puff",), ()),
    # sleep with "at all" or "most of the day"
    ("{DONT} {WANT} to {COMPANY}", "SYMPTOM", WITHDRAWAL, ("anyone", "anybody", "nobody"),
     ("want", "wanna", "wants")),
    # blood from a source
    ("{BLOOD} {COMING} {FROM} ?{OWNER} {SOURCES}", "SYMPTOM", BLEEDING, ("pouring", "oozing", "dripping", "seeping",
                                                                       "trickling", "poured", "oozed", "dripped"),
     ("blood", "bleeding")),
    # "coming" is too common an anchor: the gum, which bleeds most often told so, opens that row
    ("{BLOOD} coming {FROM} ?{OWNER} gum|gums|gumline", "SYMPTOM", BLEEDING, ("gum", "gums", "gumline"),
     ("blood", "bleeding")),
    ("{PEED} ?{RED} ?red blood", "SYMPTOM", HEMATURIA, ("peed", "pees", "peeing", "wees", "weed", "weeing",
                                                          "pissed", "pissing", "urinated", "urinating"), ("blood",)),
    # a mood word with its spells; sprees of a mood
    ("{LOW} {SPELLS}", "SYMPTOM", LOW_MOOD, ("spells", "patches", "phases", "spell", "patch", "phase"), ("low",)),
    ("{SPREE}", "SYMPTOM", IMPULSIVITY, ("spree", "sprees", "binges", "binge"), ("spending", "shopping")),
    # what may come or what to watch for
    ("hair {WILL} {FALLOUT}", "SYMPTOM", ALOPECIA, ("fall",), ("hair",)),
    ("{CHANGE} in ?{OWNER} {SIGHT}", "SYMPTOM", VISION_CHANGE, ("vision", "eyesight", "sight"),
     ("change", "changes", "changing", "changed")),
]
_GROUPS: dict = {}
for _text, _label, _concept, _anchors, _partners in ROWS:
    _GROUPS.setdefault((frozenset(_anchors), frozenset(_partners)), []).append((_text, _label, _concept))
GROUPS = [(anchors, partners, lay_patterns.compile_patterns(rows, _CLASSES))
          for (anchors, partners), rows in _GROUPS.items()]
_REACH = 8

# "flooding" of periods; "going 10 times a day" of the bowel or bladder
_FLOOD = frozenset({"flooding", "flooded"})
# ("heavy", "cycle" and "bleeding" are a storm's and a river's words as well: "heavy rains can lead to flooding")
_PERIOD_CUES = frozenset("period periods pad pads tampon tampons menstrual menstruation clots menorrhagia fibroids "
                         "fibroid mirena coil iud endometriosis menopause perimenopause perimenopausal".split())
_FLOOD_NOT_AFTER = frozenset("of in the into back with water rivers river".split())
_FLOOD_NOT_BEFORE = frozenset("river rivers house kitchen basement street streets road roads town the a of "
                              "flash".split())
_BLEEDS = frozenset("periods period bleeding bleeds".split())
_GOING = frozenset({"going", "goes", "go", "went", "gone"})
_TIMES = frozenset({"times", "x"})
_BOWEL_CUES = frozenset("flare flaring stool stools poo poos poop diarrhea diarrhoea loose runny mucus urgency bowel "
                        "bowels colitis crohns crohn's crohn ibs ibd uc toilet loo bathroom blood cramping".split())
_BLADDER_CUES = frozenset("pee wee urine urinate peeing weeing bladder uti cystitis prostate".split())
_DESTINATION = frozenset("to the gym for into in out on at".split())
_NORMAL_DAY_RATE = 8

# "[changing a pad every hour]", "[bleeding through a super tampon every hour]": the rate makes the complaint, so it
# is inside (as "[going 10 times a day]"); without a rate the bleeding word stands alone ("[flooding] through a super
# tampon and a pad in an hour"), and so it does after the period was called heavy ("[heavy periods] that soak a pad
# every hour")
_PADS = frozenset({"pad", "pads", "tampon", "tampons"})
_PAD_VERBS = frozenset("flooding flood floods flooded bleeding bleed bleeds bled soaking soak soaks soaked changing "
                       "change changes changed going go goes went leaking leak leaks leaked filling fill fills "
                       "filled".split())
_PAD_OPENERS = frozenset("a an one my the 1 2 two".split())
_PAD_KINDS = frozenset("super maxi night overnight heavy large thick regular whole".split())
_MINUTES = frozenset("minutes mins min".split())
_SINGULAR_UNITS = frozenset("hour hr minute min day week month".split())
# "[bled for 2 hours]", "a shaving nick [bled for ages]": a bleed that is a complaint through how long it lasted
# (the past and the habit; "[bleeding] for 3 weeks" keeps rule 10's duration outside, as the gold does)
_BLED = frozenset({"bled", "bleed", "bleeds"})
_DURATION_UNITS = HOUR_UNITS | _MINUTES | frozenset("days day weeks week months month".split())
_DURATION_HEDGES = frozenset("about nearly almost over like around several".split())
_DURATION_AFTER = frozenset("straight solid nonstop non-stop".split())

WORDS = gate(*(anchors for anchors, _partners, _index in GROUPS), _FLOOD, {"times"}, _PADS, _BLED)
_ROW_GATE = gate(*(anchors for anchors, _partners, _index in GROUPS))
_PARTNER_GATE = gate(*(partners for _anchors, partners, _index in GROUPS))
_FLOOD_GATE = gate(_FLOOD)
_GOING_GATE = gate(_GOING)
_TOILET_CUE_GATE = gate(_BOWEL_CUES, _BLADDER_CUES)
_PADS_GATE = gate(_PADS)
_BLED_GATE = gate(_BLED)


def add_said_complaints(doc, words: list[str], spans: Spans) -> Spans:
    hits = gate_hits(words)
    found = []
    if not _ROW_GATE.isdisjoint(hits):
        for anchors, partners, index in GROUPS:
            if hits.isdisjoint(anchors) or partners and hits.isdisjoint(partners):
                continue
            at = {i for p in word_positions(words, hits.intersection(anchors))
                  for i in range(max(0, p - _REACH), p + 1) if words[i] in index}
            found += [f for f in lay_patterns.find(words, index, at) if _plausible(words, f)]
    if not _FLOOD_GATE.isdisjoint(hits):
        found += _flooding(words)
    if "times" in hits and not _GOING_GATE.isdisjoint(hits) and not _TOILET_CUE_GATE.isdisjoint(hits):
        found += _going_often(words)
    if not _PADS_GATE.isdisjoint(hits):
        found += _pad_rates(words)
    if not _BLED_GATE.isdisjoint(hits):
        found += _bled_for(words, spans)
    if not found:
        return spans
    found.sort()
    kept = []
    for f in found:  # rows of several groups may meet: the first, longest
        if kept and f[0] < kept[-1][1]:
            if f[1] - f[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = f
            continue
        kept.append(f)
    return lay_patterns.place(spans, kept)


_FOR_AFTER = frozenset({"for", "to"})


def _plausible(words: list[str], f) -> bool:
    start, end, _label, concept = f
    n = len(words)
    after = words[end] if end < n else "."
    before = words[start - 1] if start else "."
    if concept == POOR_APPETITE and words[start + 1] in _FOR_AFTER:
        return False  # never reached (the row wants a verb next), kept for "appetite for risk is down"
    if concept == NO_APPETITE and (after in ("strike", "strikes", "games", "crisis", "relief", "for", "in") or before
                                   in ("world", "end")):
        return False  # "no hunger strike", "end world hunger"
    if concept == WORD_FINDING and after in ("to", "for"):
        return False  # "words are hard to find to thank you": the right words for a card
    if concept == FATIGUE and (after in ("in", "of") or before in ("market", "economic", "sales", "housing")):
        return False  # "a slump in sales"
    if concept == DYSPNEA and before in ("without", "no", "never"):
        return False  # "cant sing a whole verse without stopping for breath": the extent of another complaint
    if concept == HEAVY_LIMBS and words[start] == "head":
        return False  # "head like lead" is as often a hangover as the limbs' heaviness; the lexicon has it
    return _plausible_21b(words, start, end, concept, before, after)


_AFTER_COMPANY = frozenset(". , ; : ! ? and or but anymore any at now these since not even except apart "
                           "outside lately unless days".split()) | {"\n"}
_SUGAR_CUES = frozenset("sugar sugars glucose hypo hypos insulin diabetes diabetic bg bs libre dexcom carb carbs "
                        "tide tides battery sodium potassium iron".split())
_MOOD_CUES = frozenset("bipolar manic mania hypomania hypomanic lithium mood moods depakote valproate lamotrigine "
                       "quetiapine seroquel olanzapine aripiprazole abilify psychiatrist episodes episode impulsive "
                       "racing cyclothymia".split())
_SAMPLES = frozenset("test tests sample samples dip dipstick".split())
_NOT_WITH_SIGHT = frozenset("for of statement board plan plans".split())


def _plausible_21b(words: list[str], start: int, end: int, concept: str, before: str, after: str) -> bool:
    if concept == SWELLING and after == "with":
        return False  # "his face puffed up with pride"
    if concept == BLACK_EYE and after in ("hair", "coffee"):
        return False
    if concept == WITHDRAWAL and after not in _AFTER_COMPANY:
        return False  # "dont want to see anyone get hurt"
    if concept == HEMATURIA and after in _SAMPLES:
        return False  # "pee, blood test"
    if concept == LOW_MOOD and (before in ("and", "sugar", "blood", "glucose", "-") or not _SUGAR_CUES.isdisjoint(
            words[max(0, start - 12):end + 12])):
        return False  # "high and low days", "hypos and low days on insulin"
    if concept == IMPULSIVITY and _MOOD_CUES.isdisjoint(words[max(0, start - 40):end + 40]):
        return False  # a spending spree for christmas is no complaint
    if concept == ALOPECIA and after in ("of", "from", "onto", "into"):
        return False  # "my hair will fall out of the clip"
    if concept == VISION_CHANGE and after in _NOT_WITH_SIGHT:
        return False  # "a change in his vision for the company"
    return True


def _flooding(words: list[str]) -> list:
    """ "[flooding] through a pad an hour": heavy bleeding in a story of periods; not a river or a kitchen."""
    out = []
    for i in word_positions(words, _FLOOD):
        before = words[i - 1] if i else "."
        after = words[i + 1] if i + 1 < len(words) else "."
        if before in _FLOOD_NOT_BEFORE or after in _FLOOD_NOT_AFTER and after != "the":
            continue
        if after == "the" and (i + 2 >= len(words) or words[i + 2] not in ("bed", "sheets", "pad", "pads", "toilet")):
            continue
        if _PERIOD_CUES.isdisjoint(words[max(0, i - 25):i + 25]):
            continue
        end = i + 2 if after in _BLEEDS else i + 1  # "[flooding periods]"
        out.append((i, end, "SYMPTOM", MENORRHAGIA))
    return out


def _pad_rates(words: list[str]) -> list:
    """ "[changing a pad every hour]", "[flooding through a super tampon every hour]": how fast a period fills pads."""
    out = []
    n = len(words)
    for k in word_positions(words, _PADS):
        j = k - 1
        while j >= 0 and words[j] in _PAD_KINDS:
            j -= 1
        if j >= 0 and words[j] in _PAD_OPENERS:
            j -= 1
        if j >= 0 and words[j] == "through":
            j -= 1
        if j < 0 or words[j] not in _PAD_VERBS:
            continue
        if _heaviness_said(words, j):
            continue  # "my periods are very heavy, on day 2 i change a pad every hour": the heaviness is named
        end = _hour_rate_end(words, k + 1, n)
        if end:
            out.append((j, end, "SYMPTOM", MENORRHAGIA))
    return out


def _heaviness_said(words: list[str], j: int) -> bool:
    """A period called heavy earlier in the sentence: the rate after it tells how heavy (GUIDELINES rule 10)."""
    for w in reversed(words[max(0, j - _HEAVY_REACH):j]):
        if w in (".", "!", "?"):
            return False
        if w in _HEAVY:
            return True
    return False


_HEAVY = frozenset({"heavy", "heavier", "heaviest"})
_HEAVY_REACH = 14


def _hour_rate_end(words: list[str], j: int, n: int) -> int:
    """The end of a rate no normal period reaches, starting at ``j``, or 0: "every hour", "every 2 hours", "an hour",
    "in under an hour", "in less than 30 minutes" (a pad lasts 4 to 8 hours: "every 4 hours", "every few hours" are
    normal)."""
    if j >= n or words[j] not in ("every", "each", "per", "an", "a", "in"):
        return 0
    j += 1
    if j < n and words[j] in ("under", "less"):
        j += 2 if j + 1 < n and words[j + 1] == "than" else 1
    if j < n and words[j] == "half":
        j += 1
    if j < n and words[j] in ("an", "a", "one"):
        j += 1
        return j + 1 if j < n and words[j] in _ONE_HOUR else 0
    count = int(words[j]) if j < n and words[j].isdecimal() else 1 if j < n and words[j] in _ONE_HOUR else None
    if count is None:
        return 0
    if words[j] in _ONE_HOUR:
        return j + 1
    j += 1
    if j < n and (words[j] in _MINUTES and count <= 90 or words[j] in HOUR_UNITS and count <= 2):
        return j + 1
    return 0


_ONE_HOUR = frozenset("hour hr".split())


def _bled_for(words: list[str], spans: Spans) -> list:
    """ "[bled for 25 minutes]", "[bleed for ages]", "[bled for a week]" (not "bled for the cause"): the verb and how
    long it lasted, with the concept the verb has alone."""
    out = []
    n = len(words)
    concepts = {span[0]: span[3] for span in spans if span[1] - span[0] == 1 and span[2] == "SYMPTOM"}
    for i in word_positions(words, _BLED):
        j = i + 1
        if j >= n or words[j] != "for":
            continue
        j += 1
        while j < n and words[j] in _DURATION_HEDGES:
            j += 1
        if j + 1 < n and words[j] in ("a", "few", "couple") and words[j + 1] in ("few", "couple", "of"):
            j += 1  # "a few days", "a couple of hours"
            while j < n and words[j] in ("few", "couple", "of"):
                j += 1
            end = j + 1 if j < n and words[j] in _DURATION_UNITS else 0
        elif j < n and words[j] in ("ages", "hours", "days", "weeks", "months"):
            end = j + 1
        elif j + 2 < n and words[j] == "half" and words[j + 1] in ("an", "a") and words[j + 2] in _SINGULAR_UNITS:
            end = j + 3  # "half an hour"
        elif j + 1 < n and words[j] in ("a", "an", "one") and words[j + 1] in _SINGULAR_UNITS:
            end = j + 2  # "a week", "an hour"
        elif j + 1 < n and (words[j].isdecimal() or words[j] in _SMALL_NUMBERS) and words[j + 1] in _DURATION_UNITS:
            end = j + 2
        else:
            continue
        if not end:
            continue
        if end < n and words[end] in _DURATION_AFTER:
            end += 1
        out.append((i, end, "SYMPTOM", concepts.get(i, BLEEDING)))
    return out


_SMALL_NUMBERS = frozenset("two three four five six seven eight nine ten twenty thirty forty".split())


def _going_often(words: list[str]) -> list:
    """ "[going 10 times a day]" of the bowel or the bladder: a rate past a few times a day, no place after it."""
    out = []
    n = len(words)
    for i in word_positions(words, _GOING):
        j = i + 1
        if j + 3 >= n + 1 or not words[j].isdecimal() or words[j + 1] not in _TIMES:
            continue
        if words[j + 2:j + 4] not in (["a", "day"], ["per", "day"], ["a", "night"], ["an", "hour"]):
            continue
        rate = int(words[j])
        if words[j + 3] == "day" and rate < _NORMAL_DAY_RATE:
            continue
        end = j + 4
        if end < n and words[end] in _DESTINATION:
            continue  # "going 10 times a day to the gym"
        window = words[max(0, i - 20):end + 15]
        if not _BOWEL_CUES.isdisjoint(window):
            out.append((i, end, "SYMPTOM", DIARRHEA))
        elif not _BLADDER_CUES.isdisjoint(window):
            out.append((i, end, "SYMPTOM", FREQUENCY))
    return out
