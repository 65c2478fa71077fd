"""Queue reminders for missing quarterly KPI reports (run daily; sending twice is impossible)."""

from datetime import date

from django.core.management.base import BaseCommand

from monitoring.reminders import queue_reminders


class Command(BaseCommand):
    help = "E-mail project contacts whose quarterly KPI reports are missing, before and after the due date."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=date.fromisoformat, help="Act as if today were this ISO date.")

    def handle(self, *args, date=None, **options):
        count = queue_reminders(date)
        self.stdout.write(f"{count} reminder(s) queued")
