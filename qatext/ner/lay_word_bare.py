"""Bare everyday words that their context makes a symptom or a disease (issue 11, GUIDELINES rules 16 and 17).

A patient names a complaint with one common word once the story has set it up: "has a [temp] of 38", "kept me
out of [flares]", "[blood] every time" after the toilet, "with [clots] the size of a plum" in a heavy period,
"theres no [wax]" in an ear, "had 3 [falls] since june", "no [tear] seen" after the retina, "the [worrying] is
creeping back", "he's been [sick] twice", "the skin isnt [red] or [flaky]". The same words stay everyday words
elsewhere: "a temp job", "solar flares", "gave blood", "it flares with dry weather", "candle wax", "niagara
falls", "shed a tear", "a worrying sign", "sick of it", "the car isnt red".

Each word has a frame of word classes around it (what may come before and after) and, for the words with a
common everyday sense, a cue of its subject nearby (the toilet for "blood", a period for "clots", an ear for
"wax", an eye or a joint for "tear"). :func:`add_bare_words` only looks at a doc that holds one of
:data:`WORDS` (the recognizer's gate), and then only at those words.
"""
from __future__ import annotations

import re
from functools import lru_cache

from qatext.ner.lexicon import drug_kind_rows
from qatext.ner.span_rules import Spans, covered_tokens, gate, gate_hits, word_positions, word_set

FEVER = "HP:0001945"
FLARE = "QATEXT:disease/flare"
# Blood passed or brought up takes the concept of where it came from (the nearest cue word).
HEMATURIA = "HP:0000790"
HEMATOCHEZIA = "HP:0002573"
HEMOPTYSIS = "HP:0002105"
HEMATEMESIS = "HP:0002248"
BLOOD_SUGAR = "QATEXT:test/blood-sugar-test"
CAFFEINE = "DRUGBANK:DB00201"
EAR_TUBES = "QATEXT:treatment/ear-tubes"
FIBER = "DRUGBANK:DB11097"
MENORRHAGIA = "HP:0000132"
CERUMEN = "ICD10CM:H61.20"
FALLS = "HP:0002527"
RETINAL_BREAK = "ICD10CM:H33.30"
FLOATERS = "HP:0100832"
INJURY = "ICD10CM:T14.90"
ANXIETY = "HP:0000739"
VOMITING = "HP:0002013"
BRAIN_FOG = "HP:0033630"
BODY_COMPLAINT = "QATEXT:symptom/body-part-complaint"
HALLUCINATIONS = "HP:0000738"
ACNE = "ICD10CM:L70.9"
STIMULANT_CRASH = "QATEXT:symptom/stimulant-crash"
HYPOGLYCEMIA = "HP:0001943"
WEARING_OFF = "QATEXT:symptom/wearing-off"
DIABETES_TYPES = {"1": "ICD10CM:E10", "2": "ICD10CM:E11", "one": "ICD10CM:E10", "two": "ICD10CM:E11"}

_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten several few couple".split())


def _is_number(word: str) -> bool:
    return word.replace(".", "", 1).isdecimal() or word in _NUMBER_WORDS


def _is_time(words: list[str], k: int) -> bool:
    """An hour at ``k``: the end of "4pm" ("4" + "pm") or an hour written as one token ("5pm")."""
    if k < 0:
        return False
    word = words[k]
    if word in ("pm", "am"):
        return k >= 1 and words[k - 1].isdecimal()
    return word[-2:] in ("am", "pm") and word[:-2].isdecimal()


def _own_type(words: list[str], i: int, before: str) -> bool:
    """The type at ``i`` is the writer's or a relative's: after "has", "my", a review's rating, the writer's age and sex
    ("54F, type 2"); not a type in a list ("type 1 and type 2"), a heading ("Type 1: ...") nor a type of a named
    condition ("Crigler Najjar syndrome, type 1")."""
    if "type" in words[max(0, i - 40):i] or i + 2 < len(words) and words[i + 2] == ":":
        return False  # a list of types, or a heading: a classification ("type 1 (PCH1) and type 2", "Type 1: ...")
    if before == ",":
        return i >= 2 and bool(_AGE_SEX.fullmatch(words[i - 2]))
    return before in _OWN_TYPE_BEFORE or bool(_RATING.fullmatch(before))


def _near(words: list[str], i: int, cues: frozenset, before: int, after: int) -> bool:
    return not cues.isdisjoint(words[max(0, i - before):i + after + 1])


def _disease_before(spans: Spans, i: int, reach: int) -> bool:
    """A DISEASE ends within ``reach`` tokens before ``i``."""
    return any(span[2] == "DISEASE" and i - reach <= span[1] <= i for span in spans)


# --- temperature: "has a [temp] of 38", "running a [temperature]" -------------------------
TEMPS = frozenset({"temp", "temperature", "temps", "temperatures"})
_HAVING = frozenset("had has have having got get gets getting run running runs ran with developed spiked "
                    "spiking spike spikes 've still".split())
# The one "a" person has; not "the temperature outside". "his temp was 38.4" is a reading, the TEST
# (lay_amounts.add_measured_values), so the rule takes only the temperature someone has.
_TEMP_OWNERS = frozenset({"a"})
_READING_VERBS = frozenset("of is was at hit reached been went spiked".split())
# After "a temp": the clause goes on; a noun here makes "temp" the job ("a temp job", "a temp agency").
_TEMP_AFTER = frozenset(". , ; : ! ? and but so since for all again last this over on in at yesterday today "
                        "tonight now too which that with after overnight".split()) | {"\n", ""}


def _fever_reading(words: list[str], k: int) -> bool:
    """A number at ``k`` that is a fever in Celsius (>= 37.5) or Fahrenheit (>= 99.5)."""
    try:
        value = float(words[k])
    except (ValueError, IndexError):
        return False
    return 37.5 <= value <= 43 or 99.5 <= value <= 108


def _temperature(words: list[str], i: int) -> bool:
    before = words[i - 1] if i else ""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if before == "no" and nxt in _TEMP_AFTER:
        return True  # (round 50) "snuffly but [no temperature]": a fever denied (the gold's 4 misses)
    if before not in _TEMP_OWNERS:
        return False
    # "a temp of 38", "a temperature of 38.4"
    k = i + 1
    while k < len(words) and k - i <= 3 and words[k] in _READING_VERBS | {"up", "to", "about", "around", "over"}:
        k += 1
    if k > i + 1 and k < len(words) and _fever_reading(words, k):
        return True
    # "had a temp", "running a temperature since tuesday", "with a bit of a temperature" (no reading: having one is
    # the fever)
    owner = i - 5 if words[max(0, i - 4):i - 1] == ["a", "bit", "of"] else i - 2
    if owner < 0 or owner != i - 2 and words[owner] == "with" and (owner < 1 or words[owner - 1] != ","):
        return False  # ("red wine is nicer with a bit of a temperature"; ", with a bit of a [temperature]" adds a fever)
    return before == "a" and words[owner] in _HAVING and nxt in _TEMP_AFTER


def _listed_temperature(words: list[str], i: int, problem_ends: set[int]) -> bool:
    """"pain in the lower left side, a [temperature] and ...": "a temperature" listed after a complaint (one ending
    at most 6 words before the list mark: its location may join it later) is a fever."""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    return i >= 3 and words[i - 1] == "a" and words[i - 2] in (",", "and") and nxt in _TEMP_AFTER \
        and not problem_ends.isdisjoint(range(i - 8, i - 1))


# --- flares as a noun: "my [flares] come every 2 weeks", "kept me out of [flares]" -------------------------------
# Before the noun: a determiner, a preposition or an amount; "it flares with the weather" is the verb.
_FLARE_BEFORE = frozenset("my his her their our your the these those no of between frequent more fewer less get gets "
                          "getting any bad worse regular monthly few many several occasional recurrent recurring "
                          "constant daily weekly big major minor mild severe".split())
# (round 38) Verbs and prepositions before the noun that fit flares of other things too ("set off flares on the
# beach", "shop for flares"): only with a disease named shortly before ("gout attacks ... can set off [flares]",
# "his eczema ... cream for [flares]").
_FLARE_BEFORE_NEAR_DISEASE = frozenset("off for during prevent prevents avoid trigger triggers cause causes".split())
_FLARE_DISEASE_REACH = 50
# The verb, after "to" or a modal: "it can flare in winter", "tends to flare when im stressed" (no flare named)
_FLARE_VERB_BEFORE = frozenset("to can could may might will would does did do not n't nt never often usually sometimes "
                               "always".split())
# "to" makes "flare" the verb only after a verb that takes it ("from flare to flare", "back to flare mode" are nouns)
_FLARE_TO_VERBS = frozenset("tend tends tended seem seems seemed start starts started begin begins began going likely "
                            "want wants used continue continues continued".split())
_PROBLEMS = frozenset({"DISEASE", "SYMPTOM"})

# --- blood after the toilet: "[blood] every time", "a urologist for the [blood]" ---------------------------------
_BLOOD_BEFORE = frozenset("and no some any the theres see saw seen seeing noticed notice noticing of with , : fresh bright "
                          "red dark more less passing passed pass also still".split())
# After the word, the clause goes on ("blood every time", "blood when i wipe") or ends; a noun makes a compound
# ("blood test", "blood sugar", "blood donor").
_BLOOD_AFTER = frozenset(". , ; : ! ? every each in on at when after with and or but again too all since mixed "
                         "sometimes still most both".split()) | {"\n", ""}
# Where blood is a finding: passed with pee or poo, coughed, wiped, vomited, or from a named bleeding organ.
_URINE_CUES = frozenset("pee peeing wee weeing urine urinating urologist dip uti cystitis bladder".split())
_COUGH_CUES = frozenset("cough coughing coughed spit spitting phlegm mucus sputum".split())
_VOMIT_CUES = frozenset("vomit vomiting vomited puke puking".split())
_STOOL_CUES = frozenset("poo pooing poop pooping stool stools toilet wipe wiping wiped bathroom loo bowel bowels "
                        "diarrhoea diarrhea colitis uc ibd crohns crohn piles haemorrhoids hemorrhoids bum bottom".split())
_BLEEDING_CUES = _URINE_CUES | _COUGH_CUES | _VOMIT_CUES | _STOOL_CUES
_BLOOD_CONCEPTS = ((_URINE_CUES, HEMATURIA), (_COUGH_CUES, HEMOPTYSIS), (_VOMIT_CUES, HEMATEMESIS),
                   (_STOOL_CUES, HEMATOCHEZIA))


def _blood_concept(words: list[str], i: int) -> str:
    """The concept of the cue word nearest to the blood at ``i``."""
    best, concept = None, HEMATOCHEZIA
    for k in range(max(0, i - 40), min(len(words), i + 11)):
        for cues, cue_concept in _BLOOD_CONCEPTS:
            if words[k] in cues and (best is None or abs(k - i) < best):
                best, concept = abs(k - i), cue_concept
    return concept

# --- clots in a period: "with [clots] the size of a plum" --------------------------------------------------------
_PERIOD_CUES = frozenset("period periods bleeding flow tampon tampons pad pads menstrual heavy flooding flood "
                         "menorrhagia fibroids fibroid".split())
# A worry or a risk of clots is no finding: "the pill raises the risk of clots".
_NOT_CLOT_BEFORE = frozenset("of about for prevent preventing against risk blood".split())

# --- wax in an ear: "theres no [wax]", "full of [wax]" ----------------------------------------------------------
_EAR_CUES = frozenset("ear ears hearing deaf syringing syringe microsuction tinnitus tinitus muffled "
                      "otoscope eardrum eardrums".split())
_WAX_BEFORE = frozenset("no some any of the much more excess hard impacted lots lot built build".split())
_WAX_NOT_AFTER = frozenset("strip strips candle candles crayon crayons job museum melt melts seal jacket".split())

# --- falls of a person: "has had 3 [falls] since june", "her [falls] are getting more frequent" ----------------
_FALLS_BEFORE = frozenset("had has have having several many few recurrent frequent more repeated multiple her his "
                          "their any no of two three four five six seven eight nine ten "
                          # a carer's worry: "I worry about [falls]", "to prevent [falls]"
                          "about prevent preventing avoid avoiding".split())
# (round 48) Whose falls are told with a possessive: an older relative's, a patient's
_FALLERS = frozenset("dad dads mum mums mom moms mother mothers father fathers gran granny grandma grandad grandpa "
                     "nan nana nanna husband husbands wife wifes patient patients".split())
# After the verb "falls": "she falls asleep", "it falls on a monday", "her hair falls out".
_FALLS_NOT_AFTER = frozenset("asleep off out over down apart behind ill on under into in through short back silent "
                             "flat pregnant victim prey within outside to between upon".split())

# (round 27) One fall of a person: "had a [fall]", "after another [fall]", "her [fall] on the stairs"; not a season ("in
# the fall", "this fall", "last fall semester"), a drop ("a fall in her platelets", "his fall in weight"), an idiom ("a
# fall from grace", "a fall of snow", "take a fall for the team") nor "fall asleep" / "fall pregnant" / "fall behind".
# before "a fall"; "of": "afraid of a [fall] at night", "the risk of a [fall]"
_A_FALL_OPENERS = frozenset("had has have having after since bad nasty big of".split())
_FALL_OWNERS = frozenset("her his my their".split())
_WHERE_ONE_FALLS = frozenset("on down from off at last yesterday".split())  # after the fall: where or when
# "in" only before a place one falls in: "a fall in the bathroom" (not "a fall in the market", "a fall in sodium")
_FALL_IN_PLACES = frozenset("bathroom shower bath garden kitchen street road house home hospital night care toilet "
                            "hallway hall lounge bedroom car park playground".split())
_FALL_CAUSERS = frozenset("make makes making made let lets letting cause causes causing caused help saw see "
                          "watched".split())
_NOT_A_FALL_AFTER = frozenset("semester season term break day days morning evening colours colors leaves".split())
_NOT_A_FALL_AFTER_VERB = _FALLS_NOT_AFTER - {"on", "off", "down", "in"}  # "fall asleep", "fall behind"
# Someone who keeps falling: "Mum keeps [falling]", "he has been [falling] a lot"; a person must be the subject ("his
# grades kept falling", "her oxygen keeps falling" are measures).
_FALLING_BEFORE = frozenset("keeps kept keep been started starting always".split())
_NOT_FALLING_AFTER = _FALLS_NOT_AFTER | {"for"}
_FALLERS = frozenset("i he she they we mum mom mam dad nan nana gran granny grandma grandad grandpa husband wife son "
                     "daughter baby toddler kid child ds dd dh patient father mother".split())


def _a_fall(words: list[str], i: int, before: str, nxt: str) -> bool:
    """Whether "fall" at ``i`` is a person's fall (the noun), from the words around it."""
    if nxt in _NOT_A_FALL_AFTER or nxt in _NOT_A_FALL_AFTER_VERB or nxt == "of" or words[i + 2:i + 3] == ["grace"]:
        return False
    if nxt == "in" and not (words[i + 2:i + 3] == ["the"] and words[i + 3:i + 4] and words[i + 3] in _FALL_IN_PLACES):
        return False
    if before == "another" or before == "a" and i >= 2 and words[i - 2] in _A_FALL_OPENERS:
        return True  # "had a fall", "after a fall", "another fall"
    if i >= 2 and words[i - 2] in _FALL_CAUSERS:
        return False  # "making her fall": the verb
    if before == "the":
        return nxt in ("on", "down", "from", "off")  # "the fall down the stairs"
    return before in _FALL_OWNERS and (nxt in _WHERE_ONE_FALLS or nxt == "in")  # "her fall on the ice"


def _someone_falling(words: list[str], i: int) -> bool:
    """Whether "falling" at ``i`` is a person falling over again and again: "Mum keeps [falling]"."""
    return words[i - 1] in _FALLING_BEFORE and (i + 1 >= len(words) or words[i + 1] not in _NOT_FALLING_AFTER) \
        and not _FALLERS.isdisjoint(words[max(0, i - 6):i - 1])


# --- a tear of the retina or a joint: "no [tear] seen", "a small [tear] in the meniscus" --------------------------
_EYE_CUES = frozenset("retina retinal detachment vitreous floater floaters flashes optician ophthalmologist "
                      "eye eyes".split())
_JOINT_CUES = frozenset("meniscus meniscal ligament ligaments acl mcl tendon tendons rotator cuff labrum labral "
                        "cartilage mri knee shoulder hip ankle achilles hamstring".split())
_TEAR_BEFORE = frozenset("a no the small tiny partial full little any large big possible".split())
_TEAR_AFTER = frozenset(". , ; : ! ? seen found in and or was is so there showed on either".split()) | {"\n", ""}
# "shed a tear", "wiped a tear away": crying.
_CRYING = frozenset("shed shedding wiped wipe cried crying single".split())
_CRYING_AFTER = frozenset("rolled ran running fell streaming down away".split())

# --- one floater in the eye: "a new [floater] in my vision" ("floaters" is the lexicon's; "the floater on the
# ward" is a nurse who moves between wards) -----------------------------------------------------------------------
_SIGHT_CUES = frozenset("eye eyes vision sight retina retinal vitreous optician optometrist ophthalmologist flashes "
                        "detachment".split())

_EYE_OWNERS = frozenset("my his her their your the one".split())


def _eye_tail(words: list[str], k: int) -> int:
    """The end of "in my (left|right) eye" starting at ``k``, or ``k`` when no eye follows."""
    if words[k:k + 1] != ["in"] or k + 2 >= len(words) or words[k + 1] not in _EYE_OWNERS:
        return k
    j = k + 2
    if words[j] in ("left", "right"):
        j += 1
    return j + 1 if j < len(words) and words[j] in ("eye", "eyes", "vision") else k


# --- worrying as the complaint: "the [worrying] is creeping back" -------------------------------------------------
_WORRY_BEFORE = frozenset("the my her his their constant all this endless nonstop".split())
# After it a verb or the clause's end; "the worrying thing is" is the adjective.
_WORRY_AFTER = frozenset("is was has gets got keeps kept 's and , . ! ? never started starts comes came creeping "
                         "stops stopped eased easing back has".split()) | {"\n", ""}

# --- "been sick" as vomiting: "he's been [sick] twice", "i've been [sick] in the night" --------------------------
_SICK_AFTER = frozenset("twice once everywhere overnight again after".split())
# (round 36) "sick" as vomiting without "been": how often ("[sick] 15 times yesterday", "[sick] most mornings"), after
# a complaint it is listed with ("dizzy and [sick]", "constipated and [sick]"), or after "be" and "always" ("dont want
# to be [sick] all night", "im always [sick] on boats"); never "sick of", "sick tho", "so sick", nor after "is" or "off"
# ("is sick most mornings", "off sick 3 times": ill, or slang)
_SICK_OFTEN = frozenset("most every all each".split())
_SICK_TIMES = frozenset("morning mornings day days night nights time evening evenings".split())
_SICK_NOT_AFTER = frozenset("of tho though to with".split())
_ILL_BEFORE = frozenset("is was are were s 's off home called".split())

# --- blood sugar readings of a diabetic: "my [sugars] have been all over the place", "GP checked my [sugar]" ------
SUGARS = frozenset({"sugar", "sugars", "suger", "sugers"})
_DIABETES_CUES = frozenset("diabetes diabetic diabeties diabetis diabetus prediabetes prediabetic type t1 t2 t1d t2d "
                           "metformin metforman insulin a1c hba1c glucose ozempic jardiance januvia glipizide "
                           "gliclazide cgm libre dexcom meter mounjaro trulicity victoza lantus levemir novorapid "
                           "humalog tresiba toujeo fiasp hypo hypos".split())
_SUGAR_BEFORE = frozenset("my his her their your our morning fasting night bedtime checked check checks checking "
                          "test testing tested monitor monitoring . , : ;".split()) | {"\n", ""}
# After the reading, a verb of its level or a level word; "sugar free", "sugar in my tea" are the food.
_SUGAR_AFTER = frozenset("are were have has 's is was way still all running high low level levels readings reading "
                         "went go goes up down spike spikes spiking spiked dropped drop drops crashing crashed "
                         "creeping better worse to around back been keep keeps stable under over at fine normal "
                         "too before after today yesterday again and this last . , ! ?".split()) | {"\n", ""}

# --- (round 45) heartburn's bare "burning": the words of acid near, an article or "still" before, a verb or a stop after
HEARTBURN = "ICD10CM:R12"
_ACID_CUES = frozenset("reflux heartburn gastritis omeprazole omeprazol lansoprazole pantoprazole esomeprazole "
                       "ppi ppis gaviscon rennie indigestion gerd gord oesophagus esophagus breastbone".split())
_BURNING_BEFORE = frozenset("the still and no less , constant".split())
# (round 48) in a post about nerve pain, the burning is that pain's: "cymbalta took the [burning] from an 8 to a 3"
_NERVE_CUES = frozenset("neuropathy neuropathic nerve nerves gabapentin gabapentine lyrica pregabalin cymbalta cymbalata "
                        "duloxetine amitriptyline shingles sciatica".split())
PARESTHESIA = "HP:0003401"
_BURNING_AFTER = frozenset("eased eases easing has had is was went goes gone stopped stops came comes got gets after "
                           "from down away "
                           "when every most and but settled ever never".split())

# --- (round 49) the gut's "wind", where its own frame says so and never from the post's topic alone ("a walk against
# the wind" in a post about IBS is the weather's): an amount of it with gut words near ("a bit of [wind] at first",
# "loads of [wind]"), listed beside a gut complaint ("loose stools, [wind]", "[wind] and bloating"), or a medicine's
# effect ("gave me [wind]", "causes [wind]")
FLATULENCE = "HP:0033589"
_GUT_COMPLAINTS = frozenset("bloating bloated burping burps belching cramps cramping diarrhea diarrhoea constipation "
                            "constipated loose stools bowels nausea indigestion heartburn reflux farting farts "
                            "colic".split())
_GUT_CUES = _GUT_COMPLAINTS | frozenset("stomach tummy belly gut guts bowel ibs burp stool poo metformin fibre fiber "
                                        "nauseous".split())
_WIND_AMOUNTS = frozenset("bit lot lots loads load tons ton plenty".split())
_WIND_CAUSES = frozenset("gives gave give giving cause causes caused causing".split())
_WIND_CAUSED_TO = frozenset("me him her us them".split())
_WIND_LISTS = frozenset({",", "and", "&", "/"})
_WIND_AFTER = frozenset(". , ; ! ? and that like but too at all which from after since when every most".split()) \
    | {"\n", ""}
# a gust, a storm, a dryer that blows it: the weather's or the air's (words that speak of nothing else; "walk" or "run"
# are in gut posts too: "cant go for a walk without farting", "run to the loo")
_WEATHER_WORDS = frozenset("weather windy rain raining storm stormy blowing blew blow blows gust gusts gale breeze chill "
                           "sunny snow hail waves sail sailing kite drone hurricane trees dryer pressure warming".split())


def _gut_wind(words: list[str], i: int, before: str, nxt: str, spans: Spans) -> bool:
    n = len(words)
    if nxt not in _WIND_AFTER or _near(words, i, _WEATHER_WORDS, 12, 8):
        return False
    if before == "of" and i >= 2 and words[i - 2] in _WIND_AMOUNTS:
        return _near(words, i, _GUT_CUES, 40, 25) or _near(words, i, _WIND_CAUSES, 6, 0)
    if before in _WIND_LISTS and i >= 2 and words[i - 2] in _GUT_COMPLAINTS \
            or nxt in _WIND_LISTS and i + 2 < n and words[i + 2] in _GUT_COMPLAINTS:
        return True  # listed
    caused = before in _WIND_CAUSES or before in _WIND_CAUSED_TO and i >= 2 and words[i - 2] in _WIND_CAUSES
    return caused and (_near(words, i, _GUT_CUES, 40, 25) or any(s[2] == "DRUG" and i - 8 <= s[1] <= i for s in spans))


# --- (round 49) a limp told as hobbling, by a person and not done to a thing: "im [hobbling] round the classroom", "had
# me [hobbling] for 5 days", "[hobbled] the last mile home"; not "sanctions have hobbled the economy", "the rules are
# hobbling small businesses" (HPO's "Limp" is a synonym of Antalgic gait)
ANTALGIC_GAIT = "HP:0031955"
_HOBBLES = frozenset("hobble hobbles hobbling hobbled".split())
_PASSIVE_AUXILIARIES = frozenset("was were is are be been being get gets got".split())
_HOBBLE_AFTER = frozenset("around round about home to back along off over up down into out for in across from with "
                          "since after . , ; ! ? and but like".split()) | {"\n", ""}
# who hobbles, a few words before: "im [hobbling]", "had me [hobbling]", "dad [hobbles] about" (not "the economy is
# hobbling along", "the car hobbled home")
_HOBBLERS = frozenset("i im 'm me he she him her we they you who mum mom dad son daughter husband wife grandma "
                      "grandad been".split())

# --- a complaint named again by its last word: "hot flushes ... the [flushes] have gone", "brain fog ... the [fog]" --
# (round 36) Only heads that are no complaint on their own, so that the earlier mention decides: "fog" on the road or
# "flashes" of a camera stay what they are where no "brain fog" or "hot flashes" came before.
_ANAPHORIC_HEADS = frozenset("flushes flashes sweats fog zaps fit fits lice".split())
_ANAPHOR_BEFORE = frozenset("the my her his their and , or no those these less fewer of still more any some".split())
# (round 40) "fog" named first as a medicine's ("does the [Lyrica] [fog] lift?") or in a story of a foggy, forgetful
# mind ("memory problems ... the cramps and the [fog] were gone") has no "brain fog" before it; the road's fog has
# neither.
_FOG_CUES = frozenset("forgetful forgetting forgetfulness forget remember memory concentrate concentration concentrating "
                      "fibro fibromyalgia".split())
_FOG_REACH = (30, 10)  # words before and after "fog" in which a cue counts
# (round 48) a fog that lifts in a story of medicines: "switched to armour 90mg and within 6 weeks the [fog] lifted"
_FOG_LIFTING = frozenset("lifted lifts lift lifting cleared clears clearing".split())
_FOG_MEDICINE_REACH = 40  # tokens before "fog" in which the medicine is named (not a coffee on the beach)
# (round 48) the flushes of the menopause, named first by it or its treatment rather than as "hot flushes"
_HOT_HEADS = frozenset({"flushes"})  # (not "flashes": "the flashes in my left eye" on HRT are the eye's)
_MENOPAUSE_CUES = frozenset("menopause menopausal perimenopause perimenopausal meno peri hrt oestrogen estrogen estradiol "
                            "utrogestan progesterone evorel oestrogel sandrena".split())
HOT_FLASHES = "HP:0031217"
# Where the weather's fog is: "drove through the fog", "walked in the fog"; what it does: "the fog on the hills".
_WEATHER_FOG_BEFORE = frozenset("through into in".split())
_WEATHER_FOG_AFTER = frozenset("on over rolled rolling outside came".split())
# "fit" is also an adjective ("healthy and fit", "still fit and well"): named again only after a determiner
_FIT_BEFORE = frozenset("the my her his their those these another a".split())

# --- Monster, the energy drink: "drinks 3 [monsters] a day" ----------------------------------------------------
_MONSTERS = frozenset({"monster", "monsters"})
_DRINK_WORDS = frozenset("drink drinks drank drinking had have having cans can energy caffeine coffee day".split())
_MONSTER_BEFORE = frozenset("a drink drinks drank drinking had have of or and , 2 3 4 5 6 two three four five "
                            "six".split())
_MONSTER_AFTER = frozenset("a per each every after before , . and or energy ? ! daily at in".split()) | {"\n", ""}

# --- ear tubes said as "tubes" once the ear is in the story: "ENT mentioned [tubes]" -------------------------------
_EAR_STORY = frozenset("ear ears ent infections infection grommets glue otitis".split())
_TUBES_BEFORE = frozenset("about mentioned get getting got had has have need needs put for considering recommended "
                          "suggested discussed and her his the new second 2nd of".split())

_THROUGH = frozenset("down up through into along".split())

# --- fibre taken for the bowels: "add [fiber] and stool softeners" -------------------------------------------------
_FIBRES = frozenset({"fiber", "fibre"})
_FIBRE_BEFORE = frozenset("add added adding take taking took more extra + and & some soluble try trying".split())
_FIBRE_NOT_AFTER = frozenset("optic optics glass broadband internet connection cable cables".split())

# --- a relapse of a known disease (MS's word for a flare): "is this a [relapse] or a [pseudo-relapse]" -------------
_RELAPSES = frozenset({"relapse", "relapses"})
_RELAPSE_BEFORE = _FLARE_BEFORE | frozenset("a new another first last".split())

# --- the voices of a psychosis: "the [voices] are quieter" on an antipsychotic -------------------------------------
_PSYCHOSIS_CUES = frozenset("schizophrenia schizoaffective psychosis psychotic antipsychotic antipsychotics "
                            "olanzapine zyprexa clozapine clozaril risperidone risperdal quetiapine seroquel "
                            "aripiprazole abilify haloperidol paliperidone invega hallucinations paranoia "
                            "paranoid".split())
_VOICES_AFTER = frozenset("are were have had is 's quieted quietened quieter stopped gone came come came back louder "
                          "telling told started returned".split())

# --- the purge of a retinoid: "the [purge] has officially arrived" --------------------------------------------------
_RETINOID_CUES = frozenset("tretinoin tret differin adapalene retinol retinoid retinoids retin-a epiduo isotretinoin "
                           "accutane roaccutane acne whiteheads breakouts".split())

# --- the crash of a stimulant: "then the [crash] hits hard" --------------------------------------------------------
_STIMULANT_CUES = frozenset("adderall adderal aderall adderol addy vyvanse vyvance elvanse ritalin concerta focalin "
                            "dexedrine methylphenidate dexamphetamine dexamfetamine lisdexamfetamine amphetamine "
                            "amphetamines stimulant stimulants modafinil caffeine".split())
_CRASH_NOT_AFTER = frozenset("test tests course diet diets helmet pad pads landing cart site into my his her their our car "
                             "bike".split())  # (a crash into something, or of one's car, is a collision)
# before a stimulant's crash besides an article: "a hard [crash]", "no [crash] to speak of" (round 38)
_STIMULANT_CRASH_BEFORE = frozenset("the a my no hard afternoon evening any this weird total".split())
# The crash as what the person does (round 50): "i [crash] for 2 days", "around 5pm he [crashes]", "im [crashing] hard",
# "[crashed] after a wedding": the verb after its subject, or opening the post.
CRASH_VERBS = frozenset({"crash", "crashes", "crashed", "crashing"})
_CRASHERS = frozenset("i he she we they m 'm im am".split())
# After the verb, what makes it a collision, a crash of a thing or a place to sleep: "crashed the car", "crashed at a
# friend's", "crashed and burned"
_CRASHED_OBJECTS = frozenset("the a an at and into my his her their our".split())
# --- the crash of ME/CFS or long covid (post-exertional malaise): "the [crash] comes 2 days later" ---------------
# (the disease's own words: "fatigue" or "covid" alone come with crashes of cars and markets too; "ME" counts only in
# capitals, since the words are lower-cased: see _near_exertion)
_EXERTION_CUES = frozenset("me/cfs cfs pem pacing spoons spoonie exertion post-exertional bedbound housebound "
                           "long-covid fibro fibromyalgia pots".split())
_CRASH_BEFORE = frozenset("the a my proper big day days this your no total weird".split())
POST_EXERTIONAL = "HP:0030973"


def _near_exertion(doc, words: list[str], i: int) -> bool:
    """A word of ME/CFS or long covid within 60 words before ``i`` or 20 after: its own words, "ME" in capitals, or
    "long covid"."""
    lo, hi = max(0, i - 60), min(len(words), i + 21)
    window = words[lo:hi]
    if not _EXERTION_CUES.isdisjoint(window):
        return True
    return any(word == "me" and doc[k].text == "ME" or word == "covid" and k and words[k - 1] == "long"
               for k, word in enumerate(window, lo))


# --- a diabetic's lows: "a [low] of 54", "[low] at 3am", "treating [lows]" -------------------------------------------
_LOW_AFTER = frozenset("of at ( , . ! ? overnight last in during this after before and".split()) | {"\n", ""}
_LOWS_BEFORE = frozenset("having have had treat treating these the my his her of for night nighttime frequent more any "
                         "no bad scary many constant".split())

# --- a dose wearing off (GUIDELINES section 6: "is that [wearing off]?"); a side effect that wears off is no entity --
_DOSE_CUES = frozenset("dose doses dosing meds medication tablet tablets pill pills levodopa sinemet madopar "
                       "adderall vyvanse ritalin concerta".split())
_WEARING = frozenset({"wearing", "wears", "wore"})
# What wears off as a dose does, right before the verb: "each dose wears off", "this one wears off", "it wore off"
# (not "the coating on the tablet wore off", "the novelty of taking pills wore off")
_DOSE_SUBJECTS = frozenset("dose doses one it they meds med medication medicine pill pills tablet tablets".split())
_PREPOSITIONS_OF_A_PART = frozenset("on of from with in".split())
_DETERMINERS = frozenset("the a an my his her their your this that each every".split())


@lru_cache(maxsize=1)
def _substances() -> frozenset[str]:
    """Concepts the lexicon's drug kinds call substances: drinks and smokes wear off too, but their fading is no
    dose's ("the coffee wore off", "the beer wore off by morning")."""
    return frozenset(key for key, kind in drug_kind_rows().items() if ":" in key and kind == "substance")


def _medicine_within(spans: Spans, i: int, reach: int) -> bool:
    """A medicine (a DRUG that is no drink or smoke) named in the ``reach`` tokens before ``i``."""
    return any(span[2] == "DRUG" and i - reach <= span[0] < i and span[3] not in _substances() for span in spans)


def _medicine_before(spans: Spans, i: int) -> bool:
    """A medicine, no substance, is named right before ``i``."""
    return any(span[1] == i and span[2] == "DRUG" and span[3] not in _substances() for span in spans)


def _a_dose_wears_off(words: list[str], i: int, spans: Spans) -> bool:
    """The subject of "wears/wore off" at ``i`` is a dose or a medicine, and no complaint fades before it ("the
    brain fog from the meds wore off")."""
    if not (words[i - 1] in _DOSE_SUBJECTS or _medicine_before(spans, i)):
        return False
    k = i - 2
    if k >= 0 and words[k] in _DETERMINERS:
        k -= 1
    if k >= 0 and (words[k] in _PREPOSITIONS_OF_A_PART or words[k].endswith("ing")):
        return False  # "the coating on the tablet wore off", "the novelty of taking pills wore off": no subject
    return not any(span[2] == "SYMPTOM" and i - 8 <= span[1] <= i for span in spans)
_FADING_SUBJECTS = frozenset("side effect effects nausea drowsiness tiredness numbness anaesthetic anesthetic "
                             "swelling".split())

# --- an insulin pump named by its last word in a diabetic's post: "3 weeks on the [pump]", "my [pump] alarmed" ---------
_PUMPS = frozenset({"pump"})  # (not "pumps": shoes as often)
INSULIN_PUMP = "QATEXT:treatment/insulin-pump"
_PUMP_BEFORE = frozenset("the my a an her his their new old".split())
_PUMP_NOT_AFTER = frozenset("up out iron gas station room action it of at".split())
_PUMP_BRANDS = frozenset({"omnipod", "tandem", "medtronic"})
_PUMP_CUES = _DIABETES_CUES | SUGARS | _PUMP_BRANDS

# --- a diabetes type said alone: "i've been [type 2] for 12 yrs", "metformin for my [type 2]" ----------------------
_TYPE_BEFORE = frozenset("been am im 'm m for with a my his her have has had is was being diagnosed got this or , ( "
                         # "22 yrs of [type one]", "... later. [type 2] for 6 years here" (round 38)
                         "of . ! ? ; :".split()) \
    | {"", "\n"}  # "" : the text's first word ("type 1 for 11 yrs ...")
# what speaks for diabetes besides the type itself: its drugs, tests, sugars and pump ("im [type 1] and on a pump")
_TYPE_CUES = (_PUMP_CUES | {"pump", "pumps"}) - {"type"}
# a review's rating before it: "Lantus + Humalog, 8/10 [type 1] for 20 years"
_RATING = re.compile(r"\d{1,2}/(5|10)")
# "type 2 on metformin", "type 1 or type 2?"
_TYPE_AFTER = frozenset(". , ; : ! ? for since and but diabetic so too now last when after at in on or ( dx diagnosed "
                        "as diagnosis myself \n".split()) | {""}
# (round 50) A type said of oneself or a relative needs no other word of diabetes: "Mum has CKD and [type 2]", "54F,
# [type 2] for 6 years", "I have [type 2] and high blood pressure" (in patients' words a bare type is diabetes's,
# the gold's 11 misses) unless another typed condition or scale is near: "bipolar type 2", "HSV type 1",
# "Bristol type 1", "skin type 2".
_OWN_TYPE_BEFORE = frozenset("has have had am im 'm m my his her and".split())
_AGE_SEX = re.compile(r"\d{1,3}(m|f|yo|y/o)?|m|f|male|female")  # "54F, [type 2] for 6 years"
_OTHER_TYPED = frozenset("bipolar narcolepsy herpes hsv hpv eds ehlers danlos hypermobility sma nf neurofibromatosis "
                         "chiari respiratory fibre fibres fiber fibers error errors hypersensitivity allergy collagen "
                         "fitzpatrick skin stool stools poo poop bristol personality willebrand vwd "
                         "endoleak osteogenesis gaucher pompe usher cmt charcot mobitz pacemaker block hypomania "
                         "hypomanic manic mania mood lithium lamotrigine lamictal sores".split())

# --- a body part's negated findings: "the skin there isnt [red] or [flaky]" -------------------------------------
SKIN_FINDINGS = frozenset("red flaky itchy swollen sore hot tender painful inflamed bruised scaly crusty weeping "
                          "blistered cracked peeling lumpy bumpy raised warm numb".split())
_NEGATED_COPULAS = frozenset("isnt wasnt arent werent".split())
_COPULA_FOR_NOT = frozenset("is was are were".split())
_PLACE_ADVERBS = frozenset({"there", "here", "around", "underneath"})
_LOCATING = frozenset("on in at of under behind around near over above below".split())

# "isnt" is one token or two ("is", "nt"), "isn't" two ("is", "n't")
_SPLIT_NOTS = frozenset({"not", "n't", "nt"})
_NEGATIONS = _NEGATED_COPULAS | _SPLIT_NOTS
WORDS = gate(TEMPS, SUGARS, _MONSTERS, _FIBRES, _RELAPSES, _PUMPS, {"flare", "flares", "blood", "clots", "wax", "falls", "tear",
                                                             "worrying", "sick", "floater", "tubes", "voices", "purge",
                                                             "low", "lows", "type", "fall",
                                                             "falling", "burning", "wind"}, _HOBBLES, _WEARING,
             _ANAPHORIC_HEADS, _NEGATIONS, CRASH_VERBS)


def _placed_elsewhere(words: list[str], i: int) -> bool:
    """"the burning came back in my eyes": a burning placed on another part than the gullet's."""
    after = words[i + 1:i + 6]
    return any(w in ("in", "on") and k + 1 < len(after) and after[k + 1] in ("my", "his", "her", "the", "both")
               for k, w in enumerate(after))


def add_bare_words(doc, words: list[str], spans: Spans) -> Spans:
    """``spans`` with the bare words of the module doc that their frame and context make an entity."""
    found = WORDS.intersection(gate_hits(words))
    if not _NEGATIONS.isdisjoint(found) and SKIN_FINDINGS.isdisjoint(word_set(words)):
        found -= _NEGATIONS  # "not" is in most docs: only worth a look with a finding word in the doc
    if not found:
        return spans
    n = len(words)
    covered: set[int] | None = None  # built at the first candidate that passes its frame (most docs have none)
    added: list[tuple[int, int, str, str]] = []
    dropped: set[int] = set()

    def take(start: int, end: int, label: str, concept: str) -> None:
        nonlocal covered
        if covered is None:
            covered = covered_tokens(spans)
        if any(k in covered for k in range(start, end)):
            return
        added.append((start, end, label, concept))
        covered.update(range(start, end))

    symptom_ends = {span[1] for span in spans if span[2] == "SYMPTOM"} if "sick" in found else set()
    problem_ends: set[int] | None = None  # built at the first temperature
    has_problem = not found.isdisjoint(("flares", "relapse", "relapses")) and any(span[2] in _PROBLEMS for span in spans)
    for i in word_positions(words, found):
        word = words[i]
        before = words[i - 1] if i else ""
        nxt = words[i + 1] if i + 1 < n else ""
        if word in TEMPS:
            if problem_ends is None:
                problem_ends = {span[1] for span in spans if span[2] in _PROBLEMS}
            if _temperature(words, i) or _listed_temperature(words, i, problem_ends):
                take(i, i + 1, "SYMPTOM", FEVER)
        elif word == "flare":
            if before in _FLARE_VERB_BEFORE and (before != "to" or i >= 2 and words[i - 2] in _FLARE_TO_VERBS):
                dropped.update(k for k, span in enumerate(spans) if span[0] == i and span[3] == FLARE
                               and (span[1] == i + 1 or span[1] == i + 2 and nxt == "up"))
        elif word == "flares":
            # a flare of a known disease: the doc names one ("kept me out of flares" after "RA")
            if has_problem and nxt not in ("up", "of") and (
                    before in _FLARE_BEFORE or _is_number(before)
                    or before in _FLARE_BEFORE_NEAR_DISEASE and _disease_before(spans, i, _FLARE_DISEASE_REACH)):
                take(i, i + 1, "DISEASE", FLARE)
        elif word == "blood":
            there_is = before in ("s", "'s", "is", "was") and i >= 2 and words[i - 2] == "there"  # "theres blood"
            if (before in _BLOOD_BEFORE or there_is) and nxt in _BLOOD_AFTER and _near(words, i, _BLEEDING_CUES, 40, 10):
                # "no [blood] in it": a pronoun is no location (the gold keeps "pain in it" as "pain")
                take(i, i + 1, "SYMPTOM", _blood_concept(words, i))
        elif word == "clots":
            if before not in _NOT_CLOT_BEFORE and nxt not in ("in", "on") and _near(words, i, _PERIOD_CUES, 30, 15):
                take(i, i + 1, "SYMPTOM", MENORRHAGIA)
        elif word == "wax":
            if before in _WAX_BEFORE and nxt not in _WAX_NOT_AFTER and _near(words, i, _EAR_CUES, 15, 8):
                take(i, i + 1, "SYMPTOM", CERUMEN)
        elif word == "falls":
            if (before in _FALLS_BEFORE or _is_number(before)
                    or before in ("'s", "s") and i >= 2 and words[i - 2] in _FALLERS) and nxt not in _FALLS_NOT_AFTER:
                take(i, i + 1, "SYMPTOM", FALLS)  # "Dad's [falls]", not "Niagara's falls"
        elif word == "fall":
            if _a_fall(words, i, before, nxt):
                take(i, i + 1, "SYMPTOM", FALLS)
        elif word == "falling":
            if i and _someone_falling(words, i):
                take(i, i + 1, "SYMPTOM", FALLS)
        elif word == "tear":
            if before in _TEAR_BEFORE and nxt in _TEAR_AFTER and nxt not in _CRYING_AFTER \
                    and not (i >= 2 and words[i - 2] in _CRYING) \
                    and not (nxt == "in" and words[i + 2:i + 4] in (["my", "eye"], ["her", "eye"], ["his", "eye"])):
                if _near(words, i, _EYE_CUES - {"eye", "eyes"}, 40, 15):
                    take(i, i + 1, "DISEASE", RETINAL_BREAK)
                elif _near(words, i, _JOINT_CUES, 25, 8):
                    take(i, i + 1, "DISEASE", INJURY)
        elif word in SUGARS:
            if before in _SUGAR_BEFORE and nxt in _SUGAR_AFTER and _near(words, i, _DIABETES_CUES, 60, 30):
                take(i, i + 1, "TEST", BLOOD_SUGAR)
        elif word in _MONSTERS:
            if (before in _MONSTER_BEFORE or _is_number(before)) and nxt in _MONSTER_AFTER \
                    and _near(words, i, _DRINK_WORDS, 4, 3):
                take(i, i + 1, "DRUG", CAFFEINE)
        elif word == "tubes":
            # "a camera down the tubes", "through the tubes": a passage, not the grommets
            if before in _TUBES_BEFORE and nxt != "of" and not (i >= 2 and words[i - 2] in _THROUGH) \
                    and _near(words, i, _EAR_STORY, 30, 10):
                take(i, i + 1, "TREATMENT", EAR_TUBES)
        elif word in _FIBRES:
            if before in _FIBRE_BEFORE and nxt not in _FIBRE_NOT_AFTER:
                take(i, i + 1, "DRUG", FIBER)
        elif word in _RELAPSES:
            if has_problem and (before in _RELAPSE_BEFORE or _is_number(before)):
                take(i, i + 1, "DISEASE", FLARE)
            elif has_problem and before == "-" and i >= 2 and words[i - 2] == "pseudo":
                take(i - 2, i + 1, "DISEASE", FLARE)  # "a [pseudo-relapse] from the infection"
        elif word == "voices":
            if before == "the" and nxt in _VOICES_AFTER and _near(words, i, _PSYCHOSIS_CUES, 40, 40):
                take(i, i + 1, "SYMPTOM", HALLUCINATIONS)
        elif word in _PUMPS:
            if before in _PUMP_BEFORE and nxt not in _PUMP_NOT_AFTER and _near(words, i, _PUMP_CUES, 60, 60):
                take(i, i + 1, "TREATMENT", INSULIN_PUMP)
        elif word == "purge":
            if before in ("the", "my", "a") and _near(words, i, _RETINOID_CUES, 40, 20):
                take(i, i + 1, "SYMPTOM", ACNE)
        elif word in CRASH_VERBS:
            timed = _is_time(words, i - 1)  # "the 4pm [crash]"
            # what the person does ("i [crash] for 2 days", "[crashed] after a wedding"), not to a thing ("crashed the
            # car")
            done = (before in _CRASHERS or before in ("", ",", ".") and word != "crash") and nxt not in _CRASHED_OBJECTS
            had = word in ("crash", "crashes") and (before in _CRASH_BEFORE or before in _STIMULANT_CRASH_BEFORE
                                                    or before in _STIMULANT_CUES or timed)
            if not (done or had) or nxt in _CRASH_NOT_AFTER:
                continue
            # a stimulant's crash has its own determiners; "a proper [crash]", "a 2 day [crash]" are ME/CFS's
            if (word != "crash" or before in _STIMULANT_CRASH_BEFORE or before in _STIMULANT_CUES or before in _CRASHERS
                    or timed) and _near(words, i, _STIMULANT_CUES, 60, 10):
                take(i, i + 1, "SYMPTOM", STIMULANT_CRASH)  # "the [crash]", "the vyvanse [crash]", "the 4pm [crash]"
            elif _near_exertion(doc, words, i):
                take(i, i + 1, "SYMPTOM", POST_EXERTIONAL)  # "the [crash] comes 2 days later", "a 2 day [crash]"
        elif word == "low":
            if (before in ("a", ":") or before == "" ) and nxt in _LOW_AFTER and _near(words, i, _DIABETES_CUES, 40, 20):
                take(i, i + 1, "SYMPTOM", HYPOGLYCEMIA)
        elif word == "lows":
            # "Side effects: lows"
            side_effects = before == ":" and i >= 2 and words[i - 2] in ("effects", "effect", "cons")
            if (before in _LOWS_BEFORE or side_effects) and nxt not in ("and", "of") \
                    and _near(words, i, _DIABETES_CUES, 40, 20):
                take(i, i + 1, "SYMPTOM", HYPOGLYCEMIA)
        elif word in _WEARING:  # "is that [wearing off]?", "each dose [wears off]", "Ritalin [wore off]" (round 39)
            # (a side effect's subject may stand some words back: "side effects of the 75mg dose wore off")
            # (a medicine named right before, however spelt, is a dose cue of its own: "the [adderal] [wears off]")
            if nxt == "off" and (_near(words, i, _DOSE_CUES, 15, 2) or _medicine_before(spans, i)) \
                    and _FADING_SUBJECTS.isdisjoint(words[max(0, i - 8):i]) \
                    and (word == "wearing" or _a_dose_wears_off(words, i, spans)):
                take(i, i + 2, "SYMPTOM", WEARING_OFF)
        elif word == "type":
            number = words[i + 1] if i + 1 < n else ""
            after = words[i + 2] if i + 2 < n else ""
            rated = _RATING.fullmatch(before)
            if number in DIABETES_TYPES and after in _TYPE_AFTER \
                    and ((before in _TYPE_BEFORE or rated) and _near(words, i, _TYPE_CUES, 40, 40)
                         or _own_type(words, i, before) and not _near(words, i, _OTHER_TYPED, 40, 40)) \
                    and (before != "or" or (
                        i - 3, i - 1, "DISEASE", DIABETES_TYPES.get(words[i - 2])) in added):
                # (after "or", only the second of two diabetes types: "is this type 1 or [type 2]", not "herpes
                # type 1 or type 2")
                take(i, i + 2, "DISEASE", DIABETES_TYPES[number])
        elif word == "floater":
            if _near(words, i, _SIGHT_CUES, 25, 25):
                end = _eye_tail(words, i + 1)
                # "[floater in my right eye]": the eye named after it joins the span (GUIDELINES rule 5)
                inside = [k for k, span in enumerate(spans) if span[2] == "ANATOMY" and i < span[0] and span[1] <= end]
                if inside:
                    covered = covered_tokens([span for k, span in enumerate(spans) if k not in inside]) | (
                        covered or set())
                    covered.difference_update(range(i + 1, end))
                    dropped.update(inside)
                take(i, end, "SYMPTOM", FLOATERS)
        elif word == "burning":
            # (round 45) "still [burning] after 8 weeks on omeprazole", "before the [burning] eased off": in a post
            # about acid, the burning is heartburn's (a burning feeling, a burning pee are the span rules')
            if before in _BURNING_BEFORE and (not nxt.isalpha() or nxt in _BURNING_AFTER) \
                    and not _placed_elsewhere(words, i):
                if _near(words, i, _ACID_CUES, 60, 60):
                    take(i, i + 1, "SYMPTOM", HEARTBURN)
                elif _near(words, i, _NERVE_CUES, 60, 60):
                    take(i, i + 1, "SYMPTOM", PARESTHESIA)
        elif word in _HOBBLES:
            if (nxt in _HOBBLE_AFTER or nxt == "the" and i + 2 < n and words[i + 2] == "last") \
                    and _near(words, i, _HOBBLERS, 4, 0) \
                    and not (word == "hobbled" and before in _PASSIVE_AUXILIARIES):  # "the horse was hobbled"
                take(i, i + 1, "SYMPTOM", ANTALGIC_GAIT)
        elif word == "wind":
            if _gut_wind(words, i, before, nxt, spans):
                take(i, i + 1, "SYMPTOM", FLATULENCE)
        elif word == "worrying":
            if before in _WORRY_BEFORE and nxt in _WORRY_AFTER:
                take(i, i + 1, "SYMPTOM", ANXIETY)
        elif word in _ANAPHORIC_HEADS:
            antecedent = next((span for span in spans if span[1] <= i and span[1] - span[0] >= 2
                               and words[span[1] - 1] == word and span[2] in _PROBLEMS), None)
            if antecedent is None and word in _HOT_HEADS and _near(words, i, _MENOPAUSE_CUES, 60, 30):
                antecedent = (i, i + 1, "SYMPTOM", HOT_FLASHES)  # "menopause ... on HRT ... the [flushes] are back"
            if antecedent is None and word == "fog":
                medicine = next((span for span in spans if span[1] == i and span[2] == "DRUG"), None)
                if medicine is not None and medicine[0] and words[medicine[0] - 1] in _ANAPHOR_BEFORE:
                    before = words[medicine[0] - 1]  # "the [Lyrica] [fog]": the medicine's fog
                if medicine is not None or (
                        _near(words, i, _FOG_CUES, *_FOG_REACH)
                        or nxt in _FOG_LIFTING and _medicine_within(spans, i, _FOG_MEDICINE_REACH)) \
                        and not (i >= 2 and words[i - 2] in _WEATHER_FOG_BEFORE) and nxt not in _WEATHER_FOG_AFTER:
                    antecedent = (i, i + 1, "SYMPTOM", BRAIN_FOG)
            if antecedent is not None and nxt != "of" \
                    and before in (_FIT_BEFORE if word in ("fit", "fits") else _ANAPHOR_BEFORE):
                take(i, i + 1, antecedent[2], antecedent[3])
        elif word == "sick":
            # "been sick twice", "been sick 3 times", "been sick in the night": vomited (British usage)
            if before in ("been", "being") and (nxt in _SICK_AFTER or _is_number(nxt)
                                                 or words[i + 1:i + 4] == ["in", "the", "night"]):
                take(i, i + 1, "SYMPTOM", VOMITING)  # the copula outside, as the gold always has it (round 34)
            elif nxt not in _SICK_NOT_AFTER and _sick_as_vomiting(words, i, before, nxt, symptom_ends):
                take(i, i + 1, "SYMPTOM", VOMITING)
        else:
            _negated_findings(words, i, spans, take, dropped)
    if not added and not dropped:
        return spans
    return sorted([span for k, span in enumerate(spans) if k not in dropped] + added)


def _sick_as_vomiting(words: list[str], i: int, before: str, nxt: str, symptom_ends: set[int]) -> bool:
    """Whether "sick" at ``i`` (not "been sick") is being sick: how often, listed with a complaint, or after "be"."""
    if before in _ILL_BEFORE or before == "always" and i >= 2 and words[i - 2] in _ILL_BEFORE:
        return False  # "is sick most mornings", "off sick 3 times this year", "is always sick in nursery": ill
    if _is_number(nxt) and words[i + 2:i + 3] in (["times"], ["x"]) or nxt in _SICK_OFTEN and words[i + 2:i + 3] \
            and words[i + 2] in _SICK_TIMES:
        return True
    if before in ("and", "or") and i - 1 in symptom_ends:
        return True
    return before in ("be", "always") and nxt != "." and nxt not in ("and", ",")


def _negated_findings(words: list[str], i: int, spans: Spans, take, dropped: set[int]) -> None:
    """"the skin (there) isnt [red] or [flaky]": findings denied of a body part, each its own span (the body part,
    a subject only, is no entity of its own)."""
    word = words[i]
    if word in _SPLIT_NOTS and not (i and words[i - 1] in _COPULA_FOR_NOT):
        return
    k = i + 1
    taken = []
    while k < len(words) and words[k] in SKIN_FINDINGS:
        taken.append(k)
        if k + 2 < len(words) and words[k + 1] in ("or", "and", ",") and words[k + 2] in SKIN_FINDINGS:
            k += 2
        else:
            break
    if not taken:
        return
    subject = i - 1 if word in _NEGATED_COPULAS else i - 2
    while subject >= 0 and words[subject] in _PLACE_ADVERBS:
        subject -= 1
    body = [k for k, span in enumerate(spans) if span[2] == "ANATOMY" and span[1] == subject + 1]
    if not body:
        return
    for k in taken:
        take(k, k + 1, "SYMPTOM", BODY_COMPLAINT)
    # "the skin isnt red": the skin is only the subject; "the puncture on my heel isnt red": the heel is where a
    # lesion is, and stays for the rules that join it to the lesion
    start = spans[body[0]][0]
    if not (start >= 2 and words[start - 2] in _LOCATING):
        dropped.update(body)
