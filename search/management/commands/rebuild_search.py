"""`manage.py rebuild_search`: empty the search index and index everything again, with a progress bar."""

import time

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from search.indexing import rebuild
from search.sources import all_objects


class Command(BaseCommand):
    help = _("Rebuild the whole search index.")

    def handle(self, *args, **options):
        total = sum(1 for _ in all_objects())
        started = time.monotonic()

        def progress(done):
            width = 30
            filled = width * done // max(total, 1)
            self.stdout.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
            self.stdout.flush()

        count = rebuild(progress=progress)
        seconds = time.monotonic() - started
        self.stdout.write("")
        self.stdout.write(
            _("Indexed %(count)s objects in %(seconds).1f s.") % {"count": count, "seconds": seconds}
        )
