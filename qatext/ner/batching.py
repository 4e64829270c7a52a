"""``pipe`` for components that work one doc at a time.

Without a ``pipe`` method, ``nlp.pipe`` sends each doc through all such components before the
next doc comes: the recognizer's lexicon and rules, ConText's matchers and the abbreviation
finder's take turns in the CPU cache for every doc. Giving each component a batch before the
next one gets it keeps its own tables warm: on 2,500 ask-a-doctor pages the whole pipeline ran
in about a sixth less time, with identical output (``benchmarks/ner_speed.py``).
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator

from spacy.tokens import Doc
from spacy.util import minibatch, raise_error

DEFAULT_BATCH_SIZE = 256


class BatchedPipe:
    """Mixin: ``pipe(docs, batch_size=)`` calls the component on a batch of docs at a time.

    A doc the component fails on goes to the error handler ``nlp.set_error_handler`` installs
    (by default the error is raised) and, when the handler returns, is left out of the output, as
    spaCy 3.8 does for components without ``pipe`` (``spacy.util._pipe``).
    """

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[Doc]:
        handle = self.get_error_handler()
        name = getattr(self, "name", type(self).__name__)
        for batch in minibatch(docs, size=batch_size):
            done, pending = [], []
            for doc in batch:
                try:
                    done.append(self._in_batch(doc, pending))
                except Exception as error:  # noqa: BLE001 - the handler decides, as in spaCy's own loop
                    handle(name, self, [doc], error)
            self._end_batch(pending)
            yield from done

    def _in_batch(self, doc: Doc, pending: list) -> Doc:
        """The component on one doc of a batch; it may leave work for ``_end_batch`` in ``pending``."""
        return self(doc)

    def _end_batch(self, pending: list) -> None:
        """The work the batch's docs left in ``pending``, done for all at once (before they are yielded)."""

    def set_error_handler(self, handler: Callable) -> None:
        self._error_handler = handler

    def get_error_handler(self) -> Callable:
        return getattr(self, "_error_handler", raise_error)
