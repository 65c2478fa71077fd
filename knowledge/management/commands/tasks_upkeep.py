"""`manage.py tasks_upkeep` (daily, from cron): tasks a dead worker left running are queued again, and
finished results older than a week are pruned (about a dozen rows a reply would pile up for good).

A task is still RUNNING after STALLED_MINUTES only when its worker died (kill -9, a lost machine): the
longest, printing a manual, takes seconds. Running one again is safe: search upkeep and printing redo the
same work, and e-mail claims each message before sending it, so none goes out twice.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management import BaseCommand, call_command
from django.utils import timezone
from django_tasks import TaskResultStatus

STALLED_MINUTES = 30
KEEP_DAYS = 7


class Command(BaseCommand):
    help = "Queue again the tasks a dead worker left running; prune old task results."

    def handle(self, *args, **options):
        from django_tasks_db.models import DBTaskResult

        if "DatabaseBackend" not in settings.TASKS["default"]["BACKEND"]:
            self.stdout.write("tasks run in-process (TASKS_BACKEND=immediate): no queue to look after")
            return
        stalled = DBTaskResult.objects.filter(
            status=TaskResultStatus.RUNNING,
            started_at__lt=timezone.now() - timedelta(minutes=STALLED_MINUTES),
        )
        count = stalled.update(status=TaskResultStatus.READY, started_at=None)
        self.stdout.write(f"queued again: {count}")
        call_command("prune_db_task_results", queue_name="*", min_age_days=KEEP_DAYS, verbosity=0)
