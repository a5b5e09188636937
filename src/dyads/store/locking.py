"""Opening a DuckDB file that another process may hold, with a clear reason when it does.

DuckDB locks a database file per process: one process may open it read-write, or any number read-only, never both
at once. So while ``dyads ingest`` writes a file, no other process can open it (not even ``dyads serve`` or
``dyads events``, read-only), and while a server holds it read-only, an ingest cannot open it to write. A refused
open raises `DatabaseBusy`, whose message names the process holding the file and what to do; with a wait
(``DYADS_LOCK_WAIT`` seconds, default 0) the open is retried until the holder lets go.
"""

from __future__ import annotations

import os
import re
import time
from typing import Any

import duckdb

from dyads.errors import StoreError

ENV_LOCK_WAIT = "DYADS_LOCK_WAIT"
RETRY_EVERY_S = 0.25
_HOLDER = re.compile(r"Conflicting lock is held in (?P<program>.*?) \(PID (?P<pid>\d+)\)")


class DatabaseBusy(StoreError):
    """The database file is locked by another process."""

    def __init__(self, path: str, holder: str | None) -> None:
        who = f"process {holder}" if holder else "another process"
        super().__init__(
            f"{path}: the database is in use by {who} (another `dyads ingest`, or `dyads serve`). DuckDB lets one "
            f"process write a file, and no other process open it meanwhile: wait for that process to finish (or set "
            f"{ENV_LOCK_WAIT}=SECONDS to wait here), or ingest through the running server (POST /api/documents)")
        self.path = path
        self.holder = holder


def lock_wait_s() -> float:
    """Seconds to keep retrying a locked file, from ``DYADS_LOCK_WAIT`` (default 0: fail at once)."""
    raw = os.environ.get(ENV_LOCK_WAIT, "").strip()
    try:
        return max(0.0, float(raw)) if raw else 0.0
    except ValueError:
        raise StoreError(f"{ENV_LOCK_WAIT}={raw!r} is not a number of seconds") from None


def is_lock_conflict(err: BaseException) -> bool:
    """Is this DuckDB error the file lock of another process?"""
    return isinstance(err, duckdb.IOException) and "lock" in str(err).lower()


def holder_of(err: BaseException) -> str | None:
    """``PID 1234 (python3)`` from DuckDB's lock error, when it says."""
    m = _HOLDER.search(str(err))
    return f"PID {m['pid']} ({os.path.basename(m['program'])})" if m else None


def connect(path: str, *, read_only: bool, wait_s: float | None = None,
            config: dict[str, Any] | None = None) -> duckdb.DuckDBPyConnection:
    """`duckdb.connect`, retried for ``wait_s`` seconds (default: `lock_wait_s`) while another process holds the
    file; raises `DatabaseBusy` when it still does."""
    deadline = time.monotonic() + (lock_wait_s() if wait_s is None else wait_s)
    while True:
        try:
            return duckdb.connect(path, read_only=read_only, config=config or {})
        except duckdb.Error as err:
            if not is_lock_conflict(err):
                raise
            if time.monotonic() >= deadline:
                raise DatabaseBusy(path, holder_of(err)) from err
        time.sleep(RETRY_EVERY_S)
