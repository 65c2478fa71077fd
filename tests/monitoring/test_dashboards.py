"""Public dashboards: the plan by strategy, an agency's projects, a KPI over time and the project hub."""

import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.models import Agency, PlanPage, ProjectPage
from monitoring.models import KpiReport, ReportStatus
from monitoring.services import report_review, report_submit
from tests.factories import BudgetFactory, IndicatorFactory, UserFactory

pytestmark = pytest.mark.django_db


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_the_plan_dashboard_shows_each_strategy_with_projects_kpis_and_budget(client):
    page = text(client.get("/monitoring/?plan=plan&year=2565"))
    assert "ยุทธศาสตร์ที่ 1" in page or "การยกระดับการให้บริการประชาชนด้วยระบบดิจิทัล" in page
    assert page.count('role="img"') == 1  # the disbursement chart, with the table beside it
    # The demo: 22 KPIs at four paces; S1's three projects allocated 15,310,000 baht.
    assert re.search(r"KPIs on track|ตัวชี้วัดที่เป็นไปตามแผน", page)
    assert "15,310,000" in page
    assert "/22</dd>" in page.replace(" ", "")


def test_the_plan_dashboard_is_linked_from_the_plan_page(client, plan):
    main = text(client.get(plan.url)).split("<main")[1]
    assert 'href="/monitoring/?plan=plan"' in main  # the ended plan's own results


def test_a_year_can_be_picked_with_thai_digits(client):
    assert "2564" in text(client.get("/monitoring/?plan=plan&year=๒๕๖๔")).split("<h1>")[1].split("</h1>")[0]


def test_an_unknown_year_falls_back_to_the_plan_years(client):
    assert client.get("/monitoring/?year=abc").status_code == 200
    assert client.get("/monitoring/?year=1999").status_code == 200


def test_the_agency_dashboard_lists_only_the_agencys_projects(client):
    obec = Agency.objects.get(code="obec")
    page = text(client.get(f"/monitoring/agencies/{obec.code}/?plan=plan&year=2565"))
    seed_plan = ProjectPage.objects.descendant_of(PlanPage.objects.get(slug="plan"))
    own = seed_plan.for_agency(obec).values_list("code", flat=True)
    others = ProjectPage.objects.exclude(code__in=own).values_list("code", flat=True)  # and every P2- one
    assert own and all(f">{code}<" in page for code in own)
    assert not any(f">{code}<" in page for code in others)


def test_a_kpi_page_draws_its_quarters_against_baseline_and_targets_with_a_data_table(
    client, kpi, member, host
):
    for quarter, value in ((1, 55), (2, 62)):
        report = report_submit(
            indicator=kpi, fiscal_year=2565, quarter=quarter, value=Decimal(value), user=member
        )
        report_review(report=report, user=host, approve=True)
    page = text(client.get(f"/monitoring/kpis/{kpi.pk}/"))
    start = page.index('class="chart__svg"')
    svg = page[start : page.index("</svg>", start)]
    assert svg.count('class="chart__point"') == 2
    assert 'class="chart__baseline"' in svg and svg.count('class="chart__target"') == 1  # 2565 only
    assert "2564" in svg and "2565" in svg  # BE years on the axis
    assert "<script" not in page.split("</footer>")[0].split("<main")[1]
    table = page[page.index("<table") : page.index("</table>")]
    assert "62" in table and "80" in table


def test_values_waiting_for_review_stay_off_public_pages_and_the_history_is_for_insiders(
    client, kpi, member, outsider
):
    report_submit(indicator=kpi, fiscal_year=2565, quarter=1, value=Decimal("77.7"), user=member)
    assert "77.7" not in text(client.get(f"/monitoring/kpis/{kpi.pk}/"))
    client.force_login(outsider)
    assert "77.7" not in text(client.get(f"/monitoring/kpis/{kpi.pk}/"))
    client.force_login(member)
    history = text(client.get(f"/monitoring/kpis/{kpi.pk}/"))
    assert "77.7" in history and member.get_full_name() in history


def test_approving_a_report_changes_the_dashboards_anonymous_visitors_get_from_cache(
    client, kpi, member, host, django_capture_on_commit_callbacks
):
    first = text(client.get("/monitoring/?plan=plan&year=2565"))
    hub_before = text(client.get(kpi.project.url))
    report = report_submit(indicator=kpi, fiscal_year=2565, quarter=4, value=Decimal(90), user=member)
    with django_capture_on_commit_callbacks(execute=True):
        report_review(report=report, user=host, approve=True)
    later = text(client.get("/monitoring/?plan=plan&year=2565"))
    assert first != later
    hub_after = text(client.get(kpi.project.url))
    assert f"{kpi.code}</span>" in hub_after and hub_before != hub_after


def test_the_project_hub_shows_kpi_status_next_to_knowledge_activity(client, project):
    page = text(client.get(project.url))
    results = page[page.index('id="results"') : page.index('id="budget"')]
    assert "S1-P1-K1" in results and 'class="badge badge--kpi-' in results
    # S1-P1 (e-Service) has the demo's endorsed case and its standard.
    assert re.search(r"กรณีตัวอย่างที่ดี</dt><dd>[1-9]", results.replace(" ", ""))
    budget = page[page.index('id="budget"') : page.index('id="manuals"')]
    assert 'role="img"' in budget and "<table" in budget


def test_the_plan_dashboard_queries_do_not_grow_with_projects_kpis_and_quarters(
    client, no_page_cache, member, host
):
    def count():
        client.get("/monitoring/?plan=plan&year=2565")
        cache.clear()  # measure a full render, not the cached body
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/monitoring/?plan=plan&year=2565").status_code == 200
        return len(captured)

    before = count()
    for project in ProjectPage.objects.all()[:5]:
        BudgetFactory(project=project, fiscal_year=2566)
        for _ in range(3):
            indicator = IndicatorFactory(project=project, targets={2565: 90})
            KpiReport.objects.bulk_create(
                KpiReport(
                    indicator=indicator,
                    fiscal_year=2565,
                    quarter=q,
                    value=60 + q,
                    reported_by=member,
                    status=ReportStatus.APPROVED,
                )
                for q in (1, 2, 3, 4)
            )
    assert count() == before
    assert before <= 20


def test_reporting_needs_an_account_but_the_dashboards_do_not(client):
    assert client.get("/monitoring/").status_code == 200
    assert client.get("/monitoring/reports/").status_code == 302
    client.force_login(UserFactory(role="บุคลากร"))
    assert client.get("/monitoring/coverage/").status_code == 403
