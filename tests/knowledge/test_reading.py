"""Read receipts, "was this helpful?", the owner's view of readers, and review reminders."""

import datetime

import pytest
from django.urls import reverse

from knowledge.models import Agency, Feedback, ManualPage, ReadReceipt, ReviewReminder
from knowledge.roles import Role
from knowledge.services import review_reminders_send
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def manual(db):
    return ManualPage.objects.get(code="clinic-manual", edition=2)


@pytest.fixture
def reader(client):
    user = UserFactory(role=Role.STAFF, first_name="สมศรี")
    user.profile.agency = Agency.objects.get(code="obec")
    user.profile.save()
    client.force_login(user)
    return user


def test_a_staff_member_marks_an_edition_as_read(client, reader, manual):
    response = client.post(reverse("knowledge:mark_read", args=[manual.pk]), follow=True)
    assert "บันทึกแล้วว่าท่านอ่านฉบับที่ 2" in response.content.decode()
    assert "ท่านอ่านฉบับนี้แล้ว" in client.get(manual.url).content.decode()
    client.post(reverse("knowledge:mark_read", args=[manual.pk]))
    assert ReadReceipt.objects.filter(page=manual, user=reader).count() == 1


def test_colleagues_sharing_a_rendering_each_see_their_own_reading(client, reader, manual):
    """The manual is rendered once for every member; whether it was read is each reader's own."""
    client.post(reverse("knowledge:mark_read", args=[manual.pk]))
    colleague = UserFactory(role=Role.STAFF)
    client.force_login(colleague)
    page = client.get(manual.url).content.decode()
    assert "ท่านอ่านฉบับนี้แล้ว" not in page and reverse("knowledge:mark_read", args=[manual.pk]) in page
    assert "ผู้ที่อ่านแล้ว" not in page  # the owner's links are not theirs
    client.force_login(reader)
    assert "ท่านอ่านฉบับนี้แล้ว" in client.get(manual.url).content.decode()


def test_anonymous_visitors_are_asked_to_sign_in_to_mark_reading(client, manual):
    assert "เข้าสู่ระบบ" in client.get(manual.url).content.decode()
    response = client.post(reverse("knowledge:mark_read", args=[manual.pk]))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not ReadReceipt.objects.exists()


def test_the_owner_sees_who_read_the_edition_by_agency(client, reader, manual):
    ReadReceipt.objects.create(page=manual, user=reader)
    client.force_login(manual.owner_contact)
    html = client.get(manual.url + "readers/").content.decode()
    assert "ผู้อ่านฉบับนี้ 1 คน" in html
    assert "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน" in html and "สมศรี" in html


def test_other_readers_cannot_see_who_read_it(client, reader, manual):
    assert client.get(manual.url + "readers/").status_code == 404


def test_feedback_reaches_the_owners_inbox_and_no_one_elses(client, reader, manual):
    url = reverse("knowledge:send_feedback", args=[manual.pk])
    client.post(url, {"helpful": "no", "comment": "ควรเพิ่มตัวอย่างคำถาม"})
    feedback = Feedback.objects.get()
    assert (feedback.helpful, feedback.user) == (False, reader)

    assert "ควรเพิ่มตัวอย่างคำถาม" not in client.get(reverse("knowledge:feedback_inbox")).content.decode()
    client.force_login(manual.owner_contact)
    assert "ควรเพิ่มตัวอย่างคำถาม" in client.get(reverse("knowledge:feedback_inbox")).content.decode()


def test_feedback_without_an_answer_comes_back_with_the_comment_kept(client, reader, manual):
    url = reverse("knowledge:send_feedback", args=[manual.pk])
    response = client.post(url, {"comment": "ความเห็นยาวที่ไม่อยากพิมพ์ใหม่"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "โปรดเลือกว่ามีประโยชน์หรือไม่" in html
    assert "ความเห็นยาวที่ไม่อยากพิมพ์ใหม่" in html
    assert not Feedback.objects.exists()


def test_review_reminders_go_once_per_review_date(mailoutbox, manual):
    manual.review_due = datetime.date(2023, 1, 31)
    manual.save_revision().publish()
    today = datetime.date(2023, 3, 1)

    first = review_reminders_send(today=today)
    assert [reminder.page.pk for reminder in first].count(manual.pk) == 1
    mail = next(mail for mail in mailoutbox if "คู่มือการให้คำปรึกษา" in mail.subject)
    assert mail.subject.startswith("ครบกำหนดทบทวน")
    assert mail.to == [manual.owner_contact.email]

    sent_before = len(mailoutbox)
    assert review_reminders_send(today=today) == []
    assert len(mailoutbox) == sent_before

    manual.review_due = datetime.date(2024, 1, 31)  # reviewed, with a new due date that passes too
    manual.save_revision().publish()
    assert len(review_reminders_send(today=datetime.date(2024, 2, 1))) >= 1
    assert ReviewReminder.objects.filter(page=manual).count() == 2


def test_superseded_editions_get_no_reminder(mailoutbox):
    old = ManualPage.objects.get(code="clinic-manual", edition=1)
    review_reminders_send(today=datetime.date(2030, 1, 1))
    assert not ReviewReminder.objects.filter(page=old).exists()
