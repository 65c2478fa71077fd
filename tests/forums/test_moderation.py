"""Moderation: flags and the review queue, hiding and restoring, pin, lock, close and move, the log."""

import pytest

from forums.models import Flag, ModerationLog, PostStatus, Topic
from tests.factories import CategoryFactory, reply, topic

pytestmark = pytest.mark.django_db


def test_a_flagged_post_reaches_the_queue_and_a_moderator_hides_it(client, staff, team, moderator, category):
    opened = topic(author=team, category=category)
    rude = reply(opened, author=team, body="ข้อความไม่เหมาะสมที่ถูกรายงาน")
    client.force_login(staff)
    client.post(f"/forums/p/{rude.pk}/flag/", {"reason": "offensive", "note": "ใช้คำไม่สุภาพ"})
    assert Flag.objects.filter(post=rude, resolved_at=None).count() == 1
    client.force_login(moderator)
    queue = client.get("/forums/moderation/").content.decode()
    assert "ข้อความไม่เหมาะสมที่ถูกรายงาน" in queue and "ใช้คำไม่สุภาพ" in queue
    client.post(f"/forums/p/{rude.pk}/hide/")
    rude.refresh_from_db()
    opened.refresh_from_db()
    assert rude.status == PostStatus.HIDDEN and opened.reply_count == 0
    assert not Flag.objects.filter(post=rude, resolved_at=None).exists()
    client.force_login(staff)
    assert "ข้อความไม่เหมาะสมที่ถูกรายงาน" not in client.get(opened.get_absolute_url()).content.decode()
    client.force_login(moderator)
    client.post(f"/forums/p/{rude.pk}/restore/")
    opened.refresh_from_db()
    assert opened.reply_count == 1
    actions = list(ModerationLog.objects.filter(post=rude).values_list("action", flat=True))
    assert actions == ["restore", "hide"]
    assert "ซ่อน" in client.get("/forums/moderation/log/").content.decode()


def test_hiding_the_opening_post_hides_the_topic(client, team, moderator, category):
    opened = topic(author=team, category=category, title="หัวข้อที่จะถูกซ่อน")
    client.force_login(moderator)
    client.post(f"/forums/p/{opened.posts.get().pk}/hide/")
    client.logout()
    assert client.get(opened.get_absolute_url()).status_code == 404
    assert "หัวข้อที่จะถูกซ่อน" not in client.get(category.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    "action, field, value",
    [("pin", "is_pinned", True), ("lock", "is_locked", True), ("close", "is_closed", True)],
)
def test_moderators_pin_lock_and_close_topics(client, team, moderator, category, action, field, value):
    opened = topic(author=team, category=category)
    client.force_login(team)
    assert client.post(f"/forums/t/{opened.pk}/{action}/").status_code == 403
    client.force_login(moderator)
    client.post(f"/forums/t/{opened.pk}/{action}/")
    opened.refresh_from_db()
    assert getattr(opened, field) is value
    assert ModerationLog.objects.filter(topic=opened, action=action, moderator=moderator).exists()


def test_pinned_topics_come_first(client, team, moderator, category):
    first = topic(author=team, category=category, title="หัวข้อเก่าที่ปักหมุด")
    topic(author=team, category=category, title="หัวข้อใหม่กว่า")
    client.force_login(moderator)
    client.post(f"/forums/t/{first.pk}/pin/")
    listed = list(client.get(category.get_absolute_url()).context["page_obj"].object_list)
    assert listed[0] == first


def test_moving_a_topic_updates_both_categories_counters(client, team, moderator, category):
    opened = topic(author=team, category=category)
    reply(opened, author=team)
    target = CategoryFactory()
    client.force_login(moderator)
    client.post(f"/forums/t/{opened.pk}/move/", {"category": target.pk})
    category.refresh_from_db()
    target.refresh_from_db()
    assert Topic.objects.get(pk=opened.pk).category == target
    assert (category.topic_count, category.post_count) == (0, 0)
    assert (target.topic_count, target.post_count) == (1, 2)
