"""Wagtail's page view with its routing read from the cache.

Finding the page for an address costs Wagtail a site lookup and a walk down the tree (several queries
and the specific page) on every request: more than serving a shared rendering. The route found for an
address is kept until the page, an ancestor or the sites change (config/dependencies.py), and handed to
Wagtail's own view, which serves the page as usual (view restrictions, request-method checks).
"""

from django.http import Http404
from wagtail.models import Page
from wagtail.views import serve as wagtail_serve

from . import dependencies
from .models.base import tree_names

ROUTE_SECONDS = 3600


def serve(request, path):
    if request.method in ("GET", "HEAD"):
        request._wagtail_route_for_request = cached_route(request, path)
    return wagtail_serve(request, path)


def cached_route(request, path):
    def route():
        # The names are known only once the page is found: found, declared, then found again, so that
        # what is kept was read after its names were.
        dependencies.depends_on(*route_names(find(request, path)))
        return find(request, path)

    key = f"route:{request.get_host()}:{path}"
    try:
        return dependencies.cached(key, route, ROUTE_SECONDS)
    except Http404:
        return None


def find(request, path):
    if hasattr(request, "_wagtail_route_for_request"):
        del request._wagtail_route_for_request  # Wagtail keeps the first answer on the request
    found = Page.route_for_request(request, path)
    if found is None:
        raise Http404  # not cached: a page may be published there at any time
    return found


def route_names(found):
    """The page and its ancestors (their slugs make the address), its parent's children, the sites."""
    path = found[0].path
    return [*tree_names(path), f"children:{path[: -Page.steplen]}", "sites"]
