"""Fixtures for the web server tests: a real database coded from the demo corpus, and real servers on 127.0.0.1."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

TOKEN = "test-token-0123456789abcdef"


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Path:
    """The bundled demo corpus (26 articles) coded by the real pipeline into a DuckDB file, as `dyads demo` does."""
    from dyads.batch import run_batch
    from dyads.store import EventStore
    from dyads.tables import data_path

    path = tmp_path_factory.mktemp("serve") / "demo.duckdb"
    files = sorted(str(p) for p in data_path("demo").iterdir() if p.suffix in (".txt", ".html"))
    with EventStore(path) as store:
        for _ in run_batch(files, pipeline=pipeline, store=store):
            pass
        store.refresh_arms()
    return path


@contextmanager
def live_server(app: Any) -> Iterator[str]:
    """Run ``app`` with uvicorn on a free port of 127.0.0.1 in a background thread; yields its base URL."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="session")
def read_only_url(demo_db: Path) -> Iterator[str]:
    """A read-only server (no token) on the demo database."""
    from dyads.serve import create_app

    with live_server(create_app(demo_db)) as url:
        yield url


@pytest.fixture(scope="session")
def make_writable_server(tmp_path_factory: pytest.TempPathFactory, demo_db: Path,
                         pipeline: Any) -> Callable[[], Any]:
    """Start a server with an ingest token on a copy of the demo database (the session's pipeline is reused)."""
    from dyads.serve import create_app

    def start() -> Any:
        copy = tmp_path_factory.mktemp("rw") / "events.duckdb"
        shutil.copy(demo_db, copy)
        return copy, live_server(create_app(copy, token=TOKEN, pipeline_factory=lambda: pipeline))

    return start
