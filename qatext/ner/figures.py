"""Bare symptom words in figures of speech (issue 11 class 8): "itching to get back on the pitch", "my boss
is being a pain about time off", "what a headache this company is", "a stroke of luck", "fall on deaf ears",
"he'll grow out of it".

Each figure is a frame of word classes around the symptom word, not a list of phrases:

* eagerness: an itch, ache or burn *to do* something ("itching to", "dying to", "aching to") is a wish;
  "to" followed by a determiner ("burning to the touch", "itching to the point of bleeding") stays a symptom;
* nuisance: "a pain/headache/nightmare about ..." and "what a headache <subject> is": a person or thing
  judged as a bother (the complementary frames, "a pain to deal with", are :func:`drop_figurative`'s);
* "a stroke of <luck word>": chance (or the clock's "stroke of midnight"), not a stroke;
* "deaf ear(s)" after "on" or "turn": nobody listening;
* "out of it" after a verb of growing or climbing: a child leaving a phase behind, someone a low; after hearing or
  seeing: an ear or an eye ("cant hear anything out of it");
* "is a pain in the neck" (and its ruder relatives) after a copula and an article: a nuisance, whatever words
  the location rules took with "pain" ("i have a pain in the neck" stays);
* "<copula> a/one (big) nightmare|headache" closing its clause ("every feed is a nightmare 😩", "work has been
  one big headache lately");
* hyperbole: "nearly gave me a heart attack" (or a cardiac arrest), "heart attack material", "peeing myself laughing
  at this"; a jest: "allergic to deadlines";
* a job, a boss, traffic that opens its clause giving the headache that closes it: "my business is giving me
  headache only" (a headache with its cause or time after it is a real one);
* "sick of": fed up ("sick of being sick" keeps the second);
* "cabin fever", "election fever": a craze, not a temperature; "cold feet about/over": second thoughts; "sugar coma":
  drowsiness after food.

:func:`drop_figurative` settles the older, simpler class: a bare word made figurative by the words right after
it (GUIDELINES rule 17): "tired of arguing", "stressed about exams", "a pain to deal with", "miserable weather".

Spans are ``(start, end, label, concept_id)`` token ranges; ``words`` are the doc's lower-cased tokens. The
recognizer calls :func:`drop_figurative` after the span rules when :data:`FIGURATIVE_WORDS` meets the doc's
words, then :func:`drop_figures` when :data:`FIGURE_WORDS` does.
"""
from __future__ import annotations

import unicodedata

from spacy.tokens import Doc

from qatext.ner.lay_common import CLAUSE_BREAKS, GIVING, NOT_NOUNS, SENTENCE_ENDS
from qatext.ner.span_rules import JOKE_MARKS, gate, gate_hits, is_mark, word_set

Spans = list[tuple[int, int, str, str]]
_PROBLEM = frozenset({"SYMPTOM", "DISEASE"})

# A symptom word that, followed by "to <verb>", says the writer longs to do something.
EAGER_WORDS = frozenset("itching itchin itchy dying aching burning bursting".split())
# After "to": the verbs of a wish ("itching to get back on the pitch", "dying to see it"). Only these: any other word
# may start the place the symptom spreads to ("itching to both legs", "itching to scalp and arms", "burning to the
# touch"), so an unknown word keeps the symptom.
WISHED_VERBS = frozenset("get go try start see do play eat meet know tell hear hold find buy leave move run join be "
                         "have make read watch travel come return share ask talk hug sleep drink dance sing ride "
                         "drive train swim fly visit write use wear show learn win put take give".split())
_BE_HONEST = frozenset("honest fair frank truthful".split())
NUISANCE_WORDS = frozenset({"pain", "headache", "nightmare", "nuisance"})
# "a pain about time off", "a headache for the whole team", "a nightmare with the paperwork".
# Not "over" ("a headache over my left eye"), and not "about" before an amount of time ("a headache about an hour
# after taking it").
NUISANCE_PREPOSITIONS = frozenset({"about", "regarding"})
TIME_UNITS = frozenset("hour hours hr hrs minute minutes min mins day days week weeks month months year years".split())
_ARTICLE = frozenset({"a", "such"})
# "an absolute pain in the neck" (only there: "the worst side effect was an absolute headache" is one)
_NECK_ARTICLES = _ARTICLE | {"an"}
_INTENSIFIERS = frozenset("total real complete huge absolute major big right proper whole".split())
_COPULAS = frozenset("is was are were 's be".split())
_BECOMING = frozenset("been being become becomes became becoming".split())
_AMOUNTS = frozenset("a an few several some two three four five six".split())  # before TIME_UNITS: "for a few weeks"
STROKE_LUCK = frozenset("luck genius fortune brilliance inspiration serendipity bad good midnight".split())
DEAF_BEFORE = frozenset("on turn turned turns turning".split())
GROWING = frozenset("grow grows grew grown growing outgrow".split())
_EAR = frozenset({"ear", "ears"})
_CLIMBING_OUT = frozenset("climb climbs climbed climbing snap snapped snapping pull pulled pulling".split())
_SENSING = frozenset("hear see hearing seeing heard saw".split())
_SENSED = frozenset("anything much well properly clearly".split())
_SENSE_ORGANS = _EAR | {"eye", "eyes"}

# "a pain in the neck": the idiom's places (the located-complaint rules take them into the span).
NUISANCE_PLACES = frozenset("neck ass arse butt bum backside rear".split())
# Words that may close a nuisance's clause: "is a nightmare lately", "a headache tbh".
CLAUSE_CLOSERS = frozenset("lately tbh honestly though tho lol too again already atm rn right now".split())
_ONE = frozenset({"one"})
HEDGES = frozenset("nearly almost practically literally".split())
# (not a stroke or a seizure: "the new meds nearly gave me a stroke, bp was 210/120" is often literal)
_HYPERBOLE_ILLNESSES = (["heart", "attack"], ["cardiac", "arrest"], ["aneurysm"])
# What people are "allergic to" only in jest: "allergic to deadlines", "allergic to mornings", "allergic to effort"
JOKE_ALLERGENS = frozenset("deadlines deadline mornings morning mondays monday effort work homework cleaning "
                           "housework chores commitment responsibility responsibilities adulting emails email "
                           "meetings".split())
_OBJECTS = frozenset("me him her us you them everyone".split())
# Crazes named "<thing> fever": a bare "fever" after these nouns is a mood of the season, not a temperature.
CRAZES = frozenset("cabin spring summer christmas xmas election football soccer baseball playoff playoffs wedding "
                   "shopping gold bieber".split())
SECOND_THOUGHTS = frozenset({"about", "over"})
FOOD_COMAS = frozenset("food carb carbs turkey pizza cake pasta".split())
MEME_ILLNESSES = (["cancer"], ["aneurysm"], ["stroke"], ["seizure"], ["heart", "attack"])
# Everyday pains given as a joke by a thing pointed at: "this spreadsheet is giving me a headache lol", "this meeting gave
# me a migraine lol" ("my meds are giving me a headache lol" may be the drug: only "this"/"that"/"these" point).
POINTED_ILLNESSES = (["headache"], ["migraine"])
_POINTERS = frozenset({"this", "these", "that"})
# (round 26a) Things that give a headache only as a nuisance, whatever follows: "my business is giving me headache
# only", "this traffic is giving me a migraine", "work is giving me a headache" (not "the heat", "my meds", "the
# noise").
NUISANCE_GIVERS = frozenset("job jobs work business boss bosses traffic homework spreadsheet meeting meetings exam exams "
                            "paperwork admin taxes tax ex project deadline deadlines commute landlord neighbours "
                            "neighbors politics election coworkers colleagues inlaws in-laws".split())


_MEME_POINTERS = frozenset({"this", "my", "these", "that"})
_LITERALLY = frozenset({"actual", "literal", "real"})


def _giving_verb(words: list[str], start: int, *, literally: bool = False) -> int | None:
    """Where "gave"/"giving" stands in "... giving me (a) X" before the illness at ``start``, or None; with
    ``literally``, also "... giving me an actual X" (said of a meme's illness: "about to give me an actual heart attack
    lol"; "this zoloft is giving me an actual headache" is one)."""
    k = start - 1
    if literally and k >= 1 and words[k] in _LITERALLY:
        k -= 1
    k -= k >= 1 and words[k] in ("a", "an")
    return k - 1 if k >= 1 and words[k] in _OBJECTS and words[k - 1] in GIVING else None


def _given_as_a_joke(words: list[str], start: int, after: str, *, pointers: frozenset[str] = _MEME_POINTERS,
                     literally: bool = False) -> bool:
    """"<this thing> is giving me (an) X lol": a thing gives the illness, and a joke mark or an emoji follows."""
    verb = _giving_verb(words, start, literally=literally)
    return verb is not None and not pointers.isdisjoint(words[max(0, verb - 6):verb]) \
        and (after in JOKE_MARKS or _is_emoji(after))


def _is_emoji(word: str) -> bool:
    """An emoji or another pictograph ("💀", "😩"), not a dash, an ellipsis or a curly quote."""
    return any(unicodedata.category(c) == "So" for c in word)


# What ends the clause a nuisance's headache closes: "my business is giving me headache only", "... a headache lol"; a
# headache with its time, cause or company after it ("... after 2 hours at the screen", "... and back pain") is one.
_NUISANCE_CLOSERS = frozenset(". , ! ? ; only lol lmao haha tbh again".split()) | {""}
# Words between the giver and the verb: "is giving", "has been giving", "keeps giving", "always gives"
_BEFORE_GIVING = frozenset("is are was were been has have had keeps kept always really".split())
_GIVER_DETERMINERS = frozenset("my this the that our his her your their".split())
# What a giver that opens its clause follows: "... . my boss is giving me a headache", "and work is giving me ..."
_CLAUSE_OPENERS = CLAUSE_BREAKS | {"so", "ugh", "honestly"}


def _given_by_a_nuisance(words: list[str], start: int, after: str) -> bool:
    """"my business is giving me (a) headache", "this job is giving me a headache.": a job, a boss or traffic that
    opens the clause gives the headache that closes it ("studying for exams gives me a headache" is a real one)."""
    if not (after in _NUISANCE_CLOSERS or not after.isascii()):
        return False
    verb = _giving_verb(words, start)
    if verb is None or verb < 1:
        return False
    subject = verb - 1
    while subject > 0 and words[subject] in _BEFORE_GIVING:
        subject -= 1
    if words[subject] not in NUISANCE_GIVERS:
        return False
    before = subject - 1
    if before >= 0 and words[before] in _GIVER_DETERMINERS:
        before -= 1
    return before < 0 or words[before] in _CLAUSE_OPENERS


_LAUGHING_CRIES = frozenset({"crying", "cry", "cried"})
_UNCONTROLLED = frozenset("of uncontrolled uncontrollable involuntary sudden random".split())

# The gate: a word each frame cannot do without, the rarer one where the symptom word is common ("grow" for "out of
# it", "gave" for "heart attack"). "pain" opens it only with an article in the doc (every pain frame has "a"/"such").
_FIGURE_GATE = gate(EAGER_WORDS, NUISANCE_WORDS - {"pain"}, {"stroke", "deaf", "fever", "feet", "sick", "material",
                                                               "laughing", "coma"}, GROWING, _CLIMBING_OUT, _SENSE_ORGANS,
                    GIVING, JOKE_ALLERGENS)
_PAIN_GATE = gate({"pain"})
FIGURE_WORDS = _FIGURE_GATE | _PAIN_GATE


def drop_figures(doc, words: list[str], spans: Spans) -> Spans:
    """``spans`` without the SYMPTOM/DISEASE spans that are figures of speech (the module doc's frames)."""
    hits = gate_hits(words)
    if _FIGURE_GATE.isdisjoint(hits) and (_PAIN_GATE.isdisjoint(hits) or _NECK_ARTICLES.isdisjoint(word_set(words))):
        return spans
    n = len(words)
    return [span for span in spans if not (span[2] in _PROBLEM and _is_figure(words, span[0], span[1], n))]


# A complaint likened to an illness: "[arms and shoulders ached] like the flu", "[aching] all over like the flu", "[whole
# body aches] like ive got the flu": the simile says how bad, it names no flu (GUIDELINES section 9, batches 61 and
# 78); "[felt like i had the flu]" is the rule of lay_felt_states, one SYMPTOM.
LIKENED_ILLNESSES = frozenset({"flu", "influenza"})
# (batch 113) "[mild cramps low down], like period pain", "[stomach cramps] like period pain": how the cramp feels
_LIKENED_PAINS = (["period", "pain"], ["period", "pains"], ["period", "cramps"])
LIKENED_WORDS = LIKENED_ILLNESSES | {"period"}
_LIKENED_HAVING = frozenset("i ive i've id i'd i'm im got had have 've ve 'd d".split())
_LIKENED_GAPS = frozenset("all over really so just".split())


def drop_likened_illnesses(words: list[str], spans: Spans) -> Spans:
    """``spans`` without a flu that a complaint right before it is likened to."""
    symptom_ends = {span[1] for span in spans if span[2] == "SYMPTOM"}
    dropped = set()
    for k, (start, end, label, _concept) in enumerate(spans):
        if not (label == "DISEASE" and end - start == 1 and words[start] in LIKENED_ILLNESSES
                or label == "SYMPTOM" and words[start:end] in _LIKENED_PAINS):
            continue
        j = start - 1
        if j >= 0 and words[j] in ("the", "a"):
            j -= 1
        while j >= 0 and start - j < 6 and words[j] in _LIKENED_HAVING:
            j -= 1
        if j >= 1 and words[j - 1:j + 1] in (["as", "though"], ["as", "if"]):
            j -= 1  # "[ache in my thighs] as though I had the flu"
        elif j < 0 or words[j] != "like":
            continue
        like = j
        while j >= 1 and words[j - 1] in _LIKENED_GAPS:
            j -= 1
        if j >= 1 and words[j - 1] == "," and label == "SYMPTOM" and (end == len(words) or words[end] in SENTENCE_ENDS):
            j -= 1  # "[mild cramps low down], like period pain." (not a list's "such as": ", like period pains, mood swings")
        if not symptom_ends.isdisjoint(range(j, like + 1)):  # "[aching all over] like", "[aching] all over like"
            dropped.add(k)
    return [span for k, span in enumerate(spans) if k not in dropped] if dropped else spans


def _is_figure(words: list[str], start: int, end: int, n: int) -> bool:
    while end - start > 1 and words[start] in _INTENSIFIERS:
        start += 1  # "one big headache" after the severity rule took "big" in
    first, last = words[start], words[end - 1]
    after = words[end] if end < n else ""
    if first in NUISANCE_WORDS and end - start > 1 and words[start + 1:end - 1] == ["in", "the"] \
            and last in NUISANCE_PLACES:
        j = start - 1 if start >= 1 and words[start - 1] not in _INTENSIFIERS else start - 2
        # someone or something *is* one ("my boss is a pain in the neck"); "i have a pain in the neck" is a pain
        return j >= 1 and words[j] in _NECK_ARTICLES and words[j - 1] in _COPULAS | _BECOMING
    if first in NUISANCE_WORDS and end - start == 1 and start >= 2:
        j = start - 1
        while j >= 1 and words[j] in _INTENSIFIERS:
            j -= 1
        # j >= 1: words[j - 1] must be a word before the article, not the doc's last word (words[-1])
        if j >= 1 and words[j] in _ARTICLE | _ONE and (words[j - 1] in _COPULAS or words[j - 1] in _BECOMING and (
                first != "pain" or words[j - 1] in ("been", "being"))) \
                and (not after or not after.isalnum() or after in CLAUSE_CLOSERS):
            # "every feed is a nightmare 😩", "has been one big headache lately", "has become a real headache" (not
            # "my back has become a real pain": a part's pain)
            return True
    if words[start:end] in _HYPERBOLE_ILLNESSES and start >= 2 and words[start - 1] in ("a", "an"):
        j = start - 2
        if words[j] in _OBJECTS:
            j -= 1
        if j >= 1 and words[j] in GIVING and words[j - 1] in HEDGES:
            return True  # "nearly gave me a heart attack", "nearly gave me a cardiac arrest 💀"
    if first == "allergic" and end - start >= 3 and words[start + 1] == "to" and last in JOKE_ALLERGENS:
        return True  # "my teammates are allergic to deadlines 🙃": a dislike
    if words[start:end] in MEME_ILLNESSES and after == "material":
        return True  # "that shootout was heart attack material": what might cause one, said of a thing
    if last == "myself" and after == "laughing" and end + 1 < n and (words[end + 1] == "at" or words[end + 1] in JOKE_MARKS
                                                                     or _is_emoji(words[end + 1])):
        # "peeing myself laughing at these replies 😭": laughter, no incontinence ("i wet myself laughing 2 years
        # postpartum", "... laughing or coughing" is stress incontinence)
        return True
    if end - start == 1 and first in _LAUGHING_CRIES and after == "laughing" \
            and not (start and words[start - 1] in _UNCONTROLLED):
        return True  # "these replies have me crying laughing": the tears of a laugh ("episodes of crying laughing" after
        # a stroke is pseudobulbar affect)
    if words[start:end] in MEME_ILLNESSES and _given_as_a_joke(words, start, after, literally=True):
        return True  # "this homework is giving me cancer lol", "my group chat is giving me an aneurysm 😩": the meme
    if words[start:end] in POINTED_ILLNESSES and (_given_as_a_joke(words, start, after, pointers=_POINTERS)
                                                  or _given_by_a_nuisance(words, start, after)):
        return True
    if first == "fever" and end - start == 1 and start >= 1 and words[start - 1] in CRAZES:
        return True
    if first == "coma" and end - start == 1 and start >= 1 and (words[start - 1] in FOOD_COMAS or words[start - 1] == "sugar" and (
            after == "incoming" or after in JOKE_MARKS or _is_emoji(after))):
        return True  # "food coma", "sugar coma incoming": drowsy after eating ("went into a sugar coma" is diabetic)
    if last == "sick" and after == "of":
        return True  # "sick of being sick", "being sick of waiting": fed up, not vomiting
    if words[start:end] == ["cold", "feet"] and after in SECOND_THOUGHTS:
        return True
    if end - start == 1 and first in EAGER_WORDS and after == "to" and end + 1 < n:
        following = words[end + 1]
        if following in ("be", "been") and end + 2 < n and words[end + 2] in _BE_HONEST:
            return False  # "the itching to be honest is worse": an aside, not a wish
        return following in WISHED_VERBS
    if end - start == 1 and first in NUISANCE_WORDS:
        j = start - 1
        if j >= 0 and words[j] in _INTENSIFIERS:
            j -= 1  # "a total headache about"
        if j < 0 or words[j] not in _ARTICLE:
            return False
        if after in NUISANCE_PREPOSITIONS:
            amount = words[end + 1:end + 3] + ["", ""]
            return not (amount[0][:1].isdecimal() or amount[0] in ("a", "an", "half", "an") and amount[1] in TIME_UNITS)
        # "what a headache this company is": the exclamation's subject and copula follow the noun
        if j >= 1 and words[j - 1] == "what":
            return any(w in _COPULAS for w in words[end + 1:end + 5]) and after in ("this", "that", "these", "those",
                                                                                  "the", "my", "our", "your", "his",
                                                                                  "her", "their")
        return False
    if first == "stroke" and end - start == 1 and after == "of" and end + 1 < n and words[end + 1] in STROKE_LUCK:
        return True
    if first == "deaf" and last in _EAR and start >= 1 and (words[start - 1] in DEAF_BEFORE
                                                           or words[start - 1] == "a" and start >= 2
                                                           and words[start - 2] in DEAF_BEFORE):
        return True  # "fall on deaf ears", "turned a deaf ear"
    if words[start:end] == ["out", "of", "it"] and start >= 1:
        before = words[start - 1]
        if before in GROWING or before in _CLIMBING_OUT:
            return True  # "he'll grow out of it", "cant seem to climb out of it": leaving a phase or a low behind
        if (before in _SENSING or before in _SENSED and start >= 2 and words[start - 2] in _SENSING) \
                and not _SENSE_ORGANS.isdisjoint(words[max(0, start - 15):start]):
            return True  # "[ear] ... cant hear anything out of it", "cant see out of it": an ear or an eye, no dazed state
    return False


# Bare words in non-medical senses (rule 17): the words that follow make them figurative.
FIGURATIVE_AFTER = {
    "stressed": ("about", "over", "out about", "out over"),
    "stress": ("about", "over"),
    "tired": ("of",),
    "sick": ("of", "and tired of"),
    "ocd": ("about",),
    "flare": ("of",),
    "cry": ("for help", "out for", "wolf"),
    "panicking": ("that", "about", "over"),
    "panicked": ("that", "about", "over"),
    # a worry about an event, a drug or a risk is no complaint: "nervous about the withdrawal", "scared of weight gain"
    "nervous": ("about", "that"),
    # a worry about what was just told ("a bit paranoid about it all"), not a delusion ("paranoid that my friends
    # were talking about me", "paranoid about the neighbours", "paranoid about that guy watching me")
    "paranoid": ("about it",),
    "worried": ("about", "that"),
    "scared": ("of", "about", "that"),
    "afraid": ("of", "that"),
    # harm done to others, no pain felt: "intrusive thoughts about hurting people", "scared i'll hurt someone"
    # ("hurting anyone else?" asks who else has the pain)
    **dict.fromkeys(("hurt", "hurting"), ("people", "someone", "somebody", "others", "other people", "innocent")),
    # the Australian "spewing" is vomiting ("spewing every morning") or fury ("spewing that i missed it", "spewing
    # about the ref"); what it throws out is a volcano's or a printer's
    **dict.fromkeys(("spewing", "spewed"), ("that", "about", "i", "we", "because", "cos", "out", "ash", "smoke", "lava",
                                            "steam", "fire", "at", "over")),
}
# States that are an everyday judgement of an action: "my mum thinks im paranoid for packing 3 nets" (not "felt
# paranoid for weeks": a gerund after "for" is the action judged).
JUDGED_FOR_ACTION = frozenset({"paranoid", "crazy", "mental"})
# "a pain to deal with", "what a pain", "the paperwork is a headache", "a pain in the neck": the nuisance words
# whose sense the words after them decide (NUISANCE_WORDS above, without "nuisance").
FOLLOWED_NUISANCES = frozenset({"pain", "headache", "nightmare"})
NUISANCE_AFTER = ("to", "in the ass", "in the butt", "in the neck", "!", ".", ",", "and", "but", "for", "lol", "all",
                  "lately", "(", "too", "in itself", "on top", "tbh", "honestly", "though", "tho", "with", "when", "because",
                  "bc", "of a", "trying", "dealing", "getting", "of its own", "of their own", "not knowing", "not being",
                  "not having", "having to", "sorting",
                  # "my boss is a pain so ...", "the office is a headache these days", "a pain in the backside"
                  "so i", "so we", "so my", "these days", "in the backside", "in the arse", "in the bum", "at times", "rn", "atm",
                  # "it's a real pain at work"; a nuisance nobody wants: "a headache i dont need", "one we could do without"
                  "at work", "i dont need", "i do n't need", "i do nt need", "we do n't need", "i could do without",
                  "i can do without", "we could do without",
                  # "enough of a pain as it is": what is a nuisance already
                  "as it is", "as is", "already")
# What comes before "a pain" that makes it a nuisance: "it is a pain", "what a pain", "im a pain to live with".
_NUISANCE_COPULAS = frozenset("is was 's be been what such being are its am m 'm were re 're".split())
_BODY_COPULAS = frozenset("is was 's are were has have".split())
# Adverbs between the copula and the article: "which is honestly a pain to coordinate".
NUISANCE_ADVERBS = frozenset("honestly just truly literally really also still always already seriously such".split())
QUOTES = frozenset({'"', "'", "“", "”", "‘", "’", "``", "''"})
# "enough of a pain", "a bit of a nightmare": how much of a nuisance, between the copula and the article.
_PORTIONS = frozenset({"enough", "much", "bit"})
# "a total headache", "a real nightmare": an intensifier between the article and the nuisance word.
NUISANCE_INTENSIFIERS = frozenset("total real complete huge absolute major big".split())
# "so OCD about my desk": a degree word the severity rule took in before the figurative word.
DEGREE_WORDS = frozenset("so very really super totally such".split())
# "miserable weather", "depressing news": an adjective before a noun describes a thing, not a person.
ATTRIBUTIVE_ADJECTIVES = frozenset({"miserable", "depressing", "exhausting", "sickening", "sad", "angry", "aggressive",
                                    "hostile", "dopey"})
# "its own headache", "a whole other headache"; "its miserable", "that was depressing" (round 38)
_OWN_OWNERS = frozenset({"its", "their"})
_TOLD_SUBJECTS = frozenset({"which", "that", "this"})
_OTHERS = frozenset({"other", "nother"})
_THING_COPULAS = frozenset({"its", "thats"})
_THING_SUBJECTS = frozenset({"it", "that", "this"})
# "it's doing my head in", "the forms did her head in": an annoyance (British), no body part named.
DOING_VERBS = frozenset("doing did does do done".split())
_HEAD_OWNERS = frozenset("my his her your their our me".split())
_HEAD = frozenset({"head"})
# Telling someone not to feel it: "renal nurse says not to panic", "please dont panic yet", "no need to worry", "give
# it a fair try before you panic".
CALMED_WORDS = frozenset({"panic", "worry", "stress"})
_FIGURE_CRY = frozenset({"cry"})
_CALMING = (("not", "to"), ("do", "n't"), ("do", "nt"), ("dont",), ("do", "not"), ("need", "to"), ("before", "you"),
            ("before", "u"))
FIGURATIVE_WORDS = (frozenset(FIGURATIVE_AFTER) | FOLLOWED_NUISANCES | ATTRIBUTIVE_ADJECTIVES | JUDGED_FOR_ACTION
                    | CALMED_WORDS | _FIGURE_CRY | {"head", "weakness"})
_FIGURATIVE_GATE = gate(FIGURATIVE_WORDS)


def drop_figurative(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"a pain to deal with", "stressed about exams", "tired of arguing", "miserable weather"."""
    hits = _FIGURATIVE_GATE.intersection(gate_hits(words))
    if not hits or hits == _HEAD and DOING_VERBS.isdisjoint(word_set(words)):
        return spans  # "head" is in many docs, "doing my head in" in few
    out = []
    n = len(words)
    body_ends = {span[1] for span in spans if span[2] == "ANATOMY"}
    for span in spans:
        start, end, label, _concept = span
        head = start
        while head < end - 1 and (words[head] in DEGREE_WORDS or words[head] in NUISANCE_INTENSIFIERS):
            # "so OCD about my desk", "a total headache" after add_severity
            head += 1
        if label in ("SYMPTOM", "DISEASE") and (end - head == 1 or end - head == 2 and words[head + 1] == "out") \
                and _figurative(words, head, end, n) and not _said_of_a_body_part(words, head, body_ends):
            continue  # "stressed out over finals" as "stressed over finals"
        if label == "ANATOMY" and words[start:end] == ["head"] and start >= 2 and words[start - 1] in _HEAD_OWNERS \
                and words[start - 2] in DOING_VERBS and end < n and words[end] == "in":
            continue  # "the paperwork is doing my head in"
        out.append(span)
    return out


def _said_of_a_body_part(words: list[str], start: int, body_ends: set[int]) -> bool:
    """"my knee is a [pain] these days": a nuisance word whose subject is a body part is the part's pain."""
    k = start - 1
    while k >= 0 and (words[k] in ("a", "such", "of") or words[k] in NUISANCE_INTENSIFIERS or words[k] in NUISANCE_ADVERBS
                      or words[k] in _PORTIONS):
        k -= 1
    if k >= 1 and words[k] == "been":
        k -= 1  # "my hip has been a pain"
    return k >= 1 and words[k] in _BODY_COPULAS and k in body_ends


def _ends_clause(words: list[str], end: int, following: str) -> bool:
    """What ends a nuisance phrase: nothing, a mark or an emoji ("such a pain 🙄"), or the words of a nuisance."""
    return end >= len(words) or is_mark(words[end]) \
        or any(following == cue or following.startswith(cue + " ") for cue in NUISANCE_AFTER)


def _figurative(words: list[str], start: int, end: int, n: int) -> bool:
    word = words[start]
    if word in CALMED_WORDS and any(tuple(words[max(0, start - len(cue)):start]) == cue for cue in _CALMING):
        return True  # "not to panic", "dont worry"
    if word == "weakness" and start and words[start - 1] == "a" and end + 1 < n and words[end] == "for" \
            and not words[end + 1][:1].isdecimal() and words[end + 1] not in TIME_UNITS | _AMOUNTS:
        return True  # "a weakness for chocolate"; "a weakness for 3 days", "... for a few weeks" are the complaint's
    if word == "cry" and start >= 2 and words[start - 1] == "could" and words[start - 2] == "i" and (
            end >= n or not words[end].isalpha()):
        return True  # "so constipated i could cry 😭": a degree, no crying
    following = " ".join([w for w in words[end:end + 5] if w not in QUOTES][:4])  # 'called me "so OCD" about'
    if word in FIGURATIVE_AFTER and any(following == cue or following.startswith(cue + " ") for cue in FIGURATIVE_AFTER[word]):
        return True
    if word in JUDGED_FOR_ACTION and end + 1 < n and words[end] == "for" and words[end + 1].endswith("ing"):
        return True
    # "my wife says im being paranoid", "am i just being paranoid?": someone's judgement of a worry, not a symptom
    # ("i've been paranoid for weeks", "feeling paranoid" stay)
    if word in JUDGED_FOR_ACTION and start >= 1 and (words[start - 1] == "being" or start >= 2 and words[start - 2] ==
                                                     "being" and words[start - 1] in ("just", "a", "so", "too")):
        return True
    # "the best man's speech was the real pain tbh": "the real pain/headache/nightmare" is the nuisance of something
    if word in FOLLOWED_NUISANCES and start >= 2 and words[start - 1] == "real" and words[start - 2] == "the" and (
            end >= n or any(following == cue or following.startswith(cue + " ") for cue in NUISANCE_AFTER)
            or start >= 3 and words[start - 3] in _COPULAS):
        return True
    # "which is its own headache", "that's a whole other headache": the trouble a thing brings, said of what was just
    # told and ending its clause (round 38); "they each have their own headache", "it was a whole other headache, on
    # the left side" are headaches
    if word in FOLLOWED_NUISANCES and _ends_clause(words, end, following) and (
            start >= 4 and words[start - 1] == "own" and words[start - 2] in _OWN_OWNERS
            and words[start - 3] in _NUISANCE_COPULAS and words[start - 4] in _TOLD_SUBJECTS
            or start >= 5 and words[start - 1] in _OTHERS and words[start - 2] == "whole" and words[start - 3] == "a"
            and words[start - 4] in _NUISANCE_COPULAS and words[start - 5] in _TOLD_SUBJECTS):
        return True
    if word in FOLLOWED_NUISANCES and start >= 2 and words[start - 1] in NUISANCE_INTENSIFIERS and words[start - 2] in ("a", "such"):
        start -= 1  # the article decides below as for "a headache"
    copula = start - 2
    if copula >= 2 and words[copula] == "of" and words[copula - 1] in _PORTIONS:
        copula -= 2  # "my job is enough of a pain as it is", "its a bit of a pain to sort", "too much of a pain"
        copula -= copula >= 0 and words[copula] in ("a", "too", "so")  # (at the post's start -1: no copula, as before)
    while copula >= 1 and words[copula] in NUISANCE_ADVERBS:
        copula -= 1  # "which is honestly a pain to coordinate", "it is honestly such a pain to deal with"
    if word in FOLLOWED_NUISANCES and start >= 1 and words[start - 1] in ("a", "such") and (copula < 0 or words[copula] in _NUISANCE_COPULAS):
        return _ends_clause(words, end, following)
    if word in ATTRIBUTIVE_ADJECTIVES and start >= 1 and (words[start - 1] in _THING_COPULAS or start >= 2 and words[
            start - 1] in ("is", "was", "'s") and words[start - 2] in _THING_SUBJECTS):
        return True  # "its miserable for the first 15 mins", "that was depressing": a thing or a time (round 38)
    if word in ATTRIBUTIVE_ADJECTIVES:
        return end < n and words[end].isalpha() and words[end] not in NOT_NOUNS
    return False
