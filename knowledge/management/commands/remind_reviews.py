"""`manage.py remind_reviews`: e-mail owners of editions in force whose review date has passed.

Safe to run daily: one reminder per edition and review date, however often it runs.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from knowledge.services import review_reminders_send


class Command(BaseCommand):
    help = _("E-mail the owners of manuals and standards whose review date has passed (once per due date).")

    def handle(self, *args, **options):
        sent = review_reminders_send()
        self.stdout.write(_("Review reminders sent: %(count)s") % {"count": len(sent)})
        for reminder in sent:
            self.stdout.write(f"  {reminder.sent_to} · {reminder.page.title} · {reminder.review_due}")
