"""Posts, their images, edit history and reactions."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knowledge.roles import moderates


class PostStatus(models.TextChoices):
    PUBLISHED = "published", _("Published")
    HELD = "held", _("Awaiting approval")
    HIDDEN = "hidden", _("Hidden by a moderator")


class PostQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Published posts; held ones to their author; hidden ones to moderators (marked as hidden)."""
        if user.is_authenticated and moderates(user):
            return self
        shown = Q(status=PostStatus.PUBLISHED)
        if user.is_authenticated:
            shown |= Q(status=PostStatus.HELD, author=user)
        return self.filter(shown)

    def visible_count(self, user):
        """How many of these visible_to(user) shows: one indexed count per status, as an OR of statuses
        makes the database read every row of a long topic."""
        if user.is_authenticated and moderates(user):
            return self.count()
        count = self.filter(status=PostStatus.PUBLISHED).count()
        if user.is_authenticated:
            count += self.filter(status=PostStatus.HELD, author=user).count()
        return count


class Post(models.Model):
    """One message in a topic. Markdown in; sanitised HTML rendered once, on save."""

    topic = models.ForeignKey("forums.Topic", on_delete=models.CASCADE, related_name="posts")
    number = models.PositiveIntegerField(help_text="1 for the topic's opening post")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="forum_posts")
    body = models.TextField(_("Message"))
    html = models.TextField(editable=False)
    status = models.CharField(max_length=16, choices=PostStatus.choices, default=PostStatus.PUBLISHED)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    like_count = models.PositiveIntegerField(default=0)
    useful_count = models.PositiveIntegerField(default=0)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["topic", "number"]
        constraints = [models.UniqueConstraint(fields=["topic", "number"], name="unique_post_number")]
        indexes = [
            models.Index(fields=["author", "created_at"], name="post_author_recent"),
            # A topic's page counts and reads its visible posts in order from this index alone.
            models.Index(fields=["topic", "status", "number"], name="post_topic_visible"),
        ]
        verbose_name = _("Post")
        verbose_name_plural = _("Posts")

    def __str__(self):
        return f"{self.topic} #{self.number}"

    def save(self, *args, **kwargs):
        from ..markdown import render

        self.html = render(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("forums:post", args=[self.pk])

    @property
    def is_opening(self):
        return self.number == 1


class PostImage(models.Model):
    """A picture attached to a post, checked on upload, with a thumbnail made by Pillow."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(upload_to="forums/%Y/%m/", width_field="width", height_field="height")
    thumbnail = models.ImageField(upload_to="forums/thumbs/%Y/%m/")
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    alt = models.CharField(_("Image description"), max_length=255)

    def __str__(self):
        return self.alt


class PostRevision(models.Model):
    """The text of a post before an edit, kept for moderators."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.post} @ {self.created_at:%Y-%m-%d %H:%M}"


class ReactionKind(models.TextChoices):
    LIKE = "like", _("Like")
    USEFUL = "useful", _("Useful")


class Reaction(models.Model):
    """ถูกใจ or มีประโยชน์ on a post, once per person and kind; counts are stored on the post."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=ReactionKind.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "user", "kind"], name="unique_reaction")]

    def __str__(self):
        return f"{self.kind} {self.post}"
