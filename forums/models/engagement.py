"""What people keep track of: bookmarks, watched things, notifications and how they want e-mail."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Bookmark(models.Model):
    """A topic someone saved to read later."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey("forums.Topic", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="unique_bookmark")]

    def __str__(self):
        return f"{self.user} ☆ {self.topic}"


WATCH_TARGETS = ("topic", "category", "tag", "project")


class Watch(models.Model):
    """Someone following a topic, category, tag or project: they are told of what is new there."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_watches")
    topic = models.ForeignKey(
        "forums.Topic", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    category = models.ForeignKey(
        "forums.Category", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    tag = models.ForeignKey("taggit.Tag", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey(
        "knowledge.ProjectPage", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    TARGETS = WATCH_TARGETS

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(topic__isnull=False, category=None, tag=None, project=None)
                    | Q(topic=None, category__isnull=False, tag=None, project=None)
                    | Q(topic=None, category=None, tag__isnull=False, project=None)
                    | Q(topic=None, category=None, tag=None, project__isnull=False)
                ),
                name="watch_exactly_one_target",
            ),
            *(
                models.UniqueConstraint(
                    fields=["user", target],
                    condition=Q(**{f"{target}__isnull": False}),
                    name=f"unique_watch_{target}",
                )
                for target in WATCH_TARGETS
            ),
        ]

    def __str__(self):
        target = next(getattr(self, name) for name in WATCH_TARGETS if getattr(self, f"{name}_id"))
        return f"{self.user} → {target}"


class NotificationKind(models.TextChoices):
    REPLY = "reply", _("New reply")
    NEW_TOPIC = "new_topic", _("New topic")
    MENTION = "mention", _("Mention")
    ASSIGNED = "assigned", _("Question assigned to you")
    ACCEPTED = "accepted", _("Answer accepted")
    ENDORSED = "endorsed", _("Case endorsed")
    ADOPTED = "adopted", _("Case adopted")
    APPROVED = "approved", _("Post approved")


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """One thing to tell one person, shown under the bell and e-mailed as they chose."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_notifications"
    )
    kind = models.CharField(max_length=16, choices=NotificationKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    topic = models.ForeignKey("forums.Topic", on_delete=models.CASCADE, related_name="+")
    post = models.ForeignKey("forums.Post", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.topic}"

    def get_absolute_url(self):
        return self.post.get_absolute_url() if self.post_id else self.topic.get_absolute_url()


class EmailMode(models.TextChoices):
    IMMEDIATE = "immediate", _("At once")
    DAILY = "daily", _("A daily digest")
    NEVER = "never", _("Never (only on the site)")


def new_token():
    return secrets.token_urlsafe(24)


class MemberSettings(models.Model):
    """How a person wants to hear from the exchange."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_settings"
    )
    email_mode = models.CharField(
        _("E-mail me about notifications"),
        max_length=16,
        choices=EmailMode.choices,
        default=EmailMode.IMMEDIATE,
    )
    # Lets the unsubscribe link in every e-mail work without signing in; changing it revokes old links.
    unsubscribe_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)

    def __str__(self):
        return str(self.user)

    @classmethod
    def of(cls, user):
        return cls.objects.get_or_create(user=user)[0]
