"""Scaling out `dyads ingest`: local worker processes (`local.ingest_local`) and a Dask cluster
(`cluster.ingest_cluster`). Both run the pure half of a batch (`dyads.batch.code_items`) elsewhere and hand the
outcomes, in input order, to the one `dyads.batch.Recorder` that writes the store, so every path stores the same
rows as a single process.
"""

from dyads.scale.spec import PipelineSpec

__all__ = ["PipelineSpec"]


def ingest_stream(  # type: ignore[no-untyped-def]
    paths,
    *,
    spec: PipelineSpec,
    store,
    doc_date: str | None = None,
    workers: int = 1,
    cluster: str | None = None,
    failures: list | None = None,
):
    """Reports and events of an ingest, whichever way it runs: one process (``workers`` 1), ``workers`` local
    processes, or the Dask cluster at ``cluster`` (``local`` or ``local:N`` starts a `LocalCluster` of N workers,
    default 2). Failed shards are appended to ``failures``."""
    if cluster:
        from dyads.scale.cluster import ingest_cluster, local_cluster

        if cluster == "local" or cluster.startswith("local:"):
            n = int(cluster.partition(":")[2] or 2)
            with local_cluster(n) as address:
                yield from ingest_cluster(paths, address=address, spec=spec, store=store, doc_date=doc_date,
                                          failures=failures)
        else:
            yield from ingest_cluster(paths, address=cluster, spec=spec, store=store, doc_date=doc_date,
                                      failures=failures)
    elif workers > 1:
        from dyads.scale.local import ingest_local

        yield from ingest_local(paths, spec=spec, workers=workers, store=store, doc_date=doc_date)
    else:
        from dyads.batch import run_batch

        yield from run_batch(paths, pipeline=spec.get(), store=store, doc_date=doc_date)
