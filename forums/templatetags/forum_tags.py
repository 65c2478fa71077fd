"""Template tags of the exchange, including the ones knowledge pages use to show forum content
(the project hub's topics and cases, the home page's exemplary practices) without importing forums."""

from django import template
from django.contrib.auth.models import AnonymousUser

from knowledge.dependencies import depends_on

from .. import fragments
from ..models import Topic, TopicKind

register = template.Library()


@register.simple_tag
def topic_rows(topics):
    """{% topic_rows topics %}: the rows of a topic list, rendered once for everyone who may see them."""
    return fragments.topic_rows(topics)


@register.simple_tag(takes_context=True)
def page_query(context, number):
    """The current query string with another page number (filters are kept)."""
    query = context["request"].GET.copy()
    query["page"] = number
    return query.urlencode()


def viewer(context):
    request = context.get("request")
    return getattr(request, "user", None) or AnonymousUser()


@register.inclusion_tag("forums/includes/project_exchange.html", takes_context=True)
def project_exchange(context, project, limit=8):
    """The project hub's cases and topics: what its teams shared and asked, as this reader may see it."""
    depends_on(f"exchange:{project.pk}", *fragments.FORUM)
    topics = Topic.objects.visible_to(viewer(context)).filter(projects=project).rows()
    cases = list(topics.filter(kind=TopicKind.CASE)[:limit])
    others = list(topics.exclude(kind=TopicKind.CASE)[:limit])
    return {"project": project, "cases": cases, "others": others, "user": context.get("user")}


@register.inclusion_tag("forums/includes/exemplary_list.html", takes_context=True)
def exemplary_practices(context, limit=3):
    from ..views.browse import exemplary_cases

    depends_on("exemplary", *fragments.FORUM)
    return {"topics": list(exemplary_cases(viewer(context), limit=limit))}
