"""Telling a project's watchers that a hearing on one of its documents opened, away from the admin's save."""

from django.db import transaction
from django_tasks import task

from . import services


@task()
def announce(hearing_id):
    services.hearing_announce(hearing_id=hearing_id)


def queue_announce(hearing):
    transaction.on_commit(lambda: announce.enqueue(hearing.pk))
