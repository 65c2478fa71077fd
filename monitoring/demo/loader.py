"""Demo KPI reports: every KPI's four quarters of each target year up to FY2569 (both demo plans), approved
by the host unit, at four paces (ahead, on plan, lagging, stalled) so the dashboards show every status; one
report returned with a comment and one awaiting review. Idempotent: a KPI that has reports is left alone."""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from knowledge.models import Indicator

from ..fiscal import quarter_end
from ..models import KpiReport, ReportEvent, ReportStatus

LAST_YEAR = 2569  # a fixed end, so the demo is the same whatever the date it is loaded
PACES = (Decimal("1.1"), Decimal("1.0"), Decimal("0.85"), Decimal("0.4"))  # share of the year's way by Q4


def reported_at(fiscal_year, quarter, days_after):
    """A time some days after a quarter ends, in the afternoon (demo reports come in after the quarter)."""
    day = quarter_end(fiscal_year, quarter) + timedelta(days=days_after)
    return timezone.make_aware(datetime.combine(day, time(16)))


class MonitoringDemoLoader:
    def __init__(self):
        self.created = {}
        people = get_user_model().objects
        self.team, self.host = people.get(username="team"), people.get(username="moderator")

    @transaction.atomic
    def load(self):
        # In plan order: the first plan's KPIs keep their paces whatever later plans add.
        indicators = list(Indicator.objects.prefetch_related("targets").order_by("project__path", "code"))
        # The demo team's last KPI has its last quarter returned; the KPI before it has one awaiting review,
        # so signing in as "team" shows both sides of the workflow.
        own = [kpi.pk for kpi in indicators if kpi.project_id in self.team_projects()]
        last_quarter = dict(zip(reversed(own), (ReportStatus.RETURNED, ReportStatus.SUBMITTED), strict=False))
        for index, indicator in enumerate(indicators):
            if not indicator.reports.exists():
                final = last_quarter.get(indicator.pk, ReportStatus.APPROVED)
                self.load_indicator(indicator, PACES[index % len(PACES)], final)
        return self

    def team_projects(self):
        return set(self.team.project_memberships.values_list("project_id", flat=True))

    def load_indicator(self, indicator, pace, final):
        targets = {target.fiscal_year: target.value for target in indicator.targets.all()}
        start = indicator.baseline or Decimal(0)
        years = sorted(year for year in targets if year <= LAST_YEAR)
        for year in years:
            for quarter in range(1, 5):
                value = (start + (targets[year] - start) * pace * quarter / 4).quantize(Decimal("0.01"))
                latest = year == years[-1] and quarter == 4
                self.report(indicator, year, quarter, value, final if latest else ReportStatus.APPROVED)
        self.created["kpi report"] = self.created.get("kpi report", 0) + 1

    def report(self, indicator, year, quarter, value, status):
        submitted, reviewed = reported_at(year, quarter, 10), reported_at(year, quarter, 13)
        reviewer = None if status == ReportStatus.SUBMITTED else self.host
        comment = "ค่าที่รายงานสูงกว่าไตรมาสก่อนมาก กรุณาแนบหลักฐานประกอบ" if status == ReportStatus.RETURNED else ""
        report = KpiReport.objects.create(
            indicator=indicator,
            fiscal_year=year,
            quarter=quarter,
            value=value,
            status=status,
            note=f"ผลการดำเนินงานไตรมาส {quarter}/{year}",
            reported_by=self.team,
            submitted_at=submitted,
            reviewed_by=reviewer,
            reviewed_at=reviewed if reviewer else None,
            review_comment=comment,
        )
        ReportEvent.objects.create(
            report=report, actor=self.team, status=ReportStatus.SUBMITTED, value=value, created_at=submitted
        )
        if reviewer:
            ReportEvent.objects.create(
                report=report, actor=reviewer, status=status, value=value, note=comment, created_at=reviewed
            )
