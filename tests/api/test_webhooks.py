"""Webhooks: a KPI report approved, an edition in force or an update published reaches the systems that
asked for it, signed, and is tried again (then given up) when the receiver is down."""

import hashlib
import hmac
import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import PageViewRestriction

from api.delivery import RETRY_WAITS, deliver
from api.models import Delivery, DeliveryStatus, Event, Webhook
from knowledge.models import ManualPage, ProjectPage, ProjectTeamMember
from monitoring.services import report_review, report_submit
from tests.factories import IndicatorFactory, UpdatePageFactory, UserFactory

pytestmark = pytest.mark.django_db


class Receiver:
    """A system of the ministry on loopback: records each POST, answering `failures` 500s first."""

    def __init__(self, failures=0):
        self.received, self.failures = [], failures
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((dict(self.headers), body))
                failing = receiver.failures > 0
                receiver.failures -= 1
                self.send_response(500 if failing else 204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def events(self):
        return [json.loads(body) for _headers, body in self.received]


@pytest.fixture
def receiver():
    receiver = Receiver()
    yield receiver
    receiver.server.shutdown()


def hook(receiver, *events, **kwargs):
    return Webhook.objects.create(name="ระบบทดสอบ", url=receiver.url, events=list(events), **kwargs)


def test_a_published_update_is_posted_signed_to_the_systems_that_asked(
    receiver, updates_index, django_capture_on_commit_callbacks
):
    subscribed = hook(receiver, Event.UPDATE_PUBLISHED)
    hook(receiver, Event.KPI_REPORT_APPROVED)  # another event only
    hook(receiver, Event.UPDATE_PUBLISHED, is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        update = UpdatePageFactory(parent=updates_index, title="ข่าวเปิดระบบใหม่")
    assert len(receiver.received) == 1
    headers, body = receiver.received[0]
    expected = hmac.new(
        subscribed.secret.encode(), f"{headers['X-B40-Timestamp']}.".encode() + body, hashlib.sha256
    ).hexdigest()
    assert headers["X-B40-Signature"] == f"sha256={expected}"
    assert headers["X-B40-Event"] == "update.published"
    event = json.loads(body)
    assert event["data"]["title"] == "ข่าวเปิดระบบใหม่" and event["data"]["id"] == update.pk
    assert Delivery.objects.get().status == DeliveryStatus.DELIVERED


def test_an_approved_kpi_report_is_announced_with_its_value(
    receiver, project, django_capture_on_commit_callbacks
):
    hook(receiver, Event.KPI_REPORT_APPROVED)
    kpi = IndicatorFactory(project=project, baseline=50, targets={2565: 80})
    member = UserFactory(role="ทีมโครงการ")
    ProjectTeamMember.objects.create(project=project, user=member)
    moderator = UserFactory(role="ผู้ดูแลเนื้อหา (หน่วยงานเจ้าภาพ)")
    with django_capture_on_commit_callbacks(execute=True):
        report = report_submit(indicator=kpi, fiscal_year=2565, quarter=4, value=90, user=member)
    assert receiver.received == []  # submitted is not approved
    with django_capture_on_commit_callbacks(execute=True):
        report_review(report=report, user=moderator, approve=True)
    (event,) = receiver.events()
    assert event["event"] == "kpi_report.approved"
    assert event["data"]["kpi"] == kpi.code and event["data"]["project"] == "S1-P1"
    assert event["data"]["value"] == "90.00" and event["data"]["kpi_status"] == "on_track"


def test_an_edition_going_into_force_is_announced(receiver, django_capture_on_commit_callbacks):
    hook(receiver, Event.EDITION_IN_FORCE)
    manual = ManualPage.objects.get(url_path__endswith="/clinic-manual-e2/")
    manual.change_note = "ปรับขั้นตอนการรับคำถาม"
    with django_capture_on_commit_callbacks(execute=True):
        manual.save_revision().publish()
    (event,) = receiver.events()
    assert event["event"] == "edition.in_force"
    assert event["data"]["code"] == "clinic-manual" and event["data"]["status"] == "in_force"
    assert event["data"]["change_note"] == "ปรับขั้นตอนการรับคำถาม"


def test_what_is_private_is_never_announced(receiver, updates_index, django_capture_on_commit_callbacks):
    hook(receiver, Event.EDITION_IN_FORCE)
    project = ProjectPage.objects.get(code="S3-P2")
    PageViewRestriction.objects.create(page=project, restriction_type=PageViewRestriction.LOGIN)
    manual = ManualPage.objects.get(url_path__endswith="/clinic-manual-e2/")
    with django_capture_on_commit_callbacks(execute=True):
        manual.save_revision().publish()
    assert receiver.received == [] and not Delivery.objects.exists()


def test_a_receiver_that_fails_gets_the_event_again_until_it_answers(
    updates_index, django_capture_on_commit_callbacks
):
    receiver = Receiver(failures=2)
    hook(receiver, Event.UPDATE_PUBLISHED)
    with django_capture_on_commit_callbacks(execute=True):
        UpdatePageFactory(parent=updates_index)
    delivery = Delivery.objects.get()
    assert len(receiver.received) == 3
    assert len({headers["X-B40-Delivery"] for headers, _body in receiver.received}) == 1  # one delivery id
    assert (delivery.status, delivery.attempts, delivery.response_code) == (DeliveryStatus.DELIVERED, 3, 204)
    receiver.server.shutdown()


def test_a_receiver_that_never_answers_is_given_up_after_the_last_try(
    updates_index, django_capture_on_commit_callbacks
):
    receiver = Receiver()
    hook(receiver, Event.UPDATE_PUBLISHED)
    receiver.server.shutdown()
    receiver.server.server_close()  # the port refuses connections now
    with django_capture_on_commit_callbacks(execute=True):
        UpdatePageFactory(parent=updates_index)
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED and delivery.attempts == len(RETRY_WAITS) + 1
    assert delivery.error  # the connection error, for the administrator


def test_with_the_worker_a_failed_try_is_queued_for_later(settings, updates_index, receiver):
    """The database task queue runs the next try after a wait, not at once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    receiver.failures = 1
    delivery = Delivery.objects.create(
        webhook=hook(receiver, Event.UPDATE_PUBLISHED), event=Event.UPDATE_PUBLISHED, payload={}
    )
    deliver.call(delivery.pk)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_code) == (DeliveryStatus.PENDING, 1, 500)
    queued = DBTaskResult.objects.get(args_kwargs__args=[delivery.pk])
    assert queued.run_after > timezone.now() + RETRY_WAITS[0] - timedelta(seconds=30)
    deliver.call(delivery.pk)  # the worker, once the wait is over
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DELIVERED and delivery.attempts == 2


def test_administrators_manage_webhooks_and_others_cannot(client, admin_user):
    moderator = UserFactory(role="ผู้ดูแลเนื้อหา (หน่วยงานเจ้าภาพ)")
    client.force_login(moderator)
    assert client.get("/admin/snippets/api/webhook/").status_code in (302, 403)
    client.force_login(admin_user)
    answer = client.post(
        "/admin/snippets/api/webhook/add/",
        {
            "name": "ระบบงบประมาณ",
            "url": "ftp://example.invalid/",
            "events": ["update.published"],
            "secret": "s",
        },
    )
    assert answer.status_code == 200 and not Webhook.objects.exists()  # not an http(s) address
    client.post(
        "/admin/snippets/api/webhook/add/",
        {
            "name": "ระบบงบประมาณ",
            "url": "https://budget.example.invalid/hook",
            "events": ["update.published", "kpi_report.approved"],
            "secret": "a-long-secret",
            "is_active": "on",
        },
    )
    assert Webhook.objects.get().events == ["update.published", "kpi_report.approved"]
    assert client.get("/admin/snippets/api/delivery/").status_code == 200
