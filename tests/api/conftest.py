import pytest
from django.contrib.auth import get_user_model

from tests.forums.conftest import category, restricted, secret_topic  # noqa: F401 (fixtures)


@pytest.fixture
def team(db):
    return get_user_model().objects.get(username="team")


@pytest.fixture
def moderator(db):
    return get_user_model().objects.get(username="moderator")
