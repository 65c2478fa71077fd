"""Template tags that show search's knowledge on other apps' pages (the imports never turn back)."""

from django import template

from ..related import related_entries

register = template.Library()


@register.inclusion_tag("search/related.html")
def related_items(page):
    """{% related_items page %}: a short list of related content for a project, manual or standard."""
    return {"entries": related_entries(f"page:{page.pk}")}
