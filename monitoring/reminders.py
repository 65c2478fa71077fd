"""E-mail project contacts whose quarterly KPI reports are missing: once before the deadline, once after.

`python manage.py send_kpi_reminders` runs daily (cron). It records each reminder before queueing it, so a
second run the same day, or the next, sends nothing twice; the e-mail itself goes out from a background task.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from knowledge.models import Indicator, ProjectPage
from knowledge.sending import claimed

from .coverage import REPORTED
from .fiscal import fiscal_quarter, previous_quarter, report_deadline
from .models import KpiReport, ReminderStage, ReportReminder


def stage_on(today, deadline):
    """Which reminder a day calls for: within the week before the deadline, or in the weeks after it."""
    if deadline - timedelta(days=settings.MONITORING_REMIND_BEFORE_DAYS) <= today <= deadline:
        return ReminderStage.BEFORE
    if deadline < today <= deadline + timedelta(days=settings.MONITORING_REMIND_AFTER_DAYS):
        return ReminderStage.OVERDUE
    return None


def quarters_due(today):
    """The quarters whose deadline is near enough to remind about: the last closed one and the one before."""
    closed = previous_quarter(*fiscal_quarter(today))
    for quarter in (previous_quarter(*closed), closed):
        deadline = report_deadline(*quarter)
        if stage := stage_on(today, deadline):
            yield quarter, stage, deadline


def projects_missing(fiscal_year, quarter):
    """Live projects running that year with a KPI not yet reported (submitted or approved) for the quarter."""
    reported = KpiReport.objects.filter(fiscal_year=fiscal_year, quarter=quarter, status__in=REPORTED)
    return (
        ProjectPage.objects.live()
        .filter(first_fiscal_year__lte=fiscal_year, last_fiscal_year__gte=fiscal_year)
        .filter(indicators__in=Indicator.objects.exclude(pk__in=reported.values("indicator")))
        .distinct()
        .prefetch_related("contacts", "team_members__user")
    )


def recipients(project):
    addresses = [contact.email for contact in project.contacts.all()]
    addresses += [member.user.email for member in project.team_members.all()]
    return sorted({address.lower() for address in addresses if address})


@transaction.atomic
def queue_reminders(today=None):
    """Record and queue every reminder due today that was not sent before; returns how many were queued."""
    today = today or timezone.localdate()
    queued = []
    for (fiscal_year, quarter), stage, _deadline in quarters_due(today):
        for project in projects_missing(fiscal_year, quarter):
            for address in recipients(project):
                reminder, created = ReportReminder.objects.get_or_create(
                    project=project, fiscal_year=fiscal_year, quarter=quarter, stage=stage, sent_to=address
                )
                if created:
                    queued.append(reminder.pk)
    if queued:
        transaction.on_commit(lambda: send_reminders.enqueue(queued))
    return len(queued)


@task()
def send_reminders(reminder_ids):
    pending = ReportReminder.objects.filter(pk__in=reminder_ids, sent_at=None).select_related("project")
    for reminder in pending:
        send_reminder(reminder)


def send_reminder(reminder):
    context = {
        "reminder": reminder,
        "project": reminder.project,
        "deadline": report_deadline(reminder.fiscal_year, reminder.quarter),
        "overdue": reminder.stage == ReminderStage.OVERDUE,
        "report_url": settings.WAGTAILADMIN_BASE_URL + "/monitoring/reports/",
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("monitoring/email/reminder_subject.txt", context).strip()
        body = render_to_string("monitoring/email/reminder.txt", context)
    with claimed(ReportReminder.objects.filter(pk=reminder.pk), "sent_at") as mine:
        if mine:
            send_mail(subject, body, None, [reminder.sent_to])
