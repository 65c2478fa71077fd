"""Successive plans: the demo holds the seed's plan (2564–2565, ended) and its successor (2566–2570, current).

Every list shows one plan, the current one by default, with the earlier one a click away and marked ended;
a project carried over shows its history across plans; the old addresses keep working."""

import csv
import io
import re

import pytest

from knowledge.models import PlanPage, ProjectPage, StrategyPage
from knowledge.models import plan as plan_models

pytestmark = pytest.mark.django_db

OLD_ONLY = "S3-P1"  # a project of the ended plan that was not carried over
NEW = "P2-S1-P1"  # carries on S1-P1


@pytest.fixture(autouse=True)
def _fresh_pages(no_page_cache):
    pass


@pytest.fixture
def successor(db):
    return PlanPage.objects.get(slug="plan-2566-2570")


def text(response):
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


def codes_in(html):
    return set(re.findall(r"\b(?:P2-)?S\d-P\d\b", html))


def test_the_home_page_shows_the_current_plan_and_links_the_ended_one(client, plan, successor):
    html = text(client.get("/"))
    assert successor.title in html.split("</h1>")[0]
    assert "การยกระดับบริการดิจิทัลที่ยึดประชาชนเป็นศูนย์กลาง" in html  # the successor's strategy 1
    assert "การพัฒนาองค์การสู่ความเป็นเลิศตามเกณฑ์ PMQA 4.0" not in html  # the ended plan's S3
    assert f'href="{plan.url}"' in html and "สิ้นสุดแล้ว" in html
    assert re.search(r"<dt>โครงการ</dt><dd>3</dd>", html.replace(" ", ""))


def test_an_ended_plan_keeps_its_addresses_and_says_it_has_ended(client, plan, successor):
    html = text(client.get("/plan/"))
    assert "แผนนี้สิ้นสุดแล้วเมื่อปีงบประมาณ 2565" in html
    assert f'href="{successor.url}"' in html  # to the current plan
    assert client.get("/plan/s1/").status_code == 200
    assert client.get("/plan/s1/s1-p1/").status_code == 200
    assert "plan-notice" not in text(client.get(successor.url))  # the current plan is not marked


def test_the_current_plan_is_the_one_running_this_fiscal_year(monkeypatch, plan, successor):
    plans = list(PlanPage.objects.live().newest_first())
    assert plan_models.current_plan(plans) == successor
    monkeypatch.setattr(plan_models, "this_fiscal_year", lambda: 2565)
    assert plan_models.current_plan(plans) == plan and not plan.is_ended
    monkeypatch.setattr(plan_models, "this_fiscal_year", lambda: 2580)  # between plans: the newest
    assert plan_models.current_plan(plans) == successor and successor.is_ended


def test_the_dashboard_shows_the_current_plan_and_the_ended_one_a_click_away(client):
    current = text(client.get("/monitoring/"))
    assert NEW in codes_in(current) and OLD_ONLY not in codes_in(current)
    assert 'href="?plan=plan"' in current
    ended = text(client.get("/monitoring/?plan=plan&year=2565"))
    assert OLD_ONLY in codes_in(ended) and NEW not in codes_in(ended)
    assert "กำลังแสดงแผนที่สิ้นสุดแล้ว (2564–2565)" in ended
    assert 'href="?plan=plan&amp;year=2564"' in ended  # the year picker keeps the plan
    assert "/monitoring/export/kpis.csv?plan=plan&amp;year=2565" in ended
    assert NEW in codes_in(text(client.get("/monitoring/?plan=no-such-plan")))  # back to the current


def test_the_agency_pages_follow_the_chosen_plan(client):
    page = text(client.get("/agencies/ops/"))
    assert NEW in codes_in(page) and "S1-P1" not in codes_in(page.split("ความต่อเนื่อง")[0])
    assert "S1-P1" in codes_in(text(client.get("/agencies/ops/?plan=plan")))
    dashboard = text(client.get("/monitoring/agencies/ops/?plan=plan&year=2565"))
    assert "S1-P1" in codes_in(dashboard) and NEW not in codes_in(dashboard)


def test_exports_are_of_one_plan(client):
    def kpi_codes(url):
        response = client.get(url)
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        return response["Content-Disposition"], {row[0] for row in rows[1:]}

    name, current = kpi_codes("/monitoring/export/kpis.csv")
    assert current == {"P2-S1-P1-K1", "P2-S1-P2-K1", "P2-S2-P1-K1"}
    assert "plan-2566-2570-kpis-2570" in name
    name, ended = kpi_codes("/monitoring/export/kpis.csv?plan=plan&year=2565")
    assert len(ended) == 22 and "S1-P1-K1" in ended and "plan-kpis-2565" in name


def test_updates_and_their_feed_are_of_the_current_plan_by_default(client):
    news = "บุคลากรร้อยละ 84 ผ่านเกณฑ์ทักษะดิจิทัล"  # about a project of the current plan
    old_news = "เปิดใช้ระบบรับสมัครนักเรียนออนไลน์ครบทุกเขตพื้นที่การศึกษา"  # about S1-P2
    current = text(client.get("/updates/"))
    assert news in current and old_news not in current
    ended = text(client.get("/updates/?plan=plan"))
    assert old_news in ended and news not in ended and "สิ้นสุดแล้ว" in ended
    feed = client.get("/updates/feed/").content.decode()
    assert news in feed and old_news not in feed
    old_feed = client.get("/updates/feed/?plan=plan").content.decode()
    assert old_news in old_feed and news not in old_feed
    assert "/updates/feed/?plan=plan" in ended  # the ended plan's list offers its own feed
    assert news in text(client.get("/")) and old_news not in text(client.get("/"))


def test_a_carried_over_project_shows_its_history_across_plans(client):
    earlier = ProjectPage.objects.get(code="S1-P1")
    later = ProjectPage.objects.get(code=NEW)
    hub = text(client.get(later.url))
    across = hub.split("ความต่อเนื่องข้ามแผน")[1].split("</div>")[0]
    assert f'href="{earlier.url}"' in across and "2564–2565" in across and "สิ้นสุดแล้ว" in across
    assert "S1-P1-K1" in across  # the earlier plan's KPIs, each linked to its chart
    budget = hub.split('id="budget"')[1].split("</table>")[0]
    years = re.findall(r'<th scope="row">(\d{4})</th>', budget)
    assert years == ["2564", "2565", "2566", "2567", "2568", "2569", "2570"]  # both plans, in order
    assert "3,000,000" in budget  # S1-P1's FY2564 planned budget
    back = text(client.get(earlier.url)).split("ความต่อเนื่องข้ามแผน")[1].split("</div>")[0]
    assert "ดำเนินต่อใน" in back and f'href="{later.url}"' in back


def test_a_project_newly_carried_over_shows_on_the_earlier_hub_and_drops_no_other(
    client, settings, successor, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300
    earlier, other = ProjectPage.objects.get(code="S5-P1"), ProjectPage.objects.get(code="S3-P2")
    for page in (earlier, other):
        client.get(page.url)
        assert client.get(page.url)["X-Page-Cache"] == "hit"
    strategy = StrategyPage.objects.descendant_of(successor).get(code="P2-S2")
    new = ProjectPage(
        title="โครงการยกระดับคุณธรรมและความโปร่งใส ระยะที่ 2",
        code="P2-S2-P2",
        first_fiscal_year=2567,
        last_fiscal_year=2570,
        continues=earlier,
    )
    with django_capture_on_commit_callbacks(execute=True):
        strategy.add_child(instance=new)
        new.save_revision().publish()
    response = client.get(earlier.url)
    assert "X-Page-Cache" not in response and f'href="{new.url}"' in text(response)
    assert client.get(other.url)["X-Page-Cache"] == "hit"  # nothing it shows changed
    client.get(earlier.url)
    new.continues = None
    with django_capture_on_commit_callbacks(execute=True):
        new.save_revision().publish()
    assert "ความต่อเนื่องข้ามแผน" not in text(client.get(earlier.url))  # it no longer carries S5-P1 on


def test_search_has_a_plan_facet(client, plan, successor):
    def result_urls(html):
        results = html.split('<ol class="results">')[1].split("</ol>")[0]
        return re.findall(r'class="result__title"><a href="([^"]+)"', results)

    html = text(client.get("/search/?q=e-Service"))
    facet = html.split("<h2>แผน</h2>")[1].split("</div>")[0]
    assert 'plan=plan-2566-2570"' in facet and 'plan=plan"' in facet  # both plans, each a link
    assert any(url.startswith(plan.url) for url in result_urls(html))
    narrowed = result_urls(text(client.get("/search/?q=e-Service&plan=plan-2566-2570")))
    assert ProjectPage.objects.get(code=NEW).url in narrowed
    assert all(url.startswith((successor.url, "/updates/")) for url in narrowed)


def test_the_api_names_each_projects_plan_and_what_it_continues(client, plan, successor):
    plans = client.get("/api/v1/plans").json()
    flags = {row["id"]: (row["current"], row["ended"]) for row in plans}
    assert flags == {successor.pk: (True, False), plan.pk: (False, True)}
    projects = client.get(f"/api/v1/projects?plan={successor.pk}&limit=100").json()
    assert projects["count"] == 3
    carried = {row["code"]: row["continues"] for row in projects["items"]}
    assert carried == {"P2-S1-P1": "S1-P1", "P2-S1-P2": "S2-P1", "P2-S2-P1": "S4-P1"}
    assert {row["plan"] for row in projects["items"]} == {successor.pk}
    assert client.get(f"/api/v1/projects?plan={plan.pk}&limit=100").json()["count"] == 15
    assert client.get("/api/v1/projects?plan=999999").json()["count"] == 0
    updates = client.get(f"/api/v1/updates?plan={successor.pk}").json()
    assert {row["title"] for row in updates["items"]} == {
        "เปิดให้บริการ e-Service ระยะที่ 2 ครบ 30 งานบริการ",
        "บุคลากรร้อยละ 84 ผ่านเกณฑ์ทักษะดิจิทัลในปีงบประมาณ 2568",
    }
    documents = client.get(f"/api/v1/documents?plan={plan.pk}&limit=100").json()
    assert documents["count"] > 0
    assert client.get(f"/api/v1/documents?plan={successor.pk}").json()["count"] == 0  # none filed there yet
