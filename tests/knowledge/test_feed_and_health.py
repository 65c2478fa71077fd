from unittest import mock
from xml.etree import ElementTree

import pytest

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def test_updates_feed_is_valid_atom_with_every_live_update(client):
    response = client.get("/updates/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 4  # the update waiting for approval is not published
    for entry in entries:
        for field in ("title", "id", "updated", "link"):
            assert entry.find(f"{ATOM}{field}") is not None, field
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert titles[0] == "เปิดชุดข้อมูลการศึกษา 40 ชุดบนศูนย์กลางข้อมูลเปิดภาครัฐ"


def test_updates_feed_is_offered_as_rss_too(client):
    rss = ElementTree.fromstring(client.get("/updates/feed/rss/").content)
    assert rss.tag == "rss"
    assert len(rss.findall("channel/item")) == 4


def test_healthz_reports_a_working_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_reports_a_broken_database_as_unavailable(client):
    with mock.patch("knowledge.views.connection.cursor", side_effect=Exception("connection refused")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"
