"""Rules that shape matched spans the way annotators of patient language draw them.

Spans are ``(start, end, label, concept_id)`` token ranges, sorted and non-overlapping. Each
rule takes and returns such a list. Lexicon matches find "pain" and "knee"; these rules make
"pain in my left knee", "my ankles are swollen" or "hydrocortisone cream" one mention.
"""
from __future__ import annotations

import re
from itertools import compress, count
from operator import itemgetter
from typing import Iterable

from spacy.attrs import ORTH
from spacy.tokens import Doc

from qatext.ner.context_positions import positions_of

Spans = list[tuple[int, int, str, str]]
_LABEL = itemgetter(2)  # of a span, for C-speed scans: ``"TEST" in map(_LABEL, spans)``
_START = itemgetter(0)

# Every rule looks at its trigger words first, so a doc without them costs one set test. Per doc,
# the doc's word set and the part of it that triggers any rule are computed once and shared by
# every rule: the recognizer hands each rule the same ``words`` list, so they are kept against
# that list's identity (the cache holds the list, so its id cannot be reused meanwhile).
_GATE_WORDS: set[str] = set()
# (words, their set, their gate hits, how many gate words there were, word -> positions (filled by
# :func:`_positions`)), replaced whole: thread-safe
_DOC: tuple = (None, frozenset(), frozenset(), 0, {})



def word_positions(words: list[str], wanted: Iterable[str]) -> list[int]:
    """Indexes of ``wanted`` words, in order. Every rule asks for its own words, most of them the doc's gate
    hits: their positions are found once per doc, in one pass in C, and shared (:func:`_positions`)."""
    index, present = _positions(words), _doc_sets(words)[1]
    found = []
    for word in wanted:
        at = index.get(word)
        if at is None:  # not a gate word ("have", "from"): found with list.index, and kept for the next rule
            at = index[word] = positions_of(words, word) if word in present else ()
        found += at
    return sorted(found)


def _positions(words: list[str]) -> dict[str, list[int]]:
    """The doc's word -> positions index, built at the first ask for its gate hits (a handful of words:
    one set test per token in C, then a Python step per occurrence only); other words are added as asked."""
    cached = _doc_sets(words)
    index = cached[4]
    if not index:
        hits = cached[2]
        for i in compress(count(), map(hits.__contains__, words)):
            index.setdefault(words[i], []).append(i)
        index[None] = ()  # built: a doc without gate hits is not scanned again
    return index


def covered_tokens(spans: Spans, *, min_length: int = 1) -> set[int]:
    """The tokens inside ``spans`` of at least ``min_length`` tokens."""
    if min_length <= 1:
        # Most spans are one word: their starts go in at once, in C, and only the longer spans are walked.
        covered = set(map(_START, spans))
        for start, end, _label, _concept in spans:
            if end - start > 1:
                covered.update(range(start + 1, end))
            elif end <= start:  # an empty span (off the contract) covers nothing, not its start
                break
        else:
            return covered
    return {i for start, end, _label, _concept in spans if end - start >= min_length for i in range(start, end)}

def is_mark(word: str) -> bool:
    """A token of no letters or digits: punctuation or an emoji, which ends a phrase ("such a pain 🙄")."""
    return not any(c.isalnum() for c in word)


_ASCII_UPPER, _ASCII_LOWER = bytes(range(65, 91)), bytes(range(97, 123))


def is_all_caps(text: str) -> bool:
    """A post written in capitals (lower-case letters are under a fifth of the letters, A-Z and a-z counted)."""
    letters = text.encode("ascii", "ignore")
    # (one C pass per case: a regex per case built a list of every letter it matched)
    upper = len(letters) - len(letters.translate(None, _ASCII_UPPER))
    lower = len(letters) - len(letters.translate(None, _ASCII_LOWER))
    return upper > 4 * lower


def token_letters(doc: Doc) -> str:
    """The doc's token texts run together, spaces left out: every letter of its text, for :func:`is_all_caps`. Read
    from the string store: ``doc.text`` builds a Token object per token and costs several times more."""
    if not len(doc):
        return ""
    strings = doc.vocab.strings
    return "".join([strings[h] for h in doc.to_array(ORTH).tolist()])


def gate(*groups) -> frozenset[str]:
    """The trigger words of a rule, registered so that :func:`gate_hits` keeps them."""
    words = frozenset().union(*groups)
    _GATE_WORDS.update(words)
    return words


def _doc_sets(words: list[str]) -> tuple:
    global _DOC
    cached = _DOC
    # a gate registered at run time (the lexicon's acronym initials, on first use) renews the hits
    if cached[0] is not words or cached[3] != len(_GATE_WORDS):
        present = set(words)
        cached = _DOC = (words, present, present & _GATE_WORDS, len(_GATE_WORDS), {})
    return cached


def word_set(words: list[str]) -> set[str]:
    """The doc's words as a set, built once per doc."""
    return _doc_sets(words)[1]


def gate_hits(words: list[str]) -> set[str]:
    """The doc's words that trigger some rule (a few): a rule tests its gate against these few words,
    not against the doc's hundreds of words, nor iterates its own hundreds of trigger words."""
    return _doc_sets(words)[2]


# Laughter and head-shaking after a phrase mark it as a joke ("my boss gave me a headache lol", figures.py).
JOKE_MARKS = frozenset("lol lmao lmfao haha hahaha rofl smh".split())
# Chat words close a post's clause and never end a mention: a likeness or tail rule that reads on must not take them
# ("[legs feeling like jelly] lol", "[so tired] tbh"; round 38).
CHAT_TAILS = JOKE_MARKS | frozenset("tbh omg ugh jk xd".split())


def trim_chat_tails(words: list[str], spans: Spans) -> Spans:
    """``spans`` with the chat words (and a mark before them) cut off their ends; a span keeps at least its first
    token (a rule that drew a span of chat words alone chose it)."""
    out = spans
    for k, (start, end, label, concept) in enumerate(spans):
        if end - start < 2 or words[end - 1] not in CHAT_TAILS:
            continue
        cut = end
        while cut - start > 1 and words[cut - 1] in CHAT_TAILS:
            cut -= 1
        while cut - start > 1 and is_mark(words[cut - 1]):
            cut -= 1
        if out is spans:
            out = list(spans)
        out[k] = (start, cut, label, concept)
    return out


def rewrite_found(spans: Spans, found: list[int], rewrite) -> Spans:
    """``spans`` with ``rewrite(span)`` at each index in ``found`` (most rules change a few spans, found
    first with one list comprehension); the same list when ``found`` is empty."""
    if not found:
        return spans
    out = list(spans)
    for k in found:
        out[k] = rewrite(spans[k])
    return out


# Qualifiers of how a symptom is felt; patient-language corpora (PsyTAR, CADEC) keep them in the span.
SEVERITY = frozenset(
    "severe extreme mild bad terrible horrible awful constant intense slight sharp dull chronic persistent "
    "excessive massive huge major minor frequent sudden serious significant heavy increased decreased "
    "worsening recurrent occasional continuous crazy horrendous unbearable debilitating profound "
    "really very so extremely super incredibly insanely totally deep dark fairly profuse ongoing continual "
    "unbearable intolerable uncontrollable slight horrific horrid explosive weird strange vivid poor "
    "thumping pounding stabbing burning shooting splitting crushing throbbing nagging dreadful awful nasty banging "
    "tremendous unbelievable ridiculous insane violent raging total complete utter urgent "
    # degree adverbs, inside the span like "very" (GUIDELINES rule 16): "felt [slightly nauseous]", "[too tired]"
    "slightly somewhat absolutely completely severely terribly mildly moderately quite rather too overwhelming "
    "drastic "
    # how bad a pain or spell is, in patients' words: "[excruciating pain in my big toe]", "[crippling cramps]"
    "excruciating agonizing agonising crippling searing blinding piercing gnawing relentless unrelenting "
    "spinning "
    # lay words for how bad or how odd ("[savage pain high in my stomach]", "[funny metal taste]": rule 4, character)
    "savage brutal vicious funny strong killer wicked mega stonking "
    # how far a pain reaches, before it like a degree ("[widespread aching]", round 38)
    "widespread".split()
)
SIDE_WORDS = frozenset("left right upper lower inner outer front middle bottom top lateral medial".split())
# Clinical qualifiers that are part of a diagnosis or finding's name in clinical and scientific prose
# ("acute gout attack", "lumbar disc herniation", "nocturnal hypoglycemia").
CLINICAL_MODIFIERS = frozenset(
    "acute chronic recurrent progressive bilateral unilateral nocturnal exertional symptomatic asymptomatic "
    "uncomplicated complicated infectious idiopathic benign malignant metastatic advanced congenital hereditary "
    "inherited familial juvenile gestational postpartum postoperative primary secondary transient intermittent "
    "paroxysmal diffuse focal generalized localized refractory resistant severe moderate mild subclinical "
    "painless drenching brief witnessed colicky petechial non-blanching pleuritic productive premature "
    # what happened to the organ or growth, part of its name ("[ruptured cyst]", "[perforated eardrum]"; round 38)
    "ruptured perforated burst "
    "early-onset late-onset new-onset drug-induced exudative purulent viral bacterial fungal allergic atopic "
    "lumbar cervical thoracic renal hepatic pulmonary cardiac gastric colonic rectal pancreatic ovarian uterine "
    "cerebral spinal retinal corneal cutaneous oral nasal vaginal prostatic biliary adrenal pelvic abdominal "
    "femoral coronary peripheral vascular venous arterial lymphatic sensorineural conductive permanent partial "
    "temporary rebound withdrawal "
    # kinds of a disease patients are told: "[latent TB]", "[neutropenic sepsis]", "[menstrual migraine]"
    "latent neutropenic menstrual hormonal seasonal perimenopausal postnatal "
    # (round 27) the course of a disease: "[relapsing MS]", "[remitting MS]"
    "relapsing remitting "
    # how far a tumour has grown and how a rash behaves, with "non" before them: "[non invasive bladder cancer]",
    # "[non-blanching rash]"
    "invasive blanching "
    # (round 44) where in the gut, how typical, which side of a tie and which form of a disease: "[oesophageal ulcers]",
    # "[atypical fracture]", "[posterior tongue tie]", "[wet AMD]"
    "oesophageal esophageal duodenal atypical posterior anterior wet".split()
)
_SIDE_GATE = gate(SIDE_WORDS)
STAGE_WORDS = frozenset("type stage grade class".split())
_STAGES_AFTER = STAGE_WORDS - {"grade"}
DRUG_MODIFIERS = frozenset(
    "inhaled topical oral intranasal nasal sublingual intravenous iv intramuscular transdermal infant infants "
    "children's childrens pediatric low-dose high-dose extended-release immediate-release otc "
    # the dose form said before the name: "liquid paracetamol", "chewable melatonin"
    "liquid chewable soluble dissolvable "
    # (round 27) why it is given: "[prophylactic antibiotics]", "[preventive migraine meds]"
    "prophylactic preventive preventative".split()
)
TEST_MODIFIERS = frozenset(
    "fasting non-contrast contrast contrast-enhanced follow-up baseline dilated rapid home diagnostic screening "
    "clinical excisional core transcutaneous serial serum plasma urine blood morning".split()
)
# Words that turn what precedes them into a test: "strep test", "vitamin D level", "HIV screening".
TEST_HEADS = frozenset(
    "test tests testing screening screen level levels smear serology culture challenge titer titre antibodies "
    "antibody antigen swab scan count panel".split()
)
# Predicates patients use for a body part: "my throat felt tight", "ear is clogged", "my knee hurts".
SYMPTOM_PREDICATES = frozenset(
    "tight clogged cracked swollen puffy numb sore stiff itchy red dry blocked bulgy bulging droopy drooping "
    "tingly weak heavy burning hot painful tender bruised blurry blurred watery bleeding hurts hurt hurting paining "
    "aches aching itches itching burns throbs throbbing swells swelling tingles tingling pops popping clicks "
    "clicking cracks cracking locks locking gives twitches twitching shakes shaking tugging pulling rubbing "
    "scratching tightening tightened clenching clenched buzzing races racing pounding spinning ringing "
    "cramping cramped thinning asleep ring rings muffled swell twitch trembling tremble trembles shaky "
    "raw gritty peeling flaking crusted crusty flaky scaly inflamed irritated bloodshot achy race knotted "
    # verbs of a body part doing something on its own: "jaw clenches", "heart hammering", "lips swelled up"
    "clenches clench hammering hammers fluttering flutters swelled swelling spasming spasms seizing "
    "flip-flopping "
    # skin, eyes and joints as patients describe them: "forearms burnt and blistering", "eyes are watering",
    # "knees creak", "nails thick and crumbly", "skin feels greasy", "arms and legs jerked", "nose blocks up"
    "burnt sunburnt blistering blistered watering waters creak creaks creaking crunching grinding grind grinds jerked "
    "jerking "
    "jerks jerk shiny greasy oily crumbly brittle thick thickened blocks rolled rolling drifts drifting wanders "
    "wandering "
    # the plain present after a plural body part: "my hands shake", "my eyes itch", "my feet burn"
    "shake ache itch burn throb tingle cramp sensitive burned thins "
    # and the plain past (batch 93): "my hands shook", "my legs ached"
    "shook trembled twitched ached itched throbbed tingled "
    # (batch 95) a tooth that zings with cold
    "zings zinged zinging "
    # (round 48) "[hair thinned]", "[throat feels constricted]", "[forehead feels frozen]"
    "thinned constricted frozen "
    # broken skin as patients describe it: "forehead is raw, weepy and crusty"
    "weepy weeping oozing scabby "
    # a body part hanging or stuck: "the end of my finger droops", "my jaw is locked half shut"
    "droops droop locked "
    # a part that bulges or changed colour: "the mole has gone darker" (not before "than" of another: COMPARATIVES;
    # "sticks" only with its "out": GIVE_OUT_VERBS)
    "bulges darker paler "
    # a part that puffs up or thinned: "feet and ankles puff up", "her hair is thin"
    "puff puffs puffed puffing thin "
    # a part a drug or a day left in ruins: "my gut is wrecked", "my back is wrecked"
    "wrecked "
    # how a part feels to the touch: "hands are always ice cold", "skin is cold and clammy" ("cold" alone
    # after a determiner is the common cold, add_colds; here it only follows a body part and its link)
    "cold freezing icy clammy "
    # joints that slip out of place: "knees and shoulders sublux", "my kneecap dislocates"
    "sublux subluxes subluxing subluxed dislocates dislocate "
    # the past of aching and bleeding, skin that splits, hair that sheds: "thighs ached", "gums bled", "skin would
    # split", "hair started shedding" (not "crack": "elbows and knees that [crack and bleed]" is the list's own clause)
    "ached bled bleed bleeds split splits splitting shedding sheds "
    # a part gone hard: "thighs were rock hard", "my belly is hard and swollen"
    "hard "
    # a part gone stiff or slack (round 19a): "arms went rigid", "the right side of my mouth drooped"
    "rigid drooped".split()
)
# "legs gave out", "belly button sticks out": a verb that is a predicate only with its "out" ("my tongue sticks to
# the roof of my mouth" is none).
GIVE_OUT_VERBS = frozenset("gave give gives giving sticks sticking "
                           # what falls or comes out of a part: "hair falls out", "hair started coming out"
                           "falls fell falling comes coming came "
                           # a joint out of place (round 19a): "her kneecap slipped out" (an injury: SLIPPING_PREDICATES)
                           "slipped slips slipping".split())
# A colour compared with someone else's is no change: "my skin is darker than my sister's"; with the past it is
# one ("darker than before", "paler than usual").
COMPARATIVES = frozenset({"darker", "paler"})
_CHANGE_BASES = frozenset("before usual normal it they ever last yesterday previously".split())
# What completes a predicate: "swells up", "eyes swell shut", "legs gave out".
_DRIFTS = frozenset({"drifts", "drifting", "wanders", "wandering"})
PREDICATE_TAILS = {"up": None, "shut": None, "out": GIVE_OUT_VERBS | {"gone", "bulges"} | _DRIFTS, "back": frozenset({"rolled", "rolling"}),
                   "in": _DRIFTS, "inwards": _DRIFTS, "outwards": _DRIFTS, "inward": _DRIFTS, "outward": _DRIFTS,
                   # "her [lashes are crusted together]" (a part's predicate the rules found before it)
                   "together": frozenset({"stuck", "crusted", "glued", "matted", "sealed"})}
# A substance followed by one of these is a disorder: "alcohol withdrawal", "penicillin allergy".
SUBSTANCE_DISORDERS = frozenset(
    "withdrawal withdrawals withdrawl withdrawls dependence dependency abuse overdose poisoning toxicity allergy intolerance addiction use".split()
)
# (round 27) "use" makes a disorder of a drug taken for itself ("alcohol use", "cannabis use", "my vape use doubled"),
# and of any drug before "disorder" ("tramadol use disorder"): "my [ventolin] use dropped" is a medicine's use.
USED_SUBSTANCES = frozenset(
    "alcohol cannabis marijuana weed pot drug drugs opioid opioids opiate opiates oxy cocaine coke crack heroin meth "
    "methamphetamine amphetamine amphetamines speed benzo benzos benzodiazepine benzodiazepines stimulant stimulants "
    "nicotine tobacco cigarette cigarettes cig cigs vape vaping kratom ketamine mdma ecstasy lsd shrooms mushrooms "
    "psilocybin fentanyl substance substances steroid steroids".split())


def names_a_use_disorder(substance: str, after_use: str) -> bool:
    """Whether "<substance> use" names a disorder, from the substance's last word and the word after "use"."""
    return substance in USED_SUBSTANCES or after_use == "disorder"


LOCATION_PREPOSITIONS = frozenset("in on around behind under near across along inside over between down up above below "
                                  "beneath into through throughout all at of from beside round".split())
LOCATION_FILLERS = frozenset("my his her their our your the a both side part area region of and over base top tip front middle centre center edge "
                              "one same other".split())  # "pain on one side of my head", "an abscess in the same armpit"
# Lexicon phrases like "had a stroke" carry words annotators leave out of the mention.
LEADING_DETERMINERS = frozenset("my his her their our your the a an this that these those had has have having got "
                                "get gets getting".split())
LINKING_WORDS = frozenset(
    "is are was were feel feels felt look looks looked keep keeps kept get gets got getting become became "
    "been have has had being seem seems started start starts really very so constantly always all still "
    "getting go goes went going turn turns turned turning super extremely pretty quite kinda slightly "
    # degree before the predicate: "ear is completely blocked", "white of my eye is bright red"
    "completely totally bright sounds sounded gone "
    # a habit of the part: "skin would split every winter"; how often or how it comes: "my heart suddenly races",
    # "my knee sometimes gives way"
    "would suddenly sometimes randomly occasionally often already "
    # stress on what the part does: "my heart does race at night", "my knee did swell up"
    "does did "
    # a state that lasted: "my [hand has stayed swollen and shiny]", "[left ear has stayed blocked]" (not "stays",
    # "remains": "my heart remains heavy", "my stomach stays tight during pilates" tell no complaint as often)
    "stayed".split()
)
# Body words that are mostly not body parts without a possessive or side word before them.
AMBIGUOUS_ANATOMY = frozenset("back hand hands side head face arm arms leg legs foot feet heart chest temple".split())
_AMBIGUOUS_ANATOMY_GATE = gate(AMBIGUOUS_ANATOMY)
ANATOMY_CONTEXT = frozenset("my his her their our your the both left right upper lower a".split())
# a part named like a place, one only after an owner or a side: "my [temple]", not "we visited a temple" (round 34)
_PLACE_NAMED_PARTS = frozenset({"temple"})
_OWNED_CONTEXT = ANATOMY_CONTEXT - {"the", "a"}
LIST_GAP_WORDS = frozenset(", and or my his her their our your the both".split())
DRUG_FORMS = frozenset(
    "cream ointment inhaler inhalers puffer puffers tablet tablets pill pills drops spray sprays gel patch patches injection "
    "injections shot shots capsule capsules drop syrup lotion suppository suppositories solution pen pens mouthwash "
    "lozenges gummies iud creams lotions gels ointments infusion infusions "
    # British and lay forms: "chickenpox jab", "minoxidil foam", "ketoconazole shampoo", "benzoyl peroxide wash",
    # "duraphat toothpaste"
    "jab jabs foam foams shampoo wash chews enema enemas pessary pessaries powder powders toothpaste emulgel "
    # a vaccine named by its disease: "[whooping cough vaccine]", "[covid booster]"
    "vaccine vaccines booster boosters "
    # a children's form: "[Singulair chewable]" (round 39)
    "chewable chewables".split()
)

_DRUG_FORM_GATE = gate(DRUG_FORMS)
_DRUG_HEADS = DRUG_FORMS | {"ointments", "drop", "supplement", "supplements", "vaccine", "vaccines", "booster", "painkiller",
                             "painkillers"}


def trim_leading_determiners(doc: Doc, words: list[str], spans: Spans) -> Spans:
    # a determiner glued to the next token is a letter of the name ("A-fib"), not an article; "get up" is a verb of its
    # own ("[getting up to pee]"), not "getting" a complaint
    def trimmed(start: int, end: int) -> bool:
        return end - start > 1 and words[start] in LEADING_DETERMINERS and doc[start].whitespace_ \
            and not (words[start] in _GET and words[start + 1] == "up")

    def trim(span):
        start, end, label, concept = span
        while trimmed(start, end):
            start += 1
        return start, end, label, concept

    return rewrite_found(spans, [k for k, span in enumerate(spans) if trimmed(span[0], span[1])], trim)


_GET = frozenset({"get", "gets", "getting", "got"})
NEGATION_CLITICS = frozenset({"nt", "n't", "n’t"})  # "was|nt", "is|n't", "was|n’t": spaCy's split of a negated verb


def take_in_negated_verbs(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """A match that starts on a negation glued to the verb before it ("was|nt hungry" read as "not hungry") takes the
    verb in: "[wasnt hungry]", "[isnt eating]" (the gold writes the word whole; round 39)."""
    def glued(span) -> bool:
        start = span[0]
        return words[start] in NEGATION_CLITICS and start >= 1 and not doc[start - 1].whitespace_ \
            and doc[start - 1].is_alpha and doc[start].text.islower() \
            and start not in ends  # a word, no other span's last word; "(NT-proBNP" is no negation

    ends = {span[1] for span in spans}
    return rewrite_found(spans, [k for k, span in enumerate(spans) if glued(span)],
                         lambda span: (span[0] - 1, *span[1:]))


def drop_ambiguous_anatomy(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"came back" and "on the other hand" are not body parts; "my back" and "lower back" are."""
    if _AMBIGUOUS_ANATOMY_GATE.isdisjoint(gate_hits(words)):
        return spans
    dropped = [span for span in spans if span[2] == "ANATOMY" and span[1] - span[0] == 1 and words[span[0]] in AMBIGUOUS_ANATOMY
               and (span[0] == 0 or words[span[0] - 1] not in
                    (ANATOMY_CONTEXT if words[span[0]] not in _PLACE_NAMED_PARTS else _OWNED_CONTEXT))
               and not _next_is_symptom(spans, span) and not _in_body_part_list(words, spans, span)
               and not _previous_is_symptom_word(spans, span, words) and not _predicate_follows(words, span[1])
               and not _place_of_a_complaint(spans, span, words) and region_start(words, span[0]) is None]
    return [span for span in spans if span not in dropped] if dropped else spans


def region_start(words: list[str], start: int) -> int | None:
    """Where "<region> of (owner)" starts before the body part at ``start`` ("the [back] of my head", "[back] of
    head", "the [sides] of my fingers"), or None."""
    of = start - 1 - (start >= 1 and words[start - 1] in _REGION_OWNERS)
    return of - 1 if of >= 1 and words[of] == "of" and words[of - 1] in REGION_NOUNS else None


def _next_is_symptom(spans: Spans, span) -> bool:
    index = spans.index(span)
    return index + 1 < len(spans) and spans[index + 1][2] == "SYMPTOM" and spans[index + 1][0] == span[1]


def _previous_is_symptom_word(spans: Spans, span, words: list[str]) -> bool:
    """"a flushed face", "swollen face": a one-word symptom right before the body word describes it.
    A complaint noun does not: "the pain back in march", "his cough hand in hand with"."""
    index = spans.index(span)
    if not (index > 0 and spans[index - 1][2] == "SYMPTOM" and spans[index - 1][1] == span[0]
            and spans[index - 1][1] - spans[index - 1][0] == 1):
        return False
    if span[1] < len(words) and words[span[1]] in SYMPTOM_PREDICATES:
        return False  # "my arms go numb back burns": the body word has a predicate of its own, "numb" is the arms'
    word = words[span[0] - 1]
    return word in SYMPTOM_PREDICATES or word in _DESCRIBING_SYMPTOMS or word.endswith(("ed", "en", "y"))


# One-word symptoms that describe a body part in front of it without an -ed, -en or -y ending.
_DESCRIBING_SYMPTOMS = frozenset("numb sore red stiff weak tight cold hot raw heavy".split())


def _place_of_a_complaint(spans: Spans, span, words: list[str]) -> bool:
    """"tingling in feet", "a rash on hands": the body word right after a complaint and "in" or "on" is where it is."""
    start = span[0]
    return start >= 2 and words[start - 1] in ("in", "on") and any(
        s[1] == start - 1 and s[2] == "SYMPTOM" for s in spans)


def _predicate_follows(words: list[str], end: int) -> bool:
    """"face is swollen", "back is killing me", "face went bright red": a linking verb and a body predicate after the
    body word (a shade between them)."""
    if end + 1 >= len(words) or words[end] not in _COPULAS:
        return False
    after = end + 1 + (words[end + 1] in _SHADE_WORDS and end + 2 < len(words))
    return words[after] in SYMPTOM_PREDICATES


_COPULAS = frozenset("is are was were feels feel felt looks looked went goes turned turns".split())
_SHADE_WORDS = frozenset("bright deep dark pale very really so".split())


def _in_body_part_list(words: list[str], spans: Spans, span) -> bool:
    """"back, hip and knee pain", "neck, arms, shoulders": a body part among others in a list."""
    index = spans.index(span)
    neighbours = (spans[index - 1] if index else None, spans[index + 1] if index + 1 < len(spans) else None)
    for other in neighbours:
        if other is not None and other[2] in ("ANATOMY", "SYMPTOM"):
            gap = words[span[1]:other[0]] if other[0] >= span[1] else words[other[1]:span[0]]
            # "energy is back and no weight gain": a list joins body parts, not a body part and a negated complaint
            if gap and len(gap) <= 2 and gap[0] in (",", "and", "or") and all(w in LIST_GAP_WORDS for w in gap):
                return True
    return False


# (round 26a) Adjectives of a paired organ or place that begin a disease's name: the side before them is the organ's
# ("[left ureteric stone]", "[right inguinal hernia]", "[left ovarian cyst]"), as before "[left kidney stone]".
ORGAN_ADJECTIVES = frozenset("ureteric ureteral renal ovarian inguinal femoral pleural pulmonary testicular tubal "
                             "adrenal carotid retinal parotid submandibular axillary".split())


def extend_anatomy_sides(doc: Doc, words: list[str], spans: Spans, *, lookup=lambda word: None) -> Spans:
    """"left knee"; "lower tummy ache", "right ear infection", "right hip replacement": the side of a body part, also
    when the body part begins a symptom, disease or procedure (laterality is a pre-modifier, GUIDELINES rule 4)."""
    if _SIDE_GATE.isdisjoint(gate_hits(words)):
        return spans
    def with_side(span):
        start, end, label, concept = span
        if label != "ANATOMY":
            first = lookup(doc[start].norm_)
            if end - start < 2 or (not first or first[0] != "ANATOMY") and words[start] not in ORGAN_ADJECTIVES:
                return span
        return _extend_left(words, start, SIDE_WORDS), end, label, concept

    return rewrite_found(spans, [k for k, span in enumerate(spans) if span[0] and words[span[0] - 1] in SIDE_WORDS
                                 and span[2] in ("ANATOMY", "SYMPTOM", "DISEASE", "TREATMENT")], with_side)


# Parts of a body part named before it with "of": "the outside of my ankle", "the ball of my foot", "whites of her eyes".
REGION_NOUNS = frozenset("outside inside back top side front bottom tip base edge middle centre center ball balls palm palms sole soles "
                         "roof corner corners bridge underside whites white crease creases arch end ends "
                         "sides tips backs tops".split())
_REGION_OWNERS = frozenset("my his her their your our the both".split())
_REGION_GATE = gate(REGION_NOUNS)


def extend_anatomy_regions(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"outside of my ankle": the region of a body part is one ANATOMY with it (GUIDELINES table 3: "whites of her eyes")."""
    if _REGION_GATE.isdisjoint(gate_hits(words)):
        return spans
    ends = {span[1] for span in spans}

    regions = {span[0]: region_start(words, span[0]) for span in spans if span[2] == "ANATOMY"}

    def with_region(span):
        start = regions[span[0]]
        if start >= 1 and (words[start - 1] in SIDE_WORDS or words[start - 1] == "one" and words[start] == "side") \
                and start not in ends:  # no span already takes the side word
            start -= 1  # "the left side of my neck", "one side of my throat"
        return (start, *span[1:])

    return rewrite_found(spans, [k for k, span in enumerate(spans)
                                 if span[2] == "ANATOMY" and regions[span[0]] is not None
                                 and (k == 0 or spans[k - 1][1] <= regions[span[0]])], with_region)


def compose_symptoms(doc: Doc, words: list[str], spans: Spans, *, lookup=lambda phrase: None) -> Spans:
    """Join a symptom with the body part it is felt in, and stacked symptom words, into one SYMPTOM.

    A pain that is joined with its site takes the site's pain concept when the lexicon has one
    ("sharp pain in my flank" is flank pain, not pain of unknown site).
    """
    first = next((k for k, (left, right) in enumerate(zip(spans, spans[1:]))
                  if right[0] - left[1] <= _MAX_JOIN_GAP and (left[2], right[2]) in _JOIN_LABELS and _joins(words, left, right, lookup)), None)
    if first is None:
        return spans  # only a join makes a new pair to join
    out: Spans = spans[:first]
    for span in spans[first:]:
        if out and span[0] - out[-1][1] <= _MAX_JOIN_GAP and (out[-1][2], span[2]) in _JOIN_LABELS \
                and _joins(words, out[-1], span, lookup):
            previous = out.pop()
            label = _JOINED_LABEL.get((previous[2], span[2]), "SYMPTOM")
            concept = span[3] if span[2] in ("SYMPTOM", "DISEASE") else previous[3]
            if concept in GENERIC_PAIN:
                site = previous if previous[2] == "ANATOMY" else span
                concept = _site_pain(words[site[0]:site[1]], lookup) or concept
            out.append((previous[0], span[1], label, _refine_by_site(concept, words[previous[0]:span[1]])))
        else:
            out.append(span)
    return out


# The label pairs :func:`_joins` may join, and the widest gap it allows (a location gap).
_JOIN_LABELS = frozenset({("SYMPTOM", "ANATOMY"), ("ANATOMY", "SYMPTOM"), ("DRUG", "DRUG"), ("SYMPTOM", "SYMPTOM"),
                          ("ANATOMY", "DISEASE"), ("DISEASE", "ANATOMY"), ("TREATMENT", "TREATMENT")})
_MAX_JOIN_GAP = 6
# What a join is, where it is not a SYMPTOM: "knee arthritis" a disease, "cranberry supplements" a drug; a diagnosis
# with its site after it stays the diagnosis (GUIDELINES rule 5: "[osteoarthritis in both knees]", "[blood clots in
# my leg]", "[eczema on my eyelids]" are DISEASE in the gold), as the site before it does.
_JOINED_LABEL = {("ANATOMY", "DISEASE"): "DISEASE", ("DISEASE", "ANATOMY"): "DISEASE", ("DRUG", "DRUG"): "DRUG",
                 ("TREATMENT", "TREATMENT"): "TREATMENT"}
# Generic procedure words that take the procedure named before them as their kind: "excision surgery".
PROCEDURE_HEADS = frozenset({"surgery", "surgeries", "procedure", "procedures", "operation"})
GENERIC_PAIN = frozenset({"HP:0012531"})
_SITE_PREPOSITIONS = frozenset("in on of at under around inside over near behind above below".split())
_NOT_SITE_WORDS = frozenset("my his her their our your the both of".split())


def _site_pain(site_words: list[str], lookup) -> str | None:
    """The lexicon's "<site> pain" concept: "lower back" -> low back pain, "right hip" -> hip pain."""
    site = [w for w in site_words if w not in _NOT_SITE_WORDS]
    for words in (site, [w for w in site if w not in SIDE_WORDS], site[-1:]):
        if words:
            known = lookup(" ".join(words) + " pain")
            if known and known[0] == "SYMPTOM" and known[1] not in GENERIC_PAIN:
                return known[1]
    return None


# Complaint words that are entities only with the place they are felt: "burning under my ribs",
# "patches on my elbows" (alone, "burning" or "patches" may be anything).
LOCATED_COMPLAINTS = frozenset(
    "burning tingling itching throbbing aching swelling stabbing shooting soreness tightness cramping twitching "
    "pressure fullness numbness stiffness weakness pain pains ache aches rash lump lumps bump bumps spots patches "
    "sores blisters redness bruising bruises knot knots ringing buzzing humming whooshing hissing whistling fluid pus "
    # findings patients locate on the skin or at an opening: "plaques on my elbows", "a sore spot on my shin",
    # "discharge from my nipple", "a blister on my heel"
    "spot plaque plaques discharge blister ulcer ulcers cyst cysts scabs scab "
    # noises and beats a joint or an organ makes: "clicking in the hip", "popping in the ear", "pounding on one
    # side of my head"
    "clicking popping pounding grinding cracking crunching clunking crackling "
    # marks patients see on the skin and describe by shape: "tiny dots all over my shins", "a brown stain above my
    # ankle", "a dent above my heel", "tunnels under the skin", "a bleed in the eye"
    "dots marks mark stain stains dent dents streaks tunnels bleed "
    # bites and welts patients locate on the skin: "itchy red bites on my arms and neck"
    "bites welts "
    # a pull felt somewhere: "tugging under his ribs", "a pulling in my groin"
    "tugging pulling".split())


def add_located_complaints(doc: Doc, words: list[str], spans: Spans, *, lookup=lambda word: None) -> Spans:
    """"burning in the soles of my feet", "patches on my cheeks": a complaint word with its body part."""
    if _LOCATED_GATE.isdisjoint(gate_hits(words)):
        return spans
    found = [k for k, span in enumerate(spans)
             if span[0] >= 2 and words[span[0] - 1] in _LOCATION_GAP_WORDS and span[2] == "ANATOMY"]
    if not found:
        return spans
    covered = covered_tokens(spans)
    out: Spans = spans[:found[0]]
    for start, end, label, concept in spans[found[0]:]:
        if label == "ANATOMY" and start >= 2 and words[start - 1] in _LOCATION_GAP_WORDS:
            i = start - 1
            while i >= 0 and start - i <= 6 and i not in covered and (words[i] in LOCATION_FILLERS or words[i] in SIDE_WORDS):
                i -= 1
            gap = words[i:start]
            if i >= 2 and gap and gap[0] in LOCATION_PREPOSITIONS and _is_location_gap(gap) and words[i - 1] in _SENSATIONS \
                    and words[i - 2].isalpha() and words[i - 2] not in _NOT_A_SENSATION and not covered.intersection((i - 2, i - 1)):
                # "a buzzy feeling in my head", "a weird sensation in my chest": the sensation named by its word
                if out and out[-1][1] > i - 2:
                    out.append((start, end, label, concept))
                    continue
                out.append((i - 2, end, "SYMPTOM", BODY_COMPLAINT))
                continue
            if i >= 1 and gap and gap[0] in LOCATION_PREPOSITIONS and _is_location_gap(gap) \
                    and words[i - 1] in LOCATED_COMPLAINTS and i - 1 not in covered \
                    and (gap[0] != "from" or words[i - 1] in _COMING_FROM):
                if out and out[-1][1] > i - 1:
                    out.append((start, end, label, concept))
                    continue
                # the complaint's own concept: the lexicon's phrase said without the side ("ringing in my [right]
                # ear" is the lexicon's "ringing in my ear", Tinnitus), else the word's
                known = lookup(f"{words[i - 1]} {gap[0]} my {words[end - 1]}") or lookup(words[i - 1])
                out.append((i - 1, end, "SYMPTOM", known[1] if known and known[0] == "SYMPTOM" else BODY_COMPLAINT))
                continue
        out.append((start, end, label, concept))
    return out


# What comes out of a body part is located by "from" ("discharge from both nipples", "fluid from my ear"); "pain
# from my back" tells where the pain starts, which annotators leave to the body part.
_COMING_FROM = frozenset({"discharge", "fluid", "pus"})


# A diagnosis with its site is located like a finding (rule 5): "[eczema on her wrists and behind her ears]".
_LOCATED_LABELS = frozenset({"SYMPTOM", "DISEASE"})


def add_second_locations(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"white patches around my eyes and on my knuckles": a second place of the same finding, with its own
    preposition after "and", is inside the located mention (GUIDELINES rule 11, a shared symptom word)."""
    n = len(words)
    # cheap word tests first: a symptom followed by "and" and a preposition is rare
    candidates = [k for k, span in enumerate(spans) if span[1] + 2 < n and words[span[1]] == "and"
                  and words[span[1] + 1] in _SECOND_PLACE_PREPOSITIONS and span[2] in _LOCATED_LABELS]
    if not candidates:
        return spans
    by_start = {span[0]: k for k, span in enumerate(spans)}
    found = []
    for k in candidates:
        start, end, _label, _concept = spans[k]
        if not any(words[j] in _SECOND_PLACE_PREPOSITIONS for j in range(start + 1, end)):
            continue  # the finding itself is located by a preposition: "patches around my eyes"
        j = end + 2
        while j < n and j - end <= 5 and j not in by_start and (words[j] in LOCATION_FILLERS or words[j] in SIDE_WORDS):
            j += 1
        other = spans[by_start[j]] if j in by_start else None
        if other and other[2] == "ANATOMY":
            found.append((k, by_start[j]))
        elif other is None and j < n and words[j] in BODY_REGIONS and j - end >= 3:
            found.append((k, (j, j + 1)))  # "... and round my waist": a region the body lexicon leaves alone
    if not found:
        return spans
    joined = {k: spans[last][1] if isinstance(last, int) else last[1] for k, last in found}
    gone = {last for _k, last in found if isinstance(last, int)}
    return [(s[0], joined[k], s[2], s[3]) if k in joined else s for k, s in enumerate(spans) if k not in gone]


# Regions of the trunk patients place a finding on, which are no body part of their own in the lexicon.
BODY_REGIONS = frozenset("waist waistline groin armpit armpits bum side sides tummy belly".split())
_SECOND_PLACE_PREPOSITIONS = frozenset({"on", "in", "around", "under", "behind", "inside", "over", "beside", "near", "along",
                                        "above", "below", "between", "across", "round"})  # British "round my waist"


# "feeling" and "sensation" are complaints only with a word that names them: "no feeling in my legs" is numbness
# said another way, "the feeling in my chest" says nothing of what is felt.
_SENSATIONS = frozenset({"feeling", "sensation"})
_NOT_A_SENSATION = frozenset("a an the my his her their your our this that no any some of every same one type kind sort".split())
_LOCATED_GATE = gate(LOCATED_COMPLAINTS, _SENSATIONS)
_LOCATION_GAP_WORDS = LOCATION_FILLERS | SIDE_WORDS | LOCATION_PREPOSITIONS  # what a location gap ends with


# A bare finding says nothing of where it is ("atrophy" may be of the brain); joined with the
# body part it is in, its own words support the site-specific concept.
SITE_REFINED = {
    "QATEXT:symptom/atrophy": (frozenset(
        "muscle muscles thigh thighs calf calves leg legs arm arms hand hands shoulder shoulders "
        "foot feet limb limbs hip hips forearm forearms buttock buttocks quad quads".split()), "HP:0003202"),
    # "wobbly" alone is an unsteady gait; a wobbly tooth is a loose tooth
    "HP:0002317": (frozenset("tooth teeth".split()), "QATEXT:symptom/loose-tooth"),
}


def _refine_by_site(concept: str, words: list[str]) -> str:
    refined = SITE_REFINED.get(concept)
    if refined is not None and not refined[0].isdisjoint(words):
        return refined[1]
    return concept


def _joins(words: list[str], left, right, lookup=lambda word: None) -> bool:
    l_start, l_end, l_label, _ = left
    r_start, r_end, r_label, _ = right
    labels = (l_label, r_label)
    gap = words[l_end:r_start]
    if labels == ("SYMPTOM", "ANATOMY"):
        # "sore throat", "swollen ankles"; "pain in my left knee", "mole on my back"; "sore jaw" + "muscles": a
        # body word that ends the symptom and the body word after it name one part ("sore jaw muscles")
        if gap and words[l_start] in _LOSS_CUE_WORDS and (_is_anatomy(lookup(words[l_end - 1])) or words[l_end - 1] in _POSTURES):
            return False  # "can't lift her right arm" above her shoulder: a lost function has its body part, the rest is extent
        if "and" in gap and has_own_predicate(words, r_end):
            return False  # "tummy swelled up and [his legs got puffy]": a body part with its own predicate is a new clause
        return (not gap and (l_end - l_start == 1 or _is_anatomy(lookup(words[l_end - 1])))) or _is_location_gap(gap)
    if labels == ("ANATOMY", "SYMPTOM"):
        # "knee pain"; "my ankles are swollen", "hands keep shaking"
        return not gap or (len(gap) <= 3 and all(word in LINKING_WORDS for word in gap))
    if labels == ("DRUG", "DRUG"):
        # "steroid ointment", "folic acid supplements": a drug word before a form or class head; two names
        # side by side are a list with its commas lost ("aspirin tylenol", "viagra cialis"), not one drug
        return not gap and words[r_end - 1] in _DRUG_HEADS
    if labels == ("SYMPTOM", "SYMPTOM"):
        # "itchy red rash": a describing word before the head; two nouns side by side are a list with its
        # commas lost ("insomnia no appetite", "sleepiness dizziness", "anger mania"), not one complaint
        return not gap and l_end - l_start == 1 and _describes(words[l_start], lookup)
    if labels == ("TREATMENT", "TREATMENT"):
        # "excision surgery", "ablation procedure": one procedure named twice, as "knee replacement surgery"
        return not gap and r_end - r_start == 1 and words[r_start] in PROCEDURE_HEADS
    if labels == ("ANATOMY", "DISEASE"):
        # "scalp psoriasis", "knee arthritis": a body part right before a diagnosis is its site; a flare
        # is of a disease, not of a body part ("cold extremities exacerbation of raynaud's")
        return not gap and right[3] != FLARE
    if labels == ("DISEASE", "ANATOMY"):
        # "blood clots in my leg", "infection in her ear"; "fracture on my left hand" + "finger": a located diagnosis
        # whose site ends in a body word takes the body word right after it, one compound site, as a SYMPTOM does
        # ("tennis elbow" + "tendon", "chondromalacia patella" + "joint debridement": a diagnosis named after a part is
        # no located one, so only a span that already took a site with its location word)
        return _is_location_gap(gap) or (not gap and l_end - l_start > 2 and _is_anatomy(lookup(words[l_end - 1]))
                                         and not _SITE_PREPOSITIONS.isdisjoint(words[l_start + 1:l_end - 1]))
    return False


# What links a body part to a predicate of its own after "and": "and his legs [got] puffy", "and my gums bled".
_OWN_LINKS = frozenset("is are was were got gets get went goes turned turns started would feels feel felt looks look "
                       "looked "
                       # a part that keeps doing something: "... and my heart [keeps skipping]" (round 18b)
                       "keeps keep kept".split())
# Beats of the heart, which the predicate list leaves out ("skipping" alone says nothing of a body): after a link
# they are a part's own predicate, "... and my heart [keeps skipping]".
_OWN_BEATS = frozenset("skipping fluttering racing pounding hammering thumping flipping".split())
# A verb of the body part itself, right after it: "... and his gums bled", "and my legs ached".
OWN_VERBS = frozenset("bled bleed bleeds swelled swell swells ached ache aches itched itch itches burned burn burns "
                      "throbbed throbs hurt hurts cracked split peeled locked".split())


def has_own_predicate(words: list[str], end: int, *, colours: frozenset[str] = frozenset()) -> bool:
    """"... and [his legs got puffy]", "... and the outside of my ankle [is purple]": a body part ending at ``end``
    with a predicate of its own starts a new clause (here and in lay_coordination; ``colours`` are the colour words
    lay_body_predicates reads as predicates)."""
    n = len(words)
    k = end
    if k < n and words[k] in OWN_VERBS:
        return True
    if k < n and words[k] in _OWN_LINKS:
        k += 1
        if k < n and words[k] in ("so", "really", "very", "all", "super", "quite"):
            k += 1
    return k < n and (words[k] in SYMPTOM_PREDICATES or words[k] in colours or k > end and words[k] in _OWN_BEATS
                      or words[k] in GIVE_OUT_VERBS and words[k + 1:k + 2] == ["out"])


_NOUN_ENDINGS = ("ness", "ity", "ety", "ia", "ion", "sis", "ache", "ment", "ue", "ea", "er", "ism", "cy")
_ADJECTIVE_ENDINGS = ("y", "ing", "ed", "en", "ful", "ous", "ic", "ive", "al", "ish", "less", "id", "ent", "ant", "ar", "ile",
                      "ary", "ory")


def _describes(word: str, lookup=lambda word: None) -> bool:
    """An adjective before a symptom word ("itchy", "swollen", "burning"), as far as the word shows it."""
    if word in DESCRIPTORS or word in SEVERITY:
        return True
    if word.endswith(_COMPLAINT_ENDINGS):
        # a gerund or -y noun is as often a complaint of its own, in a list with its commas lost ("vomiting
        # diarrhoea", "sweating nausea", "lethargy insomnia"): a describer only as a known predicate that is no
        # one-word complaint itself
        found = lookup(word)
        return word in SYMPTOM_PREDICATES and not (found and found[0] in ("SYMPTOM", "DISEASE"))
    if word in SYMPTOM_PREDICATES:
        return True
    return word.endswith(_ADJECTIVE_ENDINGS) and not word.endswith(_NOUN_ENDINGS)


_COMPLAINT_ENDINGS = ("ing", "y")


# Postures a lost function ends with ("can't stand on tiptoe" on my left leg: the leg after it is extent).
_POSTURES = frozenset("side sides back front stomach tummy belly tiptoe tiptoes toes heels".split())
# First words of a lost function ("can't lift my arm", "unable to bend my knee"; lay_rules.IMPAIRMENT_CUES).
_LOSS_CUE_WORDS = frozenset({"ca", "cant", "can", "cannot", "could", "couldnt", "unable", "not", "wo"})


def _is_anatomy(found) -> bool:
    return bool(found) and found[0] == "ANATOMY"


BODY_COMPLAINT = "QATEXT:symptom/body-part-complaint"
FLARE = "QATEXT:disease/flare"
SUBSTANCE_DISORDER = "QATEXT:disease/substance-related-disorder"
TEST_OF = "QATEXT:test/measurement-of"
CONDITION_MEDICINE = "QATEXT:drug/medicine-for-condition"
# Names of the concepts these rules create when no lexicon concept fits.
RULE_CONCEPT_NAMES = {
    BODY_COMPLAINT: "Complaint about a body part",
    "HP:0002141": "Gait imbalance",  # lay_span_edges: "my balance is off"
    "HP:0001608": "Abnormality of the voice",  # lay_span_edges: "her voice is quiet"
    SUBSTANCE_DISORDER: "Substance-related disorder (allergy, withdrawal, toxicity...)",
    TEST_OF: "Test or measurement of a named substance, organism or organ",
    CONDITION_MEDICINE: "Medicine for a named condition, in a named dose form (a class)",
    "QATEXT:drug/named-in-context": "Medicine named in a medicine's frame, not in the lexicon (drug_frames)",
    "QATEXT:symptom/changed-body-product": "Changed colour or state of urine, stool, semen or another body product",
    "HP:0004324": "Increased body weight",
    "HP:0001824": "Weight loss",
    # the lay-phrase modules' own concepts (tests/test_concept_review.py checks every id they declare has a name)
    "QATEXT:symptom/body-focused-repetitive-behaviour": "Body-focused repetitive behaviour (picking, pulling, biting)",
    "QATEXT:symptom/skin-picking": "Skin picking",
    "QATEXT:symptom/impaired-daily-activities": "Impaired daily activities",
    "QATEXT:symptom/staring-spells": "Staring spells",
    "QATEXT:symptom/meltdowns": "Meltdowns",
    "QATEXT:symptom/bonding-difficulty": "Difficulty bonding",
    "QATEXT:symptom/repetitive-speech": "Repetitive speech",
    "QATEXT:disease/organ-disorder": "Disorder of a named organ",
    "QATEXT:symptom/function-decline": "Decline of a sense or function",
    "QATEXT:symptom/gagging": "Gagging",
    "QATEXT:symptom/poor-oral-intake": "Poor oral intake",
    "QATEXT:symptom/early-satiety": "Early satiety",
    "QATEXT:symptom/choking-on-food": "Choking on food",
    "QATEXT:symptom/avoidance": "Avoidance",
    "QATEXT:symptom/wandering": "Wandering",
    "QATEXT:symptom/genital-numbness": "Genital numbness",
    "QATEXT:symptom/self-neglect": "Self-neglect",
    "QATEXT:symptom/visual-field-defect": "Visual field defect",
    "QATEXT:symptom/night-waking": "Waking at night",
    "QATEXT:symptom/early-morning-awakening": "Early morning awakening",
    "QATEXT:symptom/unrefreshing-sleep": "Unrefreshing sleep",
    "QATEXT:symptom/blood-seen": "Blood seen in urine, stool or another body product",
    "QATEXT:symptom/reduced-urine-output": "Reduced urine output",
}


def add_body_predicates(doc: Doc, words: list[str], spans: Spans, *, lookup=lambda word: None) -> Spans:
    """"throat felt tight", "my knee hurts", "ear tugging": a body part with what is wrong with it.

    ``lookup(word)`` gives the predicate's own concept when the lexicon knows it ("swollen").
    """
    if _PREDICATE_GATE.isdisjoint(gate_hits(words)):
        return spans
    # a predicate is at most 3 linking words after a body part ("ankles are always swollen"), or ends a symptom
    found = [k for k, span in enumerate(spans)
             if span[2] == "ANATOMY" and not _PREDICATE_GATE.isdisjoint(words[span[1]:span[1] + 4])
             or span[2] == "SYMPTOM" and (words[span[1] - 1] in SYMPTOM_PREDICATES
                                          # "hair keeps [falling] out": a complaint read alone that needs its "out"
                                          or words[span[1] - 1] in GIVE_OUT_VERBS and words[span[1]:span[1] + 1] == ["out"])]
    if not found:
        return spans
    out = list(spans)
    starts = {span[0] for span in spans}
    ends = {span[0]: span[1] for span in spans}
    by_start = {span[0]: span for span in spans}
    n = len(words)
    for k in found:
        start, end, label, concept = spans[k]
        if label == "ANATOMY":
            i = end
            while i < n and (i - end < 3 and i not in starts and (words[i] in LINKING_WORDS or (
                    i == end and words[i] in _RELATIVE_LINKS)) or _is_compound_degree(words, i, by_start)):
                i += 1
            held = _held_predicate(words, by_start.get(i))
            if i < n and (i not in starts or held) and (words[i] in SYMPTOM_PREDICATES or held or (
                    words[i] in GIVE_OUT_VERBS and i + 1 < n and words[i + 1] == "out")) \
                    and not (words[i] in COMPARATIVES and words[i + 1:i + 2] == ["than"]
                             and words[i + 2:i + 3] and words[i + 2] not in _CHANGE_BASES):
                if held:
                    # the predicate was found on its own ("bone dry", "sunburnt"): the body part's complaint takes it in
                    end = _with_more_predicates(words, held[1], ends)
                else:
                    end = _side_tail(words, _with_more_predicates(words, _with_tail(words, i, i + 1, starts), ends), starts)
                if words[i] in NEEDS_A_VERB and _DEGREE_LINKS.issuperset(words[spans[k][1]:i]):
                    continue  # "blow your nose so hard", "use a wrist split": without a verb no predicate of the part
                if _moved_or_effort(words, i):
                    continue  # "my arm came out of the cast", "my legs are hard to move": no state of the part
                if _feeling_cause(words, end):
                    continue  # "face was red with embarrassment": an everyday feeling, no complaint (GUIDELINES rule 17)
                if words[spans[k][1]] in _RELATIVE_LINKS and start >= 2 and words[start - 1] == "and" and k \
                        and spans[k - 1][1] == start - 1 and spans[k - 1][2] in ("SYMPTOM", "DISEASE") \
                        and not LOCATION_PREPOSITIONS.isdisjoint(words[spans[k - 1][0]:spans[k - 1][1]]):
                    # "[bumps around my mouth and nose] that burn": a second place of a located finding, whose clause
                    # is the finding's (round 18b); "tinnitus and [skin that feels sunburnt]" is the skin's
                    continue
                known = lookup(words[i]) if not held else (held[2], held[3])
                if k and spans[k - 1][2] == "ANATOMY" and out[k - 1] == spans[k - 1] \
                        and _is_location_gap(words[spans[k - 1][1]:start]):
                    # "the skin around my eyes looks darker": the located part is the subject, its place inside
                    start = spans[k - 1][0]
                    out[k - 1] = None
                if words[i] in SLIPPING_PREDICATES:
                    out[k] = (start, end, "DISEASE", DISLOCATION)  # a joint slipping out is an injury, like "dislocated my knee"
                else:
                    out[k] = (start, end, "SYMPTOM", known[1] if known and known[0] == "SYMPTOM" else BODY_COMPLAINT)
        else:
            end = _with_tail(words, end - 1, end, starts)
            if spans[k][1] - start >= 2:  # a verbal symptom ("lips cracked"), not a bare "swollen"
                end = _with_more_predicates(words, end, ends)
            out[k] = (start, end, label, concept)
    out = [span for span in out if span is not None]
    return _without_overlaps(out) if len(out) != len(spans) or any(a[1] != b[1] for a, b in zip(spans, out)) else out


SLIPPING_PREDICATES = frozenset("sublux subluxes subluxing subluxed dislocates dislocate slipped slips slipping".split())
# Predicates that are other words without a verb before them: "thighs were rock hard" but "blow your nose so hard";
# "skin would split" but "a wrist split(int)".
NEEDS_A_VERB = frozenset("hard split splits splitting".split())
_DEGREE_LINKS = frozenset("so really very all super extremely pretty quite kinda slightly completely totally bright "
                          "constantly always still rock".split())
DISLOCATION = "HP:0001373"
# "skin that feels sunburnt": a relative pronoun links a body part to its predicate like "is" does.
_RELATIVE_LINKS = frozenset({"that", "which"})
# A noun or adjective that grades the predicate after it: "bone dry", "ice cold", "rock hard", "burning hot".
_COMPOUND_DEGREES = frozenset("bone ice stone rock freezing boiling burning bright deep".split())
# What a face goes red with, or a head spins with, when no body complaint is meant (GUIDELINES rule 17).
_FEELING_CAUSES = frozenset(
    "embarrassment shame anger rage fury excitement joy pride laughter envy jealousy happiness ideas thoughts "
    "plans questions possibilities options".split())


# A face that reddens when someone sees, speaks to or teases the person blushes (GUIDELINES rule 17).
_BLUSH_COLOURS = frozenset("red pink crimson scarlet".split())
_BLUSH_SIGHTS = frozenset("saw sees see looked looks spoke speaks talked talks said says kissed kisses smiled smiles winked "
                          "complimented teased teases mentioned noticed caught walked".split())


# The writer's own doings are no sight of someone: "when i walked outside", "when i noticed the rash" (the sight
# verb's subject is the writer and its object no person); "when i saw him", "when he walked in" are.
_SELF_SUBJECTS = frozenset("i im i'm we".split())
_PERSON_OBJECTS = frozenset("him her them you me us his everyone everybody someone somebody".split())
# A heart that rushes at someone: "my heart was pounding hard when he kissed me" (an emotion, rule 17)
_HEART_PARTS = frozenset("heart heartbeat pulse".split())
_HEART_RUSHES = frozenset("pounding racing thumping fluttering hammering pounded raced fluttered skipped".split())
_RUSH_DEGREES = frozenset("hard fast so like crazy mad wildly".split())


def _is_heart_rush(words: list[str], end: int) -> bool:
    """The predicate ending before ``end`` is a heart's rush ("heart was pounding", "heart was pounding hard")."""
    tail = words[max(0, end - 5):end]
    return not _HEART_PARTS.isdisjoint(tail) and not _HEART_RUSHES.isdisjoint(tail[-2:])


def _someone_seen(words: list[str], k: int) -> bool:
    """After "when" at ``k``: someone else sees, speaks to or teases the writer, or the writer sees a person."""
    n = len(words)
    for j in range(k + 1, min(n, k + 4)):
        if words[j] in _BLUSH_SIGHTS:
            return _SELF_SUBJECTS.isdisjoint(words[k + 1:j]) or j + 1 < n and words[j + 1] in _PERSON_OBJECTS
    return False


# "came out of its socket" is a joint slipping out; "out of the cast", "out of the water" say where it went.
_OUT_OF_PLACES = frozenset("place socket sockets joint".split())


def _moved_or_effort(words: list[str], i: int) -> bool:
    """"came out of the cast": a part moved out of a thing; "hard to move": an effort (lay_impairments' "hard to"
    cue), no predicate of the part."""
    after = words[i + 1:i + 5]
    if words[i] == "hard":
        return after[:1] == ["to"]
    if words[i] in SLIPPING_PREDICATES and after[:2] in (["out", "from"], ["out", "under"]):
        return True  # "my foot slipped out from under me": a fall, no joint out of place
    return words[i] in GIVE_OUT_VERBS and after[:2] == ["out", "of"] and _OUT_OF_PLACES.isdisjoint(after[2:])


def _is_compound_degree(words: list[str], i: int, by_start: dict) -> bool:
    """"[bone] dry", "ice cold": a degree word right before a predicate, even when read alone as a body part."""
    if i + 1 >= len(words) or words[i] not in _COMPOUND_DEGREES or words[i + 1] not in SYMPTOM_PREDICATES:
        return False
    span = by_start.get(i)
    return span is None or span[2] == "ANATOMY" and span[1] == i + 1


def _held_predicate(words: list[str], span) -> tuple | None:
    """A SYMPTOM, or a one-word DISEASE, that a body predicate begins or ends ("bone dry", "sunburnt", "cold even
    in summer"), found before the body part was joined to it, or None."""
    if span is None or span[2] not in ("SYMPTOM", "DISEASE") or span[1] - span[0] > 5:
        return None
    if span[2] == "DISEASE" and span[1] - span[0] != 1:
        return None
    if words[span[0]] in SYMPTOM_PREDICATES or span[1] - span[0] <= 2 and words[span[1] - 1] in SYMPTOM_PREDICATES:
        return span
    return None


def _feeling_cause(words: list[str], end: int) -> bool:
    """"red with embarrassment", "spinning with ideas": the predicate's cause is a feeling or a thought; "her face
    went red when she saw him", "my heart was pounding hard when he kissed me": a blush or a rush at someone, an
    emotion (round 19a; "face goes red when i drink" and "face went red when i walked outside" stay)."""
    n = len(words)
    if end < n and (words[end - 1] in _BLUSH_COLOURS or _is_heart_rush(words, end)):
        k = end
        while k < n and k - end < 2 and words[k] in _RUSH_DEGREES:
            k += 1  # "pounding [hard] when"
        if k < n and words[k] in ("when", "as", "whenever") and _someone_seen(words, k):
            return True
    if end >= n or words[end] != "with":
        return False
    k = end + 1
    while k < n and k - end <= 3 and words[k] in ("all", "the", "so", "many", "new", "my", "these", "those"):
        k += 1
    return k < n and words[k] in _FEELING_CAUSES


# Adjectives that on their own report something wrong with the body part after them: "greasy skin", "heavy jaw",
# "itchy flaky scalp" are one SYMPTOM (GUIDELINES rule 4: the quality stands before the head), while "dry",
# "sore", "stiff" joined the lexicon's own phrases long ago. No colour or size: "white blood cells", "big toe".
BODY_STATE_ADJECTIVES = frozenset(
    "itchy flaky scaly crusty crusted dry greasy oily heavy stiff sore swollen puffy numb tingly tender achy "
    "tight watery bloodshot inflamed irritated cracked peeling blistered sunburnt sweaty clammy droopy "
    "blotchy bumpy raw gritty painful brittle throbbing aching burning furry coated lumpy".split()
)


def add_described_body_parts(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"greasy skin", "a heavy jaw", "itchy flaky scalp": state adjectives before a body part name a complaint."""
    found = [k for k, span in enumerate(spans) if span[2] == "ANATOMY" and span[0] and (
        words[span[0] - 1] in BODY_STATE_ADJECTIVES or _colour_after_state(words, span[0] - 1))]
    if not found:
        return spans
    by_start = {span[0]: span for span in spans}
    covered = covered_tokens(spans)
    dropped: set[tuple] = set()
    out = list(spans)
    for k in found:
        start, end, _label, _concept = spans[k]
        i = start - 1
        while i >= 0 and start - i <= 4:
            word = words[i]
            one_word = by_start.get(i)
            if i in covered and not (one_word and one_word[1] == i + 1 and one_word[2] == "SYMPTOM"):
                break
            if word in BODY_STATE_ADJECTIVES or word in DESCRIPTORS:
                i -= 1
            elif word in (",", "and") and i >= 1 and words[i - 1] in BODY_STATE_ADJECTIVES and i + 1 < start:
                i -= 1  # "cracked and bleeding", "red, itchy": adjectives stacked before one head
            else:
                break
        first = i + 1
        while first < start and words[first] not in BODY_STATE_ADJECTIVES and words[first] not in DESCRIPTORS:
            first += 1
        if first == start:
            continue  # the adjective before it belongs to another mention ("[red itchy] skin" found as one)
        dropped.update(by_start[j] for j in range(first, start) if j in by_start)
        # the larger part the described one is on, attached directly, is inside (GUIDELINES rule 5): "[swollen red
        # knuckles on both hands]"
        j = end + 1
        if end < len(words) and words[end] in ("on", "of"):
            while j < len(words) and j - end <= 3 and j not in by_start and words[j] in _HOLDER_FILLERS:
                j += 1
            holder = by_start.get(j)
            if holder and holder[2] == "ANATOMY" and j > end + 1:
                dropped.add(holder)
                end = holder[1]
        out[k] = (first, end, "SYMPTOM", BODY_COMPLAINT)
    return [span for span in out if span not in dropped]


# Between a described body part and the part it is on: "knuckles on [both] hands", "blisters on [my left] foot".
_HOLDER_FILLERS = frozenset("both my his her their your the left right one each".split())


def _colour_after_state(words: list[str], i: int) -> bool:
    """"swollen red knuckles", "itchy pink eyelids": a describing word (colour) right before the body part, after a
    state adjective; a colour alone ("white blood cells", "red eye" as a place) is not enough."""
    return words[i] in DESCRIPTORS and i >= 1 and words[i - 1] in BODY_STATE_ADJECTIVES


def _with_more_predicates(words: list[str], end: int, ends: dict[int, int]) -> int:
    """"sore and red", "red and gritty": another predicate of the same body part (GUIDELINES rule 11).
    Not after a comma: "jaw clenching, sweaty palms" is a list of complaints, not one. Nor a word that
    begins a longer span (``ends``: span ends by start): "internal bleeding and [bleeding in the brain]"."""
    n = len(words)
    if end < n and words[end] in _STACKED_PREDICATES and words[end - 1] in SYMPTOM_PREDICATES and ends.get(end, end + 1) == end + 1:
        end += 1  # "toe red hot and swollen": two predicates side by side, then the joined one
    while end + 1 < n and words[end] in _PREDICATE_JOINERS:
        after = end + 1
        if after < n and words[after] in ("so", "very", "really", "all", "rock", "bright"):
            after += 1
        if after < n and (words[after] in SYMPTOM_PREDICATES or words[after] in DESCRIPTORS) \
                and ends.get(after, after + 1) == after + 1:
            if words[end] == "," and not _closed_predicate_list(words, after):
                break  # a comma joins only inside a list of predicates: "red, hot and rock hard", "thick, yellow and crumbly"
            end = after + 1
        else:
            break
    return end


def _closed_predicate_list(words: list[str], k: int) -> bool:
    """From a predicate after a comma, the list goes on with commas and predicates only and closes with "and" and a
    predicate ("red, [hot] and rock hard"); "ear ache, weak, tired" is a list of complaints, not one."""
    n = len(words)
    while k < n and (words[k] in SYMPTOM_PREDICATES or words[k] in DESCRIPTORS):
        if k + 1 < n and words[k + 1] == ",":
            k += 2
        elif k + 1 < n and words[k + 1] in ("and", "&"):
            k += 2
            k += k < n and words[k] in ("so", "very", "really", "all", "rock", "bright")
            return k < n and (words[k] in SYMPTOM_PREDICATES or words[k] in DESCRIPTORS)
        else:
            return False
    return False


# "then" joins colours in a sequence: "fingers go white then blue and numb" (one finding, rule 11)
_PREDICATE_JOINERS = frozenset({"and", "&", ",", "then"})
_LIST_JOINERS = frozenset({"and", "&", ","})
# Predicates that stack right after another without "and": "red hot", "red raw", "stiff sore".
_STACKED_PREDICATES = frozenset({"hot", "raw", "sore", "swollen", "stiff", "numb", "itchy", "tender", "puffy"})


_PREDICATE_GATE = gate(SYMPTOM_PREDICATES, GIVE_OUT_VERBS)


_SIDE_TAIL_WORDS = frozenset({"both", "one", "left", "right", "that", "this", "either", "each"})


def _side_tail(words: list[str], end: int, starts: set[int]) -> int:
    """"nose is blocked [on both sides]", "ear is red on the left side": the side of the body part the predicate
    holds for is its location, inside the span (GUIDELINES rule 5)."""
    n = len(words)
    if end + 2 >= n or words[end] != "on" or end + 1 in starts:
        return end
    k = end + 1
    if words[k] in ("the", "my", "his", "her"):
        k += 1
    if k < n and words[k] in _SIDE_TAIL_WORDS:
        k += 1
        if k < n and words[k] in ("side", "sides"):
            return k + 1
    return end


# What opens a body part's noun phrase: "swollen up to [the knees]", "spreading down to [my toes]".
OWNERS = frozenset("my his her their your our the".split())


def _with_tail(words: list[str], predicate: int, end: int, starts: set[int]) -> int:
    """The end of a predicate with what completes it ("swells up", "swell shut", "gave out")."""
    # "eyes rolled back": the tail may have been read as a body part of its own, which the predicate takes in
    if end + 1 < len(words) and words[end] == "half" and words[end + 1] == "shut":
        end += 1  # "jaw is locked half shut", "eye swollen half shut"
    if end < len(words) and (end not in starts or words[end] == "back") and words[end] in PREDICATE_TAILS \
            and not (words[end] == "up" and words[end + 1:end + 2] == ["to"]  # "swollen [up to the knees]": an extent,
                     and words[end + 2:end + 3] and words[end + 2] in OWNERS):  # outside (rule 10); "up to twice" keeps it
        allowed = PREDICATE_TAILS[words[end]]
        if allowed is None or words[predicate] in allowed:
            return end + 1
    return end


def add_test_heads(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"strep test", "vitamin D levels", "TB screening": the thing tested plus the test word."""
    if _TEST_HEAD_GATE.isdisjoint(gate_hits(words)):
        return spans
    n = len(words)
    # a test word the lexicon found alone ("scan") still takes the tracer before it: "[sestamibi scan]" (batch 105)
    heads = {span[0] for span in spans if span[1] - span[0] == 1 and span[2] == "TEST" and words[span[0]] in TEST_HEADS
             and span[0] >= 1 and any(other[1] == span[0] and other[2] == "DRUG" for other in spans)}
    starts = {span[0] for span in spans} - heads

    def with_head(span):
        start, end, label, _concept = span
        if words[end] in _LEVELLING and end + 1 < n and words[end + 1] in _LEVELLED:
            return span  # "did the weight gain level off": a verb, no test
        if label in ("DISEASE", "DRUG", "ANATOMY", "SYMPTOM") and words[end] in TEST_HEADS:
            return start, end + 1, "TEST", TEST_OF
        if label == "DRUG" and words[end] in SUBSTANCE_DISORDERS and (
                words[end] != "use" or names_a_use_disorder(words[end - 1], words[end + 1] if end + 1 < n else "")):
            return start, end + 1, "DISEASE", SUBSTANCE_DISORDER
        return span

    out = rewrite_found(spans, [k for k, span in enumerate(spans)
                                if span[1] < n and words[span[1]] in _TEST_HEAD_GATE and span[1] not in starts], with_head)
    if heads:  # the lone test word now inside its tracer's span goes
        out = [span for span in out if not (span[0] in heads and span[1] - span[0] == 1
                                            and any(o[0] < span[0] < o[1] for o in out))]
    return out


_TEST_HEAD_GATE = gate(TEST_HEADS, SUBSTANCE_DISORDERS)
_LEVELLING = frozenset({"level", "levels"})
_LEVELLED = frozenset({"off", "out"})


_MODALITIES = frozenset("ct mri x-ray xray ultrasound pet ecg ekg echo".split())


def compose_tests(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"brain MRI", "celiac serology", "fasting lipid panel": what a test looks at belongs to it; so does the site
    before a treatment ("thumb splint", "knee surgery")."""
    labels = set(map(_LABEL, spans))
    if "TEST" not in labels and not ("TREATMENT" in labels and "ANATOMY" in labels):
        return spans
    out: Spans = []
    for span in spans:
        if out and span[2] == "TEST" and out[-1][1] == span[0] and out[-1][2] in ("ANATOMY", "DISEASE", "TREATMENT"):
            previous = out.pop()
            out.append((previous[0], span[1], "TEST", span[3]))
        elif span[2] == "TEST" and span[1] == span[0] + 1 and out and out[-1][1] == span[0] == out[-1][0] + 1 \
                and out[-1][2] == "TEST" and words[out[-1][0]] in _MODALITIES and words[span[0]] not in _MODALITIES \
                and doc[span[0]].text.isupper():
            # "CT KUB", "MRI MRCP": a modality and the protocol it is run as, in capitals, are one test (round 18b);
            # two modalities side by side ("CT MRI", "ultrasound mammograms") are a list
            previous = out.pop()
            out.append((previous[0], span[1], "TEST", previous[3]))
        elif out and span[2] == "TREATMENT" and out[-1][2] == "ANATOMY" and (
                out[-1][1] == span[0] or out[-1][1] == span[0] - 1 and _is_procedure_kind(words, span)):
            # "thumb splint", "knee surgery", "shoulder stabilization surgery": a treatment keeps the site before it
            # (GUIDELINES rule 7), and the kind of operation between them
            previous = out.pop()
            out.append((previous[0], span[1], "TREATMENT", span[3]))
        else:
            out.append(span)
    return out


# What an operation does to a site, between the site and "surgery": "shoulder [stabilization] surgery", "spinal
# [fusion] surgery", "wrist [reconstruction] surgery", "knee [repair] surgery" (not "knee appointment surgery")
_PROCEDURE_KIND = re.compile(r"[a-z]{2,}(?:ectomy|otomy|ostomy|plasty|pexy|desis)|stabili[sz]ation|reconstruction|"
                             r"decompression|resection|fixation|fusion|replacement|reduction|augmentation|"
                             r"amputation|repair|release|lengthening|bypass|transplant|reattachment")


def _is_procedure_kind(words: list[str], span) -> bool:
    """The word before a bare "surgery" or "operation" names what the operation does."""
    return span[1] - span[0] == 1 and words[span[0]] in PROCEDURE_HEADS and bool(
        _PROCEDURE_KIND.fullmatch(words[span[0] - 1]))


def add_clinical_modifiers(doc: Doc, words: list[str], spans: Spans) -> Spans:
    if _MODIFIER_GATE.isdisjoint(gate_hits(words)):
        return spans
    n = len(words)
    found = [k for k, span in enumerate(spans) if span[0] and words[span[0] - 1] in _MODIFIER_GATE
             or span[0] >= 2 and words[span[0] - 2] in STAGE_WORDS or span[1] < n and words[span[1]] in STAGE_WORDS
             or span[1] + 1 < n and words[span[1]] == "," and words[span[1] + 1] == "type"]
    if not found:
        return spans
    out = list(spans)
    changed = False
    for k in found:
        span = spans[k]
        start, end, label, concept = span
        modifiers = _MODIFIERS_BY_LABEL.get(label)
        if modifiers is None or not (start and words[start - 1] in modifiers or label in ("DISEASE", "SYMPTOM") and (
                start >= 2 and words[start - 2] in STAGE_WORDS or end < n and words[end] in STAGE_WORDS
                or end + 1 < n and words[end:end + 2] == [",", "type"])):
            continue
        if label in ("DISEASE", "SYMPTOM"):
            start = _extend_left(words, start, CLINICAL_MODIFIERS)
            while start < span[0] and ends_a_clause(words, start):
                start += 1  # "knickers were wet [discharge]", "my baby is posterior [back pain]": run-on predicates
            if start < span[0]:
                start = _negated_prefix(words, start)
            elif start and words[start - 1] == "soaking" and words[start] in _SWEATS:
                start -= 1  # "[soaking night sweats]", like drenching ones; not "soaking toenail fungus in vinegar"
            if start >= 2 and words[start - 2] in STAGE_WORDS and _is_stage(doc[start - 1].text):
                start -= 2
            if end + 2 < len(words) and words[end:end + 2] == [",", "type"] and words[end + 2] in _DIABETES_TYPES \
                    and end - start == 1 and words[start] == "diabetes" and words[end + 3:end + 4] != ["or"]:
                concept = _DIABETES_TYPES.get(words[end + 2], concept)
                end += 3  # (round 45) "[Diabetes, Type 2]": the condition as drugs.com files a review under it
            if end + 1 < len(words) and words[end] in _STAGES_AFTER and _is_stage(doc[end + 1].text):
                end += 2  # "CKD stage 3b", "diabetes type 2"; a grade read off a scan stays outside, as the blind
                # gold writes it ("x-ray shows [osteoarthritis] grade 2"); before the name it stays ("grade 2 tear")
        elif label == "DRUG":
            start = _extend_left(words, start, DRUG_MODIFIERS)
        elif label == "TEST":
            start = _extend_left(words, start, TEST_MODIFIERS)
        elif label == "TREATMENT":
            allowed = TREATMENT_MODIFIERS | SURGICAL_EXTENTS if _REMOVING_OR_REPLACING.fullmatch(words[end - 1]) \
                else TREATMENT_MODIFIERS
            start = _extend_left(words, start, allowed)
        if (start, end) != span[:2]:
            changed = True
            out[k] = (start, end, label, concept)
    return _without_overlaps(out) if changed else spans


# the lexicon's "type 1 diabetes", "type 2 diabetes"
_DIABETES_TYPES = {"1": "ICD10CM:E10", "i": "ICD10CM:E10", "2": "ICD10CM:E11", "ii": "ICD10CM:E11"}
# (round 44) Words that join a complaint as a qualifier or a describer but as often end a clause before a run-on one
# ("knickers were wet discharge", "my baby is posterior back pain", "the cast is too tight pain in my toes"), and the
# words before them that make them that clause's predicate: a link, a degree, an owner, "soaking", "sleep tight".
PREDICATE_PRONE = frozenset({"wet", "posterior", "anterior", "tight"})
PREDICATE_LEADS = frozenset("is are was were be been being am 'm 's 're feel feels felt get gets got too so very really "
                            "quite bit soaking dripping sleep hold it its my his her your their our".split())


def ends_a_clause(words: list[str], at: int) -> bool:
    """Whether the qualifier or describer at ``at`` is the predicate of the clause before it (:data:`PREDICATE_PRONE`)."""
    return words[at] in PREDICATE_PRONE and at >= 1 and words[at - 1] in PREDICATE_LEADS
# (round 48) How an operation is done, part of its name: "[laparoscopic mesh repair]", "[robotic prostatectomy]",
# "[keyhole surgery]" (rule 4's clinical qualifiers, for a TREATMENT); how much it takes, only before what removes or
# replaces a part: "[total laparoscopic hysterectomy]", "[partial knee replacement]" (not "the total surgery cost")
TREATMENT_MODIFIERS = frozenset("robotic laparoscopic keyhole arthroscopic endoscopic".split())
SURGICAL_EXTENTS = frozenset("total radical partial".split())
_REMOVING_OR_REPLACING = re.compile(r"[a-z]+ectomy|replacement|resection")
_MODIFIER_GATE = gate(CLINICAL_MODIFIERS, STAGE_WORDS, DRUG_MODIFIERS, TEST_MODIFIERS, TREATMENT_MODIFIERS,
                      SURGICAL_EXTENTS, {"soaking"})
_MODIFIERS_BY_LABEL = {"DISEASE": CLINICAL_MODIFIERS, "SYMPTOM": CLINICAL_MODIFIERS | {"soaking"},
                       "DRUG": DRUG_MODIFIERS, "TEST": TEST_MODIFIERS,
                       "TREATMENT": TREATMENT_MODIFIERS | SURGICAL_EXTENTS}


def _is_stage(text: str) -> bool:
    return text.isdecimal() or text.upper() in ("I", "II", "III", "IV", "1A", "1B", "2A", "2B", "3A", "3B", "3C", "4A", "4B")


def _without_overlaps(spans: Spans) -> Spans:
    out: Spans = []
    for span in spans:
        if out and span[0] < out[-1][1]:
            span = (out[-1][1], *span[1:]) if out[-1][1] < span[1] else None
        if span:
            out.append(span)
    return out


WEIGHT_UNITS = frozenset("pounds pound lbs lb kg kgs kilos kilo stone".split())
GAIN_WORDS = frozenset("gained gain gaining put putting up".split())
LOSS_WORDS = frozenset("lost lose losing dropped drop down".split())
WEIGHT_GAIN, WEIGHT_LOSS = ("HP:0004324", "HP:0001824")
APPROXIMATE = frozenset("about almost nearly over around like close roughly approximately".split())
COMPARATIVE_WEIGHT = {"heavier": WEIGHT_GAIN, "lighter": WEIGHT_LOSS}


def add_weight_changes(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"gained 15 pounds", "lost 20 lbs", "down 9 kg": a change of weight told with a number."""
    taken = covered_tokens(spans)
    added = []
    for i, word in enumerate(words):
        if word not in WEIGHT_UNITS or i < 1 or not doc[i - 1].like_num:
            continue
        after = words[i + 1] if i + 1 < len(words) else ""
        if after in COMPARATIVE_WEIGHT:  # "40 pounds heavier"
            start, end, concept = i - 1, i + 2, COMPARATIVE_WEIGHT[after]
        else:
            start, end = i - 2, i + 1
            if start >= 1 and words[start] in APPROXIMATE:  # "gained about 15 lb"
                start -= 1
            if start >= 1 and words[start] == "on":  # "put on 10 pounds"
                start -= 1
            if start >= 1 and words[start] == "back" and words[start - 1] in ("put", "putting"):
                start -= 1  # "put back on 7 kg" (round 16b)
            verb = words[start] if start >= 0 else ""
            concept = WEIGHT_GAIN if verb in GAIN_WORDS else WEIGHT_LOSS if verb in LOSS_WORDS else None
            if start >= 1 and words[start - 1] == "to":  # "trying to lose 10 pounds" is a goal, not a change
                concept = None
        if concept and start >= 0 and not any(j in taken for j in range(start, end)):
            added.append((start, end, "SYMPTOM", concept))
    return sorted(spans + added) if added else spans


def _is_location_gap(gap: list[str]) -> bool:
    if len(gap) >= 2 and gap[0] in POSITION_ADVERBS and gap[1] in LOCATION_PREPOSITIONS:
        gap = gap[1:]  # "a dull ache low in my belly", "pain deep in my hip"
    return bool(gap) and len(gap) <= 6 and gap[0] in LOCATION_PREPOSITIONS and all(w in LOCATION_FILLERS or w in SIDE_WORDS for w in gap[1:])


# Where in a body part, before the preposition: "low in my belly", "deep inside my ear".
POSITION_ADVERBS = frozenset({"low", "high", "deep", "way", "right", "mostly", "mainly", "just"})


# Adjectives that describe how a finding looks or feels, stacked before it: "red itchy watery eyes",
# "hard, painless, fixed breast lump" (GUIDELINES rule 11, last part).
DESCRIPTORS = frozenset(
    "red itchy watery swollen puffy dry sore stiff tender numb tingly hard soft painless painful fixed firm "
    "raised flat bumpy scaly crusty flaky oozing weeping lucid vivid weird strange cold clammy sweaty blurry "
    "hot warm pink purple white blue grey yellow dark black brown blotchy patchy rough bleeding cracked green greenish "
    "yellowish tarry bloody tiny small big large pearly little milky sticky smelly stinky foul bitter "
    # texture, smell and sound in patients' own words: "[eggy burps]", "[greasy, floaty diarrhoea]", "[tender
    # rubbery lump]", "[twisty bulging veins]", "[cystic spots]", "[high pitched ringing]" (rule 4: character)
    "eggy floaty greasy twisty rubbery furry cystic lumpy squishy spongy slimy frothy foamy stringy knobbly "
    "pitched coated blistery".split()
)


def add_severity(doc: Doc, words: list[str], spans: Spans) -> Spans:
    if _RANGE_GATE.isdisjoint(gate_hits(words)):
        return spans
    found = [k for k, span in enumerate(spans)
             if span[0] and words[span[0] - 1] in _STACK_BEFORE and span[2] in ("SYMPTOM", "DISEASE")]
    out = list(spans)
    changed = False
    for k in found:
        start, end, label, concept = spans[k]
        # "and" joins adjectives stacked before a head noun ("cracked and bleeding knuckles"), not predicates
        # ("ankle is purple and swollen", which the body-predicate rules join)
        extended = _extend_stacked(words, start, with_and=words[end - 1] not in DESCRIPTORS and words[end - 1] not in SYMPTOM_PREDICATES,
                                   end=end, label=label)
        if k and spans[k - 1][0] < extended < spans[k - 1][1]:
            extended = start  # "hands are swollen and red eyes": the words before belong to another mention
        if extended != start:
            changed = True
            out[k] = (extended, end, label, concept)
            # "sore, stiff hands": "sore" was a span of its own; inside the stacked one it is gone, not
            # left to cut the stacked span down to ", stiff hands"
            j = k - 1
            while j >= 0 and spans[j][0] >= extended:
                out[j] = None
                j -= 1
    return _without_overlaps([span for span in out if span is not None]) if changed else spans


# One-letter isomer prefixes glued to a compound's name: "d-mannose", "l-theanine", "n-acetylcysteine".
ISOMER_PREFIXES = frozenset({"d", "l", "n", "dl"})


def extend_isomer_prefixes(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """"d-mannose": the tokenizer splits the prefix off, the name is one product (GUIDELINES rule 13)."""
    return rewrite_found(spans, [k for k, span in enumerate(spans) if span[2] == "DRUG" and span[0] >= 2
                                 and words[span[0] - 1] == "-" and words[span[0] - 2] in ISOMER_PREFIXES
                                 and not doc[span[0] - 2].whitespace_ and not doc[span[0] - 1].whitespace_
                                 and (k == 0 or spans[k - 1][1] <= span[0] - 2)],
                         lambda span: (span[0] - 2, *span[1:]))


# (round 44) After a singular "drop", what says it is the product: a count or how often ("[Timolol drop] 2 times",
# "latanoprost drop once at night"); a drop that is a fall or a taper is no form ("the sertraline drop to 50mg").
_DROP_DOSING = frozenset("twice once daily every each nightly morning night in".split())


def _drop_is_a_form(words: list[str], at: int) -> bool:
    after = words[at + 1] if at + 1 < len(words) else ""
    return after in _DROP_DOSING or after[:1].isdecimal()


def add_drug_forms(doc: Doc, words: list[str], spans: Spans, *, lookup=lambda term: None) -> Spans:
    """"hydrocortisone cream", "albuterol inhaler": the form is part of what the patient names. A form word the
    lexicon found alone ("inhaler" is a device) joins the drug before it; after a condition it names the
    medicines for that condition, a class ("glaucoma drops", "acne cream", "allergy pills"), unless the lexicon
    names the pair ("the flu jab": "the flu" won the longest match, but "flu jab" is the influenza vaccine)."""
    if _DRUG_FORM_GATE.isdisjoint(gate_hits(words)):
        return spans
    n = len(words)
    # a drug or condition right before a form word (cheap word tests); the other spans' starts only then
    found = [k for k, span in enumerate(spans) if span[1] < n and words[span[1]] in DRUG_FORMS
             and (span[2] == "DRUG" or span[2] == "DISEASE" and words[span[1] - 1].isalpha())
             and (words[span[1]] != "drop" or span[2] == "DRUG" and _drop_is_a_form(words, span[1]))]
    if not found:
        return spans
    forms = {span[0]: k for k, span in enumerate(spans) if span[1] - span[0] == 1 and words[span[0]] in DRUG_FORMS
             and span[2] in ("TREATMENT", "DRUG")}
    starts = {span[0] for span in spans}
    found = [k for k in found if spans[k][1] not in starts or spans[k][1] in forms]
    if not found:
        return spans
    def joined(span):
        if span[2] == "DRUG":
            return span[0], span[1] + 1, "DRUG", span[3]
        entry = lookup(" ".join(words[span[0]:span[1] + 1]))
        concept = entry[1] if entry is not None and entry[0] == "DRUG" else CONDITION_MEDICINE
        return span[0], span[1] + 1, "DRUG", concept

    out = rewrite_found(spans, found, joined)
    absorbed = {forms[spans[k][1]] for k in found if spans[k][1] in forms}
    return [span for k, span in enumerate(out) if k not in absorbed]


# Release forms written after a brand or generic name: "equasym XL", "sinemet CR", "lamictal ODT", "tegretol retard"
# (GUIDELINES rule 8 keeps "[metformin ER]", "[wellbutrin XL]" whole). The two letters that are also everyday
# words or other abbreviations ("er", "la", "cd", "dr", "sa") count only in capitals, as they are written on the box.
RELEASE_FORMS = frozenset({"xl", "xr", "sr", "cr", "odt", "mr", "xl's", "retard", "la", "er", "cd", "dr", "sa", "xls", "ir",
                           "succ"})
# ("succ": a salt written short before its dose, "metoprolol succ 50"; "zoloft succ so much" is slang)
_RELEASE_FORMS_ANY_CASE = frozenset({"xl", "xr", "sr", "cr", "odt", "mr", "xls", "retard", "succ"})
_RELEASE_GATE = gate(RELEASE_FORMS)


def add_release_forms(doc: Doc, words: list[str], spans: Spans) -> Spans:
    """A DRUG followed by its release form takes it in ("equasym XL", "sinemet CR")."""
    if _RELEASE_GATE.isdisjoint(gate_hits(words)):
        return spans
    n = len(words)
    starts = {span[0] for span in spans}
    found = [k for k, span in enumerate(spans) if span[2] == "DRUG" and span[1] < n and words[span[1]] in RELEASE_FORMS
             and span[1] not in starts
             and (words[span[1]] in _RELEASE_FORMS_ANY_CASE or doc[span[1]].text.isupper())
             and not _other_release_sense(doc, words, span[1])
             and (words[span[1]] != "succ" or span[1] + 1 < n and words[span[1] + 1][:1].isdecimal())]
    if not found:
        return spans
    return rewrite_found(spans, found, lambda span: (span[0], span[1] + 1, span[2], span[3]))


# "mr" and "xl" are also a title and a size: "aspirin MR Smith said" (a title before a name), "melatonin xl from
# amazon lol, the xl pack" (a size: the doc says "xl pack" or "size xl")
_SIZE_BEFORE = frozenset({"size", "in"})  # "size xl", "in xl"; "the xl" may be the drug ("the xl makes me sleepy")
_SIZE_AFTER = frozenset("pack packs packet size sizes box bottle tub bag tin jar shirt tshirt t-shirt top hoodie jumper "
                        "coat dress pants trousers jeans".split())


def _other_release_sense(doc: Doc, words: list[str], i: int) -> bool:
    """The form at ``i`` is a title ("MR Smith", "Mr"), or "xl" is a size in this doc."""
    word = words[i]
    if word == "mr":
        return doc[i].text == "Mr" or i + 1 < len(words) and doc[i + 1].text[:1].isupper() \
            and doc[i + 1].text[1:2].islower()
    if word not in ("xl", "xls"):
        return False
    for k in word_positions(words, ("xl", "xls")):
        if k + 1 < len(words) and words[k + 1] in _SIZE_AFTER or k != i and k and words[k - 1] in _SIZE_BEFORE:
            return True
    return False


# The time of day that names a kind of complaint: "morning headaches", "nighttime cough" (as "night sweats"); not
# after a word that makes it a time of its own ("this morning", "every morning", "in the morning").
TIME_OF_DAY = frozenset({"morning", "nighttime", "night-time", "evening", "daytime", "overnight", "night", "nightly"})
_TIME_DETERMINERS = frozenset("this that every each one next last yesterday tomorrow same in of by during until till at "
                              "all a per friday saturday sunday monday tuesday wednesday thursday".split())
_RANGE_WORDS = SEVERITY | DESCRIPTORS | CLINICAL_MODIFIERS
_RANGE_GATE = gate(_RANGE_WORDS, TIME_OF_DAY, {"blown"})
# what _extend_stacked can take in first
_STACK_BEFORE = SEVERITY | DESCRIPTORS | TIME_OF_DAY | {",", "to", "and", "blown"}


# Degree adverbs that are also conjunctions or "also": "so" and "too" grade an adjective ("[so tired]", "[too weak]",
# GUIDELINES rule 16), never a noun ("labs were low so [anaemia]", "i have it too so [pernicious anaemia]").
_CONJUNCTION_DEGREES = frozenset({"so", "too", "soo", "sooo", "soooo"})
# A subject's verb after a gerund: "so [bleeding] is the thing to watch for" (a noun, not "so bleeding").
_AFTER_SUBJECT = frozenset("is was are were has have had will would can could should might may".split())


# First words of state phrases patients grade: "[so out of breath]", "[so on edge]", "[so run down]".
_STATE_STARTERS = frozenset("out on off run worn down up fed".split())
# What follows a graded state inside its span: "[sooo itchy around my nose]", "[so tired during the day]".
_STATE_TAILS = frozenset("around during in on at after before when all and , to from of since like with for by "
                         "after near under behind".split())


def _adjective_like(word: str) -> bool:
    """A word "so" can grade, by the lists or its ending: "so [bloated]", "so [itchy]", "too [painful]"."""
    return (word in SEVERITY or word in DESCRIPTORS or word in SYMPTOM_PREDICATES
            or (len(word) > 4 and word.endswith(_ADJECTIVE_ENDINGS) and not word.endswith(_NOUN_ENDINGS)))


def _degree_of_adjective(words: list[str], start: int, end: int | None, label: str | None = None) -> bool:
    """Whether "so"/"too" before words[start] grades a state, not a noun: never a disease ("so [gout]"), a
    state phrase ("[so out of breath]", "[so on edge]"), in a longer span only when the word after the first
    is adjective-like or the state's tail ("[sooo tired] during the day", not "so [moon face]", "so
    [pernicious anaemia]"), alone unless the word is noun-like ("so [anaemia]") or a gerund subject ("so
    [bleeding] is what to watch")."""
    if label == "DISEASE":
        return False
    word = words[start]
    if word in _STATE_STARTERS:
        return True
    if end is not None and end - start > 1:
        following = words[start + 1]
        return following in _STATE_TAILS or _adjective_like(following)
    if word.endswith(_NOUN_ENDINGS) and word not in SYMPTOM_PREDICATES and word not in DESCRIPTORS:
        return False
    if word.endswith("ing") and end is not None and end < len(words) and words[end] in _AFTER_SUBJECT:
        return False
    return True


# what may stand before a degree word like "killer" ("a [killer headache]", "these [killer cramps]")
_GRADE_OPENERS = LEADING_DETERMINERS | {"some", "such", "what", "another", "and", "with"}


def _extend_stacked(words: list[str], start: int, *, with_and: bool = False, end: int | None = None,
                    label: str | None = None) -> int:
    """Severity and descriptive adjectives before a head, commas between them allowed, and ranges
    ("moderate to severe")."""
    allowed = _RANGE_WORDS
    while start > 0:
        before = words[start - 1]
        if before == "little" and start >= 2 and words[start - 2] in ("a", "very", "only", "just"):
            break  # "a little nausea" is an amount, "little flashes of light" their size
        if before in _CONJUNCTION_DEGREES and not _degree_of_adjective(words, start, end, label):
            break  # "tests were low so [anaemia]", "back on prednisone so [moon face]": a conjunction, not a degree
        if before == "killer" and start >= 2 and words[start - 2].isalpha() and words[start - 2] not in _GRADE_OPENERS:
            break  # "weed killer poisoning", "pain killer side effects": the killer is a thing, not a degree
        if before in SEVERITY or before in DESCRIPTORS:
            start -= 1
        elif before == "blown" and start >= 2 and words[start - 2] == "full":
            start -= 2  # "[full blown panic attack]" (round 38); the tokenizer splits "full-blown", taken below
        elif before == "blown" and start >= 3 and words[start - 2] == "-" and words[start - 3] == "full":
            start -= 3
        elif before in ("high", "low") and words[start] == "pitched":
            start -= 1  # "[constant high pitched ringing]": the pitch of a sound, not a level
        elif (before == "," or before == "and" and with_and) and start >= 2 and words[start - 2] in DESCRIPTORS \
                and words[start] in DESCRIPTORS:
            start -= 2  # "hard, painless, fixed breast lump", "cracked and bleeding knuckles"

        elif before == "to" and start >= 2 and words[start - 2] in allowed and words[start] in allowed:
            start -= 2
        elif before in TIME_OF_DAY and (start < 2 or words[start - 2] not in _TIME_DETERMINERS) \
                and not (start >= 3 and words[start - 2] == "the" and words[start - 3] in _TIME_DETERMINERS):
            start -= 1
        else:
            break
    return start


_SWEATS = frozenset("sweats sweat sweating night".split())


def _negated_prefix(words: list[str], start: int) -> int:
    """"non" before a clinical modifier is part of it, written apart or hyphenated: "[non invasive bladder cancer]"."""
    if start >= 1 and words[start - 1] == "non":
        return start - 1
    if start >= 2 and words[start - 1] == "-" and words[start - 2] == "non":
        return start - 2
    return start


def _extend_left(words: list[str], start: int, allowed: frozenset) -> int:
    while start > 0 and words[start - 1] in allowed:
        start -= 1
    return start
