"""No request with bad input gives a server error: every URL pattern of the site, signed in and not, walked
with NUL bytes, invalid UTF-8, huge, negative and non-numeric ids and pages, in the path, the query string and
a form post. Each must answer with a client error (400/403/404/405), a redirect, or the page itself."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.models import Page

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999"
# What a converter's place is filled with: each value is tried alone.
BAD_ARGUMENTS = {
    "int": ["0", HUGE, "99999999999"],
    "be_year": ["2400", "2699"],
    "str": ["%00", "%ff%fe", "x" * 300, "-1", HUGE],
    "slug": ["-", "x" * 300],
    "path": ["%00", "%ff/../..", "a" * 300],
}
# Other placeholders get a value that routes on (by converter, or by name where the view reads it).
HARMLESS = {"int": "1", "be_year": "2566", "target": "project", "kind": "like", "fmt": "csv"}
# The query parameters the site's views read, each query trying one kind of bad value in all of them.
PARAMETERS = ("q", "page", "kind", "strategy", "project", "agency", "tag", "year", "sort", "category")
PARAMETERS += ("status", "quarter", "next", "token", "format", "fmt", "order", "spell", "target")
BAD_QUERIES = [
    "&".join(f"{name}={value}" for name in PARAMETERS)
    for value in ("%00", HUGE, "-1", "0", "abc", "%ff%fe", "ก" * 3000, "[]", "2566-13-45")
]
# Wagtail's admin and document URLs are Wagtail's own; the walk covers the site's.
SKIPPED = re.compile(r"^(admin/|documents/|static/|media/)")


def routes(resolver=None, prefix=""):
    """Every URL pattern as a route string with <converter:name> placeholders."""
    for entry in (resolver or get_resolver()).url_patterns:
        pattern = str(entry.pattern).lstrip("^").rstrip("$").replace("\\Z", "")
        if isinstance(entry, URLResolver):
            yield from routes(entry, prefix + pattern)
        elif isinstance(entry, URLPattern):
            yield prefix + pattern


def bad_paths(route):
    """The route with each placeholder filled by each bad value (other placeholders by a harmless one)."""
    holes = re.findall(r"<(?:(\w+):)?(\w+)>", route)
    if not holes:
        yield "/" + route
        return
    for i, (converter, _name) in enumerate(holes):
        for value in BAD_ARGUMENTS.get(converter or "str", BAD_ARGUMENTS["str"]):
            filled = route
            for j, (other, name) in enumerate(holes):
                placeholder = f"<{other + ':' if other else ''}{name}>"
                filled = filled.replace(
                    placeholder, value if i == j else HARMLESS.get(name, HARMLESS.get(other, "x")), 1
                )
            yield "/" + filled


def our_routes():
    return [route for route in routes() if not SKIPPED.match(route) and "(" not in route]


def page_urls():
    """One live page of each kind: Wagtail routes them through its catch-all pattern."""
    seen, urls = set(), []
    for page in Page.objects.live().specific().order_by("path"):
        if type(page) not in seen:
            seen.add(type(page))
            urls.append(page.url)
    return urls


def server_errors(client, urls):
    failures = []
    for url in urls:
        for method in ("get", "post"):
            response = getattr(client, method)(
                url, {"body": "\x00", "title": "\x00"} if method == "post" else {}
            )
            if response.status_code >= 500:
                failures.append(f"{method.upper()} {url} → {response.status_code}")
    return failures


@pytest.fixture(params=["anonymous", "team", "admin"])
def visitor(request):
    client = Client(raise_request_exception=False)  # a 500 is counted, not raised
    if request.param != "anonymous":
        client.force_login(get_user_model().objects.get(username=request.param))
    return client


def test_every_route_answers_bad_path_arguments_without_a_server_error(visitor):
    urls = [path for route in our_routes() for path in bad_paths(route)]
    assert len(urls) > 100  # the walk reaches the site's routes
    failures = server_errors(visitor, urls)
    assert not failures, "\n".join(failures)


def test_every_page_and_route_answers_bad_query_strings_without_a_server_error(visitor):
    plain = ["/" + route for route in our_routes() if "<" not in route]
    urls = [f"{url}?{query}" for url in plain + page_urls() for query in BAD_QUERIES]
    failures = server_errors(visitor, urls)
    assert not failures, "\n".join(failures)


def test_a_nul_byte_is_refused_with_a_thai_400_page(client):
    response = Client(raise_request_exception=False).get("/search/", {"q": "คู่มือ\x00"})
    assert response.status_code == 400
    assert "คำขอไม่ถูกต้อง" in response.content.decode()


def test_an_unknown_host_is_refused_even_when_the_page_is_cached(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    assert client.get("/plan/").status_code == 200  # now cached for anonymous readers
    assert Client(raise_request_exception=False).get("/plan/", HTTP_HOST="evil.example").status_code == 400


def test_an_expired_form_says_so_in_thai():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"username": "team", "password": "x"})
    assert response.status_code == 403
    assert "ส่งแบบฟอร์มไม่สำเร็จ" in response.content.decode()


def test_an_oversized_body_is_refused_in_thai(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = Client(raise_request_exception=False).post("/accounts/login/", {"username": "x" * 5000})
    assert response.status_code == 400
    assert "คำขอไม่ถูกต้อง" in response.content.decode()
