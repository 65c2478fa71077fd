"""Flags raised by readers and the log of what moderators did."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FlagReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    OFFENSIVE = "offensive", _("Rude or offensive")
    PRIVATE = "private", _("Reveals personal or confidential information")
    OFF_TOPIC = "off_topic", _("Off topic")
    OTHER = "other", _("Something else")


class Flag(models.Model):
    """A reader's report that a post needs a moderator's look."""

    post = models.ForeignKey("forums.Post", on_delete=models.CASCADE, related_name="flags")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("Reason"), max_length=16, choices=FlagReason.choices)
    note = models.CharField(_("Details"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=models.Q(resolved_at=None),
                name="one_open_flag_per_reporter",
            )
        ]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.post}"


class ModerationAction(models.TextChoices):
    PIN = "pin", _("Pinned")
    UNPIN = "unpin", _("Unpinned")
    LOCK = "lock", _("Locked")
    UNLOCK = "unlock", _("Unlocked")
    CLOSE = "close", _("Closed")
    REOPEN = "reopen", _("Reopened")
    MOVE = "move", _("Moved")
    HIDE = "hide", _("Hidden")
    RESTORE = "restore", _("Restored")
    APPROVE = "approve", _("Approved")
    DISMISS = "dismiss", _("Flags dismissed")
    ENDORSE = "endorse", _("Endorsed as exemplary")
    EDIT = "edit", _("Edited someone's post")
    ASSIGN = "assign", _("Assigned an expert")
    DRAFT = "draft", _("Turned an answer into a manual draft")


class ModerationLog(models.Model):
    """What a moderator did, to what, and when."""

    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=16, choices=ModerationAction.choices)
    topic = models.ForeignKey("forums.Topic", null=True, on_delete=models.SET_NULL, related_name="+")
    post = models.ForeignKey(
        "forums.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.moderator} {self.get_action_display()} {self.topic}"
