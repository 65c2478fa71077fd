"""KPI values and statuses, budgets and coverage as CSV or XLSX (knowledge.spreadsheets)."""

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from knowledge.plans import chosen_plan
from knowledge.roles import moderator_only
from knowledge.spreadsheets import FORMATS, table_response

from ..coverage import CHECK_WORDS, CHECKS
from ..dashboard import by_strategy, plan_years, project_queryset, results
from .coverage import coverage_table, lead_agency
from .dashboards import chosen_year


def kpi_table(project_results):
    header = [
        _("KPI code"),
        _("KPI"),
        _("Project"),
        _("Unit"),
        _("Direction"),
        _("Baseline"),
        _("Fiscal year"),
        _("Target"),
        "Q1",
        "Q2",
        "Q3",
        "Q4",
        _("Status"),
    ]
    rows = [
        [
            kpi.indicator.code,
            kpi.indicator.display_name,
            result.project.code,
            kpi.indicator.display_unit,
            kpi.indicator.get_direction_display(),
            kpi.indicator.baseline,
            kpi.fiscal_year,
            kpi.target,
            *(kpi.values.get(quarter) for quarter in (1, 2, 3, 4)),
            str(kpi.status.label),
        ]
        for result in project_results
        for kpi in result.kpis
    ]
    return header, rows


def budget_table(project_results):
    header = [
        _("Strategy"),
        _("Project code"),
        _("Project"),
        _("Lead agency"),
        _("Fiscal year"),
        _("Planned (THB)"),
        _("Allocated (THB)"),
        _("Disbursed (THB)"),
        _("Disbursement rate (%)"),
    ]
    rows = []
    for strategy in by_strategy(project_results):
        for result in strategy.projects:
            budget = result.budget
            rate = budget.disbursement_rate if budget else None
            rows.append(
                [
                    strategy.strategy.code,
                    result.project.code,
                    result.project.display_title,
                    lead_agency(result.project),
                    budget.fiscal_year if budget else None,
                    budget.planned if budget else None,
                    budget.allocated if budget else None,
                    budget.disbursed if budget else None,
                    round(rate, 2) if rate is not None else None,
                ]
            )
    return header, rows


@moderator_only
def export_coverage(request, fmt):
    """The coverage table as the host unit sees it (same ?days= and ?sort=)."""
    if fmt not in FORMATS:
        raise Http404
    header = [_("Project code"), _("Project"), _("Lead agency"), *CHECKS.values(), _("Gaps")]
    rows = [
        [
            row.project.code,
            row.project.display_title,
            lead_agency(row.project),
            *(CHECK_WORDS[row.checks[check]] for check in CHECKS),
            row.gaps,
        ]
        for row in coverage_table(request)["rows"]
    ]
    name = f"coverage-{timezone.localdate().isoformat()}"
    return table_response(name, fmt, header, rows)


def export(request, table, fmt):
    """/monitoring/export/<kpis|budgets>.<csv|xlsx> for the dashboards' plan (?plan=) and year (?year=)."""
    tables = {"kpis": kpi_table, "budgets": budget_table}
    if fmt not in FORMATS or table not in tables:
        raise Http404
    plan = chosen_plan(request).plan
    projects = project_queryset(plan)
    year = chosen_year(request, plan_years(projects))
    header, rows = tables[table](results(projects, year))
    prefix = f"{plan.slug}-" if plan else ""
    return table_response(f"{prefix}{table}-{year}", fmt, header, rows)
