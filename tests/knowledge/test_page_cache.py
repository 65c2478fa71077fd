"""Anonymous visitors get cached pages; any change clears them; signed-in users always see fresh ones."""

import datetime

import pytest

from tests.factories import UpdatePageFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_second_anonymous_view_is_served_from_cache(client):
    assert "X-Page-Cache" not in client.get("/plan/").headers
    assert client.get("/plan/")["X-Page-Cache"] == "hit"


def test_publishing_an_update_shows_on_the_home_page_at_once(client, updates_index):
    client.get("/")
    UpdatePageFactory(parent=updates_index, title="ข่าวใหม่ล่าสุดของแผน", date=datetime.date(2023, 1, 1))
    response = client.get("/")
    assert "X-Page-Cache" not in response.headers
    assert "ข่าวใหม่ล่าสุดของแผน" in response.content.decode()


def test_unpublishing_removes_a_page_from_cache(client, project):
    assert client.get(project.url).status_code == 200
    project.unpublish()
    assert client.get("/plan/s1/s1-p1/").status_code == 404


def test_each_language_has_its_own_cached_copy(client):
    client.get("/plan/")
    client.post("/language/", {"language": "en", "next": "/"})
    assert '<html lang="en">' in client.get("/plan/").content.decode()


def test_signed_in_users_never_get_the_anonymous_copy(client):
    client.get("/plan/")
    client.force_login(UserFactory())
    assert "X-Page-Cache" not in client.get("/plan/").headers


def test_error_pages_are_not_cached(client):
    client.get("/plan/nope/")
    assert "X-Page-Cache" not in client.get("/plan/nope/").headers
