"""`dyads ingest --workers N`: code on N local processes, write from this one.

Each worker process (started with ``spawn``: no DuckDB connection or thread is inherited) builds its `Pipeline`
once, in the pool initializer, and then cleans and codes chunks of source items (`dyads.batch.code_items`); this
process reads the sources as a stream, keeps at most ``2 * N`` chunks in flight, and records the outcomes in input
order with the batch's `Recorder`, the single DuckDB writer. The stored rows are those of a single-process run.

A worker that dies (killed, out of memory) breaks the pool: the pool is rebuilt and the chunks in flight are sent
again; a chunk that breaks it twice is recorded as failed, document by document, and the batch goes on. Workers
are replaced after `TASKS_PER_CHILD` chunks, so that a long batch does not grow the memory of a worker (spaCy's
string store keeps every new word it sees).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from dyads.batch import CHUNK, DocumentReport, Outcome, Recorder, WorkItem, chunks, code_items
from dyads.ingest import iter_sources
from dyads.model import Event
from dyads.scale.spec import PipelineSpec
from dyads.store import EventStore

TASKS_PER_CHILD = 400
"""Chunks a worker codes before it is replaced by a fresh one."""

_STATE: dict[str, object] = {}


def _init_worker(spec: PipelineSpec, doc_date: str | None, known: frozenset[str]) -> None:
    """Pool initializer: load the model and tables once per worker process."""
    _STATE["pipeline"] = spec.get()
    _STATE["doc_date"] = doc_date
    _STATE["known"] = known


def _code_chunk(items: list[WorkItem]) -> list[Outcome]:
    pipeline = _STATE["pipeline"]
    return code_items(items, pipeline=pipeline, doc_date=_STATE["doc_date"],  # type: ignore[arg-type]
                      known=_STATE["known"])  # type: ignore[arg-type]


def failed_outcomes(items: list[WorkItem], reason: str) -> list[Outcome]:
    """The outcomes of a chunk that could not be coded: every document failed with ``reason`` (read errors kept)."""
    return [item if isinstance(item, Outcome) else Outcome(item.doc_id, "failed", reason) for item in items]


class _Pool:
    """A process pool that can be rebuilt after a worker dies."""

    def __init__(self, workers: int, initargs: tuple[object, ...]) -> None:
        self.workers = workers
        self.initargs = initargs
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_worker, initargs=self.initargs,
                                   max_tasks_per_child=TASKS_PER_CHILD)

    def submit(self, items: list[WorkItem]) -> Future[list[Outcome]]:
        return self.executor.submit(_code_chunk, items)

    def rebuild(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._new()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def code_in_pool(
    work: Iterable[list[WorkItem]],
    *,
    spec: PipelineSpec,
    workers: int,
    doc_date: str | None = None,
    known: frozenset[str] = frozenset(),
    in_flight: int | None = None,
) -> Iterator[list[Outcome]]:
    """Code chunks on ``workers`` processes; yield each chunk's outcomes in input order, holding at most
    ``in_flight`` chunks (default ``2 * workers``) at a time."""
    limit = in_flight or 2 * workers
    pool = _Pool(workers, (spec, doc_date, known))
    pending: deque[tuple[list[WorkItem], Future[list[Outcome]], bool]] = deque()
    try:
        stream = iter(work)
        exhausted = False
        while True:
            while not exhausted and len(pending) < limit:
                chunk = next(stream, None)
                if chunk is None:
                    exhausted = True
                    break
                pending.append((chunk, pool.submit(chunk), False))
            if not pending:
                return
            chunk, future, retried = pending.popleft()
            try:
                yield future.result()
            except BrokenProcessPool as err:
                # A worker died. Every future of the old pool is lost: rebuild it and resend what is in flight.
                pool.rebuild()
                if retried:
                    pending = deque((c, pool.submit(c), r) for c, _, r in pending)
                    yield failed_outcomes(chunk, f"worker process died twice on this chunk ({err})")
                else:
                    pending = deque([(chunk, pool.submit(chunk), True),
                                     *((c, pool.submit(c), r) for c, _, r in pending)])
    finally:
        pool.close()


def ingest_local(
    paths: Iterable[str],
    *,
    spec: PipelineSpec,
    workers: int,
    store: EventStore | None,
    doc_date: str | None = None,
    chunk_size: int = CHUNK,
    on_document: Callable[[DocumentReport], None] | None = None,
) -> Iterator[tuple[DocumentReport, list[Event]]]:
    """`dyads.batch.run_batch` on ``workers`` processes: the same reports, the same stored rows."""
    recorder = Recorder(store)
    known = frozenset(recorder.known_hashes())
    work = chunks(iter_sources(paths), chunk_size)
    for outcomes in code_in_pool(work, spec=spec, workers=workers, doc_date=doc_date, known=known):
        for report, events in recorder.record_many(outcomes):
            if on_document is not None:
                on_document(report)
            yield report, events
