"""Run annotation partitions on a Dask cluster (``qatext annotate --engine dask``).

Each input chunk is one Dask task calling :func:`qatext.annotate.worker.annotate_partition`,
the very function the local engine runs, so both engines write identical tables. The client
keeps reading, hashing and committing (it owns OUTDIR); workers only need qatext installed
and send back the small annotation tables, so they need no access to the input or output
files. A worker loads the spaCy pipeline once, on its first task (module-level cache).
"""
from __future__ import annotations

from typing import Any


class DaskExecutor:
    """``submit``/``close`` over a ``dask.distributed`` client.

    ``scheduler``: None for a ``LocalCluster`` of ``n_workers`` single-threaded workers, an
    address such as ``"tcp://10.0.0.5:8786"``, or an existing ``Client`` (left open on close).
    """

    def __init__(self, scheduler: Any = None, *, n_workers: int = 1, processes: bool = True):
        from dask.distributed import Client, LocalCluster

        self._own_client = True
        self._cluster = None
        if scheduler is None:
            self._cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=processes,
                                         dashboard_address=None)
            self.client = Client(self._cluster)
        elif isinstance(scheduler, str):
            self.client = Client(scheduler)
        elif isinstance(scheduler, Client):
            self.client = scheduler
            self._own_client = False
        else:
            raise TypeError(f"scheduler must be None, an address or a dask.distributed.Client, not {type(scheduler).__name__}")
        threads = sum(w.get("nthreads", 1) for w in self.client.scheduler_info().get("workers", {}).values())
        # Two tasks per worker thread keep every worker busy while the client commits results.
        self.inflight = max(2, 2 * threads)

    def submit(self, fn, *args):
        # pure=False: identical payloads in two chunks must still be two tasks.
        return self.client.submit(fn, *args, pure=False)

    def close(self, cancel: bool = False) -> None:
        if self._own_client:
            self.client.close()
        if self._cluster is not None:
            self._cluster.close()
