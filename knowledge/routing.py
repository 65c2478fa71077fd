"""Wagtail's page view with its routing read from the cache.

Finding the page for an address costs Wagtail a site lookup and a walk down the tree (several queries
and the specific page) on every request: more than serving a shared rendering. The route found for an
address is kept until the page, an ancestor or the sites change (config/dependencies.py), and handed to
Wagtail's own view, which serves the page as usual (view restrictions, request-method checks).
"""

from django.http import Http404
from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

from . import dependencies
from .models.base import route_below, tree_names

ROUTE_SECONDS = 3600


def serve(request, path):
    if request.method in ("GET", "HEAD"):
        request._wagtail_route_for_request = cached_route(request, path)
    return wagtail_serve(request, path)


def cached_route(request, path):
    def route():
        return dependencies.read_naming(lambda: find(request, path), route_names)

    key = f"route:{request.get_host()}:{path}"
    try:
        return dependencies.cached(key, route, ROUTE_SECONDS)
    except Http404:
        return None


def find(request, path):
    """Wagtail's route for the address, found in one query by url_path (knowledge.models.base.route_below:
    the root page's specific row is not needed for it); Wagtail's own for the root page."""
    site = Site.find_for_request(request)
    components = [component for component in path.split("/") if component]
    if site and components:
        found = route_below(
            site.root_page, components, request
        )  # no page on the path: Wagtail's walk fails too
    else:
        request.__dict__.pop("_wagtail_route_for_request", None)  # Wagtail keeps its first answer
        found = Page.route_for_request(request, path)
    if found is None:
        raise Http404  # not cached: a page may be published there at any time
    return found


def route_names(found):
    """The page and its ancestors (their slugs make the address), its parent's children, the sites."""
    path = found[0].path
    return [*tree_names(path), f"children:{path[: -Page.steplen]}", "sites"]
