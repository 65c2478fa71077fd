from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    """Monitoring and evaluation: quarterly KPI reports and their approval, KPI status, budgets."""

    name = "monitoring"
    verbose_name = _("Monitoring and evaluation")
    demo_loader = "monitoring.demo.loader.MonitoringDemoLoader"  # run by `manage.py load_demo`
