"""Ingest stage: read documents from files, folders, globs, JSONL, WARC archives and RSS/Atom feeds, clean
them into `Document`s, and group near-duplicates.

    iter_sources(paths)   -> RawDocument | DocumentError, one per document (errors are yielded, not raised)
    decode_bytes(data)    -> str (BOM, UTF-8, then cp1252/Latin-1; binary raises UnreadableDocument)
    clean(raw)            -> Document (body, title, date with evidence, language, content hash, removed lines)
    content_hash(text)    -> str, the same for the same text however it is spaced or cased
    NearDuplicateIndex()  -> .add(doc_id, text) / .group(doc_id): the duplicate group (first member's doc_id)
    describe(raw, doc)    -> dict, the JSON-able view of one cleaned document (``dyads text``)
"""

from dyads.ingest.clean import clean, content_hash
from dyads.ingest.decode import decode_bytes
from dyads.ingest.dedup import NearDuplicateIndex
from dyads.ingest.show import describe
from dyads.ingest.sources import iter_sources

__all__ = ["NearDuplicateIndex", "clean", "content_hash", "decode_bytes", "describe", "iter_sources"]
