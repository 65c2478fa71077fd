"""With Redis gone the site still serves pages and takes writes: the cache acts as none, /healthz says so."""

import pytest
from django.core.cache import cache

from forums.models import Category
from tests.factories import topic

pytestmark = pytest.mark.django_db

NOWHERE = "redis://127.0.0.1:1/0"  # nothing listens on port 1: every connection is refused


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.RedisCache",
            "LOCATION": NOWHERE,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }


def test_pages_serve_and_writes_work_while_redis_is_down(client, redis_down, django_user_model):
    member = django_user_model.objects.get(username="team")
    client.force_login(member)  # the session is kept in the database too
    for path in (
        "/",
        "/plan/",
        "/plan/s3/s3-p2/clinic-manual-e2/",
        "/forums/",
        "/search/?q=คู่มือ",
        "/monitoring/",
    ):
        assert client.get(path).status_code == 200, path
    opened = topic(author=member, category=Category.objects.filter(access="public").first())
    response = client.post(f"/forums/t/{opened.pk}/reply/", {"body": "ตอบได้แม้แคชล่ม"})
    assert response.status_code == 302
    assert opened.posts.filter(body="ตอบได้แม้แคชล่ม").exists()
    assert cache.get("anything") is None and cache.add("lock", 1) is True  # as no cache at all
    assert cache.get_or_set("made", lambda: "fresh") == "fresh"  # Django passes get's default by position


def test_healthz_says_the_cache_is_down(client, redis_down):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "cache": "down", "queue": "ok"}
