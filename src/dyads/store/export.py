"""Exports of (merged) events: Parquet, CSV, JSONL and the GDELT 2.0 event table.

Parquet, CSV and JSONL hold the columns of `Dataset.events` (merged events by default, mentions with
``merged=False``); JSONL decodes the JSON columns (``weapons``, ``quantities``, ``location``) into real lists and
objects. GDELT is tab-separated, no header, 61 columns (`dyads.store.gdelt`), merged events only. Every export takes
the same filters as `Dataset.events` and writes in date order.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from dyads.store.dataset import Dataset, _jsonable
from dyads.store.filters import event_filters, merged_only, where_sql
from dyads.store.gdelt import SELECT as GDELT_SELECT
from dyads.store.gdelt import gdelt_row

ExportFormat = Literal["parquet", "csv", "jsonl", "gdelt"]
FORMATS: tuple[str, ...] = ("parquet", "csv", "jsonl", "gdelt")


def export(ds: Dataset, fmt: ExportFormat, out: str | Path, *, merged: bool = True, **filters: Any) -> int:
    """Write the events matching ``filters`` to ``out`` in ``fmt``; returns the number of rows written."""
    out = Path(out)
    if fmt == "gdelt":
        if not merged:
            raise ValueError("the GDELT event table holds events, not mentions: export merged events")
        return _export_gdelt(ds, out, **filters)
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    table: pa.Table = ds.events(merged=merged, order="date", as_="arrow", **filters)
    if fmt == "parquet":
        pq.write_table(table, out)
    elif fmt == "csv":
        pacsv.write_csv(table, out)
    else:
        with out.open("w", encoding="utf-8") as fh:
            for batch in table.to_batches(max_chunksize=10_000):
                for row in batch.to_pylist():
                    fh.write(json.dumps({k: _jsonable(k, v) for k, v in row.items()}, ensure_ascii=False) + "\n")
    return table.num_rows


def _export_gdelt(ds: Dataset, out: Path, **filters: Any) -> int:
    given = {k: v for k, v in filters.items() if v is not None}
    q, min_documents = given.pop("q", None), given.pop("min_documents", None)
    where, params = event_filters(**given)
    merged_only(where, params, q=q, min_documents=min_documents)
    sql = f"SELECT {GDELT_SELECT} FROM merged_events{where_sql(where)} ORDER BY date_start NULLS LAST, merged_id"
    cur = ds.con.cursor()
    cur.execute(sql, params)
    cols = [d[0] for d in cur.description]
    n = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        while chunk := cur.fetchmany(10_000):
            fh.writelines("\t".join(gdelt_row(dict(zip(cols, values)))) + "\n" for values in chunk)
            n += len(chunk)
    return n
