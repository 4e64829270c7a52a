"""Assertion status and experiencer of each entity: ConText (Harkema et al., 2009) for Q&A text.

A trigger phrase ("no", "could this be", "if", "years ago", "what are the symptoms of")
modifies the entities in its scope: forward or backward from the trigger, inside the sentence,
up to a terminator ("but", "however") or ``max_scope`` tokens (or the rule's own scope). One
phrase matcher finds every trigger in one pass, so the component costs little more than the
tokenizer. The rules are ``qatext/resources/context/rules.tsv`` (triggers) and ``people.tsv``
(relatives, other people, personal words).

Clinical notes speak of one patient; questions and replies often speak of a condition in
general, of time as patients tell it, and of other people. So, per entity, in this order:

1. **generic** (experiencer ``none``): a generic cue reaches it ("what are the symptoms of",
   "is X hereditary", "people with", "X is usually treated with") and no personal word ("my",
   "your", "this", "he", ...) stands between cue and mention or just before them. Generic beats
   negation and hedges: "Psoriasis is not contagious" is generic. Besides the phrases, the shape
   of a clause makes it general: a bare subject opening it with a general verb, maybe after its
   modifier ("Ulcers caused by anti-inflammatories usually heal"), or after a question's
   auxiliary ("does type 1 diabetes skip a generation?"), and a question put to a group ("do kids
   ...", rules.tsv's ``<aux> <group>``).
2. **family** (experiencer ``relative``): a relative's mention ("my sister has epilepsy",
   "family history of", "runs in my family") that is background to someone else's story; an
   explicit denial ("no family history of X") is ``negated`` with experiencer ``relative``.
   When the passage is *about* a relative (it opens with "my 5-year-old has ...", "my mom (76)
   keeps ...", "your son's ..."), that relative is the patient: their mentions get ordinary
   statuses with experiencer ``patient``; other relatives' mentions, and the asker's own "I have
   X", are ``family``.
3. Ordinary statuses, experiencer ``patient`` (or ``other`` for friends, coworkers, partners:
   "a guy at work has shingles" is present, other): ``negated`` (a prohibition too: "do not
   take X", "avoid X"), but "not ... anymore" is ``historical``; then ``hypothetical``, then
   ``possible``; then ``historical`` when an episode is over ("as a child", "recovered",
   "stopped", "..., but it went away") or set in the past ("years ago", "last year", "in 2015")
   with nothing ongoing in reach ("started", "since", "for the past few months", "diagnosed
   with"): recent onset and a past diagnosis that is still there stay ``present``. A test done
   at any date is ``present``, and never ``possible``.

``ent._.assertion_cue`` is the trigger phrase that decided the status (None when nothing did).
The rules read the sentence only: they do not need to know whether a text is a question or a
reply (a reply's "your"/"you" ties a mention to the asker the way "my"/"I" does in a question).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from operator import itemgetter

import numpy as np
from spacy.attrs import ENT_IOB, LOWER, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from qatext.ner import extensions
from qatext.ner.batching import BatchedPipe
from qatext.ner.extensions import USER_DATA_PREFIX
from qatext.resources import read_tsv

# Categories that give a status; "over", "prohibited" and "anymore" are refinements of
# historical and negated, "ongoing" cancels "historical", "until" cancels a negation ("never had
# chest pain until last tuesday"), "generic" is decided first.
MODIFIERS = frozenset({"negated", "possible", "hypothetical", "historical", "family", "generic", "over", "ongoing",
                       "prohibited", "anymore", "self", "until"})
CATEGORIES = MODIFIERS | {"terminate", "pseudo", "general"}
# "antecedent": backward to an earlier mention of the sentence, across terminators, for phrases
# that point back with a pronoun ("..., but it went away", "so i stopped both").
# "opening": forward; when the trigger opens its sentence or clause ("If X, Y", "...; if X, Y"),
# to the end of the sentence across soft terminators (the consequence is conditional too).
# "fronted": forward, only when the trigger opens its sentence or clause, up to 20 tokens or its scope
# ("Since last month I get dizzy", "Most ear infections clear without antibiotics").
DIRECTIONS = ("forward", "backward", "both", "antecedent", "opening", "fronted")
# Placeholders a rule phrase may carry, expanded when the rules are read ("in <year>").
PLACEHOLDERS = {
    # A yes/no question put to a whole group is general ("do kids grow out of tics?", "can adults get eczema?").
    "<aux>": ["do", "does", "can", "could", "will", "should", "are", "is", "cant", "dont", "would", "might"],
    # A yes/no question about "a" or "an" something ("can a cold turn into pneumonia?"), only opening its clause.
    # Not "do" ("do a brain mri as soon as possible" is advice) nor "will" ("will a blood test show it?" asks
    # about one's own).
    "<ask>": ["does", "can", "is", "are", "should", "cant", "doesnt", "isnt"],
    "<group>": ["people", "kids", "children", "adults", "grown adults", "women", "men", "babies", "toddlers",
                "infants", "teens", "teenagers", "someone", "anyone", "a kid", "a child", "a person", "a baby",
                "pregnant women", "older people", "elderly people", "the elderly", "girls", "boys", "athletes",
                "smokers", "diabetics", "patients", "humans", "non smokers", "non-smokers", "nonsmokers"],
    # "all <groupnoun>": "do all kids ...", "dont all men ...".
    "<groupnoun>": ["people", "kids", "children", "adults", "women", "men", "babies", "toddlers", "infants", "teens",
                    "teenagers", "girls", "boys", "smokers", "diabetics", "patients"],
    "<year>": [str(year) for year in range(1950, 2031)],
    "<month>": ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december"],
}
# What ends an "opening" trigger's reach: a new clause of its own, or a contrast.
_HARD_TERMINATORS = frozenset({";", "but", "however", "although", "though", "tho", "altho"})
# "because" opens a statement of its own too: "..., go to the emergency department, because gallstones can block ...".
_CLAUSE_OPENERS = frozenset({";", ":", "because", "although", "though", "whereas"})
# An "opening" or "fronted" trigger also opens a clause after a comma, "and" or "but": "..., and if the bleeding
# does not settle, we can discuss a hormonal IUD", "my dad is 72 and since my mom died in march he barely eats".
_TRIGGER_CLAUSE_OPENERS = _CLAUSE_OPENERS | {",", "and", "but", "or"}
# "and i", ", i": the asker starts a new clause (found in code; the phrases starting with "i" keep their roles).
_NEW_CLAUSE_BEFORE_SELF = (",", "and")
# "or" before a question's auxiliary, a comma before "would", "could", "should", "is", "are", and "and" before "will"
# / "should": a new question starts ("his dad has ADHD and takes concerta, would concerta even be an option"). Not
# "and do" ("and do a blood test"), "and does" or "and can" ("is almost universal and does not lead to prostate
# cancer"); a comma before "can", "do", "will" is left out for cost (frequent, and mostly no new question).
# After "or" also "did" ("or did i pick it up somewhere else"); not after a comma ("had lyme in 2021, did 3 weeks of
# doxy, fully recovered" is a statement), and not "or has" ("my boyfriend is bipolar or has borderline ...").
_QUESTION_STARTS = ("will", "should", "is", "are", "can", "could", "does", "would", "might", "cant", "isnt", "doesnt",
                    "arent", "do")
_NEW_QUESTION_OPENERS = [("or", auxiliary) for auxiliary in (*_QUESTION_STARTS, "did")] + [
    (",", auxiliary) for auxiliary in ("would", "could", "should", "is", "are")] + [("and", "will"), ("and", "should")]
_TIME_CATEGORIES = frozenset({"historical", "over", "ongoing"})
# An emoji closes what the poster was saying ("i still leak when i sneeze 😩 had a tear that healed fine"): each
# pictograph, emoticon, symbol and dingbat (U+2600-U+27BF, U+1F300-U+1FAFF) is a terminator phrase of its own, found
# by the phrase matcher in the same pass as the triggers.
_EMOJI_RANGES = ((0x2600, 0x27C0), (0x1F300, 0x1FB00))
_EMOJI = frozenset(chr(code) for first, last in _EMOJI_RANGES for code in range(first, last))
# The tokenizer splits what modifies an emoji into tokens of their own ("❤️" is "❤" and U+FE0F, "👍🏽" is "👍" and
# a skin tone): the variation selector and the zero-width joiner stand where the emoji ends too (the skin tones,
# U+1F3FB-U+1F3FF, are in the ranges above).
_EMOJI_MODIFIERS = frozenset({"\ufe0f", "\u200d"})
# Directions as small ints, compared in the loop over (mention, trigger) pairs.
_FORWARD, _BACKWARD_ONLY, _BOTH, _ANTECEDENT, _OPENING, _FRONTED = range(6)
_DIRECTION_CODES = dict(zip(DIRECTIONS, (_FORWARD, _BACKWARD_ONLY, _BOTH, _ANTECEDENT, _OPENING, _FRONTED)))
_OPENING_SCOPE = 20  # tokens: a run-on sentence with no punctuation does not stay conditional to its end
# A test is done or planned: whether it exists is never uncertain ("cant rule out mono, sent me for a blood test").
# Nor is a drug or treatment: taken, stopped, refused or considered, never a guess ("is it the letrozole or could the
# cancer have come back", "my gyno suggests HRT"; no drug or treatment in the gold is possible).
_NEVER_POSSIBLE_LABELS = frozenset({"TEST", "DRUG", "TREATMENT"})
# "maybe", "perhaps", "possibly" right before a test, drug or treatment name a step that may come ("theyve booked an
# MRI and then maybe a biopsy", "maybe try allegra?"): hypothetical, where before a disease they hedge.
_MAYBE_STEPS = frozenset({"maybe", "perhaps", "possibly"})
_MAYBE_STEP_TOKENS = 2
# ... with only these between ("maybe a glass of wine a month" is an amount).
_STEP_WORDS = ("a", "an", "the", "some", "try", "trying", "start", "starting", "get", "getting", "do", "doing",
               "another", "then")
# A step with its condition right after it is a plan that may not happen: "and a biopsy if the node looks abnormal",
# "my gp said metformin if diet doesnt work" (in code, not a backward "if" rule: "if" is frequent, and a rule would
# be one more trigger for every mention near every "if").
_PLANNED_LABELS = frozenset({"DRUG", "TREATMENT", "TEST"})
# ... "if" at most this many tokens after it, past a time or dose of the step's own ("in two weeks if"), not past a
# verb or subject that starts another clause ("his CGM will alarm if lows occur", "i take metformin and it helps if
# ...", "started metformin she said if ..."; the personal words of people.tsv count too), nor past a time that dates
# the step ("had my gallbladder removed last year if that matters").
_PLANNED_IF_TOKENS = 5
_PLAN_BREAKS = frozenset({"and", "or", "but", "so", "it", "we", "they", "is", "was", "helps", "helped", "works",
                          "worked", "because", "when", "even", "only", "will", "would", "can", "may", "might", "should",
                          "last", "ago", "yesterday", "already"})
# A yes/no question about what something will do to someone names an effect that may come: "will clomid give me hot
# flashes?", "could the steroids make her diabetic?", "can living with a smoker give me asthma?", "will it turn into
# cancer?" (a modal opening the
# sentence or clause, the verb at most _EFFECT_TOKENS before it, its object between them). Of a bare subject it is
# asked in general, and generic wins ("can a varicocele make you infertile?").
_EFFECT_LABELS = frozenset({"SYMPTOM", "DISEASE"})
_EFFECT_VERBS = frozenset({"give", "make", "cause", "trigger", "turn", "progress", "develop", "lead"})
_EFFECT_MODALS = frozenset({"will", "would", "could", "can", "might", "wo", "ca", "cant", "wont", "does", "do"})
# "does" and "do" ask how things are, not what will come: only their general reading counts ("does rain really make
# arthritis worse?"); "does it make you tired?" is left to the other rules. Only in a sentence with a "?": "Do make
# sure the rash is checked by a doctor." is advice.
_PRESENT_MODALS = ("does", "do")
_EFFECT_TOKENS = 4  # "turn into an aggressive lymphoma"
_EFFECT_MODAL_TOKENS = 8
# "come back" reads as what may come only after a modal or "if" opening the mention's clause ("will the migraines
# come back once i stop the propranolol?", "if the polyps come back"), not in a habitual present ("my migraines
# come back every time i stop the propranolol"); the modal at most _EFFECT_MODAL_TOKENS before the mention.
_MAY_COME_PHRASES = frozenset({"come back"})
_MAY_COME_WORDS = frozenset({"will", "would", "could", "can", "might", "may", "should", "wo", "ca", "cant", "wont",
                             "'ll", "’ll", "if", "unless"})
# A yes/no question asks whether a complaint is "gone": it does not tell it is over ("is the fever gone?").
_ASKED_STATE_PHRASES = frozenset({"gone"})
_STATE_QUESTION_AUXILIARIES = frozenset({"is", "are", "was", "were", "has", "have", "had"})
# "since the/my/your X" is the event a course started from, unless a verb in the present follows X: then "since"
# means "because" ("Since your headaches now wake you at night, ...", "since my asthma is mild").
_SINCE_PHRASES = frozenset({"since the", "since my", "since your", "since his", "since her"})
_CAUSAL_SINCE_VERBS = frozenset({"is", "are", "has", "have", "now", "keeps", "keep", "remains", "remain", "seems",
                                 "seem", "'s", "’s", "still"})
# A negation inside a condition belongs to it and ends with the condition's comma ("if the cream does not work
# within a week, terbinafine tablets are next"); the condition opens at most this many tokens before the negation.
_CONDITIONALS = frozenset({"if", "unless", "when", "once"})
_CONDITION_TOKENS = 8
# A second question about a generic subject, "and does it ...", reaches this many tokens past the generic mention.
_ASKS_AGAIN_TOKENS = 12
# What joins two conjuncts that share a generic status ("ACE inhibitors and spironolactone", "X or Y").
_CONJUNCTIONS = frozenset({"and", "or", "nor", "and/or"})
# What follows an item of a list: the comma before the item is the list's, not the end of the condition.
_LIST_JOINERS = frozenset({",", "and", "or"})
# ... and what may stand before that item, after the comma or its "and", "or" ("i dont have a fever, a cough or a
# sore throat").
_LIST_DETERMINERS = frozenset({"a", "an", "any", "some"})
# Negations that take a list of findings ("No CP, presyncope or ascites", "Denies headache, visual changes
# or RUQ pain", "Absence of rebound, guarding, and rigidity"): a comma after them goes on with the list even
# where an item is no entity, as in clinical notes; only a verbal negation's comma may end its reach.
_LIST_NEGATIONS = frozenset({"no", "denies", "denied", "deny", "denying", "without", "negative", "absence", "absent",
                             "free", "neither", "nor"})
# A mention after a negation's "and" with one of these right after it opens a clause of its own ("no swelling and
# blood pressure was normal"); one of the second set right before it is a finding ("no oedema and a normal blood
# pressure").
_COPULAS = frozenset({"is", "are", "was", "were"})
_NORMAL_WORDS = frozenset({"normal", "good", "fine"})
# A test right after "if" and one of these is the condition's subject, a result being watched, not a test that may be
# done: "if your eGFR keeps falling, switching to lamotrigine would be reasonable", "if the CT is normal, ...".
_CONDITION_SUBJECT_WORDS = frozenset({"the", "your", "my", "his", "her", "their", "our", "its"})
# An auxiliary opening a yes/no question before a bare disease or drug and a general verb
# ("can endometriosis cause infertility?", "do seizures cause brain damage?") asks in general.
_QUESTION_AUXILIARIES = frozenset({"can", "could", "does", "do", "will", "would", "might", "cant", "doesnt", "dont",
                                   "ca", "wo", "n't", "n’t", "nt", "is", "are", "isnt", "arent"})
# After these, a bare subject asks about the condition itself whatever the verb ("does type 1 diabetes skip a
# generation?", "can chronic hives go on for years?"); "could", "would", "might" and "is" need a general word
# ("could anxiety cause this?" asks about one's own case, "is kidney disease always silent?" does not).
# "do" and "dont" only in a sentence that ends with "?" ("do yoga and meditation daily" is advice, "dont take
# ibuprofen" a prohibition); "does" and "can" never open an imperative, and patients often leave the "?" out
# ("does milia ever clear up on its own or does it need a dermatologist").
_ANY_VERB_AUXILIARIES = frozenset({"can", "does", "do", "cant", "doesnt", "dont"})
_IMPERATIVE_AUXILIARIES = frozenset({"do", "dont"})
# A bare disease opening a sentence with a denial states what the disease is not ("Gout is not only caused by
# diet", "Benign prostate enlargement does not lead to prostate cancer").
_DENIED_COPULAS = frozenset({"is", "are", "does", "do"})
_DENIALS = frozenset({"not", "n't", "nt"})
# "is X a ...", "isnt X just ...", "is X part of ...", "is X something ...": a question that asks what a condition
# is ("isnt COPD just a smokers disease?", "is insomnia part of anxiety or a separate thing?").
_COPULA_QUESTIONS = frozenset({"is", "are", "isnt", "arent"})
# Not "the": "is cervical polyp the reason?" asks about the asker's own.
# "ever": "is proteinuria ever harmless in young people?" asks whether it can be, in anyone.
_DEFINING_WORDS = frozenset({"a", "an", "just", "only", "part", "something", "really", "actually", "always", "ever"})
# Only of a disease or symptom: "is baking soda a good choice?" asks about one's own use.
_DEFINED_LABELS = frozenset({"DISEASE", "SYMPTOM"})
# "is X linked to Y?", "is X caused by ...", "is X safe for ...", "are X contagious": a copula question whose bare
# subject takes a predicate of how a condition or drug relates, spreads or harms in general (any label but a test,
# which _opens_question's caller leaves out), and whether it is known, proven, effective or any good ("are NSAIDs known
# to cause ulcers?", "is buspar any good for panic disorder?"). Not "serious" or "normal": "is a heart rate of 110
# normal?" asks about one's own.
_QUESTION_PREDICATES = frozenset({"linked", "related", "connected", "associated", "caused", "triggered", "passed",
                                  "transmitted", "inherited", "hereditary", "genetic", "contagious", "infectious",
                                  "safe", "dangerous", "harmful", "common", "rare", "curable", "treatable",
                                  "preventable", "reversible", "permanent", "fatal", "deadly", "autoimmune",
                                  "known", "proven", "effective", "addictive", "any", "good", "bad"})
# A yes/no question or a general statement may open a clause after these too ("..., but can chronic hives go
# on for years?", "..., and pityriasis versicolor is not passed on by touch").
_SUBJECT_CLAUSE_OPENERS = frozenset({",", "and", "but", "so", ";", ":", "because", "or", "although", "though",
                                     "whereas"})
# Words after a bare subject that start its modifier ("Asthma that wakes someone at night is poorly controlled",
# "Ulcers caused by anti-inflammatories usually heal", "Tinnitus without hearing loss often fades", "iron
# deficiency in a man of 58 comes from the gut"), or an adverb before its verb ("SGLT2 inhibitors also slow ...").
_SUBJECT_MODIFIERS = frozenset({"that", "which", "who", "caused", "due", "without", "with", "in", "after", "from",
                                "of", "on", "among", "associated", "related", "induced", "such", "before", "during",
                                "lasting", "taken", "given", "started", "returning", "used"})
_SUBJECT_ADVERBS = frozenset({"also", "even", "still", "ever", "really", "actually", "more", "less", "very", "indeed"})
_SUBJECT_MODIFIER_TOKENS = 8
# After a modifier the verb must say how a condition goes in general (a one-word course or frequency word, or a
# longer general phrase): "pain in the lower left quadrant can be due to ..." and "left abdominal pain with
# indigestion may indicate gastritis" explain the asker's own case.
_COURSE_WORDS = frozenset({"usually", "often", "typically", "classically", "generally", "commonly", "rarely", "seldom",
                           "mostly", "always", "occasionally", "tends", "tend", "occurs", "heal", "heals", "fade",
                           "fades", "lasts", "remains", "runs", "strikes", "affects", "spread", "spreads",
                           "normally", "progresses", "settles", "clears"})
# A general statement reported inside a personal story opens its own clause: "i read that thyroid problems are
# common in women", "i heard shingles is contagious", "is it true that ...".
_REPORTING_WORDS = frozenset({"read", "heard", "know", "knew", "learned", "learnt", "true", "says", "say", "said",
                              "told", "apparently", "supposedly"})
# Those that hand the clause to someone else even after the asker's "i" ("i heard statins can cause muscle
# pain"; not "you need to know the cause of ...").
_REPORTED_BY_OTHERS = frozenset({"read", "heard", "says", "say", "said", "told", "apparently", "supposedly"})
# A reply's answer to a yes/no question, then a comma, opens the clause of a bare subject ("Yes, Hashimoto's
# thyroiditis runs in families").
_ANSWERS = frozenset({"yes", "no"})
# A wh-word at most this many tokens before a question's auxiliary opens the question ("how long does", "at what age
# does"): the bare subject after the auxiliary is asked about in general.
_WH_WORDS = frozenset({"how", "what", "why", "when", "which", "whats", "hows"})
_WH_TOKENS = 3
# A bare subject may open its sentence after one of these, outside the entity: "Untreated high cholesterol raises
# the risk of heart attack".
_SUBJECT_QUALIFIERS = frozenset({"untreated", "uncontrolled", "undiagnosed", "unmanaged", "unchecked"})
# A sentence may open with these before its bare subject: "But iron deficiency in a man of 58 comes from the gut".
_SENTENCE_CONJUNCTIONS = frozenset({"and", "but", "so", "also"})
# Punctuation that ends a backward generic frame: "my son has X, is it contagious?" is not about X in general.
_CLAUSE_PUNCT = frozenset({",", ";", ":", "?", "!"})
# Words that point at one case ("what is this rash"); "they" also ends a backward frame
# ("my kids have lice, are they contagious"), but "people with X ... if they do chemo" stays general.
_DEMONSTRATIVES = frozenset({"this", "these", "that", "those", "it", "its"})
_BACKWARD_BLOCKERS = frozenset({"they", "their"})
# Right before a mention they make it the case at hand ("this discomfort is caused by a pinched nerve").
_CASE_DETERMINERS = frozenset({"this", "these"})
# A relative named without "my" ("mom has hashimotos") when a verb follows; never a child word.
_BARE_RELATIVE_VERBS = frozenset({"has", "had", "have", "was", "is", "takes", "took", "died", "passed", "also", "both",
                                  "and", "suffers", "suffered", "got", "tested", "'s", "’s"})
# A bare disease or drug opening a sentence with a "general" verb (rules.tsv) states something
# in general: "Statins lower the risk", "Gout classically strikes", "Celiac disease can appear".
_GENERIC_SUBJECT_LABELS = frozenset({"DISEASE", "DRUG", "TREATMENT"})
_MODIFIED_SUBJECT_LABELS = frozenset({"DISEASE", "DRUG", "TREATMENT", "SYMPTOM"})
_GENERIC_SUBJECT_SCOPE = 30
_first = itemgetter(0)
_AFTER_ANY_MATCH = float("inf")  # compares above any (end, id) in a (start, end, id) match
_GROUP_TOKENS = 3  # "in older men", "in menstruating women", "in children under five"
_POSSESSORS = frozenset({"my", "your", "our", "his", "her", "their"})
_SUBJECT_POSSESSORS = frozenset({"my", "your", "our"})
_PROXY_WORDS = frozenset({"have", "for", "about", "asking", "question", "concerned", "worried"})
# Several relatives at once ("my whole family has", "my parents both had") are never the subject.
_GROUPS_OF_RELATIVES = frozenset({"family", "parents", "grandparents", "siblings"})
# An owner word after these places another person, it does not start the asker's clause ("my coworker next to me").
_PERSON_PREPOSITIONS = frozenset({"from", "to", "at", "of", "near", "beside", "behind"})
_HISTORY_VERBS = frozenset({"had", "died", "passed", "suffered", "also"})
_SUBJECT_SCAN_TOKENS = 40
_POSSESSOR_WINDOW = 3
# Read in one Doc.to_array call (iterating tokens or doc.sents costs several times more); attribute
# ids rather than names save looking each name up on every call.
_ARRAY_ATTRS = [LOWER, SENT_START, ENT_IOB]


@dataclass(frozen=True)
class Rule:
    phrase: str
    category: str
    direction: str
    labels: frozenset[str] | None = None  # None: every label
    exclude_labels: bool = False  # True: every label but ``labels``
    scope: int | None = None

    def applies_to(self, label: str) -> bool:
        if self.labels is None:
            return True
        return (label in self.labels) != self.exclude_labels


@dataclass(frozen=True)
class Person:
    phrase: str
    who: str  # relative, other, self, addressee, third, reporter
    group: str


def _rows(name: str) -> list[dict]:
    return read_tsv("context", name, short_rows=True)


def _expand(phrase: str) -> list[str]:
    for placeholder, values in PLACEHOLDERS.items():
        if placeholder in phrase:
            return [expanded for value in values for expanded in _expand(phrase.replace(placeholder, value))]
    return [phrase]


def load_rules() -> list[Rule]:
    rules = []
    for row in _rows("rules.tsv"):
        if row["category"] not in CATEGORIES or row["direction"] not in DIRECTIONS:
            raise ValueError(f"qatext/resources/context/rules.tsv: bad rule {row}")
        labels_text = (row.get("labels") or "").strip()
        exclude = labels_text.startswith("!")
        labels = frozenset(labels_text.lstrip("!").split(",")) if labels_text else None
        scope_text = (row.get("scope") or "").strip()
        try:
            scope = int(scope_text) if scope_text else None
        except ValueError as error:
            raise ValueError(f"qatext/resources/context/rules.tsv: bad scope in {row}") from error
        rules.extend(Rule(phrase, row["category"], row["direction"], labels, exclude, scope)
                     for phrase in _expand(row["phrase"]))
    return rules


def load_people() -> list[Person]:
    people = []
    for row in _rows("people.tsv"):
        if row["who"] not in ("relative", "other", "self", "addressee", "third", "reporter"):
            raise ValueError(f"qatext/resources/context/people.tsv: bad row {row}")
        people.append(Person(row["phrase"], row["who"], row["group"]))
    return people


def _word_hashes(strings, words) -> frozenset[int]:
    """The hashes of ``words`` in ``strings`` (added if new), for tests against ``doc.to_array`` columns."""
    return frozenset(strings.add(word) for word in words)


def _write(user_data: dict, start_char: int, end_char: int, status: str, experiencer: str, cue: str | None) -> None:
    """Only what differs from the defaults is written: most mentions are present and the patient's. Written where
    ``ent._.x = value`` would put it, without an Underscore object per entity."""
    if status != "present":
        user_data[(USER_DATA_PREFIX, "assertion", start_char, end_char)] = status
    if experiencer != "patient":
        user_data[(USER_DATA_PREFIX, "experiencer", start_char, end_char)] = experiencer
    if cue is not None:
        user_data[(USER_DATA_PREFIX, "assertion_cue", start_char, end_char)] = cue


class _LabelNames(dict):
    """Label hash -> label, filled on first sight."""

    def __init__(self, strings):
        super().__init__()
        self._strings = strings

    def __missing__(self, key: int) -> str:
        self[key] = self._strings[key]
        return self[key]


@dataclass(frozen=True)
class _Cue:
    """A person mention found in the text: who they are and how far their clause reaches."""

    start: int
    end: int
    person: Person
    possessor: str | None


@dataclass(frozen=True)
class _Roles:
    """What a matched rule phrase does, worked out once from its rules."""

    # The rules that give or refine a status, in rules.tsv order, as what the loop over (mention, trigger)
    # pairs reads: (category, direction code, scope, phrase, whether the rule names labels, rule).
    modifiers: tuple[tuple[str, int, int, str, bool, Rule], ...]
    terminates: bool
    hard: bool  # also ends an "opening" trigger's reach
    general: Rule | None  # a general verb after a bare subject ("Statins lower ...")


def _modifier(rule: Rule, max_scope: int) -> tuple[str, int, int, str, bool, Rule]:
    direction = _DIRECTION_CODES[rule.direction]
    default_scope = _OPENING_SCOPE if direction == _FRONTED else max_scope
    return (rule.category, direction, rule.scope if rule.scope is not None else default_scope, rule.phrase,
            rule.labels is not None, rule)


def _roles(rules: list[Rule], max_scope: int) -> _Roles:
    # A pseudo trigger has no role: it only takes its tokens (so "no change in" hides "no").
    terminators = [r for r in rules if r.category == "terminate"]
    return _Roles(modifiers=tuple(_modifier(r, max_scope) for r in rules if r.category in MODIFIERS),
                  terminates=bool(terminators),
                  hard=any(r.phrase in _HARD_TERMINATORS for r in terminators),
                  general=next((r for r in reversed(rules) if r.category == "general"), None))


# What _matches finds: modifiers (start, end, then the six fields of a _Roles modifier), terminator starts, hard terminator starts,
# general verbs by start, people (start, end, person), starts of the asker's new clauses (", i"), and every
# match kept (start, end, id), sorted.
_Found = tuple[list[tuple], list[int], list[int], dict[int, Rule], list[tuple[int, int, Person]], list[int],
               list[tuple[int, int, int]]]


class ConTextAssertion(BatchedPipe):
    """Sets ``ent._.assertion``, ``ent._.assertion_cue`` and ``ent._.experiencer`` on every entity."""

    def __init__(self, nlp: Language, name: str = "qatext_context", *, max_scope: int = 10, status_model=None):
        extensions.register()
        self.name = name
        self.max_scope = max_scope
        # A learned model that may revise some statuses after the rules (qatext.ner.status_model), or None.
        self.status_model = status_model
        self.rules = load_rules()
        people = load_people()
        # One matcher for triggers and people: one pass, and the longest phrase wins between them
        # too ("as a kid" is a time, not a child; "children with" is generic, not a relative).
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._roles_of: dict[int, _Roles] = {}
        self._person_of: dict[int, Person] = {}
        by_phrase: dict[str, list[Rule]] = {}
        for rule in self.rules:
            by_phrase.setdefault(rule.phrase.lower(), []).append(rule)
        for emoji in sorted(_EMOJI):
            by_phrase.setdefault(emoji, []).append(Rule(emoji, "terminate", "forward"))
        longest = 1
        # One-word general verbs ("can", "do", "take": a fifth of all matches) are looked up after the bare
        # subjects only: a one-word phrase takes no tokens from a longer one, so leaving them out of the
        # matcher changes no other match.
        self._general_words: dict[int, Rule] = {}
        for index, (phrase, rules) in enumerate(by_phrase.items()):
            key = f"rule{index}"
            # A one-character phrase (the emoji) is one token: built without the tokenizer, 2,500 of them.
            pattern = Doc(nlp.vocab, words=[phrase]) if len(phrase) == 1 else nlp.make_doc(phrase)
            longest = max(longest, len(pattern))
            roles = _roles(rules, max_scope)
            if len(pattern) == 1 and roles.general is not None and not roles.modifiers and not roles.terminates \
                    and all(rule.category == "general" for rule in rules):
                self._general_words[pattern[0].lower] = roles.general
                continue
            self.matcher.add(key, [pattern])
            self._roles_of[nlp.vocab.strings[key]] = roles
        # How far a trigger can be from a mention it reaches: only those modifiers are looked at.
        self._window = longest + max([max_scope, _OPENING_SCOPE, _GENERIC_SUBJECT_SCOPE] +
                                     [rule.scope for rule in self.rules if rule.scope is not None])
        words: dict[str, set[int]] = {}
        for index, person in enumerate(people):
            if person.who in ("relative", "other"):
                key = f"person{index}"
                self.matcher.add(key, [nlp.make_doc(person.phrase)])
                self._person_of[nlp.vocab.strings[key]] = person
            elif " " not in person.phrase:
                words.setdefault(person.who, set()).add(nlp.vocab.strings.add(person.phrase.lower()))
        # Token tests compare LOWER hashes, read once per doc with Doc.to_array.
        self._self_words = frozenset(words.get("self", ()))
        # Who owns a clause: a relative's reach stops at "I", "my", "you", "your".
        self._owner_words = frozenset(words.get("self", set()) | words.get("addressee", set()))
        self._third_words = frozenset(words.get("third", ()))
        self._personal_words = frozenset(words.get("self", set()) | words.get("addressee", set()) | words.get("third", set()))
        self._reporters = frozenset(words.get("reporter", ()))
        self._demonstratives = _word_hashes(nlp.vocab.strings, _DEMONSTRATIVES)
        self._generic_blockers = self._personal_words | self._demonstratives
        # The same without "you", "your": what still ties a question's bare subject to someone.
        self._impersonal_personal = self._personal_words - words.get("addressee", set())
        self._impersonal_blockers = self._impersonal_personal | self._demonstratives
        self._case_determiners = _word_hashes(nlp.vocab.strings, _CASE_DETERMINERS)
        self._backward_blockers = self._generic_blockers | _word_hashes(nlp.vocab.strings, _BACKWARD_BLOCKERS)
        self._bare_relative_verbs = _word_hashes(nlp.vocab.strings, _BARE_RELATIVE_VERBS)
        self._clause_punct = _word_hashes(nlp.vocab.strings, _CLAUSE_PUNCT)
        self._clause_openers = _word_hashes(nlp.vocab.strings, _CLAUSE_OPENERS)
        self._possessors = {nlp.vocab.strings.add(w): w for w in _POSSESSORS}
        self._person_prepositions = _word_hashes(nlp.vocab.strings, _PERSON_PREPOSITIONS)
        self._proxy_words = _word_hashes(nlp.vocab.strings, _PROXY_WORDS)
        self._trigger_clause_openers = _word_hashes(nlp.vocab.strings, _TRIGGER_CLAUSE_OPENERS)
        self._i = nlp.vocab.strings.add("i")
        # ", i", "and ive": matched with the triggers (one pass) but kept out of the longest-match contest, so
        # that the phrases starting with "i" ("i had", "i suggest") keep their roles. "i" inside an entity is a
        # roman numeral ("type I diabetes"), hence its own key.
        self._clause_ids = {}
        for key, pronouns in (("qatext_clause", [w for w in words.get("self", ()) if w != self._i]),
                              ("qatext_clause_i", [self._i])):
            patterns = [nlp.make_doc(f"{separator} {nlp.vocab.strings[w]}") for separator in _NEW_CLAUSE_BEFORE_SELF
                        for w in sorted(pronouns)]
            self.matcher.add(key, [pattern for pattern in patterns if len(pattern) == 2])
            self._clause_ids[nlp.vocab.strings[key]] = key == "qatext_clause_i"
        # "and will ...", "or does ...": a new question opens its own clause ("how long before people with CKD end
        # up on dialysis, and will i need a fistula", "does ringworm need antifungal tablets or does a cream do"),
        # kept out of the longest-match contest like ", i" so that "will i" keeps its role.
        self.matcher.add("qatext_clause_question", [nlp.make_doc(f"{conjunction} {auxiliary}")
                                                    for conjunction, auxiliary in _NEW_QUESTION_OPENERS])
        self._clause_ids[nlp.vocab.strings["qatext_clause_question"]] = False
        self._in = nlp.vocab.strings.add("in")
        self._label_names = _LabelNames(nlp.vocab.strings)
        # Tokens after an entity that may start a one-word general verb or an "in" group ("Gout in older men is").
        self._verb_openers = frozenset(self._general_words) | {self._in} | _word_hashes(
            nlp.vocab.strings, _SUBJECT_MODIFIERS | _SUBJECT_ADVERBS)
        # What each matched id stands for, in one look-up: (roles, None) for a rule phrase, (None, person) for a person.
        self._plan = {**{key: (roles, None) for key, roles in self._roles_of.items()},
                      **{key: (None, person) for key, person in self._person_of.items()}}
        self._question_auxiliaries = _word_hashes(nlp.vocab.strings, _QUESTION_AUXILIARIES)
        self._any_verb_auxiliaries = _word_hashes(nlp.vocab.strings, _ANY_VERB_AUXILIARIES)
        self._imperative_auxiliaries = _word_hashes(nlp.vocab.strings, _IMPERATIVE_AUXILIARIES)
        self._denied_copulas = _word_hashes(nlp.vocab.strings, _DENIED_COPULAS)
        self._denials = _word_hashes(nlp.vocab.strings, _DENIALS)
        self._copula_questions = _word_hashes(nlp.vocab.strings, _COPULA_QUESTIONS)
        self._defining_words = _word_hashes(nlp.vocab.strings, _DEFINING_WORDS)
        self._question_predicates = _word_hashes(nlp.vocab.strings, _QUESTION_PREDICATES)
        self._define_or_deny = self._defining_words | self._denied_copulas | self._question_predicates
        # An emoji closes what came before too: "im terrified of getting dry socket 😭 how long does dry socket last?",
        # and so does its modifier after it ("my back is killing me ❤️ can sciatica last for months?").
        self._subject_clause_openers = _word_hashes(nlp.vocab.strings,
                                                    _SUBJECT_CLAUSE_OPENERS | _EMOJI | _EMOJI_MODIFIERS)
        self._subject_modifiers = _word_hashes(nlp.vocab.strings, _SUBJECT_MODIFIERS)
        self._subject_adverbs = _word_hashes(nlp.vocab.strings, _SUBJECT_ADVERBS)
        self._question_mark = nlp.vocab.strings.add("?")
        self._comma = nlp.vocab.strings.add(",")
        self._hash = nlp.vocab.strings.add("#")
        self._hyphen = nlp.vocab.strings.add("-")
        self._copulas = _word_hashes(nlp.vocab.strings, _COPULAS)
        self._plan_breaks = _word_hashes(nlp.vocab.strings, _PLAN_BREAKS) | self._personal_words
        self._if_subject_words = _word_hashes(nlp.vocab.strings, _CONDITION_SUBJECT_WORDS)
        self._normal_words = _word_hashes(nlp.vocab.strings, _NORMAL_WORDS)
        self._if = nlp.vocab.strings.add("if")
        self._answers = _word_hashes(nlp.vocab.strings, _ANSWERS)
        self._wh_words = _word_hashes(nlp.vocab.strings, _WH_WORDS)
        self._conditionals = _word_hashes(nlp.vocab.strings, _CONDITIONALS)
        self._that = nlp.vocab.strings.add("that")
        self._reporting_words = _word_hashes(nlp.vocab.strings, _REPORTING_WORDS)
        self._reported_by_others = _word_hashes(nlp.vocab.strings, _REPORTED_BY_OTHERS)
        self._sentence_conjunctions = _word_hashes(nlp.vocab.strings, _SENTENCE_CONJUNCTIONS)
        # What may stand right before a bare subject (see _opens_clause and _opens_question).
        self._subject_qualifiers = _word_hashes(nlp.vocab.strings, _SUBJECT_QUALIFIERS)
        self._subject_openers = self._clause_openers | self._reporting_words | self._sentence_conjunctions | {
            self._that} | self._question_auxiliaries | self._subject_qualifiers
        self._and = nlp.vocab.strings.add("and")
        self._conjunctions = _word_hashes(nlp.vocab.strings, _CONJUNCTIONS)
        self._effect_verbs = _word_hashes(nlp.vocab.strings, _EFFECT_VERBS)
        self._effect_modals = _word_hashes(nlp.vocab.strings, _EFFECT_MODALS)
        self._ability_modals = _word_hashes(nlp.vocab.strings, ("can", "ca", "cant"))
        # Before the effect they make it the complaint at hand; not "her" ("give her osteoporosis": an object).
        self._case_owners = _word_hashes(nlp.vocab.strings, ("this", "these", "that", "those", "my", "your", "his",
                                                             "our", "their"))
        self._present_modals = _word_hashes(nlp.vocab.strings, _PRESENT_MODALS)
        self._may_come_words = _word_hashes(nlp.vocab.strings, _MAY_COME_WORDS)
        self._state_question_auxiliaries = _word_hashes(nlp.vocab.strings, _STATE_QUESTION_AUXILIARIES)
        self._causal_since_verbs = _word_hashes(nlp.vocab.strings, _CAUSAL_SINCE_VERBS)
        self._relative_pronouns = _word_hashes(nlp.vocab.strings, ("that", "which", "who"))
        self._pronouns_of_subject = _word_hashes(nlp.vocab.strings, ("it", "they"))
        self._step_words = _word_hashes(nlp.vocab.strings, _STEP_WORDS)
        self._or = nlp.vocab.strings.add("or")
        self._articles = _word_hashes(nlp.vocab.strings, ("a", "an"))
        self._list_joiners = _word_hashes(nlp.vocab.strings, _LIST_JOINERS)
        self._list_determiners = _word_hashes(nlp.vocab.strings, _LIST_DETERMINERS)
        self._list_negations = _word_hashes(nlp.vocab.strings, _LIST_NEGATIONS)

    # -- the component -------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        return self._in_batch(doc, None)

    def _in_batch(self, doc: Doc, pending: list | None) -> Doc:
        """The rules on ``doc``; the status model then revises it at once, or with the batch's other docs
        (``pending``, one numpy product for all: ``_end_batch``)."""
        names = self._label_names  # ent.label_ decodes a new string per entity
        ents = [(ent.start, ent.end, names[ent.label], ent.start_char, ent.end_char) for ent in doc.ents]
        if not ents:
            return doc
        columns = doc.to_array(_ARRAY_ATTRS)
        # The tokens of an entity: ENT_IOB is 3 (begin) or 1 (in) there, 2 (out) or 0 elsewhere.
        inside = (columns[:, 2] & 1).astype(np.uint8).tobytes()
        matched = self._matches(doc, inside)
        modifiers, terminators, hard_terminators, general, people, clause_starts, _kept = matched
        lowers = columns[:, 0].tolist()
        # SENT_START is -1 inside a sentence, an integer object per token in a list: found as bytes instead.
        sentence_starts = [0, *_byte_positions((columns[:, 1] == 1).tobytes(), 1)]
        for index in _positions(lowers, self._i):
            if inside[index]:
                lowers[index] = 0  # a roman numeral, not the asker: "type I diabetes", "CBT-I"
        # ", i ...", "and ive ...": the asker starts a new clause.
        phrase_terminators = terminators
        terminators = sorted(terminators + clause_starts) if clause_starts else terminators
        modifier_starts = [t[0] for t in modifiers]
        people = self._people(lowers, people)
        subject = self._subject(doc, lowers, people, ents, matched, sentence_starts, inside) if people else None
        all_terminators = (terminators, hard_terminators, phrase_terminators)
        window, length, sentences = self._window, len(doc), len(sentence_starts)
        user_data = doc.user_data
        index, sent_start, sent_end = -1, 0, 0
        starts = None
        generic_end, generic_cue = -2, None  # the last generic mention's end and cue
        possible_end, possible_cue = -2, None  # the last possible one's
        any_effect_verb = not self._effect_verbs.isdisjoint(lowers)
        for start, end, label, start_char, end_char in ents:
            while start >= sent_end:  # entities come in order: the next sentence or one further
                index += 1
                sent_start = sentence_starts[index]
                sent_end = sentence_starts[index + 1] if index + 1 < sentences else length
            # A bare subject with a general verb is generic, and so is what follows it ("Statins lower the
            # risk of heart attack"): its cue goes in with the triggers, reaching this entity and the next.
            if self._may_be_bare_subject(lowers, start, end, sent_start, general):
                starts = starts or set(sentence_starts)
                cue = self._general_cue(lowers, start, end, label, matched, starts, inside)
                if cue is not None:
                    at = bisect_right(modifier_starts, start)
                    modifiers.insert(at, cue)
                    modifier_starts.insert(at, start)
            # Only the modifiers close enough to reach it: long run-on sentences stay cheap.
            lo = bisect_left(modifier_starts, sent_start if sent_start > start - window else start - window)
            hi = bisect_left(modifier_starts, sent_end if sent_end < end + window else end + window)
            if lowers[start] == self._hash and (end >= sent_end or lowers[end] == self._hash):
                continue  # a closing hashtag ("... #toothache #help") tags the post: no trigger of the sentence reaches it
            person = self._person_for(lowers, start, people, terminators, sent_start, subject) if people else None
            # A conjunct of a generic mention ("X and Y", "X or Y") is spoken of in general too, where the cue's
            # scope ended before it ("People with CKD clear potassium slowly, and ACE inhibitors and
            # spironolactone can push it higher").
            conjunct = person is None and generic_end >= sent_start and (
                (generic_end == start - 1 and lowers[start - 1] in self._conjunctions)
                or self._asks_again(lowers, generic_end, start))
            # (Only in a doc with an effect verb, one C-speed test per doc: most have none.)
            effect = self._effect_asked(lowers, start, sent_start, sent_end, inside) if any_effect_verb and \
                label in _EFFECT_LABELS else None
            # An alternative to a hedged diagnosis is hedged too: "most likely a reactive node or an inflamed follicle".
            alternative = person is None and possible_end >= sent_start and label not in _NEVER_POSSIBLE_LABELS \
                and self._alternative(lowers, possible_end, start)
            if lo == hi and person is None and not conjunct and not effect and not alternative:
                continue  # nothing in its sentence speaks to it: present, the patient's
            found = self._reaching(lowers, start, end, label, modifiers[lo:hi], all_terminators,
                                   sent_start, sent_end, inside) if lo < hi else []
            if effect and effect[0] == "generic":
                found.insert(0, effect)
            elif effect:
                found.append(effect)
            if conjunct:
                found.insert(0, ("generic", generic_cue))
            if alternative:
                found.append(("possible", possible_cue))
            if label in _PLANNED_LABELS and self._if in lowers[end:min(sent_end, end + _PLANNED_IF_TOKENS)] and \
                    self._planned_before_if(lowers, end, sent_end, inside):
                found.append(("hypothetical", "if"))  # "and a biopsy if the node looks abnormal"
            if not found and person is None:
                continue  # no trigger reaches it
            status, experiencer, cue = self._resolve(found, person, subject)
            if status == "generic":
                generic_end, generic_cue = end, cue
            elif status == "possible":
                possible_end, possible_cue = end, cue
            _write(user_data, start_char, end_char, status, experiencer, cue)
        if self.status_model is not None:
            if pending is None:
                self.status_model.revise(doc, lowers, sentence_starts, ents)
            else:
                pending.append((doc, lowers, sentence_starts, ents))
        return doc

    def _may_be_bare_subject(self, lowers, start: int, end: int, sent_start: int, general) -> bool:
        """Whether the mention at ``start``-``end`` may be a bare subject with a general verb, so that
        ``_general_cue`` is worth asking: it opens its sentence or clause (maybe after its modifiers, or after "yes,",
        "no,") or follows a question's auxiliary, and a general verb, a word that may start one, or a defining or
        denying word follows it."""
        subject_openers, length = self._subject_openers, len(lowers)
        return (start == sent_start or lowers[start - 1] in subject_openers or (
                (first := self._subject_first(lowers, start, sent_start)) != start and (
                    first == sent_start or lowers[first - 1] in subject_openers)) or (
                start == sent_start + 2 and lowers[start - 1] == self._comma and lowers[sent_start] in self._answers)) and (
                end in general or (end < length and lowers[end] in self._verb_openers)
                or lowers[start - 1] in self._any_verb_auxiliaries
                or (end + 1 < length and lowers[end] in self._define_or_deny
                    and self._may_define_or_deny(lowers, start, end)))

    def _end_batch(self, pending: list) -> None:
        if self.status_model is not None:
            self.status_model.revise_all(pending)

    def _general_cue(self, lowers, start, end, label, found: _Found, sentence_starts: set[int], inside):
        """The generic cue, (start, start, modifier...), when the entity is a bare disease or drug that opens a
        sentence or clause with a general verb, maybe after its modifier ("Statins lower the risk", "Gout in older
        men is most often ...", "Ulcers caused by anti-inflammatories usually heal"), or is the bare subject of a
        yes/no question ("can endometriosis cause infertility?", "does type 1 diabetes skip a generation?", "is
        kidney disease always silent?"); else None. Its reach ends where ", and" opens a clause with another
        entity ("X usually burns out, and naproxen should ease the pain")."""
        general, kept = found[3], found[6]
        length, general_words = len(lowers), self._general_words

        def verb_at(index: int) -> Rule | None:
            rule = general.get(index)
            if rule is None and index < length and lowers[index] in general_words:
                # A one-word verb counts where a matched phrase would have: outside entities and longer phrases.
                if not inside[index] and not _covered(kept, index):
                    rule = general_words[lowers[index]]
            return rule

        verb = verb_at(end)
        modified = False  # a subject with its modifier ("Tinnitus without hearing loss often fades") is a class
        if verb is None and end + 1 < length and lowers[end] in self._subject_adverbs:
            verb = verb_at(end + 1)  # "SGLT2 inhibitors also slow the decline of kidney disease"
        elif verb is None and end < length and lowers[end] == self._in:  # "Gout in older men is most often ..."
            verb = next((rule for i in range(end + 2, end + _GROUP_TOKENS + 2) if (rule := verb_at(i))), None)
        if verb is None and end < length and lowers[end] in self._subject_modifiers:
            verb = self._verb_after_modifier(lowers, end, verb_at, inside)
            if verb is not None and " " not in verb.phrase and verb.phrase not in _COURSE_WORDS:
                return None
            modified = verb is not None
        question = label != "TEST" and self._opens_question(lowers, start, sentence_starts)
        if question:
            rest = lowers[end:_sentence_end(sentence_starts, start, length)]
            # "can low vitamin B12 cause these symptoms?" asks about the case at hand.
            question = self._case_determiners.isdisjoint(rest)
            auxiliary = lowers[start - 1]
            if verb is None and question and auxiliary in self._any_verb_auxiliaries and (
                    auxiliary not in self._imperative_auxiliaries or self._question_mark in rest):
                verb = Rule(self._label_names[lowers[start - 1]], "general", "forward")
            elif verb is None and question and label in _DEFINED_LABELS and end < length and \
                    lowers[end] in self._defining_words and (
                    auxiliary in self._copula_questions or (
                        auxiliary in self._denials and lowers[start - 2] in self._copula_questions)):
                verb = Rule(self._label_names[lowers[end]], "general", "forward")
            # Also where a phrase that names other labels took the word ("dangerous for": a drug's, in a statement).
            elif (verb is None or not verb.applies_to(label)) and question and end < length and \
                    lowers[end] in self._question_predicates and (
                    auxiliary in self._copula_questions or (
                        auxiliary in self._denials and lowers[start - 2] in self._copula_questions)):
                verb = Rule(self._label_names[lowers[end]], "general", "forward")  # "is GERD linked to asthma?"
        # Not when the denial is part of a longer phrase: "viral sinusitis is not the cause of the symptoms here".
        if verb is None and label == "DISEASE" and end + 1 < length and lowers[end] in self._denied_copulas \
                and lowers[end + 1] in self._denials and not _covered(kept, end):
            verb = Rule(self._label_names[lowers[end]] + " not", "general", "forward")
        if verb is None or not verb.applies_to(label):
            return None  # "is a" states what a disease is; "itraconazole is a good drug for this" is advice
        opens_clause = start in sentence_starts or self._opens_clause(lowers, start, sentence_starts)
        # A verb that names its labels ("is best treated": SYMPTOM too, "Insomnia is best treated with CBT-I")
        # takes those subjects; the others take a disease, drug or treatment only, or any but a test after a
        # modifier.
        subjects = verb.labels if verb.labels is not None and not verb.exclude_labels else (
            _MODIFIED_SUBJECT_LABELS if modified else _GENERIC_SUBJECT_LABELS)
        if (opens_clause and label in subjects) or question:
            scope = next((i - start for i in range(end, min(length - 2, start + _GENERIC_SUBJECT_SCOPE))
                          if lowers[i] == self._comma and lowers[i + 1] == self._and and inside[i + 2]),
                         _GENERIC_SUBJECT_SCOPE)
            rule = Rule(verb.phrase, "generic", "forward", scope=scope)
            return (start, start, *_modifier(rule, self.max_scope))
        return None

    def _may_define_or_deny(self, lowers, start: int, end: int) -> bool:
        """Whether a bare subject is denied ("Gout is not ...") or asked about with a defining word ("isnt COPD
        just ...", "is insomnia part of ...") or with a predicate ("is GERD linked to ..."): the cases _general_cue
        reads beyond the general verbs."""
        after = lowers[end]
        if after in self._denied_copulas:
            return lowers[end + 1] in self._denials
        return (after in self._defining_words or after in self._question_predicates) and start > 0 and (
            lowers[start - 1] in self._copula_questions or lowers[start - 1] in self._denials)

    def _subject_first(self, lowers, start: int, sent_start: int = 0) -> int:
        """The first token of a bare subject starting at ``start`` with its hyphenated modifier: a modifier is part
        of the subject ("Long-term lithium causes chronic kidney disease", "long" - "term" "lithium"); ``start``
        when there is none."""
        return start - 3 if start >= sent_start + 3 and lowers[start - 2] == self._hyphen else start

    def _opens_clause(self, lowers, start: int, sentence_starts: set[int]) -> bool:
        """Whether the token before ``start`` opens a clause for a bare subject: ";", ":", "because", ", and",
        a conjunction opening the sentence ("But iron deficiency ..."), or a report ("i read that ...")."""
        if start < 1:
            return False
        first = self._subject_first(lowers, start)
        if first != start:  # what opens the clause stands before the modifier: "But long-term steroid use causes"
            return first in sentence_starts or self._opens_clause(lowers, first, sentence_starts)
        before = lowers[start - 1]
        if before in self._clause_openers or before in self._reporting_words:
            return True
        if before in self._subject_qualifiers:  # "Untreated high cholesterol raises the risk of ..."
            return start - 1 in sentence_starts or (start > 1 and lowers[start - 2] in self._clause_openers)
        if before == self._comma and start - 2 in sentence_starts and lowers[start - 2] in self._answers:
            return True  # a reply's "Yes, Hashimoto's thyroiditis runs in families"
        if before in self._sentence_conjunctions:
            return start - 1 in sentence_starts or (start > 1 and lowers[start - 2] == self._comma)
        return before == self._that and start > 1 and lowers[start - 2] in self._reporting_words

    def _verb_after_modifier(self, lowers, end: int, verb_at, inside) -> Rule | None:
        """The general verb after a bare subject's modifier ("that wakes someone at night", "in a man of 58",
        "also"), within a few tokens and its clause; None when a personal word or demonstrative ties the
        subject to someone ("Lexapro which i started in may makes me ...")."""
        relative = lowers[end] in self._relative_pronouns
        for i in range(end + 1, min(len(lowers), end + _SUBJECT_MODIFIER_TOKENS + 1)):
            word = lowers[i]
            if word in self._clause_punct or (word in self._generic_blockers and not inside[i]):
                return None
            rule = verb_at(i) if i > end + 1 else None  # the modifier has a word at least: "pain in lower ..."
            if rule is not None and relative and " " not in rule.phrase and rule.phrase not in _COURSE_WORDS:
                continue  # the relative clause's own verb: "Hives that come and go over weeks are rarely ..."
            if rule is not None:
                return rule
        return None

    def _opens_question(self, lowers, start: int, sentence_starts: set[int]) -> bool:
        """Whether one or two auxiliaries open the sentence, or a clause after ", but", "and", "so", right
        before ``start`` ("do seizures", "can't high blood pressure", tokenized "ca" "n't")."""
        auxiliaries = self._question_auxiliaries
        if start < 1 or lowers[start - 1] not in auxiliaries:
            return False
        first = start - 1 if start - 2 < 0 or lowers[start - 2] not in auxiliaries else start - 2
        if first in sentence_starts or (first > 0 and lowers[first - 1] in self._subject_clause_openers):
            return True
        if first > 0 and first - 1 in sentence_starts and lowers[first - 1] in self._sentence_conjunctions:
            return True  # "also can h pylori turn into stomach cancer"
        # A wh-question opening the sentence: "how long does dry socket last?", "at what age does colic stop?"
        for i in range(first - 1, max(-1, first - 1 - _WH_TOKENS), -1):
            if lowers[i] in self._wh_words:
                return i in sentence_starts or (i > 0 and (i - 1 in sentence_starts or
                                                          lowers[i - 1] in self._subject_clause_openers))
            if i in sentence_starts:
                break
        return False

    # -- triggers ------------------------------------------------------------------------------

    def _matches(self, doc: Doc, inside: bytearray) -> _Found:
        """Triggers and people, the longest match first where they overlap; every rule of a matched
        phrase is kept (a phrase can have several roles). A trigger word inside an entity ("no
        appetite") modifies nothing."""
        matches = self.matcher(doc)
        clauses: list[tuple[int, bool]] = []
        kept = _longest_nested(matches, self._clause_ids, clauses)
        if kept is None:
            # Overlaps that cross: longest first, then leftmost, sorted as plain tuples (compared in C).
            taken = bytearray(len(doc))
            kept = []
            clauses = [(start, self._clause_ids[match_id]) for match_id, start, _end in matches
                       if match_id in self._clause_ids]
            by_length = sorted([(start - end, start, end, match_id) for match_id, start, end in matches
                                if match_id not in self._clause_ids])
            for _length, start, end, match_id in by_length:
                if taken.find(1, start, end) == -1:
                    taken[start:end] = b"\x01" * (end - start)
                    kept.append((start, end, match_id))
            kept.sort()
        modifiers, terminators, hard_terminators, general, people = [], [], [], {}, []
        plan, find = self._plan, inside.find
        for start, end, match_id in kept:
            if find(1, start, end) != -1:
                continue
            roles, person = plan[match_id]
            if person is not None:
                people.append((start, end, person))
                continue
            for modifier in roles.modifiers:
                modifiers.append((start, end, *modifier))
            if roles.terminates:
                terminators.append(start)
                if roles.hard:
                    hard_terminators.append(start)
            if roles.general is not None:
                general[start] = roles.general
        # "i" inside an entity is no asker ("..., CBT-I").
        clause_starts = [start for start, is_i in clauses if not (is_i and inside[start + 1])]
        return modifiers, terminators, hard_terminators, general, people, clause_starts, kept

    def _reaching(self, lowers, start, end, label, modifiers, terminators, sent_start, sent_end,
                  inside) -> list[tuple[str, str]]:
        """(category, phrase) of every trigger whose scope covers the mention and whose rule fits its label.
        ``terminators`` is (every terminator, the hard ones that also end an opening trigger's reach, those
        that end a time's reach: not the comma before "i")."""
        every_terminator, hard_terminators, phrase_terminators = terminators
        found = []
        for t_start, t_end, category, direction, scope, phrase, limited, rule in modifiers:
            # Most rules fit every label: the method is called only for those that name some.
            if t_end > sent_end or (limited and not rule.applies_to(label)):
                continue
            if category == "possible" and label in _NEVER_POSSIBLE_LABELS:
                if phrase in _MAYBE_STEPS and t_end <= start and start - t_end <= _MAYBE_STEP_TOKENS and \
                        self._step_words.issuperset(lowers[t_end:start]):
                    found.append(("hypothetical", phrase))  # "then maybe a biopsy": a step that may come
                continue
            if category == "over" and phrase in _SINCE_PHRASES and end < len(lowers) and \
                    lowers[end] in self._causal_since_verbs:
                continue  # "since" as "because": "Since your asthma is mild, ..."
            if category == "hypothetical" and phrase in _MAY_COME_PHRASES and \
                    not self._after_modal(lowers, start, sent_start):
                continue  # "my migraines come back every time i stop the propranolol": a habit, not what may come
            if category == "over" and phrase in _ASKED_STATE_PHRASES and \
                    self._asks_yes_no(lowers, start, t_end, sent_start, sent_end):
                continue  # "is the fever gone?" asks
            if category == "hypothetical" and label == "TEST" and start > 1 and \
                    lowers[start - 1] in self._if_subject_words and lowers[start - 2] in self._conditionals:
                continue  # the test is what the condition watches: "if your eGFR keeps falling, ..."
            if direction >= _OPENING:
                opens = t_start == sent_start or lowers[t_start - 1] in self._trigger_clause_openers
                if direction == _OPENING and t_end <= start and opens:
                    if start - t_end <= _OPENING_SCOPE and not _any_between(hard_terminators, t_end, start):
                        found.append((category, phrase))
                    continue
                if direction == _FRONTED and not opens:
                    continue
                direction = _FORWARD
            elif direction == _ANTECEDENT:
                if end <= t_start and t_start - end <= scope:
                    found.append((category, phrase))
                continue
            if direction != _BACKWARD_ONLY and t_end <= start:
                if start - t_end <= scope:
                    blocked = _any_between(every_terminator, t_end, start)
                    if not blocked and category == "negated" and self._comma in lowers[t_end:start]:
                        blocked = self._in_condition(lowers, t_start, t_end, start, sent_start, inside) or (
                            lowers[t_start] not in self._list_negations
                            and self._comma_ends_denial(lowers, t_end, start, inside))
                    if not blocked and category == "negated" and self._and in lowers[t_end:start]:
                        blocked = self._new_subject_after_and(lowers, start, end)
                    if blocked and category in _TIME_CATEGORIES and not _any_between(phrase_terminators, t_end, start):
                        # Only a comma before "i" stands between. A time fronted before the asker's clause
                        # reaches into it ("Two years ago, I had pneumonia"); one that ends the asker's
                        # clause does not ("i had surgery in 2014, i take metoprolol").
                        blocked = not self._self_words.isdisjoint(lowers[sent_start:t_start])
                    if not blocked and (category != "generic" or self._allowed(
                            lowers, phrase, t_start, t_end, start, end, sent_start, sent_end, every_terminator)):
                        found.append((category, phrase))
            elif direction != _FORWARD and end <= t_start and t_start - end <= scope:
                if not _any_between(every_terminator, end, t_start) and (category != "generic" or self._allowed(
                        lowers, phrase, t_start, t_end, start, end, sent_start, sent_end, every_terminator)):
                    found.append((category, phrase))
        return found

    def _after_modal(self, lowers, start: int, sent_start: int) -> bool:
        """Whether a modal or "if" stands a few tokens before the mention at ``start``, in its clause ("will the
        polyps come back", "if my eczema comes back")."""
        for i in range(start - 1, max(sent_start, start - _EFFECT_MODAL_TOKENS) - 1, -1):
            if lowers[i] in self._clause_punct:
                return False
            if lowers[i] in self._may_come_words:
                return True
        return False

    def _asks_yes_no(self, lowers, start: int, t_end: int, sent_start: int, sent_end: int) -> bool:
        """Whether the mention at ``start`` is the subject of a yes/no question: "is", "has", "are" ... opening
        its sentence or clause a few tokens before it, and a "?" after the trigger ending at ``t_end``."""
        if self._question_mark not in lowers[t_end:sent_end]:
            return False
        for i in range(start - 1, max(sent_start, start - _POSSESSOR_WINDOW) - 1, -1):
            if lowers[i] in self._clause_punct:
                return False
            if lowers[i] in self._state_question_auxiliaries:
                return i == sent_start or lowers[i - 1] in self._subject_clause_openers
        return False

    def _alternative(self, lowers, possible_end: int, start: int) -> bool:
        """Whether the mention at ``start`` follows a possible mention ending at ``possible_end`` as its alternative:
        "X or Y", "X or a Y"."""
        if possible_end == start - 1:
            return lowers[start - 1] == self._or
        return possible_end == start - 2 and lowers[start - 2] == self._or and lowers[start - 1] in self._articles

    def _asks_again(self, lowers, generic_end: int, start: int) -> bool:
        """Whether a second question about the same generic subject, "and is it", "or does it", ", can they", stands
        between the generic mention ending at ``generic_end`` and the mention at ``start`` (same sentence), with no
        personal word: "is larva migrans contagious and does it always need ivermectin?"."""
        between = lowers[generic_end:start]
        if len(between) > _ASKS_AGAIN_TOKENS or not self._impersonal_personal.isdisjoint(between):
            return False
        return any(between[j] in self._subject_clause_openers and between[j + 1] in self._question_auxiliaries
                   and between[j + 2] in self._pronouns_of_subject for j in range(len(between) - 2))

    def _effect_asked(self, lowers, start: int, sent_start: int, sent_end: int, inside) -> tuple[str, str] | None:
        """Whether the mention at ``start`` is the effect a modal question asks about: "give", "make", "cause" or
        "trigger" at most a few tokens before it (its object between: "give her", "make my son"), and "will",
        "could", "can" ... opening the sentence or a clause at most a few tokens before the verb: ("hypothetical",
        cue); ("generic", cue) when "can" asks it of a subject and object nobody owns ("can drumming cause
        permanent hearing loss?"); else None (also for "can" with the asker's subject: "can my diet cause acne?").
        The cue is the modal and the verb ("will ... give")."""
        verb = next((i for i in range(start - 1, max(sent_start, start - 1 - _EFFECT_TOKENS) - 1, -1)
                     if lowers[i] in self._effect_verbs), None)
        if verb is None or any(inside[i] or lowers[i] in self._clause_punct for i in range(verb + 1, start)):
            return None
        if lowers[start - 1] in self._case_owners:
            return None  # "will any of these cause this tingling?": the complaint at hand ("give her X" stays)
        for i in range(verb - 1, max(sent_start, verb - _EFFECT_MODAL_TOKENS) - 1, -1):
            word = lowers[i]
            if word in self._clause_punct:
                return None
            if word in self._effect_modals:
                if i != sent_start and lowers[i - 1] not in self._subject_clause_openers:
                    return None
                cue = f"{self._label_names[word]} ... {self._label_names[lowers[verb]]}"
                if word in self._present_modals:
                    # Only a question: "Do make sure the rash is checked by a doctor." is advice.
                    if self._question_mark not in lowers[verb:sent_end]:
                        return None
                    return ("generic", cue) if self._generic_blockers.isdisjoint(lowers[i + 1:start]) else None
                if word in self._ability_modals:
                    # "can my diet cause acne?" may ask about the asker's own acne: left to the other rules.
                    if not self._generic_blockers.isdisjoint(lowers[i + 1:verb]):
                        return None
                    if self._generic_blockers.isdisjoint(lowers[verb + 1:start]):
                        return "generic", cue
                return "hypothetical", cue
        return None

    def _planned_before_if(self, lowers, end: int, sent_end: int, inside) -> bool:
        """Whether "if" follows the step right away or after a few words of its own, a time or a dose ("and a
        biopsy if the node looks abnormal", "I would repeat the bile acids in two weeks if the itching continues"),
        with no punctuation, entity or terminator between."""
        for i in range(end, min(sent_end, end + _PLANNED_IF_TOKENS)):
            word = lowers[i]
            if word == self._if:
                return True
            if inside[i] or word in self._clause_punct or word in self._plan_breaks:
                return False
        return False

    def _new_subject_after_and(self, lowers, start: int, end: int) -> bool:
        """Whether the mention after a negation's "and" is the subject of a clause of its own, with its verb right
        after it, or a finding called normal ("no swelling in my ankles and blood pressure was normal", "no
        oedema and a normal blood pressure", "no wet AMD in either eye, and AREDS2 supplements are worth
        taking"): the negation stops at the "and". A list keeps it ("no fever and chills")."""
        return (end < len(lowers) and lowers[end] in self._copulas) or lowers[start - 1] in self._normal_words

    def _in_condition(self, lowers, t_start: int, t_end: int, start: int, sent_start: int, inside) -> bool:
        """Whether the trigger at ``t_start`` sits in a condition opened a few words before it ("If the alarm has
        not worked after three months, desmopressin can be added"): its negation ends with the condition's comma,
        one between ``t_end`` and the mention at ``start``. A comma of a list does not end it ("when I saw the GP
        she found no swelling, redness or fever")."""
        before = lowers[max(sent_start, t_start - _CONDITION_TOKENS):t_start]
        if self._conditionals.isdisjoint(before) or self._comma in before:
            return False
        return any(lowers[i] == self._comma and not self._lists(lowers, i, inside) for i in range(t_end, start))

    def _comma_ends_denial(self, lowers, t_end: int, start: int, inside) -> bool:
        """Whether a comma between a negation and the mention at ``start`` ends the negation: one that joins no
        items of a list, an entity neither right before it nor right after it (or after its "and", "or"): "the
        augmentin isnt doing anything, green snot for 12 days", "havent had a seizure in 3 yrs, on lamictal", "said
        its not a stroke, sent me home on prednisolone" ("no fever, cough or chills" keeps it, and so does "i dont
        have a fever, a cough or a sore throat": an article may open the item)."""
        for i in range(t_end, start):
            if lowers[i] != self._comma:
                continue
            after = i + 2 if lowers[i + 1] in self._list_joiners and i + 2 <= start else i + 1
            if after < start and lowers[after] in self._list_determiners:
                after += 1  # "a fever, a cough or a sore throat"
            if not (i > t_end and inside[i - 1]) or not inside[after]:
                return True
        return False

    def _lists(self, lowers, comma: int, inside) -> bool:
        """Whether the comma at ``comma`` separates items of a list: an entity follows it, and right after that
        entity "and", "or" or another comma."""
        i, length = comma + 1, len(lowers)
        if i >= length or not inside[i]:
            return False
        while i < length and inside[i]:
            i += 1
        return i < length and lowers[i] in self._list_joiners

    def _allowed(self, lowers, phrase, t_start, t_end, start, end, sent_start, sent_end, terminators) -> bool:
        """A generic cue (``phrase``) does not reach a mention that a personal word ties to someone: no "my",
        "your", "this", "he" ... between cue and mention, and none in the mention's clause (from the
        terminator before it to the one after it, the cue's own words aside)."""
        if start and lowers[start - 1] in self._case_determiners:
            return False  # "this discomfort is caused by ...": the case at hand
        # A yes/no question about a bare subject speaks to anyone: its "you" is impersonal ("can coeliac cause low
        # iron even if you dont get diarrhoea?", "isnt crohns usually picked up in your teens?").
        # So does a yes/no question whose cue opens with the auxiliary ("can a latex allergy get worse each time
        # youre exposed?", "do kids with asthma outgrow it if you keep it controlled?").
        # Only after the mention: "can a doctor see your tonsillitis on video?" is the asker's.
        impersonal = (t_start == t_end and t_start > sent_start and lowers[t_start - 1] in self._question_auxiliaries) \
            or (t_start < t_end <= start and lowers[t_start] in self._question_auxiliaries and (
                t_start == sent_start or lowers[t_start - 1] in self._subject_clause_openers)
                and self._personal_words.isdisjoint(lowers[t_end:start]))
        blockers = self._impersonal_blockers if impersonal else self._generic_blockers
        if t_end <= start:  # cue before the mention
            between = lowers[t_end:start]
        else:
            between = lowers[end:t_start]
            if not self._clause_punct.isdisjoint(between) or not self._backward_blockers.isdisjoint(between):
                return False
        if not blockers.isdisjoint(between):
            return False
        index = bisect_left(terminators, start)
        clause_start = max(sent_start, terminators[index - 1] if index else sent_start)
        clause_end = min(sent_end, terminators[index] if index < len(terminators) else sent_end)
        personal = self._impersonal_personal if impersonal else self._personal_words
        before_start = clause_start
        if t_start == t_end:
            before_start = t_start  # a bare subject opens its clause: "i read that thyroid problems are common"
        elif t_end <= start:
            # A question put after a comma is its own clause: "today she has a fever again, can you get roseola twice?";
            # so is what a report tells: "i heard statins can cause muscle pain".
            before_start = next((i + 1 for i in range(t_start - 1, clause_start - 1, -1)
                                 if lowers[i] in self._clause_punct or lowers[i] in self._reported_by_others),
                                clause_start)
            # A passive frame whose subject is "it" or "this" ("it has to be treated with X", "can it be
            # cured with X") speaks of the case at hand, not of X in general ("it can cause X" still does).
            if phrase.startswith("be ") and not self._demonstratives.isdisjoint(
                    lowers[max(before_start, t_start - _POSSESSOR_WINDOW):t_start]):
                return False
        elif start > clause_start and lowers[start - 1] in self._clause_punct and end < len(lowers) and \
                lowers[end] in self._question_auxiliaries:
            # A bare subject after a comma, with its verb, opens a statement of its own: "my bf keeps asking if hes
            # gonna catch it, psoriasis isnt contagious right?" (not an item of a list: "a stomach ache, fatigue and")
            before_start = start
        return personal.isdisjoint(lowers[before_start:min(t_start, start)]) and \
            personal.isdisjoint(lowers[max(t_end, clause_start):clause_end])

    # -- people --------------------------------------------------------------------------------

    def _people(self, lowers, found: list[tuple[int, int, Person]]) -> list[_Cue]:
        """Relatives (with a possessor) and other people, minus those who only report ("my wife says")."""
        cues = []
        for start, end, person in found:
            possessor = next((self._possessors[lowers[i]] for i in range(start - 1, max(-1, start - 1 - _POSSESSOR_WINDOW), -1)
                              if lowers[i] in self._possessors), None)
            if person.who == "relative" and possessor is None and (
                    person.group == "child" or end >= len(lowers) or lowers[end] not in self._bare_relative_verbs):
                continue
            if end < len(lowers) and lowers[end] in self._reporters:
                continue
            cues.append(_Cue(start, end, person, possessor))
        return cues

    def _subject(self, doc: Doc, lowers, people: list[_Cue], ents, found: _Found, sentence_starts, inside) -> str | None:
        """The relative group the passage is about, or None when it is about the asker (or the one advised).

        The first person the text names decides: "my 4 year old has ..." or "your son's fever"
        make the passage about that relative; "I have ..." about the asker, unless the asker
        introduces a relative at once ("I have a 5 year old son who ...", "asking for my mom").
        "My father had a stroke at 50" opens a family history, not a question about the father;
        "he", "she", "his", "her" must be at least as many as the asker's own "I", "my", "you"; and
        a complaint told before any relative is named ("No fever. My sister has epilepsy.") is the
        asker's, unless that sentence speaks in general ("Fever in children is common. Your son's ...").
        """
        first = next((c for c in people if c.person.who == "relative" and c.possessor in _SUBJECT_POSSESSORS
                      and c.person.group not in _GROUPS_OF_RELATIVES), None)
        # "My father had a stroke at 50" opens a family history; "my 2 yr old had roseola" does not.
        if first is None or (first.person.group != "child" and _next_word(doc, first.end) in _HISTORY_VERBS):
            return None
        subject = None
        for i in range(min(len(lowers), _SUBJECT_SCAN_TOKENS)):
            if i >= first.start - _POSSESSOR_WINDOW and self._possessors.get(lowers[i]) in _SUBJECT_POSSESSORS:
                subject = first.person.group
                break
            if lowers[i] in self._self_words:
                if first.start - i <= 6 and not self._proxy_words.isdisjoint(lowers[i + 1:first.start]):
                    subject = first.person.group
                break
        if subject is None:
            return None
        starts = set(sentence_starts)
        cues = [t for t in found[0] if t[2] == "generic"] + [
            self._general_cue(lowers, start, end, label, found, starts, inside)
            for start, end, label, _start_char, _end_char in ents
            if start in starts or lowers[start - 1] in self._subject_openers]
        generic_sentences = {_sentence_bounds(t[0], sentence_starts, len(doc)) for t in cues if t is not None}
        for start, _end, _label, _start_char, _end_char in ents:
            if start >= first.start:
                break
            if _sentence_bounds(start, sentence_starts, len(doc)) not in generic_sentences:
                return None
        # A passage about a relative speaks of "he", "she", "her"; one whose "I", "my" and "you"
        # outnumber them (besides the "my" of "my son") is the asker's own story.
        owners = sum(1 for x in lowers if x in self._owner_words)
        owners -= sum(1 for c in people if c.person.who == "relative" and c.possessor in _SUBJECT_POSSESSORS)
        if owners > sum(1 for x in lowers if x in self._third_words):
            return None
        return subject

    def _person_for(self, lowers, start, people: list[_Cue], terminators, sent_start, subject) -> _Cue | None:
        """The nearest person before the mention in its sentence whose clause reaches it: no terminator,
        no personal word ("I", "my", "me") and no other person in between, at most ``max_scope`` tokens.
        In a passage about a relative, "he" / "she" after another relative is the subject again ("since my
        mom died in march he barely eats")."""
        best, owners = None, self._owner_words
        for cue in people:
            if cue.end > start:
                break
            if cue.start < sent_start or start - cue.end > self.max_scope:
                continue
            if _any_between(terminators, cue.end, start):
                continue
            between = lowers[cue.end:start]
            if not owners.isdisjoint(between) and self._owner_between(between):
                continue
            if subject is not None and cue.person.who == "relative" and cue.person.group != subject and \
                    not self._third_words.isdisjoint(between):
                continue
            best = cue
        return best

    def _owner_between(self, words: list[int]) -> bool:
        """Whether the asker (or the one advised) speaks in ``words``: "I", "my", "you", but not after a
        preposition, where they only place the other person ("a guy from my cycling club collapsed")."""
        return any(word in self._owner_words and not (i and words[i - 1] in self._person_prepositions)
                   for i, word in enumerate(words))

    # -- decision ------------------------------------------------------------------------------

    def _resolve(self, found: list[tuple[str, str]], person: _Cue | None,
                 subject: str | None) -> tuple[str, str, str | None]:
        first = {}
        for category, phrase in found:
            first.setdefault(category, phrase)
        if "generic" in first:
            return "generic", "none", first["generic"]
        relative_cue = None
        if person is not None and person.person.who == "relative":
            # The relative the passage is about, also named bare later on ("could dad have X too?").
            is_subject = subject is not None and person.person.group == subject and (
                person.possessor is None or person.possessor in _SUBJECT_POSSESSORS)
            if not is_subject:
                relative_cue = person.person.phrase
        if relative_cue is None and "family" in first:
            relative_cue = first["family"]
        if relative_cue is None and subject is not None and person is None and "self" in first:
            relative_cue = first["self"]  # the asker's own condition, in a passage about their relative
        if relative_cue is not None:
            negation = first.get("negated") or first.get("prohibited")
            return ("negated", "relative", negation) if negation else ("family", "relative", relative_cue)
        experiencer = "other" if person is not None and person.person.who == "other" else "patient"
        status, cue = _ordinary(first)
        return status, experiencer, cue


def _ordinary(first: dict[str, str]) -> tuple[str, str | None]:
    """The status of a mention whose owner is known, from the categories that reach it."""
    negation = first.get("prohibited") or first.get("negated")
    if negation and "until" in first and "prohibited" not in first:
        return "present", first["until"]
    if negation:
        if "anymore" in first and "prohibited" not in first:
            return "historical", first["anymore"]
        return "negated", negation
    if "hypothetical" in first:
        return "hypothetical", first["hypothetical"]
    if "possible" in first:
        return "possible", first["possible"]
    if "over" in first:
        return "historical", first["over"]
    if "historical" in first:
        if "ongoing" in first:
            return "present", first["ongoing"]
        return "historical", first["historical"]
    return "present", None


def _next_word(doc: Doc, index: int) -> str | None:
    """The next alphabetic token from ``index`` within 4 tokens, skipping "(70)", commas and the like."""
    for i in range(index, min(len(doc), index + 4)):
        if doc[i].is_alpha:
            return doc[i].lower_
    return None


def _longest_nested(matches: list[tuple[int, int, int]], clause_ids: dict[int, bool],
                    clauses: list[tuple[int, bool]]) -> list[tuple[int, int, int]] | None:
    """(start, end, id) of the longest matches, from matches in the matcher's order (by start, then
    end), when every overlap is one phrase inside or at the start of another ("no" in "no family
    history of", "can" and "can be"): one pass. None when two cross or coincide, or the order is
    not the matcher's: then the caller sorts. The clause starts (", i") go to ``clauses`` as (start,
    whether the pronoun is "i"), outside the contest."""
    kept: list[tuple[int, int, int]] = []
    last_start = last_end = -1
    clause = clause_ids.get
    for match_id, start, end in matches:
        is_i = clause(match_id)
        if is_i is not None:
            clauses.append((start, is_i))
        elif start >= last_end:
            kept.append((start, end, match_id))
            last_start, last_end = start, end
        elif start == last_start and end > last_end:
            kept[-1] = (start, end, match_id)  # the same start, longer: nothing between them was dropped
            last_end = end
        elif start > last_start and end <= last_end and end - start < last_end - last_start:
            continue  # inside the one kept, and shorter
        else:
            return None
    return kept


def _covered(kept: list[tuple[int, int, int]], index: int) -> bool:
    """Whether a kept match (sorted, none overlapping) covers token ``index``."""
    last = bisect_right(kept, (index, _AFTER_ANY_MATCH)) - 1
    return last >= 0 and kept[last][1] > index


def _any_between(positions: list[int], start: int, end: int) -> bool:
    """Whether a sorted list of token positions has one in ``[start, end)``."""
    index = bisect_left(positions, start)
    return index < len(positions) and positions[index] < end


def _positions(values: list[int], value: int, start: int = 0) -> list[int]:
    """Where ``value`` occurs in ``values`` from ``start`` on (``list.index`` scans at C speed)."""
    found, index = [], start - 1
    try:
        while True:
            index = values.index(value, index + 1)
            found.append(index)
    except ValueError:
        return found


def _byte_positions(flags: bytes, start: int) -> list[int]:
    """Where ``flags`` (one byte per token) is 1, from ``start`` on."""
    found, index, find = [], start - 1, flags.find
    while (index := find(1, index + 1)) != -1:
        found.append(index)
    return found


def _sentence_end(sentence_starts: set[int], token: int, doc_length: int) -> int:
    """Where the sentence of ``token`` ends, from the set of sentence starts (a short scan: questions are short)."""
    return next((i for i in range(token + 1, doc_length) if i in sentence_starts), doc_length)


def _sentence_bounds(token: int, sentence_starts: list[int], doc_length: int) -> tuple[int, int]:
    index = bisect_right(sentence_starts, token) - 1
    start = sentence_starts[index]
    end = sentence_starts[index + 1] if index + 1 < len(sentence_starts) else doc_length
    return start, end
