"""Hearings (รับฟังความคิดเห็น): a draft edition open for comment to staff or named agencies for a period,
comments on a section or clause with the quoted words, the owner's answer to each, a public summary on the
published edition, and the project's watchers told when it opens."""

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from forums.models import Watch
from knowledge.models import Agency, ManualPage
from knowledge.roles import Role
from participation import services
from participation.models import Hearing, Resolution
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hearing(db):
    """The demo's open hearing: a draft of the PMQA manual's edition 2, for สป. and สพฐ."""
    return Hearing.objects.get(
        page__title__startswith="คู่มือการประเมินตนเอง", closes_on__gte=timezone.localdate()
    )


def member_of(code, role=Role.STAFF):
    user = UserFactory(role=role)
    user.profile.agency = Agency.objects.get(code=code)
    user.profile.save()
    return user


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_staff_of_a_named_agency_comment_on_a_part_with_the_words_they_quote(client, hearing):
    client.force_login(member_of("obec"))
    page = text(client.get(hearing.get_absolute_url()))
    assert "ฉบับที่ 2" in page and "เกณฑ์ PMQA 4.0 โดยสรุป" in page  # the draft's own text
    response = client.post(
        hearing.get_absolute_url(),
        {"part": "section-2", "quote": "แต่งตั้งคณะทำงาน", "body": "ควรระบุจำนวนคณะทำงานขั้นต่ำ"},
    )
    assert response.status_code == 302 and response["Location"].endswith("#section-2")
    section = text(client.get(hearing.get_absolute_url())).split('id="section-2"')[1].split("</section>")[0]
    assert "ควรระบุจำนวนคณะทำงานขั้นต่ำ" in section and "<blockquote>แต่งตั้งคณะทำงาน</blockquote>" in section
    assert "สพฐ." in section
    comment = hearing.comments.get()
    assert comment.agency.code == "obec" and comment.part_title


def test_a_hearing_for_named_agencies_is_not_shown_to_others(client, hearing):
    client.force_login(member_of("ovec"))
    assert client.get(hearing.get_absolute_url()).status_code == 404
    assert hearing.get_absolute_url() not in text(client.get("/participation/"))
    client.logout()
    assert client.get(hearing.get_absolute_url()).status_code == 302  # sign in first


def test_an_empty_comment_is_refused_in_thai_and_the_quote_is_kept(client, hearing):
    client.force_login(member_of("ops"))
    response = client.post(
        hearing.get_absolute_url(), {"part": "section-1", "quote": "ระดับพื้นฐาน", "body": "  "}
    )
    assert response.status_code == 400
    page = text(response)
    assert "กรุณาเขียนความคิดเห็น" in page and "ระดับพื้นฐาน" in page
    assert not hearing.comments.exists()


def test_a_closed_hearing_takes_no_more_comments(client, hearing):
    hearing.closes_on = timezone.localdate() - timedelta(days=1)
    hearing.save()
    client.force_login(member_of("ops"))
    assert "ส่งความคิดเห็น" not in text(client.get(hearing.get_absolute_url()))
    assert client.post(hearing.get_absolute_url(), {"part": "section-1", "body": "สาย"}).status_code == 403


def test_the_owner_answers_each_comment_with_a_resolution_and_reason(client, hearing):
    author = member_of("obec")
    comment = services.comment_add(
        hearing=hearing, user=author, part="section-1", part_title="ส่วนที่ 1", quote="", body="ขอตัวอย่างเพิ่ม"
    )
    client.force_login(author)  # not the owner
    answer = {"resolution": Resolution.PARTLY, "reason": "เพิ่มหนึ่งตัวอย่าง"}
    assert client.post(f"/participation/comments/{comment.pk}/answer/", answer).status_code == 403
    owner = hearing.page.specific.owner_contact
    client.force_login(owner)
    client.post(f"/participation/comments/{comment.pk}/answer/", answer)
    comment.refresh_from_db()
    assert (comment.resolution, comment.reason, comment.resolved_by) == (
        Resolution.PARTLY,
        "เพิ่มหนึ่งตัวอย่าง",
        owner,
    )
    assert "ยอมรับบางส่วน" in text(client.get(hearing.get_absolute_url()))


def test_the_published_edition_carries_a_public_summary_of_its_hearing(client):
    page = text(client.get("/plan/s3/s3-p2/clinic-manual-e2/"))
    summary = page.split('class="panel hearing-summary"')[1].split("</div>")[0]
    assert "3 ความคิดเห็น" in summary
    assert "สป." in summary and "สพฐ." in summary and "สอศ." in summary
    assert "ยอมรับ: 1" in summary and "ยอมรับบางส่วน: 1" in summary and "ไม่ยอมรับ: 1" in summary
    assert "กำหนดเวลาตอบคำถามของคลินิกภายใน 3 วันทำการ" in summary


def test_no_summary_shows_while_the_hearing_is_open(client):
    manual = ManualPage.objects.live().get(code="clinic-manual", edition=2)
    Hearing.objects.filter(page=manual).update(closes_on=timezone.localdate() + timedelta(days=3))
    assert "hearing-summary" not in text(client.get(manual.url))


def test_the_projects_watchers_are_told_once_that_a_hearing_opened(hearing):
    project = hearing.page.get_parent().specific
    watcher, other = UserFactory(), UserFactory()
    Watch.objects.create(user=watcher, project=project)
    Hearing.objects.filter(pk=hearing.pk).update(announced_at=None)
    mail.outbox.clear()
    assert services.hearing_announce(hearing_id=hearing.pk) == 1
    services.hearing_announce(hearing_id=hearing.pk)  # a task run twice
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.bcc == [watcher.email] and other.email not in message.bcc
    assert "เปิดรับฟังความคิดเห็น" in message.subject and hearing.get_absolute_url() in message.body


def test_a_hearing_closes_after_it_opens_and_is_on_a_manual_or_standard(hearing, plan):
    hearing.closes_on = hearing.opens_on - timedelta(days=1)
    with pytest.raises(ValidationError):
        hearing.full_clean()
    wrong = Hearing(page=plan, opens_on=date(2026, 1, 1), closes_on=date(2026, 1, 31))
    with pytest.raises(ValidationError):
        wrong.full_clean()
