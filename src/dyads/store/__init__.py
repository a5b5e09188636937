"""Store stage: DuckDB schema and migrations, idempotent writes, the cross-article merge, the read API, exports."""

from dyads.store.dataset import Dataset, open_dataset
from dyads.store.db import EventStore, row_to_record

__all__ = ["Dataset", "EventStore", "open_dataset", "row_to_record"]
