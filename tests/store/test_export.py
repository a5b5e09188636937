"""Exports read back by their own readers: Parquet (DuckDB and pyarrow), CSV, JSONL, GDELT 2.0 TSV."""

from __future__ import annotations

import csv
import json

import duckdb
import pyarrow.parquet as pq
import pytest
from store_helpers import make_event as ev

import dyads
from dyads.store.export import export
from dyads.store.gdelt import GDELT_EVENT_COLUMNS
from dyads.store.merge import gdelt_event_id


@pytest.fixture
def ds(tmp_path, write_docs):
    path = tmp_path / "e.duckdb"
    write_docs(path, [
        ("a", [ev("a", "FRAGOV", "IND", "072", "2023-03-06", weapons=("Rafale",), name="Emmanuel Macron",
                  sentence="France delivered Rafale jets to India, \"a milestone\",\tsaid the ministry.")]),
        ("b", [ev("b", "FRA", "IND", "072", "2023-03-07")]),
        ("c", [ev("c", "PAKMIL", "IND", "190", "2023-05-02", goldstein=-10.0)]),
        ("d", [ev("d", "USA", None, "010", "2023", precision="year")]),
    ])
    with dyads.open(path) as handle:
        yield handle


def test_parquet_reads_back_with_duckdb_and_pyarrow(ds, tmp_path):
    out = tmp_path / "events.parquet"
    assert export(ds, "parquet", out) == 3
    table = pq.read_table(out)
    assert table.num_rows == 3 and table.column("cameo").to_pylist() == ["010", "072", "190"]  # by date start
    con = duckdb.connect()
    rows = con.execute("SELECT source_code, n_documents, date_start FROM read_parquet(?) ORDER BY date_start",
                       [str(out)]).fetchall()
    assert rows[1][0] == "FRAGOV" and rows[1][1] == 2 and str(rows[1][2]) == "2023-03-06"
    mentions = tmp_path / "mentions.parquet"
    assert export(ds, "parquet", mentions, merged=False, source="FRA") == 2
    assert pq.read_table(mentions).column("merged_id").to_pylist()[0] == table.column("merged_id").to_pylist()[1]


def test_csv_reads_back_with_the_csv_module(ds, tmp_path):
    out = tmp_path / "events.csv"
    assert export(ds, "csv", out, target="IND") == 2
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["cameo"] for r in rows] == ["072", "190"]
    assert rows[0]["sentence"].startswith("France delivered") and "\"a milestone\"" in rows[0]["sentence"]
    assert rows[0]["n_documents"] == "2" and json.loads(rows[0]["weapons"]) == ["rafale"]


def test_jsonl_reads_back_with_json(ds, tmp_path):
    out = tmp_path / "events.jsonl"
    assert export(ds, "jsonl", out, root="07") == 1
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 1 and records[0]["weapons"] == ["rafale"] and records[0]["date_start"] == "2023-03-06"
    mentions = tmp_path / "mentions.jsonl"
    export(ds, "jsonl", mentions, merged=False)
    lines = [json.loads(line) for line in mentions.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 4 and [w["name"] for line in lines for w in line["weapons"]] == ["Rafale"]


def test_gdelt_event_table_has_61_columns_in_gdelt_order(ds, tmp_path):
    out = tmp_path / "events.tsv"
    assert export(ds, "gdelt", out) == 3
    with out.open(newline="", encoding="utf-8") as fh:
        rows = [dict(zip(GDELT_EVENT_COLUMNS, r)) for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]
    raw = out.read_text(encoding="utf-8").splitlines()
    assert all(len(line.split("\t")) == 61 for line in raw)
    assert GDELT_EVENT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_EVENT_COLUMNS[26:35] == ("EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                          "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert GDELT_EVENT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    year, rafale, attack = rows
    assert rafale["SQLDATE"] == "20230306" and rafale["MonthYear"] == "202303" and rafale["Year"] == "2023"
    assert rafale["FractionDate"] == "2023.1781"  # day 65 of 365
    assert (rafale["Actor1Code"], rafale["Actor1Name"], rafale["Actor1CountryCode"], rafale["Actor1Type1Code"]) == (
        "FRAGOV", "EMMANUEL MACRON", "FRA", "GOV")
    assert (rafale["Actor2Code"], rafale["Actor2CountryCode"]) == ("IND", "IND")
    assert (rafale["EventCode"], rafale["EventBaseCode"], rafale["EventRootCode"], rafale["QuadClass"]) == (
        "072", "072", "07", "2")
    assert (rafale["NumMentions"], rafale["NumArticles"], rafale["AvgTone"]) == ("2", "2", "")
    assert rafale["SOURCEURL"].startswith("https://example.org/") and len(rafale["DATEADDED"]) == 14
    assert (attack["EventRootCode"], attack["QuadClass"], attack["GoldsteinScale"]) == ("19", "4", "-10")
    assert year["Actor2Code"] == "" and year["SQLDATE"] == "20230101"
    merged_id = ds.events(root="19", as_="records")[0]["merged_id"]
    assert attack["GLOBALEVENTID"] == str(gdelt_event_id(merged_id))
    con = duckdb.connect()  # and DuckDB reads it as GDELT users do
    n = con.execute("SELECT count(*) FROM read_csv(?, delim='\t', header=false, quote='', all_varchar=true)",
                    [str(out)]).fetchone()[0]
    assert n == 3
