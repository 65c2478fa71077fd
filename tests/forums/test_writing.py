"""Writing: topics of each kind, replies, preview, images, mentions, edits, the rate limit and approval."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.utils import override_settings
from PIL import Image

from forums.models import Notification, Post, PostStatus, Topic, TopicStatus
from tests.factories import UserFactory, reply, topic

pytestmark = pytest.mark.django_db


def picture(size=(800, 600), fmt="PNG", name="photo.png"):
    buffer = BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


def new_topic(client, **fields):
    data = {"kind": "topic", "title": "หัวข้อจากแบบฟอร์ม", "body": "เนื้อหาจากแบบฟอร์ม", **fields}
    return client.post("/forums/new/", data)


def test_a_signed_in_member_opens_a_discussion_linked_to_projects_and_tags(client, team, category, project):
    client.force_login(team)
    response = new_topic(client, category=category.pk, projects=[project.pk], tags="ทดสอบ, e-Service")
    created = Topic.objects.get(title="หัวข้อจากแบบฟอร์ม")
    assert response.status_code == 302 and response["Location"] == created.get_absolute_url()
    assert list(created.projects.all()) == [project]
    assert sorted(created.tags.names()) == ["e-Service", "ทดสอบ"]


def test_writing_needs_an_account(client, category):
    response = new_topic(client, category=category.pk)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Topic.objects.filter(title="หัวข้อจากแบบฟอร์ม").exists()


def test_a_failed_post_comes_back_with_the_text_intact_and_a_thai_error(client, team, category):
    client.force_login(team)
    response = new_topic(client, category=category.pk, title="", body="ข้อความยาวที่ไม่อยากพิมพ์ใหม่")
    assert response.status_code == 400
    page = response.content.decode()
    assert "ข้อความยาวที่ไม่อยากพิมพ์ใหม่" in page
    assert "ต้องระบุข้อมูล" in page


def test_preview_renders_markdown_without_saving(client, team, category):
    client.force_login(team)
    response = new_topic(client, category=category.pk, body="**ตัวหนา**", preview="1")
    assert "<strong>ตัวหนา</strong>" in response.content.decode()
    assert not Topic.objects.filter(title="หัวข้อจากแบบฟอร์ม").exists()


def test_a_case_needs_its_structured_fields_and_a_project(client, team, category):
    client.force_login(team)
    response = new_topic(client, category=category.pk, kind="case", context="บริบท")
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert {"practice", "results", "lessons", "replication", "agency", "contact", "projects"} <= set(errors)


def test_a_case_is_saved_with_its_fields_and_kpis(client, team, category, project):
    from knowledge.models import Agency, Indicator

    client.force_login(team)
    kpi = Indicator.objects.filter(project=project).first()
    fields = {
        "context": "ปัญหาเดิม",
        "practice": "สิ่งที่ทำ",
        "results": "ลดเวลาจาก **7** เหลือ 1 วัน",
        "lessons": "บทเรียน",
        "replication": "วิธีขยายผล",
        "agency": Agency.objects.get(code="ops").pk,
        "contact": "โทร 0 2628 5646",
        "indicators": [kpi.pk],
    }
    new_topic(client, category=category.pk, kind="case", projects=[project.pk], **fields)
    case = Topic.objects.get(title="หัวข้อจากแบบฟอร์ม").case
    assert case.rendered["results"] == "<p>ลดเวลาจาก <strong>7</strong> เหลือ 1 วัน</p>\n"
    assert list(case.indicators.all()) == [kpi]
    page = client.get(case.topic.get_absolute_url()).content.decode()
    assert "วิธีขยายผล" in page and kpi.name in page


def test_a_post_takes_a_picture_checked_by_content_with_a_thumbnail(client, team, category):
    client.force_login(team)
    new_topic(client, category=category.pk, image=picture((2000, 1500)), image_alt="แผนผังกระบวนงาน")
    image = Topic.objects.get(title="หัวข้อจากแบบฟอร์ม").posts.get().images.get()
    assert (image.width, image.height) == (2000, 1500)
    with Image.open(image.thumbnail) as thumb:
        assert max(thumb.size) == 640
    page = client.get(image.post.topic.get_absolute_url()).content.decode()
    assert image.thumbnail.url in page and 'alt="แผนผังกระบวนงาน"' in page


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("fake.png", b"not really a picture", content_type="image/png"), "ไม่ใช่รูปภาพ"),
        (picture((6000, 5000)), "พิกเซล"),
    ],
)
def test_bad_pictures_get_a_clear_error_and_the_text_is_kept(client, team, category, upload, message):
    client.force_login(team)
    response = new_topic(client, category=category.pk, body="ข้อความที่ต้องไม่หาย", image=upload, image_alt="ภาพ")
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page and "ข้อความที่ต้องไม่หาย" in page


def test_too_large_pictures_are_refused(client, team, category, settings):
    settings.FORUM_IMAGE_MAX_BYTES = 1000
    client.force_login(team)
    response = new_topic(client, category=category.pk, image=picture(), image_alt="ภาพ")
    assert response.status_code == 400 and "ขนาด" in response.content.decode()


def test_mentions_notify_the_people_named(team, staff, category, django_capture_on_commit_callbacks):
    opened = topic(author=team, category=category)
    reply(opened, author=team, body="ขอความเห็น @staff ด้วยครับ")
    assert Notification.objects.filter(recipient=staff, kind="mention", topic=opened).exists()


def test_edits_keep_the_previous_text_for_moderators(client, team, moderator, category):
    opened = topic(author=team, category=category, body="ฉบับแรก")
    post = opened.posts.get()
    client.force_login(team)
    client.post(f"/forums/p/{post.pk}/edit/", {"body": "ฉบับแก้ไข"})
    post.refresh_from_db()
    assert post.body == "ฉบับแก้ไข" and post.edited_at
    assert client.get(f"/forums/p/{post.pk}/history/").status_code == 403
    client.force_login(moderator)
    assert "ฉบับแรก" in client.get(f"/forums/p/{post.pk}/history/").content.decode()


def test_others_cannot_edit_a_post(client, team, staff, category):
    post = topic(author=team, category=category).posts.get()
    client.force_login(staff)
    assert client.post(f"/forums/p/{post.pk}/edit/", {"body": "แก้ของคนอื่น"}).status_code == 403


def test_posting_too_fast_gets_a_thai_message_and_keeps_the_text(client, team, category, settings):
    settings.FORUM_RATE_LIMIT = (3, 60)  # the opening post counts too
    opened = topic(author=team, category=category)
    client.force_login(team)
    for n in range(2):
        assert client.post(f"/forums/t/{opened.pk}/reply/", {"body": f"คำตอบ {n}"}).status_code == 302
    response = client.post(f"/forums/t/{opened.pk}/reply/", {"body": "คำตอบที่สามที่ต้องไม่หาย"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "โพสต์เร็วเกินไป" in page and "คำตอบที่สามที่ต้องไม่หาย" in page
    assert opened.posts.count() == 3


def test_a_new_accounts_first_post_waits_for_a_moderator(client, moderator, category, settings):
    settings.FORUM_HOLD_FIRST_POST = True
    newcomer = UserFactory(role="บุคลากร")
    client.force_login(newcomer)
    new_topic(client, category=category.pk, title="โพสต์แรกของสมาชิกใหม่")
    held = Topic.objects.get(title="โพสต์แรกของสมาชิกใหม่")
    assert held.status == TopicStatus.HELD
    client.logout()
    assert client.get(held.get_absolute_url()).status_code == 404
    assert "โพสต์แรกของสมาชิกใหม่" not in client.get("/forums/").content.decode()
    client.force_login(moderator)
    assert "โพสต์แรกของสมาชิกใหม่" in client.get("/forums/moderation/").content.decode()
    client.post(f"/forums/p/{held.posts.get().pk}/approve/")
    client.logout()
    assert client.get(held.get_absolute_url()).status_code == 200
    assert Post.objects.get(topic=held).status == PostStatus.PUBLISHED


def test_a_locked_topic_refuses_replies_and_keeps_the_text(client, team, moderator, category):
    opened = topic(author=team, category=category)
    client.force_login(moderator)
    client.post(f"/forums/t/{opened.pk}/lock/")
    client.force_login(team)
    response = client.post(f"/forums/t/{opened.pk}/reply/", {"body": "ข้อความในหัวข้อที่ล็อก"})
    assert response.status_code == 400
    assert "ข้อความในหัวข้อที่ล็อก" in response.content.decode()
    with override_settings(FORUM_HOLD_FIRST_POST=False):
        assert opened.posts.count() == 1


def test_posting_past_the_limit_is_refused_in_thai_with_the_text_kept(
    client, staff, team, category, settings
):
    settings.FORUM_RATE_LIMIT = (2, 60)
    opened = topic(author=team, category=category)
    client.force_login(staff)
    for n in range(2):
        assert client.post(f"/forums/t/{opened.pk}/reply/", {"body": f"คำตอบที่ {n}"}).status_code == 302
    response = client.post(f"/forums/t/{opened.pk}/reply/", {"body": "ข้อความที่ต้องไม่หาย"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "โพสต์เร็วเกินไป" in page and "ข้อความที่ต้องไม่หาย" in page
    assert opened.posts.count() == 3
