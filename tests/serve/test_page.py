"""The page, driven in headless Chromium (Debian's /usr/bin/chromium through Playwright) against a real server.

Skipped, with the reason, where Chromium or Playwright is missing (``.ci/run`` installs Chromium with apt-get).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

CHROMIUM = os.environ.get("DYADS_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
if not os.path.exists(CHROMIUM):
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set DYADS_CHROMIUM)",
                allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any, read_only_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.errors = errors
    yield pg
    context.close()
    assert not errors, errors


def open_page(pg: Any, url: str, fragment: str = "") -> None:
    pg.goto(url + "/" + fragment)
    pg.wait_for_selector("body[data-ready='1']", state="attached", timeout=30_000)


def rows(pg: Any) -> list[str]:
    return pg.eval_on_selector_all("#events tbody tr[data-event-id]", "rs => rs.map(r => r.dataset.eventId)")


def test_page_loads_with_the_most_active_dyad(page, read_only_url):
    open_page(page, read_only_url)
    top = httpx.get(read_only_url + "/api/dyads", params={"limit": 30}).json()
    assert page.input_value("#actor-a") and page.input_value("#actor-b")
    assert page.locator("#actor-a option").count() > 20
    assert page.locator("#timeline svg").count() == 1
    assert page.locator("#network svg path.edge").count() == len(top)
    assert "events" in page.text_content("#db-info")
    assert rows(page)


def test_choose_two_actors_and_see_timeline_and_arms(page, read_only_url):
    open_page(page, read_only_url)
    page.select_option("#actor-a", "CHN")
    page.select_option("#actor-b", "PAK")
    page.wait_for_function("() => location.hash.includes('a=CHN') && location.hash.includes('b=PAK')")
    page.wait_for_function("() => document.querySelector('#summary').textContent.includes('China ↔ Pakistan')")
    tl = httpx.get(read_only_url + "/api/timeline", params={"a": "CHN", "b": "PAK"}).json()
    page.wait_for_function(f"() => document.querySelectorAll('#timeline g.period rect.bar').length === "
                           f"{sum(len(p['by_root']) for p in tl['periods'])}")
    assert page.locator("[data-testid=arms-mark]").count() == len(tl["arms"])
    assert page.locator("[data-testid=arms-row]").count() == len(tl["arms"])
    assert "J-10C" in page.text_content("#arms")
    assert "Arms:" in page.text_content("#summary")
    total = httpx.get(read_only_url + "/api/events", params={"source": "CHN", "target": "PAK", "either": "true"}).json()
    page.wait_for_function(f"() => document.querySelector('#events-count').textContent.startsWith('{total['total']} ')")
    assert page.locator("#network .node.selected").count() == 2


def test_filter_the_event_table(page, read_only_url):
    open_page(page, read_only_url, "#a=CHN&b=PAK")
    page.select_option("#direction", "any")
    page.wait_for_function("() => document.querySelector('#events-count').textContent.length > 0")
    page.fill("#q", "J-10C")
    expected = httpx.get(read_only_url + "/api/events", params={"q": "J-10C"}).json()
    page.wait_for_function(f"() => document.querySelector('#events-count').textContent.startsWith('{expected['total']} ')")
    assert sorted(rows(page)) == sorted(e["event_id"] for e in expected["events"])
    for text in page.locator("#events tbody td.sentence").all_text_contents():
        assert "j-10c" in text.lower()
    page.fill("#q", "")
    page.select_option("#root", "19")
    fights = httpx.get(read_only_url + "/api/events", params={"root": "19"}).json()
    page.wait_for_function(f"() => document.querySelector('#events-count').textContent.startsWith('{fights['total']} ')")
    assert all(c.startswith("19") for c in page.locator("#events tbody td:nth-child(4)").all_text_contents())
    page.click("#events th[data-sort=goldstein]")
    page.wait_for_selector("#events th.sorted-asc[data-sort=goldstein]")


def test_click_a_bar_then_an_event_shows_its_sentence_and_rule(page, read_only_url):
    open_page(page, read_only_url, "#a=CHN&b=PAK")
    page.wait_for_selector("#timeline g.period rect.bar")
    page.locator("#timeline g.period:has(rect.bar)").first.click()
    page.wait_for_selector("#period-filter:not([hidden])")
    period = page.text_content("#period-filter").split()[0]
    page.wait_for_function(f"() => [...document.querySelectorAll('#events tbody tr[data-event-id] td:first-child')]"
                           f".every(td => td.textContent.startsWith('{period}'))")
    first = rows(page)[0]
    page.click(f"#events tr[data-event-id='{first}']")
    page.wait_for_selector("[data-testid=highlight]")
    ev = httpx.get(f"{read_only_url}/api/events/{first}/evidence").json()
    assert page.is_visible("#evidence")
    assert page.text_content("[data-testid=highlight]") == ev["event"]["sentence"]
    assert page.text_content("[data-testid=rule]") == ev["event"]["rule"]
    article = page.text_content("[data-testid=article]")
    assert article == ev["sources"][0]["text"]
    page.keyboard.press("Escape")
    assert page.is_hidden("#evidence")


def test_arms_mark_and_network_edge(page, read_only_url):
    open_page(page, read_only_url, "#a=CHN&b=PAK")
    page.wait_for_selector("[data-testid=arms-mark]")
    page.locator("[data-testid=arms-mark]").first.click()
    page.wait_for_selector("[data-testid=highlight]")
    assert "J-10C" in page.text_content("#evidence") or "jet" in page.text_content("[data-testid=highlight]").lower()
    page.click("#close-evidence")
    edge = page.locator("#network path.edge").first
    source, target = edge.get_attribute("data-dyad").split("-")
    # a curved edge's bounding-box centre can lie on another edge or a node, so the click goes to the edge itself
    edge.dispatch_event("click")
    page.wait_for_function(f"() => location.hash.includes('a={source}') && location.hash.includes('b={target}')")
    assert page.input_value("#actor-a") == source and page.input_value("#actor-b") == target
