"""A batch killed at any point (SIGKILL, mid-write) leaves a database that opens, and the next run completes it:
the same events and documents as one uninterrupted run, nothing lost and nothing twice."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.scale.conftest import DEMO, db_rows

TRIALS = int(os.environ.get("DYADS_KILL_TRIALS", "3"))
ROOT = Path(__file__).resolve().parents[1]


def ingest(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "dyads", "ingest", str(corpus), "--db", str(db), "-q"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("resume-corpus")
    for path in sorted(DEMO.glob("[0-9]*.txt"))[:10]:
        shutil.copy(path, folder / path.name)
    shutil.copy(sorted(DEMO.glob("[0-9]*.txt"))[0], folder / "zz-copy.txt")  # an exact copy: stored once
    return folder


def test_killed_batches_resume_to_the_uninterrupted_result(corpus: Path, tmp_path: Path) -> None:
    from dyads.store import EventStore

    clean_db = tmp_path / "clean.duckdb"
    assert ingest(corpus, clean_db).wait(timeout=300) == 0
    expected = db_rows(clean_db)
    assert expected["events"]
    rng = random.Random(8)
    killed_midway = 0
    for trial in range(TRIALS):
        db = tmp_path / f"killed-{trial}.duckdb"
        proc = ingest(corpus, db)
        wal = Path(f"{db}.wal")
        deadline = time.monotonic() + 120
        while proc.poll() is None and not wal.exists() and time.monotonic() < deadline:
            time.sleep(0.05)  # the first write: the model is loaded and documents are being stored
        time.sleep(rng.uniform(0.0, 1.5))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed_midway += 1
        proc.wait(timeout=60)
        with EventStore(db) as store:  # opens, and holds whole documents only
            partial = store.counts()
        assert partial["events"] <= len(expected["events"])
        assert ingest(corpus, db).wait(timeout=300) == 0
        got = db_rows(db)
        for table in ("events", "documents"):
            lost = sorted(expected[table] - got[table])
            extra = sorted(got[table] - expected[table])
            assert not lost and not extra, f"trial {trial}, {table}: lost {lost[:3]}, extra {extra[:3]}"
    assert killed_midway >= 1
