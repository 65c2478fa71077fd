"""The changes webhooks announce, and what each tells (the API's own shapes, api.views)."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.urls import reverse
from wagtail.models import Page
from wagtail.signals import page_published

from knowledge.models import ProjectPage, UpdatePage
from knowledge.models.library import EditionPage, EditionStatus
from monitoring.dashboard import kpi_result
from monitoring.models import KpiReport, ReportEvent, ReportStatus

from . import views
from .delivery import announce
from .models import Event


def is_public(page):
    """Announced only what an anonymous visitor may see, as the API lists."""
    return Page.objects.live().public().filter(pk=page.pk).exists()


@receiver(post_save, sender=ReportEvent, dispatch_uid="api.kpi_report_approved")
def kpi_report_approved(sender, instance, created, raw=False, **kwargs):
    """The approval is the report's history line "approved" (monitoring.services.report_review)."""
    if raw or not created or instance.status != ReportStatus.APPROVED:
        return
    report = KpiReport.objects.select_related("indicator").get(pk=instance.report_id)  # the value as stored
    indicator = report.indicator
    project = ProjectPage.objects.get(pk=indicator.project_id)
    if not is_public(project):
        return
    result = kpi_result(indicator, report.fiscal_year)
    announce(
        Event.KPI_REPORT_APPROVED,
        {
            "kpi": indicator.code,
            "project": project.code,
            "fiscal_year": report.fiscal_year,
            "quarter": report.quarter,
            "value": report.value,
            "approved_at": instance.created_at,
            "kpi_status": result.status,
            "url": views.absolute(reverse("monitoring:indicator", args=[indicator.pk])),
        },
    )


@receiver(page_published, dispatch_uid="api.page_published")
def page_announced(sender, instance, **kwargs):
    if (
        isinstance(instance, EditionPage)
        and instance.status == EditionStatus.IN_FORCE
        and is_public(instance)
    ):
        page = type(instance).objects.with_superseded().get(pk=instance.pk)
        kind = next(kind for kind, model in views.DOCUMENT_KINDS.items() if isinstance(page, model))
        announce(Event.EDITION_IN_FORCE, views.document_item(kind, page))
    elif isinstance(instance, UpdatePage) and is_public(instance):
        announce(Event.UPDATE_PUBLISHED, views.update_item(instance))
