"""Editors' screens open and save: the page editor for every page type and the reference lists."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from knowledge.models import Agency, Profile
from knowledge.roles import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator_client(client):
    client.force_login(UserFactory(role=Role.MODERATOR))
    return client


def test_moderators_can_open_the_editor_of_every_page_type(moderator_client):
    pages = {type(page.specific).__name__: page for page in Page.objects.filter(depth__gt=1)}
    assert len(pages) == 10  # every page type the demo holds, site information pages included
    for name, page in pages.items():
        response = moderator_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, name


@pytest.mark.parametrize("model", ["agency", "indicator", "pmqacategory", "subplan", "gov40goal", "profile"])
def test_moderators_see_the_plan_reference_lists(moderator_client, model):
    assert moderator_client.get(f"/admin/snippets/knowledge/{model}/").status_code == 200


def test_moderators_set_a_users_agency_and_position(moderator_client):
    profile = UserFactory().profile
    url = reverse("wagtailsnippets_knowledge_profile:edit", args=[profile.pk])
    obec = Agency.objects.get(code="obec")
    response = moderator_client.post(
        url, {"user": profile.user_id, "agency": obec.pk, "position": "นักวิเคราะห์นโยบายและแผน"}
    )
    assert response.status_code == 302
    profile = Profile.objects.get(pk=profile.pk)
    assert (profile.agency, profile.position) == (obec, "นักวิเคราะห์นโยบายและแผน")


def test_staff_cannot_open_the_admin(client):
    client.force_login(UserFactory(role=Role.STAFF))
    response = client.get("/admin/")
    assert response.status_code in (302, 403)


def test_thai_numerals_are_accepted_in_kpi_and_year_fields(moderator_client, project):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    from knowledge.models import Indicator

    data = nested_form_data(
        {
            "project": project.pk,
            "code": "S1-P1-K9",
            "name": "ร้อยละของหน่วยงานที่ใช้ระบบ",
            "name_en": "",
            "unit": "ร้อยละ",
            "unit_en": "",
            "direction": "increase",
            "baseline": "๗๘",
            "baseline_year": "๒๕๖๓",
            "targets": inline_formset([{"fiscal_year": "๒๕๖๕", "value": "๑,๒๐๐.๕"}]),
        }
    )
    response = moderator_client.post(reverse("wagtailsnippets_knowledge_indicator:add"), data)
    assert response.status_code == 302
    indicator = Indicator.objects.get(code="S1-P1-K9")
    assert (indicator.baseline, indicator.baseline_year) == (78, 2563)
    target = indicator.targets.get()
    assert (target.fiscal_year, float(target.value)) == (2565, 1200.5)


def test_a_user_marked_inactive_in_the_admin_is_signed_out_on_the_next_request(django_user_model):
    from django.test import Client

    member = UserFactory(role="บุคลากร")
    reader, admin = Client(), Client()
    reader.force_login(member)
    assert reader.get("/forums/me/bookmarks/").status_code == 200  # the user is now cached
    admin.force_login(django_user_model.objects.get(username="admin"))
    response = admin.post(
        f"/admin/bulk/auth/user/set_active_state/?next=/admin/users/&id={member.pk}",
        {"mark_as_active": "False"},
    )
    assert response.status_code == 302
    assert not django_user_model.objects.get(pk=member.pk).is_active
    assert reader.get("/forums/me/bookmarks/").status_code == 302  # to the sign-in page


def test_the_admin_loads_nothing_from_gravatar(moderator_client):
    for path in ("/admin/", "/admin/account/", "/admin/pages/"):
        assert "gravatar" not in moderator_client.get(path).content.decode(), path
