"""The event store: a DuckDB file, written whole documents per transaction (one or a batch), read with filters.

Idempotent: a document is keyed by the hash of its clean text, an event by the hash of its document, sentence and
coding, so ingesting the same corpus twice adds nothing; a document already coded is skipped before parsing.

>>> store = EventStore("events.duckdb")          # doctest: +SKIP
>>> store.events(source="CHN", target="PAK", since="2022-01-01", code="07")  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from dyads.errors import StoreError
from dyads.model import Document, Event
from dyads.store.merge import date_bounds
from dyads.store.filters import event_filters, page_sql, where_sql
from dyads.store.locking import connect
from dyads.store.refresh import MergeStats, refresh_merge
from dyads.store.schema import migrate

_DOCUMENT_COLUMNS = ("doc_key", "doc_id", "url", "title", "author", "site", "date", "date_source", "language",
                     "status", "reason", "text", "n_sentences", "n_parsed", "n_events")

ACTOR_FIELDS = ("code", "country", "role", "text", "name", "entry")
EVENT_COLUMNS = (
    ["event_id", "doc_key", "doc", "sentence", "sentence_index", "span_start", "span_end", "date", "date_precision",
     "date_source"]
    + [f"source_{f}" for f in ACTOR_FIELDS]
    + [f"target_{f}" for f in ACTOR_FIELDS]
    + ["cameo", "cameo_root", "cameo_name", "plover", "plover_mode", "goldstein", "modality", "quantities", "weapons",
       "location", "confidence", "rule", "trigger", "date_start", "date_end", "clause"]
)


def event_id(doc_key: str, event: Event) -> str:
    parts = [doc_key, str(event.sentence_index), event.source.code or "", event.target.code if event.target else "",
             event.cameo, event.trigger]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]


def _event_row(doc_key: str, e: Event) -> list[Any]:
    src = e.source
    tgt = e.target
    return (
        [event_id(doc_key, e), doc_key, e.doc, e.sentence, e.sentence_index, e.span[0], e.span[1], e.date,
         e.date_precision, e.date_source]
        + [getattr(src, f) for f in ACTOR_FIELDS]
        + [getattr(tgt, f) if tgt else None for f in ACTOR_FIELDS]
        + [e.cameo, e.cameo[:2], e.cameo_name, e.plover, e.plover_mode, e.goldstein, e.modality.value,
           json.dumps([q.model_dump() for q in e.quantities]), json.dumps([w.model_dump() for w in e.weapons]),
           json.dumps(e.location.model_dump()) if e.location else None, e.confidence, e.rule, e.trigger,
           *date_bounds(e.date, e.date_precision), e.clause]
    )


@dataclass(frozen=True, slots=True)
class CodedWrite:
    """One coded document to store with `EventStore.write_documents`: the arguments of `EventStore.write_document`."""

    document: Document
    events: Sequence[Event]
    n_sentences: int
    n_parsed: int


_BLOCK_PARTS = tuple(EVENT_COLUMNS.index(c) for c in
                     ("source_code", "source_country", "target_code", "target_country", "cameo_root"))


def block_of(source_code: str | None, source_country: str | None, target_code: str | None,
             target_country: str | None, cameo_root: str) -> tuple[str, str, str]:
    """The merge block of an event (the Python twin of `schema.BLOCK_KEY`: SQL ``coalesce`` skips NULLs only)."""
    src = source_country if source_country is not None else source_code
    tgt = target_country if target_country is not None else target_code
    return ("" if src is None else src, "" if tgt is None else tgt, cameo_root)


def _insert_rows(con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]],
                 select: Sequence[str] = ()) -> None:
    """Insert ``rows`` (values in ``columns`` order) in one statement: each column is bound as one list parameter
    and unnested (DuckDB's ``executemany`` runs one statement a row, about 3 ms an event row; this is ~0.1 ms).
    ``select``: the SQL of each column's value, ``$n`` standing for its list (default ``unnest($n)``)."""
    if not rows:
        return
    exprs = select or [f"unnest(${i + 1})" for i in range(len(columns))]
    con.execute(f"INSERT INTO {table} ({','.join(columns)}) SELECT {','.join(exprs)}",
                [list(column) for column in zip(*rows)])


def row_to_record(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event row in the same JSON shape as `Event.to_record` (the ``--format jsonl`` contract)."""
    def actor(p: str) -> dict[str, Any] | None:
        if row.get(f"{p}_code") is None and p == "target":
            return None
        return {f: row.get(f"{p}_{f}") for f in ACTOR_FIELDS}

    def js(v: Any) -> Any:
        return json.loads(v) if isinstance(v, str) else v

    return {
        "event_id": row["event_id"], "doc": row["doc"], "sentence": row["sentence"],
        "sentence_index": row["sentence_index"], "span": [row["span_start"], row["span_end"]], "date": row["date"],
        "date_precision": row["date_precision"], "date_source": row["date_source"], "source": actor("source"),
        "target": actor("target"), "cameo": row["cameo"], "cameo_name": row["cameo_name"], "plover": row["plover"],
        "plover_mode": row["plover_mode"], "goldstein": row["goldstein"], "modality": row["modality"],
        "quantities": js(row["quantities"]) or [], "weapons": js(row["weapons"]) or [],
        "location": js(row["location"]), "confidence": row["confidence"], "rule": row["rule"],
        "trigger": row["trigger"], "clause": row.get("clause") or "",
    }


class EventStore:
    """A DuckDB event database (one local file; created and migrated on open)."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        try:
            if read_only:
                if not Path(self.path).exists():
                    raise StoreError(f"{self.path}: no such database")
                self.con = connect(self.path, read_only=True)
            else:
                self.con = connect(self.path, read_only=False)
                migrate(self.con)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the database ({exc})") from exc

    def close(self) -> None:
        """Close the file, first settling any pending merge (so a writer never leaves the merged layer stale)."""
        try:
            if not self.read_only and self.pending_merge():
                self.refresh_merge()
        finally:
            self.con.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------------------
    def has_document(self, doc_key: str) -> bool:
        row = self.con.execute("SELECT status FROM documents WHERE doc_key = ?", [doc_key]).fetchone()
        return row is not None and row[0] in ("coded", "duplicate")

    def stored_documents(self, doc_keys: Sequence[str]) -> set[str]:
        """Those of ``doc_keys`` that `has_document` (coded or recorded as a duplicate), in one query."""
        if not doc_keys:
            return set()
        rows = self.con.execute("SELECT doc_key FROM documents WHERE doc_key IN (SELECT unnest(?::VARCHAR[]))"
                                " AND status IN ('coded', 'duplicate')", [list(doc_keys)]).fetchall()
        return {r[0] for r in rows}

    def write_document(self, doc: Document, events: Sequence[Event], *, n_sentences: int, n_parsed: int) -> int:
        """Store a coded document and its events in one transaction; returns the number of events stored."""
        return self.write_documents([CodedWrite(doc, events, n_sentences, n_parsed)])[0]

    def write_documents(self, batch: Sequence[CodedWrite]) -> list[int]:
        """Store several coded documents and their events in one transaction: all of them, or (on any error) none.

        The stored rows are those of `write_document` called on each in turn (a document written twice in the
        batch keeps its last write; ``ingested_at`` still increases in batch order, by a microsecond a document,
        so the stored order is the order written). Returns the number of events stored for each entry. Set-wise
        statements replace the per-document ones: one delete of the replaced rows, multi-row inserts, and the
        touched merge blocks taken from the deleted and the new rows."""
        if not batch:
            return []
        last = {w.document.content_hash: i for i, w in enumerate(batch)}
        doc_rows: list[list[Any]] = []
        event_rows: list[list[Any]] = []
        counts: list[int] = []
        for i, w in enumerate(batch):
            key, doc = w.document.content_hash, w.document
            rows = {r[0]: r for r in (_event_row(key, e) for e in w.events)}
            counts.append(len(rows))
            if last[key] != i:
                continue
            doc_rows.append([key, doc.doc_id, doc.url, doc.title, doc.author, doc.site, doc.date, doc.date_source,
                             doc.language, "coded", None, doc.text, w.n_sentences, w.n_parsed, len(rows),
                             len(doc_rows)])
            event_rows.extend(rows.values())
        keys = [r[0] for r in doc_rows]
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            replaced = con.execute(
                "DELETE FROM events WHERE doc_key IN (SELECT unnest(?::VARCHAR[])) RETURNING source_code,"
                " source_country, target_code, target_country, cameo_root", [keys]).fetchall()
            con.execute("DELETE FROM documents WHERE doc_key IN (SELECT unnest(?::VARCHAR[]))", [keys])
            n = len(_DOCUMENT_COLUMNS)
            _insert_rows(con, "documents", [*_DOCUMENT_COLUMNS, "ingested_at"], doc_rows,
                         [*(f"unnest(${i + 1})" for i in range(n)),
                          f"CAST(current_timestamp AS TIMESTAMP) + to_microseconds(unnest(${n + 1}))"])
            _insert_rows(con, "events", EVENT_COLUMNS, event_rows)
            blocks = {block_of(*r) for r in replaced}
            blocks.update(block_of(*(r[i] for i in _BLOCK_PARTS)) for r in event_rows)
            _insert_rows(con, "merge_dirty", ("source_key", "target_key", "cameo_root"), sorted(blocks))
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        return counts

    def pending_merge(self) -> int:
        """How many (source, target, root) blocks wait for `refresh_merge`."""
        row = self.con.execute("SELECT count(*) FROM merge_dirty").fetchone()
        return int(row[0]) if row else 0

    def refresh_merge(self, *, full: bool = False) -> MergeStats:
        """Recompute the cross-article merge for the blocks written since the last refresh (all with ``full``).

        Called at the end of a batch and by `close`; idempotent, and independent of the order of ingest."""
        return refresh_merge(self.con, full=full)

    def write_duplicate(self, doc: Document) -> None:
        """Record a near-duplicate of a stored document: its URL and metadata are kept, it is not coded again."""
        self.con.execute("BEGIN TRANSACTION")
        self.con.execute("DELETE FROM documents WHERE doc_key = ?", [doc.content_hash])
        self.con.execute(
            "INSERT INTO documents (doc_key, doc_id, url, title, date, date_source, language, status, reason,"
            " duplicate_of) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [doc.content_hash, doc.doc_id, doc.url, doc.title, doc.date, doc.date_source, doc.language, "duplicate",
             f"near-duplicate of {doc.duplicate_of}", doc.duplicate_of],
        )
        self.con.execute("COMMIT")

    def coded_texts(self) -> Iterator[tuple[str, str]]:
        """(doc_id, text) of the coded documents in the order they were stored (to rebuild duplicate groups)."""
        cur = self.con.execute("SELECT doc_id, text FROM documents WHERE status = 'coded' ORDER BY ingested_at, doc_id")
        while rows := cur.fetchmany(1000):
            yield from rows

    def write_failure(self, doc_id: str, status: str, reason: str) -> None:
        """Record a document that could not be coded (replacing an earlier record of the same name)."""
        key = "name:" + hashlib.sha256(doc_id.encode()).hexdigest()[:16]
        self.con.execute("BEGIN TRANSACTION")
        self.con.execute("DELETE FROM documents WHERE doc_key = ?", [key])
        self.con.execute("INSERT INTO documents (doc_key, doc_id, status, reason) VALUES (?,?,?,?)",
                         [key, doc_id, status, reason])
        self.con.execute("COMMIT")

    # -- reading ---------------------------------------------------------------------------------------------
    def events(
        self,
        *,
        source: str | None = None,
        target: str | None = None,
        since: str | None = None,
        until: str | None = None,
        code: str | None = None,
        plover: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Events as stored records (one per mention, oldest first), filtered as `Dataset.events` filters them
        (`dyads.store.filters`); for merged events, tables and data frames use `Dataset`."""
        where, params = event_filters(source=source, target=target, since=since, until=until, code=code,
                                      plover=plover)
        sql = "SELECT * FROM events" + where_sql(where) + " ORDER BY date_start NULLS LAST, doc, sentence_index"
        sql += page_sql(limit, 0, params)
        return [row_to_record(r) for r in self._dicts(sql, params)]

    def refresh_arms(self) -> int:
        """Rebuild the ``arms`` ledger table from the stored events (one transaction); returns its row count."""
        from dyads.arms import build_ledger, transfer_mentions

        rows = self._dicts("SELECT * FROM events WHERE weapons IS NOT NULL AND weapons != '[]'", [])
        ledger = build_ledger(m for r in rows for m in transfer_mentions(row_to_record(r)))
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM arms")
            for row in ledger:
                rec = row.to_record()
                self.con.execute(
                    "INSERT INTO arms VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [rec["supplier"], rec["recipient"], rec["weapon"], rec["category"], rec["status"], rec["number"],
                     rec["value"], rec["currency"], rec["first_date"], rec["last_date"], len(rec["documents"]),
                     json.dumps(rec["documents"]), json.dumps(rec["evidence"])],
                )
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return len(ledger)

    def arms(self, *, supplier: str | None = None, recipient: str | None = None) -> list[dict[str, Any]]:
        """Ledger rows, optionally for one supplier and/or recipient (ISO3)."""
        where, params = [], []
        for col, value in (("supplier", supplier), ("recipient", recipient)):
            if value:
                where.append(f"{col} = ?")
                params.append(value.upper())
        sql = "SELECT * FROM arms" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY supplier, recipient, weapon, status"
        out = []
        for r in self._dicts(sql, params):
            r["documents"] = json.loads(r["documents"]) if isinstance(r["documents"], str) else r["documents"]
            r["evidence"] = json.loads(r["evidence"]) if isinstance(r["evidence"], str) else r["evidence"]
            out.append(r)
        return out

    def top_dyads(self, limit: int = 10) -> list[dict[str, Any]]:
        sql = """SELECT coalesce(source_country, source_code) AS source, coalesce(target_country, target_code) AS target,
                        count(*) AS events, round(avg(goldstein), 2) AS mean_goldstein
                 FROM events WHERE target_code IS NOT NULL
                 GROUP BY 1, 2 ORDER BY events DESC, source, target LIMIT ?"""
        return list(self._dicts(sql, [limit]))

    def documents(self) -> list[dict[str, Any]]:
        sql = """SELECT doc_id, url, date, date_source, language, status, reason, duplicate_of, n_sentences,
                        n_parsed, n_events FROM documents ORDER BY doc_id"""
        return list(self._dicts(sql, []))

    def counts(self) -> dict[str, int]:
        docs = self.con.execute("SELECT count(*) FROM documents WHERE status = 'coded'").fetchone()
        evs = self.con.execute("SELECT count(*) FROM events").fetchone()
        return {"documents": int(docs[0]) if docs else 0, "events": int(evs[0]) if evs else 0}

    def _dicts(self, sql: str, params: list[Any]) -> Iterator[dict[str, Any]]:
        cur = self.con.execute(sql, params)
        cols = [d[0] for d in cur.description]
        for row in cur.fetchall():
            yield dict(zip(cols, row))
