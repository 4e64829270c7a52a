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

Where the code is: ``context_rules`` reads the rule tables; ``context_words`` holds the words the shapes found in
code read; ``context_generic`` (questions and general statements), ``context_plans`` (plans, effects, time),
``context_negation`` (where a negation's reach ends) and ``context_people`` (who a mention belongs to) make the
decisions beyond the trigger phrases; ``context_status`` settles the status and writes it. This module is the
component: the matcher, the scope of each trigger, and the loop over the entities.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.attrs import LOWER, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from qatext.ner import extensions
from qatext.ner.batching import BatchedPipe
from qatext.ner.context_generic import asks_again, general_cue, generic_allowed, may_be_bare_subject
from qatext.ner.context_negation import comma_ends_denial, in_condition, new_subject_after_and
from qatext.ner.context_people import find_people, passage_subject, person_for
from qatext.ner.context_plans import (after_modal, asks_yes_no, effect_asked, follows_as_alternative,
                                      planned_before_if)
from qatext.ner.context_positions import any_between, byte_positions, positions_of
from qatext.ner.context_rules import (ANTECEDENT, BACKWARD_ONLY, CATEGORIES, DIRECTIONS, FORWARD, FRONTED, MODIFIERS,
                                      OPENING, OPENING_SCOPE, PLACEHOLDERS, TIME_CATEGORIES, Found, Person, Roles,
                                      Rule, load_people, load_rules, roles_of)
from qatext.ner.context_status import resolve, write_status
from qatext.ner.status_model import Pending
from qatext.ner.context_words import (ASKED_STATE_PHRASES, EFFECT_LABELS, EMOJI, GENERIC_SUBJECT_SCOPE,
                                      MAY_COME_PHRASES, MAYBE_STEP_TOKENS, MAYBE_STEPS, NEVER_POSSIBLE_LABELS,
                                      NEW_CLAUSE_BEFORE_SELF, NEW_QUESTION_OPENERS, PLANNED_IF_TOKENS, PLANNED_LABELS,
                                      SINCE_PHRASES, ContextWords)

# The rule tables' names, imported from here before they had a module of their own.
__all__ = ["CATEGORIES", "DIRECTIONS", "MODIFIERS", "PLACEHOLDERS", "ConTextAssertion", "Person", "Rule",
           "load_people", "load_rules"]

# Read in one Doc.to_array call (iterating tokens or doc.sents costs several times more); attribute
# ids rather than names save looking each name up on every call. Not ENT_IOB: which tokens are an entity's is
# known from the entities (each attribute costs to_array a call per token, holding the GIL).
_ARRAY_ATTRS = [LOWER, SENT_START]


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
        general_words, longest = self._add_rule_phrases(nlp)
        # How far a trigger can be from a mention it reaches: only those modifiers are looked at.
        self._window = longest + max([max_scope, OPENING_SCOPE, GENERIC_SUBJECT_SCOPE] +
                                     [rule.scope for rule in self.rules if rule.scope is not None])
        self._add_people(nlp, people)
        self._words = ContextWords(nlp.vocab.strings, people, general_words)
        self._add_clause_starts(nlp)
        # What each matched id stands for, in one look-up and unpacked from a tuple (faster than a dataclass's
        # attributes): (modifiers, terminator kind, general verb, None) for a rule phrase, where the terminator kind is
        # 0 (none), 1 (soft) or 2 (hard); (None, 0, None, person) for a person.
        self._plan = {**{key: (roles.modifiers, 2 if roles.hard else int(roles.terminates), roles.general, None)
                         for key, roles in self._roles_of.items()},
                      **{key: ((), 0, None, person) for key, person in self._person_of.items()}}

    def _add_rule_phrases(self, nlp: Language) -> tuple[dict[int, Rule], int]:
        """Adds the rule phrases (and the emoji, terminators) to the matcher, each with its roles in
        ``self._roles_of``; returns the one-word general verbs left out of the matcher (LOWER hash -> rule) and
        the longest phrase's length in tokens."""
        self._roles_of: dict[int, Roles] = {}
        by_phrase: dict[str, list[Rule]] = {}
        for rule in self.rules:
            by_phrase.setdefault(rule.phrase.lower(), []).append(rule)
        for emoji in sorted(EMOJI):
            by_phrase.setdefault(emoji, []).append(Rule(emoji, "terminate", "forward"))
        longest = 1
        # One-word general verbs ("can", "do", "take": a fifth of all matches) are looked up after the bare
        # subjects only: a one-word phrase takes no tokens from a longer one, so leaving them out of the
        # matcher changes no other match.
        general_words: dict[int, Rule] = {}
        for index, (phrase, rules) in enumerate(by_phrase.items()):
            key = f"rule{index}"
            # A one-character phrase (the emoji) is one token: built without the tokenizer, 2,500 of them.
            pattern = Doc(nlp.vocab, words=[phrase]) if len(phrase) == 1 else nlp.make_doc(phrase)
            longest = max(longest, len(pattern))
            phrase_roles = roles_of(rules, self.max_scope)
            if len(pattern) == 1 and phrase_roles.general is not None and not phrase_roles.modifiers \
                    and not phrase_roles.terminates and all(rule.category == "general" for rule in rules):
                general_words[pattern[0].lower] = phrase_roles.general
                continue
            self.matcher.add(key, [pattern])
            self._roles_of[nlp.vocab.strings[key]] = phrase_roles
        return general_words, longest

    def _add_people(self, nlp: Language, people: list[Person]) -> None:
        """Adds the relatives and other people to the matcher, each in ``self._person_of``; the one-word
        personal words ("I", "my", "he") are tested token by token instead (``ContextWords``)."""
        self._person_of: dict[int, Person] = {}
        for index, person in enumerate(people):
            if person.who in ("relative", "other"):
                key = f"person{index}"
                self.matcher.add(key, [nlp.make_doc(person.phrase)])
                self._person_of[nlp.vocab.strings[key]] = person

    def _add_clause_starts(self, nlp: Language) -> None:
        """Adds the starts of new clauses found by shape to the matcher, their ids in ``self._clause_ids``
        (id -> whether the pronoun is "i")."""
        words = self._words
        # ", i", "and ive": matched with the triggers (one pass) but kept out of the longest-match contest, so
        # that the phrases starting with "i" ("i had", "i suggest") keep their roles. "i" inside an entity is a
        # roman numeral ("type I diabetes"), hence its own key.
        self._clause_ids = {}
        for key, pronouns in (("qatext_clause", [w for w in words.self_words if w != words.i]),
                              ("qatext_clause_i", [words.i])):
            patterns = [nlp.make_doc(f"{separator} {nlp.vocab.strings[w]}") for separator in NEW_CLAUSE_BEFORE_SELF
                        for w in sorted(pronouns)]
            self.matcher.add(key, [pattern for pattern in patterns if len(pattern) == 2])
            self._clause_ids[nlp.vocab.strings[key]] = key == "qatext_clause_i"
        # "and will ...", "or does ...": a new question opens its own clause ("how long before people with CKD end
        # up on dialysis, and will i need a fistula", "does ringworm need antifungal tablets or does a cream do"),
        # kept out of the longest-match contest like ", i" so that "will i" keeps its role.
        self.matcher.add("qatext_clause_question", [nlp.make_doc(f"{conjunction} {auxiliary}")
                                                    for conjunction, auxiliary in NEW_QUESTION_OPENERS])
        self._clause_ids[nlp.vocab.strings["qatext_clause_question"]] = False

    # -- the component -------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        return self._in_batch(doc, None)

    def _in_batch(self, doc: Doc, pending: list | None) -> Doc:
        """The rules on ``doc``; the status model then revises it at once, or with the batch's other docs
        (``pending``, one numpy product for all: ``_end_batch``)."""
        words = self._words
        names = words.names  # ent.label_ decodes a new string per entity
        ents = [(ent.start, ent.end, names[ent.label], ent.start_char, ent.end_char) for ent in doc.ents]
        if not ents:
            return doc
        columns = doc.to_array(_ARRAY_ATTRS)
        inside = _inside(len(doc), ents)
        matched = self._matches(doc, inside)
        modifiers, terminators, hard_terminators, general, people, clause_starts, _kept = matched
        lowers = columns[:, 0].tolist()
        # SENT_START is -1 inside a sentence, an integer object per token in a list: found as bytes instead.
        sentence_starts = [0, *byte_positions((columns[:, 1] == 1).tobytes(), 1)]
        for index in positions_of(lowers, words.i):
            if inside[index]:
                lowers[index] = 0  # a roman numeral, not the asker: "type I diabetes", "CBT-I"
                columns[index, 0] = 0
        # ", i ...", "and ive ...": the asker starts a new clause.
        phrase_terminators = terminators
        terminators = sorted(terminators + clause_starts) if clause_starts else terminators
        modifier_starts = [t[0] for t in modifiers]
        people = find_people(words, lowers, people)
        subject = passage_subject(words, self.max_scope, doc, lowers, people, ents, matched, sentence_starts,
                                  inside) if people else None
        all_terminators = (terminators, hard_terminators, phrase_terminators)
        window, length, sentences = self._window, len(doc), len(sentence_starts)
        user_data = doc.user_data
        index, sent_start, sent_end = -1, 0, 0
        starts = None
        generic_end, generic_cue = -2, None  # the last generic mention's end and cue
        possible_end, possible_cue = -2, None  # the last possible one's
        any_effect_verb = not words.effect_verbs.isdisjoint(lowers)
        ruled = {}  # what the rules wrote (not all defaults), by entity number, for the status model
        for number, (start, end, label, start_char, end_char) in enumerate(ents):
            while start >= sent_end:  # entities come in order: the next sentence or one further
                index += 1
                sent_start = sentence_starts[index]
                sent_end = sentence_starts[index + 1] if index + 1 < sentences else length
            # A bare subject with a general verb is generic, and so is what follows it ("Statins lower the
            # risk of heart attack"): its cue goes in with the triggers, reaching this entity and the next.
            if may_be_bare_subject(words, lowers, start, end, sent_start, general):
                starts = starts or set(sentence_starts)
                cue = general_cue(words, self.max_scope, lowers, start, end, label, matched, starts, inside)
                if cue is not None:
                    at = bisect_right(modifier_starts, start)
                    modifiers.insert(at, cue)
                    modifier_starts.insert(at, start)
            # Only the modifiers close enough to reach it: long run-on sentences stay cheap.
            lo = bisect_left(modifier_starts, sent_start if sent_start > start - window else start - window)
            hi = bisect_left(modifier_starts, sent_end if sent_end < end + window else end + window)
            if lowers[start] == words.hash and (end >= sent_end or lowers[end] == words.hash):
                continue  # a closing hashtag ("... #toothache #help") tags the post: no trigger of the sentence reaches it
            person = person_for(words, self.max_scope, lowers, start, people, terminators, sent_start,
                                subject) if people else None
            # A conjunct of a generic mention ("X and Y", "X or Y") is spoken of in general too, where the cue's
            # scope ended before it ("People with CKD clear potassium slowly, and ACE inhibitors and
            # spironolactone can push it higher").
            conjunct = person is None and generic_end >= sent_start and (
                (generic_end == start - 1 and lowers[start - 1] in words.conjunctions)
                or asks_again(words, lowers, generic_end, start))
            # (Only in a doc with an effect verb, one C-speed test per doc: most have none.)
            effect = effect_asked(words, lowers, start, sent_start, sent_end, inside) if any_effect_verb and \
                label in EFFECT_LABELS else None
            # An alternative to a hedged diagnosis is hedged too: "most likely a reactive node or an inflamed follicle".
            alternative = person is None and possible_end >= sent_start and label not in NEVER_POSSIBLE_LABELS \
                and follows_as_alternative(words, lowers, possible_end, start)
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
            if label in PLANNED_LABELS and words.if_ in lowers[end:min(sent_end, end + PLANNED_IF_TOKENS)] and \
                    planned_before_if(words, lowers, end, sent_end, inside):
                found.append(("hypothetical", "if"))  # "and a biopsy if the node looks abnormal"
            if not found and person is None:
                continue  # no trigger reaches it
            status, experiencer, cue = resolve(found, person, subject)
            if status == "generic":
                generic_end, generic_cue = end, cue
            elif status == "possible":
                possible_end, possible_cue = end, cue
            write_status(user_data, start_char, end_char, status, experiencer, cue)
            if status != "present" or experiencer != "patient" or cue is not None:
                ruled[number] = (status, experiencer, cue)
        if self.status_model is not None:
            if pending is None:
                self.status_model.revise(doc, lowers, sentence_starts, ents)
            else:
                pending.append(Pending(doc, columns[:, 0], sentence_starts, ents, ruled))
        return doc

    def _end_batch(self, pending: list) -> None:
        if self.status_model is not None:
            self.status_model.revise_all(pending)

    # -- triggers ------------------------------------------------------------------------------

    def _matches(self, doc: Doc, inside: bytearray) -> Found:
        """Triggers and people, the longest match first where they overlap; every rule of a matched
        phrase is kept (a phrase can have several roles). A trigger word inside an entity ("no
        appetite") modifies nothing."""
        clauses: list[tuple[int, bool]] = []
        kept = _longest_matches(self.matcher(doc), self._clause_ids, clauses)
        modifiers, terminators, hard_terminators, general, people = [], [], [], {}, []
        plan, find = self._plan, inside.find
        for start, end, match_id in kept:
            if find(1, start, end) != -1:
                continue
            phrase_modifiers, terminates, general_verb, person = plan[match_id]
            if person is not None:
                people.append((start, end, person))
                continue
            for modifier in phrase_modifiers:
                modifiers.append((start, end, *modifier))
            if terminates:
                terminators.append(start)
                if terminates == 2:
                    hard_terminators.append(start)
            if general_verb is not None:
                general[start] = general_verb
        # "i" inside an entity is no asker ("..., CBT-I").
        clause_starts = [start for start, is_i in clauses if not (is_i and inside[start + 1])]
        return modifiers, terminators, hard_terminators, general, people, clause_starts, kept

    def _reaching(self, lowers, start, end, label, modifiers, terminators, sent_start, sent_end,
                  inside) -> list[tuple[str, str]]:
        """(category, phrase) of every trigger whose scope covers the mention and whose rule fits its label.
        ``terminators`` is (every terminator, the hard ones that also end an opening trigger's reach, those
        that end a time's reach: not the comma before "i")."""
        every_terminator, hard_terminators, phrase_terminators = terminators
        words = self._words
        found = []
        for t_start, t_end, category, direction, scope, phrase, limited, rule in modifiers:
            # Most rules fit every label: the method is called only for those that name some.
            if t_end > sent_end or (limited and not rule.applies_to(label)):
                continue
            if category == "possible" and label in NEVER_POSSIBLE_LABELS:
                if phrase in MAYBE_STEPS and t_end <= start and start - t_end <= MAYBE_STEP_TOKENS and \
                        words.step_words.issuperset(lowers[t_end:start]):
                    found.append(("hypothetical", phrase))  # "then maybe a biopsy": a step that may come
                continue
            if category == "over" and phrase in SINCE_PHRASES and end < len(lowers) and \
                    lowers[end] in words.causal_since_verbs:
                continue  # "since" as "because": "Since your asthma is mild, ..."
            if category == "hypothetical" and phrase in MAY_COME_PHRASES and \
                    not after_modal(words, lowers, start, sent_start):
                continue  # "my migraines come back every time i stop the propranolol": a habit, not what may come
            if category == "over" and phrase in ASKED_STATE_PHRASES and \
                    asks_yes_no(words, lowers, start, t_end, sent_start, sent_end):
                continue  # "is the fever gone?" asks
            if category == "hypothetical" and label == "TEST" and start > 1 and \
                    lowers[start - 1] in words.if_subject_words and lowers[start - 2] in words.conditionals:
                continue  # the test is what the condition watches: "if your eGFR keeps falling, ..."
            if direction >= OPENING:
                opens = t_start == sent_start or lowers[t_start - 1] in words.trigger_clause_openers
                if direction == OPENING and t_end <= start and opens:
                    if start - t_end <= OPENING_SCOPE and not any_between(hard_terminators, t_end, start):
                        found.append((category, phrase))
                    continue
                if direction == FRONTED and not opens:
                    continue
                direction = FORWARD
            elif direction == ANTECEDENT:
                if end <= t_start and t_start - end <= scope:
                    found.append((category, phrase))
                continue
            if direction != BACKWARD_ONLY and t_end <= start:
                if start - t_end <= scope:
                    blocked = any_between(every_terminator, t_end, start)
                    if not blocked and category == "negated" and words.comma in lowers[t_end:start]:
                        blocked = in_condition(words, lowers, t_start, t_end, start, sent_start, inside) or (
                            lowers[t_start] not in words.list_negations
                            and comma_ends_denial(words, lowers, t_end, start, inside))
                    if not blocked and category == "negated" and words.and_ in lowers[t_end:start]:
                        blocked = new_subject_after_and(words, lowers, start, end)
                    if blocked and category in TIME_CATEGORIES and not any_between(phrase_terminators, t_end, start):
                        # Only a comma before "i" stands between. A time fronted before the asker's clause
                        # reaches into it ("Two years ago, I had pneumonia"); one that ends the asker's
                        # clause does not ("i had surgery in 2014, i take metoprolol").
                        blocked = not words.self_words.isdisjoint(lowers[sent_start:t_start])
                    if not blocked and (category != "generic" or generic_allowed(
                            words, lowers, phrase, t_start, t_end, start, end, sent_start, sent_end, every_terminator)):
                        found.append((category, phrase))
            elif direction != FORWARD and end <= t_start and t_start - end <= scope:
                if not any_between(every_terminator, end, t_start) and (category != "generic" or generic_allowed(
                        words, lowers, phrase, t_start, t_end, start, end, sent_start, sent_end, every_terminator)):
                    found.append((category, phrase))
        return found


def _inside(length: int, ents: list[tuple]) -> bytearray:
    """One byte per token, 1 inside an entity ((start, end, ...) each): tested with ``find`` at C speed."""
    inside = bytearray(length)
    for start, end, _label, _start_char, _end_char in ents:
        inside[start:end] = b"\x01" * (end - start)
    return inside


def _longest_matches(matches: list[tuple[int, int, int]], clause_ids: dict[int, bool],
                     clauses: list[tuple[int, bool]]) -> list[tuple[int, int, int]]:
    """(start, end, id) of the matches kept, sorted: the longest first where they overlap, then the leftmost.
    The clause starts (", i") go to ``clauses`` as (start, whether the pronoun is "i"), outside the contest.

    Matches that overlap no other (most) are kept as they come; only a cluster of overlapping ones is settled
    (``_settle``): the contest never reaches beyond its cluster, so settling each alone keeps what settling all
    at once kept, without sorting a whole long doc's matches because two of them cross."""
    kept: list[tuple[int, int, int]] = []
    cluster: list[tuple[int, int, int]] = []
    cluster_start = cluster_end = -1
    clause = clause_ids.get
    for match_id, start, end in matches:
        is_i = clause(match_id)
        if is_i is not None:
            clauses.append((start, is_i))
        elif start >= cluster_end:
            if len(cluster) == 1:
                kept.append(cluster[0])
            elif cluster:
                kept += _settle(cluster)
            cluster = [(start, end, match_id)]
            cluster_start, cluster_end = start, end
        elif start >= cluster_start:
            cluster.append((start, end, match_id))
            cluster_end = max(cluster_end, end)
        else:  # not in the matcher's order (by start): settle them all at once
            clauses[:] = [(start, clause_ids[match_id]) for match_id, start, _end in matches if match_id in clause_ids]
            return _settle([(start, end, match_id) for match_id, start, end in matches
                            if match_id not in clause_ids])
    if len(cluster) == 1:
        kept.append(cluster[0])
    elif cluster:
        kept += _settle(cluster)
    return kept


def _settle(cluster: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The matches (start, end, id) kept of overlapping ones: the longest first, then the leftmost. One pass
    when every overlap is one phrase inside or at the start of another (``_longest_nested``); else sorted."""
    kept = _longest_nested(cluster)
    if kept is not None:
        return kept
    # Overlaps that cross: longest first, then leftmost, sorted as plain tuples (compared in C).
    first = min(start for start, _end, _id in cluster)
    taken = bytearray(max(end for _start, end, _id in cluster) - first)
    kept = []
    for _length, start, end, match_id in sorted([(start - end, start, end, match_id)
                                                 for start, end, match_id in cluster]):
        if taken.find(1, start - first, end - first) == -1:
            taken[start - first:end - first] = b"\x01" * (end - start)
            kept.append((start, end, match_id))
    kept.sort()
    return kept


def _longest_nested(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]] | None:
    """(start, end, id) of the longest matches, from matches (start, end, id) in the matcher's order (by start,
    then end), when every overlap is one phrase inside or at the start of another ("no" in "no family history
    of", "can" and "can be"): one pass. None when two cross or coincide: then the caller sorts."""
    kept: list[tuple[int, int, int]] = []
    last_start = last_end = -1
    for match in matches:
        start, end, _id = match
        if start >= last_end:
            kept.append(match)
            last_start, last_end = start, end
        elif start == last_start and end > last_end:
            kept[-1] = match  # the same start, longer: nothing between them was dropped
            last_end = end
        elif start > last_start and end <= last_end and end - start < last_end - last_start:
            continue  # inside the one kept, and shorter
        else:
            return None
    return kept
