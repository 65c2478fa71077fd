"""The KPI status rule, branch by branch (monitoring/status.py states it in words)."""

from decimal import Decimal as D

import pytest

from monitoring.status import KpiStatus, Reading, kpi_status


@pytest.mark.parametrize(
    "reading, expected",
    [
        (Reading(value=None, quarter=None, target=D(80), baseline=D(50)), KpiStatus.NO_DATA),
        (Reading(value=D(60), quarter=2, target=None, baseline=D(50)), KpiStatus.NO_DATA),
        (Reading(value=D(85), quarter=1, target=D(80), baseline=D(50)), KpiStatus.ON_TRACK),  # target reached
        (Reading(value=D(65), quarter=2, target=D(80), baseline=D(50)), KpiStatus.ON_TRACK),  # 1/2 by Q2
        (Reading(value=D(58), quarter=2, target=D(80), baseline=D(50)), KpiStatus.AT_RISK),  # 0.27 < 0.5
        (Reading(value=D(55), quarter=3, target=D(80), baseline=D(50)), KpiStatus.OFF_TRACK),  # 0.17 < 0.5
        (
            Reading(value=D(45), quarter=1, target=D(80), baseline=D(50)),
            KpiStatus.OFF_TRACK,
        ),  # going backwards
        # Lower is better: from 7 days down to 1.
        (Reading(value=D(1), quarter=4, target=D(1), baseline=D(7), decreasing=True), KpiStatus.ON_TRACK),
        (Reading(value=D(4), quarter=2, target=D(1), baseline=D(7), decreasing=True), KpiStatus.ON_TRACK),
        (Reading(value=D(5), quarter=2, target=D(1), baseline=D(7), decreasing=True), KpiStatus.AT_RISK),
        (Reading(value=D(7), quarter=3, target=D(1), baseline=D(7), decreasing=True), KpiStatus.OFF_TRACK),
        # No baseline: progress from zero.
        (Reading(value=D(30), quarter=1, target=D(100), baseline=None), KpiStatus.ON_TRACK),
        # A target equal to the baseline: reached or not.
        (Reading(value=D(49), quarter=4, target=D(50), baseline=D(50)), KpiStatus.OFF_TRACK),
    ],
)
def test_each_branch_of_the_status_rule(reading, expected):
    assert kpi_status(reading) == expected
