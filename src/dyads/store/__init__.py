"""Store stage: DuckDB schema, idempotent writes, filtered reads."""

from dyads.store.db import EventStore, row_to_record

__all__ = ["EventStore", "row_to_record"]
