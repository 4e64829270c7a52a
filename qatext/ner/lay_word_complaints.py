"""Everyday words that the story around them makes a complaint (issue 11, GUIDELINES rules 16 and 17).

A patient names a complaint with one common word once the story has set up its subject: "the [spots] came
creeping back" after acne tablets, "the [hunger] is back" after a weight-loss jab, "i [leaked] on the school run"
with an overactive bladder, "he stops breathing and then [gasps]" in a snoring child, "was [sick] before school
twice" (vomited), "i was [thick headed] until noon" on a sleeping tablet, "i [burnt] through a t-shirt" once the
skin got sun sensitive. The same words stay everyday words elsewhere: "parking spots", "a hunger strike", "the
story leaked", "the audience gasped", "sick of waiting", "he's so thick headed", "i burnt the toast".

Each word has a frame (the words that may stand right before and after it) and a cue of its subject within a few
words (the skin for spots, appetite and weight for hunger, the bladder for a leak, breathing for a gasp, the sun
for a burn). :func:`add_word_complaints` only looks at a doc that holds one of :data:`WORDS` (the recognizer's
gate), and then only at those words.
"""
from __future__ import annotations

from qatext.ner.lay_common import LIST_FILLERS
from qatext.ner.lay_context_symptoms import body_words
from qatext.ner.span_rules import Spans, covered_tokens, gate, gate_hits, word_positions

ACNE = "HP:0001061"
POLYPHAGIA = "HP:0002591"
URINARY_INCONTINENCE = "HP:0000020"
DYSPNEA = "HP:0002094"
VOMITING = "HP:0002013"
NAUSEA = "HP:0002018"
MALAISE = "HP:0033834"
BRAIN_FOG = "HP:0033630"
SUNBURN = "ICD10CM:L55"

_ENDS = frozenset(". , ; : ! ? \n".split()) | {"\n", ""}


def _near(words: list[str], i: int, cues: frozenset, before: int, after: int) -> bool:
    return not cues.isdisjoint(words[max(0, i - before):i + after + 1])


# --- spots of acne: "the [spots] came creeping back", "my [spots] are worse on the pill" ---------------------------
_SPOTS = frozenset({"spots"})
# qualities of the spots go inside (GUIDELINES rule 4: "the [deep painful spots]"), "new", "more" stay out
_SPOT_QUALITIES = frozenset("red angry big bad painful sore cystic tiny little deep huge small hard white itchy "
                            "raised pus-filled".split())
_SPOT_BEFORE = _SPOT_QUALITIES | frozenset("the my her his their more new few some no of with and , :".split())
# After the noun the clause goes on with a verb of its course, or a place on the body; "spots left", "spots in
# the schedule", "spot on" are no skin.
_SPOT_AFTER = _ENDS | frozenset("came come coming are were have has had keep kept back on all everywhere and or "
                                "started start cleared clear cleared gone went got getting get flared appeared "
                                "appear popped pop keep still".split())
_SKIN_CUES = frozenset("acne pimples pimple zits zit breakouts breakout whiteheads blackheads cysts skin face "
                       "forehead chin chest derm dermatologist lymecycline lymecyclin doxycycline minocycline "
                       "isotretinoin roaccutane accutane adapalene differin tretinoin retinol azelaic benzoyl "
                       "duac epiduo treclin spironolactone".split())

# --- hunger as the complaint: "the [hunger] is back with a vengeance" ------------------------------------------------
_HUNGER_BEFORE = frozenset("the my his her constant increased extra insatiable crazy this ravenous huge massive "
                           "big awful terrible no".split())
_HUNGER_NOT_AFTER = frozenset("strike strikes games crisis charity relief for to pangs".split())
_APPETITE_CUES = frozenset("wegovy ozempic mounjaro semaglutide tirzepatide saxenda liraglutide orlistat "
                           "prednisone prednisolone pred steroid steroids mirtazapine olanzapine quetiapine "
                           "weight kg lbs stone pounds appetite eating ate snacking diabetes diabetic "
                           "metformin".split())

# --- a leak of urine: "had [leaked] twice on the school run" ---------------------------------------------------------
_LEAKS = frozenset({"leaked", "leak", "leaking", "leaks"})
_LEAKERS = frozenset("i ive i've had have has she he also still sometimes occasionally even and 'd d".split())
_LEAK_AFTER = _ENDS | frozenset("twice once again when if every on in at a while after during before "
                                "slightly bit little".split())
_BLADDER_CUES = frozenset("bladder loo toilet wee weeing pee peeing urine urinate incontinence incontinent "
                          "pelvic pad pads urgency overactive solifenacin oxybutynin mirabegron tolterodine "
                          "sneeze sneezing cough coughing prolapse".split())

# --- a gasp for breath: "stops breathing for a few seconds and then [gasps]" -----------------------------------------
_GASPS = frozenset({"gasps", "gasped", "gasping"})
_GASP_AFTER = _ENDS | frozenset("and awake when in as then loudly".split())
_BREATHING_CUES = frozenset("breathing breath breathe snoring snores snore apnoea apnea asleep sleep sleeping "
                            "choking chokes stops stopped".split())

# --- sick as vomiting or ill: "was [sick] before school twice", "also [sick] as a dog" --------------------------------
_SICK_BEFORE = frozenset("was were is am im 'm m are also been".split())
_SICK_FEEL = frozenset("felt feel feels feeling".split())
_SICK_VOMIT_AFTER = frozenset("twice once again everywhere overnight before after up".split())
_SICK_AFTER = _ENDS | _SICK_VOMIT_AFTER | frozenset("as in on this last every all with from to and".split())
# "sick of it", "sick and tired", "sick to death", "sick with worry", "the sick note": no state of the body
_SICK_NOT_NEXT = {"and": frozenset({"tired"}), "to": frozenset({"death"}), "with": frozenset({"worry", "nerves"}),
                  "as": frozenset({"in", "hell", "fuck", "heck"})}
_MAKING = frozenset({"make", "makes", "made", "making"})
# a good state before "and sick" is no complaint beside it: "felt great and sick beats" (slang)
_WELL = frozenset("great good fine ok okay better happy amazing awesome brilliant".split())
_SICK_COUNTS = frozenset("twice once again everywhere overnight times".split())
_THINGS = frozenset("it this that which what".split())
_SICK_PEOPLE_BEFORE = frozenset("i he she we they son daughter baby child kid toddler dad mum mom husband wife "
                                "nan gran grandad grandma boy girl yo".split())

# --- a thick or woolly head: "the next day i was [thick headed]" ------------------------------------------------------
_HEAD_STATES = frozenset({"thick", "woolly", "wooly", "muzzy", "foggy"})
_HEADED = frozenset({"headed", "-"})

# --- a burn of the sun: "i [burnt] through a t-shirt", "ginger, [burnt] loads as a kid" -------------------------------
_BURNS = frozenset({"burnt", "burned", "burn", "burns"})
_BURN_AFTER = _ENDS | frozenset("through easily loads badly so really very lots in on at as every when within after "
                                "quickly straight red like even".split())
_SUN_CUES = frozenset("sun sunny sunburn sunburnt sunbed sunbeds spf sunscreen suncream ginger freckles freckly "
                      "fair bbq beach holiday holidays uv rays photosensitive photosensitivity sensitive "
                      "tan tanning".split())

# --- a drug's effect on the writer's state: "Paxil made me [lazy]", "the effexor leaves me [detached] and [numb]" -------
# After "made/makes/leaves me (feel)" a state word, by its ending, is what the drug did, once a drug is named just
# before; what a drug did for the better ("made me calmer", "left me hopeful") and a verb ("made me realise") are not.
# ("left" and "make" are left out: mostly a side and a plan, they would open the gate in most docs for little)
_CAUSING = frozenset({"made", "makes", "leaves"})
_AFFECTED = frozenset({"me", "him", "her", "us", "them"})
_EFFECT_DEGREES = frozenset("so very really super extremely kind kinda a bit little too totally completely quite "
                            "incredibly insanely".split())
_STATE_SUFFIXES = ("ed", "y", "ic", "ous", "ive", "al", "less", "ish", "ful", "ent", "ant")
_BETTER = frozenset("better calm calmer happy happier glad normal hopeful relaxed motivated focused focussed "
                    "energetic energised energized confident alert productive positive content grateful able "
                    "stable balanced well healthy lucky cheerful peaceful rested refreshed clearheaded human "
                    "myself functional sociable social chatty creative optimistic level clear "
                    "interested excited".split())
# state words by ending that name no state: "left me stranded", "made me wonder"
_NOT_STATES = frozenset("stranded waiting hanging sure aware worried-free alone broke speechless homeless "
                        "said used called named ready early late only really totally family "
                        # a degree before the state, not one: "made me less anxious" (batch 97's review)
                        "less".split())
_DRUG_EFFECT = "HP:0100851"
_MEDICINES = frozenset("drug drugs med meds medication medications medicine pill pills tablets tablet dose".split())
_DRUG_PRONOUNS = frozenset({"it", "this", "they", "these"})

# --- going blind: "am i going to go [blind]?", "she went [blind] in one eye" -------------------------------------------
BLINDNESS = "HP:0000618"
_BLIND_BEFORE = frozenset("go going gone went goes become becoming became".split())
_BLIND_NOT_AFTER = frozenset("spot spots date dates eye side corner faith drunk panic rage fury with luck "
                             "bag man men".split())

# --- a drip given in hospital: "put him on a [drip]", "needed a [drip] overnight" -----------------------------------
IV_FLUIDS = "QATEXT:treatment/injection"
_DRIP_TAKERS = frozenset("on onto to needed needs need had have has got given gave hooked".split())
_DRIP_AFTER = _ENDS | frozenset("for and with overnight at in until till".split())

# --- a dentist's deep clean: "the hygienist did a [deep clean]" (not "gave the kitchen a deep clean") ----------------
DENTAL_CLEANING = "QATEXT:treatment/dental-cleaning"
_DENTAL_CUES = frozenset("dentist dentists dental hygienist gum gums teeth tooth periodontal periodontitis gingivitis "
                         "plaque tartar scale scaling polish pockets".split())

WORDS = gate(_SPOTS, {"hunger"}, _HEAD_STATES, _LEAKS, _GASPS, {"sick"}, _BURNS, _CAUSING, {"blind", "drip", "clean"})


def add_word_complaints(doc, words: list[str], spans: Spans) -> Spans:
    """``spans`` with the words of the module doc that their frame and story make a complaint."""
    found = WORDS.intersection(gate_hits(words))
    if not found:
        return spans
    n = len(words)
    covered: set[int] | None = None
    added: list[tuple[int, int, str, str]] = []

    def take(start: int, end: int, label: str, concept: str) -> None:
        nonlocal covered
        if covered is None:
            covered = covered_tokens(spans)
        if any(k in covered for k in range(start, end)):
            return
        added.append((start, end, label, concept))
        covered.update(range(start, end))

    for i in word_positions(words, found):
        word = words[i]
        before = words[i - 1] if i else ""
        nxt = words[i + 1] if i + 1 < n else ""
        if word in _SPOTS:
            if before in _SPOT_BEFORE and nxt in _SPOT_AFTER \
                    and _near(words, i, _SKIN_CUES, 40, 15):
                start = i
                while start > 0 and i - start < 3 and words[start - 1] in _SPOT_QUALITIES:
                    start -= 1
                take(start, i + 1, "SYMPTOM", ACNE)
        elif word == "hunger":
            if before in _HUNGER_BEFORE and nxt not in _HUNGER_NOT_AFTER and _near(words, i, _APPETITE_CUES, 40, 20):
                take(i, i + 1, "SYMPTOM", POLYPHAGIA)
        elif word in _LEAKS:
            # a person leaks ("i leaked", "had leaked", "she still leaks"): "the roof leaked", "leaked the story" are not
            if before in _LEAKERS and nxt in _LEAK_AFTER and nxt not in ("the", "it") \
                    and _near(words, i, _BLADDER_CUES, 30, 12):
                take(i, i + 1, "SYMPTOM", URINARY_INCONTINENCE)
        elif word in _GASPS:
            if nxt in _GASP_AFTER and _near(words, i, _BREATHING_CUES, 12, 4) and before not in ("the", "a", "audience"):
                take(i, i + 1, "SYMPTOM", DYSPNEA)
        elif word == "sick":
            _sick(words, i, before, nxt, take)
        elif word in _HEAD_STATES:
            _head_state(words, i, take)
        elif word in _CAUSING:
            if nxt in _AFFECTED and (before in _MEDICINES or any(
                    span[2] == "DRUG" and i - (40 if before in _DRUG_PRONOUNS else 12) <= span[1] <= i
                    for span in spans)):
                _drug_effect(words, i + 2, take, {span[0]: span[1] for span in spans if span[2] == "SYMPTOM"})
        elif word == "clean":
            if before == "deep" and _near(words, i, _DENTAL_CUES, 25, 15):
                take(i - 1, i + 1, "TREATMENT", DENTAL_CLEANING)
        elif word == "blind":
            if before in _BLIND_BEFORE and nxt not in _BLIND_NOT_AFTER:
                take(i, i + 1, "SYMPTOM", BLINDNESS)
        elif word == "drip":
            if before in ("a", "the") and i >= 2 and words[i - 2] in _DRIP_TAKERS and nxt in _DRIP_AFTER:
                take(i, i + 1, "TREATMENT", IV_FLUIDS)
        elif word in _BURNS:
            # the person burns in the sun: "i burnt through", "ginger, burnt loads"; "burnt the toast" has an object
            if nxt in _BURN_AFTER and nxt not in ("the", "my", "a", "it") and before not in ("a", "the", "my") \
                    and _near(words, i, _SUN_CUES, 15, 10):
                take(i, i + 1, "SYMPTOM", SUNBURN)  # the burn told, as "[sunburnt]" would be
    if not added:
        return spans
    return sorted(spans + added)


def _sick(words: list[str], i: int, before: str, nxt: str, take) -> None:
    """"was [sick] twice", "is [sick] as a dog", "felt [sick] all day": the body; "sick of it" is no complaint."""
    # "will the taper make me [sick]"; ("sick to my stomach" is left alone: lay_span_edges would draw its reach
    # "to my stomach" into the span, where the gold keeps "[sick] to my stomach")
    if before == "me" and i >= 2 and words[i - 2] in _MAKING and nxt not in ("of", "and"):
        take(i, i + 1, "SYMPTOM", NAUSEA)
        return
    if i >= 2 and before in ("and", ",", "&") and nxt not in ("of", "with", "to") and words[i - 2] not in _WELL \
            and words[i + 1:i + 3] != ["and", "tired"] and not _SICK_FEEL.isdisjoint(words[max(0, i - 5):i - 1]):
        take(i, i + 1, "SYMPTOM", NAUSEA)  # a felt state's conjunct: "felt shaky and [sick] most mornings"
        return
    if nxt not in _SICK_AFTER:
        return
    after = words[i + 2] if i + 2 < len(words) else ""
    if after in _SICK_NOT_NEXT.get(nxt, ()):
        return
    if before in _SICK_FEEL:
        take(i, i + 1, "SYMPTOM", NAUSEA)
        return
    if before not in _SICK_BEFORE:
        return
    # a person is sick, not "the system is sick" or "this is sick" (great): a person or "i" before the verb, or a
    # story of the writer ("also sick")
    j = i - 2
    subject = words[j] if j >= 0 else ""
    counted = nxt in _SICK_COUNTS or nxt[:1].isdecimal() or words[i + 1:i + 4] == ["in", "the", "night"] \
        or nxt in ("before", "after") and not _SICK_COUNTS.isdisjoint(words[i + 2:i + 6])
    vomited = counted or nxt in _SICK_VOMIT_AFTER
    # "was sick twice", "was sick before school twice" count bouts of vomiting whoever the subject of a list is ("my
    # son gets tummy aches, was sick twice"), unless it is a thing ("it was sick before it was cool")
    if before in ("im", "'m", "m") or before == "also" or subject in _SICK_PEOPLE_BEFORE \
            or subject in ("'s", "s") and j >= 1 and words[j - 1] in _SICK_PEOPLE_BEFORE \
            or counted and subject not in _THINGS:
        take(i, i + 1, "SYMPTOM", VOMITING if vomited else MALAISE)


_HEAD_FEEL = frozenset("felt feel feels feeling was am im 'm m were woke wake waking".split())
_HEAD_DEGREES = frozenset("so very really a bit little quite all day".split())


def _head_state(words: list[str], i: int, take) -> None:
    """"i was [thick headed]", "felt [woolly headed]": the head of the writer, not "he's so thick headed"."""
    end = i + 2 if words[i + 1:i + 2] == ["headed"] else i + 3 if words[i + 1:i + 3] == ["-", "headed"] else 0
    if not end:
        return
    j = i - 1
    while j >= 0 and i - j <= 3 and words[j] in _HEAD_DEGREES:
        j -= 1
    if j < 0 or words[j] not in _HEAD_FEEL:
        return
    # a feeling verb is the writer's or anyone's state; "was" only after "i" ("i was thick headed")
    if words[j] in ("was", "were") and (j < 1 or words[j - 1] not in ("i", "we")):
        return
    take(i, end, "SYMPTOM", BRAIN_FOG)


def _drug_effect(words: list[str], j: int, take, symptom_ends: dict[int, int]) -> None:
    """"made me [lazy] and [unmotivated]", "makes me feel [so detached]": each state word its own SYMPTOM."""
    n = len(words)
    if j < n and words[j] in ("feel", "feeling", "feels") and j not in symptom_ends:
        j += 1
    while True:
        start = j
        if start in symptom_ends or start - 1 in symptom_ends and words[start - 1] in ("feel", "feeling"):
            # a state an earlier rule found ("[feel flat] and detached"): on to the next in the list
            j = symptom_ends.get(start, symptom_ends.get(start - 1, start)) - 1
            if j + 2 < n and words[j + 1] in ("and", ",", "&"):
                j += 2
                continue
            return
        while j < n and j - start < 2 and words[j] in _EFFECT_DEGREES:
            j += 1
        if j >= n:
            return
        word = words[j]
        if not (word.isalpha() and len(word) > 3 and word.endswith(_STATE_SUFFIXES)) or word in _BETTER \
                or word in _NOT_STATES or (j + 1 < n and words[j + 1] in ("to", "about", "of", "for", "that")):
            return
        if j + 2 < n and words[j + 1] == "-" and words[j + 2].isalpha():
            j += 2  # a compound state is one: "made me [absent-minded]", "[light-headed]"
        take(start, j + 1, "SYMPTOM", _DRUG_EFFECT)
        # "lazy and unmotivated", "tired, foggy": the states listed after it
        if j + 2 < n and words[j + 1] in ("and", ",", "&"):
            j += 2
        else:
            return


# --- round 19b: lay words that stand alone as a complaint in a patient's report --------------------------------------
# Each word has a frame (what may stand before and after it) and, where the everyday sense is common, a cue of its
# subject nearby: "it doesnt [hurt]" after a lump (not "it hurt my feelings", "wouldnt hurt to ask"), "no [burning]"
# (not "burning the toast", "a burning question"), "only [puffed] at the end" after chest pain (not "puffed up with
# pride", "puffed on a cigar"), "[bled] on and off" (not "bled us dry"), "[ratty] with everyone" (not "a ratty old
# coat"), "going [faint]" (not "a faint smell", "faint hope"), "goes [grey] and wobbly" of a person (not "my hair went
# grey", "a grey car"), "will the [blurring] go?" after the eye (not "blurring the lines"), "more a [niggle]" after
# an ache.
FAINTNESS = "HP:0031972"
PAIN = "HP:0012531"
BURNING = "HP:0003401"  # the lexicon's "burning sensation"
DYSPNEA_ON_EXERTION = DYSPNEA
BLEEDING = "QATEXT:mesh/hemorrhage"  # the lexicon's "bleeding"
IRRITABILITY = "HP:0000737"
PALLOR = "HP:0000980"
BLURRED_VISION = "HP:0000622"
_LONE_PAIN = frozenset({"hurt", "ached"})
_LONE_WORDS = gate(_LONE_PAIN, {"burning", "puffed", "bled", "ratty", "faint", "grey", "gray", "blurring", "niggle"})
LONE_WORDS = _LONE_WORDS
_CLAUSE_GOES_ON = _ENDS | frozenset("and but or so when if for at all since after in on again too anymore any more "
                                    "much a lot now still though though then".split())
_PAIN_SUBJECTS = frozenset({"it", "that", "this", "which"})
_PAIN_AUX = frozenset("does did nt n't doesnt didnt never still really only just even always ever not has had "
                      "wo will would could".split())
_BURNING_BEFORE = frozenset("no the some any with and of bit little , : or".split())
_BURNING_AFTER = _ENDS | frozenset("and or but is was when whenever after on in at feeling sensation all "
                                   "has had there".split())
_PUFFED_BEFORE = frozenset("get gets got getting im i'm am was were only so very really quite bit feel felt "
                           "and , easily".split())
_PUFFED_NOT_AFTER = frozenset("up on away his her the a my their out cigarette cigar pipe chest".split())
_EXERTION_CUES = frozenset("chest breath breathless breathing stairs flight flights hill hills walk walking run "
                           "running treadmill exercise exercising rehab climb climbing bike jog jogging gym".split())
_BLED_BEFORE = frozenset("i it : , and has have had then also just she he they nipple gums nose cut".split())
_BLED_NOT_AFTER = frozenset("dry us them me him her into white money out".split())
# "picked at her skin until it bled": the extent of an act, outside the habit's span and no complaint of its own
# (GUIDELINES rule 16 and gold p214, p393)
_UNTIL = frozenset({"until", "till", "til", "untill", "'til"})
_MOOD_BEFORE = frozenset("im i'm am was is so really very bit feel felt feeling been get gets getting , : and more "
                         "quite super".split())
_MOOD_AFTER = _ENDS | frozenset("with at and all lately today recently by in".split())
_FAINT_VERBS = frozenset("go goes going went gone get gets getting got feel felt feeling feels look looked "
                         "looking looks become".split())
_FAINT_AFTER = _ENDS | frozenset("and or when whenever if after on at in while".split())
_COLOUR_VERBS = frozenset("go goes going went gone turn turns turned turning look looks looked looking".split())
_COLOURED = frozenset("he she i hes shes face skin lips baby".split())
_EYE_CUES = frozenset("eye eyes vision sight retina retinal macular macula injection injections aflibercept "
                      "lucentis eylea optician ophthalmologist glasses".split())
_BLUR_BEFORE = frozenset("the some no any this that of with and bit , :".split())
_BLUR_AFTER = _ENDS | frozenset("go goes is was has gets got in and or come comes will".split())
_NIGGLE_BEFORE = frozenset({"a", "the", "this", "that", "little"})
# Who can go faint, bleed or be ratty: a person (or an object pronoun before a bare verb, "made me go faint"); a test
# line ("the second line looks faint"), a dye ("the dye had bled"), hair or fur ("her hair is so ratty") cannot.
_PEOPLE = frozenset("i he she we they you im i'm hes shes ive i've 'm m me him us them baby son daughter husband "
                    "wife partner mum mom mam dad child kid toddler boy girl nan gran grandma grandad grandpa brother "
                    "sister hubby everyone everybody".split())
# the words between a subject and its verb: auxiliaries, degrees, aspect ("he would always go faint")
_BETWEEN = frozenset("would 'd d will wo can could might may must to always sometimes often usually nearly almost "
                     "just then also still never not nt n't do does did was is am 'm m were are be been 's s has have "
                     "had 've ve started start starts starting keep keeps kept gon na gonna going about really so "
                     "very quite bit a little super get gets got getting more tend tends seem seems seemed "
                     "used".split())
# a subject left out: the verb opens its clause or a list item ("without going faint", "side effects: bled")
_NO_SUBJECT = _ENDS | frozenset("without and or but then so when whenever if after before from of while".split())
_FEELING = frozenset("feel felt feeling feels".split())
# "a feeling of burning" is the body's whatever the story
_SENSATIONS = frozenset("feeling feelings sensation sensations".split())
_SMELLS = frozenset("smell smells smelled smelt smelling stink stinks whiff scent odour odor".split())
# what a person's hair does as they age: "i went grey at 25", "he went grey in his thirties", "went grey overnight"
_HAIR = frozenset("hair hairs beard roots temples eyebrows stubble".split())
_AGE_AFTER = frozenset("at by in before from since".split())
_AGE_WORDS = frozenset("twenties thirties forties fifties sixties teens 20s 30s 40s 50s 60s age aged young "
                       "school uni university college".split())
_EARLY = frozenset("early prematurely young overnight".split())
# a hurt of feelings: "it really hurt when she said that", "it hurt that he ignored me"
_WOUNDING = frozenset("said says say saying told tells called calls laughed laughs ignored ignores left leaves "
                      "cheated lied lies shouted yelled dumped feelings pride ego criticised criticized mocked teased "
                      "blanked snapped forgot".split())
_SENTENCE_ENDS = frozenset(". ! ? \n".split()) | {"\n"}
# a body part said to be well no longer sets up a story of pain: "my knee is fine now."
_WELL_AGAIN = frozenset("fine ok okay better healed great alright normal good".split())


def _story_names_body(spans: Spans, i: int, reach: int, words: list[str] | None = None) -> bool:
    """A body part or complaint named in the ``reach`` tokens before ``i`` (with ``words``: one not said to be well
    again, "my knee is fine now")."""
    for s in spans:
        if s[1] > i:
            break
        if i - s[1] <= reach and s[2] in ("ANATOMY", "SYMPTOM", "DISEASE"):
            if words is not None and not _WELL_AGAIN.isdisjoint(words[s[1]:min(i, s[1] + 4)]):
                continue
            return True
    return False


def _subject(words: list[str], verb: int) -> str:
    """The word before the verb at ``verb`` once its auxiliaries and degrees are passed, "" at the text start."""
    k = verb - 1
    while k >= 0 and verb - k <= 4 and words[k] in _BETWEEN:
        k -= 1
    return words[k] if k >= 0 else ""


def _personal(words: list[str], verb: int, body_ends: frozenset = frozenset()) -> bool:
    """The verb at ``verb`` has a person, a body part (its span ends before the verb) or no subject of its own."""
    k = verb - 1
    while k >= 0 and verb - k <= 4 and words[k] in _BETWEEN:
        k -= 1
    if k < 0:
        return True
    return words[k] in _PEOPLE or words[k] in _NO_SUBJECT or words[k] in _FEELING or k + 1 in body_ends


def add_lone_complaints(doc, words: list[str], spans: Spans) -> Spans:
    """``spans`` with the lay words that are a complaint on their own in their frame (round 19b)."""
    found = _LONE_WORDS.intersection(gate_hits(words))
    if not found:
        return spans
    n = len(words)
    covered = covered_tokens(spans)
    added: list[tuple[int, int, str, str]] = []
    body_ends: frozenset | None = None  # built at the first "bled" (most docs have none)
    for i in word_positions(words, found):
        if i in covered:
            continue
        word = words[i]
        before = words[i - 1] if i else ""
        nxt = words[i + 1] if i + 1 < n else ""
        concept = None
        if word in _LONE_PAIN:
            k = i - 1
            while k >= 0 and i - k <= 3 and words[k] in _PAIN_AUX:
                k -= 1
            # a hurt of the body just named ("a lump ... it doesnt hurt"), not of feelings ("it hurt when she said
            # that") nor of a part said to be well again ("my knee is fine now. it really hurt ...")
            if k >= 0 and words[k] in _PAIN_SUBJECTS and (nxt in _CLAUSE_GOES_ON or not nxt) \
                    and not _wounded_feelings(words, i) and _story_names_body(spans, k, 25, words):
                concept = PAIN
        elif word == "burning":
            # a burning of the body in its story ("i dribble after. no blood and no burning"), not a fire's ("a smell
            # of burning in the kitchen", "no burning in the garden", "some burning on the edges of the toast")
            if before in _BURNING_BEFORE and (nxt in _BURNING_AFTER or not nxt) \
                    and _SMELLS.isdisjoint(words[max(0, i - 3):i]) \
                    and (_story_names_body(spans, i, 50) or before == "of" and words[i - 2] in _SENSATIONS):
                concept = BURNING
        elif word == "puffed":
            if before in _PUFFED_BEFORE and nxt not in _PUFFED_NOT_AFTER and _near(words, i, _EXERTION_CUES, 15, 8):
                concept = DYSPNEA_ON_EXERTION
        elif word == "bled":
            # a person or a body part bled ("my gums bled", "side effects: bled on and off"); "the jeans have bled
            # onto my sofa", "the dye had bled" are colours running; "it bled" only after a body part or complaint
            if body_ends is None:
                body_ends = frozenset(sp[1] for sp in spans if sp[2] in ("ANATOMY", "SYMPTOM", "DISEASE"))
            if before in _BLED_BEFORE and nxt not in _BLED_NOT_AFTER and not (i >= 2 and words[i - 2] in _UNTIL) \
                    and (before in ("nipple", "gums", "nose", "cut") or _personal(words, i, body_ends)
                         or _subject(words, i) == "it" and _story_names_body(spans, i - 1, 25)):
                concept = BLEEDING
        elif word == "ratty":
            # a person is ratty ("ratty with everyone", "shes so ratty"); hair or fur is not ("her hair is so ratty")
            if before in _MOOD_BEFORE and (nxt in _MOOD_AFTER or not nxt) and _personal(words, i):
                concept = IRRITABILITY
        elif word == "faint":
            # a person goes or looks faint; "the second line looks faint" is a test line (a feeling is a person's)
            if before in _FAINT_VERBS and (nxt in _FAINT_AFTER or not nxt) \
                    and (before in _FEELING or _personal(words, i - 1)):
                concept = FAINTNESS
        elif word in ("grey", "gray"):
            # the person as subject, or left out after a comma in a list about them ("hes had 3 falls, goes [grey]");
            # hair near, or an age after ("i went grey at 25", "he went grey in his thirties"), is hair greying
            person = i >= 2 and (words[i - 2] in _COLOURED or words[i - 2] in (",", "and")
                                 and not _COLOURED.isdisjoint(words[max(0, i - 12):i - 2]))
            aged = nxt in _EARLY or nxt in _AGE_AFTER and any(
                w in _AGE_WORDS or w[:1].isdecimal() for w in words[i + 2:i + 5])
            if before in _COLOUR_VERBS and person and (nxt in _CLAUSE_GOES_ON or not nxt) and not aged \
                    and _HAIR.isdisjoint(words[max(0, i - 12):i + 6]):
                concept = PALLOR
        elif word == "blurring":
            if before in _BLUR_BEFORE and (nxt in _BLUR_AFTER or not nxt) and _near(words, i, _EYE_CUES, 40, 10):
                concept = BLURRED_VISION
        elif word == "niggle":
            if before in _NIGGLE_BEFORE and (nxt in _CLAUSE_GOES_ON or not nxt) and _story_names_body(spans, i, 15):
                concept = PAIN
        if concept:
            end = _burning_place_end(words, i) if word == "burning" else i + 1
            added.append((i, end, "SYMPTOM", concept))
    if not added:
        return spans
    return sorted(spans + added)


# (batch 101) Where a burning is felt, in the span as the gold has it ("[burning in chest] after eating", "[burning in
# feet]", "[burning in throat]": 4 of 4): the part right after "in" or "on", the possessive or "both" between. The
# parts are the curated lexicon's (body_words), with the back and face it leaves out as antecedents of "it".
_BURNING_ALSO = frozenset({"back", "face"})


def _burning_place_end(words: list[str], i: int) -> int:
    """The end of "burning" with the part it is felt in, or just after the word when no part follows."""
    k = i + 1
    if k < len(words) and words[k] in ("in", "on"):
        k += 1
        if k < len(words) and words[k] in LIST_FILLERS:
            k += 1
        if k < len(words) and (words[k] in body_words() or words[k] in _BURNING_ALSO):
            return k + 1
    return i + 1


def _wounded_feelings(words: list[str], i: int) -> bool:
    """A hurt whose clause goes on to what someone said or did ("it really hurt when she said that")."""
    for w in words[i + 1:i + 8]:
        if w in _SENTENCE_ENDS:
            return False
        if w in _WOUNDING:
            return True
    return False
