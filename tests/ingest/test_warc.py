"""WARC input: pages out of archives written here with warcio, damaged archives, streaming."""

from __future__ import annotations

import gzip
import io
import random
from pathlib import Path

import pytest
from conftest import ARTICLE_PARAGRAPHS
from test_html import page
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dyads.errors import DocumentError, UnreadableDocument
from dyads.ingest import clean, iter_sources
from dyads.ingest.warc import iter_warc
from dyads.model import RawDocument

FIRST_URL = "https://nile.example/2024/06/14/dam-talks"
SECOND_URL = "https://cairo.example/news/gerd-talks"
FIRST_PAGE = page().encode("utf-8")
SECOND_PAGE = page(paragraphs=ARTICLE_PARAGRAPHS[3:] + ARTICLE_PARAGRAPHS[:3]).encode("utf-8")
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def _response(writer: WARCWriter, url: str, body: bytes, *, status: str = "200 OK",
              content_type: str = "text/html; charset=utf-8", headers: tuple[tuple[str, str], ...] = ()) -> str:
    http = StatusAndHeaders(status, [("Content-Type", content_type), *headers], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
    writer.write_record(record)
    return record.rec_headers.get_header("WARC-Record-ID").strip("<>")


def _request(writer: WARCWriter, url: str) -> None:
    http = StatusAndHeaders("GET / HTTP/1.1", [("Host", url.split("/")[2])], is_http_request=True)
    writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=http))


def crawl(*, gzipped: bool) -> tuple[bytes, list[str]]:
    """A small crawl: warcinfo, two article pages (each after its request), an image and a 404 page.

    Returns the archive and the record ids of the two articles.
    """
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "dyads tests"}))
    _request(writer, FIRST_URL)
    first = _response(writer, FIRST_URL, FIRST_PAGE)
    _response(writer, "https://nile.example/map.png", PNG, content_type="image/png")
    _response(writer, "https://nile.example/gone", b"<html><body><p>Not found</p></body></html>",
              status="404 Not Found")
    _request(writer, SECOND_URL)
    second = _response(writer, SECOND_URL, SECOND_PAGE)
    return out.getvalue(), [first, second]


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def _record_spans(data: bytes) -> list[tuple[int, int]]:
    """(offset, end) of every record in an intact archive, as warcio indexes it."""
    records = ArchiveIterator(io.BytesIO(data))
    spans = []
    for _ in records:
        offset, length = records.get_record_offset(), records.get_record_length()
        spans.append((offset, offset + length))
    return spans


@pytest.mark.parametrize("gzipped", [False, True], ids=["warc", "warc.gz"])
def test_only_the_two_html_pages_come_out_with_their_urls(tmp_path, gzipped):
    data, ids = crawl(gzipped=gzipped)
    path = _write(tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc"), data)
    items = list(iter_sources([path]))
    assert all(isinstance(item, RawDocument) for item in items)
    assert [(d.url, d.kind) for d in items] == [(FIRST_URL, "html"), (SECOND_URL, "html")]
    assert [d.doc_id for d in items] == [f"{path}#{ids[0]}", f"{path}#{ids[1]}"]
    assert [d.data for d in items] == [FIRST_PAGE, SECOND_PAGE]
    assert all(d.date is None for d in items), "the WARC-Date is a fetch date, not a publication date"


def test_the_test_crawl_has_seven_records_in_seven_gzip_members():
    data, _ = crawl(gzipped=True)
    spans = _record_spans(data)
    assert len(spans) == 7
    assert all(data[offset:offset + 2] == b"\x1f\x8b" for offset, _ in spans)


def test_truncated_warc_gz_yields_earlier_pages_then_one_error(tmp_path):
    data, _ = crawl(gzipped=True)
    last_offset, last_end = _record_spans(data)[-1]
    path = _write(tmp_path / "cut.warc.gz", data[:(last_offset + last_end) // 2])
    items = list(iter_sources([path]))
    assert [type(i).__name__ for i in items] == ["RawDocument", "UnreadableDocument"]
    assert items[0].url == FIRST_URL
    error = items[1]
    assert error.doc_id == path
    assert path in error.reason and f"byte offset {last_offset}" in error.reason


@pytest.mark.parametrize("gzipped", [False, True], ids=["warc", "warc.gz"])
def test_every_cut_gives_a_prefix_of_the_pages_and_an_error_unless_it_falls_between_records(gzipped):
    data, _ = crawl(gzipped=gzipped)
    spans = _record_spans(data)
    starts = [offset for offset, _ in spans] + [len(data)]
    between = [(0, 0)] + [(end, starts[i + 1]) for i, (_, end) in enumerate(spans)]
    page_ends = [spans[2][1], spans[6][1]]
    for cut in range(0, len(data), 7 if gzipped else 23):
        items = list(iter_warc("crawl", io.BytesIO(data[:cut])))
        docs = [i for i in items if isinstance(i, RawDocument)]
        errors = [i for i in items if isinstance(i, DocumentError)]
        assert [d.data for d in docs] == [FIRST_PAGE, SECOND_PAGE][:sum(end <= cut for end in page_ends)], cut
        clean_cut = any(end <= cut <= start for end, start in between)
        assert len(errors) == (0 if clean_cut else 1), cut
        assert not errors or items[-1] is errors[0]


def test_garbage_between_records_is_reported_at_its_offset():
    data, _ = crawl(gzipped=False)
    offset = _record_spans(data)[4][0]
    damaged = data[:offset] + b"this is not a WARC record\r\n\r\n" + data[offset:]
    items = list(iter_warc("crawl.warc", io.BytesIO(damaged)))
    assert [type(i).__name__ for i in items] == ["RawDocument", "UnreadableDocument"]
    assert f"byte offset {offset} of crawl.warc" in items[1].reason


def test_wrong_content_length_is_reported_and_the_damaged_page_not_yielded():
    data, _ = crawl(gzipped=False)
    offset = _record_spans(data)[6][0]
    head, tail = data[:offset], data[offset:]
    length = int(tail.split(b"Content-Length: ", 1)[1].split(b"\r\n", 1)[0])
    tail = tail.replace(f"Content-Length: {length}\r\n".encode(), f"Content-Length: {length - 40}\r\n".encode(), 1)
    items = list(iter_warc("crawl.warc", io.BytesIO(head + tail)))
    assert [type(i).__name__ for i in items] == ["RawDocument", "UnreadableDocument"]
    assert f"byte offset {offset}" in items[1].reason


def test_archive_gzipped_as_one_piece_is_refused_with_advice():
    data, _ = crawl(gzipped=False)
    items = list(iter_warc("crawl.warc.gz", io.BytesIO(gzip.compress(data))))
    assert isinstance(items[-1], UnreadableDocument)
    assert "warcio recompress" in items[-1].reason
    assert all(isinstance(i, RawDocument) for i in items[:-1])


def test_file_that_is_not_a_warc_at_all_is_an_error(tmp_path):
    path = _write(tmp_path / "notes.warc", b"<html><body><p>Not an archive</p></body></html>")
    (item,) = iter_sources([path])
    assert isinstance(item, UnreadableDocument) and "byte offset 0" in item.reason


@pytest.mark.parametrize("gzipped", [False, True], ids=["warc", "warc.gz"])
def test_archive_without_warc_name_is_sniffed_by_its_magic(tmp_path, gzipped):
    data, _ = crawl(gzipped=gzipped)
    path = _write(tmp_path / ("crawl-00001.gz" if gzipped else "crawl-00001.dat"), data)
    assert [d.url for d in iter_sources([path])] == [FIRST_URL, SECOND_URL]


def test_plain_text_page_and_http_encodings():
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    russian = "Министры трёх стран возобновили переговоры."
    _response(writer, "https://ru.example/a.txt", russian.encode("koi8-r"), content_type="text/plain; charset=KOI8-R")
    _response(writer, "https://nile.example/z", gzip.compress(FIRST_PAGE), headers=(("Content-Encoding", "gzip"),))
    _response(writer, "https://nile.example/c", b"6\r\n<html>\r\n0\r\n\r\n",
              headers=(("Transfer-Encoding", "chunked"),))
    text, zipped, chunked = iter_warc("mixed.warc", io.BytesIO(out.getvalue()))
    assert (text.kind, text.data.decode("utf-8")) == ("text", russian)
    assert zipped.data == FIRST_PAGE
    assert chunked.data == b"<html>"


def test_archived_page_cleans_into_an_article_with_its_url():
    data, _ = crawl(gzipped=True)
    first, _ = iter_warc("crawl.warc.gz", io.BytesIO(data))
    doc = clean(first)
    assert doc.url == FIRST_URL
    assert ARTICLE_PARAGRAPHS[0] in doc.text
    assert doc.date_source != "given"


class _ReadLog(io.BytesIO):
    """A stream that remembers the largest single read asked of it."""

    largest = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.largest = max(self.largest, len(data))
        return data


def test_archive_is_read_in_blocks_not_whole():
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    _response(writer, "https://nile.example/video", random.Random(0).randbytes(4 * 1024 * 1024),
              content_type="video/mp4")
    _response(writer, FIRST_URL, FIRST_PAGE)
    stream = _ReadLog(out.getvalue())
    (doc,) = iter_warc("big.warc.gz", stream)
    assert doc.url == FIRST_URL
    assert len(out.getvalue()) > 4 * 1024 * 1024 and stream.largest <= 64 * 1024
