"""Reading the input in a helper process, a few chunks ahead of the run.

Parsing and cleaning the input costs about a sixth of the CPU the pipeline does. Read by the
run's own process it sits on the critical path: nothing is annotated while the pipeline loads
and the first chunk is read, and a one-process run alternates between reading and annotating
on one core. A reader process forked at the start reads while the pipeline loads and keeps
the next chunks ready while the current one is annotated, on whichever core is free.

The reader sends chunks through a pipe (no thread in this process, so worker processes can
still be forked after it). The run has it prepare each chunk too (hashes, the Arrow table of its
records; read problems go with them), so that this process neither unpickles nor converts whole
records; an error
the reader cannot get past is raised again here; a reader that dies (killed, out of memory)
ends the run with an error naming its exit code, and a reader whose parent dies leaves.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import queue
import sys
import threading
import time
from typing import Callable, Iterable, Iterator

import pandas as pd

AHEAD = 8  # chunks read and waiting, besides the one being sent: the reader fills them while the pipeline loads (about 3 s), under 100 MB of prepared chunks


def available() -> bool:
    """Whether chunks can be read in a forked helper (Linux; elsewhere they are read in-process)."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


class ReadAhead:
    """Iterate the chunks ``produce()`` yields, produced in a forked child process.

    ``seconds`` is the time the child spent reading and ``cpu_seconds`` the CPU it used (both
    filled in once the input is exhausted);
    ``close()`` ends the child (always call it, e.g. in a ``finally``).
    """

    def __init__(self, produce: Callable[[], Iterator[pd.DataFrame]]):
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_serve, args=(produce, send, os.getpid()), name="qatext-reader",
                                        daemon=True)
        self._process.start()
        send.close()  # the child's end: once the child exits, recv() here sees EOF
        self.seconds = self.cpu_seconds = 0.0

    def __iter__(self) -> Iterator[pd.DataFrame]:
        while True:
            try:
                kind, payload = self._receive.recv()
            except (EOFError, OSError):  # OSError: the reader died in the middle of a message
                self._process.join(timeout=5)
                raise RuntimeError(f"the reader process ended without finishing the input "
                                   f"(exit code {self._process.exitcode})") from None
            if kind == "chunk":
                yield payload
            elif kind == "done":
                self.seconds, self.cpu_seconds = payload
                return
            else:
                raise payload

    def close(self) -> None:
        self._receive.close()
        if self._process.is_alive():
            self._process.terminate()
        self._process.join(timeout=5)


def _serve(produce, send, parent: int) -> None:
    """The reader process: read chunks into a short queue that a thread sends on, so that
    reading goes on while the run is not ready for the next chunk (loading its pipeline)."""
    exit_with_parent(parent)
    outbox: queue.Queue = queue.Queue(maxsize=AHEAD)
    sender = threading.Thread(target=_deliver, args=(outbox, send), name="qatext-reader-send", daemon=True)
    sender.start()
    seconds = {"read": 0.0}
    try:
        for chunk in timed(produce(), seconds, "read"):
            # What is alive now (the chunk, the ids and contents seen so far) lives until sent or to
            # the end: out of the collector's passes, which otherwise walk it again and again (a
            # fifth of this process's CPU on the shared corpora). Freezing keeps freeing by
            # reference count; reading makes no reference cycles to leak (checked with gc.collect()).
            gc.freeze()
            outbox.put(("chunk", chunk))
        outbox.put(("done", (seconds["read"], time.process_time())))
    except KeyboardInterrupt:
        os._exit(1)  # the run was interrupted too: nobody to tell
    except BaseException as exc:  # noqa: BLE001 - every failure goes back to the run
        outbox.put(("error", exc))
    sender.join()
    send.close()


def timed(items: Iterable, seconds: dict[str, float], key: str) -> Iterator:
    """``items``, adding the time spent waiting for each to ``seconds[key]`` as it goes."""
    items = iter(items)
    while True:
        tick = time.perf_counter()
        try:
            item = next(items)
        except StopIteration:
            return
        finally:
            seconds[key] += time.perf_counter() - tick
        yield item


def _deliver(outbox: queue.Queue, send) -> None:
    while True:
        message = outbox.get()
        try:
            send.send(message)
        except BrokenPipeError:
            os._exit(0)  # the run has ended: nobody to send to
        except Exception as exc:  # noqa: BLE001 - an exception that does not pickle still gets through as text
            send.send(("error", RuntimeError(f"{type(message[1]).__name__}: {message[1]} ({exc})")))
            return
        if message[0] != "chunk":
            return


def exit_with_parent(parent: int) -> None:
    """In a helper process (reader, pool worker): leave once the process ``parent`` is gone. A
    helper whose parent was killed (kill -9, OOM killer) would otherwise wait forever."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="qatext-parent-watch", daemon=True).start()
