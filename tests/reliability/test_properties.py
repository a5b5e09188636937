"""Property tests (hypothesis): the date resolver, the quantity parsers, the boilerplate remover and `clean` never
crash on any text, and their invariants hold."""

from __future__ import annotations

import math
import re
from datetime import date, timedelta

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dyads.errors import DocumentError
from dyads.events.temporal import resolve_expression
from dyads.ingest import clean
from dyads.ingest.boilerplate import remove_boilerplate
from dyads.model import RawDocument
from dyads.quantities import find_counts, find_money

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
DOC_DATES = st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31))
MONTH_NAMES = ["January", "February", "March", "April", "June", "July", "August", "September", "October", "November",
               "December", "Jan.", "Sept", "Dec"]
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FILLER = st.lists(st.sampled_from(["the", "minister", "said", "talks", "troops", "attacked", "Pakistan", "India",
                                   "envoy", "met", "and", "were", "held", ",", "officials", "border"]),
                  max_size=8).map(" ".join)


@st.composite
def past_expressions(draw: st.DrawFn) -> str:
    """Relative date expressions an article uses for what already happened (no explicit year)."""
    n = draw(st.integers(1, 12))
    word = draw(st.sampled_from(["a", "one", "two", "three", "ten", str(n)]))
    unit = draw(st.sampled_from(["day", "days", "week", "weeks", "month", "months", "year", "years"]))
    month = draw(st.sampled_from(MONTH_NAMES))
    day = draw(st.integers(1, 31))
    weekday = draw(st.sampled_from(WEEKDAY_NAMES))
    return draw(st.sampled_from([
        f"{word} {unit} ago", "yesterday", "today", "this morning", "overnight", "last week", "last month",
        "last year", "this week", "this month", "this year", "earlier this month", "past week", f"on {weekday}",
        f"last {weekday}", f"on {month} {day}", f"{day} {month}", f"in {month}", f"last {month}",
        f"early {month}", "last weekend",
    ]))


def _start(value: str, precision: str) -> date:
    """The first day of a resolved period."""
    if precision in ("day", "week"):
        return date.fromisoformat(value)
    if precision == "month":
        return date.fromisoformat(value + "-01")
    return date(int(value), 1, 1)


@SETTINGS
@given(text=st.text(max_size=300), doc_date=st.none() | DOC_DATES, future=st.booleans())
def test_the_date_resolver_never_crashes_and_its_values_match_their_precision(text, doc_date, future):
    resolved = resolve_expression(text, doc_date, future=future)
    if resolved is not None:
        pattern = {"day": r"\d{4}-\d\d-\d\d", "week": r"\d{4}-\d\d-\d\d", "month": r"\d{4}-\d\d", "year": r"\d{4}"}
        assert re.fullmatch(pattern[resolved.precision], resolved.value), resolved
        _start(resolved.value, resolved.precision)  # a real date
        assert resolved.expression and resolved.expression in text


@SETTINGS
@given(before=FILLER, expression=past_expressions(), after=FILLER, doc_date=DOC_DATES)
def test_a_past_event_is_never_dated_after_its_document(before, expression, after, doc_date):
    text = f"{before} {expression} {after}".strip()
    resolved = resolve_expression(text, doc_date, future=False)
    if resolved is not None:
        # a day and month without a year may be the document's next day (time zones): one day of slack
        assert _start(resolved.value, resolved.precision) <= doc_date + timedelta(days=1), (text, doc_date, resolved)


@SETTINGS
@given(text=st.text(max_size=300))
def test_money_is_never_negative_or_infinite(text):
    for q in find_money(text):
        assert q.kind == "money" and math.isfinite(q.value) and q.value >= 0, (text, q)
        assert q.unit and re.fullmatch(r"[A-Z]{3}", q.unit), (text, q)


@SETTINGS
@given(amount=st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False),
       scale=st.sampled_from(["", " million", " billion", " bn", "m", " crore", " lakh"]),
       form=st.sampled_from(["${a}{s}", "US${a}{s}", "{a}{s} euros", "€{a}{s}", "Rs {a}{s}", "£{a}{s}", "{a}{s} dollars"]))
def test_money_amounts_are_read_as_written(amount, scale, form):
    text = "The deal is worth " + form.format(a=amount, s=scale) + ", officials said."
    for q in find_money(text):
        assert math.isfinite(q.value) and q.value >= float(amount) * 0.999, (text, q)


@SETTINGS
@given(text=st.text(max_size=300))
def test_counts_never_crash_and_are_finite(text):
    for q in find_counts(text):
        assert q.kind == "count" and math.isfinite(q.value) and q.value >= 0, (text, q)


LINES = st.lists(st.one_of(
    st.text(max_size=120),
    st.sampled_from(["Home", "World", "Share on Facebook", "Subscribe to our newsletter", "© 2024 Nile Daily",
                     "Related Articles", "Advertisement", "Cookies help us deliver our services.", "Read more",
                     "Pakistan and India held talks in Geneva on Monday, officials said.",
                     "The minister said the talks would resume next week after a pause of two months."]),
), max_size=40)


@SETTINGS
@given(lines=LINES, language=st.sampled_from(["en", "de", "xx"]), title=st.none() | st.text(max_size=60))
def test_the_boilerplate_remover_only_keeps_lines_of_its_input(lines, language, title):
    text = "\n".join(lines)
    result = remove_boilerplate(text, language=language, title=title)
    given_lines = {line.strip() for line in text.splitlines() if line.strip()}
    for paragraph in result.paragraphs:
        for line in paragraph.splitlines():
            assert line.strip() in given_lines, (line, text)
    for removed in result.removed:
        assert removed.reason


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(data=st.binary(max_size=2000) | st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")),
       kind=st.sampled_from(["text", "html", "record"]))
def test_clean_either_gives_a_document_or_a_document_error(data, kind):
    assume(kind != "html" or len(data) < 1500)
    try:
        doc = clean(RawDocument("prop", data, kind))
    except DocumentError as err:
        assert err.doc_id == "prop" and err.reason
        return
    assert doc.text.strip() and doc.language == "en" and len(doc.content_hash) == 16
