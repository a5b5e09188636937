"""Date normalisation and inference from text, with evidence."""

from __future__ import annotations

from datetime import date

import pytest

from dyads.ingest.dates import find_dates, infer_date, normalise_date

TODAY = date(2025, 1, 1)


@pytest.mark.parametrize("value", ["2023-03-05", "2023-03-05T10:00:00Z", "March 5, 2023", "5 March 2023",
                                   "Sunday, 5th of March 2023", "Mar. 5, 2023"])
def test_normalise_common_forms(value):
    assert normalise_date(value) == "2023-03-05"


@pytest.mark.parametrize("value", [None, "", "soon", "3 hours ago", "2023-02-30"])
def test_normalise_refuses_non_dates(value):
    assert normalise_date(value) is None


def test_dateline_at_start():
    text = "CAIRO, March 5, 2023 — Egypt and Sudan agreed on Sunday to resume talks."
    assert infer_date(text, today=TODAY) == ("2023-03-05", 'text:dateline "CAIRO, March 5, 2023"')


def test_dateline_with_agency_tag():
    text = "KHARTOUM (Reuters), 14 June 2024 - Fighting resumed in the capital."
    value, evidence = infer_date(text, today=TODAY)
    assert value == "2024-06-14" and evidence.startswith("text:dateline")


def test_published_line_beats_dates_in_the_body():
    text = "Published 14 June 2024\nThe ceasefire signed on 2 May 2024 collapsed."
    assert infer_date(text, today=TODAY) == ("2024-06-14", 'text:published "Published 14 June 2024"')


def test_updated_line_with_iso_date_and_time():
    text = "Updated: 2024-06-14 09:12 GMT\nTroops withdrew."
    assert infer_date(text, today=TODAY) == ("2024-06-14", 'text:updated "Updated: 2024-06-14 09:12 GMT"')


def test_published_label_in_header_lines_removed_by_cleaner():
    body = "Troops withdrew from the town, the army said."
    assert infer_date(body, header_lines=["By Amina Hassan", "Posted on Nov. 19, 2019 8:03 am ET"],
                      today=TODAY)[0] == "2019-11-19"


def test_relative_update_is_not_a_date():
    assert infer_date("Updated 3 hours ago\nTroops withdrew.", today=TODAY) is None


def test_latest_plausible_date_in_the_text():
    text = ("The talks began on 2 May 2021 and ended on May 9, 2021. They will resume by June 1, 2021, "
            "and a treaty is due on 1 January 2030.")
    assert infer_date(text, today=TODAY) == ("2021-05-09", 'text:latest "May 9, 2021"')


def test_future_dates_are_not_publication_dates():
    text = ("The summit of 3 March 2024 set a deadline. Elections were held on 7 May 2024; "
            "another vote is on 1 July 2030.")
    assert infer_date(text, today=date(2024, 6, 1))[0] == "2024-05-07"


def test_no_date_gives_none():
    assert infer_date("Troops withdrew from the town, the army said.", today=TODAY) is None


def test_find_dates_positions_and_forms():
    found = find_dates("Signed 2 May 2021, ratified on June 3, 2021 and filed 2021-07-04.")
    assert [m.value.isoformat() for m in found] == ["2021-05-02", "2021-06-03", "2021-07-04"]


def test_bare_date_counts_only_in_header_lines():
    body = "Troops withdrew from the town, the army said."
    assert infer_date("June 9, 2020\n" + body, today=TODAY)[1].startswith("text:latest")
    assert infer_date(body, header_lines=["Nov 19, 2019 at 9:08 GMT"], today=TODAY) == (
        "2019-11-19", 'text:byline "Nov 19, 2019 at 9:08 GMT"')
