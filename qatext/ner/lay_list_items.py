"""Items of a list of complaints that no word list knows (round 22b; GUIDELINES rules 3, 4, 11, 16).

Drug reviews and forum posts list their side effects: "Weight gain, decreased enthusiasm, no patience, insomnia",
"sweating, flush, brain zaps", "headache, slight confusion, temperature and feeling very tired". A reader knows every
item of such a list is a complaint, and annotators mark each one. Inside one sentence (a header such as "side
effects:" ends the sentence before it), the items between commas, semicolons, slashes and "and"/"or" are read; when
at least two items are SYMPTOM spans already (a list of diagnoses is a differential or a list of causes) and an item
next to one of them holds no span at all, is short
(1-5 words after its leading and trailing parts are cut) and passes the guards below, it is a SYMPTOM with the
generic lay complaint concept.

An item is no complaint when it is a time, dose, count or duration ("first week", "10mg", "after a month"); a
discourse word or clause start ("however", "also", "at first", "side effects included"); a clause with its own
subject or verb ("my life is easier", "never take this drug"); a benefit ("good mood", "works great"), or any item of
a list whose known items are relieved or denied ("less anxiety, more energy", "no fever, no cough, good appetite");
a person (the relatives and others of ``qatext/resources/context/people.tsv``), a role or a place; a day, a month
or a holiday; a chat word ("ugh", "sorry", "edit"); or a capitalised name in a list whose complaints are lower case
("nausea, headache, Tuesday"). Edges follow section 4: determiners, conjunctions and copular "feeling"/"felt" stay
outside, severity words inside ("[slight confusion]", "feeling [very tired]"); a "no" that makes the complaint (a lost
function, rule 3) stays inside ("[no patience]"); a trailing time or trigger ("for a week", "at night") stays
outside (rule 10).
"""
from __future__ import annotations

from bisect import bisect_left
from itertools import compress, count, repeat
from operator import itemgetter, sub

from qatext.ner.context_rules import load_people
from qatext.ner.span_rules import BODY_REGIONS, DRUG_FORMS, LOCATION_FILLERS, LOCATION_PREPOSITIONS, SEVERITY, Spans

LAY_COMPLAINT = "QATEXT:symptom/body-part-complaint"
_START = itemgetter(0)
_END = itemgetter(1)

_PROBLEMS = frozenset({"SYMPTOM", "DISEASE"})
_OTHER_LABELS = frozenset({"DRUG", "TEST", "TREATMENT"})

# What the recognizer checks in the doc's word set before calling (most docs have a comma; the rule then looks only
# at sentences with two found complaints).
LIST_MARKS = frozenset({",", ";", "/"})
_ITEM_SEPARATORS = frozenset({",", ";", "/", "and", "or", "&", "+", "nor"})
_SENTENCE_ENDS = frozenset({".", "!", "?", ":", "...", "..", "--"})

# leading words cut off an item (determiners, list glue, copular and perception verbs: rule 16)
_LEADING_CUT = frozenset("a an the some also plus then and with even constant constantly always often sometimes "
                         "occasional occasionally frequent frequently feeling feel feels felt being".split())
# words from which the rest of an item is a trailing time, trigger, place or comment (rule 10)
_TRAILING_CUT = frozenset("for after before during since until till when whenever while all every from "
                          "within by around about like than if because as each throughout "
                          "especially mostly mainly lol haha".split())
# the first word of an item that is a discourse word, a clause start, a contrast or a comment, not a complaint
_NOT_FIRST = frozenset(
    """however also but though although yet so still now then initially first firstly second secondly finally
    lastly overall anyway anyways basically honestly actually really just well yes yeah no-one nobody etc etc. ok same
    okay thanks thank please hope hopefully maybe perhaps probably possibly especially mostly mainly except apart
    besides other others another which who whom whose what when where why how whether if unless because since as
    than that this these those there here it its it's i im i'm ive i've id i'd ill i'll me you your you're youre
    he he's hes him his she she's shes her hers we we're our us they they're theyre them their my mine one ones
    nothing something anything everything everyone someone anyone side more most many much few lots lot several
    any all both each every either neither none did does do dont don't didnt didn't doesnt doesn't was were is
    are am be been will would should could can may might must have has had having get got gets getting go goes
    went going take takes took taking taken tried try trying started start starting stopped stop switched
    said says told asked called seen saw see went day days week weeks month months year years
    ask check make avoid brush""".split())  # (advice to the reader: "[teeth are a mess], brush after the film")
# words that anywhere in an item make it a clause, a benefit, a person, a time, a place or a thing, not a complaint
_NOT_IN = frozenset(
    """is was are were be been being am isnt wasnt arent werent will would should shall may might must has have had
    hasnt havent hadnt do does did dont doesnt didnt don't doesn't didn't i im i'm ive i've id i'd he she we they
    you it it's its this that these those there who which what whom whose his her their our your me him us them
    good better best great greater fine ok okay nice perfect excellent wonderful amazing awesome happy happier
    calm calmer effective works worked working helps helped helping help improved improvement improving
    love loved like liked relief relieved glad thankful grateful recommend recommended benefit benefits
    positive stable normal cured gone free wonderfully well
    doctor doctors dr dr. doc gp nurse nurses psychiatrist psychiatrist's pharmacist people person man woman boss
    hospital clinic er office pharmacy home work job school house car college
    med meds medication medications
    medicine medicines drug drugs prescription generic brand dr's review rating stars star
    side effect effects symptom symptoms etc thing things stuff issue issues problem problems
    reason reasons question questions answer result results test tests level levels
    treatment treatments therapy surgery operation risk risks chance chances cause causes caused lead leads
    increases decreases due worse worst whatever living sits changed dropping send left untreated vegan looks look
    seems seemed kind sort sized size hello hi hey welcome thanks thank dear sir madam warrant
    ugh nope yep sorry edit update tmi advice please newbie bummer lol haha omg""".split()) | DRUG_FORMS | frozenset(
    person.phrase for person in load_people() if person.who in ("relative", "other") and " " not in person.phrase)
# words that in the complaint itself make it a time, a dose, a count or a particle ("first week", "on and off")
_NOT_IN_CORE = frozenset(
    """day days week weeks wk wks month months mo mos year years yr yrs hour hours hr hrs minute minutes min mins
    second seconds today yesterday tomorrow tonight morning mornings evening evenings afternoon time times
    first once twice daily weekly monthly ago later earlier week's now night nights day days
    mg mcg ml mgs dose doses dosage pill pills tablet tablets capsule capsules
    on off over out up down back away again anymore more less
    monday mondays tuesday tuesdays wednesday wednesdays thursday thursdays friday fridays saturday saturdays sunday
    sundays weekend weekends january february march april june july august september october november december
    christmas xmas easter thanksgiving halloween birthday holiday holidays vacation""".split())
# a function or faculty named bare is no complaint ("normal behaviour and mood"): it needs a change word
_BARE_FUNCTIONS = frozenset("mood sleep appetite energy weight behavior behaviour memory concentration focus libido "
                            "drive interest enthusiasm motivation attention thinking speech vision hearing balance "
                            "breathing slept ate".split())
# words a complaint needs its complement for: "[difficulty in balance]", "[changes in appetite]"
_NEEDS_COMPLEMENT = frozenset("difficulty difficulties trouble troubles problem problems change changes lack loss "
                              "increase decrease inability".split())
# one-word items that modify the next item's head ("small, red, pus-filled bumps", "blocked and runny nose")
_MODIFIERS = SEVERITY | frozenset("red white yellow green blue black brown pink purple grey gray orange dark light "
                                  "pale bright small large big tiny little huge long short thick thin hard soft "
                                  "dry wet hot warm cold raw itchy sore swollen blocked stuffy runny upper lower "
                                  "left right both new old".split())
# an item holding one of these is a clause with its own subject or verb; an "and" after it goes on with that clause
_CLAUSE_WORDS = frozenset("is was are were be been being am has have had having do does did will would should can "
                          "could may might must needs need i i'm im he she we they you it".split())
# a sentence with one of these lists causes, risks, triggers or advice, not the writer's complaints
_FRAMES = frozenset("such include includes including cause causes caused causing risk risks factor factors avoid "
                    "avoiding prevent preventing unaffected worsened triggered trigger triggers possibilities "
                    "possibility differential exclude excluded rule seek contact call visit".split())
# a relieved or denied known item makes the list one of benefits or of absent complaints
_RELIEF = frozenset("less fewer reduced reduce lower lowered decreased decrease improved better no not never without "
                    "denies deny denied nor any gone stopped helped cured relieved resolved".split())
# these open a lost-function complaint and stay inside (rule 3's exception): "[no patience]"
_LOSS_FIRSTS = frozenset("no zero lack loss lost decreased reduced low poor little increased".split())
# a place or manner after these stays inside ("[falls asleep in class]", "[snaps straight with a click]"); a time or
# dose does not ("sick at night", "swelled on the higher dose")
_SOFT_CUT = frozenset("at in on with into".split())
_COMPLEMENT_WORDS = LOCATION_PREPOSITIONS | frozenset({"of", "with", "to", "in"})
_MAX_ITEM = 8  # words of an item before its cut parts
_MAX_CORE = 5  # words of the complaint
_WINDOW = 24  # tokens looked at each side of an anchor for the sentence's ends


class _Labels(dict):
    """Token -> label of the span holding it, for the tokens of the windows looked at (None elsewhere)."""

    def __missing__(self, key):
        return None


def add_list_items(doc, words: list[str], spans: Spans, *, lookup=lambda phrase: None, headed: bool = True) -> Spans:
    """``spans`` with SYMPTOM spans for the unknown items of lists of complaints (``headed``: the doc has a ":", so
    a list may open with its unknown item after a header). Only the sentences around a word of no span that follows
    (or, after a header, precedes) a found complaint across a separator are read (:func:`_anchors`)."""
    n = len(words)
    if len(spans) < 2:  # two known items
        return spans
    anchors = _anchors(words, spans, n, headed)
    if not anchors:
        return spans
    added = []
    starts = list(map(_START, spans))
    done = -1
    for at in anchors:
        if at < done:
            continue
        start = _boundary(words, at, max(-1, at - _WINDOW), -1)
        end = _boundary(words, at, min(n, at + _WINDOW), 1)
        if start < 0 and at - _WINDOW < 0:
            start = -2  # the doc's start ends the sentence
        if end < 0 and at + _WINDOW >= n:
            end = n
        open_start, open_end = start == -1, end < 0
        start = max(0, at - _WINDOW + 1) if open_start else max(0, start + 1)
        end = min(n, at + _WINDOW) if open_end else end
        done = end
        label_at = _Labels()
        for span in spans[max(0, bisect_left(starts, start - _WINDOW)):bisect_left(starts, end)]:
            if span[1] > start:
                for k in range(max(span[0], start), min(span[1], end)):
                    label_at[k] = span[2]
        if end - start >= 5:
            added += _sentence_items(doc, words, label_at, start, end, lookup, open_start=open_start,
                                     open_end=open_end)
    if not added:
        return spans
    kept, last_end = [], -1
    for span in sorted(set(added)):  # two anchors' sentences may meet: each item once
        if span[0] >= last_end:
            kept.append(span)
            last_end = span[1]
    return sorted(spans + kept)



def _anchors(words: list[str], spans: Spans, n: int, headed: bool) -> list[int]:
    """Positions of words of no span after a SYMPTOM span and a separator ("sweating, [flush]"), each of which may
    start an unknown list item (an unknown first item, "[flush], brain zaps, nausea", is read with its sentence when
    another item is anchored); the cheap test most docs stop at. The words after the spans are read in C
    (itemgetter, compress); Python steps only for the few spans a separator follows."""
    found = []
    last = len(spans) - 1
    ends = list(map(_END, spans))
    ends = list(map(min, ends, repeat(n - 1)))  # a span ending the doc has no word after it (its last is no separator)
    for k in compress(count(), map(_ITEM_SEPARATORS.__contains__, itemgetter(*ends, 0)(words))):
        if k > last:  # the extra 0 (a tuple even for one span)
            break
        start, end, label, _concept = spans[k]
        if label != "SYMPTOM" or end + 1 >= n or (k < last and spans[k + 1][0] <= end + 1):
            continue
        word = words[end + 1]
        if word not in _NOT_FIRST and word not in _NOT_IN and word not in _SENTENCE_ENDS and word.isalpha() \
                and _short_item(words, end + 1, n):
            found.append(end + 1)
    if headed:  # a header's list may open with the unknown item: "side effects: flush, brain zaps"
        befores = list(map(sub, map(_START, spans), repeat(1)))
        for k in compress(count(), map(_ITEM_SEPARATORS.__contains__, itemgetter(*befores, 0)(words))):
            if k < len(spans):  # (the extra 0 makes a tuple of one span's word)
                start, end, label, _concept = spans[k]
                if label != "SYMPTOM" or start < 2 or (k > 0 and spans[k - 1][1] >= start - 1):
                    continue
                word = words[start - 2]
                if word not in _NOT_IN and word not in _SENTENCE_ENDS and word.isalpha():
                    found.append(start - 2)
    return sorted(found)


def _short_item(words: list[str], at: int, n: int) -> bool:
    """Whether the item starting at ``at`` ends within ``_MAX_ITEM`` words with no word that rules it out."""
    for k in range(at, min(n, at + _MAX_ITEM + 1)):
        word = words[k]
        if word in _ITEM_SEPARATORS or word in _SENTENCE_ENDS or "\n" in word:
            return True
        if word in _NOT_IN:
            return False
    return at + _MAX_ITEM >= n


def _boundary(words: list[str], k: int, stop: int, step: int) -> int:
    """The first sentence end from ``k`` towards ``stop`` (excluded), or -1."""
    while k != stop:
        if words[k] in _SENTENCE_ENDS or "\n" in words[k]:
            return k
        k += step
    return -1


def _sentence_items(doc, words: list[str], label_at, start: int, end: int, lookup, *, open_start: bool,
                    open_end: bool) -> Spans:
    """The new spans in the sentence ``words[start:end]`` (``open_start``/``open_end``: the window cut the sentence
    there, so the item at that edge is no whole item)."""
    problems = sum(1 for k in range(start, end) if label_at[k] in _PROBLEMS
                   and (k == start or label_at[k - 1] is None or label_at[k - 1] not in _PROBLEMS))
    if problems < 2:
        return []
    if not _FRAMES.isdisjoint(words[start:end]):
        return []
    items = []  # (first, stop) of the items, split at separators outside spans
    first = start
    for k in range(start, end + 1):
        if k == end or (label_at[k] is None and words[k] in _ITEM_SEPARATORS):
            if k > first:
                items.append((first, k))
            first = k + 1
    kinds = [_kind(words, label_at, a, b, opening=(i == 0)) for i, (a, b) in enumerate(items)]
    if open_start and kinds and kinds[0] == "empty":
        kinds[0] = "other"
    if open_end and kinds and kinds[-1] == "empty":
        kinds[-1] = "other"
    if kinds.count("problem") < 2 or "relieved" in kinds:
        return []
    lower_case_list = any(kind == "problem" and doc[a].is_lower for kind, (a, _b) in zip(kinds, items))
    out = []
    for i, (a, b) in enumerate(items):
        if kinds[i] != "empty":
            continue
        if not ((i > 0 and kinds[i - 1] == "problem") or (i + 1 < len(items) and kinds[i + 1] == "problem")):
            continue
        if (a > start and words[a - 1] in ("and", "or") and (i == 0 or kinds[i - 1] != "problem")) \
                or (b < end and words[b] in ("and", "or") and (i + 1 == len(items) or kinds[i + 1] != "problem")):
            continue  # "diagnosed and treated for", "sprayed and breathed in": "and" joins no list item here
        if a > start and words[a - 1] in ("and", "or") and i > 0 and not _CLAUSE_WORDS.isdisjoint(words[items[i - 1][0]:a]):
            continue  # "i had panicked and checked", "walking is painful and difficult": the clause goes on
        core = _complaint(doc, words, label_at, a, b)
        if core and core[1] - core[0] <= 2 and b < end and words[b] in ("and", "or") and i + 1 < len(items) \
                and kinds[i + 1] == "problem" and _shares_head(words, label_at, core, items[i + 1]):
            continue
        if core and _body_part(words, core, lookup):
            continue
        if core and core[0] > start and doc[core[0]].is_title and lower_case_list:
            continue  # "nausea, headache, Tuesday": a name among lower-case complaints
        if core:
            out.append((core[0], core[1], "SYMPTOM", LAY_COMPLAINT))
    return out


def _kind(words: list[str], label_at: list, a: int, b: int, *, opening: bool) -> str:
    """"problem" (a known complaint), "relieved" (a known complaint relieved or denied), "empty" (no span), "other"."""
    labels = [label_at[k] for k in range(a, b)]
    if any(label in _OTHER_LABELS for label in labels):
        return "other"
    hits = [k for k in range(a, b) if labels[k - a] in _PROBLEMS]
    if not hits:
        return "empty" if all(label is None or label == "ANATOMY" for label in labels) else "other"
    before = words[a:hits[0]]
    if not _RELIEF.isdisjoint(before):
        return "relieved"
    if labels[hits[0] - a] != "SYMPTOM":
        return "disease"  # lists of diagnoses are differentials or causes ("strep, influenza or adenovirus")
    if hits[0] - a > 3 or (not opening and not _CLAUSE_WORDS.isdisjoint(before)):
        return "other"  # "left untreated, it can cause [PID]": a clause of its own, not an item
    return "problem"


def _shares_head(words: list[str], label_at: list, core: tuple[int, int], after: tuple[int, int]) -> bool:
    """Whether the item ``core`` modifies the head of the next item (a known complaint of two words or more that
    starts the item): "blocked and [runny nose]", "sharp or [dull throbbing pain]", "[lack of interest] and
    enthusiasm" (a bare noun after a lost function shares the loss)."""
    a, b = after
    last = words[core[1] - 1]
    if core[1] - core[0] == 1 and last in _MODIFIERS:
        return True
    span_start = a
    while span_start < b and label_at[span_start] is None:
        span_start += 1
    span_end = span_start
    while span_end < b and label_at[span_end] is not None:
        span_end += 1
    return span_start == a and span_end - span_start >= 2 and (last.endswith(("ed", "y", "ic", "al")) or
                                                               last in _MODIFIERS)


def _complaint(doc, words: list[str], label_at: list, a: int, b: int) -> tuple[int, int] | None:
    """The complaint's token range inside the item ``words[a:b]``, or None when the item is no complaint."""
    if b - a > _MAX_ITEM:
        return None
    while a < b and words[a] in _LEADING_CUT:
        a += 1
    if a == b or words[a] in _NOT_FIRST:
        return None
    stop = a
    while stop < b and words[stop] not in _TRAILING_CUT and not (
            words[stop] in _SOFT_CUT and _timed(doc, words, stop + 1, b)):
        stop += 1
    if stop == a or stop - a > _MAX_CORE:
        return None
    if not _NOT_IN.isdisjoint(words[a:b]):  # the whole item: a clause, a benefit, a person or a place
        return None
    for k in range(a, stop):  # the complaint: a number, a time or a particle rules it out
        word = words[k]
        if word in _NOT_IN_CORE or label_at[k] is not None or doc[k].like_num or not word.replace("-", "").replace("'", "").isalpha():
            return None
    last = words[stop - 1]
    if stop < b and words[stop] in _COMPLEMENT_WORDS and (last in _NEEDS_COMPLEMENT or _located(words, label_at, stop, b)):
        if b - a <= _MAX_CORE + 2 and all(w.replace("-", "").isalpha() for w in words[stop:b]):
            stop = b
            last = words[b - 1]
    elif stop - a == 1 and (last in _BARE_FUNCTIONS or last in _MODIFIERS or last.endswith(("ic", "al"))):
        return None
    if len(last) < 3 or last.endswith("ly") or last in _TRAILING_CUT:
        return None
    if words[a] in ("not", "never") or (words[a] in _LOSS_FIRSTS and stop - a == 1):
        return None
    return a, stop


def _located(words: list[str], label_at: list, stop: int, b: int) -> bool:
    """Whether ``words[stop:b]`` is a preposition and a body part ("heaviness in [legs]"): the place is inside."""
    k = stop + 1
    while k < b and words[k] in LOCATION_FILLERS and label_at[k] is None:
        k += 1
    return k < b and label_at[k] == "ANATOMY" and all(label_at[j] == "ANATOMY" for j in range(k, b))


def _body_part(words: list[str], core: tuple[int, int], lookup) -> bool:
    """Whether the item is a body part alone ("wrists, waist and between my fingers"): ANATOMY rules decide those."""
    last = words[core[1] - 1]
    if last in BODY_REGIONS:
        return True
    entry = lookup(" ".join(words[core[0]:core[1]])) or lookup(last)
    return bool(entry) and entry[0] == "ANATOMY"


def _timed(doc, words: list[str], a: int, b: int) -> bool:
    """Whether ``words[a:b]`` holds a time, a dose or a number."""
    return any(words[k] in _NOT_IN_CORE or words[k] in _TIMES or doc[k].like_num for k in range(a, b))


_TIMES = frozenset("higher lower dose beginning start end first last night nights morning evening weekend".split())
