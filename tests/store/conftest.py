"""Fixtures for the store tests: hand-made events written to real DuckDB files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from store_helpers import make_doc

from dyads.model import Event
from dyads.store import EventStore

Writer = Callable[[Path, list[tuple[str, list[Event]]]], None]


@pytest.fixture
def write_docs() -> Writer:
    """Write ``[(doc_id, events)]`` to a database file, one document per transaction, then close (settles merge)."""

    def write(db: Path, docs: list[tuple[str, list[Event]]]) -> None:
        with EventStore(db) as store:
            for doc_id, events in docs:
                store.write_document(make_doc(doc_id, url=f"https://example.org/{doc_id}"), events,
                                     n_sentences=len(events), n_parsed=len(events))

    return write
