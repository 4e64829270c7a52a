"""Where a lay complaint's clause stops (issue 11, GUIDELINES rules 6, 10, 11).

A list of body parts shares the predicate that follows it ("[feet and hands are really swollen]"), but a part after
"and" with its own possessive and a verb in the singular starts a clause of its own: "this infected toe and my
[stomach is doing backflips]", "back of my thigh, and my [foot feels asleep]". A singular verb cannot have a list
of parts for its subject, and the repeated possessive says a new subject begins.
"""
from __future__ import annotations

from qatext.ner.lay_common import POSSESSIVES

# Verbs in the third person singular that open a part's predicate ("is swollen", "feels asleep", "keeps twitching").
SINGULAR_VERBS = frozenset("""is was has does feels felt looks seems keeps gets goes 's isnt wasnt hasnt doesnt
""".split())


def new_subject(words: list[str], part_start: int, verb_at: int) -> bool:
    """The part at ``part_start`` (after "and" or ",") is the subject of a clause of its own: its own possessive
    stands before it and the verb at ``verb_at`` is singular ("and my [stomach is doing backflips]")."""
    return part_start >= 1 and words[part_start - 1] in POSSESSIVES and 0 <= verb_at < len(words) \
        and words[verb_at] in SINGULAR_VERBS
