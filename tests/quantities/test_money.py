"""find_money: amounts, currencies, scales and hedges in news sentences."""

from __future__ import annotations

import pytest

from dyads.quantities import find_money
from dyads.quantities.money import currency_table, token_position

B = 1e9
M = 1e6


def only(sentence: str) -> tuple[float, str | None, bool, str]:
    found = find_money(sentence)
    assert len(found) == 1, found
    q = found[0]
    assert q.kind == "money"
    return q.value, q.unit, q.approximate, q.text


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Washington approved arms sales worth $3 billion to Taipei.", (3 * B, "USD", False, "$3 billion")),
        ("The frigates will cost US$ 1.5bn, the navy said.", (1.5 * B, "USD", False, "US$ 1.5bn")),
        ("The deal is worth more than $500 million.", (500 * M, "USD", True, "more than $500 million")),
        ("Officials valued the order at about $1.5 billion.", (1.5 * B, "USD", True, "about $1.5 billion")),
        ("Athens will spend €300m on upgrades.", (300 * M, "EUR", False, "€300m")),
        ("The contract is worth 300 million euros.", (300 * M, "EUR", False, "300 million euros")),
        ("Belgrade will pay 2.7 billion euros for the jets.", (2.7 * B, "EUR", False, "2.7 billion euros")),
        ("Serbia signed a 2.7-billion-euro deal with Dassault.", (2.7 * B, "EUR", False, "2.7-billion-euro")),
        ("The ministry set aside 1.5bn roubles for drones.", (1.5 * B, "RUB", False, "1.5bn roubles")),
        ("London pledged £2bn in military aid.", (2 * B, "GBP", False, "£2bn")),
        ("The cabinet cleared the Rs 5,000 crore purchase.", (5000 * 1e7, "INR", False, "Rs 5,000 crore")),
        ("Tokyo budgeted ¥10 billion for the radars.", (10 * B, "JPY", False, "¥10 billion")),
        ("Beijing lent 10 billion yuan to the shipyard.", (10 * B, "CNY", False, "10 billion yuan")),
        ("Kyiv will get a $700 million package.", (700 * M, "USD", False, "$700 million")),
        ("Ankara's $23bn request was approved.", (23 * B, "USD", False, "$23bn")),
        ("About $2 billion was spent last year.", (2 * B, "USD", True, "About $2 billion")),
        ("India approved Rs 1 lakh crore of defence projects.", (1e12, "INR", False, "Rs 1 lakh crore")),
        ("The navy wants 5,000 crore rupees for submarines.", (5000 * 1e7, "INR", False, "5,000 crore rupees")),
        ("The army paid USD 5m for the trucks.", (5 * M, "USD", False, "USD 5m")),
        ("Seoul's budget reached 5 trillion won.", (5e12, "KRW", False, "5 trillion won")),
        ("The gift was worth two billion dollars.", (2 * B, "USD", False, "two billion dollars")),
        ("Cairo borrowed half a billion dollars.", (0.5 * B, "USD", False, "half a billion dollars")),
        ("The upgrade costs $1-2 billion.", (1.5 * B, "USD", True, "$1-2 billion")),
        ("The bill could reach $2 billion or more.", (2 * B, "USD", True, "$2 billion or more")),
        ("It was valued at an estimated $2 billion.", (2 * B, "USD", True, "an estimated $2 billion")),
        ("Taipei set aside NT$ 3 billion.", (3 * B, "TWD", False, "NT$ 3 billion")),
        ("Canberra will spend A$ 2 billion.", (2 * B, "AUD", False, "A$ 2 billion")),
        ("Brasilia budgeted R$ 5 billion for the jets.", (5 * B, "BRL", False, "R$ 5 billion")),
        ("Cairo paid 5 billion Egyptian pounds.", (5 * B, "EGP", False, "5 billion Egyptian pounds")),
        ("Islamabad paid 20 billion Pakistani rupees.", (20 * B, "PKR", False, "20 billion Pakistani rupees")),
        ("Warsaw paid 3 billion zlotys for the tanks.", (3 * B, "PLN", False, "3 billion zlotys")),
        ("The price was some 300 million Euros.", (300 * M, "EUR", True, "some 300 million Euros")),
        ("A subscription costs $5 a month.", (5.0, "USD", False, "$5")),
        ("The unit price is $500k.", (500e3, "USD", False, "$500k")),
        ("Moscow was paid 1.5 billion rubles.", (1.5 * B, "RUB", False, "1.5 billion rubles")),
        ("Officials said a billion dollars was pledged.", (1 * B, "USD", False, "a billion dollars")),
        ("Two Billion Dollars Pledged For Kyiv", (2 * B, "USD", False, "Two Billion Dollars")),
        ("Poland Buys 96 Apache Helicopters In $12 Billion Deal", (12 * B, "USD", False, "$12 Billion")),
        ("Paris paid €300M for the radars.", (300 * M, "EUR", False, "€300M")),
    ],
)
def test_money_forms(sentence: str, expected: tuple[float, str, bool, str]) -> None:
    value, unit, approximate, text = only(sentence)
    assert value == pytest.approx(expected[0])
    assert (unit, approximate, text) == expected[1:]


def test_several_amounts_in_order() -> None:
    found = find_money("Egypt receives $1.3 billion a year; last year $130 million of it was withheld.")
    assert [(q.value, q.unit) for q in found] == [(1.3 * B, "USD"), (130 * M, "USD")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The jet carried a 500-pound bomb.",
        "Police found 500 pounds of explosives.",
        "He won 5 medals in Tokyo.",
        "The treaty was signed in 2018.",
        "Some 5 billion people live in Asia.",
        "Inflation reached 11.5 percent in November.",
        "The 2,000 troops arrived on Monday.",
        "Call 202 555 0143 for details.",
        "Su-35s and F-16s flew over the parade.",
    ],
)
def test_not_money(sentence: str) -> None:
    assert find_money(sentence) == []


def test_every_prefix_token_with_every_scale() -> None:
    table = currency_table()
    for token in table.prefix:
        for amount, scale, factor in (("4", " billion", B), ("12.5", " million", M), ("7,000", "", 1.0)):
            sentence = f"The ministry paid {token}{amount}{scale} for the order."
            found = find_money(sentence)
            assert len(found) == 1, (sentence, found)
            assert found[0].value == pytest.approx(float(amount.replace(",", "")) * factor), sentence
            assert found[0].unit == table.codes[" ".join(token.casefold().split())], sentence


def test_every_suffix_token_singular_and_plural() -> None:
    table = currency_table()
    for token in table.suffix:
        forms = [token] + ([token + "s"] if token_position(token) == "suffix" else [])
        for form in forms:
            sentence = f"The order was worth 3.2 billion {form}, officials said."
            found = find_money(sentence)
            assert len(found) == 1, (sentence, found)
            assert found[0].value == pytest.approx(3.2 * B), sentence


def test_hedges_make_amounts_approximate() -> None:
    for hedge in ("more than", "less than", "up to", "at least", "nearly", "almost", "around", "roughly", "over"):
        q = only(f"The package is worth {hedge} $40 million.")
        assert q[2] is True, hedge
        assert q[3].startswith(hedge)


def test_digits_with_thousands_commas() -> None:
    for n in (1, 12, 999, 1000, 25000, 1234567):
        text = f"{n:,}"
        assert only(f"It cost ${text} in all.")[0] == pytest.approx(float(n))


def test_token_positions_follow_the_table_rules() -> None:
    assert token_position("$") == "prefix"
    assert token_position("Rs") == "prefix"
    assert token_position("USD") == "both"
    assert token_position("euro") == "suffix"
    assert token_position("Australian dollar") == "suffix"
    assert token_position("U.S. dollar") == "suffix"
