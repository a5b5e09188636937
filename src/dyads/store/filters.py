"""SQL filters over stored events, shared by every reader of the store (`Dataset`, `EventStore.events`, exports).

Actor filters match a country (``FRA``) or an actor-code prefix (``FRAGOV``); ``since``/``until`` take ``YYYY``,
``YYYY-MM`` or ``YYYY-MM-DD`` and are matched against each event's date interval, so "2023-05" finds an event dated
"May 2023" and one dated 2023-05-14. Every value is a bound parameter, never pasted into the SQL.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from dyads.store.merge import date_bounds


def actor_match(side: str, value: str, prefix: str = "") -> tuple[str, list[Any]]:
    """``side`` (source/target) is the country ``value`` or has an actor code starting with it."""
    v = value.upper()
    return f"({prefix}{side}_country = ? OR starts_with({prefix}{side}_code, ?))", [v, v]


def event_filters(*, source: str | None = None, target: str | None = None, since: str | None = None,
                  until: str | None = None, root: str | None = None, code: str | None = None,
                  plover: str | None = None, modality: str | None = None,
                  prefix: str = "") -> tuple[list[str], list[Any]]:
    """WHERE conditions and their parameters for the given filters (``prefix``: a table alias such as ``e.``);
    a date that is not YYYY[-MM[-DD]] raises ValueError."""
    where: list[str] = []
    params: list[Any] = []
    for side, value in (("source", source), ("target", target)):
        if value:
            clause, ps = actor_match(side, value, prefix)
            where.append(clause)
            params += ps
    if since:
        where.append(f"{prefix}date_end >= ?")
        params.append(date_bound(since, 0))
    if until:
        where.append(f"{prefix}date_start <= ?")
        params.append(date_bound(until, 1))
    if root:
        where.append(f"{prefix}cameo_root = ?")
        params.append(root.zfill(2))
    if code:
        where.append(f"starts_with({prefix}cameo, ?)")
        params.append(code)
    if plover:
        where.append(f"{prefix}plover = ?")
        params.append(plover.upper())
    if modality:
        where.append(f"{prefix}modality = ?")
        params.append(modality.lower())
    return where, params


def text_date_filters(first: str, last: str, *, since: str | None = None,
                      until: str | None = None) -> tuple[list[str], list[Any]]:
    """Interval filters for rows whose dates are ``YYYY[-MM[-DD]]`` text columns (the arms ledger's first and last
    dates): a row dated "2023" overlaps "since 2023-05" just as an event dated May 2023 does."""
    where: list[str] = []
    params: list[Any] = []
    if since:  # the latest day the row may cover: "2023" -> "2023-12-31", "2023-05" -> "2023-05-31" (as text)
        where.append(f"(CASE length(coalesce({last}, {first})) WHEN 4 THEN coalesce({last}, {first}) || '-12-31'"
                     f" WHEN 7 THEN coalesce({last}, {first}) || '-31' ELSE coalesce({last}, {first}) END) >= ?")
        params.append(date_bound(since, 0).isoformat())
    if until:
        where.append(f"{first} <= ?")
        params.append(date_bound(until, 1).isoformat())
    return where, params


def date_bound(text: str, which: int) -> date:
    """The first (``which`` 0) or last (1) day of a YYYY, YYYY-MM or YYYY-MM-DD period."""
    bounds = date_bounds(text.strip(), None)
    if bounds[which] is None:
        raise ValueError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return bounds[which]  # type: ignore[return-value]


def merged_only(where: list[str], params: list[Any], *, q: str | None, min_documents: int | None) -> None:
    """The filters only merged events have: words in any source sentence, and a least number of documents."""
    if q:
        where.append("merged_id IN (SELECT s.merged_id FROM event_sources s JOIN events e USING (event_id)"
                     " WHERE contains(lower(e.sentence), lower(?)))")
        params.append(q)
    if min_documents:
        where.append("n_documents >= ?")
        params.append(int(min_documents))


def where_sql(where: list[str]) -> str:
    """" WHERE a AND b", or nothing when there is no condition."""
    return " WHERE " + " AND ".join(where) if where else ""


def page_sql(limit: int | None, offset: int, params: list[Any]) -> str:
    """LIMIT/OFFSET clauses, their values appended to ``params``."""
    sql = ""
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    if offset:
        sql += " OFFSET ?"
        params.append(int(offset))
    return sql
