"""The host unit's desks: the clinic queue, the moderation queue and the log of moderator actions."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.generic import ListView, TemplateView

from knowledge.roles import moderator_only

from ..forms import AssignForm
from ..models import Flag, ModerationLog, Post, PostStatus, Topic


@method_decorator(moderator_only, name="dispatch")
class ClinicQueueView(TemplateView):
    """Unanswered questions, overdue first, each with its expert and due date."""

    template_name = "forums/clinic_queue.html"

    def get_context_data(self, **kwargs):
        questions = (
            Topic.objects.unanswered_questions()
            .select_related("author", "assignee", "category")
            .prefetch_related("projects")
            .order_by("due_on", "pk")
        )
        today = timezone.localdate()
        overdue = [topic for topic in questions if topic.due_on and topic.due_on < today]
        waiting = [topic for topic in questions if topic not in overdue]
        for topic in questions:
            topic.assign_form = AssignForm(topic=topic, initial={"assignee": topic.assignee_id})
        return super().get_context_data(overdue=overdue, waiting=waiting, today=today, **kwargs)


@method_decorator(moderator_only, name="dispatch")
class ModerationQueueView(TemplateView):
    """Flagged posts (most flagged first) and posts from new accounts waiting for approval."""

    template_name = "forums/moderation_queue.html"

    def get_context_data(self, **kwargs):
        open_flags = Q(flags__resolved_at=None, flags__isnull=False)
        flagged = (
            Post.objects.filter(open_flags)
            .annotate(open_flag_count=Count("flags", filter=Q(flags__resolved_at=None)))
            .select_related("topic", "author")
            .order_by("-open_flag_count", "pk")
        )
        reasons = {}
        for flag in Flag.objects.filter(
            resolved_at=None, post__in=[post.pk for post in flagged]
        ).select_related("reporter"):
            reasons.setdefault(flag.post_id, []).append(flag)
        for post in flagged:
            post.open_flags = reasons.get(post.pk, [])
        held = (
            Post.objects.filter(status=PostStatus.HELD)
            .select_related("topic", "author")
            .order_by("created_at")
        )
        return super().get_context_data(flagged=flagged, held=held, **kwargs)


@method_decorator(moderator_only, name="dispatch")
class ModerationLogView(ListView):
    template_name = "forums/moderation_log.html"
    paginate_by = 50

    def get_queryset(self):
        return ModerationLog.objects.select_related("moderator", "topic", "post")
