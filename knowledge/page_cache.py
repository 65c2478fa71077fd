"""Serve anonymous visitors' page views from cache; any content change empties it at once.

Public pages are the same for every anonymous visitor in a language, and the plan changes a few times a
day, so caching whole responses is what lets one server carry the ministry's traffic. Signed-in users
(a session cookie) always get fresh pages. A response that sets a cookie (e.g. a CSRF token) or asks not
to be cached is never stored, so no per-user data can leak into the cache.

A view that counts its visits sets `response.page_cache_hit = ("dotted.path", [args])`; the call is
stored with the page and made again on every hit, so a cached topic still counts its views.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.module_loading import import_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

VERSION_KEY = "page-cache:version"
SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/healthz", "/static/", "/media/", "/documents/")


def clear():
    """Drop every cached page (by moving to a new key generation; old entries expire on their own)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def forget(key):
    """Drop a cached entry now, and again once the current transaction commits: a request in between may
    have cached the old rows again."""
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def version():
    """The current generation: it changes whenever any content does (fragments key on it too)."""
    return cache.get_or_set(VERSION_KEY, 1, timeout=None)


def fragment(name, parts, render, seconds=60):
    """A rendered piece of a page, cached per content generation and language.

    Signed-in people never get whole cached pages, but much of what they see is the same for everyone:
    such a piece is rendered once per generation (any content change starts a new one), keyed by `name`
    and the `parts` that decide what it shows.
    """
    digest = hashlib.sha1(repr(parts).encode()).hexdigest()
    key = f"fragment:{version()}:{get_language()}:{name}:{digest}"
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, seconds)
    return mark_safe(html)


def clear_on_change(*args, **kwargs):
    """Signal receiver form of `clear`."""
    clear()


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            return self.get_response(request)
        path = hashlib.sha1(request.get_full_path().encode()).hexdigest()  # Thai URLs are long when quoted
        # "v2": entries now carry the on-hit call; older three-part entries are simply never read.
        key = f"page-cache:v2:{version()}:{request.LANGUAGE_CODE}:{path}"
        if stored := cache.get(key):
            return self.rebuild(stored)
        response = self.get_response(request)
        if self.is_cacheable_response(response):
            on_hit = getattr(response, "page_cache_hit", None)
            stored = (response.status_code, response.content, dict(response.items()), on_hit)
            cache.set(key, stored, settings.PAGE_CACHE_SECONDS)
        return response

    @staticmethod
    def is_cacheable_request(request):
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(SKIPPED_PREFIXES)
        )

    @staticmethod
    def is_cacheable_response(response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in cache_control
            and "no-cache" not in cache_control
        )

    @staticmethod
    def rebuild(stored):
        status, content, headers, on_hit = stored
        if on_hit:
            function, args = on_hit
            import_string(function)(*args)
        response = HttpResponse(content, status=status)
        for name, value in headers.items():
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response
