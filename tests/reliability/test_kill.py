"""``kill -9`` during `dyads ingest`, at random points, 20 times: the database always opens, every committed document
is complete (its events all there, none without their document), and a re-run finishes the batch with exactly the
events, documents and merged events of a clean run.

The trials form lineages: each killed run's database is what the next run starts from, so a re-run can itself be
killed at a random point; every fifth trial the lineage is run to completion and compared with the clean run (a run
that finished before its kill time is compared at once), then a fresh database starts. Kill times are drawn between
55 % and 100 % of a clean run's wall time (the first part of a run loads the model and writes nothing); the seed is
in every failure message, and ``-s`` prints each trial's outcome.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from dyads.tables import data_path

TRIALS = 20
LINEAGE = 5

CASES = [("Pakistan", "India", "attacked"), ("Japan", "China", "protested to"), ("Turkey", "Greece", "warned"),
         ("Egypt", "Sudan", "signed a pact with"), ("France", "Mali", "expelled the ambassador of"),
         ("Russia", "Ukraine", "shelled"), ("Germany", "Poland", "praised"), ("Iran", "Iraq", "accused"),
         ("Brazil", "Argentina", "met"), ("Kenya", "Somalia", "threatened"), ("Norway", "Sudan", "sent aid to"),
         ("Chile", "Peru", "criticised"), ("Qatar", "Israel", "mediated with"), ("Serbia", "Kosovo", "condemned"),
         ("Vietnam", "China", "rejected claims by"), ("Canada", "India", "expelled a diplomat of")]


def _corpus(root: Path) -> Path:
    """Eight demo articles and a JSONL file of short reports: several chunks, so commits spread over the run."""
    root.mkdir()
    demo = sorted(p for p in data_path("demo").iterdir() if p.suffix in (".txt", ".html"))[:8]
    for p in demo:
        (root / p.name).write_bytes(p.read_bytes())
    with (root / "wire.jsonl").open("w") as fh:
        for i, (a, b, verb) in enumerate(CASES * 2):
            day = 1 + i % 27
            fh.write(json.dumps({"id": f"w{i:02d}", "date": f"2023-04-{day:02d}",
                                 "text": f"{a} {verb} {b} on {['Monday', 'Tuesday'][i // len(CASES)]}, "
                                         f"officials said in report {i}."}) + "\n")
    return root


def _ingest(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "dyads", "ingest", str(corpus), "--db", str(db), "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _state(db: Path) -> dict[str, set[tuple[str, ...]]]:
    """What a database holds that a run must reproduce: documents, events, merged events and their sources."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        def rows(sql: str) -> set[tuple[str, ...]]:
            return {tuple(str(v) for v in r) for r in con.execute(sql).fetchall()}
        return {
            "documents": rows("SELECT doc_key, doc_id, status FROM documents"),
            "events": rows("SELECT event_id, doc_key FROM events"),
            "merged": rows("SELECT merged_id, n_mentions FROM merged_events"),
            "sources": rows("SELECT event_id, merged_id FROM event_sources"),
        }
    finally:
        con.close()


def _check_committed(db: Path, why: str) -> tuple[int, int]:
    """The database opens (read-only, as a reader would) and every coded document is whole; returns (documents
    coded, events)."""
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as err:
        pytest.fail(f"{why}: the database does not open after kill -9: {err}")
    try:
        incomplete = con.execute("""
            SELECT d.doc_id, d.n_events, count(e.event_id) FROM documents d LEFT JOIN events e USING (doc_key)
            WHERE d.status = 'coded' GROUP BY ALL HAVING count(e.event_id) <> d.n_events""").fetchall()
        orphans = con.execute("""SELECT count(*) FROM events e WHERE NOT EXISTS
            (SELECT 1 FROM documents d WHERE d.doc_key = e.doc_key AND d.status = 'coded')""").fetchone()
        coded = con.execute("SELECT count(*) FROM documents WHERE status = 'coded'").fetchone()
        events = con.execute("SELECT count(*) FROM events").fetchone()
    finally:
        con.close()
    assert not incomplete, f"{why}: documents stored without all their events: {incomplete}"
    assert orphans == (0,), f"{why}: events stored without their document: {orphans}"
    return int(coded[0]), int(events[0])  # type: ignore[index]


def test_kill_9_at_random_points_loses_nothing(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    clean_db = tmp_path / "clean.duckdb"
    start = time.monotonic()
    run = _ingest(corpus, clean_db)
    _, err = run.communicate(timeout=300)
    clean_s = time.monotonic() - start
    assert run.returncode == 0, err.decode()[-2000:]
    clean = _state(clean_db)
    assert len(clean["events"]) > 20 and clean["merged"]

    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    outcomes: list[str] = []
    db = tmp_path / "lineage-0.duckdb"
    for trial in range(1, TRIALS + 1):
        why = f"trial {trial} (seed {seed})"
        delay = rng.uniform(0.55, 1.0) * clean_s
        run = _ingest(corpus, db)
        try:
            run.wait(timeout=delay)
            outcomes.append("finished")
        except subprocess.TimeoutExpired:
            os.kill(run.pid, signal.SIGKILL)
            run.wait()
            outcomes.append("killed")
        run.stderr.close()  # type: ignore[union-attr]
        if db.exists():
            coded, events = _check_committed(db, why)
            outcomes[-1] += f" at {delay:.1f}s: {coded} docs/{events} events"
        finished = outcomes[-1].startswith("finished")
        if trial % LINEAGE == 0 or finished:  # complete the lineage, compare it with the clean run, start afresh
            if not finished:
                final = _ingest(corpus, db)
                _, err = final.communicate(timeout=300)
                assert final.returncode == 0, f"{why}: the re-run failed: {err.decode()[-2000:]}"
            state = _state(db)
            differ = {t: (sorted(clean[t] - state[t])[:5], sorted(state[t] - clean[t])[:5]) for t in clean
                      if state[t] != clean[t]}
            assert not differ, f"{why}: the re-run differs from the clean run (clean only, re-run only): {differ}; " \
                               f"trials: {outcomes}"
            db = tmp_path / f"lineage-{trial}.duckdb"
    print(f"kill trials (seed {seed}, clean run {clean_s:.1f}s):", *outcomes, sep="\n  ")
    assert outcomes.count("killed") or any(o.startswith("killed") for o in outcomes)
