"""`manage.py db_worker`: django-tasks-db's worker, kept alive through database outages.

The stock worker ends at the first database error, so a restart of PostgreSQL stopped e-mail and search
upkeep for good. This one waits and tries again, 1 s after the first failure and twice as long after each
next one (at most MAX_DELAY), and says so in the log; a task cut off by the outage is left RUNNING and
`tasks_upkeep` queues it again.
"""

import logging
import time

from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger("django_tasks_db")

FIRST_DELAY = 1
MAX_DELAY = 30


class ReconnectingWorker(db_worker.Worker):
    def run(self):
        delay = FIRST_DELAY
        while self.running:
            started = time.monotonic()
            try:
                return super().run()
            except (OperationalError, InterfaceError) as error:
                if time.monotonic() - started > MAX_DELAY:
                    delay = FIRST_DELAY  # it ran well for a while: a new outage starts the wait again
                logger.warning("database unreachable (%s): trying again in %s s", type(error).__name__, delay)
                connections.close_all()
                time.sleep(delay)
                delay = min(2 * delay, MAX_DELAY)


class Command(db_worker.Command):
    help = "Run the task worker; it waits out database outages instead of ending."

    def handle(self, *args, **options):
        db_worker.Worker = ReconnectingWorker  # the stock command builds its worker by this name
        super().handle(*args, **options)
