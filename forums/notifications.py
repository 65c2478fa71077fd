"""Who hears about what, in the site (the bell) and by e-mail.

Requests only write Notification rows. E-mail goes out from background tasks after commit: at once for
people who chose it, or in one daily digest (`send_digests`, run by cron). Nobody is told about a topic
they may not read, so a restricted category never leaks through a mention or a watched tag.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from knowledge import page_cache
from knowledge.models import ProjectTeamMember
from knowledge.sending import claimed

from .access import can_read
from .markdown import mentioned_usernames
from .models import EmailMode, MemberSettings, Notification, TopicKind, Watch
from .rules import can_see_topic

UNREAD_SECONDS = 300


def unread_key(user_id):
    return f"forum-unread:{user_id}"


def unread_count(user):
    """The bell's number, cached until one of the user's notifications changes (forget_unread)."""

    def count():  # built only on a miss: building the query costs more than reading the cache
        return user.forum_notifications.unread().count()

    return cache.get_or_set(unread_key(user.pk), count, UNREAD_SECONDS)


def forget_unread(user_id):
    page_cache.forget(unread_key(user_id))


def forget_recipients_unread(sender, instance, **kwargs):
    forget_unread(instance.recipient_id)


def watch(user, **target):
    """Follow a topic, category, tag or project (idempotent)."""
    Watch.objects.get_or_create(user=user, **target)


def can_read_topic(user, topic):
    return user.is_active and can_see_topic(user, topic)


def notify(recipient, *, kind, topic, actor=None, post=None):
    """One notification, unless the recipient is the actor or may not read the topic."""
    if recipient is None or (actor and recipient.pk == actor.pk) or not can_read_topic(recipient, topic):
        return None
    note = Notification.objects.create(recipient=recipient, kind=kind, actor=actor, topic=topic, post=post)
    transaction.on_commit(lambda: send_immediate.enqueue([note.pk]))
    return note


def notify_all(recipients, **kwargs):
    for recipient in dict.fromkeys(recipients):
        notify(recipient, **kwargs)


def watchers(topic, *, of_topic):
    """Users watching the topic itself (of_topic) or what it belongs to: category, tags, projects."""
    if of_topic:
        targets = Q(topic=topic)
    else:
        targets = (
            Q(category=topic.category_id)
            | Q(tag__in=topic.tags.values("pk"))
            | Q(project__in=topic.projects.values("pk"))
        )
    users = Watch.objects.filter(targets).values("user")
    return list(get_user_model().objects.filter(pk__in=users))


def mentioned(post):
    names = mentioned_usernames(post.body)
    return list(get_user_model().objects.filter(username__in=names)) if names else []


def topic_published(topic, post):
    people = mentioned(post)
    notify_all(people, kind="mention", actor=post.author, topic=topic, post=post)
    if topic.assignee:
        notify(topic.assignee, kind="assigned", actor=post.author, topic=topic, post=post)
    experts = clinic_experts(topic) if topic.kind == TopicKind.QUESTION else []
    told = {*people, topic.assignee}
    others = [user for user in [*experts, *watchers(topic, of_topic=False)] if user not in told]
    notify_all(others, kind="new_topic", actor=post.author, topic=topic, post=post)


def clinic_experts(topic):
    """Who answers a clinic question: the team members of the projects it is about (its own projects, else
    its category's), in the order each team lists them; not the asker, nor anyone the category shuts out."""
    projects = list(topic.projects.values_list("pk", flat=True)) or [topic.category.project_id]
    members = (
        ProjectTeamMember.objects.filter(project__in=[pk for pk in projects if pk], user__is_active=True)
        .exclude(user=topic.author_id)
        .select_related("user")
        .order_by("project_id", "sort_order", "pk")
    )
    audience = topic.category.audience()
    return list(dict.fromkeys(member.user for member in members if can_read(audience, member.user)))


def reply_published(topic, post):
    people = mentioned(post)
    notify_all(people, kind="mention", actor=post.author, topic=topic, post=post)
    others = [user for user in watchers(topic, of_topic=True) if user not in people]
    notify_all(others, kind="reply", actor=post.author, topic=topic, post=post)


# E-mail


def unsubscribe_url(member):
    return settings.WAGTAILADMIN_BASE_URL + reverse("forums:unsubscribe", args=[member.unsubscribe_token])


def send_email(user, notes, *, digest):
    """One message about these notifications, in Thai, with a one-click unsubscribe."""
    member = MemberSettings.of(user)
    context = {
        "user": user,
        "notes": notes,
        "digest": digest,
        "site_url": settings.WAGTAILADMIN_BASE_URL,
        "unsubscribe_url": unsubscribe_url(member),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("forums/email/subject.txt", context).strip()
        text = render_to_string("forums/email/notifications.txt", context)
        html = render_to_string("forums/email/notifications.html", context)
    message = EmailMultiAlternatives(
        subject,
        text,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    with claimed(Notification.objects.filter(pk__in=[note.pk for note in notes]), "emailed_at") as mine:
        if mine:
            message.send()


def pending(notes):
    return notes.filter(emailed_at=None, read_at=None).select_related("topic", "actor", "recipient", "post")


@task()
def send_immediate(notification_ids):
    """E-mail new notifications to the people who want them at once."""
    notes = pending(Notification.objects.filter(pk__in=notification_ids))
    for note in notes:
        user = note.recipient
        if (
            user.email
            and MemberSettings.of(user).email_mode == EmailMode.IMMEDIATE
            and can_read_topic(user, note.topic)
        ):
            send_email(user, [note], digest=False)


@task()
def send_digests():
    """One e-mail per person who chose the daily digest, listing what they have not yet seen."""
    daily = MemberSettings.objects.filter(email_mode=EmailMode.DAILY).values("user")
    by_user = {}
    for note in pending(Notification.objects.filter(recipient__in=daily)).order_by("created_at"):
        if can_read_topic(note.recipient, note.topic):
            by_user.setdefault(note.recipient, []).append(note)
    for user, notes in by_user.items():
        if user.email:
            send_email(user, notes, digest=True)
    return len(by_user)
