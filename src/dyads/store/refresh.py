"""Recompute the merged layer (``merged_events``, ``event_sources``, ``actors``) from the stored mentions.

Only the blocks listed in ``merge_dirty`` (those a document write touched) are recomputed, unless ``full``; a
block's merged events are a function of its mentions (`dyads.store.merge`), so recomputing is idempotent and the
result does not depend on the order documents came in. Everything happens in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

from dyads.store.merge import cluster_block, mention_from_row, summarise
from dyads.store.schema import BLOCK_KEY

MERGED_COLUMNS = (
    "merged_id", "source_key", "target_key", "cameo_root", "source_code", "source_country", "source_role",
    "source_name", "target_code", "target_country", "target_role", "target_name", "cameo", "cameo_name", "plover",
    "plover_mode", "goldstein", "quad_class", "modality", "date", "date_precision", "date_start", "date_end",
    "n_mentions", "n_sources", "n_documents", "n_sites", "confidence", "sentence", "doc", "url", "weapons",
    "location", "min_sentence_index", "first_seen",
)

_MENTIONS = f"""
    WITH e AS (SELECT *, {BLOCK_KEY} FROM events),
         todo AS (SELECT DISTINCT source_key, target_key, cameo_root FROM {{blocks}})
    SELECT e.event_id, e.doc_key, e.doc, e.sentence, e.sentence_index, e.date, e.date_precision, e.date_start,
           e.date_end, e.source_code, e.source_country, e.source_role, e.source_name, e.target_code, e.target_country,
           e.target_role, e.target_name, e.cameo, e.cameo_name, e.plover, e.plover_mode, e.goldstein, e.modality,
           e.quantities, e.weapons, e.location, e.confidence, e.source_key, e.target_key, e.cameo_root,
           d.url, d.site, d.ingested_at
    FROM e JOIN todo USING (source_key, target_key, cameo_root)
    LEFT JOIN documents d ON d.doc_key = e.doc_key
    ORDER BY e.source_key, e.target_key, e.cameo_root
"""

_ACTORS = """
    INSERT INTO actors
    WITH sides AS (
        SELECT source_code AS code, source_country AS country, source_role AS role, source_name AS name,
               1 AS s, 0 AS t FROM events WHERE source_code IS NOT NULL
        UNION ALL
        SELECT target_code, target_country, target_role, target_name, 0, 1 FROM events WHERE target_code IS NOT NULL)
    SELECT code, max(country), max(role), mode(name), sum(s)::INTEGER, sum(t)::INTEGER FROM sides GROUP BY code
"""


@dataclass(frozen=True, slots=True)
class MergeStats:
    blocks: int
    mentions: int
    merged_events: int


def refresh_merge(con: duckdb.DuckDBPyConnection, *, full: bool = False) -> MergeStats:
    """Recompute the merged events of the dirty blocks (all blocks with ``full``) in one transaction.

    The mentions are read as one Arrow table and clustered block by block; merged rows are written in chunks."""
    con.execute("BEGIN TRANSACTION")
    try:
        if full:
            con.execute("DELETE FROM merge_dirty")
            con.execute(f"INSERT INTO merge_dirty SELECT DISTINCT {BLOCK_KEY} FROM events")
        con.execute("CREATE OR REPLACE TEMP TABLE _todo AS SELECT DISTINCT * FROM merge_dirty")
        n_blocks = con.execute("SELECT count(*) FROM _todo").fetchone()[0]  # type: ignore[index]
        for table in ("merged_events", "event_sources"):
            con.execute(f"DELETE FROM {table} t USING _todo d WHERE t.source_key = d.source_key"
                        " AND t.target_key = d.target_key AND t.cameo_root = d.cameo_root")
        writer = _Writer(con)
        n_mentions = 0
        # Columnar in memory (compact), because the inserts below run on this same connection and transaction.
        mentions = con.sql(_MENTIONS.format(blocks="_todo")).to_arrow_table()
        block: list[Any] = []
        key: tuple[str, str, str] | None = None
        for batch in mentions.to_batches(max_chunksize=50_000):
            for row in batch.to_pylist():
                k = (row["source_key"], row["target_key"], row["cameo_root"])
                if k != key and block:
                    writer.add(cluster_block(block))
                    block = []
                key = k
                block.append(mention_from_row(row))
                n_mentions += 1
        if block:
            writer.add(cluster_block(block))
        writer.flush()
        con.execute("DELETE FROM merge_dirty")
        con.execute("DELETE FROM actors")
        con.execute(_ACTORS)
        con.execute("DROP TABLE _todo")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return MergeStats(int(n_blocks), n_mentions, writer.written)


class _Writer:
    """Buffers merged rows and their source links; inserts them every `CHUNK` merged events."""

    CHUNK = 50_000
    SOURCE_COLUMNS = ("event_id", "merged_id", "doc_key", "source_key", "target_key", "cameo_root")

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.merged: dict[str, list[Any]] = {c: [] for c in MERGED_COLUMNS}
        self.sources: dict[str, list[Any]] = {c: [] for c in self.SOURCE_COLUMNS}
        self.pending = 0
        self.written = 0

    def add(self, clusters: list[list[Any]]) -> None:
        for members in clusters:
            row = summarise(members)
            for c in MERGED_COLUMNS:
                self.merged[c].append(row[c])
            for m in members:
                for c, v in zip(self.SOURCE_COLUMNS, (m.event_id, row["merged_id"], m.doc_key, *m.block)):
                    self.sources[c].append(v)
            self.pending += 1
        if self.pending >= self.CHUNK:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        _insert(self.con, "merged_events", self.merged)
        _insert(self.con, "event_sources", self.sources)
        self.written += self.pending
        self.pending = 0
        for d in (self.merged, self.sources):
            for v in d.values():
                v.clear()


SMALL_INSERT = 5_000
"""Up to this many rows, `_insert` binds each column as a list parameter (no Arrow table: building one from Python
lists imports pandas, about a second, more than a small refresh takes); above it, Arrow is the faster path."""


def _insert(con: duckdb.DuckDBPyConnection, table: str, columns: dict[str, list[Any]]) -> None:
    """Insert the rows given column by column (equal-length lists) into ``table``."""
    names = list(columns)
    if len(columns[names[0]]) <= SMALL_INSERT:
        con.execute(f"INSERT INTO {table} ({','.join(names)}) SELECT "
                    + ",".join(f"unnest(${i + 1})" for i in range(len(names))), [columns[c] for c in names])
        return
    con.register("_new_rows", pa.table(columns))
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _new_rows")
    finally:
        con.unregister("_new_rows")
