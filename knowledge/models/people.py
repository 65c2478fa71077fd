"""What the site knows about a person beyond their account."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Profile(models.Model):
    """A user's agency and position, shown beside what they write and used to route their work."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    agency = models.ForeignKey(
        "knowledge.Agency",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        verbose_name=_("Agency"),
    )
    position = models.CharField(_("Position"), max_length=255, blank=True)

    panels = [FieldPanel("user"), FieldPanel("agency"), FieldPanel("position")]

    class Meta:
        verbose_name = _("User profile")
        verbose_name_plural = _("User profiles")

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()
