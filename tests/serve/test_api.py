"""The JSON API against real uvicorn servers on 127.0.0.1, over a database coded from the demo corpus."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import httpx
import pytest

TOKEN = "test-token-0123456789abcdef"  # the token conftest's writable server starts with


ARTICLE = """Ankara sends drones to Baku

ANKARA, May 9, 2024 (Meridian Wire) — Turkey delivered twelve Bayraktar TB2 drones to Azerbaijan on Thursday, the
defence ministry said.

Azerbaijani President Ilham Aliyev thanked Turkey for its support.
"""


def count(db: Path, sql: str, params: list[object] | None = None) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return int(con.execute(sql, params or []).fetchone()[0])
    finally:
        con.close()


@pytest.fixture(scope="module")
def client(read_only_url: str):
    with httpx.Client(base_url=read_only_url, timeout=30) as c:
        yield c


def test_info_and_openapi(client, demo_db):
    info = client.get("/api/info").json()
    assert info["events"] == count(demo_db, "SELECT count(*) FROM events") > 100
    assert info["documents"] == count(demo_db, "SELECT count(*) FROM documents WHERE status = 'coded'")
    assert info["read_only"] is True and info["ingest"] is False
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/events", "/api/dyads", "/api/timeline", "/api/actors", "/api/documents", "/api/arms",
              "/api/events/{event_id}/evidence"):
        assert "get" in paths[p], p
    assert "post" in paths["/api/documents"]


def test_events_filters_match_the_database(client, demo_db):
    page = client.get("/api/events", params={"source": "CHN", "target": "PAK", "either": "true", "limit": 1000}).json()
    expected = count(demo_db, """SELECT count(*) FROM events WHERE
        ((source_country = 'CHN' OR source_code LIKE 'CHN%') AND (target_country = 'PAK' OR target_code LIKE 'PAK%'))
        OR ((source_country = 'PAK' OR source_code LIKE 'PAK%') AND (target_country = 'CHN' OR target_code LIKE 'CHN%'))""")
    assert page["total"] == expected == len(page["events"]) > 3
    assert {(e["source"]["country"], e["target"]["country"]) for e in page["events"]} == {("CHN", "PAK"), ("PAK", "CHN")}
    one_way = client.get("/api/events", params={"source": "chn", "target": "PAK"}).json()
    assert 0 < one_way["total"] < page["total"]
    assert all(e["source"]["country"] == "CHN" for e in one_way["events"])
    dated = client.get("/api/events", params={"since": "2022-01", "until": "2022-12", "limit": 1000}).json()
    assert dated["total"] == count(demo_db, "SELECT count(*) FROM events WHERE date_end >= '2022-01-01' AND date_start <= '2022-12-31'")
    # dates match by interval, as in dyads.open(): an event dated only "2022" lies in that range too
    assert count(demo_db, "SELECT count(*) FROM events WHERE date = '2022'") > 0
    assert all(e["date"][:4] == "2022" for e in dated["events"])
    root = client.get("/api/events", params={"root": "19", "limit": 1000}).json()
    assert root["total"] > 0 and all(e["cameo"].startswith("19") for e in root["events"])
    plover = client.get("/api/events", params={"plover": "agree"}).json()
    assert plover["total"] > 0 and all(e["plover"] == "AGREE" for e in plover["events"])
    arms = client.get("/api/events", params={"arms": "true", "limit": 1000}).json()
    assert arms["total"] > 0 and all(e["weapons"] for e in arms["events"])


def test_text_search_is_literal(client):
    hits = client.get("/api/events", params={"q": "J-10C", "limit": 1000}).json()
    assert hits["total"] > 0 and all("j-10c" in (e["sentence"] + e["trigger"]).lower() for e in hits["events"])
    assert client.get("/api/events", params={"q": "%%"}).json()["total"] == 0  # no wildcard
    assert client.get("/api/events", params={"q": "' OR 1=1 --"}).json()["total"] == 0


def test_paging_and_sorting(client):
    total = client.get("/api/events", params={"limit": 1}).json()["total"]
    seen: list[str] = []
    for offset in range(0, total, 40):
        seen += [e["event_id"] for e in client.get("/api/events", params={"limit": 40, "offset": offset}).json()["events"]]
    assert len(seen) == len(set(seen)) == total
    by_g = client.get("/api/events", params={"sort": "-goldstein", "limit": 200}).json()["events"]
    scores = [e["goldstein"] for e in by_g if e["goldstein"] is not None]
    assert scores == sorted(scores, reverse=True)
    by_date = client.get("/api/events", params=[("sort", "date"), ("sort", "-confidence"), ("limit", "200")]).json()
    dates = [e["date"] for e in by_date["events"] if e["date"]]
    assert dates == sorted(dates)


@pytest.mark.parametrize("params", [
    {"source": "C;DROP"}, {"source": "c"}, {"since": "2023-13"}, {"until": "23-01-01"}, {"limit": 0},
    {"limit": 1001}, {"offset": -1}, {"sort": "sentence"}, {"sort": "date; DROP TABLE events"}, {"code": "0a"},
    {"root": "21"}, {"plover": "AGREE'"}, {"modality": "certain"}, {"q": "x" * 201}, {"sorce": "CHN"},
    {"since": "2023", "until": "2021"}, {"arms": "maybe"}, {"since": "0000"}, {"until": "2023-02-30"},
])
def test_bad_event_parameters_are_refused(client, params):
    r = client.get("/api/events", params=params)
    assert r.status_code == 422, (params, r.text)


@pytest.mark.parametrize("path,params", [
    ("/api/timeline", {"a": "CHN"}), ("/api/timeline", {"a": "CHN", "b": "PAK", "freq": "day"}),
    ("/api/dyads", {"limit": 201}), ("/api/actors", {"limit": 5000}), ("/api/documents", {"status": "deleted"}),
    ("/api/arms", {"supplier": "F R A"}), ("/api/events/not-hex/evidence", {}), ("/api/events/abc", {}),
])
def test_bad_parameters_elsewhere_are_refused(client, path, params):
    assert client.get(path, params=params).status_code == 422


def test_evidence_shows_each_sentence_in_its_article(client):
    events = client.get("/api/events", params={"limit": 60}).json()["events"]
    for e in events:
        ev = client.get(f"/api/events/{e['event_id']}/evidence").json()
        assert ev["event"]["event_id"] == e["event_id"] and ev["event"]["rule"]
        assert ev["sources"], e
        for s in ev["sources"]:
            start, end = s["span"]
            assert s["text"][start:end] == s["sentence"] == e["sentence"]
            assert s["rule"] == e["rule"]
    assert client.get("/api/events/" + "0" * 24 + "/evidence").status_code == 404
    assert client.get("/api/events/" + "0" * 24).status_code == 404


def test_timeline_counts_every_dyad_event(client):
    tl = client.get("/api/timeline", params={"a": "CHN", "b": "PAK"}).json()
    total = client.get("/api/events", params={"source": "CHN", "target": "PAK", "either": "true"}).json()["total"]
    assert sum(p["events"] for p in tl["periods"]) + tl["undated"] == total
    for p in tl["periods"]:
        assert sum(p["by_root"].values()) == p["events"] == p["ab"] + p["ba"]
        assert p["goldstein_mean"] is None or -10 <= p["goldstein_mean"] <= 10
    assert any(r["weapon"] == "J-10C" and {r["supplier"], r["recipient"]} == {"CHN", "PAK"} for r in tl["arms"])
    assert sum(p["arms_events"] for p in tl["periods"]) > 0
    yearly = client.get("/api/timeline", params={"a": "PAK", "b": "CHN", "freq": "year"}).json()
    assert sum(p["events"] for p in yearly["periods"]) + yearly["undated"] == total
    quarters = client.get("/api/timeline", params={"a": "CHN", "b": "PAK", "freq": "quarter"}).json()
    assert all("-Q" in p["period"] for p in quarters["periods"])


def test_dyads_actors_documents_arms(client, demo_db):
    dyads = client.get("/api/dyads", params={"limit": 10}).json()
    assert dyads and [d["events"] for d in dyads] == sorted((d["events"] for d in dyads), reverse=True)
    assert all(d["source"] != d["target"] for d in dyads)
    chn = client.get("/api/dyads", params={"actor": "CHN"}).json()
    assert chn and all("CHN" in (d["source"], d["target"]) for d in chn)
    actors = {a["actor"]: a for a in client.get("/api/actors").json()}
    assert actors["CHN"]["name"] == "China" and actors["CHN"]["events"] == actors["CHN"]["as_source"] + actors["CHN"]["as_target"]
    docs = client.get("/api/documents", params={"limit": 5}).json()
    assert docs["total"] == count(demo_db, "SELECT count(*) FROM documents") and len(docs["documents"]) == 5
    assert all("text" not in d for d in docs["documents"])
    coded = client.get("/api/documents", params={"status": "coded", "limit": 1000}).json()
    assert all(d["status"] == "coded" for d in coded["documents"])
    arms = client.get("/api/arms", params={"supplier": "CHN"}).json()
    assert arms and all(r["supplier"] == "CHN" and r["evidence"] for r in arms)
    both = client.get("/api/arms", params={"supplier": "PAK", "recipient": "CHN", "either": "true"}).json()
    assert {r["weapon"] for r in arms if r["recipient"] == "PAK"} <= {r["weapon"] for r in both}


def test_read_only_server_refuses_ingest_and_leaves_the_file_alone(client, demo_db):
    before = (demo_db.stat().st_size, demo_db.stat().st_mtime_ns)
    r = client.post("/api/documents", json={"text": ARTICLE}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403
    for path in ("/api/events", "/api/dyads", "/api/actors", "/api/documents", "/api/arms", "/api/info"):
        assert client.get(path).status_code == 200
    assert (demo_db.stat().st_size, demo_db.stat().st_mtime_ns) == before
    # another process can read the file while the server holds it read-only
    out = subprocess.run([sys.executable, "-c", "import duckdb,sys; c=duckdb.connect(sys.argv[1], read_only=True);"
                          "print(c.execute('select count(*) from events').fetchone()[0])", str(demo_db)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and int(out.stdout) > 0, out.stderr


def test_body_size_and_headers(client):
    r = client.post("/api/documents", content=b"x" * (3 * 1024 * 1024), headers={"content-type": "application/json"})
    assert r.status_code == 413

    def chunks():
        for _ in range(40):
            yield b"x" * 100_000

    r = client.post("/api/documents", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert client.get("/static/app.js").status_code == 200


def test_ingest_with_token(make_writable_server):
    db, server = make_writable_server()
    with server as url, httpx.Client(base_url=url, timeout=120) as c:
        info = c.get("/api/info").json()
        assert info["ingest"] is True and info["read_only"] is False
        assert c.post("/api/documents", json={"text": ARTICLE}).status_code == 401
        assert c.post("/api/documents", json={"text": ARTICLE}, headers={"Authorization": "Bearer wrong"}).status_code == 401
        auth = {"Authorization": f"Bearer {TOKEN}"}
        assert c.post("/api/documents", json={"text": ARTICLE, "extra": 1}, headers=auth).status_code == 422
        assert c.post("/api/documents", json={"title": "no body"}, headers=auth).status_code == 422
        assert c.post("/api/documents", json={"text": ARTICLE, "date": "May 9"}, headers=auth).status_code == 422

        # reads keep working while an ingest runs (one read-write connection, a cursor per request)
        errors: list[str] = []
        stop = threading.Event()

        def reader() -> None:
            while not stop.is_set():
                r = c.get("/api/events", params={"limit": 5})
                if r.status_code != 200:
                    errors.append(r.text)

        t = threading.Thread(target=reader)
        t.start()
        try:
            r = c.post("/api/documents", headers=auth, json={"id": "api-test-1", "text": ARTICLE,
                                                              "url": "https://wire.example/tb2"})
        finally:
            stop.set()
            t.join()
        assert not errors
        assert r.status_code == 201, r.text
        report = r.json()
        assert report["status"] == "coded" and report["events"] == len(report["event_ids"]) > 0
        assert report["date"] == "2024-05-09"
        found = c.get("/api/events", params={"source": "TUR", "target": "AZE", "either": "true"}).json()
        assert set(report["event_ids"]) & {e["event_id"] for e in found["events"]}
        ev = c.get(f"/api/events/{report['event_ids'][0]}/evidence").json()
        assert ev["sources"][0]["url"] == "https://wire.example/tb2"
        assert c.get("/api/info").json()["events"] == info["events"] + report["events"]  # summaries recomputed
        again = c.post("/api/documents", headers=auth, json={"id": "api-test-1", "text": ARTICLE}).json()
        assert again["status"] == "unchanged"
    assert count(db, "SELECT count(*) FROM events WHERE doc = 'api-test-1'") == report["events"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_dyads_serve_command(demo_db):
    bad = subprocess.run([sys.executable, "-m", "dyads", "serve", "--db", str(demo_db), "--token", "short"],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode != 0 and "16 characters" in bad.stdout + bad.stderr
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "DYADS_TOKEN"}
    proc = subprocess.Popen([sys.executable, "-m", "dyads", "serve", "--db", str(demo_db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/info", timeout=5)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(proc.stdout.read().decode() if proc.stdout else "server did not start")
                time.sleep(0.3)
        assert r.status_code == 200 and r.json()["read_only"] is True
    finally:
        proc.terminate()
        proc.wait(timeout=20)
