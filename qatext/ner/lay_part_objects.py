"""A body part as the object of a complaint verb (GUIDELINES rule 6): "ibuprofen [hurts my stomach]", "spicy food
[upsets my stomach]", "the cream [irritates my skin]", "the smoke [stings my eyes]"; the writer's own "i [hurt my
back]" is an injury, a DISEASE, like "[twisted my knee]".
"""
from __future__ import annotations

from spacy.tokens import Doc

from qatext.ner.lay_common import POSSESSIVES, Lookup
from qatext.ner.lay_coordination import FRAME_PARTS
from qatext.ner.span_rules import SIDE_WORDS, Spans, word_set, word_positions

# A drug or a food that wrecks the gut is its lay upset: "naproxen [tore up my stomach]", "the pills [wrecked my
# stomach]" (rule 6); these verbs name no complaint of another part ("tore my ACL" is an injury) and may take their
# particle before the part ("[messed up my stomach]"; after it, lay_reach_objects joins it: "[tore my stomach up]").
_GUT_VERBS = frozenset("wrecked wrecks wrecking destroyed destroys destroying tore tears tearing ripped rips ripping "
                       "messed messes messing".split())
# verb -> the lexicon forms, "{part}" filled in, that name what it does to the part (first found wins)
_CONCEPT_FORMS = {
    **dict.fromkeys(("hurt", "hurts", "hurting"), ("{part} pain", "pain")),
    **dict.fromkeys(("upset", "upsets", "upsetting"), ("upset {part}",)),
    **dict.fromkeys(("irritate", "irritates", "irritated", "irritating"), ("{part} irritation", "irritated {part}")),
    **dict.fromkeys(("sting", "stings", "stung", "stinging"), ("stinging {part}", "{part} pain", "pain")),
    **dict.fromkeys(_GUT_VERBS, ("upset {part}", "upset stomach")),  # "[destroyed my gut]", "[wrecked my belly]"
}
VERBS = frozenset(_CONCEPT_FORMS)
_GUT = frozenset("stomach stomachs tummy belly gut guts insides bowels".split())
_UP_FIRST = frozenset(verb for verb in _GUT_VERBS if not verb.startswith(("wreck", "destroy")))  # "tore up my ..."
_OWNERS = POSSESSIVES | {"the"}
# who did it to their own part: "i hurt my back" is an injury (not "it hurt my back to lift")
_INJURERS = frozenset({"i", "ive", "i've", "he", "she", "we", "they", "you", "accidentally", "badly"})
# parts an injury is told of ("i hurt my stomach laughing" is pain): the musculoskeletal frame
_INJURED_PARTS = FRAME_PARTS | frozenset("wrist wrists ankle ankles shoulder shoulders rib ribs".split())
# what may stand before the verb inside the verb's own span: "[really hurts]", not "[knee hurts]"
_VERB_DEGREES = frozenset("really so badly seriously still always just kinda totally also even sometimes constantly".split())
# a creature or plant that stings: "the bee stung my hand" is a sting, not a pain concept
_STINGERS = frozenset("bee bees wasp wasps hornet hornets jellyfish nettle nettles scorpion ant ants".split())
# organs that do not ache when hurt: "does this hurt my liver" asks about damage
_UNFELT = frozenset("liver kidney kidneys pancreas thyroid brain heart lungs lung organs immune system".split())
# what a verb hurts when it hurts no body: "it hurts my feelings" is no pain at all
_NOT_BODY = frozenset("feelings pride chances ego career reputation wallet credit score grades".split())
_LIST_GAPS = (["and"], [","], ["or"], [",", "and"], ["and", "my"], [",", "my"], ["and", "both"])


def add_part_objects(doc: Doc, words: list[str], spans: Spans, *, lookup: Lookup,
                     conjuncts: dict[int, list[str]]) -> Spans:
    """The verb, its part and the parts listed after it ("[hurts my back and legs]") as one span, each part's
    concept in ``conjuncts`` (``ent._.concepts``); a SYMPTOM that was the verb with its degree ("really hurts") and
    the parts' ANATOMY spans are absorbed into it."""
    starts = {s[0]: k for k, s in enumerate(spans)}
    covered = {t for s in spans for t in range(s[0], s[1])}
    ends = {s[1]: k for k, s in enumerate(spans)}
    replaced: dict[int, tuple] = {}  # index of the first absorbed span -> the new span
    absorbed: set[int] = set()
    unfelt: set[int] = set()  # bare verb spans that hurt no body
    for i in word_positions(words, VERBS & word_set(words)):
        word = words[i]
        owner = i + 2 if word in _UP_FIRST and i + 1 < len(words) and words[i + 1] == "up" else i + 1
        if word in _UP_FIRST and owner == i + 1:
            continue  # "tore my stomach up" is lay_reach_objects'; "tore my ACL" an injury
        if owner + 1 >= len(words) or words[owner] not in _OWNERS or owner in starts:
            continue
        if word in _GUT_VERBS and words[owner + 1] not in _GUT:
            continue
        if words[owner + 1] in _NOT_BODY and i + 1 in ends and spans[ends[i + 1]][2] == "SYMPTOM":
            unfelt.add(ends[i + 1])
            continue
        j = owner + 1
        while j < len(words) - 1 and words[j] in SIDE_WORDS and j not in starts:
            j += 1
        k = starts.get(j)
        if k is None or spans[k][2] != "ANATOMY" or k in absorbed:
            continue
        parts = [k]
        while k + 1 < len(spans) and spans[k + 1][2] == "ANATOMY" and words[spans[k][1]:spans[k + 1][0]] in _LIST_GAPS:
            k += 1
            parts.append(k)
        verb_span = ends.get(i + 1)
        if verb_span is not None and (spans[verb_span][2] != "SYMPTOM" or verb_span in absorbed
                                      or not _VERB_DEGREES.issuperset(words[spans[verb_span][0]:i])):
            continue  # "[knee hurts] my back too": that mention has a part of its own
        if verb_span is None and (i in covered or i + 1 in covered):
            continue  # part of a longer mention
        if word.startswith("st") and not _STINGERS.isdisjoint(words[max(0, i - 3):i]):
            continue
        start = spans[verb_span][0] if verb_span is not None else i
        part = doc[spans[parts[0]][1] - 1].norm_
        if word in ("hurt", "hurts", "hurting") and part in _UNFELT:
            continue
        if word == "hurt" and i and words[i - 1] in _INJURERS and words[spans[parts[0]][1] - 1] in _INJURED_PARTS:
            found = lookup(f"{part} injury") or lookup("injury")
            label = "DISEASE"
        else:
            found = _concept(lookup, word, part)
            label = "SYMPTOM"
        if not found:
            continue
        taken = ([verb_span] if verb_span is not None else []) + parts
        absorbed.update(taken)
        end = spans[parts[-1]][1]
        replaced[min(taken)] = (start, end, label, found[1])
        if len(parts) > 1:  # "[hurts my stomach and my head]": stomach pain and headache
            concepts = [found[1]] + [(_concept(lookup, word, doc[spans[p][1] - 1].norm_) or found)[1] for p in parts[1:]]
            if len(set(concepts)) > 1:
                conjuncts[end] = list(dict.fromkeys(concepts))
    if not replaced and not unfelt:
        return spans
    absorbed |= unfelt
    return [replaced[k] if k in replaced else span for k, span in enumerate(spans) if k in replaced or k not in absorbed]


def _concept(lookup: Lookup, verb: str, part: str):
    """What ``verb`` does to ``part`` as the lexicon names it ("hurts" + "hips" -> hip pain), or None."""
    names = (part, part[:-1]) if part.endswith("s") else (part,)
    return next(filter(None, (lookup(form.format(part=name)) for form in _CONCEPT_FORMS[verb] for name in names)), None)
