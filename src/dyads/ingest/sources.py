"""Read documents from files, folders, glob patterns, JSONL, WARC archives and RSS/Atom feeds, one
`RawDocument` at a time.

Every failure is yielded as a `DocumentError` value, never raised, so one bad file in a batch of thousands
is recorded and the batch goes on.
"""

from __future__ import annotations

import codecs
import glob
import gzip
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from dyads.errors import DocumentError, UnreadableDocument
from dyads.ingest.decode import decode_bytes
from dyads.ingest.feeds import FEED_SUFFIXES, iter_feed, looks_like_feed
from dyads.ingest.limits import current_limits, gunzip_capped, too_large
from dyads.ingest.warc import iter_warc, sniff_warc
from dyads.model import RawDocument

SourceItem = RawDocument | DocumentError
"""What `iter_sources` yields: a document, or the error of one path or record."""

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SNIFF_CHARS = 2048
_GLOB_CHARS = re.compile(r"[*?\[]")
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_HTML_TAGS = re.compile(rb"<(?:p|div|br|a\s|span|table|h[1-6])\b", re.IGNORECASE)


def expand_paths(spec: str) -> list[str] | UnreadableDocument:
    """Return the files one path argument names: the file itself, a folder's files (recursive, sorted) or
    a glob pattern's matches (sorted), or an error when it names nothing."""
    if os.path.isdir(spec):
        return _folder_files(spec)
    if os.path.lexists(spec):
        return [spec]
    if _GLOB_CHARS.search(spec):
        files: list[str] = []
        for match in sorted(glob.glob(spec, recursive=True)):
            files.extend(_folder_files(match) if os.path.isdir(match) else [match])
        if files:
            return files
        return UnreadableDocument(spec, "no file matches this pattern")
    return UnreadableDocument(spec, "no such file or directory")


NOT_DOCUMENTS = frozenset({".md", ".rst", ".tsv", ".csv", ".json", ".yaml", ".yml", ".toml", ".py", ".duckdb",
                           ".parquet"})
"""Suffixes a folder walk passes over: a corpus folder's README, manifest or database is no news story. A file
named on the command line is read whatever its suffix."""


def _folder_files(folder: str) -> list[str]:
    """The non-hidden files under a folder, recursively, in sorted path order, less `NOT_DOCUMENTS`."""
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, name) for name in files
                     if not name.startswith(".") and Path(name).suffix.lower() not in NOT_DOCUMENTS)
    return sorted(found)


def file_error(path: str, err: OSError) -> UnreadableDocument:
    """The error of a file that cannot be opened or read, with a plain reason."""
    if isinstance(err, FileNotFoundError):
        return UnreadableDocument(path, "no such file")
    if isinstance(err, PermissionError):
        return UnreadableDocument(path, "permission denied")
    if isinstance(err, IsADirectoryError):
        return UnreadableDocument(path, "is a directory")
    return UnreadableDocument(path, f"cannot read: {err.strerror or err}")


def read_file_bytes(path: str, max_bytes: int | None = None) -> bytes:
    """Read a file, gunzipping ``.gz``; raise `UnreadableDocument` with a plain reason, or `SkippedDocument`
    when the file, or its content once gunzipped, is over ``max_bytes`` (the file is measured before it is read,
    and a gzip stream is decompressed no further than the limit)."""
    try:
        if max_bytes is not None and (size := os.stat(path).st_size) > max_bytes:
            raise too_large(path, size, max_bytes)
        data = Path(path).read_bytes()
    except OSError as err:
        raise file_error(path, err) from err
    if path.lower().endswith(".gz"):
        try:
            if max_bytes is None:
                return gzip.decompress(data)
            content = gunzip_capped(data, max_bytes)
        except (OSError, EOFError, zlib.error) as err:
            raise UnreadableDocument(path, f"corrupt or truncated gzip data ({err})") from err
        if content is None:
            raise too_large(path, None, max_bytes, what="gunzipped content")
        return content
    return data


def looks_like_html(data: bytes) -> bool:
    """Sniff the start of a file for an HTML document or a few common tags."""
    head = data[:SNIFF_CHARS]
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 2


def file_kind(path: str, data: bytes) -> str:
    """``text``, ``html``, ``jsonl`` or ``feed`` by suffix (under any ``.gz``), else by sniffing the content
    (an RSS/Atom root element makes a ``feed``, so ``.xml`` files are feeds or pages by what they hold)."""
    name = path.lower()
    suffix = Path(name[:-3] if name.endswith(".gz") else name).suffix
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in FEED_SUFFIXES or looks_like_feed(data):
        return "feed"
    return "html" if looks_like_html(data) else "text"


def _record_document(path: str, number: int, line: str) -> RawDocument | DocumentError:
    """Turn one JSONL line into a document, or an error naming the file and line."""
    where = f"{path}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return UnreadableDocument(where, f"bad JSON on line {number} of {path}: {err.msg}")
    if not isinstance(record, dict):
        return UnreadableDocument(where, f"line {number} of {path} is not a JSON object")
    doc_id = str(record["id"]) if record.get("id") not in (None, "") else where
    text, html = record.get("text"), record.get("html")
    fields = {key: record.get(key) if isinstance(record.get(key), str) else None for key in ("url", "title", "date")}
    if isinstance(text, str):
        return RawDocument(doc_id, text.encode("utf-8"), "record", **fields)
    if isinstance(html, str):
        return RawDocument(doc_id, html.encode("utf-8"), "html", html=html, **fields)
    return UnreadableDocument(doc_id, f"line {number} of {path} has no 'text' or 'html' string")


def iter_jsonl(path: str, data: bytes, max_bytes: int | None = None) -> Iterator[SourceItem]:
    """Yield one document per non-blank JSONL line; a bad line (not JSON, binary, undecodable, over
    ``max_bytes``) yields an error naming the file and line, and the rest goes on."""
    if any(data.startswith(bom) for bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:  # a UTF-16 JSONL file (rare; Windows tools write them): decode whole, then split
            data = decode_bytes(data, doc_id=path).encode("utf-8")
        except UnreadableDocument as err:
            yield err
            return
    for number, raw_line in enumerate(data.split(b"\n"), start=1):
        if not raw_line.strip():
            continue
        where = f"{path}:{number}"
        if max_bytes is not None and len(raw_line) > max_bytes:
            yield too_large(where, len(raw_line), max_bytes, what=f"line {number} of {path}")
            continue
        try:
            line = decode_bytes(raw_line.removeprefix(codecs.BOM_UTF8) if number == 1 else raw_line, doc_id=where)
        except UnreadableDocument as err:
            yield UnreadableDocument(where, f"line {number} of {path}: {err.reason}")
            continue
        yield _record_document(path, number, line)


def iter_warc_file(path: str) -> Iterator[SourceItem]:
    """Yield the pages of a WARC file, read as a stream, or the error of a file that cannot be opened."""
    try:
        with open(path, "rb") as stream:
            yield from iter_warc(path, stream)
    except OSError as err:  # iter_warc reports its own read errors: this is the file that would not open
        yield file_error(path, err)


def iter_file(path: str) -> Iterator[SourceItem]:
    """Yield the document(s) of one file, or its error."""
    if sniff_warc(path):
        yield from iter_warc_file(path)
        return
    max_bytes = current_limits().max_document_bytes
    is_jsonl = file_kind(path, b"") == "jsonl"  # by suffix: a JSONL file is a container, its lines are capped
    try:
        data = read_file_bytes(path, None if is_jsonl else max_bytes)
    except DocumentError as err:
        yield err
        return
    kind = file_kind(path, data)
    if kind == "jsonl":
        yield from iter_jsonl(path, data, max_bytes)
        return
    if kind == "feed":
        yield from iter_feed(path, data)
        return
    try:
        decode_bytes(data, doc_id=path)  # refuse binary or undecodable bytes here, where the batch can see it
    except UnreadableDocument as err:
        yield err
        return
    yield RawDocument(path, data, kind)


STDIN = "-"
"""The path argument that names standard input (``cat page.html | dyads code -``)."""


def iter_stream(data: bytes, name: str = "<stdin>") -> Iterator[SourceItem]:
    """The document(s) of piped bytes: JSON lines when every non-blank line starts with ``{``, a feed or an HTML
    page when it sniffs as one, else one text document named ``name``."""
    lines = [line for line in data.splitlines() if line.strip()]
    if lines and all(line.lstrip().startswith(b"{") for line in lines):
        yield from iter_jsonl(name, data, current_limits().max_document_bytes)
        return
    kind = file_kind(name, data)
    if kind == "feed":
        yield from iter_feed(name, data)
        return
    try:
        decode_bytes(data, doc_id=name)
    except UnreadableDocument as err:
        yield err
        return
    yield RawDocument(name, data, kind)


def _read_stdin() -> Iterator[SourceItem]:
    import sys

    limit = current_limits().max_document_bytes
    data = sys.stdin.buffer.read(limit + 1 if limit is not None else -1)
    if limit is not None and len(data) > limit:
        yield too_large("<stdin>", None, limit, what="standard input")
        return
    yield from iter_stream(data)


def iter_sources(paths: Iterable[str]) -> Iterator[SourceItem]:
    """Yield a `RawDocument` per document named by ``paths``, or a `DocumentError` for what cannot be read.

    Each path may be a file, a folder (read recursively in sorted order) or a glob pattern. Kinds:
    ``.txt`` → text, ``.html``/``.htm`` → html, ``.jsonl`` → one record per line (kind ``record``, or
    ``html`` for a record with only an ``html`` field), ``.rss``/``.atom`` → one document per entry
    (`dyads.ingest.feeds`), each possibly gzipped (``.gz``); ``.warc``/``.warc.gz`` → one document per
    archived HTML or text page, read as a stream (`dyads.ingest.warc`); any other file is sniffed (WARC
    magic, then a feed's root element, then HTML). ``doc_id`` is the path, a record's ``id`` (``path:line``
    when it has none), ``path#<entry id>`` for a feed entry or ``path#<WARC-Record-ID>`` for an archived page.
    Feed and page URLs are never fetched. ``-`` reads standard input (`iter_stream`).

    >>> [type(item).__name__ for item in iter_sources(["/no/such/file.txt"])]
    ['UnreadableDocument']
    """
    for spec in paths:
        if spec == STDIN and not os.path.lexists(spec):
            yield from _read_stdin()
            continue
        expanded = expand_paths(spec)
        if isinstance(expanded, DocumentError):
            yield expanded
            continue
        for path in expanded:
            yield from iter_file(path)
