"""A KPI's status, from its latest approved value, the year's target, the baseline and the direction.

The rule, as the dashboard states it:
- No data: no approved value this fiscal year, or no target for the year.
- Progress is how far the value has come from the baseline towards the target: 0 at the baseline, 1 at the
  target, whichever way the KPI is meant to move.
- On track: the target is reached, or progress is at least the share of the year that has passed by the
  value's quarter (Q1 = 1/4, Q2 = 2/4, ...).
- At risk: progress is short of that share by no more than one quarter's worth (1/4).
- Off track: further behind than that, or moving away from the target.
Without a baseline, progress is measured from zero.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

QUARTER_SHARE = Decimal("0.25")


class KpiStatus(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    OFF_TRACK = "off_track", _("Off track")
    NO_DATA = "no_data", _("No data")


@dataclass(frozen=True)
class Reading:
    """What the rule needs to know about a KPI in one fiscal year."""

    value: Decimal | None
    quarter: int | None
    target: Decimal | None
    baseline: Decimal | None
    decreasing: bool = False


def progress(reading):
    """0 at the baseline, 1 at the target; None when the target equals the starting point."""
    start = reading.baseline or Decimal(0)
    span = reading.target - start
    if span == 0:
        return None
    return (reading.value - start) / span


def kpi_status(reading):
    if reading.value is None or reading.target is None or reading.quarter is None:
        return KpiStatus.NO_DATA
    reached = reading.value <= reading.target if reading.decreasing else reading.value >= reading.target
    if reached:
        return KpiStatus.ON_TRACK
    share = progress(reading)
    if share is None:
        return KpiStatus.OFF_TRACK  # the target is the starting point, and the value is on the wrong side
    expected = QUARTER_SHARE * reading.quarter
    if share >= expected:
        return KpiStatus.ON_TRACK
    if share >= expected - QUARTER_SHARE:
        return KpiStatus.AT_RISK
    return KpiStatus.OFF_TRACK
