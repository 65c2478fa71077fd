"""Reminders for missing quarterly reports: before and after the deadline, each sent once, by a task."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from knowledge.models import ProjectPage
from monitoring.fiscal import report_deadline
from monitoring.models import KpiReport, ReportReminder, ReportStatus
from monitoring.reminders import queue_reminders

pytestmark = pytest.mark.django_db

# Q4 of FY2565 ends on 30 September 2022; its reports are due 15 days later.
DEADLINE = report_deadline(2565, 4)


def run(day, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        out = StringIO()
        call_command("send_kpi_reminders", "--date", day.isoformat(), stdout=out)
    return out.getvalue()


def test_the_deadline_is_fifteen_days_after_the_quarter():
    assert DEADLINE == date(2022, 10, 15)


def test_before_the_deadline_only_projects_missing_a_report_hear_about_it(django_capture_on_commit_callbacks):
    # The demo left Q4/2565 of S2-P3 returned: that project is missing its report; the others reported.
    run(date(2022, 10, 10), django_capture_on_commit_callbacks)
    projects = set(ReportReminder.objects.values_list("project__code", flat=True))
    assert projects == {"S2-P3"}
    s2p3 = ProjectPage.objects.get(code="S2-P3")
    expected = {c.email for c in s2p3.contacts.all()} | {m.user.email for m in s2p3.team_members.all()}
    assert {message.to[0] for message in mail.outbox} == expected
    message = mail.outbox[0]
    assert "ใกล้ถึงกำหนดส่ง" in message.subject and "15 ตุลาคม 2565" in message.body
    assert "/monitoring/reports/" in message.body


def test_running_twice_sends_nothing_twice(django_capture_on_commit_callbacks):
    run(date(2022, 10, 10), django_capture_on_commit_callbacks)
    first = len(mail.outbox)
    assert "0 reminder" in run(date(2022, 10, 11), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == first > 0


def test_after_the_deadline_an_overdue_reminder_goes_out_once(django_capture_on_commit_callbacks):
    run(date(2022, 10, 10), django_capture_on_commit_callbacks)
    before = len(mail.outbox)
    run(date(2022, 10, 20), django_capture_on_commit_callbacks)
    overdue = mail.outbox[before:]
    assert overdue and all("เลยกำหนดส่ง" in message.subject for message in overdue)
    run(date(2022, 10, 21), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == before + len(overdue)


def test_a_project_that_reports_gets_no_overdue_reminder(django_capture_on_commit_callbacks, host):
    returned = KpiReport.objects.get(status=ReportStatus.RETURNED)
    returned.status, returned.value = ReportStatus.SUBMITTED, Decimal(5)
    returned.save()
    run(date(2022, 10, 20), django_capture_on_commit_callbacks)
    assert mail.outbox == [] and not ReportReminder.objects.exists()


def test_far_from_any_deadline_nothing_is_sent(django_capture_on_commit_callbacks):
    assert queue_reminders(date(2022, 12, 1)) == 0
    assert queue_reminders(date(2026, 11, 25)) == 0  # the plan ended with FY2565
