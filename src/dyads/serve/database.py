"""The server's one handle on the DuckDB file, and how reads and the optional writer share it.

DuckDB lets one process hold a database file either read-only or read-write, not both, and lets only one process
write it. So the server opens the file once, at start-up:

- without an ingest token: **read-only** (other read-only processes, e.g. ``dyads events``, can read it too);
- with a token: **read-write** through `EventStore` (which also migrates the schema), because ``POST
  /api/documents`` writes. Other processes cannot open the file while this server runs.

While another process writes the file (``dyads ingest``), DuckDB lets no other process open it, not even
read-only. A read-only server that starts during an ingest therefore starts without the file and answers every API
request with **503** and ``Retry-After`` (`DatabaseBusy`, naming the process that holds the file) until it can open
it; from then on it holds the file, and an ingest started meanwhile is refused with the same explanation. The
server never hides this: stop it to ingest, or start it with a token and ingest through ``POST /api/documents``.

Every request reads through its own cursor of that one connection (`Database.reader`), so reads run in parallel
and see each ingest once its transaction commits (DuckDB's MVCC). Writes go through the store, one at a time
(`Database.writer`), and bump `generation` so cached summaries are recomputed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from dyads.errors import StoreError
from dyads.store import EventStore
from dyads.store.locking import DatabaseBusy, connect

RETRY_AFTER_S = 5
"""What a 503 tells a client to wait before asking again while another process writes the database."""

T = TypeVar("T")


class Database:
    """One DuckDB file opened for the lifetime of the server."""

    def __init__(self, path: str | Path, *, writable: bool = False) -> None:
        self.path = str(path)
        self.writable = writable
        self._write_lock = threading.Lock()
        self._cache_lock = threading.Lock()
        self._cache: dict[tuple[Any, ...], Any] = {}
        self.generation = 0
        self._open_lock = threading.Lock()
        self.store: EventStore | None
        self._con: duckdb.DuckDBPyConnection | None = None
        self.busy: DatabaseBusy | None = None
        """Why the file could not be opened yet (another process writes it), or None."""
        if writable:
            self.store = EventStore(self.path)
            self._con = self.store.con
        else:
            if not Path(self.path).exists():
                raise StoreError(f"{self.path}: no such database")
            self.store = None
            try:
                self._connection()
            except DatabaseBusy:
                pass  # served as 503 until the writer lets go (see the module docstring)

    def _connection(self) -> duckdb.DuckDBPyConnection:
        """The open connection; a read-only server whose file was held by a writer tries again here, and raises
        `DatabaseBusy` while the writer still holds it."""
        with self._open_lock:
            if self._con is None:
                try:
                    self._con = connect(self.path, read_only=True, wait_s=0)
                except DatabaseBusy as busy:
                    self.busy = busy
                    raise
                except duckdb.Error as exc:
                    raise StoreError(f"{self.path}: cannot open the database read-only ({exc})") from exc
                self.busy = None
            return self._con

    @contextmanager
    def reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor for one request's reads (closed afterwards)."""
        cur = self._connection().cursor()
        try:
            yield cur
        finally:
            cur.close()

    @contextmanager
    def writer(self) -> Iterator[EventStore]:
        """The store, for one writer at a time; refused when the server was started read-only."""
        if self.store is None:
            raise PermissionError("the database is open read-only")
        with self._write_lock:
            try:
                yield self.store
            finally:
                with self._cache_lock:
                    self.generation += 1
                    self._cache.clear()

    def cached(self, key: tuple[Any, ...], compute: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """``compute(cursor)`` memoised until the next write (for summaries that scan every event)."""
        with self._cache_lock:
            if key in self._cache:
                return self._cache[key]  # type: ignore[no-any-return]
            generation = self.generation
        with self.reader() as cur:
            value = compute(cur)
        with self._cache_lock:
            if generation == self.generation and len(self._cache) < 256:
                self._cache[key] = value
        return value

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
