"""`manage.py load_demo`: the whole demo plan, idempotently."""

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from knowledge.demo.loader import DemoLoader


class Command(BaseCommand):
    help = _("Create the demo plan, its projects, KPIs, updates and users; safe to run again.")

    def handle(self, *args, **options):
        loader = DemoLoader(show_passwords=getattr(settings, "SHOW_DEMO_PASSWORDS", False)).load()
        created = dict(loader.created)
        # Apps above knowledge (the exchange) name their demo loader on their AppConfig.
        for app_config in apps.get_app_configs():
            if path := getattr(app_config, "demo_loader", None):
                created.update(import_string(path)().load().created)
        if created:
            summary = ", ".join(f"{kind} {n}" for kind, n in sorted(created.items()))
            self.stdout.write(self.style.SUCCESS(_("Demo content created: %s") % summary))
        else:
            self.stdout.write(_("The demo content is already complete; nothing changed."))
        for username, password in loader.passwords.items():
            self.stdout.write(f"  {username} / {password}")
