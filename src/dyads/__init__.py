"""dyads: political event data from world news."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dyads.store.dataset import Dataset

__version__ = "0.1.0"


def open(path: str | Path) -> Dataset:  # noqa: A001 - the documented entry point, ``dyads.open("events.duckdb")``
    """Open an event database for reading: merged events, timelines, top dyads, actors, exports.

    Imported lazily so ``import dyads`` stays light."""
    from dyads.store.dataset import Dataset

    return Dataset(path)


__all__ = ["__version__", "open"]
