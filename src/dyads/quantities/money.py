"""Money amounts in news text: "$3 billion", "US$ 1.5bn", "300 million euros", "Rs 5,000 crore".

`find_money` returns one `Quantity` (kind ``money``) per amount, with the value as a float in units of the
currency ("$1.5 billion" -> 1.5e9), the ISO 4217 code as ``unit`` and the matched words as ``text``.

Two patterns are tried, and where they overlap the one that starts first (then the longer) wins:

1. a currency that precedes the amount: ``[hedge] symbol [space] number [scale]`` ("more than $500 million",
   "US$ 1.5bn", "€300m", "Rs 5,000 crore", "¥10 billion");
2. a currency that follows it: ``[hedge] number [scale] currency`` ("300 million euros",
   "2.7-billion-euro", "1.5bn roubles", "two billion dollars", "5,000 crore rupees").

Currency symbols, codes and words come from ``data/weapons/currencies.tsv``, whose header says where each
may stand. An amount is approximate when a hedge precedes it ("about", "more than", "up to", "an estimated")
or follows it ("or more", "-plus"), or when it is a range ("$1-2 billion", valued at its midpoint).
Rejected on purpose: a hyphenated amount without a scale word ("a 500-pound bomb") and bare pounds followed
by "of" ("500 pounds of explosives"), which are weights.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dyads.model import Quantity
from dyads.quantities._numbers import (
    NUMBER_RE,
    SCALE_ABBREVIATIONS,
    SCALES,
    WORD_NUMBER_RE,
    approx_after_re,
    approx_before_re,
    parse_digits,
    parse_words,
)
from dyads.tables import data_path, read_tsv

CURRENCY_TABLE = "weapons/currencies.tsv"

_SCALE_WORDS = r"(?i:(?:thousand|million|billion|trillion|lakhs?|crores?)(?:\s+crores?)?)"
_ABBREVIATION = r"(?i:bn|mn|mln|trn|tn|b|m|k)"
_RANGE = rf"(?:\s?[-–]\s?{NUMBER_RE}(?![\d,]))"
_DIGIT_AMOUNT = (
    rf"(?P<num>{NUMBER_RE})(?P<range>{_RANGE})?"
    rf"(?:(?P<abbr>{_ABBREVIATION})(?![\w])|(?P<scale_sep>[\s-])(?P<scale>{_SCALE_WORDS})(?![\w]))?"
)
_WORD_AMOUNT = (
    rf"(?P<words>(?i:half\s+an?|an?|{WORD_NUMBER_RE}(?:\s+hundred(?:\s+and\s+{WORD_NUMBER_RE})?)?))"
    rf"[\s-](?P<wscale>{_SCALE_WORDS})(?![\w])"
)


@dataclass(frozen=True, slots=True)
class CurrencyTable:
    """The currency tokens by position, and a lookup from a token's folded form to its ISO code."""

    prefix: tuple[str, ...]
    suffix: tuple[str, ...]
    codes: dict[str, str]


def token_position(token: str) -> str:
    """Where a currency token stands: ``both`` (codes), ``suffix`` (words) or ``prefix`` (symbols)."""
    if re.fullmatch(r"[A-Z]{2,3}", token):
        return "both"
    last = token.split()[-1]
    if last[0].islower() and last.isalpha():
        return "suffix"
    return "prefix"


def _fold(token: str) -> str:
    return " ".join(token.casefold().split())


@lru_cache(maxsize=1)
def currency_table() -> CurrencyTable:
    """Read ``currencies.tsv`` once per process."""
    prefix: list[str] = []
    suffix: list[str] = []
    codes: dict[str, str] = {}
    for _, row in read_tsv(data_path(CURRENCY_TABLE), required=("token", "code")):
        token, code = row["token"], row["code"]
        position = token_position(token)
        if position in ("prefix", "both"):
            prefix.append(token)
        if position in ("suffix", "both"):
            suffix.append(token)
        codes[_fold(token)] = code
        if position == "suffix":
            codes.setdefault(_fold(token) + "s", code)
    return CurrencyTable(tuple(prefix), tuple(suffix), codes)


def _alternation(tokens: tuple[str, ...], *, words: bool) -> str:
    parts = []
    for token in sorted(tokens, key=len, reverse=True):
        pattern = r"\s+".join(re.escape(part) for part in token.split())
        if words:
            pattern = f"(?i:{pattern}s?)" if token[-1].isalpha() else f"(?i:{pattern})"
        parts.append(pattern)
    return "(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=1)
def money_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The compiled prefix-currency and suffix-currency patterns."""
    table = currency_table()
    hedge = approx_before_re()
    after = approx_after_re()
    prefix = re.compile(
        rf"(?<![\w$€£¥₹₽])(?P<qual>(?i:{hedge}))?(?P<cur>{_alternation(table.prefix, words=False)})"
        rf"\s?{_DIGIT_AMOUNT}(?P<after>{after})?"
    )
    suffix = re.compile(
        rf"(?<![\w.,$€£¥₹₽-])(?P<qual>(?i:{hedge}))?(?:{_DIGIT_AMOUNT}|{_WORD_AMOUNT})"
        rf"(?P<sep>[\s-])(?P<cur>{_alternation(table.suffix, words=True)})(?![\w])(?P<after>{after})?"
    )
    return prefix, suffix


def _scale_value(scale: str | None) -> float:
    if not scale:
        return 1.0
    value = 1.0
    for word in scale.lower().split():
        value *= SCALES[word]
    return value


def _amount(m: re.Match[str]) -> tuple[float, bool] | None:
    """The value of a match and whether it is a range; None when the words do not make a number."""
    groups = m.groupdict()
    if groups.get("words"):
        split = groups["words"].lower().split()
        words = 1.0 if split in (["a"], ["an"]) else parse_words(split)
        if words is None:
            return None
        return words * _scale_value(groups["wscale"]), False
    low = parse_digits(groups["num"])
    is_range = bool(groups.get("range"))
    if is_range:
        high = parse_digits(groups["range"].strip(" -–"))
        if high <= low:
            return None
        low = (low + high) / 2
    if groups.get("abbr"):
        return low * SCALE_ABBREVIATIONS[groups["abbr"].lower()], is_range
    return low * _scale_value(groups.get("scale")), is_range


def _is_weight(m: re.Match[str], text: str, currency: str) -> bool:
    """A hyphenated amount with no scale ("500-pound bomb") or "N pounds of" is a weight, not money."""
    has_scale = bool(m.group("scale") or m.group("abbr") or m.groupdict().get("wscale"))
    if m.groupdict().get("sep") == "-" and not has_scale:
        return True
    return currency == "GBP" and not has_scale and bool(re.match(r"\s+of\b", text[m.end() :]))


def _quantity(m: re.Match[str], text: str) -> Quantity | None:
    table = currency_table()
    code = table.codes.get(_fold(m.group("cur")))
    amount = _amount(m)
    if code is None or amount is None or _is_weight(m, text, code):
        return None
    value, is_range = amount
    approximate = bool(m.group("qual") or m.group("after")) or is_range
    surface = m.group(0).rstrip()
    return Quantity(kind="money", value=value, unit=code, approximate=approximate, text=surface)


def money_matches(text: str) -> list[tuple[int, int, Quantity]]:
    """``(start, end, quantity)`` for each amount, in order, overlaps resolved (first, then longest, wins)."""
    found: list[tuple[int, int, Quantity]] = []
    for pattern in money_patterns():
        for m in pattern.finditer(text):
            quantity = _quantity(m, text)
            if quantity is not None:
                found.append((m.start(), m.start() + len(quantity.text), quantity))
    found.sort(key=lambda item: (item[0], item[0] - item[1]))
    kept: list[tuple[int, int, Quantity]] = []
    for start, end, quantity in found:
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, quantity))
    return kept


def find_money(text: str) -> list[Quantity]:
    """Money amounts in ``text``, in order of appearance.

    Args:
        text: a sentence or a longer text.

    Returns:
        One `Quantity` per amount: ``kind="money"``, ``value`` in units of the currency, ``unit`` the ISO code,
        ``approximate`` for hedged amounts and ranges, ``text`` the matched words (hedge included).

    >>> [(q.value, q.unit, q.approximate) for q in find_money("a deal worth more than $500 million")]
    [(500000000.0, 'USD', True)]
    >>> [(q.value, q.unit) for q in find_money("Serbia will pay 2.7 billion euros")]
    [(2700000000.0, 'EUR')]
    """
    return [quantity for _, _, quantity in money_matches(text)]
