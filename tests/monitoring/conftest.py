"""A KPI of demo project S1-P1 (baseline 50, target 80 in 2565), a member of its team, the host unit."""

import pytest
from django.contrib.auth import get_user_model

from knowledge.models import ProjectTeamMember
from tests.factories import IndicatorFactory, UserFactory


@pytest.fixture
def kpi(project):
    return IndicatorFactory(project=project, baseline=50, targets={2565: 80})


@pytest.fixture
def member(project):
    user = UserFactory(role="ทีมโครงการ")
    ProjectTeamMember.objects.create(project=project, user=user)
    return user


@pytest.fixture
def outsider():
    return UserFactory(role="ทีมโครงการ")


@pytest.fixture
def host():
    return get_user_model().objects.get(username="moderator")
