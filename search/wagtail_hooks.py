"""The ministry's search terms in Wagtail's admin: administrators extend the Thai dictionary here."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SearchTerm


class SearchTermViewSet(SnippetViewSet):
    model = SearchTerm
    icon = "search"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["term", "note"]
    search_fields = ["term", "note"]


register_snippet(SearchTermViewSet)
