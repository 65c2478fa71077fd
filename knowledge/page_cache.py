"""Serve anonymous visitors' page views from cache, each page until something it shows changes.

Public pages are the same for every anonymous visitor in a language, so caching whole responses is what
lets one server carry the ministry's traffic. A cached page keeps the dependency names its rendering read
(knowledge.dependencies) and is served only while none of them has changed. Only a response its view
marks `complete` is stored: one whose rendering declared everything it shows. Signed-in users (a session
cookie) always get pages made for them (knowledge.personal). A response that sets a cookie (e.g. a CSRF
token) or asks not to be cached is never stored, so no per-user data can leak into the cache.

A view that counts its visits sets `response.page_cache_hit = ("dotted.path", [args])`; the call is
stored with the page and made again on every hit, so a cached topic still counts its views.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.module_loading import import_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from . import dependencies

SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/healthz", "/static/", "/media/", "/documents/")
# Every page differs by who asks (the session cookie) and in which language, which the language cookie
# chooses (knowledge.middleware: the browser's Accept-Language is ignored), so Cookie covers both.
VARY = ("Cookie",)


def forget(key):
    """Drop a cached entry now, and again once the current transaction commits: a request in between may
    have cached the old rows again."""
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def complete(response):
    """Say that the rendering of `response` declared every dependency it shows (it may be cached)."""
    response.page_cache_complete = True
    return response


def digest(parts):
    return hashlib.sha1(repr(parts).encode()).hexdigest()


def fragment(name, parts, render, names=(), seconds=60):
    """A rendered piece of a page, the same for everyone `parts` names, cached per language until one of
    the dependencies it reads (plus `names`) changes."""
    key = f"fragment:{get_language()}:{name}:{digest(parts)}"
    return mark_safe(dependencies.cached(key, render, seconds, names))


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            response = self.get_response(request)
        else:
            response = self.cached_response(request)
        patch_vary_headers(response, VARY)
        return response

    def cached_response(self, request):
        # "v3": entries carry their dependencies; older entries are simply never read.
        key = f"page-cache:v3:{request.get_host()}:{request.LANGUAGE_CODE}:{digest(request.get_full_path())}"
        stored = dependencies.lookup(key)
        if stored is not dependencies.MISSING:
            return self.rebuild(stored)
        with dependencies.rendering(key, settings.PAGE_CACHE_SECONDS) as made:
            response = self.get_response(request)
            made.store = getattr(response, "page_cache_complete", False) and self.is_cacheable_response(
                response
            )
            if made.store:
                on_hit = getattr(response, "page_cache_hit", None)
                made.value = (response.status_code, response.content, dict(response.items()), on_hit)
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
