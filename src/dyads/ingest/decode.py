"""Bytes to text: byte-order marks, strict UTF-8, then the Windows-1252 / Latin-1 fallback.

Binary input (images, PDFs, archives) is refused by its magic bytes or by NUL and control bytes, so a
folder with a stray PNG gives one `UnreadableDocument` instead of a page of mojibake. HTML entities are
left alone: the HTML path resolves them when it parses the markup.
"""

from __future__ import annotations

import codecs
import unicodedata

from dyads.errors import UnreadableDocument

MAGIC_BYTES = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "gzip data"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x7fELF", "executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"RIFF", "RIFF media"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
SNIFF_BYTES = 4096
MAX_CONTROL_SHARE = 0.02
"""Share of C0 control bytes (other than tab, newline, carriage return, form feed) above which bytes are binary."""
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\x1b")


def binary_kind(data: bytes) -> str | None:
    """Return why ``data`` looks binary ("PNG image", "NUL bytes", ...), or None when it looks like text.

    Text with a UTF-16/32 byte-order mark is text even though it holds NUL bytes.
    """
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    for magic, kind in MAGIC_BYTES:
        if data.startswith(magic):
            return kind
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        return "NUL bytes"
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if head and controls / len(head) > MAX_CONTROL_SHARE:
        return "control bytes"
    return None


def _decode_single_byte(data: bytes) -> str:
    """Windows-1252 where it defines every byte, else Latin-1 (which maps every byte)."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def decode_bytes(data: bytes, *, doc_id: str = "<bytes>") -> str:
    """Decode document bytes to NFC text.

    1. A byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE).
    2. Binary-looking bytes raise `UnreadableDocument`.
    3. Strict UTF-8.
    4. Windows-1252 (curly quotes from Word and old CMSs), or Latin-1 for bytes cp1252 leaves undefined.

    >>> decode_bytes("“Peace” talks".encode("cp1252"))
    '“Peace” talks'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as err:
                raise UnreadableDocument(doc_id, f"invalid {encoding} after byte-order mark: {err.reason}") from err
            return unicodedata.normalize("NFC", text)
    kind = binary_kind(data)
    if kind:
        raise UnreadableDocument(doc_id, f"binary file ({kind})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_single_byte(data)
    return unicodedata.normalize("NFC", text)
