"""Template tags that show search's knowledge on other apps' pages (the imports never turn back)."""

from django import template
from django.template.loader import render_to_string

from knowledge import page_cache

from ..related import related_entries
from ..sources import key_for

register = template.Library()


@register.simple_tag
def related_items(obj):
    """{% related_items page %}: related content for a project, manual, standard, case or topic.

    Only public entries are ever related, so the list is the same for every reader: it is rendered once
    per content generation."""
    key = key_for(obj)
    return page_cache.fragment(
        "related",
        [key],
        lambda: render_to_string("search/related.html", {"entries": related_entries(key)}),
        seconds=600,
    )
