"""Stakeholders' feedback on a project: a short form for anyone, held for moderation, counted on the hub."""

import re

import pytest

from knowledge.models import ProjectPage
from knowledge.roles import Role
from participation.models import FeedbackStatus, ProjectFeedback
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_pages(no_page_cache):
    pass


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def feedback_section(client, project):
    return text(client.get(project.url)).split('id="feedback"')[1].split("</section>")[0]


def test_the_hub_counts_published_feedback_and_links_the_form(client, project):
    section = feedback_section(client, project)
    assert "ข้อเสนอแนะที่เผยแพร่แล้ว 2 รายการ" in section  # the demo: two published, one waiting
    assert "ยื่นคำขอผ่าน e-Service สะดวกมาก" in section
    assert "ระบบช้าในช่วงเปิดภาคเรียน" not in section
    assert f"/participation/projects/{project.code}/feedback/" in section


def test_anyone_sends_feedback_that_waits_for_a_moderator(client, project):
    url = f"/participation/projects/{project.code}/feedback/"
    response = client.post(
        url, {"name": "ครูมานี", "organisation": "โรงเรียนวัดใหม่", "email": "", "body": "ดีมาก"}
    )
    assert response.status_code == 302
    sent = ProjectFeedback.objects.get(name="ครูมานี")
    assert sent.status == FeedbackStatus.PENDING and sent.author is None
    assert "ดีมาก" not in feedback_section(client, project)


def test_bad_feedback_is_refused_in_thai_and_keeps_what_was_typed(client, project):
    url = f"/participation/projects/{project.code}/feedback/"
    response = client.post(
        url, {"name": "", "organisation": "สพป.ขอนแก่น", "email": "ไม่ใช่อีเมล", "body": "ข้อความ"}
    )
    assert response.status_code == 400
    page = text(response)
    assert "กรุณาเขียนชื่อของท่าน" in page and "สพป.ขอนแก่น" in page and "ข้อความ" in page
    robot = {"name": "bot", "body": "spam", "website": "http://spam.example"}
    assert client.post(url, robot).status_code == 400
    assert not ProjectFeedback.objects.filter(name__in=["", "bot"]).exists()
    assert client.get("/participation/projects/NO-SUCH/feedback/").status_code == 404


def test_a_moderator_publishes_feedback_and_the_hub_counts_it(client, project):
    waiting = ProjectFeedback.objects.get(status=FeedbackStatus.PENDING)
    client.force_login(UserFactory(role=Role.STAFF))
    assert client.get("/participation/feedback/").status_code == 403
    client.force_login(UserFactory(role=Role.MODERATOR))
    assert "ระบบช้าในช่วงเปิดภาคเรียน" in text(client.get("/participation/feedback/"))
    client.post("/participation/feedback/", {"feedback": waiting.pk, "approve": "1"})
    client.logout()
    section = feedback_section(client, project)
    assert "ข้อเสนอแนะที่เผยแพร่แล้ว 3 รายการ" in section and "ระบบช้าในช่วงเปิดภาคเรียน" in section


def test_every_hub_has_the_form_even_without_feedback(client):
    other = ProjectPage.objects.get(code="S2-P1")
    assert "ข้อเสนอแนะที่เผยแพร่แล้ว 0 รายการ" in feedback_section(client, other)
