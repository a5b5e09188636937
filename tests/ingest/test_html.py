"""HTML path: trafilatura plus our pass, metadata, fallbacks, malformed markup."""

from __future__ import annotations

from conftest import ARTICLE_PARAGRAPHS

import dyads.ingest.html as html_module
from dyads.ingest.html import extract_html, paragraph_text, parse_html, visible_text


def page(*, head: str = "", paragraphs=ARTICLE_PARAGRAPHS, extra: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head><title>Nile dam talks resume | Nile Daily</title>{head}</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Nile dam talks resume</h1>{body}{extra}</article>
<aside><h3>Most read</h3>
<ul><li><a href="/1">Floods hit Sudan</a></li><li><a href="/2">Cairo summit</a></li></ul></aside>
<footer><p>© 2024 Nile Daily. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""


DATED_HEAD = ('<meta property="article:published_time" content="2024-06-14T09:00:00+00:00">'
              '<meta name="author" content="Amina Hassan"><meta property="og:site_name" content="Nile Daily">')


def test_article_paragraphs_are_extracted_without_page_furniture():
    result = extract_html(page())
    assert result.method == "trafilatura"
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in result.text
    for furniture in ("Home", "Most read", "All rights reserved", "Privacy policy"):
        assert furniture not in result.text
    assert "\n\n" in result.text


def test_metadata_with_date():
    result = extract_html(page(head=DATED_HEAD))
    assert result.metadata.date == "2024-06-14"
    assert result.metadata.author == "Amina Hassan"
    assert result.metadata.site == "Nile Daily"
    assert result.title and "Nile dam talks resume" in result.title


def test_no_date_metadata_gives_no_metadata_date():
    result = extract_html(page())
    assert result.metadata.date is None


def test_headline_copy_is_not_in_the_body():
    result = extract_html(page(head='<meta property="og:title" content="Nile dam talks resume">'))
    assert not result.text.startswith("Nile dam talks resume\n")


def test_share_and_newsletter_lines_inside_the_article_are_removed():
    extra = "<p>Share on Facebook</p><p>Sign up for our daily newsletter</p>"
    result = extract_html(page(extra=extra))
    assert "Share on Facebook" not in result.text
    assert "newsletter" not in result.text
    assert {r.reason for r in result.removed} >= {"share-widget", "paywall"}


def test_malformed_html_does_not_crash():
    broken = ("<html><body><div><p>" + ARTICLE_PARAGRAPHS[0] + "<p>" + ARTICLE_PARAGRAPHS[1]
              + "<span><b>unclosed <i>tags</div></td></table>" + "<p>" + ARTICLE_PARAGRAPHS[3])
    result = extract_html(broken)
    assert ARTICLE_PARAGRAPHS[0] in result.text


def test_markup_that_is_not_html_at_all_gives_empty_or_text():
    for junk in ("", "<<<>>>", "<!-- only a comment -->", "\x00\x01<p"):
        result = extract_html(junk)
        assert isinstance(result.text, str)


def test_fallback_helpers_read_paragraphs_and_visible_text():
    tree = parse_html("<html><head><script>var x = 1;</script></head><body><div>Menu</div>"
                      "<p>First paragraph.</p><p>Second <b>bold</b> paragraph.</p></body></html>")
    assert paragraph_text(tree) == "First paragraph.\nSecond bold paragraph."
    visible = visible_text(tree)
    assert "Menu" in visible and "var x" not in visible


def test_falls_back_to_paragraph_text_when_trafilatura_finds_nothing(monkeypatch):
    monkeypatch.setattr(html_module, "trafilatura_article", lambda html, url=None: ("", None))
    result = extract_html(page(head=DATED_HEAD))
    assert result.method == "paragraphs"
    assert result.text == "\n\n".join(ARTICLE_PARAGRAPHS)
    assert result.metadata.date == "2024-06-14"


def test_falls_back_to_visible_text_when_there_are_no_paragraphs(monkeypatch):
    monkeypatch.setattr(html_module, "trafilatura_article", lambda html, url=None: ("", None))
    divs = "".join(f"<div>{p}</div>" for p in ARTICLE_PARAGRAPHS)
    markup = f"<html><body><div>Home</div><div>World</div>{divs}<div>Share on Facebook</div></body></html>"
    result = extract_html(markup)
    assert result.method == "visible-text"
    assert result.text == "\n\n".join(ARTICLE_PARAGRAPHS)
