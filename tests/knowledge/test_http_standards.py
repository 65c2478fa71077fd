"""What proxies and browsers rely on: Vary, compression with the right length, ETags and 304s, and a cache
hit that writes nothing but one counter."""

import gzip

import brotli
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
MANUAL = "/plan/s3/s3-p2/clinic-manual-e2/"


def served_from_cache(client, url, **headers):
    client.get(url, headers=headers)
    response = client.get(url, headers=headers)
    assert response["X-Page-Cache"] == "hit"
    return response


def test_every_page_varies_on_the_cookie_cached_or_not(client):
    first, hit = client.get("/plan/"), client.get("/plan/")
    client.force_login(UserFactory())
    signed_in = client.get("/plan/")
    for response in (first, hit, signed_in):
        assert "Cookie" in response["Vary"]
        assert response["Content-Language"] == "th"


@pytest.mark.parametrize(
    ("accepts", "encoding", "decompress"),
    [("gzip, deflate", "gzip", gzip.decompress), ("gzip, deflate, br", "br", brotli.decompress)],
)
def test_pages_are_compressed_with_their_true_length(client, accepts, encoding, decompress):
    plain = client.get(MANUAL).content
    for response in (
        client.get(MANUAL, headers={"accept-encoding": accepts}),
        served_from_cache(client, MANUAL, **{"accept-encoding": accepts}),
    ):
        assert response["Content-Encoding"] == encoding
        assert int(response["Content-Length"]) == len(response.content) < len(plain) / 3
        assert decompress(response.content) == plain
        assert "Accept-Encoding" in response["Vary"]


def test_a_browser_that_has_the_page_gets_304(client):
    page = served_from_cache(client, MANUAL, **{"accept-encoding": "gzip"})
    assert page["ETag"].startswith('W/"')
    again = client.get(MANUAL, headers={"accept-encoding": "gzip", "if-none-match": page["ETag"]})
    assert again.status_code == 304 and again.content == b""
    changed = client.get(MANUAL, headers={"accept-encoding": "gzip", "if-none-match": 'W/"other"'})
    assert changed.status_code == 200


def test_a_cached_topic_view_touches_no_database(client, settings, django_capture_on_commit_callbacks):
    from forums.models import Topic

    settings.FORUM_VIEW_BATCH = 50
    url = Topic.objects.filter(category__access="public").first().get_absolute_url()
    served_from_cache(client, url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url)["X-Page-Cache"] == "hit"
    assert len(queries) == 0
