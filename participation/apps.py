from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    """Participation (ระบบการมีส่วนร่วม): hearings on draft manuals and standards, each comment answered
    by the owner and summed up on the published edition; and stakeholders' feedback on projects."""

    name = "participation"
    verbose_name = _("Participation")
    demo_loader = "participation.demo.ParticipationDemoLoader"  # run by `manage.py load_demo`
