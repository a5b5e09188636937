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
- ``merged_events`` (v4): one row per real-world event after the cross-article merge (`store.merge`), with the
  number of mentions, sentences, documents and sites that tell it and a combined confidence; ``event_sources``
  links every mention (``events.event_id``) to its merged event, so no source sentence is lost.
- ``merge_dirty`` (v4): the (source, target, root) blocks whose merge must be recomputed; filled in the same
  transaction as the document write, emptied by `EventStore.refresh_merge`.
- ``actors`` (v4): every actor code seen, with its country, role, a name and how often it is source or target
  (rebuilt with the merge).
- ``sentences`` (v4, a view): the sentences that hold events, with their document and span.

`migrate` brings any older database up to `SCHEMA_VERSION`; each migration is a list of statements run in one
transaction, and the version is recorded in ``schema_version``.
"""

from __future__ import annotations

import duckdb

SCHEMA_VERSION = 5
"""The newest migration below; `test_schema_version_is_the_newest_migration` keeps the two in step."""

_ACTOR_COLUMNS = """
    {p}_code VARCHAR, {p}_country VARCHAR, {p}_role VARCHAR, {p}_text VARCHAR, {p}_name VARCHAR, {p}_entry VARCHAR"""

BLOCK_KEY = ("coalesce(source_country, source_code, '') AS source_key, "
             "coalesce(target_country, target_code, '') AS target_key, cameo_root")
"""The merge block of an ``events`` row, as SQL select items (see `dyads.store.merge`)."""

# The first and last day an events row's date can mean at its precision (mirrors `merge.date_bounds`).
_START = """CASE WHEN date IS NULL THEN NULL
    WHEN date_precision = 'year' OR length(date) = 4 THEN try_cast(left(date, 4) || '-01-01' AS DATE)
    WHEN date_precision = 'month' OR length(date) = 7 THEN try_cast(left(date, 7) || '-01' AS DATE)
    ELSE try_cast(left(date, 10) AS DATE) END"""
_END = """CASE WHEN date IS NULL THEN NULL
    WHEN date_precision = 'year' OR length(date) = 4 THEN try_cast(left(date, 4) || '-12-31' AS DATE)
    WHEN date_precision = 'month' OR length(date) = 7 THEN last_day(try_cast(left(date, 7) || '-01' AS DATE))
    WHEN date_precision = 'week' THEN try_cast(left(date, 10) AS DATE) + 6
    ELSE try_cast(left(date, 10) AS DATE) END"""

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
    4: [
        "ALTER TABLE events ADD COLUMN date_start DATE",
        "ALTER TABLE events ADD COLUMN date_end DATE",
        f"UPDATE events SET date_start = {_START}, date_end = {_END}",
        """CREATE TABLE merged_events (
            merged_id VARCHAR PRIMARY KEY,
            source_key VARCHAR NOT NULL, target_key VARCHAR NOT NULL, cameo_root VARCHAR NOT NULL,
            source_code VARCHAR, source_country VARCHAR, source_role VARCHAR, source_name VARCHAR,
            target_code VARCHAR, target_country VARCHAR, target_role VARCHAR, target_name VARCHAR,
            cameo VARCHAR NOT NULL, cameo_name VARCHAR, plover VARCHAR, plover_mode VARCHAR, goldstein DOUBLE,
            quad_class TINYINT, modality VARCHAR,
            date VARCHAR, date_precision VARCHAR, date_start DATE, date_end DATE,
            n_mentions INTEGER, n_sources INTEGER, n_documents INTEGER, n_sites INTEGER, confidence DOUBLE,
            sentence VARCHAR, doc VARCHAR, url VARCHAR, weapons JSON, location JSON,
            min_sentence_index INTEGER, first_seen TIMESTAMP
        )""",
        """CREATE TABLE event_sources (
            event_id VARCHAR PRIMARY KEY,
            merged_id VARCHAR NOT NULL,
            doc_key VARCHAR NOT NULL,
            source_key VARCHAR NOT NULL, target_key VARCHAR NOT NULL, cameo_root VARCHAR NOT NULL
        )""",
        "CREATE INDEX event_sources_merged ON event_sources (merged_id)",
        "CREATE TABLE merge_dirty (source_key VARCHAR NOT NULL, target_key VARCHAR NOT NULL,"
        " cameo_root VARCHAR NOT NULL)",
        f"INSERT INTO merge_dirty SELECT DISTINCT {BLOCK_KEY} FROM events",
        """CREATE TABLE actors (
            code VARCHAR PRIMARY KEY, country VARCHAR, role VARCHAR, name VARCHAR,
            n_source INTEGER, n_target INTEGER
        )""",
        """CREATE VIEW sentences AS
           SELECT DISTINCT doc_key, doc, sentence_index, span_start, span_end, sentence AS text FROM events""",
    ],
    5: [
        # the event's own clause (`Event.clause`), where the arms ledger reads its deal-status cues
        "ALTER TABLE events ADD COLUMN clause VARCHAR",
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
