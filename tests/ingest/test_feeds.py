"""RSS and Atom input: one document per entry, with title, link, date and content; nothing fetched."""

from __future__ import annotations

import gzip
import socket
from pathlib import Path

import pytest
from conftest import ARTICLE_PARAGRAPHS

from dyads.errors import EmptyDocument, UnreadableDocument
from dyads.ingest import clean, iter_sources
from dyads.model import RawDocument

_PARAGRAPHS = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Nile Daily</title>
  <link>https://nile.example/</link>
  <description>News from the Nile basin</description>
  <item>
    <title>Nile dam talks resume in Khartoum</title>
    <link>https://nile.example/2024/06/14/dam-talks</link>
    <guid isPermaLink="false">nile-daily-4471</guid>
    <pubDate>Fri, 14 Jun 2024 23:30:00 -0500</pubDate>
    <description>Ministers meet again after three months.</description>
    <content:encoded><![CDATA[{_PARAGRAPHS}<script>track()</script>]]></content:encoded>
  </item>
  <item>
    <title>Sudan asks African Union to mediate</title>
    <link>https://nile.example/2024/06/15/sudan-au</link>
    <pubDate>Sat, 15 Jun 2024 08:00:00 GMT</pubDate>
    <description>Sudan asked the African Union on Saturday to mediate between Egypt and Ethiopia &amp; host talks.</description>
  </item>
  <item>
    <title>Picture of the day</title>
    <link>/photo-of-the-day</link>
  </item>
</channel>
</rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<!-- written for the dyads tests -->
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Cairo Post</title>
  <id>tag:cairo.example,2024:feed</id>
  <updated>2024-06-15T10:00:00+02:00</updated>
  <entry>
    <title type="html">Egypt &amp;amp; Ethiopia: talks &lt;em&gt;resume&lt;/em&gt;</title>
    <link rel="alternate" href="https://cairo.example/news/gerd-talks"/>
    <id>tag:cairo.example,2024:gerd-talks</id>
    <published>2024-06-14T22:00:00+02:00</published>
    <updated>2024-06-15T08:00:00+02:00</updated>
    <summary>Talks resume.</summary>
    <content type="html">&lt;p&gt;{ARTICLE_PARAGRAPHS[0]}&lt;/p&gt;&lt;p&gt;{ARTICLE_PARAGRAPHS[1]}&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Dam reservoir reaches record level</title>
    <link href="https://cairo.example/news/reservoir"/>
    <id>tag:cairo.example,2024:reservoir</id>
    <updated>2024-06-13T09:15:00Z</updated>
    <summary type="text">The reservoir behind the dam reached a record level on Thursday, officials said.</summary>
  </entry>
</feed>
"""


def _write(path: Path, text: str | bytes) -> str:
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return str(path)


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test: feeds are read from files only."""
    def refuse(*args, **kwargs):
        raise AssertionError("the ingest stage tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_rss_items_with_titles_links_dates_and_content(tmp_path):
    path = _write(tmp_path / "nile.rss", RSS)
    dam, sudan, photo = iter_sources([path])
    assert isinstance(dam, RawDocument) and isinstance(sudan, RawDocument)
    assert (dam.doc_id, dam.title, dam.url) == (f"{path}#nile-daily-4471", "Nile dam talks resume in Khartoum",
                                                "https://nile.example/2024/06/14/dam-talks")
    assert dam.date == "2024-06-14T23:30:00-05:00", "the feed's own offset keeps the local publication date"
    assert dam.kind == "html" and ARTICLE_PARAGRAPHS[0] in dam.html and "track()" not in dam.html
    assert (sudan.doc_id, sudan.kind, sudan.date) == (f"{path}#https://nile.example/2024/06/15/sudan-au", "text",
                                                      "2024-06-15T08:00:00+00:00")
    assert sudan.data.decode() == ("Sudan asked the African Union on Saturday to mediate between Egypt and Ethiopia "
                                   "& host talks.")
    assert isinstance(photo, EmptyDocument) and "no content or summary" in photo.reason
    assert photo.doc_id == f"{path}#/photo-of-the-day"


def test_atom_entries_with_titles_links_dates_and_content(tmp_path):
    path = _write(tmp_path / "cairo.atom", ATOM)
    talks, reservoir = iter_sources([path])
    assert talks.title == "Egypt & Ethiopia: talks resume"
    assert (talks.url, talks.date) == ("https://cairo.example/news/gerd-talks", "2024-06-14T22:00:00+02:00")
    assert talks.doc_id == f"{path}#tag:cairo.example,2024:gerd-talks"
    assert talks.kind == "html" and ARTICLE_PARAGRAPHS[1] in talks.html
    assert (reservoir.title, reservoir.date, reservoir.kind) == ("Dam reservoir reaches record level",
                                                                 "2024-06-13T09:15:00+00:00", "text")


def test_relative_entry_link_is_resolved_against_the_feed_link(tmp_path):
    rss = RSS.replace("<link>https://nile.example/2024/06/15/sudan-au</link>", "<link>/2024/06/15/sudan-au</link>")
    _, sudan, _ = iter_sources([_write(tmp_path / "nile.rss", rss)])
    assert sudan.url == "https://nile.example/2024/06/15/sudan-au"


def test_feed_entry_cleans_with_its_given_date_and_title(tmp_path):
    dam, *_ = iter_sources([_write(tmp_path / "nile.rss", RSS)])
    doc = clean(dam)
    assert (doc.date, doc.date_source) == ("2024-06-14", "given")
    assert doc.title == "Nile dam talks resume in Khartoum"
    assert doc.url == "https://nile.example/2024/06/14/dam-talks"
    assert doc.text.split("\n\n")[0] == ARTICLE_PARAGRAPHS[0]


def test_xml_file_is_sniffed_as_a_feed_or_left_as_a_page(tmp_path):
    feed = _write(tmp_path / "feed.xml", ATOM)
    other = _write(tmp_path / "sitemap.xml", '<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc>'
                                             "</url></urlset>")
    assert [d.kind for d in iter_sources([feed])] == ["html", "text"]
    (doc,) = iter_sources([other])
    assert doc.doc_id == other and doc.kind in {"html", "text"}


def test_gzipped_feed(tmp_path):
    path = _write(tmp_path / "nile.rss.gz", gzip.compress(RSS.encode("utf-8")))
    assert [getattr(i, "title", None) for i in iter_sources([path])][:2] == [
        "Nile dam talks resume in Khartoum", "Sudan asks African Union to mediate"]


def test_feed_url_is_not_fetched():
    (item,) = iter_sources(["https://nile.example/feed.rss"])
    assert isinstance(item, UnreadableDocument) and "no such file" in item.reason


def test_broken_feed_is_an_error_value(tmp_path):
    path = _write(tmp_path / "broken.rss", b"\x00\x01 this is not XML <rss")
    (item,) = iter_sources([path])
    assert isinstance(item, UnreadableDocument) and item.doc_id == path
    assert item.reason.startswith("not a readable feed")


def test_feed_with_small_flaws_still_gives_its_entries(tmp_path):
    flawed = RSS.replace("</channel>", "<unclosed></channel>")
    titles = [getattr(i, "title", None) for i in iter_sources([_write(tmp_path / "flawed.rss", flawed)])]
    assert titles[:2] == ["Nile dam talks resume in Khartoum", "Sudan asks African Union to mediate"]
