"""Lost functions (GUIDELINES rule 16): "unable to walk", "can barely walk", "couldn't get out of bed".

:func:`add_impairments` finds a cue and a function the lexicon's table knows: "can't smell", "hurts to sit",
"can't stand"; then how far the loss reaches: patients go on with what belongs to it: the total object ("can't
smell [anything]"), the body they cannot move ("can't turn [himself]"), the posture the function needs ("can't
lie [on my left side]", "can't stand [on tiptoe]"), a second function under the same modal ("hurts to sit [or
walk]"). Extent, time and trigger stay outside ("... at night", "... by myself", "... to the mailbox").

:func:`add_stuck_body_parts` finds the body part that will not do its job: "[mouth wont open]",
"[jaw won't close]" (a verbal symptom, GUIDELINES rule 6).
"""
from __future__ import annotations

from spacy.tokens import Doc

from qatext.ner import lay_activity_objects as activity, lay_limit_complements as complements, span_rules
from qatext.ner.lay_common import BE, OBJECT_DETERMINERS, OBJECT_STOPS, replace_covered
from qatext.ner.span_rules import Spans, gate, gate_hits, word_positions as _positions, word_set

# "can't", "could not", "unable to", "can barely": what turns a function into its loss.
IMPAIRMENT_CUES = (
    ("unable", "to"), ("not", "able", "to"), ("ca", "n't"), ("can", "not"), ("cannot",), ("cant",), ("could", "n't"),
    ("could", "not"), ("couldnt",), ("can", "barely"), ("could", "barely"), ("can", "hardly"), ("could", "hardly"),
    ("ca", "n't", "even"), ("could", "n't", "even"), ("barely", "able", "to"), ("hardly", "able", "to"), ("ca", "nt"),
    ("wo", "n't"), ("unable", "to", "even"), ("inability", "to"), ("not", "being", "able", "to"),
    # spaCy splits the apostrophe-less "couldnt", "wont", "cant" into "could nt", "wo nt", "ca nt"
    ("could", "nt"), ("wo", "nt"), ("could", "nt", "even"), ("ca", "nt", "even"),
    # a function that went: "no longer able to kneel" (the cue opens at "longer", the span at "no"), "can no
    # longer grip"
    ("longer", "able", "to"), ("can", "no", "longer"), ("could", "no", "longer"),
    ("struggle", "to"), ("struggles", "to"), ("struggled", "to"), ("struggling", "to"),  # "struggles to get out of a chair"
    # "struggle with stairs": the function named by its object (only objects the table lists: stairs, buttons, jars)
    ("struggle", "with"), ("struggles", "with"), ("struggled", "with"), ("struggling", "with"),
    # "hard to concentrate", "difficult to swallow": a function that costs effort is limited too
    ("hard", "to"), ("harder", "to"), ("difficult", "to"), ("very", "hard", "to"), ("very", "difficult", "to"),
    # a state that stops the function: "too weak to walk", "too dizzy to stand"; a function that hurts: "it hurts to
    # take a deep breath" (the pain is what limits it, one SYMPTOM; "painful to watch" is mostly about an event)
    ("too", "weak", "to"), ("too", "tired", "to"), ("too", "dizzy", "to"), ("too", "exhausted", "to"),
    ("too", "sore", "to"), ("too", "stiff", "to"), ("too", "breathless", "to"), ("too", "nauseous", "to"),
    ("too", "drowsy", "to"), ("too", "sleepy", "to"), ("too", "fatigued", "to"), ("too", "shaky", "to"),
    ("too", "unwell", "to"), ("too", "breathless", "to"), ("too", "confused", "to"), ("too", "knackered", "to"),
    ("hurts", "to"), ("burns", "to"), ("stings", "to"),
    # "[wasn't able to sleep]" (the auxiliary opens it, as "couldn't" does)
    *((aux, negation, "able", "to") for aux in ("was", "is", "were", "are", "am") for negation in ("n't", "nt")),
)
# A function that hurts names the pain, not the loss: "it hurts to pass urine" is dysuria where "can't pass urine" is
# retention (impairments.tsv gives the loss's concept).
PAIN_CUES = frozenset({"hurts", "burns", "stings"})
_PAINFUL_CONCEPTS = {"HP:0000016": "HP:0100518"}  # urinary retention -> dysuria
# "struggle to" is mostly social or emotional: "struggles to talk to people", "struggled to stand up to my boss",
# "struggling to hold down a job", "struggling to write this": with it, no speaking or writing, and not a function
# with "up to" or "down a" after it.
_STRUGGLE_WORDS = frozenset({"struggle", "struggles", "struggled", "struggling"})
_NOT_PHYSICAL_AFTER_STRUGGLE = frozenset("talk speak write say tell communicate express".split())
_SOCIAL_TAILS = (("up", "to"), ("down", "a"), ("down", "my"), ("down", "the"))
IMPAIRMENT_WORDS = frozenset(cue[0] for cue in IMPAIRMENT_CUES)
_EFFORT_WORDS = frozenset({"hard", "harder", "difficult"})
_IMPAIRMENT_GATE = gate(IMPAIRMENT_WORDS)
_CUES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _cue in IMPAIRMENT_CUES:
    _CUES_BY_FIRST.setdefault(_cue[0], []).append(_cue)
# The second words of the cues that start with a word ("can" -> not, barely, hardly); one-word cues have none.
_CUE_SECONDS = {first: frozenset(c[1] for c in cues if len(c) > 1) for first, cues in _CUES_BY_FIRST.items()}
# "the meds won't work", "if nothing else can help": a thing failing is no loss of the person's function; nor is a
# part of the body's chemistry ("the abnormal cells cannot carry oxygen", "the enzyme is unable to").
THING_SUBJECTS = frozenset("it this that which nothing else med meds medication medications medicine drug drugs pill "
                           "pills treatment cell cells blood protein proteins enzyme enzymes gene genes".split())
_FUNCTION_INDEX: dict[int, tuple] = {}  # id of a functions table -> (table, first words, most words)


def add_impairments(doc: Doc, words: list[str], spans: Spans, *, functions: dict[tuple[str, ...], tuple[str, str]]) -> Spans:
    """"unable to walk", "can barely walk", "couldn't get out of bed": the modal is part of the SYMPTOM."""
    hits = gate_hits(words)
    if _IMPAIRMENT_GATE.isdisjoint(hits):
        return spans
    present = word_set(words)
    effortful = _effortful_gerunds(words, functions, hits) if not _GOT_HARDER.isdisjoint(hits) \
        and not _EFFORT_GERUND_SET.isdisjoint(present) else []
    # a cue's first word counts only with one of its second words in the doc ("can" with "barely"); without one,
    # as in 4 of 10 docs called, no cue is read and the function table is not looked at (speed)
    cue_firsts = {w for w in _IMPAIRMENT_GATE & hits if not _CUE_SECONDS[w] or not _CUE_SECONDS[w].isdisjoint(present)}
    if not cue_firsts:
        return replace_covered(spans, effortful) if effortful else spans
    firsts, longest = _function_index(functions)
    if firsts.isdisjoint(present) and activity.MOVING_VERBS.isdisjoint(present) and "stop" not in present:
        return replace_covered(spans, effortful) if effortful else spans
    added = effortful
    dropped: set[tuple[int, int]] = set()
    n = len(words)
    body_ends: dict[int, int] | None = None  # built at the first function found: most docs' cues find none
    for i in _positions(words, cue_firsts):
        seconds = _CUE_SECONDS[words[i]]
        if seconds and (i + 1 >= n or words[i + 1] not in seconds):
            continue  # "can be", "not sure": most modals start no cue
        if i >= 1 and words[i - 1] in THING_SUBJECTS and words[i] not in PAIN_CUES:
            continue  # ("it hurts to breathe": the "it" of the weather verb, no thing that fails)
        # the first cue of the table that matches here decides, as "ca n't" before "ca n't even"
        cue = next((c for c in _CUES_BY_FIRST[words[i]] if tuple(words[i:i + len(c)]) == c), None)
        if cue is None:
            continue
        if len(cue) > 1 and cue[-2] in _EFFORT_WORDS and i >= 1 and (
                words[i - 1] in BE and (i < 2 or words[i - 2] != "it")
                or words[i - 1] in _EFFORT_OF_DOING and any(s[2] == "ANATOMY" and i - 5 <= s[1] < i for s in spans)):
            continue  # "this label is hard to read", "the heart has to work harder to move blood": no lost function
        start = i
        if cue[0] == "longer":
            if i < 1 or words[i - 1] != "no":
                continue  # "any longer able to" is no cue; "[no longer able to kneel]" is
            start = i - 1
        j = i + len(cue)
        if j < n and words[j] in _CUE_ADVERBS:
            j += 1
        if j + 1 < n and words[j] == "seem" and words[j + 1] == "to":
            j += 2  # "[can't seem to focus]": the modal still negates the function
        if j < n and words[j] in activity.MOVING_VERBS and words[i] not in PAIN_CUES:
            dressed = activity.dressing_end(words, j)
            if dressed:  # "cant get her sock on": a garment put on is a self-care task, whatever the table lists
                added.append((start, dressed, "SYMPTOM", _DRESSING))
                continue
            seated = activity.getting_end(words, j) if words[j] in ("get", "go") else 0
            if seated and tuple(words[j:seated]) not in functions and \
                    tuple("my" if w in _OTHER_POSSESSIVES else w for w in words[j:seated]) not in functions:
                # "couldnt get out of the car", "cant go up the stairs"
                added.append((start, seated, "SYMPTOM", _STAIRS if words[seated - 1] in activity.STAIR_WORDS else _GETTING_UP))
                continue
        if j + 1 < n and words[j] == "stop" and tuple(words[j:j + 2]) not in functions:
            # (round 21a, gold s589: "[couldnt stop coughing up blood]" is one span with its modal too)
            kept = activity.kept_complaint_end(spans, j + 1, words, longest=3)
            if kept:  # "[cant stop coughing]": a complaint the writer cannot stop is one span with its modal
                body_ends = _anatomy_ends(spans) if body_ends is None else body_ends
                kept = _body_object_end(words, kept, body_ends) or kept  # "[cant stop scratching her arms]"
                added.append((start, kept, "SYMPTOM", next(s[3] for s in spans if s[0] == j + 1)))
                continue
        if j >= n or words[j] not in firsts:
            continue
        if activity.not_a_loss(words, i, j, j + 1):
            dropped.add((i, j + 1))  # the lexicon's "cant hear", "cant remember" in "we cant hear her", "... the name"
            continue
        if words[i] in _STRUGGLE_WORDS and (words[j] in _NOT_PHYSICAL_AFTER_STRUGGLE or any(
                tuple(words[k:k + 2]) in _SOCIAL_TAILS for k in range(j + 1, min(j + 4, n)))):
            continue
        # a relative's possessive in reach is rare: only then are the folded keys tried
        possessive = not _OTHER_POSSESSIVES.isdisjoint(words[j + 1:j + longest])
        # an adjective inside a listed task ("make a tight fist"): the task without it is the table's
        folded = j + 2 < n and words[j + 2] in activity.PHRASE_ADJECTIVES
        for size in range(min(longest, n - j), 0, -1):
            key = tuple(words[j:j + size])
            found = functions.get(key)
            if not found and folded and size >= 4:
                found = functions.get(key[:2] + key[3:])
            if not found and possessive and size >= 3 and not _OTHER_POSSESSIVES.isdisjoint(key[:-1]):
                # (a possessive last is no part of the key: "do up his" is "do up", tried below with its object)
                # the table writes the writer's own ("get out of my chair"); a relative's is the same loss
                found = functions.get(tuple("my" if w in _OTHER_POSSESSIVES else w for w in key)) \
                    or functions.get(tuple(w for w in key if w not in _OTHER_POSSESSIVES and w != "my"))
            if found:
                end = j + size
                body_ends = _anatomy_ends(spans) if body_ends is None else body_ends
                if activity.not_a_loss(words, i, j, end):
                    break  # "can't drive you", "we cant hear her", "you cannot drive for 6 months"
                turned = activity.weight_turn_end(words, j, end)
                if turned:  # "cant twist on it": the movement on the limb just named
                    added.append((start, turned, "SYMPTOM", found[0]))
                    break
                if complements.social_stand(words, j, end) or complements.idle_back(words, j, end):
                    break  # "cant stand in the queue at tesco", "cant sit back and watch": a dislike, an idleness
                if size == 1 and words[j] in _BEARING:
                    borne = activity.stand_end(words, end)
                    if borne is None:
                        break  # "can't stand my boss": to tolerate a person or thing is no lost function
                    if borne > end:  # "cant stand the light": a stimulus the body cannot bear
                        added.append((start, borne, "SYMPTOM", _INTOLERANCE))
                        break
                    if words[j] == "bear":
                        break  # "i cant bear to look": only a stimulus borne makes "bear" a complaint
                if size == 1 and words[j] in activity.NEEDS_OBJECT and not _body_object_end(words, end, body_ends):
                    worn = activity.needed_object_end(words, end, words[j])
                    if worn == end and end < n and words[end] in complements.MANNERS:
                        worn = end + 1  # "[cant throw overhead]": the manner names the failed act
                    if worn > end:  # "cant wear a t shirt", "cant sing a whole verse"
                        worn = _second_function_end(words, worn, functions, longest, body_ends)
                        added.append((start, worn, "SYMPTOM", found[0]))
                    break  # "i can't sing": a talent as often as a loss
                if size == 1 and words[j] in OBJECT_FUNCTIONS and activity.side_after(words, end):
                    added.append((start, end, "SYMPTOM", found[0]))
                    break  # "cant chew on the left side": the side is where, "on" is no particle
                if key in _UNWILLING:
                    end = _unwilling_end(words, key, end)
                    if end:
                        added.append((start, end, "SYMPTOM", found[0]))
                    break
                if key in _FACE_FUNCTIONS and _FACE_CUES.isdisjoint(present):
                    break  # "i cant whistle": a knack, unless the face is what the story is about
                if key == ("look", "up") and end < n and words[end] not in _LOOK_UP_AFTER:
                    break  # "can't look up the results": a search, not the neck
                if size == 1 and end < n and (words[end] in _PARTICLES and words[j] in OBJECT_FUNCTIONS
                                              or words[end] in _OTHER_SENSE_AFTER.get(words[j], ())):
                    break  # "unable to carry out its role", "can't think of a word": another verb, no loss
                body_end = _body_object_end(words, end, body_ends)
                reach = max(complement_end(words, j, end, spans), activity.place_end(words, j, end))
                if size == 1 and not body_end and words[j] in BODY_ONLY_FUNCTIONS and reach == end:
                    break  # "can't raise the money", "couldn't feel at home": a loss only of a body part's function
                if size == 1 and reach == end and words[j] in NEEDS_COMPLEMENT:
                    break  # "can't lie, it helped": a posture verb without its posture is another verb
                if size == 2 and tuple(words[j:end]) in OBJECT_PARTICLE_FUNCTIONS \
                        and particle_object_end(words, j, end) == end:
                    break  # "can't do up": without its object no function
                if body_end:
                    end = body_end  # "cant lift my arms", "can't straighten her left knee": the body part is the object
                elif size == 1 and words[j] in OBJECT_FUNCTIONS:
                    short = _object_end(words, end)
                    if short == end and words[j] in activity.ACTIVITY_OBJECT_VERBS:
                        short = activity.object_end(words, end, words[j])  # "the lid off a jar", "it"
                    end = short
                    end = complements.contents_end(words, end)  # "[couldn't hold a cup of tea]"
                    if end < n and words[end] in _COMPARED:
                        break  # "more difficult to hold than solid stools": a thing compared, no loss
                elif size == 1 and words[j] in activity.ACTIVITY_OBJECT_VERBS:
                    end = activity.object_end(words, end, words[j])  # "cant read the bus numbers"
                if end < n and words[end] in _MANNER_AFTER and size == 1:
                    end += 1  # "cant pee properly", "cant swallow normally": how the function fails is the complaint
                elif not body_end:
                    # "can't smell anything", "can't lie on my side", "can't do up buttons", "hurts to sit or walk"
                    end = max(end, reach, particle_object_end(words, j, end))
                    end = alternative_end(words, cue, end, functions, longest)
                    end = activity.together_end(words, end, functions)  # "... and walk at the same time"
                if size == 1 and end == j + 1 and words[j] in complements.OBJECT_SENSES:
                    entities = frozenset(k for s in spans if s[2] not in ("SYMPTOM", "ANATOMY")
                                         and end <= s[0] < end + 3 for k in range(s[0], s[1]))
                    end = complements.sensed_object_end(words, end, entities)  # "[cant smell the bleach]"
                end = complements.tail_end(words, j, end)  # "[cant bend down]", "[cant stand in the shower]"
                end = complements.limit_end(words, end)  # "[cant walk more than a mile]"
                # "[cant eat or drink]": an intake pair only; other functions joined by "or" after a bare modal stay
                # apart as drug-review annotators draw them ("[could not move] or speak", "[can't sleep] or wake up")
                if complements.alternative_start(words, end, {}) and words[end + 1] in complements.SECOND_ONLY:
                    end = end + 2
                if words[j] in _INTAKES and complements.fasting_order(words, end):
                    dropped.add((i, j + 1))
                    break  # "cant eat or drink after 10pm before the op": an order to fast, no complaint
                concept = _PAINFUL_CONCEPTS.get(found[0], found[0]) if words[i] in PAIN_CUES else found[0]
                added.append((start, end, "SYMPTOM", concept))
                break
    if dropped:
        spans = [s for s in spans if (s[0], s[1]) not in dropped or s[2] != "SYMPTOM"]
    if not added:
        return spans
    return replace_covered(spans, added)


_MANNER_AFTER = frozenset({"properly", "normally"})
_INTAKES = frozenset({"eat", "drink"})
# Acts of the face that are a knack as often as a loss ("i never learned, i cant whistle"): a loss only when the story
# is about the face (a palsy, a droop, the mouth).
_FACE_FUNCTIONS = frozenset({("whistle",)})
_FACE_CUES = frozenset("palsy bells bell's droop drooped drooping dribble dribbled dribbles numb face facial mouth lips "
                       "stroke".split())


def _second_function_end(words: list[str], end: int, functions: dict, longest: int, body_ends) -> int:
    """The end of a second ability under the same modal ("[cant eat or drink]", "[cant wear a bra or lift my
    arms]", GUIDELINES rule 11: the modal is written once for both), or ``end`` when none follows."""
    j = complements.alternative_start(words, end, functions)
    if not j:
        return end
    n = len(words)
    if words[j] in complements.SECOND_ONLY:
        return j + 1
    for size in range(min(longest, n - j), 0, -1):
        key = tuple(words[j:j + size])
        if key not in functions:
            continue
        stop = j + size
        body = _body_object_end(words, stop, body_ends or {})
        if body:
            return body  # "or lift my arms"
        verb = words[j]
        if size == 1 and verb in activity.NEEDS_OBJECT:
            worn = activity.needed_object_end(words, stop, verb)
            return worn if worn > stop else end
        if size == 1 and (verb in BODY_ONLY_FUNCTIONS or verb in NEEDS_COMPLEMENT or verb in _FACE_FUNCTIONS):
            return end
        if size == 1 and verb in OBJECT_FUNCTIONS:
            return _object_end(words, stop)
        return stop
    return end
_DRESSING = "QATEXT:symptom/difficulty-dressing"
_INTOLERANCE = "QATEXT:symptom/sensory-intolerance"
_BEARING = frozenset({"stand", "bear"})  # (round 40) "[cant bear the sheet on it]" as "[cant stand the light]"
_GETTING_UP = "HP:0002540"  # the table's concept for "get out of bed", "get up from a chair"
_STAIRS = "HP:0003551"  # difficulty climbing stairs, as the table's "climb stairs"

# A function told as the subject that got harder (GUIDELINES rule 16, the effort cue after it): "[reading small print
# is harder] than it was", "[walking is difficult] now", "except [swallowing tablets has got harder]". Only the body's
# and the senses' functions: "working is hard with kids", "reading the news is hard" tell of a life, not a body.
_EFFORT_GERUNDS = {"reading": "read", "walking": "walk", "swallowing": "swallow", "breathing": "breathe",
                   "seeing": "see", "hearing": "hear", "climbing": "climb", "chewing": "chew", "standing": "stand",
                   "bending": "bend", "kneeling": "kneel", "gripping": "grip", "writing": "write", "squatting": "squat"}
_EFFORT_GERUND_SET = frozenset(_EFFORT_GERUNDS)
# the change told ("is harder", "has got difficult"); "is hard" alone is left out: "hard" is in most docs, and the
# scan for it cost more than its finds
_GOT_HARDER = frozenset({"harder", "difficult"})
_EFFORT_LINKS = frozenset("is 's s was has got gets getting become becoming feels seems".split())
_EFFORT_FILLERS = frozenset("much a lot bit so really very more far way lots little".split())
_EFFORT_OPENERS = frozenset(". , ; : ! ? and but except now even also just that so though \n".split()) | {"\n", ""}
_NOT_EFFORT_OBJECTS = frozenset("news this that it them these those people".split())


def _effortful_gerunds(words: list[str], functions: dict, hits) -> list[tuple[int, int, str, str]]:
    out = []
    for i in _positions(words, _GOT_HARDER & hits):
        j = i - 1
        while j >= 0 and i - j <= 3 and words[j] in _EFFORT_FILLERS:
            j -= 1
        if j < 1 or words[j] not in _EFFORT_LINKS:
            continue
        if words[j] in ("got", "become") and words[j - 1] in ("has", "'s", "s", "have"):
            j -= 1
        for k in range(j - 1, max(-1, j - 5), -1):
            base = _EFFORT_GERUNDS.get(words[k])
            if base is None:
                continue
            between = words[k + 1:j]
            opener = words[k - 1] if k else ""
            found = functions.get((base,))
            if found and opener in _EFFORT_OPENERS and _NOT_EFFORT_OBJECTS.isdisjoint(between) \
                    and all(w.isalpha() for w in between):
                out.append((k, i + 1, "SYMPTOM", found[0]))
            break
    return out
_OTHER_POSSESSIVES = frozenset({"her", "his", "their", "your", "our"})
# After "can't look up" the neck's movement ends its clause or says what for ("to hang the washing", "at the sky")
_LOOK_UP_AFTER = frozenset(". , ; : ! ? to at without or and because properly anymore \n".split()) | {"\n"}

# What the writer can no longer make themselves do (apathy, GUIDELINES rule 16): "[cant make myself get in the
# shower]", "[cant face putting my trainers on]", "[couldnt bring myself to open the post]"; the task is the
# complaint and joins the span up to its clause's end. "can't make myself clear", "can't face my boss" are not.
_UNWILLING = frozenset({("make", "myself"), ("bring", "myself", "to"), ("face",)})
_WILLED_TASKS = frozenset("get go eat do shower wash cook clean leave tidy open reply answer call ring text see start "
                          "exercise move brush study walk run dress pick put".split())
_NOT_TASK_GERUNDS = frozenset("thing something anything nothing everything morning evening ceiling "
                              "sibling darling king ring string".split())
# the task's clause ends at punctuation, a conjunction, or its time ("for a month", "every morning", "anymore")
_CLAUSE_ENDS = frozenset(". , ; : ! ? and but because when so or then since as until though ( for every anymore "
                         "lately today tonight now these most \n".split()) | {"\n"}


def _unwilling_end(words: list[str], key: tuple[str, ...], end: int) -> int:
    """The end of the task after "make myself" / "bring myself to" / "face", or 0 when no task follows."""
    n = len(words)
    if end >= n:
        return 0
    task = words[end]
    if key == ("face",):
        if not (task.endswith("ing") and len(task) > 4 and task not in _NOT_TASK_GERUNDS):
            return 0
    elif key == ("make", "myself") and task not in _WILLED_TASKS:
        return 0
    k = end + 1
    while k < n and k - end < 6 and words[k] not in _CLAUSE_ENDS:
        k += 1
    return k


# "the heart works harder to pump": an organ's effort of doing something, not a function the person lost ("i have
# to work harder to breathe" is one).
_EFFORT_OF_DOING = frozenset({"work", "works", "worked", "working", "try", "tries", "tried", "trying"})
# A particle after a function that takes an object makes another verb: "carry out" a role, "carry on" a conversation,
# "hold off" a drug, "think over" (a whole lexicon phrase, "hold anything down", is looked up before this).
_PARTICLES = frozenset({"out", "on", "off", "over", "through", "back"})
# Words after a function that give it an everyday sense: "can't think of the word", "can't think about it".
_OTHER_SENSE_AFTER = {"think": frozenset({"of", "about", "that", "why", "what", "how", "who", "where", "when", "so",
                                          "it", "this", "twice", "anymore"}),
                      # "can't sit through another meeting": enduring an event (lay_activity_limits takes the film or
                      # meal one sits out)
                      "sit": frozenset({"through"})}
_COMPARED = frozenset({"than", "as"})
# Functions whose object belongs to the loss ("[couldnt hold a cup]", "[cant swallow crackers]" without
# water): the object is part of the complaint, extent and trigger are not (GUIDELINES rule 16).
OBJECT_FUNCTIONS = frozenset("hold swallow chew eat drink lift carry open grip button handle tolerate use twist".split())


# Adverbs between the modal and the function: "can't fully straighten", "can barely walk".
_CUE_ADVERBS = frozenset({"barely", "hardly", "even", "really", "fully", "properly", "quite", "completely"})
# Functions that are a loss only with the body part they act on: "can't raise my arm", "can't feel my feet".
BODY_ONLY_FUNCTIONS = frozenset({"feel", "raise", "straighten", "rotate", "flex", "turn"})
# What may stand between a function and the body part it acts on: "lift my arms", "put weight on her left foot".
_BODY_OBJECT_FILLERS = frozenset({"my", "his", "her", "their", "your", "both", "either", "the", "on", "weight", "any", "that",
                                  "this"})


def _anatomy_ends(spans: Spans) -> dict[int, int]:
    """Start -> end of the body parts among ``spans``."""
    return {span[0]: span[1] for span in spans if span[2] == "ANATOMY"}


# Things named after a body part ("hair dryer", "eye drops", "foot stool"): after the part they end a compound noun.
_PART_COMPOUND_HEADS = frozenset("dryer dryers brush brushes straightener straighteners tie ties band bands clip clips "
                                 "towel towels cream lotion drops stool rest chair pillow bag weights spray gel dye "
                                 "wash".split())


def _body_object_end(words: list[str], end: int, body_ends: dict[int, int]) -> int | None:
    """The end of a body part that is the object of a lost function ("can't lift [my arms]"), at most three
    filler words after it; None when no body part follows. The body part is part of the complaint, what comes
    after it ("high enough", "above her shoulder") is extent (GUIDELINES rule 16)."""
    k = end
    while k < len(words) and k - end < 3 and k not in body_ends and words[k] in _BODY_OBJECT_FILLERS:
        k += 1
    if k in body_ends and (k > end or words[end - 1] in _BODY_OBJECT_FILLERS):
        part_end = body_ends[k]
        if part_end < len(words) and words[part_end] in _PART_COMPOUND_HEADS:
            return None  # "couldnt hold the [hair] dryer up": a thing named after the part is the object
        return part_end
    return None


def _object_end(words: list[str], end: int) -> int:
    """The end of a short object after a function verb: "a cup", "her blouse", "anything significant"."""
    n = len(words)
    k = end
    if k < n and words[k] in OBJECT_DETERMINERS:
        k += 1
    taken = 0
    while k < n and taken < 2 and words[k].isalpha() and words[k] not in OBJECT_STOPS:
        k += 1
        taken += 1
    if taken and k < n and words[k].isalpha() and words[k] not in OBJECT_STOPS:
        return end  # the object goes on ("heart healthy food"): none rather than half a noun phrase
    return k if taken else end


def _function_index(functions: dict[tuple[str, ...], tuple[str, str]]) -> tuple[frozenset[str], int]:
    """(first words, most words) of a functions table, computed once per table."""
    index = _FUNCTION_INDEX.get(id(functions))
    if index is None or index[0] is not functions:
        index = _FUNCTION_INDEX[id(functions)] = (functions, frozenset(key[0] for key in functions),
                                                  max((len(key) for key in functions), default=0))
    return index[1], index[2]


# The total object of a lost sense or intake: "can't taste anything" (not "focus [on anything]": drug reviews'
# annotators leave the prepositional object out).
TOTAL_OBJECTS = frozenset({"anything", "a thing"})
# Functions whose reflexive object is the person's own body: "can't turn himself", "can't dress myself".
REFLEXIVES = frozenset("myself himself herself themselves yourself ourselves".split())
REFLEXIVE_FUNCTIONS = frozenset("turn move dress feed wash lift support hold stop".split())
# Functions that take a posture: "can't lie on my left side", "can't stand on tiptoe", "can't sleep on my back".
POSTURE_FUNCTIONS = frozenset("lie sleep stand walk roll sit kneel".split())
POSTURES = span_rules._POSTURES | {"toilet", "loo"}  # one list for both rules, and the seat: "couldnt sit on the toilet"
_POSTURE_FILLERS = frozenset("my his her their your either left right one that this the both".split())
# Turning over where one lies: "can't roll over in bed" (the bed is where the function is, not a trigger).
_IN_BED_FUNCTIONS = frozenset({"over", "up"})
# Functions of a body part that "it"/"them" can stand for once the body part was named: "can't straighten it".
BODY_PRONOUN_FUNCTIONS = frozenset("straighten bend move lift raise flex rotate feel".split())
_BODY_PRONOUNS = frozenset({"it", "them"})
# Particle verbs whose object belongs to the loss: "can't do up buttons", "couldn't pick up a cup".
OBJECT_PARTICLE_FUNCTIONS = frozenset({("do", "up")})
# Functions that name a loss only with their complement: "can't lie on my side" (but "can't lie, it works").
NEEDS_COMPLEMENT = frozenset({"lie", "reach"})
# Where a reach goes: "can't reach behind my back", "can't reach above my head" ("can't reach the doctor" is another verb).
REACH_PLACES = frozenset("back head shoulder shoulders feet toes floor neck".split())
_REACH_PREPOSITIONS = frozenset({"behind", "above", "over", "down", "up"})
# Movements of the body's weight that one complaint limits together: "can't squat or kneel", "can't bend or crouch"
# (after a modal other functions stay apart: "can't sleep or wake up").
MOVEMENTS = frozenset("squat kneel bend crouch stoop sit stand walk hop climb".split())
_ALTERNATIVES = frozenset({"or", "nor"})


def complement_end(words: list[str], j: int, end: int, spans: Spans) -> int:
    """The end of a lost function found at ``words[j:end]`` with the complement patients join to it."""
    n = len(words)
    verb = words[j]
    if end >= n:
        return end
    after = words[end]
    if after in TOTAL_OBJECTS:
        return end + 1
    if after == "a" and end + 1 < n and words[end + 1] == "thing":  # "can't hear [a thing]" (two tokens)
        return end + 2
    if after in REFLEXIVES and verb in REFLEXIVE_FUNCTIONS:
        return end + 1
    if after == "on" and verb in POSTURE_FUNCTIONS:
        k = end + 1
        while k < n and k - end <= 3 and words[k] in _POSTURE_FILLERS:
            k += 1
        if k < n and words[k] in POSTURES:
            return k + 1
    if verb == "reach" and after in _REACH_PREPOSITIONS:
        k = end + 1
        while k < n and k - end <= 3 and words[k] in _POSTURE_FILLERS:
            k += 1
        if k < n and words[k] in REACH_PLACES:
            return k + 1
    if after == "in" and words[end - 1] in _IN_BED_FUNCTIONS and end + 1 < n and words[end + 1] == "bed":
        return end + 2
    if after in _BODY_PRONOUNS and verb in BODY_PRONOUN_FUNCTIONS and end - j == 1 and _body_named_before(spans, j):
        return end + 1
    return end


def _body_named_before(spans: Spans, j: int) -> bool:
    """A body part (or a complaint of one) named in the 20 tokens before ``j``, which "it" can stand for."""
    return any(s[1] <= j and j - s[1] <= 20 and s[2] in ("ANATOMY", "SYMPTOM", "DISEASE") for s in spans)


def alternative_end(words: list[str], cue: tuple[str, ...], end: int, functions: dict, longest: int) -> int:
    """ "hurts to sit [or walk]": a second function that the same pain limits joins the span (the pain is the one
    complaint, GUIDELINES rule 11). After a modal each function is a loss of its own, as drug-review annotators
    draw them: "[can't sleep] or wake up", "[could not move] or speak"; but two movements of the body's weight are
    one limit: "[can't squat or kneel]"."""
    n = len(words)
    if end + 1 >= n or words[end] not in _ALTERNATIVES:
        return end
    movement = words[end - 1] in MOVEMENTS and words[end + 1] in MOVEMENTS
    if cue != ("hurts", "to") and not movement:
        return end
    j = end + 1
    for size in range(min(longest, n - j), 0, -1):
        if tuple(words[j:j + size]) in functions:
            return j + size
    return end


def particle_object_end(words: list[str], j: int, end: int) -> int:
    """ "can't do up buttons": a particle verb without its object names no loss, with it one."""
    n = len(words)
    if end - j != 2 or tuple(words[j:end]) not in OBJECT_PARTICLE_FUNCTIONS:
        return end
    k = end
    if k < n and words[k] in ("a", "an", "the", "my", "his", "her", "their", "your", "any"):
        k += 1
    # one describing word may come first: "can't do up [small buttons]", "my top buttons"
    if k + 1 < n and words[k] in _OBJECT_DESCRIBERS and words[k + 1].isalpha() and words[k + 1] not in _NOT_OBJECTS:
        return k + 2
    if k < n and words[k].isalpha() and words[k] not in _NOT_OBJECTS:
        return k + 1
    return end


_NOT_OBJECTS = frozenset("it them at in on for with to of by and or but so because when if".split())
_OBJECT_DESCRIBERS = frozenset("small little tiny top shirt coat front back own".split())

# A body part that will not do its job: "my mouth wont open", "her jaw won't close", "my eye wont stay open".
STUCK_MODALS = (("wo", "n't"), ("wo", "nt"), ("wont",), ("will", "not"), ("does", "n't"), ("does", "nt"),
                ("doesnt",), ("ca", "n't"), ("ca", "nt"), ("cant",))
STUCK_MOVES = frozenset("open close shut bend straighten move".split())
_STUCK_GATE = gate(STUCK_MOVES)


def add_stuck_body_parts(doc, words: list[str], spans: Spans) -> Spans:
    """"mouth wont open": a body part with a modal and a movement it cannot make is one SYMPTOM (rule 6)."""
    if _STUCK_GATE.isdisjoint(gate_hits(words)):
        return spans
    n = len(words)
    starts = {s[0] for s in spans}
    out = list(spans)
    absorbed: set[int] = set()
    for k, (start, end, label, concept) in enumerate(spans):
        if label != "ANATOMY":
            continue
        modal = next((m for m in STUCK_MODALS if tuple(words[end:end + len(m)]) == m), None)
        if modal is None:
            continue
        i = end + len(modal)
        if i < n and words[i] in ("even", "fully", "properly"):
            i += 1
        if i < n and words[i] in STUCK_MOVES and i not in starts:
            stop = i + 1 + (i + 1 < n and words[i + 1] in ("properly", "normally"))  # the manner, as "can't pee properly"
            # the impairment alone ("can't properly move") may be a span already: the part's complaint takes it in,
            # unless it reaches past the move
            inner = [j for j, other in enumerate(spans) if j != k and other[0] < stop and other[1] > end]
            if any(spans[j][0] < end or spans[j][1] > stop for j in inner):
                continue
            absorbed.update(inner)
            out[k] = (start, stop, "SYMPTOM", "QATEXT:symptom/body-part-complaint")
    if out == spans:
        return spans
    return [span for j, span in enumerate(out) if j not in absorbed]


# "[can only walk about 100 yards]", "[could only walk on my heel]": a function the writer can do only so far or only
# so is a loss too (GUIDELINES rule 16); without the limit "can only" is a choice ("you can only walk on the path").
_ONLY_FUNCTIONS = frozenset("walk stand sit".split())
_LIMIT_UNITS = frozenset("yards yard metres meters metre meter feet steps step paces minutes mins minute min blocks "
                         "block miles mile distances".split())
_LIMIT_APPROXIMATIONS = frozenset("about around roughly maybe approx approximately for a few short".split())
_GAIT_PARTS = frozenset("heel heels toes toe tiptoe".split())
ONLY_WORDS = gate({"only"})
# The word before the modal: who is limited, the writer or someone the post is about (or an adverb after them: "i
# still can only walk ..."), not the generic "you" or "visitors" of a rule.
_LIMITED_SUBJECTS = frozenset("i he she we they now still mum mom dad husband wife son daughter father mother nan gran "
                              "grandma grandad grandpa".split())


def add_only_limits(doc, words: list[str], spans: Spans, *, functions: dict[tuple[str, ...], tuple[str, str]]) -> Spans:
    """"can only walk about 100 yards": the modal, the function and its limit are one SYMPTOM."""
    n = len(words)
    added = []
    for i in _positions(words, ONLY_WORDS & gate_hits(words)):
        j = i + 1
        if i < 2 or words[i - 1] not in ("can", "could") or j >= n or words[j] not in _ONLY_FUNCTIONS \
                or words[i - 2] not in _LIMITED_SUBJECTS:
            continue  # "you can only walk 2 miles on this trail", "visitors can only sit 10 minutes": a rule
        k = j + 1
        while k < n and k - j <= 3 and words[k] in _LIMIT_APPROXIMATIONS:
            k += 1
        if k < n and words[k][:1].isdecimal() and k + 1 < n and words[k + 1] in _LIMIT_UNITS:
            end = k + 2
        elif k < n and k > j + 1 and words[k] in _LIMIT_UNITS:
            end = k + 1  # "short distances", "a few steps"
        elif words[j] == "walk" and k + 2 < n and words[k] == "on" and words[k + 1] in ("my", "his", "her", "the") \
                and words[k + 2] in _GAIT_PARTS:
            end = k + 3
        else:
            continue
        found = functions.get((words[j],))
        if found and not any(s[0] < end and i - 1 < s[1] for s in spans if s[2] != "ANATOMY"):
            added.append((i - 1, end, "SYMPTOM", found[0]))
    if not added:
        return spans
    inside = {t for s in added for t in range(s[0], s[1])}
    return sorted([s for s in spans if inside.isdisjoint(range(s[0], s[1]))] + added)
