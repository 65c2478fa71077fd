"""KPI values and statuses, budgets and coverage as CSV or XLSX (knowledge.spreadsheets)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from knowledge.roles import moderates
from knowledge.spreadsheets import table_response

from ..coverage import CHECKS
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


def coverage_export(request):
    if not moderates(request.user):
        raise PermissionDenied
    table = coverage_table(request)
    yes, no, not_applicable = _("Yes"), _("No"), _("Not applicable")
    header = [_("Project code"), _("Project"), _("Lead agency"), *CHECKS.values(), _("Gaps")]
    rows = [
        [
            row.project.code,
            row.project.display_title,
            lead_agency(row.project),
            *({True: yes, False: no, None: not_applicable}[row.checks[check]] for check in CHECKS),
            row.gaps,
        ]
        for row in table["rows"]
    ]
    return header, rows


def export(request, table, fmt):
    """/monitoring/export/<table>.<csv|xlsx>: the dashboards' year (?year=) unless the table is coverage."""
    if fmt not in ("csv", "xlsx"):
        raise Http404
    if table == "coverage":
        header, rows = coverage_export(request)
        name = f"coverage-{timezone.localdate().isoformat()}"
    elif table in ("kpis", "budgets"):
        year = chosen_year(request, plan_years())
        project_results = results(project_queryset(), year)
        header, rows = (kpi_table if table == "kpis" else budget_table)(project_results)
        name = f"{table}-{year}"
    else:
        raise Http404
    return table_response(name, fmt, [str(title) for title in header], rows)
