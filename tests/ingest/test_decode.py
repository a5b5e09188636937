"""decode_bytes: byte-order marks, UTF-8, the cp1252 / Latin-1 fallback, binary refused."""

from __future__ import annotations

import codecs

import pytest

from dyads.errors import UnreadableDocument
from dyads.ingest import decode_bytes

TEXT = "“Peace” talks in Bogotá — the minister’s résumé"


def test_utf8_is_decoded():
    assert decode_bytes(TEXT.encode("utf-8")) == TEXT


def test_utf8_bom_is_stripped():
    assert decode_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8")) == TEXT


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded(encoding):
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    assert decode_bytes(bom + TEXT.encode(encoding)) == TEXT


def test_windows_1252_smart_quotes_are_recovered():
    assert decode_bytes(TEXT.encode("cp1252")) == TEXT


def test_latin1_accents_are_recovered():
    assert decode_bytes("Ça coûte très cher à Genève".encode("latin-1")) == "Ça coûte très cher à Genève"


def test_bytes_undefined_in_cp1252_fall_back_to_latin1():
    assert decode_bytes(b"caf\xe9 \x81 ok") == "café \x81 ok"


def test_text_is_nfc_normalised():
    assert decode_bytes("Bogota\u0301".encode("utf-8")) == "Bogotá"


def test_html_entities_are_left_for_the_html_path():
    assert decode_bytes(b"<p>Tom &amp; Jerry</p>") == "<p>Tom &amp; Jerry</p>"


def test_png_header_is_rejected():
    with pytest.raises(UnreadableDocument, match="PNG"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", doc_id="map.png")


def test_pdf_and_zip_are_rejected():
    for data in (b"%PDF-1.7\n%\xe2\xe3", b"PK\x03\x04\x14\x00"):
        with pytest.raises(UnreadableDocument):
            decode_bytes(data)


def test_nul_bytes_without_bom_are_binary():
    with pytest.raises(UnreadableDocument, match="NUL"):
        decode_bytes(b"abc\x00def\x00")


def test_invalid_utf16_after_bom_is_unreadable():
    with pytest.raises(UnreadableDocument):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8")  # a lone surrogate


def test_error_carries_the_document_id():
    with pytest.raises(UnreadableDocument) as err:
        decode_bytes(b"\x89PNG\r\n\x1a\n", doc_id="photos/map.png")
    assert err.value.doc_id == "photos/map.png"
