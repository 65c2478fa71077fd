"""Quarterly reports: the team submits, the host unit returns or approves, the history is kept."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from knowledge.models import Indicator
from monitoring.dashboard import kpi_result
from monitoring.models import ReportStatus
from monitoring.services import report_review, report_submit
from monitoring.status import KpiStatus

pytestmark = pytest.mark.django_db


def test_a_team_reports_only_for_its_own_projects(kpi, member):
    other = Indicator.objects.exclude(project=kpi.project).first()
    with pytest.raises(PermissionDenied):
        report_submit(indicator=other, fiscal_year=2565, quarter=1, value=Decimal(1), user=member)
    report = report_submit(indicator=kpi, fiscal_year=2565, quarter=1, value=Decimal(60), user=member)
    assert report.status == ReportStatus.SUBMITTED


def test_only_the_host_unit_reviews_and_a_return_needs_a_comment(kpi, member, host):
    report = report_submit(indicator=kpi, fiscal_year=2565, quarter=1, value=Decimal(60), user=member)
    with pytest.raises(PermissionDenied):
        report_review(report=report, user=member, approve=True)
    with pytest.raises(ValidationError):
        report_review(report=report, user=host, approve=False, comment=" ")


def test_returned_then_fixed_then_approved_with_the_whole_history(kpi, member, host):
    report = report_submit(indicator=kpi, fiscal_year=2565, quarter=2, value=Decimal(600), user=member)
    report_review(report=report, user=host, approve=False, comment="ค่าเกินร้อยละ 100 กรุณาตรวจสอบ")
    assert kpi_result(kpi, 2565).status == KpiStatus.NO_DATA  # nothing approved yet
    report = report_submit(indicator=kpi, fiscal_year=2565, quarter=2, value=Decimal(66), user=member)
    report_review(report=report, user=host, approve=True)
    history = list(report.events.values_list("status", "value", "actor__username"))
    assert [(status, value) for status, value, _ in history] == [
        ("submitted", Decimal("600.00")),
        ("returned", Decimal("600.00")),
        ("submitted", Decimal("66.00")),
        ("approved", Decimal("66.00")),
    ]
    assert kpi_result(kpi, 2565).status == KpiStatus.ON_TRACK  # 16/30 of the way by Q2
    with pytest.raises(ValidationError):
        report_submit(indicator=kpi, fiscal_year=2565, quarter=2, value=Decimal(1), user=member)


def test_a_report_is_reviewed_once_when_two_reviewers_open_it_together(kpi, member, host):
    report = report_submit(indicator=kpi, fiscal_year=2565, quarter=1, value=Decimal(60), user=member)
    seen_by_second = type(report).objects.get(pk=report.pk)  # the second reviewer's page, still "submitted"
    report_review(report=report, user=host, approve=True)
    with pytest.raises(ValidationError):
        report_review(report=seen_by_second, user=host, approve=False, comment="แก้ค่า")
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED
    assert report.events.filter(status=ReportStatus.RETURNED).count() == 0
