"""Running a batch: sources -> clean documents -> coded events (-> store), with a report per document.

A document that cannot be read, is empty or is not English is reported with its reason and the batch goes on;
a document already in the store (same clean text) is reported as ``unchanged`` and not coded again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from dyads.errors import DocumentError
from dyads.ingest import NearDuplicateIndex, clean, iter_sources
from dyads.model import Event
from dyads.pipeline import Pipeline
from dyads.store import EventStore


@dataclass(frozen=True, slots=True)
class DocumentReport:
    doc_id: str
    status: str
    """``coded``, ``unchanged`` (already stored), ``duplicate`` (a near-copy of a stored story), ``failed``,
    ``empty`` or ``skipped``."""
    reason: str = ""
    events: int = 0
    date: str | None = None
    date_source: str = "unknown"


@dataclass(slots=True)
class BatchReport:
    documents: list[DocumentReport] = field(default_factory=list)

    @property
    def failed(self) -> list[DocumentReport]:
        return [d for d in self.documents if d.status == "failed"]

    def count(self, status: str) -> int:
        return sum(1 for d in self.documents if d.status == status)

    @property
    def events(self) -> int:
        return sum(d.events for d in self.documents)


def run_batch(
    paths: Iterable[str],
    *,
    pipeline: Pipeline,
    store: EventStore | None = None,
    doc_date: str | None = None,
    on_document: Callable[[DocumentReport], None] | None = None,
) -> Iterator[tuple[DocumentReport, list[Event]]]:
    """Code every document under ``paths``; yield each document's report and events (stored if ``store``).

    With a store, near-duplicates (the same story on several sites, `NearDuplicateIndex`) are coded once: later
    copies are recorded with their URL as duplicates of the first.
    """
    dedup: NearDuplicateIndex | None = None
    if store is not None:
        dedup = NearDuplicateIndex()
        for doc_id, text in store.coded_texts():
            dedup.add(doc_id, text or "")
    for item in iter_sources(paths):
        if isinstance(item, DocumentError):
            report = DocumentReport(item.doc_id, item.status, item.reason)
            if store is not None:
                store.write_failure(item.doc_id, item.status, item.reason)
            events: list[Event] = []
        else:
            try:
                doc = clean(item, doc_date=doc_date)
            except DocumentError as err:
                report = DocumentReport(err.doc_id, err.status, err.reason)
                if store is not None:
                    store.write_failure(err.doc_id, err.status, err.reason)
                events = []
            else:
                group = dedup.add(doc.doc_id, doc.text) if dedup is not None else doc.doc_id
                if store is not None and store.has_document(doc.content_hash):
                    report = DocumentReport(doc.doc_id, "unchanged", "already in the database", 0, doc.date,
                                            doc.date_source)
                    events = []
                elif store is not None and group != doc.doc_id:
                    doc.duplicate_of = group
                    store.write_duplicate(doc)
                    report = DocumentReport(doc.doc_id, "duplicate", f"near-duplicate of {group}", 0, doc.date,
                                            doc.date_source)
                    events = []
                else:
                    coded = pipeline.code(doc)
                    events = coded.events
                    stored = len(events)
                    if store is not None:
                        stored = store.write_document(doc, events, n_sentences=coded.sentences, n_parsed=coded.parsed)
                    report = DocumentReport(doc.doc_id, "coded", "", stored, doc.date, doc.date_source)
        if on_document is not None:
            on_document(report)
        yield report, events
