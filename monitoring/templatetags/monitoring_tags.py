"""The project hub's results section, and small helpers for the monitoring templates."""

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from knowledge.dependencies import depends_on

from ..charts import BarChart
from ..coverage import activity
from ..dashboard import kpi_histories, results
from ..fiscal import default_year

register = template.Library()


@register.inclusion_tag("monitoring/includes/project_results.html", takes_context=True)
def project_results(context, project):
    """KPI status and knowledge activity side by side, each KPI's chart, and the budget by year."""
    # Its manuals are its children; standards filed elsewhere may name it.
    depends_on(
        f"results:{project.pk}", f"exchange:{project.pk}", f"children:{project.path}", "kind:standardpage"
    )
    today = timezone.localdate()
    year = default_year(project.fiscal_years, today)
    (result,) = results([project], year)
    found = activity([project], user=context["request"].user)
    indicators = [kpi.indicator for kpi in result.kpis]
    return {
        "year": year,
        "result": result,
        "activity": found[project.pk],
        "charts": kpi_histories(indicators, project.fiscal_years),
    }


@register.inclusion_tag("monitoring/includes/bar_chart.html")
def budget_chart(budgets):
    """A project's budget by fiscal year as disbursement bars."""
    rows = [(_("FY %(year)s") % {"year": b.fiscal_year}, b.allocated, b.disbursed) for b in budgets]
    return {
        "chart": BarChart(rows),
        "chart_id": "budget-years",
        "caption": _("Budget disbursed by fiscal year"),
    }


@register.simple_tag
def coverage_mark(held):
    """✓ / ✗ / – with words for screen readers."""

    marks = {
        True: ("ok", "✓", _("Yes")),
        False: ("gap", "✗", _("Missing")),
        None: ("na", "–", _("Not applicable")),
    }
    kind, symbol, words = marks[held]
    return format_html(
        '<span class="mark mark--{}"><span aria-hidden="true">{}</span> {}</span>', kind, symbol, words
    )


@register.filter
def get_item(mapping, key):
    return mapping.get(key)
