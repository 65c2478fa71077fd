"""Who may read a hearing, comment on it, and answer its comments."""

from django.utils import timezone

from knowledge.roles import moderates

from .models import Audience


def agency_of(user):
    profile = getattr(user, "profile", None)
    return profile.agency if profile else None


def may_read(user, hearing):
    """Its audience (staff, or staff of the agencies named), its owner and the host unit."""
    if not user.is_authenticated:
        return False
    if may_answer(user, hearing) or hearing.audience == Audience.STAFF:
        return True
    agency = agency_of(user)
    return agency is not None and hearing.agencies.filter(pk=agency.pk).exists()


def may_comment(user, hearing, day=None):
    return hearing.is_open(day or timezone.localdate()) and may_read(user, hearing)


def may_answer(user, hearing):
    """The edition's owner (its contact person) and the host unit."""
    owner_id = hearing.page.specific.owner_contact_id
    return user.is_authenticated and (user.pk == owner_id or moderates(user))
