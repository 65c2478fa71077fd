"""What /healthz reports: the database, the cache and the task queue, each in a word.

Each part answers "ok" or what is wrong with it ("down", "late"), never the error's text (it can name
hosts and users); the error itself goes to the log.
"""

import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

logger = logging.getLogger(__name__)
# The oldest task waiting longer than this means no worker is taking them (the worker polls every second).
QUEUE_LATE_SECONDS = 300


def database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def cache_state():
    token = secrets.token_hex(8)
    cache.set("healthz:probe", token, 30)
    return "ok" if cache.get("healthz:probe") == token else "down"


def queue():
    """'late' when the oldest task ready to run has waited past QUEUE_LATE_SECONDS (no worker running)."""
    if "DatabaseBackend" not in settings.TASKS["default"]["BACKEND"]:
        return "ok"  # tasks run in the request (tests, TASKS_BACKEND=immediate)
    from django_tasks_db.models import DBTaskResult

    oldest = (
        DBTaskResult.objects.ready().order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    )
    late = oldest is not None and timezone.now() - oldest > timedelta(seconds=QUEUE_LATE_SECONDS)
    return "late" if late else "ok"


PARTS = {"database": database, "cache": cache_state, "queue": queue}


def report(parts=None):
    """{part: state} for these parts (all by default); a part whose check fails is "down" (and its error
    logged)."""
    states = {}
    for name in parts or PARTS:
        check = PARTS[name]
        try:
            states[name] = check()
        except Exception:  # noqa: BLE001 - any failure of a part means it is down
            logger.exception("health check of %s failed", name)
            states[name] = "down"
    return states
