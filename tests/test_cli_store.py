"""The store through the real command line and the real pipeline: ingest twice, merged events, query, export."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import dyads

CORPUS = Path(__file__).resolve().parents[1] / "benchmarks" / "merge_corpus"
STORIES = ["e2a-kashmir-attack.txt", "e2b-loc-shelling.txt", "e2c-last-week.txt", "n2-second-attack.txt",
           "e4a-sanctions.txt", "e4c-sanctions-june.txt", "n3-september-sanctions.txt"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dyads", *args], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("stories")
    for name in STORIES:
        shutil.copy(CORPUS / name, root / name)
    path = tmp_path_factory.mktemp("db") / "events.duckdb"
    first = run("ingest", str(root), "--db", str(path), "-q")
    assert first.returncode == 0, first.stderr
    return path


def merged(db: Path) -> list[tuple[str, str, str, list[str]]]:
    with dyads.open(db) as ds:
        rows = ds.sql("SELECT m.source_key, m.target_key, m.date, list(DISTINCT split_part(e.doc, '/', -1)"
                      " ORDER BY split_part(e.doc, '/', -1)) AS docs FROM merged_events m JOIN event_sources s"
                      " USING (merged_id) JOIN events e USING (event_id) WHERE m.cameo_root IN ('16', '19')"
                      " GROUP BY ALL ORDER BY m.date", as_="records")
    return [(r["source_key"], r["target_key"], r["date"], r["docs"]) for r in rows]


def test_stories_of_one_event_are_merged_and_near_misses_kept_apart(db):
    assert merged(db) == [
        ("PAK", "IND", "2023-05-02", ["e2a-kashmir-attack.txt", "e2b-loc-shelling.txt", "e2c-last-week.txt"]),
        ("PAK", "IND", "2023-05-20", ["n2-second-attack.txt"]),
        ("USA", "IRN", "2023-06-05", ["e4a-sanctions.txt", "e4c-sanctions-june.txt"]),
        ("USA", "IRN", "2023-09-18", ["n3-september-sanctions.txt"]),
    ]


def test_ingesting_again_changes_nothing(db):
    before = merged(db)
    with dyads.open(db) as ds:
        counts = ds.counts()
    again = run("ingest", *(str(CORPUS / name) for name in STORIES), "--db", str(db), "-q")
    assert again.returncode == 0 and "0 coded" in again.stdout
    assert merged(db) == before
    with dyads.open(db) as ds:
        assert ds.counts() == counts


def test_query_reads_and_refuses_writes(db):
    out = run("query", "SELECT count(*) AS n FROM merged_events", "--db", str(db), "--format", "json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["n"] >= 4
    refused = run("query", "DELETE FROM events", "--db", str(db))
    assert refused.returncode != 0 and "read-only" in refused.stderr
    with dyads.open(db) as ds:
        assert ds.counts()["mentions"] > 0


def test_export_and_timeline_commands(db, tmp_path):
    out = tmp_path / "pak-ind.parquet"
    done = run("export", "--db", str(db), "--format", "parquet", "--out", str(out), "--source", "PAK",
               "--target", "IND", "--root", "19")
    assert done.returncode == 0, done.stderr
    table = pq.read_table(out)
    assert table.num_rows == 2 and sorted(table.column("n_documents").to_pylist()) == [1, 3]
    gdelt = tmp_path / "all.tsv"
    assert run("export", "--db", str(db), "--format", "gdelt", "--out", str(gdelt)).returncode == 0
    assert all(len(line.split("\t")) == 61 for line in gdelt.read_text(encoding="utf-8").splitlines())
    timeline = run("timeline", "PAK", "IND", "--db", str(db), "--freq", "month")
    assert timeline.returncode == 0 and "2023-05-01" in timeline.stdout
