"""Template tags that show search's knowledge on other apps' pages (the imports never turn back)."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string

from knowledge import page_cache
from knowledge.dependencies import depends_on

from ..line_breaks import mark_word_breaks
from ..related import related_entries
from ..sources import key_for

register = template.Library()
RELATED_SECONDS = 600


@register.simple_tag
def related_items(obj):
    """{% related_items page %}: related content for a project, manual, standard, case or topic.

    Only public entries are ever related, so the list is the same for every reader. It is made again when
    one of the entries it shows changes its title, address or kind; an entry newly related shows within
    RELATED_SECONDS."""
    key = key_for(obj)

    def render():
        entries = related_entries(key)
        depends_on(*(f"entry:{entry.key}" for entry in entries))
        return render_to_string("search/related.html", {"entries": entries})

    return page_cache.fragment("related", [key], render, names=[f"entry:{key}"], seconds=RELATED_SECONDS)


@register.tag
def line_breaks(parser, token):
    """{% line_breaks %} … {% endline_breaks %}: Thai text inside breaks lines only between words."""
    nodelist = parser.parse(("endline_breaks",))
    parser.delete_first_token()
    return LineBreaksNode(nodelist)


class LineBreaksNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        html = self.nodelist.render(context)
        return mark_word_breaks(html) if settings.THAI_LINE_BREAKS else html
