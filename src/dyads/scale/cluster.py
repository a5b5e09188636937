"""`dyads ingest --cluster tcp://scheduler:8786`: code shards of documents on a Dask distributed cluster.

This process reads the sources as a stream and cuts them into shards of ``shard_size`` documents, keeping at most
``in_flight`` shards submitted at a time (a 10 GB archive is never held). Each shard is a Dask task: the worker
builds its `Pipeline` once per process (`PipelineSpec.get`), cleans and codes the shard (`dyads.batch.code_items`)
and writes one Parquet part (`write_part`: one row per document, with its clean document, events or error) into
``parts_dir``, a folder every worker and this process can reach (a shared file system on a real cluster). A shard
whose task raises is retried ``retries`` times by Dask; one that still fails is reported (`ShardFailure`) and its
documents are recorded as failed, so that a later run codes them again.

When every shard is done the parts are merged, in shard order, through the batch's `Recorder`: the same
near-duplicate grouping, the same "already stored" check, the same whole-document transactions as a single
process, so the database ends up the same, and merging a part twice adds nothing.

`local_cluster` starts a `LocalCluster` (tests, benchmarks, ``--cluster local:N``).
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyads.batch import DocumentReport, Outcome, Recorder, WorkItem, chunks, code_items
from dyads.ingest import iter_sources
from dyads.model import Document, Event, RemovedLine
from dyads.scale.spec import PipelineSpec
from dyads.store import EventStore

SHARD_SIZE = 200
RETRIES = 2
PART_COLUMNS = ("seq", "doc_id", "status", "reason", "document", "events", "sentences", "parsed")


@dataclass(frozen=True, slots=True)
class ShardFailure:
    """A shard that failed on every try: its index, its documents and the last error."""

    index: int
    doc_ids: tuple[str, ...]
    error: str


# -- parts ---------------------------------------------------------------------------------------------------
def part_path(parts_dir: str | Path, index: int) -> Path:
    return Path(parts_dir) / f"part-{index:06d}.parquet"


def write_part(outcomes: list[Outcome], path: Path) -> Path:
    """Write a shard's outcomes as one Parquet file (atomically: a reader never sees half a part)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows: dict[str, list[Any]] = {c: [] for c in PART_COLUMNS}
    for seq, o in enumerate(outcomes):
        rows["seq"].append(seq)
        rows["doc_id"].append(o.doc_id)
        rows["status"].append(o.status)
        rows["reason"].append(o.reason)
        rows["document"].append(json.dumps(dataclasses.asdict(o.document)) if o.document is not None else None)
        rows["events"].append(json.dumps([e.model_dump(mode="json") for e in o.events]))
        rows["sentences"].append(o.sentences)
        rows["parsed"].append(o.parsed)
    schema = pa.schema([("seq", pa.int32()), ("doc_id", pa.string()), ("status", pa.string()),
                        ("reason", pa.string()), ("document", pa.string()), ("events", pa.string()),
                        ("sentences", pa.int32()), ("parsed", pa.int32())])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    pq.write_table(pa.table(rows, schema=schema), tmp)
    os.replace(tmp, path)
    return path


def read_part(path: Path) -> Iterator[Outcome]:
    """The outcomes of a part, in their order."""
    import pyarrow.parquet as pq

    table = pq.read_table(path).sort_by("seq")
    for row in table.to_pylist():
        doc = None
        if row["document"] is not None:
            fields = json.loads(row["document"])
            fields["removed"] = [RemovedLine(**r) for r in fields.get("removed") or []]
            doc = Document(**fields)
        events = [Event.model_validate(e) for e in json.loads(row["events"] or "[]")]
        yield Outcome(row["doc_id"], row["status"], row["reason"] or "", doc, events, row["sentences"] or 0,
                      row["parsed"] or 0)


def code_shard(items: list[WorkItem], index: int, spec: PipelineSpec, doc_date: str | None, parts_dir: str,
               known: frozenset[str]) -> str:
    """The Dask task: code one shard on this worker and write its part; returns the part's path."""
    pipeline = spec.get()
    outcomes: list[Outcome] = []
    for sub in range(0, len(items), 16):
        outcomes.extend(code_items(items[sub:sub + 16], pipeline=pipeline, doc_date=doc_date, known=known))
    return str(write_part(outcomes, part_path(parts_dir, index)))


# -- the client side -------------------------------------------------------------------------------------------
@contextmanager
def local_cluster(n_workers: int = 2) -> Iterator[str]:
    """A `LocalCluster` of ``n_workers`` single-threaded worker processes; yields its scheduler address."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as cluster:
        yield cluster.scheduler_address


def ingest_cluster(
    paths: Iterable[str],
    *,
    address: str,
    spec: PipelineSpec,
    store: EventStore | None,
    doc_date: str | None = None,
    parts_dir: str | Path | None = None,
    shard_size: int = SHARD_SIZE,
    retries: int = RETRIES,
    in_flight: int | None = None,
    failures: list[ShardFailure] | None = None,
    on_document: Callable[[DocumentReport], None] | None = None,
) -> Iterator[tuple[DocumentReport, list[Event]]]:
    """`dyads.batch.run_batch` on the Dask cluster at ``address``: the same reports (yielded at the merge, in input
    order) and the same stored rows. Shards that fail after ``retries`` retries are appended to ``failures``.

    ``parts_dir`` must be reachable by the workers; by default a new folder in the system's temporary folder
    (right for a `LocalCluster`), removed after the merge. A given folder is kept.
    """
    from distributed import Client, as_completed

    recorder = Recorder(store)
    own_parts = parts_dir is None
    folder = Path(parts_dir) if parts_dir is not None else Path(tempfile.mkdtemp(prefix="dyads-parts-"))
    folder.mkdir(parents=True, exist_ok=True)
    run = uuid.uuid4().hex[:8]
    shards: list[tuple[int, tuple[str, ...]]] = []  # index, the shard's doc ids (to report a failed shard)
    results: dict[int, str | ShardFailure] = {}
    with Client(address, set_as_default=False) as client:
        limit = in_flight or 2 * max(1, len(client.scheduler_info().get("workers", {})))
        # A list of one: scattering a set itself would scatter each of its items.
        [known] = client.scatter([frozenset(recorder.known_hashes())], broadcast=True)
        pending: dict[str, int] = {}
        done = as_completed(loop=client.loop)  # given the loop: this client is not the default one

        def settle(future: Any) -> None:
            index = pending.pop(future.key)
            if future.status == "finished":
                results[index] = future.result()
            else:
                err = future.exception()
                results[index] = ShardFailure(index, shards[index][1], f"{type(err).__name__}: {err}")
            future.release()

        for index, shard in enumerate(chunks(iter_sources(paths), shard_size)):
            shards.append((index, tuple(i.doc_id for i in shard)))
            future = client.submit(code_shard, shard, index, spec, doc_date, str(folder), known, retries=retries,
                                   pure=False, key=f"dyads-shard-{run}-{index}")
            pending[future.key] = index
            done.add(future)
            del shard, future
            while len(pending) >= limit:
                settle(next(done))
        while pending:
            settle(next(done))
    try:
        for index, doc_ids in shards:
            result = results[index]
            if isinstance(result, ShardFailure):
                if failures is not None:
                    failures.append(result)
                reason = f"shard {index} failed after {retries} retries: {result.error}"
                outcomes: Iterable[Outcome] = [Outcome(d, "failed", reason) for d in doc_ids]
            else:
                outcomes = read_part(Path(result))
            for report, events in recorder.record_many(outcomes):
                if on_document is not None:
                    on_document(report)
                yield report, events
    finally:
        if own_parts:
            for p in folder.glob("*"):
                p.unlink(missing_ok=True)
            folder.rmdir()


__all__ = ["ShardFailure", "code_shard", "ingest_cluster", "local_cluster", "read_part", "write_part"]
