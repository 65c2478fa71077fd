"""Moderators create forum categories in the admin and choose who may read them; readers follow at once."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from forums.models import Category
from knowledge.roles import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_moderator_creates_a_restricted_category_that_only_its_readers_see(client, team, staff):
    moderator = UserFactory(role=Role.MODERATOR)
    client.force_login(moderator)
    add_url = reverse("wagtailsnippets_forums_category:add")
    assert client.get(add_url).status_code == 200
    group = Group.objects.get(name="ทีมโครงการ")
    form = {"name": "ห้องทีมโครงการเท่านั้น", "description": "", "sort_order": 5, "access": "restricted",
            "groups": [group.pk]}  # fmt: skip
    response = client.post(add_url, form)
    assert response.status_code == 302, response.content.decode()[:1500]
    category = Category.objects.get(name="ห้องทีมโครงการเท่านั้น")
    assert list(category.groups.all()) == [group]

    client.force_login(team)  # in the group
    assert "ห้องทีมโครงการเท่านั้น" in client.get("/forums/").content.decode()
    client.force_login(staff)
    assert "ห้องทีมโครงการเท่านั้น" not in client.get("/forums/").content.decode()
    assert client.get(f"/forums/c/{category.pk}/").status_code == 404


def test_moderators_may_not_delete_a_category(client):
    client.force_login(UserFactory(role=Role.MODERATOR))
    category = Category.objects.first()
    assert client.get(reverse("wagtailsnippets_forums_category:delete", args=[category.pk])).status_code in (
        302,
        403,
    )
    assert Category.objects.filter(pk=category.pk).exists()
