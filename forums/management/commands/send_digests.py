"""`manage.py send_digests`: queue the daily digest e-mail (run once a day from cron)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from forums.notifications import send_digests


class Command(BaseCommand):
    help = _("Queue today's digest e-mails of forum notifications for the task worker.")

    def handle(self, *args, **options):
        result = send_digests.enqueue()
        self.stdout.write(_("Digest e-mails queued (task %s).") % result.id)
