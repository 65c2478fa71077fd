"""A budget year's prioritisation: weighted criteria the host unit defines, a score per project and
criterion with its reason, and who decided the ranking when (kept for every year)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from knowledge.fields import BuddhistYearField
from knowledge.i18n import localized
from knowledge.models import ProjectPage

TOP_SCORE = 5  # each criterion is scored 0–5


class RoundQuerySet(models.QuerySet):
    def decided(self):
        return self.filter(decided_at__isnull=False)

    def visible_to(self, user):
        """Decided rankings are public; the host unit also sees the ones it is still scoring."""
        from knowledge.roles import moderates

        return self if moderates(user) else self.decided()


class Round(ClusterableModel):
    """The prioritisation of one plan's projects for one budget year."""

    plan = models.ForeignKey(
        "knowledge.PlanPage", on_delete=models.CASCADE, related_name="priority_rounds", verbose_name=_("Plan")
    )
    fiscal_year = BuddhistYearField(_("Budget year (B.E.)"))
    note = models.TextField(
        _("Note"), blank=True, help_text=_("What the ranking was for and how it was used, for readers")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Decided by"),
    )
    decided_at = models.DateTimeField(_("Decided at"), null=True, blank=True)

    objects = RoundQuerySet.as_manager()

    panels = [
        FieldPanel("plan"),
        FieldPanel("fiscal_year"),
        FieldPanel("note"),
        InlinePanel("criteria", min_num=1),
    ]

    class Meta:
        verbose_name = _("Budget priority round")
        verbose_name_plural = _("Budget priority rounds")
        ordering = ["-fiscal_year", "plan__path"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "fiscal_year"], name="one_round_per_plan_year")
        ]

    def __str__(self):
        return str(_("Budget priority, fiscal year %(year)s") % {"year": self.fiscal_year})

    def clean(self):
        if self.pk and Round.objects.decided().filter(pk=self.pk).exists():
            raise ValidationError(_("This ranking has been decided and can no longer be changed."))

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("priorities:round", args=[self.pk])

    @property
    def is_decided(self):
        return self.decided_at is not None

    def projects(self):
        """The plan's live projects that run in the budget year, in plan order."""
        year = self.fiscal_year
        return (
            ProjectPage.objects.live()
            .descendant_of(self.plan)
            .filter(first_fiscal_year__lte=year, last_fiscal_year__gte=year)
            .order_by("path")
        )


class Criterion(Orderable):
    """A criterion of a round, with its weight in the total."""

    round = ParentalKey(Round, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("Criterion"), max_length=255)
    name_en = models.CharField(_("Criterion (English)"), max_length=255, blank=True)
    description = models.TextField(_("What scores high"), blank=True)
    weight = models.PositiveSmallIntegerField(
        _("Weight"),
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Its share of the total, e.g. 40 (weights need not add up to 100)"),
    )

    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("description"), FieldPanel("weight")]

    class Meta(Orderable.Meta):
        verbose_name = _("Criterion")
        verbose_name_plural = _("Criteria")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return localized(self.name, self.name_en)


class Score(models.Model):
    """A project's score on one criterion, and why."""

    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    project = models.ForeignKey(ProjectPage, on_delete=models.CASCADE, related_name="priority_scores")
    value = models.PositiveSmallIntegerField(
        _("Score"), validators=[MaxValueValidator(TOP_SCORE)], help_text=_("0 (lowest) to 5 (highest)")
    )
    reason = models.TextField(_("Reason"), blank=True)

    class Meta:
        verbose_name = _("Score")
        constraints = [
            models.UniqueConstraint(fields=["criterion", "project"], name="one_score_per_criterion_project")
        ]

    def __str__(self):
        return f"{self.project.code} · {self.criterion}: {self.value}"
