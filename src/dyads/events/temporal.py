"""Resolve the date expressions of a sentence against the document's date.

``resolve_expression("last week", date(2023, 3, 5))`` -> ``ResolvedDate("2023-02-27", "week", ...)``.

Handled: explicit dates ("March 3, 2023", "3 March 2023", "2023-03-03"), day and month without a year
("on March 3" -> the latest March 3 not after the document date, or the next one for future events), weekdays
("on Tuesday"), today/yesterday/tomorrow/tonight, "N days/weeks/months/years ago", last/this/next
week/month/year, "later this year", "earlier this month", months ("in May", "last May", "in May of last year",
"May 2021"), years ("in 2019"), "over the weekend". What cannot be resolved is None: never the document date in
disguise.

``event_date`` picks, in a parsed sentence, the date phrase that belongs to one event: a phrase of the event's own
clause (or of its event noun), of the clause it shares a time with ("attacked ON SUNDAY, killing five"), or of the
statement framing it ("said ON MONDAY that ..."); never one of a relative or subordinate clause, another coordinated
event, a reference point ("after talks IN MARCH", "since 2019") or a thing's name ("the 2017 deal").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Iterable
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from dyads.events.phrases import clause_verb, is_predicate
from dyads.events.structure import in_dateline

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
_RE_WEEKEND = re.compile(r"\b(?:over|at|during|on)\s+the\s+weekend\b", re.I)
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


def resolve_expression(text: str, doc_date: date | None, *, future: bool = False,
                       nearest: bool = False) -> ResolvedDate | None:
    """The date that ``text`` (a date expression or a whole sentence) refers to, at its precision.

    ``future``: a day, month or weekday without a year is the next one, not the last. ``nearest``: the nearer of the
    two (an event told in the present tense: "Blinken visits Israel on June 5" is a plan, "on Monday" a report)."""
    if nearest and not future:
        return _nearer(_resolve(text, doc_date, future=False), _resolve(text, doc_date, future=True), doc_date)
    return _resolve(text, doc_date, future=future)


def _nearer(past: ResolvedDate | None, ahead: ResolvedDate | None, doc_date: date | None) -> ResolvedDate | None:
    """Of a past and a future reading of one expression, the one closer to the document date (the past on a tie)."""
    if past is None or ahead is None or doc_date is None:
        return past or ahead
    return ahead if abs(_first_day(ahead) - doc_date) < abs(_first_day(past) - doc_date) else past


def _first_day(r: ResolvedDate) -> date:
    """The first day of a resolved period."""
    if r.precision == "month":
        return date.fromisoformat(r.value + "-01")
    if r.precision == "year":
        return date(int(r.value), 1, 1)
    return date.fromisoformat(r.value)


def _resolve(text: str, doc_date: date | None, *, future: bool) -> ResolvedDate | None:
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
    if (m := _RE_WEEKEND.search(text)) and doc_date:
        return _weekend(doc_date, m.group(0), future)
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


def _weekend(doc_date: date, expr: str, future: bool) -> ResolvedDate:
    """"Over the weekend": the week of the latest Saturday not after the document (the next one for a plan)."""
    saturday = doc_date - timedelta(days=(doc_date.weekday() - 5) % 7)
    if future and saturday < doc_date - timedelta(days=1):
        saturday += timedelta(weeks=1)
    return ResolvedDate((saturday - timedelta(days=5)).isoformat(), "week", expr)


def _month_context(text: str, start: int) -> bool:
    """'May' is a month only after a preposition ("in May", "since May"), not as a verb or a name."""
    before = text[:start].rstrip().lower().split()
    return bool(before) and before[-1] in {"in", "since", "until", "by", "during", "early", "late", "mid", "of", "from", "through", "before", "after"}


# --- which date phrase of a parsed sentence belongs to an event ---------------------------------------------------

#: Prepositions that set a reference point or a bound, not the event's time: "after talks IN MARCH", "since 2019",
#: "until Friday", "ahead of the vote on Sunday".
REFERENCE_PREPS = frozenset({"after", "before", "following", "since", "until", "till", "ahead", "prior", "pending"})
#: Of those, the ones that still date a statement made right after the occasion: "said AFTER a meeting on Monday".
STATEMENT_PREPS = frozenset({"after", "following"})
#: How a date names or dates a noun rather than an event: "the 2017 deal", "Sunday's election".
NOUN_MODIFIER_DEPS = frozenset({"compound", "nummod", "amod", "poss", "nmod"})
#: Nouns that are parts of time, so a date under them is still a time: "on the night OF APRIL 20".
TIME_NOUNS = frozenset({"morning", "afternoon", "evening", "night", "day", "week", "weekend", "month", "year", "end",
                        "beginning", "start", "middle", "eve", "dawn", "midnight", "noon", "hour", "course", "part",
                        "half", "quarter", "spring", "summer", "autumn", "fall", "winter", "time", "period"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
OWN, SHARED, FRAMING, DATELINE = 0, 1, 2, 3
"""Where an event's date phrase hangs, best first: its own clause, a clause it shares a time with, its frame, the
story's dateline ("MOSCOW, May 3 (Reuters) -": the report's day, which the document date usually is already)."""


def event_date(sent: Span | Doc, verb: Token, doc_date: date | None, *, noun: Token | None = None,
               framing: Iterable[Token] = (), future: bool = False) -> ResolvedDate | None:
    """The date of the event of ``verb`` (with its event ``noun``) in the parsed ``sent``, or None when no date
    phrase belongs to it. ``framing``: the verbs of statements that frame it ("said on Monday that ...")."""
    frame_ids = {f.i for f in framing}
    present = not future and _present_tense(verb)
    for where, e in _date_phrases(sent, verb, noun, frame_ids):
        start = max(e.start - 1, sent.start if isinstance(sent, Span) else 0)
        text = e.doc[start : e.end].text
        # A date of the framing statement or the dateline lies in the past even when the event is intended.
        hit = resolve_expression(text, doc_date, future=future and where < FRAMING, nearest=present and where < FRAMING)
        if hit is not None:
            return hit
    return None


def _date_phrases(sent: Span | Doc, verb: Token, noun: Token | None, frame_ids: set[int]) -> list[tuple[int, Span]]:
    """The sentence's date and time entities that may date the event, best first (then nearest the verb)."""
    shared = _shared_time_verbs(verb)
    found = []
    for e in sent.ents:
        if e.label_ not in ("DATE", "TIME"):
            continue
        at = clause_verb(e.root)
        if in_dateline(e.root):
            where = DATELINE
        elif not _dates_its_clause(e, noun, statement=at in frame_ids):
            continue
        elif at == verb.i:
            where = OWN
        elif at in shared and (shared[at] or e.end <= at):
            where = SHARED
        elif at in frame_ids:
            where = FRAMING
        else:
            continue
        found.append((where, abs(e.root.i - verb.i), e))
    return [(where, e) for where, _, e in sorted(found, key=lambda x: x[:2])]


def _shared_time_verbs(verb: Token) -> dict[int, bool]:
    """Verbs whose time the event shares, each with whether all its dates count (True) or only the dates before it.

    A participle clause without a subject happens with its verb: "attacked the base on Sunday, KILLING 11 soldiers".
    Verbs coordinated under one subject share a date put before the first: "Le Drian last week described the junta as
    illegitimate and ACCUSED it of ..." (but not "Iran seized a tanker in 2019 and RELEASED it")."""
    out: dict[int, bool] = {}
    v = verb
    while v.head.i != v.i and _has_no_subject(v):
        if v.dep_ == "advcl" and v.tag_ == "VBG" and not any(c.dep_ == "mark" for c in v.children):
            out.setdefault(v.head.i, True)
        elif v.dep_ == "conj" and is_predicate(v.head):
            out.setdefault(v.head.i, False)
        else:
            break
        v = v.head
    return out


def _has_no_subject(verb: Token) -> bool:
    return not any(c.dep_ in _SUBJECT_DEPS for c in verb.children)


def _dates_its_clause(e: Span, noun: Token | None, *, statement: bool = False) -> bool:
    """A date phrase times its clause's event unless it sets a reference point or bound ("after talks in March",
    "since 2019") or names or dates a thing ("the 2017 deal", "Sunday's election"); the event noun's own date counts
    ("Monday's attack", "talks on Tuesday"). A ``statement`` made after a meeting is dated by it: "said AFTER A
    MEETING on Wednesday"."""
    inside = {t.i for t in e}
    bounds = REFERENCE_PREPS - STATEMENT_PREPS if statement else REFERENCE_PREPS
    t = e.root
    while t.head.i != t.i and not is_predicate(t.head):
        if t.head.i not in inside:
            if t.head.lower_ in bounds and t.head.dep_ in ("prep", "advmod"):
                return False
            if _names_a_thing(t, t.head, noun):
                return False
        t = t.head
    return True


def _names_a_thing(t: Token, head: Token, noun: Token | None) -> bool:
    """``t`` modifies a noun that is neither the event noun nor a part of time: "the 2017 DEAL", "a DEAL from 1979"."""
    thing = head.head if t.dep_ == "pobj" and head.lower_ in ("of", "from") else head if (
        t.dep_ in NOUN_MODIFIER_DEPS) else None
    return (thing is not None and thing.pos_ in ("NOUN", "PROPN") and (noun is None or thing.i != noun.i)
            and thing.lemma_.lower() not in TIME_NOUNS and thing.ent_type_ not in ("DATE", "TIME"))


def _present_tense(verb: Token) -> bool:
    """Told in the present ("visits", "is visiting"), so a bare date may lie ahead: a plan or a schedule."""
    auxes = [a for a in verb.children if a.dep_ in ("aux", "auxpass")]
    if any(a.tag_ in ("VBD", "MD") or a.lemma_.lower() == "have" for a in auxes):
        return False
    return verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in auxes))
