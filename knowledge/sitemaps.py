"""/sitemap.xml and /robots.txt: every page an anonymous visitor may open, on the site's public address
(SITE_URL), never the address a request or the demo site happened to use."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_page
from wagtail.models import Page

from forums.models import Category, Topic

from .models import Agency, Indicator

ROBOTS_SECONDS = 3600


class PublicSitemap(Sitemap):
    """A section of the sitemap; `location` is a path, joined to SITE_URL."""

    def get_domain(self, site=None):
        return urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(settings.WAGTAILADMIN_BASE_URL).scheme


class PageSitemap(PublicSitemap):
    def items(self):
        return Page.objects.live().public().exclude(depth=1).order_by("path")

    def location(self, page):
        return page.get_url_parts()[2]

    def lastmod(self, page):
        return page.last_published_at


class TopicSitemap(PublicSitemap):
    def items(self):
        return Topic.objects.public().order_by("pk")

    def location(self, topic):
        return reverse("forums:topic", args=[topic.pk])

    def lastmod(self, topic):
        return topic.last_post_at or topic.created_at


class ViewSitemap(PublicSitemap):
    """The lists and dashboards that are views, not pages: forum index and categories, agencies, the M&E
    dashboards per agency and per KPI."""

    def items(self):
        fixed = [
            reverse(name)
            for name in ("forums:index", "forums:topics", "knowledge:agency_list", "monitoring:plan")
        ]
        categories = Category.objects.visible_to(AnonymousUser()).order_by("pk").values_list("pk", flat=True)
        agencies = Agency.objects.order_by("code").values_list("code", flat=True)
        kpis = Indicator.objects.order_by("pk").values_list("pk", flat=True)
        return [
            *fixed,
            *(reverse("forums:category", args=[pk]) for pk in categories),
            *(reverse("knowledge:agency", args=[code]) for code in agencies),
            *(reverse("monitoring:agency", args=[code]) for code in agencies),
            *(reverse("monitoring:indicator", args=[pk]) for pk in kpis),
        ]

    def location(self, path):
        return path


SECTIONS = {"pages": PageSitemap, "topics": TopicSitemap, "views": ViewSitemap}


@cache_page(ROBOTS_SECONDS)
def robots(request):
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in ("/admin/", "/accounts/", "/api/", "/forums/new/", "/reading/")),
        f"Sitemap: {settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
