"""The host unit's coverage table: which projects lack a manual, a standard, a case, an update or a report."""

from django.conf import settings
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from knowledge.plans import chosen_plan
from knowledge.roles import moderator_only
from knowledge.thaidate import fold_thai_digits

from ..coverage import CHECKS, coverage
from ..dashboard import plan_years, project_queryset
from ..fiscal import last_closed_quarter

COLUMNS = [("project", _("Project")), ("agency", _("Lead agency")), *CHECKS.items(), ("gaps", _("Gaps"))]
SORTS = {
    "project": lambda row: row.project.code,
    "agency": lambda row: lead_agency(row.project),
    "gaps": lambda row: row.gaps,
    **{check: (lambda row, check=check: row.checks[check] is not False) for check in CHECKS},
}


def lead_agency(project):
    roles = project.project_agencies.all()
    return roles[0].agency.display_abbreviation if roles else ""


def positive_int(text, default):
    text = fold_thai_digits(text or "")
    return int(text) if text.isdigit() and int(text) > 0 else default


def coverage_table(request):
    """The rows, sorted as asked, and the parameters they were built with."""
    today = timezone.localdate()
    days = positive_int(request.GET.get("days"), settings.MONITORING_COVERAGE_DAYS)
    choice = chosen_plan(request)
    projects = project_queryset(choice.plan)
    years = plan_years(projects)
    quarter = last_closed_quarter(today, until=(years[-1], 4) if years else None)
    rows = coverage(projects, user=request.user, today=today, days=days, quarter=quarter)
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "gaps"
    descending = request.GET.get("dir", "desc" if sort == "gaps" else "asc") == "desc"
    rows.sort(key=SORTS[sort], reverse=descending)
    return {
        "rows": rows,
        "days": days,
        "quarter": quarter,
        "sort": sort,
        "descending": descending,
        "choice": choice,
    }


@method_decorator(moderator_only, name="dispatch")
class CoverageView(TemplateView):
    template_name = "monitoring/coverage.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **coverage_table(self.request), columns=COLUMNS, checks=CHECKS, **kwargs
        )
