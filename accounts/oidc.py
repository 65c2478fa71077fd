"""OpenID Connect (mozilla-django-oidc): the ministry's identity provider signs people in; its claims give
the username, name, e-mail, groups (settings.OIDC_GROUPS_CLAIM) and agency (OIDC_AGENCY_CLAIM)."""

from django.conf import settings
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from knowledge.auth import CachedUserMixin

from . import directory


def username_of(claims):
    return claims.get("preferred_username") or claims.get("email", "")


class MinistryOIDCBackend(CachedUserMixin, OIDCAuthenticationBackend):
    def verify_claims(self, claims):
        return bool(username_of(claims))

    def filter_users_by_claims(self, claims):
        return self.UserModel.objects.filter(username__iexact=username_of(claims))

    def create_user(self, claims):
        user = self.UserModel.objects.create_user(username_of(claims), email=claims.get("email", ""))
        return self.update_user(user, claims)

    def update_user(self, user, claims):
        user.email = claims.get("email", user.email)
        user.first_name = claims.get("given_name", user.first_name)
        user.last_name = claims.get("family_name", user.last_name)
        user.set_unusable_password()  # the provider holds the password, never this site
        user.save()
        groups = claims.get(settings.OIDC_GROUPS_CLAIM) or []
        directory.apply(
            user, [groups] if isinstance(groups, str) else groups, claims.get(settings.OIDC_AGENCY_CLAIM)
        )
        return user
