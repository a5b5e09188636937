"""Running a batch: sources -> clean documents -> coded events (-> store), with a report per document.

A document that cannot be read, is empty or is not English is reported with its reason and the batch goes on;
a document already in the store (same clean text) is reported as ``unchanged`` and not coded again.

The work is split in two so that it can run on several processes or machines (`dyads.scale`):

- `code_items` is pure: source items in, `Outcome`s out (cleaned and coded documents, or their errors), in input
  order. It needs a `Pipeline` and nothing else, so it runs in worker processes.
- `Recorder` is the one writer: it takes the outcomes in input order, groups near-duplicates, skips what the store
  already holds and writes whole documents, a few per transaction. A batch killed at any point leaves every document
  either wholly stored or absent, and a re-run codes exactly the absent ones.

`run_batch` chains both in one process; `dyads.scale.local` and `dyads.scale.cluster` run `code_items` elsewhere and
feed the same `Recorder`, so every path stores the same rows.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from dyads.errors import DocumentError
from dyads.ingest import NearDuplicateIndex, clean, iter_sources
from dyads.ingest.sources import SourceItem
from dyads.model import Document, Event
from dyads.pipeline import MAX_SENTENCE_TOKENS, Pipeline
from dyads.store import EventStore
from dyads.store.db import CodedWrite

#: Source items coded together: their candidate sentences share `nlp.pipe` batches.
CHUNK = 16
#: Coded documents the `Recorder` writes in one transaction (at most: it also writes at the end of each call).
WRITE_BATCH = 32


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


@dataclass(slots=True)
class Outcome:
    """One source item after cleaning and coding, before the store: what a worker hands back."""

    doc_id: str
    status: str
    """``coded``; ``known`` (its clean text was already stored when the batch began: not coded); or the error
    status of `DocumentError` (``failed``, ``empty``, ``skipped``)."""
    reason: str = ""
    document: Document | None = None
    events: list[Event] = field(default_factory=list)
    sentences: int = 0
    parsed: int = 0


WorkItem = SourceItem | Outcome
"""What `code_items` takes: a source item, or an outcome decided already (a read error, turned into an `Outcome`
before it crosses a process boundary: exceptions with their own constructor do not pickle)."""


def as_work_item(item: SourceItem) -> WorkItem:
    """A source item that can be sent to another process: a read error becomes its `Outcome`."""
    return Outcome(item.doc_id, item.status, item.reason) if isinstance(item, DocumentError) else item


def code_items(
    items: Iterable[WorkItem],
    *,
    pipeline: Pipeline,
    doc_date: str | None = None,
    known: Container[str] = (),
) -> list[Outcome]:
    """Clean and code source items; one `Outcome` per item, in order. Never raises for one bad document: an
    error while coding a document is that document's ``failed`` outcome. ``known``: content hashes already stored
    (their documents are cleaned, to learn the hash, but not coded)."""
    outcomes: list[Outcome] = []
    to_code: list[Outcome] = []
    for item in items:
        if isinstance(item, Outcome):
            outcomes.append(item)
            continue
        if isinstance(item, DocumentError):
            outcomes.append(Outcome(item.doc_id, item.status, item.reason))
            continue
        try:
            doc = clean(item, doc_date=doc_date)
        except DocumentError as err:
            outcomes.append(Outcome(err.doc_id, err.status, err.reason))
            continue
        except Exception as err:  # a bug or an input no reader foresaw: that document fails, the batch goes on
            outcomes.append(Outcome(item.doc_id, "failed", f"cannot clean: {type(err).__name__}: {err}"))
            continue
        outcome = Outcome(doc.doc_id, "known" if doc.content_hash in known else "coded", document=doc)
        outcomes.append(outcome)
        if outcome.status == "coded":
            to_code.append(outcome)
    try:
        coded = list(pipeline.code_many(o.document for o in to_code if o.document is not None))
    except Exception:  # find the document that broke the shared batch; code the others one by one
        coded = []
        for o in to_code:
            assert o.document is not None
            try:
                coded.append(pipeline.code(o.document))
            except Exception as err:
                o.status, o.reason = "failed", f"coding error: {type(err).__name__}: {err}"
                o.document = None
        to_code = [o for o in to_code if o.status == "coded"]
    for o, c in zip(to_code, coded):
        o.events, o.sentences, o.parsed = c.events, c.sentences, c.parsed
        if c.overlong:  # the document is coded; its report says what was left out
            o.reason = overlong_note(c.overlong, getattr(pipeline, "max_sentence_tokens", MAX_SENTENCE_TOKENS))
    return outcomes


def overlong_note(n: int, limit: int) -> str:
    """The report line of a coded document with sentences too long to parse."""
    return f"{n} sentence{'s' if n != 1 else ''} over {limit} tokens not parsed"


def chunks(items: Iterable[SourceItem], size: int = CHUNK) -> Iterator[list[WorkItem]]:
    """Consecutive lists of at most ``size`` items, read lazily (a 10 GB archive is never held)."""
    it = iter(items)
    while chunk := [as_work_item(item) for item in islice(it, size)]:
        yield chunk


class Recorder:
    """The single writer of a batch: takes outcomes in input order, decides their status against the store and
    near-duplicates, and writes whole documents, several per transaction (`EventStore.write_documents`; never part
    of a document)."""

    def __init__(self, store: EventStore | None) -> None:
        self.store = store
        #: content hashes stored (coded or duplicate) among those of the outcomes `record_many` is recording,
        #: with the documents it holds for the next write (they count as stored)
        self._stored: set[str] = set()
        self.dedup: NearDuplicateIndex | None = None
        if store is not None:
            self.dedup = NearDuplicateIndex()
            for doc_id, text in store.coded_texts():
                self.dedup.add(doc_id, text or "")

    def known_hashes(self) -> set[str]:
        """Content hashes of the documents already stored (coded or duplicate): workers need not code them."""
        if self.store is None:
            return set()
        rows = self.store.con.execute(
            "SELECT doc_key FROM documents WHERE status IN ('coded', 'duplicate')").fetchall()
        return {r[0] for r in rows}

    def record(self, o: Outcome) -> tuple[DocumentReport, list[Event]]:
        """Store one outcome (if there is a store) and return its report and the events it added."""
        [result] = self.record_many([o], batch=1)
        return result

    def record_many(self, outcomes: Iterable[Outcome], *, batch: int = WRITE_BATCH
                    ) -> Iterator[tuple[DocumentReport, list[Event]]]:
        """`record` each outcome in order, writing up to ``batch`` coded documents in one transaction
        (`EventStore.write_documents`: all of them or none). Each report is yielded once its document is stored;
        the stored rows are those of recording the outcomes one by one."""
        outcomes = list(outcomes)
        if self.store is not None:  # one query for the lot, not one per document
            self._stored = self.store.stored_documents([o.document.content_hash for o in outcomes if o.document])
        held: list[tuple[DocumentReport, list[Event]] | tuple[Outcome, None]] = []
        writes: list[CodedWrite] = []
        try:
            for o in outcomes:
                decided = self._decide(o)
                if decided is None:  # a coded document: stored with the next write
                    assert o.document is not None
                    writes.append(CodedWrite(o.document, o.events, o.sentences, o.parsed))
                    self._stored.add(o.document.content_hash)
                    held.append((o, None))
                else:
                    held.append(decided)
                if len(writes) >= batch:
                    yield from self._flush(held, writes)
                    held, writes = [], []
            yield from self._flush(held, writes)
        finally:
            self._stored = set()

    def _flush(self, held: list[tuple[DocumentReport, list[Event]] | tuple[Outcome, None]],
               writes: list[CodedWrite]) -> Iterator[tuple[DocumentReport, list[Event]]]:
        """Write the held coded documents, then yield the held reports in order."""
        stored = iter(self._write(writes))
        for first, second in held:
            if isinstance(first, Outcome):
                doc = first.document
                assert doc is not None
                yield (DocumentReport(doc.doc_id, "coded", first.reason, next(stored), doc.date, doc.date_source),
                       first.events)
            else:
                assert second is not None
                yield first, second

    def _write(self, writes: list[CodedWrite]) -> list[int]:
        """Store coded documents in one transaction; the events stored for each. If that fails, they are written
        one by one, so that those before the failing one are stored and its error is raised, as unbatched."""
        if self.store is None:
            return [len(w.events) for w in writes]
        if not writes:
            return []
        try:
            return self.store.write_documents(writes)
        except Exception:
            return [self.store.write_document(w.document, w.events, n_sentences=w.n_sentences,
                                              n_parsed=w.n_parsed) for w in writes]

    def _decide(self, o: Outcome) -> tuple[DocumentReport, list[Event]] | None:
        """The report of an outcome that is not a new coded document (writing its record now), or None for a
        coded document that the caller must store."""
        store, doc = self.store, o.document
        if doc is None:
            if store is not None:
                store.write_failure(o.doc_id, o.status, o.reason)
            return DocumentReport(o.doc_id, o.status, o.reason), []
        group = self.dedup.add(doc.doc_id, doc.text) if self.dedup is not None else doc.doc_id
        if store is not None and doc.content_hash in self._stored:
            return DocumentReport(doc.doc_id, "unchanged", "already in the database", 0, doc.date,
                                  doc.date_source), []
        if o.status == "known":  # stored when the batch began, gone now: it was never coded here
            reason = "was in the database when the batch began, and is not now; ingest it again"
            if store is not None:
                store.write_failure(doc.doc_id, "failed", reason)
            return DocumentReport(doc.doc_id, "failed", reason), []
        if store is not None and group != doc.doc_id:
            doc.duplicate_of = group
            store.write_duplicate(doc)
            self._stored.add(doc.content_hash)
            return DocumentReport(doc.doc_id, "duplicate", f"near-duplicate of {group}", 0, doc.date,
                                  doc.date_source), []
        return None


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
    copies are recorded with their URL as duplicates of the first. Documents are coded `CHUNK` at a time, so that
    their sentences share parser batches; each is stored before its report is yielded.
    """
    recorder = Recorder(store)
    known = recorder.known_hashes()
    for chunk in chunks(iter_sources(paths)):
        outcomes = code_items(chunk, pipeline=pipeline, doc_date=doc_date, known=known)
        for report, events in recorder.record_many(outcomes):
            if on_document is not None:
                on_document(report)
            yield report, events
