"""Quarterly KPI reports: a project team reports a value, the host unit approves or returns it."""

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knowledge.fields import BuddhistYearField, ThaiDecimalField


def private_storage():
    """Evidence is for the team and the host unit: kept out of MEDIA_ROOT, served by a view that checks."""
    return storages["private"]


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted, awaiting the host unit")
    RETURNED = "returned", _("Returned for correction")
    APPROVED = "approved", _("Approved")


class KpiReportQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=ReportStatus.APPROVED)

    def for_year(self, fiscal_year):
        return self.filter(fiscal_year=fiscal_year)


class KpiReport(models.Model):
    """One KPI's value for one quarter of a Thai fiscal year (Q1 = October–December)."""

    indicator = models.ForeignKey(
        "knowledge.Indicator", on_delete=models.CASCADE, related_name="reports", verbose_name=_("KPI")
    )
    fiscal_year = BuddhistYearField(_("Fiscal year (B.E.)"))
    quarter = models.PositiveSmallIntegerField(
        _("Quarter"),
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=_("Q1 = October–December"),
    )
    value = ThaiDecimalField(_("Value"), max_digits=14, decimal_places=2)
    note = models.TextField(_("Note"), blank=True)
    evidence = models.FileField(
        _("Evidence (optional)"),
        upload_to="kpi-evidence/%Y/",
        storage=private_storage,
        blank=True,
        help_text=_(
            "PDF, Word, Excel, PowerPoint, an image, CSV or text, up to 10 MB; "
            "only the project team and the host unit see it."
        ),
    )
    status = models.CharField(max_length=16, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(_("Comment from the host unit"), blank=True)

    objects = KpiReportQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "fiscal_year", "quarter"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "fiscal_year", "quarter"], name="one_report_per_quarter"
            )
        ]
        verbose_name = _("KPI report")
        verbose_name_plural = _("KPI reports")

    def __str__(self):
        return f"{self.indicator.code} {self.fiscal_year} Q{self.quarter}"


class ReportEvent(models.Model):
    """The history of a report: who submitted, changed, returned or approved it, with what value."""

    report = models.ForeignKey(KpiReport, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=16, choices=ReportStatus.choices)
    value = models.DecimalField(max_digits=14, decimal_places=2)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.report} → {self.get_status_display()}"


class ReminderStage(models.TextChoices):
    BEFORE = "before", _("Before the deadline")
    OVERDUE = "overdue", _("After the deadline")


class ReportReminder(models.Model):
    """A reminder e-mailed to one address about one project's missing reports for one quarter, once."""

    project = models.ForeignKey("knowledge.ProjectPage", on_delete=models.CASCADE, related_name="+")
    fiscal_year = BuddhistYearField(_("Fiscal year (B.E.)"))
    quarter = models.PositiveSmallIntegerField(_("Quarter"))
    stage = models.CharField(max_length=16, choices=ReminderStage.choices)
    sent_to = models.EmailField()
    queued_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["project", "fiscal_year", "quarter", "stage", "sent_to"], name="one_reminder_each"
            )
        ]
        verbose_name = _("KPI report reminder")

    def __str__(self):
        return f"{self.project_id} {self.fiscal_year} Q{self.quarter} {self.stage} → {self.sent_to}"
