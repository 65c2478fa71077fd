"""Atom and RSS feeds of plan updates."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import UpdatePage, UpdatesIndexPage
from .plans import chosen_plan


class UpdatesFeed(Feed):
    """The newest updates of a plan (the current one unless ?plan=), as RSS 2.0."""

    title = _("Updates on the Ministry of Education Bureaucracy 4.0 strategic plan")
    description = _("Progress of the projects of the Bureaucracy 4.0 strategic plan")

    def get_object(self, request, *args, **kwargs):
        return chosen_plan(request)

    def link(self, choice):
        index = UpdatesIndexPage.objects.live().first()
        url = index.url if index else "/"
        return f"{url}?plan={choice.plan.slug}" if choice.param else url

    def items(self, choice):
        return UpdatePage.objects.live().in_plan(choice.plan).order_by("-date", "-pk")[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(9)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class UpdatesAtomFeed(UpdatesFeed):
    """The same updates as Atom 1.0, the default at /updates/feed/."""

    feed_type = Atom1Feed
    subtitle = UpdatesFeed.description
