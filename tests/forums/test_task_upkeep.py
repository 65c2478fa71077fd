"""The task queue after a worker dies: stalled tasks run again, e-mail still goes out at most once, and
old results are pruned."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from forums.models import Notification
from forums.notifications import send_immediate
from tests.factories import reply, topic

pytestmark = pytest.mark.django_db


def task_row(status, age, **fields):
    row = DBTaskResult.objects.create(
        task_path="search.tasks.reindex",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        queue_name="default",
        run_after=timezone.now(),
        status=status,
        **fields,
    )
    then = timezone.now() - age
    DBTaskResult.objects.filter(pk=row.pk).update(enqueued_at=then, started_at=then, finished_at=then)
    return row


def test_tasks_left_running_by_a_dead_worker_are_queued_again_and_old_results_pruned(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    stalled = task_row(TaskResultStatus.RUNNING, timedelta(hours=2))
    running = task_row(TaskResultStatus.RUNNING, timedelta(seconds=10))
    old = task_row(TaskResultStatus.SUCCESSFUL, timedelta(days=30))
    recent = task_row(TaskResultStatus.SUCCESSFUL, timedelta(days=1))
    call_command("tasks_upkeep", stdout=mock.Mock())
    assert DBTaskResult.objects.get(pk=stalled.pk).status == TaskResultStatus.READY
    assert DBTaskResult.objects.get(pk=running.pk).status == TaskResultStatus.RUNNING
    assert not DBTaskResult.objects.filter(pk=old.pk).exists()
    assert DBTaskResult.objects.filter(pk=recent.pk).exists()


@pytest.fixture
def note(staff, team, category):
    opened = topic(author=staff, category=category)
    reply(opened, author=team)
    mail.outbox.clear()
    Notification.objects.filter(recipient=staff).update(emailed_at=None)
    return Notification.objects.filter(recipient=staff).latest("pk")


def test_an_email_task_run_twice_sends_once(note):
    send_immediate.call([note.pk])
    send_immediate.call([note.pk])  # queued again after its worker died
    assert len(mail.outbox) == 1


def test_a_mail_server_outage_loses_no_email(note):
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=ConnectionRefusedError):
        with pytest.raises(ConnectionRefusedError):
            send_immediate.call([note.pk])
    note.refresh_from_db()
    assert note.emailed_at is None  # still to send
    send_immediate.call([note.pk])
    assert len(mail.outbox) == 1
