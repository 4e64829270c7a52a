"""What is done to a body part or comes out of it, told with the verb (GUIDELINES rules 6 and 16): "tugging at his
ears", "twisted my knee", "losing her hair", "coughing up green phlegm".
"""
from __future__ import annotations

from spacy.tokens import Doc

from qatext.ner.lay_common import BRINGS, OBJECT_STOPS, POSSESSIVES, replace_covered
from qatext.ner.span_rules import BODY_COMPLAINT, Spans, gate, gate_hits, word_positions as _positions

# What a child or patient does to a body part that hurts or itches, as a parent tells it: "tugging at his ears",
# "scratching her bum", "rubbing his eyes" (GUIDELINES rule 6: the body part with what is done to it is one SYMPTOM).
TENDING_VERBS = frozenset("scratching scratches scratched rubbing rubs pulling pulls tugging tugs tugged clutching "
                          "clutches".split())


def add_tended_body_parts(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"keeps tugging at his ears", "scratching her bum": a tending verb and a possessed body part, one SYMPTOM."""
    n = len(words)
    body = {span[0]: span for span in spans if span[2] == "ANATOMY"}
    added, figures = [], []
    for i in _positions(words, _TENDING_GATE.intersection(gate_hits(words))):
        j = i + 1
        j += j < n and words[j] in ("at", "on")
        if j < n and words[j] in POSSESSIVES and j + 1 in body:
            end = body[j + 1][1]
            tails = FIGURATIVE_TENDED.get(words[end - 1], ())
            if any(tuple(words[end:end + len(tail)]) == tail for tail in tails):
                figures += [i, j + 1]  # "scratching my head over these results", "pulling my hair out": no complaint
                continue
            added.append((i, end, "SYMPTOM", BODY_COMPLAINT))
    if figures:  # nor is the verb alone ("scratching" is an itch's lexicon term) or the body word of the figure
        spans = [span for span in spans if not (span[1] - span[0] == 1 and span[0] in figures)]
    return replace_covered(spans, added) if added else spans


_TENDING_GATE = gate(TENDING_VERBS)


# Body words in figures of speech that are no body part: "fingers crossed" (the lone ones are settled in
# anatomy_rules, with "kicking my butt" and "on an empty stomach").
FIGURATIVE_BODY = {"fingers": (("crossed",),), "butt": (), "ass": ()}
# With a tending verb (add_tended_body_parts) more body words make figures: "scratching my head over/about it"
# (puzzled), "pulling my hair out" (exasperated), "rubbing my hands together" (eager). Only there: "hit my head
# over the weekend" keeps its head.
FIGURATIVE_TENDED = {**FIGURATIVE_BODY,
                     "head": (("over",), ("about",), ("trying",), ("wondering",), ("as", "to")),
                     "hair": (("out",),), "hands": (("together",),)}


# "twisted my knee", "broke my wrist", "dislocated my shoulder": a verbal injury is a DISEASE (GUIDELINES rule 6).
_FRACTURE, _SPRAIN, _DISLOCATION, _INJURY = ("HP:0020110", "QATEXT:mesh/sprains-and-strains", "HP:0001373",
                                             "QATEXT:mesh/wounds-and-injuries")
INJURY_VERBS = {
    "broke": _FRACTURE, "fractured": _FRACTURE, "cracked": _FRACTURE, "sprained": _SPRAIN, "twisted": _SPRAIN,
    "rolled": _SPRAIN, "strained": _SPRAIN, "pulled": _SPRAIN, "tweaked": _SPRAIN, "dislocated": _DISLOCATION,
    "subluxed": _DISLOCATION, "subluxated": _DISLOCATION,
    "tore": _INJURY, "injured": _INJURY, "jammed": _INJURY, "smashed": _INJURY,
    # knocks and scrapes patients tell with the verb: "scraped my shin", "stubbed my toe", "banged my head"
    "scraped": _INJURY, "grazed": _INJURY, "bruised": _INJURY, "banged": _INJURY, "bumped": _INJURY,
    "stubbed": _INJURY, "whacked": _INJURY, "busted": _INJURY, "chipped": _INJURY, "scalded": _INJURY,
}
# "losing her hair", "lost my eyelashes": the loss of what grows on the body is a complaint told with its verb
# (GUIDELINES rule 6); the loss of a limb or of an organ is an amputation or an operation, not this.
LOSS_VERBS = frozenset("losing lost lose loses".split())
SHED_PARTS = {"hair": "HP:0001596", "eyelashes": None, "lashes": None, "eyebrows": None, "brows": None, "teeth": None,
              "tooth": None, "nails": None, "fingernails": None, "toenails": None}


# Parts one has many of are injured with an article: "pulled a muscle", "cracked a rib", "tore a ligament"; the
# part they are in comes with them ("[pulled a muscle in my lower back]", as a located complaint keeps its place).
COUNTED_PARTS = frozenset("muscle muscles ligament ligaments tendon tendons rib ribs disc disk vertebra bone toe "
                          "finger hamstring".split())  # not a tooth or a nerve: a dentist pulls those
_ARTICLES = frozenset({"a", "an"})  # "the surgeon pulled the muscle aside" is no injury


def add_verbal_injuries(doc: Doc, words: list[str], spans: Spans) -> Spans:
    added = []
    anatomy_ends = {span[0]: span[1] for span in spans if span[2] == "ANATOMY"}
    n = len(words)
    for start, end, label, _concept in spans:
        if label == "ANATOMY" and start >= 2 and words[start - 2] in INJURY_VERBS and (
                words[start - 1] in POSSESSIVES or words[start - 1] in _ARTICLES and words[end - 1] in COUNTED_PARTS):
            if end + 2 < n and words[end] == "in" and words[end + 1] in POSSESSIVES and end + 2 in anatomy_ends:
                end = anatomy_ends[end + 2]
            added.append((start - 2, end, "DISEASE", INJURY_VERBS[words[start - 2]]))
        elif label == "ANATOMY" and words[end - 1] in SHED_PARTS:
            verb = _loss_verb_before(words, start)
            if verb is not None:
                added.append((verb, end, "SYMPTOM", SHED_PARTS[words[end - 1]] or BODY_COMPLAINT))
    return replace_covered(spans, added) if added else spans


_INJURY_GATE = gate(INJURY_VERBS, LOSS_VERBS)
# How much of it goes: "losing [handfuls of] hair", "lost [so much] hair" (the amount is part of the complaint).
_SHED_AMOUNTS = (("handfuls", "of"), ("clumps", "of"), ("chunks", "of"), ("lots", "of"), ("a", "lot", "of"),
                 ("loads", "of"), ("tons", "of"), ("so", "much"), ("too", "much"), ("a", "bit", "of"))


def _loss_verb_before(words: list[str], start: int) -> int | None:
    """Where "losing my" or "lost <an amount of>" starts before the shed part at ``start``, or None."""
    if start >= 2 and words[start - 1] in POSSESSIVES and words[start - 2] in LOSS_VERBS:
        return start - 2
    for amount in _SHED_AMOUNTS:
        verb = start - len(amount) - 1
        if verb >= 0 and words[verb] in LOSS_VERBS and tuple(words[verb + 1:start]) == amount:
            return verb
    return None


# Verbs that bring something up: what comes up is part of the complaint ("coughing up green phlegm", "throw up
# undigested food"), as the object of a lost function is (GUIDELINES rules 6 and 16).
EXPEL_VERBS = frozenset("throw throwing threw thrown throws cough coughing coughed coughs spit spitting spat spits "
                        "bring bringing brought puke puking puked vomit vomiting vomited".split())
# Words that end what comes up: time, amount and frequency ("every morning", "hours later").
# Ordinals start a time too: "[threw up] the first 3 days", "[threw up] the next morning".
_EXPELLED_STOPS = OBJECT_STOPS | frozenset("every each hours hour days day weeks minutes later daily nightly night nights "
                                           "morning mornings sometimes constantly lots alot twice once whole entire rest "
                                           "first next last following second third previous".split())
# (round 45) how many of a time: "throwing up [most mornings]" is when, "coughed up several clots" what came up
_HOW_MANY = frozenset("most many several few".split())
_EXPEL_GATE = gate(EXPEL_VERBS)


def add_expelled_objects(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"coughing up brown gunk", "threw up undigested food": a "<verb> up" complaint takes what comes up."""
    if _EXPEL_GATE.isdisjoint(gate_hits(words)):
        return spans
    n = len(words)
    starts = {span[0]: span for span in spans}
    added = []
    for start, end, label, concept in spans:
        if label == "SYMPTOM" and start >= 2 and words[end - 1] in SPUTUM and words[start - 1] == "up" \
                and words[start - 2] in BRINGS and start - 2 not in starts:
            added.append((start - 2, end, label, concept))  # "[bringing up yellow phlegm]": no complaint word but the verb
            continue
        if label != "SYMPTOM" or end >= n:
            continue
        if words[end - 1] == "up" and end - start >= 2 and words[end - 2] in EXPEL_VERBS:
            k = end
        elif words[end - 1] in EXPEL_VERBS and words[end] == "up" and end + 1 < n and end not in starts:
            k = end + 1  # "coughing" + "up brown gunk": the particle comes with what comes up
        elif words[end - 1] in _COUGHING and end in starts and starts[end][2] == "SYMPTOM" \
                and words[starts[end][1] - 1] in SPUTUM:
            added.append((start, starts[end][1], label, concept))  # "[coughing green phlegm]": what comes up, no "up"
            continue
        elif words[end - 1] in _COUGHING and words[end] == "with" and end + 1 in starts \
                and starts[end + 1][2] == "SYMPTOM" and words[starts[end + 1][1] - 1] in SPUTUM:
            added.append((start, starts[end + 1][1], label, concept))  # "[cough with white phlegm]"
            continue
        else:
            continue
        k += words[k] in _EXPELLED_DETERMINERS if k < n else 0
        # an amount before what comes up is part of it: "coughed up [a bit of] blood", "streaks of blood"
        for amount in _EXPELLED_AMOUNTS:
            if tuple(words[k:k + len(amount)]) == amount and k + len(amount) < n \
                    and words[k + len(amount)] not in ("times", "time"):
                k += len(amount)
                break
        first = k
        while k < n and k - first < 3 and words[k].isalpha() and words[k] not in _EXPELLED_STOPS \
                and not (words[k] in _HOW_MANY and k + 1 < n and words[k + 1] in _EXPELLED_STOPS) and (
                k not in starts or starts[k][2] in ("ANATOMY", "SYMPTOM") and starts[k][1] - k == 1):
            k += 1  # "yellow mucus": a one-word body or symptom word may be what comes up
        while k > first and words[k - 1] in _EXPELLED_DETERMINERS:
            k -= 1  # "threw up [all the] next day": the words before a time are no thing that came up
        if k in starts and starts[k][2] == "SYMPTOM" and starts[k][1] - k >= 2 and words[starts[k][1] - 1] in SPUTUM:
            k = starts[k][1]  # what comes up named as a finding of its own comes whole ("[coughing up thick green phlegm]");
            # another complaint after the verb is no thing that came up ("throwing up [severe stomach cramps]")
        if k > first:
            added.append((start, k, label, concept))
    return replace_covered(spans, added) if added else spans


_COUGHING = frozenset("cough coughs coughing coughed".split())
SPUTUM = frozenset("phlegm mucus mucous sputum blood gunk snot".split())
_EXPELLED_DETERMINERS = frozenset({"a", "an", "some", "this", "that", "all", "the"})
_EXPELLED_AMOUNTS = (("little", "bit", "of"), ("bit", "of"), ("lot", "of"), ("bits", "of"), ("streaks", "of"),
                     ("specks", "of"), ("flecks", "of"), ("spots", "of"), ("lots", "of"), ("little",))
