"""The edges of lay complaints that the rules before drew short (issue 11, GUIDELINES rules 4-6, 11).

Patients tell a complaint with words around it that belong to it:
- a sensation or look stacked before the head ("[tickly dry cough]", "[cloudy smelly pee]", "[tingly numb hands]"):
  stacked adjectives before one head are one span (rule 11);
- where it is, as lay place adverbs after it ("[sore down there]", "[hurts deep inside]"; a bare "all over" is an
  extent and stays outside, "[achy] all over"), and a
  comparison that says how ("[mouth was dry as a bone]"), or how a part sheds ("[hair falls out in clumps]"):
  a location is inside (rule 5), post-posed intensifiers ("so bad", "as hell") stay outside (rule 15);
- a bodily function with its predicate ("[vision goes blurry]", "[grip is weak]", "[voice has gone very quiet]"),
  a verbal symptom like a body part's (rule 6), what the eyes see changed ("[straight lines look wavy]"), and the
  room that spins ("the [room was spinning]": vertigo);
- the pain of a voiding with its trigger ("[pain when i poo]"), and (round 31-32) a pain or noise on breathing in
  ("[sharp pain under my left breast when I breathe in]", "[whistly noise when he breathes in]") and blood seen on
  wiping ("[blood when i wipe]"), how a product smells ("[pee smells weird]"), a part's second look said with "and"
  ("[poo has been black and sticky]"), the shape a finding makes ("[band of blisters]"), a trunk region after a
  located complaint ("[cramping in my lower right side]"); how far a swelling goes stays outside ("[legs are
  swollen] up to the knees").
- (round 15a) the part a spreading complaint reaches ("[bruising down to my toes]", "[heart pounding out of my
  chest]", "[gunk dripping into my throat]"), what one chokes on, what a smell or taste is likened to ("[burps that
  taste of rotten eggs]"; "itched like mad" keeps its intensifier outside, rule 15), "[boiling hot]", what a lost
  movement fails at ("[cant get up off the floor]", "[cant bend to tie my shoes]", "[cant lift my arm above my
  head]"), a stimulus that hurts ("[loud noises feel painful]"), the size and look before a skin finding ("[deep
  painful spots]", "[tiny purple-red dots]"), a degree before a comparative ("[much more confused]"); and the
  reverse: a finding's extent from one part to another stays outside ("[band of blisters] from my spine round to").
Picking at one's own body is added (body_picking); idioms on medical words were dropped before, by figures.
"""
from __future__ import annotations

from qatext.ner import body_picking, lay_body_findings, lay_edge_clauses
from qatext.ner.lay_body_products import PRODUCTS
from qatext.ner.lay_body_states import COLOURS
from qatext.ner.lay_common import NOT_A_THING
from qatext.ner.lay_edge_clauses import ALLERGY_WORDS, PART_DISEASE_STATES
from qatext.ner.span_rules import (BODY_REGIONS, DESCRIPTORS, LOCATED_COMPLAINTS, OWNERS, REGION_NOUNS, SIDE_WORDS,
                                   SYMPTOM_PREDICATES, Spans, covered_tokens, ends_a_clause, gate, gate_hits, word_positions,
                                   word_set)

_PROBLEMS = ("SYMPTOM", "DISEASE")
# Describing words that stack before a complaint's head: sensation, look, smell and texture. Not size or degree
# ("a little pain"), nor words that judge ("weird pain"), nor those that are a finding's own kind ("hard lump").
LEADING_DESCRIBERS = (DESCRIPTORS - frozenset("little tiny small big large weird strange hard soft fixed firm flat raised "
                                              "painless lucid vivid bleeding warm cold hot".split())) | frozenset(
    "tickly tingly scratchy chesty hacking barking croupy phlegmy rattly wheezy cloudy hazy murky achy crampy "
    "smokers smoker's "
    # the character of a pain (rule 4): "[stinging pain when she wees]", "[dull ache in my side]"
    "stinging stabbing shooting throbbing gnawing nagging dull "
    # how sore eyes and inflamed skin feel and look: "[gritty sore eyes]", "[red shiny swollen big toe]"
    "gritty sandy grainy shiny "
    # the shade and the thickness of what is seen or brought up: "[pale patches around my eyes]", "[thick green phlegm]"
    "pale thick "
    # (round 19d) the character of a pain and where it is felt: "[dragging ache in my groin]", "[gripey pains]",
    # "[burning sore patch]", "[inner trembling]"
    "dragging gripey gripy griping inner runny stuffy "
    # (round 20a) the manner of a nerve sensation: "[electric tingles down my arms]", "[fizzy pins and needles]"
    "electric electrical fizzy fizzing "
    # (round 44) a pressing feeling's character: "[tight heavy feeling across my chest]"; (round 45) a plaque's sheen:
    # "[thick silvery plaques]"
    "tight silvery".split()) | {"burning", "tense", "heavy"}
# "burning" and "tense" (common in replies) stack before a head only where another cue has let the doc in ("tense" of
# a blister: "[big tense blisters]"): they are no gate words
_UNGATED_DESCRIBERS = frozenset({"burning", "tense", "heavy"})
# Lay places said after a complaint: "sore down there", "hurts deep inside", "[thrush down below]"; "all over" only with
# the body after it ("[hot flashes all over my body]"): bare, it is an extent and stays outside ("[achy] all over").
TRAILING_PLACES = (("all", "over"), ("down", "there"), ("down", "below"), ("deep", "inside"), ("deep", "down"),
                   ("right", "inside"), ("low", "down"))
# "low down" with the part after it is the part's place: "[pain low down in my back]" (after a pain word, with or
# without a side or part, lay_body_problems.extend_low_down joins it: "[cramping low down on the left]")
# A pain of voiding is a complaint of its own, unlike other triggers (GUIDELINES rule 10): "burning when i pee".
VOIDING_PAINS = frozenset("pain pains hurts hurt burning burns stings stinging sore aches ache agony".split())
VOIDING = frozenset("pee pees peed wee wees weed poo poos pooed poop poops pooped urinate urinates wee'd".split())
# Breathing, whose pain is its own complaint too (pleuritic): "[sharp pain under my left breast when I breathe in]".
BREATHING = frozenset("breathe breathes breathing inhale inhales inhaling".split())
_BREATH_WAYS = frozenset("in deeply deep out".split())
_OPENING_A_PLACE = OWNERS | frozenset("a an this that".split())
WIPING = frozenset("wipe wipes wiped wiping".split())
# (batch 101) Where a voiding's pain is felt, between it and the voiding: "[burning feeling at the tip when i pee]"
_VOIDING_GAPS = {"at": (("at", "the", "tip"), ("at", "the", "end")), "right": (("right", "at", "the", "end"),)}


def _voiding_gap(words: list[str], end: int) -> int:
    """How many words at ``end`` say where the pain of a voiding is felt (0 if none)."""
    for gap in _VOIDING_GAPS.get(words[end] if end < len(words) else "", ()):
        if tuple(words[end:end + len(gap)]) == gap:
            return len(gap)
    return 0
# A noise made breathing in is the complaint with its breath: "[whistly noise when he breathes in]" (stridor).
BREATH_NOISES = frozenset("noise noises whistle whistling wheeze wheezing squeak rattle rattling".split())
# The other function whose pain is its own complaint: "[hurts after i ejaculate]" (not "come": "when i come home").
CLIMAX = frozenset("ejaculate ejaculates ejaculated ejaculating orgasm orgasms climax cum".split())
_FUNCTION_TIMES = frozenset({"when", "while", "after"})
_PEOPLE = frozenset("i he she they we you".split())
# How a product or the breath smells: "pee smells weird", "breath smells bad", "smells strong".
SMELL_VERBS = frozenset("smells smell smelled smelt smelling tastes tasted".split())
SMELL_JUDGEMENTS = frozenset("weird bad strong funny fishy off awful horrible sweet foul rotten metallic".split())
# What a smell or taste is likened to ends there; an intensifier is no thing ("itched like mad": rule 15).
_LIKENED_VERBS = SMELL_VERBS | {"taste"}
# What has a colour and a smell of its own, so that "and smells ..." is its second predicate: "pee is dark and smells"
_SMELLING = PRODUCTS | frozenset({"breath", "wound", "poop"})
_NO_LIKENESS = frozenset("crazy mad hell heck fuck shit anything nothing normal usual before".split())
# A complaint that spreads, said with where it reaches: "[bruising down to my toes]", "[throbbing up into my ear]",
# "[heart pounding out of my chest]" (rule 5: the place is attached without a verb).
_REACH_DIRECTIONS = frozenset({"up", "down", "out"})
_REACH_PREPOSITIONS = frozenset({"to", "into", "towards", "toward"})
# A fluid on its way into a part: "[yellow gunk dripping into my throat]"; a pain "radiating to the legs" or a rash
# "spreading up my leg" says where else it is, after a verb (rule 5: the part stays ANATOMY).
_MOVING = frozenset("dripping trickling draining".split())
_SWELLING = frozenset("swollen swelled puffy".split())
# "[woke up choking on acid]": what one chokes on is part of the complaint.
CHOKING = frozenset("choking choked chokes choke gagging gagged".split())
# A noun that grades "hot" or "cold" after it: "[boiling hot]", "[freezing cold]".
_HEAT_DEGREES = frozenset("boiling freezing burning roasting baking".split())
# Everyday stimuli that hurt: "[loud noises feel painful]", "[light hurts]" (hyperacusis, photophobia).
STIMULI = frozenset("noise noises sound sounds light lights sunlight brightness".split())
_STIMULUS_DESCRIBERS = frozenset("loud bright normal everyday sudden high pitched ordinary".split())
_STIMULUS_COMPLAINTS = frozenset("painful hurts hurt unbearable".split())
_STIMULUS_LINKS = frozenset("feel feels felt is are seem seems get gets really so too".split())
# Degree words before a comparative complaint stay inside (rule 16): "[much more confused]", "[far more tired]".
_COMPARATIVE_DEGREES = frozenset({"much", "far", "way", "even"})
_COMPARATIVES, _OUT, _FROM = frozenset({"more", "less"}), frozenset({"out"}), frozenset({"from"})
# What a heart does "out of my chest".
_BEATING = frozenset("pounding beating thumping hammering racing thudding jumping".split())
# "[couldnt get up off the floor]", "[cant bend to pick things up]": what a lost movement fails at is the function
# (rule 16); an extent ("[can barely walk] to the mailbox") stays outside.
# (round 21a) "cannot" is two tokens ("can", "not"), and a movement done barely is lost the same way: "[cannot lift
# her arms above her head]", "[could barely bend to load the dishwasher]" (gold s569, p655; as "[can barely walk]")
_UNABLE = frozenset("cant couldnt can't couldn't n't nt unable cannot not barely hardly".split())
_GETTING_UP = frozenset({"up"})
_RISE_FROM = frozenset({"off", "from"})
# What a person fails to get up from is low: "off the floor", "from a squat" ("from my desk" is a busy day).
_LOW_PLACES = frozenset("floor ground sofa couch settee chair toilet loo bed squat knees bath bathtub seat "
                        "armchair".split())
# (round 20a) A low posture said as the act, without a determiner: "[cant get up from squatting]" (proximal weakness)
_LOW_POSTURES = frozenset("squatting crouching kneeling".split())
_BENDING = frozenset("bend kneel stoop crouch squat".split())
_REACH_OBJECT_STOPS = frozenset(". , ! ? ; : and or but because so when if then".split())
# "a [band of blisters] from my spine round to my nipple": a finding's extent from one part to another is no
# place attached to it (rule 5), unlike "[rash on my back]".
_EXTENT_TURNS = frozenset("round around across over down up along".split())
# The words after a complaint that may start one of round 15a's right edges (one set test per complaint).
_NEXT_CUES = _REACH_DIRECTIONS | _REACH_PREPOSITIONS | _LIKENED_VERBS | _RISE_FROM | _FUNCTION_TIMES | frozenset(
    "hot cold on that which of like to above over past".split()) | _MOVING | lay_body_findings.LESION_NOUNS
# (round 19d) A flow that is a complaint by its shade, said after it: "[spotting brown]", "[bleeding bright red]",
# "[discharge green and smelly]" is left; only the shade right after, with nothing it could be the colour of after
# it ("spotting brown bears", "bleeding red cells" name other things).
TINTED = frozenset("spotting discharge bleeding bled".split())
_TINT_SHADES = frozenset("bright dark light pale".split())
_AFTER_TINT = frozenset(". , ! ? ; : ) and or but since for from today now again all every when after before".split())
# (round 19d) The end of a body part named before a complaint: "[shoulder tip pain]", "[finger tip numbness]" (the
# part's place is a pre-modifier of the complaint, rule 5); "tip" alone ("a tip: rest") is no part.
PART_ENDS = frozenset({"tip", "tips"})


def _tint_end(words: list[str], end: int, taken: set[int]) -> int:
    """"[spotting brown]", "[bleeding bright red]": the shade of a flow said right after it."""
    n = len(words)
    k = end + (words[end] in _TINT_SHADES and end + 1 < n and words[end + 1] in COLOURS)
    if words[k] in COLOURS and (k + 1 >= n or words[k + 1] in _AFTER_TINT) and not taken.intersection(range(end, k + 1)):
        return k + 1
    return end


# (round 19d) How a walk goes wrong, said before the walk: "[shuffling walk]", "[unsteady gait]".
GAIT_DESCRIBERS = frozenset("shuffling shuffly limping staggering waddling unsteady wobbly wide broad stiff".split())
_GAITS = frozenset({"walk", "gait"})
# A thing that fills a lesion: "[little pus bumps]", "[blood blisters]".
_FILLINGS = frozenset("pus blood water fluid".split())
_REGION_PREPOSITIONS = frozenset("in on down round around along across".split())
# How high or low on a region a pain sits: "[pain low on my right side]"
_HEIGHTS = frozenset({"low", "high"})
# (round 45) Complaints named by a noun that spread over the body from a part: "[numbness from the waist down]".
_EXTENT_NOUNS = frozenset("numbness tingling weakness paralysis needles pain aching itching rash swelling".split())
_EXTENT_FROM = frozenset("waist neck chest hips hip knees knee elbow elbows shoulders shoulder belly ribs".split())
# (round 44) What a pain is likened to by "-type" or "-like" before it: "[period-type cramps]", "[labour-like pains]".
LIKENED_KINDS = frozenset("period labour labor contraction migraine cramp burn shock electric flu".split())
# A pain that goes through the body to a part, said right after it: "[upper belly pain going through to my back]"
# (rule 5: the part it reaches is attached without a clause; after a comma it is a part of its own)
_SPREADING = frozenset("going shooting radiating spreading boring".split())
_THROUGH_FILLERS = frozenset({"straight", "right"})
# (round 19d) Regions of a part a located complaint may end on, plural: "the backs of his legs", "sides of my feet".
_PLURAL_REGIONS = frozenset("backs sides fronts tops bottoms tips insides".split())
# The shape a skin finding makes, before "of": "a band of blisters", "a cluster of spots", "a line of bites".
SHAPE_NOUNS = frozenset("band cluster clusters line lines ring crop patch strip trail".split())
# What a part sheds in: "falls out in clumps", "comes out in handfuls".
SHED_AMOUNTS = frozenset("clumps clump handfuls handful chunks tufts strands bunches patches".split())
_SHED_SIZES = frozenset("big huge great massive whole".split())
# A simile after a predicate adjective: "[mouth dry as a bone]", "[mouth dry as sandpaper]" are how patients name a dry
# mouth, and the gold keeps them whole; after other adjectives the simile stays out ("[neck went stiff] as a board",
# "[belly is tight] as a drum", "[arm is sore] as the dickens": batch 97 and the gold before it).
_SIMILE_INSIDE = frozenset({"dry"})
_AS_NOT_A_THING = frozenset("i i'm im it it's its you he she they we well soon much many usual normal ever before always "
                            "possible hell heck fuck f*ck shit anything can could if though though far long good bad "
                            "expected result the".split())
# Functions of the body that patients give a predicate, like a body part's: "vision goes blurry", "grip is weak".
FUNCTION_NOUNS = frozenset("vision eyesight sight grip voice hearing balance memory speech flow".split())
FUNCTION_PREDICATES = frozenset(
    "blurry blurred blurrier cloudy fuzzy hazy foggy dim misty weak weaker poor worse bad terrible awful shot quiet "
    "quieter hoarse croaky raspy husky muffled double wobbly off dodgy soft slurred slipping behind grey gray".split())
# Verbs a function does on its own, right after it: "my voice shakes", "his speech slurs".
FUNCTION_VERBS = frozenset("shakes shaking trembles trembling cracks cracking slurs slurring wobbles blurs".split())
# A function is a complaint of a person's own: "the hearing was bad for our case", "the balance" of an account are not.
_FUNCTION_OWNERS = OWNERS - {"the"}
# The concept each function's complaint names: "memory is shot" is a memory impairment, "balance is off" an imbalance.
FUNCTION_CONCEPTS = {"vision": "HP:0000505", "eyesight": "HP:0000505", "sight": "HP:0000505", "hearing": "HP:0000365",
                     "memory": "HP:0002354", "balance": "HP:0002141", "voice": "HP:0001608",
                     # (round 44) "my [flow is weak]": the urine's, in a man's own words (a period's flow is heavy)
                     "flow": "HP:0000016"}
_OWN_CONCEPT_FUNCTIONS = frozenset({"flow", "hearing"})
# (round 44) "flow" is the urine's only in a post about voiding, and not where a period is talked of.
URINE_CUES = frozenset("pee peeing wee weeing urine urinate urinating prostate dribble dribbling dribbles stream bladder "
                       "psa tamsulosin toilet loo".split())
PERIOD_CUES = frozenset("period periods cycle coil spotting bleed bleeding tampon tampons pad pads menstrual".split())
_WHOLE_BODY = frozenset("body skin face chest back arms legs".split())
_LINKS = frozenset("is are was were be been has have had goes go went gone going gets get got getting keeps keep kept "
                   "turns turned feels felt seems seemed becomes became become started starts".split())
_DEGREES = frozenset("very really so a bit quite totally all super pretty kinda slightly more even still always much "
                     "completely way".split())
# What the eyes see changed: "straight lines look wavy", "everything looked yellow", "colours look washed out".
SEEN_THINGS = frozenset("lines edges colours colors everything letters words faces objects text frames doorframes "
                        "lampposts".split())
_SEEING_VERBS = frozenset("look looks looked looking seem seems seemed appear appears appeared went go goes".split())
SEEN_PREDICATES = frozenset("blurry blurred fuzzy hazy wavy bent distorted crooked double dim yellow yellowish washed "
                            "faded wobbly wiggly warped".split())
_SEEN_THING_MODIFIERS = frozenset({"straight", "door"})  # "[straight lines look wavy]", "[door frames look bent]"
VISUAL_DISTORTION = "HP:0000505"  # visual impairment
# Ambiguous seen predicates are a change of sight only with the eyes or sight named in the doc: "lines look faded on
# the pregnancy test", "everything seemed faded and dull after the breakup" are no visual complaint.
_NEEDS_EYES = frozenset("faded dim crooked bent wobbly wiggly warped hazy".split())
EYE_WORDS = frozenset("eye eyes vision sight eyesight see sees seeing saw seen".split())
# "the room was spinning": the surroundings moving are vertigo.
SURROUNDINGS = frozenset("room world ceiling everything".split())
SPIN_WORDS = frozenset("spinning spins spun spin tilting swaying whirled whirling whirls whirl".split())
# "[room wont stop spinning]": spaCy splits "wont" into "wo" + "nt", as "won't" into "wo" + "n't".
_NOT_STOPPING = frozenset("wont wo doesnt does didnt did".split())
_PLACE_PREPOSITIONS = frozenset("in of around across into".split())
VERTIGO = "HP:0002321"
BODY_COMPLAINT = "QATEXT:symptom/body-part-complaint"

_PICKING_GATE = gate(body_picking.PICKING_VERBS)
_NEW_SPAN_WORDS = FUNCTION_NOUNS | SPIN_WORDS | SEEN_THINGS  # words that start a span of their own here; the rest only grow spans
GATE = gate(_LIKENED_VERBS, LEADING_DESCRIBERS - _UNGATED_DESCRIBERS, SHED_AMOUNTS, FUNCTION_NOUNS, SPIN_WORDS, VOIDING,
            BREATHING, WIPING, SMELL_VERBS, BODY_REGIONS, SEEN_THINGS,
            SEEN_PREDICATES,
            SHAPE_NOUNS,
            # the lay places by their rarer word ("all over", "right inside": "all" and "right" are in most docs),
            # "from the waist down/up", "deep down", and the simile's "as"
            {"over", "inside", "deep", "down", "up", "as"},
            # round 15a: what a complaint reaches, chokes on, is likened to or fails at; what grades or fills it
            # (cues as common as "out", "much" or "around" are looked at in _grow_at_common_cues instead, and the
            # rules that need two common words, in _paired_cues)
            CHOKING, _HEAT_DEGREES, _BENDING, CLIMAX, _MOVING, {"induced"},
            # round 19d: a finding's size likened to a thing ("pea sized"); "like" is paired with a lesion below
            {"sized", "shaped"}, PART_ENDS, {"gait", "shuffling"}, _PLURAL_REGIONS,
            # round 44: what a pain is likened to ("[period-type cramps]")
            LIKENED_KINDS)
# Rules whose cue is two words each common alone: a stimulus and its hurt ("[light hurts]"), a lift and how far it
# fails ("above my head"); a lesion noun ("[deep painful spots]", "[pus bumps]") is rare enough alone.
# (round 20a) "past": "[cant lift it past my shoulder]" (how far a lift fails is the range the movement lost)
_LIFTS, _HOW_FAR = frozenset({"lift", "raise"}), frozenset({"above", "over", "past"})
_LESIONS = lay_body_findings.LESION_NOUNS
# round 17b: a pain going through to a part ("[pain going through to my back]"): "through" and a verb of spreading
# ("low on my right side" needs no cue of its own: "side" is a body region of GATE)
_THROUGH = frozenset({"through"})
_THEN = gate({"then"})  # registered so that gate_hits keeps "then": colour sequences ("then blue") read it
_CLAUSE_CUES = gate(PART_DISEASE_STATES, ALLERGY_WORDS)
_LIKE = frozenset({"like"})
_SCARS = frozenset("scar scars lump lumps".split())  # the lesion heads outside LESION_NOUNS that "like" pairs with
# round 19d: "[big tense blisters]" ("tense" of a mood is common); "[pain low on the left]" (a height and a side)
_TENSE, _BLISTERS = frozenset({"tense"}), frozenset("blisters blister bullae".split())
_SIDE_PAIR = frozenset({"left", "right"})
_PAIR_WORDS = gate(STIMULI, _STIMULUS_COMPLAINTS, _LIFTS, _HOW_FAR, _LESIONS, _THROUGH, _SPREADING, _LIKE, _SCARS, TINTED,
                   COLOURS, _TENSE, _BLISTERS, {"low"}, _SIDE_PAIR)


def _paired_cues(hits: set[str]) -> bool:
    if _PAIR_WORDS.isdisjoint(hits):
        return False
    return (not _LESIONS.isdisjoint(hits)
            or "like" in hits and not _SCARS.isdisjoint(hits)
            or not TINTED.isdisjoint(hits) and not COLOURS.isdisjoint(hits)
            or "tense" in hits and not _BLISTERS.isdisjoint(hits)
            or "low" in hits and not _SIDE_PAIR.isdisjoint(hits)  # "high on the left" is rare, "high" common
            or not STIMULI.isdisjoint(hits) and not _STIMULUS_COMPLAINTS.isdisjoint(hits)
            or not _LIFTS.isdisjoint(hits) and not _HOW_FAR.isdisjoint(hits)
            or not _THROUGH.isdisjoint(hits) and not _SPREADING.isdisjoint(hits))


def trim_bare_extents(words: list[str], spans: Spans) -> Spans:
    """(round 49) ``spans`` without a bare "all over" at their end, which most of the gold keeps outside ("[itchy] all
    over", "[aching] all over"); the concept stays the one the whole phrase gave (body aches, not one ache). Followed by
    an owner or the body ("itching all over body"), "all over" opens a place and is left where it is."""
    out = []
    for span in spans:
        start, end = span[0], span[1]
        if end - start >= 3 and words[end - 2] == "all" and words[end - 1] == "over" and span[2] == "SYMPTOM" \
                and (end == len(words) or words[end] not in _WHOLE_BODY and words[end] not in OWNERS):
            span = (start, end - 2, *span[2:])
        out.append(span)
    return out


def extend_lay_edges(doc, words: list[str], spans: Spans) -> Spans:
    hits = gate_hits(words)
    if not _PICKING_GATE.isdisjoint(hits):
        spans = body_picking.add_picked_body_parts(words, spans)
    spans = _grow_at_common_cues(words, spans)
    clause_cues = _CLAUSE_CUES & hits  # round 17b's edges, one set test for a doc that has none of their cues
    if clause_cues:
        if not PART_DISEASE_STATES.isdisjoint(clause_cues):
            spans = lay_edge_clauses.join_diseased_parts(words, spans)
        if not ALLERGY_WORDS.isdisjoint(clause_cues):
            spans = lay_edge_clauses.add_allergens(words, spans)
    if GATE.isdisjoint(hits) and not _paired_cues(hits) or not spans and not (hits & _NEW_SPAN_WORDS):
        return spans
    if not FUNCTION_NOUNS.isdisjoint(hits):
        spans = _add_function_predicates(words, spans)
    if not SPIN_WORDS.isdisjoint(hits):
        spans = _add_spinning_surroundings(words, spans)
    if not SEEN_THINGS.isdisjoint(hits) and not SEEN_PREDICATES.isdisjoint(hits):
        spans = _add_seen_changes(words, spans)
    if not any(s[2] in _PROBLEMS for s in spans):
        return spans
    taken = covered_tokens(spans)
    n_words = len(words)
    anatomy = {s[0] for s in spans if s[2] == "ANATOMY" and s[1] == s[0] + 1}
    anatomy_at = {s[0]: s[1] for s in spans if s[2] == "ANATOMY"}
    out, grown = [], []
    sequences = "then" in hits  # colours a part goes through one after another
    for span in spans:
        start, end, label, concept = span
        if label == "ANATOMY" and out and out[-1][1] == start and out[-1][2] in _PROBLEMS and _describers_only(words, out[-1]):
            span = (out.pop()[0], end, "SYMPTOM", BODY_COMPLAINT)  # "[tingly numb] feet": the describers' body part
        elif label == "SYMPTOM" and out and out[-1][1] == start and out[-1][2] in _PROBLEMS \
                and words[start - 1] in _FILLINGS and words[start] in lay_body_findings.LESION_NOUNS:
            span = (out.pop()[0], end, "SYMPTOM", concept)  # "[little pus] [bumps]": what fills the lesion is its kind
            grown.append(span)
        elif label == "SYMPTOM" and out and out[-1][1] == start and out[-1][2] in _PROBLEMS \
                and words[start] in _LESION_HEADS and _finding_describers_only(words, out[-1]):
            span = (out.pop()[0], end, label, concept)  # "[big tense] [blisters on her arms]": the describers' lesion
            grown.append(span)
        elif label == "SYMPTOM" and start >= 2 and words[start - 1] in PART_ENDS and out and out[-1][1] == start - 1 \
                and out[-1][2] == "ANATOMY" and start - 1 not in taken:
            span = (out.pop()[0], end, label, concept)  # "[shoulder tip pain]"
            grown.append(span)
        elif label in _PROBLEMS:
            if start and (words[start - 1] in _LEADING_CUES  # most complaints have no describer before them
                          or words[start - 1] == "," and words[start] in LEADING_DESCRIBERS):
                start = _leading_start(words, start, taken, out, label)
            if label == "SYMPTOM" and start and (words[start - 1] in lay_body_findings.FINDING_DESCRIBERS
                                                 or words[start - 1] in _LIKENESS_LINKS):
                start = _lesion_start(words, start, end, taken)
            if end - start == 1 and words[start] in _STIMULUS_COMPLAINTS:
                start = _stimulus_start(words, start, end, taken)
            if start >= 2 and words[start - 1] == "induced":
                start = _cause_start(words, start, out)
            if start >= 2 and words[start - 1] in ("type", "like"):
                kind = start - 3 if start >= 3 and words[start - 2] == "-" else start - 2
                if words[kind] in LIKENED_KINDS and not taken.intersection(range(kind + 1, start)):
                    if out and out[-1][:2] == (kind, kind + 1) and out[-1][2] in _PROBLEMS \
                            and not (kind and words[kind - 1] in ("the", "a", "had", "have", "has")):
                        out.pop()  # "[flu like aches]": the illness named is only what the aches are like
                        start = kind
                    elif kind not in taken:
                        start = kind  # "[period-type cramps]", "[labour-like pains]": the kind of pain it is like
            if end < n_words and words[end] in _TRAILING_FIRSTS:  # nor an edge after them
                end = _trailing_end(words, start, end, taken - anatomy, anatomy_at)
            elif end < n_words and words[end - 1] in TINTED:
                end = _tint_end(words, end, taken)
            if sequences and words[end - 1] in COLOURS and end + 1 < n_words:  # "[... turn white, then blue, then red]"
                end = lay_edge_clauses.colour_sequence_end(words, end, COLOURS, taken)
            if (start, end) != span[:2]:
                out = [s for s in out if s[1] <= start]
                taken.update(range(start, end))
                span = (start, end, label, concept)
                grown.append(span)
        out.append(span)
    if not grown:
        return out
    # a word the complaint took in ("dry as a [bone]") is no mention of its own
    return [s for s in out if s in grown or all(s[1] <= g[0] or s[0] >= g[1] for g in grown)]


# The word before a complaint that _leading_start can take in or step over ("[tickly] dry cough", "[band] of",
# "[dry and] sore", "[runny,] itchy nose", "pea [sized] lump")
_LEADING_CUES = LEADING_DESCRIBERS | {"of", "and"}
# (round 19d) What stacked describers joined by a comma follow: an owner or article, so that the comma is inside one
# noun phrase ("my [runny, itchy nose]") and not between two complaints of a list ("sneezing, itchy eyes").
_STACK_OPENERS = OWNERS | frozenset({"a", "an", "very", "really", "so"})


def _finding_describers_only(words: list[str], span) -> bool:
    return all(w in LEADING_DESCRIBERS or w in lay_body_findings.FINDING_DESCRIBERS for w in words[span[0]:span[1]])


def _describers_only(words: list[str], span) -> bool:
    return all(w in LEADING_DESCRIBERS or w in FUNCTION_PREDICATES for w in words[span[0]:span[1]])


def _leading_start(words: list[str], start: int, taken: set[int], out: Spans, label: str = "SYMPTOM") -> int:
    """"[tickly] dry cough": describers right before the complaint join it; a span of describers alone before a
    body part's complaint too ("[tingly numb] hands" when the hands were joined)."""
    i = start
    if words[i - 1] == "," and i >= 3 and words[i] in LEADING_DESCRIBERS and words[i - 2] in LEADING_DESCRIBERS \
            and words[i - 3] in _STACK_OPENERS and not taken.intersection((i - 1, i - 2)):
        return i - 2  # "my [runny, itchy nose and eyes]": stacked describers with a comma are one span (rule 11)
    if label == "SYMPTOM" and i >= 2 and words[i - 1] == "of" and words[i - 2] in SHAPE_NOUNS and i - 2 not in taken:
        return i - 2  # "[band of blisters]", "[cluster of spots]": the shape the finding makes is its head (rule 4)
    while i > 0 and words[i - 1] in LEADING_DESCRIBERS and start - i < 3:
        if i - 1 in taken and not (out and out[-1][2] in _PROBLEMS and _describers_only(words, out[-1])):
            break
        if ends_a_clause(words, i - 1):
            break  # "my shoes are [tight] blisters on both heels": the predicate of what came before (run-on text)
        i -= 1
    if i >= 2 and words[i] in LEADING_DESCRIBERS and words[i - 1] == "and" and words[i - 2] in LEADING_DESCRIBERS \
            and words[i - 2] not in _UNGATED_DESCRIBERS and not taken.intersection((i - 1, i - 2)):
        # ("gave me burning and stinging": two complaints; "burning", "tense", "heavy" stack only before a head)
        i -= 2  # "[dry and sore] down there": two predicates joined by "and" (rule 11)
        if i >= 1 and words[i - 1] in ("bright", "dark", "pale", "deep") and i - 1 not in taken:
            i -= 1  # "[bright red and throbbing]": the shade of a colour
    return i




def _grow_at_common_cues(words: list[str], spans: Spans) -> Spans:
    """Edges whose cue words are too common to gate on ("much", "out", "to"), found by one pass over the spans:
    "[much more confused]" (a degree grades the comparative, rule 16), "[heart pounding out of my chest]" (the part
    it reaches, rule 5), "a [band of blisters] from my spine round to my nipple" (an extent stays outside)."""
    n = len(words)
    # the cue words are found in C first; the spans are looked at only in a doc where one stands in its frame
    present = word_set(words)
    if not (("more" in present or "less" in present) and not _COMPARATIVE_DEGREES.isdisjoint(present)
            and any(w in _COMPARATIVE_DEGREES for p in word_positions(words, _COMPARATIVES & present)
                    for w in words[p - 1:p] if p)
            or "out" in present and not _BEATING.isdisjoint(present)
            and any(words[p + 1:p + 2] == ["of"] for p in word_positions(words, _OUT))
            or "from" in present and not _EXTENT_HEADS.isdisjoint(present)
            and any("to" in words[p + 2:p + 9] for p in word_positions(words, _FROM))):
        return spans
    found = [k for k, (start, end, label, _c) in enumerate(spans) if label in _PROBLEMS and (
        start and words[start] in ("more", "less") and words[start - 1] in _COMPARATIVE_DEGREES
        or end + 1 < n and (words[end] == "out" and words[end + 1] == "of" or words[end] == "to"
                            or words[end] in _EXTENT_TURNS and words[end + 1] == "to"))]
    if not found:
        return spans
    taken = covered_tokens(spans)
    anatomy_at = {s[0]: s[1] for s in spans if s[2] == "ANATOMY"}
    out = list(spans)
    grown = []
    for k in found:
        start, end, label, concept = spans[k]
        if start and words[start] in ("more", "less") and words[start - 1] in _COMPARATIVE_DEGREES \
                and start - 1 not in taken:
            start -= 1
        end = _without_extent(words, start, end)
        end = _reach_end(words, end, taken, anatomy_at) or end
        if (start, end) != spans[k][:2]:
            out[k] = (start, end, label, concept)
            grown.append(out[k])
    if not grown:
        return spans
    # a part the complaint reached ("out of my [chest]") is no mention of its own
    return [s for s in out if s in grown or all(s[1] <= g[0] or s[0] >= g[1] for g in grown)]


def _without_extent(words: list[str], start: int, end: int) -> int:
    n = len(words)
    if end >= n or not (words[end] == "to" or words[end] in _EXTENT_TURNS and words[end + 1:end + 2] == ["to"]):
        return end
    if "from" not in words[start + 1:end]:
        return end
    cut = start + 1 + words[start + 1:end].index("from")
    return cut if cut - start >= 1 else end


# A cause joined to a complaint by "induced" is one of its clinical qualifiers (rules 1, 4): "[noise induced hearing
# loss]", "[levodopa-induced dyskinesia]" (the drug is inside, not a span of its own), "[cold-induced tingling]";
# without a hyphen not after a determiner or pronoun ("the drug induced nausea" is a verb).
_NOT_CAUSES = frozenset("the this that it which what a an my his her their its".split())


def _cause_start(words: list[str], start: int, out: Spans) -> int:
    k = start - 2
    hyphen = words[k] == "-"
    k -= hyphen
    if k < 0 or not words[k].isalpha() or words[k] in _NOT_CAUSES:
        return start
    if not hyphen and k and words[k - 1] in _NOT_CAUSES:
        return start
    if out and out[-1][1] == k + 1:
        if out[-1][1] - out[-1][0] > 2:
            return start  # a cause of more than two words is a phrase of its own
        return out[-1][0]  # "[levodopa]-induced": the drug span is the cause
    return k


def _stimulus_start(words: list[str], start: int, end: int, taken: set[int]) -> int:
    """"[loud noises feel painful]", "[light hurts]": the stimulus that hurts is the complaint's subject."""
    if end - start != 1 or words[start] not in _STIMULUS_COMPLAINTS or start == 0:
        return start
    k = start
    while k > 0 and start - k < 2 and words[k - 1] in _STIMULUS_LINKS:
        k -= 1
    if words[start] == "painful" and k == start:
        return start  # "that sounds painful" is a reply, no stimulus with a link
    if k == 0 or words[k - 1] not in STIMULI or k - 1 in taken:
        return start
    k -= 1
    if k and words[k - 1] in _STIMULUS_DESCRIBERS and k - 1 not in taken:
        k -= 1
    if k and words[k - 1] in ("that", "it", "this") :
        return start
    return k


# Heads of skin findings whose size and look before them are part of the finding (rule 4): "[tiny purple-red dots]",
# "[faint blotchy rash]" ("a [small adenoma]" is a named lesion: DISEASE, not here).
_LESION_HEADS = lay_body_findings.LESION_NOUNS | frozenset(
    "rash rashes sores blisters blister bruise bruises lump lumps hives welts pimples boils scar scars".split())
# (round 19d) A thing a finding's size or shape is likened to is part of its look (rule 4): "[hard pea sized lump]",
# "[coin-sized bald spot]", "[rope like scars]", "[egg shaped swelling]". The thing is one singular noun: "symptoms
# like rash", "things like hives" name a kind, "looks like scars" a comparison, and "a [rash] like hives" two spans.
_LIKENESS_LINKS = frozenset("sized size shaped like".split())
_NOT_LIKENED = NOT_A_THING | frozenset("feel feels felt look looks looked seem seems seemed sound sounds just more much "
                                       "something anything nothing stuff kind sort exactly mostly almost a an the "
                                       "this that what is was".split())


def _likened_start(words: list[str], i: int, taken: set[int]) -> int:
    """The start of "pea sized", "coin-sized", "rope like" ending before ``i``, or ``i``."""
    if i < 2 or words[i - 1] not in _LIKENESS_LINKS:
        return i
    k = i - 2
    if words[k] == "-" and k:
        k -= 1
    thing = words[k]
    if k in taken or not thing.isalpha() or thing in _NOT_LIKENED or thing in _LESION_HEADS \
            or thing.endswith("s") and not thing.endswith("ss"):
        return i
    if k and words[k - 1] in ("golf", "ping", "tennis", "marble"):
        k -= 1  # "golf ball sized"
    return k


# The heads of findings that have an extent from one part to another ("a band of blisters from my spine round to").
_EXTENT_HEADS = _LESION_HEADS | SHAPE_NOUNS


def _lesion_start(words: list[str], start: int, end: int, taken: set[int]) -> int:
    if _LESION_HEADS.isdisjoint(words[start:min(end, start + 4)]):
        return start
    i = _likened_start(words, start, taken)
    while i > 0 and start - i < 6 and words[i - 1] in lay_body_findings.FINDING_DESCRIBERS and i - 1 not in taken:
        i -= 1
        i = _likened_start(words, i, taken)
    while i < start and words[i] in ("-", "bit", "really", "very", "quite", "slightly"):
        i += 1  # a degree or hyphen starts no span
    return i


def _trailing_end(words: list[str], start: int, end: int, taken: set[int], anatomy_at: dict | None = None) -> int:
    n = len(words)
    if end >= n or words[end] not in _TRAILING_FIRSTS:
        return end  # no edge below starts with this word (most complaints: one set test, not ten)
    if words[end] in _NEXT_CUES:
        grown = _cued_end(words, start, end, taken, anatomy_at or {})
        if grown:
            return grown
    if words[end] == "inside" and end - start == 1 and end not in taken \
            and (end + 1 >= n or not words[end + 1].isalpha() or words[end + 1] in _AFTER_INSIDE):
        return end + 1  # "felt [numb inside]", "[shaky inside]": a felt state said to be within (rule 16)
    if words[end] in _GAITS and words[end - 1] in GAIT_DESCRIBERS and end not in taken \
            and (end + 1 >= n or not words[end + 1].isalpha() or words[end + 1] in ("and", "but")):
        return end + 1  # "[shuffling walk]": a gait described is one complaint (rule 4); "limping walk home" is a walk
    if words[end] == "of" and (words[end - 1] in REGION_NOUNS or words[end - 1] in _PLURAL_REGIONS) and end - start >= 3:
        k = end + 1
        while k < n and k - end <= 3 and words[k] in OWNERS:
            k += 1
        if k > end + 1 and k in (anatomy_at or {}) and not taken.intersection(range(end, k)):
            return anatomy_at[k]  # "[spots over his bum and the backs] of his legs": the region's part (rule 5)
    if words[end] == "below" and words[end - 1] == "down" and end not in taken:
        return end + 1  # "[dry sore feeling down] below": a rule took "feeling down" as a mood; the place is lay
    for place in _TRAILING_BY_FIRST.get(words[end], ()):
        size = len(place)
        if tuple(words[end:end + size]) == place and not taken.intersection(range(end, end + size)):
            if place == ("all", "over") and end + 2 < n and words[end + 2] in ("the", "again"):
                break  # "all over the place", "all over again": a way of speaking, no place of the body
            k = end + size
            if place == ("all", "over"):
                if k + 1 < n and words[k] in OWNERS and words[k + 1] in _WHOLE_BODY:
                    return k + 2  # "hot flashes all over my body"
                break  # (round 49) bare, an extent stays outside as most of the gold draws it: "[itchy] all over"
            if place == ("low", "down"):
                if k + 2 < n and words[k] in ("in", "on") and words[k + 1] in OWNERS and k + 2 in (anatomy_at or {}) \
                        and not taken.intersection(range(k, anatomy_at[k + 2])):
                    return anatomy_at[k + 2]  # "[pain low down in my back]": the height and the part are one place
                break
            return k
    gap = _voiding_gap(words, end)
    if end + gap + 2 < n and words[end + gap] in ("when", "while") and words[end + gap + 1] in _PEOPLE \
            and words[end + gap + 2] in VOIDING and not taken.intersection(range(end, end + gap + 3)) \
            and (words[end - 1] in VOIDING_PAINS or gap and words[end - 1] == "feeling"
                 and not VOIDING_PAINS.isdisjoint(words[start:end])):
        # "pain when i poo", "stings when he pees": the pain of a voiding is its own complaint (dysuria); (batch 101)
        # also past where it is felt, "[burning feeling at the tip when i pee]"
        return end + gap + 3
    if end + gap + 2 < n and words[end - 1] in ("blood", "tp", "paper", "tissue") and "blood" in words[start:end] \
            and words[end + gap] in _FUNCTION_TIMES and words[end + gap + 1] in _PEOPLE \
            and words[end + gap + 2] in WIPING and not (end + gap + 3 < n and words[end + gap + 3] in _OPENING_A_PLACE) \
            and not taken.intersection(range(end, end + gap + 3)):  # ("blood after I wipe my nose" is the nose's)
        # "[blood when i wipe]", (batch 101) "[bright red blood on the tp when i wipe]": where the blood is seen makes
        # the complaint (rectal bleeding)
        return end + gap + 3
    if end + 1 < n and words[end] in ("when", "while", "on") and not (
            VOIDING_PAINS.isdisjoint(words[start:end]) and BREATH_NOISES.isdisjoint(words[start:end])):
        k = end + 2 if words[end + 1] in _PEOPLE else end + 1
        # with its "in" or "deeply" the breath is what hurts ("[pain under my breast when i breathe in]"); "a pain in my
        # chest when i breathe" may be only when it is felt
        if k + 1 < n and words[k] in BREATHING and words[k + 1] in _BREATH_WAYS \
                and not (k + 2 < n and words[k + 2] in _OPENING_A_PLACE) and not taken.intersection(range(end, k + 2)):
            return k + 2  # (not "when I breathe in the morning", "breathes in his sleep")
    if end < n and words[end - 1] in SMELL_VERBS and words[end] in SMELL_JUDGEMENTS and end not in taken:
        return end + 1  # "pee smells weird", "breath smells bad": how it smells is the complaint
    if end + 1 < n and words[end] == "and" and end - start >= 3 and words[end - 1] in DESCRIPTORS \
            and words[end + 1] in _SECOND_LOOKS and end not in taken and end + 1 not in taken \
            and (end + 2 >= n or not words[end + 2].isalpha() or words[end + 2] in _AFTER_A_SECOND_LOOK):
        # a part's second look, said with "and" (rule 11: one subject, one span): "[poo has been black and sticky]",
        # "[eyesight turns grey and fuzzy]"; "[lips are blue] and cold hands" is a second complaint
        return end + 2
    if end + 2 < n and words[end] == "and" and words[end + 1] in SMELL_VERBS and words[end + 2] in SMELL_JUDGEMENTS \
            and words[end - 1] in DESCRIPTORS and not taken.intersection(range(end, end + 3)) \
            and not _SMELLING.isdisjoint(words[start:end - 1]):
        # a product's colour and smell are one product's predicates (rule 11); a part's state and a taste in the
        # mouth are two complaints: "[tooth is swollen] and [tastes foul]"
        return end + 3  # "pee is dark [and smells strong]"
    if end + 3 < n and words[end] == "from" and words[end + 1] in OWNERS and words[end + 3] in ("down", "up") \
            and (words[end - 1] in DESCRIPTORS or words[end - 1] in SYMPTOM_PREDICATES
                 or words[end - 1] in _EXTENT_NOUNS and words[end + 2] in _EXTENT_FROM) \
            and words[end + 2].isalpha() and not taken.intersection(range(end, end + 4)):
        return end + 4  # "numb from the waist down": the extent on the body is its place (rule 5)
    if words[end] in _SPREADING and "through" in words[end + 1:end + 3]:
        through = _through_end(words, end, taken, anatomy_at or {})
        if through:
            return through
    region = _region_end(words, start, end, taken)
    if region:
        return region
    if end + 1 < n and words[end] == "in" and end + 1 not in taken:
        k = end + 1
        if words[k] in _SHED_SIZES:
            k += 1
        if k < n and words[k] in SHED_AMOUNTS and words[end - 1] in ("out", "shedding", "shed", "sheds", "falling", "coming"):
            return k + 1
    if end + 1 < n and words[end] == "as" and words[end - 1] in _SIMILE_INSIDE and end - start >= 2:
        k = end + 1
        if words[k] in ("a", "an"):
            k += 1
        if k < n and words[k].isalpha() and words[k] not in _AS_NOT_A_THING and k not in taken:
            return k + 1  # "dry as a bone", "dry as sandpaper" (not "dry as the day goes on")
    return end


# The first word after a complaint that any of _trailing_end's edges starts with.
_TRAILING_BY_FIRST: dict[str, tuple] = {}
for _place in TRAILING_PLACES:
    _TRAILING_BY_FIRST[_place[0]] = _TRAILING_BY_FIRST.get(_place[0], ()) + (_place,)
_TRAILING_FIRSTS = (_NEXT_CUES | _TRAILING_BY_FIRST.keys() | SMELL_JUDGEMENTS | _REGION_PREPOSITIONS | _HEIGHTS | _SPREADING
                    | {"when", "while", "and", "from", "in", "as", "below", "inside"} | _GAITS | _VOIDING_GAPS.keys())
# (rounds 31-32) A part's second look after "and", and what may follow it: "[eyesight turns grey and fuzzy] for a bit".
_SECOND_LOOKS = DESCRIPTORS | frozenset("fuzzy weepy hazy misty".split())
_AFTER_A_SECOND_LOOK = frozenset("for and but too again now since when at in by".split())
# (round 19d) What may follow a felt state's bare "inside" ("felt [hollow inside] and ..."); "inside my elbows",
# "inside of my lip" are places of their own, "inside the house" is no body.
_AFTER_INSIDE = frozenset("and but too all again lately now most every".split())


def _cued_end(words: list[str], start: int, end: int, taken: set[int], anatomy_at: dict) -> int | None:
    """Round 15a's right edges, each cued by the word after the complaint (``_NEXT_CUES``) and tried only where
    its own cue stands (most complaints are followed by "to", "of" or "on" of no edge)."""
    n = len(words)
    last, nxt = words[end - 1], words[end]
    if nxt in _REACH_DIRECTIONS or nxt in _MOVING or last in _REACH_DIRECTIONS:
        reach = _reach_end(words, end, taken, anatomy_at)
        if reach:
            return reach
    if last in _HEAT_DEGREES and nxt in ("hot", "cold") and end not in taken:
        return end + 1  # "[boiling hot]"
    if end + 1 < n and last in CHOKING and nxt == "on":
        k = end + 1 + (words[end + 1] in ("a", "an", "the", "some", "my"))
        if k < n and words[k].isalpha() and words[k] not in NOT_A_THING and k not in taken:
            return k + 1  # "[woke up choking on acid]", "[gagging on the mucus]"
    if last in _LIKENED_VERBS or nxt in _LIKENED_VERBS or nxt in ("that", "which"):
        likeness = _likeness_end(words, end, taken)
        if likeness:
            return likeness
    if last in _GETTING_UP or last in _BENDING or nxt in _HOW_FAR:
        unable = _failed_movement_end(words, start, end, taken, anatomy_at)
        if unable:
            return unable
    if end + 2 < n and words[end] in _FUNCTION_TIMES and words[end - 1] in VOIDING_PAINS and words[end + 1] in _PEOPLE \
            and words[end + 2] in CLIMAX:
        return end + 3  # "[hurts after i ejaculate]": the pain of a body function is its own complaint (rule 10)
    if words[end] in lay_body_findings.LESION_NOUNS and end not in taken \
            and all(w in lay_body_findings.FINDING_DESCRIBERS or w in LEADING_DESCRIBERS for w in words[start:end]):
        # "[deep painful] spots": the describers' own lesion is their head (rule 4), with the part it is on (rule 5):
        # "[burning sore patch under my left breast]"
        return _lesion_place_end(words, end + 1, taken, anatomy_at) or end + 1
    return None


_LESION_PLACES = frozenset("on under over above below behind around round in across".split())


def _lesion_place_end(words: list[str], at: int, taken: set[int], anatomy_at: dict) -> int | None:
    """The body part a lesion sits on, attached by a preposition right after it (rule 5)."""
    n = len(words)
    if at >= n or words[at] not in _LESION_PLACES or at in taken:
        return None
    k = at + 1
    while k < n and k - at <= 3 and words[k] in OWNERS:
        k += 1
    if k > at + 1 and k in anatomy_at and not taken.intersection(range(at, k)):
        return anatomy_at[k]
    return None


def _reach_end(words: list[str], end: int, taken: set[int], anatomy_at: dict) -> int | None:
    """"[bruising down to my toes]", "[throbbing up into my ear]", "[heart pounding out of my chest]": a spreading
    complaint with the part it reaches, attached without a verb (rule 5; "it goes up to my [shoulder]" is not)."""
    n = len(words)
    k = end
    if words[end - 1] in _SWELLING or words[end - 1] == "up" and end >= 2 and words[end - 2] in _SWELLING:
        return None  # "[legs are swollen] up to the knees": how far a swelling goes is its extent, outside (rule 10)
    if k + 1 < n and words[k] in _MOVING and words[k + 1] in _REACH_PREPOSITIONS:
        k += 1  # "[yellow gunk dripping into my throat]": where it goes is where it is
    elif words[end - 1] not in _REACH_DIRECTIONS:
        if k >= n or words[k] not in _REACH_DIRECTIONS:
            return None
        k += 1
    if k >= n or k in taken:
        return None
    if words[k - 1] == "out" and words[k - 1] not in _MOVING:
        if words[k] != "of":
            return None
    elif words[k] not in _REACH_PREPOSITIONS:
        return None
    k += 1
    while k < n and k - end <= 5 and words[k] in OWNERS and k not in taken:
        k += 1
    if k in anatomy_at and k - 1 not in taken:
        return anatomy_at[k]
    return None


def _likeness_end(words: list[str], end: int, taken: set[int]) -> int | None:
    """"[burps that taste of rotten eggs]", "[pee smells like ammonia]": what a smell or taste is likened to."""
    n = len(words)
    k = end
    if words[end - 1] not in _LIKENED_VERBS:
        if k + 1 < n and words[k] in ("that", "which"):
            k += 1
        if k >= n or words[k] not in _LIKENED_VERBS:
            return None
        k += 1
    if k + 1 >= n or words[k] not in ("of", "like") or taken.intersection(range(end, k + 1)):
        return None
    k += 1
    if words[k] in ("a", "an"):
        k += 1
    first = k
    while k < n and k - first < 3 and words[k].isalpha() and words[k] not in NOT_A_THING \
            and words[k] not in _NO_LIKENESS and k not in taken:
        k += 1
    return k if k > first else None


def _failed_movement_end(words: list[str], start: int, end: int, taken: set[int], anatomy_at: dict) -> int | None:
    """"[couldnt get up off the floor]", "[cant bend to pick things up]": a lost movement with what it fails at."""
    n = len(words)
    if end >= n or _UNABLE.isdisjoint(words[start:end]):
        return None
    if words[end - 1] in _GETTING_UP and words[end] in _RISE_FROM:
        k = end + 1
        k += k < n and words[k] in ("the", "a", "my", "his", "her")
        if k < n and (words[k] in _LOW_PLACES or k == end + 1 and words[k] in _LOW_POSTURES) and k not in taken:
            return k + 1  # "off the floor", "from a squat", "from squatting"
        return None
    if words[end] in _HOW_FAR and {"lift", "raise", "reach"}.intersection(words[start:end]):
        k = end + 1
        while k < n and k - end <= 2 and words[k] in OWNERS:
            k += 1
        if k > end + 1 and k < n and k in anatomy_at:
            return anatomy_at[k]  # "[cant lift my arm above my head]": how far it fails is the lost function
        return None
    if words[end - 1] in _BENDING and words[end] == "to" and end + 1 < n and words[end + 1].isalpha() \
            and words[end + 1] not in NOT_A_THING and words[end + 1] not in OWNERS:
        k = end + 2
        while k < n and k - end <= 5 and words[k] not in _REACH_OBJECT_STOPS and words[k].isalpha() and k not in taken \
                and words[k] not in ("for", "because", "since", "without", "anymore", "now", "today", "at", "in") \
                and not (words[k] in _TIME_DEMONSTRATIVES and k + 1 < n and words[k + 1] in _DAY_TIMES):
            k += 1  # (round 39) "[cant bend to put my socks on] this morning": the time stays out (rule 10)
        if k > end + 2:
            return k  # "to pick things up", "to tie my shoes"
    return None


_TIME_DEMONSTRATIVES = frozenset("this that every each last next".split())
_DAY_TIMES = frozenset("morning mornings evening evenings afternoon night week weekend time day".split())


def _through_end(words: list[str], end: int, taken: set[int], anatomy_at: dict) -> int | None:
    """"[pain going through to my back]", "[ache shooting straight through into my shoulder]"."""
    if words[end - 1] not in VOIDING_PAINS and words[end - 1] not in LOCATED_COMPLAINTS:
        return None
    n = len(words)
    k = end + 1
    if words[k] in _THROUGH_FILLERS:
        k += 1
    k += 1  # "through"
    if k < n and words[k] in _REACH_PREPOSITIONS:
        k += 1
    while k < n and k - end <= 6 and words[k] in OWNERS:
        k += 1
    if k in anatomy_at and not taken.intersection(range(end, k)):
        return anatomy_at[k]
    return None


def _region_end(words: list[str], start: int, end: int, taken: set[int]) -> int | None:
    """"cramping in my lower right side", "rash round my left side": a trunk region the body lexicon leaves alone,
    attached by a preposition, is the complaint's place (rule 5); "the side of my head" is left to the body part.
    How high or low on it is part of the place: "[stabbing pain low on my right side]"."""
    n = len(words)
    if words[end] == "on" and not _HEIGHTS.isdisjoint(words[start:end]):
        return _height_side_end(words, end, taken)  # "[gnawing pain low in my belly] on the left"
    at = end + 1 if end + 1 < n and words[end] in _HEIGHTS and end not in taken else end
    if at + 2 >= n or words[at] not in _REGION_PREPOSITIONS or words[at + 1] not in OWNERS \
            or words[end - 1] not in LOCATED_COMPLAINTS:
        return None  # "hurts to take a breath [on the left side]": a lost function's extent stays outside (rule 16)
    k = at + 2
    while k < n and k - end <= 4 and words[k] in SIDE_WORDS:
        k += 1
    if k < n and words[k] in BODY_REGIONS and not taken.intersection(range(end, k + 1)) \
            and (k + 1 >= n or words[k + 1] not in ("of", "effects", "effect")):
        return k + 1
    if at > end and words[at] == "on":
        return _height_side_end(words, at, taken)  # "[one sided ache low on the right]"
    return None


# (round 19d) The side of a pain placed high or low is part of that place (rule 5): "[ache low on the right]",
# "[gnawing pain low in my belly on the left]"; a side said of a complaint with no height stays outside as the
# gold draws it ("[muffled hearing] on the left"), and so does a side that is a thing's ("on the left of the road").
_LEFT_RIGHT = frozenset({"left", "right"})


def _height_side_end(words: list[str], at: int, taken: set[int]) -> int | None:
    n = len(words)
    k = at + 2
    if k >= n or words[at] != "on" or words[at + 1] not in ("the", "my", "his", "her") or words[k] not in _LEFT_RIGHT:
        return None
    k += 1
    if k < n and words[k] in ("side", "hand"):
        k += 1
    if k < n and words[k] in ("of", "-") or taken.intersection(range(at, k)):
        return None  # "low on the left of my belly" is left to the body part
    return k


_SENSE_ORGANS = frozenset("ear ears eye eyes".split())
_ORGAN_POINTERS = OWNERS | frozenset("that this one left right both".split())


def _function_place_end(words: list[str], at: int) -> int:
    """After a sense, the organ it is felt in ("hearing in my left ear", "vision in that eye"); else ``at``."""
    k = at + 1
    while k < len(words) and k - at <= 3 and words[k] in _ORGAN_POINTERS:
        k += 1
    if at < len(words) and words[at] == "in" and at + 1 < k < len(words) and words[k] in _SENSE_ORGANS:
        return k + 1
    return at


def _add_function_predicates(words: list[str], spans: Spans) -> Spans:
    """"my vision goes blurry", "her grip is weak": a bodily function with its predicate is one SYMPTOM."""
    n = len(words)
    found = []
    present = word_set(words)
    for i in word_positions(words, FUNCTION_NOUNS & present):
        if not 0 < i < n - 1:
            continue
        if words[i] == "flow" and (URINE_CUES.isdisjoint(present) or not PERIOD_CUES.isdisjoint(present)):
            continue  # "my flow is heavy/bad this month" is a period's
        linked = _function_place_end(words, i + 1)  # "the hearing [in that ear] is muffled": the sense's own organ
        if words[i - 1] not in _FUNCTION_OWNERS and not (words[i - 1] == "the" and linked > i + 1):
            continue
        k = linked
        while k < n and k - linked <= 3 and (words[k] in _LINKS or words[k] in _DEGREES):
            k += 1
        if k < n and k > linked and words[k] in FUNCTION_PREDICATES:
            if k + 2 < n and words[k + 1] == "by" and (words[k + 2][:1] in "$£€" or words[k + 2][:1].isdecimal()):
                continue  # "my balance is off by $200": an account's balance
            found.append((i, k + 1))
        elif words[i + 1] in FUNCTION_VERBS:
            found.append((i, i + 2))
    if not found:
        return spans
    out = [s for s in spans if all(s[1] <= a or s[0] >= b for a, b in found)]
    added = []
    for a, b in found:
        inner = next((s for s in spans if a <= s[0] < b and s[2] == "SYMPTOM"), None)
        # the function's own concept outranks a generic one inside ("[flow is weak]" is no general weakness)
        if inner is not None and words[a] not in _OWN_CONCEPT_FUNCTIONS:
            concept = inner[3]
        else:
            concept = FUNCTION_CONCEPTS.get(words[a], BODY_COMPLAINT)
        added.append((a, b, "SYMPTOM", concept))
    return sorted(out + added)


def _add_seen_changes(words: list[str], spans: Spans) -> Spans:
    """"straight lines look wavy in his left eye", "everything looked yellow", "colours look washed out": what the
    eyes see changed is a visual complaint, the seen thing with its predicate one SYMPTOM (rule 6)."""
    n = len(words)
    # a lexicon row may have found the change already ("lines look bent"): the rule still gives it its eye
    taken = covered_tokens([s for s in spans if s[2] != "ANATOMY" and not (
        s[2] == "SYMPTOM" and (words[s[0]] in SEEN_THINGS or words[s[0]] in _SEEN_THING_MODIFIERS))])
    eyes = {s[0]: s[1] for s in spans if s[2] == "ANATOMY"}
    added = []
    present = word_set(words)
    eyes_named = not EYE_WORDS.isdisjoint(present)
    for i in word_positions(words, SEEN_THINGS & present):
        k = i + 1
        if k >= n or words[k] not in _SEEING_VERBS or i in taken:
            continue
        k += 1
        while k < n and k - i <= 4 and words[k] in _DEGREES:
            k += 1
        if k >= n or words[k] not in SEEN_PREDICATES or words[k] in _NEEDS_EYES and not eyes_named:
            continue  # "lines look faded on the pregnancy test": sight is no part of it
        end = k + 1 + (words[k] == "washed" and k + 1 < n and words[k + 1] == "out")
        start = i - 1 if i and words[i - 1] in _SEEN_THING_MODIFIERS else i
        j = end + 1
        while j < n and j - end <= 2 and words[j] in OWNERS:
            j += 1
        if end < n and words[end] == "in" and j in eyes and words[eyes[j] - 1] in ("eye", "eyes"):
            end = eyes[j]  # "in his left eye": where it is seen
        found = next((s for s in spans if s[2] == "SYMPTOM" and s[0] <= start < s[1]), None)
        if found is not None and found[1] >= end:
            continue  # a lexicon row or a rule before drew it as long already (and its concept is the finer one)
        added.append((start, end, "SYMPTOM", found[3] if found is not None else VISUAL_DISTORTION))
    if not added:
        return spans
    return sorted([s for s in spans if all(s[1] <= a or s[0] >= b for a, b, *_ in added)] + added)


def _add_spinning_surroundings(words: list[str], spans: Spans) -> Spans:
    """"the room was spinning", "everything spins when i stand": the surroundings moving are vertigo."""
    n = len(words)
    taken = covered_tokens(spans)
    added = []
    for i in word_positions(words, SURROUNDINGS & word_set(words)):
        if i >= n - 1 or i in taken:
            continue
        if words[i] != "everything" and i > 0 and words[i - 1] not in ("the", "whole") \
                and any(c.isalnum() for c in words[i - 1]):  # (a line may open with it: "Room spins every time ...")
            continue
        if i >= 2 and words[i - 1] == "the" and words[i - 2] in _PLACE_PREPOSITIONS:
            continue  # "the fan in the room wont stop spinning": the room is where, not what spins
        k = i + 1
        while k < n and k - i <= 3 and (words[k] in _LINKS or words[k] in _DEGREES or words[k] == "started"):
            k += 1
        if k + 1 < n and words[k] in _NOT_STOPPING:
            m = k + 2 if words[k + 1] in ("nt", "n't") else k + 1
            if m < n and words[m] == "stop":
                k = m + 1  # "[room wont stop spinning]"
        if k < n and words[k] in SPIN_WORDS and tuple(words[k + 1:k + 4]) != ("out", "of", "control"):
            start = i - 1 if i and words[i - 1] == "whole" else i  # "the [whole room spun]"
            if start in taken:
                start = i
            added.append((start, k + 1, "SYMPTOM", VERTIGO))  # not "everything is spinning out of control": a life's turn
    if not added:
        return spans
    return sorted([s for s in spans if all(s[1] <= a or s[0] >= b for a, b, *_ in added)] + added)
