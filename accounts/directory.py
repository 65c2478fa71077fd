"""What the ministry's directory says of a person, applied to their account: roles from its groups, and
the agency from a code or abbreviation. Used by both ways of signing in (oidc.py, ldap.py)."""

import logging

from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models import Q

from knowledge.models import Agency, Profile
from knowledge.roles import Role

logger = logging.getLogger(__name__)


def role_named(name):
    """The role a name stands for: its key (staff, project_team, communicator, moderator, administrator)
    or its Thai group name, in any case; None for anything else."""
    folded = name.casefold()
    return next((role for role in Role if folded in (role.name.casefold(), role.value.casefold())), None)


def roles_for(group_names):
    """The site's roles these directory groups map to: through settings.SSO_ROLE_GROUPS (directory group →
    role, e.g. {"MOE-B40-Moderators": "moderator"}), or a group named as a role itself."""
    mapping = {group.casefold(): role for group, role in settings.SSO_ROLE_GROUPS.items()}
    roles = (role_named(mapping.get(name.casefold(), name)) for name in group_names)
    return list(dict.fromkeys(role for role in roles if role))


def agency_named(value):
    """The agency a directory value names (its code, or its Thai or English abbreviation), or None."""
    value = (value or "").strip()
    if not value:
        return None
    return Agency.objects.filter(
        Q(code__iexact=value) | Q(abbreviation=value) | Q(abbreviation_en__iexact=value)
    ).first()


def apply(user, group_names, agency_value):
    """Set the user's roles to what the directory says (other groups stay as they are) and their agency,
    when the directory names a known one. A person with no mapped group becomes staff (บุคลากร)."""
    roles = roles_for(group_names) or [Role.STAFF]
    kept = user.groups.exclude(name__in=Role.values)
    user.groups.set([*kept, *Group.objects.filter(name__in=[role.value for role in roles])])
    agency = agency_named(agency_value)
    if agency_value and agency is None:
        logger.warning("Directory agency %r of %s matches no agency", agency_value, user.username)
    if agency:
        profile, _created = Profile.objects.get_or_create(user=user)
        if profile.agency_id != agency.pk:
            profile.agency = agency
            profile.save(update_fields=["agency"])
