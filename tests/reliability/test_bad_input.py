"""Hostile input through the real `dyads ingest`: every bad file is recorded with a clear reason, the good
documents around it are coded, and the exit status says that some failed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dyads.errors import DocumentError

from .conftest import documents, dyads, event_ids
from .hostile import GOOD_ARTICLES, Expect, write_corpus, write_jsonl, write_truncated_warc


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("hostile")
    corpus = root / "corpus"
    expect = {str(corpus / name): exp for name, exp in write_corpus(corpus).items()}
    expect |= write_jsonl(corpus / "records.jsonl")
    write_truncated_warc(corpus / "crawl.warc.gz")
    db = root / "events.duckdb"
    result = dyads("ingest", str(corpus), "--db", str(db))
    return result, documents(db), expect, db, corpus


def test_exit_status_reports_the_failures(ingested):
    result, *_ = ingested
    assert result.returncode == 1, result.stderr[-2000:]
    assert "failed" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("name", [
    "empty.txt", "whitespace.txt", "image.png", "paper.pdf", "archive.zip", "invalid_utf8.txt", "utf16_nobom.txt",
    "utf16be_nobom.txt", "big.html", "nested.html", "one_line.txt", "long_sentence.txt", "controls.txt",
    "controls_few.txt", "controls_many.txt", "mixed_language.txt", "mostly_english.txt", "truncated.txt.gz", "bomb.txt.gz",
    "j-good", "j-notext", "j-num", "records.jsonl:2", "records.jsonl:3", "records.jsonl:6", "records.jsonl:8",
    *GOOD_ARTICLES,
])
def test_each_hostile_document_is_recorded_with_its_reason(ingested, name):
    _, docs, expect, _, corpus = ingested
    key = name if name.startswith("j-") else str(corpus / name)
    want: Expect = expect[key]
    assert key in docs, f"{name} was not recorded; recorded: {sorted(docs)}"
    status, reason = docs[key]
    assert status == want.status, (name, status, reason)
    assert want.reason in reason.lower(), (name, reason)
    if status != "coded":
        assert len(reason) > 8  # a reason a person can act on, not a bare code


def test_the_size_limits_name_the_size_and_the_limit(ingested):
    _, docs, _, _, corpus = ingested
    assert docs[str(corpus / "big.html")][1].startswith("document is 50 MB, over the 10 MB limit")
    assert "1,048," in docs[str(corpus / "one_line.txt")][1] and "500,000-character limit" in docs[
        str(corpus / "one_line.txt")][1]
    assert "gunzipped content is over the 10 MB limit" in docs[str(corpus / "bomb.txt.gz")][1]


def test_a_truncated_warc_keeps_its_pages_and_names_the_damage(ingested):
    _, docs, _, _, corpus = ingested
    warc = str(corpus / "crawl.warc.gz")
    pages = [d for d in docs if d.startswith(warc + "#")]
    assert sorted(docs[p][0] for p in pages) == ["coded", "duplicate"]  # the second page is a near-copy
    assert docs[warc][0] == "failed" and "damaged warc record at byte offset" in docs[warc][1].lower()


def test_the_good_documents_are_coded(ingested):
    _, docs, _, db, corpus = ingested
    assert all(docs[str(corpus / name)][0] == "coded" for name in GOOD_ARTICLES)
    assert len(event_ids(db)) >= 3


def test_limits_are_configurable(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Pakistani troops attacked Indian positions in Kashmir on Monday.\n" * 20)
    result = dyads("ingest", str(corpus), "--db", str(tmp_path / "e.duckdb"), "-q",
                   env={"DYADS_MAX_DOCUMENT_MB": "0.001"})
    assert result.returncode == 0, result.stderr
    status, reason = documents(tmp_path / "e.duckdb")[str(corpus / "a.txt")]
    assert status == "skipped" and "over the 1 KB limit (set DYADS_MAX_DOCUMENT_MB" in reason, reason


def test_a_file_that_disappears_mid_batch_is_recorded(tmp_path, pipeline):
    from dyads.batch import CHUNK, run_batch
    from dyads.store import EventStore

    corpus = tmp_path / "c"
    corpus.mkdir()
    names = [f"a{i:02d}.txt" for i in range(CHUNK + 2)]
    for i, name in enumerate(names):
        (corpus / name).write_text(f"Japan protested to China on day {i} of the dispute.\n")
    gone = corpus / names[-1]

    def remove_later_file(_report) -> None:  # the folder was listed at the start; this file goes after
        if gone.exists():
            gone.unlink()

    with EventStore(tmp_path / "e.duckdb") as store:
        reports = [r for r, _ in run_batch([str(corpus)], pipeline=pipeline, store=store,
                                           on_document=remove_later_file)]
    by_id = {r.doc_id: r for r in reports}
    assert by_id[str(gone)].status == "failed" and by_id[str(gone)].reason == "no such file"
    assert sum(r.status == "coded" for r in reports) == len(names) - 1


def test_unreadable_permissions_are_recorded(tmp_path):
    from dyads.ingest import iter_sources

    path = tmp_path / "secret.txt"
    path.write_text("Japan protested to China.")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("this user (root) reads files whatever their permissions: nothing to refuse")
        [item] = list(iter_sources([str(path)]))
        assert isinstance(item, DocumentError) and item.reason == "permission denied"
    finally:
        path.chmod(0o644)


def test_an_overlong_sentence_is_not_parsed_and_the_report_says_so(tmp_path, pipeline):
    from dyads.batch import run_batch

    path = tmp_path / "long.txt"
    path.write_text("Germany said " + " and ".join(["peace"] * 2500) + " with Poland.\n\n"
                    "Pakistani troops attacked Indian positions in Kashmir on Monday.\n")
    [(report, events)] = list(run_batch([str(path)], pipeline=pipeline, doc_date="2023-03-05"))
    assert report.status == "coded" and report.reason == "1 sentence over 400 tokens not parsed"
    assert [(e.source.country, e.target.country if e.target else None) for e in events] == [("PAK", "IND")]
