"""Public, read-only dashboards: the plan by strategy, an agency's projects, and one KPI over time."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.generic import TemplateView

from knowledge import page_cache
from knowledge.dependencies import depends_on
from knowledge.models import Agency, Indicator
from knowledge.plans import chosen_plan
from knowledge.roles import moderates
from knowledge.thaidate import fold_thai_digits
from priorities.ranking import decided_ranking

from ..charts import BarChart
from ..dashboard import Totals, by_strategy, kpi_histories, plan_years, project_queryset, results
from ..fiscal import default_year
from ..rules import can_report

DASHBOARD_SECONDS = 600


def chosen_year(request, years):
    """The ?year= the reader picked (Thai digits welcome), if the plan runs that year; else the default."""
    picked = fold_thai_digits(request.GET.get("year", ""))
    if picked.isdigit() and int(picked) in years:
        return int(picked)
    return default_year(years, timezone.localdate())


class YearDashboardView(TemplateView):
    """A dashboard of some projects of one plan (the current one unless ?plan= picks another) in one
    fiscal year, with a plan and a year picker.

    The body is the same for every reader, so it is rendered once (knowledge.page_cache.fragment) until
    a KPI, a report, a project or an agency changes.
    """

    body_template = None

    def projects(self):
        return project_queryset(self.choice.plan)

    def body_key(self, year):
        return [self.choice.plan.pk if self.choice.plan else 0, year]

    def body_context(self, year):
        project_results = results(self.projects(), year)
        return {
            "year": year,
            "choice": self.choice,
            "project_results": project_results,
            "totals": Totals(project_results),
        }

    # KPIs and reports, projects and their budgets, strategies, agencies.
    dependencies = (
        "results",
        "kind:projectpage",
        "kind:strategypage",
        "kind:planpage",
        "reference",
        "priorities",
    )

    def get(self, request, *args, **kwargs):
        return page_cache.complete(super().get(request, *args, **kwargs).render())

    def get_context_data(self, **kwargs):
        depends_on(*self.dependencies)
        self.choice = chosen_plan(self.request)
        years = plan_years(self.projects())
        year = chosen_year(self.request, years)
        body = page_cache.fragment(
            self.body_template,
            self.body_key(year),
            lambda: render_to_string(self.body_template, self.body_context(year)),
            names=self.dependencies,
            seconds=DASHBOARD_SECONDS,
        )
        return super().get_context_data(
            years=years,
            year=year,
            body=body,
            choice=self.choice,
            moderator=moderates(self.request.user),
            **kwargs,
        )


class PlanDashboardView(YearDashboardView):
    """Per strategy: projects by status, KPIs on track, budget disbursed."""

    template_name = "monitoring/plan_dashboard.html"
    body_template = "monitoring/includes/plan_body.html"

    def body_context(self, year):
        context = super().body_context(year)
        strategies = by_strategy(context["project_results"])
        rows = [(s.strategy.display_title, s.allocated, s.disbursed) for s in strategies]
        return {
            **context,
            "strategies": strategies,
            "chart": BarChart(rows),
            "agencies": Agency.objects.all(),
            "priority": decided_ranking(self.choice.plan, year),
        }


class AgencyDashboardView(YearDashboardView):
    """The projects an agency leads or partners in."""

    template_name = "monitoring/agency_dashboard.html"
    body_template = "monitoring/includes/agency_body.html"

    def dispatch(self, request, *args, **kwargs):
        self.agency = get_object_or_404(Agency, code=kwargs["code"])
        return super().dispatch(request, *args, **kwargs)

    def projects(self):
        return super().projects().for_agency(self.agency)

    def body_key(self, year):
        return [self.agency.pk, *super().body_key(year)]

    def body_context(self, year):
        context = super().body_context(year)
        rows = [
            (r.project.code, r.budget.allocated if r.budget else 0, r.budget.disbursed if r.budget else 0)
            for r in context["project_results"]
        ]
        return {**context, "agency": self.agency, "chart": BarChart(rows)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(agency=self.agency, **kwargs)


class IndicatorView(TemplateView):
    """One KPI: its chart and table over every quarter; the report history for those who report or review."""

    template_name = "monitoring/indicator.html"

    def get_context_data(self, **kwargs):
        indicator = get_object_or_404(
            Indicator.objects.select_related("project").prefetch_related("targets"), pk=self.kwargs["pk"]
        )
        project = indicator.project
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
