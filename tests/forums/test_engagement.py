"""Reactions, bookmarks, watching, notifications (the bell and e-mail) and unsubscribing."""

import pytest
from django.core import mail

from forums import notifications
from forums.models import Bookmark, EmailMode, MemberSettings, Notification, Reaction, Watch
from tests.factories import reply, topic

pytestmark = pytest.mark.django_db


def test_reactions_toggle_and_their_counts_are_stored(client, staff, team, category):
    post = topic(author=team, category=category).posts.get()
    client.force_login(staff)
    client.post(f"/forums/p/{post.pk}/react/useful/")
    post.refresh_from_db()
    assert (post.like_count, post.useful_count) == (0, 1)
    client.post(f"/forums/p/{post.pk}/react/useful/")
    post.refresh_from_db()
    assert post.useful_count == 0
    assert client.post(f"/forums/p/{post.pk}/react/angry/").status_code == 404


@pytest.mark.parametrize("action", ["react/like/", "bookmark/", "watch/"])
def test_a_double_click_ends_in_the_state_asked_for_counted_once(client, staff, team, category, action):
    opened = topic(author=team, category=category)
    post = opened.posts.get()
    path = {
        "react/like/": f"/forums/p/{post.pk}/react/like/",
        "bookmark/": f"/forums/t/{opened.pk}/bookmark/",
    }
    path = path.get(action, f"/forums/watch/topic/{opened.pk}/")
    client.force_login(staff)
    shown = client.get(opened.get_absolute_url()).content.decode()
    assert f'action="{path}"' in shown and 'name="shown" value="false"' in shown  # the page says "off"
    rows = {
        "react/like/": lambda: Reaction.objects.filter(post=post, user=staff).count(),
        "bookmark/": lambda: Bookmark.objects.filter(user=staff, topic=opened).count(),
        "watch/": lambda: Watch.objects.filter(user=staff, topic=opened).count(),
    }[action]
    for _ in range(2):  # the same button, pressed twice before the page reloads
        assert client.post(path, {"shown": "false"}).status_code == 302
    assert rows() == 1
    post.refresh_from_db()
    assert post.like_count == (1 if action == "react/like/" else 0)
    for _ in range(2):
        client.post(path, {"shown": "true"})
    assert rows() == 0


def test_bookmarks_are_listed_for_their_owner(client, staff, team, category):
    opened = topic(author=team, category=category, title="หัวข้อที่อยากอ่านทีหลัง")
    client.force_login(staff)
    client.post(f"/forums/t/{opened.pk}/bookmark/")
    assert "หัวข้อที่อยากอ่านทีหลัง" in client.get("/forums/me/bookmarks/").content.decode()
    client.force_login(team)
    assert "หัวข้อที่อยากอ่านทีหลัง" not in client.get("/forums/me/bookmarks/").content.decode()


@pytest.mark.parametrize("target", ["category", "tag", "project"])
def test_watching_a_category_tag_or_project_notifies_of_new_topics(
    client, staff, team, category, project, target
):
    tagged = topic(author=team, category=category, tags=["ใหม่"])  # the tag must exist to be watched
    key = {"category": category.pk, "tag": tagged.tags.get().slug, "project": project.code}[target]
    client.force_login(staff)
    client.post(f"/forums/watch/{target}/{key}/")
    assert Watch.objects.filter(user=staff, **{f"{target}__isnull": False}).count() == 1
    fresh = topic(author=team, category=category, title="หัวข้อใหม่ที่ติดตาม", tags=["ใหม่"], projects=[project])
    assert Notification.objects.filter(recipient=staff, topic=fresh, kind="new_topic").count() == 1


def test_authors_watch_their_topics_and_hear_of_replies_in_the_bell(client, staff, team, category):
    opened = topic(author=staff, category=category)
    before = staff.forum_notifications.unread().count()
    reply(opened, author=team)
    client.force_login(staff)
    page = client.get("/forums/").content.decode()
    assert f'<span class="bell__count">{before + 1}</span>' in page
    note = Notification.objects.get(recipient=staff, topic=opened)
    response = client.get(f"/forums/me/notifications/{note.pk}/", follow=True)
    assert response.redirect_chain[-1][0] == f"{opened.get_absolute_url()}#p2"
    note.refresh_from_db()
    assert note.read_at is not None


def test_immediate_email_goes_out_after_commit_in_thai_with_an_unsubscribe_link(
    staff, team, category, django_capture_on_commit_callbacks
):
    opened = topic(author=staff, category=category, title="หัวข้อทดสอบอีเมล")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        reply(opened, author=team)
    assert mail.outbox == []  # nothing is sent inside the request
    for callback in callbacks:
        callback()
    [message] = mail.outbox
    assert message.to == [staff.email]
    assert "มีคำตอบใหม่" in message.subject and "หัวข้อทดสอบอีเมล" in message.subject
    unsubscribe = MemberSettings.of(staff).unsubscribe_token
    assert unsubscribe in message.body and unsubscribe in message.extra_headers["List-Unsubscribe"]


def test_daily_digest_collects_notifications_into_one_email(
    staff, team, category, django_capture_on_commit_callbacks
):
    MemberSettings.objects.update_or_create(user=staff, defaults={"email_mode": EmailMode.DAILY})
    opened = topic(author=staff, category=category)
    with django_capture_on_commit_callbacks(execute=True):
        reply(opened, author=team, body="หนึ่ง")
        reply(opened, author=team, body="สอง")
    assert mail.outbox == []
    assert notifications.send_digests.enqueue().return_value == 1
    [digest] = mail.outbox
    assert "2 การแจ้งเตือนใหม่" in digest.subject
    notifications.send_digests.enqueue()
    assert len(mail.outbox) == 1  # sent once


def test_unsubscribe_works_without_signing_in_and_only_on_post(client, staff):
    member = MemberSettings.of(staff)
    url = f"/forums/unsubscribe/{member.unsubscribe_token}/"
    assert "หยุดส่งอีเมลแจ้งเตือนทั้งหมด" in client.get(url).content.decode()
    member.refresh_from_db()
    assert member.email_mode == EmailMode.IMMEDIATE  # a mail scanner's GET changes nothing
    client.post(url)
    member.refresh_from_db()
    assert member.email_mode == EmailMode.NEVER
    assert client.get("/forums/unsubscribe/not-a-token/").status_code == 404


def test_members_choose_how_they_hear(client, staff):
    client.force_login(staff)
    client.post("/forums/me/settings/", {"email_mode": "daily"})
    assert MemberSettings.of(staff).email_mode == EmailMode.DAILY
