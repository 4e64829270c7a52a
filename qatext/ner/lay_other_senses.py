"""Medical words in another sense (GUIDELINES rules 14 and 17): a substance named as a place or thing ("the
coffee shop"), a doctor called by the field's short name ("my cardio said"), a "PSA:" that announces a post, a
trigger told after "when" ("worse when i [cough]"), a worry about a thing ("it [worries] me"), a "TIA" that signs a
post off, a covid that dates something ("during covid").
"""
from __future__ import annotations

from spacy.tokens import Doc

from qatext.ner import lay_hyphen_words
from qatext.ner.lay_common import LABEL, POSSESSIVES
from qatext.ner.span_rules import Spans, gate, gate_hits, word_set

# A substance before one of these names a place or a thing, not an intake: "the coffee shop", "a wine glass".
SUBSTANCE_PLACES = frozenset("shop shops house houses bar bars machine machines maker makers glass glasses mug mugs "
                             "stain stains bottle bottles brewery aisle table tables cup cups pot pots "
                             "coloured colored colour color "  # "pee is cola coloured": a colour, no intake
                             "grounds".split())  # "vomit that looked like coffee grounds": a likeness of blood
_SUBSTANCE_PLACE_GATE = gate(SUBSTANCE_PLACES)
# Concepts of the substances of GUIDELINES section 3 (caffeine, alcohol, cannabis, nicotine, tea).
SUBSTANCE_CONCEPTS = frozenset({"DRUGBANK:DB00201", "QATEXT:drug/alcohol", "QATEXT:drug/cannabis", "DRUGBANK:DB00184",
                                "QATEXT:drug/tea", "QATEXT:drug/coffee"})


# Vessels that measure a drink: "two glasses of wine", "3 cups of coffee" ("glasses" is no eyewear there).
MEASURING_VESSELS = frozenset("glass glasses cup cups mug mugs bottle bottles".split())


def drop_substance_places(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"the mugs at the coffee shop": a substance named as a place or object is not taken (GUIDELINES section 3);
    "2 glasses of wine": a vessel that measures a drink is no TREATMENT (eyewear)."""
    labels = set(map(LABEL, spans))
    if _SUBSTANCE_PLACE_GATE.isdisjoint(gate_hits(words)) or labels.isdisjoint(("DRUG", "TREATMENT")):
        return spans
    n = len(words)
    return [span for span in spans if not (
        span[2] == "DRUG" and span[1] < n and words[span[1]] in SUBSTANCE_PLACES
        and span[1] - span[0] == 1 and span[3] in SUBSTANCE_CONCEPTS
        or span[2] == "TREATMENT" and span[1] - span[0] == 1 and words[span[0]] in MEASURING_VESSELS
        and span[1] < n and words[span[1]] == "of")]


# A complaint, test or disease word before a noun it modifies in another sense: "gas station", "fever dream", "rash
# decision", "the diabetic range".
OTHER_SENSE_HEADS = {
    "gas": frozenset("station stations prices price tank bill bills stove cooker leak mask heater boiler pump mileage "
                     "money card cylinder engine company fire hob".split()),
    "fever": frozenset("dream dreams pitch".split()),
    "rash": frozenset("decision decisions promise promises".split()),
    # "sickness" alone is the British word for vomiting; before these it is being off work
    "sickness": frozenset("absence absences benefit benefits pay leave note notes policy insurance certificate rate "
                          "record days".split()),
    # a school exam, no examination of the body: "the exam stress is killing me", "exam season"
    "exam": frozenset("stress season revision paper papers hall halls timetable nerves".split()),
    # leaving hospital: "the discharge sheet says come back if ..."
    "discharge": frozenset("sheet letter summary papers paperwork date lounge planning".split()),
    # a band of blood-sugar values, not the disease: "my sugar crept into the diabetic range" (round 38)
    "diabetic": frozenset("range ranges zone territory numbers readings".split()),
    "prediabetic": frozenset("range ranges zone territory numbers readings".split()),
}
# A complaint word after a word that makes it another thing: "the exam [stress] is killing me" is the strain of
# studying, not the writer's stress as a complaint (rule 17: "stressed about exams" is not annotated).
OTHER_SENSE_MODIFIERS = {
    "stress": frozenset("exam exams revision homework deadline deadlines coursework dissertation wedding "
                        "work job money financial".split()),  # batch 101: "could work stress be causing the grinding"
    # (batch 101) a thing that fell apart, not a person who fainted: "since my business collapsed"
    "collapsed": frozenset("business company shop marriage relationship roof ceiling building bridge tent economy "
                           "market deal plans house wall walls".split()),
    # (batch 105) drinks, not tremors: "i force protein shakes"
    **dict.fromkeys(("shake", "shakes"), frozenset("protein milk chocolate vanilla strawberry banana fruit meal "
                                                   "replacement diet slimfast".split())),
}
OTHER_SENSE_NOUNS = gate(*OTHER_SENSE_HEADS.values(), *OTHER_SENSE_MODIFIERS.values())


_PLACE_PREPOSITIONS = frozenset({"at", "in", "inside", "outside"})


def drop_modifier_senses(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"plan it around every gas station", "what a fever dream", "the exam stress": the word names a thing, no
    complaint or test."""
    n = len(words)
    return [span for span in spans if not (
        span[1] - span[0] == 1 and span[2] in ("SYMPTOM", "TEST", "DISEASE") and (
            span[1] < n and words[span[1]] in OTHER_SENSE_HEADS.get(words[span[0]], ())
            or span[0] >= 1 and words[span[0] - 1] in OTHER_SENSE_MODIFIERS.get(words[span[0]], ())
            and _PLACE_PREPOSITIONS.isdisjoint(words[max(0, span[0] - 3):span[0] - 1])))]  # "at the shop [collapsed]"


# "PSA: read your labels", "PSA for parents": a public service announcement opening a post, not the PSA test.
_ANNOUNCED = frozenset({":", "for", "to", "-", "–", "—", "!"})


def drop_announcements(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """A "PSA" that opens a sentence and announces something ("PSA: ...", "PSA for ...") is no TEST; one
    followed by a value ("PSA: 6.2 ng/ml", "PSA - 4.1") is the test's result."""
    n = len(words)
    return [span for span in spans if not (
        span[1] - span[0] == 1 and words[span[0]] == "psa" and span[1] < n and words[span[1]] in _ANNOUNCED
        and not (span[1] + 1 < n and doc[span[1] + 1].like_num)
        and (span[0] == 0 or doc[span[0]].is_sent_start or words[span[0] - 1] in ("#", ".", "!", "?", "\n")))]


# Patients call their specialists by the field's short name: "my cardio said", "her neuro ordered" (rule 14: people are
# not annotated); without a possessive "cardio" is exercise and "neuro" may be an exam.
DOCTOR_SHORTHAND = frozenset("cardio neuro endo derm gyno gyn psych rheum rheumy ortho onc gastro uro pulmo nephro gi".split())


def drop_doctors(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"my cardio said", "neuro wants an MRI": a possessive before, or what a person does after, makes it the doctor."""
    n = len(words)
    return [s for s in spans if not (s[1] - s[0] == 1 and (words[s[0]] in DOCTOR_SHORTHAND and (
        s[0] >= 1 and words[s[0] - 1] in POSSESSIVES or s[1] < n and words[s[1]] in DOCTOR_VERBS
        or s[1] + 1 < n and words[s[1]] in _FINDING_VERBS and words[s[1] + 1] in _FOUND_OBJECTS)
        # "the club physio said": the therapist as a person (rule 14); "my physio" is as often the therapy itself
        or words[s[0]] in THERAPIST_SHORTHAND and s[1] < n and words[s[1]] in THERAPIST_VERBS))]


THERAPIST_SHORTHAND = frozenset({"physio", "pt", "ot"})
# What only the therapist as a person does: speaks or judges. Not DOCTOR_VERBS' "appointment", "started", "put":
# "my physio appointment", "PT started last week" are the therapy.
THERAPIST_VERBS = frozenset("said says thinks thought reckons told wants suggested".split())


# What a doctor does in a patient's story: "cardio mentioned an ablation", "neuro wants an MRI".
DOCTOR_VERBS = frozenset("said says mentioned wants wanted thinks thought told suggested recommended ordered offered "
                         "prescribed referred put switched started agreed doc doctor appointment appt visit visits "
                         "appointments reckons reckoned".split())
# (round 40) What a specialist does to something, said with its object: "the gastro found the ulcer", "my endo
# diagnosed it"; "endo found on my bladder", "had gastro diagnosed by the GP" are the disease.
_FINDING_VERBS = frozenset("found finds diagnosed diagnoses blamed examined".split())
_FOUND_OBJECTS = frozenset("the a an my his her their it that this nothing something them me him".split())
_DOCTOR_GATE = gate(DOCTOR_SHORTHAND, THERAPIST_SHORTHAND)


# A substance smelt, poured or brewed is handled, not taken: "i cant smell my own coffee", "my hand shakes whenever
# i pour tea", "not even the coffee brewing" (GUIDELINES section 3: substances count when taken, cut down or avoided).
HANDLING_VERBS = frozenset("smell smells smelt smelled smelling pour pours poured pouring spill spills spilled "
                           "spilt spilling brew brews brewed brewing".split())
_HANDLING_AFTER = frozenset("brewing smell smells smelling".split())
# Between the verb and the substance: "smell [my own] coffee", "pour [the] tea", "smell [of] coffee".
_HANDLING_GAP = frozenset("my own the a some of his her your their our fresh".split())
# Drinks taken by oneself are intake again: "poured myself a glass of wine".
_SELF = frozenset({"myself", "me", "himself", "herself"})
# A comparison with drinking is no intake either (batch 5's "like id had two glasses of wine", unannotated):
# "slurring like ive had 3 beers".
_HAD = frozenset({"had", "drunk", "downed", "drank"})
_CLAUSE_BREAKS = frozenset(". , ; : ! ? and but".split()) | {"\n"}
UNTAKEN_WORDS = gate(HANDLING_VERBS, {"like"})


def drop_untaken_substances(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """``spans`` without the substances (GUIDELINES section 3) that are smelt, poured or brewed, or only compared
    with ("like ive had 3 beers")."""
    if "DRUG" not in map(LABEL, spans):
        return spans
    n = len(words)
    out = []
    for span in spans:
        start, end, label, concept = span
        if label == "DRUG" and concept in SUBSTANCE_CONCEPTS and (
                _handled(words, start) or end < n and words[end] in _HANDLING_AFTER or _compared(words, start)):
            continue
        out.append(span)
    return out


def _handled(words: list[str], start: int) -> bool:
    j = start - 1
    while j >= 0 and start - j <= 3 and words[j] in _HANDLING_GAP:
        j -= 1
    if j < 0 or words[j] not in HANDLING_VERBS:
        return False
    return words[j] not in ("pour", "pours", "poured", "pouring") or not _SELF.intersection(words[j + 1:start])


def _compared(words: list[str], start: int) -> bool:
    """"like id had two glasses of wine", "like ive had 3 beers": "like" then a drinking verb before the substance."""
    seen_had = False
    for j in range(start - 1, max(-1, start - 9), -1):
        word = words[j]
        if word in _CLAUSE_BREAKS:
            return False
        if word in _HAD:
            seen_had = True
        elif word == "like":
            return seen_had
    return False


# What sets a complaint off, told after "when": "worse when i [cough]", "hives when i get [hot]", "my chest aches when
# im [tired]". The trigger is no complaint of its own (the gold annotates the complaint it sets off); a complaint had
# on its own occasion stays ("i feel sick when i have a [migraine]", "[zolpidem] when i [couldnt sleep]").
# "time" as in "every time", "each time" (round 34); "if" (round 43: "i wet myself if i [cough], [sneeze] or jump")
TRIGGER_OPENERS = frozenset({"when", "whenever", "time", "if"})
# "if" of a question, not a condition: "what if i [cough up blood]", "i wonder if i [cough] because of the inhaler"
_ASKING_IF = frozenset("what wonder wondering wondered know sure unsure ask asked asks asking see check checking tell "
                       "even".split())
# the act listed before the trigger: "worse when i sit or [cough]" (round 43); not "and" or ",", which list
# complaints as often ("dizzy when she stands and [cold] all the time")
_ACT_JOINS = frozenset({"or"})
_GET_UP = frozenset({"get", "gets", "getting", "got"})
_EVERY = frozenset({"every", "each", "any"})
# Between "when" and the trigger: its subject and a linking verb ("when im", "when she gets", "when i feel").
_TRIGGER_LEAD = frozenset("i im 'm m she shes he hes 's s you they we 're re am is are was were get gets got getting "
                          "feel feels felt".split())
_COMPARATIVES = frozenset("worse worst better".split())
_CLAUSE_ENDS = frozenset({".", "!", "?", ";", "\n"})
_COMPLAINT_REACH = 8  # tokens back from "when" in which the complaint must end


# What sets complaints off: acts and passing states ("when i cough", "when im tired"); "the crash around 5pm when im
# irritable" is a time and its complaint.
TRIGGERS = frozenset("cough coughs coughing sneeze sneezes sneezing yawn yawns yawning laugh laughs laughing cry cries "
                     "crying tired hungry hot cold upset stressed anxious nervous excited fart farts burp burps pee wee "
                     "poo swallow swallowing".split())


def drop_triggers(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """``spans`` without a SYMPTOM that only says when another complaint of the same clause comes on."""
    ends = {span[1] for span in spans if span[2] == "SYMPTOM"}
    dropped = set()
    for index, span in enumerate(spans):
        start = span[0]
        if span[2] != "SYMPTOM" or words[start] not in TRIGGERS and words[start] not in _GET_UP \
                or span[1] - start > (7 if words[start] in _GET_UP else 4):
            continue  # ("get up to pee" is the one trigger told in more than a word, "getting up 5 times a night")
        k = start - 1
        listed = k >= 2 and words[k] in _ACT_JOINS and words[k - 1] not in _TRIGGER_LEAD
        if listed:
            k -= 2  # over "sit or"
        lead = k
        while k >= 0 and lead - k <= 2 and words[k] in _TRIGGER_LEAD:
            k -= 1
        if k < 0 or k == lead or words[k] not in TRIGGER_OPENERS:
            continue  # "when" right before the span, or no subject between, is no trigger clause
        if words[k] == "if" and k and words[k - 1] in _ASKING_IF:
            continue
        if words[k] == "time":
            if k < 1 or words[k - 1] not in _EVERY:
                continue  # "at the time i cough"; "[leak a bit of wee] every time i cough" is a trigger (dropped)
            k -= 1
        if k >= 1 and words[k - 1] in ("and", "but"):
            continue  # "i have asthma and when im short of breath ...": "when" opens a clause of its own
        compared = not _COMPARATIVES.isdisjoint(words[max(0, k - 3):k])
        clause_start = k
        while clause_start > 0 and k - clause_start < _COMPLAINT_REACH and words[clause_start - 1] not in _CLAUSE_ENDS:
            clause_start -= 1
        if compared or any(end in ends for end in range(clause_start + 1, k + 1)):
            dropped.add(index)
            dropped.update(_listed_triggers(words, spans, index))
    return [span for index, span in enumerate(spans) if index not in dropped] if dropped else spans


_TRIGGER_LIST_GAPS = ([","], ["or"], ["and"], [",", "or"], [",", "and"])


def _listed_triggers(words: list[str], spans: Spans, index: int) -> list[int]:
    """The triggers listed after the trigger at ``index``: "leak a bit of wee when I cough, [sneeze] or jump"."""
    found = []
    while index + 1 < len(spans):
        previous, span = spans[index], spans[index + 1]
        if span[2] != "SYMPTOM" or span[1] - span[0] != 1 or words[span[0]] not in TRIGGERS \
                or words[previous[1]:span[0]] not in _TRIGGER_LIST_GAPS:
            break
        index += 1
        found.append(index)
    return found


# A thing that worries or scares the writer: "the size of the lump [worries] me", "which [scares] me", "it stresses me
# out". The verb's subject is the thing, and the feeling a reaction to it, not a complaint (rule 17).
REACTION_VERBS = frozenset("worries worried scares scared frightens frightened terrifies terrified stresses stressed "
                           "freaks freaked".split())
_REACTION_OBJECTS = frozenset("me us him her them".split())


# Someone else who worries: "my daughter [worries] about addiction", "his cardiologist [worries] it is making ...".
_OTHER_WORRIERS = frozenset("she he they mum mom dad mother father wife husband partner daughter son sister brother "
                            "family doctor gp cardiologist consultant nurse specialist pharmacist everyone".split())


def drop_reactions(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """``spans`` without a complaint that ends in a verb of worry with its object after it ("it worries me"), nor
    another person's worry about a named thing ("my daughter worries about addiction")."""
    problems = [span[0] for span in spans if span[2] in ("SYMPTOM", "DISEASE")]
    return [span for span in spans if not (_worries_someone(words, span) or _worry_about_a_thing(words, span, problems))]


def _worries_someone(words: list[str], span) -> bool:
    """"the size of the lump [worries] me": the thing is the subject, the writer the object."""
    start, end = span[0], span[1]
    return span[2] in ("SYMPTOM", "DISEASE") and end < len(words) and words[end - 1] in REACTION_VERBS \
        and words[end] in _REACTION_OBJECTS and (start == 0 or words[start - 1] not in ("i", "im"))


def _worry_about_a_thing(words: list[str], span, problems: list[int]) -> bool:
    """"my daughter [worries] about [addiction]": another person's worry whose object is a complaint named in the
    same clause; "my son worries about everything and bites his nails" is the child's own worrying."""
    start, end = span[0], span[1]
    if span[2] != "SYMPTOM" or end - start != 1 or words[start] != "worries" or start == 0 \
            or words[start - 1] not in _OTHER_WORRIERS or end >= len(words) or words[end] not in _WORRY_OBJECTS:
        return False
    return any(end < problem <= end + 6 and _CLAUSE_BREAKS.isdisjoint(words[end:problem]) for problem in problems)


_WORRY_OBJECTS = frozenset("about that it if".split())
_CLAUSE_BREAKS = frozenset({"and", ",", ".", "but", ";"})


# "sorry for the long post, TIA": "thanks in advance" signing off a post, not a transient ischaemic attack. Only as the
# post's last word after a sign-off mark; a TIA told of is followed by more words ("had a TIA last year").
_SIGN_OFF_BEFORE = frozenset({".", ",", "?", "!", "\n", "-", ":", ")"})


def drop_sign_offs(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """``spans`` without a "TIA" that signs a post off."""
    n = len(words)
    return [span for span in spans if not (
        span[1] - span[0] == 1 and words[span[0]] == "tia" and (span[0] == 0 or words[span[0] - 1] in _SIGN_OFF_BEFORE)
        and all(not words[k].isalnum() for k in range(span[1], n)))]


# (round 44) "AF arrived again", "AF showed up this morning": on a fertility or period forum "AF" (aunt Flo) is the
# period coming, no atrial fibrillation. Only with a word of the cycle in the post and none of the heart, and only as
# the subject of an arrival ("my AF showed up on the ECG", "AF due to sepsis" stay the heart's).
AUNT_FLO_ARRIVALS = frozenset("arrived arrives arriving showed shows turned came".split())
_CYCLE_CUES = frozenset("cycle cycles ttc bfp bfn dpo ovulation ovulating ovulated 2ww ivf iui clomid letrozole "
                        "opk opks period periods tww cd1 pregnant".split())
_HEART_CUES = frozenset("heart ecg ekg palpitations apixaban rivaroxaban edoxaban dabigatran warfarin digoxin "
                        "ablation cardioversion bisoprolol cardiologist monitor paroxysmal racing pulse".split())


def drop_aunt_flo(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """``spans`` without an "AF" that is a period arriving, in a post about the cycle and not the heart."""
    present = word_set(words)
    if _CYCLE_CUES.isdisjoint(present) or not _HEART_CUES.isdisjoint(present):
        return spans
    n = len(words)
    return [span for span in spans if not (
        span[1] - span[0] == 1 and words[span[0]] == "af" and span[1] < n and words[span[1]] in AUNT_FLO_ARRIVALS
        and not (span[0] and words[span[0] - 1] in _OWNED_AF))]


_OWNED_AF = frozenset("my his her your their our 's".split())  # "my dad's AF came back": the father's heart


# "I bought one of those finger clips during covid", "pre-covid I was fit": the pandemic as a time, not the writer's
# illness.
PANDEMIC_NAMES = frozenset("covid covid-19 covid19 corona coronavirus".split())
PANDEMIC_TIMES = frozenset("during before pre".split())


def drop_pandemic_times(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """``spans`` without a covid that dates something ("during covid", "before covid", "pre-covid")."""
    return [span for span in spans if not (
        span[1] - span[0] == 1 and span[2] == "DISEASE" and words[span[0]] in PANDEMIC_NAMES
        and _dated(words, span[0]))]


def _dated(words: list[str], at: int) -> bool:
    before = words[at - 1] if at else ""
    return before in PANDEMIC_TIMES or before == "-" and at >= 2 and words[at - 2] == "pre"


# A drug-review site's "Condition:" field names what a medicine was taken for: "Condition: Birth Control" is the
# purpose, not a second medicine (round 38; the medicine reviewed is named in its own field). The field opens the
# text, a line or a sentence; "the medicine for my condition: metformin" names a medicine.
_FIELD_OPENERS = frozenset({"", "\n", ".", "!", "?", "|"})


def drop_condition_drugs(words: list[str], spans: Spans) -> Spans:
    """``spans`` without a DRUG that fills a "Condition:" field."""
    return [span for span in spans if not (
        span[2] == "DRUG" and span[0] >= 2 and words[span[0] - 1] == ":" and words[span[0] - 2] == "condition"
        and (words[span[0] - 3] if span[0] >= 3 else "").strip(" ") in _FIELD_OPENERS)]


# The strength of a medicine or a drink, not of the writer: "basically a weak statin", "weak coffee", "a weaker dose".
STRENGTH_WORDS = frozenset({"weak", "weaker", "weakest"})
# what makes "weak" the writer's before a medicine's name: "so tired and [weak] ibuprofen does nothing", "felt [weak]"
_WRITERS_WEAKNESS_BEFORE = frozenset("and & , but so too very really feel feels felt feeling am im 'm is was were are "
                                     "been being get got getting".split())


def drop_medicine_strengths(words: list[str], spans: Spans) -> Spans:
    """``spans`` without a bare "weak" SYMPTOM right before a DRUG ("a [weak] [statin]" is no weakness)."""
    starts = {span[0]: span for span in spans}
    return [span for span in spans if not (
        span[2] == "SYMPTOM" and span[1] - span[0] == 1 and words[span[0]] in STRENGTH_WORDS
        and starts.get(span[1], (0, 0, ""))[2] == "DRUG"
        and (span[0] == 0 or words[span[0] - 1] not in _WRITERS_WEAKNESS_BEFORE))]


# A complaint word glued by a hyphen to a verb it describes: "rage-scrolling", "panic-buying", "rage-quit" (round 38).
HYPHEN_MODIFIERS = frozenset({"rage", "panic"})
_MODIFIED_VERBS = frozenset({"quit", "quits", "quitting", "buy", "buys", "bought"})


def drop_hyphen_modifiers(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"wide awake rage-scrolling": the word says how the act is done, no complaint of the writer's."""
    return [span for span in spans if not (
        span[1] - span[0] == 1 and span[2] == "SYMPTOM" and words[span[0]] in HYPHEN_MODIFIERS
        and lay_hyphen_words.glued_suffix(doc, words, span[1]) is not None
        and (words[span[1] + 1].endswith("ing") or words[span[1] + 1] in _MODIFIED_VERBS))]


# (batch 101) "Is RCT painful?", "the ENT can do cautery. does that hurt??", "will the biopsy hurt?": the pain a
# procedure may give, asked about before it, is no complaint (earlier gold leaves all five such questions out). Only
# with the procedure named as the subject or in the sentence before, and the question mark right after the word, so
# "does it hurt when you pee?" (a complaint asked about) and "is your knee painful?" stay.
PAIN_QUESTION_WORDS = frozenset({"painful", "hurt", "hurts", "sore"})
_ASKING_VERBS = frozenset("is was will would does did do can could".split())
_ASKED_SUBJECTS = frozenset({"it", "that", "this", "they", "those", "these"})
_PROCEDURES = frozenset({"TREATMENT", "TEST"})
_PROCEDURE_REACH = 15  # tokens back from the question in which "it" or "that" finds its procedure


def drop_pain_questions(words: list[str], spans: Spans) -> Spans:
    """``spans`` without a one-word pain asked about a procedure ("is [RCT] painful?")."""
    n = len(words)
    procedures = [span for span in spans if span[2] in _PROCEDURES]
    if not procedures:
        return spans
    kept = []
    for span in spans:
        start, end = span[0], span[1]
        if span[2] == "SYMPTOM" and end - start == 1 and words[start] in PAIN_QUESTION_WORDS and end < n \
                and words[end] == "?" and _asks_of_procedure(words, start, procedures):
            continue
        kept.append(span)
    return kept


# A procedure already done, whose pain is then the patient's: "had my root canal 3 days ago ... is it painful?"
_DONE_MARKS = frozenset("had got done did was were ago yesterday last after since back".split())


def _asks_of_procedure(words: list[str], at: int, procedures: Spans) -> bool:
    """The question before ``at`` opens on an asking verb whose subject is a procedure still to come, or "it"/"that"
    with such a procedure named shortly before: "[Is] [RCT] painful", "does that hurt", "will it be painful"; not
    "why is it sore" nor a pain after a procedure told as done."""
    k = at - 1
    if k >= 0 and words[k] == "be":
        k -= 1  # "will it be painful"
    for proc in procedures:
        opener = proc[0] - 1
        if opener >= 1 and words[opener] in ("the", "a"):
            opener -= 1
        if proc[1] == k + 1 and opener >= 0 and words[opener] in _ASKING_VERBS:
            return not (opener and words[opener - 1] == "why")  # "is [RCT] painful", "is the [biopsy] painful"
    if k >= 1 and words[k] in _ASKED_SUBJECTS and words[k - 1] in _ASKING_VERBS \
            and not (k >= 2 and words[k - 2] == "why"):
        # a procedure told of in a question of its own is still to come: "Anyone had a cardioversion done? does it hurt?"
        return any(at - _PROCEDURE_REACH <= proc[1] <= k - 1
                   and (_DONE_MARKS.isdisjoint(words[proc[0] - 2:k - 1]) or "?" in words[proc[1]:k - 1])
                   for proc in procedures if proc[0] >= 2)
    return False
