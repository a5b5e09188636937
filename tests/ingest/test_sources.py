"""iter_sources: files, folders, globs, JSONL, gzip; errors are yielded and the batch goes on."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from dyads.errors import DocumentError, UnreadableDocument
from dyads.ingest import iter_sources
from dyads.model import RawDocument

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"


def _write(path: Path, data: bytes | str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return str(path)


def test_text_and_html_files_get_their_kind(tmp_path):
    txt = _write(tmp_path / "a.txt", "Troops crossed the border on Monday.")
    htm = _write(tmp_path / "b.htm", "<html><body><p>Hi</p></body></html>")
    docs = list(iter_sources([txt, htm]))
    assert [(d.doc_id, d.kind) for d in docs] == [(txt, "text"), (htm, "html")]
    assert docs[0].data == b"Troops crossed the border on Monday."


def test_unknown_extension_is_sniffed(tmp_path):
    page = _write(tmp_path / "page.dat", "<!DOCTYPE html><html><body><p>x</p></body></html>")
    note = _write(tmp_path / "note.dat", "Just some plain text.")
    assert [d.kind for d in iter_sources([page, note])] == ["html", "text"]


def test_gzipped_files_are_read_by_inner_extension(tmp_path):
    path = _write(tmp_path / "story.html.gz", gzip.compress(b"<html><body><p>Talks</p></body></html>"))
    (doc,) = iter_sources([path])
    assert doc.kind == "html"
    assert doc.data.startswith(b"<html>")


def test_corrupt_gzip_is_an_error_value(tmp_path):
    path = _write(tmp_path / "broken.txt.gz", b"\x1f\x8b\x08\x00garbage")
    (item,) = iter_sources([path])
    assert isinstance(item, UnreadableDocument)


def test_folder_is_read_recursively_in_sorted_order(tmp_path):
    for name in ["b.txt", "a.txt", "sub/c.txt", ".hidden.txt"]:
        _write(tmp_path / name, f"text of {name}")
    ids = [d.doc_id for d in iter_sources([str(tmp_path)])]
    assert ids == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(tmp_path / "sub" / "c.txt")]


def test_a_folder_walk_passes_over_readmes_manifests_and_tables(tmp_path):
    for name in ["story.txt", "README.md", "manifest.tsv", "events.csv", "no_suffix"]:
        _write(tmp_path / name, f"Text of {name}.")
    ids = [d.doc_id for d in iter_sources([str(tmp_path)])]
    assert ids == [str(tmp_path / "no_suffix"), str(tmp_path / "story.txt")]
    named = [d.doc_id for d in iter_sources([str(tmp_path / "README.md")])]  # named on the command line: read
    assert named == [str(tmp_path / "README.md")]


def test_glob_pattern_is_expanded_sorted(tmp_path):
    for name in ["x2.txt", "x1.txt", "y.html"]:
        _write(tmp_path / name, "<p>x</p>" if name.endswith("html") else "text")
    ids = [d.doc_id for d in iter_sources([str(tmp_path / "x*.txt")])]
    assert ids == [str(tmp_path / "x1.txt"), str(tmp_path / "x2.txt")]


def test_missing_path_and_empty_glob_are_error_values(tmp_path):
    items = list(iter_sources([str(tmp_path / "nope.txt"), str(tmp_path / "*.none")]))
    assert all(isinstance(i, UnreadableDocument) for i in items)
    assert "no such file" in items[0].reason


def test_binary_file_is_an_error_and_the_batch_goes_on(tmp_path):
    png = _write(tmp_path / "a_map.png", PNG)
    pdf = _write(tmp_path / "b_report.txt", b"%PDF-1.4\n")
    txt = _write(tmp_path / "c_story.txt", "Talks resumed.")
    items = list(iter_sources([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["UnreadableDocument", "UnreadableDocument", "RawDocument"]
    assert items[0].doc_id == png and "PNG" in items[0].reason
    assert items[1].doc_id == pdf
    assert items[2].doc_id == txt


def test_permission_denied_is_an_error_value(tmp_path, monkeypatch):
    path = _write(tmp_path / "secret.txt", "hidden")
    original = Path.read_bytes

    def refuse(self):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    (item,) = iter_sources([path])
    assert isinstance(item, UnreadableDocument)
    assert item.reason == "permission denied"


def test_jsonl_records_and_a_bad_line(tmp_path):
    lines = [
        json.dumps({"id": "r1", "text": "Troops crossed the border.", "date": "2024-06-14", "url": "https://x.org/1"}),
        "{not json",
        json.dumps({"text": "No id here.", "date": "2024-06-15"}),
        "",
        json.dumps({"id": "r4", "html": "<p>Markup only</p>", "date": "2024-06-16", "title": "T"}),
    ]
    path = _write(tmp_path / "batch.jsonl", "\n".join(lines))
    items = list(iter_sources([path]))
    assert len(items) == 4
    first, bad, no_id, html = items
    assert isinstance(first, RawDocument) and first.kind == "record"
    assert (first.doc_id, first.data, first.date, first.url) == ("r1", b"Troops crossed the border.", "2024-06-14",
                                                                  "https://x.org/1")
    assert isinstance(bad, DocumentError)
    assert "line 2" in bad.reason and path in bad.reason
    assert no_id.doc_id == f"{path}:3"
    assert html.kind == "html" and html.html == "<p>Markup only</p>" and html.title == "T"


def test_gzipped_jsonl(tmp_path):
    path = _write(tmp_path / "batch.jsonl.gz", gzip.compress(b'{"id": "g1", "text": "Hello.", "date": null}\n'))
    (doc,) = iter_sources([path])
    assert doc.doc_id == "g1" and doc.date is None


def test_jsonl_record_without_text_or_html_is_an_error(tmp_path):
    path = _write(tmp_path / "b.jsonl", '{"id": "x", "body": "wrong field"}\n')
    (item,) = iter_sources([path])
    assert isinstance(item, UnreadableDocument) and item.doc_id == "x"


@pytest.mark.parametrize("name", ["utf16.txt"])
def test_utf16_file_with_bom_is_not_taken_for_binary(tmp_path, name):
    path = _write(tmp_path / name, "Talks resumed.".encode("utf-16"))
    (doc,) = iter_sources([path])
    assert isinstance(doc, RawDocument)
