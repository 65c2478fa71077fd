"""Manuals and standards: editions, their lifecycle and approval, reading aids, and the project hub."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from knowledge.models import EditionStatus, ManualPage, StandardPage
from knowledge.roles import Role
from tests.factories import ImageFactory, ManualPageFactory, UserFactory, manual_sections

pytestmark = pytest.mark.django_db

CLINIC = "/plan/s3/s3-p2/"


@pytest.fixture(autouse=True)
def _fresh_pages(no_page_cache):
    pass


def clinic_manual(edition):
    return ManualPage.objects.get(code="clinic-manual", edition=edition)


def test_the_newest_live_edition_is_in_force_and_older_ones_are_superseded():
    old, new = clinic_manual(1), clinic_manual(2)
    assert (old.status, new.status) == (EditionStatus.SUPERSEDED, EditionStatus.IN_FORCE)
    assert old.superseded_by == new
    assert old.current_edition == new


def test_a_superseded_edition_stays_readable_with_a_banner_pointing_at_the_current_one(client):
    html = client.get(clinic_manual(1).url).content.decode()
    assert "ฉบับที่ 1 นี้ถูกแทนที่แล้ว" in html
    assert f'href="{clinic_manual(2).url}"' in html
    assert "ถูกแทนที่แล้ว" not in client.get(clinic_manual(2).url).content.decode()


def test_the_current_address_always_leads_to_the_edition_in_force(client):
    response = client.get(clinic_manual(1).url + "current/")
    assert response.status_code == 302
    assert response["Location"] == clinic_manual(2).url


def test_readers_see_what_changed_between_editions(client):
    html = client.get(clinic_manual(2).url + "changes/").content.decode()
    assert "สิ่งที่เปลี่ยนแปลงจากฉบับที่ 1 เป็นฉบับที่ 2" in html
    assert "<del>5</del><ins>3</ins>" in html
    assert "<del>อีเมลของหน่วยงานเจ้าภาพ</del><ins>ระบบสารบรรณอิเล็กทรอนิกส์</ins>" in html


def test_comparing_a_first_edition_says_there_is_nothing_earlier(client):
    html = client.get(clinic_manual(1).url + "changes/").content.decode()
    assert "นี่คือฉบับแรก" in html


def test_manual_has_a_table_of_contents_with_anchors(client):
    html = client.get(clinic_manual(2).url).content.decode()
    for number in range(1, 5):
        assert f'id="section-{number}"' in html
        assert f'#section-{number}"' in html
    assert 'id="section-3-1"' in html  # the sub-heading "คำถามเร่งด่วน"
    assert '<th scope="col">ระยะเวลา</th>' in html
    assert '<div class="steps">' in html


def test_each_section_has_its_own_page_with_previous_and_next(client):
    manual = clinic_manual(2)
    html = client.get(manual.url + "section/2/").content.decode()
    assert "2. การยื่นคำถาม" in html
    assert f'href="{manual.url}section/1/"' in html and f'href="{manual.url}section/3/"' in html
    assert client.get(manual.url + "section/99/").status_code == 404


def test_standard_clauses_are_numbered_with_their_own_anchors(client):
    standard = StandardPage.objects.get(code="ea-standard")
    html = client.get(standard.url).content.decode()
    assert "มฐ.สป.-02" in html
    for number in range(1, 5):
        assert f'id="clause-{number}"' in html
    assert "ข้อ 3" in html


def test_project_hub_lists_its_manuals_and_linked_standards_with_edition_and_status(client):
    html = client.get(CLINIC).content.decode()
    assert "คู่มือการให้คำปรึกษาของคลินิกขับเคลื่อนโครงการ" in html
    assert "ฉบับที่ 2" in html and "มีผลบังคับใช้" in html
    assert clinic_manual(1).url not in html  # only the edition in force is listed
    linked = client.get("/plan/s1/s1-p2/").content.decode()
    assert "มาตรฐานงานบริการอิเล็กทรอนิกส์ด้านการศึกษา" in linked  # filed under S1-P1, linked to S1-P2


def test_agency_page_lists_manuals_and_standards_of_its_projects(client):
    html = client.get("/agencies/ovec/?plan=plan").content.decode()
    assert "คู่มือการให้คำปรึกษาของคลินิกขับเคลื่อนโครงการ" in html  # S3-P2 is an สอศ. project


def test_two_editions_of_a_document_cannot_share_a_number(project):
    twin = ManualPage(title="ซ้ำ", code="clinic-manual", edition=2)
    twin.path, twin.depth = project.path + "9999", project.depth + 1  # placed under a project, unsaved
    with pytest.raises(ValidationError) as error:
        twin.clean()
    assert "edition" in error.value.message_dict


def test_nobody_publishes_an_edition_directly():
    moderator = UserFactory(role=Role.MODERATOR)
    permissions = clinic_manual(2).permissions_for_user(moderator)
    assert permissions.can_edit()
    assert not permissions.can_publish()


def test_a_new_edition_goes_live_through_approval_and_supersedes_the_old_one(client, project):
    first = ManualPageFactory(parent=project, code="approval-manual", edition=1)
    moderator = UserFactory(role=Role.MODERATOR)
    second = ManualPageFactory(parent=project, code="approval-manual", edition=2, publish=False)
    client.force_login(moderator)

    edit_url = reverse("wagtailadmin_pages:edit", args=[second.pk])
    assert "action-publish" not in client.get(edit_url).content.decode()

    second.get_workflow().start(second, moderator)
    task_state = ManualPage.objects.get(pk=second.pk).current_workflow_task_state
    action_url = reverse("wagtailadmin_pages:workflow_action", args=[second.pk, "approve", task_state.pk])
    client.post(action_url, {"comment": ""})

    second = ManualPage.objects.get(pk=second.pk)
    first = ManualPage.objects.get(pk=first.pk)
    assert second.live
    assert (first.status, second.status) == (EditionStatus.SUPERSEDED, EditionStatus.IN_FORCE)


def queries_for(client, url):
    client.get(url)  # creates the image renditions
    cache.clear()  # so renditions must come from the database, not from Wagtail's rendition cache
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_manual_page_queries_do_not_grow_with_its_sections_or_images(client, project):
    short = ManualPageFactory(parent=project, body=manual_sections(2, ImageFactory.create_batch(2)))
    long = ManualPageFactory(parent=project, body=manual_sections(50, ImageFactory.create_batch(50)))
    assert queries_for(client, long.url) == queries_for(client, short.url)
    assert client.get(long.url).content.decode().count("<img ") == 50


def test_moderators_start_a_new_edition_as_a_draft_copy(client):
    current = clinic_manual(2)
    client.force_login(UserFactory(role=Role.MODERATOR))
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[current.pk])).content.decode()
    url = reverse("knowledge_new_edition", args=[current.pk])
    assert url in edit_page

    response = client.post(url)
    draft = ManualPage.objects.get(code="clinic-manual", edition=3)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[draft.pk])
    assert (draft.live, draft.slug, draft.status) == (False, "clinic-manual-e3", EditionStatus.DRAFT)
    assert draft.text_lines() == current.text_lines()
    assert clinic_manual(2).status == EditionStatus.IN_FORCE  # until the draft is approved


def test_staff_cannot_start_a_new_edition(client):
    client.force_login(UserFactory(role=Role.STAFF))
    client.post(reverse("knowledge_new_edition", args=[clinic_manual(2).pk]))
    assert not ManualPage.objects.filter(code="clinic-manual", edition=3).exists()
