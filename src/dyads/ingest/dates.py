"""Publication dates: normalise a given date, or infer one from the article text.

Own regular expressions do the common English forms (fast); `dateparser` is used only as a fallback on short
candidate strings, because it is slow on whole texts. Every inferred date carries its evidence so a user can
see why a document got its date (``text:dateline "CAIRO, March 5, 2023"``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType

MONTHS = MappingProxyType({
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
})
LEAD_LINES = 6
"""How many lines at the start of a text may hold a dateline or a "Published" line."""
BARE_DATE_WORDS = 12
"""A header line this short that holds a full date is taken as the article's date line."""
MAX_CANDIDATE_CHARS = 60
"""Longest string handed to dateparser."""
OUTLIER_DAYS = 366
"""A latest date this far beyond every other date in the text is taken as a projection, not the date."""
MIN_YEAR = 1900

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>\d{4})"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_DATE_PATTERNS = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>\d{4})([-/.])(?P<month>\d{1,2})\2(?P<day>\d{1,2})\b"),
)
_HEADER = re.compile(
    r"^\W*(?P<label>(?:first\s+|last\s+)?(?:published|updated|posted|modified)(?:\s+on)?)\b\s*:?\s*(?P<rest>.{4,80})",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’\- ]{1,40}?)(?:\s*\([^)]{1,30}\))?,\s+(?P<rest>.{6,40}?)\s*(?:—|–|--|-|:)\s"
)
_FUTURE_CUES = re.compile(
    r"\b(?:will|would|scheduled|due|until|deadline|expected|planned|by|next|before|ahead of)\b[^.]{0,25}$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """One explicit full date found in a text."""

    value: date
    text: str
    start: int


def _make_date(year: str, month: str, day: str) -> date | None:
    """Build a date from matched parts (month as a name or a number), or None when impossible."""
    month_number = MONTHS.get(month.lower().rstrip(".")) if not month.isdigit() else int(month)
    try:
        value = date(int(year), month_number or 0, int(day))
    except ValueError:
        return None
    return value if value.year >= MIN_YEAR else None


_NUMERIC_DMY = re.compile(r"\b(?P<a>\d{1,2})([/.])(?P<b>\d{1,2})\2(?P<year>\d{4})\b")


def find_dates(text: str) -> list[DateMention]:
    """Return the explicit full dates (day, month and year) in the text, in order of appearance.

    Numeric "19/06/2024" is read day first (the international order); "06/19/2024" only fits month first.
    """
    found: dict[int, DateMention] = {}
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            value = _make_date(match["year"], match["month"], match["day"])
            if value and match.start() not in found:
                found[match.start()] = DateMention(value, match.group(0), match.start())
    for match in _NUMERIC_DMY.finditer(text):
        a, b = match["a"], match["b"]
        value = _make_date(match["year"], b, a) or _make_date(match["year"], a, b)
        if value and match.start() not in found:
            found[match.start()] = DateMention(value, match.group(0), match.start())
    return [found[start] for start in sorted(found)]


def _parse_short(candidate: str) -> date | None:
    """Parse a short string: own patterns first, then dateparser (strict: day, month and year)."""
    mentions = find_dates(candidate)
    if mentions:
        return mentions[0].value
    candidate = candidate[:MAX_CANDIDATE_CHARS]
    if not re.search(r"\b\d{4}\b", candidate):
        return None  # no year: a relative date ("3 hours ago") or a fragment
    import dateparser  # type: ignore[import-untyped]  # slow to import; only for the rare odd format

    parsed = dateparser.parse(
        candidate, languages=["en"], settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False}
    )
    return parsed.date() if parsed and parsed.year >= MIN_YEAR else None


def normalise_date(value: str | None) -> str | None:
    """Return a given date as ISO ``YYYY-MM-DD``, or None when it cannot be read.

    >>> normalise_date("2023-03-05T10:00:00Z"), normalise_date("March 5, 2023")
    ('2023-03-05', '2023-03-05')
    """
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        parsed = _parse_short(text)
    return parsed.isoformat() if parsed else None


def _lead_date(lines: Sequence[str], *, bare: bool = False) -> tuple[date, str, str] | None:
    """Find a date in lead lines: a "Published …" line beats a dateline, which beats "Updated …".

    With ``bare``, a short line that holds a full date and little else ("Nov 19, 2019 at 9:08 GMT", a byline
    with a date) counts too, after the others: only for lines known to sit above the article.
    """
    found: list[tuple[int, date, str, str]] = []
    for line in lines:
        header = _HEADER.match(line)
        if header:
            value = _parse_short(header["rest"])
            if value:
                kind = "updated" if re.search(r"updated|modified", header["label"], re.I) else "published"
                found.append((0 if kind == "published" else 2, value, kind, line[:MAX_CANDIDATE_CHARS]))
            continue
        dateline = _DATELINE.match(line)
        if dateline:
            mentions = find_dates(dateline["rest"])
            if mentions and mentions[0].start == 0:
                evidence = f"{dateline['place']}, {mentions[0].text}"
                found.append((1, mentions[0].value, "dateline", evidence))
                continue
        mentions = find_dates(line) if bare and len(line.split()) <= BARE_DATE_WORDS else []
        if mentions:
            found.append((3, mentions[0].value, "byline", line[:MAX_CANDIDATE_CHARS]))
    if not found:
        return None
    _, value, kind, evidence = min(found, key=lambda item: item[0])
    return value, kind, evidence


def _latest_plausible(text: str, today: date) -> DateMention | None:
    """Return the latest date mentioned that is not in the future, not announced as a plan, not an outlier."""
    mentions = [
        m for m in find_dates(text)
        if m.value <= today and not _FUTURE_CUES.search(text[max(0, m.start - 40): m.start])
    ]
    if not mentions:
        return None
    ordered = sorted(mentions, key=lambda m: m.value)
    latest = ordered[-1]
    earlier = [m for m in ordered if m.value < latest.value]
    if earlier and (latest.value - earlier[-1].value).days > OUTLIER_DAYS:
        latest = earlier[-1]
    return latest


def infer_date(text: str, *, header_lines: Sequence[str] = (), today: date | None = None) -> tuple[str, str] | None:
    """Infer a publication date from article text; return ``(ISO date, evidence)`` or None.

    1. A lead line: "Published 14 June 2024", a dateline "CAIRO, March 5, 2023 —", or "Updated: 2024-06-14",
       among the first lines of ``text``; then among ``header_lines`` (the lines a cleaner removed just above
       the article, nearest first: bylines and date lines), where a short line with a date also counts.
    2. Else the latest explicit full date in the text that is plausible: not after ``today``, not preceded by
       a plan word ("will", "scheduled", "by", ...) and not more than a year beyond every other date.

    >>> infer_date("CAIRO, March 5, 2023 — Egypt said on Sunday ...")
    ('2023-03-05', 'text:dateline "CAIRO, March 5, 2023"')
    """
    first_lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:LEAD_LINES]
    lead = _lead_date(first_lines) or _lead_date([ln.strip() for ln in header_lines][:LEAD_LINES], bare=True)
    if lead:
        value, kind, evidence = lead
        return value.isoformat(), f'text:{kind} "{evidence}"'
    latest = _latest_plausible(text, today or date.today())
    if latest:
        return latest.value.isoformat(), f'text:latest "{latest.text}"'
    return None
