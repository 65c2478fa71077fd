"""Monitoring and evaluation: public dashboards, reporting for project teams, review and coverage."""

from django.urls import path

from .views import coverage, dashboards, exports, reporting

app_name = "monitoring"

urlpatterns = [
    path("", dashboards.PlanDashboardView.as_view(), name="plan"),
    path("agencies/<slug:code>/", dashboards.AgencyDashboardView.as_view(), name="agency"),
    path("kpis/<int:pk>/", dashboards.IndicatorView.as_view(), name="indicator"),
    path("reports/", reporting.MyReportsView.as_view(), name="my_reports"),
    path("kpis/<int:pk>/<be_year:year>/q<int:quarter>/", reporting.ReportView.as_view(), name="report"),
    path("reports/<int:pk>/evidence/", reporting.evidence, name="evidence"),
    path("review/", reporting.ReviewQueueView.as_view(), name="review_queue"),
    path("review/<int:pk>/", reporting.ReviewView.as_view(), name="review"),
    path("coverage/", coverage.CoverageView.as_view(), name="coverage"),
    path("export/coverage.<slug:fmt>", exports.export_coverage, name="export_coverage"),
    path("export/<slug:table>.<slug:fmt>", exports.export, name="export"),
]
