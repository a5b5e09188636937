"""``POST /api/documents``: one article through the real batch (clean, code, store) as ``dyads ingest`` does it.

The article is written to a temporary JSONL file and handed to `dyads.batch.run_batch`, so it gets exactly the
command line's treatment: boilerplate removal, the document date and how it was found, language check,
near-duplicate detection against the stored stories, idempotence by content hash, one transaction per document;
the arms ledger is then rebuilt. The spaCy pipeline is loaded on the first ingest and kept.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyads.serve import queries
from dyads.serve.database import Database

if TYPE_CHECKING:
    from dyads.pipeline import Pipeline


def _default_pipeline() -> Pipeline:
    from dyads.pipeline import Pipeline

    return Pipeline()


class Ingestor:
    """Codes posted articles into the server's database (only when the server holds it read-write)."""

    def __init__(self, db: Database, pipeline_factory: Callable[[], Pipeline] | None = None) -> None:
        self.db = db
        self._factory = pipeline_factory or _default_pipeline
        self._pipeline: Pipeline | None = None
        self._load_lock = threading.Lock()

    def pipeline(self) -> Pipeline:
        with self._load_lock:
            if self._pipeline is None:
                self._pipeline = self._factory()
            return self._pipeline

    def ingest(self, article: dict[str, Any]) -> dict[str, Any]:
        """Code and store one article (``text`` or ``html``, optional ``id``, ``title``, ``url``, ``date``); returns
        the batch report for it and the ids of its stored events."""
        from dyads.batch import run_batch

        body = article.get("text") or article.get("html") or ""
        doc_id = article.get("id") or "api:" + hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
        record = {k: v for k, v in article.items() if v is not None and k in ("text", "html", "title", "url", "date")}
        record["id"] = doc_id
        pipeline = self.pipeline()
        with tempfile.TemporaryDirectory(prefix="dyads-post-") as tmp:
            path = Path(tmp) / "article.jsonl"
            path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
            with self.db.writer() as store:
                reports = [report for report, _ in run_batch([str(path)], pipeline=pipeline, store=store)]
                if any(r.status == "coded" for r in reports):
                    store.refresh_arms()
                    settle = getattr(store, "refresh_merge", None)  # the cross-article merge, where the store has one
                    if settle is not None:
                        settle()
                ids = queries.event_ids_of_document(store.con, doc_id)
        report = reports[0]
        return {"doc_id": report.doc_id, "status": report.status, "reason": report.reason, "events": report.events,
                "date": report.date, "date_source": report.date_source, "event_ids": ids}
