"""Reading the TSV data tables shipped under ``dyads/data/`` (or given by a user).

Format shared by every table: UTF-8, tab-separated, one header row, no quoting, ``#`` starts a comment line, and
multi-valued cells are separated by ``|``. Rows with the wrong number of cells raise `DataTableError` naming the
file and line, so a user who extends a table sees exactly what to fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from dyads.errors import DataTableError


def data_path(name: str) -> Path:
    """The path of a shipped table, e.g. ``data_path("actors/countries.tsv")``."""
    return Path(str(resources.files("dyads") / "data" / name))


def read_tsv(path: str | Path, *, required: tuple[str, ...] = ()) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line_number, row)`` for each data row; cells are stripped, missing trailing cells are ''."""
    p = Path(path)
    header: list[str] | None = None
    with p.open(encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = [c.strip() for c in cells]
                missing = [c for c in required if c not in header]
                if missing:
                    raise DataTableError(str(p), number, f"missing columns {missing}")
                continue
            if len(cells) > len(header):
                raise DataTableError(str(p), number, f"{len(cells)} cells for {len(header)} columns")
            cells += [""] * (len(header) - len(cells))
            yield number, {h: c.strip() for h, c in zip(header, cells)}


def split_multi(cell: str) -> list[str]:
    """Split a ``|``-separated cell into its non-empty values."""
    return [v.strip() for v in cell.split("|") if v.strip()]
