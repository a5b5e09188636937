"""Read-only SQL for power users (``dyads query``, `Dataset.sql`).

Two locks: the connection is opened ``read_only`` with file access outside the database disabled (so ``COPY``
or ``read_csv`` cannot touch other files), and the statement is checked before it runs, so a write is refused
with a clear message instead of a DuckDB error halfway.
"""

from __future__ import annotations

import re

import duckdb

from dyads.errors import StoreError

ALLOWED = {duckdb.StatementType.SELECT, duckdb.StatementType.PRAGMA}
"""SELECT covers WITH, FROM-first queries, DESCRIBE, SHOW and SUMMARIZE; EXPLAIN is allowed around any of these."""

_EXPLAIN = re.compile(r"^\s*EXPLAIN\s+(ANALY[SZ]E\s+)?", re.IGNORECASE)
READ_ONLY_CONFIG = {"enable_external_access": False}


def connect_read_only(path: str) -> duckdb.DuckDBPyConnection:
    """A read-only connection to an existing database file that cannot read or write other files."""
    return duckdb.connect(path, read_only=True, config=dict(READ_ONLY_CONFIG))


def check_read_only(con: duckdb.DuckDBPyConnection, query: str) -> None:
    """Raise `StoreError` unless ``query`` is exactly one reading statement."""
    try:
        statements = con.extract_statements(query)
    except duckdb.Error as exc:
        raise StoreError(f"cannot parse the query: {exc}") from exc
    if len(statements) != 1:
        raise StoreError(f"one statement at a time, please (got {len(statements)})")
    st = statements[0]
    if st.type == duckdb.StatementType.EXPLAIN:
        inner = _EXPLAIN.sub("", st.query, count=1)
        if inner == st.query:
            raise StoreError("cannot read the EXPLAIN statement")
        check_read_only(con, inner)
        return
    if st.type not in ALLOWED:
        kind = str(st.type).rsplit(".", 1)[-1]
        raise StoreError(f"read-only: {kind} statements are refused (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, "
                         "EXPLAIN and PRAGMA are allowed)")
