"""``qatext.load()``: the offline medical pipeline, no model download needed."""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.lang.char_classes import ALPHA
from spacy.util import compile_infix_regex, compile_suffix_regex

import qatext.ner.components  # noqa: F401  (registers the factories when run from a source tree)
from qatext.ner.primed_tokenizer import PrimedTokenizer

# Patients write one thought per line without a full stop; a newline ends a sentence too.
SENTENCE_PUNCT = [".", "!", "?", "\n", "\n\n", "\n\n\n", "...", "\u2026", "。", "？", "！"]
# spaCy's tokenizer remembers how it split each whitespace-delimited chunk ("headache,"), but
# only the first 10,000 distinct chunks it meets: after that every new chunk runs the prefix,
# suffix and infix regexes again, for good. Over the three ../shared corpora (4.25 M words)
# make_doc takes 10.6 CPU s with that cap and 4.2 s with this one; the cache costs about
# 50 bytes a chunk (5 MB here) and never changes a token (spaCy skips chunks with special cases).
# PrimedTokenizer fills that cache with the chunks spaCy leaves out after a text's first special case.
TOKENIZER_CACHE_CHUNKS = 100_000
# Posts often lose the space around a bracket: "blood pressure(went away),electric shocks", "choking),itchy scalp".
# spaCy's English rules split a comma between letters but not a bracket, so "pressure(went" and "away),electric"
# stay one token each and hide the words. A bracket between a letter or digit and a letter, and a comma, semicolon
# or colon after a closing bracket and before a letter, are tokens of their own; a formula's group stays whole
# ("Mg(OH)2": capitals, the bracket, a digit).
GLUED_BRACKET_INFIXES = [fr"(?<=[{ALPHA}0-9])[(\[](?=[{ALPHA}](?![A-Z]*[)\]][0-9]))",
                         fr"(?<=[{ALPHA}0-9])[)\]](?=[,;:]?[{ALPHA}])", fr"(?<=[)\]])[,;:](?=[{ALPHA}])"]
# A range typed with an en or em dash ("every 50–70 days", "2—3 times") splits as spaCy splits "50-70".
DASHED_RANGE_INFIX = r"(?<=[0-9])[\u2013\u2014](?=[0-9])"


# spaCy keeps a full stop after a capital letter that follows a digit, a hyphen or an ampersand, so a sentence ending
# in "i have T2D." or "my A1C." or "IBS-D." or "in A&E." hides the short form. ("C. diff" and "U.S." are untouched.)
CODED_STOP_SUFFIX = r"(?<=[0-9&-][A-Z])\."
# "Taking Ibuprofin/ Advil?": a slash left at the end of a word that the next word was meant to follow.
TRAILING_SLASH_SUFFIX = r"(?<=[A-Za-z]{3})/"
# A lone B or D before a full stop ends a sentence ("Meds: vitamin D. Day 1 ...", "I had hepatitis B. Then ..."): over
# the shared corpora no genus is abbreviated to them, as A, C, E, H and K are ("A. phagocytophilum", "C. diff",
# "E. coli", "H. pylori", "K. pneumoniae"), which keep their stop. (Lower-case "d." is one of spaCy's own exceptions.)
LETTER_STOP_SUFFIX = r"(?<=^[BD])\."


def _with_stop_suffixes(suffix_search):
    """The tokenizer's own suffix rules with :data:`CODED_STOP_SUFFIX`, :data:`TRAILING_SLASH_SUFFIX` and
    :data:`LETTER_STOP_SUFFIX`."""
    own = [suffix_search.__self__.pattern] if suffix_search is not None else []
    return compile_suffix_regex([CODED_STOP_SUFFIX, TRAILING_SLASH_SUFFIX, LETTER_STOP_SUFFIX, *own]).search


def _with_own_infixes(infix_finditer):
    """The tokenizer's own infix rules (a base model's, or spaCy's English ones) with the glued-bracket rules and
    :data:`DASHED_RANGE_INFIX`."""
    own = [infix_finditer.__self__.pattern] if infix_finditer is not None else []
    return compile_infix_regex([*own, *GLUED_BRACKET_INFIXES, DASHED_RANGE_INFIX]).finditer


def with_upper_case_contractions(rules: dict) -> dict:
    """The tokenizer's special cases with an all-capitals form of each lower-case contraction it splits ("CAN'T",
    "IT'S", and the negations written without an apostrophe: "WONT", "DONT", "CANNOT"), split as the lower-case one
    is. spaCy lists the lower-case and title-case forms only, so an all-capitals post ("I CAN'T SLEEP") kept "CAN'T"
    whole and no rule read its negation. Other forms without an apostrophe stay whole: in capitals they are more often
    abbreviations ("IM" intramuscular, "ID", "WED") than "im", "id", "wed"."""
    added = dict(rules)
    for key, pieces in rules.items():
        upper = key.upper()
        if len(pieces) < 2 or key != key.lower() or upper == key or upper in rules \
                or "".join(piece[ORTH] for piece in pieces) != key \
                or "'" not in key and not (key.endswith(("nt", "not")) and len(key) > 3):
            continue
        added[upper] = [{**piece, ORTH: piece[ORTH].upper()} for piece in pieces]
    return added


def load(*, assertion: bool = True, status_model: bool = True, boundary_model: bool = False, abbreviations: bool = True,
         topics: bool = True,
         include_severity: str = "first_person", compose_locations: bool = True, base: str | Language | None = None) -> Language:
    """Build the qatext pipeline on ``spacy.blank("en")`` (or on ``base``, a model name or Language).

    ``include_severity`` decides whether "severe" or "constant" joins a symptom's span:
    ``"first_person"`` (default) in texts where someone tells of their own experience, as
    patient-language corpora annotate it, and not in third-person clinical or scientific prose;
    ``"always"`` or ``"never"``.

    ``status_model``: let the learned model revise ConText's statuses (default; more accurate on
    unseen text, a little slower: ``qatext/resources/context/MODEL_CARD.md``); off, the rules alone decide.

    ``boundary_model``: let the learned model revise the edges of the recognizer's entities
    (``qatext/resources/boundary/MODEL_CARD.md``). Off by default: on held-out batches it raised strict F1 by
    0.000-0.003 and PsyTAR's by 0.001, and costs about a third of the tokenizer's time; off, the rules' edges stand.

    With a statistical ``base`` (e.g. a scispacy model the user installed), qatext's entities
    replace the model's; its tagger/parser stay available for other uses.
    """
    if base is None:
        nlp = spacy.blank("en")
    elif isinstance(base, Language):
        nlp = base
    else:
        nlp = spacy.load(base)
    if type(nlp.tokenizer) is Tokenizer:  # spaCy's own class gains rules; a custom tokenizer class stays as it is
        nlp.tokenizer.infix_finditer = _with_own_infixes(nlp.tokenizer.infix_finditer)
        nlp.tokenizer.suffix_search = _with_stop_suffixes(nlp.tokenizer.suffix_search)
        nlp.tokenizer.rules = with_upper_case_contractions(nlp.tokenizer.rules)
        nlp.tokenizer = PrimedTokenizer.like(nlp.tokenizer,
                                             max_cache_size=max(nlp.tokenizer.max_cache_size, TOKENIZER_CACHE_CHUNKS))
    elif getattr(nlp.tokenizer, "max_cache_size", TOKENIZER_CACHE_CHUNKS) < TOKENIZER_CACHE_CHUNKS:
        nlp.tokenizer.max_cache_size = TOKENIZER_CACHE_CHUNKS
    if not nlp.has_pipe("parser") and not nlp.has_pipe("senter") and not nlp.has_pipe("sentencizer"):
        nlp.add_pipe("qatext_sentencizer", name="sentencizer", config={"punct_chars": SENTENCE_PUNCT})
    if abbreviations:
        nlp.add_pipe("qatext_abbreviations")
    nlp.add_pipe("qatext_ner", config={"include_severity": include_severity, "compose_locations": compose_locations})
    if boundary_model:
        nlp.add_pipe("qatext_boundaries")
    if assertion:
        nlp.add_pipe("qatext_context", config={"status_model": status_model})
    if topics:
        nlp.add_pipe("qatext_topics")
    return nlp
