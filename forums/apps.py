from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    """The best-practice exchange: categories, topics, cases and the consultation clinic (issue 4)."""

    name = "forums"
    verbose_name = _("Best-practice exchange")
