"""Everything that changes the exchange. Each function is one user action, atomic, keyword-only.

Counters are stored (replies, last activity, category totals) and changed under a lock on the topic row,
so concurrent replies never lose a post number or a count. Notifications are written here and e-mailed
by a background task after commit (forums.notifications).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from . import notifications, rules, toggles
from .images import attach_image
from .models import (
    Adoption,
    CaseStudy,
    Category,
    Flag,
    ModerationAction,
    ModerationLog,
    Post,
    PostRevision,
    PostStatus,
    Reaction,
    Topic,
    TopicKind,
    TopicStatus,
)
from .workdays import add_working_days

CLINIC_RESPONSE_DAYS = 3


def later(field, when):
    """The later of a stored time and `when` (an empty field counts as earlier)."""
    return Greatest(Coalesce(field, Value(when)), Value(when))


def _log(moderator, action, topic, post=None, note=""):
    ModerationLog.objects.create(moderator=moderator, action=action, topic=topic, post=post, note=note)


class PostingTooFast(Exception):
    """The author has used up FORUM_RATE_LIMIT; `wait` is how many seconds until the next post."""

    def __init__(self, wait):
        super().__init__(wait)
        self.wait = wait


def take_posting_turn(author):
    """Hold the author's row to the end of the transaction, then apply the posting limit: one person's
    simultaneous posts are counted one after another. A write takes the lock on every database (SQLite
    has no row locks, and a read would let two requests count the same recent posts)."""
    get_user_model().objects.filter(pk=author.pk).update(last_login=F("last_login"))
    wait = rules.seconds_until_allowed_to_post(author)
    if wait:
        raise PostingTooFast(wait)


@transaction.atomic
def topic_create(
    *,
    author,
    category,
    title,
    body,
    kind=TopicKind.DISCUSSION,
    projects=(),
    tags=(),
    image=None,
    image_alt="",
    case=None,
    indicators=(),
    assignee=None,
    now=None,
    limited=False,
):
    """Open a topic with its first post; a case takes `case` fields, a question gets a due date. Members
    posting through the site are `limited` (PostingTooFast)."""
    if limited:
        take_posting_turn(author)
    now = now or timezone.now()
    held = rules.needs_approval(author)
    topic = Topic.objects.create(
        category=category,
        kind=kind,
        title=title,
        author=author,
        created_at=now,
        last_post_at=now,
        last_poster=author,
        status=TopicStatus.HELD if held else TopicStatus.PUBLISHED,
        post_count=1,
    )
    topic.projects.set(projects)
    topic.tags.set(list(tags))
    if kind == TopicKind.CASE:
        study = CaseStudy.objects.create(topic=topic, **(case or {}))
        study.indicators.set(indicators)
    if kind == TopicKind.QUESTION:  # due in CLINIC_RESPONSE_DAYS, routed to the project's team unless given
        topic.due_on = add_working_days(timezone.localdate(now), CLINIC_RESPONSE_DAYS)
        topic.assignee = assignee or next(iter(notifications.clinic_experts(topic)), None)
        topic.save(update_fields=["due_on", "assignee"])
    post = Post.objects.create(
        topic=topic,
        number=1,
        author=author,
        body=body,
        created_at=now,
        status=PostStatus.HELD if held else PostStatus.PUBLISHED,
    )
    if image:
        attach_image(post, image, image_alt)
    notifications.watch(author, topic=topic)
    if not held:
        _published_topic(topic, post)
    return topic


def _published_topic(topic, post):
    Category.objects.filter(pk=topic.category_id).update(
        topic_count=F("topic_count") + 1,
        post_count=F("post_count") + 1,
        last_post_at=later("last_post_at", post.created_at),
    )
    notifications.topic_published(topic, post)


@transaction.atomic
def post_create(*, topic, author, body, image=None, image_alt="", now=None, limited=False):
    """Reply to a topic. Raises PermissionError when the topic no longer takes replies, PostingTooFast
    when a `limited` author posts too often."""
    if limited:
        take_posting_turn(author)
    topic = Topic.objects.select_for_update().get(pk=topic.pk)  # serialises concurrent replies
    if not rules.can_reply(author, topic):
        raise PermissionError("topic does not accept replies")
    now = now or timezone.now()
    held = rules.needs_approval(author)
    post = Post.objects.create(
        topic=topic,
        number=topic.post_count + 1,
        author=author,
        body=body,
        created_at=now,
        status=PostStatus.HELD if held else PostStatus.PUBLISHED,
    )
    Topic.objects.filter(pk=topic.pk).update(post_count=F("post_count") + 1)
    if image:
        attach_image(post, image, image_alt)
    if not held:
        _published_reply(topic, post)
    notifications.watch(author, topic=topic)
    return post


def _published_reply(topic, post):
    Topic.objects.filter(pk=topic.pk).update(
        reply_count=F("reply_count") + 1,
        last_post_at=later("last_post_at", post.created_at),
        last_poster=post.author,
    )
    Category.objects.filter(pk=topic.category_id).update(
        post_count=F("post_count") + 1, last_post_at=later("last_post_at", post.created_at)
    )
    if topic.is_question and not topic.answered_at and post.author_id != topic.author_id:
        Topic.objects.filter(pk=topic.pk).update(answered_at=post.created_at)
    notifications.reply_published(topic, post)


@transaction.atomic
def post_edit(*, post, editor, body):
    """Change a post's text; the previous text is kept in its history."""
    PostRevision.objects.create(post=post, body=post.body, edited_by=editor)
    post.body = body
    post.edited_at = timezone.now()
    post.save()
    if editor.pk != post.author_id:
        _log(editor, ModerationAction.EDIT, post.topic, post)
    return post


@transaction.atomic
def post_approve(*, post, moderator):
    """Publish a held post (and its topic, when it is the opening post)."""
    topic = Topic.objects.select_for_update().get(pk=post.topic_id)
    post.status = PostStatus.PUBLISHED
    post.save(update_fields=["status"])
    if post.is_opening:
        topic.status = TopicStatus.PUBLISHED
        topic.save(update_fields=["status"])
        _published_topic(topic, post)
    else:
        _published_reply(topic, post)
    notifications.notify(post.author, kind="approved", actor=moderator, topic=topic, post=post)
    _log(moderator, ModerationAction.APPROVE, topic, post)


@transaction.atomic
def post_set_hidden(*, post, moderator, hidden, note=""):
    """Hide a post from readers, or restore it; an opening post hides or restores its whole topic."""
    topic = Topic.objects.select_for_update().get(pk=post.topic_id)
    post.status = PostStatus.HIDDEN if hidden else PostStatus.PUBLISHED
    post.save(update_fields=["status"])
    if post.is_opening:
        topic.status = TopicStatus.HIDDEN if hidden else TopicStatus.PUBLISHED
        topic.save(update_fields=["status"])
    Flag.objects.filter(post=post, resolved_at=None).update(resolved_at=timezone.now(), resolved_by=moderator)
    refresh_counters(topic)
    _log(moderator, ModerationAction.HIDE if hidden else ModerationAction.RESTORE, topic, post, note)


def refresh_counters(topic):
    """Recount a topic and its category from their posts (after hiding, restoring or moving)."""
    published = Post.objects.filter(topic=topic, status=PostStatus.PUBLISHED).order_by("-number")
    last = published.first()
    Topic.objects.filter(pk=topic.pk).update(
        reply_count=max(published.count() - 1, 0),
        last_post_at=last.created_at if last else topic.created_at,
        last_poster=last.author_id if last else topic.author_id,
    )
    refresh_category(topic.category_id)


def refresh_category(category_id):
    topics = Topic.objects.filter(category_id=category_id, status=TopicStatus.PUBLISHED)
    posts = Post.objects.filter(topic__in=topics, status=PostStatus.PUBLISHED)
    latest = posts.order_by("-created_at").values_list("created_at", flat=True).first()
    Category.objects.filter(pk=category_id).update(
        topic_count=topics.count(), post_count=posts.count(), last_post_at=latest
    )


@transaction.atomic
def flag_create(*, post, reporter, reason, note=""):
    flag, _created = Flag.objects.get_or_create(
        post=post, reporter=reporter, resolved_at=None, defaults={"reason": reason, "note": note}
    )
    return flag


@transaction.atomic
def flags_dismiss(*, post, moderator):
    Flag.objects.filter(post=post, resolved_at=None).update(resolved_at=timezone.now(), resolved_by=moderator)
    _log(moderator, ModerationAction.DISMISS, post.topic, post)


MODERATION_FIELDS = {
    ModerationAction.PIN: ("is_pinned", True),
    ModerationAction.UNPIN: ("is_pinned", False),
    ModerationAction.LOCK: ("is_locked", True),
    ModerationAction.UNLOCK: ("is_locked", False),
    ModerationAction.CLOSE: ("is_closed", True),
    ModerationAction.REOPEN: ("is_closed", False),
}


@transaction.atomic
def topic_moderate(*, topic, moderator, action, category=None):
    """Pin, lock, close (or undo them), or move a topic to another category."""
    if action == ModerationAction.MOVE:
        old = topic.category_id
        topic.category = category
        topic.save(update_fields=["category"])
        refresh_category(old)
        refresh_category(category.pk)
        _log(moderator, action, topic, note=str(category))
    else:
        field, value = MODERATION_FIELDS[action]
        setattr(topic, field, value)
        topic.save(update_fields=[field])
        _log(moderator, action, topic)


@transaction.atomic
def question_assign(*, topic, moderator, assignee):
    topic.assignee = assignee
    topic.save(update_fields=["assignee"])
    notifications.notify(assignee, kind="assigned", actor=moderator, topic=topic)
    _log(moderator, ModerationAction.ASSIGN, topic, note=assignee.get_username())


@transaction.atomic
def post_accept(*, post, user):
    """Mark a reply as the accepted answer to its clinic question."""
    topic = post.topic
    if not rules.can_accept(user, topic) or post.is_opening or post.status != PostStatus.PUBLISHED:
        raise PermissionError("cannot accept this post")
    topic.accepted_post = post
    topic.answered_at = topic.answered_at or post.created_at
    topic.save(update_fields=["accepted_post", "answered_at"])
    notifications.notify(post.author, kind="accepted", actor=user, topic=topic, post=post)


@transaction.atomic
def case_endorse(*, case, moderator, endorsed=True):
    case.endorsed_at = timezone.now() if endorsed else None
    case.endorsed_by = moderator if endorsed else None
    case.save(update_fields=["endorsed_at", "endorsed_by"])
    if endorsed:
        notifications.notify(case.topic.author, kind="endorsed", actor=moderator, topic=case.topic)
        _log(moderator, ModerationAction.ENDORSE, case.topic)


@transaction.atomic
def case_adopt(*, case, user, agency, note=""):
    """An agency records that it adopted the practice (once per agency)."""
    adoption, created = Adoption.objects.get_or_create(
        case=case, agency=agency, defaults={"adopted_by": user, "note": note}
    )
    if created:
        notifications.notify(case.topic.author, kind="adopted", actor=user, topic=case.topic)
    return adoption


@transaction.atomic
def reaction_set(*, post, user, kind, on=None):
    """Add the reaction (on=True), take it back (False) or flip it (None); the post's stored count
    follows only a real change, so a double click counts once."""
    counter = f"{kind}_count"
    on, changed = toggles.put(Reaction, on, post=post, user=user, kind=kind)
    if changed:
        Post.objects.filter(pk=post.pk).update(**{counter: F(counter) + (1 if on else -1)})
    return on


def topic_viewed(topic_id):
    """Count a view (also for views served from the page cache). Views gather in the cache and reach the
    row FORUM_VIEW_BATCH at a time, so a popular topic is not written on every read; the shown count
    lags by fewer than that many views."""
    batch = settings.FORUM_VIEW_BATCH
    pending = 1
    if batch > 1:
        key = f"topic-views:{topic_id}"
        try:
            pending = cache.incr(key)  # the one write a view makes, most of the time
        except ValueError:  # the first view since the last batch (or the count was evicted)
            if cache.add(key, 1, timeout=None):
                return
            pending = cache.incr(key)
        if pending < batch:
            return
        cache.decr(key, pending)
    Topic.objects.filter(pk=topic_id).update(view_count=F("view_count") + pending)
