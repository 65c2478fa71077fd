"""The host unit sets up each year's round (plan, year, weighted criteria) in the admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Round


class RoundViewSet(SnippetViewSet):
    model = Round
    icon = "list-ol"
    menu_label = _("Budget priority")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["__str__", "plan", "decided_at"]
    list_filter = ["fiscal_year"]


register_snippet(RoundViewSet)
