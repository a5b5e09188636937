"""The read API, ``dyads.open``: filters, output formats, timelines, top dyads, sources, read-only SQL."""

from __future__ import annotations

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from store_helpers import make_event as ev

import dyads
from dyads.errors import StoreError


@pytest.fixture
def db(tmp_path, write_docs):
    path = tmp_path / "e.duckdb"
    write_docs(path, [
        ("a", [ev("a", "FRAGOV", "IND", "072", "2023-03-06", sentence="France delivered Rafale jets to India.",
                  goldstein=8.0, name="Macron"),
               ev("a", "FRA", "IND", "057", "2023-03-06", index=1, goldstein=8.0)]),
        ("b", [ev("b", "FRA", "IND", "072", "2023-03-07", goldstein=8.0)]),
        ("c", [ev("c", "FRA", "IND", "111", "2023-05-10", goldstein=-2.0)]),
        ("d", [ev("d", "IND", "FRA", "040", "2023-05", precision="month", goldstein=1.0)]),
        ("e", [ev("e", "CHNGOV", "PAK", "0332", "2022-12-23", goldstein=5.2)]),
        ("f", [ev("f", "USA", "IRN", "163", "2023-06-05", goldstein=-8.0)]),
    ])
    return path


def test_events_are_merged_and_filtered(db):
    with dyads.open(db) as ds:
        assert ds.counts() == {"documents": 6, "mentions": 7, "merged_events": 6, "actors": 7}
        rows = ds.events(source="FRA", target="IND", since="2023-03", root="07", as_="records")
        assert len(rows) == 1 and rows[0]["n_documents"] == 2 and rows[0]["source_name"] == "Macron"
        newest_first = [r["cameo"] for r in ds.events(source="FRA", as_="records")]
        assert newest_first[0] == "111" and set(newest_first[1:]) == {"072", "057"}
        oldest_first = [r["cameo"] for r in ds.events(source="FRA", order="date", as_="records")]
        assert oldest_first == list(reversed(newest_first))  # ties broken by id, the same both ways
        assert [r["cameo"] for r in ds.events(source="CHNGOV", as_="records")] == ["0332"]
        assert ds.events(source="CHNMIL", as_="records") == []
        assert [r["cameo"] for r in ds.events(until="2022", as_="records")] == ["0332"]
        assert [r["cameo"] for r in ds.events(since="2023-05-15", as_="records")] == ["163", "040"]  # May overlaps
        # a month-precise event overlaps a day inside its month
        assert [r["cameo"] for r in ds.events(source="IND", since="2023-05-31", as_="records")] == ["040"]
        assert [r["cameo"] for r in ds.events(code="03", as_="records")] == ["0332"]
        assert [r["cameo"] for r in ds.events(q="rafale", as_="records")] == ["072"]
        assert len(ds.events(merged=False, source="FRA", target="IND", root="07", as_="records")) == 2
        everything = [r["merged_id"] for r in ds.events(order="date", as_="records")]
        page = ds.events(order="date", limit=2, offset=1, as_="records")
        assert [r["merged_id"] for r in page] == everything[1:3]


def test_user_values_are_bound_not_pasted(db):
    with dyads.open(db) as ds:
        assert ds.events(source="FRA' OR 1=1 --", as_="records") == []
        assert ds.events(q="%", as_="records") == []  # no wildcards either
        assert ds.counts()["mentions"] == 7
        with pytest.raises(ValueError):
            ds.events(since="last spring")


def test_output_formats(db):
    with dyads.open(db) as ds:
        arrow = ds.events()
        assert isinstance(arrow, pa.Table) and arrow.num_rows == 6 and "merged_id" in arrow.column_names
        assert isinstance(ds.events(as_="pandas"), pd.DataFrame)
        assert isinstance(ds.events(as_="polars"), pl.DataFrame)
        record = ds.events(as_="records", source="CHN")[0]
        assert record["date_start"] == "2022-12-23" and record["weapons"] == []
        import json

        json.dumps(ds.events(as_="records", merged=False))  # JSON-friendly as it is


def test_dyad_timeline_counts_and_mean_goldstein(db):
    with dyads.open(db) as ds:
        rows = ds.dyad_timeline("FRA", "IND", freq="month", as_="records")
        assert [(r["period"], r["events"], r["mean_goldstein"]) for r in rows] == [
            ("2023-03-01", 2, 8.0), ("2023-04-01", 0, None), ("2023-05-01", 1, -2.0)]
        assert rows[0]["root_07"] == 1 and rows[0]["root_05"] == 1 and rows[0]["quad_2"] == 1
        both = ds.dyad_timeline("FRA", "IND", freq="month", both_directions=True, as_="records")
        assert [r["events"] for r in both] == [2, 0, 2] and both[2]["mean_goldstein"] == -0.5
        assert both[2]["imprecise"] == 0
        weekly = ds.dyad_timeline("IND", "FRA", freq="week", as_="records")
        assert weekly[0]["imprecise"] == 1  # a month-precise event in a weekly timeline
        mentions = ds.dyad_timeline("FRA", "IND", freq="year", merged=False, as_="records")
        assert mentions == [dict(mentions[0], period="2023-01-01", events=4)]
        assert isinstance(ds.dyad_timeline("FRA", "IND"), pa.Table)


def test_top_dyads_actors_documents_sources(db):
    with dyads.open(db) as ds:
        top = ds.top_dyads(limit=2)
        assert top[0] == {"source": "FRA", "target": "IND", "events": 3, "mentions": 4, "mean_goldstein": 4.667}
        assert ds.top_dyads(merged=False, limit=1)[0]["events"] == 4
        actors = {a["code"]: a for a in ds.actors()}
        assert actors["IND"]["n_target"] == 4 and actors["FRAGOV"]["name"] == "Macron"
        assert [a["code"] for a in ds.actors(q="macr")] == ["FRAGOV"]
        docs = ds.documents()
        assert len(docs) == 6 and "text" not in docs[0]
        merged = ds.events(source="FRA", root="07", as_="records")[0]
        assert ds.event(merged["merged_id"])["cameo"] == "072" and ds.event("0" * 24) is None
        sources = ds.sources(merged["merged_id"])
        assert [s["doc"] for s in sources] == ["a", "b"] and sources[0]["url"] == "https://example.org/a"
        assert ds.arms() == []


def test_sql_is_read_only(db):
    with dyads.open(db) as ds:
        assert ds.sql("SELECT count(*) AS n FROM merged_events", as_="records") == [{"n": 6}]
        assert ds.sql("SELECT cameo FROM events WHERE doc = ?", ["f"], as_="records") == [{"cameo": "163"}]
        assert ds.sql("DESCRIBE merged_events", as_="records")
        for statement in ("DELETE FROM events", "DROP TABLE events", "INSERT INTO actors VALUES ('X')",
                          "COPY events TO 'x.csv'", "ATTACH 'other.duckdb'", "SELECT 1; DELETE FROM events",
                          "EXPLAIN ANALYZE DELETE FROM events"):
            with pytest.raises(StoreError):
                ds.sql(statement)
        with pytest.raises(StoreError):
            ds.sql("SELECT * FROM read_csv('/etc/hostname')")  # no files outside the database
        assert ds.counts()["mentions"] == 7


def test_missing_database_is_an_error(tmp_path):
    with pytest.raises(StoreError):
        dyads.open(tmp_path / "nothing.duckdb")
