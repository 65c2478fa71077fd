"""The quarterly report workflow: submit (or resubmit), then approve or return with a comment.

Every step is recorded as a ReportEvent, so the history shows who did what, when, and with which value.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import KpiReport, ReportEvent, ReportStatus
from .rules import can_report, can_review


@transaction.atomic
def report_submit(*, indicator, fiscal_year, quarter, value, user, note="", evidence=None):
    """Report (or correct and resubmit) a quarter's value; an approved value can no longer change."""
    if not can_report(user, indicator):
        raise PermissionDenied(_("Only the project's team reports its KPIs."))
    report, _created = KpiReport.objects.select_for_update().get_or_create(
        indicator=indicator,
        fiscal_year=fiscal_year,
        quarter=quarter,
        defaults={"value": value, "reported_by": user},
    )
    if report.status == ReportStatus.APPROVED:
        raise ValidationError(_("This quarter's value is already approved."))
    report.value, report.note, report.reported_by = value, note, user
    if evidence:
        report.evidence = evidence
    report.status, report.submitted_at = ReportStatus.SUBMITTED, timezone.now()
    report.save()
    ReportEvent.objects.create(report=report, actor=user, status=report.status, value=value, note=note)
    return report


@transaction.atomic
def report_review(*, report, user, approve, comment=""):
    """The host unit approves a submitted report, or returns it with a comment saying what to fix."""
    if not can_review(user):
        raise PermissionDenied(_("Only the host unit approves KPI reports."))
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted report can be reviewed."))
    if not approve and not comment.strip():
        raise ValidationError(_("Say what needs correcting when you return a report."))
    # Reviewed once: the update applies only while the report is still submitted, so when two members of
    # the host unit review it at the same moment, the second finds it done (on every database).
    review = {
        "status": ReportStatus.APPROVED if approve else ReportStatus.RETURNED,
        "reviewed_by": user,
        "reviewed_at": timezone.now(),
        "review_comment": comment,
    }
    if not KpiReport.objects.filter(pk=report.pk, status=ReportStatus.SUBMITTED).update(**review):
        raise ValidationError(
            _("Someone else reviewed this report a moment ago; its history shows the decision.")
        )
    for field, value in review.items():
        setattr(report, field, value)
    report.save(update_fields=list(review))  # again through the model: its dependents are told
    ReportEvent.objects.create(
        report=report, actor=user, status=report.status, value=report.value, note=comment
    )
    return report
