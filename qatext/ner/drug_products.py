"""Medicine products named in more than one word, and the drinks taken as substances (GUIDELINES rule 8, 3.1).

A product is its known name with what the box adds (rule 8 keeps dose-form words inside and strength outside):

* a product-line word or a device after the name: "[gaviscon advance]", "[nurofen plus]", "[panadol extra]",
  "[clenil modulite]", "[ventolin evohaler]", "[maxalt melts]", "[salbutamol nebs]", "[insulin drip]";
* a clinical qualifier before it: "[combined hormonal contraception]", "[mid-potency steroid ointment]",
  "[high fluoride toothpaste]";
* a supplement that shares the form word with the next one: "[calcium and vitamin D tablets]"; "calcium" alone
  names a medicine only beside vitamin D ("[calcium] and [vitamin D] daily") or after another medicine of a list
  ("on [alendronic acid] and [calcium]"): alone it is as often the lab value;
* drinks counted as a substance: "3 [pints] after 5-a-side" (not "2 pints of water", "pints of blood"), "no
  [energy drinks]" (where the lexicon's "no energy" took the first word).

Near-misses left alone: "plus" joining two things ("ibuprofen plus paracetamol", "nurofen plus a hot bath"), "max"
of a dose ("paracetamol max 8 a day"), a product word that starts a span of its own ("ibuprofen [rapid heartbeat]"),
"high" said of a person or level ("i was high. hydrocortisone cream ..."), "calcium and vitamin D levels" (a test).
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from qatext.ner.span_rules import DRUG_FORMS, Spans, covered_tokens, gate, gate_hits, rewrite_found, word_positions

# Words of a product line or a device written after the name ("gaviscon advance", "seretide accuhaler").
PRODUCT_LINES = frozenset(
    "advance plus extra forte duo max rapid express osteo infant infants junior paediatric pediatric modulite evohaler "
    "accuhaler turbohaler easyhaler autohaler ellipta respimat handihaler diskus nexthaler spiromax".split())
# Dose forms the shared DRUG_FORMS lacks (British and lay): "salbutamol nebs", "maxalt melts", "insulin drip". Not
# "sachets": the gold keeps "[movicol] sachets", "[dioralyte] sachets" (a pack, like "a box of").
MORE_FORMS = frozenset(
    "nebs nebules neb melts caplets tabs liquid suspension soluble dispersible drip drips plasters "
    "plaster pessaries pessary mousse elixir granules gum oil oils".split())  # (round 27) "[cannabis oil]"
NICOTINE = "MEDLINEPLUS:a684056"  # nicotine replacement: "[nicorette gum]" (the lexicon's "gum" alone is anatomy)
_FORMS = DRUG_FORMS | MORE_FORMS
# "max" and "extra" of an amount: "paracetamol max 8 a day", "ibuprofen max dose", "nurofen extra dose"
_AMOUNT_AFTER = frozenset("dose doses daily a per of in 1 2 3 4 5 6 7 8 9 10 one two three four five six".split())
# "plus" joins two things unless the clause goes on without a second one ("nurofen plus most days", "nurofen plus.")
_PLUS_THEN = frozenset(". , ; : ! ? ) or and most every each daily twice once for with when at in on to as since "
                       "which that but is was are were helps helped seems makes made did does do works worked".split()) | {"\n", "-"}
_ADDS_AFTER_AMOUNT = frozenset({"max", "extra"})
# what a drink is counted in: "2 glasses of wine max" is an amount; "a pack of Nurofen Max" a product
_DRINK_MEASURES = frozenset("glass glasses cup cups mug mugs can cans pint pints bottle bottles shot shots units".split())
_STRENGTH_WORDS = frozenset({"strength"})

# the patients a product is made for, before its name (round 42): "[childrens Motrin]", "[children's ibuprofen]",
# "[infant tylenol]"; not the child who takes it ("gave my kids tylenol")
_FOR_PATIENTS = frozenset("childrens kids infant infants paediatric pediatric junior".split())
_CHILDREN = frozenset({"children", "kid", "kids"})  # + "'s" or "'": "children's", "kids'"
_POSSESSIVE_S = frozenset({"'s", "s", "'"})
# before the patients' word, the children themselves are meant: "gave my kids tylenol", "give kids ibuprofen",
# "both kids calpol", "my 2 kids paracetamol doses"
_CHILDREN_TAKE_AFTER = frozenset("my our his her their your the give gave giving gives given both all few".split())
# qualifiers before a product: "combined" of a contraceptive; a potency or strength ("mid-potency", "high strength")
_CONTRACEPTIVE = re.compile(r"contracept")
_POTENCY_DEGREES = frozenset("high mid low medium moderate super ultra very".split())
_POTENCY = frozenset({"potency", "strength"})
# "high" of what an oral-care product holds: "high fluoride toothpaste" (not "high dose", a strength, rule 8)
_CONCENTRATED = frozenset("toothpaste mouthwash varnish".split())
_HIGH_NOT_AFTER = frozenset("is was be been being get got gets getting so too very really am are were im feel felt "
                            "feeling not".split())

# minerals the lexicon leaves out alone (a lab value as often), a medicine beside a vitamin
_MINERALS = frozenset({"calcium"})
CALCIUM = "QATEXT:drug/calcium-supplement"
_JOINERS = frozenset({"and", "&", "+", "with", "plus"})
_VITAMINS = frozenset({"vitamin", "vit", "vitamins", "vits"})
_MEASURED = frozenset("level levels deficiency deficiencies deficient deficieny defficiency test tests tested score "
                      "scan intake metabolism oxalate channel low high checked check content serum blood rich "
                      "foods diet dietary nutrients came result results normal".split())
_PLURAL_FORMS = frozenset("tablets pills capsules caps tabs supplements chews gummies drops".split())

# drinks as a substance: a count of pints ("3 pints", "a few pints")
ALCOHOL = "QATEXT:drug/alcohol"
CAFFEINE = "DRUGBANK:DB00201"
_COUNTS = frozenset("few couple several some many lots loads two three four five six seven eight nine ten "
                    "twelve".split())
_PINT_NUMBER = re.compile(r"^\d+(?:-\d+)?$")
# "pints of water", "pints of blood": a volume, not beer; "pints of lager" is the lexicon's lager
_NOT_DRINK = frozenset("water milk blood fluid fluids urine juice squash plasma saline tea".split())

WORDS = gate(PRODUCT_LINES, MORE_FORMS, {"combined"}, _POTENCY, _CONCENTRATED, _MINERALS, {"energy"}, {"pints"},
             _FOR_PATIENTS, _CHILDREN)
_LINE_GATE = gate(PRODUCT_LINES, MORE_FORMS)
_QUALIFIER_GATE = gate({"combined"}, _POTENCY, _CONCENTRATED, _FOR_PATIENTS, _CHILDREN)
_MINERAL_GATE = gate(_MINERALS)
_ENERGY_GATE = gate({"energy"})
_PINT_GATE = gate({"pints"})


def add_drug_products(doc, words: list[str], spans: Spans, *, kinds: Mapping[str, str]) -> Spans:
    """Products named in several words (see the module docstring), each part behind its own trigger words; ``kinds``
    is the lexicon's DRUG kind by concept (``Lexicon.drug_kinds``)."""
    hits = gate_hits(words)
    if not _LINE_GATE.isdisjoint(hits):
        spans = _add_product_lines(words, spans)
    if not _QUALIFIER_GATE.isdisjoint(hits):
        spans = _add_qualifiers(words, spans, kinds)
    if not _MINERAL_GATE.isdisjoint(hits):
        spans = _add_minerals(words, spans)
    if not _ENERGY_GATE.isdisjoint(hits):
        spans = _add_energy_drinks(words, spans)
    if not _PINT_GATE.isdisjoint(hits):
        spans = _add_pints(words, spans)
    return spans


def _add_product_lines(words: list[str], spans: Spans) -> Spans:
    """A DRUG followed by a product-line word, a device or a dose form takes them in ("[nurofen plus tablets]")."""
    n = len(words)
    if "DRUG" not in {s[2] for s in spans}:
        return spans
    starts = {s[0]: k for k, s in enumerate(spans)}
    out = list(spans)
    dropped: set[int] = set()
    changed = False
    for k, (start, end, label, concept) in enumerate(spans):
        if label != "DRUG" or end >= n or k in dropped:
            continue
        j = end
        while j < n and j - end < 3:
            word = words[j]
            if word in PRODUCT_LINES and j == end or word in _FORMS and (j > end or word in MORE_FORMS):
                pass
            else:
                break
            after = words[j + 1] if j + 1 < n else "."
            if word in _ADDS_AFTER_AMOUNT and (after in _AMOUNT_AFTER or after.isdecimal() or start and (
                    words[start - 1].isdecimal() or words[start - 1] in _COUNTS
                    or words[start - 1] == "of" and start >= 2 and words[start - 2] in _DRINK_MEASURES)) \
                    or after in ("dose", "doses", "dosage", "dosing"):
                break  # "paracetamol max 8 a day", "1 coffee max", "2 glasses of wine max" (round 39)
            if word == "plus" and after not in _PLUS_THEN and after not in _FORMS:
                break
            if word == "extra" and after in _STRENGTH_WORDS:
                j += 1  # "panadol extra strength"
            other = starts.get(j)
            if word == "gum" and concept != NICOTINE:
                break
            if other is not None and not (spans[other][1] == j + 1 and (spans[other][2] in ("TREATMENT", "DRUG")
                                                                          or word == "gum")):
                break  # a span of its own starts here ("ibuprofen [rapid heartbeat]"); a lone "nebs" is absorbed
            if other is not None:
                dropped.add(other)
            j += 1
        if j > end:
            out[k] = (start, j, label, concept)
            changed = True
    if not changed:
        return spans
    return sorted(s for k, s in enumerate(out) if k not in dropped)


def _add_qualifiers(words: list[str], spans: Spans, kinds: Mapping[str, str]) -> Spans:
    """ "[combined hormonal contraception]", "[mid-potency steroid ointment]", "[high fluoride toothpaste]",
    "[childrens Motrin]", "[children's ibuprofen]"."""
    covered = covered_tokens(spans)
    out = []
    changed = False
    for start, end, label, concept in spans:
        new = start
        if label == "DRUG" and start:
            before = words[start - 1]
            if before == "combined" and _CONTRACEPTIVE.search(concept or ""):
                new = start - 1
            elif before in _POTENCY:
                k = start - 2
                if k >= 0 and words[k] == "-":
                    k -= 1
                if k >= 0 and words[k] in _POTENCY_DEGREES:
                    new = k
            elif before == "high" and words[end - 1] in _CONCENTRATED and end - start >= 2 \
                    and (start < 2 or words[start - 2] not in _HIGH_NOT_AFTER):
                new = start - 1
            elif before in _FOR_PATIENTS or before in _POSSESSIVE_S and start >= 2 and words[start - 2] in _CHILDREN:
                new = _for_patients(words, start, concept, kinds)
            if new < start and any(i in covered for i in range(new, start)):
                new = start
        if new < start:
            changed = True
        out.append((new, end, label, concept))
    return out if changed else spans


def _for_patients(words: list[str], start: int, concept: str, kinds: Mapping[str, str]) -> int:
    """Where a named medicine's span starts with the patients it is made for before it ("[childrens Motrin]",
    "[children's ibuprofen]"); ``start`` when the word is the children who take it or the DRUG is no product."""
    first = start - 1 if words[start - 1] in _FOR_PATIENTS else start - 2
    if kinds.get(concept, "named") != "named":
        return start  # "kids alcohol", "kids ADHD meds"
    if first and (words[first - 1] in _CHILDREN_TAKE_AFTER or words[first - 1].isdecimal()):
        return start
    return first


def _add_minerals(words: list[str], spans: Spans) -> Spans:
    """ "[calcium and vitamin D tablets]" (a shared form word), "[calcium] and [vit D] daily", "[vitamin D] and
    [calcium]"; not beside a test ("calcium and vitamin D levels")."""
    covered = covered_tokens(spans)
    by_start = {s[0]: k for k, s in enumerate(spans)}
    by_end = {s[1]: k for k, s in enumerate(spans)}
    n = len(words)
    added = []
    replace: dict[int, tuple] = {}
    for i in word_positions(words, _MINERALS):
        # the words just before (round 21b: "wants a DEXA scan and put him on [calcium]" is no measure of it)
        if i in covered or not _MEASURED.isdisjoint(words[max(0, i - 2):i + 7]):
            continue  # "vitamin d and calcium deficiencies", "low calcium and vitamin b12", "get calcium and vit d checked"
        # "calcium and vitamin D ...": the vitamin is a DRUG span two tokens on
        if i + 2 < n and words[i + 1] in _JOINERS and i + 2 in by_start:
            k = by_start[i + 2]
            other = spans[k]
            if other[2] == "DRUG" and words[other[0]] in _VITAMINS:
                if words[other[1] - 1] in _PLURAL_FORMS:
                    replace[k] = (i, other[1], "DRUG", other[3])  # one head shared: one span (rule 11)
                else:
                    added.append((i, i + 1, "DRUG", CALCIUM))
                continue
        # "vitamin D and calcium", "on alendronic acid and calcium": after a DRUG span, a medicine of the same list
        if i >= 2 and words[i - 1] in _JOINERS and i - 1 in by_end:
            other = spans[by_end[i - 1]]
            if not _MEASURED.isdisjoint(words[max(0, other[0] - 3):other[0]]):
                continue  # "levels of vitamin D and calcium": measured before the vitamin
            if other[2] == "DRUG":
                end = i + 2 if i + 1 < n and words[i + 1] in _FORMS and i + 1 not in covered else i + 1
                added.append((i, end, "DRUG", CALCIUM))
    if not added and not replace:
        return spans
    out = [replace.get(k, s) for k, s in enumerate(spans)]
    return sorted(out + added)


def _add_energy_drinks(words: list[str], spans: Spans) -> Spans:
    """ "no energy drinks since may": the lexicon's "[no energy]" took the drink's first word."""
    n = len(words)
    found = [k for k, s in enumerate(spans) if s[2] == "SYMPTOM" and words[s[1] - 1] == "energy" and s[1] < n
             and words[s[1]] in ("drinks", "drink")]
    if not found:
        return spans
    taken = {s[0] for s in spans}
    out = list(spans)
    for k in found:
        start, end, label, concept = spans[k]
        if end in taken:
            continue
        out[k] = (start, end - 1, label, concept) if end - 1 - start >= 2 else None
        out.append((end - 1, end + 1, "DRUG", CAFFEINE))
    return sorted(s for s in out if s is not None)


def _add_pints(words: list[str], spans: Spans) -> Spans:
    """ "3 [pints] after 5-a-side", "a few [pints] on a saturday": beer counted, not a volume of water or blood."""
    covered = covered_tokens(spans)
    n = len(words)
    added = []
    for i in word_positions(words, ("pints",)):
        if i in covered or not i:
            continue
        before = words[i - 1]
        counted = _PINT_NUMBER.match(before) or before in _COUNTS or before == "of" and i >= 2 and words[i - 2] in (
            "couple", "lots", "loads", "few")
        if not counted:
            continue
        if i + 2 < n and words[i + 1] == "of":
            continue  # "3 pints of water", "pints of lager" (the lexicon has the lager)
        if not _NOT_DRINK.isdisjoint(words[max(0, i - 4):i + 4]):
            continue  # "drink 3 pints a day, mostly water"
        added.append((i, i + 1, "DRUG", ALCOHOL))
    return sorted(spans + added) if added else spans


# (round 27) What a class of medicines is called after its name: "GLP-1 [drugs]", "SSRI [meds]", "NSAID [medications]".
CLASS_HEADS = frozenset("drugs drug meds med medications medication medicines medicine".split())
_PLURAL_HEADS = frozenset("drugs meds medications medicines".split())
# A word after the head that makes the class and head a modifier of its own noun: "NSAIDs drug induced ulcers", "GLP-1
# drug use", "statin drug trials" (the class alone stays the DRUG).
_HEAD_MODIFIED = frozenset("induced use abuse interaction interactions reaction reactions trial trials shortage "
                           "shortages cabinet changes free resistant resistance level levels test tests screen".split())


def add_class_heads(words: list[str], spans: Spans, *, classes: frozenset[str]) -> Spans:
    """A class of medicines takes in the word that names it one: "[GLP-1 drugs]", "[SSRI meds]" (GUIDELINES 3.1:
    a class is DRUG/class); ``classes`` are the concept ids whose kind is class. A plural class takes only a plural
    head ("NSAIDs drug induced ..." is two phrases), and a head another span starts stays its own."""
    n = len(words)
    starts = {span[0] for span in spans}
    found = [k for k, (start, end, label, concept) in enumerate(spans)
             if label == "DRUG" and end < n and words[end] in CLASS_HEADS and concept in classes and end not in starts
             and (end + 1 >= n or words[end + 1] not in _HEAD_MODIFIED)
             and (not words[end - 1].endswith("s") or words[end] in _PLURAL_HEADS)]
    return rewrite_found(spans, found, lambda span: (span[0], span[1] + 1, span[2], span[3]))
