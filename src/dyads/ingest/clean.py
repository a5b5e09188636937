"""From a `RawDocument` to a clean `Document`: body text, title, date with its evidence, language, hash."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from dyads.errors import EmptyDocument, SkippedDocument
from dyads.ingest.boilerplate import CleanedText, remove_boilerplate
from dyads.ingest.dates import infer_date, normalise_date
from dyads.ingest.decode import decode_bytes
from dyads.ingest.html import HtmlExtraction, PageMetadata, extract_html
from dyads.ingest.language import detect_language
from dyads.ingest.limits import current_limits, time_limit, too_large, too_long
from dyads.model import Document, RawDocument

TARGET_LANGUAGE = "en"
HASH_CHARS = 16
_SPACE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """sha256 (hex, first 16 characters) of the text NFC-normalised, case-folded, whitespace collapsed,
    so the same article cleaned from two sources hashes the same."""
    normal = _SPACE.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:HASH_CHARS]


def _resolve_date(raw: RawDocument, doc_date: str | None, metadata: PageMetadata,
                  body: str, header_lines: list[str]) -> tuple[str | None, str]:
    """Date and how it was found: override > given > metadata > text > unknown."""
    if doc_date is not None:
        override = normalise_date(doc_date)
        if override is None:
            raise ValueError(f"doc_date is not a date: {doc_date!r}")
        return override, "override"
    given = normalise_date(raw.date)
    if given:
        return given, "given"
    from_markup = normalise_date(metadata.date)
    if from_markup:
        return from_markup, "metadata"
    inferred = infer_date(body, header_lines=header_lines)
    if inferred:
        return inferred
    return None, "unknown"


def _clean_text(raw: RawDocument, text: str) -> HtmlExtraction:
    """Scraped-text path, shaped like the HTML result so `clean` has one flow."""
    cleaned: CleanedText = remove_boilerplate(text, language=detect_language(text), title=raw.title)
    return HtmlExtraction(cleaned.text, PageMetadata(title=raw.title, url=raw.url), "boilerplate",
                          cleaned.title, cleaned.removed, cleaned.header)


def clean(raw: RawDocument, *, doc_date: str | None = None) -> Document:
    """Turn a raw document into clean article text with its metadata.

    1. Decode: ``raw.html`` when given, else the bytes (BOM, UTF-8, then cp1252/Latin-1; binary is refused).
    2. Body: ``html`` goes to `dyads.ingest.html.extract_html` (trafilatura, then ``<p>`` text, then visible
       text, each through the boilerplate scorer); ``text`` and ``record`` go to the scraped-text boilerplate
       remover, which leaves clean text as it is.
    3. Nothing left: `EmptyDocument`.
    4. Language: anything but English raises `SkippedDocument` ("not English (detected: de)").
    5. Date: ``doc_date`` ("override") > the source's date ("given") > HTML metadata ("metadata") >
       inferred from the text ("text:<evidence>") > None ("unknown").
    6. Content hash of the clean text.

    Paragraphs in ``Document.text`` are separated by a blank line.

    Limits (`dyads.ingest.limits`): input over the document size limit, clean text over the character limit and
    cleaning that runs over the time limit raise `SkippedDocument` with the figure and the limit.
    """
    limits = current_limits()
    size = len(raw.html.encode("utf-8")) if raw.html is not None else len(raw.data)
    if size > limits.max_document_bytes:
        raise too_large(raw.doc_id, size, limits.max_document_bytes)
    with time_limit(raw.doc_id, limits.clean_timeout_s):
        return _clean(raw, doc_date, limits.max_text_chars)


def _clean(raw: RawDocument, doc_date: str | None, max_text_chars: int) -> Document:
    """`clean` inside its limits."""
    if raw.html is not None:
        source = unicodedata.normalize("NFC", raw.html)
    else:
        source = decode_bytes(raw.data, doc_id=raw.doc_id)
    if not source.strip():
        raise EmptyDocument(raw.doc_id, "empty input")
    if raw.kind == "html":
        extraction = extract_html(source, url=raw.url)
    else:
        extraction = _clean_text(raw, source)
    body = extraction.text.strip()
    if not body:
        raise EmptyDocument(raw.doc_id, "no text left after cleaning")
    if len(body) > max_text_chars:
        raise too_long(raw.doc_id, len(body), max_text_chars)
    language = detect_language(body)
    if language != TARGET_LANGUAGE:
        raise SkippedDocument(raw.doc_id, f"not English (detected: {language})")
    date, date_source = _resolve_date(raw, doc_date, extraction.metadata, body, list(extraction.header))
    return Document(
        doc_id=raw.doc_id,
        text=body,
        title=raw.title or extraction.title,
        url=raw.url or extraction.metadata.url,
        date=date,
        date_source=date_source,
        language=language,
        content_hash=content_hash(body),
        author=extraction.metadata.author,
        site=extraction.metadata.site,
        removed=list(extraction.removed),
    )
