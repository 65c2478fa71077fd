"""A hearing on a draft edition: who may comment and until when, the comments on its parts, and how the
owner resolved each."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel

EDITION_TYPES = ["knowledge.ManualPage", "knowledge.StandardPage"]


class Audience(models.TextChoices):
    STAFF = "staff", _("Every signed-in staff member")
    AGENCIES = "agencies", _("Staff of the agencies named")


class Resolution(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    PARTLY = "partly", _("Partly accepted")
    REJECTED = "rejected", _("Not accepted")


class HearingQuerySet(models.QuerySet):
    def open_on(self, day):
        return self.filter(opens_on__lte=day, closes_on__gte=day)


class Hearing(models.Model):
    """A period in which a draft edition of a manual or standard is open for comment."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="hearings", verbose_name=_("Edition")
    )
    opens_on = models.DateField(_("Opens on"))
    closes_on = models.DateField(_("Closes on"))
    audience = models.CharField(
        _("Who may comment"), max_length=16, choices=Audience.choices, default=Audience.STAFF
    )
    agencies = models.ManyToManyField(
        "knowledge.Agency", blank=True, related_name="+", verbose_name=_("Agencies")
    )
    outcome = models.TextField(
        _("What changed after the hearing"),
        blank=True,
        help_text=_("Shown to everyone with the published edition, beside the number of comments"),
    )
    announced_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = HearingQuerySet.as_manager()

    panels = [
        PageChooserPanel("page", EDITION_TYPES),
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
        FieldPanel("audience"),
        FieldPanel("agencies"),
        FieldPanel("outcome"),
    ]

    class Meta:
        verbose_name = _("Hearing")
        verbose_name_plural = _("Hearings")
        ordering = ["-opens_on", "-pk"]

    def __str__(self):
        return str(_("Hearing on %(title)s") % {"title": self.page.title})

    def get_absolute_url(self):
        return reverse("participation:hearing", args=[self.pk])

    def clean(self):
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("A hearing closes on or after the day it opens.")})
        if self.page_id and self.page.specific_class._meta.label not in EDITION_TYPES:
            raise ValidationError({"page": _("Choose an edition of a manual or a standard.")})

    def is_open(self, day=None):
        return self.opens_on <= (day or timezone.localdate()) <= self.closes_on

    def edition(self):
        """The text heard: the edition's latest revision (its draft while it is being heard)."""
        return self.page.specific.get_latest_revision_as_object()


class FeedbackStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    APPROVED = "approved", _("Published")
    REJECTED = "rejected", _("Not published")


class ProjectFeedbackQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=FeedbackStatus.APPROVED)

    def pending(self):
        return self.filter(status=FeedbackStatus.PENDING)


class ProjectFeedback(models.Model):
    """A stakeholder's short feedback on a project (signed in or not), published once a moderator approves."""

    project = models.ForeignKey(
        "knowledge.ProjectPage", on_delete=models.CASCADE, related_name="stakeholder_feedback"
    )
    name = models.CharField(_("Your name"), max_length=120)
    organisation = models.CharField(_("Organisation or school"), max_length=255, blank=True)
    email = models.EmailField(_("E-mail (not published)"), blank=True)
    body = models.TextField(_("Your feedback"), max_length=2000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=16, choices=FeedbackStatus.choices, default=FeedbackStatus.PENDING)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)

    objects = ProjectFeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("Stakeholder feedback")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name}: {self.body[:40]}"


class CommentQuerySet(models.QuerySet):
    def unresolved(self):
        return self.filter(resolution="")


class Comment(models.Model):
    """A reader's comment on one part (a section or a clause) of the text heard, with the quoted words."""

    hearing = models.ForeignKey(Hearing, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    agency = models.ForeignKey(
        "knowledge.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    part = models.CharField(_("Part"), max_length=40)  # the part's anchor: section-2, clause-3
    part_title = models.CharField(_("Part"), max_length=255)
    quote = models.TextField(_("The words you comment on"), blank=True, max_length=1000)
    body = models.TextField(_("Comment"), max_length=5000)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    resolution = models.CharField(_("Resolution"), max_length=16, choices=Resolution.choices, blank=True)
    reason = models.TextField(_("Reason"), blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("Hearing comment")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.part_title}: {self.body[:40]}"
