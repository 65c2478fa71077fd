"""Topics: discussions, best-practice cases and clinic questions, linked to the plan's projects."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from knowledge.roles import moderates

from .categories import Category
from .posts import PostStatus


class TopicKind(models.TextChoices):
    DISCUSSION = "topic", _("Discussion")
    CASE = "case", _("Best-practice case")
    QUESTION = "question", _("Clinic question")


# A topic is published, held or hidden together with its opening post.
TopicStatus = PostStatus


ROW_FIELDS = [
    "kind", "title", "status", "is_pinned", "is_locked", "is_closed", "reply_count", "view_count",
    "created_at", "last_post_at", "answered_at", "due_on", "accepted_post_id", "category__name",
    "author__username", "author__first_name", "author__last_name", "case__endorsed_at",
]  # fmt: skip


class TopicQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Topics in readable categories; held ones also to their author, hidden ones to moderators."""
        topics = self.filter(category__in=Category.objects.visible_to(user))
        if user.is_authenticated and moderates(user):
            return topics
        shown = Q(status=TopicStatus.PUBLISHED)
        if user.is_authenticated:
            shown |= Q(status=TopicStatus.HELD, author=user)
        return topics.filter(shown)

    def public(self):
        """What anonymous visitors see: the base of feeds and exports."""
        from django.contrib.auth.models import AnonymousUser

        return self.visible_to(AnonymousUser())

    def for_strategy(self, strategy):
        return self.filter(projects__path__startswith=strategy.path).distinct()

    def for_agency(self, agency):
        return self.filter(Q(projects__project_agencies__agency=agency) | Q(case__agency=agency)).distinct()

    def listing(self):
        return self.select_related("category", "author", "last_poster", "case").order_by(
            "-is_pinned", "-last_post_at", "-pk"
        )

    def rows(self):
        """The listing with only what a topic row shows: building wide joins cost more than the query."""
        return (
            self.select_related("category", "author", "case")
            .only(*ROW_FIELDS)
            .order_by("-is_pinned", "-last_post_at", "-pk")
        )

    def unanswered_questions(self):
        return self.filter(kind=TopicKind.QUESTION, answered_at__isnull=True, status=TopicStatus.PUBLISHED)

    def overdue_questions(self, today=None):
        return self.unanswered_questions().filter(due_on__lt=today or timezone.localdate())


class TopicTag(TaggedItemBase):
    """A tag on a topic (tags are shared with the plan's pages)."""

    content_object = models.ForeignKey("forums.Topic", on_delete=models.CASCADE, related_name="tagged_items")


class Topic(models.Model):
    """A conversation. Its first post is its body; a case adds structured fields, a question a due date."""

    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="topics")
    kind = models.CharField(_("Kind"), max_length=16, choices=TopicKind.choices, default=TopicKind.DISCUSSION)
    title = models.CharField(_("Title"), max_length=200)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="topics")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    status = models.CharField(max_length=16, choices=TopicStatus.choices, default=TopicStatus.PUBLISHED)
    projects = models.ManyToManyField(
        "knowledge.ProjectPage",
        through="TopicProject",
        blank=True,
        related_name="+",
        verbose_name=_("Projects"),
    )
    tags = TaggableManager(through=TopicTag, blank=True, verbose_name=_("Tags"))
    is_pinned = models.BooleanField(_("Pinned"), default=False)
    is_locked = models.BooleanField(_("Locked"), default=False, help_text=_("No replies and no edits"))
    is_closed = models.BooleanField(_("Closed"), default=False, help_text=_("No new replies"))
    # Stored counters, kept by forums.services; views are bumped with F().
    reply_count = models.PositiveIntegerField(default=0)
    post_count = models.PositiveIntegerField(default=0, help_text="Posts ever numbered, hidden ones included")
    view_count = models.PositiveIntegerField(default=0)
    last_post_at = models.DateTimeField(default=timezone.now)
    last_poster = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Clinic questions
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_questions",
        verbose_name=_("Expert"),
    )
    due_on = models.DateField(_("Response due"), null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    accepted_post = models.ForeignKey(
        "forums.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["-is_pinned", "-last_post_at", "-pk"]
        indexes = [
            # The lists' order, whole, so the database reads the first page off the index without sorting.
            models.Index(
                fields=["category", "-is_pinned", "-last_post_at", "-id"], name="topic_category_listing"
            ),
            models.Index(fields=["-is_pinned", "-last_post_at", "-id"], name="topic_listing"),
            models.Index(fields=["kind", "answered_at", "due_on"], name="topic_clinic_queue"),
        ]
        verbose_name = _("Topic")
        verbose_name_plural = _("Topics")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("forums:topic", args=[self.pk])

    @property
    def is_question(self):
        return self.kind == TopicKind.QUESTION

    @property
    def is_case(self):
        return self.kind == TopicKind.CASE

    @property
    def is_overdue(self):
        return bool(
            self.is_question and not self.answered_at and self.due_on and self.due_on < timezone.localdate()
        )

    @property
    def accepts_replies(self):
        return self.status == TopicStatus.PUBLISHED and not (self.is_locked or self.is_closed)


class TopicProject(models.Model):
    """A topic's link to a project of the plan (and so to its strategy)."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="project_links")
    project = models.ForeignKey("knowledge.ProjectPage", on_delete=models.CASCADE, related_name="topic_links")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["topic", "project"], name="unique_topic_project")]

    def __str__(self):
        return f"{self.topic} → {self.project}"


class CaseStudy(models.Model):
    """The structured part of a best-practice case (กรณีตัวอย่างที่ดี)."""

    MARKDOWN_FIELDS = ("context", "practice", "results", "lessons", "replication")

    topic = models.OneToOneField(Topic, primary_key=True, on_delete=models.CASCADE, related_name="case")
    context = models.TextField(_("Context and problem"))
    practice = models.TextField(_("What was done"))
    results = models.TextField(_("Results and evidence"), help_text=_("Numbers, before and after"))
    lessons = models.TextField(_("Lessons learned"))
    replication = models.TextField(_("How to replicate"))
    rendered = models.JSONField(default=dict, editable=False)  # field name → sanitised HTML
    agency = models.ForeignKey(
        "knowledge.Agency", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("Agency")
    )
    contact = models.CharField(_("Contact"), max_length=255, help_text=_("Name, telephone or e-mail"))
    indicators = models.ManyToManyField(
        "knowledge.Indicator", blank=True, related_name="+", verbose_name=_("KPIs it moved")
    )
    endorsed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    endorsed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("Best-practice case")
        verbose_name_plural = _("Best-practice cases")

    def __str__(self):
        return str(self.topic)

    def save(self, *args, **kwargs):
        from ..markdown import render

        self.rendered = {name: render(getattr(self, name)) for name in self.MARKDOWN_FIELDS}
        super().save(*args, **kwargs)

    @property
    def is_endorsed(self):
        return self.endorsed_at is not None

    def sections(self):
        """(label, html) for each structured field, in reading order."""
        return [
            (self._meta.get_field(name).verbose_name, self.rendered.get(name, ""))
            for name in self.MARKDOWN_FIELDS
        ]


class Adoption(models.Model):
    """An agency saying "we adopted this" about a case."""

    case = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="adoptions")
    agency = models.ForeignKey("knowledge.Agency", on_delete=models.CASCADE, related_name="+")
    adopted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.CharField(_("How you adopted it"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["case", "agency"], name="unique_adoption")]

    def __str__(self):
        return f"{self.agency} ← {self.case}"
