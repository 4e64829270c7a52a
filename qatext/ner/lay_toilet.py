"""What comes out, told by where it shows or by how often (or seldom) it comes: "[havent pooed in 5 days]",
"[bright red blood on the tp]", "[blood on my pillow]", "[blood at the end of my pee]", "[protein in his
wee]", "[fewer wet diapers]", "[nappies are barely wet]", "[accidents in the day]", "[running to the loo
every 20 min]", "[needing to go every 10 minutes]", "[yellow drainage]".

:mod:`qatext.ner.lay_body_products` reads the product's colour and state; this module reads the traces and
the rhythm. The amount or rate is inside the span, because it is what makes a normal function a complaint
(GUIDELINES section 6, "[peeing all the time]"); blood is a complaint only on what it was found on (a tissue,
a pillow, the toilet), not "blood on the form".
"""
from __future__ import annotations

import re

from qatext.ner import lay_patterns
from qatext.ner.span_rules import Spans, gate, gate_hits, word_positions

CONSTIPATION = "HP:0002019"
BLEEDING_TRACE = "QATEXT:symptom/blood-seen"
FINDING_IN_PRODUCT = "QATEXT:symptom/changed-body-product"
LOW_OUTPUT = "QATEXT:symptom/reduced-urine-output"
INCONTINENCE = "HP:0000020"
FREQUENCY = "HP:0100515"
NOCTURIA = "HP:0000017"
DISCHARGE = "QATEXT:symptom/discharge"
DYSURIA = "HP:0100518"

# Counts a day said as a range, per day or before an hour ("6 or 7 times a day", "3 or 4 times before 10am"): rates of
# the toilet rows (round 45) and of "going" (round 42)
_DAY_COUNTS = ("#_-_#_times_a_day|#_or_#_times_a_day|#_to_#_times_a_day|#_times_per_day|#_times_daily|"
               "#_times_before_#_am|#_times_before_#|#_or_#_times_before_#_am|#_or_#_times_before_#")
# A hurry to the toilet: the verb ("running to the loo"), or the noun with the urgency that makes it one ("urgent
# dashes to the loo", round 45)
_HURRIES = frozenset("running rushing dashing racing".split())
_URGENT = frozenset("urgent emergency mad constant frequent".split())
_CLASSES = {
    "HAVENT": "have_nt|have_n't|havent|has_nt|has_n't|hasnt|had_nt|had_n't|hadnt|not|never",
    "POOED": "pooed|pooped|pood|pooped|been_for_a_poo|been_to_the_toilet|had_a_poo|had_a_proper_poo|had_a_poop|"
             "had_a_bowel_movement|had_a_bm|had_a_proper_bowel_movement|had_a_number_two|gone_for_a_poo|done_a_poo|"
             "passed_a_stool",
    # a bowel motion denied by its quality: "[not done a proper poo]" (the days after it are its time, outside)
    "PROPER_POO": "done_a_proper_poo|had_a_proper_poo|done_a_decent_poo|had_a_decent_poo|done_a_normal_poo|"
                  "had_a_normal_poo|had_a_proper_poop|had_a_normal_poop|had_a_proper_bowel_movement|"
                  "had_a_normal_bowel_movement|pooed_properly|pooped_properly|"
                  "done_a_proper_number_two|had_a_proper_number_two",
    # the number of night rises that makes nocturia: "[up twice a night to pee]"
    "RISES": "once|twice|#_times|three_times|four_times|five_times|several_times|a_few_times|a_couple_of_times|"
             "#_-_#_times|#_or_#_times|#_to_#_times|multiple_times|many_times|loads_of_times|countless_times",
    "SPAN_OF_DAYS": "days|weeks|a_week|ages|over_a_week|a_few_days|two_days|three_days|four_days|five_days|a_fortnight",
    # what blood is seen on
    "TRACE_PLACES": "tp|toilet_paper|loo_roll|tissue|tissues|paper|wipe|pillow|pillowcase|pad|pads|nappy|diaper|"
                    "underwear|pants|knickers|sheets|toothbrush|bowl|toilet|toilet_bowl|pan|stool|poo|poop|wipes",
    "COLOURED": "bright_red|dark_red|fresh|bright|dark|red|some|a_little|little|a_bit_of|streaks_of|specks_of|spots_of",
    "PRODUCT": "pee|wee|urine|poo|poop|stool|stools|poos|sick|vomit|spit|saliva|sperm|semen|snot|phlegm|mucus",
    "FINDING": "blood|protein|pus|mucus|sugar",
    "FEWER": "fewer|less|hardly_any|barely_any|not_many|very_few|no",
    "NAPPIES": "wet_diapers|wet_nappies|wet_nappys|wees|pees",
    "TOILET": "loo|bathroom|toilet|restroom|john|washroom|lav",
    "RATE": "every_#_min|every_#_mins|every_#_minutes|every_#_hours|every_hour|every_half_hour|every_few_minutes|"
            "every_#_hrs|#_times_a_day|#_a_day|#_x_a_day|#_times_a_night|#_a_night|#_times_an_hour|all_day|all_the_time|constantly|"
            + _DAY_COUNTS,
}
ROWS = [
    ("{HAVENT} {POOED} in|for ?# {SPAN_OF_DAYS}", "SYMPTOM", CONSTIPATION),
    ("blood on|in {OWNER} {TRACE_PLACES}", "SYMPTOM", BLEEDING_TRACE),
    ("{COLOURED} blood on|in {OWNER} {TRACE_PLACES}", "SYMPTOM", BLEEDING_TRACE),
    ("{FINDING} in|at_the_end_of {OWNER} {PRODUCT}", "SYMPTOM", FINDING_IN_PRODUCT),
    ("{FINDING} at the end|start of {OWNER} {PRODUCT}", "SYMPTOM", FINDING_IN_PRODUCT),
    ("visible|microscopic|fresh|frank {FINDING} in {OWNER} {PRODUCT}", "SYMPTOM", FINDING_IN_PRODUCT),
    ("{FEWER} {NAPPIES}", "SYMPTOM", LOW_OUTPUT),
    ("nappies|diapers are|were|have_been barely|hardly|not|always dry|wet", "SYMPTOM", LOW_OUTPUT),
    ("|".join(sorted(_HURRIES)) + " to the {TOILET} ?{RATE}", "SYMPTOM", FREQUENCY),
    ("|".join(sorted(_URGENT)) + " dashes|dash|runs|trips to the {TOILET} ?{RATE}", "SYMPTOM", FREQUENCY),
    ("have|having|need|needing|needs|has to go|pee|wee|urinate {RATE}", "SYMPTOM", FREQUENCY),
    ("up ?every # minutes|mins|min|hours|hrs ?at night to pee|wee|urinate", "SYMPTOM", FREQUENCY),
    # round 43: the flow that hurts, told by the flow ("my [pee burns]", "[peeing stings]")
    ("pee|wee|peeing|weeing burns|stings|burned|stung|burning|stinging", "SYMPTOM", DYSURIA),
    # the rate of the flow itself (round 20b): "she [wees all the time] on the higher dose", "[pees every hour]"
    ("pees|wees|peeing|weeing|urinates|urinating {RATE}", "SYMPTOM", FREQUENCY),
    # pain that the flow brings, with the flow inside (GUIDELINES rule 10): "[stinging every time i pee]"
    ("stinging|burning|stings|burns|sting|burn every_time|each_time|whenever|when i|he|she|it pee|pees|wee|wees|"
     "peed|urinate|urinates", "SYMPTOM", DYSURIA),
    # too little or never done: "[peeing very little]", "[feel like i never fully empty]"
    ("peeing|weeing|urinating|pees|wees|passing_urine very_little|hardly_anything|barely_anything|hardly_at_all|"
     "much_less|a_lot_less|less_than_usual", "SYMPTOM", LOW_OUTPUT),
    # the limiting adverb before: "he was [hardly peeing]", "[barely weeing] since the op" (GUIDELINES section 6)
    ("hardly|barely peeing|weeing|urinating|peed|weed|pees|wees|passing_urine|passing_water", "SYMPTOM", LOW_OUTPUT),
    ("feel_like|feels_like i|he|she never|do_nt|dont|ca_nt|cant|does_nt|doesnt fully|completely|properly empty",
     "SYMPTOM", "HP:0000016"),
    ("white|yellow|green|greenish|yellowish|brown|bloody|smelly|cloudy|clear drainage|pus|ooze|gunk", "SYMPTOM",
     DISCHARGE),
    # round 34: urine that leaks, told by its amount ("[leak a bit of wee] when i cough"), and a flow slow to start
    ("leak|leaks|leaking|leaked a_bit_of|a_little|a_little_bit_of|a_few_drops_of|drops_of|some|a_drop_of wee|urine|"
     "pee", "SYMPTOM", INCONTINENCE),
    ("trouble|difficulty|problems|struggling|struggle starting|to_start a_wee|a_pee|to_wee|to_pee|peeing|weeing|"
     "urinating|to_urinate|the_flow|my_flow|the_stream|my_stream", "SYMPTOM", "HP:0000016"),
]
INDEX = lay_patterns.compile_patterns(ROWS, _CLASSES)
# rows whose first words are common ("up", "get", "go", "not"): each is tried only when the doc holds one of its
# anchor words (gate hits), so most docs do not pay for them
ANCHORED_ROWS = [
    ("{HAVENT} {PROPER_POO}", "SYMPTOM", CONSTIPATION, ("poo", "poop", "pooed", "pooped", "bowel")),
    ("up|get_up|gets_up|getting_up|got_up|wake_up|wakes_up|waking_up|woke_up|wake|wakes|waking {RISES} a|every|each "
     "night ?just to pee|wee|urinate|piss|use_the_toilet|use_the_bathroom|use_the_loo|go_to_the_toilet|"
     "go_to_the_bathroom|go_to_the_loo", "SYMPTOM", NOCTURIA, ("pee", "wee", "urinate", "piss", "toilet", "bathroom",
                                                                 "loo")),
    # round 43: the night's rises told with the errand first or the night last ("[getting up to the loo 3 or 4 times
    # a night]", "[up twice every night for a wee]", "[up half the night weeing]"); the getting up is inside
    ("up|get_up|gets_up|getting_up|got_up {RISES} a|every|each night for a|the wee|pee|toilet|loo", "SYMPTOM", NOCTURIA,
     ("wee", "pee", "toilet", "loo")),
    ("up|get_up|gets_up|getting_up|got_up for a|the wee|pee|toilet|loo {RISES} a|every|each night", "SYMPTOM",
     NOCTURIA, ("wee", "pee", "toilet", "loo")),
    ("up|get_up|gets_up|getting_up|got_up to_the_loo|to_the_toilet|to_the_bathroom|to_pee|to_wee {RISES} a|every|each "
     "night", "SYMPTOM", NOCTURIA, ("wee", "pee", "toilet", "loo", "bathroom")),
    ("up half|most|half_of|most_of the night peeing|weeing", "SYMPTOM", NOCTURIA, ("peeing", "weeing")),
    ("up all night peeing|weeing", "SYMPTOM", NOCTURIA, ("peeing", "weeing")),
    ("need|needing|needs|have|having to pee|wee|urinate urgently", "SYMPTOM", "HP:0000012", ("urgently",)),
    ("go|going|goes|went|gone|nipping|popping|off to the {TOILET} {RATE}", "SYMPTOM", FREQUENCY,
     ("loo", "bathroom", "toilet", "restroom", "washroom", "lav")),
    # soiling told as what leaks and where: "[leaks brown smears into her pants]", "[soiling his pants]"
    ("leaks|leaking|leaked|leak|soils|soiling|soiled|soil ?brown|runny|liquid|little|tiny|a_little ?poo|wee|urine|"
     "pee|smears|bits|streaks|stuff into|in|onto {OWNER} pants|knickers|underwear|trousers|nappy|pull-ups|pullups",
     "SYMPTOM", INCONTINENCE, ("pants", "knickers", "underwear", "trousers", "nappy", "pull-ups", "pullups")),
    ("soils|soiling|soiled|soil {OWNER} pants|knickers|underwear|trousers", "SYMPTOM", INCONTINENCE,
     ("soils", "soiling", "soiled", "soil")),
    # the toilet not reached in time (round 34): "[don't always make it to the loo]", "[didnt make it to the toilet]"
    ("do_n't|do_nt|dont|did_n't|did_nt|didnt|ca_n't|ca_nt|cant|never|not|wo_n't|wo_nt|could_n't|could_nt|couldnt "
     "?always|quite|even make|made it to the {TOILET}", "SYMPTOM", INCONTINENCE,
     ("loo", "bathroom", "toilet", "restroom", "washroom", "lav")),
    # "bunged up" of the bowel (a person is bunged up; a nose is the lexicon's "blocked nose")
    ("bunged up", "SYMPTOM", CONSTIPATION, ("bunged",)),
]
ANCHORED = [(frozenset(anchors), lay_patterns.compile_patterns([(text, label, concept)], _CLASSES))
            for text, label, concept, anchors in ANCHORED_ROWS]
# "accidents" of a child who is toilet trained: "[accidents in the day]" (not "car accidents")
_ACCIDENT_CUES = frozenset("having has had have still wetting more daytime night-time".split())
# a denied or counted accident needs its time to be a child's wetting: "no [accidents in the day]"
_COUNTED_CUES = frozenset("no any fewer".split())
_ACCIDENT_BEFORE = _ACCIDENT_CUES | _COUNTED_CUES
_ACCIDENT_TIMES = (("in", "the", "day"), ("during", "the", "day"), ("at", "night"), ("at", "school"))
# Round 42: "going" alone is the toilet in a post about the bowel or the bladder, told by its rate: "im [going 6-7
# times a day]", "[only going every 4 or 5 days]", "[going every 20 minutes]" (thirty such spans in the gold by
# twenty writers). The nearest bowel or bladder word, at most _CONTEXT_TOKENS away, says which.
_GOINGS = frozenset({"going", "goes", "go"})
_BOWEL_WORDS = frozenset("poo poos poop poops pooing pooping pooed stool stools bowel bowels bm bms diarrhea diarrhoea "
                         "constipated constipation crohn crohns colitis ibs ibd movicol laxative laxatives lactulose "
                         "senna".split())
_BLADDER_WORDS = frozenset("pee peeing pees wee weeing wees urine urinate urinating urinary bladder uti utis cystitis "
                           "oab prostate".split())
_CONTEXT_TOKENS = 30
DIARRHEA = "HP:0002014"
_OFTEN = ("#_times_a_day|#_x_a_day|#_a_day|#_x_daily|" + _DAY_COUNTS + "|"
          "every_#_minutes|every_#_mins|every_#_min|every_#_-_#_minutes|every_#_-_#_mins|"
          "every_#_to_#_minutes|every_half_an_hour|every_half_hour|every_hour|every_#_hours|every_#_hrs|"
          "every_#_-_#_hours")
_SELDOM = ("every_#_days|every_#_or_#_days|every_#_-_#_days|every_#_to_#_days|once_a_week|twice_a_week|"
           "once_in_#_days|once_every_#_days")
GOING_ROWS = [
    ("going|goes|go " + _OFTEN, "SYMPTOM", FREQUENCY),
    *((first + "going|goes|go " + _SELDOM, "SYMPTOM", CONSTIPATION) for first in ("", "only ")),
]
GOING_INDEX = lay_patterns.compile_patterns(GOING_ROWS)
_GOING_GATE = gate(_GOINGS)
_GOING_CONTEXT_GATE = gate(_BOWEL_WORDS, _BLADDER_WORDS)
_BOWEL_RATE = 4  # a day: more than the usual one to three motions
_SELDOM_DAYS = 3  # every 3 days or fewer: fewer than three motions a week
# who goes: the writer or a person told of ("im going", "he's been going", ", going"), not "the bus goes every 20
# minutes", "my kids go every 2 hours for a snack"
_GOER_BEFORE = frozenset("i im he she they we you m 'm am is s 's are re 're was were been be still now currently "
                         "literally and but then ive 've keep keeps kept started start also even sometimes usually "
                         "normally always just not d 'd would barely hardly only , . - : ; ( ! ?".split()) | {"\n"}
# a place or an errand after the rate ("going twice a week to the gym", "every 3 days for my infusion", "on the
# treadmill"); "to the loo" and "for a wee" are the toilet, taken in
_ELSEWHERE_AFTER = frozenset("to for on into onto from at by".split())
_TOILET_AFTER = (("to", "the", "toilet"), ("to", "the", "loo"), ("to", "the", "bathroom"), ("to", "the", "restroom"),
                 ("to", "pee"), ("to", "wee"), ("to", "poo"), ("to", "poop"), ("for", "a", "wee"), ("for", "a", "pee"),
                 ("for", "a", "poo"))

WORDS = frozenset({"stinging", "burning", "stings", "burns", "sting", "burn", "peeing", "weeing", "urinating", "pees", "passing", "empty", "pooed", "pooped", "pood", "poo", "poop", "bowel", "stool", "blood", "protein", "pus", "sugar",
                   "diapers", "nappies", "nappys", "wees", "pees", "loo", "bathroom", "toilet", "restroom", "go", "pee",
                   "wee", "urinate", "drainage", "ooze", "gunk", "accidents", "leak", "leaks", "leaking", "leaked",
                   "starting"})
_GATE = gate(WORDS)
_ANCHOR_GATE = gate(*(anchors for anchors, _index in ANCHORED))
WORDS = WORDS | _ANCHOR_GATE | _GOING_GATE


def add_toilet_phrases(doc, words: list[str], spans: Spans) -> Spans:
    hits = gate_hits(words)
    goings = [] if _GOING_GATE.isdisjoint(hits) or _GOING_CONTEXT_GATE.isdisjoint(hits) else _goings(words)
    if _GATE.isdisjoint(hits) and _ANCHOR_GATE.isdisjoint(hits) and not goings:
        return spans
    found = lay_patterns.find(words, INDEX) if not _GATE.isdisjoint(hits) else []
    if not _ANCHOR_GATE.isdisjoint(hits):
        # only the few positions just before an anchor word are tried (the anchor is inside the phrase)
        more = [f for anchors, index in ANCHORED if not hits.isdisjoint(anchors)
                for f in lay_patterns.find(words, index, _before(words, index, hits.intersection(anchors)))]
        if more:
            # an anchored row gives way to an older row's phrase it overlaps
            found = sorted(found + [f for f in more if all(f[1] <= g[0] or g[1] <= f[0] for g in found)])
    found = [_settle_hurry(words, _with_first_finding(words, f)) for f in found if _plausible(words, f)]
    if goings:
        found = sorted(found + [g for g in goings if all(g[1] <= f[0] or f[1] <= g[0] for f in found)])
    accidents = word_positions(words, ("accidents",))
    if accidents:
        for i in accidents:
            if not i or words[i - 1] not in _ACCIDENT_BEFORE:
                continue
            end = next((i + 1 + len(t) for t in _ACCIDENT_TIMES if tuple(words[i + 1:i + 1 + len(t)]) == t), i + 1)
            if end > i + 1 or words[i - 1] in _ACCIDENT_CUES:
                found.append((i, end, "SYMPTOM", INCONTINENCE))
        found.sort()
    return lay_patterns.place(spans, found)


def _before(words: list[str], index: dict, anchors: set[str]) -> set[int]:
    return {i for p in word_positions(words, anchors) for i in range(max(0, p - 12), p + 1) if words[i] in index}


def _goings(words: list[str]) -> list[tuple[int, int, str, str]]:
    """ "[going 8 times a day]", "[only goes every 5 or 6 days]" in a post whose nearest bowel or bladder word makes
    "going" the toilet; not "going every day to physio", "the bus goes every 20 minutes", "comes and goes every hour"."""
    found = []
    n = len(words)
    for start, end, label, concept in lay_patterns.find(words, GOING_INDEX):
        before = words[start - 1] if start else "."
        if before not in _GOER_BEFORE or before == "and" and start >= 2 and words[start - 2].startswith(("come", "came")):
            continue
        toilet = next((t for t in _TOILET_AFTER if tuple(words[end:end + len(t)]) == t), None)
        if toilet:
            end += len(toilet)
        elif end < n and words[end] in _ELSEWHERE_AFTER:
            continue
        bowel = _nearest(words, start, _BOWEL_WORDS)
        bladder = _nearest(words, start, _BLADDER_WORDS)
        if bowel is None and bladder is None:
            continue
        of_bowel = bladder is None or bowel is not None and bowel <= bladder
        phrase = words[start:end]
        numbers = _counts(phrase)
        if concept == FREQUENCY:
            if "day" in phrase or "daily" in phrase or "before" in phrase:
                if max(numbers) < (_BOWEL_RATE if of_bowel else _NORMAL_DAY_RATE):
                    continue
            elif not _frequent(phrase):
                continue  # "every 4 hours"
            if of_bowel:
                concept = DIARRHEA
        elif not of_bowel or "days" in phrase and min(numbers) < _SELDOM_DAYS:
            continue  # seldom is the bowel's complaint; "every 2 days" is within the usual
        found.append((start, end, label, concept))
    return found


def _nearest(words: list[str], at: int, targets: frozenset[str]) -> int | None:
    """How many tokens from ``at`` the nearest of ``targets`` is, or None beyond :data:`_CONTEXT_TOKENS`."""
    positions = word_positions(words, targets)
    nearest = min((abs(p - at) for p in positions), default=None)
    return nearest if nearest is not None and nearest <= _CONTEXT_TOKENS else None


_FINDINGS = frozenset(_CLASSES["FINDING"].split("|"))


def _with_first_finding(words: list[str], f):
    """ "[blood and protein in my urine]": two findings share the product (GUIDELINES rule 11)."""
    start = f[0]
    if f[3] == FINDING_IN_PRODUCT and start >= 2 and words[start - 1] in ("and", "or") and words[start - 2] in _FINDINGS:
        return (start - 2,) + tuple(f[1:])
    return f


_NOSE = frozenset("nose sinuses sinus ears ear head chest nostrils drain sink pipes toilet loo gutter".split())
_BUNGED_SUBJECTS = frozenset("i im he she m 'm am was been be is s 's got get gets getting feel feel felt feeling "
                             "so really totally completely always still very proper properly".split())
# a rate that is no complaint: a few times a day, every 3-4 hours
_NORMAL_DAY_RATE = 8


_FLOWS = frozenset("pee wee peeing weeing".split())
_BURNS_SOMETHING_BEFORE = frozenset("my the his her your their our a an from on all are were have had".split())
_REFLEXIVES = frozenset("myself ourselves himself herself themselves yourself".split())
# the Scots "wee" (small) after a determiner: "the wee burns" are streams
_WEE_SMALL_AFTER = frozenset("the a some those these our two three few".split())


_TOILETS_NAMED = frozenset(_CLASSES["TOILET"].split("|"))
# the words of loose bowels (not of constipation and its laxatives, which a hurry would contradict)
_LOOSE_BOWEL_WORDS = frozenset("poo poos pooing stool stools bowel bowels diarrhea diarrhoea loose runny runs ibs ibs-d "
                               "crohn crohns colitis".split())


def _counts(words: list[str]) -> list[int]:
    """The numbers of a rate; before an hour only those before it ("5 or 6 times before 10am": the count, not the hour)."""
    if "before" in words:
        words = words[:words.index("before")]
    return [int(n) for w in words for n in re.findall(r"\d+", w)]


def _counted(words: list[str]) -> bool:
    """Whether a rate holds a count ("6 or 7 times a day"), not only a span of time ("all day", "constantly")."""
    return any(re.search(r"\d", w) for w in words)


def _settle_hurry(words: list[str], f):
    """A hurry to the toilet takes the concept of the nearer of the post's loose-bowel and bladder words: in a post
    about loose bowels it is diarrhoea ("[running to the loo 6 or 7 times a day]" on metformin), else urinary
    frequency; "to pee" after it is the bladder's. A rate without a count stays outside ("[running to the toilet] all
    day", GUIDELINES section 6)."""
    start, end = f[0], f[1]
    if f[3] != FREQUENCY or words[start] not in _HURRIES and words[start] not in _URGENT:
        return f
    toilet = next(k for k in range(start, end) if words[k] in _TOILETS_NAMED) + 1
    if not _counted(words[toilet:end]) and "every" not in words[toilet:end]:
        end = toilet
    if words[end:end + 2] in (["to", "pee"], ["to", "wee"], ["to", "urinate"]):
        return (start, end, f[2], FREQUENCY)
    bowel, bladder = _nearest(words, start, _LOOSE_BOWEL_WORDS), _nearest(words, start, _BLADDER_WORDS)
    if bowel is not None and (bladder is None or bowel <= bladder):
        return (start, end, f[2], DIARRHEA)
    return (start, end, f[2], f[3])


def _plausible(words: list[str], f) -> bool:
    start, end = f[0], f[1]
    first = words[start]
    if first == "wee" and start and words[start - 1] in _WEE_SMALL_AFTER:
        return False
    nxt = words[end] if end < len(words) else "."
    if f[3] == DYSURIA and first in _FLOWS and nxt in _BURNS_SOMETHING_BEFORE:
        return False  # a noun ("wee burns from the curling tongs") or the flow hurting something ("dog pee burns the grass")
    if f[3] == NOCTURIA and nxt in _REFLEXIVES:
        return False  # "up half the night weeing myself laughing"
    if f[3] == CONSTIPATION and words[start + 1] == "up" if start + 1 < len(words) else False:
        # "bunged up" of a person, not of a nose, a drain or a road: "[bunged up] the whole time despite laxatives"
        prev = words[start - 1] if start else "."
        if prev not in _BUNGED_SUBJECTS or not _NOSE.isdisjoint(words[max(0, start - 4):end + 4]):
            return False
        return True
    hurried = first in _HURRIES or first in _URGENT
    uncounted = hurried and not _counted(words[start:end])  # "all day": trimmed in _settle_hurry, a hurry still
    if f[3] == FREQUENCY and first not in ("have", "having", "need", "needing", "needs", "has") and not uncounted \
            and not _frequent(words[start:end], per_day=_BOWEL_RATE if hurried else _NORMAL_DAY_RATE):
        return False  # (a hurry is urgency already: "[running to the loo 6 or 7 times a day]" counts from 4 a day)
    # "have to go" alone is errands; the rate makes it the bladder: "have to go every 20 minutes"
    if first in ("have", "having", "need", "needing", "needs", "has") and end - start <= 3:
        return False
    # "running to the loo" needs the urgency or a rate, or another complaint near (not "running to the toilet to
    # fetch a towel"): keep it when nothing follows but a stop or "and"
    if first in _URGENT and nxt == "to":
        return words[end + 1:end + 2] in (["pee"], ["wee"], ["poo"], ["urinate"])  # "a mad dash to the toilet to grab"
    if first in _HURRIES and words[end - 1] in _TOILETS_NAMED:  # no rate after it
        return end >= len(words) or words[end] in (".", ",", "and", "!", "all", "constantly", ";")
    return True


def _frequent(words: list[str], *, per_day: int = _NORMAL_DAY_RATE) -> bool:
    """A rate of going that is a complaint: every hour or more often, or more than a few times a day."""
    numbers = _counts(words)  # "12x a day"
    if "before" in words:
        return bool(numbers) and max(numbers) >= per_day // 2
    if "day" in words or "daily" in words:
        return bool(numbers) and max(numbers) >= per_day
    if "hours" in words or "hrs" in words:
        return bool(numbers) and max(numbers) <= 2
    return True
