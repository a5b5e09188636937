"""Article text and metadata from an HTML page.

trafilatura finds the article body (precision-first settings); our boilerplate scorer then makes one pass over
its paragraphs, because trafilatura keeps some widgets inside the article (share lines, "Related:" links,
newsletter pitches) and often repeats the headline. When trafilatura returns nothing, the ``<p>`` text or the
page's visible text goes through the scraped-text cleaner instead.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field, replace
from types import MappingProxyType

import trafilatura
from lxml import etree  # type: ignore[import-untyped]

from dyads.ingest.boilerplate import CleanedText, remove_boilerplate
from dyads.ingest.language import detect_language
from dyads.ingest.options import DEFAULT_OPTIONS, BoilerplateOptions
from dyads.model import RemovedLine

TRUSTED_OPTIONS = replace(DEFAULT_OPTIONS, main_block=False)
"""Scorer options for extractor output: drop boilerplate lines, keep the extent trafilatura chose."""
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe", "object"})
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "pre", "section", "table", "td", "th", "tr", "ul",
})


@dataclass(frozen=True, slots=True)
class PageMetadata:
    """What the page's markup says about itself (meta tags, JSON-LD, ``<title>``)."""

    title: str | None = None
    author: str | None = None
    site: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class HtmlExtraction:
    """Clean text of a page with its metadata, the removed lines, and which step produced the text."""

    text: str
    metadata: PageMetadata
    method: str
    """``trafilatura``, ``paragraphs``, ``visible-text`` or ``stripped-markup`` (see `extract_html`)."""
    title: str | None = None
    removed: tuple[RemovedLine, ...] = field(default=())
    header: tuple[str, ...] = field(default=())
    """Removed lines just above the article, nearest first (see `CleanedText.header`)."""


def parse_html(html: str) -> etree._Element | None:
    """Parse markup leniently; None when there is nothing to parse (empty or not markup at all)."""
    return trafilatura.load_html(html)


_DATE_PARAMS = MappingProxyType({"extensive_search": False, "original_date": True})
"""htmldate settings: meta tags, structured data and the URL only; a date in the visible text is left to the
text inference, which records its evidence."""


def _metadata(document: object, url: str | None) -> PageMetadata:
    """Our metadata record from trafilatura's document object."""
    return PageMetadata(
        title=getattr(document, "title", None) or None,
        author=getattr(document, "author", None) or None,
        site=getattr(document, "sitename", None) or None,
        date=getattr(document, "date", None) or None,
        url=getattr(document, "url", None) or url,
    )


def page_metadata(tree: etree._Element | None, *, url: str | None = None) -> PageMetadata:
    """Title, author, site name and publication date (htmldate, see `_DATE_PARAMS`) from the markup."""
    if tree is None:
        return PageMetadata(url=url)
    return _metadata(trafilatura.extract_metadata(tree, default_url=url, extensive=False,
                                                  date_config=dict(_DATE_PARAMS)), url)


def trafilatura_article(html: str, *, url: str | None = None) -> tuple[str, PageMetadata | None]:
    """The article body as trafilatura sees it (one paragraph per line, "" when none) and the page metadata
    from the same parse (None when trafilatura gave up on the page)."""
    document = trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        date_extraction_params=dict(_DATE_PARAMS),
    )
    if document is None:
        return "", None
    return (getattr(document, "text", None) or ""), _metadata(document, url)


def paragraph_text(tree: etree._Element | None) -> str:
    """The text of every ``<p>`` element, one per line: the first fallback when trafilatura finds nothing."""
    if tree is None:
        return ""
    paragraphs = (" ".join(p.text_content().split()) for p in tree.iter("p"))
    return "\n".join(p for p in paragraphs if p)


_INVISIBLE_BLOCK = re.compile(r"<(script|style|noscript|template|svg|head|iframe|object)\b.*?</\1\s*>|<!--.*?-->",
                              re.IGNORECASE | re.DOTALL)
_BLOCK_TAG = re.compile(r"</?(?:%s)\b[^>]*>" % "|".join(sorted(_BLOCK_TAGS)), re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")


def stripped_markup_text(html: str) -> str:
    """The page's text with the tags stripped by pattern, one block element per line: the fallback for markup the
    HTML parser cannot hold (libxml2 drops everything nested deeper than 255 elements), used only when the parsed
    page gave no text."""
    text = _ANY_TAG.sub("", _BLOCK_TAG.sub("\n", _INVISIBLE_BLOCK.sub(" ", html)))
    blocks = (" ".join(html_lib.unescape(line).split()) for line in text.splitlines())
    return "\n".join(b for b in blocks if b)


def visible_text(tree: etree._Element | None) -> str:
    """All visible text of the page, one block element per line: the last fallback.

    Walks the tree without recursion (pages can nest deeply); script, style and similar elements are skipped.
    """
    if tree is None:
        return ""
    parts: list[str] = []
    walker = etree.iterwalk(tree, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if not tag or tag in _INVISIBLE:
                walker.skip_subtree()
                continue
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            parts.append(element.text or "")
        else:
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if element is not tree:
                parts.append(element.tail or "")
    blocks = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return "\n".join(b for b in blocks if b)


def extract_html(html: str, *, url: str | None = None, language: str | None = None,
                 options: BoilerplateOptions = TRUSTED_OPTIONS) -> HtmlExtraction:
    """Extract the article of an HTML page.

    1. trafilatura (favor_precision, no comments, tables kept) finds the body; the boilerplate scorer drops
       widget lines and headline copies from it (``options``: the extent is trusted by default).
    2. If that leaves nothing: the text of the ``<p>`` elements, through the full scraped-text cleaner.
    3. If that leaves nothing: the page's visible text, through the full scraped-text cleaner.
    4. If that leaves nothing: the page with its tags stripped by pattern (`stripped_markup_text`), for markup
       nested deeper than the HTML parser keeps.

    Metadata (title, author, site, date) comes from the markup in every case. Malformed markup never raises:
    at worst the result has empty text.
    """
    body, found = trafilatura_article(html, url=url) if html.strip() else ("", None)
    tree = None
    if found is None:
        tree = parse_html(html)
    metadata = found or page_metadata(tree, url=url)
    cleaned: CleanedText | None = None
    method = "trafilatura"
    for method in ("trafilatura", "paragraphs", "visible-text", "stripped-markup"):
        if method == "trafilatura":
            text, step_options = body, options
        elif method == "stripped-markup":
            text, step_options = stripped_markup_text(html), DEFAULT_OPTIONS
        else:
            tree = tree if tree is not None else parse_html(html)
            text = paragraph_text(tree) if method == "paragraphs" else visible_text(tree)
            step_options = DEFAULT_OPTIONS
        if not text.strip():
            continue
        cleaned = remove_boilerplate(text, language=language or detect_language(text), title=metadata.title,
                                     options=step_options)
        if cleaned.paragraphs:
            break
    if cleaned is None:
        return HtmlExtraction("", metadata, method, metadata.title)
    return HtmlExtraction(cleaned.text, metadata, method, cleaned.title or metadata.title, cleaned.removed,
                          cleaned.header)
