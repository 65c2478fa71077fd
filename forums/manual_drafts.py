"""Turning a clinic's accepted answer into a draft section of the project's manual.

The answer becomes a new section at the end of the next edition's draft (created if there is none), with
a link back to the question. Nothing is published: the draft goes through the manual's workflow.
"""

from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext as _

from knowledge.models import ManualPage
from knowledge.services import edition_create_next

from .models import ModerationAction, ModerationLog


def manual_for(topic):
    """The manual in force of the first linked project that has one."""
    for project in topic.projects.all().order_by("path"):
        manual = ManualPage.objects.current().descendant_of(project).first()
        if manual:
            return manual
    return None


def next_draft(manual, user):
    """The unpublished next edition of the manual, made now if it does not exist yet."""
    draft = ManualPage.objects.filter(code=manual.code, edition__gt=manual.edition, live=False).order_by(
        "-edition"
    )
    return (draft.first() or edition_create_next(page=manual, user=user)).get_latest_revision_as_object()


@transaction.atomic
def answer_to_manual_draft(*, topic, moderator, source_url):
    """Append the accepted answer to the manual's next draft; return the draft page, or None."""
    manual = manual_for(topic)
    if manual is None or topic.accepted_post is None:
        return None
    draft = next_draft(manual, moderator)
    source = _("Source: the consultation clinic, “%(title)s”") % {"title": escape(topic.title)}
    draft.body.append(("heading", {"text": topic.title, "level": "h2"}))
    draft.body.append(("paragraph", topic.accepted_post.html))
    draft.body.append(("paragraph", f'<p><a href="{escape(source_url)}">{source}</a></p>'))
    draft.save_revision(user=moderator, log_action=True)
    ModerationLog.objects.create(
        moderator=moderator,
        action=ModerationAction.DRAFT,
        topic=topic,
        post=topic.accepted_post,
        note=manual.code,
    )
    return draft
