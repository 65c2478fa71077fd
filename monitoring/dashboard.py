"""What the dashboards show, gathered in a fixed number of queries however many projects, KPIs and quarters.

`results(projects, fiscal_year)` reads the projects' KPIs, targets, approved reports and budgets in one query
each, and computes every KPI's status in Python (monitoring.status), so the plan dashboard costs the same for
three projects or three hundred.
"""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from knowledge.models import (
    Indicator,
    IndicatorDirection,
    ProjectAgency,
    ProjectBudget,
    ProjectPage,
    ProjectStatus,
    StrategyPage,
)

from .charts import KpiChart
from .models import KpiReport
from .status import KpiStatus, Reading, kpi_status


@dataclass
class KpiResult:
    """A KPI in one fiscal year: its approved values by quarter, its target and its status."""

    indicator: Indicator
    fiscal_year: int
    values: dict = field(default_factory=dict)  # quarter → approved value
    target: Decimal | None = None

    @property
    def latest_quarter(self):
        return max(self.values, default=None)

    @property
    def latest_value(self):
        return self.values.get(self.latest_quarter)

    @property
    def status(self):
        return kpi_status(
            Reading(
                value=self.latest_value,
                quarter=self.latest_quarter,
                target=self.target,
                baseline=self.indicator.baseline,
                decreasing=self.indicator.direction == IndicatorDirection.DECREASE,
            )
        )


@dataclass
class ProjectResult:
    """A project's KPIs and budget in one fiscal year."""

    project: ProjectPage
    kpis: list
    budget: ProjectBudget | None

    @property
    def kpi_statuses(self):
        return status_counts(kpi.status for kpi in self.kpis)


@dataclass
class Totals:
    """Sums over a group of projects (a strategy, an agency, the plan)."""

    projects: list

    @property
    def project_statuses(self):
        counts = Counter(result.project.status for result in self.projects)
        return [(status, label, counts[status]) for status, label in ProjectStatus.choices]

    @property
    def kpi_statuses(self):
        return status_counts(kpi.status for result in self.projects for kpi in result.kpis)

    @property
    def kpi_count(self):
        return sum(len(result.kpis) for result in self.projects)

    @property
    def on_track(self):
        return sum(1 for result in self.projects for kpi in result.kpis if kpi.status == KpiStatus.ON_TRACK)

    @property
    def allocated(self):
        return sum((r.budget.allocated for r in self.projects if r.budget), Decimal(0))

    @property
    def disbursed(self):
        return sum((r.budget.disbursed for r in self.projects if r.budget), Decimal(0))

    @property
    def disbursement_rate(self):
        return self.disbursed * 100 / self.allocated if self.allocated else None


@dataclass
class StrategyResult(Totals):
    strategy: StrategyPage = None


def status_counts(statuses):
    counts = Counter(statuses)
    return [(status, label, counts[status]) for status, label in KpiStatus.choices]


def target_for(indicator, fiscal_year):
    """The KPI's target for a fiscal year, from its (prefetched) targets."""
    return next((t.value for t in indicator.targets.all() if t.fiscal_year == fiscal_year), None)


def project_queryset(plan=None):
    """Live projects (of one plan, if given) in plan order, each with its agencies (lead first)."""
    projects = ProjectPage.objects.live()
    if plan:
        projects = projects.descendant_of(plan)
    return projects.order_by("path").prefetch_related(
        Prefetch("project_agencies", queryset=ProjectAgency.objects.select_related("agency"))
    )


def results(projects, fiscal_year):
    """A ProjectResult per project for the fiscal year: four queries, whatever the number of projects."""
    projects = list(projects)
    indicators = Indicator.objects.filter(project__in=projects).prefetch_related("targets")
    kpis = {}
    for indicator in indicators:
        kpis.setdefault(indicator.project_id, []).append(
            KpiResult(indicator, fiscal_year, target=target_for(indicator, fiscal_year))
        )
    by_indicator = {kpi.indicator.pk: kpi for group in kpis.values() for kpi in group}
    reports = KpiReport.objects.approved().for_year(fiscal_year).filter(indicator__in=list(by_indicator))
    for indicator_id, quarter, value in reports.values_list("indicator_id", "quarter", "value"):
        by_indicator[indicator_id].values[quarter] = value
    budgets = {
        budget.project_id: budget
        for budget in ProjectBudget.objects.filter(project__in=projects, fiscal_year=fiscal_year)
    }
    return [ProjectResult(p, kpis.get(p.pk, []), budgets.get(p.pk)) for p in projects]


def kpi_result(indicator, fiscal_year):
    """One KPI's result for a fiscal year (targets prefetched or not)."""
    target = target_for(indicator, fiscal_year)
    values = dict(indicator.reports.approved().for_year(fiscal_year).values_list("quarter", "value"))
    return KpiResult(indicator, fiscal_year, values, target)


def by_strategy(project_results):
    """Group project results under their strategies, in plan order."""
    strategies = StrategyPage.objects.live().order_by("path")
    grouped = []
    for strategy in strategies:
        inside = [r for r in project_results if r.project.path.startswith(strategy.path)]
        if inside:
            grouped.append(StrategyResult(projects=inside, strategy=strategy))
    return grouped


def plan_years(projects=None):
    """The fiscal years any of these projects (every live one by default) runs in, oldest first."""
    years = set()
    projects = ProjectPage.objects.live() if projects is None else projects
    for first, last in projects.values_list("first_fiscal_year", "last_fiscal_year"):
        years.update(range(first, last + 1))
    return sorted(years)


def approved_values(indicators):
    """Every approved value of these KPIs: {indicator id: {(fiscal year, quarter): value}}, one query."""
    values = {indicator.pk: {} for indicator in indicators}
    reports = KpiReport.objects.approved().filter(indicator__in=list(values))
    for indicator_id, year, quarter, value in reports.values_list(
        "indicator", "fiscal_year", "quarter", "value"
    ):
        values[indicator_id][(year, quarter)] = value
    return values


@dataclass
class KpiHistory:
    """A KPI over every quarter of its project's years: the chart and the table beside it."""

    indicator: Indicator
    years: list
    values: dict  # (fiscal year, quarter) → approved value

    @property
    def targets(self):
        return {target.fiscal_year: target.value for target in self.indicator.targets.all()}

    @property
    def chart(self):
        return KpiChart(
            years=self.years, values=self.values, targets=self.targets, baseline=self.indicator.baseline
        )

    @property
    def rows(self):
        """Per quarter: the approved value, the year's target and the status the rule gave at that quarter."""
        rows, targets = [], self.targets
        for year in self.years:
            for quarter in (1, 2, 3, 4):
                kpi = KpiResult(self.indicator, year, target=targets.get(year))
                if (value := self.values.get((year, quarter))) is not None:
                    kpi.values[quarter] = value
                rows.append(
                    {
                        "year": year,
                        "quarter": quarter,
                        "value": value,
                        "target": kpi.target,
                        "status": kpi.status,
                    }
                )
        return rows


def kpi_histories(indicators, years):
    values = approved_values(indicators)
    return [KpiHistory(indicator, years, values[indicator.pk]) for indicator in indicators]
