"""RSS and Atom feeds of the newest public topics: everywhere, or per category, tag or project.

Feeds are read by anonymous aggregators, so they only ever list what an anonymous visitor may read.
"""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from taggit.models import Tag

from knowledge.models import ProjectPage

from .access import Access
from .models import Category, Topic


def scope_of(kind, key):
    """(title, filter) for a feed's scope."""
    if kind == "category":
        category = get_object_or_404(Category, pk=key)
        if category.access != Access.PUBLIC:
            raise Http404
        return category.name, {"category": category}
    if kind == "tag":
        tag = get_object_or_404(Tag, slug=key)
        return f"#{tag.name}", {"tags": tag}
    if kind == "project":
        project = get_object_or_404(ProjectPage.objects.live(), code=key)
        return project.title, {"projects": project}
    return None, {}


class TopicsFeed(Feed):
    """The newest public topics (RSS 2.0); /atom/ variants give Atom 1.0."""

    def get_object(self, request, kind=None, key=None):
        self.request_path = request.path
        return scope_of(kind, key)

    def title(self, scope):
        name, _filters = scope
        exchange = _("Best-practice exchange · MOE Bureaucracy 4.0")
        return f"{name} · {exchange}" if name else exchange

    def link(self, scope):
        return reverse("forums:index")

    def description(self, scope):
        return _("New discussions, best-practice cases and clinic questions")

    def items(self, scope):
        _name, filters = scope
        topics = (
            Topic.objects.public()
            .filter(**filters)
            .select_related("author", "category")
            .order_by("-created_at", "-pk")
        )
        return topics.distinct()[:30]

    def item_title(self, topic):
        return f"[{topic.get_kind_display()}] {topic.title}"

    def item_description(self, topic):
        opening = topic.posts.filter(number=1, status="published").first()
        return opening.html if opening else ""

    def item_pubdate(self, topic):
        return topic.created_at

    def item_author_name(self, topic):
        return topic.author.get_full_name() or topic.author.get_username()

    def item_categories(self, topic):
        return [topic.category.name]


class TopicsAtomFeed(TopicsFeed):
    feed_type = Atom1Feed
    subtitle = TopicsFeed.description
