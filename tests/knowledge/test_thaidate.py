from datetime import date

import pytest
from django.utils import translation

from knowledge.thaidate import (
    fiscal_quarter,
    fiscal_year,
    fiscal_year_bounds,
    fold_thai_digits,
    format_date,
)


def test_thai_dates_are_written_in_the_buddhist_era():
    with translation.override("th"):
        assert format_date(date(2026, 11, 25)) == "25 พ.ย. 2569"
        assert format_date(date(2022, 1, 3), "long") == "3 มกราคม 2565"


def test_english_dates_keep_the_common_era():
    with translation.override("en"):
        assert format_date(date(2026, 11, 25)) == "25 Nov 2026"


def test_a_missing_date_prints_nothing():
    assert format_date(None) == ""


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2021, 10, 1), 2565),
        (date(2022, 9, 30), 2565),
        (date(2021, 9, 30), 2564),
        (date(2022, 10, 1), 2566),
    ],
)
def test_the_fiscal_year_turns_on_the_first_of_october(day, expected):
    assert fiscal_year(day) == expected


def test_fiscal_year_2565_runs_from_october_2021_to_september_2022():
    assert fiscal_year_bounds(2565) == (date(2021, 10, 1), date(2022, 9, 30))


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (date(2021, 10, 1), 1),
        (date(2021, 12, 31), 1),
        (date(2022, 1, 1), 2),
        (date(2022, 4, 1), 3),
        (date(2022, 9, 30), 4),
    ],
)
def test_the_first_fiscal_quarter_is_october_to_december(day, quarter):
    assert fiscal_quarter(day) == quarter


def test_thai_numerals_fold_to_arabic_digits():
    assert fold_thai_digits("พ.ศ. ๒๕๖๕ ระบบราชการ ๔.๐") == "พ.ศ. 2565 ระบบราชการ 4.0"
