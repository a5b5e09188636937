"""WARC archives (plain or gzipped, one gzip member per record): one `RawDocument` per archived page.

The archive is read as a stream with warcio, one record at a time, so a crawl of many gigabytes needs memory
for one page only. A page is a ``response`` record with an HTTP 200 status whose ``Content-Type`` is
``text/html`` or ``application/xhtml+xml`` (kind ``html``) or ``text/plain`` (kind ``text``); requests,
metadata, revisits, redirects, errors, images and the like are passed over without a report.

The WARC-Date is when the page was fetched, not when it was published, so it is not given as the
document's date; `RawDocument` has no field for a fetch date.

A damaged archive yields the pages before the damage, then one `UnreadableDocument` naming the file and the
byte offset of the damaged record (in the file as stored, so the compressed offset for ``.warc.gz``), and
stops: after a bad record there is no reliable way to find the next one. An archive gzipped as one piece
(``gzip crawl.warc``) rather than one gzip member per record, as WARC tools write them, yields its first page
and then an error saying to recompress it.
"""

from __future__ import annotations

import codecs
import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]
from warcio.recordloader import ArcWarcRecord  # type: ignore[import-untyped]
from warcio.statusandheaders import StatusAndHeadersParserException  # type: ignore[import-untyped]

from dyads.errors import DocumentError, UnreadableDocument
from dyads.ingest.limits import current_limits, too_large
from dyads.model import RawDocument

WARC_SUFFIXES = (".warc", ".warc.gz")
WARC_MAGIC = b"WARC/"
GZIP_MAGIC = b"\x1f\x8b"
SNIFF_BYTES = 512
PAGE_KINDS = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}
"""HTTP content types that are pages, and the `RawDocument` kind each becomes."""
MAX_PAGE_BYTES = 20 * 1024 * 1024
"""The most of a page payload ever read; the document size limit (`dyads.ingest.limits`, default 10 MB) is
usually lower, and a page over it is recorded as ``skipped`` with its size instead of read."""
NATIVE_CHARSETS = frozenset({"utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1",
                             "windows-1252", "cp1252"})
"""Charsets left to `decode_bytes` (UTF-8, then Windows-1252); pages in any other declared charset are
re-encoded as UTF-8 here, where the HTTP header still says what they are."""
_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def is_warc_name(path: str) -> bool:
    """True for a file named ``*.warc`` or ``*.warc.gz``."""
    return path.lower().endswith(WARC_SUFFIXES)


def looks_like_warc(head: bytes) -> bool:
    """True when the first bytes of a file are a WARC record, plain or gzipped.

    >>> looks_like_warc(b"WARC/1.1\\r\\nWARC-Type: warcinfo\\r\\n"), looks_like_warc(b"<html>")
    (True, False)
    """
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, len(WARC_MAGIC))
        except zlib.error:
            return False
    return head.startswith(WARC_MAGIC)


def sniff_warc(path: str) -> bool:
    """True for a WARC file by name, or by its first bytes; False when the file cannot be opened (the
    ordinary reader then reports why)."""
    if is_warc_name(path):
        return True
    try:
        with open(path, "rb") as stream:
            return looks_like_warc(stream.read(SNIFF_BYTES))
    except OSError:
        return False


def record_doc_id(name: str, record: ArcWarcRecord) -> str:
    """``<file>#<WARC-Record-ID>`` (angle brackets dropped), or ``<file>#<WARC-Target-URI>`` without one."""
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip().strip("<>")
    return f"{name}#{record_id or record.rec_headers.get_header('WARC-Target-URI')}"


def page_kind(record: ArcWarcRecord) -> str | None:
    """``html`` or ``text`` for an HTTP 200 response with a page content type; None for any other record."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    return PAGE_KINDS.get(content_type.split(";", 1)[0].strip().lower())


def to_utf8(payload: bytes, content_type: str) -> bytes:
    """Re-encode a payload in a declared non-native charset (Shift_JIS, KOI8-R, ...) as UTF-8; any other
    payload, or one that does not decode in its declared charset, is returned as it is.

    >>> to_utf8("Москва".encode("koi8-r"), "text/html; charset=KOI8-R").decode("utf-8")
    'Москва'
    """
    match = _CHARSET.search(content_type)
    if not match or match[1].lower() in NATIVE_CHARSETS:
        return payload
    try:
        return payload.decode(codecs.lookup(match[1]).name).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return payload


def record_problem(records: ArchiveIterator, record: ArcWarcRecord, *, misaligned: bool = False) -> str | None:
    """Why a record warcio has read to its end is damaged, or None.

    1. Cut inside its headers: it lacks the required WARC-Type or Content-Length.
    2. Cut inside its block: fewer bytes than its Content-Length.
    3. Gzipped, cut after its data: its gzip member never reaches its end (the checksum trailer is missing).
       This reads warcio's reader state, and is skipped if warcio no longer has it.
    4. ``misaligned``: warcio found no blank line where its Content-Length says the record ends.
    """
    if not record.rec_type or not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
        return "the record's headers are cut short (truncated file?)"
    if getattr(record.raw_stream, "limit", 0) > 0:
        return "the record is cut short (truncated file?)"
    decompressor = getattr(getattr(records, "reader", None), "decompressor", None)
    member_open = decompressor is not None and not getattr(decompressor, "eof", True)
    if member_open and not getattr(records, "next_line", None):  # a next line read: one gzip for all records
        return "the record's gzip member is cut short (truncated file?)"
    if misaligned:
        return "the record does not end where its Content-Length says (corrupt file?)"
    return None


def _page(name: str, record: ArcWarcRecord, kind: str, payload: bytes) -> RawDocument | DocumentError:
    """A page record's payload (HTTP chunking and compression undone) as a document."""
    doc_id = record_doc_id(name, record)
    limit = min(MAX_PAGE_BYTES, current_limits().max_document_bytes)
    if len(payload) > limit:
        return too_large(doc_id, len(payload), limit, what="archived page")
    content_type = record.http_headers.get_header("Content-Type") or ""
    return RawDocument(doc_id, to_utf8(payload, content_type), kind,
                       url=record.rec_headers.get_header("WARC-Target-URI"))


def _damage(name: str, offset: int, what: str) -> UnreadableDocument:
    """The error of a damaged archive, naming the file and the offset of the damaged record."""
    return UnreadableDocument(name, f"damaged WARC record at byte offset {offset} of {name}: {what}")


def _is_whole_file_gzip(err: Exception) -> bool:
    """True for warcio's refusal of an archive gzipped as one piece (``gzip crawl.warc``)."""
    return isinstance(err, ArchiveLoadFailed) and "non-chunked gzip" in str(err)


def _whole_file_gzip(name: str) -> UnreadableDocument:
    """The error of an archive gzipped as one piece: it can be read from the start only, so it is refused."""
    return UnreadableDocument(name, f"{name} is gzipped as one piece, not one gzip member per record; "
                                    "recompress it with `warcio recompress` to read it")


def _reason(err: Exception) -> str:
    """What went wrong, in one line: warcio's own message for a record it refused (its first paragraph: some
    run to several), else the exception it stumbled on."""
    paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n", str(err))]
    first = next((part for part in paragraphs if part), "")
    if isinstance(err, (ArchiveLoadFailed, StatusAndHeadersParserException)) and first:
        return first
    return f"unreadable record ({type(err).__name__}{': ' + first if first else ''})"


def _unread_tail(stream: BinaryIO, offset: int) -> bool:
    """True when the file holds more than blank lines after ``offset`` (a record warcio could not start)."""
    try:
        if not stream.seekable():
            return False
        size = stream.seek(0, 2)
        if size <= offset:
            return False
        stream.seek(offset)
        return size - offset > SNIFF_BYTES or bool(stream.read(SNIFF_BYTES).strip())
    except OSError:
        return False


def iter_warc(name: str, stream: BinaryIO) -> Iterator[RawDocument | DocumentError]:
    """Yield a `RawDocument` per page in a WARC stream, then an `UnreadableDocument` if the archive is damaged.

    ``doc_id`` is ``<name>#<WARC-Record-ID>``, ``url`` the WARC-Target-URI. Damage is what warcio cannot
    parse, a record that `record_problem` finds cut or misaligned, or bytes after the last record warcio
    could start. A file cut exactly between two records cannot be told from a shorter archive.
    """
    page_cap = min(MAX_PAGE_BYTES, current_limits().max_document_bytes)
    records = ArchiveIterator(stream)
    stepper = iter(records)
    offset = records.offset
    while True:
        try:
            record = next(stepper, None)
            if record is None:
                break
            kind = page_kind(record)
            payload = record.content_stream().read(page_cap + 1) if kind else b""
            warnings = getattr(records, "err_count", 0)
            records.read_to_end()
        except Exception as err:  # noqa: BLE001 - warcio raises what damaged input makes it meet (AttributeError...)
            yield _whole_file_gzip(name) if _is_whole_file_gzip(err) else _damage(name, offset, _reason(err))
            return
        problem = record_problem(records, record, misaligned=getattr(records, "err_count", 0) > warnings)
        if problem:
            yield _damage(name, offset, problem)
            return
        if kind:
            yield _page(name, record, kind, payload)
        offset = records.offset
    if _unread_tail(stream, offset):
        yield _damage(name, offset, "unreadable data where a record should start (truncated file?)")
