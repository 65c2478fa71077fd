"""Webhooks: other ministry systems told of a change as it happens, each delivery kept until it lands."""

import secrets

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    KPI_REPORT_APPROVED = "kpi_report.approved", _("A KPI report is approved")
    EDITION_IN_FORCE = "edition.in_force", _("A manual or standard edition goes into force")
    UPDATE_PUBLISHED = "update.published", _("A plan update is published")


def new_secret():
    return secrets.token_urlsafe(32)


class Webhook(models.Model):
    """An address that receives the chosen events as signed JSON POSTs."""

    name = models.CharField(
        _("Name"), max_length=120, help_text=_("The receiving system, e.g. the e-Budget system")
    )
    url = models.URLField(_("Address"), max_length=500, help_text=_("https:// address that accepts a POST"))
    secret = models.CharField(
        _("Signing secret"),
        max_length=100,
        default=new_secret,
        help_text=_(
            "The receiver checks X-B40-Signature: sha256=HMAC-SHA256(secret, timestamp + '.' + body). "
            "Keep it private; change it to revoke the old one."
        ),
    )
    events = models.JSONField(_("Events"), default=list)
    is_active = models.BooleanField(_("Active"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("Webhook")
        verbose_name_plural = _("Webhooks")
        ordering = ["name"]

    def __str__(self):
        return self.name


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed (no more tries)")


class Delivery(models.Model):
    """One event for one webhook, and how sending it went."""

    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(_("Event"), max_length=40, choices=Event.choices)
    payload = models.JSONField(_("Data"), encoder=DjangoJSONEncoder)  # dates and decimals as text
    created_at = models.DateTimeField(_("Created"), default=timezone.now)
    status = models.CharField(
        _("Status"), max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("Attempts"), default=0)
    response_code = models.PositiveSmallIntegerField(_("Last response code"), null=True, blank=True)
    error = models.CharField(_("Last error"), max_length=500, blank=True)
    delivered_at = models.DateTimeField(_("Delivered"), null=True, blank=True)

    class Meta:
        verbose_name = _("Webhook delivery")
        verbose_name_plural = _("Webhook deliveries")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_event_display()} → {self.webhook}"
