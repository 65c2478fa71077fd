"""Reporting for project teams (a quarter's value with a note and evidence) and review for the host unit."""

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from knowledge.models import Indicator, ProjectPage
from knowledge.roles import moderates, moderator_only

from .. import services
from ..dashboard import plan_years
from ..fiscal import has_started, report_deadline
from ..forms import ReportForm, ReviewForm
from ..models import KpiReport, ReportStatus
from ..rules import can_report
from .dashboards import chosen_year


def reportable_projects(user):
    """The projects a user reports for: their teams' (a moderator may report for any)."""
    projects = ProjectPage.objects.live().order_by("path")
    return projects if moderates(user) else projects.filter(team_members__user=user)


@method_decorator(login_required, name="dispatch")
class MyReportsView(TemplateView):
    """Each KPI of the user's projects by quarter of the chosen year: reported, waiting, returned or due."""

    template_name = "monitoring/my_reports.html"

    def get_context_data(self, **kwargs):
        reportable = reportable_projects(self.request.user)
        years = plan_years(reportable)  # the years of the user's own projects, in whichever plan
        year = chosen_year(self.request, years)
        projects = list(reportable)
        indicators = list(
            Indicator.objects.filter(project__in=projects).select_related("project").order_by("code")
        )
        reports = {
            (r.indicator_id, r.quarter): r
            for r in KpiReport.objects.filter(indicator__in=indicators, fiscal_year=year)
        }
        today = timezone.localdate()
        for indicator in indicators:
            indicator.cells = [
                {
                    "quarter": quarter,
                    "report": reports.get((indicator.pk, quarter)),
                    "in_project": year in indicator.project.fiscal_years,
                    "open": has_started(year, quarter, today),
                    "deadline": report_deadline(year, quarter),
                }
                for quarter in (1, 2, 3, 4)
            ]
        return super().get_context_data(
            years=years,
            year=year,
            indicators=indicators,
            waiting=KpiReport.objects.filter(status=ReportStatus.SUBMITTED).count()
            if moderates(self.request.user)
            else None,
            **kwargs,
        )


@method_decorator(login_required, name="dispatch")
class ReportView(FormView):
    """Report (or correct and resubmit) one KPI's value for one quarter."""

    template_name = "monitoring/report_form.html"
    form_class = ReportForm

    def dispatch(self, request, *args, **kwargs):
        self.indicator = get_object_or_404(Indicator.objects.select_related("project"), pk=kwargs["pk"])
        self.year, self.quarter = kwargs["year"], kwargs["quarter"]
        project = self.indicator.project
        if self.year not in project.fiscal_years or self.quarter not in (1, 2, 3, 4):
            raise Http404
        if request.user.is_authenticated and not can_report(request.user, self.indicator):
            raise PermissionDenied
        self.report = self.indicator.reports.filter(fiscal_year=self.year, quarter=self.quarter).first()
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.report}

    def form_valid(self, form):
        try:
            services.report_submit(
                indicator=self.indicator,
                fiscal_year=self.year,
                quarter=self.quarter,
                value=form.cleaned_data["value"],
                note=form.cleaned_data["note"],
                evidence=form.cleaned_data.get("evidence"),
                user=self.request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Report sent to the host unit for approval."))
        return redirect(reverse("monitoring:my_reports") + f"?year={self.year}")

    def get_context_data(self, **kwargs):
        locked = self.report is not None and self.report.status == ReportStatus.APPROVED
        return super().get_context_data(
            indicator=self.indicator,
            year=self.year,
            quarter=self.quarter,
            report=self.report,
            locked=locked,
            deadline=report_deadline(self.year, self.quarter),
            events=self.report.events.select_related("actor") if self.report else [],
            **kwargs,
        )


@method_decorator(moderator_only, name="dispatch")
class ReviewQueueView(TemplateView):
    """Reports waiting for the host unit, oldest first."""

    template_name = "monitoring/review_queue.html"

    def get_context_data(self, **kwargs):
        reports = (
            KpiReport.objects.filter(status=ReportStatus.SUBMITTED)
            .select_related("indicator__project", "reported_by")
            .order_by("submitted_at", "pk")
        )
        return super().get_context_data(reports=reports, **kwargs)


@method_decorator(moderator_only, name="dispatch")
class ReviewView(FormView):
    """Approve a submitted report, or return it with a comment; the team sees the comment on its form."""

    template_name = "monitoring/review_form.html"
    form_class = ReviewForm

    def dispatch(self, request, *args, **kwargs):
        self.report = get_object_or_404(
            KpiReport.objects.select_related("indicator__project", "reported_by"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        approve = form.cleaned_data["decision"] == "approve"
        try:
            services.report_review(
                report=self.report,
                user=self.request.user,
                approve=approve,
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        done = _("Report approved.") if approve else _("Report returned to the project team.")
        messages.success(self.request, done)
        return redirect("monitoring:review_queue")

    def get_context_data(self, **kwargs):
        report = self.report
        earlier = Q(fiscal_year__lt=report.fiscal_year) | Q(
            fiscal_year=report.fiscal_year, quarter__lt=report.quarter
        )
        previous = (
            report.indicator.reports.approved().filter(earlier).order_by("-fiscal_year", "-quarter").first()
        )
        target = report.indicator.targets.filter(fiscal_year=report.fiscal_year).first()
        return super().get_context_data(
            report=report,
            previous=previous,
            target=target.value if target else None,
            events=report.events.select_related("actor"),
            **kwargs,
        )


@login_required
def evidence(request, pk):
    """A report's evidence file, for the project's team and the host unit only (404 for everyone else)."""
    report = get_object_or_404(KpiReport.objects.select_related("indicator"), pk=pk)
    if not report.evidence or not can_report(request.user, report.indicator):
        raise Http404
    return FileResponse(
        report.evidence.open("rb"), as_attachment=True, filename=Path(report.evidence.name).name
    )
