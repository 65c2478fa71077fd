"""Who may do what in the exchange. Reading rules are in forums.access; these are about acting."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from knowledge.models import ProjectTeamMember
from knowledge.roles import Role, moderates

from .access import can_read
from .models import PostStatus, TopicStatus


def is_moderator(user):
    return user.is_authenticated and moderates(user)


def can_see_topic(user, topic):
    """Read access to the category, and a topic that is published (or the user's own, or a moderator's)."""
    if not can_read(topic.category.audience(), user):
        return False
    if topic.status == TopicStatus.PUBLISHED or is_moderator(user):
        return True
    return topic.status == TopicStatus.HELD and user.is_authenticated and topic.author_id == user.pk


def can_reply(user, topic):
    if not user.is_authenticated:
        return False
    return is_moderator(user) or topic.accepts_replies


def can_edit(user, post):
    return may_edit(user, post.topic, post.author_id, post.status)


def may_edit(user, topic, author_id, status):
    """can_edit from a post's facts alone (a shared page asks for each post it shows)."""
    if is_moderator(user):
        return True
    return author_id == user.pk and not topic.is_locked and status != PostStatus.HIDDEN


def can_accept(user, topic):
    """The asker or a moderator accepts an answer to a clinic question."""
    return topic.is_question and user.is_authenticated and (topic.author_id == user.pk or is_moderator(user))


def experts_for(projects):
    """Who may answer for the clinic: the projects' team members and the host unit's moderators."""
    team = ProjectTeamMember.objects.filter(project__in=projects).values("user")
    return (
        get_user_model()
        .objects.filter(Q(pk__in=team) | Q(groups__name=Role.MODERATOR), is_active=True)
        .distinct()
        .order_by("first_name", "username")
    )


def needs_approval(user):
    """A new account's first post waits for a moderator when FORUM_HOLD_FIRST_POST is on."""
    if not settings.FORUM_HOLD_FIRST_POST or is_moderator(user):
        return False
    return not user.forum_posts.filter(status=PostStatus.PUBLISHED).exists()


def seconds_until_allowed_to_post(user, now=None):
    """0 when the user may post now; otherwise how long to wait (FORUM_RATE_LIMIT posts per window)."""
    if is_moderator(user):
        return 0
    count, window = settings.FORUM_RATE_LIMIT
    now = now or timezone.now()
    recent = list(
        user.forum_posts.filter(created_at__gt=now - timedelta(seconds=window))
        .order_by("-created_at")
        .values_list("created_at", flat=True)[:count]
    )
    if len(recent) < count:
        return 0
    return max(1, int((recent[-1] + timedelta(seconds=window) - now).total_seconds()) + 1)
