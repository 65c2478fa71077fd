"""Categories: where topics live and who may read them."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..access import SIGNED_IN, Access, agency_token, audience_of, group_token


class CategoryQuerySet(models.QuerySet):
    def visible_to(self, user):
        tokens = audience_of(user)
        if tokens is None:
            return self
        readable = Q(access=Access.PUBLIC)
        if user.is_authenticated:
            member = Q(groups__in=user.groups.all())
            agency_id = getattr(getattr(user, "profile", None), "agency_id", None)
            if agency_id:  # never `agencies=None`: that would match categories listing no agency
                member |= Q(agencies=agency_id)
            listed = Category.objects.filter(member, access=Access.RESTRICTED)
            readable |= Q(access=Access.STAFF) | Q(pk__in=listed.values("pk"))
        return self.filter(readable)


class Category(models.Model):
    """A shelf of topics: a strategy's exchange, the clinic, or a closed room for some agencies."""

    name = models.CharField(_("Name"), max_length=200)
    description = models.TextField(_("Description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("Order"), default=0)
    strategy = models.ForeignKey(
        "knowledge.StrategyPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Strategy"),
    )
    project = models.ForeignKey(
        "knowledge.ProjectPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Project"),
    )
    is_clinic = models.BooleanField(
        _("Consultation clinic"), default=False, help_text=_("New topics here are questions to the clinic")
    )
    access = models.CharField(_("Who may read"), max_length=16, choices=Access.choices, default=Access.PUBLIC)
    groups = models.ManyToManyField(
        "auth.Group", blank=True, related_name="+", verbose_name=_("Groups that may read")
    )
    agencies = models.ManyToManyField(
        "knowledge.Agency", blank=True, related_name="+", verbose_name=_("Agencies that may read")
    )
    # Stored counters, kept by forums.services.
    topic_count = models.PositiveIntegerField(default=0)
    post_count = models.PositiveIntegerField(default=0)
    last_post_at = models.DateTimeField(null=True, blank=True)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("Forum category")
        verbose_name_plural = _("Forum categories")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("forums:category", args=[self.pk])

    @property
    def is_public(self):
        return self.access == Access.PUBLIC

    def audience(self):
        """The tokens that may read it; None when everyone may (see forums.access)."""
        if self.access == Access.PUBLIC:
            return None
        if self.access == Access.STAFF:
            return [SIGNED_IN]
        return [group_token(pk) for pk in self.groups.values_list("pk", flat=True)] + [
            agency_token(pk) for pk in self.agencies.values_list("pk", flat=True)
        ]
