"""Helpers of the reliability tests: the real command line in a subprocess, and reading a database's documents."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb


def dyads(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run ``python -m dyads ARGS`` and wait for it."""
    return subprocess.run([sys.executable, "-m", "dyads", *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def documents(db: Path) -> dict[str, tuple[str, str]]:
    """doc_id -> (status, reason) of every document recorded in ``db``."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {d: (s, r or "") for d, s, r in con.execute("SELECT doc_id, status, reason FROM documents").fetchall()}
    finally:
        con.close()


def event_ids(db: Path) -> set[str]:
    """Every stored event id of ``db``."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {r[0] for r in con.execute("SELECT event_id FROM events").fetchall()}
    finally:
        con.close()


import shutil  # noqa: E402
import socket  # noqa: E402
import time  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from contextlib import contextmanager  # noqa: E402

import httpx  # noqa: E402
import pytest  # noqa: E402

TOKEN = "reliability-token-0123456789"


@pytest.fixture(scope="session")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five demo articles coded by the real `dyads ingest` into a DuckDB file (copy it before writing to it)."""
    from dyads.tables import data_path

    root = tmp_path_factory.mktemp("small")
    corpus = root / "corpus"
    corpus.mkdir()
    for p in sorted(p for p in data_path("demo").iterdir() if p.suffix in (".txt", ".html"))[:5]:
        shutil.copy(p, corpus / p.name)
    db = root / "events.duckdb"
    result = dyads("ingest", str(corpus), "--db", str(db), "-q")
    assert result.returncode == 0, result.stderr
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(db: Path, *, token: str | None = None) -> Iterator[str]:
    """A real ``dyads serve`` process on a free port; yields its base URL once it answers."""
    port = free_port()
    env = {**os.environ, "DYADS_TOKEN": token} if token else {k: v for k, v in os.environ.items() if k != "DYADS_TOKEN"}
    proc = subprocess.Popen([sys.executable, "-m", "dyads", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"dyads serve exited: {proc.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
            try:
                httpx.get(url + "/api/codes", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise RuntimeError("dyads serve did not answer within 60 s") from None
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stderr.close()  # type: ignore[union-attr]
