"""The pending files of an ingest processed in worker processes, results in input order.

Files are submitted a bounded distance ahead of the one whose result is awaited. Two ways a
batch can end early are handled here:

* Ctrl-C (or the caller closing the results): the files not yet started are cancelled, the
  ones running are waited for, and every graph a finished worker staged but nobody stored is
  discarded, so no temporary file outlives the run.
* A worker process dies (killed, out of memory): the pool is then broken and every file it
  had not finished fails with it, without saying which file killed it. Those files are run
  again one at a time in a fresh pool; the one that kills that pool too is recorded as failed
  ("worker process died"), and the batch goes on.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.context
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from kg.ingest.layout import GRAPHS_DIR, TEMP_PREFIX, discard_staged_file
from kg.ingest.work import Extractor, Loader, Processed, process_file

# Files submitted to the workers ahead of the one whose result is awaited, per worker: results
# are small (the workers store the graphs), so a deep queue costs nothing and keeps both cores
# busy while a long report holds up the in-order hand-back.
LOOK_AHEAD_PER_JOB = 16

WORKER_DIED = "worker process died"

# A pool broken before it could be given a single file is restarted this many times in a row
# before the batch gives up (something is wrong with starting workers at all).
MAX_IDLE_RESTARTS = 3

# The cyclic collector's first-generation threshold in a worker (Python's default is 700). The
# tables the worker inherited are frozen (kg.ingest.runner), and a document's objects die with it
# (few cycles), so collecting every 700 new container objects was 0.5-0.7 ms of CPU per document
# for nothing; at 10,000 a collection runs about once per 100 documents, and the rare cycles are
# still reclaimed, so memory stays flat.
WORKER_GC_THRESHOLD = 10_000

# A file waiting in line: its future, or None for a file a broken pool lost, to be run alone.
Slot = tuple[str, "Future[Processed] | None"]


def _start_worker() -> None:
    """Set up a worker process: collect garbage less often (see WORKER_GC_THRESHOLD)."""
    _, *older = gc.get_threshold()
    gc.set_threshold(WORKER_GC_THRESHOLD, *older)


def fork_context() -> multiprocessing.context.BaseContext | None:
    """Fork where the platform has it (workers share the warmed-up caches), else the default."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


class WorkerBatch:
    """``process_file`` over paths in ``jobs`` worker processes; see the module docstring."""

    def __init__(self, jobs: int, root: Path, load: Loader | None, extract: Extractor | None) -> None:
        self.jobs = jobs
        self.root = root
        self.load = load
        self.extract = extract
        self.window = LOOK_AHEAD_PER_JOB * jobs  # bounded look-ahead keeps memory flat on big batches
        self.in_flight: deque[Slot] = deque()
        self._pool: ProcessPoolExecutor | None = None

    def results(self, paths: list[str]) -> Iterator[Processed]:
        """One result per path, in order; call :meth:`close` afterwards (also on errors)."""
        waiting = deque(paths)
        while waiting or self.in_flight:
            self._fill(waiting)
            yield self._next()

    def close(self) -> None:
        """Cancel what has not started, wait for what runs, discard graphs staged but not handed out."""
        self._stop_pool()
        self.in_flight.clear()
        self._discard_staged_files()

    def _fill(self, waiting: deque[str]) -> None:
        """Submit files until the look-ahead is full; never beside a lost file that must run alone."""
        idle_restarts = 0
        while waiting and len(self.in_flight) < self.window and not self._has_lost_files():
            try:
                future = self._submit(waiting[0])
            except BrokenProcessPool:
                if self.in_flight:
                    return  # the first unfinished result reports the break, and recovers
                idle_restarts += 1
                if idle_restarts > MAX_IDLE_RESTARTS:
                    raise
                self._stop_pool()  # died idle: nothing was lost, start afresh
                continue
            self.in_flight.append((waiting.popleft(), future))

    def _next(self) -> Processed:
        """The result of the first file in line."""
        path, future = self.in_flight.popleft()
        if future is None:
            return self._run_alone(path)
        try:
            return future.result()
        except BrokenProcessPool:
            self._recover(path)
            return self._next()
        except Exception as error:
            return Processed(path=path, error=f"worker failed: {type(error).__name__}: {error}")

    def _recover(self, path: str) -> None:
        """Mark ``path`` and every file the broken pool lost to be run alone in a fresh pool."""
        self._stop_pool()  # every future of the broken pool is done once it is shut down
        kept: deque[Slot] = deque([(path, None)])
        for queued, future in self.in_flight:
            lost = future is None or future.cancelled() or isinstance(future.exception(), BrokenProcessPool)
            kept.append((queued, None if lost else future))
        self.in_flight = kept
        self._discard_staged_files()

    def _run_alone(self, path: str) -> Processed:
        """Run a file the broken pool lost with no other file beside it: if the pool breaks
        again, this file broke it."""
        try:
            return self._submit(path).result()
        except BrokenProcessPool:
            self._stop_pool()
            self._discard_staged_files()
            return Processed(path=path, error=WORKER_DIED)
        except Exception as error:
            return Processed(path=path, error=f"worker failed: {type(error).__name__}: {error}")

    def _submit(self, path: str) -> Future[Processed]:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs, mp_context=fork_context(), initializer=_start_worker
            )
        return self._pool.submit(process_file, path, self.load, self.extract, self.root)

    def _stop_pool(self) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            pool.shutdown(wait=True, cancel_futures=True)

    def _discard_staged_files(self) -> None:
        """Remove the graphs staged by workers that no longer run, except those of finished files
        still in flight (not handed out yet).

        A broken pool terminates its other workers too, mid-write or with a staged graph whose
        name never came back; nobody else stages there meanwhile (this process is here, and the
        data dir is locked), so every other temporary file in the folder is such an orphan.
        """
        keep = {_staged_file(future) for _, future in self.in_flight} - {None}
        folder = self.root / GRAPHS_DIR
        for staged in folder.glob(f"{TEMP_PREFIX}*"):
            if str(staged.relative_to(self.root)) not in keep:
                discard_staged_file(staged)

    def _has_lost_files(self) -> bool:
        return any(future is None for _, future in self.in_flight)


def _staged_file(future: Future[Processed] | None) -> str | None:
    """The graph file a finished worker staged, if any (relative to the data dir)."""
    if future is None or not future.done() or future.cancelled() or future.exception() is not None:
        return None
    return future.result().staged
