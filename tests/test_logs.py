"""Logs: one JSON line per record with the request's id, user and path; errors e-mailed to ADMINS."""

import json
import logging

import pytest
from django.core import mail
from django.test import Client

from config.logs import JsonFormatter, RequestFields

pytestmark = pytest.mark.django_db


@pytest.fixture
def lines(settings):
    """The JSON lines logged during the test, as the production console handler writes them."""
    records = []
    handler = logging.Handler()
    handler.emit = lambda record: records.append(json.loads(JsonFormatter().format(record)))
    handler.addFilter(RequestFields())
    root, requests = logging.getLogger(), logging.getLogger("site.requests")
    root.addHandler(handler)
    level = requests.level
    requests.setLevel(logging.INFO)
    yield records
    root.removeHandler(handler)
    requests.setLevel(level)


def test_each_request_logs_its_id_user_path_status_and_duration(client, lines, django_user_model):
    member = django_user_model.objects.get(username="team")
    client.force_login(member)
    response = client.get("/plan/", HTTP_X_REQUEST_ID="proxy-given-1234")
    assert response["X-Request-ID"] == "proxy-given-1234"
    line = next(line for line in lines if line["logger"] == "site.requests")
    assert line["request_id"] == "proxy-given-1234" and line["user_id"] == member.pk
    assert line["path"] == "/plan/" and line["status"] == 200 and line["duration_ms"] > 0
    assert {"time", "level", "message"} <= set(line)
    forged = client.get("/plan/", HTTP_X_REQUEST_ID="bad id\nFAKE LOG LINE")["X-Request-ID"]
    assert "\n" not in forged and forged != "bad id\nFAKE LOG LINE"


def test_a_server_error_is_logged_with_its_request_and_mailed_to_the_admins(lines, settings, monkeypatch):
    settings.ADMINS = [("ops@moe.example", "ops@moe.example")]
    monkeypatch.setattr("search.views.run", lambda request: 1 / 0)
    response = Client(raise_request_exception=False).get("/search/", {"q": "คู่มือ"})
    assert response.status_code == 500
    error = next(line for line in lines if line["level"] == "ERROR")
    assert error["path"] == "/search/" and error["request_id"] == response["X-Request-ID"]
    assert "ZeroDivisionError" in error["error"]
    assert [message.to for message in mail.outbox] == [["ops@moe.example"]]
