"""Which projects have the knowledge and reports the plan asks for, in a fixed number of queries.

Knowledge activity (manuals and standards in force, cases, answered clinic questions) appears on each
project's dashboard next to its KPI status; the coverage table shows the host unit where something is missing.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from forums.models import Topic, TopicKind, TopicStatus
from knowledge.models import Indicator, ManualPage, StandardPage, UpdatePage

from .models import KpiReport, ReportStatus

REPORTED = (ReportStatus.SUBMITTED, ReportStatus.APPROVED)
CHECKS = {
    "manual": _("Manual in force"),
    "standard": _("Standard in force"),
    "case": _("Best-practice case"),
    "update": _("Recent update"),
    "report": _("KPI report for the quarter"),
}
CHECK_WORDS = {True: _("Present"), False: _("Missing"), None: _("Not applicable")}


@dataclass
class Activity:
    """What a project has shared: counted per project."""

    manuals: int = 0
    standards: int = 0
    cases: int = 0
    answered_questions: int = 0
    recent_updates: int = 0
    kpis: int = 0
    reported_kpis: int = 0


@dataclass
class CoverageRow:
    project: object
    activity: Activity
    checks: dict = field(default_factory=dict)  # check → True, False, or None where it does not apply

    @property
    def gaps(self):
        return sum(1 for held in self.checks.values() if held is False)


def under(paths, projects):
    """For each project, how many of the pages at these paths sit below it in the tree."""
    return count_by_project((p.pk, path) for path in paths for p in projects if path.startswith(p.path))


def published_topics(user):
    return Topic.objects.visible_to(user).filter(status=TopicStatus.PUBLISHED)


def count_by_project(pairs):
    counts = {}
    for project_id, _item in set(pairs):
        counts[project_id] = counts.get(project_id, 0) + 1
    return counts


def activity(projects, *, user, today=None, days=None, quarter=None):
    """An Activity per project id. Recent updates are counted when `days` is given, and reported KPIs when
    `quarter` (fiscal year, quarter) is; the hub needs neither, so it is spared those queries."""
    projects = list(projects)
    ids = [project.pk for project in projects]
    # A standard serves the project it is filed under and every project it names.
    standard_pairs = set()
    for pk, path, linked in StandardPage.objects.current().values_list("pk", "path", "projects"):
        standard_pairs.update((p.pk, pk) for p in projects if path.startswith(p.path) or linked == p.pk)
    topics = published_topics(user).filter(project_links__project__in=ids)
    answered = topics.filter(kind=TopicKind.QUESTION, answered_at__isnull=False)
    counts = {
        "manuals": under(ManualPage.objects.current().values_list("path", flat=True), projects),
        "standards": count_by_project(standard_pairs),
        "cases": count_by_project(
            topics.filter(kind=TopicKind.CASE).values_list("project_links__project", "pk")
        ),
        "answered_questions": count_by_project(answered.values_list("project_links__project", "pk")),
    }
    if days is not None:
        updates = UpdatePage.objects.live().filter(date__gte=today - timedelta(days=days), projects__in=ids)
        counts["recent_updates"] = count_by_project(updates.values_list("projects", "pk"))
    if quarter is not None:
        reported = KpiReport.objects.filter(
            indicator__project__in=ids, fiscal_year=quarter[0], quarter=quarter[1], status__in=REPORTED
        )
        kpis = Indicator.objects.filter(project__in=ids)
        counts["kpis"] = count_by_project(kpis.values_list("project", "pk"))
        counts["reported_kpis"] = count_by_project(reported.values_list("indicator__project", "indicator"))
    return {pk: Activity(**{name: values.get(pk, 0) for name, values in counts.items()}) for pk in ids}


def coverage(projects, **kwargs):
    """A CoverageRow per project: which of CHECKS it meets."""
    projects = list(projects)
    activities = activity(projects, **kwargs)
    rows = []
    for project in projects:
        found = activities[project.pk]
        checks = {
            "manual": found.manuals > 0,
            "standard": found.standards > 0,
            "case": found.cases > 0,
            "update": found.recent_updates > 0,
            "report": found.reported_kpis >= found.kpis if found.kpis else None,
        }
        rows.append(CoverageRow(project, found, checks))
    return rows
