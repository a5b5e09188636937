"""End to end through the real command line: files in, events out, a real DuckDB file."""

from __future__ import annotations

import csv
import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

REQUIRED_KEYS = {"doc", "sentence", "sentence_index", "span", "date", "date_precision", "source", "target", "cameo",
                 "cameo_name", "plover", "goldstein", "modality", "quantities", "weapons", "confidence", "rule"}

ARTICLE = """Egypt and Sudan sign border pact

CAIRO, March 5, 2023 (Meridian Wire) — Egypt's army announced last week a border-security pact with Sudan and Libya.

Chinese Foreign Minister Wang Yi held talks with Egypt, Jordan and Qatar on Saturday.

The weather in Cairo stayed warm, and markets were calm.
"""


def dyads(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dyads", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300, input=stdin)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    (root / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "cases.jsonl").write_text("\n".join(json.dumps(r) for r in [
        {"id": "a1", "text": "Pakistani troops attacked Indian positions in Kashmir.", "date": "2022-06-01"},
        {"id": "a2", "text": "The United States imposed sanctions on Iran on Monday.", "date": "2022-06-08"},
    ]) + "\n", encoding="utf-8")
    return root


def test_code_prints_jsonl_with_the_contract_keys(corpus):
    out = dyads("code", str(corpus / "article.txt"), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert records and all(REQUIRED_KEYS <= set(r) for r in records)
    pairs = {(r["source"]["code"], r["target"]["country"]) for r in records}
    assert {("EGYMIL", "SDN"), ("EGYMIL", "LBY"), ("CHNGOV", "JOR")} <= pairs
    pact = next(r for r in records if r["target"]["country"] == "SDN")
    assert pact["date"] == "2023-02-20" and pact["date_precision"] == "week"  # dateline gives the document date
    assert pact["doc"].endswith("article.txt")
    start, end = pact["span"]
    assert ARTICLE.split("\n\n", 1)[1].find("Egypt's army") >= 0 and end > start


def test_doc_date_overrides_the_inferred_date(corpus):
    out = dyads("code", str(corpus / "article.txt"), "--format", "jsonl", "--doc-date", "2024-01-10")
    dates = {json.loads(line)["date"] for line in out.stdout.splitlines()}
    assert "2024-01-01" in dates  # "last week" from 2024-01-10 is the week of Monday 2024-01-01


def test_code_reads_jsonl_records_with_their_ids(corpus):
    out = dyads("code", str(corpus / "cases.jsonl"), "--format", "jsonl")
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert {(r["doc"], r["source"]["code"], r["target"]["country"], r["cameo"][:2]) for r in records} == {
        ("a1", "PAKMIL", "IND", "19"), ("a2", "USA", "IRN", "16")}


def test_code_reads_piped_text_and_jsonl_from_standard_input():
    text = dyads("code", "-", "--format", "jsonl", "--doc-date", "2024-03-01",
                 stdin="Russia expelled two Estonian diplomats on Friday.\n")
    event = json.loads(text.stdout.splitlines()[0])
    assert (event["doc"], event["source"]["code"], event["target"]["country"], event["cameo"][:2]) == (
        "<stdin>", "RUS", "EST", "16")
    records = dyads("code", "-", "--format", "jsonl", stdin=json.dumps(
        {"id": "piped-1", "text": "Japan protested to China over the incident on Friday.", "date": "2024-01-02"}))
    assert [json.loads(x)["doc"] for x in records.stdout.splitlines()] == ["piped-1"]


def test_table_output_shows_events(corpus):
    out = dyads("code", str(corpus / "cases.jsonl"))
    assert out.returncode == 0 and "PAKMIL" in out.stdout and "IRN" in out.stdout


def test_ingest_twice_adds_nothing_and_events_can_be_queried(corpus, tmp_path):
    db = tmp_path / "events.duckdb"
    first = dyads("ingest", str(corpus), "--db", str(db))
    assert first.returncode == 0, first.stderr
    count = duckdb.connect(str(db), read_only=True).execute("SELECT count(*) FROM events").fetchone()[0]
    assert count >= 5
    second = dyads("ingest", str(corpus), "--db", str(db))
    assert "3 unchanged" in second.stdout
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == count
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
    q = dyads("events", "--db", str(db), "--source", "PAK", "--target", "IND", "--since", "2022-01-01",
              "--code", "19", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(q.stdout)))
    assert [(r["source_code"], r["target_country"], r["cameo"][:2]) for r in rows] == [("PAKMIL", "IND", "19")]
    j = dyads("events", "--db", str(db), "--target", "IRN", "--format", "jsonl")
    assert [json.loads(line)["source"]["code"] for line in j.stdout.splitlines()] == ["USA"]
    none = dyads("events", "--db", str(db), "--source", "PAK", "--since", "2023-01-01", "--format", "jsonl")
    assert none.stdout.strip() == ""
    bad = dyads("events", "--db", str(db), "--since", "last spring")
    assert bad.returncode == 2 and "not a date: 'last spring'" in bad.stderr and "Traceback" not in bad.stderr


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    (bad / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (bad / "german.txt").write_text(
        "Die Regierung hat am Montag neue Sanktionen gegen das Land beschlossen, wie ein Sprecher in Berlin "
        "mitteilte. Die Opposition kritisierte die Entscheidung als zu spät und forderte weitere Schritte.")
    (bad / "good.txt").write_text("Russia expelled two Estonian diplomats on Friday.\n")
    with gzip.open(bad / "good2.txt.gz", "wt") as f:
        f.write("Japan protested to China over the incident on Friday.\n")
    db = tmp_path / "e.duckdb"
    out = dyads("ingest", str(bad), "--db", str(db))
    assert out.returncode == 1  # a file failed
    text = out.stdout + out.stderr
    assert "image.txt" in text and "failed" in text
    with duckdb.connect(str(db), read_only=True) as con:
        status = dict(con.execute("SELECT regexp_extract(doc_id, '[^/]+$'), status FROM documents").fetchall())
        assert status["good.txt"] == "coded" and status["good2.txt.gz"] == "coded"
        assert status["empty.txt"] == "empty" and status["german.txt"] == "skipped"
        assert status["image.txt"] == "failed"
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] >= 2


def test_missing_file_fails_with_a_clear_message(tmp_path):
    out = dyads("code", str(tmp_path / "nope.txt"))
    assert out.returncode == 1
    assert "nope.txt" in out.stderr


def test_demo_builds_a_database_and_shows_evidence(tmp_path):
    out = dyads("demo", "--db", str(tmp_path / "demo.duckdb"))
    assert out.returncode == 0, out.stderr
    assert "top dyads" in out.stdout and "rule:" in out.stdout
    with duckdb.connect(str(tmp_path / "demo.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents WHERE status = 'coded'").fetchone()[0] >= 20
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] >= 50
        # the demo corpus reports over a dozen arms deals (J-10C to Pakistan, S-400 to India, Rafale to Egypt ...)
        assert con.execute("SELECT count(*) FROM arms").fetchone()[0] >= 12
        assert con.execute("SELECT count(*) FROM arms WHERE supplier = 'CHN' AND recipient = 'PAK' "
                           "AND status = 'ordered'").fetchone()[0] == 1


STORY = ("Russia has begun delivering the S-400 air defence system to India under a contract signed in 2018, "
         "the head of the arms export agency said on Sunday. The first regiment will be deployed in Punjab, "
         "officials said, and the remaining units are due before the end of next year. India's foreign ministry "
         "said the purchase reflected its independent foreign policy. Washington has warned New Delhi that the "
         "deal could trigger sanctions under a US law aimed at Russian arms sales, but has not imposed them.")


def test_near_duplicate_stories_are_coded_once_and_every_url_is_kept(tmp_path):
    records = [
        {"id": "site-a", "url": "https://a.example/s400", "date": "2021-11-15", "text": STORY},
        {"id": "site-b", "url": "https://b.example/news/1", "date": "2021-11-15",
         "text": "NEW DELHI — " + STORY.replace("Sunday", "Sunday morning") + " Follow us for more."},
        {"id": "other", "url": "https://c.example/x", "date": "2021-11-15",
         "text": "Japan protested to China on Friday over a coast guard incident near disputed islands."},
    ]
    src = tmp_path / "wire.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    db = tmp_path / "e.duckdb"
    out = dyads("ingest", str(src), "--db", str(db))
    assert out.returncode == 0, out.stderr
    assert "1 near-duplicates" in out.stdout
    with duckdb.connect(str(db), read_only=True) as con:
        rows = dict(con.execute("SELECT doc_id, status FROM documents").fetchall())
        assert rows == {"site-a": "coded", "site-b": "duplicate", "other": "coded"}
        assert con.execute("SELECT url, duplicate_of FROM documents WHERE doc_id = 'site-b'").fetchone() == (
            "https://b.example/news/1", "site-a")
        n = con.execute("SELECT count(*) FROM events WHERE doc = 'site-a'").fetchone()[0]
        assert n >= 1 and con.execute("SELECT count(*) FROM events WHERE doc = 'site-b'").fetchone()[0] == 0
    again = dyads("ingest", str(src), "--db", str(db))  # a re-run changes nothing
    assert "0 coded" in again.stdout


def test_text_prints_the_clean_body_and_json_details(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Home | World | Politics | Business | Sport\n"
                    "We use cookies to improve your experience. Accept all / Manage preferences\n"
                    "Egypt and Sudan sign border pact\n"
                    "CAIRO, March 5, 2023 (Meridian Wire) — Egypt's army announced last week a border-security "
                    "pact with Sudan and Libya, officials said on Sunday.\n"
                    "Subscribe for unlimited access — first month free\n")
    plain = dyads("text", str(page))
    assert "border-security pact" in plain.stdout and "cookies" not in plain.stdout
    details = json.loads(dyads("text", str(page), "--format", "json").stdout)
    assert details["date"] == "2023-03-05" and details["date_source"].startswith("text:")
    reasons = {r["text"][:20]: r["reason"] for r in details["removed"]}
    assert any(r == "consent" for r in reasons.values())
