"""Every read query the web server runs, in one place, with bound parameters only.

The filters are the store's own (`dyads.store.filters`, shared with `dyads.open()` and the exports: an actor is a
country or a code prefix, dates match by interval); what is here is what only the page needs: totals, sorting, a
dyad in both directions, per-period timelines with arms marks. Each function takes a DuckDB connection (a
per-request cursor) and plain values that the API layer has already validated; column names that vary (sorting)
come from the whitelist `SORT_COLUMNS`, never from the request.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import duckdb

from dyads.store import row_to_record
from dyads.store.filters import actor_match, event_filters, text_date_filters, where_sql
from dyads.tables import data_path, read_tsv

SORT_COLUMNS: dict[str, str] = {
    "date": "date",
    "goldstein": "goldstein",
    "confidence": "confidence",
    "cameo": "cameo",
    "plover": "plover",
    "source": "source_code",
    "target": "target_code",
    "modality": "modality",
}
"""Sort keys the API accepts (``date`` or ``-date`` for descending) and the columns they stand for."""

ARMS_EVENT = "(weapons IS NOT NULL AND CAST(weapons AS VARCHAR) NOT IN ('[]', ''))"


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Validated event filters; actor values are upper-case letters/digits, dates ``YYYY[-MM[-DD]]``."""

    source: str | None = None
    target: str | None = None
    either: bool = False
    """With both actors: also match events from ``target`` to ``source`` (the dyad in both directions)."""
    since: str | None = None
    until: str | None = None
    code: str | None = None
    root: str | None = None
    plover: str | None = None
    modality: str | None = None
    q: str | None = None
    arms_only: bool = False
    doc_key: str | None = None


def _like(text: str) -> str:
    """A LIKE pattern that matches ``text`` literally anywhere (escape character ``\\``)."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def where_clause(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause (with a leading ``WHERE`` or empty) and its parameters for a filter: the store's own event
    filters (`dyads.store.filters`: actor = country or code prefix, dates matched by interval), plus what only the
    web page asks for (a dyad in both directions, words in the sentence, arms events, one document)."""
    two_way = bool(f.source and f.target and f.either)
    where, params = event_filters(source=None if two_way else f.source, target=None if two_way else f.target,
                                  since=f.since, until=f.until, root=f.root, code=f.code, plover=f.plover,
                                  modality=f.modality)
    if two_way:
        s1, p1 = actor_match("source", f.source)  # type: ignore[arg-type]
        t1, q1 = actor_match("target", f.target)  # type: ignore[arg-type]
        s2, p2 = actor_match("source", f.target)  # type: ignore[arg-type]
        t2, q2 = actor_match("target", f.source)  # type: ignore[arg-type]
        where.insert(0, f"(({s1} AND {t1}) OR ({s2} AND {t2}))")
        params[:0] = p1 + q1 + p2 + q2
    if f.q:
        where.append("(sentence ILIKE ? ESCAPE '\\' OR trigger ILIKE ? ESCAPE '\\')")
        params += [_like(f.q), _like(f.q)]
    if f.arms_only:
        where.append(ARMS_EVENT)
    if f.doc_key:
        where.append("doc_key = ?")
        params.append(f.doc_key)
    return where_sql(where), params


def _dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description or []]
    return [dict(zip(cols, row)) for row in cur.fetchall()]


def _record(row: dict[str, Any]) -> dict[str, Any]:
    rec = row_to_record(row)
    rec["cameo_root"] = row.get("cameo_root")
    return rec


def events(con: duckdb.DuckDBPyConnection, f: EventFilter, *, sort: Sequence[str] = ("date",), limit: int = 50,
           offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(total matching, one page of event records) — records in the ``--format jsonl`` shape plus ``event_id``."""
    where, params = where_clause(f)
    total_row = con.execute("SELECT count(*) FROM events" + where, params).fetchone()
    total = int(total_row[0]) if total_row else 0
    order = []
    for key in sort:
        desc = key.startswith("-")
        column = SORT_COLUMNS[key.lstrip("-")]
        order.append(f"{column} {'DESC' if desc else 'ASC'} NULLS LAST")
    order += ["doc ASC", "sentence_index ASC", "event_id ASC"]
    # Late materialisation: sort and page on the narrow key columns, then fetch the wide rows of that page by id.
    sql = f"SELECT event_id FROM events{where} ORDER BY {', '.join(order)} LIMIT ? OFFSET ?"
    ids = [r[0] for r in con.execute(sql, params + [limit, offset]).fetchall()]
    if not ids:
        return total, []
    rows = _dicts(con.execute(f"SELECT * FROM events WHERE event_id IN ({','.join('?' * len(ids))})", ids))
    position = {event_id: i for i, event_id in enumerate(ids)}
    rows.sort(key=lambda r: position[r["event_id"]])
    return total, [_record(r) for r in rows]


def event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event record by id, or None."""
    rows = _dicts(con.execute("SELECT * FROM events WHERE event_id = ?", [event_id]))
    return _record(rows[0]) if rows else None


def event_ids_of_document(con: duckdb.DuckDBPyConnection, doc_id: str) -> list[str]:
    """The ids of the events stored for a document name, in sentence order."""
    rows = con.execute("SELECT event_id FROM events WHERE doc = ? ORDER BY sentence_index, event_id", [doc_id])
    return [r[0] for r in rows.fetchall()]


def sources(con: duckdb.DuckDBPyConnection, event_id: str) -> list[dict[str, Any]]:
    """The evidence of an event: each source sentence in its article (text, span, rule, trigger), with the other
    codings of the same sentence and the other places the same story was published."""
    rows = _dicts(con.execute(
        """SELECT e.event_id, e.doc_key, e.doc, e.sentence, e.sentence_index, e.span_start, e.span_end, e.rule,
                  e.trigger, e.confidence, d.doc_id, d.title, d.url, d.date AS doc_date, d.date_source, d.text
           FROM events e LEFT JOIN documents d ON d.doc_key = e.doc_key WHERE e.event_id = ?""", [event_id]))
    out = []
    for r in rows:
        siblings = _dicts(con.execute(
            """SELECT event_id, source_code, target_code, cameo, cameo_name, rule, trigger FROM events
               WHERE doc_key = ? AND sentence_index = ? AND event_id <> ? ORDER BY cameo, event_id""",
            [r["doc_key"], r["sentence_index"], event_id]))
        copies = [] if r["doc_id"] is None else _dicts(con.execute(
            "SELECT doc_id, url, title, date FROM documents WHERE duplicate_of = ? ORDER BY doc_id", [r["doc_id"]]))
        text = r["text"]
        if text is None:  # the document text is not stored: show the sentence alone
            text, span = r["sentence"], (0, len(r["sentence"]))
        else:
            span = (r["span_start"] or 0, r["span_end"] or 0)
        out.append({
            "event_id": r["event_id"], "doc_key": r["doc_key"], "doc": r["doc"], "title": r["title"],
            "url": r["url"], "date": r["doc_date"], "date_source": r["date_source"], "text": text,
            "span": list(span), "sentence": r["sentence"], "sentence_index": r["sentence_index"], "rule": r["rule"],
            "trigger": r["trigger"], "confidence": r["confidence"], "same_sentence": siblings, "copies": copies,
        })
    return out


def _period(date: str, freq: str) -> str:
    if freq == "year":
        return date[:4]
    if freq == "quarter":
        return f"{date[:4]}-Q{(int(date[5:7]) - 1) // 3 + 1}"
    return date[:7]


def dyad_timeline(con: duckdb.DuckDBPyConnection, a: str, b: str, *, freq: str = "month", since: str | None = None,
                  until: str | None = None) -> dict[str, Any]:
    """Events between ``a`` and ``b`` (both directions) per period: counts, mean Goldstein, counts per CAMEO root,
    arms events; events dated only to a coarser precision than ``freq`` are counted in ``undated``."""
    f = EventFilter(source=a, target=b, either=True, since=since, until=until)
    where, params = where_clause(f)
    s_clause, s_params = actor_match("source", a)
    t_clause, t_params = actor_match("target", b)
    min_len = 4 if freq == "year" else 7
    sql = f"""SELECT CASE WHEN {s_clause} AND {t_clause} THEN 'ab' ELSE 'ba' END AS dir,
                     substr(date, 1, ?) AS period, cameo_root, count(*) AS n, sum(goldstein) AS g,
                     count(goldstein) AS ng, count(*) FILTER (WHERE {ARMS_EVENT}) AS arms
              FROM events{where} {'AND' if where else 'WHERE'} date IS NOT NULL AND length(date) >= ?
              GROUP BY ALL ORDER BY period"""
    rows = con.execute(sql, s_params + t_params + [min_len] + params + [min_len]).fetchall()
    undated_row = con.execute(
        f"SELECT count(*) FROM events{where} {'AND' if where else 'WHERE'} (date IS NULL OR length(date) < ?)",
        params + [min_len]).fetchone()
    buckets: dict[str, dict[str, Any]] = {}
    for direction, raw_period, root, n, g, ng, arms_n in rows:
        period = _period(raw_period, freq)
        bucket = buckets.setdefault(period, {"period": period, "events": 0, "ab": 0, "ba": 0, "goldstein_sum": 0.0,
                                             "goldstein_n": 0, "by_root": defaultdict(int), "arms_events": 0})
        bucket["events"] += n
        bucket[direction] += n
        bucket["goldstein_sum"] += g or 0.0
        bucket["goldstein_n"] += ng
        bucket["by_root"][root] += n
        bucket["arms_events"] += arms_n
    periods = []
    for period in sorted(buckets):
        bucket = buckets[period]
        gn = bucket.pop("goldstein_n")
        gs = bucket.pop("goldstein_sum")
        bucket["goldstein_mean"] = round(gs / gn, 3) if gn else None
        bucket["goldstein_sum"] = round(gs, 3)
        bucket["by_root"] = dict(sorted(bucket["by_root"].items()))
        periods.append(bucket)
    return {"a": a, "b": b, "freq": freq, "periods": periods,
            "undated": int(undated_row[0]) if undated_row else 0,
            "arms": arms(con, supplier=a, recipient=b, either=True, since=since, until=until)}


def top_dyads(con: duckdb.DuckDBPyConnection, *, limit: int = 30, since: str | None = None, until: str | None = None,
              actor: str | None = None) -> list[dict[str, Any]]:
    """The most active directed dyads (country, or actor code for non-state actors) with mean Goldstein."""
    where, params = event_filters(since=since, until=until)
    where.insert(0, "target_code IS NOT NULL")
    if actor:
        s, ps = actor_match("source", actor)
        t, pt = actor_match("target", actor)
        where.append(f"({s} OR {t})")
        params += ps + pt
    sql = f"""SELECT coalesce(source_country, source_code) AS source, coalesce(target_country, target_code) AS target,
                     count(*) AS events, round(avg(goldstein), 2) AS mean_goldstein,
                     count(*) FILTER (WHERE {ARMS_EVENT}) AS arms_events
              FROM events WHERE {' AND '.join(where)}
              GROUP BY 1, 2 HAVING source <> target ORDER BY events DESC, source, target LIMIT ?"""
    return _dicts(con.execute(sql, params + [limit]))


@lru_cache(maxsize=1)
def actor_names() -> dict[str, str]:
    """Display names of country and organisation codes, from the shipped actor tables."""
    names: dict[str, str] = {}
    for _, row in read_tsv(data_path("actors/countries.tsv")):
        names[row["iso3"]] = row["name"]
    for _, row in read_tsv(data_path("actors/organisations.tsv")):
        names.setdefault(row["code"], row["name"])
    return names


@lru_cache(maxsize=1)
def code_tables() -> dict[str, Any]:
    """CAMEO roots with their names and the PLOVER types, from the shipped ontology tables (for the page's menus)."""
    roots = {row["code"]: row["name"].capitalize() for _, row in read_tsv(data_path("ontology/cameo.tsv"))
             if len(row["code"]) == 2}
    plover = sorted({row["plover"] for _, row in read_tsv(data_path("ontology/plover.tsv")) if row["plover"]})
    return {"cameo_roots": roots, "plover": plover}


def actors(con: duckdb.DuckDBPyConnection, *, limit: int = 500) -> list[dict[str, Any]]:
    """Actors (country, or code for non-state actors) by number of events as source or target."""
    sql = """SELECT actor, sum(n)::BIGINT AS events, sum(ns)::BIGINT AS as_source, sum(nt)::BIGINT AS as_target FROM (
                 SELECT coalesce(source_country, source_code) AS actor, count(*) AS n, count(*) AS ns, 0 AS nt
                 FROM events GROUP BY 1
                 UNION ALL
                 SELECT coalesce(target_country, target_code), count(*), 0, count(*)
                 FROM events WHERE target_code IS NOT NULL GROUP BY 1)
             WHERE actor IS NOT NULL GROUP BY actor ORDER BY events DESC, actor LIMIT ?"""
    names = actor_names()
    rows = _dicts(con.execute(sql, [limit]))
    for r in rows:
        r["name"] = names.get(r["actor"])
    return rows


def documents(con: duckdb.DuckDBPyConnection, *, status: str | None = None, q: str | None = None, limit: int = 50,
              offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(total, one page of documents) without their text, newest first."""
    where: list[str] = []
    params: list[Any] = []
    if status:
        where.append("status = ?")
        params.append(status)
    if q:
        where.append("(doc_id ILIKE ? ESCAPE '\\' OR title ILIKE ? ESCAPE '\\' OR url ILIKE ? ESCAPE '\\')")
        params += [_like(q)] * 3
    w = " WHERE " + " AND ".join(where) if where else ""
    total_row = con.execute("SELECT count(*) FROM documents" + w, params).fetchone()
    sql = f"""SELECT doc_key, doc_id, url, title, date, date_source, language, status, reason, duplicate_of,
                     n_sentences, n_parsed, n_events FROM documents{w}
              ORDER BY date DESC NULLS LAST, doc_id LIMIT ? OFFSET ?"""
    return (int(total_row[0]) if total_row else 0), _dicts(con.execute(sql, params + [limit, offset]))


def arms(con: duckdb.DuckDBPyConnection, *, supplier: str | None = None, recipient: str | None = None,
         either: bool = False, since: str | None = None, until: str | None = None,
         limit: int = 1000) -> list[dict[str, Any]]:
    """Arms-ledger rows; with ``either`` and both countries, deals in both directions."""
    where: list[str] = []
    params: list[Any] = []
    if supplier and recipient and either:
        where.append("((supplier = ? AND recipient = ?) OR (supplier = ? AND recipient = ?))")
        params += [supplier, recipient, recipient, supplier]
    else:
        for col, value in (("supplier", supplier), ("recipient", recipient)):
            if value:
                where.append(f"{col} = ?")
                params.append(value)
    dates, date_params = text_date_filters("first_date", "last_date", since=since, until=until)
    where += dates
    params += date_params
    sql = f"SELECT * FROM arms{where_sql(where)} ORDER BY first_date NULLS LAST, supplier, recipient, weapon, status LIMIT ?"
    rows = _dicts(con.execute(sql, params + [limit]))
    for r in rows:
        for key in ("documents", "evidence"):
            if isinstance(r.get(key), str):
                r[key] = json.loads(r[key])
    return rows


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Numbers for the page header: documents, events, arms rows and the date range of the events."""
    docs = con.execute("SELECT count(*) FROM documents WHERE status = 'coded'").fetchone()
    evs = con.execute("SELECT count(*), min(date), max(date) FROM events").fetchone()
    arms_n = con.execute("SELECT count(*) FROM arms").fetchone()
    return {"documents": int(docs[0]) if docs else 0, "events": int(evs[0]) if evs else 0,
            "arms": int(arms_n[0]) if arms_n else 0, "first_date": evs[1] if evs else None,
            "last_date": evs[2] if evs else None}
