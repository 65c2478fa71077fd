"""Demo KPI reports: every quarter of each target year up to FY2569, every status, one returned and one
awaiting review."""

from collections import Counter

import pytest

from knowledge.models import Indicator
from monitoring.dashboard import kpi_result
from monitoring.models import KpiReport, ReportStatus
from monitoring.status import KpiStatus

pytestmark = pytest.mark.django_db


def test_every_kpi_has_four_quarters_of_each_target_year_up_to_2569():
    assert Indicator.objects.count() == 25
    per_kpi = Counter(KpiReport.objects.values_list("indicator__code", flat=True))
    seed = {code: count for code, count in per_kpi.items() if not code.startswith("P2-")}
    assert len(seed) == 22 and set(seed.values()) == {8}  # FY2564 and FY2565
    assert per_kpi["P2-S1-P1-K1"] == 16 and per_kpi["P2-S1-P2-K1"] == 12  # 2566–2569, 2567–2569
    assert set(KpiReport.objects.values_list("fiscal_year", flat=True)) == set(range(2564, 2570))


def test_the_demo_shows_every_status_and_one_returned_and_one_waiting_report():
    statuses = Counter(kpi_result(kpi, 2565).status for kpi in Indicator.objects.prefetch_related("targets"))
    assert {KpiStatus.ON_TRACK, KpiStatus.AT_RISK, KpiStatus.OFF_TRACK} <= set(statuses)
    returned = KpiReport.objects.get(status=ReportStatus.RETURNED)
    assert returned.review_comment and list(returned.events.values_list("status", flat=True)) == [
        "submitted",
        "returned",
    ]
    assert KpiReport.objects.filter(status=ReportStatus.SUBMITTED).count() == 1
