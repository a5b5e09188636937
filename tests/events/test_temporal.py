from datetime import date

import pytest

from dyads.events.temporal import resolve_expression

DOC = date(2023, 3, 5)  # a Sunday


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("on March 3", "2023-03-03", "day"),
        ("March 3, 2021", "2021-03-03", "day"),
        ("3 March 2022", "2022-03-03", "day"),
        ("2022-11-30", "2022-11-30", "day"),
        ("two days ago", "2023-03-03", "day"),
        ("yesterday", "2023-03-04", "day"),
        ("on Tuesday", "2023-02-28", "day"),
        ("last week", "2023-02-20", "week"),
        ("last month", "2023-02", "month"),
        ("in May of last year", "2022-05", "month"),
        ("last May", "2022-05", "month"),
        ("in December", "2022-12", "month"),
        ("later this year", "2023", "year"),
        ("in 2019", "2019", "year"),
        ("three years ago", "2020", "year"),
    ],
)
def test_resolve_past_expressions_against_document_date(text, value, precision):
    got = resolve_expression(text, DOC)
    assert got is not None, text
    assert (got.value, got.precision) == (value, precision)


def test_future_events_resolve_forward():
    assert resolve_expression("on Tuesday", DOC, future=True).value == "2023-03-07"
    assert resolve_expression("in June", DOC, future=True).value == "2023-06"
    assert resolve_expression("next month", DOC).value == "2023-04"


def test_may_as_a_verb_is_not_a_date():
    assert resolve_expression("Officials said they may retaliate", DOC) is None


def test_lowercase_march_is_a_verb_not_a_month():
    assert resolve_expression("Protesters plan to march on the capital", DOC) is None


def test_relative_expressions_need_a_document_date():
    assert resolve_expression("last week", None) is None
    assert resolve_expression("on March 3, 2021", None).value == "2021-03-03"


def test_impossible_dates_are_ignored():
    assert resolve_expression("February 30, 2023", DOC) is None


def test_the_weekend_is_the_latest_one_or_the_next_for_plans():
    # DOC is a Sunday: "over the weekend" is this one (its week starts Monday 2023-02-27)
    assert resolve_expression("over the weekend", DOC).value == "2023-02-27"
    thursday = date(2024, 5, 2)
    assert resolve_expression("over the weekend", thursday).value == "2024-04-22"
    assert resolve_expression("at the weekend", thursday, future=True).value == "2024-04-29"


def test_present_tense_takes_the_nearer_reading():
    thursday = date(2024, 5, 2)
    assert resolve_expression("on June 5", thursday, nearest=True).value == "2024-06-05"
    assert resolve_expression("on April 30", thursday, nearest=True).value == "2024-04-30"
    assert resolve_expression("on Monday", thursday, nearest=True).value == "2024-04-29"
    assert resolve_expression("on Saturday", thursday, nearest=True).value == "2024-05-04"
    assert resolve_expression("last week", thursday, nearest=True).value == "2024-04-22"
