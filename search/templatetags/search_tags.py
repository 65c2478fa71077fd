"""Template tags that show search's knowledge on other apps' pages (the imports never turn back)."""

from django import template

from ..related import related_entries
from ..sources import key_for

register = template.Library()


@register.inclusion_tag("search/related.html")
def related_items(obj):
    """{% related_items page %}: related content for a project, manual, standard, case or topic."""
    return {"entries": related_entries(key_for(obj))}
