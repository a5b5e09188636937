"""describe(): the JSON-able view of one cleaned document that `dyads text` prints."""

from __future__ import annotations

import json

from conftest import ARTICLE, scraped_page
from test_html import DATED_HEAD, page

from dyads.ingest import clean, content_hash, describe
from dyads.ingest.show import DESCRIPTION_KEYS
from dyads.model import RawDocument


def test_scraped_page_is_described_with_removed_lines_and_reasons():
    raw = RawDocument("page.txt", scraped_page(bottom=["Share on Facebook"]).encode(), "text")
    view = describe(raw, clean(raw))
    assert tuple(view) == DESCRIPTION_KEYS
    assert view["body"] == ARTICLE
    assert view["kind"] == "text"
    assert view["title"] == "Nile dam talks resume in Khartoum | Nile Daily"
    assert view["content_hash"] == content_hash(ARTICLE)
    assert {"text": "Share on Facebook", "reason": "share-widget"} in view["removed"]
    assert all(set(line) == {"text", "reason"} for line in view["removed"])


def test_html_page_is_described_with_its_metadata_and_date_evidence():
    raw = RawDocument("p.html", page(head=DATED_HEAD).encode(), "html", url="https://nile.example/a")
    view = describe(raw, clean(raw))
    assert (view["date"], view["date_source"], view["language"]) == ("2024-06-14", "metadata", "en")
    assert (view["author"], view["site"], view["url"]) == ("Amina Hassan", "Nile Daily", "https://nile.example/a")


def test_description_is_plain_json():
    raw = RawDocument("page.txt", scraped_page().encode(), "text")
    view = describe(raw, clean(raw))
    assert json.loads(json.dumps(view)) == view
