"""Behaviour, memory, mood and a child's development told in lay words instead of a symptom name: "[cant stop
checking]", "[checking the stove 30 times]", "[snap at everyone]", "[forgetting names]", "[got lost driving
home]", "[stare into space]", "[meltdowns]", "[dont feel bonded]", "[not saying many words yet]", "[doesnt point
or wave]", "[isnt talking yet]", "[doesnt turn round when we call him]".

Each is an everyday act that is a complaint only by its repetition, its target or its absence: checking the
stove again and again (not "checking the oven timer"), snapping at people (not a photo), a milestone not reached
"yet". The negation is part of the span, as for any lost function (GUIDELINES rules 3 and 16).
"""
from __future__ import annotations

from qatext.ner import lay_patterns
from qatext.ner.span_rules import Spans, gate, gate_hits

COMPULSION = "HP:0000722"
IRRITABILITY = "HP:0000737"
MEMORY = "HP:0002354"
DISORIENTATION = "HP:0001289"
ABSENCE = "QATEXT:symptom/staring-spells"
MELTDOWN = "QATEXT:symptom/meltdowns"
BONDING = "QATEXT:symptom/bonding-difficulty"
DELAY = "HP:0012758"
SPEECH = "HP:0002167"
PRESSURED_SPEECH = "HP:0032571"
REPETITION = "QATEXT:symptom/repetitive-speech"
AGITATION = "HP:0000713"
OVEREATING = "HP:0002591"  # polyphagia
HALLUCINATION = "HP:0000738"
SKIN_PICKING = "QATEXT:symptom/skin-picking"

_CLASSES = {
    "RITUALS": "checking|washing|counting|cleaning|rechecking|re-checking|touching|tapping|scrubbing|hand_washing|"
               "recheck|rechecks|re-check|"
               "washing_my_hands|washing_his_hands|washing_her_hands",
    # what is checked again and again; the word after it must not make it another thing ("the oven timer")
    "CHECKED": "stove|oven|locks|lock|door|doors|windows|window|taps|tap|plugs|plug|iron|switches|hob|gas|"
               "front_door|back_door|car_door|alarm|lights",
    # the state the ritual makes sure of: "[check the door is locked 30 times]"
    "SECURED": "is_locked|are_locked|'s_locked|s_locked|is_off|are_off|'s_off|is_shut|are_shut|is_closed|are_closed|"
               "is_unplugged|are_unplugged|is_switched_off|are_switched_off|is_turned_off|are_turned_off|"
               "is_really_locked|is_definitely_locked|is_still_locked|is_really_off|is_definitely_off",
    "PEOPLE": "everyone|everybody|people|the_kids|my_kids|the_children|my_husband|my_wife|my_partner|my_family|"
              "my_boyfriend|my_girlfriend|my_mum|my_mom|my_son|my_daughter|him|her|them|my_kids_and_husband|"
              "the_family|his_family|her_family|us|anyone|anybody|"
              # those close at hand that irritability lands on: "[snapped at my boss]" (no pets: "the dog snapped
              # at my cat")
              "my_boss|my_manager|my_colleagues|my_coworkers|my_co-workers|my_friends|my_best_friend|my_flatmate|"
              "my_roommate|my_bf|my_gf|my_hubby|my_fiance|my_fiancé|my_other_half|my_sister|my_brother|his_sister|"
              "her_sister|his_brother|her_brother|my_dad|my_father|my_mother|my_parents|my_nan|my_kid|my_two|"
              "his_wife|her_husband|my_students|my_team|a_customer|customers|"
              "coworkers|colleagues",
    # whose head is bitten off: "[biting everyones head off]"
    "HEADS_OF": "everyones|everyone_'s|everybodys|everybody_'s|peoples|people_'s|my|his|her|their|anyones|"
                "anyone_'s|my_husbands|my_husband_'s|my_wifes|my_wife_'s|my_partners|my_partner_'s|my_kids|"
                "my_kids_'|my_mums|my_mum_'s|my_moms|my_mom_'s",
    "FORGETTABLE": "names|words|faces|appointments|people's_names|peoples_names|conversations|what_day_it_is|"
                   "where_she_is|where_he_is|where_i_am|where_she_put_things|where_he_put_things|things|"
                   "my_words|her_words|his_words|the_names_of|recent_events|the_word|birthdays",
    "FAMILIAR_ROUTE": "driving_home|walking_home|coming_home|on_the_way_home|driving_to_work|in_her_own_street|"
                      "in_his_own_street|in_our_street|in_the_supermarket|in_familiar_places|going_home|"
                      "in_the_neighbourhood|in_the_neighborhood",
    "MILESTONE": "talking|walking|crawling|babbling|smiling|sitting_up|sitting|standing|pointing|waving|speaking|"
                 "saying_words|using_words|responding_to_his_name|responding_to_her_name|making_eye_contact",
    "MILESTONE_VERB": "point|wave|babble|smile|crawl|walk|talk|speak|respond_to_his_name|respond_to_her_name|"
                      "make_eye_contact|look_at_us|look_at_me|answer_to_his_name|answer_to_her_name",
    "NOT_YET": "is_nt|is_n't|isnt|is_not|'s_not|are_nt|are_n't|not|still_not|still_is_nt|still_isnt|has_nt_started|"
               "hasnt_started|has_n't_started",
    "DOESNT": "does_nt|does_n't|doesnt|does_not|did_nt|did_n't|didnt|wo_nt|wo_n't|wont|never|wo_nt_even",
    "CALLED": "when_we_call_him|when_we_call_her|when_we_call_his_name|when_we_call_her_name|when_you_call_him|"
              "when_you_call_her|when_i_call_him|when_i_call_her|to_his_name|to_her_name",
    # where restless walking goes round: a room or a floor of one's home or ward ("pacing myself" is no place)
    "PACED": "kitchen|room|rooms|hall|hallway|halls|house|landing|floor|floors|corridor|corridors|ward|bedroom|"
             "flat|lounge|living_room|garden|stairs|carpet|place",
    # where food is taken from at odd hours: "[raiding the fridge] at night"
    "LARDER": "fridge|fridges|cupboard|cupboards|pantry|larder|freezer|biscuit_tin|snack_drawer|snack_cupboard|"
              "kitchen_cupboards|treat_cupboard|sweet_jar|cookie_jar",
    "SELF": "himself|herself|myself|themselves|ourselves",
    # who or what someone talks to, sees or hears that is not there: "[talking to people who arent there]"
    "UNSEEN": "people|someone|somebody|things|voices|children|kids|animals|a_man|a_woman|a_child|her_mum|her_mother|"
              "his_mum|his_mother|her_husband|his_wife|her_sister|his_brother|the_wall|the_tv|the_telly",
    "WHO": "who|that|which",
    "NOT_THERE": "are_nt_there|are_n't_there|arent_there|are_not_there|is_nt_there|is_n't_there|isnt_there|"
                 "is_not_there|were_nt_there|were_n't_there|werent_there|were_not_there|was_nt_there|"
                 "was_n't_there|wasnt_there|was_not_there|"
                 "are_nt_really_there|arent_really_there|are_not_really_there|are_nt_even_there|arent_even_there",
    # what restless hands pull at: clothes, bedding, tubes (not "the door handle", "the weeds")
    "WORN": "clothes|clothing|top|shirt|nightie|nightdress|pyjamas|pajamas|sleeves|collar|sheets|bedsheets|covers|"
            "blanket|blankets|duvet|bedding|hair|tubes|drip|cannula|catheter|oxygen_mask|nappy|pad|buttons",
    "PERSON": "he|she|i|they|you|we",
    "SAID": "said|says|was_saying|were_saying|'d_said|had_said|'s_said|has_said|was_doing|were_doing|read|asked|"
            "was_talking_about|were_talking_about|came_in_for|went_in_for|went_upstairs_for|came_upstairs_for|"
            "was_going_to_say|wanted|did|ate|meant_to_say",
    # a part of the body's surface picked at: "[picking at her lips]" (what the picking does after it, "till they
    # bleed", is its extent and stays outside as in the gold's "[picks the skin around her nails] till it bleeds")
    "PICKED": "cuticles|nails|fingernails|toenails|skin|lips|scabs|spots|scalp|fingers|thumbs|cheeks|cheek|pimples",
    "FEEL_NOT": "do_nt|do_n't|dont|do_not|did_nt|did_n't|didnt|ca_nt|ca_n't|cant|can_not|cannot|never",
}
ROWS = [
    # speech that fails: "[words come out jumbled]", "[words coming out wrong]" (the words are the body's product
    # here, as a body part with its predicate, GUIDELINES rule 6)
    ("words|speech|sentences come|comes|came|coming ?out ?all|really jumbled|wrong|muddled|slurred|garbled|"
     "backwards|mixed_up|scrambled|weird|funny", "SYMPTOM", SPEECH),
    ("talking|talks|talk|talked a_mile_a_minute|nineteen_to_the_dozen", "SYMPTOM", PRESSURED_SPEECH),
    ("repeating|repeats|repeated the same story|stories|question|questions|sentence", "SYMPTOM",
     REPETITION),
    ("{CANT} stop {RITUALS}", "SYMPTOM", COMPULSION),
    ("repetitive|compulsive|excessive|ritual|obsessive checking|washing|handwashing|hand-washing|hand_washing|"
     "counting|cleaning|rechecking|reassurance_seeking", "SYMPTOM", COMPULSION),
    # the count is inside (the amount rule), a repetition adverb outside: "[checking the locks] over and over"
    ("{RITUALS} {OWNER} {CHECKED} ?{SECURED} ?#_times|#x|#_or_#_times|a_dozen_times|dozens_of_times", "SYMPTOM",
     COMPULSION),
    # the base form needs the state it makes sure of: "[check the door is locked 30 times]" (not "check the iron")
    ("check|checks|checked {OWNER} {CHECKED} {SECURED} ?#_times|#x|#_or_#_times|a_dozen_times|dozens_of_times",
     "SYMPTOM", COMPULSION),
    ("snap|snaps|snapping|snapped at {PEOPLE}", "SYMPTOM", IRRITABILITY),
    ("forgetting|forgets {FORGETTABLE}", "SYMPTOM", MEMORY),
    ("got|gets|getting|get|gotten lost {FAMILIAR_ROUTE}", "SYMPTOM", DISORIENTATION),
    ("stare|stares|staring|stared|zone|zones|zoning|zoned ?off|out into space|into_the_distance|blankly|"
     "into_nothing", "SYMPTOM", ABSENCE),
    ("stare|stares|staring|stared blankly", "SYMPTOM", ABSENCE),
    ("meltdowns", "SYMPTOM", MELTDOWN),
    ("{FEEL_NOT} feel|feel_any bonded|connected|attached|a_bond|any_bond|a_connection|love_for", "SYMPTOM", BONDING),
    ("{NOT_YET} ?really {MILESTONE} ?properly yet", "SYMPTOM", DELAY),
    ("{NOT_YET} saying|using|got|have|has many|any|much|enough words ?yet", "SYMPTOM", DELAY),
    ("{DOESNT} {MILESTONE_VERB} ?or|and|nor ?{MILESTONE_VERB}", "SYMPTOM", DELAY),
    ("{DOESNT} turn_round|turn_around|look_up|respond|react|answer|turn ?round|around {CALLED}", "SYMPTOM", DELAY),
    ("no pointing|babbling|waving", "SYMPTOM", DELAY),  # ("no words" of a letter, "no eye contact": left to the lexicon)
]
INDEX = lay_patterns.compile_patterns(ROWS, _CLASSES)
# Round 18a's behaviours told as actions, an index of their own tried only when one of their first words is in the
# doc (in the main index their first words would make every doc's look-up longer)
ACTION_ROWS = [
    # a thing just said or done, lost at once: "[forgetting what he just said]", "[forgot what i came in for]"
    ("forgetting|forgets|forgot|forget what {PERSON} ?just|only_just|had_just|'d_just {SAID}", "SYMPTOM", MEMORY),
    # behaviours told as actions (agitation, appetite, hallucination), with the place, target or object that makes
    # them a complaint: "[pacing the kitchen]", "[raiding the fridge]", "[repeating himself]", "[pulling at her
    # clothes]"
    ("pacing|paces|paced|pace ?up_and_down|around|round|about|back_and_forth ?{OWNER} {PACED}", "SYMPTOM", AGITATION),
    ("raiding|raids|raided|raid ?{OWNER} {LARDER}", "SYMPTOM", OVEREATING),
    ("repeating|repeats|repeated|repeat {SELF}", "SYMPTOM", REPETITION),
    ("picking|picks|picked|pick|biting|bites|bit|bite|chewing|chews|chewed|peeling|peels|peeled at {OWNER} {PICKED}",
     "SYMPTOM", SKIN_PICKING),
    ("talking|talks|talked|talk|chatting|chats|chatted|speaking|speaks|spoke|waving|waves|shouting|shouts to|at|with "
     "{UNSEEN} {WHO} {NOT_THERE}", "SYMPTOM", HALLUCINATION),
    # (not "bite": "not to bite your head off, but ..." is politeness; "bit" is in "a bit" of most docs)
    ("biting|bites {HEADS_OF} head|heads off", "SYMPTOM", IRRITABILITY),
    ("pulling|pulls|pulled|pull|tugging|tugs|tugged|plucking|plucks|plucked|picking|picks|fiddling|fiddles|fidgeting "
     "at|with {OWNER} {WORN}", "SYMPTOM", AGITATION),
]
ACTION_INDEX = lay_patterns.compile_patterns(ACTION_ROWS, _CLASSES)
ACTION_WORDS = frozenset("forgetting forgets forgot pacing paces paced raiding raids raided repeating repeats repeated "
                         "talking talks talked chatting chats chatted speaking speaks spoke shouting shouts waving waves "
                         "pulling pulls pulled tugging tugs tugged plucking plucks plucked picking picks picked "
                         "fiddling fiddles fidgeting biting bites chewing chews chewed scratching scratches scratched "
                         "peeling peels peeled".split())
_ACTION_GATE = gate(ACTION_WORDS)
# what the rows with a common first word ("picks", "bites", "talks") need besides it: a place, a larder, a self, a
# thing not there, a worn thing, a damage, a thing just said
_ACTION_NEEDS = gate("kitchen room hall hallway halls house landing floor floors corridor corridors ward bedroom flat "
                     "lounge garden stairs carpet place fridge fridges cupboard cupboards pantry larder freezer tin "
                     "himself herself myself themselves ourselves there clothes clothing top shirt nightie nightdress "
                     "pyjamas pajamas sleeves collar sheets bedsheets covers blanket blankets duvet bedding hair tubes "
                     "drip cannula catheter mask nappy pad buttons cuticles nails fingernails toenails skin lips scabs "
                     "spots scalp fingers thumbs cheeks cheek pimples just said "
                     "says saying doing read asked came went wanted did ate meant off".split())
WORDS = frozenset({"locked", "unplugged", "stove", "oven", "hob", "locks", "recheck", "rechecks", "re-check", "repetitive", "compulsive", "excessive", "ritual", "obsessive", "words", "speech", "sentences", "talking", "talks", "talk", "talked", "repeating", "repeats",
                   "repeated", "stop", "checking", "washing", "counting", "cleaning", "rechecking", "snap", "snaps", "snapping",
                   "snapped", "forgetting", "forgets", "forgot", "keeps", "kept", "lost", "stare", "stares", "staring",
                   "stared", "zone", "zones", "zoning", "zoned", "meltdowns", "bonded", "connected", "attached",
                   "bond", "yet", "words", "point", "wave", "babble", "smile", "call", "pointing", "babbling",
                   "waving", "eye", "respond", "crawl",
                   # round 18a: behaviours told as actions (the rows' rarer first words; "talking" is above; "pick",
                   # "pull", "forget", "there" are in most docs and open no row alone)
                   "pacing", "paces", "paced", "raiding", "raids", "raided",
                   "chatting", "tugging", "tugged", "plucking", "plucked", "pulling", "fiddling", "fidgeting", "picking",
                   "picks", "biting", "bites"}) | ACTION_WORDS  # (every form the action rows start with: "picked",
# "chewed", "pulled", "spoke", "waves")
_OLD_GATE_WORDS = WORDS - {"pacing", "paces", "paced", "raiding", "raids", "raided", "chatting", "tugging", "tugged",
                           "plucking", "plucked", "pulling", "fiddling", "fidgeting", "picking", "picks", "biting",
                           "bites"}
_GATE = gate(_OLD_GATE_WORDS)
# a checked thing followed by a noun is another thing: "checking the oven timer", "washing the car door handle"
_TAIL_OK = frozenset(".,;:!?)".split() + [".", ",", "!", "?", "and", "or", "before", "after", "when", "every", "all",
                                          "at", "in", "is", "are", "to", "so", "because", "but", "like", "again",
                                          "over", "twice", "again", "#", "multiple", "many", "several"])
_REPEAT_CUES = frozenset("still keep keeps kept constantly always compulsively obsessively stop endlessly "
                         "repeatedly".split())


def add_behaviour_phrases(doc, words: list[str], spans: Spans) -> Spans:
    hits = gate_hits(words)
    found = []
    if not _GATE.isdisjoint(hits):
        found = [_with_must(words, f) for f in lay_patterns.find(words, INDEX) if _plausible(words, f)]
    if not _ACTION_GATE.isdisjoint(hits) and not _ACTION_NEEDS.isdisjoint(hits):
        actions = [f for f in lay_patterns.find(words, ACTION_INDEX) if _plausible(words, f)]
        if actions:  # the two indexes' finds may overlap: the one found first keeps its place
            taken = {k for f in found for k in range(f[0], f[1])}
            found = sorted(found + [f for f in actions if taken.isdisjoint(range(f[0], f[1]))])
    return lay_patterns.place(spans, found) if found else spans


_MUST = frozenset("have has had need needs needed".split())


def _with_must(words: list[str], f):
    """The compulsion's "have to" is part of it: "[have to check the door is locked 10 times]" (found from "check", so
    that "have", in every doc, starts no pattern)."""
    start = f[0]
    if f[3] == COMPULSION and start >= 2 and words[start - 1] == "to" and words[start - 2] in _MUST:
        return (start - 2,) + tuple(f[1:])
    return f


# "at the risk of repeating myself", "sorry for repeating myself": the writer's apology, no complaint
_APOLOGY_BEFORE = frozenset("of for risk without hate avoid sorry apologies apologise apologize excuse forgive want "
                            "wanna".split())
_ONE_OCCASION = frozenset("at in on yesterday last during about".split())
_GROUPS = frozenset("kids children boys girls we they guests teenagers teens lads everyone".split())
_PERSISTENT = frozenset("constantly always keeps keep kept night day non-stop endlessly continuously stop".split())
_ONE_OFF_SAID = frozenset("said says read asked did ate wanted".split())


def _plausible(words: list[str], f) -> bool:
    start, end, _label, concept = f
    n = len(words)
    if concept == MEMORY and words[start] in ("forgot", "forget") and end - start > 2 and words[start + 1] == "what" \
            and "just" not in words[start:end] and words[end - 1] in _ONE_OFF_SAID:
        return False  # "i forgot what he said about the party": one lapse, not a memory that fails at once
    if concept == MEMORY and words[start] in ("forgetting", "forgets") and "just" not in words[start:end] \
            and words[end - 1] in _ONE_OFF_SAID and end < n and words[end] in _ONE_OCCASION:
        return False  # "i keep forgetting what she said at the meeting yesterday": one occasion's words
    if concept == REPETITION and words[end - 1] in ("myself", "ourselves") and (
            not _APOLOGY_BEFORE.isdisjoint(words[max(0, start - 8):start]) or end < n and words[end] == "to"):
        return False  # "sorry if im repeating myself", "dont want to keep repeating myself to the receptionist"
    if concept == OVEREATING and start and words[start - 1] in _GROUPS:
        return False  # "the kids raided the fridge after school": a group's snack
    if concept == AGITATION and words[start] in ("pulling", "pulls", "pulled", "pull", "tugging", "tugs", "tugged",
                                                 "plucking", "plucks", "plucked", "picking", "picks", "fiddling",
                                                 "fiddles", "fidgeting"):
        if end < n and words[end] in ("on", "of"):
            return False  # a thing's part: "fiddling with the buttons on the remote"
        if words[start] in ("fiddling", "fiddles", "fidgeting") and _PERSISTENT.isdisjoint(
                words[max(0, start - 4):end + 4]):
            return False  # a nervous habit once: "fiddling with her hair nervously during the interview"
    if concept == COMPULSION and words[start] in ("repetitive", "compulsive", "excessive", "ritual", "obsessive"):
        return True  # the repetition is named
    if concept == COMPULSION and words[start] not in lay_patterns.CANT_FIRSTS:
        # checking a thing is a ritual when repeated: a count inside ("30 times"), a repetition after it ("over and
        # over") or a cue before it ("still checking", "keep checking")
        nxt = words[end] if end < n else "."
        if nxt.isalpha() and nxt not in _TAIL_OK:
            return False
        counted = words[end - 1] in ("times", "repeatedly", "constantly", "compulsively", "over", "again")
        repeated = tuple(words[end:end + 3]) in (("over", "and", "over"), ("again", "and", "again")) or nxt in (
            "repeatedly", "constantly", "twice", "multiple", "again")
        cued = any(w in _REPEAT_CUES for w in words[max(0, start - 3):start])
        return counted or repeated or cued
    if concept == DISORIENTATION and start and words[start - 1] in ("we", "they", "you", "us"):
        return False  # a group's wrong turn: "we got lost driving home from the lake" (a person's is the complaint)
    if concept == ABSENCE and words[start] in ("zone", "zones", "zoning", "zoned") and end - start == 2:
        return False  # "zone out" of a bored student: only "zoning out into space"
    if concept == MELTDOWN and start and words[start - 1] in ("nuclear", "market", "financial", "stock", "reactor",
                                                              "economic", "political"):
        return False
    if concept == DELAY and words[start] == "no":
        return True
    if concept == DELAY and end - start <= 2 and words[end - 1] in ("talking", "walking", "speaking", "sitting",
                                                                  "standing", "smiling", "crawling"):
        return False  # "not talking" to someone, "not walking" the dog: a milestone needs "yet"
    if concept == DELAY and end < n and words[end] in ("to", "out", "towards", "toward"):
        return False  # "does not point to ADHD": a sign pointing somewhere, no child
    if concept == DELAY and words[end - 1] in ("talk", "speak", "walk", "smile", "answer", "respond"):
        return False  # "doesnt talk to me", "didnt smile at the photo": only pointing, waving, babbling alone
    return True
