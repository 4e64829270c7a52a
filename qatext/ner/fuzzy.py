"""Misspelled names ("liptor", "simvistatin", "tinetus") matched to the lexicon form they mean.

A symmetric-delete index over *consonant skeletons*: a word keeps its first letter, folds a
few sound-alike spellings (ph/f, a soft c before e/i/y to s, a hard c to k, z/s), drops vowels and doubled letters
("simvistatin" and "simvastatin" -> "smvsttn"). Every single-word lexicon form of at least
:data:`MIN_LENGTH` characters is indexed under its skeleton and the skeleton with one letter
deleted, so a look-up is a handful of dict probes. Candidates are then confirmed with a
weighted edit distance (a vowel for a vowel and a neighbouring key cost less than other
substitutions) bounded by the word's length (:func:`max_distance`).

The matcher runs once per vocabulary entry (it sits in the NORM getter, see
:mod:`qatext.ner.normalize`), and only for words that the exact lexicon does not know and that
are not everyday English words (wordfreq), so running text pays nothing per token.
Its precision on real posts is checked by hand in ``docs/fuzzy_precision.md``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

MIN_LENGTH = 5
# Longer "words" are not names (and a 1 MB token must cost nothing).
MAX_LENGTH = 40
# Zipf frequency (wordfreq) from which a word is everyday English and never "corrected".
COMMON_ZIPF = 2.5
# Above this, a case-sensitive short form written in a post in capitals is read as the everyday word ("AS" 6.8, "ME"
# 6.5, "ADD" 5.1, "SAD" 4.8, "ED" 4.8); below it as the abbreviation ("MS" 4.67, "CT" 4.1, "ANA" 3.9, "BP" 3.8, "TB"
# 3.7, "ALS" 3.4).
CAPITALS_WORD_ZIPF = 4.7
# From this frequency a word is a real, if rare, word and not a misspelling (checked after a candidate is found).
RARE_WORD_ZIPF = 1.5
_RARE_FREQUENCY = 10 ** (RARE_WORD_ZIPF - 9)  # zipf = log10(frequency per word) + 9
FUZZY_LABELS = ("SYMPTOM", "DISEASE", "DRUG")
_FOLDS = (("ph", "f"), ("ck", "k"), ("c", "k"), ("q", "k"), ("z", "s"))
# A "c" before e, i or y sounds as "s" ("vyvance" for vyvanse, "certraline" for sertraline). Forms are indexed
# with every "c" hard, as before; a word with a soft "c" is looked up under both readings, so "headace" still
# finds headache and "vyvance" now finds vyvanse.
_SOFT_C = re.compile(r"c(?=[eiy])")
# not the first letter ("selexa" has its own reading below) nor a doubled "s" ("passive")
_S_FOR_SOFT_C = re.compile(r"(?<=[^s])s(?=[eiy])")
# Endings of generic drug names (WHO INN stems) that no everyday word has: the drug package's names with
# them are indexed too, as the curated lexicon cannot list every generic ("rasagaline" for rasagiline).
GENERIC_STEMS = (
    "giline", "pril", "sartan", "olol", "statin", "azepam", "azolam", "oxetine", "triptan", "floxacin", "cycline",
    "mycin", "prazole", "tidine", "dronate", "gliptin", "gliflozin", "setron", "parin", "xaban", "gatran", "tinib",
    "zumab", "ximab", "mumab", "lukast", "dipine", "azosin", "profen", "coxib", "pramine", "triptyline", "peridol",
    "conazole", "vudine", "navir", "ciclovir", "semide", "thiazide", "glitazone", "pirone", "tretin", "cillin",
    "oxacin", "vastatin", "uterol", "eterol", "oterol", "sonide", "methasone", "barbital", "tiapine", "zapine", "lamide",
    # chemotherapy, antiparasitic, antihistamine, PDE5 and corticosteroid stems ("capecitibine", "ivermectine")
    "citabine", "platin", "rubicin", "taxel", "mectin", "tadine", "nidazole", "afil", "faxine", "olone", "formin",
    "tropium",
)
# From this many edits a correction must land on a word people write (wordfreq zipf >= RARE_WORD_ZIPF): a rare
# form that far away is mostly another rare word's neighbour, not its misspelling ("anteverted" is no "antivert",
# "metolazone" no "mesalazine", "histiocytes" no "histiocytoses"; docs/fuzzy_precision.md).
FAR_DISTANCE = 1.5
MIN_STEM_NAME = 8
# Such a name is matched only from a vowel or a neighbouring key away ("rasagaline"), never from a dropped or
# changed consonant: the long tail is full of names one letter from other words ("histatin" for histamin).
STEM_FORM_DISTANCE = 0.75
# The drug package's other names: indexed from this length when no other form is within TAIL_CLEARANCE edits
# of them, and matched from TAIL_DISTANCE edits (one letter dropped, doubled, swapped; "donepezl", "latanaprost").
MIN_TAIL_NAME = 9
TAIL_CLEARANCE = 2.0
TAIL_DISTANCE = 1.0
FRAGMENT_DISTANCE = 1.0
_VOWELS = frozenset("aeiouy")
_SILENT_H = frozenset("tgrp")  # not "ch": its "h" is sounded ("streching" is no "streaming")
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_POS = {ch: (row, col) for row, keys in enumerate(_KEY_ROWS) for col, ch in enumerate(keys)}
_WORD = re.compile(r"[a-z]+(?:'s)?$")
_LETTERS = re.compile(r"[a-z]+")


def max_distance(length: int) -> float:
    """Edits allowed for a word of ``length`` letters: 1 up to 6, 2 up to 9, 2.5 beyond."""
    return 1.0 if length <= 6 else 2.0 if length <= 9 else 2.5


def skeleton(word: str, *, soft_c: bool = False) -> str:
    """The consonant skeleton; ``soft_c`` first reads a "c" before e, i or y as "s"."""
    if soft_c and "c" in word:
        word = _SOFT_C.sub("s", word.replace("ck", "k"))
    for old, new in _FOLDS:
        word = word.replace(old, new)
    out = [word[0]]
    previous = word[0]
    for ch in word[1:]:
        # an "h" after t, g, r or p is silent or dropped ("metotrexate", "rabdo", "gonorea"): not kept
        if ch not in _VOWELS and ch != out[-1] and ch.isalpha() and not (ch == "h" and previous in _SILENT_H):
            out.append(ch)
        previous = ch
    return "".join(out)


def _deletes(key: str) -> set[str]:
    """The key with one letter (not the first) deleted; a double the deletion leaves is merged, as the
    skeleton merges it ("mthtrxt" less its "h" is "mtrxt", the skeleton of "metotrexate")."""
    out = set()
    for i in range(1, len(key)):
        if i + 1 < len(key) and key[i - 1] == key[i + 1]:
            out.add(key[:i] + key[i + 2:])
        else:
            out.add(key[:i] + key[i + 1:])
    return out


def _substitution_costs() -> dict[tuple[str, str], float]:
    """Cheaper substitutions: a vowel for a vowel (0.5), a neighbouring key (0.75); others cost 1."""
    costs = {}
    for a in _VOWELS:
        for b in _VOWELS:
            costs[(a, b)] = 0.5
    for a, (ra, ca) in _KEY_POS.items():
        for b, (rb, cb) in _KEY_POS.items():
            if (a, b) not in costs and abs(ra - rb) <= 1 and abs(ca - cb) <= 1:
                costs[(a, b)] = 0.75
    for a in _KEY_POS:
        costs[(a, a)] = 0.0
    return costs


_SUBSTITUTION = _substitution_costs()


def distance(a: str, b: str, *, bound: float = 9.0) -> float:
    """Weighted optimal-string-alignment distance (adjacent swaps cost 1); stops early past ``bound``."""
    if abs(len(a) - len(b)) > 2 * bound:  # a letter more or less costs at least half an edit (a silent "h")
        return bound + 1
    costs = _SUBSTITUTION
    previous2: list[float] = []
    previous = [float(j) for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        ai = a[i - 1]
        current = [float(i)] + [0.0] * len(b)
        for j in range(1, len(b) + 1):
            bj = b[j - 1]
            substitution = previous[j - 1] + (0.0 if ai == bj else costs.get((ai, bj), 1.0))
            cost = previous[j] + 1
            if current[j - 1] + 1 < cost:
                cost = current[j - 1] + 1
            if substitution < cost:
                cost = substitution
            if i > 1 and j > 1 and ai == b[j - 2] and a[i - 2] == bj and previous2[j - 2] + 1 < cost:
                cost = previous2[j - 2] + 1
            if ai == "h" or bj == "h" or ai == "f" or bj == "f":
                cost = _sound_alike(a, b, i, j, cost, current, previous, previous2)
            current[j] = cost
        if min(current) > bound:
            return bound + 1
        previous2, previous = previous, current
    return previous[-1]


def _sound_alike(a, b, i, j, cost, current, previous, previous2) -> float:
    """Half an edit for a silent "h" of ``b`` dropped after t, g, r or p ("metotrexate"; one added costs a
    whole edit: "uretheral" is urethral, not ureteral) and for "ph" written "f" or "f" written "ph" ("nefrosis"
    is nephrosis, not necrosis)."""
    ai, bj = a[i - 1], b[j - 1]
    if bj == "h" and j > 1 and b[j - 2] in _H_AFTER and current[j - 1] + 0.5 < cost:
        cost = current[j - 1] + 0.5
    if ai == "f" and j > 1 and bj == "h" and b[j - 2] == "p" and previous[j - 2] + 0.5 < cost:
        cost = previous[j - 2] + 0.5
    if bj == "f" and i > 1 and ai == "h" and a[i - 2] == "p" and previous2[j - 1] + 0.5 < cost:
        cost = previous2[j - 1] + 0.5
    return cost


_H_AFTER = frozenset("tgrp")


@dataclass
class FuzzyIndex:
    """Skeleton (and skeleton with one letter deleted) -> lexicon forms; see the module docstring."""

    forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    common: frozenset[str] = frozenset()
    """everyday English words (zipf >= COMMON_ZIPF): never corrected"""
    stem_forms: frozenset[str] = frozenset()
    """generic names from the drug package's long tail, indexed for their stem: matched only when very close"""
    standard: dict[str, str] = field(default_factory=dict)
    """indexed form -> its standard spelling (spelling.tsv), which the lexicon's patterns are written in: a word
    nearest to "haemochromatosis" must come out as "hemochromatosis" to match"""
    senses: dict[str, tuple] = field(default_factory=dict)
    """indexed form -> (label, concept id): forms of one concept ("mirtazapine" and the listed misspelling
    "mirtazepine") are no ambiguity when a word is equally near both"""
    tail_forms: frozenset[str] = frozenset()
    """the drug package's other long names with no form near them (a subset of stem_forms): matched from one
    edit away (TAIL_DISTANCE)"""
    fragments: frozenset[str] = frozenset()
    """words known only inside the drug package's longer names: looked up too, for a form one edit away"""

    @classmethod
    def build(cls, terms: dict[str, tuple], *, common: frozenset[str],
              spelling: dict[str, str] | None = None) -> "FuzzyIndex":
        words: set[str] = set()
        stem_forms: set[str] = set()
        tail: set[str] = set()
        other_labels = {term for term, entry in terms.items() if entry[0] not in FUZZY_LABELS and " " not in term}
        for term, entry in terms.items():
            if entry[0] not in FUZZY_LABELS:
                continue
            if entry[2] == "drugs":
                # The drug package's long tail ("ecolid", "liprin", "olean") draws misspellings of other
                # words; common medicines are in the curated lexicon (docs/fuzzy_precision.md). A generic
                # name built on a drug-class stem ("rasagiline", "telmisartan") is kept for near misses only.
                if len(term) >= MIN_STEM_NAME and term.isalpha() and term.endswith(GENERIC_STEMS):
                    stem_forms.add(term)
                elif len(term) >= MIN_TAIL_NAME and term.isalpha() and term not in common:
                    tail.add(term)
                continue
            if " " not in term:
                if len(term) >= MIN_LENGTH and term.isalpha():
                    words.add(term)
            elif entry[2] == "curated":
                # the words of curated lay phrases: "breething" -> "breathing" completes "trouble breathing"
                words.update(w for w in term.split() if len(w) >= MIN_LENGTH and w.isalpha() and w not in other_labels)
        stem_forms -= words
        tail -= words
        buckets: dict[str, set[str]] = {}
        for word in words | stem_forms | tail:
            key = skeleton(word)
            for variant in (key, *_deletes(key)):
                buckets.setdefault(variant, set()).add(word)
        # The rest of the package's long names ("donepezil", "fluvoxamine", "latanoprost") only where no other
        # form, and no other such name, is within TAIL_CLEARANCE edits: their misspellings can mean nothing else.
        crowded = set()
        for word in tail:
            key = skeleton(word)
            sense = tuple(terms[word][:2])
            for variant in (key, *_deletes(key)):
                for other in buckets.get(variant, ()):
                    if other != word and tuple(terms.get(other, ())[:2]) != sense \
                            and distance(word, other, bound=TAIL_CLEARANCE) <= TAIL_CLEARANCE:
                        crowded.add(word)
                        break
                if word in crowded:
                    break
        if crowded:
            for variant, forms in buckets.items():
                if not forms.isdisjoint(crowded):
                    forms -= crowded
            buckets = {k: v for k, v in buckets.items() if v}
        tail -= crowded
        stem_forms |= tail
        # Words the drug package knows only inside its longer names, a brand's fragment or a name in another
        # language ("oxabolona" in "cipionato de oxabolona"): known tokens, which are otherwise never looked up.
        inside, elsewhere = set(), set()
        for term, entry in terms.items():
            (inside if entry[2] == "drugs" and " " in term else elsewhere).update(_LETTERS.findall(term))
        fragments = frozenset(w for w in inside - elsewhere if 7 <= len(w) <= MAX_LENGTH and w not in common
                              and not is_english_word(w))
        spelling = spelling or {}
        standard = {word: spelling[word] for word in words | stem_forms if spelling.get(word, word) != word}
        senses = {word: tuple(terms[word][:2]) for word in words | stem_forms if word in terms}
        return cls({k: tuple(sorted(v)) for k, v in buckets.items()}, common, frozenset(stem_forms), standard, senses,
                   frozenset(tail), fragments)

    def lookup(self, word: str) -> str | None:
        """The one lexicon form ``word`` is a misspelling of, or None (none, or several equally close)."""
        if not MIN_LENGTH <= len(word) <= MAX_LENGTH or word in self.common or not _WORD.match(word) \
                or is_english_word(word):
            return None
        key = skeleton(word)
        candidates: set[str] = set(self.forms.get(key, ()))
        # one skeleton letter more or less; shorter words would match too much (a silent "h" counts: "theraby")
        if len(word) >= 7 and (len(key) >= 4 or len(key) == 3 and "h" in word[1:]):
            for variant in _deletes(key):
                candidates.update(self.forms.get(variant, ()))
        keys = (key,)
        if "c" in word and _SOFT_C.search(word):  # the soft reading adds the forms with exactly its skeleton
            keys = (key, skeleton(word, soft_c=True))
            candidates.update(self.forms.get(keys[1], ()))
        elif word[0] == "s" and word[1] in "eiy":  # "selexa": the soft "c" it stands for begins the form
            keys = (key, skeleton("c" + word[1:]))
            candidates.update(self.forms.get(keys[1], ()))
        if _S_FOR_SOFT_C.search(word):  # (round 26a) an "s" written for a soft "c" inside: "ulser", "asidity"
            keys += (skeleton(_S_FOR_SOFT_C.sub("c", word)),)
            candidates.update(self.forms.get(keys[-1], ()))
        if word[0] in _AFTER_SILENT_P:  # "soriasis" for psoriasis, "neumonia" for pneumonia
            keys += (skeleton("p" + word),)
            candidates.update(self.forms.get(keys[-1], ()))
        if not candidates or word in candidates:  # nothing near, or the word is a lexicon form itself
            return None
        # a fragment only for a vowel (a language's ending: "ceftarolina"), a silent "h" or a final "e" away
        bound = max_distance(len(word)) if word not in self.fragments else FRAGMENT_DISTANCE
        letters = set(word)
        # cheap filters first: length, letters in common, first sound; the edit distance last
        near = [c for c in candidates if abs(len(c) - len(word)) <= bound and len(letters ^ set(c)) <= 2 * bound + 1
                and _same_onset(word, c)]
        if not near:
            return None
        # No limit on the number of candidates (a limit lost "psoraisis" when one more form came near it): the
        # nearest first, by skeleton (the word's own, then one letter off) and length, so the branch and bound
        # below stops the distance of most others after a row or two.
        keyset = set(keys)
        scored = []
        for form in sorted(near, key=lambda c: (skeleton(c) not in keyset, abs(len(c) - len(word)), c)):
            if len(form) == len(word):  # same length: letter-by-letter substitutions are an upper bound, cheap
                aligned = sum(0.0 if a == b else _SUBSTITUTION.get((a, b), 1.0) for a, b in zip(word, form))
                if aligned <= 0.5:  # nothing can beat one vowel swap but an exact match, which is excluded
                    found = aligned
                    if found <= bound:
                        bound = found
                        scored.append((found, form))
                    continue
            found = distance(word, form, bound=bound)  # branch and bound: only as close as the best so far
            if found <= bound:
                bound = found
                scored.append((found, form))
        if bound == FRAGMENT_DISTANCE and word in self.fragments:
            scored = [x for x in scored if x[0] <= 0.5 or x[1] == word + "e"]
        if not scored:
            return None
        # a long-tail name only from a vowel or a neighbouring key away, or with its last "e" dropped ("lymecyclin",
        # "doxycyclin": "-ine" written "-in" is the commonest slip in generic names, and no consonant changes)
        scored = sorted(x for x in scored if x[0] <= STEM_FORM_DISTANCE or x[1] not in self.stem_forms
                        or x[1] == word + "e" or x[0] <= TAIL_DISTANCE and x[1] in self.tail_forms)
        if not scored:
            return None
        best = [c for d, c in scored if d == scored[0][0]]
        far = scored[0][0] >= FAR_DISTANCE  # a far correction only to a word people write (see FAR_DISTANCE)
        if far and not any(map(is_english_word, best)):
            return None
        if len(best) > 1:  # a curated form wins a tie with a long-tail name
            best = [c for c in best if c not in self.stem_forms] or best
        # Forms of one concept ("mirtazapine", "mirtazepine") one edit away are no ambiguity. Further away the tie
        # stays a refusal: it is mostly a singular and its plural ("nephrosis", "nephroses") near another word
        # ("nephrons", "tendencies"), or a name near both spellings of another ("hydralazine", "hydroxyzine").
        if len(best) > 1 and scored[0][0] <= 1.0 and len({self.senses.get(c, c) for c in best}) == 1:
            best = best[:1]
        if len(best) > 1:  # equally close: the one with the word's skeleton, or as long as the word, else give up
            best = [c for c in best if skeleton(c) in keys] or [c for c in best if len(c) == len(word)]
        if len(best) > 1:
            # still equally close: the one the word is with a doubled letter or a silent "h" left out ("cirosis" is
            # "cirrhosis", not "crisis" with its letters moved), the commonest slip; other letters left out are no
            # such evidence ("calis" leaves an "i" out of "cialis" and is a callus)
            best = [c for c in best if _drops_doubles_or_h(word, c)] or best
        if len(best) != 1 or far and not is_english_word(best[0]):
            return None
        return self.standard.get(best[0], best[0])


def _drops_doubles_or_h(word: str, form: str) -> bool:
    """Whether ``word`` is ``form`` with only letters of a double ("rr") or an "h" left out."""
    k = 0
    for j, letter in enumerate(form):
        if k < len(word) and word[k] == letter:
            k += 1
        elif letter != "h" and not (j and form[j - 1] == letter or j + 1 < len(form) and form[j + 1] == letter):
            return False
    return k == len(word)


def _same_onset(word: str, form: str) -> bool:
    """Patients rarely misspell the first letter, except for sounds spelt two ways (c/k, f/ph) or a silent first
    letter they leave out (psoriasis, pneumonia)."""
    return word[0] == form[0] or {word[0], form[0]} == {"c", "k"} or (word[0] == "f" and form[:2] == "ph") \
        or (form[0] == "f" and word[:2] == "ph") or _soft_c_onset(word, form) or _soft_c_onset(form, word) \
        or (form[0] == "p" and word[0] in _AFTER_SILENT_P and form[1:2] == word[0])


# The first letters patients drop because they are not heard: "ps", "pn", "pt" begin with a silent "p".
_AFTER_SILENT_P = frozenset("snt")


def _soft_c_onset(a: str, b: str) -> bool:
    """"selexa" for celexa: a soft "c" (before e, i, y) is spelt "s" as often as "c"."""
    return a[0] == "s" and b[0] == "c" and len(b) > 1 and b[1] in "eiy"


_FREQUENCIES: dict[str, float] | None = None


def warm_up() -> None:
    """Load wordfreq's frequency table now (about 0.2 s) rather than on the first unknown word."""
    is_english_word("qatext")


def is_english_word(word: str) -> bool:
    """A real if uncommon English word ("hepatology", "stickiness") is not a misspelling (zipf >= 1.5)."""
    global _FREQUENCIES
    if _FREQUENCIES is None:
        try:
            from wordfreq import get_frequency_dict
        except ImportError:
            _FREQUENCIES = {}
        else:
            _FREQUENCIES = get_frequency_dict("en")  # one dict look-up per word instead of wordfreq's tokenizer
    return _FREQUENCIES.get(word, 0.0) >= _RARE_FREQUENCY


def common_words(*, min_zipf: float = COMMON_ZIPF) -> frozenset[str]:
    """Everyday English words (wordfreq), which fuzzy matching must leave alone; with ``min_zipf``, those at least that
    frequent."""
    try:
        from wordfreq import iter_wordlist, zipf_frequency
    except ImportError:  # optional: without it the exact lexicon's tokens are the only guard
        return frozenset()
    words = []
    for word in iter_wordlist("en"):
        if zipf_frequency(word, "en") < min_zipf:
            break
        words.append(word)
    return frozenset(words)
