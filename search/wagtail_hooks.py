"""The ministry's search terms and synonyms in Wagtail's admin: administrators extend the Thai dictionary
and the words that mean the same here, without a deploy."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SearchSynonym, SearchTerm


class SearchTermViewSet(SnippetViewSet):
    model = SearchTerm
    icon = "search"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["term", "note"]
    search_fields = ["term", "note"]


register_snippet(SearchTermViewSet)


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "list-ul"
    menu_order = 261
    add_to_admin_menu = True
    list_display = ["terms", "note"]
    search_fields = ["terms", "note"]


register_snippet(SearchSynonymViewSet)
