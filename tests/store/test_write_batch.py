"""`EventStore.write_documents`: several whole documents per transaction, the same rows as one at a time."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import duckdb
import pytest
from store_helpers import make_doc, make_event

from dyads.model import Actor, Document, Event
from dyads.store import EventStore
from dyads.store.db import EVENT_COLUMNS, CodedWrite, _event_row
from dyads.store.schema import BLOCK_KEY


def _reference_write(store: EventStore, doc: Document, events: list[Event], n_sentences: int, n_parsed: int) -> None:
    """The plain per-document write (one statement per row, merge blocks found in SQL): what a batch must equal."""
    key, con = doc.content_hash, store.con
    rows = {r[0]: r for r in (_event_row(key, e) for e in events)}
    mark = f"INSERT INTO merge_dirty SELECT DISTINCT {BLOCK_KEY} FROM events WHERE doc_key = ?"
    con.execute("BEGIN TRANSACTION")
    con.execute(mark, [key])
    con.execute("DELETE FROM events WHERE doc_key = ?", [key])
    con.execute("DELETE FROM documents WHERE doc_key = ?", [key])
    con.execute("INSERT INTO documents (doc_key, doc_id, url, title, author, site, date, date_source, language,"
                " status, reason, text, n_sentences, n_parsed, n_events) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [key, doc.doc_id, doc.url, doc.title, doc.author, doc.site, doc.date, doc.date_source, doc.language,
                 "coded", None, doc.text, n_sentences, n_parsed, len(rows)])
    if rows:
        con.executemany(f"INSERT INTO events ({','.join(EVENT_COLUMNS)}) VALUES ({','.join('?' * len(EVENT_COLUMNS))})",
                        list(rows.values()))
        con.execute(mark, [key])
    con.execute("COMMIT")


def _corpus() -> list[tuple[Document, list[Event]]]:
    odd = make_event("c", "IGOUNO", None, "042", None, precision="unknown", index=3)
    no_country = odd.model_copy(update={"source": Actor(code="IGOUNO", country=None)})
    blank_country = odd.model_copy(update={"source": Actor(code="XYZ", country=""), "sentence_index": 4})
    return [
        (make_doc("a"), [make_event("a", "CHNGOV", "PAK", "072", "2023-03-03"),
                         make_event("a", "CHN", "USA", "111", "2021-05", precision="month", index=1,
                                    weapons=("J-10C",))]),
        (make_doc("b"), []),
        (make_doc("c"), [no_country, blank_country]),
        (make_doc("d"), [make_event("d", "PAKMIL", "IND", "190", "2022-07-09", index=2)]),
    ]


def _rows(db: Path) -> dict[str, list[Any]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "documents": sorted(con.execute("SELECT * EXCLUDE (ingested_at) FROM documents").fetchall()),
            "events": sorted(con.execute("SELECT * FROM events").fetchall()),
            "dirty": sorted(set(con.execute("SELECT * FROM merge_dirty").fetchall())),
            "order": [r[0] for r in con.execute("SELECT doc_id FROM documents ORDER BY ingested_at").fetchall()],
        }
    finally:
        con.close()


def _open(db: Path) -> EventStore:
    return EventStore(db)


def test_a_batch_stores_what_single_writes_store(tmp_path: Path) -> None:
    single, batched = tmp_path / "single.duckdb", tmp_path / "batched.duckdb"
    corpus = _corpus()
    store = _open(single)
    for doc, events in corpus:
        _reference_write(store, doc, events, len(events) + 1, len(events))
    store.con.close()  # without settling the merge: merge_dirty is compared too
    store = _open(batched)
    counts = store.write_documents([CodedWrite(d, e, len(e) + 1, len(e)) for d, e in corpus[:3]])
    counts += store.write_documents([CodedWrite(d, e, len(e) + 1, len(e)) for d, e in corpus[3:]])
    store.con.close()
    assert counts == [len(e) for _, e in corpus]
    assert _rows(batched) == _rows(single)
    assert _rows(batched)["order"] == ["a", "b", "c", "d"]  # stored in the order written


def test_rewriting_documents_in_a_batch_replaces_them_and_marks_their_old_blocks(tmp_path: Path) -> None:
    single, batched = tmp_path / "single.duckdb", tmp_path / "batched.duckdb"
    doc = make_doc("a")
    first = [make_event("a", "CHNGOV", "PAK", "072", "2023-03-03")]
    second = [make_event("a", "RUS", "UKR", "190", "2023-03-04")]
    store = _open(single)
    for events in (first, second, first):
        _reference_write(store, doc, events, 1, 1)
    store.con.close()
    store = _open(batched)
    store.write_documents([CodedWrite(doc, first, 1, 1)])
    store.con.execute("DELETE FROM merge_dirty")
    assert store.write_documents([CodedWrite(doc, second, 1, 1), CodedWrite(doc, first, 1, 1)]) == [1, 1]
    store.con.close()
    got, want = _rows(batched), _rows(single)
    assert got["documents"] == want["documents"] and got["events"] == want["events"]
    assert set(got["dirty"]) == {("CHN", "PAK", "07")}  # the replaced rows' block and the new one (the same)


def test_a_failure_inside_a_batch_leaves_no_document_of_it(tmp_path: Path) -> None:
    db = tmp_path / "e.duckdb"
    corpus = _corpus()
    bad = make_event("d", "CHN", "PAK", "072", "2023-01-01")
    object.__setattr__(bad, "sentence", None)  # violates NOT NULL inside the transaction
    with EventStore(db) as store:
        store.write_documents([CodedWrite(corpus[0][0], corpus[0][1], 2, 2)])
        before = _rows_of(store)
        with pytest.raises(duckdb.Error):
            store.write_documents([CodedWrite(corpus[0][0], [], 1, 1), CodedWrite(corpus[2][0], corpus[2][1], 2, 2),
                                   CodedWrite(make_doc("d"), [bad], 1, 1)])
        assert _rows_of(store) == before  # "a" not replaced, "c" not stored, nothing of "d"
        assert store.counts() == {"documents": 1, "events": 2}


def _rows_of(store: EventStore) -> tuple[list[Any], list[Any], list[Any]]:
    con = store.con
    return (sorted(con.execute("SELECT * FROM documents").fetchall()),
            sorted(con.execute("SELECT * FROM events").fetchall()),
            sorted(con.execute("SELECT * FROM merge_dirty").fetchall()))


def test_the_recorder_writes_in_batches_what_it_wrote_one_by_one(tmp_path: Path) -> None:
    from dyads.batch import Outcome, Recorder

    def outcomes() -> list[Outcome]:
        out = [Outcome(d.doc_id, "coded", document=d, events=e, sentences=3, parsed=len(e)) for d, e in _corpus()]
        out.insert(2, Outcome("broken.bin", "failed", "binary file"))
        again = dataclasses.replace(make_doc("a"), doc_id="again")  # the same clean text under another name
        out.append(Outcome("again", "coded", document=again, events=[], sentences=3, parsed=0))
        return out

    reports = {}
    for name, batch in (("one", 1), ("many", 3)):
        with EventStore(tmp_path / f"{name}.duckdb") as store:
            recorder = Recorder(store)
            reports[name] = [(r.doc_id, r.status, r.events) for r, _ in recorder.record_many(outcomes(), batch=batch)]
    assert reports["many"] == reports["one"]
    assert [s for _, s, _ in reports["one"]] == ["coded", "coded", "failed", "coded", "coded", "unchanged"]
    one, many = _rows(tmp_path / "one.duckdb"), _rows(tmp_path / "many.duckdb")
    assert one["documents"] == many["documents"] and one["events"] == many["events"]
    coded = [d for d in one["order"] if d != "broken.bin"]  # failure records are not ordered with the documents
    assert coded == ["a", "b", "c", "d"] and [d for d in many["order"] if d != "broken.bin"] == coded
