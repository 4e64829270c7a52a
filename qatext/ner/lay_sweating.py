"""Sweating told in lay words is a SYMPTOM; the fluid itself is no entity.

The concept review reads a bare "sweat" as the body fluid ("transmitted in sweat, blood or semen"), which the gold
never annotates; but "i [sweat] like crazy on it", "i [sweat through my shirt]", "[sweat was pouring off me]" and
"[dripping with sweat]" are one of the commonest side effects, told with the verb or with what the sweat does.
"""
from __future__ import annotations

from qatext.ner.body_likeness import CLOCK
from qatext.ner.lay_common import Lookup
from qatext.ner.span_rules import Spans, word_positions

# who sweats: "i sweat", "made me sweat"; a modal or adverb only after one of them ("you'll sweat", "i still
# sweat"), since "can sweat transmit HIV" and "even sweat carries it" speak of the fluid
PERSONS = frozenset("i you he she we they me him us them".split())
_BETWEEN = frozenset("""will 'll can cant can't could would still always also just constantly literally really dont
don't didnt didn't never""".split())
# "don't sweat it", "sweat the small stuff", "sweat over it", "sweat out the toxins"
_NOT_SWEATING = frozenset({"it", "the", "over", "about", "out"})
# what belongs to the complaint after the verb (GUIDELINES rule 10 keeps time and trigger out)
_AMOUNTS = frozenset("buckets bullets profusely heavily excessively loads".split())
_THROUGH_OWNERS = frozenset({"my", "the", "his", "her"})
# what sweat soaks through is clothing or bedding ("sweat through the night" is a time, rule 10)
_SOAKED_THROUGH = frozenset("""shirt shirts clothes top tops t-shirt tshirt pyjamas pajamas pjs sheets sheet bedding
nightie nightdress vest uniform jumper hoodie bra socks pillow mattress duvet blazer blouse jacket scrubs nightshirt
bedsheets""".split())
# the sweating a lexicon found, soaking through: "im [sweating through my shirts]" (the gold 11 to 5)
SWEATING_WORDS = frozenset({"sweating", "sweated", "sweats"})
# what sweat does when it is too much: "sweat was pouring off me", "sweat running down my back"
_FLOWS = frozenset("pouring pours poured dripping drips dripped running runs ran streaming streams rolling".split())
_LINKS = frozenset({"was", "is", "were", "just", "kept", "keeps", "literally", "actually"})
# "dripping with sweat", "covered in sweat"
_SOAKED = frozenset("dripping pouring covered bathed soaked drenched wet".split())


def add_sweating(doc, words: list[str], spans: Spans, *, lookup: Lookup) -> Spans:
    """Sweating spans with the concept of "sweating"; lone "sweat" fluid spans dropped."""
    n = len(words)
    found = lookup("sweating")
    if not found:
        return spans
    concept = found[1]
    starts = {s[0]: s for s in spans}
    covered = {i for s in spans if not (s[1] - s[0] == 1 and words[s[0]] == "sweat") for i in range(s[0], s[1])}
    added: list[tuple] = []
    dropped: set[int] = set()
    for i in word_positions(words, ("sweat",)):
        if i in covered or (added and i < added[-1][1]):
            continue
        prev = words[i - 1] if i else ""
        nxt = words[i + 1] if i + 1 < n else ""
        person = prev in PERSONS or (prev in _BETWEEN and i >= 2 and words[i - 2] in PERSONS)
        if person and nxt not in _NOT_SWEATING:
            end = i + 1
            if nxt in _AMOUNTS:
                end = i + 2  # "[sweat buckets]"
            elif nxt == "through" and i + 3 < n and words[i + 2] in _THROUGH_OWNERS and words[i + 3] in _SOAKED_THROUGH \
                    and (i + 3) not in covered:
                end = i + 4  # "[sweat through my shirt]"
            added.append((i, end, "SYMPTOM", concept))
        elif prev in ("with", "in") and i >= 2 and words[i - 2] in _SOAKED and (i - 2) not in covered \
                and not (added and i - 2 < added[-1][1]):
            added.append((i - 2, i + 1, "SYMPTOM", concept))  # "[dripping with sweat]"
        else:
            k = i + 1
            while k < n and words[k] in _LINKS:
                k += 1
            if k < n and words[k] in _FLOWS and k - i <= 3:
                end = k + 1
                if end + 1 < n and words[end] == "off" and words[end + 1] == "me":
                    end += 2  # "[sweat was pouring off me]"
                elif end + 2 < n and words[end] == "down" and words[end + 1] in _THROUGH_OWNERS:
                    end += 3  # "[sweat running down my back]"
                added.append((i, end, "SYMPTOM", concept))
            elif i in starts:
                dropped.add(i)  # the fluid: no entity
    if not added and not dropped:
        return spans
    taken = {j for s in added for j in range(s[0], s[1])}
    kept = [s for s in spans if s[0] not in dropped and not taken.intersection(range(s[0], s[1]))]
    return sorted(kept + added)


def extend_soaked_through(words: list[str], spans: Spans) -> Spans:
    """A sweating SYMPTOM followed by the clothes or bedding it soaks through takes them in."""
    n = len(words)
    starts = {s[0] for s in spans}
    out = []
    for start, end, label, concept in spans:
        if label == "SYMPTOM" and words[end - 1] in SWEATING_WORDS and end + 2 < n and words[end] == "through" \
                and words[end + 1] in _THROUGH_OWNERS and words[end + 2] in _SOAKED_THROUGH \
                and starts.isdisjoint(range(end, end + 3)):
            end += 3
        out.append((start, end, label, concept))
    return out


# Soaked by sweat, said without it: "i wake up [drenched]", "hot flushes 15 a day, [drenched] at night", "finding her
# [drenched] and confused at 3am" (the gold marks the word alone, 15 times). Only near a waking, a low or a flush, and
# never of a thing or in the wet: "my pad was soaked at night", "the bed was soaked, the dog had peed", "got caught in
# the storm last night, drenched".
SOAKED_WORDS = frozenset({"drenched", "soaked"})
_SOAKING_CUES = frozenset("""wake wakes woke woken waking awake hypo hypos low lows shaking shaky shook flushes flushing
flashes sweats sweaty clammy""".split())
_NIGHT = frozenset("night nights overnight wake wakes woke woken waking awake".split())
_WET_CAUSES = frozenset("""rain raining rained storm umbrella shower pool swim swimming sea river puddle puddles water
hose peed pee wee weed wet bedwetting leaked leaking""".split())
# what may follow the bare word: a time, a list's glue ("[drenched] at night", "[soaked], then", "[drenched] and shaky")
_SOAKED_AFTER = frozenset("at and most every all again two three several then".split())
_COPULAS = frozenset("was is were are been got get gets getting m 'm am 's".split())


def add_soaked(words: list[str], spans: Spans, *, lookup: Lookup) -> Spans:
    """A bare "drenched" or "soaked" of a person, near a waking, a low or a flush, is a SYMPTOM of sweating."""
    n = len(words)
    covered = {i for s in spans for i in range(s[0], s[1])}
    added = []
    for i in word_positions(words, SOAKED_WORDS):
        after = words[i + 1] if i + 1 < n else ""
        if i in covered or after.isalpha() and after not in _SOAKED_AFTER:
            continue  # "drenched in sweat" is the lexicon's, "soaked the sheets" another rule's, "soaked beans" food
        if i >= 2 and words[i - 1] in _COPULAS and words[i - 2] not in PERSONS and not words[i - 2][:1].isdecimal():
            continue  # "my pad was soaked", "the bed was soaked": a thing ("at 3 am drenched" is a time)
        near = words[max(0, i - 6):i + 6]
        if not _WET_CAUSES.isdisjoint(near):
            continue
        if _SOAKING_CUES.isdisjoint(near) and not _a_clock_time(near) and not ("at" in near and "night" in near):
            continue
        found = lookup("night sweats" if not _NIGHT.isdisjoint(near) else "sweating")
        if found:
            added.append((i, i + 1, "SYMPTOM", found[1]))
    return sorted(spans + added) if added else spans


def _a_clock_time(words: list[str]) -> bool:
    """ "3am", "3:30am" or "3 am" among ``words`` (spaCy splits the last)."""
    return any(CLOCK.match(w) or w in ("am", "pm") and k and words[k - 1][:1].isdecimal() for k, w in enumerate(words))
