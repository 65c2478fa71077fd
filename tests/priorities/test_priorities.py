"""Budget priority: the host unit scores a plan's projects on weighted criteria, the platform ranks them,
and each year's decided ranking is kept (who, when) and shown with its reasons, beside the budget."""

import csv
import io
import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forums.models import Topic, TopicKind
from knowledge.models import PlanPage, ProjectPage
from knowledge.roles import Role
from priorities import services
from priorities.models import Criterion, Round, Score
from priorities.ranking import ranking, total
from tests.factories import UserFactory, topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def host(db):
    return UserFactory(role=Role.MODERATOR)


@pytest.fixture
def seed_plan(db):
    return PlanPage.objects.get(slug="plan")


@pytest.fixture
def open_round(seed_plan):
    """FY2564 of the first plan, with two criteria weighted 3 : 1 and nothing scored yet."""
    round_ = Round.objects.create(plan=seed_plan, fiscal_year=2564)
    Criterion.objects.create(round=round_, name="ความสอดคล้อง", weight=75, sort_order=0)
    Criterion.objects.create(round=round_, name="ความพร้อม", weight=25, sort_order=1)
    return round_


def score_all(round_, values):
    """Score every project of the round: values maps a project code to its scores, else 3s."""
    criteria = list(round_.criteria.all())
    for project in round_.projects():
        for criterion, value in zip(criteria, values.get(project.code, [3] * len(criteria)), strict=True):
            Score.objects.create(criterion=criterion, project=project, value=value, reason=f"เหตุผล {value}")


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_the_total_is_the_weighted_share_of_the_top_score(open_round):
    criteria = list(open_round.criteria.all())
    scores = {criteria[0].pk: Score(value=4), criteria[1].pk: Score(value=2)}
    assert total(criteria, scores) == Decimal("70.0")  # (75×4 + 25×2) / (100×5) × 100
    assert total(criteria, {criteria[0].pk: Score(value=5)}) is None  # a criterion left unscored


def test_projects_rank_by_total_and_equal_totals_share_a_rank(open_round):
    score_all(open_round, {"S2-P1": [5, 5], "S3-P2": [5, 1], "S1-P3": [5, 1]})
    _criteria, rows = ranking(open_round)
    assert [(row.project.code, row.rank, row.total) for row in rows[:4]] == [
        ("S2-P1", 1, Decimal("100.0")),
        ("S1-P3", 2, Decimal("80.0")),  # equal totals: plan order, one rank
        ("S3-P2", 2, Decimal("80.0")),
        ("S1-P1", 4, Decimal("60.0")),
    ]
    assert len(rows) == open_round.projects().count() == 15


def test_a_decided_ranking_is_public_with_its_reasons_and_who_decided(client, open_round, host):
    score_all(open_round, {"S2-P1": [5, 4]})
    assert client.get(open_round.get_absolute_url()).status_code == 404  # still being scored
    assert open_round.get_absolute_url() not in text(client.get("/priorities/"))
    services.round_decide(round_=open_round, user=host)
    page = text(client.get(open_round.get_absolute_url()))
    assert "ตัดสินเมื่อ" in page and host.get_full_name() in page
    first = page.split("<tbody>")[1].split("</tr>")[0]
    assert "S2-P1" in first and "เหตุผล 5" in first and "95.0" in first  # (75×5 + 25×4) / 5
    assert open_round.get_absolute_url() in text(client.get("/priorities/"))


def test_deciding_needs_every_project_scored_and_then_freezes_the_ranking(open_round, host):
    Score.objects.create(
        criterion=open_round.criteria.first(), project=ProjectPage.objects.get(code="S1-P1"), value=4
    )
    with pytest.raises(ValidationError, match="S1-P1"):  # S1-P1 lacks its second criterion
        services.round_decide(round_=open_round, user=host)
    Score.objects.filter(criterion__round=open_round).delete()
    score_all(open_round, {})
    decided = services.round_decide(round_=open_round, user=host)
    assert decided.decided_by == host and decided.decided_at
    with pytest.raises(PermissionDenied):
        services.scores_save(round_=open_round, user=host, entries={})
    with pytest.raises(ValidationError):
        services.round_decide(round_=open_round, user=host)


def test_the_host_unit_scores_on_a_sheet_that_keeps_what_was_typed(client, open_round, host):
    project = ProjectPage.objects.get(code="S1-P1")
    first, second = open_round.criteria.all()
    client.force_login(host)
    sheet = f"/priorities/{open_round.pk}/score/"
    typed = {f"score_{project.pk}_{first.pk}": "๔", f"reason_{project.pk}_{first.pk}": "สอดคล้องกับแผนย่อย 20.1"}
    bad = {**typed, f"score_{project.pk}_{second.pk}": "7", f"reason_{project.pk}_{second.pk}": "พร้อมมาก"}
    response = client.post(sheet, bad)
    assert response.status_code == 400
    page = text(response)
    assert "คะแนนต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง 5" in page
    assert "สอดคล้องกับแผนย่อย 20.1" in page and "พร้อมมาก" in page  # nothing typed is lost
    scores = Score.objects.filter(criterion__round=open_round)
    assert not scores.exists()
    response = client.post(sheet, typed, follow=True)
    assert "บันทึกคะแนนแล้ว" in text(response)
    saved = scores.get()
    assert (saved.project, saved.criterion, saved.value, saved.reason) == (
        project,
        first,
        4,
        typed[f"reason_{project.pk}_{first.pk}"],
    )


def test_only_the_host_unit_scores_and_decides(client, open_round):
    client.force_login(UserFactory(role=Role.STAFF))
    assert client.get(f"/priorities/{open_round.pk}/score/").status_code == 403
    assert client.post(f"/priorities/{open_round.pk}/decide/").status_code == 403
    client.logout()
    assert client.get(f"/priorities/{open_round.pk}/score/").status_code == 302  # sign in first


def test_deciding_from_the_sheet_says_what_is_missing(client, open_round, host):
    client.force_login(host)
    response = client.post(f"/priorities/{open_round.pk}/decide/", follow=True)
    assert "กรุณาให้คะแนนทุกเกณฑ์ของโครงการเหล่านี้ก่อน" in text(response)
    assert not Round.objects.decided().filter(pk=open_round.pk).exists()


def test_each_projects_clinic_questions_are_linked(client, open_round, host):
    score_all(open_round, {})
    services.round_decide(round_=open_round, user=host)
    project = ProjectPage.objects.get(code="S1-P2")
    asker = UserFactory(role=Role.PROJECT_TEAM)
    topic(author=asker, kind=TopicKind.QUESTION, title="คำถามเรื่องงบประมาณโครงการ", projects=[project])
    page = text(client.get(open_round.get_absolute_url()))
    row = next(part for part in page.split("<tr>") if "S1-P2" in part)
    assert "/forums/topics/?project=S1-P2&amp;kind=question" in row


def test_the_dashboard_shows_requested_and_allocated_against_the_rank(client):
    page = text(client.get("/monitoring/?plan=plan&year=2565"))  # the demo's decided FY2565 ranking
    section = page.split('id="priority-heading"')[1].split("</table>")[0]
    ranks = [int(rank) for rank in re.findall(r'<tr><td class="num">(\d+)</td>', section)]
    assert ranks and ranks == sorted(ranks)
    assert "3,500,000" in section and "3,290,000" in section  # S1-P1: requested, allocated in FY2565
    assert "งบประมาณเทียบกับลำดับความสำคัญ" not in text(client.get("/monitoring/?plan=plan&year=2564"))


def test_the_ranking_exports_with_each_score(client):
    decided = Round.objects.decided().get(fiscal_year=2565)
    response = client.get(f"/priorities/{decided.pk}/export.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["ลำดับ", "รหัสโครงการ", "โครงการ"] and len(rows) == 16
    assert rows[1][0] == "1"


def test_the_ranking_costs_the_same_queries_however_many_projects_score(client, open_round, host):
    def queries():
        cache.clear()  # a render from scratch, not the kept ranking
        with CaptureQueriesContext(connection) as captured:
            assert client.get(open_round.get_absolute_url()).status_code == 200
        return len(captured)

    client.force_login(host)
    queries()  # the site's per-process caches warm
    before = queries()
    score_all(open_round, {})  # 15 projects × 2 criteria
    assert queries() == before


def test_the_host_unit_sets_up_a_round_and_its_criteria_in_the_admin(client, host, seed_plan):
    client.force_login(host)
    form = text(client.get("/admin/snippets/priorities/round/add/"))
    assert "ปีงบประมาณ (พ.ศ.)" in form and "น้ำหนัก" in form
    data = {
        "plan": seed_plan.pk,
        "fiscal_year": "2564",
        "note": "",
        "criteria-TOTAL_FORMS": "1",
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "1",
        "criteria-MAX_NUM_FORMS": "1000",
        "criteria-0-name": "ความคุ้มค่า",
        "criteria-0-name_en": "Value for money",
        "criteria-0-description": "",
        "criteria-0-weight": "60",
        "criteria-0-ORDER": "1",
        "criteria-0-id": "",
        "criteria-0-DELETE": "",
    }
    response = client.post("/admin/snippets/priorities/round/add/", data)
    assert response.status_code == 302, text(response)[:2000]
    created = Round.objects.get(plan=seed_plan, fiscal_year=2564)
    assert [(c.name, c.weight) for c in created.criteria.all()] == [("ความคุ้มค่า", 60)]


def test_a_decided_round_cannot_be_changed_in_the_admin(open_round, host):
    score_all(open_round, {})
    services.round_decide(round_=open_round, user=host)
    with pytest.raises(ValidationError):
        Round.objects.get(pk=open_round.pk).full_clean()


def test_a_kept_ranking_shows_a_new_clinic_question_at_once(
    client, open_round, host, django_capture_on_commit_callbacks
):
    score_all(open_round, {})
    services.round_decide(round_=open_round, user=host)
    asked = Topic.objects.filter(kind=TopicKind.QUESTION).values_list("projects", flat=True)
    project = open_round.projects().exclude(pk__in=asked).first()  # one without a clinic question yet
    link = f"/forums/topics/?project={project.code}&amp;kind=question"
    assert link not in text(client.get(open_round.get_absolute_url()))
    with django_capture_on_commit_callbacks(execute=True):
        topic(author=UserFactory(), kind=TopicKind.QUESTION, title="คำถามใหม่", projects=[project])
    assert link in text(client.get(open_round.get_absolute_url()))
