"""Buddhist-Era dates and the Thai fiscal year (1 October – 30 September, named by its ending BE year)."""

import re
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import get_language

BE_OFFSET = 543
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
THAI_DIGIT = re.compile("[๐-๙]")

MONTHS_TH_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
MONTHS_TH_LONG = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
MONTHS_EN_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def fold_thai_digits(text):
    """'๒๕๖๕' → '2565': Thai numerals are accepted wherever numbers are typed."""
    # str.translate looks up every character; most text has no Thai digit (search indexes a lot of text).
    return text.translate(THAI_DIGITS) if THAI_DIGIT.search(text) else text


def be_year(ce_year):
    return ce_year + BE_OFFSET


def ce_year(be_year):
    return be_year - BE_OFFSET


def format_date(value, style="short"):
    """'25 พ.ย. 2569' (or 'long': '25 พฤศจิกายน 2569') in Thai; '25 Nov 2026' in English."""
    if value is None:
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    if (get_language() or "th").startswith("en"):
        return f"{value.day} {MONTHS_EN_SHORT[value.month - 1]} {value.year}"
    months = MONTHS_TH_LONG if style == "long" else MONTHS_TH_SHORT
    return f"{value.day} {months[value.month - 1]} {be_year(value.year)}"


def fiscal_year(day):
    """The BE fiscal year a date falls in: 1 Oct 2021 – 30 Sep 2022 is FY2565."""
    return be_year(day.year) + (1 if day.month >= 10 else 0)


def fiscal_year_bounds(fiscal_year_be):
    """First and last day of a BE fiscal year: FY2565 → (2021-10-01, 2022-09-30)."""
    year = ce_year(fiscal_year_be)
    return date(year - 1, 10, 1), date(year, 9, 30)


def fiscal_quarter(day):
    """Quarter of the fiscal year, 1–4 (Q1 = October–December)."""
    return (day.month - 10) % 12 // 3 + 1


class BuddhistYearConverter:
    """A BE year in a URL (2400–2699, i.e. 1857–2156 CE): any other number is not a route (404), never a
    date out of range."""

    regex = "2[4-6][0-9]{2}"
    first, last = 2400, 2699

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)
