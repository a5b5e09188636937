"""Web API benchmark (issue 10): p50/p95 latency of each endpoint on a 1 M-event database, and the page's first
render in headless Chromium.

    python benchmarks/api.py [--db FILE | --events 1000000] [--runs 30] [--keep DIR] [--screenshot PNG]

Without ``--db`` the database is made by the store benchmark's generator (`benchmarks/store.py` ``synthesize``:
N synthetic mentions in bulk SQL, kept in ``--keep`` to reuse). The server is the real command, ``dyads serve``,
read-only, in its own process on 127.0.0.1; requests are made one at a time with httpx, with parameters varied per
run. ``cold`` is each endpoint's first request (the server caches actor and dyad summaries until the next ingest).
First render: from navigation start until the page has drawn the timeline, network and event table for a dyad
(``body[data-ready]``), in /usr/bin/chromium, on a fresh server (cold) and again (warm). Timing only: no asserts.

``--screenshot PNG`` also saves the page with the first event's evidence open (used for docs/screenshot.png, on
the demo database).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("DYADS_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]


def store_benchmark() -> Any:
    """benchmarks/store.py as a module (its 1 M-event generator and country list)."""
    spec = importlib.util.spec_from_file_location("store_benchmark", ROOT / "benchmarks" / "store.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """``dyads serve --db DB`` (read-only) on a free port; yields its base URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "DYADS_TOKEN"}
    proc = subprocess.Popen([sys.executable, "-m", "dyads", "serve", "--db", str(db), "--port", str(port)], env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                httpx.get(url + "/static/style.css", timeout=5)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def measure(label: str, runs: int, call: Callable[[int], httpx.Response]) -> None:
    times = []
    for r in range(runs):
        t0 = time.perf_counter()
        resp = call(r)
        times.append((time.perf_counter() - t0) * 1000)
        if resp.status_code != 200:
            raise SystemExit(f"{label}: HTTP {resp.status_code} {resp.text[:200]}")
    cold, rest = times[0], sorted(times)
    p95 = rest[min(len(rest) - 1, int(round(0.95 * (len(rest) - 1))))]
    print(f"  {label:<62} p50 {statistics.median(rest):7.1f} ms  p95 {p95:7.1f} ms  cold {cold:7.1f} ms")


def api_latency(url: str, runs: int, countries: list[str]) -> None:
    pairs = [(a, b) for a in countries[:10] for b in countries[:10] if a != b]
    with httpx.Client(base_url=url, timeout=120) as c:
        info = c.get("/api/info").json()
        print(f"database: {info['events']:,} events, {info['documents']:,} documents; {runs} runs per endpoint")
        ids = [e["event_id"] for e in c.get("/api/events", params={"limit": 1000, "sort": "-confidence"}).json()["events"]]
        get = c.get
        measure("GET /api/info", runs, lambda r: get("/api/info"))
        measure("GET /api/actors?limit=1000", runs, lambda r: get("/api/actors", params={"limit": 1000}))
        measure("GET /api/dyads?limit=30", runs, lambda r: get("/api/dyads", params={"limit": 30}))
        measure("GET /api/dyads?actor=X&since=YYYY (varied)", runs,
                lambda r: get("/api/dyads", params={"actor": countries[r % len(countries)], "since": str(2021 + r % 3)}))
        measure("GET /api/timeline?a&b (month)", runs,
                lambda r: get("/api/timeline", params=dict(zip("ab", pairs[r % len(pairs)]))))
        measure("GET /api/timeline?a&b&freq=quarter&since&until", runs,
                lambda r: get("/api/timeline", params={**dict(zip("ab", pairs[r % len(pairs)])), "freq": "quarter",
                                                       "since": "2022-01", "until": "2023-12"}))
        measure("GET /api/events (whole store, newest first, limit=50, paged)", runs,
                lambda r: get("/api/events", params={"sort": "-date", "limit": 50, "offset": 50 * r}))
        measure("GET /api/events?source&target&either (page's table)", runs,
                lambda r: get("/api/events", params={"source": pairs[r % len(pairs)][0],
                                                     "target": pairs[r % len(pairs)][1], "either": "true",
                                                     "sort": "-date", "limit": 50}))
        measure("GET /api/events?source&since&root&sort=-goldstein", runs,
                lambda r: get("/api/events", params={"source": countries[r % len(countries)], "since": "2022-01",
                                                     "root": f"{1 + r % 20:02d}", "sort": "-goldstein"}))
        measure("GET /api/events?limit=1000", runs, lambda r: get("/api/events", params={"limit": 1000, "offset": r}))
        measure("GET /api/events?q=words (sentence text)", max(5, runs // 3),
                lambda r: get("/api/events", params={"q": f"event {1000 + 37 * r}."}))
        measure("GET /api/events/{id}/evidence", runs, lambda r: get(f"/api/events/{ids[r % len(ids)]}/evidence"))
        measure("GET /api/documents?limit=50 (paged)", runs,
                lambda r: get("/api/documents", params={"limit": 50, "offset": 50 * r}))
        measure("GET /api/arms", runs, lambda r: get("/api/arms"))


def first_render(db: Path, fragment: str, screenshot: Path | None = None) -> None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("first render: playwright is not installed; skipped")
        return
    if not os.path.exists(CHROMIUM):
        print(f"first render: no Chromium at {CHROMIUM}; skipped")
        return
    with serving(db) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for label in ("cold (fresh server)", "warm (new tab)"):
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            t0 = time.perf_counter()
            page.goto(url + "/" + fragment)
            page.wait_for_selector("body[data-ready='1']", state="attached", timeout=120_000)
            wall = (time.perf_counter() - t0) * 1000
            nav = page.evaluate("performance.now()")
            print(f"  first render {label:<22} {wall:8.0f} ms (navigation to drawn page; in-page clock {nav:.0f} ms)")
            if label.startswith("cold"):
                page.close()
        if screenshot is not None:
            page.locator("#events tbody tr[data-event-id]").first.click()
            page.wait_for_selector("[data-testid=highlight]")
            page.evaluate("window.scrollTo(0, 0)")
            page.wait_for_timeout(300)
            page.screenshot(path=str(screenshot), full_page=False)
            print(f"screenshot: {screenshot}")
        browser.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="An existing database (default: make one with benchmarks/store.py).")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--keep", type=Path, help="Keep (and reuse) the generated database in this folder.")
    ap.add_argument("--pair", default="USA,CHN", help="The dyad the page opens for the render timing.")
    ap.add_argument("--screenshot", type=Path, help="Save a screenshot of the page with evidence open.")
    args = ap.parse_args()
    bench = store_benchmark()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            folder = args.keep or Path(tmp)
            folder.mkdir(parents=True, exist_ok=True)
            db = folder / f"api-{args.events}.duckdb"
            if not db.exists():
                t0 = time.perf_counter()
                bench.synthesize(db, args.events)
                print(f"{args.events:,} synthetic events written with benchmarks/store.py in "
                      f"{time.perf_counter() - t0:.1f}s -> {db}")
        print("== API latency (dyads serve, read-only, one client) ==")
        with serving(db) as url:
            api_latency(url, args.runs, bench.COUNTRIES)
        a, b = args.pair.split(",")
        print("== page ==")
        first_render(db, f"#a={a}&b={b}", args.screenshot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
