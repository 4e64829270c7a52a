"""Body states told with no symptom word (round 18b, issue 11; GUIDELINES rules 6 and 16).

- the heart's own beat, without a possessive ("heart hammering when i lay down", "heart thumping all night"): the
  heart with a verb of beating is a palpitation (rule 6), though "heart" alone is often the feelings ("heart sank");
- a bodily function judged poor with a copula ("my sleep is patchy", "her appetite has been rubbish", "my
  concentration is shot"), like "my vision goes blurry" (lay_span_edges' functions);
- an emptiness felt inside ("felt [hollow inside]", "feel [dead inside]"): the copular verb stays outside (rule 16);
- blocked up in the lay sense ("[bunged up] for days", "im [bunged up]") when a person is, not a drain or a road.
"""
from __future__ import annotations

from qatext.ner.span_rules import Spans, covered_tokens, gate, gate_hits, word_positions

PALPITATION = "HP:0001962"
BODY_COMPLAINT = "QATEXT:symptom/body-part-complaint"

# --- the heart's beat -------------------------------------------------------------------------------------------------
_BEATS = frozenset("hammering hammers hammered pounding pounds pounded thumping thumps thumped banging bangs banged "
                   "racing races raced fluttering flutters fluttered skipping skips skipped flipping flips flipped "
                   "galloping gallops jumping".split())
_BEAT_LINKS = frozenset("keeps keep kept is was starts started been".split())
# "heart racing with excitement" is still a beat; "heart racing" of a race car is no heart: "heart" is the trigger

# --- functions judged poor ----------------------------------------------------------------------------------------
FUNCTIONS = frozenset("sleep sleeping appetite concentration focus coordination digestion libido stamina "
                      "energy".split())
_FUNCTION_CONCEPTS = {"sleep": "HP:0002360", "sleeping": "HP:0002360", "appetite": "HP:0004396",
                      "energy": "HP:0012378", "stamina": "HP:0012378"}
# whose function: "your sleep is broken by the baby" is a doctor's general remark, "their coordination was shocking"
# a team's; only the writer's and one named person's count
_OWNERS = frozenset("my his her our".split())
_LINKS = frozenset("is was has have had been be gets got getting goes went gone seems seemed feels felt "
                   "become became".split())
_DEGREES = frozenset("very really so a bit quite totally super pretty kinda still always completely way "
                     "just".split())
# (not "bad", "poor", "worse", "awful": other rules read those, and they are in most docs the recognizer sees)
POOR = frozenset("patchy broken rubbish shocking crap crappy dreadful horrendous appalling atrocious shot nonexistent "
                 "non-existent erratic fragmented disturbed lousy useless".split())

# --- emptiness inside -------------------------------------------------------------------------------------------------
_FEEL = frozenset("feel feels felt feeling".split())
_EMPTY = frozenset("hollow empty dead numb".split())
_FEELERS = frozenset("i im i'm he she they we you just still always often , . : ; - ! ? and but so".split())

# --- blocked up ------------------------------------------------------------------------------------------------------
_BLOCKED = frozenset("bunged blocked stuffed gunged clogged".split())
# who or what is blocked: a person or a part, said within a few words before
# (a part's blockage, "my nose is bunged up", is left to the part's own rules: a cold's stuffy nose is no side effect
# the tests of round 15b want here)
_BLOCKED_SUBJECTS = frozenset("i im i'm ive i've he she hes she's baby".split())
_BLOCKED_OBJECTS = frozenset("the a an this that these those his her their your our its".split())
_BLOCKED_OPENERS = frozenset(": ; , . - ! ?".split())  # "side effects: bunged up for days", a list of complaints

_GATE = gate({"heart"}, FUNCTIONS, {"inside"}, _BLOCKED)
# What the recognizer checks against the doc's words before calling: a beat, a poor judgement, "inside", a blockage
# (each sub-rule needs one of these; "heart" and "sleep" alone are in too many docs).
WORDS = _BEATS | POOR | {"inside"} | _BLOCKED


def add_unnamed_states(doc, words: list[str], spans: Spans) -> Spans:
    hits = _GATE & gate_hits(words)
    if not hits:
        return spans
    found = []  # candidates by their words alone; the spans are looked at only for these
    n = len(words)
    if "heart" in hits:
        for i in word_positions(words, ("heart",)):
            k = i + 1
            if k < n and words[k] in _BEAT_LINKS:
                k += 1  # "heart keeps skipping", "heart was pounding"
            if k < n and words[k] in _BEATS and (i == 0 or words[i - 1] not in ("a", "with", "of")):
                end = k + 1
                if end < n and words[end] in ("beats", "beat"):
                    end += 1  # "[heart skips beats]"
                elif end + 1 < n and words[end] == "a" and words[end + 1] == "beat":
                    end += 2  # "[heart skips a beat]"
                found.append((i, end, "SYMPTOM", PALPITATION))
    functions = hits & FUNCTIONS
    if functions:
        for i in word_positions(words, functions):
            if i == 0 or words[i - 1] not in _OWNERS:
                continue
            k = i + 1
            while k < n and k - i <= 4 and (words[k] in _LINKS or words[k] in _DEGREES):
                k += 1
            if k > i + 1 and k < n and words[k] in POOR:
                found.append((i, k + 1, "SYMPTOM", _FUNCTION_CONCEPTS.get(words[i], BODY_COMPLAINT)))
    if "inside" in hits:
        for i in word_positions(words, ("inside",)):
            # a person feels it: "i feel hollow inside", "felt dead inside" opening a complaint; not "the house felt
            # empty inside"
            if i >= 2 and words[i - 1] in _EMPTY and words[i - 2] in _FEEL and (i == 2 or words[i - 3] in _FEELERS):
                found.append((i - 1, i + 1, "SYMPTOM", BODY_COMPLAINT))
    blocked = hits & _BLOCKED
    if blocked:
        for i in word_positions(words, blocked):
            if i + 2 < n and words[i + 2] in _BLOCKED_OBJECTS:
                continue  # "she's bunged up the sink": the verb with its object, a thing blocked
            if i + 1 < n and words[i + 1] == "up" and (i == 0 or words[i - 1] in _BLOCKED_OPENERS
                                                       or not _BLOCKED_SUBJECTS.isdisjoint(words[max(0, i - 4):i])):
                found.append((i, i + 2, "SYMPTOM", BODY_COMPLAINT))
    if not found:
        return spans
    covered = covered_tokens([s for s in spans if s[2] != "ANATOMY"])
    # a one-word complaint the new span starts with gives way ("numb" of "[numb inside]"); any other mention stays
    singles = {s[0] for s in spans if s[1] - s[0] == 1 and s[2] != "ANATOMY"}
    added = [span for span in found
             if not any(t in covered and not (t == span[0] and t in singles) for t in range(span[0], span[1]))]
    if not added:
        return spans
    # a new span replaces the ANATOMY and one-word spans it covers
    out = [s for s in spans if all(s[1] <= a or s[0] >= b for a, b, *_ in added)]
    return sorted(out + added)
