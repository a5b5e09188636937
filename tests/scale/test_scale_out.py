"""`--workers N` and the Dask path store exactly what one process stores; a failing shard is retried, reported,
and its documents are coded by the next run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scale.conftest import db_rows


@pytest.fixture(scope="module")
def cluster_address():
    from dyads.scale.cluster import local_cluster

    with local_cluster(2) as address:
        yield address


def test_local_workers_store_what_one_process_stores(small_corpus: Path, single_rows, tmp_path: Path) -> None:
    from dyads.scale import PipelineSpec
    from dyads.scale.local import ingest_local
    from dyads.store import EventStore

    db = tmp_path / "workers.duckdb"
    with EventStore(db) as store:
        reports = list(ingest_local([str(small_corpus)], spec=PipelineSpec(), workers=2, store=store,
                                    chunk_size=3))
    assert [r.doc_id for r, _ in reports] == sorted(r.doc_id for r, _ in reports)  # input order
    rows = db_rows(db)
    assert rows["events"] and rows == single_rows


def test_dask_cluster_stores_what_one_process_stores(small_corpus: Path, single_rows, cluster_address: str,
                                                     tmp_path: Path) -> None:
    from dyads.scale import PipelineSpec
    from dyads.scale.cluster import ingest_cluster
    from dyads.store import EventStore

    db = tmp_path / "cluster.duckdb"
    failures: list = []
    with EventStore(db) as store:
        statuses = [r.status for r, _ in ingest_cluster([str(small_corpus)], address=cluster_address,
                                                          spec=PipelineSpec(), store=store, shard_size=3,
                                                          parts_dir=tmp_path / "parts", failures=failures)]
    assert not failures and "coded" in statuses
    assert sorted(p.name for p in (tmp_path / "parts").iterdir())[:1] == ["part-000000.parquet"]
    assert db_rows(db) == single_rows
    # Merging again (a resumed or repeated run) adds nothing.
    with EventStore(db) as store:
        again = [r.status for r, _ in ingest_cluster([str(small_corpus)], address=cluster_address,
                                                      spec=PipelineSpec(), store=store, shard_size=3)]
    assert "coded" not in again
    assert db_rows(db) == single_rows


def test_a_failing_shard_is_retried_reported_and_recoded_next_time(small_corpus: Path, single_rows,
                                                                    cluster_address: str, tmp_path: Path) -> None:
    from dyads.scale import PipelineSpec
    from dyads.scale.cluster import ingest_cluster, part_path
    from dyads.store import EventStore

    parts = tmp_path / "parts"
    part_path(parts, 1).mkdir(parents=True)  # shard 1 cannot write its part: it fails on every try
    db = tmp_path / "cluster.duckdb"
    failures: list = []
    with EventStore(db) as store:
        reports = [r for r, _ in ingest_cluster([str(small_corpus)], address=cluster_address, spec=PipelineSpec(),
                                                store=store, shard_size=3, parts_dir=parts, retries=1,
                                                failures=failures)]
    assert [f.index for f in failures] == [1] and len(failures[0].doc_ids) == 3
    assert "Error" in failures[0].error
    failed = {r.doc_id for r in reports if r.reason.startswith("shard 1 failed after 1 retries")}
    assert failed == set(failures[0].doc_ids)
    assert any(r.status == "coded" for r in reports)  # the other shards went on
    part_path(parts, 1).rmdir()
    with EventStore(db) as store:
        list(ingest_cluster([str(small_corpus)], address=cluster_address, spec=PipelineSpec(), store=store,
                            shard_size=3, parts_dir=parts))
    rows = db_rows(db)
    assert rows["events"] == single_rows["events"]
    assert {d for d in rows["documents"] if d[7] != "failed"} == {d for d in single_rows["documents"]
                                                                   if d[7] != "failed"}
