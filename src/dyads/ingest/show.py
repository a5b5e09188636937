"""What ``dyads text PATH`` shows: one cleaned document and how it was cleaned, as plain JSON-able data.

The CLI only prints the dictionary (``json.dumps(describe(raw, doc), ensure_ascii=False, indent=2)``), so
the view can be tested without a terminal and other front ends can show the same thing.
"""

from __future__ import annotations

from typing import Any

from dyads.model import Document, RawDocument

DESCRIPTION_KEYS = (
    "doc_id", "kind", "title", "date", "date_source", "language", "url", "site", "author", "content_hash",
    "body", "removed",
)
"""The keys of `describe`'s result, in order."""


def describe(raw: RawDocument, doc: Document) -> dict[str, Any]:
    """Describe a cleaned document: its metadata, clean body and the lines the cleaner removed, with reasons.

    ``raw`` is the document as the source gave it (for its ``kind``: ``html``, ``text`` or ``record``),
    ``doc`` what `dyads.ingest.clean` made of it. Values are strings, None, or (``removed``) a list of
    ``{"text", "reason"}`` objects in the order the lines were removed; keys are `DESCRIPTION_KEYS`.

    >>> raw = RawDocument("a.txt", b"Talks resumed.", "text")
    >>> view = describe(raw, Document("a.txt", "Talks resumed.", language="en", content_hash="ab12"))
    >>> view["body"], view["kind"], view["removed"]
    ('Talks resumed.', 'text', [])
    """
    return {
        "doc_id": doc.doc_id,
        "kind": raw.kind,
        "title": doc.title,
        "date": doc.date,
        "date_source": doc.date_source,
        "language": doc.language,
        "url": doc.url,
        "site": doc.site,
        "author": doc.author,
        "content_hash": doc.content_hash,
        "body": doc.text,
        "removed": [{"text": line.text, "reason": line.reason} for line in doc.removed],
    }
