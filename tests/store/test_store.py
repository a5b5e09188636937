"""The DuckDB store on a real file: idempotent writes, filters, failures recorded."""

from __future__ import annotations

import duckdb

from dyads.model import Actor, Document, Event
from dyads.store import EventStore
from dyads.store.schema import SCHEMA_VERSION


def _event(doc: str, source: str, target: str, cameo: str, date: str, index: int = 0) -> Event:
    return Event(
        doc=doc, sentence=f"{source} did {cameo} to {target}.", sentence_index=index, span=(0, 20), date=date,
        date_precision="day", source=Actor(code=source, country=source[:3], role=source[3:] or None),
        target=Actor(code=target, country=target[:3]), cameo=cameo, cameo_name="x", plover="AID",
        goldstein=7.0, confidence=0.8, rule="test", trigger="did",
    )


def _doc(doc_id: str, text: str) -> Document:
    return Document(doc_id=doc_id, text=text, date="2023-03-05", content_hash=text[:16].encode().hex()[:16])


def test_writing_the_same_document_twice_adds_nothing(tmp_path):
    db = tmp_path / "events.duckdb"
    doc = _doc("a.txt", "China sent Pakistan fighters.")
    events = [_event("a.txt", "CHNGOV", "PAK", "072", "2023-03-03")]
    with EventStore(db) as store:
        store.write_document(doc, events, n_sentences=1, n_parsed=1)
        store.write_document(doc, events, n_sentences=1, n_parsed=1)
        assert store.counts() == {"documents": 1, "events": 1}
        assert store.has_document(doc.content_hash)
    with EventStore(db) as store:  # reopening keeps the data and does not migrate again
        assert store.counts() == {"documents": 1, "events": 1}
        assert store.con.execute("SELECT max(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION


def test_filters_by_country_code_prefix_date_and_root(tmp_path):
    with EventStore(tmp_path / "e.duckdb") as store:
        store.write_document(_doc("a", "first text here"), [
            _event("a", "CHNGOV", "PAK", "0332", "2023-03-03", 0),
            _event("a", "CHN", "USA", "111", "2021-05-01", 1),
            _event("a", "PAKMIL", "IND", "190", "2022-07-09", 2),
        ], n_sentences=3, n_parsed=3)
        assert [e["cameo"] for e in store.events(source="CHN")] == ["111", "0332"]
        assert [e["cameo"] for e in store.events(source="CHNGOV")] == ["0332"]
        assert [e["cameo"] for e in store.events(source="CHN", target="PAK", since="2022-01-01", code="03")] == ["0332"]
        assert [e["cameo"] for e in store.events(until="2022")] == ["111", "190"]
        rec = store.events(target="IND")[0]
        assert rec["source"]["code"] == "PAKMIL" and rec["span"] == [0, 20] and rec["quantities"] == []


def test_failures_are_recorded_once_per_name(tmp_path):
    with EventStore(tmp_path / "e.duckdb") as store:
        store.write_failure("bad.bin", "failed", "binary file (PNG)")
        store.write_failure("bad.bin", "failed", "binary file (PNG)")
        rows = store.documents()
        assert [(r["doc_id"], r["status"]) for r in rows] == [("bad.bin", "failed")]


def test_a_failed_write_leaves_nothing_half_done(tmp_path):
    db = tmp_path / "e.duckdb"
    with EventStore(db) as store:
        doc = _doc("a", "some text to hash")
        bad = _event("a", "CHN", "PAK", "072", "2023-01-01")
        object.__setattr__(bad, "sentence", None)  # violates NOT NULL inside the transaction
        try:
            store.write_document(doc, [bad], n_sentences=1, n_parsed=1)
        except duckdb.Error:
            pass
        assert store.counts() == {"documents": 0, "events": 0}


def test_schema_version_is_the_newest_migration():
    from dyads.store.schema import MIGRATIONS

    assert SCHEMA_VERSION == max(MIGRATIONS)


def test_the_event_clause_is_stored_for_the_arms_ledger(tmp_path, pipeline):
    """The ledger reads deal-status cues from the event's own clause, so the store must keep it."""
    from dyads.model import Document
    from dyads.store import EventStore

    doc = Document(doc_id="a", text="Peru will buy 24 Gripen fighters, a year after it cancelled an order for MiG-29 "
                   "jets.", date="2024-05-02")
    events = pipeline.code(doc).events
    with EventStore(tmp_path / "e.duckdb") as store:
        store.write_document(doc, events, n_sentences=1, n_parsed=1)
        store.refresh_arms()
        rows = {(r["supplier"], r["recipient"], r["status"]) for r in store.arms()}
    assert ("SWE", "PER", "cancelled") not in rows
    assert any(s == "SWE" and r == "PER" for s, r, _ in rows)
