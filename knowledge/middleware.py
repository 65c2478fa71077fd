"""Thai first (the UI language is Thai unless the visitor chose English), compressed responses, and the
Content-Security-Policy."""

import functools
import re
from urllib.parse import unquote

import brotli
from django.conf import settings
from django.core.exceptions import BadRequest
from django.middleware.gzip import GZipMiddleware
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers

BROTLI_QUALITY = 5


class ChosenLanguageMiddleware:
    """Like Django's LocaleMiddleware, but ignores the browser's Accept-Language.

    Ministry staff often run English-language browsers; they still expect the Thai site until they ask
    for English. The choice lives in a cookie, so URLs stay the same in both languages.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class CompressionMiddleware(GZipMiddleware):
    """Django's gzip, and brotli for clients that accept it (smaller Thai HTML at the same speed).

    Brotli runs at a quality meant for dynamic pages (BROTLI_QUALITY): its default, 11, is for files
    compressed once and costs tens of milliseconds a page. The ETag is weakened as Django's gzip does, so
    a conditional request still matches the page it was made from.
    """

    def process_response(self, request, response):
        accepts = request.META.get("HTTP_ACCEPT_ENCODING", "")
        if not re.search(r"\bbr\b", accepts) or not self.compressible(response):
            return super().process_response(request, response)
        patch_vary_headers(response, ("Accept-Encoding",))
        compressed = brotli.compress(response.content, quality=BROTLI_QUALITY)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response.headers["Content-Length"] = str(len(compressed))
        if etag := response.get("ETag"):
            if etag.startswith('"'):
                response.headers["ETag"] = "W/" + etag
        response.headers["Content-Encoding"] = "br"
        return response

    @staticmethod
    def compressible(response):
        return (
            not response.streaming
            and len(response.content) >= 200
            and not response.has_header("Content-Encoding")
        )


def refuse_nul_bytes(get_response):
    """A NUL byte in the address or its query is never meant: 400 before any view, cache or database sees
    it (PostgreSQL refuses NUL in text, which would surface as a 500 wherever a value reaches a query)."""

    def middleware(request):
        if "\x00" in request.path or "\x00" in unquote(request.META.get("QUERY_STRING", "")):
            raise BadRequest("NUL byte in the request")
        return get_response(request)

    return middleware


def content_security_policy(get_response):
    """Every response says where its scripts, styles, images and fonts may come from: this site only, and
    never inline script, so injected markup cannot run. The Wagtail admin's pages still carry style
    attributes, so its policy (CONTENT_SECURITY_POLICY_ADMIN) allows inline style, and nothing more."""
    header = "Content-Security-Policy"
    if settings.CONTENT_SECURITY_POLICY_REPORT_ONLY:
        header += "-Report-Only"

    def middleware(request):
        response = get_response(request)
        in_admin = request.path.startswith(admin_prefix())
        policy = settings.CONTENT_SECURITY_POLICY_ADMIN if in_admin else settings.CONTENT_SECURITY_POLICY
        response.headers.setdefault(header, policy)
        return response

    return middleware


@functools.cache
def admin_prefix():
    return reverse("wagtailadmin_home")  # once: the URLconf does not change while the process runs
