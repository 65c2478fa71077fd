"""Forum fixtures: the demo's people and a restricted category with one topic in it."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from forums.access import Access
from knowledge.models import Agency
from tests.factories import CategoryFactory, UserFactory, topic


@pytest.fixture
def staff(db):
    return get_user_model().objects.get(username="staff")


@pytest.fixture
def team(db):
    return get_user_model().objects.get(username="team")


@pytest.fixture
def moderator(db):
    return get_user_model().objects.get(username="moderator")


@pytest.fixture
def outsider(db):
    """A signed-in staff member of an agency the restricted category does not list."""
    user = UserFactory(role="บุคลากร")
    user.profile.agency = Agency.objects.get(code="oec")
    user.profile.save()
    return user


@pytest.fixture
def category(db):
    return CategoryFactory()


@pytest.fixture
def restricted(db, team):
    """Readable only by the project-team group and by the OPS agency."""
    category = CategoryFactory(name="ห้องลับทดสอบ", access=Access.RESTRICTED)
    category.groups.set([Group.objects.get(name="ทีมโครงการ")])
    category.agencies.set([Agency.objects.get(code="ops")])
    return category


@pytest.fixture
def secret_topic(restricted, team, project, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return topic(
            author=team,
            category=restricted,
            title="วาระลับเรื่องงบประมาณพิเศษ",
            body="รายละเอียดที่ยังไม่เผยแพร่เรื่องงบประมาณพิเศษ",
            projects=[project],
            tags=["งบลับ"],
        )
