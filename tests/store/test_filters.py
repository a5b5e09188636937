"""The shared date filters on text-dated rows (the arms ledger): periods overlap by interval, not by string order."""

import duckdb
import pytest

from dyads.store.filters import text_date_filters, where_sql


@pytest.fixture()
def con() -> duckdb.DuckDBPyConnection:
    c = duckdb.connect()
    c.execute("CREATE TABLE arms (name VARCHAR, first_date VARCHAR, last_date VARCHAR)")
    c.execute("INSERT INTO arms VALUES ('year', '2023', NULL), ('may', '2023-05-14', '2023-05-20'),"
              " ('span', '2021-03', '2023-02'), ('late', '2024-01-02', NULL), ('undated', NULL, NULL)")
    return c


def names(con: duckdb.DuckDBPyConnection, **kw: str) -> set[str]:
    where, params = text_date_filters("first_date", "last_date", **kw)
    return {r[0] for r in con.execute("SELECT name FROM arms" + where_sql(where), params).fetchall()}


def test_a_row_dated_by_year_overlaps_a_month_inside_it(con: duckdb.DuckDBPyConnection) -> None:
    assert names(con, since="2023-05") == {"year", "may", "late"}
    assert names(con, until="2023-04") == {"year", "span"}
    assert names(con, since="2023-05", until="2023-05") == {"year", "may"}


def test_a_span_counts_until_its_last_date(con: duckdb.DuckDBPyConnection) -> None:
    assert "span" in names(con, since="2022")
    assert "span" not in names(con, since="2023-03")


def test_a_bad_date_is_refused(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(ValueError):
        names(con, since="May 2023")
