"""Ingest stage: read documents from files, folders, globs and JSONL, and clean them into `Document`s.

    iter_sources(paths)  -> RawDocument | DocumentError, one per document (errors are yielded, not raised)
    decode_bytes(data)   -> str (BOM, UTF-8, then cp1252/Latin-1; binary raises UnreadableDocument)
    clean(raw)           -> Document (body, title, date with evidence, language, content hash, removed lines)
"""

from dyads.ingest.clean import clean
from dyads.ingest.decode import decode_bytes
from dyads.ingest.sources import iter_sources

__all__ = ["clean", "decode_bytes", "iter_sources"]
