"""Signed-in users read from the cache: every page a member opens needs the user, their profile and their
groups, and these rarely change. Any save, delete or group change forgets the cached copy at once
(knowledge.signals); USER_SECONDS bounds how long a change made behind the ORM's back can go unseen."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache

from . import page_cache
from .roles import group_ids

USER_SECONDS = 300


def user_key(user_id):
    return f"auth-user:{user_id}"


def forget_user(user_id):
    page_cache.forget(user_key(user_id))


class CachedUserMixin:
    """get_user (run on every signed-in request) served from the cache, for any backend built on
    Django's ModelBackend (the local one, the ministry's OpenID Connect and LDAP: accounts/)."""

    def get_user(self, user_id):
        user = cache.get(user_key(user_id))
        if user is None:
            user = get_user_model()._default_manager.select_related("profile").filter(pk=user_id).first()
            if user is None:
                return None
            group_ids(user)  # read now, so the groups and permissions travel with the cached user
            user.get_all_permissions()
            cache.set(user_key(user_id), user, USER_SECONDS)
        return user if self.user_can_authenticate(user) else None


class CachedModelBackend(CachedUserMixin, ModelBackend):
    """Django's model backend, its users read from the cache."""
