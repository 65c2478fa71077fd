import pytest
from django.contrib.auth import get_user_model

from knowledge.demo.loader import DemoLoader
from knowledge.models import (
    Agency,
    ChapterPage,
    Gov40Goal,
    Indicator,
    PMQACategory,
    ProjectPage,
    StrategyPage,
    SubPlan,
    UpdatePage,
)

pytestmark = pytest.mark.django_db


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Agency,
            PMQACategory,
            SubPlan,
            Gov40Goal,
            ChapterPage,
            StrategyPage,
            ProjectPage,
            Indicator,
            UpdatePage,
            get_user_model(),
        )
    }


def test_demo_builds_both_plans():
    """The seed's plan (6 chapters, 5 strategies, 15 projects, 22 KPIs) and its successor (1, 2, 3, 3)."""
    assert counts() == {
        "Agency": 4,
        "PMQACategory": 7,
        "SubPlan": 5,
        "Gov40Goal": 3,
        "ChapterPage": 7,
        "StrategyPage": 7,
        "ProjectPage": 18,
        "Indicator": 25,
        "UpdatePage": 7,
        "User": 5,
    }


def test_one_demo_update_waits_for_a_moderator():
    waiting = UpdatePage.objects.filter(live=False)
    assert waiting.count() == 1
    assert waiting.get().workflow_in_progress


def test_loading_the_demo_again_duplicates_nothing():
    before = counts()
    loader = DemoLoader().load()
    assert loader.created == {}
    assert counts() == before


def test_loading_the_demo_again_keeps_editors_changes():
    project = ProjectPage.objects.get(code="S1-P1")
    project.title = "ชื่อที่บรรณาธิการแก้ไข"
    project.save_revision().publish()
    DemoLoader().load()
    assert ProjectPage.objects.get(code="S1-P1").title == "ชื่อที่บรรณาธิการแก้ไข"


def test_demo_users_have_a_role_profile_and_agency():
    user = get_user_model().objects.get(username="team")
    assert user.groups.get().name == "ทีมโครงการ"
    assert user.profile.agency.abbreviation == "สป."
    assert user.project_memberships.filter(project__code="S1-P1").exists()


def delete_all_users():
    """Users own forum content (protected from deletion), so it goes first."""
    from forums.models import Adoption, ModerationLog, Topic
    from monitoring.models import KpiReport

    KpiReport.objects.all().delete()
    ModerationLog.objects.all().delete()
    Adoption.objects.all().delete()
    Topic.objects.all().delete()
    get_user_model().objects.all().delete()


def test_demo_passwords_are_set_and_shown_only_when_asked():
    delete_all_users()
    hidden = DemoLoader(show_passwords=False).load()
    assert hidden.passwords == {}
    assert not get_user_model().objects.get(username="staff").has_usable_password()

    delete_all_users()
    shown = DemoLoader(show_passwords=True).load()
    assert get_user_model().objects.get(username="staff").check_password(shown.passwords["staff"])


def test_load_demo_command_prints_passwords_only_under_dev_settings(settings, capsys):
    from django.core.management import call_command

    delete_all_users()
    settings.SHOW_DEMO_PASSWORDS = False
    call_command("load_demo")
    assert "demo-2565" not in capsys.readouterr().out
