"""Sleep and waking told as what happens at night: "[wake up gasping]", "[wake up at 4am]", "[barely sleeps]",
"[sweat buckets]", "[sleepwalked to the fridge]".

Waking is a complaint by how it comes (gasping, choking, drenched) or by its hour: the small hours only
("[wake up at 4am]"), not "wake up at 7 for work". Limiting adverbs stay inside as in "[barely sleeping]"
(GUIDELINES section 6, the amount rule).
"""
from __future__ import annotations

from qatext.ner import lay_patterns
from qatext.ner.span_rules import Spans, gate, gate_hits, word_positions

WAKING = "QATEXT:symptom/night-waking"
EARLY_WAKING = "QATEXT:symptom/early-morning-awakening"
INSOMNIA = "HP:0100785"
NIGHT_SWEATS = "HP:0030166"
UNREFRESHING = "QATEXT:symptom/unrefreshing-sleep"
DREAMS = "QATEXT:symptom/vivid-dreams"
NIGHTMARES = "QATEXT:symptom/nightmares"
HYPERSOMNIA = "HP:0100786"

_CLASSES = {
    "WAKE": "wake_up|wakes_up|waking_up|woke_up|woken_up|wake|wakes|waking|woke|jolt_awake|jolted_awake|"
            "jerk_awake|jerked_awake|startle_awake",
    # (not the sweat: "wake up [drenched]", "woke up [drenched in sweat]": the gold marks the sweat alone, 15 to 0)
    "HOW": "gasping|choking|gagging|panicking|coughing|spluttering|"
           "gasping_for_air|gasping_for_breath|choking_for_air|unable_to_breathe|with_palpitations|"
           "with_my_heart_racing|with_my_heart_pounding|in_a_panic|short_of_breath|out_of_breath|"
           "struggling_to_breathe|crying|sobbing|in_tears",
    # (not "sweating": the lexicon keeps "[wake up sweating]" whole; no gold passage says it)
    "SOAKED": "drenched|soaked|soaking_wet|drenched_in_sweat|soaked_in_sweat|covered_in_sweat|in_a_sweat|"
              "in_a_cold_sweat",
    "LITTLE": "barely|hardly|rarely|never|not",
    "SLEEPS": "sleeps|sleeping|slept|sleep|gets_any_sleep|getting_any_sleep|got_any_sleep|get_any_sleep",
    # how one wakes when sleep did not restore: "[wake up unrefreshed]", "[waking up groggy]"
    "UNRESTED": "unrefreshed|unrested|groggy|exhausted|shattered|knackered|wrecked|tired|more_tired|still_tired|"
                "even_more_tired|so_tired|really_tired|super_tired|feeling_unrefreshed|feeling_exhausted|"
                "feeling_groggy|feeling_tired|feeling_like_i_have_nt_slept|feeling_like_i_havent_slept|"
                "feeling_like_i_have_n't_slept|like_i_have_nt_slept|like_i_havent_slept|like_i_have_n't_slept|"
                "as_tired_as_when_i_went_to_bed|hungover|with_a_hangover|foggy|in_a_fog|like_a_zombie",
    # dreams told by their force: "[dreams are WILD]", "[my dreams have been insane]"
    "DREAM_HOW": "wild|vivid|crazy|insane|intense|bizarre|mental|nuts|weird|so_vivid|so_weird|so_wild|so_intense|"
                 "really_vivid|really_weird|really_intense|really_wild|super_vivid|super_weird|crazy_vivid|"
                 "insanely_vivid|off_the_charts|next_level|unreal|terrifying|horrific|disturbing|violent",
    "BUCKETS": "buckets|through_my_sheets|through_the_sheets|through_my_pajamas|"
               "through_my_pyjamas|through_my_clothes",
}
ROWS = [
    ("{WAKE} {HOW}", "SYMPTOM", WAKING),
    ("keep|keeps|kept {WAKE} {HOW}", "SYMPTOM", WAKING),  # over the lexicon's "[keep waking up]"
    ("{WAKE} {SOAKED}", "SYMPTOM", NIGHT_SWEATS),  # the span keeps the sweat alone (_soaked_part)
    # the habit, not one night: "[wake up at 4am]", "keeps [waking up at 3]" (not "woke up at 3am with gout pain")
    ("wake_up|wakes_up|waking_up|wake|wakes|waking at #|#am|#_am|#:#am", "SYMPTOM", EARLY_WAKING),
    # round 42: how often, a baby's nights or a bad spell's ("[waking every hour]", "[wakes 4 or 5 times a night]")
    ("wake_up|wakes_up|waking_up|wake|wakes|waking ?about|around|like|maybe every_hour|every_#_hours|every_#_hrs|every_#_-_#_hours|"
     "every_#_or_#_hours|every_couple_of_hours|every_half_hour|every_#_minutes|every_#_mins|#_times_a_night|"
     "#_-_#_times_a_night|#_or_#_times_a_night|#_to_#_times_a_night|several_times_a_night|multiple_times_a_night|"
     "a_few_times_a_night|loads_of_times_a_night", "SYMPTOM", WAKING),
    # "[wake up way too early]": the early hour told as too early ("[cant sleep] past 3am": the hour stays out, as
    # counts and times after a complaint that stands alone: GUIDELINES section 9, batch 53)
    ("wake_up|wakes_up|waking_up|wake|wakes|waking|woke|woke_up ?way|far|much|much_much too early", "SYMPTOM",
     EARLY_WAKING),
    # the habit (present tense), not one morning after a party: "woke up tired" is left alone
    ("wake_up|wakes_up|waking_up|wake|wakes|waking {UNRESTED}", "SYMPTOM", UNREFRESHING),
    # dreams that stay after waking or feel real: "[dreams i couldnt shake off]", "[nightmares that feel real]"
    ("dreams ?that|which i|that_i {CANT} shake ?off", "SYMPTOM", DREAMS),
    ("dreams that|which feel|felt|seem|seemed|are|were ?so|too|really|very|completely real", "SYMPTOM", DREAMS),
    ("nightmares ?that|which i|that_i {CANT} shake ?off", "SYMPTOM", NIGHTMARES),
    ("nightmares that|which feel|felt|seem|seemed|are|were ?so|too|really|very|completely real", "SYMPTOM",
     NIGHTMARES),
    ("dreams|dreaming are|were|have_been|'ve_been|ve_been|has_been|is|s|'s|get|got|getting ?so|really {DREAM_HOW}",
     "SYMPTOM", DREAMS),
    # a day that stays in bed: "[barely gets out of bed]" (a lost function, its limiting adverb inside)
    ("barely|hardly gets|get|got|getting|gotten|leaves|leave|left out_of_bed|out_of_her_bed|out_of_his_bed",
     "SYMPTOM", "HP:0012378"),
    ("barely|hardly sleeps|sleeping|slept|sleep", "SYMPTOM", INSOMNIA),
    ("barely|hardly getting|gets|got|get any sleep", "SYMPTOM", INSOMNIA),
    ("sweat|sweats|sweating|sweated {BUCKETS}", "SYMPTOM", NIGHT_SWEATS),
    ("sleepwalk|sleepwalks|sleepwalking|sleepwalked ?to|into|around|out_of {OWNER} kitchen|fridge|door|garden|"
     "street|stairs|car|house|room", "SYMPTOM", "HP:0025233"),
    # round 21b: sleep that fills the day ("[sleeps most of the day]"), never a baby's or a pet's; sleep told with
    # "at all" is _sleep_at_all's (a row opening on "no" or "not" would be tried at every negation)
    ("sleeps|slept most_of_the_day|all_day|all_day_long|most_of_the_time|all_the_time|most_of_the_afternoon",
     "SYMPTOM", HYPERSOMNIA),
]
INDEX = lay_patterns.compile_patterns(ROWS, _CLASSES)
WORDS = frozenset({"wake", "wakes", "waking", "woke", "woken", "jolt", "jolted", "jerk", "jerked", "startle",
                   "sleeps", "sleeping", "slept", "sleep", "sweat", "sweats", "sweating", "sweated", "sleepwalk",
                   "sleepwalks", "sleepwalking", "sleepwalked", "dreams", "dreaming", "nightmares", "barely", "hardly"})
_GATE = gate(WORDS)
_SMALL_HOURS = frozenset(range(1, 6))
# who sleeps the day away without a complaint: "the baby sleeps most of the day", "our cat sleeps all day"
_NOT_ADULT = frozenset("baby babies newborn newborns infant infants toddler puppy puppies kitten kittens cat cats dog "
                       "dogs".split())
# "i didnt sleep at all well" is how, not whether
_SLEPT_HOW = frozenset("well badly".split())


def add_sleep_phrases(doc, words: list[str], spans: Spans) -> Spans:
    if _GATE.isdisjoint(gate_hits(words)):
        return spans
    found = [f for f in lay_patterns.find(words, INDEX)
             if (f[3] != EARLY_WAKING or words[f[1] - 1] == "early" or _small_hour(words, f)) and (f[3] not in (DREAMS, NIGHTMARES) or _dreamt(words, f))
             and (f[3] != UNREFRESHING or _unrested(words, f))
             and (f[3] != HYPERSOMNIA or _NOT_ADULT.isdisjoint(words[max(0, f[0] - 15):f[1] + 5]))
             and (f[3] != WAKING or _unbidden(words, f))
             ]
    found += _sleep_at_all(words)
    found = [_soaked_part(words, f) if f[3] == NIGHT_SWEATS and words[f[0]] in _WAKE_WORDS else f for f in found
             if not (f[3] == NIGHT_SWEATS and words[f[0]] in _WAKE_WORDS and _WET_BEDS.intersection(words[f[1]:f[1] + 8]))]
    return lay_patterns.place(spans, [_sweating(words, f) if f[3] == NIGHT_SWEATS else f for f in found])


_WAKE_WORDS = frozenset("wake wakes waking woke woken jolt jolted jerk jerked startle".split())
# a bed wet, not sweated: "my son keeps waking up soaked, hes wet the bed"
_WET_BEDS = frozenset({"wet", "wets", "wetting", "bedwetting", "peed", "pee", "wee", "weed", "accident", "accidents",
                       "nappy", "diaper", "pullup", "pull-up"})


def _soaked_part(words: list[str], f):
    """ "wake up [drenched]", "woke up [drenched in sweat]": the waking stays outside (the gold 15 to 0)."""
    start = f[0] + (2 if f[0] + 1 < f[1] - 1 and words[f[0] + 1] in ("up", "awake") else 1)
    return (start, f[1], f[2], NIGHT_SWEATS, *f[4:])


_NO_SLEEP = frozenset({"no"})
_ONE_WORD_NOTS = frozenset("doesnt dont didnt never not".split())  # ("cant sleep" is the lexicon's)
_NOTS = frozenset({"nt", "n't", "not"})
_NOT_FIRSTS = frozenset("does do did is was has have".split())


def _sleep_at_all(words: list[str]) -> list:
    """ "[no sleep at all]", "[doesnt sleep at all]": "at all" is what makes the complaint (the gold keeps it inside);
    not "didnt sleep at all well" (how, not whether). "cant sleep at all" stays the lexicon's "[cant sleep]"."""
    out = []
    n = len(words)
    for i in word_positions(words, ("sleep",)):
        if not i or words[i + 1:i + 3] != ["at", "all"]:
            continue
        if i + 3 < n and words[i + 3] in _SLEPT_HOW:
            continue
        before = words[i - 1]
        if before in _NO_SLEEP or before in _ONE_WORD_NOTS:
            out.append((i - 1, i + 3, "SYMPTOM", INSOMNIA))
        elif before in _NOTS and i >= 2 and words[i - 2] in _NOT_FIRSTS:
            out.append((i - 2, i + 3, "SYMPTOM", INSOMNIA))
    return out


HYPERHIDROSIS = "HP:0000975"
# the night told next to the sweating: "at night", "in bed", "through the sheets" (not "i sleep fine")
_NIGHT_WORDS = frozenset("night nights nightly overnight bed sheets pyjamas pajamas pjs pillow".split()) | _WAKE_WORDS


def _sweating(words: list[str], f):
    """"[sweat buckets]" is night sweats with the night right after it ("at night", "through the sheets"), else
    sweating: a concept no narrower than the words."""
    if not _NIGHT_WORDS.isdisjoint(words[f[1]:f[1] + 4]) or not _NIGHT_WORDS.isdisjoint(words[max(0, f[0] - 3):f[0]]):
        return f
    return (*f[:3], HYPERHIDROSIS, *f[4:])  # lay_patterns.find gives plain tuples


def _small_hour(words: list[str], f) -> bool:
    """ "wake up at 4am", "at 3:30am", "at 4" (not "at 7 for work", nor "at 4pm")."""
    if f[1] < len(words) and words[f[1]] == "with":
        return False  # the complaint is what the person woke with: "wake up at 3am with chest pain"
    hour_word = words[f[1] - 1] if words[f[1] - 1] != "am" else words[f[1] - 2]
    if hour_word.endswith("pm") or (f[1] < len(words) and words[f[1]] in ("pm", "p.m.", "o'clock", "hours", "hrs",
                                                                            "days", "weeks", "times")):
        return False
    digits = hour_word.removesuffix("am").split(":")[0]
    return digits.isdecimal() and int(digits) in _SMALL_HOURS


# what follows a night woken on purpose or in joy: "wakes every 3 hours to feed", "wake every 4 hours for her
# antibiotics", "woke up crying laughing", "in tears of joy"
_ROUSED = frozenset("to for laughing of".split())


def _unbidden(words: list[str], f) -> bool:
    """A night woken by the body, not by a plan: not "told to wake every 2 hours", "wakes every 3 hours to feed"."""
    start, end = f[0], f[1]
    return (end >= len(words) or words[end] not in _ROUSED) and (not start or words[start - 1] != "to")


# ambitions are dreams too: "my dreams are crazy big", "dreams of becoming a nurse are wild"
_AMBITION = frozenset("big come coming of for ambitions goals to about dream".split())


def _dreamt(words: list[str], f) -> bool:
    start, end = f[0], f[1]
    if start and words[start - 1] in ("the", "our", "their", "your", "his", "her", "big", "wildest", "american"):
        return False  # "the american dream", "their dreams are crazy": only the writer's or a bare plural
    return end >= len(words) or words[end] not in _AMBITION


def _unrested(words: list[str], f) -> bool:
    """ "[wake up unrefreshed]", but "wake up tired of his excuses", "wake up tired ... after the party"."""
    end = f[1]
    nxt = words[end] if end < len(words) else "."
    return nxt not in ("of", "after", "from")
