"""A small corpus for the scale-out tests and the rows a single process stores for it."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

DEMO = Path(__file__).resolve().parents[2] / "src" / "dyads" / "data" / "demo"
FILES = ["01-egypt-sudan-dam-talks.txt", "05-pakistan-orders-j10c.txt", "06-islamabad-signs-j10c-contract.scraped.txt",
         "12-sudan-rivals-sign-jeddah-declaration.html", "21-serbia-signs-rafale-deal.html",
         "22-belgrade-buys-french-warplanes.txt"]


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six demo articles, an exact copy of one (stored once), a binary file and an empty one (failures)."""
    folder = tmp_path_factory.mktemp("corpus")
    for name in FILES:
        shutil.copy(DEMO / name, folder / name)
    shutil.copy(DEMO / FILES[0], folder / "01b-copy.txt")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.txt").write_text("   \n")
    return folder


def db_rows(path: Path) -> dict[str, Any]:
    """Everything a batch decides, per table, as sets (ingest times left out)."""
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        events = con.execute("SELECT * FROM events").fetchall()
        docs = con.execute("SELECT doc_key, doc_id, url, title, date, date_source, language, status, reason, text,"
                           " n_sentences, n_parsed, n_events, duplicate_of FROM documents").fetchall()
    finally:
        con.close()
    return {"events": set(events), "documents": set(docs)}


@pytest.fixture(scope="session")
def single_rows(small_corpus: Path, pipeline, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from dyads.batch import run_batch
    from dyads.store import EventStore

    db = tmp_path_factory.mktemp("single") / "single.duckdb"
    with EventStore(db) as store:
        reports = [r for r, _ in run_batch([str(small_corpus)], pipeline=pipeline, store=store)]
    assert {r.status for r in reports} == {"coded", "unchanged", "failed", "empty"}
    return db_rows(db)
