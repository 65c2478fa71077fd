"""Every write of a hearing: a comment, the owner's answer, and telling the project's watchers it opened."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from knowledge.roles import moderates
from knowledge.sending import claimed

from .access import agency_of, may_answer, may_comment
from .models import Comment, FeedbackStatus, Hearing, ProjectFeedback


@transaction.atomic
def comment_add(*, hearing, user, part, part_title, quote, body):
    if not may_comment(user, hearing):
        raise PermissionDenied(_("This hearing is not open to you for comment."))
    return Comment.objects.create(
        hearing=hearing,
        author=user,
        agency=agency_of(user),
        part=part,
        part_title=part_title,
        quote=quote.strip(),
        body=body,
    )


@transaction.atomic
def comment_answer(*, comment, user, resolution, reason):
    if not may_answer(user, comment.hearing):
        raise PermissionDenied(_("Only the edition's owner or the host unit answers comments."))
    comment.resolution, comment.reason = resolution, reason.strip()
    comment.resolved_by, comment.resolved_at = user, timezone.now()
    comment.save(update_fields=["resolution", "reason", "resolved_by", "resolved_at"])
    return comment


def watchers(hearing):
    """The people watching the edition's project (forum watches), with an e-mail address."""
    project = hearing.page.get_parent()
    users = get_user_model().objects.filter(forum_watches__project_id=project.pk, is_active=True)
    return list(users.exclude(email="").distinct())


def hearing_announce(*, hearing_id):
    """E-mail the project's watchers that the hearing is open, once (a task run twice sends nothing)."""
    hearing = Hearing.objects.select_related("page").get(pk=hearing_id)
    recipients = [user.email for user in watchers(hearing)]
    with claimed(Hearing.objects.filter(pk=hearing.pk), "announced_at") as unsent:
        if not (unsent and recipients):
            return 0
        with translation.override(settings.LANGUAGE_CODE):
            context = {"hearing": hearing, "site_url": settings.WAGTAILADMIN_BASE_URL}
            subject = render_to_string("participation/email/opened_subject.txt", context).strip()
            body = render_to_string("participation/email/opened.txt", context)
        EmailMessage(subject, body, None, [], bcc=recipients).send()  # watchers do not see each other
    return len(recipients)


@transaction.atomic
def feedback_send(*, project, user, name, organisation, email, body):
    """A stakeholder's feedback, held for moderation."""
    return ProjectFeedback.objects.create(
        project=project,
        author=user if user.is_authenticated else None,
        name=name.strip(),
        organisation=organisation.strip(),
        email=email,
        body=body.strip(),
    )


@transaction.atomic
def feedback_moderate(*, feedback, user, approve):
    if not moderates(user):
        raise PermissionDenied
    feedback.status = FeedbackStatus.APPROVED if approve else FeedbackStatus.REJECTED
    feedback.moderated_by, feedback.moderated_at = user, timezone.now()
    feedback.save(update_fields=["status", "moderated_by", "moderated_at"])
    return feedback
