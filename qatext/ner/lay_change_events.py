"""Changes of output and the senses told as events (GUIDELINES rules 6 and 16): "[brings up milk]", "[wee went dark
brown]", "[peeing stings]", "[things look smaller]", "[sounds were unbearably loud]", "[hearing has gone downhill]",
"[mishears everything]", "[toothpaste makes me gag]".

Each is a body function or a sense as the subject (or the verb) of what happened to it: a product that changed
colour, a flow that hurts, the world that looks or sounds wrong, a sense that went downhill. The trigger of a gag is
inside when it is the clause's bare subject ("[onions make me gag]"), the person's complaint is the gag alone after a
longer subject ("the smell of frying onions makes me [gag]"). Near-misses in the same words name no body: "brings up
the subject", "things look better now", "the music was too loud", "sales have gone downhill".
"""
from __future__ import annotations

from qatext.ner import lay_amounts, lay_patterns
from qatext.ner.lay_common import BRINGS, SENTENCE_ENDS
from qatext.ner.span_rules import Spans, gate, gate_hits, word_positions, word_set

REGURGITATION = "HP:0002013"
CHANGED_PRODUCT = "QATEXT:symptom/changed-body-product"
DYSURIA = "HP:0100518"
DISTORTED_SIGHT = "HP:0012508"  # metamorphopsia (things smaller, bigger, bent)
HYPERACUSIS = "HP:0010780"
HEARING = "HP:0000365"
DECLINE = "QATEXT:symptom/function-decline"
GAGGING = "QATEXT:symptom/gagging"

_CLASSES = {
    # what a baby or a sick person brings back up
    "BROUGHT": "milk|his_milk|her_milk|feeds|his_feeds|her_feeds|feed|formula|food|bile|blood|everything|"
               "phlegm|mucus|sick|curds|a_lot_of_milk|some_milk|most_of_his_feed|most_of_her_feed|"
               "most_of_his_feeds|most_of_her_feeds",
    "PRODUCT": "wee|pee|urine|poo|poop|stools|stool|poos",
    "CHANGED": "went|turned|goes|turns|turning|has_gone|has_turned|had_gone|had_turned|'s_gone|'s_turned|s_gone",
    "DEGREE": "really|very|quite|a_bit|all|bright|deep|so",
    "COLOUR": "dark|black|red|brown|brownish|reddish|pink|pinkish|orange|cloudy|frothy|bloody|green|greenish|"
              "pale|tarry|cola|tea_coloured|cola_coloured|rusty",
    "HUE": "brown|red|orange|green|black|yellow",
    "FLOW": "peeing|weeing|urinating|passing_urine|passing_water|pooing|pooping|wiping",
    "SMARTS": "stings|burns|hurts|kills|is_painful|is_agony|is_sore|stings_like_mad|burns_like_mad",
    # the world seen wrong: size, distance, shape
    "SEEN": "things|everything|objects|faces|people|words|lines|straight_lines|letters",
    "LOOK": "look|looks|looked|looking|seem|seems|seemed|appear|appears|appeared",
    "WARPED": "smaller|bigger|larger|tiny|huge|further_away|far_away|distorted|warped|wavy|bent|wonky|tilted|"
              "stretched|squashed|shrunken|miles_away",
    # the world heard wrong
    "HEARD": "sounds|noises|voices|everyday_sounds|normal_sounds|everything|all_sounds",
    "WERE": "were|are|was|is|seem|seemed|seems|got|get|became|felt|feel",
    "OVERLOUD": "unbearably|painfully|deafeningly|overwhelmingly|way_too|far_too|too|incredibly|so|really",
    "LOUD": "loud|louder|sharp|harsh|intense|amplified|piercing",
    # a sense that declined
    "SENSE": "hearing|eyesight|sight|vision|memory|balance|sense_of_smell|sense_of_taste|smell|taste|"
             "short_term_memory|concentration|coordination",
    "DECLINED": "has_gone|has_really_gone|'s_gone|s_gone|went|is_going|has_been_going|gone|going|has_gone_rapidly|"
                "has_gone_steadily",
    "DOWNHILL": "downhill|down_hill|south|to_pot|to_pieces",
    "MISHEAR": "mishears|mishearing|misheard|mishear",
    "MISHEARD": "everything|things|words|people|what_people_say|what_people_are_saying|what_i_say|what_we_say|me|"
                "us|everyone|half_of_what",
}
# (the word sets each of which the doc must hold, pattern, label, concept): a row is tried only when all its sets are
# in the doc ("brings" with a thing brought up, a product with a change verb, a flow with its sting)
_BROUGHT_UP = frozenset("milk feeds feed formula curds bile phlegm mucus everything sick blood food".split())
_PRODUCTS = frozenset("wee pee urine poo poop poos stool stools".split())
_CHANGE_VERBS = frozenset("went turned goes turns turning gone".split())
_FLOWS = frozenset("peeing weeing urinating pooing pooping wiping passing".split())
_STINGS = frozenset("stings burns hurts kills painful agony sore".split())
_WARPS = frozenset("smaller bigger larger distorted warped wavy bent wonky tilted stretched squashed shrunken".split())
_LOUDS = frozenset("loud louder piercing amplified".split())
_DOWNHILL = frozenset({"downhill"})
_MISHEARS = frozenset("mishears mishearing misheard mishear".split())
ROWS = [
    ((BRINGS, _BROUGHT_UP), "brings|bringing|brought|bring up {BROUGHT}", "SYMPTOM", REGURGITATION),
    ((_PRODUCTS, _CHANGE_VERBS), "{PRODUCT} {CHANGED} ?{DEGREE} {COLOUR} ?{HUE}", "SYMPTOM", CHANGED_PRODUCT),
    ((_FLOWS, _STINGS), "{FLOW} {SMARTS}", "SYMPTOM", DYSURIA),
    ((_WARPS,), "{SEEN} {LOOK} ?a_bit|a_lot|much|really|all {WARPED}", "SYMPTOM", DISTORTED_SIGHT),
    ((_LOUDS,), "{HEARD} {WERE} {OVERLOUD} {LOUD}", "SYMPTOM", HYPERACUSIS),
    ((_DOWNHILL,), "{SENSE} {DECLINED} {DOWNHILL}", "SYMPTOM", DECLINE),
    ((_MISHEARS,), "{MISHEAR} {MISHEARD}", "SYMPTOM", HEARING),
]
_ROW_INDEXES = [(gate(gates[0]), gate(gates[1]) if len(gates) > 1 else None,
                 lay_patterns.compile_patterns([(text, label, concept)], _CLASSES)) for gates, text, label, concept in ROWS]
_GAGS = frozenset({"gag", "retch", "heave"})
_MAKES = frozenset({"makes", "make", "made", "making"})
# the hook's gate: the rarer set of each row ("brings" rather than "everything", the product rather than "went", the
# flow rather than "hurts"), the gags, and "drink" for the night rises
WORDS = frozenset().union(BRINGS, _PRODUCTS, _FLOWS, _WARPS, _LOUDS, _DOWNHILL, _MISHEARS, _GAGS,
                          {"gags", "gagged", "retches", "retched", "heaved", "drink"})
_GATE = gate(WORDS)
# a bare subject that may open the gag's clause: after a boundary, not after a determiner or a preposition
_OPENERS = frozenset(". , ; : ! ? and but even now just also \n".split()) | {"\n"}
_NOT_TRIGGERS = frozenset("it this that which he she they you everything something anything nothing what".split())
# "things look smaller" needs a sense named or a look of size; "things look better", "things look bad" are outcomes
_NOT_SENSES = frozenset({"things", "everything", "people"})
_SIGHT_CONTEXT = frozenset("eye eyes vision sight eyesight side retina blurry blurred blob spot".split())


def add_change_events(doc, words: list[str], spans: Spans) -> Spans:
    hits = gate_hits(words)
    if _GATE.isdisjoint(hits):
        return spans
    if "drink" in hits and "night" in hits and _INFANT_FEEDS.isdisjoint(word_set(words)):
        # (a baby waking at night to drink milk is fed as normal, no thirst)  # thirst told by its night rises: "[waking 3 times a night to drink]"
        spans = lay_amounts.add_night_voiding(doc, words, spans, needs=lay_amounts.DRINKING_GATE)
    found = []
    for first, second, index in _ROW_INDEXES:
        if hits.isdisjoint(first) or second is not None and hits.isdisjoint(second):
            continue  # (both sets registered with gate() where _ROW_INDEXES is built)
        found.extend(f for f in lay_patterns.find(words, index) if _plausible(words, f))
    if not _GAGS.isdisjoint(hits) or not _GAG_VERBS.isdisjoint(hits):
        found.extend(_gags(words, hits))
    if not found:
        return spans
    kept, last_end = [], -1
    for f in sorted(found, key=lambda f: (f[0], -f[1])):  # rows found apart may overlap: the first, longest wins
        if f[0] >= last_end:
            kept.append(f)
            last_end = f[1]
    return lay_patterns.place(spans, kept)


def _plausible(words: list[str], f) -> bool:
    start, end, _label, concept = f
    before = words[start - 1] if start else "."
    after = words[end] if end < len(words) else "."
    sentence = _sentence(words, start, end)
    if concept == HYPERACUSIS and before in _DETERMINERS:
        return False  # the sound itself: "the noise was too loud", "the voices are so loud that ..."
    if concept == DISTORTED_SIGHT:
        if before in _DETERMINERS and _SIGHT_CONTEXT.isdisjoint(sentence):
            return False  # the thing itself: "the letters look bigger on the new kindle" (not "... i need glasses
            # for my eyes")
        tail = words[end:end + 5]
        if (after in _OUTSIDE_AFTER or after == "than" and end + 1 < len(words) and words[end + 1] in _PRONOUNS) \
                and _SIGHT_CONTEXT.isdisjoint(tail):
            return False  # a place, a display, a reason or a memory: "look bigger on the kindle", "from up here",
            # "now that the kids have grown", "than i remembered"
        if words[start] in _NOT_SENSES or words[start] == "letters":
            # "things look smaller" of the eyes, not of a room or a plan: a sight word in the same sentence
            return not _SIGHT_CONTEXT.isdisjoint(sentence) and _EYES_FINE.isdisjoint(sentence)
    if concept == HYPERACUSIS and after in _OUTSIDE_AFTER | {"that"}:
        return False  # "sounds are really loud at the club", "so loud that i cant think"
    if concept == REGURGITATION and after in _NOT_VOMIT_AFTER:
        return False  # memories: "talking to the therapist brought up everything from my childhood"
    if concept == DECLINE and (before in _DETERMINERS or before in ("'s", "s") and start >= 2
                               and words[start - 2] not in _PERSONS):
        return False  # a plan's or a firm's: "the company's vision has gone downhill"
    if concept == HEARING and (not _DELIBERATE.isdisjoint(sentence) or words[start] == "misheard"
                               and _HABITUAL.isdisjoint(sentence)):
        return False  # a deliberate or a one-off mishearing: "she mishears me on purpose", "i misheard what ..."
    if concept == HYPERACUSIS and words[start] == "everything" and words[end - 1] != "loud":
        return False
    if concept == CHANGED_PRODUCT and start and words[start - 1] in ("the", "a", "some"):
        return False  # an owner's product is lay_body_products' (with its own links); a bare one opens a list item
    return True


def _gags(words: list[str], hits: set[str]) -> list[tuple[int, int, str, str]]:
    """"[toothpaste makes me gag]": a trigger that makes the writer gag, the trigger inside when it is a bare
    subject; "the smell of frying onions makes me [gag]" keeps the gag alone."""
    out = []
    # figurative without a food, a taste, a smell or the mouth in the doc: "politics makes me gag", "his jokes ..."
    made = not _MAKES.isdisjoint(word_set(words)) and not _INGESTED.isdisjoint(word_set(words))
    for i in word_positions(words, _GAGS & hits) if made else ():
        if i < 2 or words[i - 1] not in ("me", "him", "her", "them") or words[i - 2] not in _MAKES:
            continue
        k = i - 2
        subject = k - 1
        if subject >= 0 and words[subject].isalpha() and words[subject] not in _NOT_TRIGGERS \
                and (subject == 0 or words[subject - 1] in _OPENERS):
            out.append((subject, i + 1, "SYMPTOM", GAGGING))
        else:
            out.append((i, i + 1, "SYMPTOM", GAGGING))
    # a gag told by its trigger after it: "she [gags] at anything new", "he [gagged] on the lumps" (the verb alone, as
    # "[gagging]"; "running gags", "the gags in the film" are jokes)
    for i in word_positions(words, _GAG_VERBS & hits):
        if i and words[i - 1] in _GAG_SUBJECTS and i + 1 < len(words) and words[i + 1] in _GAG_AFTER:
            out.append((i, i + 1, "SYMPTOM", GAGGING))
    return out


_GAG_VERBS = frozenset({"gags", "gagged", "retches", "retched", "heaved"})
_GAG_SUBJECTS = frozenset("i he she they baby son daughter still often always sometimes constantly also just then and "
                          "nearly almost literally".split())
_GAG_AFTER = frozenset("at on when whenever with every if over".split())

_DETERMINERS = frozenset("the a an this that these those its our their your".split())
# what after a seen or heard thing tells that it is the world's: a place, a display, a comparison, a reason
_OUTSIDE_AFTER = frozenset("on in at from now when next outside here there to".split())
_EYES_FINE = frozenset("fine ok okay normal".split())
_NOT_VOMIT_AFTER = frozenset("from about that which between memories".split())  # (not "in": "bringing up phlegm
# in the mornings")
_PRONOUNS = frozenset("i we it they he she you".split())
_PERSONS = frozenset("mum mom dad mother father husband wife son daughter baby grandma grandad granny nan gran brother "
                     "sister partner boyfriend girlfriend friend aunt uncle grandmother grandfather child "
                     "patient".split())
_DELIBERATE = frozenset("purpose deliberately intentionally fault joke".split())
_HABITUAL = frozenset("always often constantly keep keeps kept time lately since everything".split())
# a gag of the body has something taken, tasted or smelt in the doc: food, a drink, a pill, the mouth
_INGESTED = frozenset("food foods eat eating ate taste tastes smell smells texture drink drinking swallow swallowing "
                      "mouth throat tongue teeth toothpaste toothbrush brushing pill pills tablet tablets medicine "
                      "liquid syrup pregnant pregnancy nausea nauseous sick vomit vomiting morning milk bottle meat "
                      "onions onion garlic fish eggs egg coffee mint vegetables veg lumps lumpy spoon".split())


def _sentence(words: list[str], start: int, end: int) -> list[str]:
    i, k = start, end
    while i > 0 and start - i < 20 and words[i - 1] not in SENTENCE_ENDS:
        i -= 1
    while k < len(words) and k - end < 20 and words[k] not in SENTENCE_ENDS:
        k += 1
    return words[i:k]


_INFANT_FEEDS = frozenset("baby babies infant newborn milk feed feeds feeding formula bottle breastfeed breastfeeding "
                          "breastfed nursing".split())
