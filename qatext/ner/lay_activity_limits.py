"""Negated abilities whose object or complement makes them a complaint (GUIDELINES rule 16): "[cant concentrate on a
book]", "[cant follow lectures]", "[cant look at a screen]", "[couldnt sit through a film]", "[cant lie still]",
"[cant nap]", "[couldnt face food]", "[cant drink anything cold]", "[cant cook] for my kids any more".

Each class is a verb with the kind of object that turns an everyday "can't" into a lost function: attention held
by something one reads, watches or listens to (not "the instructions on the form"), the eyes turned to a screen or a
light (not "look at him the same way"), sitting out a film or a meal (not "another meeting about budgets", which is
boredom), keeping still, a nap, food faced, a drink's temperature, and a household task that went ("anymore"; "cant
cook for a crowd" is a skill). The modal is inside, as for any lost function (rule 3's exception).
"""
from __future__ import annotations

from qatext.ner import lay_patterns
from qatext.ner.lay_common import SENTENCE_ENDS
from qatext.ner.span_rules import Spans, gate, gate_hits, word_positions

CONCENTRATION = "QATEXT:symptom/difficulty-concentrating"
PHOTOPHOBIA = "HP:0000613"
RESTLESSNESS = "QATEXT:symptom/restlessness"
INSOMNIA = "HP:0100785"
ANOREXIA = "HP:0002039"
SENSITIVITY = "QATEXT:symptom/sensory-intolerance"
LOST_TASK = "QATEXT:symptom/impaired-daily-activities"

_CLASSES = {
    # what holds attention: something read, watched or listened to from start to end
    "MEDIA": "book|books|novel|novels|a_book|page|pages|film|films|movie|movies|tv|telly|the_telly|programme|"
             "programmes|program|programs|show|shows|series|lecture|lectures|lessons|plot|plots|story|stories|"
             "podcast|podcasts|article|articles|newspaper|the_news|conversation|conversations|what_people_say|"
             "what_people_are_saying|what_he_says|what_she_says|what_is_said|reading|anything_on_tv",
    "MEDIA_HEAD": "shows|show|programmes|programme|series|episodes|page|pages|screen|plots|plot|lectures|lecture|"
                  "chapter|chapters",
    "GLARE_HEAD": "screen|screens|monitor|monitors|light|lights|glare",
    "WHOLE": "whole|single|entire|full|simple|short|long|normal",
    # what the eyes cannot bear: a screen or a light
    "GLARE": "screen|screens|phone|phones|computer|computers|laptop|laptops|monitor|tv|telly|light|lights|"
             "bright_light|bright_lights|the_sun|sunlight|daylight|headlights",
    # what one sits out: a film, a meal, a lesson (not a meeting: "another meeting about budgets" is boredom)
    "SAT_OUT": "film|movie|meal|dinner|lecture|lesson|class|service|play|episode|concert|mass",
    "STILL_VERB": "lie|sit|keep|stay|stand|hold",
    "FOOD": "food|eating|meals|a_meal|breakfast|lunch|dinner|anything|the_thought_of_food|solids|solid_food",
    "TAKE": "drink|eat|swallow|tolerate",
    "TEMPERATURE": "cold|hot|icy|iced|warm|chilled|frozen|fizzy",
    "TAKEN": "drinks|drink|water|food|things|stuff|tea|coffee|ice_cream|liquids",
    "ANY": "anything|something|nothing",
}
# (verbs after the modal, pattern, label, concept): a row is tried only where its verb follows a negative modal
ROWS = [
    ("concentrate focus", "{CANT} ?even ?really concentrate|focus on|through ?{OWNER} ?{WHOLE} {MEDIA} ?{MEDIA_HEAD}",
     "SYMPTOM",
     CONCENTRATION),
    ("follow", "{CANT} ?even ?really follow ?{OWNER} ?{WHOLE} {MEDIA} ?{MEDIA_HEAD}", "SYMPTOM", CONCENTRATION),
    # a compound keeps its head: "a laptop screen", "tv shows" (not half a noun)
    ("look stare", "{CANT} ?even ?really look_at|stare_at|look_into ?{OWNER} ?bright {GLARE} ?{GLARE_HEAD}", "SYMPTOM",
     PHOTOPHOBIA),
    ("sit get", "{CANT} ?even sit|get through ?{OWNER} ?{WHOLE} {SAT_OUT}", "SYMPTOM", RESTLESSNESS),
    ("lie sit keep stay stand hold", "{CANT} ?even {STILL_VERB} still", "SYMPTOM", RESTLESSNESS),
    ("nap doze snooze", "{CANT} ?even nap|doze|snooze", "SYMPTOM", INSOMNIA),
    ("face", "{CANT} ?even face {FOOD}", "SYMPTOM", ANOREXIA),
    ("drink eat swallow tolerate", "{CANT} ?even {TAKE} {ANY} {TEMPERATURE}", "SYMPTOM", SENSITIVITY),
    ("drink eat swallow tolerate", "{CANT} ?even {TAKE} {TEMPERATURE} {TAKEN}", "SYMPTOM", SENSITIVITY),
    # (no "iron": the supplement is in too many docs to gate on)
    ("cook clean shop garden hoover knit sew bake", "{CANT} ?even cook|clean|shop|garden|hoover|knit|sew|bake",
     "SYMPTOM", LOST_TASK),
]
_BY_VERB: dict[str, list] = {}
for _verbs, _text, _label, _concept in ROWS:
    _pattern = next(iter(lay_patterns.compile_patterns([(_text, _label, _concept)], _CLASSES).values()))[0]
    for _verb in _verbs.split():
        _BY_VERB.setdefault(_verb, []).append(_pattern)
# the words one of which each row needs besides its modal (the hook checks them against the doc's words, with
# NEGATIVES): the rows' rarer verbs, the things followed, "look", "through", "still", "face", a drink's temperature
_GLARE = frozenset("screen screens phone phones computer computers laptop laptops monitor tv telly lights sunlight "
                   "daylight headlights light sun".split())
_SAT_OUT = frozenset("film movie meal dinner lecture lesson class service play episode concert mass".split())
_FACED = frozenset("food eating meals meal breakfast lunch dinner anything solids".split())
_TEMPERATURES = frozenset("cold hot icy iced warm chilled frozen fizzy".split())
_RARE_VERBS = frozenset("concentrate focus stare nap doze snooze cook clean shop garden hoover knit sew bake".split())
# what is followed, rarer than "follow" (a doctor's "follow up"): the row is found from it back to its modal
_FOLLOWED = frozenset("book books novel novels film films movie movies tv telly programme programmes program programs "
                      "series lecture lectures lessons plot plots story stories podcast podcasts conversation "
                      "conversations newspaper news".split())
WORDS = frozenset().union(_RARE_VERBS, _FOLLOWED, {"look", "through", "still", "face"}, _TEMPERATURES)
_GATE = gate(WORDS, _GLARE, _SAT_OUT, _FACED, "lie sit keep stay stand hold drink eat swallow tolerate follow".split())
# the negative of the modal, whose position starts the rows: "ca [nt]", "could [n't]", "[cannot]"
NEGATIVES = _NEGATIVES = frozenset({"nt", "n't", "not", "cannot", "cant", "couldnt", "wont"})
_NEGATIVE_GATE = gate(_NEGATIVES)
_MODAL_FIRSTS = frozenset({"ca", "can", "could", "wo", "will"})
_TASKS = frozenset("cook clean shop garden hoover knit sew bake".split())
# a task that went: the change told after it ("any more", "anymore", "these days", "since ...", "now")
_TASK_WENT = frozenset("anymore more longer since lately days".split())  # ("now" is a moment: "cant cook now, the
# oven is broken")
_CLAUSE_ENDS = frozenset(". , ; : ! ? and but because so or \n".split()) | {"\n"}
# "you cant drink anything cold before the test", "we cant eat anything hot on the plane": a rule or a plan for
# everyone, not the writer's body
_NOT_THE_BODY = frozenset({"you", "we", "u"})


def add_activity_limits(doc, words: list[str], spans: Spans) -> Spans:
    hits = gate_hits(words)
    if _NEGATIVE_GATE.isdisjoint(hits):
        return spans
    anchors = _anchors(hits)
    if not anchors:
        return spans
    # from each anchor (rarer than the negatives, which most replies hold many of) back to its negative modal
    starts = set()
    for i in word_positions(words, anchors):
        for j in range(i - 1, max(-1, i - _REACH), -1):
            if words[j] in _NEGATIVES:
                start = j - 1 if words[j] in ("nt", "n't", "not") else j
                if start >= 0 and (words[start] in _MODAL_FIRSTS or words[start] in _NEGATIVES):
                    starts.add(start)
                break
    n = len(words)
    found = []
    for start in sorted(starts):
        k = start + (1 if words[start] in _NEGATIVES else 2)  # "cant" / "ca nt", "can not"
        while k < n and k - start <= 4 and words[k] in _ADVERBS:
            k += 1
        patterns = _BY_VERB.get(words[k]) if k < n else None
        if not patterns:
            continue
        ends = [lay_patterns.match(words, start, p.slots) for p in patterns]
        end = max(ends)
        if end > start:
            f = (start, end, "SYMPTOM", patterns[ends.index(end)].concept)
            if _plausible(words, f):
                found.append(f)
    return lay_patterns.place(spans, found) if found else spans


_ADVERBS = frozenset({"even", "really", "nt", "n't", "not"})
_REACH = 9  # "ca nt even really look at my phone": the anchor's farthest distance from the negative, and one
_TAKING = frozenset("drink eat swallow tolerate".split())
_STILL_VERBS = frozenset("lie sit keep stay stand hold".split())


def _anchors(hits: set[str]) -> set[str]:
    """The words of the rows whose words are all in the doc: a rare verb, or the object class of a common one."""
    anchors = set(_RARE_VERBS.intersection(hits))
    if "follow" in hits:
        anchors |= _FOLLOWED & hits
    if "still" in hits and not _STILL_VERBS.isdisjoint(hits):
        anchors.add("still")
    if "look" in hits:
        anchors |= _GLARE & hits
    if "through" in hits and not _SAT_OUT.isdisjoint(hits):
        anchors.add("through")
    if "face" in hits and not _FACED.isdisjoint(hits):
        anchors.add("face")
    if not _TAKING.isdisjoint(hits):
        anchors |= _TEMPERATURES & hits
    return anchors


def _plausible(words: list[str], f) -> bool:
    start, end, _label, concept = f
    if start and words[start - 1] in _NOT_THE_BODY:
        return False
    if words[start] in ("wo", "will", "wont") and concept != RESTLESSNESS:
        return False  # a refusal or a choice: "my son wont look at a screen", "i wont cook anymore" ("he wont sit
        # still" is the restless child)
    before = words[max(0, start - 4):start]
    if not _REPORTED.isdisjoint(before) or not _REPORTED_AFTER.isdisjoint(_sentence_after(words, end)):
        return False  # an instruction reported: "the dentist said i cant eat anything hot", "... as instructed"
    if start >= 2 and words[start - 1] == "who" and words[start - 2] in _GENERIC_WHO:
        return False  # a statement about anyone: "patients who cannot look at bright lights should ..."
    after = _clause_after(words, end)
    if not _MOMENT.isdisjoint(after[:3]):
        return False  # one day's plan or an outside cause: "cant nap today because of the builders"
    sentence = _sentence_after(words, end)
    if concept == PHOTOPHOBIA and words[end - 1] not in _LIGHTS and not _WHILE.isdisjoint(sentence):
        return False  # a rule for a device: "cant look at my phone while driving"
    if concept == ANOREXIA and (after[:1] and after[0] in _SOCIAL
                                or words[end - 1] == "anything" and _EATING.isdisjoint(sentence)):
        return False  # a social or an emotional "face": "cant face dinner with my in-laws", "cant face anything"
    if concept == RESTLESSNESS and not _BORED.isdisjoint(words[max(0, start - 12):end + 12]):
        return False  # boredom: "cant sit through a film, he falls asleep because he's bored"
    if concept == CONCENTRATION and (after[:1] and after[0] in _SOMEONE_ELSES or not _NONSENSE.isdisjoint(sentence)):
        return False  # another's story: "cant follow the story he keeps telling, it's nonsense"
    if concept == LOST_TASK:
        if words[end - 1] not in _TASKS:
            return False
        # a skill ("i cant cook for a crowd") unless the clause tells that it went ("... for my kids any more")
        k = end
        while k < len(words) and k - end < 6 and words[k] not in _CLAUSE_ENDS:
            if words[k] in _TASK_WENT and (words[k] not in ("more", "longer") or words[k - 1] in ("any", "no")):
                return True
            k += 1
        return False
    return True


# the verbs that report a rule said to the writer, just before the modal ("said i cant", "told me i cant") or after it
_REPORTED = frozenset("said says say told tells instructed advised warned".split())
_REPORTED_AFTER = frozenset("instructed advised directed told recommended".split())
_GENERIC_WHO = frozenset("patients people those anyone anybody someone children kids adults everyone".split())
_MOMENT = frozenset("today tonight tomorrow".split())  # (not "now": "cant focus on books now" is the change)
_LIGHTS = frozenset("light lights bright_light sun sunlight daylight headlights glare".split())
_WHILE = frozenset("while during driving drive class".split())
_SOCIAL = frozenset({"with"})  # ("couldnt face food at all" stays)
_EATING = frozenset("eat eating food appetite hungry meal meals nausea nauseous sick stomach to_eat swallow".split())
_BORED = frozenset("bored boring boredom dull tedious".split())
_SOMEONE_ELSES = frozenset("he she they you that which his her someone".split())
_NONSENSE = frozenset("nonsense rubbish rambling".split())


def _sentence_after(words: list[str], end: int) -> list[str]:
    k = end
    while k < len(words) and k - end < 15 and words[k] not in SENTENCE_ENDS:
        k += 1
    return words[end:k]


def _clause_after(words: list[str], end: int) -> list[str]:
    k = end
    while k < len(words) and k - end < 8 and words[k] not in _CLAUSE_ENDS:
        k += 1
    return words[end:k]
