"""clean(): the whole chain from RawDocument to Document."""

from __future__ import annotations

import pytest
from conftest import ARTICLE, ARTICLE_PARAGRAPHS, scraped_page
from test_html import DATED_HEAD, page

from dyads.errors import EmptyDocument, SkippedDocument, UnreadableDocument
from dyads.ingest import clean
from dyads.ingest.clean import content_hash
from dyads.model import RawDocument

GERMAN = ("Die Regierung hat am Montag erklärt, dass sie nicht zurücktreten werde, und die Opposition kündigte "
          "an, dass sie weiter auf der Straße protestieren wird, bis es Neuwahlen gibt. Der Präsident sagte, "
          "er sei zu Gesprächen bereit, aber nicht unter Druck.")
FRENCH = ("Le gouvernement a déclaré lundi qu'il ne démissionnerait pas et l'opposition a annoncé qu'elle "
          "continuerait à manifester dans les rues de la capitale jusqu'à de nouvelles élections. Le président "
          "s'est dit prêt à discuter, mais pas sous la pression de la rue.")


def text_doc(text: str, **kwargs) -> RawDocument:
    return RawDocument(kwargs.pop("doc_id", "doc"), text.encode("utf-8"), kwargs.pop("kind", "text"), **kwargs)


def test_clean_text_article_unchanged_with_paragraphs_and_hash():
    doc = clean(text_doc(ARTICLE))
    assert doc.text == ARTICLE
    assert doc.text.split("\n\n") == list(ARTICLE_PARAGRAPHS)
    assert doc.language == "en"
    assert doc.removed == []
    assert len(doc.content_hash) == 16
    assert doc.content_hash == content_hash(ARTICLE.upper().replace("\n\n", " \n "))


def test_scraped_page_is_cleaned_with_title_and_reasons():
    doc = clean(text_doc(scraped_page(bottom=["Share on Facebook", "© 2024 Nile Daily. All rights reserved."])))
    assert doc.text == ARTICLE
    assert doc.title == "Nile dam talks resume in Khartoum | Nile Daily"
    assert {r.reason for r in doc.removed} >= {"share-widget", "footer", "headline"}


def test_record_text_is_kept_as_is_with_given_date_and_title():
    raw = RawDocument("r1", ARTICLE.encode(), "record", url="https://x.org/a", title="Dam talks", date="2024-06-14")
    doc = clean(raw)
    assert doc.text == ARTICLE
    assert (doc.date, doc.date_source, doc.title, doc.url) == ("2024-06-14", "given", "Dam talks", "https://x.org/a")


def test_override_date_wins():
    raw = RawDocument("r1", ARTICLE.encode(), "record", date="2024-06-14")
    doc = clean(raw, doc_date="2020-01-02")
    assert (doc.date, doc.date_source) == ("2020-01-02", "override")


def test_bad_override_date_is_a_caller_error():
    with pytest.raises(ValueError):
        clean(text_doc(ARTICLE), doc_date="someday")


def test_html_metadata_date():
    doc = clean(RawDocument("p.html", page(head=DATED_HEAD).encode(), "html"))
    assert (doc.date, doc.date_source) == ("2024-06-14", "metadata")
    assert doc.author == "Amina Hassan" and doc.site == "Nile Daily"
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in doc.text


def test_html_without_date_metadata_infers_dateline_from_text():
    paragraphs = ("KHARTOUM, June 14, 2024 — " + ARTICLE_PARAGRAPHS[0], *ARTICLE_PARAGRAPHS[1:])
    doc = clean(RawDocument("p.html", page(paragraphs=paragraphs).encode(), "html"))
    assert doc.date == "2024-06-14"
    assert doc.date_source == 'text:dateline "KHARTOUM, June 14, 2024"'


def test_html_record_uses_the_html_field():
    html = page()
    doc = clean(RawDocument("r", html.encode(), "html", html=html, date="2024-01-01"))
    assert ARTICLE_PARAGRAPHS[0] in doc.text and doc.date_source == "given"


def test_unknown_date():
    doc = clean(text_doc(ARTICLE))
    assert (doc.date, doc.date_source) == (None, "unknown")


def test_scraped_published_line_is_used_for_the_date_even_when_removed():
    text = scraped_page(top=["Home", "World", "By Amina Hassan", "Published 14 June 2024"])
    doc = clean(text_doc(text))
    assert (doc.date, doc.date_source) == ("2024-06-14", 'text:published "Published 14 June 2024"')
    assert "Published 14 June 2024" not in doc.text


def test_a_date_line_above_share_icons_and_a_doubled_caption_dates_the_page():
    caption = "Delegates arrive for the talks in Khartoum on Monday. (Photo: Nile Daily/A. Osman)"
    text = scraped_page(top=["Home", "World", "19/06/2024 08:45", "By Amina Hassan", "f   X   in   ✉", "Loading…",
                             "▶", caption, caption])
    doc = clean(text_doc(text))
    assert (doc.date, doc.date_source) == ("2024-06-19", 'text:byline "19/06/2024 08:45"')


@pytest.mark.parametrize(("text", "code"), [(GERMAN, "de"), (FRENCH, "fr")])
def test_non_english_is_skipped_with_reason(text, code):
    with pytest.raises(SkippedDocument) as err:
        clean(text_doc(text))
    assert err.value.reason == f"not English (detected: {code})"
    assert err.value.status == "skipped"


def test_empty_file_is_empty_document():
    with pytest.raises(EmptyDocument):
        clean(text_doc("   \n\n "))


def test_page_of_only_furniture_is_empty_document():
    with pytest.raises(EmptyDocument):
        clean(text_doc("Home\nWorld\nShare on Facebook\nSubscribe\n© 2024 Nile Daily"))


def test_binary_bytes_are_unreadable():
    with pytest.raises(UnreadableDocument):
        clean(RawDocument("x.png", b"\x89PNG\r\n\x1a\n\x00\x00", "text"))


def test_cp1252_file_is_cleaned():
    text = "“We will not back down,” the minister said on Tuesday after the talks in Khartoum collapsed again."
    doc = clean(RawDocument("w.txt", text.encode("cp1252"), "text"))
    assert doc.text == text


def test_record_holding_a_scraped_page_is_cleaned():
    raw = RawDocument("r2", scraped_page(bottom=["Share on Facebook", "Subscribe now"]).encode(), "record",
                      title="Nile dam talks resume in Khartoum")
    doc = clean(raw)
    assert doc.text == ARTICLE
    assert doc.title == "Nile dam talks resume in Khartoum"


def test_bare_date_line_above_the_article_gives_the_date():
    text = scraped_page(top=["Home", "World", "Africa", "Sport", "By Amina Hassan", "14 June 2024 09:12 GMT"])
    doc = clean(text_doc(text))
    assert (doc.date, doc.date_source) == ("2024-06-14", 'text:byline "14 June 2024 09:12 GMT"')
