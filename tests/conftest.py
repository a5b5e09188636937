"""Shared fixtures: the real spaCy model and tables, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


@pytest.fixture(scope="session")
def pipeline():
    from dyads.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def code_text(pipeline):
    """Code one text with a document date; returns its events."""
    from dyads.model import Document

    def run(text: str, date: str | None = "2023-03-05"):
        return pipeline.code(Document(doc_id="t", text=text, date=date)).events

    return run


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not present (a user's fresh clone has none)")
    return SHARED
