"""LDAP / Active Directory (django-auth-ldap): the username and password typed in the site's own sign-in
form are checked against the directory; its groups and agency attribute (settings.LDAP_AGENCY_ATTRIBUTE)
set the roles and agency each time the person signs in."""

from django.conf import settings
from django.dispatch import receiver
from django_auth_ldap.backend import LDAPBackend, populate_user

from knowledge.auth import CachedUserMixin

from . import directory


class MinistryLDAPBackend(CachedUserMixin, LDAPBackend):
    pass


@receiver(populate_user, dispatch_uid="accounts.ldap_directory")
def from_directory(sender, user, ldap_user, **kwargs):
    if user.pk is None:
        user.set_unusable_password()
        user.save()  # groups need the row
    values = ldap_user.attrs.get(settings.LDAP_AGENCY_ATTRIBUTE) or [""]
    directory.apply(user, ldap_user.group_names, values[0])
