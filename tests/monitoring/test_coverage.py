"""The host unit's coverage table: what each project lacks, sortable, with a chosen window for updates."""

import re
from datetime import date

import pytest

from knowledge.models import PlanPage, ProjectPage
from monitoring.coverage import coverage
from monitoring.dashboard import project_queryset
from monitoring.fiscal import last_closed_quarter

pytestmark = pytest.mark.django_db


def rows_by_code(host, **kwargs):
    """The seed plan's rows as the host unit saw them just after it ended."""
    params = {"user": host, "today": date(2022, 11, 1), "days": 90, "quarter": (2565, 4), **kwargs}
    seed_plan = PlanPage.objects.get(slug="plan")
    return {row.project.code: row for row in coverage(project_queryset(seed_plan), **params)}


def test_each_check_follows_what_the_project_has(host):
    rows = rows_by_code(host)
    hub = rows["S1-P1"]  # e-Service: a standard and the endorsed case, no manual of its own
    assert hub.checks["case"] is True and hub.checks["standard"] is True
    assert rows["S3-P2"].checks["manual"] is True  # the clinic manual is filed under S3-P2
    # The demo team's last KPI was returned for Q4/2565, so its project lacks that report.
    assert rows["S2-P3"].checks["report"] is False
    assert rows["S1-P1"].checks["report"] is True  # one KPI approved, one submitted: both count
    assert all(row.gaps == list(row.checks.values()).count(False) for row in rows.values())


def test_the_update_window_is_the_readers_choice(host):
    narrow = rows_by_code(host, days=1)
    wide = rows_by_code(host, days=100_000)
    assert not any(row.checks["update"] for row in narrow.values())
    assert sum(row.checks["update"] for row in wide.values()) >= 5


def test_the_table_sorts_by_any_column_and_says_so(client, host):
    client.force_login(host)
    by_gaps = client.get("/monitoring/coverage/?plan=plan").content.decode()
    assert 'aria-sort="descending"' in by_gaps
    by_project = client.get("/monitoring/coverage/?plan=plan&sort=project&dir=asc").content.decode()
    codes = re.findall(r'<th scope="row"><a href="[^"]+"><span class="code">([^<]+)</span>', by_project)
    seed_plan = PlanPage.objects.get(slug="plan")
    assert codes == sorted(ProjectPage.objects.descendant_of(seed_plan).values_list("code", flat=True))
    assert 'href="?plan=plan&amp;days=' in by_project  # the column links keep the plan
    gaps = re.findall(r'<td class="num">(\d+)</td>\s*</tr>', by_gaps)
    assert [int(g) for g in gaps] == sorted((int(g) for g in gaps), reverse=True)


def test_the_quarter_checked_is_the_last_closed_one_within_the_plan():
    assert last_closed_quarter(date(2022, 1, 10)) == (2565, 1)
    assert last_closed_quarter(date(2026, 11, 25), until=(2565, 4)) == (2565, 4)
