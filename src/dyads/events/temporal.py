"""Resolve the date expressions of a sentence against the document's date.

``resolve_expression("last week", date(2023, 3, 5))`` -> ``ResolvedDate("2023-02-27", "week", ...)``.

Handled: explicit dates ("March 3, 2023", "3 March 2023", "2023-03-03"), day and month without a year
("on March 3" -> the latest March 3 not after the document date, or the next one for future events), weekdays
("on Tuesday"), today/yesterday/tomorrow/tonight, "N days/weeks/months/years ago", last/this/next
week/month/year, "later this year", "earlier this month", months ("in May", "last May", "in May of last year",
"May 2021"), years ("in 2019"). What cannot be resolved is None: never the document date in disguise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    m: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for m in names
}
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None, "few": None}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_RE_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
_RE_MDY = re.compile(_MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d))?", re.I)
_RE_DMY = re.compile(r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(?P<year>(?:19|20)\d\d))?", re.I)
_RE_MONTH = re.compile(r"\b(?P<rel>last|this|next|early|late|mid-?|earlier|later)?\s*" + _MONTH
                       + r"(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d|last year|this year|next year))?\b", re.I)
_RE_YEAR = re.compile(r"\b(?:in|since|during|by|of|for)?\s*(?P<year>(?:19|20)\d\d)\b", re.I)
_RE_AGO = re.compile(r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                     r"(?P<unit>day|week|month|year)s?\s+ago\b", re.I)
_RE_REL = re.compile(r"\b(?P<rel>last|this|next|later this|earlier this|past)\s+(?P<unit>week|month|year|weekend)\b", re.I)
_RE_WEEKDAY = re.compile(r"\b(?P<rel>last|next|this)?\s*(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_RE_DAYWORD = re.compile(r"\b(?P<w>today|tonight|yesterday|tomorrow|this morning|this afternoon|this evening|overnight)\b", re.I)


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    value: str
    """ISO text at the precision: ``YYYY-MM-DD`` (day, week: the week's Monday), ``YYYY-MM`` or ``YYYY``."""
    precision: str
    expression: str

    @property
    def source(self) -> str:
        return f'text:"{self.expression}"'


def _shift_month(d: date, months: int) -> date:
    m = d.month - 1 + months
    return date(d.year + m // 12, m % 12 + 1, 1)


def _day(d: date, expr: str) -> ResolvedDate:
    return ResolvedDate(d.isoformat(), "day", expr)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def resolve_expression(text: str, doc_date: date | None, *, future: bool = False) -> ResolvedDate | None:
    """The date that ``text`` (a date expression or a whole sentence) refers to, at its precision."""
    if m := _RE_ISO.search(text):
        d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if d:
            return _day(d, m.group(0))
    for rx in (_RE_MDY, _RE_DMY):
        if (m := rx.search(text)) and m["month"].lower().rstrip(".") in MONTHS:
            month, day = MONTHS[m["month"].lower().rstrip(".")], int(m["day"])
            if m["year"]:
                d = _safe_date(int(m["year"]), month, day)
                return _day(d, m.group(0).strip()) if d else None
            elif doc_date is not None and m["month"][0].isupper():
                d = _safe_date(doc_date.year, month, day)
                if d is not None:
                    if not future and d > doc_date + timedelta(days=1):
                        d = _safe_date(doc_date.year - 1, month, day)
                    elif future and d < doc_date:
                        d = _safe_date(doc_date.year + 1, month, day)
                    if d:
                        return _day(d, m.group(0).strip())
    if m := _RE_AGO.search(text):
        n = NUMBERS.get(m["n"].lower(), None) if not m["n"].isdigit() else int(m["n"])
        if n and doc_date:
            unit = m["unit"].lower()
            if unit == "day":
                return _day(doc_date - timedelta(days=n), m.group(0))
            if unit == "week":
                return ResolvedDate((doc_date - timedelta(weeks=n)).isoformat(), "week", m.group(0))
            if unit == "month":
                return ResolvedDate(_shift_month(doc_date, -n).strftime("%Y-%m"), "month", m.group(0))
            return ResolvedDate(str(doc_date.year - n), "year", m.group(0))
    if m := _RE_DAYWORD.search(text):
        if doc_date:
            w = m["w"].lower()
            offset = {"yesterday": -1, "tomorrow": 1}.get(w, 0)
            return _day(doc_date + timedelta(days=offset), m.group(0))
    for m in _RE_MONTH.finditer(text):
        name = m["month"].lower().rstrip(".")
        if name not in MONTHS or not m["month"][0].isupper():
            continue
        if name == "may" and not (m["rel"] or m["year"]) and not _month_context(text, m.start("month")):
            continue
        month = MONTHS[name]
        year_txt = (m["year"] or "").lower()
        if year_txt.isdigit():
            return ResolvedDate(f"{int(year_txt):04d}-{month:02d}", "month", m.group(0).strip())
        if doc_date is None:
            continue
        year = doc_date.year
        rel = (m["rel"] or "").lower()
        if year_txt == "last year" or rel == "last":
            year -= 1 if rel != "last" or month >= doc_date.month else 0
        elif year_txt == "next year":
            year += 1
        elif year_txt != "this year":
            if future and month < doc_date.month:
                year += 1
            elif not future and month > doc_date.month:
                year -= 1
        return ResolvedDate(f"{year:04d}-{month:02d}", "month", m.group(0).strip())
    if m := _RE_REL.search(text):
        if doc_date:
            rel, unit = m["rel"].lower(), m["unit"].lower()
            step = {"last": -1, "past": -1, "next": 1}.get(rel, 0)
            if unit in ("week", "weekend"):
                monday = doc_date - timedelta(days=doc_date.weekday()) + timedelta(weeks=step)
                return ResolvedDate(monday.isoformat(), "week", m.group(0))
            if unit == "month":
                return ResolvedDate(_shift_month(doc_date, step).strftime("%Y-%m"), "month", m.group(0))
            return ResolvedDate(str(doc_date.year + step), "year", m.group(0))
    if m := _RE_WEEKDAY.search(text):
        if doc_date:
            wd = WEEKDAYS[m["wd"].lower()]
            rel = (m["rel"] or "").lower()
            if future or rel == "next":
                delta = (wd - doc_date.weekday()) % 7 or 7
                return _day(doc_date + timedelta(days=delta), m.group(0).strip())
            delta = (doc_date.weekday() - wd) % 7
            if rel == "last" and delta == 0:
                delta = 7
            return _day(doc_date - timedelta(days=delta), m.group(0).strip())
    if m := _RE_YEAR.search(text):
        return ResolvedDate(m["year"], "year", m.group(0).strip())
    return None


def _month_context(text: str, start: int) -> bool:
    """'May' is a month only after a preposition ("in May", "since May"), not as a verb or a name."""
    before = text[:start].rstrip().lower().split()
    return bool(before) and before[-1] in {"in", "since", "until", "by", "during", "early", "late", "mid", "of", "from", "through", "before", "after"}
