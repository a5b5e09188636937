"""Counts of items in news text: "12 Rafale jets", "a dozen helicopters", "up to 40 F-35 fighters".

`find_counts` reads the text as tokens and, at each number, tries (the numbers follow the code):

1. an optional hedge ("more than", "up to", "about", "at least", "some" ...): the count is approximate;
2. the number: digits ("25", "1,000", "1.5 million"), words ("twelve", "twenty-five", "two hundred"),
   "a dozen" (12), "two dozen" (24), "half a dozen" (6), a range ("30-40", "two or three", "between 30 and
   40": the midpoint, approximate), or a vague plural, which is approximate and valued at two of its unit:
   "dozens of" 24, "scores of" 40, "hundreds of" 200, "thousands of" 2,000, "tens of thousands of" 20,000,
   "hundreds of thousands of" 200,000, "millions of" 2,000,000; "a couple of" is 2, approximate;
3. the counted noun phrase: up to six words ending at the first plural noun ("Rafale jets",
   "Caesar 155 mm self-propelled howitzers", "F-16s", "aircraft") or at a designation ("12 Rafale");
   "of the" after a number makes a partitive ("79 of the air force's F-16s"); measure nouns take their
   "of" phrase ("1,000 rounds of ammunition"). A count of one needs a weapon noun ("one submarine").
4. formation units (squadron, battery, battalion, regiment, brigade, flotilla) are counted as such, with
   ``unit`` the singular formation word and approximate=True, because their size in aircraft or launchers
   varies (a squadron is about 12-24 aircraft); no item count is invented.

Not counts: money, years ("in 2018", "the 2018 contract": four-digit numbers from 1800 to 2100 are read as
years), dates ("March 23", "23 March"), times, percentages, measures and ages ("155 mm", "10 km",
"45 years", "aged 45", "45-year-old"), phone numbers, decimals without a scale word, model numbers after a
designation or label ("Mirage 2000", "Block 70", "Resolution 2231", "Boeing 737") and "F-16s" itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dyads.model import Quantity
from dyads.quantities._numbers import (
    APPROX_BEFORE,
    SCALES,
    parse_digits,
    parse_words,
    word_value,
)
from dyads.quantities.money import money_matches
from dyads.quantities.weapons import weapon_matches

MAX_PHRASE = 6
"""Most words in a counted noun phrase."""

VAGUE_PLURALS = {"dozens": 24.0, "scores": 40.0, "hundreds": 200.0, "thousands": 2000.0, "millions": 2e6}
FORMATIONS = {
    "squadron": "squadron", "squadrons": "squadron", "battery": "battery", "batteries": "battery",
    "battalion": "battalion", "battalions": "battalion", "regiment": "regiment", "regiments": "regiment",
    "brigade": "brigade", "brigades": "brigade", "flotilla": "flotilla", "flotillas": "flotilla",
}
IRREGULAR_PLURALS = frozenset(
    "aircraft people personnel men women children police equipment ammunition materiel hardware infantry "
    "staff crew cattle sheep fish troops militia".split()
)
MEASURE_HEADS = frozenset("rounds units pieces sets batches kits shipments crates boxes consignments".split())
NOT_COUNTED = frozenset(
    "year years month months week weeks day days hour hours minute minutes second seconds decade decades "
    "century centuries time times percent per pc pct mm cm km kilometres kilometers kilometre kilometer miles "
    "mile metres meters metre meter feet foot inches inch kg kilograms kilogram tonnes tons tonne ton pounds "
    "degrees degree points point am pm a.m p.m o'clock millimetre millimetres millimeter millimeters calibre "
    "caliber knots votes percentage nautical bps".split()
)
MONTHS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr "
    "jun jul aug sep sept oct nov dec".split()
)
LABEL_WORDS = frozenset(
    "block batch tranche phase type class project model series mk mark no nos number resolution article "
    "chapter section flight route highway road room page vol level grade gate terminal platform act decree "
    "boeing airbus embraer bombardier cessna tupolev ilyushin antonov covid".split()
)
"""Capitalised words after which a number is a label, not a count ("Block 70", "Boeing 737")."""

STOP = frozenset(
    "a an the and or but nor of to from for in on at by with without into onto over under than as that which "
    "who whom whose this these those it its their his her our your my we they he she i you is are was were be "
    "been being has have had do does did will would shall should can could may might must not no so if then "
    "there here also while after before since until during per about around up down out off between among "
    "against toward towards via each every all both either neither some any such other another more most "
    "less least nearly almost over just only including like than what when where why how".split()
)
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\w+(?:[-'’./]\w+)*|\S")
_DIGITS = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_RANGE_TOKEN = re.compile(r"(\d+)[-–](\d+)")
_NUMBER_STARTS = frozenset({"a", "an", "half", "tens", *VAGUE_PLURALS})
_HEDGES = sorted([*(tuple(h.split()) for h in APPROX_BEFORE), ("between",)], key=len, reverse=True)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    lower: str
    masked: bool
    """Inside a money amount."""
    weapon: int | None
    """Index of the designation mention covering this token, if any."""
    weapon_end: bool
    """The designation mention ends with this token."""
    noun_end: bool
    """Some weapon mention, designation or generic ("submarine"), ends with this token."""


def _tokens(text: str) -> list[Token]:
    money = [(s, e) for s, e, _ in money_matches(text)]
    mentions = weapon_matches(text)
    weapons = [(m.start, m.end) for m in mentions if m.specific]
    ends = {m.end for m in mentions}
    tokens = []
    for t in _TOKEN.finditer(text):
        masked = bool(money) and any(s <= t.start() < e for s, e in money)
        covering = next((i for i, (s, e) in enumerate(weapons) if s <= t.start() < e), None) if weapons else None
        at_end = covering is not None and t.end() >= weapons[covering][1]
        lower = t.group(0).lower()
        tokens.append(Token(t.start(), t.end(), t.group(0), lower, masked, covering, at_end, t.end() in ends))
    return tokens


def _is_word(t: Token) -> bool:
    return t.text[0].isalnum()


def _is_plural(t: Token) -> bool:
    w = t.lower
    if t.weapon is not None and not t.weapon_end:
        return False  # "Abrams" in "M1 Abrams tanks", "Tejas" in "Tejas Mk1A jets"
    if w in IRREGULAR_PLURALS or t.weapon is not None and t.weapon_end and re.search(r"\d['’]?s$", t.text):
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s")) and w.isalpha()


@lru_cache(maxsize=1)
def _hedges_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for hedge in _HEDGES:
        index.setdefault(hedge[0], []).append(hedge)
    return {word: tuple(hedges) for word, hedges in index.items()}


def _hedge(tokens: list[Token], i: int) -> int:
    """Number of tokens in a hedge starting at ``i`` (0 if none); longer hedges first."""
    for hedge in _hedges_by_first_word().get(tokens[i].lower, ()):
        if tuple(t.lower for t in tokens[i : i + len(hedge)]) == hedge:
            return len(hedge)
    return 0


def _label_before(tokens: list[Token], i: int) -> bool:
    """The number at ``i`` is a label or a date: "Block 70", "March 23", "Mirage 2000", "aged 45", "+1"."""
    if i == 0:
        return False
    prev = tokens[i - 1]
    if prev.text in ("+", "#", "$", "€", "£", "¥", "№", ":") or prev.lower in ("aged", "age", "ages", "no."):
        return True
    if prev.lower in MONTHS or prev.lower.rstrip(".") in LABEL_WORDS and prev.text[0].isupper():
        return True
    return prev.lower.replace(",", "").isdigit()


def _digit_value(tokens: list[Token], i: int) -> tuple[float, int, bool] | None:
    """(value, tokens used, is a range) for digits at ``i``, or None when they are not a count."""
    t = tokens[i]
    if t.masked or t.weapon is not None or _label_before(tokens, i):
        return None
    if m := _RANGE_TOKEN.fullmatch(t.text):
        low, high = int(m.group(1)), int(m.group(2))
        if m.group(1).startswith("0") or high <= low or low >= 1800:
            return None
        return (low + high) / 2, 1, True
    if not _DIGITS.fullmatch(t.text) or t.text.startswith("0"):
        return None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is not None and (nxt.text in (":", "%", "/") or _DIGITS.fullmatch(nxt.text) or _is_calibre(tokens, i)):
        return None
    value = parse_digits(t.text)
    if nxt is not None and nxt.lower in ("hundred", "thousand", "million", "billion"):
        return value * SCALES[nxt.lower], 2, False
    if nxt is not None and nxt.lower == "dozen" and "." not in t.text:
        return value * 12, 2, False
    if "." in t.text or ("," not in t.text and len(t.text) == 4 and 1800 <= value <= 2100):
        return None
    return value, 1, False


def _word_value(tokens: list[Token], i: int) -> tuple[float, int, bool, bool] | None:
    """(value, tokens used, approximate, ends with "of") for number words at ``i``."""
    words = [t.lower for t in tokens[i : i + 6]]
    first = words[0] if words else ""
    if first in ("tens", "hundreds") and words[1:3] == ["of", "thousands"] and words[3:4] == ["of"]:
        return (20000.0 if first == "tens" else 200000.0), 4, True, True
    if first in VAGUE_PLURALS and words[1:2] == ["of"]:
        return VAGUE_PLURALS[first], 2, True, True
    if words[:3] in (["a", "couple", "of"], ["a", "pair", "of"]):
        return 2.0, 3, words[1] == "couple", True
    if words[:3] == ["half", "a", "dozen"]:
        return 6.0, 3, False, False
    if words[:2] in (["a", "dozen"], ["one", "dozen"]):
        return 12.0, 2, False, False
    n = 0
    while n < len(words) and (word_value(words[n]) is not None or words[n] in ("hundred", "thousand", "million")
                              or (words[n] in ("a", "an") and n == 0) or (words[n] == "and" and n > 0)):
        n += 1
    while n and words[n - 1] in ("and", "a", "an"):
        n -= 1
    value = parse_words(words[:n]) if n else None
    if n < len(words) and words[n] == "dozen" and value is not None:
        return value * 12, n + 1, False, False
    if value is None:
        return None
    return value, n, False, False


def _number(tokens: list[Token], i: int) -> tuple[float, int, bool, bool] | None:
    """(value, tokens used, approximate, partitive "of" consumed) for a count's number at ``i``."""
    if tokens[i].text[0].isdigit():
        digits = _digit_value(tokens, i)
        if digits is None:
            return None
        value, used, is_range = digits
        return value, used, is_range, False
    if tokens[i].lower not in _NUMBER_STARTS and word_value(tokens[i].lower) is None:
        return None
    return _word_value(tokens, i)


def _range_end(tokens: list[Token], i: int, start: int) -> tuple[float, int] | None:
    """A second number after "to"/"or" (or "and" after "between"): ("two or three", "30 to 40")."""
    if i + 1 >= len(tokens) or tokens[i].lower not in ("to", "or", "and"):
        return None
    if tokens[i].lower == "and" and tokens[start].lower != "between":
        return None
    second = _number(tokens, i + 1)
    return (second[0], second[1] + 1) if second else None


def _phrase(tokens: list[Token], i: int, value: float) -> tuple[int, int] | None:
    """(first, head) token indexes of the counted noun phrase starting at ``i``."""
    last_word = None
    for j in range(i, min(i + MAX_PHRASE, len(tokens))):
        t = tokens[j]
        if not _is_word(t) or t.lower in STOP or t.lower in MONTHS or t.masked:
            break
        calibre = _is_calibre(tokens, j)
        if t.weapon is None and not calibre and (t.lower in NOT_COUNTED or t.lower.rstrip("s") in NOT_COUNTED):
            return None
        if t.text[0].isdigit() and t.weapon is None and not calibre:
            break
        if value == 1:
            if t.noun_end or t.lower in FORMATIONS:
                return i, j
        elif _is_plural(t) or t.lower in FORMATIONS:
            return i, j
        last_word = j
    if last_word is not None and value != 1 and tokens[last_word].weapon_end:
        return i, last_word
    return None


def _is_calibre(tokens: list[Token], j: int) -> bool:
    """Token ``j`` is part of a calibre inside a noun phrase: "155" or "mm" in "155 mm", or "155mm"."""
    mm = ("mm", "millimetre", "millimeter", "millimetres", "millimeters")
    t = tokens[j]
    if re.fullmatch(r"\d+(?:\.\d+)?(?:mm|-mm|-millimet(?:re|er))", t.lower):
        return True
    if t.text[0].isdigit():
        return j + 1 < len(tokens) and tokens[j + 1].lower in mm
    return t.lower in mm and j > 0 and tokens[j - 1].text[0].isdigit()


def _measure_of(tokens: list[Token], head: int) -> int:
    """Extend "rounds" to "rounds of ammunition"; returns the new last token index."""
    if tokens[head].lower not in MEASURE_HEADS or head + 2 >= len(tokens) or tokens[head + 1].lower != "of":
        return head
    end = head
    for j in range(head + 2, min(head + 5, len(tokens))):
        if not _is_word(tokens[j]) or tokens[j].lower in STOP:
            break
        end = j
    return end


def _count_at(tokens: list[Token], text: str, i: int) -> tuple[int, Quantity] | None:
    """The count starting at token ``i`` and the index of its last token, or None."""
    # 1. hedge
    hedge = _hedge(tokens, i)
    j = i + hedge
    if j >= len(tokens):
        return None
    # 2. number, range, "more", partitive "of the"
    number = _number(tokens, j)
    if number is None:
        return None
    value, used, approximate, partitive = number
    k = j + used
    if (second := _range_end(tokens, k, i)) is not None and second[0] > value:
        value, k, approximate = (value + second[0]) / 2, k + second[1], True
    while k < len(tokens) and tokens[k].lower in ("more", "additional", "extra", "further", "new"):
        k += 1
    if not partitive and value > 1 and tokens[k : k + 1] and tokens[k].lower == "of":
        k += 2 if k + 1 < len(tokens) and tokens[k + 1].lower in ("the", "its", "their", "these", "those") else 1
    # 3. counted noun phrase
    phrase = _phrase(tokens, k, value) if value > 0 else None
    if phrase is None:
        return None
    first, head = phrase
    last = _measure_of(tokens, head)
    # 4. formation units
    formation = FORMATIONS.get(tokens[head].lower)
    unit = formation or text[tokens[first].start : tokens[last].end]
    quantity = Quantity(
        kind="count",
        value=float(value),
        unit=unit,
        approximate=bool(hedge) or approximate or bool(formation),
        text=text[tokens[i].start : tokens[last].end],
    )
    return last, quantity


def find_counts(text: str) -> list[Quantity]:
    """Counts of items in ``text``, in order of appearance.

    Args:
        text: a sentence or a longer text.

    Returns:
        One `Quantity` per count: ``kind="count"``, ``value``, ``unit`` the counted noun phrase as written
        ("Rafale jets") or the singular formation word ("squadron"), ``approximate`` for hedged, vague,
        ranged and formation counts, ``text`` the matched words.

    >>> [(q.value, q.unit, q.approximate) for q in find_counts("Serbia will buy 12 Rafale jets.")]
    [(12.0, 'Rafale jets', False)]
    >>> [(q.value, q.unit, q.approximate) for q in find_counts("India is buying two squadrons.")]
    [(2.0, 'squadron', True)]
    """
    tokens = _tokens(text)
    counts: list[Quantity] = []
    i = 0
    while i < len(tokens):
        found = _count_at(tokens, text, i)
        if found is None:
            i += 1
            continue
        last, quantity = found
        counts.append(quantity)
        i = last + 1
    return counts
