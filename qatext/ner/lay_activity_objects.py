"""How far a lost bodily activity reaches, and when the modal names no loss (GUIDELINES rule 16; issue 11).

:mod:`qatext.ner.lay_impairments` finds a negated ability and a function of its table ("can't twist", "can't drive");
this module says what the patient joins to it, by word class rather than by phrase:

* the object of a hand, self-care, voice or reading task, up to the clause's end: "[cant twist the lid off a jar]",
  "[can barely read the small print]", "[cant sing a whole verse]", "[cant wear a bra]", "[cant manage the stairs]";
* a garment put on or taken off: "[cant get her sock on]", "[couldnt pull my top off]";
* a place or posture that belongs to the action, not its extent: "[cant drive on the motorway]", "[cant get up the
  steps]", "[cant get out of the car]", "[cant twist on it]", "[cant stand upright]", "[cant reach the top shelf]";
* time, frequency, reason and a second clause stay outside ("... anymore", "... because", "... and it aches").

It also names what is no loss: "can't stand my boss" (to stand is to tolerate, and only a stimulus makes that a
complaint: "[cant stand the light]"), "can't drive you", "you cannot drive for 6 months" (an instruction), "we cant
hear her", "cant see a dentist", "can't run the shop", "can't keep up with the bills".
"""
from __future__ import annotations

from qatext.ner.lay_common import CLINICIANS, NOT_A_THING, OBJECT_STOPS

# Verbs whose object is part of the lost function: hand tasks, self-care, voice, reading (an "it" object only for
# "hold": "[cant hold it]" is the bladder; "can't read it", "can't open it" point back at a thing).
ACTIVITY_OBJECT_VERBS = frozenset("read write twist grip hold lift carry open sing wear manage squeeze pinch brush "
                                  "comb tie wash shave push pull type kick throw climb cut".split())
# What may open an object: determiners, possessives, quantities ("a whole verse", "both hands").
_OPENERS = frozenset("a an the my his her their your our any both this that these those".split())
# What ends an object beyond the common stops: time and frequency tails, extent, reason.
_TAIL_STOPS = OBJECT_STOPS | frozenset(
    "anymore any most every each all some half first till til unless except longer past yet lately either without "
    "since because due then ever once twice days mornings nights morning night how what why where who which "
    "whether".split())
# Objects of a life, not of a body: "kick the habit", "climb the career ladder", "sing his praises".
_LIFE_OBJECTS = frozenset("habit habits idea ideas thought thoughts risk risks praises career job jobs bill bills "
                          "payments pace chance chances mind deadline deadlines rent mortgage".split())
# A particle that finishes the task named by the object: "twist the lid [off]", "get her sock [on]".
_OBJECT_PARTICLES = frozenset({"off", "on", "up", "down", "out"})
_MOST_OBJECT_WORDS = 3


def object_end(words: list[str], end: int, verb: str) -> int:
    """The end of the object after ``verb`` (which ends at ``end``), or ``end`` when no clean object follows.

    An object is an optional opener and one to three words up to a stop ("the bus numbers", "a t shirt", "stairs"),
    then a particle that completes the task, with the thing it comes off: "the lid off a jar"."""
    n = len(words)
    k = end
    if k < n and words[k] == "it" and verb == "hold":
        return k + 1
    opened = k < n and words[k] in _OPENERS
    if opened:
        k += 1
    start = k
    while k < n and k - start < _MOST_OBJECT_WORDS and _is_object_word(words[k]):
        k += 1
    if k == start or not _LIFE_OBJECTS.isdisjoint(words[start:k]):
        return end
    if k < n and _is_object_word(words[k]):
        return end  # the object goes on: rather none than half a noun phrase
    if k < n and words[k] in _OBJECT_PARTICLES and (k + 1 >= n or not _is_object_word(words[k + 1])
                                                   or words[k] == "off"):
        k += 1
        if words[k - 1] == "off" and k < n and words[k] in ("a", "the", "my") and k + 1 < n \
                and _is_object_word(words[k + 1]) and (k + 2 >= n or not _is_object_word(words[k + 2])):
            k += 2  # "off a jar": where the lid comes off belongs to the task
    return k


def _is_object_word(word: str) -> bool:
    return (word.isalpha() or "-" in word) and word not in _TAIL_STOPS and word not in _OBJECT_PARTICLES \
        and word not in NOT_A_THING  # "they think he cannot read he can": a new clause, no object


# Clothes and what is worn on the body: dressing is a self-care task ("[cant get her sock on]", "[cant wear a bra]").
GARMENTS = frozenset("sock socks shoe shoes boot boots bra bras shirt shirts top tops t-shirt tshirt jumper jumpers "
                     "sweater hoodie coat jacket trousers pants jeans tights leggings knickers underwear clothes "
                     "gloves glove ring rings watch dress skirt vest belt slippers trainers heels sandals contacts "
                     "lenses glasses helmet mask blouse blouses cardigan nightie pyjamas pajamas".split())
DRESSING_VERBS = frozenset({"get", "put", "pull", "take", "do"})
MOVING_VERBS = DRESSING_VERBS | {"go"}  # the verbs of dressing_end and getting_end, checked before the table
_DRESSING_PARTICLES = frozenset({"on", "off"})
_FASTENINGS = frozenset("buttons button zip zipper laces shoelaces shoes coat jacket bra shirt trousers jeans "
                        "belt".split())  # what "do ... up" fastens: "[cant do my coat up]"
_GARMENT_OPENERS = frozenset("my his her their your a the any".split())


def dressing_end(words: list[str], j: int) -> int:
    """ "get her sock on", "put my shoes on", "take my top off": the end after the particle, or 0."""
    n = len(words)
    k = j + 1
    if k < n and words[k] in _GARMENT_OPENERS:
        k += 1
        if k < n and words[k] == "own":
            k += 1  # "put my own socks on"
    if k < n and words[k] == "t" and k + 1 < n and words[k + 1] == "shirt":
        k += 1
    if words[j] == "do":
        return k + 2 if k + 1 < n and words[k] in _FASTENINGS and words[k + 1] == "up" else 0
    if k >= n or words[k] not in GARMENTS:
        return 0
    k += 1
    if k < n and words[k] in _DRESSING_PARTICLES and not (k + 1 < n and words[k + 1] in _PLACE_OPENERS):
        return k + 1  # not "put my coat on the hook", "take my watch off the charger": a place, no dressing
    return 0


_PLACE_OPENERS = frozenset("the a an my his her their that this".split())


_OTHER_CLOTHES = frozenset("same other different new those smaller bigger".split())  # a size or a fashion, no loss


def wearing_end(words: list[str], end: int) -> int:
    """ "wear a t shirt", "wear my contacts": the end of a worn garment after "wear", or 0."""
    n = len(words)
    k = end
    if k < n and words[k] in _GARMENT_OPENERS:
        k += 1
    if k + 1 < n and words[k] == "t" and words[k + 1] == "shirt":
        return k + 2
    if k < n and words[k] not in GARMENTS and k + 1 < n and words[k + 1] in GARMENTS and words[k].isalpha() \
            and words[k] not in _TAIL_STOPS and words[k] not in _OTHER_CLOTHES:
        k += 1  # "tight jeans", "high heels"
    return k + 1 if k < n and words[k] in GARMENTS else 0


def kept_complaint_end(spans, k: int, words: list[str], *, longest: int = 1) -> int:
    """ "cant stop coughing", "can't stop scratching": the end of a complaint opened by a gerund at ``k`` that the
    lexicon knows (a SYMPTOM span of its own, at most ``longest`` words: "[cant stop throwing up]" needs 2), or 0;
    "can't stop thinking about him" names none."""
    for span in spans:
        if span[0] == k:
            return span[1] if span[2] == "SYMPTOM" and span[1] - k <= longest and words[k].endswith("ing") else 0
        if span[0] > k:
            break
    return 0


# Getting into or out of where one sits or lies: "[cant get out of the car]", "[couldnt get in the bath]".
SEATS = frozenset("car bath bathtub tub shower bed chair armchair sofa couch seat toilet loo van taxi".split())
_GETTING_WAYS = (("out", "of"), ("up", "out", "of"), ("in",), ("into",), ("up", "from"), ("up", "off"), ("off",),
                 ("on", "and", "off"), ("onto",))
_GETTING_OPENERS = frozenset("the a my his her their any".split())
_SEAT_KINDS = frozenset("low soft deep comfy hard kitchen dining office".split())


def getting_end(words: list[str], j: int) -> int:
    """ "get out of the car", "get into bed", "go up the stairs", "go upstairs": the end after the seat or the
    stairs, or 0."""
    n = len(words)
    if j + 1 < n and words[j + 1] in _STAIRWAYS:
        return j + 2
    if j + 2 < n and words[j + 1] in ("up", "down"):
        k = j + 2
        if words[k] in ("the", "a", "any", "my"):
            k += 1
        if k < n and words[k] in _STAIRS:
            return k + 1
        # (round 40) no flight of stairs: "get up out of the bath", "get up from a low chair" are among the ways below
    for way in _GETTING_WAYS:
        k = j + 1 + len(way)
        if tuple(words[j + 1:k]) == way:
            if k < n and words[k] in _GETTING_OPENERS:
                k += 1
            if k + 1 < n and words[k] in _SEAT_KINDS and words[k + 1] in SEATS:
                k += 1  # "from a [low] chair"
            if k < n and words[k] in SEATS and (k + 1 >= n or words[k + 1] not in ("park", "seat", "keys", "door")):
                return k + 1
            return 0
    return 0


# Places that belong to the action: roads for driving, stairs for going or getting up and down.
_STAIRWAYS = frozenset({"upstairs", "downstairs"})
_ROADS = frozenset("highway highways motorway motorways freeway freeways interstate road roads expressway "
                   "carriageway".split())
_FLIGHTS = frozenset("stairs stair steps step".split())
STAIR_WORDS = _FLIGHTS | _STAIRWAYS  # what makes a getting-up task "difficulty climbing stairs"
_STAIRS = _FLIGHTS | frozenset("hill hills ladder kerb curb slope".split())
# Movements that bear or turn the body's weight on a limb: "[cant twist on it]", "[couldnt pivot on that foot]".
WEIGHT_TURNS = frozenset("twist turn pivot hop jump kneel land balance".split())
_WEIGHT_OBJECTS = frozenset({"it", "them"})
# Posture words that say how the body fails to be held: "[cant stand upright]", "[cant sit upright]".
_UPRIGHT = frozenset({"upright"})
_UPRIGHT_VERBS = frozenset({"stand", "sit"})
# What a reach is for, with no preposition: "[can't reach the top shelf]" ("can't reach the doctor" is a call).
_REACHED = frozenset("shelf shelves cupboard cupboards toes feet floor".split())


def place_end(words: list[str], j: int, end: int) -> int:
    """The end of a place phrase that belongs to the lost function ``words[j:end]``; ``end`` when none."""
    n = len(words)
    if end >= n:
        return end
    verb, after = words[j], words[end]
    if verb == "drive" and after in ("on", "in"):
        k = end + 1
        if k < n and words[k] in ("the", "a", "any"):
            k += 1
        if k < n and words[k] in _ROADS:
            return k + 1
    elif after in _UPRIGHT and verb in _UPRIGHT_VERBS and end - j == 1:
        return end + 1
    elif verb == "sit" and end - j == 1 and after == "cross" and end + 1 < n and words[end + 1] == "legged":
        return end + 2  # "[cant sit cross legged]": the posture is the function
    elif verb == "reach" and end - j == 1:
        k = end
        if words[k] in ("the", "my", "a"):
            k += 1
        if k < n and words[k] in ("top", "high", "higher", "upper"):
            k += 1
        if k < n and words[k] in _REACHED:
            return k + 1  # "[cant reach the top shelf]", "[cant reach my toes]"
    return end


_LIMB_OPENERS = frozenset("that this my the his her either one".split())
_LIMB_SIDES = frozenset("left right bad injured sore good".split())
LIMBS = frozenset("leg legs foot feet knee knees ankle ankles hip hips toes heel heels".split())


def weight_turn_end(words: list[str], j: int, end: int) -> int:
    """ "twist on it", "hop on that leg": a movement on the limb just named or named here; the end, or 0."""
    n = len(words)
    if end - j != 1 or words[j] not in WEIGHT_TURNS or end + 1 >= n or words[end] != "on":
        return 0
    k = end + 1
    if words[k] in _WEIGHT_OBJECTS:
        return k + 1
    if words[k] in _LIMB_OPENERS:
        k += 1
    if k < n and words[k] in _LIMB_SIDES:
        k += 1
    return k + 1 if k < n and words[k] in LIMBS and k > end + 1 else 0


# "chew on the left side": the side of the mouth where the function fails, not the phrasal verb "chew on".
_SIDES = frozenset({"side", "left", "right"})


def side_after(words: list[str], end: int) -> bool:
    """ "on the left side", "on that side", "on my right": a side after "on", within three words."""
    return end < len(words) and words[end] == "on" and not _SIDES.isdisjoint(words[end + 1:end + 4])


# --- what is no loss -------------------------------------------------------------------------------------------
# "to stand" a thing is to tolerate it; a complaint only when the thing is a stimulus the body cannot bear.
STIMULI = frozenset("light lights sunlight brightness noise noises sound sounds music heat cold touch touching sheet "
                    "sheets clothes clothing smell smells perfume screens screen glare wind".split())
# (round 40) What lies on a sore part, borne or not only when said to touch it: "[cant bear the duvet on it]", "[cant
# bear socks on]", "[cant stand his shirt touching it]"; "cant stand his shirts, so ugly" is a dislike.
_SENSED_STIMULI = frozenset("light lights sunlight brightness glare noise noises sound sounds touch".split())
_LYING_STIMULI = frozenset("duvet duvets blanket blankets bedsheet bedsheets bedclothes covers anything".split()) | GARMENTS
_STIMULUS_OPENERS = frozenset("the any bright loud strong a my his her their".split())
_LYING_ON = frozenset("it them me him her".split())
_STAND_COMPLEMENTS = frozenset("up on still upright straight for long anymore any without unaided unassisted alone "
                               "tall properly".split())
_GERUND_OBJECTS = frozenset({"it", "them", "me", "my", "on"})
# Where a borne thing lies: the skin or a sore part ("the smell on my clothes", "the music on the radio" are no such)
_BORNE_ON = frozenset("skin feet foot toes toe legs leg arms arm back chest face neck body hands hand shoulder shoulders "
                      "knee knees hip hips belly tummy stomach scalp breasts boobs nipples".split())
# People one may drive, see, hear: "can't drive you", "cant see him", "we cant hear her".
PEOPLE = frozenset("you him her them me us everyone anyone anybody someone people".split())
_PEOPLE_NOUNS = CLINICIANS | frozenset("kids kid son daughter wife husband mum mom dad friends friend".split())
# who may fail to see or hear a thing on the writer's behalf: "the dentist cant see anything on the xray"
_CLINICIAN_SUBJECTS = CLINICIANS | frozenset("radiologist optician we dentists doctors docs gps specialists consultants "
                                             "nurses surgeons radiologists therapists opticians".split())
_SENSES = frozenset({"see", "hear"})
_TALK_VERBS = frozenset({"talk", "speak"})
_SEEN_THOUGHTS = frozenset("difference improvement change point reason need benefit why how what whether myself "
                           "yourself way end sense".split())
# "run" with an object is another verb ("run the shop", "run errands"), with a particle too ("run out", "run away").
_RUN_AFTERS = frozenset("out away off into over the a my his her their errands things business".split())
_JUMP_AFTERS = frozenset("to at into in through the a ship out".split())
_RUN_MANNERS = frozenset("far fast properly anywhere around upstairs downstairs uphill".split())  # "[cant run] far"
# "keep up with the bills": a life's pace, not the body's, unless the others are people.
_KEEP_UP_PEOPLE = frozenset("friends friend others kids children everyone everybody people him her them me us group "
                            "class team wife husband partner son daughter brother sister dog".split())
# What a forgotten fact looks like after "remember" (memory loss is "[cant remember things]", "[... anything]").
_RECALLED_FACTS = frozenset("name names dose brand date exact exactly which whether if its it's called".split())
# An instruction: "you cannot drive for 6 months", "you can't lift anything until ...": a rule, not a loss.
_INSTRUCTION_TAILS = frozenset({"for", "until", "till", "after", "within"})
# what doctors forbid for a while ("its alright if you cant walk for a while" is a loss, said to the patient)
_RESTRICTED = frozenset("lift carry fly swim work bathe exercise run".split())
_FORBIDDEN = frozenset("wear shower bathe".split())  # said to "you", these are always a rule


def stand_end(words: list[str], end: int) -> int | None:
    """After "stand": ``end`` when a posture or nothing follows, the end of a stimulus it cannot bear ("[cant stand
    the light]", "[cant stand the sheet touching it]"), or None when a thing or person is tolerated ("my boss")."""
    n = len(words)
    if end >= n:
        return end
    after = words[end]
    if after in PEOPLE or after in _PEOPLE_NOUNS or after in ("it", "this", "that", "being"):
        return None  # "cant stand him", "can't stand it any more"
    # "[couldnt stand any light]", "[cant stand any noise]" (not "any music", "any perfume": a taste as often)
    any_stimulus = after == "any" and end + 1 < n and words[end + 1] in _SENSED_STIMULI
    if not after.isalpha() or (after in _STAND_COMPLEMENTS or after in _TAIL_STOPS) and not any_stimulus:
        return end
    k = end
    while k < n and k - end < 2 and words[k] in _STIMULUS_OPENERS:
        k += 1
    if k < n and (words[k] in STIMULI or words[k] in _LYING_STIMULI):
        lying = words[k] not in STIMULI
        k += 1
        if k + 1 < n and words[k].endswith("ing") and len(words[k]) > 4:
            if words[k + 1] in ("my", "the") and k + 2 < n and words[k + 2].isalpha():
                return k + 3  # "[cant bear anything touching the skin]"
            if words[k + 1] in _GERUND_OBJECTS:
                return k + 2 if words[k + 1] != "on" else k + 1  # "[cant stand the sheet touching it]"
        if k + 2 < n and words[k] in ("against", "on") and words[k + 1] in ("my", "the", "his", "her") \
                and words[k + 2] in _BORNE_ON:
            return k + 3  # "[cant stand a blouse against the skin]", "[cant bear the sheet on my feet]"
        if k < n and words[k] == "on" and (k + 1 >= n or words[k + 1] in _LYING_ON or not words[k + 1].isalnum()):
            return k + 2 if k + 1 < n and words[k + 1] in _LYING_ON else k + 1  # "the duvet on it", "socks on"
        return None if lying else k
    return None


def not_a_loss(words: list[str], i: int, j: int, end: int) -> bool:
    """Whether the cue at ``i`` and the function ``words[j:end]`` name something other than a lost function."""
    n = len(words)
    verb = words[j]
    after = words[end] if end < n else ""
    subject = words[i - 1] if i else ""
    if verb == "drive" and end - j == 1 and (after in PEOPLE or after in _PEOPLE_NOUNS or subject == "you"):
        return True  # "can't drive you", "you cannot drive" (a rule of the road, not the body)
    if subject == "you" and (end - j == 1 and verb in _FORBIDDEN or verb in _RESTRICTED and not _INSTRUCTION_TAILS.isdisjoint(
            words[end:end + 2])):
        return True  # "you cannot lift for 6 weeks", "you cant wear contacts while using these drops"
    if verb in _SENSES and end - j == 1:
        if after in PEOPLE or after in _PEOPLE_NOUNS or subject in _CLINICIAN_SUBJECTS:
            return True  # "we cant hear her", "cant see a dentist", "the dentist cant see anything on the xray"
        if i >= 2 and words[i - 2] in ("that", "which") and (not after or not after.isalpha()):
            return True  # "blood in my urine that i cant see": the thing is not seen, the eyes are fine
        if after in _SEEN_THOUGHTS or after in ("a", "an", "the", "any", "much", "no") and end + 1 < n \
                and words[end + 1] in _SEEN_THOUGHTS:
            return True  # "cant see any difference", "can't see the point", "can't see why": a judgement
        if after in ("a", "an", "the", "my") and end + 1 < n and words[end + 1] in _PEOPLE_NOUNS:
            return True
    if verb in _SENSES and end - j == 1 and after in ("back", "from"):
        return True  # "couldn't hear back from the clinic": a reply that did not come, not deafness
    if verb in _TALK_VERBS and end - j == 1 and after in ("to", "with", "about") and end + 1 < n and (
            words[end + 1] in PEOPLE or words[end + 1] in _PEOPLE_NOUNS or words[end + 1] in _KEEP_UP_PEOPLE
            or words[end + 1] in _OPENERS or words[end + 1] in ("it", "this", "that")):
        return True  # "wasn't able to talk to my mom", "cant talk about it": a conversation, not speech
    if verb == "remember" and (after in _RECALLED_FACTS or after in ("the", "what") and end + 1 < n
                               and words[end + 1] in _RECALLED_FACTS) \
            and not (after == "names" and words[end + 1:end + 2] != ["of"]):
        # (round 40: "[cant remember names] like i used to" is the loss, "... names of the drugs" a fact)
        return True  # "i cant remember the name of the drug", "cant remember which one": a fact, not memory loss
    if verb == "hold" and after == "it" and end + 1 < n and words[end + 1] == "together":
        return True  # "couldnt hold it together": composure, not grip
    if verb == "shout" and after in ("at", "to"):
        return True  # "i cant shout at him": temper, not voice
    if verb == "jump" and end - j == 1 and after in _JUMP_AFTERS:
        return True  # "can't jump to conclusions", "couldnt jump at the chance"
    if verb == "run" and end - j == 1 and (after in _RUN_AFTERS or after in _OPENERS or subject in _CLINICIAN_SUBJECTS
                                           or _is_object_word(after) and after not in _RUN_MANNERS):
        return True  # "we cant run that test", "can't run the risk": another verb
    if tuple(words[j:end]) == ("keep", "up") and (after in _OPENERS or _is_object_word(after)):
        return True  # "can't keep up the payments", "cant keep up this pace"
    if tuple(words[j:end]) == ("keep", "up") and after == "with" and (end + 1 >= n or (
            words[end + 1] not in _KEEP_UP_PEOPLE and (end + 2 >= n or words[end + 2] not in _KEEP_UP_PEOPLE))):
        return True  # "cant keep up with the housework"
    return False


# "can't sing" alone is as often a talent as a loss; with what it cannot get through, it is a loss of breath or voice.
# The hand and self-care verbs name a task only with their object: "[cant brush my hair]", "[cant tie my laces]".
NEEDS_OBJECT = frozenset("sing wear open brush comb tie wash shave squeeze grasp pinch climb kick throw cut".split())
# What the hand, self-care and movement verbs must have for an object to name a task of the body (a body part
# itself is found before these: "[cant wash my hair]"): "open" only what hands open ("[cant open a bottle]", not
# "can't open the link"), "cut" nails and food ("[cant cut my toenails]", not "cut back on sugar").
_OBJECT_CLASSES = {
    "open": frozenset("jar jars bottle bottles lid lids door doors tin tins can cans packet packets tap taps window "
                      "windows container containers carton cartons tub tubs car".split()),
    "cut": frozenset("nails toenails fingernails food meat bread dinner".split()),
    "wash": frozenset("myself himself herself themselves yourself self hair face hands body back feet teeth".split()),
    "tie": frozenset("laces shoelaces shoes shoe boots trainers hair tie apron".split()),
    "climb": _STAIRS,
    "throw": frozenset("ball balls frisbee darts dart stick".split()),
    "kick": frozenset("ball balls football leg legs".split()),
}


def needed_object_end(words: list[str], end: int, verb: str) -> int:
    """The end of the object a NEEDS_OBJECT verb must have ("wear a t shirt", "open a jar"), or ``end``."""
    if verb == "wear":
        return wearing_end(words, end) or end
    if verb == "climb" and end < len(words) and words[end] in ("up", "down"):
        found = object_end(words, end + 1, verb)  # "[cant climb up the stairs]"
        return found if found > end + 1 else end
    found = object_end(words, end, verb)
    if verb in _OBJECT_CLASSES and (found == end or words[found - 1] not in _OBJECT_CLASSES[verb]):
        return end  # "cant wash the car", "cant tie the knot", "cant throw a punch": no task of the body
    if verb == "climb" and found - end > 1 + (words[end] in _OPENERS):
        return end  # "cant climb the corporate ladder": stairs are climbed, not qualified
    return found


# An adjective inside a listed task ("make a tight fist", "get a proper breath"): the task without it is in the table.
PHRASE_ADJECTIVES = frozenset("tight proper full good decent real complete firm normal".split())


# Two functions that fail only together are one limit: "[cant eat and breathe at the same time]".
_AT_ONCE = (("at", "the", "same", "time"), ("at", "once"))


def together_end(words: list[str], end: int, functions: dict) -> int:
    """The end of "and <function> at the same time" after a lost function ending at ``end``, or ``end``."""
    n = len(words)
    if end + 2 >= n or words[end] != "and" or (words[end + 1],) not in functions:
        return end
    for tail in _AT_ONCE:
        if tuple(words[end + 2:end + 2 + len(tail)]) == tail:
            return end + 2 + len(tail)
    return end
