"""What readers do with manuals and standards: confirm they have read an edition, and say if it helped."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReadReceipt(models.Model):
    """A signed-in reader's confirmation that they have read one edition."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="read_receipts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="read_receipts")
    read_at = models.DateTimeField(_("Read at"), auto_now_add=True)

    class Meta:
        ordering = ["-read_at"]
        verbose_name = _("Read receipt")
        constraints = [models.UniqueConstraint(fields=["page", "user"], name="one_receipt_per_reader")]

    def __str__(self):
        return f"{self.user} · {self.page}"


class Feedback(models.Model):
    """A reader's answer to "Was this helpful?", for the document's owner."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="feedback")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    helpful = models.BooleanField(_("Helpful"))
    comment = models.TextField(_("Comment"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("Sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Feedback")
        verbose_name_plural = _("Feedback")

    def __str__(self):
        return f"{self.page} · {'+' if self.helpful else '-'}"


class ReviewReminder(models.Model):
    """A reminder sent to an edition's owner that its review date has passed (one per due date)."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    review_due = models.DateField()
    sent_to = models.EmailField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "review_due"], name="one_reminder_per_due_date")
        ]

    def __str__(self):
        return f"{self.page} · {self.review_due}"
