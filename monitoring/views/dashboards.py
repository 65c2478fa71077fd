"""Public, read-only dashboards: the plan by strategy, an agency's projects, and one KPI over time."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import TemplateView

from knowledge.models import Agency, Indicator
from knowledge.roles import moderates
from knowledge.thaidate import fold_thai_digits

from ..charts import BarChart
from ..dashboard import Totals, by_strategy, kpi_histories, plan_years, project_queryset, results
from ..fiscal import default_year
from ..rules import can_report


def chosen_year(request, years):
    """The ?year= the reader picked (Thai digits welcome), if the plan runs that year; else the default."""
    picked = fold_thai_digits(request.GET.get("year", ""))
    if picked.isdigit() and int(picked) in years:
        return int(picked)
    return default_year(years, timezone.localdate())


class YearDashboardView(TemplateView):
    """A dashboard of some projects in one fiscal year, with a year picker."""

    def projects(self):
        return project_queryset()

    def get_context_data(self, **kwargs):
        years = plan_years()
        year = chosen_year(self.request, years)
        project_results = results(self.projects(), year)
        return super().get_context_data(
            years=years,
            year=year,
            project_results=project_results,
            totals=Totals(project_results),
            moderator=moderates(self.request.user),
            **kwargs,
        )


class PlanDashboardView(YearDashboardView):
    """Per strategy: projects by status, KPIs on track, budget disbursed."""

    template_name = "monitoring/plan_dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        strategies = by_strategy(context["project_results"])
        rows = [(s.strategy.display_title, s.allocated, s.disbursed) for s in strategies]
        return {
            **context,
            "strategies": strategies,
            "chart": BarChart(rows),
            "agencies": Agency.objects.all(),
        }


class AgencyDashboardView(YearDashboardView):
    """The projects an agency leads or partners in."""

    template_name = "monitoring/agency_dashboard.html"

    def projects(self):
        return project_queryset().for_agency(self.agency)

    def get_context_data(self, **kwargs):
        self.agency = get_object_or_404(Agency, code=self.kwargs["code"])
        context = super().get_context_data(agency=self.agency, **kwargs)
        rows = [
            (r.project.code, r.budget.allocated if r.budget else 0, r.budget.disbursed if r.budget else 0)
            for r in context["project_results"]
        ]
        return {**context, "chart": BarChart(rows)}


class IndicatorView(TemplateView):
    """One KPI: its chart and table over every quarter; the report history for those who report or review."""

    template_name = "monitoring/indicator.html"

    def get_context_data(self, **kwargs):
        indicator = get_object_or_404(
            Indicator.objects.select_related("project").prefetch_related("targets"), pk=self.kwargs["pk"]
        )
        project = indicator.project.specific
        insider = can_report(self.request.user, indicator)
        if not (project.live or insider):
            raise Http404
        (kpi,) = kpi_histories([indicator], project.fiscal_years)
        history = indicator.reports.prefetch_related("events__actor") if insider else []
        return super().get_context_data(
            indicator=indicator,
            project=project,
            chart=kpi.chart,
            rows=kpi.rows,
            history=history,
            can_report=insider,
            **kwargs,
        )
