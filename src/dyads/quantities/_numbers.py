"""Numbers written in news English, shared by the money and count finders.

Digits ("5,000", "1.5"), number words ("twenty-five", "two hundred"), scale words ("billion", "crore") and
the hedges that make an amount approximate ("more than", "about", "up to", "or more").
"""

from __future__ import annotations

import re

UNITS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
"""Scale words; ``lakh`` (1e5) and ``crore`` (1e7) are the Indian units ("Rs 5,000 crore")."""

SCALE_ABBREVIATIONS: dict[str, float] = {
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12,
}

APPROX_BEFORE = (
    "more than", "less than", "fewer than", "up to", "at least", "at most", "as much as", "as many as",
    "as little as", "as few as", "close to", "nearly", "almost", "about", "around", "roughly", "approximately",
    "some", "over", "under", "upwards of", "in excess of", "just over", "just under", "well over", "an estimated",
    "estimated", "circa", "approx.", "~",
)
"""Hedges before an amount that make it approximate ("more than $500 million", "up to 40 F-35s")."""

NUMBER_RE = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
"""Digits with optional thousands commas and decimals: "5,000", "1.5", "700"."""

_WORD_NUMBER = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
WORD_NUMBER_RE = rf"(?:(?:{'|'.join(TENS)})-(?:{'|'.join(k for k in UNITS if UNITS[k] < 10)})|{_WORD_NUMBER})"
"""A number word from one to ninety-nine ("twenty-five" is one word)."""


def approx_before_re() -> str:
    """An alternation of the hedges in `APPROX_BEFORE`, longest first, each followed by a space."""
    alts = sorted(APPROX_BEFORE, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(a) + (r"\s*" if a == "~" else r"\s+") for a in alts) + ")"


def approx_after_re() -> str:
    """Hedges after an amount, with the space or hyphen before them: "or more", "or so", "-plus", "+"."""
    return r"(?:\s+or\s+(?:more|so)\b|-plus\b|\+)"


def parse_digits(text: str) -> float:
    """ "5,000" -> 5000.0, "1.5" -> 1.5."""
    return float(text.replace(",", ""))


def word_value(word: str) -> int | None:
    """The value of one number word ("seven", "twenty-five"), or None."""
    w = word.lower()
    if w in UNITS:
        return UNITS[w]
    if w in TENS:
        return TENS[w]
    if "-" in w:
        tens, _, unit = w.partition("-")
        if tens in TENS and unit in UNITS and UNITS[unit] < 10:
            return TENS[tens] + UNITS[unit]
    return None


def parse_words(words: list[str]) -> float | None:
    """Value of a run of number words: ["two", "hundred", "and", "fifty"] -> 250; None if not a number.

    "a"/"an" count as one before a scale word ("a hundred", "a million"); "half a" is 0.5 ("half a billion").
    """
    total = 0.0
    current = 0.0
    seen = False
    i = 0
    lowered = [w.lower() for w in words]
    while i < len(lowered):
        w = lowered[i]
        if w == "half" and i + 1 < len(lowered) and lowered[i + 1] in ("a", "an"):
            current += 0.5
            i += 2
            seen = True
            continue
        if w in ("a", "an") and i + 1 < len(lowered) and lowered[i + 1] in SCALES:
            current += 1
        elif w == "and" and seen:
            pass
        elif (v := word_value(w)) is not None:
            current += v
        elif w in SCALES and seen or w in SCALES and current:
            scale = SCALES[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0.0
        else:
            return None
        seen = True
        i += 1
    return total + current if seen else None
