"""`manage.py load_demo`: the whole demo plan, idempotently."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from knowledge.demo.loader import DemoLoader


class Command(BaseCommand):
    help = _("สร้างแผน ยุทธศาสตร์ โครงการ ตัวชี้วัด ข่าวสาร และผู้ใช้ตัวอย่าง (รันซ้ำได้ ไม่สร้างซ้ำ)")

    def handle(self, *args, **options):
        loader = DemoLoader(show_passwords=getattr(settings, "SHOW_DEMO_PASSWORDS", False)).load()
        if loader.created:
            summary = ", ".join(f"{kind} {n}" for kind, n in sorted(loader.created.items()))
            self.stdout.write(self.style.SUCCESS(_("สร้างข้อมูลตัวอย่างแล้ว: %s") % summary))
        else:
            self.stdout.write(_("ข้อมูลตัวอย่างครบอยู่แล้ว ไม่มีการเปลี่ยนแปลง"))
        for username, password in loader.passwords.items():
            self.stdout.write(f"  {username} / {password}")
