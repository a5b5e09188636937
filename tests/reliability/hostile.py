"""Hostile inputs for the reliability tests, generated into a folder (no checked-in binaries).

`write_corpus` writes one file per class of bad input next to a few good articles, and returns what each file is
expected to become: the status the batch must record and a word its reason must contain.
"""

from __future__ import annotations

import gzip
import io
import json
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

GOOD_ARTICLES = {
    "good1.txt": "Pakistani troops attacked Indian positions in Kashmir on Monday, officials said.\n",
    "good2.txt": "The United States imposed new sanctions on Iran on Tuesday.\n",
    "good3.txt": "Chinese Foreign Minister Wang Yi held talks with Egypt on Saturday.\n",
}
ENGLISH = ("France agreed to sell Rafale fighter jets to India, the defence ministry said on Wednesday. "
           "Russia criticised the deal.")


@dataclass(frozen=True)
class Expect:
    """What the batch must record for one file: its status and a fragment of the reason (lower case)."""

    status: str
    reason: str = ""


def png_bytes() -> bytes:
    """A valid 1x1 PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def pdf_bytes() -> bytes:
    """A tiny PDF file (header, one object, trailer)."""
    return (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")


def zip_bytes() -> bytes:
    """A ZIP archive holding one English text file."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("article.txt", ENGLISH)
    return buf.getvalue()


def nested_html(levels: int, text: str = ENGLISH) -> str:
    """An HTML page with ``levels`` nested ``<div>``s around one English paragraph."""
    return ("<html><body>" + "<div>" * levels + f"<p>{text}</p>" + "</div>" * levels + "</body></html>")


def big_html(megabytes: int) -> bytes:
    """An HTML page of about ``megabytes`` MB of paragraphs."""
    para = f"<p>{ENGLISH}</p>\n".encode()
    return b"<html><body>" + para * (megabytes * 1024 * 1024 // len(para) + 1) + b"</body></html>"


def warc_record(url: str, html: str) -> bytes:
    """One WARC response record (HTTP 200, text/html), gzipped as its own member."""
    body = html.encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
            f"WARC-Record-ID: <urn:uuid:{abs(hash(url)) % 10**12:012d}>\r\nWARC-Date: 2023-03-05T00:00:00Z\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    return gzip.compress(head + http + b"\r\n\r\n")


def write_corpus(root: Path, *, big_mb: int = 50) -> dict[str, Expect]:
    """Write the good articles and every class of hostile input under ``root``; return the expected record of each
    file name (a JSONL or WARC file's expectations are keyed ``name:line`` / ``name#...`` and checked apart)."""
    root.mkdir(parents=True, exist_ok=True)
    expect: dict[str, Expect] = {}
    for name, text in GOOD_ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8")
        expect[name] = Expect("coded")
    files: dict[str, tuple[bytes, Expect]] = {
        "empty.txt": (b"", Expect("empty", "empty")),
        "whitespace.txt": (b" \n\t\r\n   \n\f\n", Expect("empty", "empty")),
        "image.png": (png_bytes(), Expect("failed", "png")),
        "paper.pdf": (pdf_bytes(), Expect("failed", "pdf")),
        "archive.zip": (zip_bytes(), Expect("failed", "zip")),
        "invalid_utf8.txt": (b"Brazil recalled its ambassador from Venezuela on Monday \xff\xfe\xc3\x28 after a border clash.", Expect("coded")),
        "utf16_nobom.txt": ("Kenya accused Somalia of violating its airspace, the army said.".encode("utf-16-le"), Expect("coded")),
        "utf16be_nobom.txt": ("Norway pledged humanitarian aid to Sudan on Thursday.".encode("utf-16-be"), Expect("coded")),
        "big.html": (big_html(big_mb), Expect("skipped", "limit")),
        "nested.html": (nested_html(10_000, "Chile and Peru settled their maritime dispute at the court in The Hague.").encode(), Expect("coded")),
        "one_line.txt": ((ENGLISH + " ") .encode() * (1024 * 1024 // (len(ENGLISH) + 1) + 1), Expect("skipped", "limit")),
        "long_sentence.txt": (("Germany said " + " and ".join(["peace"] * 2500) + " with Poland.\n"
                               + "Egypt hosted talks between Israel and Hamas on Sunday.").encode(), Expect("coded")),
        "controls.txt": (ENGLISH.replace(" ", " \x07", 3).replace("jets", "je\x00ts").encode(),
                         Expect("failed", "nul")),
        "controls_many.txt": ("\x0b\x01Mexico\x02 \x03signed\x1f".encode() * 20, Expect("failed", "control bytes")),
        "controls_few.txt": (("\x0bMexico signed a trade agreement\x1f with Canada\x7f on Friday. " + ENGLISH * 2 + "\n").encode(), Expect("coded")),
        "mixed_language.txt": (("Die Regierung hat am Montag neue Sanktionen beschlossen. " * 3 + "\n"
                                + ENGLISH + "\n" + "Le gouvernement a annoncé des mesures. " * 2).encode(),
                               Expect("skipped", "not english")),
        "mostly_english.txt": (((ENGLISH + " ") * 3 + "\nDie Regierung hat am Montag Sanktionen beschlossen.\n"
                                + "Le gouvernement a annoncé des mesures.").encode(), Expect("coded")),
        "truncated.txt.gz": (gzip.compress(ENGLISH.encode() * 50)[:60], Expect("failed", "gzip")),
        "bomb.txt.gz": (gzip.compress(b"a " * (60 * 1024 * 1024)), Expect("skipped", "limit")),
    }
    for name, (data, exp) in files.items():
        (root / name).write_bytes(data)
        expect[name] = exp
    return expect


def write_jsonl(path: Path) -> dict[str, Expect]:
    """A JSONL file with good records and bad lines; returns the expected record per doc id."""
    lines = [
        json.dumps({"id": "j-good", "text": "Japan protested to China over the islands on Friday.", "date": "2023-01-06"}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "j-notext", "title": "no body"}),
        json.dumps({"id": "j-num", "text": 12}),
        "\x00\x01garbage",
        json.dumps({"id": "j-good2", "text": "Turkey warned Greece over the Aegean.", "date": "2023-01-07"}),
        '{"id": "j-trunc", "text": "cut off',
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    name = path.name
    return {"j-good": Expect("coded"), f"{path}:2": Expect("failed", "bad json"),
            f"{path}:3": Expect("failed", "not a json object"), "j-notext": Expect("failed", "no 'text'"),
            "j-num": Expect("failed", "no 'text'"), f"{path}:6": Expect("failed", "binary"),
            "j-good2": Expect("coded"), f"{path}:8": Expect("failed", "bad json")} | ({} if name else {})


def write_truncated_warc(path: Path) -> bytes:
    """A WARC.gz with two good pages and a third record cut in half; returns the full bytes written."""
    pages = [warc_record(f"https://example.org/{i}",
                         f"<html><body><p>{ENGLISH} Story number {i}.</p></body></html>") for i in range(3)]
    data = pages[0] + pages[1] + pages[2][: len(pages[2]) // 2]
    path.write_bytes(data)
    return data
