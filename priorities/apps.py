from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrioritiesConfig(AppConfig):
    """Budget priority: the host unit scores a plan's projects for a budget year and keeps each ranking."""

    name = "priorities"
    verbose_name = _("Budget priority")
    demo_loader = "priorities.demo.PrioritiesDemoLoader"  # run by `manage.py load_demo`
