from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HearingsConfig(AppConfig):
    """Participation (รับฟังความคิดเห็น): a draft manual or standard opened for comment, each comment
    answered by its owner, and a public summary on the edition once it is published."""

    name = "hearings"
    verbose_name = _("Hearings")
    demo_loader = "hearings.demo.HearingsDemoLoader"  # run by `manage.py load_demo`
