"""Pages cost the same number of SQL queries however much content the plan holds."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from knowledge.models import Agency, AgencyRole, PlanPage, ProjectAgency, ProjectContact, StrategyPage
from tests.factories import AgencyFactory, BudgetFactory, IndicatorFactory, UpdatePageFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    """The queries of a render from scratch: per-process caches (site root paths, content types) warm,
    the shared cache empty."""
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def grow_project(project, updates_index, n=10):
    for _ in range(n):
        IndicatorFactory(project=project)
        BudgetFactory(project=project)
        ProjectContact.objects.create(project=project, name="ผู้ประสานงานเพิ่ม")
        ProjectAgency.objects.create(project=project, agency=AgencyFactory(), role=AgencyRole.PARTNER)
        update = UpdatePageFactory(parent=updates_index)
        update.projects.add(project)


def test_project_hub_queries_do_not_grow_with_kpis_budgets_agencies_or_updates(
    client, no_page_cache, project, updates_index
):
    before = queries_for(client, project.url)
    grow_project(project, updates_index)
    assert queries_for(client, project.url) == before
    # The hub shows the plan, the library, updates, the exchange, related items and results (monitoring);
    # from scratch its route is also found twice (knowledge/routing.py).
    # S1-P1 is carried on in the next plan: its neighbours across plans and the plans (shared with the
    # header's link to the current plan) are one query each, as is its published stakeholder feedback.
    assert before <= 42  # the footer's site information pages: one query, kept with the rendering


def test_home_page_queries_do_not_grow_with_strategies_projects_or_updates(
    client, no_page_cache, updates_index
):
    current = PlanPage.objects.get(slug="plan-2566-2570")  # the plan the home page shows
    before = queries_for(client, "/")
    for number in range(6, 12):
        current.add_child(
            instance=StrategyPage(title=f"ยุทธศาสตร์ทดสอบ {number}", code=f"P2-S{number}", number=number)
        )
    for _ in range(10):
        UpdatePageFactory(parent=updates_index, date=timezone.localdate())
    assert queries_for(client, "/") == before
    assert before <= 13  # the footer's site information pages: one query, kept with the rendering


def test_agency_page_queries_do_not_grow_with_projects(client, no_page_cache, strategy):
    from knowledge.models import ProjectPage

    obec = Agency.objects.get(code="obec")
    before = queries_for(client, obec.get_absolute_url())
    for n in range(8):
        extra = ProjectPage(
            title=f"โครงการทดสอบ {n}", code=f"S1-P{10 + n}", first_fiscal_year=2565, last_fiscal_year=2565
        )
        extra.project_agencies = [ProjectAgency(agency=obec, role=AgencyRole.LEAD)]
        strategy.add_child(instance=extra)
        extra.save_revision().publish()
    assert queries_for(client, obec.get_absolute_url()) == before
