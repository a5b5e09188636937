"""Two processes on one DuckDB file: what DuckDB allows (one writer, and no other process while it writes), and
what dyads makes of it: a clear refusal or a wait, never doubled events; a read-only server answers 503 while an
ingest holds the file and serves the new events once it is done."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx

from dyads.tables import data_path

from .conftest import documents, dyads, event_ids, serve


def _corpus(root: Path, n: int = 4) -> Path:
    root.mkdir()
    for p in sorted(p for p in data_path("demo").iterdir() if p.suffix in (".txt", ".html"))[5:5 + n]:
        shutil.copy(p, root / p.name)
    return root


def _ingest(corpus: Path, db: Path, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "dyads", "ingest", str(corpus), "--db", str(db), "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})


def _wait_until_open(proc: subprocess.Popen[str], path: Path, timeout: float = 60) -> None:
    """Wait until ``proc`` has ``path`` open (Linux: its /proc fd links; elsewhere a generous sleep)."""
    fds = Path(f"/proc/{proc.pid}/fd")
    if not fds.is_dir():
        time.sleep(3)
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        for fd in list(fds.iterdir()):
            try:
                if os.readlink(fd) == str(path):
                    return
            except OSError:
                continue
        time.sleep(0.05)
    raise AssertionError(f"the ingest did not open {path}")


def test_two_ingests_at_once_one_is_refused_clearly_and_nothing_doubles(tmp_path):
    corpus = _corpus(tmp_path / "c")
    db = tmp_path / "e.duckdb"
    runs = [_ingest(corpus, db), _ingest(corpus, db)]
    results = [(r.wait(timeout=300), *r.communicate()) for r in runs]
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 2], results
    refused = next(err for code, _, err in results if code == 2)
    assert "the database is in use by process PID" in " ".join(refused.split()) and "Traceback" not in refused
    first = event_ids(db)
    again = dyads("ingest", str(corpus), "--db", str(db), "-q")
    summary = " ".join(again.stdout.split())
    assert again.returncode == 0 and "0 coded, 4 unchanged" in summary and "0 new events" in summary, summary
    assert event_ids(db) == first and sum(s == "coded" for s, _ in documents(db).values()) == 4


def test_two_ingests_at_once_with_a_lock_wait_both_succeed_once(tmp_path):
    corpus = _corpus(tmp_path / "c")
    db = tmp_path / "e.duckdb"
    runs = [_ingest(corpus, db, {"DYADS_LOCK_WAIT": "240"}) for _ in range(2)]
    outs = [(r.wait(timeout=300), *r.communicate()) for r in runs]
    assert [code for code, _, _ in outs] == [0, 0], outs
    summaries = sorted(" ".join(out.split()) for _, out, _ in outs)
    assert any("4 coded" in s for s in summaries) and any("0 coded, 4 unchanged" in s for s in summaries), summaries
    assert sum(s == "coded" for s, _ in documents(db).values()) == 4


def test_a_read_only_server_answers_503_while_an_ingest_writes_then_serves_the_events(tmp_path, small_db):
    corpus = _corpus(tmp_path / "c")
    db = tmp_path / "e.duckdb"
    shutil.copy(small_db, db)
    before = len(event_ids(db))
    ingest = _ingest(corpus, db)
    _wait_until_open(ingest, db)  # the ingest opens the file first thing, then loads the model for seconds
    with serve(db) as url:
        busy = httpx.get(url + "/api/events")
        if ingest.poll() is None:  # still writing (as it nearly always is): the server says so
            assert busy.status_code == 503, busy.text
            assert busy.headers["retry-after"] == "5"
            assert f"PID {ingest.pid}" in busy.json()["detail"]
        assert ingest.wait(timeout=300) == 0, ingest.communicate()[1]
        served = httpx.get(url + "/api/events", params={"limit": 1000})
        assert served.status_code == 200 and served.json()["total"] > before
    assert ingest.communicate()[1].count("Traceback") == 0


def test_an_ingest_is_refused_clearly_while_a_server_holds_the_database(tmp_path, small_db):
    corpus = _corpus(tmp_path / "c", n=1)
    db = tmp_path / "e.duckdb"
    shutil.copy(small_db, db)
    before = event_ids(db)
    with serve(db) as url:
        refused = dyads("ingest", str(corpus), "--db", str(db), "-q")
        assert refused.returncode == 2 and "Traceback" not in refused.stderr
        message = " ".join(refused.stderr.split())
        assert "in use by process PID" in message and "POST /api/documents" in message, message
        assert httpx.get(url + "/api/events").status_code == 200
    assert event_ids(db) == before
    assert dyads("ingest", str(corpus), "--db", str(db), "-q").returncode == 0
