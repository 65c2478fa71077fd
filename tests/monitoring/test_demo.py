"""Demo KPI reports: two fiscal years of quarters, every status, one returned and one awaiting review."""

from collections import Counter

import pytest

from knowledge.models import Indicator
from monitoring.dashboard import kpi_result
from monitoring.models import KpiReport, ReportStatus
from monitoring.status import KpiStatus

pytestmark = pytest.mark.django_db


def test_every_kpi_has_eight_quarters_over_two_fiscal_years():
    assert Indicator.objects.count() == 22
    per_kpi = Counter(KpiReport.objects.values_list("indicator__code", flat=True))
    assert set(per_kpi.values()) == {8}
    assert set(KpiReport.objects.values_list("fiscal_year", flat=True)) == {2564, 2565}


def test_the_demo_shows_every_status_and_one_returned_and_one_waiting_report():
    statuses = Counter(kpi_result(kpi, 2565).status for kpi in Indicator.objects.prefetch_related("targets"))
    assert {KpiStatus.ON_TRACK, KpiStatus.AT_RISK, KpiStatus.OFF_TRACK} <= set(statuses)
    returned = KpiReport.objects.get(status=ReportStatus.RETURNED)
    assert returned.review_comment and list(returned.events.values_list("status", flat=True)) == [
        "submitted",
        "returned",
    ]
    assert KpiReport.objects.filter(status=ReportStatus.SUBMITTED).count() == 1
