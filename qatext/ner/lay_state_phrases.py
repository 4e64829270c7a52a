"""States of mind, energy, sleep and eating told in lay words (GUIDELINES rules 16, 17 and section 6): "[jump out of
my skin] at any horn", "[replay the crash]", "i have [zero patience]", "my [thoughts turn to mush]", "im [out of
puff]", "[takes 2 hours to drop off]", "[forget to eat]", "[cant remember whether hes taken his tablets]", "i [lose
my voice] for days", "no [highs]" of a mood, "no [DTs]" after drinking.

Each phrase reports a health state only by its form or by the story around it; the everyday senses of the same
words are left alone, and the rule each check applies is written beside it:

* a fright told as one event ("nearly jumped out of my skin when the cat ...") is an ordinary feeling about an
  event (rule 17); the habit ("i jump out of my skin at any horn") is the startle of an anxious person;
* what is replayed is a trauma ("the crash", "the attack"), not a match or a video;
* impatience aimed at one thing ("zero patience for the queue at the pharmacy") is a feeling about an event;
  impatience with everyone or with no object is irritability;
* only the mind turns to mush ("my thoughts turned to dinner", "the potatoes turn to mush" stay out);
* "out of puff pastry" is a pastry; a drop-off with an object ("to drop off the kids") is an errand;
* a forgotten meal or a lapse of memory is a complaint in the present habit ("i forget to eat", "cant remember
  whether hes taken his tablets"), not an order ("dont forget to eat") nor any doubt ("cant remember if the rash
  came first");
* losing one's voice in a vote or an election is losing a say;
* "highs" and "lows" are a mood's only in a story of mood (bipolar, lithium, mood), never a temperature's or a
  blood sugar's ("highs of 30", "sugar highs");
* "DTs" is delirium tremens only in a story of drink;
* nerves before a show, an exam or a match ("the kids were jittery before the show") are ordinary feelings about an
  event (rule 17), so a state word followed by one is dropped; "jittery" on a drug stays.
"""
from __future__ import annotations

from bisect import bisect_left

from qatext.ner import lay_patterns
from qatext.ner.span_rules import Spans, gate, gate_hits, word_positions, word_set

STARTLE = "HP:5200231"  # Hypervigilance, as the lexicon's "easily startled"
RE_EXPERIENCING = "QATEXT:symptom/trauma-re-experiencing"
IRRITABILITY = "HP:0000737"
BRAIN_FOG = "HP:0033630"
DYSPNEA = "HP:0002094"
INSOMNIA = "HP:0100785"
POOR_APPETITE = "HP:0004396"
MEMORY = "HP:0002354"
HOARSE = "HP:0001609"
MANIA = "HP:0100754"
LOWS = "HP:0000716"  # Depressivity, the low of a mood
APNEA = "HP:0002104"
DTS = "QATEXT:mesh/alcohol-withdrawal-delirium"

_CLASSES = {
    "JUMP": "jump|jumps|jumping|jumped",
    "SKIN": "out_of_my_skin|out_of_his_skin|out_of_her_skin|out_of_their_skin|out_of_our_skin",
    "REPLAY": "replay|replays|replaying|replayed|relive|relives|reliving|relived|keep_replaying|keep_reliving",
    "TRAUMA": "crash|accident|attack|assault|collision|crash_scene|fall|fire|rape|shooting|explosion|incident|"
              "trauma|birth|delivery|stabbing|mugging|robbery|fight|abuse|seizure",
    "PATIENCE_NONE": "zero|no|nil",
    "MIND": "thoughts|brain|head|mind",
    "TURN": "turn|turns|turned|turning|goes|went|go|is|was|feels|feel|felt|has_turned|'s_turned|s_turned|"
            "has_gone|'s_gone|s_gone|just_turns|just_goes|is_like|feels_like|is_just|becomes|became",
    "MUSH": "to_mush|mush|to_porridge|porridge|to_cotton_wool|cotton_wool|to_jelly|jelly|to_soup|soup|to_sludge|"
            "sludge|to_mashed_potato|mashed_potato",
    "TAKES": "takes|took|taking|take|takes_me|took_me|takes_him|took_him|takes_her|took_her|takes_them|took_them",
    "LONG": "#_hours|#_hrs|#_hour|#_hr|an_hour|over_an_hour|hours|ages|forever|an_age|an_eternity|#-#_hours|"
            "#_to_#_hours|#_or_#_hours|#_-_#_hours|#_+_hours|#+_hours|over_#_hours|at_least_an_hour|"
            "at_least_#_hours|more_than_an_hour|more_than_#_hours|#_minutes|#_mins",
    "SLEEP_ONSET": "to_drop_off|to_fall_asleep|to_get_to_sleep|to_go_to_sleep|to_nod_off|to_get_off_to_sleep|"
                   "to_drift_off|to_doze_off|to_get_off|to_settle|to_get_off_to_sleep",
    "FORGET": "forget|forgets|forgetting|keep_forgetting|keeps_forgetting|always_forget|always_forgets|"
              "often_forget|often_forgets",
    "EAT": "to_eat|to_drink|to_have_lunch|to_have_breakfast|to_have_dinner|to_eat_lunch|to_eat_breakfast|"
           "to_eat_dinner|about_food|about_eating|to_eat_anything|to_eat_all_day|to_eat_or_drink|to_drink_anything",
    "LOSE": "lose|loses|losing|keep_losing|keeps_losing",
    "VOICE": "my_voice|his_voice|her_voice|their_voice|the_voice|voice",
}
# (pattern, label, concept, anchors): the rare words the phrase holds; a row is tried only in a doc with one of
# them, and only at the few positions up to 7 tokens before one ("take" and "out" are in every doc, "puff" is not)
ROWS = [
    ("{JUMP} {SKIN}", "SYMPTOM", STARTLE, ("skin",)),
    ("{REPLAY} ?{OWNER} {TRAUMA}", "SYMPTOM", RE_EXPERIENCING, ("replay", "replays", "replaying", "replayed",
                                                                 "relive", "relives", "reliving", "relived")),
    ("{PATIENCE_NONE} patience", "SYMPTOM", IRRITABILITY, ("patience",)),
    ("{MIND} {TURN} {MUSH}", "SYMPTOM", BRAIN_FOG, ("mush", "porridge", "wool", "sludge")),
    ("out_of puff", "SYMPTOM", DYSPNEA, ("puff",)),
    ("puffed_out", "SYMPTOM", DYSPNEA, ("puffed",)),
    # the lexicon has "stop", "stops" and "stopped breathing"; its "stopping" would be a fuzzy neighbour of other words
    ("stopping breathing", "SYMPTOM", APNEA, ("stopping",)),
    ("{TAKES} {LONG} {SLEEP_ONSET}", "SYMPTOM", INSOMNIA, ("asleep", "drop", "nod", "drift", "doze", "settle")),
    ("{FORGET} {EAT}", "SYMPTOM", POOR_APPETITE, ("forget", "forgets", "forgetting")),
    ("{LOSE} {VOICE}", "SYMPTOM", HOARSE, ("voice",)),
]
_GROUPS = {}
for _text, _label, _concept, _anchors in ROWS:
    _GROUPS.setdefault(frozenset(_anchors), []).append((_text, _label, _concept))
GROUPS = [(anchors, lay_patterns.compile_patterns(rows, _CLASSES)) for anchors, rows in _GROUPS.items()]
_REACH = 7
# the rare words each phrase must hold (its anchors), which open the rule
WORDS = frozenset({"replay", "replays", "replaying", "replayed", "relive", "relives", "reliving", "relived",
                   "patience", "mush", "porridge", "wool", "sludge", "puff", "puffed", "asleep", "nod",
                   "drift", "doze", "forget", "forgets", "forgetting", "voice", "highs", "lows", "dts", "jittery", "snore", "snores", "snoring", "snored"})
# words common alone that open the rule only with their partner (the hook asks for a pair): "skin" with a jump,
# "much" with a state word ("much sleepy", not "how much"), "inside" with a numb or dull one, a sleep or a meal
# with its amount ("not sleeping more than 2 hours", "hardly eats his lunch")
PAIRS = ((gate({"skin"}), gate(frozenset("jump jumps jumping jumped".split()))),
         (gate({"much"}), gate(frozenset("sleepy tired drowsy dizzy anxious nervous hungry thirsty weak sweaty "
                                         "irritable restless jittery fatigued sleepiness tiredness".split()))),
         (gate({"inside"}), gate(frozenset("dull numb empty hollow flat dead cold".split()))),
         (gate(frozenset("sleep sleeps sleeping slept".split())), gate(frozenset({"than", "beyond"}))),
         (gate(frozenset("eat eats eating ate".split())), gate(frozenset("lunch dinner breakfast tea supper meals "
                                                                         "meal food dinners lunches breakfasts".split()))),
         (gate(frozenset({"drop", "settle"})), gate(frozenset("takes took take taking".split()))),
         (gate(frozenset({"stopping"})), gate(frozenset({"breathing"}))),
         (gate(frozenset({"remember", "recall"})), gate(frozenset({"whether", "if"}))))


_GATE = gate(WORDS, *(first for first, _second in PAIRS))
# the words that open the pattern rows (each row holds one of them)
_ROW_WORDS = gate(*(anchors for anchors, _index in GROUPS))

_STOPS = frozenset(". , ; : ! ? ) ( - and but or so when whenever if at every all now lately again anymore "
                   "most since these".split())
_HABIT = frozenset("every any always constantly whenever keep keeps often all daily most each".split())
_PERSONS = frozenset("i he she we they im hes shes".split())
_HAVE = frozenset("have has had got 've ve having".split())
_ORDERS = frozenset("dont don't do nt n't not never you to please if".split())
_CONDITIONS = frozenset("when whenever if unless until till".split())
_PATIENCE_OBJECTS = frozenset("anything anyone anybody everything everyone everybody people the_kids my_kids "
                              "my_family".split())
_VOTES = frozenset("vote votes voting election elections debate decision decisions say union board committee "
                   "council party meeting".split())


def add_state_phrases(doc, words: list[str], spans: Spans) -> Spans:
    hits = _GATE.intersection(gate_hits(words))
    if not hits:
        return spans
    if not _ROW_WORDS.isdisjoint(hits):
        found = []
        present = word_set(words)
        for anchors, index in GROUPS:
            here = hits.intersection(anchors)
            if not here or present.isdisjoint(index):
                continue  # "skin" is in many docs, "jump" with it in few
            candidates = {i for p in word_positions(words, here) for i in range(max(0, p - _REACH), p + 1)
                          if words[i] in index}
            if candidates:
                found += [_felt_like(words, f) for f in lay_patterns.find(words, index, candidates)
                          if _plausible(words, f)]
        spans = lay_patterns.place(spans, _longest(found))
        if "voice" in hits:
            spans = _drop_lost_say(words, spans)
    if ("remember" in hits or "recall" in hits or "forget" in hits or "forgets" in hits) \
            and ("whether" in word_set(words) or "if" in word_set(words)):
        spans = lay_patterns.place(spans, _memory_lapses(words))
    if "highs" in hits or "lows" in hits:
        spans = _mood_swings(words, spans)
    if "dts" in hits:
        spans = _delirium_tremens(words, spans)
    wanted = hits & _EXTEND_WORDS
    if "much" in wanted and _MUCH_STATES.isdisjoint(word_set(words)):
        wanted = wanted - {"much"}  # "how much", "too much": in many docs, with no state word
    if wanted:
        spans = _extend_states(words, spans, wanted)
    return spans


def _longest(found: list) -> list:
    """Rows of different groups may find overlapping phrases: the longest, then the first, stands. The kept phrases
    do not overlap, so the one starting last before a phrase's end is the only one to check (bisection)."""
    kept: list = []
    starts: list[int] = []
    for f in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        k = bisect_left(starts, f[1]) - 1
        if k >= 0 and kept[k][1] > f[0]:
            continue
        kept.insert(k + 1, f)
        starts.insert(k + 1, f[0])
    return sorted(kept)


def _next(words: list[str], end: int) -> str:
    return words[end] if end < len(words) else "."


_FEEL = frozenset("feel feels felt feeling".split())
_FEEL_LINKS = frozenset("like as if though i i'm im 'm m am was going to gon na gonna could would 'd d might "
                        "about just".split())


def _felt_like(words: list[str], f):
    """ "[feel like im going to jump out of my skin]": a "feel like ..." complaint keeps "feel like" (rule 16)."""
    if f[3] != STARTLE:
        return f
    k = f[0] - 1
    while k >= 0 and f[0] - k <= 7 and words[k] in _FEEL_LINKS:
        k -= 1
    if k >= 0 and words[k] in _FEEL and k + 1 < f[0] and words[k + 1] in ("like", "as"):
        return (k, *f[1:])
    return f


def _plausible(words: list[str], f) -> bool:
    start, end, _label, concept = f
    prev = words[start - 1] if start else "."
    nxt = _next(words, end)
    if concept == STARTLE:
        # the habit, not one fright: "i jump out of my skin at any horn" (not "nearly jumped out of my skin when");
        # nor a joy ("jump out of my skin with joy")
        if prev in ("nearly", "almost", "practically", "literally"):
            return False
        if nxt in ("with", "for") and _next(words, end + 1) in _GLADNESS:
            return False
        if words[start] == "jumped":
            return not _HABIT.isdisjoint(words[end:end + 4])
        return True
    if concept == RE_EXPERIENCING:
        # "replay the match", "replay the crash footage": a noun after the trauma is what is replayed; a crash watched
        # on a screen or in a sport ("replaying the crash in slow motion on youtube, what a finish to the race") is
        # no trauma of the writer's
        return (nxt in _STOPS or nxt in ("in", "over", "whenever", "every", "on", "again", "constantly", "like")) \
            and _SCREENS.isdisjoint(words[max(0, start - 12):end + 15])
    if concept == IRRITABILITY:
        # a person who has none ("i have zero patience"), with no object or with everyone
        if prev not in _HAVE and not (start >= 2 and words[start - 2] in _HAVE and prev in ("just", "literally",
                                                                                         "absolutely", "got")):
            return False
        # what is left over or how long stands between the patience and its object: "no patience left for this game"
        k = end
        while k < len(words) and k - end < 2 and words[k] in _PATIENCE_FILLERS:
            k += 1
        nxt = _next(words, k)
        if nxt == "for" or nxt == "with":
            follow = words[k + 1:k + 3]
            return bool(follow) and (follow[0] in _PATIENCE_OBJECTS or "_".join(follow) in _PATIENCE_OBJECTS)
        return nxt in _STOPS or nxt in ("these", "whatsoever") or k > end
    if concept == APNEA:
        # "stopping breathing in the fumes", "stopping breathing exercises": only a pause of breath
        return nxt in _STOPS or nxt in ("in", "during", "at", "for", "while", "when", "then", "every", "several")  \
            and _next(words, end + 1) not in ("the", "fumes", "smoke", "dust")
    if concept == DYSPNEA:
        # a person is puffed out ("im out of puff", "gets puffed out on the stairs"), not a cushion or a chest
        return nxt not in ("pastry", "pastries", "paint", "sleeves") and nxt not in _OWNERS and _breathing_subject(
            words, start)
    if concept == INSOMNIA:
        # "takes 2 hours to drop off the kids": an object after the drop-off is an errand; minutes are long only
        # from 45 ("takes 10 minutes to fall asleep" is normal)
        if words[end - 1] in ("off", "settle") and nxt not in _STOPS and nxt not in ("at", "in", "each", "every",
                                                                                 "most", "tonight", "nowadays"):
            return False
        for k in range(start, end):
            if words[k] in ("minutes", "mins") and k and words[k - 1].isdecimal():
                return int(words[k - 1]) >= 45
        return True
    if concept == POOR_APPETITE:
        # "dont forget to eat", "you forget to eat when busy": an order or anyone's habit; "belly ache when i forget
        # to eat" is the trigger of another complaint (rule 10), not a lost appetite
        # "when im busy at work i forget to eat lunch": a condition anywhere in the clause before, or a busy day, is
        # the trigger; "forget to eat my vegetables" is a food missed, not a meal
        if prev in _ORDERS or not _CONDITIONS.isdisjoint(_clause_before(words, start)) \
                or not _BUSY.isdisjoint(words[max(0, start - 12):end + 8]):
            return False
        if nxt in _FOOD_DETERMINERS:
            return _next(words, end + 1) in _MEAL_WORDS
        return nxt not in _FOODS
    if concept == HOARSE:
        # "lose my voice in the vote": a say, not a larynx
        return _VOTES.isdisjoint(words[end:end + 6]) and prev not in ("to", "dont", "not", "nt", "n't", "never")
    return True


_GLADNESS = frozenset("joy excitement happiness delight glee pride pleasure laughter anticipation relief".split())
# a crash on a screen or in a sport
_SCREENS = frozenset("youtube video videos footage highlights tv telly race races racing f1 lap laps finish match "
                     "game games film movie clip clips commentary replays".split())
_PATIENCE_FILLERS = frozenset("left lately anymore whatsoever today".split())
_BUSY = frozenset("busy busier hectic".split())
_FOOD_DETERMINERS = frozenset("my the his her their your a an some any more".split())
_MEAL_WORDS = frozenset("lunch breakfast dinner tea supper meal meals food lunches dinners breakfasts".split())
_FOODS = frozenset("vegetables veg veggies fruit greens salad salads sweets snacks".split())
_DEGREES = frozenset("all so really very completely totally quite bit a little proper properly absolutely super "
                     "well".split())
_BREATHERS = frozenset("i he she we they you im hes shes i'm ive i've me him her us them baby son daughter husband "
                       "wife partner mum mom dad child kid toddler boy girl nan gran grandma grandad".split())
_GETTING = frozenset("get gets got getting feel feels felt feeling go goes went going seem seems seemed".split())
_BE_FORMS = frozenset("was were is are been be 's s am 'm m".split())
_CLAUSE_OPENERS = frozenset(". , ; : ! ? and but or so then \n".split()) | {"\n", ""}


def _breathing_subject(words: list[str], start: int) -> bool:
    """The state at ``start`` is a person's: after "get", "feel", a person's "be", or with no subject of its own
    ("and puffed out"); not "the cushions were all puffed out"."""
    k = start - 1
    while k >= 0 and start - k <= 3 and words[k] in _DEGREES:
        k -= 1
    if k < 0 or words[k] in _GETTING or words[k] in _BREATHERS or words[k] in _CLAUSE_OPENERS:
        return True
    if words[k] in _BE_FORMS:
        k -= 1
        while k >= 0 and words[k] in ("always", "often", "still", "just", "also", "usually", "never", "really"):
            k -= 1
        return k < 0 or words[k] in _BREATHERS or words[k] in _CLAUSE_OPENERS
    return False


def _clause_before(words: list[str], start: int) -> list[str]:
    """The words of the clause up to ``start`` (at most 10): back to a stop or a comma."""
    k = start
    while k > 0 and start - k < 10 and words[k - 1] not in _CLAUSE_OPENERS - {"and", "so", "then"}:
        k -= 1
    return words[k:start]


def _drop_lost_say(words: list[str], spans: Spans) -> Spans:
    """ "i lost my voice in the choir vote": a voice lost in a vote is a say (rule 17), whatever rule drew it."""
    out = []
    for span in spans:
        start, end, label, _concept = span
        if label == "SYMPTOM" and words[end - 1] == "voice" and words[start] in ("lost", "lose", "losing", "loses") \
                and not _VOTES.isdisjoint(words[end:end + 6]):
            continue
        out.append(span)
    return out


# what a memory lapse is about: a routine act done or not ("whether hes taken his tablets")
_ROUTINE = frozenset("taken took had eaten ate locked turned switched fed paid done shut closed left put brushed "
                     "showered washed given gave".split())
_TAKING = frozenset("taken took had given gave".split())
_TAKEN = frozenset("tablets tablet pills pill meds medicine medicines medication medications dose doses insulin "
                   "inhaler breakfast lunch dinner tea supper injection jab".split())
_ONE_TIME = frozenset("this today yesterday tonight last earlier".split())
_LAPSE_VERBS = frozenset("remember recall".split())
_LAPSE_FORGET = frozenset("forget forgets".split())
_CANT_WORDS = frozenset("cant cannot couldnt".split())
_CANT_PAIRS = frozenset({("ca", "nt"), ("ca", "n't"), ("could", "nt"), ("could", "n't"), ("can", "not"),
                         ("could", "not"), ("does", "nt"), ("does", "n't"), ("do", "nt"), ("do", "n't")})
_WHETHER = frozenset({"whether", "if"})
_CLAUSE_END = frozenset(". , ; : ! ? and but or because so when then".split())
_WRITERS = frozenset("i we i've ive we've weve i'd id".split())
# a story of a failing memory, in which the writer's own doubt is one more lapse
_MEMORY_STORY = frozenset("memory forgetful forgetting forget muddled confused confusion dementia alzheimers "
                          "alzheimer's fog foggy".split())


def _memory_lapses(words: list[str]) -> list:
    """ "[cant remember whether hes taken his tablets]", "[forgets if she has locked the door]": a lapse of memory
    told as the routine act it is about, the act's object inside, up to the clause end."""
    found = []
    n = len(words)
    for p in word_positions(words, (_LAPSE_VERBS | _LAPSE_FORGET).intersection(word_set(words))):
        if p + 1 >= n or words[p + 1] not in _WHETHER:
            continue
        if words[p] in _LAPSE_VERBS:
            if p >= 1 and words[p - 1] in _CANT_WORDS:
                start = p - 1
            elif p >= 2 and (words[p - 2], words[p - 1]) in _CANT_PAIRS:
                start = p - 2
            elif p >= 3 and (words[p - 3], words[p - 2]) in _CANT_PAIRS and words[p - 1] in ("even", "always"):
                start = p - 3
            else:
                continue
        else:
            if p and words[p - 1] in _ORDERS:
                continue
            start = p
        verb = next((k for k in range(p + 2, min(p + 6, n)) if words[k] in _ROUTINE), None)
        if verb is None or any(words[k] in _CLAUSE_END for k in range(p + 2, verb)):
            continue
        if words[verb] in _TAKING and _TAKEN.isdisjoint(words[verb + 1:verb + 4]):
            continue  # "cant remember if she had it as a kid": a past illness, not a routine act
        end = verb + 1
        while end < n and end - verb <= 3 and words[end] not in _CLAUSE_END and words[end] not in ("yet", "today",
                                                                                                  "or", "this"):
            end += 1
        if end == verb + 1 and words[verb] not in ("eaten", "showered"):
            continue  # "whether he had" alone names no act
        if not _ONE_TIME.isdisjoint(words[end:end + 3]):
            continue  # "cant remember if i took my meds this morning": one doubt, not a failing memory
        if words[p] in _LAPSE_VERBS and words[p + 2] in _WRITERS and _HABIT.isdisjoint(words[max(0, start - 4):end]) \
                and _MEMORY_STORY.isdisjoint(words[max(0, start - 25):end + 15]):
            continue  # "cant remember whether i turned the oven off, heading back home": the writer's one doubt
        found.append((start, end, "SYMPTOM", MEMORY))
    return found


# a story of mood makes "highs" and "lows" its swings
_MOOD_STORY = frozenset("bipolar mood moods manic mania hypomania hypomanic depression depressed lithium lamictal "
                        "lamotrigine depakote carbamazepine carbamazapine tegretol seroquel quetiapine abilify "
                        "aripiprazole latuda olanzapine zyprexa cyclothymia cyclothymic emotions emotional "
                        "stabiliser stabilizer".split())
_NOT_MOOD_BEFORE = frozenset("sugar sugars glucose bg bgs bs temperature temperatures temp temps daily record "
                             "all-time alltime blood caffeine runner's runners pressure tide".split())


def _mood_swings(words: list[str], spans: Spans) -> Spans:
    """ "no [highs] since i started", "the [highs] and [lows]" in a story of mood."""
    if _MOOD_STORY.isdisjoint(word_set(words)):
        return spans
    taken = {i for s in spans for i in range(s[0], s[1])}
    added = []
    for p in word_positions(words, {"highs", "lows"}.intersection(word_set(words))):
        # "the highs and lows of being a fan": a pair is read as one, by the word after both
        first = words[p - 3] if p >= 3 and words[p - 1] in ("and", "&", "or") else ""
        if first in ("highs", "lows") and first != words[p]:
            first_at = p - 2
        else:
            first_at = p
        pair_end = p + 3 if _next(words, p + 1) in ("and", "&", "or") and _next(words, p + 2) in ("highs", "lows") \
            and _next(words, p + 2) != words[p] else p + 1
        prev = words[first_at - 1] if first_at else "."
        after = _next(words, pair_end)
        if p in taken or prev in _NOT_MOOD_BEFORE or after in ("of", "in", "around", "near", "are", "were", "today"):
            continue
        if prev.isdecimal() or after.isdecimal():
            continue  # "highs 30", "3 highs"
        added.append((p, p + 1, "SYMPTOM", MANIA if words[p] == "highs" else LOWS))
    return lay_patterns.place(spans, added)


_DRINK_STORY = frozenset("drinking drink drinker alcohol alcoholic sober sobriety lager beer beers vodka booze "
                         "withdrawal withdrawals detox librium chlordiazepoxide cans wine whisky whiskey rum "
                         "gin spirits".split())


def _delirium_tremens(words: list[str], spans: Spans) -> Spans:
    """ "no [DTs]" after drinking: delirium tremens (a DISEASE, as the gold draws it) in a story of drink."""
    if _DRINK_STORY.isdisjoint(word_set(words)):
        return spans
    taken = {i for s in spans for i in range(s[0], s[1])}
    added = [(p, p + 1, "DISEASE", DTS) for p in word_positions(words, ["dts"]) if p not in taken]
    return lay_patterns.place(spans, added)


# a state word whose span grows by a word after or before it
_INSIDE_STATES = frozenset("dull numb empty hollow flat dead cold".split())
_MUCH_STATES = frozenset("sleepy tired drowsy dizzy anxious nervous hungry thirsty weak sweaty irritable restless "
                         "jittery fatigued sleepiness tiredness".split())
_NOT_BEFORE_MUCH = frozenset("so too very how as not nt n't that this pretty thank thanks".split())
_SNORES = frozenset("snore snores snoring snored".split())
_LOUD = frozenset("loudly loud heavily".split())
_LOUD_DEGREES = frozenset("really so very extremely incredibly super quite too".split())
_SLEEPS = frozenset("sleep sleeps sleeping slept".split())
_MORE_THAN = frozenset({("more", "than"), ("longer", "than"), ("over",), ("beyond",)})
_HOURS = frozenset("hours hrs hour hr".split())
_NIGHT_TAILS = (("a", "night"), ("per", "night"), ("each", "night"), ("at", "night"), ("a", "time"),
                ("at", "a", "time"))
_EATS = frozenset("eat eats eating ate".split())
_MEALS = frozenset("lunch dinner breakfast tea supper meals meal food dinners lunches breakfasts".split())
_OWNERS = frozenset("his her my their your the".split())
_EVENTS = frozenset("show exam exams test interview match game race wedding date performance concert flight "
                    "presentation speech recital play audition party trip".split())
_NERVES = frozenset("jittery nervous nerves anxious stressed edgy twitchy".split())


_EXTEND_TRIGGERS = frozenset({"inside", "much", "jittery"}) | _SNORES
_EXTEND_WORDS = _EXTEND_TRIGGERS | _SLEEPS | _EATS


def _extend_states(words: list[str], spans: Spans, hits: set) -> Spans:
    """ "felt [dull inside]", "[much sleepy]", "i [snore really loudly]", "[not sleeping more than 2 hours a night]",
    "[hardly eats his lunch]"; "the kids were jittery before the show" loses its span. Only the spans next to a
    trigger word are looked at."""
    present = word_set(words)
    wanted = set(hits & _EXTEND_TRIGGERS)
    if "much" in wanted and _MUCH_STATES.isdisjoint(present):
        wanted.discard("much")  # "how much", "too much": in most docs, with no state word after
    if "inside" in wanted and _INSIDE_STATES.isdisjoint(present):
        wanted.discard("inside")
    if ("than" in present or "over" in present or "beyond" in present) and not _HOURS.isdisjoint(present):
        wanted |= hits & _SLEEPS
    if not _MEALS.isdisjoint(present):
        wanted |= hits & _EATS
    if not wanted:
        return spans
    positions = set(word_positions(words, wanted))
    n = len(words)
    starts = {s[0] for s in spans}
    ends = {s[1] - 1 for s in spans}
    drug_starts = [s[0] for s in spans if s[2] == "DRUG"]
    out = []
    changed = False
    for span in spans:
        start, end, label, concept = span
        if label != "SYMPTOM" or not (end in positions or end - 1 in positions or start - 1 in positions):
            out.append(span)
            continue
        last = words[end - 1]
        nxt = _next(words, end)
        if end - start == 1 and last in _INSIDE_STATES and nxt == "inside" and end not in starts \
                and start and words[start - 1] in ("feel", "felt", "feeling", "feels", "m", "'m", "am", "im", "so",
                                                   "completely", "totally", "just", "really"):
            span = (start, end + 1, label, concept)
        elif end - start == 1 and last in _MUCH_STATES and start and words[start - 1] == "much" \
                and (start < 2 or words[start - 2] not in _NOT_BEFORE_MUCH) and start - 1 not in ends:
            span = (start - 1, end, label, concept)
        elif last in _SNORES and end < n:
            k = end
            while k < n and words[k] in _LOUD_DEGREES and k - end < 2:
                k += 1
            if k < n and words[k] in _LOUD and k + 1 not in starts:
                span = (start, k + 1, label, concept)
        elif last in _SLEEPS and words[start] in ("not", "barely", "hardly", "never", "only", "nt", "n't") and end < n:
            tail = _sleep_amount(words, end)
            if tail:
                span = (start, tail, label, concept)
        elif last in _EATS and words[start] in ("not", "barely", "hardly", "never", "only", "nt", "n't") and end < n:
            k = end + 1 if words[end] in _OWNERS else end
            if k < n and words[k] in _MEALS and k not in starts:
                span = (start, k + 1, label, concept)
        elif last in _NERVES and nxt in ("before", "about") and end + 2 < n \
                and _DEGREES.issuperset(words[start:end - 1]) \
                and (words[end + 1] in _EVENTS or words[end + 1] in _OWNERS and (
                    words[end + 2] in _EVENTS or end + 3 < n and words[end + 3] in _EVENTS)) \
                and not _drug_near(drug_starts, start, end):
            changed = True
            continue  # nerves before an event (rule 17), unless a drug is told beside them
        changed = changed or span[:2] != (start, end)
        out.append(span)
    return _disjoint(out) if changed else spans


def _drug_near(drug_starts: list[int], start: int, end: int, reach: int = 15) -> bool:
    """A DRUG span (by its start, sorted) within ``reach`` tokens of ``start:end`` ("jittery about my date tonight,
    started prozac last week")."""
    # a drug name runs a few tokens: one starting up to ``reach`` + 8 before, or ``reach`` after
    return bisect_left(drug_starts, end + reach) > bisect_left(drug_starts, start - reach - 8)


def _sleep_amount(words: list[str], end: int) -> int:
    """The end of "more than 2 hours a night" after a sleep word, or 0."""
    n = len(words)
    for cue in _MORE_THAN:
        if tuple(words[end:end + len(cue)]) == cue:
            k = end + len(cue)
            break
    else:
        return 0
    if k + 1 < n and lay_patterns._NUMBER.match(words[k]) and words[k + 1] in _HOURS:
        k += 2
        for tail in _NIGHT_TAILS:
            if tuple(words[k:k + len(tail)]) == tail:
                return k + len(tail)
        return k
    return 0


def _disjoint(spans: Spans) -> Spans:
    """Sorted spans, a grown span swallowing the ones it now covers."""
    spans = sorted(spans, key=lambda s: (s[0], -s[1]))
    out = []
    for span in spans:
        if out and span[0] < out[-1][1]:
            continue
        out.append(span)
    return out
