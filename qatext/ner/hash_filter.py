"""A one-sided membership test over arrays of spaCy hashes, vectorised."""
from __future__ import annotations

import numpy


class HashFilter:
    """A bool table indexed by the low bits of each key (spaCy's murmur hashes: every bit is random). Never
    says no for a key it holds; says yes by chance for at most about 1 key in 32 it does not hold (the table
    has at least 32 slots per key), so its callers check the few keys it lets through."""

    def __init__(self, keys: numpy.ndarray):
        size = 1024
        while size < 32 * len(keys):
            size *= 2
        self._mask = numpy.uint64(size - 1)
        self._table = numpy.zeros(size, dtype=bool)
        self._table[keys & self._mask] = True

    def may_hold(self, keys: numpy.ndarray) -> numpy.ndarray:
        """A bool per key of ``keys`` (uint64): False where the key is certainly not held."""
        return self._table[keys & self._mask]
