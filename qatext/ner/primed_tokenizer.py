"""spaCy's tokenizer with its chunk cache filled the way spaCy means it to be.

spaCy caches how it split each whitespace-delimited chunk ("headache,") so that the next
occurrence skips the prefix, suffix and infix regexes. But it stops caching for the rest of a
text as soon as the text has met one special case (spaCy issue #1250: the flag is per text, not
per chunk), and "\\n" is a special case, as are "im", "dont" and "it's". In a question-and-answer
text nearly every chunk after the first line break or contraction is therefore split by the
regexes again every time it occurs. :class:`PrimedTokenizer` hands each chunk, the second time it
meets it, to the tokenizer alone first, where the flag is the chunk's own, so the chunk is cached
exactly as spaCy caches the chunks of a text before its first special case; then it splits the
text as spaCy does. (Not at the first sighting: a chunk alone costs a Doc of its own, several
times a regex split, and most distinct chunks of a corpus occur once.) The cache holds lexemes only and only for chunks without special cases, so
the tokens are the same either way (``tests/test_primed_tokenizer.py``); on 2,500 ask-a-doctor
pages a warm ``make_doc`` took about a sixth of the time (``benchmarks/make_doc_speed.py``).
"""
from __future__ import annotations

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc


class PrimedTokenizer(Tokenizer):
    """A :class:`spacy.tokenizer.Tokenizer` that caches a chunk on its own, at its second sighting, before
    splitting the text.

    The chunks it has met once and those it has handed over are remembered (as strings: the set
    operations run in C), the latter up to ``max_cache_size``, spaCy's own limit on the cache; both
    are forgotten whenever spaCy empties the cache (new special cases or affix rules), the former
    also when they reach ``SEEN_LIMIT`` chunks.
    """

    SEEN_LIMIT = 200_000  # about 20 MB of short strings; a chunk forgotten is only primed later

    def __init__(self, *args, **kwargs):
        # first: the base __init__ empties the cache through _flush_cache
        self._primed: set[str] = set()
        self._seen: set[str] = set()
        super().__init__(*args, **kwargs)

    @classmethod
    def like(cls, tokenizer: Tokenizer, *, max_cache_size: int) -> "PrimedTokenizer":
        """A primed tokenizer with ``tokenizer``'s vocabulary, rules and affixes."""
        return cls(tokenizer.vocab, rules=tokenizer.rules, prefix_search=tokenizer.prefix_search,
                   suffix_search=tokenizer.suffix_search, infix_finditer=tokenizer.infix_finditer,
                   token_match=tokenizer.token_match, url_match=tokenizer.url_match,
                   faster_heuristics=tokenizer.faster_heuristics, max_cache_size=max_cache_size)

    def __call__(self, string: str) -> Doc:
        primed = self._primed
        # spaCy caches nothing inside a memory zone, nor beyond max_cache_size chunks.
        if len(primed) < self.max_cache_size and not self.vocab.in_memory_zone:
            chunks = string.split()
            # A text of primed chunks only (more of them the more of a corpus was read) builds no set.
            if not primed.issuperset(chunks):
                new = set(chunks).difference(primed)
                seen = self._seen
                again = new.intersection(seen)
                if len(seen) > self.SEEN_LIMIT:
                    seen.clear()
                seen.update(new)
                split = Tokenizer.__call__
                for chunk in again:
                    split(self, chunk)
                primed.update(again)
        return Tokenizer.__call__(self, string)

    def _flush_cache(self) -> None:
        self._primed.clear()
        self._seen.clear()
        super()._flush_cache()
