"""Look-ups in sorted token positions and sentence starts, at C speed where the list allows
(``bisect``, ``list.index``, ``bytes.find``)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

AFTER_ANY_MATCH = float("inf")  # compares above any (end, id) in a (start, end, id) match


def covered(kept: list[tuple[int, int, int]], index: int) -> bool:
    """Whether a kept match (sorted, none overlapping) covers token ``index``."""
    last = bisect_right(kept, (index, AFTER_ANY_MATCH)) - 1
    return last >= 0 and kept[last][1] > index


def any_between(positions: list[int], start: int, end: int) -> bool:
    """Whether a sorted list of token positions has one in ``[start, end)``."""
    index = bisect_left(positions, start)
    return index < len(positions) and positions[index] < end


def positions_of(values: list[int], value: int, start: int = 0) -> list[int]:
    """Where ``value`` occurs in ``values`` from ``start`` on (``list.index`` scans at C speed)."""
    found, index = [], start - 1
    try:
        while True:
            index = values.index(value, index + 1)
            found.append(index)
    except ValueError:
        return found


def byte_positions(flags: bytes, start: int) -> list[int]:
    """Where ``flags`` (one byte per token) is 1, from ``start`` on."""
    found, index, find = [], start - 1, flags.find
    while (index := find(1, index + 1)) != -1:
        found.append(index)
    return found


def sentence_end(sentence_starts: set[int], token: int, doc_length: int) -> int:
    """Where the sentence of ``token`` ends, from the set of sentence starts (a short scan: questions are short)."""
    return next((i for i in range(token + 1, doc_length) if i in sentence_starts), doc_length)


def sentence_bounds(token: int, sentence_starts: list[int], doc_length: int) -> tuple[int, int]:
    index = bisect_right(sentence_starts, token) - 1
    start = sentence_starts[index]
    end = sentence_starts[index + 1] if index + 1 < len(sentence_starts) else doc_length
    return start, end
