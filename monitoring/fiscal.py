"""The Thai fiscal calendar: a fiscal year (B.E.) runs 1 October – 30 September; Q1 is October–December.

A quarter's report is due `MONITORING_REPORT_DUE_DAYS` after the quarter ends.
"""

from datetime import date, timedelta

from django.conf import settings

from knowledge import thaidate

QUARTERS = (1, 2, 3, 4)


def fiscal_quarter(day):
    """(fiscal year B.E., quarter) of a date."""
    return thaidate.fiscal_year(day), thaidate.fiscal_quarter(day)


def quarter_start(fiscal_year, quarter):
    first_day, _last_day = thaidate.fiscal_year_bounds(fiscal_year)
    month = (first_day.month + 3 * (quarter - 1) - 1) % 12 + 1
    return date(first_day.year + (1 if month < 10 else 0), month, 1)


def quarter_end(fiscal_year, quarter):
    following = next_quarter(fiscal_year, quarter)
    return quarter_start(*following) - timedelta(days=1)


def next_quarter(fiscal_year, quarter):
    return (fiscal_year, quarter + 1) if quarter < 4 else (fiscal_year + 1, 1)


def previous_quarter(fiscal_year, quarter):
    return (fiscal_year, quarter - 1) if quarter > 1 else (fiscal_year - 1, 4)


def report_deadline(fiscal_year, quarter):
    return quarter_end(fiscal_year, quarter) + timedelta(days=settings.MONITORING_REPORT_DUE_DAYS)


def has_started(fiscal_year, quarter, today):
    return quarter_start(fiscal_year, quarter) <= today


def last_closed_quarter(today, *, until=None):
    """The latest quarter that has ended by `today`, no later than `until` (a (year, quarter) pair)."""
    closed = previous_quarter(*fiscal_quarter(today))
    return min(closed, until) if until else closed


def default_year(years, today):
    """The fiscal year a dashboard opens on: this one while the plan runs, else the plan's nearest year."""
    current, _quarter = fiscal_quarter(today)
    if not years:
        return current
    return min(max(current, min(years)), max(years))
