"""A round's ranking, read in a fixed number of queries however many projects and criteria it has.

Each criterion is scored 0–5; a project's total is the weighted share of the top score, 0–100 points.
Equal totals share a rank (1, 2, 2, 4), listed in plan order.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Prefetch

from forums.models import Topic, TopicKind
from knowledge.models import ProjectAgency, ProjectBudget

from .models import TOP_SCORE, Score


@dataclass
class Ranked:
    """A project's place in a round: its scores (criterion id → Score), total, rank and budget."""

    project: object
    scores: dict
    total: Decimal | None  # None until every criterion is scored
    budget: ProjectBudget | None
    questions: int = 0
    rank: int | None = None
    cells: list = field(default_factory=list)  # [(criterion, Score or None)] in criterion order

    @property
    def requested(self):
        return self.budget.planned if self.budget else None

    @property
    def allocated(self):
        return self.budget.allocated if self.budget else None

    @property
    def allocated_share(self):
        """Allocated as a percentage of what was requested."""
        return self.allocated * 100 / self.requested if self.budget and self.requested else None


def total(criteria, scores):
    """The weighted share of the top score (0–100), or None while a criterion is unscored."""
    if not criteria or any(criterion.pk not in scores for criterion in criteria):
        return None
    weights = sum(criterion.weight for criterion in criteria)
    points = sum(criterion.weight * scores[criterion.pk].value for criterion in criteria)
    return (Decimal(points * 100) / (weights * TOP_SCORE)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def ranking(round_, details=True):
    """Every project of the round, ranked (unscored ones last, without a rank); `details` adds each
    project's agencies and clinic questions (the dashboard's summary needs neither)."""
    criteria = list(round_.criteria.all())
    year_budget = Prefetch(
        "budgets", ProjectBudget.objects.filter(fiscal_year=round_.fiscal_year), "year_budget"
    )
    agencies = Prefetch("project_agencies", ProjectAgency.objects.select_related("agency"))
    projects = list(round_.projects().prefetch_related(year_budget, *([agencies] if details else [])))
    scores = {}
    for score in Score.objects.filter(criterion__round=round_, project__in=projects):
        scores.setdefault(score.project_id, {})[score.criterion_id] = score
    questions = clinic_questions(projects) if details else {}
    rows = []
    for project in projects:
        own = scores.get(project.pk, {})
        row = Ranked(
            project=project,
            scores=own,
            total=total(criteria, own),
            budget=next(iter(project.year_budget), None),
            questions=questions.get(project.pk, 0),
            cells=[(criterion, own.get(criterion.pk)) for criterion in criteria],
        )
        rows.append(row)
    return criteria, ranked(rows)


def decided_ranking(plan, fiscal_year):
    """The decided round of a plan's budget year with its ranked rows, or None."""
    from .models import Round

    round_ = Round.objects.decided().filter(plan=plan, fiscal_year=fiscal_year).first() if plan else None
    if round_ is None:
        return None
    _criteria, rows = ranking(round_, details=False)
    return {"round": round_, "rows": rows}


def ranked(rows):
    """The rows by total, highest first (plan order among equals); equal totals share a rank."""
    scored = sorted((r for r in rows if r.total is not None), key=lambda r: -r.total)
    for place, row in enumerate(scored, start=1):
        row.rank = scored[place - 2].rank if place > 1 and scored[place - 2].total == row.total else place
    return scored + [row for row in rows if row.total is None]


def clinic_questions(projects):
    """How many public clinic questions each project has: project id → count (one query)."""
    counted = (
        Topic.objects.public()
        .filter(kind=TopicKind.QUESTION, projects__in=projects)
        .values("projects")
        .annotate(n=Count("pk", distinct=True))
    )
    return {row["projects"]: row["n"] for row in counted}
