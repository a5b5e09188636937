"""The read API: ``dyads.open("events.duckdb")`` and its query methods.

A `Dataset` is a read-only handle on an event database. Every method binds the caller's values as parameters
(no user value is ever pasted into SQL) and returns the result as a pyarrow Table (``as_="arrow"``, the default),
a pandas or polars DataFrame, or JSON-ready dicts (``as_="records"``: dates as ISO strings, JSON columns decoded).

By default events are *merged* events (one row per real-world event, however many stories tell it; see
`dyads.store.merge`); ``merged=False`` gives the coded mentions, one per sentence, with their provenance.

>>> ds = dyads.open("events.duckdb")                                   # doctest: +SKIP
>>> ds.events(source="FRA", target="IND", since="2023", root="07", as_="pandas")  # doctest: +SKIP
>>> ds.dyad_timeline("FRA", "IND", freq="month")                       # doctest: +SKIP
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import duckdb

from dyads.errors import StoreError
from dyads.store.filters import actor_match, event_filters, merged_only, page_sql, where_sql
from dyads.store.readonly import check_read_only, connect_read_only
from dyads.store.schema import SCHEMA_VERSION

OutputFormat = Literal["arrow", "pandas", "polars", "records"]
Freq = Literal["day", "week", "month", "year"]
ROOTS = [f"{i:02d}" for i in range(1, 21)]
JSON_COLUMNS = frozenset({"quantities", "weapons", "location", "documents", "evidence"})
PRECISION_RANK_SQL = ("CASE date_precision WHEN 'day' THEN 0 WHEN 'week' THEN 1 WHEN 'month' THEN 2 "
                      "WHEN 'year' THEN 3 ELSE 4 END")
FREQ_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}

MERGED_SELECT = """merged_id, date, date_precision, date_start, date_end, source_code, source_country, source_name,
    source_role, target_code, target_country, target_name, target_role, cameo, cameo_root, cameo_name, plover,
    plover_mode, goldstein, quad_class, modality, n_mentions, n_sources, n_documents, confidence, sentence, doc, url,
    weapons"""
MENTION_SELECT = """e.event_id, s.merged_id, e.doc, e.doc_key, e.sentence_index, e.span_start, e.span_end, e.date,
    e.date_precision, e.date_source, e.date_start, e.date_end, e.source_code, e.source_country, e.source_name,
    e.source_role, e.target_code, e.target_country, e.target_name, e.target_role, e.cameo, e.cameo_root,
    e.cameo_name, e.plover, e.plover_mode, e.goldstein, e.modality, e.confidence, e.sentence, e.quantities, e.weapons,
    e.location, e.rule, e.trigger"""
ORDERS = {
    "-date": "date_start DESC NULLS LAST, {id} DESC",
    "date": "date_start NULLS LAST, {id}",
    "-confidence": "confidence DESC, date_start DESC NULLS LAST, {id}",
    "-sources": "n_documents DESC, date_start DESC NULLS LAST, {id}",
}


def open_dataset(path: str | Path) -> Dataset:
    """Open an event database for reading (``dyads.open``)."""
    return Dataset(path)


class Dataset:
    """A read-only event database: filtered events, dyad timelines, top dyads, actors, documents, arms, SQL."""

    def __init__(self, path: str | Path, *, connection: duckdb.DuckDBPyConnection | None = None) -> None:
        self.path = str(path)
        if connection is not None:
            self.con = connection
            return
        if not Path(self.path).is_file():
            raise StoreError(f"{self.path}: no such database")
        self.con = self._connect()

    def _connect(self) -> duckdb.DuckDBPyConnection:
        try:
            con = connect_read_only(self.path)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the database ({exc})") from exc
        if _needs_upkeep(con):
            # An older schema or an unsettled merge: migrate and merge once through a writer, if the file is free.
            con.close()
            from dyads.store.db import EventStore

            try:
                EventStore(self.path).close()
            except (duckdb.Error, StoreError):
                pass
            con = connect_read_only(self.path)
            if _version(con) < SCHEMA_VERSION:
                con.close()
                raise StoreError(f"{self.path}: schema older than v{SCHEMA_VERSION} and the file is busy; "
                                 "open it once with `dyads ingest` to migrate")
        return con

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Dataset:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- events ----------------------------------------------------------------------------------------------
    def events(
        self,
        *,
        source: str | None = None,
        target: str | None = None,
        since: str | None = None,
        until: str | None = None,
        root: str | None = None,
        code: str | None = None,
        plover: str | None = None,
        modality: str | None = None,
        q: str | None = None,
        min_documents: int | None = None,
        merged: bool = True,
        order: str = "-date",
        limit: int | None = None,
        offset: int = 0,
        as_: OutputFormat = "arrow",
    ) -> Any:
        """Events matching every given filter, newest first by default.

        ``source``/``target``: a country (``FRA``) or an actor-code prefix (``FRAGOV``); ``since``/``until``:
        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, matched against each event's date interval; ``root``: a CAMEO
        root (``07``); ``code``: a CAMEO code prefix; ``q``: words in a source sentence (case-insensitive);
        ``min_documents``: merged events told by at least this many documents; ``order``: ``-date``, ``date``,
        ``-confidence`` or ``-sources``."""
        where, params = event_filters(source=source, target=target, since=since, until=until, root=root, code=code,
                                 plover=plover, modality=modality, prefix="" if merged else "e.")
        if order not in ORDERS:
            raise ValueError(f"order must be one of {', '.join(ORDERS)}")
        if merged:
            merged_only(where, params, q=q, min_documents=min_documents)
            sql = f"SELECT {MERGED_SELECT} FROM merged_events" + where_sql(where)
            sql += " ORDER BY " + ORDERS[order].format(id="merged_id")
        else:
            if q:
                where.append("contains(lower(e.sentence), lower(?))")
                params.append(q)
            if order == "-sources":
                raise ValueError("order -sources is for merged events")
            # Filter, order and page the mentions first, then look up their merged ids (a join on the page only).
            order_by = " ORDER BY " + ORDERS[order].replace("date_start", "e.date_start").format(id="e.event_id")
            page = f"SELECT * FROM events e{where_sql(where)}{order_by}{page_sql(limit, offset, params)}"
            sql = f"SELECT {MENTION_SELECT} FROM ({page}) e LEFT JOIN event_sources s USING (event_id){order_by}"
            return self._run(sql, params, as_)
        sql += page_sql(limit, offset, params)
        return self._run(sql, params, as_)

    def event(self, merged_id: str) -> dict[str, Any] | None:
        """One merged event as a record, or None."""
        rows = self._run(f"SELECT {MERGED_SELECT} FROM merged_events WHERE merged_id = ?", [merged_id], "records")
        return rows[0] if rows else None

    def sources(self, merged_id: str, *, as_: OutputFormat = "records") -> Any:
        """Every mention of a merged event: the sentence, its span and rule, the document with its URL and title."""
        sql = f"""SELECT {MENTION_SELECT}, d.url, d.title, d.date AS doc_date, d.site
                  FROM event_sources s JOIN events e USING (event_id) LEFT JOIN documents d ON d.doc_key = e.doc_key
                  WHERE s.merged_id = ? ORDER BY e.date_start NULLS LAST, e.doc, e.sentence_index, e.event_id"""
        return self._run(sql, [merged_id], as_)

    # -- aggregates ------------------------------------------------------------------------------------------
    def dyad_timeline(
        self,
        a: str,
        b: str,
        *,
        freq: Freq = "month",
        both_directions: bool = False,
        merged: bool = True,
        since: str | None = None,
        until: str | None = None,
        root: str | None = None,
        as_: OutputFormat = "arrow",
    ) -> Any:
        """Events from ``a`` to ``b`` (and back with ``both_directions``) per period: the count, the mean Goldstein
        score, the count per CAMEO root (``root_01`` .. ``root_20``) and per QuadClass, and ``imprecise``: events
        whose date is coarser than the period (counted at the period their date starts in). Empty periods between
        the first and the last are included with zero counts."""
        if freq not in FREQ_RANK:
            raise ValueError("freq must be day, week, month or year")
        table = "merged_events" if merged else "events"
        where, params = event_filters(since=since, until=until, root=root, prefix="")
        side_a, pa_ = actor_match("source", a, "")
        side_b, pb_ = actor_match("target", b, "")
        dyad, dyad_params = f"({side_a} AND {side_b})", pa_ + pb_
        if both_directions:
            back_a, qa = actor_match("source", b, "")
            back_b, qb = actor_match("target", a, "")
            dyad, dyad_params = f"({dyad} OR ({back_a} AND {back_b}))", dyad_params + qa + qb
        where = [dyad, "date_start IS NOT NULL", *where]
        params = dyad_params + params
        roots = ", ".join(f"count(*) FILTER (WHERE cameo_root = '{r}') AS root_{r}" for r in ROOTS)
        quads = ", ".join(f"count(*) FILTER (WHERE cameo_root BETWEEN '{lo}' AND '{hi}') AS quad_{i}"
                          for i, (lo, hi) in enumerate((("01", "05"), ("06", "08"), ("09", "14"), ("15", "20")), 1))
        zero = ", ".join([f"coalesce(root_{r}, 0) AS root_{r}" for r in ROOTS]
                         + [f"coalesce(quad_{i}, 0) AS quad_{i}" for i in range(1, 5)])
        sql = f"""
            WITH agg AS (
                SELECT CAST(date_trunc('{freq}', date_start) AS DATE) AS period, count(*) AS events,
                       round(avg(goldstein), 3) AS mean_goldstein,
                       count(*) FILTER (WHERE {PRECISION_RANK_SQL} > {FREQ_RANK[freq]}) AS imprecise, {roots}, {quads}
                FROM {table}{where_sql(where)} GROUP BY period),
            periods AS (
                SELECT CAST(unnest(generate_series(min(period), max(period), INTERVAL 1 {freq})) AS DATE) AS period
                FROM agg)
            SELECT p.period, coalesce(events, 0) AS events, mean_goldstein, coalesce(imprecise, 0) AS imprecise, {zero}
            FROM periods p LEFT JOIN agg USING (period) ORDER BY p.period"""
        return self._run(sql, params, as_)

    def top_dyads(
        self,
        *,
        limit: int = 10,
        since: str | None = None,
        until: str | None = None,
        root: str | None = None,
        source: str | None = None,
        target: str | None = None,
        merged: bool = True,
        as_: OutputFormat = "records",
    ) -> Any:
        """The (source, target) pairs with most events, with mentions, documents and mean Goldstein score."""
        where, params = event_filters(source=source, target=target, since=since, until=until, root=root, prefix="")
        if merged:
            where.append("target_key != ''")
            sql = ("SELECT source_key AS source, target_key AS target, count(*) AS events, sum(n_mentions) AS mentions,"
                   " round(avg(goldstein), 3) AS mean_goldstein FROM merged_events")
        else:
            where.append("target_code IS NOT NULL")
            sql = ("SELECT coalesce(source_country, source_code) AS source, coalesce(target_country, target_code)"
                   " AS target, count(*) AS events, count(*) AS mentions, round(avg(goldstein), 3) AS mean_goldstein"
                   " FROM events")
        sql += where_sql(where) + " GROUP BY 1, 2 ORDER BY events DESC, source, target LIMIT ?"
        return self._run(sql, [*params, int(limit)], as_)

    # -- other tables ----------------------------------------------------------------------------------------
    def actors(self, *, q: str | None = None, country: str | None = None, limit: int | None = None,
               offset: int = 0, as_: OutputFormat = "records") -> Any:
        """Actor codes seen, with country, role, a name and how often each is source and target; ``q`` matches
        a code prefix or part of the name."""
        where, params = [], []
        if q:
            where.append("(starts_with(code, upper(?)) OR contains(lower(name), lower(?)))")
            params += [q, q]
        if country:
            where.append("country = ?")
            params.append(country.upper())
        sql = ("SELECT code, country, role, name, n_source, n_target FROM actors" + where_sql(where)
               + " ORDER BY n_source + n_target DESC, code")
        return self._run(sql + page_sql(limit, offset, params), params, as_)

    def documents(self, *, status: str | None = None, limit: int | None = None, offset: int = 0,
                  as_: OutputFormat = "records") -> Any:
        """Stored documents (without their text): date and how it was found, status, duplicates, counts."""
        where, params = [], []
        if status:
            where.append("status = ?")
            params.append(status)
        sql = ("SELECT doc_key, doc_id, url, title, site, date, date_source, language, status, reason, duplicate_of,"
               " n_sentences, n_parsed, n_events, ingested_at FROM documents" + where_sql(where)
               + " ORDER BY doc_id, doc_key")
        return self._run(sql + page_sql(limit, offset, params), params, as_)

    def arms(self, *, supplier: str | None = None, recipient: str | None = None,
             as_: OutputFormat = "records") -> Any:
        """The arms-transfer ledger rows, optionally for one supplier and/or recipient (ISO3)."""
        where, params = [], []
        for col, value in (("supplier", supplier), ("recipient", recipient)):
            if value:
                where.append(f"{col} = ?")
                params.append(value.upper())
        sql = "SELECT * FROM arms" + where_sql(where) + " ORDER BY supplier, recipient, weapon, status"
        return self._run(sql, params, as_)

    def counts(self) -> dict[str, int]:
        """Coded documents, mentions, merged events and actors."""
        row = self.con.execute(
            "SELECT (SELECT count(*) FROM documents WHERE status = 'coded'), (SELECT count(*) FROM events),"
            " (SELECT count(*) FROM merged_events), (SELECT count(*) FROM actors)").fetchone()
        assert row is not None
        return dict(zip(("documents", "mentions", "merged_events", "actors"), (int(x) for x in row)))

    def sql(self, query: str, params: list[Any] | None = None, *, as_: OutputFormat = "arrow") -> Any:
        """Run one reading statement (SELECT, WITH, DESCRIBE, SHOW, EXPLAIN, PRAGMA); anything else is refused."""
        check_read_only(self.con, query)
        return self._run(query, list(params or []), as_)

    # -- plumbing --------------------------------------------------------------------------------------------
    def _run(self, sql: str, params: list[Any], as_: OutputFormat) -> Any:
        try:
            rel = self.con.cursor().sql(sql, params=params or None)
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}") from exc
        if rel is None:
            return [] if as_ == "records" else None
        if as_ == "arrow":
            return rel.to_arrow_table()
        if as_ == "pandas":
            return rel.df()
        if as_ == "polars":
            return rel.pl()
        if as_ == "records":
            cols = rel.columns
            return [{c: _jsonable(c, v) for c, v in zip(cols, row)} for row in rel.fetchall()]
        raise ValueError(f"as_ must be arrow, pandas, polars or records, not {as_!r}")


def _version(con: duckdb.DuckDBPyConnection) -> int:
    try:
        row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    except duckdb.Error:
        return 0
    return int(row[0]) if row and row[0] is not None else 0


def _needs_upkeep(con: duckdb.DuckDBPyConnection) -> bool:
    if _version(con) < SCHEMA_VERSION:
        return True
    row = con.execute("SELECT count(*) FROM merge_dirty").fetchone()
    return bool(row and row[0])


def _jsonable(column: str, value: Any) -> Any:
    if value is None:
        return None
    if column in JSON_COLUMNS and isinstance(value, str):
        return json.loads(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value
