"""Who may do what: communicators submit updates, moderators publish them, staff only read."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from knowledge.models import UpdatePage
from knowledge.roles import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_five_roles_exist_as_groups():
    assert set(Group.objects.values_list("name", flat=True)) >= set(Role.values)


def test_staff_cannot_edit_any_page(client, project, home):
    staff = UserFactory(role=Role.STAFF)
    assert not project.permissions_for_user(staff).can_edit()
    assert not home.permissions_for_user(staff).can_add_subpage()
    client.force_login(staff)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[project.pk])).status_code in (302, 403)


def test_communicators_edit_updates_but_not_the_plan(updates_index, project):
    communicator = UserFactory(role=Role.COMMUNICATOR)
    assert updates_index.permissions_for_user(communicator).can_add_subpage()
    assert not updates_index.permissions_for_user(communicator).can_publish_subpage()
    assert not project.permissions_for_user(communicator).can_edit()


def test_moderators_publish_anywhere(project, updates_index):
    moderator = UserFactory(role=Role.MODERATOR)
    assert project.permissions_for_user(moderator).can_publish()
    assert updates_index.permissions_for_user(moderator).can_publish_subpage()


def update_form(title):
    return nested_form_data(
        {
            "title": title,
            "title_en": "",
            "summary": "สรุป",
            "date": "2022-10-01",
            "slug": "",
            "body": streamfield([("paragraph", rich_text("<p>เนื้อหาข่าว</p>"))]),
            "projects": [],
            "tags": "",
        }
    )


def test_a_communicators_update_goes_live_only_after_a_moderator_approves(client, updates_index, mailoutbox):
    moderator = UserFactory(role=Role.MODERATOR)
    communicator = UserFactory(role=Role.COMMUNICATOR)
    client.force_login(communicator)
    add_url = reverse("wagtailadmin_pages:add", args=["knowledge", "updatepage", updates_index.pk])
    response = client.post(add_url, {**update_form("ข่าวที่ผู้สื่อสารส่ง"), "action-submit": "submit"})
    assert response.status_code == 302, response.content.decode()[:2000]

    update = UpdatePage.objects.get(title="ข่าวที่ผู้สื่อสารส่ง")
    assert not update.live
    assert update.workflow_in_progress
    assert client.get(update.url or "/updates/" + update.slug + "/").status_code == 404
    to_moderator = next(mail for mail in mailoutbox if moderator.email in mail.to)
    assert to_moderator.subject == '"ข่าวที่ผู้สื่อสารส่ง" รอการอนุมัติจากท่าน'
    assert "อนุมัติหรือขอให้แก้ไข" in to_moderator.body

    mailoutbox.clear()
    client.force_login(moderator)
    task_state = update.current_workflow_task_state
    action_url = reverse("wagtailadmin_pages:workflow_action", args=[update.pk, "approve", task_state.pk])
    assert client.post(action_url, {"comment": ""}).status_code in (200, 302)
    update.refresh_from_db()
    assert update.live
    to_author = next(mail for mail in mailoutbox if communicator.email in mail.to)
    assert to_author.subject == '"ข่าวที่ผู้สื่อสารส่ง" ได้รับอนุมัติแล้ว'
    client.logout()
    assert client.get(update.url).status_code == 200


def test_a_communicator_cannot_publish_directly(client, updates_index):
    client.force_login(UserFactory(role=Role.COMMUNICATOR))
    add_url = reverse("wagtailadmin_pages:add", args=["knowledge", "updatepage", updates_index.pk])
    client.post(add_url, {**update_form("ข่าวที่พยายามเผยแพร่เอง"), "action-publish": "publish"})
    assert not UpdatePage.objects.filter(title="ข่าวที่พยายามเผยแพร่เอง", live=True).exists()


def test_new_users_get_a_profile():
    assert UserFactory().profile.agency is None


def test_role_permissions_are_restored_after_migrate(updates_index):
    from knowledge.roles import sync_role_permissions

    communicators = Group.objects.get(name=Role.COMMUNICATOR)
    communicators.permissions.clear()
    sync_role_permissions()
    assert communicators.permissions.filter(codename="access_admin").exists()
    assert Page.get_first_root_node().group_permissions.filter(group__name=Role.MODERATOR).exists()


def test_thai_titled_updates_get_date_slugs_never_made_from_the_title(admin_client, updates_index):
    """Wagtail's slugify keeps only the ASCII of a Thai title ("ประกาศผล 1/2566" → "12566"): the admin
    builds the slug from the date instead, and numbers a second update of the same day."""
    add_url = reverse("wagtailadmin_pages:add", args=["knowledge", "updatepage", updates_index.pk])
    for title, typed_slug in (
        ("ประกาศผล 1/2566", "12566"),
        ("ประกาศผล 2/2566", "22566"),
        ("สรุปการประชุม", ""),
    ):
        form = {**update_form(title), "slug": typed_slug, "action-publish": "publish"}
        response = admin_client.post(add_url, form)
        assert response.status_code == 302, response.content.decode()[:2000]
    slugs = [
        UpdatePage.objects.get(title=title).slug
        for title in ("ประกาศผล 1/2566", "ประกาศผล 2/2566", "สรุปการประชุม")
    ]
    assert slugs == ["2022-10-01", "2022-10-01-2", "2022-10-01-3"]


def test_an_ascii_slug_the_editor_typed_is_kept(admin_client, updates_index):
    add_url = reverse("wagtailadmin_pages:add", args=["knowledge", "updatepage", updates_index.pk])
    form = {**update_form("ประชุมใหญ่ประจำปี"), "slug": "annual-meeting", "action-publish": "publish"}
    assert admin_client.post(add_url, form).status_code == 302
    assert UpdatePage.objects.get(title="ประชุมใหญ่ประจำปี").url == "/updates/annual-meeting/"


def test_the_admin_reads_a_buddhist_era_date_as_that_day(admin_client, updates_index, client):
    add_url = reverse("wagtailadmin_pages:add", args=["knowledge", "updatepage", updates_index.pk])
    form = {**update_form("ประกาศวันที่พิมพ์เป็น พ.ศ."), "date": "10/01/2566", "action-publish": "publish"}
    assert admin_client.post(add_url, form).status_code == 302
    update = UpdatePage.objects.get(title="ประกาศวันที่พิมพ์เป็น พ.ศ.")
    assert update.date.isoformat() == "2023-01-10"  # not the year 3109, at the top of /updates/
    assert "10 ม.ค. 2566" in client.get("/updates/").content.decode()


def test_a_year_neither_era_can_mean_is_refused_in_thai(admin_client, updates_index):
    add_url = reverse("wagtailadmin_pages:add", args=["knowledge", "updatepage", updates_index.pk])
    form = {**update_form("ประกาศปีผิด"), "date": "10/01/3109", "action-publish": "publish"}
    response = admin_client.post(add_url, form)
    assert response.status_code == 200 and "โปรดตรวจปี: 3109" in response.content.decode()
    assert not UpdatePage.objects.filter(title="ประกาศปีผิด").exists()
