from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Thai-aware search across the plan, manuals and the exchange (issue 5)."""

    name = "search"
    verbose_name = _("Search")
