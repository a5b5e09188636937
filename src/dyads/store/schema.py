"""The DuckDB schema and its migrations.

Tables:
- ``documents``: one row per document seen, keyed by ``doc_key`` (the content hash of the clean text, so the same
  article under two names is stored once; for documents that failed, a hash of their name), with status
  (``coded``, ``duplicate``, ``failed``, ``skipped``, ``empty``) and the reason; a near-duplicate keeps its URL
  and names the document it duplicates (``duplicate_of``); its events are those of that document.
- ``events``: one row per coded event, keyed by ``event_id`` (a hash of the document, sentence and coding), with
  the full provenance: sentence, span, rule, the matched actor entries.
- ``arms``: the arms-transfer ledger derived from the events (`EventStore.refresh_arms`), one row per
  (supplier, recipient, weapon, status) with every supporting sentence.

`migrate` brings any older database up to `SCHEMA_VERSION`; each migration is a list of statements run in one
transaction, and the version is recorded in ``schema_version``.
"""

from __future__ import annotations

import duckdb

SCHEMA_VERSION = 3

_ACTOR_COLUMNS = """
    {p}_code VARCHAR, {p}_country VARCHAR, {p}_role VARCHAR, {p}_text VARCHAR, {p}_name VARCHAR, {p}_entry VARCHAR"""

MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE documents (
            doc_key VARCHAR PRIMARY KEY,
            doc_id VARCHAR NOT NULL,
            url VARCHAR, title VARCHAR, author VARCHAR, site VARCHAR,
            date VARCHAR, date_source VARCHAR, language VARCHAR,
            status VARCHAR NOT NULL, reason VARCHAR,
            text VARCHAR,
            n_sentences INTEGER, n_parsed INTEGER, n_events INTEGER,
            ingested_at TIMESTAMP DEFAULT current_timestamp
        )""",
        f"""CREATE TABLE events (
            event_id VARCHAR PRIMARY KEY,
            doc_key VARCHAR NOT NULL,
            doc VARCHAR NOT NULL,
            sentence VARCHAR NOT NULL, sentence_index INTEGER NOT NULL, span_start INTEGER, span_end INTEGER,
            date VARCHAR, date_precision VARCHAR, date_source VARCHAR,
            {_ACTOR_COLUMNS.format(p="source")},
            {_ACTOR_COLUMNS.format(p="target")},
            cameo VARCHAR NOT NULL, cameo_root VARCHAR NOT NULL, cameo_name VARCHAR,
            plover VARCHAR, plover_mode VARCHAR, goldstein DOUBLE,
            modality VARCHAR, quantities JSON, weapons JSON, location JSON,
            confidence DOUBLE, rule VARCHAR, trigger VARCHAR
        )""",
        "CREATE INDEX events_doc ON events (doc_key)",
        "CREATE INDEX events_dyad ON events (source_country, target_country)",
    ],
    2: [
        """CREATE TABLE arms (
            supplier VARCHAR, recipient VARCHAR, weapon VARCHAR, category VARCHAR, status VARCHAR,
            number DOUBLE, value DOUBLE, currency VARCHAR, first_date VARCHAR, last_date VARCHAR,
            n_documents INTEGER, documents JSON, evidence JSON
        )""",
    ],
    3: [
        "ALTER TABLE documents ADD COLUMN duplicate_of VARCHAR",
    ],
}


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply the migrations the database lacks; returns the version it is at afterwards."""
    version = current_version(con)
    for target in sorted(v for v in MIGRATIONS if v > version):
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in MIGRATIONS[target]:
                con.execute(statement)
            con.execute("INSERT INTO schema_version VALUES (?)", [target])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        version = target
    return version
