"""Who may read what in the exchange: one rule, used by lists, pages, feeds, notifications and search.

A category is readable by anyone, by signed-in staff, or only by the groups and agencies it lists.
Moderators of the host unit read everything. The rule is expressed as *audience tokens* so the search
index, which stores entries apart from the forum, can apply the same rule without joining forum tables.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from knowledge.roles import group_ids, moderates

SIGNED_IN = "user"


class Access(models.TextChoices):
    PUBLIC = "public", _("Anyone")
    STAFF = "staff", _("Signed-in staff")
    RESTRICTED = "restricted", _("Listed groups and agencies only")


def group_token(group_id):
    return f"group:{group_id}"


def agency_token(agency_id):
    return f"agency:{agency_id}"


def audience_of(user):
    """The tokens a user holds; None for a moderator, who may read everything. Cached on the user."""
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_forum_audience"):
        if moderates(user):
            user._forum_audience = None
        else:
            tokens = {SIGNED_IN, *(group_token(pk) for pk in group_ids(user))}
            agency_id = getattr(getattr(user, "profile", None), "agency_id", None)
            if agency_id:
                tokens.add(agency_token(agency_id))
            user._forum_audience = tokens
    return user._forum_audience


def can_read(audience, user):
    """Whether a user may read content shown to `audience` (None = everyone)."""
    if audience is None:
        return True
    tokens = audience_of(user)
    return tokens is None or bool(tokens.intersection(audience))
