"""The task worker waits out a database outage and then runs what is queued, instead of ending."""

from unittest import mock

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, DBTaskResultQuerySet

from search.tasks import update_entries

pytestmark = pytest.mark.django_db


def test_the_worker_survives_a_database_outage_and_runs_the_queued_task(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    queued = update_entries.enqueue([])
    real_get_locked = DBTaskResultQuerySet.get_locked
    outage = iter([OperationalError("server closed the connection unexpectedly")] * 3)

    def get_locked(tasks):
        error = next(outage, None)
        if error:
            raise error
        return real_get_locked(tasks)

    waits = []

    def wait(seconds):
        waits.append(seconds)
        assert len(waits) < 10, "the worker never got through"

    # Closing connections would end the test's own transaction: the worker's reconnecting is left out.
    with (
        mock.patch.object(DBTaskResultQuerySet, "get_locked", get_locked),
        mock.patch("knowledge.management.commands.db_worker.time.sleep", wait),
        mock.patch("knowledge.management.commands.db_worker.connections"),
        mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"),
    ):
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    assert waits == [1, 2, 4]  # backing off, not hammering the database
    assert DBTaskResult.objects.get(pk=queued.id).status == TaskResultStatus.SUCCESSFUL
