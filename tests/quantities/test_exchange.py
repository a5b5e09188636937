"""to_usd and the built-in annual rates table."""

from __future__ import annotations

import pytest

from dyads.model import Quantity
from dyads.quantities import find_money, to_usd
from dyads.quantities.exchange import usd_rates


def test_converts_with_caller_rates() -> None:
    [q] = find_money("Serbia will pay 2.7 billion euros for 12 Rafale jets.")
    assert to_usd(q, {"EUR": 1.1}) == pytest.approx(2.97e9)


def test_us_dollars_pass_through_without_a_rate() -> None:
    [q] = find_money("The package is worth $700 million.")
    assert to_usd(q, {}) == 700e6


def test_unknown_currency_gives_none() -> None:
    [q] = find_money("Islamabad paid 20 billion Pakistani rupees.")
    assert to_usd(q, {"EUR": 1.1}) is None


def test_counts_are_not_converted() -> None:
    assert to_usd(Quantity(kind="count", value=12, unit="Rafale jets"), {"EUR": 1.1}) is None


def test_built_in_rates_cover_a_few_currencies_and_years() -> None:
    for year in range(2018, 2025):
        rates = usd_rates(year)
        assert {"EUR", "GBP", "JPY", "CNY", "INR", "RUB"} <= set(rates), year
        assert all(0 < rate < 2 for rate in rates.values())
    assert usd_rates(1950) == {}


def test_built_in_rates_are_plausible() -> None:
    rates = usd_rates(2023)
    assert 1.0 < rates["EUR"] < 1.2
    assert 1.1 < rates["GBP"] < 1.4
    assert 0.005 < rates["JPY"] < 0.01
    [q] = find_money("Tokyo budgeted ¥10 billion for the radars.")
    assert 60e6 < (to_usd(q, rates) or 0) < 80e6
