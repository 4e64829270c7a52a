"""Everyday words that are medical in their context: "caught a cold", "always cold", "waiting for a scope", "since
monday he's confused", "keep having lows" in a post about diabetes, "on the pill".
"""
from __future__ import annotations

from spacy.tokens import Doc

from qatext.ner.lay_common import NOT_NOUNS
from qatext.ner.span_rules import Spans, covered_tokens, gate, gate_hits, word_set, word_positions as _positions

# "caught a cold", "had a bad cold", "my 2nd cold since starting": the infection, which "cold" alone is not ("cold
# outside", "cold all the time", "a cold look", "cold feet"); the stoplist keeps the bare word out of the lexicon.
COMMON_COLD = "QATEXT:mesh/common-cold"
_COLD_DETERMINERS = frozenset("a an another actual my his her their your our this 2nd 3rd 4th 5th first second third "
                              "fourth fifth nasty horrible awful stupid little no any bad heavy stinking streaming "
                              "chesty".split())
# (round 40) The kinds of cold said in one breath with it: "a [stinking cold]", "a [heavy cold]" (the gold takes them in;
# "bad" stays outside, 8 to 4)
_COLD_KINDS = frozenset("heavy stinking streaming chesty".split())
# What may follow the infection: punctuation, conjunctions, prepositions and time words, never a noun it describes.
_AFTER_A_COLD = NOT_NOUNS | frozenset("last ago which that is was has had going too lol weeks week days months since "
                                       "earlier recently yesterday i im she he they and "
                                       # when it was: "had a cold the week before", "a cold about 5 weeks ago"
                                       "the about a an over during on around".split())


def add_colds(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"caught a cold", "after a cold", "my 2nd cold": "cold" after a determiner, with no noun after it, is DISEASE."""
    n = len(words)
    covered = None
    added = []
    for i in _positions(words, _COLD_GATE.intersection(gate_hits(words))):
        if _beside_a_chest_complaint(words, i):
            pass  # "i had cold and cough", "cough, cold and fever": the infection among its fellows
        elif i < 1 or words[i - 1] not in _COLD_DETERMINERS and not (
                words[i - 1] == "same" and i >= 2 and words[i - 2] in ("the", "this")):  # "had the same cold all week"
            continue
        if words[i - 1] == "no" and i >= 2 and words[i - 2] in ("feel", "felt", "feeling", "feels"):
            continue  # "i feel no cold": a temperature
        if i + 1 < n and words[i + 1] not in _AFTER_A_COLD and not words[i + 1][:1].isdecimal() and words[i + 1].isalpha():
            continue  # "a cold look", "a cold drink", "this cold weather"
        if covered is None:
            covered = covered_tokens(spans)
        if i not in covered:
            start = i - 1 if words[i - 1] in _COLD_KINDS and i - 1 not in covered else i
            added.append((start, i + 1, "DISEASE", COMMON_COLD))
    return sorted(spans + added) if added else spans


def add_feeling_cold(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"always [cold]", "[cold] all the time": feeling cold told by how often is a complaint; the "always" and "all the
    time" stay outside (GUIDELINES rule 10, as the gold writes "always [cold]" every time)."""
    n = len(words)
    covered = None
    added = []
    for i in _positions(words, _COLD_GATE.intersection(gate_hits(words))):
        after = words[i + 1] if i + 1 < n else ""
        often = i >= 1 and words[i - 1] in _COLD_OFTEN
        if not (often or words[i + 1:i + 4] == ["all", "the", "time"]):
            continue
        if after.isalpha() and after != "all" and after not in ("and", "or", "even", "too"):
            continue  # "always cold hands" is the hands' complaint; "always cold weather here" no complaint
        k = i - 2 if often else i - 1
        if k >= 1 and words[k] in _COLD_COPULAS and words[k - 1] in _COLD_THINGS:
            continue  # "the office is cold all the time": a thing's temperature
        if covered is None:
            covered = covered_tokens(spans)
        if i not in covered:
            added.append((i, i + 1, "SYMPTOM", FEELING_COLD))
    return sorted(spans + added) if added else spans


FEELING_COLD = "HP:0025143"  # Chills, as the lexicon's "feel cold"
_COLD_OFTEN = frozenset("always constantly permanently forever".split())
_COLD_COPULAS = frozenset("is was are were gets get stays stay".split())
_COLD_THINGS = frozenset("it office house home room flat bedroom car weather water coffee tea food dinner soup shower "
                         "outside here there school work classroom church".split())
_COLD_GATE = gate({"cold"})
# The complaints a cold is listed with ("cold and cough"; "cold and flu" before "tablets" is a drug, covered first).
_COLD_PARTNERS = frozenset("cough coughs fever flu sneezing catarrh congestion".split())
# (round 49) partners that count only for a cold someone has, said without its article: "she had [cold] and runny
# nose", "having [cold], headache" (not "out in the cold and headache hit me", "something cold, headache after")
_HAD_COLD_PARTNERS = frozenset("runny stuffy blocked sneezes headache".split())
_HAVING = frozenset("had has have having got caught".split())
_COLD_AS_WEATHER = frozenset("is was are were been be so very too really bit feel felt feeling getting got".split())
_COLD_SEASONS = frozenset("season seasons time tablets medicine meds remedy remedies capsules".split())


def _beside_a_chest_complaint(words: list[str], i: int) -> bool:
    if i and words[i - 1] in _COLD_AS_WEATHER or i + 3 < len(words) and words[i + 3] in _COLD_SEASONS:
        return False  # "it has been cold and flu is going around", "cold and flu season"
    partners = _COLD_PARTNERS | _HAD_COLD_PARTNERS if i and words[i - 1] in _HAVING else _COLD_PARTNERS
    return (i + 2 < len(words) and words[i + 1] in _LIST_MARKS and words[i + 2] in partners
            or i >= 2 and words[i - 1] in _LIST_MARKS and words[i - 2] in _COLD_PARTNERS)


# "they want a scope to confirm", "the wait for a scope": patients' word for an endoscopy, as a noun after a
# determiner; "the scope of the problem" and "scope out" are not one.
ENDOSCOPY = "QATEXT:test/endoscopy"
_SCOPE_DETERMINERS = frozenset("a an another the my his her their your second".split())


def add_scopes(doc: Doc, words: list[str], spans: Spans) -> Spans:
    n = len(words)
    covered = covered_tokens(spans)
    added = [(i, i + 1, "TEST", ENDOSCOPY) for i in _positions(words, _SCOPE_GATE.intersection(gate_hits(words)))
             if i >= 1 and words[i - 1] in _SCOPE_DETERMINERS and i not in covered
             and not (i + 1 < n and words[i + 1] in ("of", "out", "for", "creep"))]
    return sorted(spans + added) if added else spans


_SCOPE_GATE = gate({"scope"})


# "since monday he's confused", "went from totally with it to confused overnight": confusion of the person a
# question is about (delirium, a UTI in the old); the writer's own "im confused" is about the question, and
# "confused about / by / why ..." is about a thing (GUIDELINES rule 17).
CONFUSION = "HP:0001289"
_CONFUSED_BEFORE = frozenset("he's hes she's shes he she 's s is was gets got getting became becomes seems seemed more also still now often "
                             "very really so quite totally and to felt get become been "
                             # (round 50) "can a UTI make someone this [confused]?", "she is not [confused]", "mom
                             # (78) suddenly [confused]"
                             "this not n't nt suddenly".split())
_WRITER = frozenset({"i", "im", "i'm", "am", "'m", "m", "me", "we", "were", "we're"})
# The writer's own confusion is a symptom when told as a state they were in, not as their reaction to the question:
# "i was confused for a week", "i felt confused and dizzy", "i get confused easily" (not "i'm confused, ...").
_WRITER_STATE_VERBS = frozenset("was felt got get gets getting became become been".split())
_INTENSIFIERS = frozenset("very really so quite totally more".split())
_LIST_MARKS = frozenset({",", "and", "&", "/"})
_CONFUSED_ABOUT = frozenset("about by why what how as whether if with on at over which when between".split())
# after the writer's confusion, what makes it a state and not a reaction: how long, how often, and other complaints
_WRITER_STATE_AFTER = frozenset("for all easily constantly often most".split())


def add_confusion(doc: Doc, words: list[str], spans: Spans) -> Spans:
    n = len(words)
    covered = covered_tokens(spans)
    ends_of_symptoms = {span[1] for span in spans if span[2] == "SYMPTOM"}
    starts_of_symptoms = {span[0] for span in spans if span[2] == "SYMPTOM"}
    added = []
    for i in _positions(words, _CONFUSED_GATE.intersection(gate_hits(words))):
        if i < 1 or i in covered:
            continue
        # "confused when to take it" is about a thing; "confused when he cant hear" is a time
        if i + 1 < n and words[i + 1] in _CONFUSED_ABOUT and not (words[i + 1] == "when" and i + 2 < n and words[i + 2] != "to") \
                and not _at_a_time(words, i + 1):
            continue
        if words[i - 1] in _LIST_MARKS and i - 1 in ends_of_symptoms:  # an item of a list: "dizzy, confused, ..."
            added.append((i, i + 1, "SYMPTOM", CONFUSION))
            continue
        if words[i - 1] not in _CONFUSED_BEFORE:
            continue
        if not _WRITER.isdisjoint(words[max(0, i - 3):i]):
            verb = words[i - 2] if i >= 2 and words[i - 1] in _INTENSIFIERS else words[i - 1]
            nxt = words[i + 1] if i + 1 < n else ""
            if verb not in _WRITER_STATE_VERBS or not (
                    nxt in _WRITER_STATE_AFTER or nxt == "and" and i + 2 in starts_of_symptoms
                    or words[i - 1] in _INTENSIFIERS and nxt not in (",", "so", "and")):
                continue
        start = i - 1 if words[i - 1] in _INTENSIFIERS else i
        added.append((start, i + 1, "SYMPTOM", CONFUSION))
    return sorted(spans + added) if added else spans


_CONFUSED_GATE = gate({"confused"})
_TIMES_OF_DAY = frozenset("night nights times night-time nighttime evening evenings morning mornings first".split())


def _at_a_time(words: list[str], k: int) -> bool:
    """"confused at night", "at times", "in the evenings": when, not about what."""
    when = k + 1 + (k + 1 < len(words) and words[k + 1] == "the")
    return words[k] in ("at", "in") and when < len(words) and words[when] in _TIMES_OF_DAY


# In a post about diabetes, "lows" and "highs" are the person's hypo- and hyperglycaemic episodes: "keep having
# lows at night", "sick of these lows", "a low of 54 at 3am", "now high at 7am". Without such a cue they are moods,
# prices or weather.
GLUCOSE_CUES = frozenset("insulin a1c hba1c cgm dexcom libre t1d t2d t1 t2 diabetic diabetes diabetics sugar sugars glucose "
                         "basal bolus lantus levemir tresiba humalog novolog fiasp metformin ozempic mounjaro jardiance "
                         "omnipod pump bg".split())
GLUCOSE_SWINGS = {"lows": "HP:0001943", "low": "HP:0001943", "highs": "HP:0003074", "high": "HP:0003074"}
_SWING_BEFORE = frozenset("a another bad scary nasty these those my the now went going having had have severe "
                          "overnight night nighttime".split())
_SWING_AFTER = NOT_NOUNS | frozenset("of at last overnight again which that lol honestly lately tbh anymore too every "
                                         "constantly always".split())


def add_glucose_swings(doc: Doc, words: list[str], spans: Spans) -> Spans:
    n = len(words)
    covered = covered_tokens(spans)
    added = []
    for i in _positions(words, _SWING_GATE.intersection(gate_hits(words))):
        clocked = _after_clock(words, i)  # "2am [low] of 3.1", "3am [low] again" (round 38)
        if i in covered or i < 1 or words[i - 1] not in _SWING_BEFORE and not clocked:
            continue
        if i + 1 < n and words[i + 1] not in _SWING_AFTER and words[i + 1].isalpha():
            continue  # "a low dose", "high blood pressure", "these lows" then a noun
        if words[i] in ("low", "high") and not clocked and words[i - 1] not in ("a", "another", "now", "went", "going", "bad", "scary", "nasty", "severe"):
            continue  # the singular only as an episode ("had a low", "now high"), not "the low end"
        added.append((i, i + 1, "SYMPTOM", GLUCOSE_SWINGS[words[i]]))
    return sorted(spans + added) if added else spans


_SWING_GATE = gate(GLUCOSE_SWINGS)


def _after_clock(words: list[str], i: int) -> bool:
    """A clock time right before ``words[i]``: the tokenizer splits "2am" into "2" and "am"."""
    return i >= 2 and words[i - 1] in ("am", "pm") and words[i - 2][:1].isdecimal()


# "on the pill", "came off the pill", "the pill = mood swings": "the pill" is the contraceptive pill (GUIDELINES
# section 3.1, a class) when nothing names another pill after it ("the pill bottle", "the pill you gave me").
CONTRACEPTIVE_PILL = "QATEXT:drug/combined-oral-contraceptive"
_PILL_BEFORE = frozenset("on off or and start started starting stopped stop stopping quit try tried trying "
                         "restarted affect affects affecting "
                         # a question about it: "would the pill help?"
                         "would could will can does did".split())  # not "after the pill": the one just named
# ("heartburn after the pill"); a drug that may "affect the pill" or "stop the pill working" is about the contraceptive
# (round 38) Compared with it: "nothing like [the pill] gave me", "worse than [the pill]"; only where no pill was named
# before ("a new blood pressure pill ... i feel like the pill makes me dizzy").
_PILL_COMPARED = frozenset({"like", "than"})
_PILL_AFTER = frozenset(". , ! ? ; : = and or but for since in at because so until till lol made makes gave "
                        "caused causes is was working work help helps helped "
                        # taken without the break week: "put me on the pill back to back"
                        "back".split())
# Round 43: frames that take any pill ("swap the pill for", "forgot the pill", "the pill never touched it", "the pill
# has ..."): the contraceptive only where the post speaks of contraception or periods, or names no other medicine
# before it; "back on the pill now" and "came off the pill last year" need neither.
_PILL_BEFORE_CUED = frozenset("swap swapped swapping switch switched switching offer offered offering miss missed forgot "
                              "forget forgetting except from".split())
# (batch 97) what a medicine does to it, in a post about contraception: "makes the [pill] less reliable"
_PILL_MAKING = frozenset("make makes made making".split())
_PILL_WEAKENED = frozenset("effective reliable protective".split())
# (round 48) "taking the pill back to back": taken, it is the contraceptive only in a story of periods or
# contraception ("take the pill at the first sign of cramps" is any tablet)
_PILL_TAKING = frozenset("take takes taking took taken".split())
# (round 49) advised, likewise: "GP said the [pill] is another option" in a post about PCOS, even after another medicine
# ("start metformin ... and said the [pill] is another option"); "the pharmacist said the pill is fine with food" is
# any tablet
_PILL_ADVISED = frozenset("said says suggested suggests suggest recommended recommends recommend mentioned mentions "
                          "prescribed".split())
_PILL_AFTER_CUED = frozenset("now again last too as either instead anymore then never just really always did didnt has "
                             "had have "
                             # (round 49) "tried me on the pill alongside" (not "choked on the pill while swallowing")
                             "alongside".split())
_CONTRACEPTION_CUES = frozenset("period periods contraception contraceptive contraceptives coil iud implant pregnant "
                                "pregnancy ttc pcos cycle cycles endo endometriosis spotting hormonal hormones sex "
                                "bleed bleeding microgynon rigevidon yasmin".split())
_PILL_ON_OFF = frozenset({"on", "off"})
# (round 50) after "my pill": "could my pill be doing it", "missed my pill yesterday", "forgot my pill 2 days running"
_MY_PILL_AFTER = frozenset("be yesterday today 2 two".split())


def add_the_pill(doc: Doc, words: list[str], spans: Spans) -> Spans:
    n = len(words)
    covered = covered_tokens(spans)
    added = []
    contraception = None  # whether the post speaks of contraception or periods, read at the first "my"/"new" pill
    for i in _positions(words, _PILL_GATE.intersection(gate_hits(words))):
        if i < 1 or i in covered:
            continue
        after = words[i + 1] if i + 1 < n else "."
        if words[i - 1] == "my" or words[i - 1] == "new" and i >= 2 and words[i - 2] in ("the", "my"):
            # (round 50) "forgot [my pill]", "3rd month on the new [pill]": the contraceptive in a story of periods or
            # contraception
            if contraception is None:
                contraception = not _CONTRACEPTION_CUES.isdisjoint(word_set(words))
            if contraception and (after in _PILL_AFTER or after in _PILL_AFTER_CUED or not after.isalpha()
                                  or after in _MY_PILL_AFTER):
                added.append((i, i + 1, "DRUG", CONTRACEPTIVE_PILL))
            continue
        if words[i - 1] != "the":
            continue
        before = words[i - 2] if i >= 2 else "."
        framed_before = i < 2 or before in _PILL_BEFORE or doc[i - 1].is_sent_start \
            or before in _PILL_COMPARED and words.index("pill") == i
        framed_after = after in _PILL_AFTER or not after.isalpha()
        cued_after = after in _PILL_AFTER_CUED
        if before in _PILL_MAKING:
            if after == "less" and i + 2 < n and words[i + 2] in _PILL_WEAKENED \
                    and not _CONTRACEPTION_CUES.isdisjoint(word_set(words)):
                added.append((i, i + 1, "DRUG", CONTRACEPTIVE_PILL))
        elif before in _PILL_TAKING or before in _PILL_ADVISED:
            if (framed_after or cued_after) and not _CONTRACEPTION_CUES.isdisjoint(word_set(words)):
                added.append((i, i + 1, "DRUG", CONTRACEPTIVE_PILL))
        elif framed_before and framed_after or before in _PILL_ON_OFF and cued_after or (
                (framed_before or before in _PILL_BEFORE_CUED) and (framed_after or cued_after)
                and _contraceptive(words, spans, i)):
            added.append((i, i + 1, "DRUG", CONTRACEPTIVE_PILL))
    return sorted(spans + added) if added else spans


def _contraceptive(words: list[str], spans: Spans, i: int) -> bool:
    """Contraception or periods spoken of in the post, or no other medicine named before "the pill" at ``i`` (one
    joined to it by "and" or "or" is listed beside it: "mefenamic acid and the pill never touched it")."""
    if not _CONTRACEPTION_CUES.isdisjoint(word_set(words)):
        return True
    joined = i - 2 if i >= 3 and words[i - 2] in ("and", "or") else -1
    return not any(s[2] == "DRUG" and s[1] <= i - 1 and s[1] != joined for s in spans)


_PILL_GATE = gate({"pill"})
