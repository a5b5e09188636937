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
UTF16_NUL_SHARE = 0.7
"""Share of NUL bytes in the high-byte positions above which BOM-less bytes may be UTF-16 (see
`utf16_without_bom`)."""


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


def utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 bytes that carry no byte-order mark (some Windows exports), or None.

    Such bytes are mostly ASCII letters, so every other byte is NUL: in the odd positions for little-endian, the
    even ones for big-endian. They are taken for UTF-16 only when that pattern holds for nearly all of the first
    `SNIFF_BYTES` bytes and the whole decodes strictly to text without control characters.
    """
    head = data[:SNIFF_BYTES]
    if len(data) % 2 or len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    share = {"utf-16-le": odd.count(0) / len(odd), "utf-16-be": even.count(0) / len(even)}
    other = {"utf-16-le": even.count(0) / len(even), "utf-16-be": odd.count(0) / len(odd)}
    for encoding in ("utf-16-le", "utf-16-be"):
        if share[encoding] >= UTF16_NUL_SHARE and other[encoding] == 0:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            controls = sum(1 for ch in text[:SNIFF_BYTES] if ord(ch) < 0x20 and ord(ch) not in _TEXT_CONTROLS)
            return text if controls <= MAX_CONTROL_SHARE * min(len(text), SNIFF_BYTES) else None
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
    2. UTF-16 without a byte-order mark, when every other byte is NUL (`utf16_without_bom`).
    3. Other binary-looking bytes raise `UnreadableDocument`.
    4. Strict UTF-8.
    5. Windows-1252 (curly quotes from Word and old CMSs), or Latin-1 for bytes cp1252 leaves undefined.

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
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        return unicodedata.normalize("NFC", utf16)
    kind = binary_kind(data)
    if kind:
        raise UnreadableDocument(doc_id, f"binary file ({kind})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_single_byte(data)
    return unicodedata.normalize("NFC", text)
