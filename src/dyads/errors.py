"""The errors dyads raises, in one hierarchy.

    DyadsError
    ├── DocumentError        one document could not be read or cleaned (carries ``doc_id``)
    │   ├── UnreadableDocument   missing, unreadable, binary or undecodable input
    │   ├── EmptyDocument        no text left after cleaning
    │   └── SkippedDocument      readable but out of scope (e.g. not English); recorded, not coded
    ├── DataTableError       a shipped or user data table is malformed (carries file and line)
    └── StoreError           the database could not be opened or written

A batch catches `DocumentError` per document, records it and carries on; everything else is a real failure.
"""

from __future__ import annotations


class DyadsError(Exception):
    """Base class of every error dyads raises on purpose."""


class DocumentError(DyadsError):
    """A single document failed; the batch it belongs to goes on."""

    status = "failed"

    def __init__(self, doc_id: str, reason: str) -> None:
        super().__init__(f"{doc_id}: {reason}")
        self.doc_id = doc_id
        self.reason = reason


class UnreadableDocument(DocumentError):
    """The bytes could not be read or decoded as text."""


class EmptyDocument(DocumentError):
    """Nothing codable was left after cleaning."""

    status = "empty"


class SkippedDocument(DocumentError):
    """Readable, but deliberately not coded (for example: not English)."""

    status = "skipped"


class DataTableError(DyadsError):
    """A TSV/YAML data table has a malformed row."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class StoreError(DyadsError):
    """The event store could not be opened or written."""
