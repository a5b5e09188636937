"""Converting money amounts to US dollars with rates the caller supplies.

dyads never fetches exchange rates. `to_usd` takes a mapping ``{ISO code: US dollars per unit}``;
`usd_rates` reads a small built-in table of rounded annual averages (``data/weapons/usd_rates.tsv``, a few
currencies and years, for rough comparisons only) that can serve as that mapping.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from dyads.model import Quantity
from dyads.tables import data_path, read_tsv

RATE_TABLE = "weapons/usd_rates.tsv"


def to_usd(q: Quantity, rates: Mapping[str, float]) -> float | None:
    """The amount of a money `Quantity` in US dollars, or None when it cannot be converted.

    Args:
        q: a quantity from `find_money` (``kind="money"``, ``unit`` an ISO code).
        rates: US dollars per one unit of each currency, e.g. ``{"EUR": 1.08}``; USD needs no entry.

    Returns:
        ``q.value`` times the rate; None for counts, for a missing currency or a currency not in ``rates``.

    >>> to_usd(Quantity(kind="money", value=2.7e9, unit="EUR"), {"EUR": 1.08})
    2916000000.0
    """
    if q.kind != "money" or not q.unit:
        return None
    if q.unit == "USD":
        return q.value
    rate = rates.get(q.unit)
    if rate is None:
        return None
    return q.value * rate


@lru_cache(maxsize=1)
def _rate_rows() -> tuple[tuple[str, int, float], ...]:
    rows = read_tsv(data_path(RATE_TABLE), required=("currency", "year", "usd_per_unit"))
    return tuple((row["currency"], int(row["year"]), float(row["usd_per_unit"])) for _, row in rows)


def usd_rates(year: int) -> dict[str, float]:
    """The built-in annual average rates for ``year`` (US dollars per unit); empty for years not covered.

    >>> usd_rates(2023)["EUR"]
    1.081
    """
    return {currency: rate for currency, row_year, rate in _rate_rows() if row_year == year}
