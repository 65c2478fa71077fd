from datetime import timedelta
from unittest import mock
from xml.etree import ElementTree

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def test_updates_feed_is_valid_atom_with_every_live_update_of_the_plan(client):
    response = client.get(
        "/updates/feed/?plan=plan"
    )  # the ended plan's (the current one's: tests/knowledge/test_successive_plans.py)
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
    rss = ElementTree.fromstring(client.get("/updates/feed/rss/?plan=plan").content)
    assert rss.tag == "rss"
    assert len(rss.findall("channel/item")) == 4


def test_healthz_reports_each_part_in_a_word(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "queue": "ok"}


def test_healthz_reports_a_broken_database_as_unavailable_without_its_error_text(client):
    with mock.patch(
        "knowledge.health.connection.cursor", side_effect=Exception("refused by db.internal:5432")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error" and response.json()["database"] == "down"
    assert "db.internal" not in response.content.decode()


def test_healthz_reports_a_cache_that_keeps_nothing(client):
    with mock.patch("knowledge.health.cache.get", return_value=None):
        response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["cache"] == "down"


def test_healthz_reports_tasks_waiting_with_no_worker(client, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert client.get("/healthz").json()["queue"] == "ok"
    waiting = DBTaskResult.objects.create(
        task_path="search.tasks.reindex",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        queue_name="default",
        run_after=timezone.now() - timedelta(minutes=10),
    )
    DBTaskResult.objects.filter(pk=waiting.pk).update(enqueued_at=timezone.now() - timedelta(minutes=10))
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["queue"] == "late"


def test_a_load_balancer_asks_only_for_what_serving_needs(client, settings, mailoutbox):
    settings.ADMINS = [("ops@moe.example", "ops@moe.example")]
    with mock.patch("knowledge.health.cache.get", return_value=None):  # the cache is down
        assert client.get("/healthz").status_code == 503
        response = client.get("/healthz", {"parts": "database"})
    assert response.status_code == 200 and response.json() == {"status": "ok", "database": "ok"}
    assert mailoutbox == []  # a failing probe is not a server error to mail about
