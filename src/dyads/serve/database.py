"""The server's one handle on the DuckDB file, and how reads and the optional writer share it.

DuckDB lets one process hold a database file either read-only or read-write, not both, and lets only one process
write it. So the server opens the file once, at start-up:

- without an ingest token: **read-only** (other read-only processes, e.g. ``dyads events``, can read it too);
- with a token: **read-write** through `EventStore` (which also migrates the schema), because ``POST
  /api/documents`` writes. Other processes cannot open the file while this server runs.

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
        self.store: EventStore | None
        if writable:
            self.store = EventStore(self.path)
            self._con = self.store.con
        else:
            if not Path(self.path).exists():
                raise StoreError(f"{self.path}: no such database")
            try:
                self._con = duckdb.connect(self.path, read_only=True)
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: cannot open the database read-only ({exc})") from exc
            self.store = None

    @contextmanager
    def reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor for one request's reads (closed afterwards)."""
        cur = self._con.cursor()
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
        self._con.close()
