"""Questions and statements about a condition in general: the generic status without a cue phrase.

ConText's rule phrases ("what are the symptoms of", "people with") cover part of what is said in general;
the rest is the shape of a clause: a bare subject opening it with a general verb, maybe after its modifier
("Ulcers caused by anti-inflammatories usually heal"), a yes/no question about a bare subject ("does type 1
diabetes skip a generation?"), a second question about the same subject ("... and does it ..."). And a
generic cue, phrase or shape, does not reach a mention a personal word ties to someone (``generic_allowed``).

Functions over the doc's LOWER hashes (``lowers``) and token positions; ``words`` is the component's
``ContextWords``.
"""
from __future__ import annotations

from bisect import bisect_left

from qatext.ner.context_positions import covered, sentence_end
from qatext.ner.context_rules import Found, Rule, modifier
from qatext.ner.context_words import (ASKS_AGAIN_TOKENS, COURSE_WORDS, DEFINED_LABELS, GENERIC_SUBJECT_LABELS,
                                      GENERIC_SUBJECT_SCOPE, GROUP_TOKENS, MODIFIED_SUBJECT_LABELS,
                                      POSSESSOR_WINDOW, SUBJECT_MODIFIER_TOKENS, WH_TOKENS, ContextWords)


def may_be_bare_subject(words: ContextWords, lowers, start: int, end: int, sent_start: int, general) -> bool:
    """Whether the mention at ``start``-``end`` may be a bare subject with a general verb, so that
    ``general_cue`` is worth asking: it opens its sentence or clause (maybe after its modifiers, or after "yes,",
    "no,") or follows a question's auxiliary, and a general verb, a word that may start one, or a defining or
    denying word follows it."""
    subject_openers, length = words.subject_openers, len(lowers)
    return (start == sent_start or lowers[start - 1] in subject_openers or (
            (first := subject_first(words, lowers, start, sent_start)) != start and (
                first == sent_start or lowers[first - 1] in subject_openers)) or (
            start == sent_start + 2 and lowers[start - 1] == words.comma and lowers[sent_start] in words.answers)) and (
            end in general or (end < length and lowers[end] in words.verb_openers)
            or lowers[start - 1] in words.any_verb_auxiliaries
            or (end + 1 < length and lowers[end] in words.define_or_deny
                and may_define_or_deny(words, lowers, start, end)))


def general_cue(words: ContextWords, max_scope: int, lowers, start, end, label, found: Found, sentence_starts: set[int],
                inside):
    """The generic cue, (start, start, modifier...), when the entity is a bare disease or drug that opens a
    sentence or clause with a general verb, maybe after its modifier ("Statins lower the risk", "Gout in older
    men is most often ...", "Ulcers caused by anti-inflammatories usually heal"), or is the bare subject of a
    yes/no question ("can endometriosis cause infertility?", "does type 1 diabetes skip a generation?", "is
    kidney disease always silent?"); else None. Its reach ends where ", and" opens a clause with another
    entity ("X usually burns out, and naproxen should ease the pain")."""
    general, kept = found[3], found[6]
    length, general_words = len(lowers), words.general_words

    def verb_at(index: int) -> Rule | None:
        rule = general.get(index)
        if rule is None and index < length and lowers[index] in general_words:
            # A one-word verb counts where a matched phrase would have: outside entities and longer phrases.
            if not inside[index] and not covered(kept, index):
                rule = general_words[lowers[index]]
        return rule

    verb = verb_at(end)
    modified = False  # a subject with its modifier ("Tinnitus without hearing loss often fades") is a class
    if verb is None and end + 1 < length and lowers[end] in words.subject_adverbs:
        verb = verb_at(end + 1)  # "SGLT2 inhibitors also slow the decline of kidney disease"
    elif verb is None and end < length and lowers[end] == words.in_:  # "Gout in older men is most often ..."
        verb = next((rule for i in range(end + 2, end + GROUP_TOKENS + 2) if (rule := verb_at(i))), None)
    if verb is None and end < length and lowers[end] in words.subject_modifiers:
        verb = verb_after_modifier(words, lowers, end, verb_at, inside)
        if verb is not None and " " not in verb.phrase and verb.phrase not in COURSE_WORDS:
            return None
        modified = verb is not None
    question = label != "TEST" and opens_question(words, lowers, start, sentence_starts)
    if question:
        rest = lowers[end:sentence_end(sentence_starts, start, length)]
        # "can low vitamin B12 cause these symptoms?" asks about the case at hand.
        question = words.case_determiners.isdisjoint(rest)
        auxiliary = lowers[start - 1]
        if verb is None and question and auxiliary in words.any_verb_auxiliaries and (
                auxiliary not in words.imperative_auxiliaries or words.question_mark in rest):
            verb = Rule(words.names[lowers[start - 1]], "general", "forward")
        elif verb is None and question and label in DEFINED_LABELS and end < length and \
                lowers[end] in words.defining_words and (
                auxiliary in words.copula_questions or (
                    auxiliary in words.denials and lowers[start - 2] in words.copula_questions)):
            verb = Rule(words.names[lowers[end]], "general", "forward")
        # Also where a phrase that names other labels took the word ("dangerous for": a drug's, in a statement).
        elif (verb is None or not verb.applies_to(label)) and question and end < length and \
                lowers[end] in words.question_predicates and (
                auxiliary in words.copula_questions or (
                    auxiliary in words.denials and lowers[start - 2] in words.copula_questions)):
            verb = Rule(words.names[lowers[end]], "general", "forward")  # "is GERD linked to asthma?"
    # Not when the denial is part of a longer phrase: "viral sinusitis is not the cause of the symptoms here".
    if verb is None and label == "DISEASE" and end + 1 < length and lowers[end] in words.denied_copulas \
            and lowers[end + 1] in words.denials and not covered(kept, end):
        verb = Rule(words.names[lowers[end]] + " not", "general", "forward")
    if verb is None or not verb.applies_to(label):
        return None  # "is a" states what a disease is; "itraconazole is a good drug for this" is advice
    clause_opened = start in sentence_starts or opens_clause(words, lowers, start, sentence_starts)
    # A verb that names its labels ("is best treated": SYMPTOM too, "Insomnia is best treated with CBT-I")
    # takes those subjects; the others take a disease, drug or treatment only, or any but a test after a
    # modifier.
    subjects = verb.labels if verb.labels is not None and not verb.exclude_labels else (
        MODIFIED_SUBJECT_LABELS if modified else GENERIC_SUBJECT_LABELS)
    if (clause_opened and label in subjects) or question:
        scope = next((i - start for i in range(end, min(length - 2, start + GENERIC_SUBJECT_SCOPE))
                      if lowers[i] == words.comma and lowers[i + 1] == words.and_ and inside[i + 2]),
                     GENERIC_SUBJECT_SCOPE)
        rule = Rule(verb.phrase, "generic", "forward", scope=scope)
        return (start, start, *modifier(rule, max_scope))
    return None


def may_define_or_deny(words: ContextWords, lowers, start: int, end: int) -> bool:
    """Whether a bare subject is denied ("Gout is not ...") or asked about with a defining word ("isnt COPD
    just ...", "is insomnia part of ...") or with a predicate ("is GERD linked to ..."): the cases general_cue
    reads beyond the general verbs."""
    after = lowers[end]
    if after in words.denied_copulas:
        return lowers[end + 1] in words.denials
    return (after in words.defining_words or after in words.question_predicates) and start > 0 and (
        lowers[start - 1] in words.copula_questions or lowers[start - 1] in words.denials)


def subject_first(words: ContextWords, lowers, start: int, sent_start: int = 0) -> int:
    """The first token of a bare subject starting at ``start`` with its hyphenated modifier: a modifier is part
    of the subject ("Long-term lithium causes chronic kidney disease", "long" - "term" "lithium"); ``start``
    when there is none."""
    return start - 3 if start >= sent_start + 3 and lowers[start - 2] == words.hyphen else start


def opens_clause(words: ContextWords, lowers, start: int, sentence_starts: set[int]) -> bool:
    """Whether the token before ``start`` opens a clause for a bare subject: ";", ":", "because", ", and",
    a conjunction opening the sentence ("But iron deficiency ..."), or a report ("i read that ...")."""
    if start < 1:
        return False
    first = subject_first(words, lowers, start)
    if first != start:  # what opens the clause stands before the modifier: "But long-term steroid use causes"
        return first in sentence_starts or opens_clause(words, lowers, first, sentence_starts)
    before = lowers[start - 1]
    if before in words.clause_openers or before in words.reporting_words:
        return True
    if before in words.subject_qualifiers:  # "Untreated high cholesterol raises the risk of ..."
        return start - 1 in sentence_starts or (start > 1 and lowers[start - 2] in words.clause_openers)
    if before == words.comma and start - 2 in sentence_starts and lowers[start - 2] in words.answers:
        return True  # a reply's "Yes, Hashimoto's thyroiditis runs in families"
    if before in words.sentence_conjunctions:
        return start - 1 in sentence_starts or (start > 1 and lowers[start - 2] == words.comma)
    return before == words.that and start > 1 and lowers[start - 2] in words.reporting_words


def verb_after_modifier(words: ContextWords, lowers, end: int, verb_at, inside) -> Rule | None:
    """The general verb after a bare subject's modifier ("that wakes someone at night", "in a man of 58",
    "also"), within a few tokens and its clause; None when a personal word or demonstrative ties the
    subject to someone ("Lexapro which i started in may makes me ...")."""
    relative = lowers[end] in words.relative_pronouns
    for i in range(end + 1, min(len(lowers), end + SUBJECT_MODIFIER_TOKENS + 1)):
        word = lowers[i]
        if word in words.clause_punct or (word in words.generic_blockers and not inside[i]):
            return None
        rule = verb_at(i) if i > end + 1 else None  # the modifier has a word at least: "pain in lower ..."
        if rule is not None and relative and " " not in rule.phrase and rule.phrase not in COURSE_WORDS:
            continue  # the relative clause's own verb: "Hives that come and go over weeks are rarely ..."
        if rule is not None:
            return rule
    return None


def opens_question(words: ContextWords, lowers, start: int, sentence_starts: set[int]) -> bool:
    """Whether one or two auxiliaries open the sentence, or a clause after ", but", "and", "so", right
    before ``start`` ("do seizures", "can't high blood pressure", tokenized "ca" "n't")."""
    auxiliaries = words.question_auxiliaries
    if start < 1 or lowers[start - 1] not in auxiliaries:
        return False
    first = start - 1 if start - 2 < 0 or lowers[start - 2] not in auxiliaries else start - 2
    if first in sentence_starts or (first > 0 and lowers[first - 1] in words.subject_clause_openers):
        return True
    if first > 0 and first - 1 in sentence_starts and lowers[first - 1] in words.sentence_conjunctions:
        return True  # "also can h pylori turn into stomach cancer"
    # A wh-question opening the sentence: "how long does dry socket last?", "at what age does colic stop?"
    for i in range(first - 1, max(-1, first - 1 - WH_TOKENS), -1):
        if lowers[i] in words.wh_words:
            return i in sentence_starts or (i > 0 and (i - 1 in sentence_starts or
                                                      lowers[i - 1] in words.subject_clause_openers))
        if i in sentence_starts:
            break
    return False


def asks_again(words: ContextWords, lowers, generic_end: int, start: int) -> bool:
    """Whether a second question about the same generic subject, "and is it", "or does it", ", can they", stands
    between the generic mention ending at ``generic_end`` and the mention at ``start`` (same sentence), with no
    personal word: "is larva migrans contagious and does it always need ivermectin?"."""
    between = lowers[generic_end:start]
    if len(between) > ASKS_AGAIN_TOKENS or not words.impersonal_personal.isdisjoint(between):
        return False
    return any(between[j] in words.subject_clause_openers and between[j + 1] in words.question_auxiliaries
               and between[j + 2] in words.pronouns_of_subject for j in range(len(between) - 2))


def generic_allowed(words: ContextWords, lowers, phrase, t_start, t_end, start, end, sent_start, sent_end,
                    terminators) -> bool:
    """A generic cue (``phrase``) does not reach a mention that a personal word ties to someone: no "my",
    "your", "this", "he" ... between cue and mention, and none in the mention's clause (from the
    terminator before it to the one after it, the cue's own words aside)."""
    if start and lowers[start - 1] in words.case_determiners:
        return False  # "this discomfort is caused by ...": the case at hand
    # A yes/no question about a bare subject speaks to anyone: its "you" is impersonal ("can coeliac cause low
    # iron even if you dont get diarrhoea?", "isnt crohns usually picked up in your teens?").
    # So does a yes/no question whose cue opens with the auxiliary ("can a latex allergy get worse each time
    # youre exposed?", "do kids with asthma outgrow it if you keep it controlled?").
    # Only after the mention: "can a doctor see your tonsillitis on video?" is the asker's.
    impersonal = (t_start == t_end and t_start > sent_start and lowers[t_start - 1] in words.question_auxiliaries) \
        or (t_start < t_end <= start and lowers[t_start] in words.question_auxiliaries and (
            t_start == sent_start or lowers[t_start - 1] in words.subject_clause_openers)
            and words.personal_words.isdisjoint(lowers[t_end:start]))
    blockers = words.impersonal_blockers if impersonal else words.generic_blockers
    if t_end <= start:  # cue before the mention
        between = lowers[t_end:start]
    else:
        between = lowers[end:t_start]
        if not words.clause_punct.isdisjoint(between) or not words.backward_blockers.isdisjoint(between):
            return False
    if not blockers.isdisjoint(between):
        return False
    index = bisect_left(terminators, start)
    clause_start = max(sent_start, terminators[index - 1] if index else sent_start)
    clause_end = min(sent_end, terminators[index] if index < len(terminators) else sent_end)
    personal = words.impersonal_personal if impersonal else words.personal_words
    before_start = clause_start
    if t_start == t_end:
        before_start = t_start  # a bare subject opens its clause: "i read that thyroid problems are common"
    elif t_end <= start:
        # A question put after a comma is its own clause: "today she has a fever again, can you get roseola twice?";
        # so is what a report tells: "i heard statins can cause muscle pain".
        before_start = next((i + 1 for i in range(t_start - 1, clause_start - 1, -1)
                             if lowers[i] in words.clause_punct or lowers[i] in words.reported_by_others),
                            clause_start)
        # A passive frame whose subject is "it" or "this" ("it has to be treated with X", "can it be
        # cured with X") speaks of the case at hand, not of X in general ("it can cause X" still does).
        if phrase.startswith("be ") and not words.demonstratives.isdisjoint(
                lowers[max(before_start, t_start - POSSESSOR_WINDOW):t_start]):
            return False
    elif start > clause_start and lowers[start - 1] in words.clause_punct and end < len(lowers) and \
            lowers[end] in words.question_auxiliaries:
        # A bare subject after a comma, with its verb, opens a statement of its own: "my bf keeps asking if hes
        # gonna catch it, psoriasis isnt contagious right?" (not an item of a list: "a stomach ache, fatigue and")
        before_start = start
    return personal.isdisjoint(lowers[before_start:min(t_start, start)]) and \
        personal.isdisjoint(lowers[max(t_end, clause_start):clause_end])
