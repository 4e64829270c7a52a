"""The words ConText's code reads around a trigger or a mention, by the role they play.

The trigger phrases are data (``qatext/resources/context/rules.tsv``, ``people.tsv``); these are the words
of the shapes found in code: what opens or ends a clause, what makes a question or a statement general,
what makes a step a plan, where a negation's list goes on, who a mention belongs to. The token counts
beside them say how far each shape looks. ``ContextWords`` holds them as LOWER hashes for one vocab, the
form the loops compare with ``Doc.to_array`` columns.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qatext.ner.context_rules import Person, Rule


# -- clauses: what ends a trigger's reach, what opens a new clause ---------------------------------------------------
# What ends an "opening" trigger's reach: a new clause of its own, or a contrast.
HARD_TERMINATORS = frozenset({";", "but", "however", "although", "though", "tho", "altho"})
# "because" opens a statement of its own too: "..., go to the emergency department, because gallstones can block ...".
CLAUSE_OPENERS = frozenset({";", ":", "because", "although", "though", "whereas"})
# An "opening" or "fronted" trigger also opens a clause after a comma, "and" or "but": "..., and if the bleeding
# does not settle, we can discuss a hormonal IUD", "my dad is 72 and since my mom died in march he barely eats".
TRIGGER_CLAUSE_OPENERS = CLAUSE_OPENERS | {",", "and", "but", "or"}
# "and i", ", i": the asker starts a new clause (found in code; the phrases starting with "i" keep their roles).
NEW_CLAUSE_BEFORE_SELF = (",", "and")
# "or" before a question's auxiliary, a comma before "would", "could", "should", "is", "are", and "and" before "will"
# / "should": a new question starts ("his dad has ADHD and takes concerta, would concerta even be an option"). Not
# "and do" ("and do a blood test"), "and does" or "and can" ("is almost universal and does not lead to prostate
# cancer"); a comma before "can", "do", "will" is left out for cost (frequent, and mostly no new question).
# After "or" also "did" ("or did i pick it up somewhere else"); not after a comma ("had lyme in 2021, did 3 weeks of
# doxy, fully recovered" is a statement), and not "or has" ("my boyfriend is bipolar or has borderline ...").
QUESTION_STARTS = ("will", "should", "is", "are", "can", "could", "does", "would", "might", "cant", "isnt", "doesnt",
                   "arent", "do")
NEW_QUESTION_OPENERS = [("or", auxiliary) for auxiliary in (*QUESTION_STARTS, "did")] + [
    (",", auxiliary) for auxiliary in ("would", "could", "should", "is", "are")] + [("and", "will"), ("and", "should")]
# An emoji closes what the poster was saying ("i still leak when i sneeze 😩 had a tear that healed fine"): each
# pictograph, emoticon, symbol and dingbat (U+2600-U+27BF, U+1F300-U+1FAFF) is a terminator phrase of its own, found
# by the phrase matcher in the same pass as the triggers.
EMOJI_RANGES = ((0x2600, 0x27C0), (0x1F300, 0x1FB00))
EMOJI = frozenset(chr(code) for first, last in EMOJI_RANGES for code in range(first, last))
# The tokenizer splits what modifies an emoji into tokens of their own ("❤️" is "❤" and U+FE0F, "👍🏽" is "👍" and
# a skin tone): the variation selector and the zero-width joiner stand where the emoji ends too (the skin tones,
# U+1F3FB-U+1F3FF, are in the ranges above).
EMOJI_MODIFIERS = frozenset({"\ufe0f", "\u200d"})
# Punctuation that ends a backward generic frame: "my son has X, is it contagious?" is not about X in general.
CLAUSE_PUNCT = frozenset({",", ";", ":", "?", "!"})

# -- hedges, plans, effects and time: what may come, and what asks rather than tells ---------------------------------
# A test is done or planned: whether it exists is never uncertain ("cant rule out mono, sent me for a blood test").
# Nor is a drug or treatment: taken, stopped, refused or considered, never a guess ("is it the letrozole or could the
# cancer have come back", "my gyno suggests HRT"; no drug or treatment in the gold is possible).
NEVER_POSSIBLE_LABELS = frozenset({"TEST", "DRUG", "TREATMENT"})
# "maybe", "perhaps", "possibly" right before a test, drug or treatment name a step that may come ("theyve booked an
# MRI and then maybe a biopsy", "maybe try allegra?"): hypothetical, where before a disease they hedge.
MAYBE_STEPS = frozenset({"maybe", "perhaps", "possibly"})
MAYBE_STEP_TOKENS = 2
# ... with only these between ("maybe a glass of wine a month" is an amount).
STEP_WORDS = ("a", "an", "the", "some", "try", "trying", "start", "starting", "get", "getting", "do", "doing",
              "another", "then")
# A step with its condition right after it is a plan that may not happen: "and a biopsy if the node looks abnormal",
# "my gp said metformin if diet doesnt work" (in code, not a backward "if" rule: "if" is frequent, and a rule would
# be one more trigger for every mention near every "if").
PLANNED_LABELS = frozenset({"DRUG", "TREATMENT", "TEST"})
# ... "if" at most this many tokens after it, past a time or dose of the step's own ("in two weeks if"), not past a
# verb or subject that starts another clause ("his CGM will alarm if lows occur", "i take metformin and it helps if
# ...", "started metformin she said if ..."; the personal words of people.tsv count too), nor past a time that dates
# the step ("had my gallbladder removed last year if that matters").
PLANNED_IF_TOKENS = 5
PLAN_BREAKS = frozenset({"and", "or", "but", "so", "it", "we", "they", "is", "was", "helps", "helped", "works",
                         "worked", "because", "when", "even", "only", "will", "would", "can", "may", "might", "should",
                         "last", "ago", "yesterday", "already"})
# A yes/no question about what something will do to someone names an effect that may come: "will clomid give me hot
# flashes?", "could the steroids make her diabetic?", "can living with a smoker give me asthma?", "will it turn into
# cancer?" (a modal opening the
# sentence or clause, the verb at most EFFECT_TOKENS before it, its object between them). Of a bare subject it is
# asked in general, and generic wins ("can a varicocele make you infertile?").
EFFECT_LABELS = frozenset({"SYMPTOM", "DISEASE"})
EFFECT_VERBS = frozenset({"give", "make", "cause", "trigger", "turn", "progress", "develop", "lead"})
EFFECT_MODALS = frozenset({"will", "would", "could", "can", "might", "wo", "ca", "cant", "wont", "does", "do"})
# "does" and "do" ask how things are, not what will come: only their general reading counts ("does rain really make
# arthritis worse?"); "does it make you tired?" is left to the other rules. Only in a sentence with a "?": "Do make
# sure the rash is checked by a doctor." is advice.
PRESENT_MODALS = ("does", "do")
EFFECT_TOKENS = 4  # "turn into an aggressive lymphoma"
EFFECT_MODAL_TOKENS = 8
# "come back" reads as what may come only after a modal or "if" opening the mention's clause ("will the migraines
# come back once i stop the propranolol?", "if the polyps come back"), not in a habitual present ("my migraines
# come back every time i stop the propranolol"); the modal at most EFFECT_MODAL_TOKENS before the mention.
MAY_COME_PHRASES = frozenset({"come back"})
MAY_COME_WORDS = frozenset({"will", "would", "could", "can", "might", "may", "should", "wo", "ca", "cant", "wont",
                            "'ll", "’ll", "if", "unless"})
# A yes/no question asks whether a complaint is "gone": it does not tell it is over ("is the fever gone?").
ASKED_STATE_PHRASES = frozenset({"gone"})
STATE_QUESTION_AUXILIARIES = frozenset({"is", "are", "was", "were", "has", "have", "had"})
# "since the/my/your X" is the event a course started from, unless a verb in the present follows X: then "since"
# means "because" ("Since your headaches now wake you at night, ...", "since my asthma is mild").
SINCE_PHRASES = frozenset({"since the", "since my", "since your", "since his", "since her"})
CAUSAL_SINCE_VERBS = frozenset({"is", "are", "has", "have", "now", "keeps", "keep", "remains", "remain", "seems",
                               "seem", "'s", "’s", "still"})
# A test right after "if" and one of these is the condition's subject, a result being watched, not a test that may be
# done: "if your eGFR keeps falling, switching to lamotrigine would be reasonable", "if the CT is normal, ...".
CONDITION_SUBJECT_WORDS = frozenset({"the", "your", "my", "his", "her", "their", "our", "its"})

# -- negation: where a list of denied findings goes on and where the denial ends -------------------------------------
# A negation inside a condition belongs to it and ends with the condition's comma ("if the cream does not work
# within a week, terbinafine tablets are next"); the condition opens at most this many tokens before the negation.
CONDITIONALS = frozenset({"if", "unless", "when", "once"})
CONDITION_TOKENS = 8
# What follows an item of a list: the comma before the item is the list's, not the end of the condition.
LIST_JOINERS = frozenset({",", "and", "or"})
# ... and what may stand before that item, after the comma or its "and", "or" ("i dont have a fever, a cough or a
# sore throat").
LIST_DETERMINERS = frozenset({"a", "an", "any", "some"})
# Negations that take a list of findings ("No CP, presyncope or ascites", "Denies headache, visual changes
# or RUQ pain", "Absence of rebound, guarding, and rigidity"): a comma after them goes on with the list even
# where an item is no entity, as in clinical notes; only a verbal negation's comma may end its reach.
LIST_NEGATIONS = frozenset({"no", "denies", "denied", "deny", "denying", "without", "negative", "absence", "absent",
                            "free", "neither", "nor"})
# A mention after a negation's "and" with one of these right after it opens a clause of its own ("no swelling and
# blood pressure was normal"); one of the second set right before it is a finding ("no oedema and a normal blood
# pressure").
COPULAS = frozenset({"is", "are", "was", "were"})
NORMAL_WORDS = frozenset({"normal", "good", "fine"})

# -- questions and general statements: the generic status found by shape ---------------------------------------------
# A second question about a generic subject, "and does it ...", reaches this many tokens past the generic mention.
ASKS_AGAIN_TOKENS = 12
# What joins two conjuncts that share a generic status ("ACE inhibitors and spironolactone", "X or Y").
CONJUNCTIONS = frozenset({"and", "or", "nor", "and/or"})
# An auxiliary opening a yes/no question before a bare disease or drug and a general verb
# ("can endometriosis cause infertility?", "do seizures cause brain damage?") asks in general.
QUESTION_AUXILIARIES = frozenset({"can", "could", "does", "do", "will", "would", "might", "cant", "doesnt", "dont",
                                  "ca", "wo", "n't", "n’t", "nt", "is", "are", "isnt", "arent"})
# After these, a bare subject asks about the condition itself whatever the verb ("does type 1 diabetes skip a
# generation?", "can chronic hives go on for years?"); "could", "would", "might" and "is" need a general word
# ("could anxiety cause this?" asks about one's own case, "is kidney disease always silent?" does not).
# "do" and "dont" only in a sentence that ends with "?" ("do yoga and meditation daily" is advice, "dont take
# ibuprofen" a prohibition); "does" and "can" never open an imperative, and patients often leave the "?" out
# ("does milia ever clear up on its own or does it need a dermatologist").
ANY_VERB_AUXILIARIES = frozenset({"can", "does", "do", "cant", "doesnt", "dont"})
IMPERATIVE_AUXILIARIES = frozenset({"do", "dont"})
# A bare disease opening a sentence with a denial states what the disease is not ("Gout is not only caused by
# diet", "Benign prostate enlargement does not lead to prostate cancer").
DENIED_COPULAS = frozenset({"is", "are", "does", "do"})
DENIALS = frozenset({"not", "n't", "nt"})
# "is X a ...", "isnt X just ...", "is X part of ...", "is X something ...": a question that asks what a condition
# is ("isnt COPD just a smokers disease?", "is insomnia part of anxiety or a separate thing?").
COPULA_QUESTIONS = frozenset({"is", "are", "isnt", "arent"})
# Not "the": "is cervical polyp the reason?" asks about the asker's own.
# "ever": "is proteinuria ever harmless in young people?" asks whether it can be, in anyone.
DEFINING_WORDS = frozenset({"a", "an", "just", "only", "part", "something", "really", "actually", "always", "ever"})
# Only of a disease or symptom: "is baking soda a good choice?" asks about one's own use.
DEFINED_LABELS = frozenset({"DISEASE", "SYMPTOM"})
# "is X linked to Y?", "is X caused by ...", "is X safe for ...", "are X contagious": a copula question whose bare
# subject takes a predicate of how a condition or drug relates, spreads or harms in general (any label but a test,
# which general_cue leaves out), and whether it is known, proven, effective or any good ("are NSAIDs known
# to cause ulcers?", "is buspar any good for panic disorder?"). Not "serious" or "normal": "is a heart rate of 110
# normal?" asks about one's own.
QUESTION_PREDICATES = frozenset({"linked", "related", "connected", "associated", "caused", "triggered", "passed",
                                 "transmitted", "inherited", "hereditary", "genetic", "contagious", "infectious",
                                 "safe", "dangerous", "harmful", "common", "rare", "curable", "treatable",
                                 "preventable", "reversible", "permanent", "fatal", "deadly", "autoimmune",
                                 "known", "proven", "effective", "addictive", "any", "good", "bad"})
# A yes/no question or a general statement may open a clause after these too ("..., but can chronic hives go
# on for years?", "..., and pityriasis versicolor is not passed on by touch").
SUBJECT_CLAUSE_OPENERS = frozenset({",", "and", "but", "so", ";", ":", "because", "or", "although", "though",
                                    "whereas"})
# Words after a bare subject that start its modifier ("Asthma that wakes someone at night is poorly controlled",
# "Ulcers caused by anti-inflammatories usually heal", "Tinnitus without hearing loss often fades", "iron
# deficiency in a man of 58 comes from the gut"), or an adverb before its verb ("SGLT2 inhibitors also slow ...").
SUBJECT_MODIFIERS = frozenset({"that", "which", "who", "caused", "due", "without", "with", "in", "after", "from",
                               "of", "on", "among", "associated", "related", "induced", "such", "before", "during",
                               "lasting", "taken", "given", "started", "returning", "used"})
SUBJECT_ADVERBS = frozenset({"also", "even", "still", "ever", "really", "actually", "more", "less", "very", "indeed"})
SUBJECT_MODIFIER_TOKENS = 8
# After a modifier the verb must say how a condition goes in general (a one-word course or frequency word, or a
# longer general phrase): "pain in the lower left quadrant can be due to ..." and "left abdominal pain with
# indigestion may indicate gastritis" explain the asker's own case.
COURSE_WORDS = frozenset({"usually", "often", "typically", "classically", "generally", "commonly", "rarely", "seldom",
                          "mostly", "always", "occasionally", "tends", "tend", "occurs", "heal", "heals", "fade",
                          "fades", "lasts", "remains", "runs", "strikes", "affects", "spread", "spreads",
                          "normally", "progresses", "settles", "clears"})
# A general statement reported inside a personal story opens its own clause: "i read that thyroid problems are
# common in women", "i heard shingles is contagious", "is it true that ...".
REPORTING_WORDS = frozenset({"read", "heard", "know", "knew", "learned", "learnt", "true", "says", "say", "said",
                             "told", "apparently", "supposedly"})
# Those that hand the clause to someone else even after the asker's "i" ("i heard statins can cause muscle
# pain"; not "you need to know the cause of ...").
REPORTED_BY_OTHERS = frozenset({"read", "heard", "says", "say", "said", "told", "apparently", "supposedly"})
# A reply's answer to a yes/no question, then a comma, opens the clause of a bare subject ("Yes, Hashimoto's
# thyroiditis runs in families").
ANSWERS = frozenset({"yes", "no"})
# A wh-word at most this many tokens before a question's auxiliary opens the question ("how long does", "at what age
# does"): the bare subject after the auxiliary is asked about in general.
WH_WORDS = frozenset({"how", "what", "why", "when", "which", "whats", "hows"})
WH_TOKENS = 3
# A bare subject may open its sentence after one of these, outside the entity: "Untreated high cholesterol raises
# the risk of heart attack".
SUBJECT_QUALIFIERS = frozenset({"untreated", "uncontrolled", "undiagnosed", "unmanaged", "unchecked"})
# A sentence may open with these before its bare subject: "But iron deficiency in a man of 58 comes from the gut".
SENTENCE_CONJUNCTIONS = frozenset({"and", "but", "so", "also"})
# Words that point at one case ("what is this rash"); "they" also ends a backward frame
# ("my kids have lice, are they contagious"), but "people with X ... if they do chemo" stays general.
DEMONSTRATIVES = frozenset({"this", "these", "that", "those", "it", "its"})
BACKWARD_BLOCKERS = frozenset({"they", "their"})
# Right before a mention they make it the case at hand ("this discomfort is caused by a pinched nerve").
CASE_DETERMINERS = frozenset({"this", "these"})
# A bare disease or drug opening a sentence with a "general" verb (rules.tsv) states something
# in general: "Statins lower the risk", "Gout classically strikes", "Celiac disease can appear".
GENERIC_SUBJECT_LABELS = frozenset({"DISEASE", "DRUG", "TREATMENT"})
MODIFIED_SUBJECT_LABELS = frozenset({"DISEASE", "DRUG", "TREATMENT", "SYMPTOM"})
GENERIC_SUBJECT_SCOPE = 30
GROUP_TOKENS = 3  # "in older men", "in menstruating women", "in children under five"

# -- people: who a mention belongs to --------------------------------------------------------------------------------
# A relative named without "my" ("mom has hashimotos") when a verb follows; never a child word.
BARE_RELATIVE_VERBS = frozenset({"has", "had", "have", "was", "is", "takes", "took", "died", "passed", "also", "both",
                                 "and", "suffers", "suffered", "got", "tested", "'s", "’s"})
POSSESSORS = frozenset({"my", "your", "our", "his", "her", "their"})
SUBJECT_POSSESSORS = frozenset({"my", "your", "our"})
PROXY_WORDS = frozenset({"have", "for", "about", "asking", "question", "concerned", "worried"})
# Several relatives at once ("my whole family has", "my parents both had") are never the subject.
GROUPS_OF_RELATIVES = frozenset({"family", "parents", "grandparents", "siblings"})
# An owner word after these places another person, it does not start the asker's clause ("my coworker next to me").
PERSON_PREPOSITIONS = frozenset({"from", "to", "at", "of", "near", "beside", "behind"})
HISTORY_VERBS = frozenset({"had", "died", "passed", "suffered", "also"})
SUBJECT_SCAN_TOKENS = 40
POSSESSOR_WINDOW = 3


def hashes(strings, words) -> frozenset[int]:
    """The hashes of ``words`` in ``strings`` (added if new), for tests against ``doc.to_array`` columns."""
    return frozenset(strings.add(word) for word in words)


class Names(dict):
    """Hash -> string (a label, a word of the text), filled on first sight: ``ent.label_`` and the like decode a
    new string on every call."""

    def __init__(self, strings):
        super().__init__()
        self._strings = strings

    def __missing__(self, key: int) -> str:
        self[key] = self._strings[key]
        return self[key]


class ContextWords:
    """The word sets above as LOWER hashes for one vocab (token tests compare LOWER hashes, read once per doc
    with ``Doc.to_array``), with the one-word phrases of people.tsv by who they are and the one-word general
    verbs of rules.tsv. The component and the decision functions read them as plain attributes
    (``words.comma``, ``words.question_auxiliaries``): one attribute look-up, as ``self._comma`` was."""

    def __init__(self, strings, people: list[Person], general_words: dict[int, Rule]):
        # The one-word phrases of people.tsv by role; relatives and other people are matched as phrases.
        by_who: dict[str, set[int]] = {}
        for person in people:
            if person.who not in ("relative", "other") and " " not in person.phrase:
                by_who.setdefault(person.who, set()).add(strings.add(person.phrase.lower()))
        self.general_words = general_words
        # Token tests compare LOWER hashes, read once per doc with Doc.to_array.
        self.self_words = frozenset(by_who.get("self", ()))
        # Who owns a clause: a relative's reach stops at "I", "my", "you", "your".
        self.owner_words = frozenset(by_who.get("self", set()) | by_who.get("addressee", set()))
        self.third_words = frozenset(by_who.get("third", ()))
        self.personal_words = frozenset(by_who.get("self", set()) | by_who.get("addressee", set())
                                        | by_who.get("third", set()))
        self.reporters = frozenset(by_who.get("reporter", ()))
        self.demonstratives = hashes(strings, DEMONSTRATIVES)
        self.generic_blockers = self.personal_words | self.demonstratives
        # The same without "you", "your": what still ties a question's bare subject to someone.
        self.impersonal_personal = self.personal_words - by_who.get("addressee", set())
        self.impersonal_blockers = self.impersonal_personal | self.demonstratives
        self.case_determiners = hashes(strings, CASE_DETERMINERS)
        self.backward_blockers = self.generic_blockers | hashes(strings, BACKWARD_BLOCKERS)
        self.bare_relative_verbs = hashes(strings, BARE_RELATIVE_VERBS)
        self.clause_punct = hashes(strings, CLAUSE_PUNCT)
        self.clause_openers = hashes(strings, CLAUSE_OPENERS)
        self.possessors = {strings.add(w): w for w in POSSESSORS}
        self.person_prepositions = hashes(strings, PERSON_PREPOSITIONS)
        self.proxy_words = hashes(strings, PROXY_WORDS)
        self.trigger_clause_openers = hashes(strings, TRIGGER_CLAUSE_OPENERS)
        self.i = strings.add("i")
        self.in_ = strings.add("in")
        self.names = Names(strings)
        # Tokens after an entity that may start a one-word general verb or an "in" group ("Gout in older men is").
        self.verb_openers = frozenset(self.general_words) | {self.in_} | hashes(
            strings, SUBJECT_MODIFIERS | SUBJECT_ADVERBS)
        self.question_auxiliaries = hashes(strings, QUESTION_AUXILIARIES)
        self.any_verb_auxiliaries = hashes(strings, ANY_VERB_AUXILIARIES)
        self.imperative_auxiliaries = hashes(strings, IMPERATIVE_AUXILIARIES)
        self.denied_copulas = hashes(strings, DENIED_COPULAS)
        self.denials = hashes(strings, DENIALS)
        self.copula_questions = hashes(strings, COPULA_QUESTIONS)
        self.defining_words = hashes(strings, DEFINING_WORDS)
        self.question_predicates = hashes(strings, QUESTION_PREDICATES)
        self.define_or_deny = self.defining_words | self.denied_copulas | self.question_predicates
        # An emoji closes what came before too: "im terrified of getting dry socket 😭 how long does dry socket last?",
        # and so does its modifier after it ("my back is killing me ❤️ can sciatica last for months?").
        self.subject_clause_openers = hashes(strings, SUBJECT_CLAUSE_OPENERS | EMOJI | EMOJI_MODIFIERS)
        self.subject_modifiers = hashes(strings, SUBJECT_MODIFIERS)
        self.subject_adverbs = hashes(strings, SUBJECT_ADVERBS)
        self.question_mark = strings.add("?")
        self.comma = strings.add(",")
        self.hash = strings.add("#")
        self.hyphen = strings.add("-")
        self.copulas = hashes(strings, COPULAS)
        self.plan_breaks = hashes(strings, PLAN_BREAKS) | self.personal_words
        self.if_subject_words = hashes(strings, CONDITION_SUBJECT_WORDS)
        self.normal_words = hashes(strings, NORMAL_WORDS)
        self.if_ = strings.add("if")
        self.answers = hashes(strings, ANSWERS)
        self.wh_words = hashes(strings, WH_WORDS)
        self.conditionals = hashes(strings, CONDITIONALS)
        self.that = strings.add("that")
        self.reporting_words = hashes(strings, REPORTING_WORDS)
        self.reported_by_others = hashes(strings, REPORTED_BY_OTHERS)
        self.sentence_conjunctions = hashes(strings, SENTENCE_CONJUNCTIONS)
        # What may stand right before a bare subject (see context_generic.opens_clause and opens_question).
        self.subject_qualifiers = hashes(strings, SUBJECT_QUALIFIERS)
        self.subject_openers = self.clause_openers | self.reporting_words | self.sentence_conjunctions | {
            self.that} | self.question_auxiliaries | self.subject_qualifiers
        self.and_ = strings.add("and")
        self.conjunctions = hashes(strings, CONJUNCTIONS)
        self.effect_verbs = hashes(strings, EFFECT_VERBS)
        self.effect_modals = hashes(strings, EFFECT_MODALS)
        self.ability_modals = hashes(strings, ("can", "ca", "cant"))
        # Before the effect they make it the complaint at hand; not "her" ("give her osteoporosis": an object).
        self.case_owners = hashes(strings, ("this", "these", "that", "those", "my", "your", "his", "our", "their"))
        self.present_modals = hashes(strings, PRESENT_MODALS)
        self.may_come_words = hashes(strings, MAY_COME_WORDS)
        self.state_question_auxiliaries = hashes(strings, STATE_QUESTION_AUXILIARIES)
        self.causal_since_verbs = hashes(strings, CAUSAL_SINCE_VERBS)
        self.relative_pronouns = hashes(strings, ("that", "which", "who"))
        self.pronouns_of_subject = hashes(strings, ("it", "they"))
        self.step_words = hashes(strings, STEP_WORDS)
        self.or_ = strings.add("or")
        self.articles = hashes(strings, ("a", "an"))
        self.list_joiners = hashes(strings, LIST_JOINERS)
        self.list_determiners = hashes(strings, LIST_DETERMINERS)
        self.list_negations = hashes(strings, LIST_NEGATIONS)
