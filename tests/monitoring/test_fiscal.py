"""The Thai fiscal calendar: FY2565 runs 1 October 2021 – 30 September 2022; Q1 is October–December."""

from datetime import date

import pytest

from monitoring.fiscal import default_year, fiscal_quarter, quarter_end, quarter_start


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2021, 10, 1), (2565, 1)),
        (date(2021, 12, 31), (2565, 1)),
        (date(2022, 1, 1), (2565, 2)),
        (date(2022, 6, 30), (2565, 3)),
        (date(2022, 9, 30), (2565, 4)),
    ],
)
def test_a_day_falls_in_its_fiscal_quarter(day, expected):
    assert fiscal_quarter(day) == expected


def test_quarters_start_and_end_on_the_right_days():
    assert (quarter_start(2565, 1), quarter_end(2565, 1)) == (date(2021, 10, 1), date(2021, 12, 31))
    assert (quarter_start(2565, 4), quarter_end(2565, 4)) == (date(2022, 7, 1), date(2022, 9, 30))


def test_dashboards_open_on_this_year_while_the_plan_runs_and_on_its_last_year_after():
    assert default_year([2564, 2565], date(2021, 11, 1)) == 2565
    assert default_year([2564, 2565], date(2026, 11, 25)) == 2565
    assert default_year([2564, 2565], date(2019, 1, 1)) == 2564
