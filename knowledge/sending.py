"""E-mail that goes out at most once, even when its task runs twice."""

from contextlib import contextmanager

from django.utils import timezone


@contextmanager
def claimed(rows, stamp):
    """Stamp the rows as sent before sending (yields whether any were still unsent), so a task run twice
    (a worker died, the task was queued again) sends nothing twice; the stamp is taken back if sending
    fails, so an outage of the mail server loses nothing."""
    now = timezone.now()
    mine = rows.filter(**{stamp: None}).update(**{stamp: now})
    try:
        yield bool(mine)
    except Exception:
        rows.filter(**{stamp: now}).update(**{stamp: None})
        raise
