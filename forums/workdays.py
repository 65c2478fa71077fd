"""Response deadlines in working days (Monday to Friday, skipping the holidays in FORUM_HOLIDAYS)."""

from datetime import date, timedelta

from django.conf import settings


def add_working_days(start, days):
    holidays = {date.fromisoformat(day) for day in settings.FORUM_HOLIDAYS}
    day = start
    while days > 0:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            days -= 1
    return day
