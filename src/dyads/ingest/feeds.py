"""RSS and Atom feed files: one `RawDocument` per entry.

Only files are read: the bytes go to feedparser as a stream, so nothing named in the feed (its own URL, links,
enclosures) is ever fetched. feedparser reads RSS 0.9x/1.0/2.0 and Atom, works out the encoding, and
sanitises entry HTML (scripts, styles and event handlers are dropped).

Each entry gives: its title; its link as ``url``; its published (else updated) date as ``date``, in ISO
format with the feed's own UTC offset, so a story published at 23:30 in New York keeps its New York date; and
its full content (Atom ``content``, RSS ``content:encoded``), else its summary (``description``), as the
document's text, kind ``html`` when it holds markup, else ``text``.
"""

from __future__ import annotations

import calendar
import html
import io
import re
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin

import feedparser  # type: ignore[import-untyped]

from dyads.errors import DocumentError, EmptyDocument, UnreadableDocument
from dyads.model import RawDocument

FEED_SUFFIXES = frozenset({".rss", ".atom"})
_FEED_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)\s*)*<(?:rss|feed|rdf:RDF)\b",
    re.IGNORECASE | re.DOTALL,
)
_MARKUP = re.compile(r"<[A-Za-z][^<>]*>|</[A-Za-z][^<>]*>")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
SNIFF_BYTES = 2048


def looks_like_feed(data: bytes) -> bool:
    """True when a file starts (after the XML declaration, comments and a doctype) with an RSS, RDF or Atom
    root element.

    >>> looks_like_feed(b'<?xml version="1.0"?>\\n<rss version="2.0"><channel/></rss>')
    True
    """
    return bool(_FEED_START.match(data[:SNIFF_BYTES]))


def has_markup(text: str) -> bool:
    """True when a text holds HTML tags.

    >>> has_markup("<p>Talks resumed.</p>"), has_markup("Egypt < Ethiopia in output")
    (True, False)
    """
    return bool(_MARKUP.search(text))


def entry_date(entry: Mapping[str, Any]) -> str | None:
    """The entry's published (else updated) date as ISO 8601, keeping the feed's UTC offset.

    The feed's own string is read as RFC 822 (RSS) or ISO 8601 / RFC 3339 (Atom); feedparser's parsed form,
    which it converts to UTC, is the fallback for the other forms it understands.

    >>> entry_date({"published": "Fri, 14 Jun 2024 23:30:00 -0500"})
    '2024-06-14T23:30:00-05:00'
    """
    for field in ("published", "updated"):
        raw = entry.get(field)
        if isinstance(raw, str) and raw.strip():
            iso = feed_date_iso(raw.strip())
            if iso is not None:
                return iso
        struct = entry.get(f"{field}_parsed")
        if struct:
            return datetime.fromtimestamp(calendar.timegm(struct), UTC).isoformat()
    return None


def feed_date_iso(raw: str) -> str | None:
    """An RFC 822 or ISO 8601 date string in ISO form (a bare date stays a bare date), or None.

    >>> feed_date_iso("2024-06-14"), feed_date_iso("2024-06-14T22:00:00Z"), feed_date_iso("soon")
    ('2024-06-14', '2024-06-14T22:00:00+00:00', None)
    """
    try:
        return parsedate_to_datetime(raw).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return date.fromisoformat(raw).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(raw).isoformat()
    except ValueError:
        return None


def entry_title(entry: Mapping[str, Any]) -> str | None:
    """The entry's title as plain text (an HTML-typed title loses its tags and entities)."""
    title = entry.get("title")
    if not isinstance(title, str) or not title.strip():
        return None
    detail = entry.get("title_detail") or {}
    if detail.get("type") in _HTML_TYPES:
        title = html.unescape(_MARKUP.sub("", title))
    return " ".join(title.split())


def entry_body(entry: Mapping[str, Any]) -> str:
    """The longest content block of the entry, else its summary; empty when it has neither."""
    contents = [block.get("value") or "" for block in entry.get("content") or ()]
    body = max(contents, key=len, default="")
    if not body.strip():
        body = entry.get("summary") or ""
    return body.strip()


def entry_doc_id(path: str, number: int, entry: Mapping[str, Any]) -> str:
    """``<file>#<entry id>``, else ``<file>#<link>``, else ``<file>#<number>`` (1-based)."""
    key = entry.get("id") or entry.get("link") or str(number)
    return f"{path}#{key}"


def entry_document(path: str, number: int, entry: Mapping[str, Any], *,
                   site: str | None = None) -> RawDocument | DocumentError:
    """Turn one feed entry into a document, or an `EmptyDocument` when it has no content or summary.

    A relative link is resolved against ``site``, the feed's own link, when there is one.
    """
    doc_id = entry_doc_id(path, number, entry)
    body = entry_body(entry)
    if not body:
        return EmptyDocument(doc_id, f"entry {number} of {path} has no content or summary")
    link = entry.get("link") or None
    if link and site:
        link = urljoin(site, link)
    fields: dict[str, Any] = {"url": link, "title": entry_title(entry), "date": entry_date(entry)}
    if has_markup(body):
        return RawDocument(doc_id, body.encode("utf-8"), "html", html=body, **fields)
    return RawDocument(doc_id, body.encode("utf-8"), "text", **fields)


def iter_feed(path: str, data: bytes) -> Iterator[RawDocument | DocumentError]:
    """Yield one document per entry of an RSS or Atom file, in feed order.

    A file feedparser cannot read as a feed (no entries and a parse error) yields one `UnreadableDocument`;
    a feed with small flaws that still gives entries yields them. An entry with no content and no summary
    yields an `EmptyDocument`.
    """
    parsed = feedparser.parse(io.BytesIO(data))
    if parsed.bozo and not parsed.entries:
        problem = parsed.get("bozo_exception")
        yield UnreadableDocument(path, f"not a readable feed: {problem}" if problem else "not a readable feed")
        return
    site = parsed.feed.get("link") or None
    for number, entry in enumerate(parsed.entries, start=1):
        yield entry_document(path, number, entry, site=site)
