"""`manage.py load_demo`: the whole demo plan, idempotently."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from knowledge.demo.loader import DemoLoader


class Command(BaseCommand):
    help = _("Create the demo plan, its projects, KPIs, updates and users; safe to run again.")

    def handle(self, *args, **options):
        loader = DemoLoader(show_passwords=getattr(settings, "SHOW_DEMO_PASSWORDS", False)).load()
        if loader.created:
            summary = ", ".join(f"{kind} {n}" for kind, n in sorted(loader.created.items()))
            self.stdout.write(self.style.SUCCESS(_("Demo content created: %s") % summary))
        else:
            self.stdout.write(_("The demo content is already complete; nothing changed."))
        for username, password in loader.passwords.items():
            self.stdout.write(f"  {username} / {password}")
