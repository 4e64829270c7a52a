"""Thinking, mood, behaviour, sex and the menstrual rhythm told in lay words instead of a symptom name: "[cant
finish tasks]", "[lose my keys] every day", "[forget what im saying]", "[walking into door frames]", "[feelings are
flattened]", "[teared up] at adverts", "[feel like im about to die]", "[cant go into big supermarkets]", "[stopped
eating properly]", "[picking at her dinner]", "[horrible thoughts that i might hurt someone]", "[shouting at the
carers]", "[wandering] at night", "[sex drive has vanished]", "[takes forever to climax]", "[couldnt finish] in
bed", "[periods every 50-70 days]", "[periods so heavy]", "[im] [shattered]" and "[floaty]".

Each phrase is an everyday act, feeling or rhythm that reports a health state only by its form (a lost function
with its modal, GUIDELINES rules 3 and 16), its habit (a story of repetition: "every day", "constantly"), or the
story around it (an ADHD, dementia or sexual context). Everyday uses of the same words are left alone: "lost my
keys yesterday", "shouting at the kids to hurry", "seeing people at the garden party", "periods every 28 days",
"the glass shattered", "a floaty dress", "cant finish my dinner".
"""
from __future__ import annotations

import re

from qatext.ner import lay_patterns
from qatext.ner.lay_limit_complements import fasting_order
from qatext.ner.span_rules import Spans, gate, gate_hits, word_positions, word_set

MEMORY = "HP:0002354"
CONCENTRATION = "QATEXT:symptom/difficulty-concentrating"
WORD_FINDING = "QATEXT:symptom/word-finding-difficulty"
CLUMSINESS = "HP:0002312"
IMPULSIVITY = "HP:0100710"
BLUNTING = "HP:0030213"
TEARFULNESS = "HP:0000716"
DOOM = "QATEXT:symptom/feeling-of-impending-doom"
AVOIDANCE = "QATEXT:symptom/avoidance"
APPETITE = "HP:0004396"
OBSESSIONS = "QATEXT:symptom/obsessive-thoughts"
AGITATION = "HP:0000713"
WANDERING = "QATEXT:symptom/wandering"
ANHEDONIA = "HP:0012154"
APATHY = "HP:0000741"
FATIGUE = "HP:0012378"
LIBIDO = "HP:0030217"
ANORGASMIA = "HP:0046502"
ERECTILE = "HP:0100639"
GENITAL_NUMBNESS = "QATEXT:symptom/genital-numbness"
IRREGULAR_PERIODS = "HP:0000858"
HEAVY_PERIODS = "HP:0000132"
LIGHTHEADED = "HP:0031972"
HALLUCINATION = "HP:0000738"
DISORIENTATION = "HP:0001289"
SELF_NEGLECT = "QATEXT:symptom/self-neglect"
EXHAUSTION = "HP:0012378"
RACING_THOUGHTS = "HP:0033844"

_CLASSES = {
    # a habit word before ("keeps losing", "always forgetting") stays outside the span (GUIDELINES section 9: "keep
    # [forgetting words]"), and still tells a habit (_plausible reads the words before)
    "LOSE": "lose|loses|losing",
    # things a forgetful person mislays: a symptom only with a habit or a story (see _plausible)
    "MISLAID": "keys|my_keys|his_keys|her_keys|phone|my_phone|his_phone|her_phone|glasses|my_glasses|his_glasses|"
               "her_glasses|wallet|my_wallet|his_wallet|her_wallet|things|stuff|my_things|my_stuff|purse|my_purse|"
               "her_purse|my_car_keys|the_car_keys|track_of_time",
    # losing these is a symptom by itself
    "LOST_WORDS": "words|my_words|his_words|her_words|the_words|my_train_of_thought|train_of_thought|"
                  "the_thread|my_thread|track_of_what_i'm_saying|track_of_what_i_m_saying|track_of_what_im_saying|"
                  "track_of_conversations|my_place_mid_sentence",
    "FORGET": "forget|forgets|forgetting",
    "SAYING": "what_i_m_saying|what_i'm_saying|what_im_saying|what_i_am_saying|what_i_was_saying|what_he_'s_saying|"
              "what_he_is_saying|what_she_'s_saying|what_she_is_saying|what_he_s_saying|what_she_s_saying|"
              "what_i_was_doing|what_i_m_doing|what_im_doing|what_i'm_doing|what_i_came_in_for|"
              "what_i_went_in_for|why_i_came_in|why_i_walked_in|why_i_went_upstairs|what_i_just_read|"
              "what_people_tell_me|what_people_have_just_said|what_day_it_is|mid_sentence|mid-sentence",
    "TASKS": "tasks|a_task|any_task|projects|a_project|anything_i_start|things_i_start|what_i_start|"
             "a_sentence|sentences|my_sentences|a_thought|my_thoughts|a_train_of_thought|my_work|jobs_i_start",
    "STRING": "string|put|get|piece",
    "SENTENCE": "a_sentence|sentences|two_words|words|my_words|my_thoughts|a_thought|two_sentences",
    "BUMP": "walking|walk|walks|walked|bumping|bump|bumps|bumped|crashing|crash|crashes|crashed|banging|bang|bangs|"
            "banged|knocking|knock|knocks|knocked",
    "OBSTACLES": "door_frames|doorframes|door_frame|doorframe|doorways|walls|doors|furniture|things|everything|"
                 "stuff|objects|tables|the_furniture|the_walls|the_door_frame|the_doorframe|the_door_frames|"
                 "the_doorway|corners|table_corners|the_corners",
    "INTERRUPT": "interrupt|interrupts|interrupting|blurt_out|blurts_out|"
                 "blurting_out|butt_in|butts_in|butting_in",
    "INTERRUPTED": "people|others|everyone|everybody|colleagues|my_colleagues|conversations|my_wife|my_husband|"
                   "my_partner|teachers|his_teacher|her_teacher|the_teacher|other_kids|other_children|"
                   "answers|things",
    "FEELINGS": "feelings|emotions",
    "BE": "are|were|have_been|'ve_been|ve_been|are_all|feel|felt|seem|have_gone|'ve_gone|ve_gone|got|get|are_just|"
          "are_completely|are_totally|have_become",
    "BLUNTED": "flattened|flat|numb|numbed|blunted|muted|dulled|deadened|dampened|switched_off|turned_off|"
               "shut_off|gone|dead|non-existent",
    "TEARED": "teared|tear|tears|tearing|welled|well|wells|welling|filled|fill|fills|filling",
    "FEEL_LIKE": "feel_like|feels_like|felt_like|feeling_like|feel_as_if|felt_as_if|feel_as_though|"
                 "felt_as_though",
    "IM": "i_m|i'm|im|i_am|i_was|i_was_going_to|i_'m|i_m_going_to|im_going_to|i'm_going_to|i_was_gonna|"
          "i_m_gon_na|im_gon_na|i'm_gon_na|i|i_'m_going_to|i_'m_gon_na|i_could|i_might|i_will|i_'ll|i_ll",
    "DOOMED": "about_to_die|going_to_die|gon_na_die|gonna_die|dying|about_to_pass_out|going_to_pass_out|"
              "about_to_collapse|going_to_collapse|about_to_faint|going_to_faint|die|pass_out|collapse|faint|"
              "about_to_drop|going_to_drop|have_a_heart_attack|having_a_heart_attack|losing_my_mind|"
              "going_crazy|going_mad|losing_it|choking|suffocating|about_to_choke",
    "FACE": "go_into|go_in|go_to|go_near|set_foot_in|face|be_in|walk_into|step_into|cope_with|go_out_to",
    "FEARED": "supermarkets|shops|stores|crowds|crowded_places|busy_places|public_places|lifts|elevators|trains|"
              "buses|the_tube|planes|malls|shopping_centres|shopping_centers|restaurants|queues|lines|cinemas|"
              "tunnels|bridges|motorways|highways|big_shops|big_stores|big_supermarkets|busy_shops|busy_streets|"
              "the_supermarket|the_shops|a_supermarket|a_shop|the_mall|a_crowd|the_bus|the_train|a_lift|an_elevator|"
              "the_lift|the_elevator|public_transport|open_spaces",
    "EATING_STOP": "stopped|stopping|stops|not|n't|nt|is_nt|isnt|is_n't|has_nt_been|hasnt_been|"
                   "has_n't_been|have_nt_been|havent_been|have_n't_been|haven't_been|barely|hardly|never|did_nt|did_n't|"
                   "didnt|does_nt|does_n't|doesnt",
    "EATING": "eating|eats|eaten|eat",
    "PROPERLY": "properly|much|enough|well|normally|anything|at_all|very_much|a_thing|a_proper_meal|proper_meals|"
                "regular_meals|regularly",
    "PICKING": "picking|picks|picked|pick|pecking|pecks|pecked|peck|nibbling|nibbles",
    "MEAL": "dinner|dinners|food|meals|meal|lunch|breakfast|tea|supper|plate|his_food|her_food|my_food",
    "BAD_THOUGHTS": "horrible|scary|intrusive|awful|dark|disturbing|unwanted|violent|frightening|terrible|"
                    "upsetting|nasty|weird|strange|bad|evil|sick|repulsive|obsessive|terrifying|graphic|"
                    "awful_intrusive|horrible_intrusive|scary_intrusive",
    "SHOUT": "shouting|shouts|shouted|shout|yelling|yells|yelled|yell|screaming|screams|screamed|scream|"
             "swearing|swears|swore|swear|lashing_out|lashes_out|lashed_out|lash_out|hitting_out|hits_out|"
             "lunging|lunges|lunged|spitting|spits|spat|kicking_out|kicks_out",
    "CARERS": "carers|the_carers|his_carers|her_carers|nurses|the_nurses|staff|the_staff|care_staff|"
              "the_care_staff|aides|the_aides|caregivers|his_caregivers|her_caregivers|the_caregivers|"
              "care_workers|the_care_workers|helpers|the_helpers|other_residents|the_other_residents|"
              "the_doctors|visitors",
    "PEOPLE": "everyone|everybody|people|the_kids|my_kids|the_children|my_husband|my_wife|my_partner|my_family|"
              "my_boyfriend|my_girlfriend|my_mum|my_mom|my_son|my_daughter|him|her|them|us|me|strangers|"
              "the_family|his_family|her_family|anyone|anybody|the_tv|the_television|my_dad|my_father|"
              "my_mother|his_wife|her_husband",
    "WANDER": "wandering|wanders|wandered|wander",
    "PACE": "pacing|paces|paced|pace",
    "INTEREST": "no|zero|little|lost|lost_all|lost_any|any|not_much|nil|losing|losing_all|lack_of|lacking",
    "ANYTHING": "anything|everything|things|life|doing_anything|doing_things|my_hobbies|his_hobbies|her_hobbies|"
                "hobbies|stuff|activities|the_things_i_used_to_love|things_i_used_to_enjoy|things_i_used_to_love|"
                "things_i_enjoy|things_i_love|the_things_i_enjoy|the_things_i_love|the_world|people|food|sex",
    "BOTHERED": "be_bothered|be_arsed|be_asked|face|muster_the_energy|find_the_energy|summon_the_energy|"
                "get_motivated|motivate_myself",
    "ANYTHING_DONE": "to_do_anything|doing_anything|with_anything|with_life|anything|to_get_up|getting_up|"
                     "to_get_dressed|getting_dressed|to_leave_the_house|leaving_the_house|to_get_out_of_bed|"
                     "to_do_anything_at_all",
    "DONT_HAVE": "do_nt_have|don't_have|dont_have|do_not_have|do_n't_have|did_nt_have|didnt_have|did_n't_have|"
                 "have_nt_got|havent_got|have_n't_got|lack|lacking|lacked",
    "ENERGY": "the_energy|any_energy|energy|the_strength|any_strength|the_oomph|any_oomph|the_get_up_and_go|"
              "any_get_up_and_go|get_up_and_go|the_motivation|any_motivation",
    "HATE": "hated|hate|hating|hates",
    "LIFE": "life|living|being_alive|existing|my_existence|everything_about_my_life",
    "DRIVE": "sex_drive|libido|drive|sexual_desire|desire_for_sex|interest_in_sex|sex_life|sexual_appetite|sexual_drive",
    "HAS": "has|have|is|'s|s|was|had|just|seems_to_have|seems|has_totally|has_completely|has_basically|has_just|"
           "is_basically|is_completely|is_totally|is_just|has_pretty_much|is_pretty_much|is_practically|"
           "has_all_but|is_all_but|has_really|has_definitely|has_greatly|has_severely|seems_a_little|seems_a_bit|"
           "is_very|is_so|is_really|is_a_little|is_a_bit|was_very|was_so|seems_very",
    "VANISHED": "vanished|gone|disappeared|dropped|tanked|died|plummeted|nonexistent|non-existent|non_existent|"
                "zero|nil|dead|non_-_existent|evaporated|crashed|dwindled|dried_up|fallen_off_a_cliff|went|basically_gone|"
                "completely_gone|totally_gone|gone_down|in_the_toilet|through_the_floor|disappeared_completely|"
                "vanished_completely|pretty_much_gone|all_but_gone|dropped_off|shot|non-existant|nonexistant|"
                "decreased|reduced|diminished|declined|lessened|low|lower|non_existant|non_-_existant|way_down",
    "FOREVER": "forever|ages|so_long|much_longer|way_longer|longer|a_long_time|an_age|an_eternity|hours|"
               "so_much_longer|a_lot_longer|twice_as_long|a_very_long_time|a_really_long_time|really_long|"
               "very_long|too_long|way_too_long",
    "CLIMAX": "climax|orgasm|come|cum|finish|ejaculate|reach_orgasm|reach_climax|get_there|have_an_orgasm",
    "ERECTIONS": "erections|erection|hard-ons|boners",
    "NOT_WHAT": "are_nt_what_they_were|aren't_what_they_were|arent_what_they_were|are_not_what_they_were|"
                "are_nt_what_they_used_to_be|aren't_what_they_used_to_be|arent_what_they_used_to_be|"
                "are_not_what_they_used_to_be|are_nt_as_strong|arent_as_strong|are_nt_as_firm|arent_as_firm|"
                "are_nt_as_hard|arent_as_hard|are_weaker|are_softer|do_nt_last|dont_last|don't_last|"
                "wo_nt_last|wont_last|are_weak|are_soft|have_gone|have_disappeared|have_stopped|"
                "is_nt_what_it_was|isnt_what_it_was|is_n't_what_it_was|is_not_what_it_was|"
                "is_nt_what_it_used_to_be|isnt_what_it_used_to_be|wo_nt_stay|wont_stay|do_nt_stay|dont_stay",
    "FIGURES": "people|bugs|insects|spiders|ants|worms|animals|cats|dogs|children|kids|babies|faces|shadows|things|"
               "figures|men|a_man|a_woman|a_child|strangers|dead_people|snakes|mice|rats|birds|little_people|"
               "intruders|soldiers|monsters|creatures|someone|somebody|a_person|small_children|little_children",
    "SCENES": "garden|wall|walls|ceiling|floor|room|bedroom|house|corner|window|windows|bed|carpet|curtains|yard|"
              "hallway|hall|kitchen|lounge|tv|stairs|sheets|street|doorway|field|lawn|backyard|back_garden|"
              "front_garden|corridor|ward|bathroom|mirror|shadows|dark",
    "PERIODS": "periods|period|cycles|cycle",
    "PERIOD_HOW": "so_heavy|really_heavy|very_heavy|super_heavy|extremely_heavy|incredibly_heavy|crazy_heavy|"
                  "insanely_heavy|horrendously_heavy|awfully_heavy|so_painful|really_painful|very_painful|"
                  "super_painful|extremely_painful|so_long|really_long|so_irregular|really_irregular|very_irregular|"
                  "irregular|erratic|unpredictable|all_over_the_place|everywhere|random|sporadic|heavy|painful|"
                  "so_erratic|really_erratic|so_unpredictable|so_random|so_bad|really_bad|horrendous|"
                  "so_heavy_and_painful|heavy_and_painful|painful_and_heavy",
    "ARE": "are|is|'s|s|have_been|'ve_been|ve_been|were|was|has_been|got|get|are_always|is_always|are_still|"
           "is_still|have_become|became|are_getting|is_getting",
    # lay words for the light-headed, detached feeling of a drug and for exhaustion
    # (the lexicon has "spaced out", "out of it", "knackered", "wiped out")
    "FLOATY": "floaty|floaty-headed|fuzzy_headed|fuzzy-headed|woolly_headed|woolly-headed|zonked|zonked_out",
    "SPENT": "shattered|cabbaged",
}
_HALLUCINATION_STORY = frozenset(
    "dementia alzheimers alzheimer alzheimer's confused confusion delirium delirious hallucinations hallucinating "
    "hallucinate lewy parkinsons parkinson's psychosis psychotic uti withdrawal sundowning paranoid "
    # a story of drink or a drug coming off: "saw bugs on the wall" when stopping drinking, "no DTs"
    "withdrawals dts detox sober sobriety tremens delusions delusional tripping".split())


# "tripping" tells a drug's trip only with the drug or its slang after it ("tripping on acid", "tripping balls"); "when
# tripping on holiday" is a journey
_TRIP_DRUGS = frozenset("acid lsd shrooms mushrooms magic dmt ketamine ket mdma molly psilocybin 2cb ayahuasca "
                        "mescaline peyote salvia".split())


def _drug_trip(words: list[str]) -> bool:
    """A "tripping" of the doc told of a drug ("tripping on acid", "tripping balls")."""
    for p in word_positions(words, ("tripping",)):
        after = words[p + 1:p + 4]
        if after[:1] in (["balls"], ["out"]) or after[:1] in (["on"], ["off"]) and not _TRIP_DRUGS.isdisjoint(after[1:]):
            return True
    return False


def _words_of(*names: str) -> frozenset[str]:
    """Every token of a class's alternatives (or of literal alternatives): the words a row's phrase must bring."""
    return frozenset(t for name in names for a in _CLASSES.get(name, name).split("|") for t in a.split("_")
                     if t != "#" and t not in _FUNCTION_WORDS)


# words too common to tell a doc that may hold a phrase from one that cannot
_FUNCTION_WORDS = frozenset("a an the my his her their your our its i im m 's s 'm me him them us it to of in on at "
                            "for with and or so is are was were be been have has had do does did not nt n't can "
                            "could will wo ca just all any no what why how that this get got go going up out off "
                            "really very much too".split())
_SEX_WORDS = frozenset("sex bed intercourse libido orgasm climax ejaculate ejaculation erection erections "
                       "masturbating masturbation".split())
_TAKES = "takes|took|taking|take|takes_me|took_me|takes_him|took_him"
# (pattern, label, concept, anchors): the doc must hold an anchor word (checked against the few gate hits) before
# the row is tried, so a doc with "can", "not" or "is" in it (all of them) costs nothing; rows whose first words
# are rare anchor themselves (None)
ROWS = [
    # thinking and memory
    ("{LOSE} {LOST_WORDS}", "SYMPTOM", WORD_FINDING, frozenset({"lose", "loses", "losing"})),
    ("{LOSE} {MISLAID}", "SYMPTOM", MEMORY, frozenset({"lose", "loses", "losing"})),
    ("{FORGET} {SAYING}", "SYMPTOM", MEMORY, frozenset({"forget", "forgets", "forgetting"})),
    ("{CANT} finish|complete|get_through|focus_on|stick_to|stick_at|keep_up_with {TASKS}", "SYMPTOM", CONCENTRATION,
     _words_of("TASKS") - {"work", "start", "thought", "thoughts", "anything", "things", "what", "jobs"}),
    ("{CANT} {STRING} {SENTENCE} together", "SYMPTOM", WORD_FINDING, frozenset({"together"})),
    ("{CANT} get|find {OWNER} words out", "SYMPTOM", WORD_FINDING, frozenset({"words"})),
    ("{BUMP} into {OBSTACLES}", "SYMPTOM", CLUMSINESS, _words_of("OBSTACLES") - {"things", "everything", "stuff"}
     | {"bumping", "bump", "bumps", "bumped", "crashing", "banging", "knocking"}),
    ("{INTERRUPT} {INTERRUPTED}", "SYMPTOM", IMPULSIVITY, None),
    ("mind|brain|head goes|went|going|keeps_going|just_goes|just_went|will_go|can_go blank|empty",
     "SYMPTOM", MEMORY, frozenset({"blank", "empty"})),
    # a mind that will not stop at night (round 34): "[my brain just won't switch off]", "[mind wont shut off]"
    ("mind|brain|head ?just wo_n't|wo_nt|will_not|ca_n't|ca_nt|can_not|cannot|does_n't|does_nt|never|wo_n't_ever "
     "switch|shut|turn|switches|shuts|turns off", "SYMPTOM", RACING_THOUGHTS,
     frozenset({"switch", "shut", "turn", "switches", "shuts", "turns"})),
    ("drop|drops|dropping things|stuff|everything|objects|cups|plates|my_cup|my_phone|my_pen|my_fork|my_keys",
     "SYMPTOM", CLUMSINESS, frozenset({"drop", "drops", "dropping"})),
    # who or where one is, lost: "[didnt know who i was]", "[doesnt recognise her own family]"
    ("{DONT} know|recognise|recognize|remember who_i_was|where_i_was|who_i_am|where_i_am|what_day_it_was|"
     "what_day_it_is|what_year_it_is|who_she_is|who_he_is|who_we_are|where_she_is|where_he_is|where_she_was|"
     "where_he_was|her_own_family|his_own_family|her_own_house|his_own_house|her_own_daughter|his_own_son|"
     "her_own_son|his_own_daughter|her_own_children|his_own_children|her_own_kids|his_own_kids",
     "SYMPTOM", DISORIENTATION, frozenset({"know", "recognise", "recognize", "remember"})),
    # a gap in memory with its object: "[no memory of it]", "[no recollection of the night]"
    ("no|zero|little memory|recollection|recall of|about it|that|this|what_happened|doing_it|doing_that|the_night|"
     "the_evening|the_day|the_event|the_episode|the_fall|the_seizure|the_fit|the_whole_thing|anything|"
     "last_night|yesterday|getting_home|how_i_got_home", "SYMPTOM", MEMORY,
     frozenset({"memory", "recollection", "recall"})),
    # thoughts of harming oneself, with their object: "[thoughts of self-harm]", "[thoughts about ending it]"
    ("thoughts|thought of|about self-harm|self_-_harm|self_harm|suicide|killing_myself|hurting_myself|"
     "harming_myself|ending_it|ending_it_all|ending_my_life|not_being_here|being_dead|dying", "SYMPTOM",
     "HP:0031589", frozenset({"thoughts", "thought"})),
    # self-care dropped, with its time (the time is what makes it a complaint, as in "[sleeping 14 hrs]")
    ("not|stopped|barely|hardly|n't|nt showering|showered|washing|washed|bathing|bathed|brushing_my_teeth|"
     "brushing_his_teeth|brushing_her_teeth|getting_dressed|changing_clothes for ?# days|weeks|a_week|a_fortnight|"
     "ages|months|a_month", "SYMPTOM", SELF_NEGLECT,
     frozenset({"showering", "showered", "washing", "washed", "bathing", "bathed", "brushing", "dressed"})),
    # mood and feeling
    ("{FEELINGS} {BE} {BLUNTED}", "SYMPTOM", BLUNTING, None),
    ("{TEARED} up", "SYMPTOM", TEARFULNESS, frozenset({"teared", "welled", "welling", "tearing", "tear", "tears"})),
    ("{FEEL_LIKE} {IM} {DOOMED}", "SYMPTOM", DOOM, frozenset({"die", "dying", "faint", "collapse", "choking", "choke",
                                                              "suffocating", "mad", "crazy", "drop", "attack"})),
    ("{CANT} {FACE} ?big|busy|crowded|large|public|packed|any {FEARED}", "SYMPTOM", AVOIDANCE,
     _words_of("FEARED") - {"lines", "places", "public", "spaces", "big", "busy", "tube", "open", "transport",
                             "streets", "an", "lift"}),
    ("{EATING_STOP} {EATING} {PROPERLY}", "SYMPTOM", APPETITE, _words_of("EATING")),
    # "after my mum died he [stopped eating], lost 20 lbs": the clause ends there (not "stopped eating after 7")
    ("stopped eating", "SYMPTOM", APPETITE, frozenset({"eating"})),
    ("{PICKING} at|around {OWNER} {MEAL}", "SYMPTOM", APPETITE, None),
    ("{PICKING} at {MEAL}", "SYMPTOM", APPETITE, None),
    ("{BAD_THOUGHTS} thoughts|thought|images|urges", "SYMPTOM", OBSESSIONS, frozenset({"thoughts", "thought",
                                                                                       "images", "urges"})),
    ("{SHOUT} at {CARERS}", "SYMPTOM", AGITATION, None),
    ("{SHOUT} at {PEOPLE}", "SYMPTOM", AGITATION, None),
    ("{WANDER} ?off|around|about|out", "SYMPTOM", WANDERING, None),
    ("{PACE} ?around|about|up_and_down|the_floor|the_room|the_house|the_corridors", "SYMPTOM", AGITATION,
     frozenset({"pacing", "paces", "paced"})),
    ("{INTEREST} interest in {ANYTHING}", "SYMPTOM", ANHEDONIA, frozenset({"interest"})),
    ("not|nt|n't|never interested in {ANYTHING}", "SYMPTOM", ANHEDONIA, frozenset({"interested"})),
    ("{CANT} {BOTHERED} {ANYTHING_DONE}", "SYMPTOM", APATHY, frozenset({"bothered", "arsed", "muster", "summon",
                                                                        "motivated", "motivate"})),
    ("{DONT_HAVE} {ENERGY}", "SYMPTOM", FATIGUE, frozenset({"energy", "strength", "oomph", "motivation"})),
    ("{HATE} {LIFE}", "SYMPTOM", "HP:0000716", frozenset({"hated", "hate", "hating", "hates"})),
    # sex
    ("{DRIVE} {HAS} {VANISHED}", "SYMPTOM", LIBIDO, frozenset({"libido", "sex", "sexual", "desire"})),
    (_TAKES + " {FOREVER} to {CLIMAX}", "SYMPTOM", ANORGASMIA, _words_of("CLIMAX") - {"come", "there", "reach",
                                                                                        "have"}
     | {"come"}),
    ("{CANT} {CLIMAX}", "SYMPTOM", ANORGASMIA, _words_of("CLIMAX") - {"there", "reach", "have", "come", "finish"}),
    # "cant come", "cant finish" are sexual only in a story of sex: its words anchor them
    ("{CANT} come|cum|finish|get_there", "SYMPTOM", ANORGASMIA, _SEX_WORDS),
    ("{ERECTIONS} {NOT_WHAT}", "SYMPTOM", ERECTILE, None),
    ("{DONT} feel|felt anything|much|a_thing down there", "SYMPTOM", GENITAL_NUMBNESS, frozenset({"down"})),
    ("nothing|no_feeling|no_sensation|numb|numbness ?happening|at_all down there", "SYMPTOM", GENITAL_NUMBNESS,
     frozenset({"down"})),
    # hallucinations told as a scene, with no denial of it: "[seeing people in the garden]", "[sees bugs on the wall]"
    ("see|sees|seeing|saw|seen|keeps_seeing|keep_seeing {FIGURES} in|on|at|under|by|outside ?{OWNER} {SCENES}",
     "SYMPTOM", HALLUCINATION, _HALLUCINATION_STORY),
    # periods: their rhythm and amount, with the period inside (the rhythm is what makes it a complaint)
    ("{PERIODS} ?only|come|coming|arrive|arriving|come_only|coming_only every|once_every # ?- ?# ?days|weeks|"
     "months", "SYMPTOM", IRREGULAR_PERIODS, frozenset({"periods", "cycles"})),
    ("{PERIODS} ?only|come|coming|arrive|arriving every|once_every # to|or # days|weeks|months", "SYMPTOM",
     IRREGULAR_PERIODS, frozenset({"periods", "cycles"})),
    ("{PERIODS} ?{ARE} {PERIOD_HOW}", "SYMPTOM", HEAVY_PERIODS, frozenset({"periods", "cycles"})),
    # lay felt-state adjectives (told after a copular or perception verb)
    ("{FLOATY}", "SYMPTOM", LIGHTHEADED, None),
    ("{SPENT}", "SYMPTOM", EXHAUSTION, None),
]
# one index per anchor set; a row without anchors is anchored by its first words
_GROUPS: dict[frozenset, list] = {}
for _text, _label, _concept, _anchors in ROWS:
    if _anchors is None:
        _anchors = frozenset(lay_patterns.compile_patterns([(_text, _label, _concept)], _CLASSES))
    _GROUPS.setdefault(_anchors, []).append((_text, _label, _concept))
# (anchors, index, reach): an anchor word inside the phrase lets only the few positions just before it be tried
# (reach: how many before, and after), not every "not" or "can" of the doc; the story of sex stands near ("couldnt
# finish in bed"), that of a hallucination anywhere (reach None)
_REACH = (8, 0)  # the most tokens a phrase runs before its anchor word ("could nt even set foot in busy supermarkets")
_REACHES = {_HALLUCINATION_STORY: None, _SEX_WORDS: (6, 12)}
GROUPS = [(anchors, lay_patterns.compile_patterns(rows, _CLASSES), _REACHES.get(anchors, _REACH))
          for anchors, rows in _GROUPS.items()]
_GROUPS_BY_WORD: dict[str, list[int]] = {}
for _k, (_anchors, _index, _near) in enumerate(GROUPS):
    for _word in _anchors:
        _GROUPS_BY_WORD.setdefault(_word, []).append(_k)
WORDS = frozenset().union(*_GROUPS)
_GATE = gate(WORDS)

_SCENE_ENDS = frozenset(". , ; ! ? who that which and but or when every all lately again constantly at night "
                        "there".split())
_HABIT = frozenset("every daily always constantly keep keeps kept constant all regularly often frequently".split())
# a story of decline or a disorder of attention or memory makes a single act a symptom
_MIND_STORY = frozenset("adhd add dementia alzheimers alzheimer's alzheimer memory forgetful forgetfulness fog "
                        "foggy concentration concentrate focus distracted scatterbrained ms lupus fibro chemo "
                        "menopause perimenopause".split())
_DEMENTIA_STORY = frozenset("dementia alzheimers alzheimer alzheimer's sundowning confused confusion carers care "
                            "nursing lewy memory delirium".split())
_SEX_STORY = frozenset("sex bed intercourse libido orgasm climax ejaculate ejaculation erection erections "
                       "masturbating masturbation sexual".split())
_SPEECH_FOLLOWERS = frozenset("to for because about when if so and or but while".split())
# what may follow a bare "stopped eating" that is a lost appetite: the clause ends, or says for how long, since when or
# why ("he stopped eating for 3 days", "when she got sick", "because of the nausea"); anything else is a habit or a
# food ("stopped eating after 7", "stopped eating out", "stopped eating eggs")
_EATING_ENDS = frozenset(". , ; : ! ? ) - -- and but or completely altogether entirely for when because since until "
                         "till".split()) | {""}
_STOPS = frozenset(". , ; : ! ? ) ( - and but or so all too lately now again every most when whenever after "
                   "since by from on in at for with constantly".split())
_HARM = frozenset("hurt hurting harm harming kill killing die dying stab stabbing drown drowning drop dropping "
                  "push pushing attack attacking strangle strangling suffocate suffocating".split())
_HARM_OBJECTS = frozenset("someone somebody him her them myself himself herself people others".split())
_HARM_OBJECTS_2 = frozenset(("the", w) for w in "baby kids children".split()) | frozenset(
    (o, w) for o in ("my", "our", "his", "her") for w in "baby son daughter kids children partner husband wife mum mom "
                                                          "dad family".split())
_PERSONS = frozenset("i he she we they you im i'm".split())
_COPULAS = frozenset("m 'm am is s 's was were are been be feel feels felt feeling get gets got getting "
                     "seem seems looked look looks so really totally absolutely completely utterly just always "
                     "constantly very quite kinda pretty".split())
_MAKE = frozenset("made makes make making left leaves leave leaving got gets get getting".split())
_NOUNISH_AFTER = re.compile(r"^[a-z]+$")
_NUMBER = re.compile(r"^\d+$")


def add_mind_phrases(doc, words: list[str], spans: Spans) -> Spans:
    if _GATE.isdisjoint(gate_hits(words)):
        return spans
    hits = gate_hits(words)
    present = word_set(words)
    found = []
    # the groups to try, from the doc's few gate hits (not each of the groups against the hits)
    tried = sorted({k for word in _GATE.intersection(hits) for k in _GROUPS_BY_WORD[word]})
    for anchors, index, reach in (GROUPS[k] for k in tried):
        here = hits.intersection(anchors)
        candidates = None
        if reach:
            before, after = reach
            candidates = {i for p in word_positions(words, here) for i in range(max(0, p - before),
                                                                                 min(len(words), p + after + 1))
                          if words[i] in index}
            if not candidates:
                continue
        for f in lay_patterns.find(words, index, candidates):
            f = _plausible(words, present, f, spans)
            if f is not None:
                found.append(f)
    if not found:
        return spans
    # rows of different groups may find overlapping phrases: the longest, then the first, stands
    found.sort(key=lambda f: (f[0] - f[1], f[0]))
    kept = []
    for f in found:
        if all(f[1] <= k[0] or k[1] <= f[0] for k in kept):
            kept.append(f)
    return lay_patterns.place(spans, sorted(kept))


def _next(words: list[str], end: int) -> str:
    return words[end] if end < len(words) else "."


def _plausible(words: list[str], present: set, f, spans: Spans):
    """``f`` as a symptom span (maybe with a new end), or None for an everyday use of the words."""
    start, end, label, concept = f
    if words[start] in _FELT_FIRSTS:
        return _felt_state(words, f, spans)
    first, nxt = words[start], _next(words, end)
    before = words[max(0, start - 3):start]
    prev = words[start - 1] if start else "."
    if concept == MEMORY and words[end - 1] not in ("blank", "empty") and first in (
            "lose", "loses", "losing", "keep", "keeps", "always", "constantly") and words[start + 1] not in (
            "forgetting",):
        # mislaying a thing is everyday: "lost my keys when i travel"; only a habit or a story of memory makes it one
        if first in ("lose", "loses", "losing"):
            habit = not _HABIT.isdisjoint(words[end:end + 3]) or not _HABIT.isdisjoint(before)
            if not habit and _MIND_STORY.isdisjoint(present):
                return None
        return f
    if concept == MEMORY and words[end - 1] in ("blank", "empty"):
        # the exam nerves of everyone: "my mind went blank in the exam"
        if any(w in ("exam", "exams", "test", "interview", "presentation", "speech") for w in words[end:end + 4]):
            return None
        return f
    if concept == WORD_FINDING and words[end - 1] == "together" and prev == "to":
        return None
    if concept == CONCENTRATION and words[end - 1] in ("sentence", "work", "thoughts") and nxt in ("because", "before", "by"):
        return None  # "cant finish my work before 5" is a deadline, not attention
    if concept == CLUMSINESS and first.startswith("drop"):
        # "drop things off at the tip", "i drop my keys at reception": an errand, not a weak grip
        if nxt in ("off", "at", "into", "in", "by", "round", "over", "to", "for", "with") or prev in ("to", "can",
                                                                                                  "ll", "'ll", "will"):
            return None
        return f
    if concept == CLUMSINESS:
        # "walked into the room", "bumped into an old friend": only obstacles, and people only when bumping
        if words[end - 1] == "people" and first.startswith("walk"):
            return None
        if prev in ("from", "by", "after", "of"):
            return None  # the cause of a bruise told in passing: "bruises from bumping into door frames"
        if first in ("walked", "bumped", "crashed", "banged", "knocked") and words[end - 1] in (
                "door_frame", "doorframe", "doorway", "frame"):
            return f if not _HABIT.isdisjoint(before + words[end:end + 3]) else None
        return f
    if concept == IMPULSIVITY:
        # "sorry to interrupt people", "i dont interrupt people": the act itself, said by a person
        if prev in ("to", "not", "nt", "n't", "never", "dont", "didnt", "t"):
            return None
        if words[end - 1] == "things" or words[end - 1] == "answers" and not first.startswith("blurt"):
            return None
        return f
    if concept == BLUNTING:
        if words[end - 1] in ("gone", "dead") and nxt not in _STOPS:
            return None  # "feelings are dead set against it"
        return f
    if first in ("hate", "hated", "hating", "hates"):  # hating life
        if nxt in ("in", "at", "on", "near", "with", "here", "there", "without") or nxt not in _STOPS and \
                _NOUNISH_AFTER.match(nxt) and nxt not in ("anymore", "right", "sometimes"):
            return None  # "hate living in the city": a place, not a mood
        return f
    if concept == TEARFULNESS:
        # the eyes fill with tears, not a page is torn: "tearing up the contract", "fill up the tank"
        if first in ("fill", "fills", "filled", "filling", "well", "wells", "tear", "tears", "tearing") and \
                _NOUNISH_AFTER.match(nxt) and nxt not in _STOPS and nxt not in ("watching", "thinking", "talking",
                                                                                 "reading", "listening", "whenever"):
            return None
        if first in ("fill", "fills", "filled", "filling", "well", "wells") and not any(
                w in ("eyes", "eye", "tears") for w in words[max(0, start - 3):start]):
            return None
        if first in ("tear", "tears") and prev not in _PERSONS and prev not in ("m", "'m", "always", "still", "just",
                                                                             "easily", "would", "d", "'d", "ll"):
            return None
        return f
    if concept == DOOM:
        # "feel like im about to die of boredom", "dying laughing", "dying to see it"
        if nxt in ("of", "laughing", "to", "happy", "from", "if") or words[end - 1] == "die" and nxt == "for":
            return None
        return f
    if concept == AVOIDANCE:
        # a place that is shut or far is no fear: only places in the plural, big or crowded, or avoided for good
        if words[end - 1] in ("supermarket", "shop", "mall", "crowd", "bus", "train", "lift", "elevator") \
                and words[end - 2] in ("the", "a", "an") and not {"anymore", "alone", "panic", "anxiety", "scared",
                                                                   "agoraphobia", "claustrophobic", "panicky",
                                                                   "attacks"} & set(words[end:end + 6]):
            return None
        return f
    if concept == APPETITE and first in _CLASS_EATING_STOP_FIRSTS:
        if fasting_order(words, end):
            return None  # "cant eat anything before my colonoscopy": an order to fast
        # an order or a general remark: "do not eat anything before the test", "if you do not eat well"
        if first in ("not", "nt", "n't") and prev in ("do", "to", "please", "you", "and") and \
                (start < 2 or words[start - 2] not in _PERSONS - {"you"} | {"son", "daughter", "kid", "baby", "mum",
                                                                              "dad"}):
            return None
        if words[end - 1] == "eating" and nxt not in _EATING_ENDS:
            return None  # "stopped eating after 7", "stopped eating out", "stopped eating eggs": a habit or a food
        # "stopped eating meat", "not eating much sugar": a diet, not a lost appetite
        if nxt in ("meat", "sugar", "bread", "gluten", "dairy", "carbs", "junk", "sweets", "chocolate", "out", "fish"):
            return None
        if first in ("not", "n't", "nt", "barely", "hardly", "never", "been") and words[end - 1] in ("well",) \
                and nxt not in _STOPS:
            return None
        return f
    if concept == APPETITE:
        if nxt in ("table", "party", "date", "parties", "lady", "scraps") or words[end - 1] in ("plate",) and \
                first in ("moving", "moves", "pushing", "pushes", "push"):
            return None  # "picking at the dinner table", "pushing her plate away"
        if first in ("moving", "moves", "pushing", "pushes", "pushed", "push") and words[start + 1] != "around":
            return None
        return f
    if concept == OBSESSIONS:
        return _thought_content(words, f)
    if concept == AGITATION and first.startswith("pac"):
        if _DEMENTIA_STORY.isdisjoint(present) and "agitated" not in present and "anxious" not in present \
                and "restless" not in present:
            return None  # "pacing myself", "the pace of the walk"
        if first == "pace" or nxt in ("myself", "yourself", "himself", "herself", "of"):
            return None
        return (start, start + 1, label, concept)  # "[paces] up and down": the manner is outside
    if concept == AGITATION:
        # shouting at the carers is a change of behaviour; shouting at the kids is often just parenting: it needs a
        # habit or a story ("lately", "for no reason"), and never a purpose ("to hurry", "because")
        if nxt in _SPEECH_FOLLOWERS and nxt not in ("and", "or", "but", "when", "while"):
            return None
        carers = words[end - 1] in _CLASS_CARERS
        story = not _DEMENTIA_STORY.isdisjoint(present) or not {"lately", "constantly", "aggressive", "aggression",
                                                                  "irritable", "rage", "outbursts"}.isdisjoint(present)
        habit = not _HABIT.isdisjoint(before + words[end:end + 4]) or prev in ("now", "lately", "started")
        if not carers and not (story and habit):
            return None  # the carers' own target is the story: a patient turns on those who look after them
        return f
    if concept == WANDERING:
        if _DEMENTIA_STORY.isdisjoint(present):
            return None  # "wandering around the shops" on a day out
        if prev in ("mind", "thoughts", "eyes", "attention", "mind's", "minds"):
            return None  # a wandering mind is attention, not a person who wanders off
        if nxt in ("the", "a", "through", "round", "into", "in") and words[end - 1] in ("around", "about"):
            return (start, start + 1, label, concept)  # the place is outside: "[wandering] around the house"
        return f
    if concept == ANHEDONIA:
        if words[end - 1] in ("food", "sex", "people") and first in ("any",):
            return None
        if first == "any" and prev not in ("nt", "n't", "not", "without", "lost", "hardly", "barely"):
            return None
        return f
    if concept == APATHY:
        return f
    if concept == FATIGUE:
        # "dont have the energy bill", "have no energy drinks": the energy itself, at a clause end or for doing
        if nxt not in _STOPS and nxt not in ("to", "anymore", "left", "lately", "these", "any", "for", "whatsoever",
                                             "at") and _NOUNISH_AFTER.match(nxt):
            return None
        return f
    if concept == LIBIDO and words[start] == "drive":
        if prev not in ("sex", "sexual"):
            return None  # "my drive to work has vanished", "the hard drive is dead"
        return f
    if concept == ANORGASMIA:
        # "cant finish", "takes forever to come": the sexual sense needs its story; "climax", "orgasm" are that sense
        if words[end - 1] in ("finish", "come", "cum", "there") and _SEX_STORY.isdisjoint(present):
            return None
        if words[end - 1] in ("finish", "come") and (nxt not in _STOPS or nxt in (
                "on", "at", "for", "with", "by", "from", "to")) and nxt not in ("in", "during"):
            return None  # "cant finish my plate", "cant come to the party", "takes forever to finish his dinner"
        if words[end - 1] in ("finish", "come") and nxt == "in" and _next(words, end + 1) not in ("bed",):
            return None
        return f
    if concept == GENITAL_NUMBNESS and _SEX_STORY.isdisjoint(present) and not {
            "penis", "vagina", "genitals", "clitoris", "numb", "numbness", "sensation"}.intersection(present):
        return None  # "nothing down there" of a basement
    if concept == HALLUCINATION:
        # a scene is a hallucination only when it is denied or told in a story of delirium, dementia or a drug
        # (not "seeing people at the garden party", "saw kids in the street")
        if nxt not in _SCENE_ENDS:
            return None
        denied = nxt in ("who", "that", "which") and any(w in ("there", "real", "else") for w in words[end:end + 5])
        if not denied and (_HALLUCINATION_STORY.isdisjoint(present)
                           or _HALLUCINATION_STORY.intersection(present) == {"tripping"} and not _drug_trip(words)):
            return None
        return f
    if concept == DISORIENTATION:
        if nxt.endswith("ing") or nxt in ("to", "about", "for", "with", "supposed", "meant", "after", "if"):
            return None  # "didnt know who i was talking to", "dont know where i am going with this"
        return f
    if concept == SELF_NEGLECT and first in ("not", "nt", "n't") and prev in ("do", "please", "you", "to"):
        return None  # "do not shower for 2 days after the operation": an instruction
    if concept == IRREGULAR_PERIODS:
        return f if _abnormal_cycle(words[start:end]) else None
    if concept == HEAVY_PERIODS:
        # "a long period of time", "the periods of rest": a menstrual period has an owner or stands at the start
        # (a clause start too, where the tokenizer keeps the stop on the word before: "42f. periods so heavy")
        if words[start] in ("period", "periods", "cycle", "cycles") and prev not in ("and", "my", "her", "your", "the",
                                                                                    "but", "plus", "also") \
                and prev[-1] not in ".,!?;:":
            return None
        if words[start] in ("period", "cycle") and prev != "my" and prev != "her":
            return None
        if words[start] in ("cycle", "cycles") and words[end - 1] not in ("irregular", "erratic", "unpredictable",
                                                                          "all_over_the_place", "place", "random"):
            return None
        if end - start == 2 and words[end - 1] in ("heavy", "painful", "irregular", "random", "everywhere"):
            return None  # "periods heavy" without a verb is a lexicon's "heavy periods" turned round: leave it
        if nxt == "of" or words[end - 1] == "long" and nxt in ("of", "time"):
            return None
        return f
    return f


def _thought_content(words: list[str], f):
    """ "[horrible thoughts that i might hurt someone]", "[scary thoughts about him getting hurt]": a harm clause
    after the thoughts is their content and inside; without one, only the named kinds of unwanted thought stand."""
    start, end, label, concept = f
    n = len(words)
    if words[start] in ("intrusive", "obsessive") and words[end - 1] == "thoughts":
        return f  # a named symptom stands by itself: "[intrusive thoughts] about hurting people"
    if end < n and words[end] in ("that", "about", "of", "i", "where"):
        for k in range(end + 1, min(end + 9, n)):
            if words[k] in ".,;:!?" or words[k] in ("but", "and", "which"):
                break
            if words[k] in _HARM:
                stop = k + 1
                if stop < n and words[stop] in _HARM_OBJECTS:
                    stop += 1
                elif stop + 1 < n and (words[stop], words[stop + 1]) in _HARM_OBJECTS_2:
                    stop += 2
                return (start, stop, label, concept)
    if words[start] in ("intrusive", "obsessive", "violent", "unwanted", "disturbing", "dark", "horrible",
                        "scary", "terrifying", "graphic"):
        if words[end - 1] in ("thoughts", "images", "urges"):
            return f
    return None


def _abnormal_cycle(words: list[str]) -> bool:
    """A cycle of 21-35 days is normal: "periods every 28 days" is no complaint, "every 50-70 days" is."""
    numbers = [int(w) for w in words if _NUMBER.match(w)]
    if not numbers:
        return False
    unit = words[-1]
    factor = {"days": 1, "weeks": 7, "months": 30}.get(unit)
    if factor is None:
        return False
    longest, shortest = max(numbers) * factor, min(numbers) * factor
    return longest > 35 or shortest < 21


def _felt_state(words: list[str], f, spans: Spans):
    """ "i feel [floaty]", "im [shattered]", "[breathless] on the stairs and [shattered]": the word after a verb of
    being or feeling, at the end of its phrase (not "a floaty dress", "the glass shattered", "shattered my wrist")."""
    start, end, label, concept = f
    prev = words[start - 1] if start else "."
    nxt = _next(words, end)
    if nxt not in _STOPS and nxt not in ("like", "as", "feeling", "today", "tbh", "lol", "afterwards", "after",
                                         "most", "by") and nxt.isalpha():
        return None
    if prev in (":", ",") and _listed(words, start, end, spans):
        return f  # an item of a list of complaints: "side effects: [zonked out], jelly legs, slurring"
    if prev == "and":
        # coordinated with a complaint: "[breathless] on the stairs and [shattered]"
        return f if any(s[2] == "SYMPTOM" and start - 6 <= s[1] <= start - 1 for s in spans) or \
            (start >= 2 and words[start - 2] in _COPULAS) else None
    if prev in ("me", "him", "her", "us") and start >= 2 and words[start - 2] in _MAKE:
        return f  # "made me [floaty]", "leaves me [shattered]"
    if prev not in _COPULAS:
        return None
    if prev in ("is", "was", "were", "are", "s", "'s", "be", "been") and start >= 2 and \
            words[start - 2] not in _PERSONS and words[start - 2] not in ("just", "so", "really", "totally",
                                                                          "always", "completely", "absolutely"):
        return None  # "the glass was shattered", "the screen is shattered"
    return f


_LIST_HEADS = frozenset("effects effect symptoms complaints".split())


def _listed(words: list[str], start: int, end: int, spans: Spans) -> bool:
    """A list item of complaints: right after "side effects:" or next to another SYMPTOM item of the list
    (", [jelly legs], [zonked out],"), and ending at the item's comma or stop."""
    if _next(words, end) not in (",", ".", ";", "and", "!"):
        return False
    if words[start - 1] == ":":
        return start >= 2 and words[start - 2] in _LIST_HEADS
    return any(s[2] == "SYMPTOM" and (s[1] == start - 1 or s[0] == end + 1) for s in spans)


_FELT_FIRSTS = frozenset(a.split("_")[0] for k in ("FLOATY", "SPENT") for a in _CLASSES[k].split("|"))
_CLASS_CARERS = frozenset(a.split("_")[-1] for a in _CLASSES["CARERS"].split("|"))
_CLASS_EATING_STOP_FIRSTS = frozenset(a.split("_")[0] for a in _CLASSES["EATING_STOP"].split("|"))
