"""Changes that touch several models at once."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify

from .models import ManualPage, ReviewReminder, StandardPage


def review_reminders_send(*, today=None):
    """Remind each owner once per review date of every edition in force that is past its review date."""
    today = today or timezone.localdate()
    sent = []
    for model in (ManualPage, StandardPage):
        overdue = model.objects.current().filter(review_due__lt=today, owner_contact__email__gt="")
        for page in overdue.select_related("owner_contact"):
            if reminder := review_reminder_send(page=page):
                sent.append(reminder)
    return sent


def review_reminder_send(*, page):
    """Record the reminder, then send it; a reminder already recorded for this due date is not sent again."""
    owner = page.owner_contact
    try:
        with transaction.atomic():
            reminder = ReviewReminder.objects.create(
                page=page, review_due=page.review_due, sent_to=owner.email
            )
            with translation.override(settings.LANGUAGE_CODE):
                context = {"page": page, "owner": owner, "site_url": settings.WAGTAILADMIN_BASE_URL}
                subject = render_to_string("knowledge/email/review_due_subject.txt", context).strip()
                body = render_to_string("knowledge/email/review_due.txt", context)
            send_mail(subject, body, None, [owner.email])
    except IntegrityError:
        return None  # already reminded for this review date
    return reminder


@transaction.atomic
def edition_create_next(*, page, user):
    """A draft of the next edition of a manual or standard, copied from `page`, ready to edit and submit."""
    number = max(edition.edition for edition in page.editions) + 1 if page.editions else page.edition + 1
    changes = {
        "edition": number,
        "slug": slugify(f"{page.code}-e{number}"),
        "effective_date": None,
        "review_due": None,
        "change_note": "",
    }
    return page.copy(update_attrs=changes, keep_live=False, copy_revisions=False, user=user)
